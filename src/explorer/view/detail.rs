//! The detail panel: the shown item's document (see `crate::explorer::view::detail::doc`), with
//! the link cursor when the panel has focus.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub mod doc;

use super::{frame, put_line};
use crate::explorer::app::{App, Region};

/// Draw the detail panel into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let kind = app.shown().map_or("Detail", |item| match item.kind() {
        "event" => "Event",
        "factor" => "Factor",
        "actor" => "Actor",
        "era" => "Era",
        _ => "Source",
    });
    let focused = app.focus() == Region::Detail;
    let doc = app.doc();
    let mut title = vec![Span::raw(format!(" {kind} "))];
    if !doc.links.is_empty() {
        let n = doc.links.len();
        title.push(Span::styled(
            format!("{n} link{} ", if n == 1 { "" } else { "s" }),
            t.faded,
        ));
    }
    if app.found_in_note() {
        title.push(Span::styled("· found only in its editorial note ", t.note));
    }
    let block = frame(app, Region::Detail, Line::from(title));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 3 || inner.height == 0 {
        return;
    }
    let text = Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height);
    let scroll = app.detail();
    let cursor_row = doc.links.get(scroll.cursor).map(|&(row, _)| row);
    for (i, line) in doc
        .lines
        .iter()
        .enumerate()
        .skip(scroll.offset)
        .take(usize::from(text.height))
    {
        let y = text.y + (i - scroll.offset) as u16;
        let row = Rect::new(text.x, y, text.width, 1);
        if focused && cursor_row == Some(i) {
            let spans: Vec<Span> = line
                .spans
                .iter()
                .map(|s| Span::styled(s.content.clone(), s.style.patch(t.cursor)))
                .collect();
            put_line(buf, row, &Line::from(spans));
        } else {
            put_line(buf, row, line);
        }
    }
    let height = usize::from(text.height);
    super::scrollbar(app, inner, doc.lines.len(), height, scroll.offset, buf);
}
