//! The quiz (`z`): an event without its levels; the student picks the
//! levels that explain it; the answer comes with the linked factors.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::{FrameReport, Hit, ListWindow};
use crate::case::model::Level;
use crate::case::quiz::{Answer, Quiz, Verdict};
use crate::config::action::Action;
use crate::config::keymap::{Mode, arrows_named};
use crate::explorer::app::App;
use crate::explorer::view::text::{fit_parts, wrap};

/// Draw the quiz over `area`.
pub fn render(app: &App, quiz: &Quiz, area: Rect, buf: &mut Buffer, report: &mut FrameReport) {
    let t = &app.theme;
    let case = &app.case;
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border_focused)
        .title(Line::from(title(app, quiz, area.width)));
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
        review(app, quiz, width, &mut lines);
        // Scrolled, a row goes to the ⋮ above (and one to the ⋮ below).
        let rows = usize::from(body.height);
        let last_offset = match lines.len() > rows {
            true => lines.len() + 1 - rows,
            false => 0,
        };
        report.list = ListWindow {
            page: rows.saturating_sub(1),
            last_offset,
        };
        let offset = app.list_offset().min(report.list.last_offset);
        draw_window(app, lines, offset, body, buf);
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
    if app.is_teacher() {
        tally(app, quiz, &mut lines);
        if quiz.revealed {
            revealed(app, e, None, &mut lines);
            lines.push(Line::styled("Enter asks the next question.", t.faded));
        } else {
            lines.push(Line::styled("Enter shows the class the answer.", t.faded));
        }
        draw(lines, body, &app.theme, buf);
        return;
    }
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
        let verdict = match quiz.answer().filter(|_| !quiz.live || quiz.sent) {
            None => "No answer sent".to_owned(),
            Some(answer) => said(app, &answer),
        };
        revealed(app, e, Some(&verdict), &mut lines);
        if quiz.live {
            lines.push(Line::styled("The teacher asks the next question.", t.faded));
        } else {
            lines.push(Line::styled("Enter for the next question.", t.faded));
        }
    } else if quiz.live && quiz.sent {
        lines.push(Line::default());
        lines.push(Line::styled(
            format!(
                "Answered: {} — waiting for the teacher.",
                quiz.chosen.names()
            ),
            t.heading,
        ));
    } else if quiz.live {
        lines.push(Line::styled("Enter sends your answer.", t.faded));
    }
    draw(lines, body, &app.theme, buf);
}

/// The quiz's title, in `width` cells: what it is, the question, the score
/// and the seed, the last giving way first.
fn title(app: &App, quiz: &Quiz, width: u16) -> String {
    let total = quiz.order.len();
    let number = (quiz.at + 1).min(total);
    let question = format!("question {number} of {total}");
    let score = format!("score {}/{}", quiz.right, quiz.answered);
    let seed = format!("seed {}", quiz.seed);
    let parts: Vec<&str> = if app.is_teacher() {
        vec!["Class quiz", &question, &seed]
    } else if quiz.live {
        vec!["Live quiz", &question, &score]
    } else {
        vec!["Quiz", &question, &score, &seed]
    };
    let room = usize::from(width).saturating_sub(4);
    format!(" {} ", fit_parts(&parts, room))
}

/// An answer's verdict with its partial credit: "◐ Partly right (2 of 3
/// levels)".
fn said(app: &App, answer: &Answer) -> String {
    let verdict = match answer.verdict(&app.case) {
        Verdict::Right => "✓ Right",
        Verdict::Partly => "◐ Partly right",
        Verdict::Wrong => "✗ Not this time",
    };
    format!("{verdict} ({} of 3 levels)", answer.levels_right(&app.case))
}

/// The end of the quiz: the score, exact and partial, then a review of the
/// questions not answered exactly right.
fn review(app: &App, quiz: &Quiz, width: usize, lines: &mut Vec<Line<'static>>) {
    let t = &app.theme;
    let case = &app.case;
    lines.push(Line::styled("The quiz is over.", t.heading));
    lines.push(Line::default());
    let (levels_right, levels_judged) = quiz.levels_right(case);
    let score = format!(
        "{} of {} answered exactly right, {} partly; {levels_right} of {levels_judged} levels judged right.",
        quiz.right,
        quiz.answered,
        quiz.partly(case)
    );
    para(lines, &score, width, t.text);
    let seed = format!(
        "Share seed {} (waltz --seed {}) for the same questions. Enter or Esc to leave.",
        quiz.seed, quiz.seed
    );
    para(lines, &seed, width, t.faded);
    let mut missed = quiz.to_review(case).peekable();
    if missed.peek().is_some() {
        lines.push(Line::default());
        para(
            lines,
            "To review, with the paper's answers:",
            width,
            t.heading,
        );
    }
    for answer in missed {
        lines.push(Line::default());
        reviewed(app, answer, width, lines);
    }
}

/// One answer in the review: the question, the answer given with its
/// credit, the paper's levels and the linked factors.
fn reviewed(app: &App, answer: &Answer, width: usize, lines: &mut Vec<Line<'static>>) {
    let t = &app.theme;
    let event = &app.case.data.events[answer.event];
    let question = format!(
        "{}. {} · {}",
        answer.at + 1,
        event.date_label(),
        event.title
    );
    para(lines, &question, width, t.heading);
    let given = format!("You said {}: {}", answer.chosen.names(), said(app, answer));
    para(lines, &given, width, t.text);
    revealed(app, answer.event, None, lines);
}

/// `text` wrapped to `width`, in `style`.
fn para(lines: &mut Vec<Line<'static>>, text: &str, width: usize, style: ratatui::style::Style) {
    lines.extend(
        wrap(text, width)
            .into_iter()
            .map(|p| Line::styled(p, style)),
    );
}

/// The answer and the factors linked to event `e`, after `verdict`.
fn revealed(app: &App, e: usize, verdict: Option<&str>, lines: &mut Vec<Line<'static>>) {
    let t = &app.theme;
    let case = &app.case;
    let truth = case.levels(e);
    let mut head = Vec::new();
    if let Some(verdict) = verdict {
        head.push(Span::styled(format!("{verdict} — "), t.heading));
    }
    head.push(Span::styled(
        format!("the paper links it to: {}", truth.names()),
        t.text,
    ));
    lines.push(Line::from(head));
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
}

/// The class's answers so far: one bar per answer given, and how many of
/// the class answered. Names are never shown.
pub fn tally(app: &App, quiz: &Quiz, lines: &mut Vec<Line<'static>>) {
    let t = &app.theme;
    let Some(seat) = app.seat() else { return };
    let q = seat.question.as_ref().filter(|q| q.at == quiz.at);
    let answered = q.map_or(0, |q| q.answered());
    lines.push(Line::styled(
        format!("Answers: {answered} of {} students", seat.students),
        t.heading,
    ));
    let tally = q.map(|q| q.tally()).unwrap_or_default();
    let most = tally.first().map_or(1, |t| t.1).max(1);
    let truth = quiz.current().map(|e| app.case.levels(e));
    for (levels, n) in tally {
        let bar = "█".repeat((n * 20).div_ceil(most));
        let right = quiz.revealed && Some(levels) == truth;
        let style = if right { t.lit } else { t.text };
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<30}", levels.names()), style),
            Span::styled(format!("{bar} {n}"), style),
            Span::styled(if right { "  ✓" } else { "" }, t.heading),
        ]));
    }
    lines.push(Line::default());
}

/// Draw `lines` from `offset` down `area`, with ⋮ above and below where
/// they run on, the one below with the key that scrolls.
fn draw_window(app: &App, mut lines: Vec<Line>, offset: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let rows = usize::from(area.height);
    lines.drain(..offset.min(lines.len()));
    if offset > 0 {
        lines.insert(0, Line::styled("⋮", t.faded));
    }
    if lines.len() > rows && rows >= 2 {
        lines.truncate(rows - 1);
        let key = app.keymap.keys_for(Mode::Quiz, &Action::Down);
        let hint = match key.first() {
            Some(key) if app.ascii => format!("⋮ ({} scrolls)", arrows_named(key)),
            Some(key) => format!("⋮ ({key} scrolls)"),
            None => "⋮".to_owned(),
        };
        lines.push(Line::styled(hint, t.faded));
    }
    for (i, line) in lines.into_iter().enumerate().take(rows) {
        line.render(Rect::new(area.x, area.y + i as u16, area.width, 1), buf);
    }
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
