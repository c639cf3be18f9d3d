//! The quiz (`z`): an event without its levels; the student picks the
//! levels that explain it; the answer comes with the linked factors.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::{FrameReport, Hit};
use crate::case::model::Level;
use crate::case::quiz::{Quiz, Verdict};
use crate::explorer::app::App;
use crate::explorer::view::text::wrap;

/// Draw the quiz over `area`.
pub fn render(app: &App, quiz: &Quiz, area: Rect, buf: &mut Buffer, report: &mut FrameReport) {
    let t = &app.theme;
    let case = &app.case;
    let total = quiz.order.len();
    let title = format!(
        " Quiz · question {} of {total} · score {}/{} · seed {} ",
        (quiz.at + 1).min(total),
        quiz.right,
        quiz.answered,
        quiz.seed
    );
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border_focused)
        .title(Line::from(title));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 10 || inner.height < 2 {
        return;
    }
    let body = Rect {
        x: inner.x + 1,
        width: inner.width - 2,
        ..inner
    };
    let width = usize::from(body.width);
    let mut lines: Vec<Line> = Vec::new();

    if quiz.order.is_empty() {
        lines.push(Line::styled(
            "No event here is linked to a level: nothing to ask.",
            t.heading,
        ));
        draw(lines, body, &app.theme, buf);
        return;
    }
    let Some(e) = quiz.current() else {
        lines.push(Line::styled("The quiz is over.", t.heading));
        lines.push(Line::default());
        lines.push(Line::styled(
            format!(
                "{} of {} answered exactly right.",
                quiz.right, quiz.answered
            ),
            t.text,
        ));
        lines.push(Line::styled(
            format!(
                "Share seed {} (waltz --seed {}) for the same questions.",
                quiz.seed, quiz.seed
            ),
            t.faded,
        ));
        lines.push(Line::styled("Enter or Esc to leave.", t.faded));
        draw(lines, body, &app.theme, buf);
        return;
    };
    let event = &case.data.events[e];
    lines.push(Line::styled(
        format!("{} · {}", event.date_label(), event.title),
        t.heading,
    ));
    lines.push(Line::default());
    for piece in wrap(&event.summary, width) {
        lines.push(Line::styled(piece, t.text));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Which level or levels explain it?", t.heading));
    let mut choices = Vec::new();
    // Where each choice is, for a click to pick it: (row, from, to).
    let choice_row = lines.len();
    let mut spans_at = Vec::new();
    let mut x = 0;
    for (n, level) in Level::ALL.into_iter().enumerate() {
        let on = quiz.chosen.contains(level);
        let mark = if on { "[x]" } else { "[ ]" };
        let style = if on {
            t.level(level).patch(t.lit)
        } else {
            t.level(level)
        };
        let text = format!("{} {mark} {}", n + 1, level.name());
        let w = crate::explorer::view::text::width(&text) as u16;
        spans_at.push((level, x, w));
        x += w + 3;
        choices.push(Span::styled(text, style));
        choices.push(Span::raw("   "));
    }
    lines.push(Line::from(choices));
    if choice_row < usize::from(body.height) {
        let y = body.y + choice_row as u16;
        for (level, dx, w) in spans_at {
            let at = Rect::new(body.x + dx, y, w, 1).intersection(body);
            report.hits.push((at, Hit::Answer(level)));
        }
    }

    if quiz.revealed {
        lines.push(Line::default());
        let truth = case.levels(e);
        let verdict = match quiz.verdict(case) {
            Some(Verdict::Right) => "✓ Right",
            Some(Verdict::Partly) => "◐ Partly right",
            _ => "✗ Not this time",
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{verdict} — "), t.heading),
            Span::styled(format!("the paper links it to: {}", truth.names()), t.text),
        ]));
        for &f in &case.index.event_factors[e] {
            let x = &case.data.factors[f];
            lines.push(Line::from(vec![
                Span::styled(format!("  {} ", x.effect.symbol()), t.effect(x.effect)),
                Span::styled(x.name.clone(), t.text),
                Span::styled(
                    format!("  {}", x.level.name().to_lowercase()),
                    t.level(x.level),
                ),
            ]));
        }
        lines.push(Line::styled("Enter for the next question.", t.faded));
    }
    draw(lines, body, &app.theme, buf);
}

/// Draw `lines` down `area`; when they run past its bottom, the last row
/// says so with ⋮ instead of cutting them off unseen.
fn draw(mut lines: Vec<Line>, area: Rect, t: &crate::config::theme::Theme, buf: &mut Buffer) {
    let rows = usize::from(area.height);
    if lines.len() > rows && rows >= 2 {
        lines.truncate(rows - 1);
        lines.push(Line::styled("⋮ (a taller screen shows the rest)", t.faded));
    }
    for (i, line) in lines.into_iter().enumerate().take(rows) {
        line.render(Rect::new(area.x, area.y + i as u16, area.width, 1), buf);
    }
}
