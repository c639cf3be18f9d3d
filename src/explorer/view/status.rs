//! The status bar: the keys that matter where the focus is, and on the
//! right a message, the dataset's warnings or the position in the list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::config::action::Action;
use crate::config::keymap::Mode;
use crate::explorer::app::{App, Region};
use crate::explorer::view::text::{fit, width};

/// Draw the status bar into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let key = |a: Action| -> String {
        app.keymap
            .keys_for(app.mode(), &a)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    // A group of keys shows only when all are bound.
    let group = |actions: &[Action]| -> String {
        let keys: Vec<String> = actions.iter().map(|a| key(a.clone())).collect();
        if keys.iter().any(String::is_empty) {
            String::new()
        } else {
            keys.join(" ")
        }
    };
    // A pair of keys shows only when both are bound.
    let pair = |a: Action, b: Action| match (key(a), key(b)) {
        (x, y) if x.is_empty() || y.is_empty() => String::new(),
        (x, y) => format!("{x}/{y}"),
    };
    // Most useful first: on a narrow screen the last ones give way.
    let quiz_over = matches!(app.overlay(), crate::explorer::app::Overlay::Quiz(q) if q.finished());
    let hints: Vec<(String, &str)> = match (app.mode(), app.focus()) {
        (Mode::Browse, Region::Timeline) => vec![
            (pair(Action::Down, Action::Up), "move"),
            (key(Action::Open), "open"),
            (key(Action::Search), "find"),
            (key(Action::Help), "help"),
            (key(Action::Quit), "quit"),
            (key(Action::FocusNext), "focus"),
            (pair(Action::NextLit, Action::PrevLit), "next ●"),
            (
                group(&[
                    Action::LensIndividual,
                    Action::LensDomestic,
                    Action::LensSystemic,
                    Action::LensAll,
                ]),
                "lens",
            ),
            (key(Action::Tours), "tours"),
            (key(Action::JumpYear), "year"),
        ],
        (Mode::Browse, Region::Pane(_)) => vec![
            (pair(Action::Down, Action::Up), "move"),
            (key(Action::Open), "detail"),
            (key(Action::Help), "help"),
            (key(Action::Quit), "quit"),
            (key(Action::FocusNext), "focus"),
            (pair(Action::NextLit, Action::PrevLit), "next ●"),
        ],
        (Mode::Browse, Region::Detail) => vec![
            (pair(Action::Down, Action::Up), "read, links"),
            (key(Action::Open), "follow"),
            (key(Action::Back), "back"),
            (key(Action::Help), "help"),
            (key(Action::Quit), "quit"),
            (key(Action::FocusNext), "focus"),
        ],
        (Mode::Help, _) => vec![
            (pair(Action::Down, Action::Up), "scroll"),
            (key(Action::Cancel), "close"),
        ],
        (Mode::Find, _) => vec![
            (pair(Action::Down, Action::Up), "move"),
            (key(Action::Submit), "go"),
            (key(Action::Cancel), "cancel"),
            (key(Action::ClearInput), "clear"),
            (key(Action::DeleteWord), "delete word"),
        ],
        (Mode::Tours, _) => vec![
            (pair(Action::Down, Action::Up), "choose"),
            (key(Action::Submit), "start"),
            (key(Action::Cancel), "close"),
            (key(Action::Help), "help"),
        ],
        (Mode::Tour, _) => vec![
            (pair(Action::Next, Action::Prev), "step"),
            (key(Action::Cancel), "leave the tour"),
            (pair(Action::Down, Action::Up), "scroll"),
            (pair(Action::Top, Action::Bottom), "first/last"),
            (key(Action::Present), "present"),
        ],
        (Mode::Balance, _) => vec![
            (pair(Action::Down, Action::Up), "era"),
            (pair(Action::Left, Action::Right), "level"),
            (key(Action::Submit), "see on the timeline"),
            (key(Action::Cancel), "close"),
        ],
        (Mode::Quiz, _) if quiz_over => vec![(pair(Action::Submit, Action::Cancel), "close")],
        (Mode::Quiz, _) => vec![
            (
                group(&[
                    Action::ToggleIndividual,
                    Action::ToggleDomestic,
                    Action::ToggleSystemic,
                ]),
                "pick",
            ),
            (key(Action::Submit), "answer / next"),
            (key(Action::Cancel), "leave"),
        ],
        (Mode::Jump, _) => vec![
            ("0-9".into(), "year"),
            (key(Action::Submit), "go"),
            (key(Action::Cancel), "cancel"),
        ],
    };
    let right = match app.message() {
        Some(m) => Span::styled(format!(" {m} "), t.warning),
        None if app.warnings > 0 => Span::styled(
            format!(
                " {} dataset warning{} (waltz check) ",
                app.warnings,
                if app.warnings == 1 { "" } else { "s" }
            ),
            t.warning,
        ),
        None => Span::styled(position(app), t.faded),
    };
    // A message longer than the bar is cut, never dropped.
    let right = Span::styled(fit(&right.content, usize::from(area.width)), right.style);
    let right_width = width(&right.content) as u16;
    let left_area = Rect {
        width: area.width.saturating_sub(right_width),
        ..area
    };
    // Where room is short, the last hints give way first, all of them if a
    // message needs the whole bar.
    let mut hints: Vec<(String, &str)> = hints.into_iter().filter(|(k, _)| !k.is_empty()).collect();
    let cost = |h: &[(String, &str)]| {
        1 + h
            .iter()
            .map(|(k, w)| width(k) + width(w) + 3)
            .sum::<usize>()
    };
    while !hints.is_empty() && cost(&hints) > usize::from(left_area.width) {
        hints.pop();
    }
    let mut spans = vec![Span::raw(" ")];
    for (k, what) in hints {
        spans.push(Span::styled(k, t.key));
        spans.push(Span::styled(format!(" {what}  "), t.status));
    }
    Line::from(spans).render(left_area, buf);
    if right_width <= area.width {
        let right_area = Rect {
            x: area.right() - right_width,
            width: right_width,
            ..area
        };
        Line::from(right).render(right_area, buf);
    }
}

/// "event 12 of 57" for the item the detail shows.
fn position(app: &App) -> String {
    use crate::case::index::Item;
    // The full-screen views are about something else than the selection.
    if matches!(app.mode(), Mode::Balance | Mode::Quiz) {
        return String::new();
    }
    match app.shown() {
        Some(Item::Event(e)) => format!(" event {} of {} ", e + 1, app.case.data.events.len()),
        Some(Item::Factor(f)) => format!(" factor {} of {} ", f + 1, app.case.data.factors.len()),
        _ => String::new(),
    }
}
