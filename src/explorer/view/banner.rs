//! The reload banner (`--watch`): when a save breaks the case file, the
//! last good version stays on screen and its errors show here, as `waltz
//! check` prints them (path:line:col, the line, a caret), until a save
//! that loads.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

use super::text::fit;
use crate::explorer::app::App;

/// Draw `problem` in a banner across the top of `area`.
pub fn render(app: &App, problem: &str, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lines: Vec<&str> = problem.lines().collect();
    let height = (lines.len() as u16 + 2).min(area.height / 2).max(3);
    let at = Rect {
        height: height.min(area.height),
        ..area
    };
    super::popup_ground(app, at, buf);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.warning)
        .title(Line::styled(
            " The file did not load: the last good version stays on screen ",
            t.warning,
        ));
    let inner = block.inner(at);
    block.render(at, buf);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let more = lines.len() > rows;
    for (i, line) in lines.iter().take(rows).enumerate() {
        let text = if more && i + 1 == rows {
            format!(
                "… {} more lines: waltz check shows them all",
                lines.len() - i
            )
        } else {
            (*line).to_owned()
        };
        Line::styled(fit(&text, width), t.text)
            .render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
    }
}
