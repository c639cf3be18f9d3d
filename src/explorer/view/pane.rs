//! A level pane: that level's factors, each with its effect (`+ − ±`), lit
//! when the anchored event involves it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{frame, put_line, row_style};
use crate::case::model::Level;
use crate::explorer::app::{App, Region};
use crate::explorer::view::text::{fit, pad, wrap};

/// Draw `level`'s pane into `area`.
pub fn render(app: &App, level: Level, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let factors = &app.case.index.level_factors[level.index()];
    let lit = app.lit();
    let count = if lit.factors.is_some() {
        let n = factors.iter().filter(|&&f| lit.factor(f)).count();
        format!("{n}/{} ", factors.len())
    } else {
        format!("{} ", factors.len())
    };
    let title = Line::from(vec![
        Span::styled(
            format!(" {} ", level.name()),
            t.level(level).patch(t.heading),
        ),
        Span::styled(count, t.faded),
    ]);
    let region = Region::Pane(level);
    let block = frame(app, region, title);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if factors.is_empty() {
        put_line(
            buf,
            inner,
            &Line::styled(" no factors at this level", t.faded),
        );
        return;
    }

    let per_item = app.pane_item_height(level);
    let visible = usize::from(inner.height) / per_item;
    let scroll = app.pane(level);
    let width = usize::from(inner.width).saturating_sub(1);
    let focused = app.focus() == region;
    // The cursor shows where the user is: in the focused pane, and in the
    // pane that holds the anchor or the shown item.
    let shows_cursor = focused || app.anchor_region() == region || app.shown_region() == region;
    let dimmed = app.lens().is_some_and(|l| l != level);
    for (row, (i, &f)) in factors
        .iter()
        .enumerate()
        .skip(scroll.offset)
        .take(visible)
        .enumerate()
    {
        let factor = &app.case.data.factors[f];
        let is_lit = lit.factor(f);
        let fades = dimmed || (lit.factors.is_some() && !is_lit);
        let base = if fades { t.faded } else { t.text };
        let base = if is_lit { base.patch(t.lit) } else { base };
        let cursor = shows_cursor && i == scroll.cursor;
        let style = |s| row_style(t, s, cursor, focused);
        let effect_style = if fades {
            t.effect(factor.effect).patch(t.faded)
        } else {
            t.effect(factor.effect)
        };
        let line = Line::from(vec![
            Span::styled(if is_lit { "●" } else { " " }, style(base)),
            Span::styled(format!("{} ", factor.effect.symbol()), style(effect_style)),
            Span::styled(
                // A level the paper implies rather than states is marked.
                pad(&factor.marked_name(), width.saturating_sub(3)),
                style(base),
            ),
        ]);
        let y = inner.y + (row * per_item) as u16;
        put_line(buf, Rect::new(inner.x, y, width as u16, 1), &line);
        // The summary under the name, wrapped into the rows the factor has,
        // the last of them ending in an ellipsis when the summary runs on.
        let room = per_item - 1;
        let text_width = width.saturating_sub(3).max(1);
        let mut pieces = wrap(&factor.summary, text_width);
        if room > 0 && pieces.len() > room {
            let rest = pieces[room - 1..].join(" ");
            pieces.truncate(room - 1);
            pieces.push(fit(&rest, text_width));
        }
        for (k, piece) in pieces.iter().enumerate().take(room) {
            let summary = Line::styled(format!("   {}", pad(piece, text_width)), t.faded);
            let at = Rect::new(inner.x, y + 1 + k as u16, width as u16, 1);
            put_line(buf, at, &summary);
        }
    }

    super::scrollbar(app, inner, factors.len(), visible, scroll.offset, buf);
}
