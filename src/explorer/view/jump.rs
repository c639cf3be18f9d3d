//! A one-line prompt drawn over the bottom of a region (the year jump).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::explorer::app::App;

/// Draw a prompt labelled `label` holding `input` over the bottom of `area`.
pub fn render(app: &App, label: &str, input: &str, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    if area.height < 3 || area.width < 4 {
        return;
    }
    let popup = Rect::new(area.x, area.bottom() - 3, area.width, 3);
    super::popup_ground(app, popup, buf);
    let block = Block::bordered()
        .border_style(t.border_focused)
        .title(Line::from(format!(" {label} ")));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let line = Line::from(vec![
        Span::styled(": ", t.key),
        Span::styled(input.to_owned(), t.text),
        Span::styled("█", t.key),
    ]);
    line.render(inner, buf);
}
