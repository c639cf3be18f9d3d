//! The help popup: every key binding, from the key map.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

use crate::app::App;

/// Draw the help over `area`, scrolled to `scroll`.
pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let popup = crate::layout::help(area);
    if popup.width < 10 || popup.height < 3 {
        return;
    }
    super::popup_ground(app, popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border_focused)
        .title(Line::from(" Keys "));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let help = app.help_document();
    let lines = help.lines;
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        line.render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
    }
}
