//! The list of tours (`t`): each tour's name, its id (what `--tour ID`
//! takes) and its length.

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
    // Two rows a tour (its name, then its id and length) when they fit.
    let per: u16 = if 2 * tours.len() as u16 + 4 <= area.height.saturating_sub(2) {
        2
    } else {
        1
    };
    let height = (per * tours.len() as u16 + 4)
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
    let rows = usize::from(inner.height.saturating_sub(1) / per);
    let offset = cursor.saturating_sub(rows.saturating_sub(1));
    let width = usize::from(inner.width);
    for (row, (i, tour)) in tours.iter().enumerate().skip(offset).take(rows).enumerate() {
        let style = if i == cursor {
            t.text.patch(t.cursor)
        } else {
            t.text
        };
        // The id is what `waltz --tour ID` takes.
        let about = format!("--tour {} · {} steps", tour.id, tour.steps.len());
        let lines = if per == 2 {
            vec![
                Line::styled(pad(&format!(" {}", tour.name), width), style),
                Line::styled(pad(&format!("   {about}"), width), style.patch(t.faded)),
            ]
        } else {
            let about = format!(" {about} ");
            let name = pad(
                &format!(" {}", tour.name),
                width.saturating_sub(about.chars().count()),
            );
            vec![Line::from(vec![
                Span::styled(name, style),
                Span::styled(about, style.patch(t.faded)),
            ])]
        };
        let at = Rect::new(inner.x, inner.y + 1 + per * row as u16, inner.width, per);
        for (n, line) in lines.into_iter().enumerate() {
            line.render(
                Rect {
                    y: at.y + n as u16,
                    height: 1,
                    ..at
                },
                buf,
            );
        }
        report.hits.push((at, Hit::Tour(i)));
    }
}
