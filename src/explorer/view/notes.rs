//! The speaker notes (`S`): on the teacher's own screen, what the class
//! sees now, the teacher's note for it, what comes next, and the live
//! quiz's tally — while the projector shows the slide.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

use super::text::wrap;
use crate::case::class::Lead;
use crate::explorer::app::{App, Overlay};

/// Draw the speaker notes over `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border_focused)
        .title(Line::from(" Speaker notes · S hides them "));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 4 || inner.height < 1 {
        return;
    }
    let width = usize::from(inner.width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let para = |lines: &mut Vec<Line<'static>>, text: &str, style| {
        for piece in wrap(text, width) {
            lines.push(Line::styled(piece, style));
        }
    };
    if let Some(seat) = app.seat() {
        para(
            &mut lines,
            &format!(
                "Class: {} students connected, {} following",
                seat.students, seat.following_count
            ),
            t.faded,
        );
        lines.push(Line::default());
    }
    let case = &app.case;
    match app.lead() {
        Some(Lead::Step {
            tour,
            step,
            present,
        }) => {
            let tr = &case.data.tours[tour];
            let s = &tr.steps[step];
            let shown = if present { "on the slide" } else { "on screen" };
            para(
                &mut lines,
                &format!(
                    "Now {shown}: {} · step {} of {}",
                    tr.name,
                    step + 1,
                    tr.steps.len()
                ),
                t.heading,
            );
            if let Some(item) = case.target(&s.show) {
                para(&mut lines, case.title(item), t.text);
            }
            para(&mut lines, &s.text, t.text);
            lines.push(Line::default());
            match &s.note {
                Some(note) => para(&mut lines, &format!("Your note: {note}"), t.heading),
                None => para(&mut lines, "No teaching note for this step.", t.faded),
            }
            lines.push(Line::default());
            match tr.steps.get(step + 1) {
                Some(next) => {
                    let title = case.target(&next.show).map_or("", |i| case.title(i));
                    para(&mut lines, &format!("Next: {title}"), t.heading);
                    para(&mut lines, &next.text, t.faded);
                }
                None => para(&mut lines, "Next: the tour ends here.", t.faded),
            }
        }
        Some(Lead::Slide(item)) => {
            para(&mut lines, "Now on the slide:", t.heading);
            para(&mut lines, case.title(item), t.text);
        }
        None => para(
            &mut lines,
            "No tour or slide: t starts a tour, P presents what is selected.",
            t.faded,
        ),
    }
    if let Overlay::Quiz(quiz) = app.overlay()
        && let Some(e) = quiz.current()
    {
        lines.push(Line::default());
        let event = &case.data.events[e];
        para(
            &mut lines,
            &format!(
                "Quiz, question {}: {} · {}",
                quiz.at + 1,
                event.year,
                event.title
            ),
            t.heading,
        );
        super::quiz::tally(app, quiz, &mut lines);
    }
    let body = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    for (i, line) in lines.into_iter().take(usize::from(body.height)).enumerate() {
        line.render(Rect::new(body.x, body.y + i as u16, body.width, 1), buf);
    }
}
