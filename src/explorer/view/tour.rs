//! The list of tours (`t`): each tour's name and length.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::{FrameReport, Hit};
use crate::explorer::app::App;
use crate::explorer::view::text::pad;

/// Draw the list over `area`, the highlighted tour at `cursor`.
pub fn render(app: &App, cursor: usize, area: Rect, buf: &mut Buffer, report: &mut FrameReport) {
    let t = &app.theme;
    let tours = &app.case.data.tours;
    let width = area.width.saturating_sub(4).min(70);
    let height = (tours.len() as u16 + 4)
        .min(area.height.saturating_sub(2))
        .max(5);
    if width < 20 || area.height < 5 {
        return;
    }
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height.min(area.height),
    );
    super::popup_ground(app, popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border_focused)
        .title(Line::from(" Guided tours "));
    let inner = block.inner(popup);
    block.render(popup, buf);
    if tours.is_empty() {
        Line::styled(" this dataset has no tours", t.faded).render(inner, buf);
        return;
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    let offset = cursor.saturating_sub(rows.saturating_sub(1));
    let width = usize::from(inner.width);
    for (row, (i, tour)) in tours.iter().enumerate().skip(offset).take(rows).enumerate() {
        let steps = format!(" {} steps ", tour.steps.len());
        let name = pad(
            &format!(" {}", tour.name),
            width.saturating_sub(steps.chars().count()),
        );
        let style = if i == cursor {
            t.text.patch(t.cursor)
        } else {
            t.text
        };
        let line = Line::from(vec![
            Span::styled(name, style),
            Span::styled(steps, style.patch(t.faded)),
        ]);
        let at = Rect::new(inner.x, inner.y + 1 + row as u16, inner.width, 1);
        line.render(at, buf);
        report.hits.push((at, Hit::Tour(i)));
    }
}
