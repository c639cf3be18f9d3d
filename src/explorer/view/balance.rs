//! The balance view (`b`): for each era, the enablers against the
//! constraints at each level, as bars with their numbers; a strip of events
//! per year by level; and the factors behind the selected bar.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::{FrameReport, Hit};
use crate::case::balance::{self, Cell};
use crate::case::model::{Effect, Level};
use crate::explorer::app::App;
use crate::explorer::view::text::{fit, pad};

/// Draw the balance view over `area`, with `era` (row, in start order)
/// and `level` selected.
pub fn render(
    app: &App,
    era: usize,
    level: Level,
    area: Rect,
    buf: &mut Buffer,
    report: &mut FrameReport,
) {
    let t = &app.theme;
    let case = &app.case;
    let rows = balance::by_era(case);
    let years = balance::density(case);
    let era = era.min(rows.len().saturating_sub(1));
    let Some(selected) = rows.get(era) else {
        return;
    };

    // Room first for every era, then for the list of factors, then for the
    // strip of events per year, which goes when the screen is short.
    const ITEMS_MIN: u16 = 4;
    const STRIP: u16 = 5;
    let eras_need = 2 + 2 * rows.len() as u16 + 2;
    let strip = if !years.is_empty() && eras_need + STRIP + ITEMS_MIN <= area.height {
        STRIP
    } else {
        0
    };
    let items_height = area
        .height
        .saturating_sub(eras_need + strip)
        .clamp(ITEMS_MIN.min(area.height / 2), 12);
    let [chart, items] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(items_height),
    ]));

    let mut block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border_focused)
        .title(Line::from(" Balance of interests "));
    if strip == 0 && !years.is_empty() {
        // Say what the short screen leaves out rather than drop it unseen.
        block = block.title_bottom(Line::styled(
            " events per year: on a taller screen ",
            t.faded,
        ));
    }
    let inner = block.inner(chart);
    block.render(chart, buf);
    if inner.width < 30 || inner.height < 3 {
        return;
    }

    // Era names get a fifth of the width (so long names show whole on a
    // wide screen), the rest goes to the three levels' bars.
    let name_width = (inner.width / 5).clamp(18, 32);
    let column = (inner.width - name_width) / 3;
    let max = rows
        .iter()
        .flat_map(|r| r.levels.iter())
        .flat_map(|c| Effect::ALL.map(|e| c.count(e)))
        .max()
        .unwrap_or(0)
        .max(1);
    // A bar gets what its row leaves: the column less a gap, the sign, the
    // count and, when any bar has them, the mixed factors' "  ± n". It is
    // drawn in eighths of a cell, so that counts stay apart even when a
    // narrow screen leaves it a cell or two.
    let digits = max.to_string().len();
    let any_mixed = rows
        .iter()
        .flat_map(|r| r.levels.iter())
        .any(|c| c.count(Effect::Mixed) > 0);
    let fixed = 1 + 2 + 1 + digits + if any_mixed { 4 + digits } else { 0 };
    let bar_room = usize::from(column).saturating_sub(fixed).max(1);
    let bar = |n: usize| -> String {
        const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
        let eighths = if n == 0 {
            0
        } else {
            (n * bar_room * 8).div_ceil(max).max(2)
        };
        "█".repeat(eighths / 8) + PARTS[eighths % 8]
    };

    let mut y = inner.y;
    let line_at = |y: u16, x: u16, width: u16, line: Line, buf: &mut Buffer| {
        if y < inner.bottom() {
            line.render(Rect::new(x, y, width, 1), buf);
        }
    };
    line_at(
        y,
        inner.x,
        inner.width,
        Line::from(vec![
            // The legend matters more than the sentence before it.
            Span::styled(
                if inner.width >= 72 {
                    " Factors at work in each era's events: "
                } else {
                    " "
                },
                t.faded,
            ),
            Span::styled("+ enablers ", t.effect(Effect::Enabler)),
            Span::styled("− constraints ", t.effect(Effect::Constraint)),
            Span::styled("± mixed", t.effect(Effect::Mixed)),
        ]),
        buf,
    );
    y += 1;
    for (i, l) in Level::ALL.into_iter().enumerate() {
        let x = inner.x + name_width + column * i as u16;
        line_at(
            y,
            x,
            column,
            Line::styled(l.name(), t.level(l).patch(t.heading)),
            buf,
        );
    }
    y += 1;

    // Era rows, scrolled so the selected one shows, leaving room for the strip.
    let room = usize::from(inner.bottom().saturating_sub(y).saturating_sub(strip)) / 2;
    let first = era.saturating_sub(room.saturating_sub(1));
    for (r, row) in rows.iter().enumerate().skip(first).take(room.max(1)) {
        let x = &case.data.eras[row.era];
        let name = fit(&x.name, usize::from(name_width) - 2);
        line_at(y, inner.x + 1, name_width, Line::styled(name, t.era), buf);
        line_at(
            y + 1,
            inner.x + 1,
            name_width,
            Line::styled(format!("{}–{}", x.start, x.end), t.faded),
            buf,
        );
        for (i, l) in Level::ALL.into_iter().enumerate() {
            let cell = &row.levels[l.index()];
            let chosen = r == era && l == level;
            let style = |s: Style| if chosen { s.patch(t.cursor) } else { s };
            let cx = inner.x + name_width + column * i as u16;
            let width = usize::from(column).saturating_sub(1);
            let enablers = cell.count(Effect::Enabler);
            let constraints = cell.count(Effect::Constraint);
            let mixed = cell.count(Effect::Mixed);
            let top = format!("{} {enablers}", bar(enablers));
            let mut bottom = format!("{} {constraints}", bar(constraints));
            if mixed > 0 {
                bottom.push_str(&format!("  ± {mixed}"));
            }
            let top = Line::from(vec![
                Span::styled("+ ", style(t.effect(Effect::Enabler))),
                Span::styled(
                    pad(&top, width.saturating_sub(2)),
                    style(t.effect(Effect::Enabler)),
                ),
            ]);
            let bottom = Line::from(vec![
                Span::styled("− ", style(t.effect(Effect::Constraint))),
                Span::styled(
                    pad(&bottom, width.saturating_sub(2)),
                    style(t.effect(Effect::Constraint)),
                ),
            ]);
            line_at(y, cx, column, top, buf);
            line_at(y + 1, cx, column, bottom, buf);
            let at = Rect::new(cx, y, column, 2).intersection(inner);
            report.hits.push((at, Hit::Bar(r, l)));
        }
        y += 2;
    }

    if strip > 0 && y + STRIP <= inner.bottom() {
        density_strip(
            app,
            &years,
            Rect::new(inner.x, inner.bottom() - STRIP, inner.width, STRIP),
            buf,
        );
    }

    items_list(
        app,
        selected.era,
        level,
        &selected.levels[level.index()],
        items,
        buf,
    );
}

/// Events per year, one row per level, one column per year (or per group
/// of years when the period is wider than the screen).
fn density_strip(app: &App, years: &[(i32, [usize; 3])], area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    const LABEL: u16 = 12;
    let columns = usize::from(area.width.saturating_sub(LABEL + 1)).max(1);
    let per = years.len().div_ceil(columns).max(1);
    let cell = if per == 1 {
        (columns / years.len().max(1)).clamp(1, 4)
    } else {
        1
    };
    let buckets: Vec<(i32, [usize; 3])> = years
        .chunks(per)
        .map(|c| {
            let mut sum = [0; 3];
            for (_, counts) in c {
                for (s, n) in sum.iter_mut().zip(counts) {
                    *s += n;
                }
            }
            (c[0].0, sum)
        })
        .collect();
    let max = buckets
        .iter()
        .flat_map(|(_, c)| *c)
        .max()
        .unwrap_or(0)
        .max(1);
    const BARS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    Line::styled(" Events per year, by level", t.faded).render(Rect { height: 1, ..area }, buf);
    // Year labels every few columns, where they fit.
    let mut x = area.x + LABEL;
    let mut next_free = x;
    for (year, _) in &buckets {
        if x >= next_free && (year % 5 == 0 || *year == buckets[0].0) && x + 4 <= area.right() {
            buf.set_string(x, area.y + 1, year.to_string(), t.year);
            next_free = x + 5;
        }
        x += cell as u16;
    }
    for level in Level::ALL {
        let y = area.y + 2 + level.index() as u16;
        Line::styled(format!(" {}", level.name()), t.level(level))
            .render(Rect::new(area.x, y, LABEL, 1), buf);
        let mut x = area.x + LABEL;
        for (_, counts) in &buckets {
            let n = counts[level.index()];
            let height = if n == 0 {
                0
            } else {
                (n * 8).div_ceil(max).clamp(1, 8)
            };
            for _ in 0..cell {
                if x < area.right() {
                    buf.set_string(x, y, BARS[height], t.level(level));
                }
                x += 1;
            }
        }
    }
}

/// The factors behind the selected bar.
fn items_list(app: &App, era: usize, level: Level, cell: &Cell, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let case = &app.case;
    // The counts that are not zero, the era's name giving way to them.
    let counts: Vec<String> = Effect::ALL
        .into_iter()
        .filter(|&e| cell.count(e) > 0)
        .map(|e| e.counted(cell.count(e)))
        .collect();
    let counts = format!(
        "{}: {}",
        level.name(),
        if counts.is_empty() {
            "none".to_owned()
        } else {
            counts.join(", ")
        }
    );
    let name_room = usize::from(area.width)
        .saturating_sub(crate::explorer::view::text::width(&counts) + 7)
        .max(1);
    let title = format!(" {} · {counts} ", fit(&case.data.eras[era].name, name_room));
    let block = Block::bordered()
        .border_style(t.border)
        .title(Line::styled(title, t.heading));
    let inner = block.inner(area);
    block.render(area, buf);
    let factors: Vec<usize> = cell.all().collect();
    if factors.is_empty() {
        Line::styled(" no factors at this level in this era", t.faded).render(inner, buf);
        return;
    }
    // More columns when the rows run out, filled top to bottom, each wide
    // enough for a name to be recognised; the last slot says how many more
    // when they still do not fit.
    let rows = usize::from(inner.height);
    let needed = factors.len().div_ceil(rows.max(1));
    let columns = needed.min(usize::from(inner.width) / 30).max(1);
    let column = inner.width / columns as u16;
    let slots = rows * columns;
    let shown = if factors.len() > slots {
        slots.saturating_sub(1)
    } else {
        factors.len()
    };
    let at = |i: usize| {
        let x = inner.x + column * (i / rows.max(1)) as u16;
        Rect::new(x, inner.y + (i % rows.max(1)) as u16, column, 1)
    };
    for (i, &f) in factors.iter().take(shown).enumerate() {
        let x = &case.data.factors[f];
        let line = Line::from(vec![
            Span::styled(format!(" {} ", x.effect.symbol()), t.effect(x.effect)),
            Span::styled(fit(&x.name, usize::from(column).saturating_sub(4)), t.text),
        ]);
        line.render(at(i), buf);
    }
    if factors.len() > shown && slots > 0 {
        let more = format!(" … and {} more", factors.len() - shown);
        Line::styled(more, t.faded).render(at(shown), buf);
    }
}
