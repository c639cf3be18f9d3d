//! The timeline: a year ruler, era headers, the background fold and one row
//! per event with a marker for each level it touches.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{frame, put_line, row_style};
use crate::case::model::Level;
use crate::explorer::app::timeline::Row;
use crate::explorer::app::{App, Lit, Region};
use crate::explorer::view::text::{self, fit, pad};

/// Width of the year column, the ruler and the lit marker: "1998" + " │" + "● ".
const GUTTER: usize = 8;
/// Width of the level markers at the right: " IDS".
const LEVELS: usize = 4;

/// Draw the timeline into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let (first, last) = app.case.data.period;
    let mut title = vec![
        Span::raw(" Timeline "),
        Span::styled(format!("{first}–{last} "), t.year),
    ];
    if let Some(level) = app.lens() {
        title.push(Span::styled(
            format!("[{} only] ", level.name().to_lowercase()),
            t.level(level),
        ));
        // In a narrow column the lens matters more than the word "Timeline".
        let room = usize::from(area.width).saturating_sub(2);
        if title.iter().map(Span::width).sum::<usize>() > room {
            title[0] = Span::raw(" ");
        }
    }
    let mut block = frame(app, Region::Timeline, Line::from(title));
    // How many events the selection lights, as each pane counts its
    // factors; on the bottom edge, where the lens leaves it room.
    if let Some(lit) = app.lit().events {
        block = block.title_bottom(Line::styled(format!(" {} ● ", lit.len()), t.lit));
    }
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }

    let rows = app.rows();
    if rows.is_empty() {
        let message = match app.lens() {
            Some(level) => format!(
                " no events involve the {} level; 0 shows all",
                level.name().to_lowercase()
            ),
            None => " this dataset has no events".to_owned(),
        };
        let lines = crate::explorer::view::text::wrap(&message, usize::from(inner.width));
        for (i, piece) in lines
            .into_iter()
            .enumerate()
            .take(usize::from(inner.height))
        {
            let row = Rect {
                y: inner.y + i as u16,
                ..inner
            };
            put_line(buf, row, &Line::styled(piece, t.faded));
        }
        return;
    }
    let scroll = app.timeline();
    let height = usize::from(inner.height);
    let text_width = usize::from(inner.width).saturating_sub(1);
    let lit = app.lit();
    let focused = app.focus() == Region::Timeline;
    let mut previous_year = None;
    for (i, row) in rows.iter().enumerate().skip(scroll.offset).take(height) {
        let y = inner.y + (i - scroll.offset) as u16;
        let line_area = Rect::new(inner.x, y, text_width as u16, 1);
        let cursor = i == scroll.cursor;
        let line = match *row {
            Row::Fold(n) => fold_line(app, n, text_width, cursor, focused),
            Row::Era(x) => era_line(app, x, text_width),
            Row::NoEra => header(app, "no era", text_width),
            Row::After => header(
                app,
                &format!("after {}", app.case.data.period.1),
                text_width,
            ),
            Row::Event(e) => {
                let year = app.case.data.events[e].year;
                let show_year = previous_year != Some(year);
                previous_year = Some(year);
                event_line(app, e, show_year, lit, text_width, cursor, focused)
            }
        };
        if !matches!(row, Row::Event(_)) {
            previous_year = None;
        }
        put_line(buf, line_area, &line);
    }

    super::scrollbar(app, inner, rows.len(), height, scroll.offset, buf);
}

fn fold_line(app: &App, n: usize, width: usize, cursor: bool, focused: bool) -> Line<'static> {
    let t = &app.theme;
    let arrow = if app.fold_open() { "▾" } else { "▸" };
    let all = app.case.background_count();
    // Under a lens, how many of them it lets through.
    let count = if n < all {
        format!("{n} of {all}")
    } else {
        n.to_string()
    };
    let text = format!(
        "before {} · {count} background event{}",
        app.case.data.period.0,
        if all == 1 { "" } else { "s" }
    );
    // Lit events folded away are counted on the fold, so they are not
    // lost from sight.
    let folded_lit = app.folded_lit();
    // The count first, where even a narrow column shows it.
    let (text, base) = if folded_lit > 0 {
        (
            format!("{arrow} {folded_lit} ● · {text}"),
            t.era.patch(t.lit),
        )
    } else {
        (format!("{arrow} {text}"), t.era)
    };
    let style = row_style(t, base, cursor, focused);
    Line::from(Span::styled(pad(&text, width), style))
}

fn era_line(app: &App, x: usize, width: usize) -> Line<'static> {
    let era = &app.case.data.eras[x];
    header(
        app,
        &format!("{} {}–{}", era.name, era.start, era.end),
        width,
    )
}

/// A header row: `── label ─────`, across the width.
fn header(app: &App, label: &str, width: usize) -> Line<'static> {
    let label = fit(&format!("── {label} "), width);
    let fill = "─".repeat(width.saturating_sub(text::width(&label)));
    Line::from(Span::styled(format!("{label}{fill}"), app.theme.era))
}

fn event_line(
    app: &App,
    e: usize,
    show_year: bool,
    lit: Lit,
    width: usize,
    cursor: bool,
    focused: bool,
) -> Line<'static> {
    let t = &app.theme;
    let case = &app.case;
    let event = &case.data.events[e];
    let is_lit = lit.event(e);
    let year_lit = lit.any_event_in(case.year_events(event.year));
    let fades = lit.events.is_some() && !is_lit;
    let base = if fades { t.faded } else { t.text };
    let base = if is_lit { base.patch(t.lit) } else { base };

    let year_style = if year_lit {
        t.year.patch(t.lit)
    } else {
        t.year
    };
    let year = if show_year {
        format!("{:>4}", event.year)
    } else {
        "    ".into()
    };
    let ruler = if year_lit { "┃" } else { "│" };
    let mark = if is_lit { "●" } else { " " };

    // The year stands in its own column; a period's end is an arrow.
    let mut date = event.date_marks();
    if let Some(until) = event.until().filter(|&u| u != event.year) {
        date.push_str(&format!("→{until} "));
    }

    let title_room = width.saturating_sub(GUTTER + LEVELS + text::width(&date));
    let title = pad(&event.title, title_room);
    let row = |style: Style| row_style(t, style, cursor, focused);
    let mut spans = vec![
        Span::styled(year, row(year_style)),
        Span::styled(format!(" {ruler}"), row(year_style)),
        Span::styled(format!("{mark} "), row(base)),
        Span::styled(date, row(base.patch(t.faded))),
        Span::styled(title, row(base)),
        Span::styled(" ", row(base)),
    ];
    let levels = case.levels(e);
    for level in Level::ALL {
        let (text, style) = if levels.contains(level) {
            (level.letter().to_string(), t.level(level))
        } else {
            (super::ascii::ABSENT_LEVEL.to_string(), t.faded)
        };
        spans.push(Span::styled(
            text,
            row(if fades { style.patch(t.faded) } else { style }),
        ));
    }
    Line::from(spans)
}
