//! A level pane: that level's factors, each with its effect (`+ − ±`), lit
//! when the anchored event involves it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{frame, put_line, row_style};
use crate::case::model::Level;
use crate::explorer::app::{App, Region};
use crate::explorer::view::layout::PANE_MARKS;
use crate::explorer::view::text::{pad, wrap_rows};

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

    let layout = app.pane_layout(level);
    let visible = layout.shown(usize::from(inner.height));
    let scroll = app.pane(level);
    let width = usize::from(inner.width).saturating_sub(1);
    let text_width = width.saturating_sub(PANE_MARKS).max(1);
    let focused = app.focus() == region;
    // The cursor shows where the user is: in the focused pane, and in the
    // pane that holds the anchor or the shown item.
    let shows_cursor = focused || app.anchor_region() == region || app.shown_region() == region;
    let dimmed = app.lens().is_some_and(|l| l != level);
    let mut y = inner.y;
    for (i, &f) in factors.iter().enumerate().skip(scroll.offset).take(visible) {
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
        let rows = layout.item(i);
        // A level the paper implies rather than states is marked.
        let name = wrap_rows(&factor.marked_name(), rows.name, text_width);
        for (k, piece) in name.iter().enumerate() {
            // The marks on the name's first row; its other rows under it.
            let mut spans = match k {
                0 => vec![
                    Span::styled(if is_lit { "●" } else { " " }, style(base)),
                    Span::styled(format!("{} ", factor.effect.symbol()), style(effect_style)),
                ],
                _ => vec![Span::styled(" ".repeat(PANE_MARKS), style(base))],
            };
            spans.push(Span::styled(pad(piece, text_width), style(base)));
            put_line(
                buf,
                Rect::new(inner.x, y, width as u16, 1),
                &Line::from(spans),
            );
            y += 1;
        }
        // The summary under the name, in the rows the factor has.
        for piece in wrap_rows(&factor.summary, rows.summary, text_width) {
            let summary = Line::styled(format!("   {}", pad(&piece, text_width)), t.faded);
            put_line(buf, Rect::new(inner.x, y, width as u16, 1), &summary);
            y += 1;
        }
    }

    super::scrollbar(app, inner, factors.len(), visible, scroll.offset, buf);
}
