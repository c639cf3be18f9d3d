//! The status bar: the keys that matter where the focus is, and on the
//! right a message, the dataset's warnings or the position in the list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::config::action::Action;
use crate::config::keymap::{Mode, arrows_named};
use crate::explorer::app::{App, Overlay, Region};
use crate::explorer::view::text::{fit, width};

/// How a hint shows its actions' keys.
#[derive(Debug, Clone, Copy)]
enum Keys {
    /// Each action's first key, between slashes: `/`, `j/k`.
    Slashed,
    /// Each action's first key, spaced: `1 2 3 0`.
    Spaced,
}

/// A hint in the status bar: the keys of some actions and what they do. It
/// shows only when every one of its actions is bound.
#[derive(Debug, Clone, Copy)]
struct Hint {
    actions: &'static [Action],
    keys: Keys,
    what: &'static str,
}

const fn one(action: &'static [Action], what: &'static str) -> Hint {
    Hint {
        actions: action,
        keys: Keys::Slashed,
        what,
    }
}

const fn pair(actions: &'static [Action], what: &'static str) -> Hint {
    Hint {
        actions,
        keys: Keys::Slashed,
        what,
    }
}

const fn group(actions: &'static [Action], what: &'static str) -> Hint {
    Hint {
        actions,
        keys: Keys::Spaced,
        what,
    }
}

use Action as A;

/// The hints of each mode (and, exploring, each region), most useful first:
/// on a narrow screen the last ones give way.
const TIMELINE: &[Hint] = &[
    pair(&[A::Down, A::Up], "move"),
    one(&[A::Open], "open"),
    one(&[A::Search], "find"),
    one(&[A::Help], "help"),
    one(&[A::Quit], "quit"),
    one(&[A::FocusNext], "focus"),
    pair(&[A::NextLit, A::PrevLit], "next ●"),
    group(
        &[
            A::LensIndividual,
            A::LensDomestic,
            A::LensSystemic,
            A::LensAll,
        ],
        "lens",
    ),
    one(&[A::Tours], "tours"),
    one(&[A::JumpYear], "year"),
];
const PANE: &[Hint] = &[
    pair(&[A::Down, A::Up], "move"),
    one(&[A::Open], "detail"),
    one(&[A::Help], "help"),
    one(&[A::Quit], "quit"),
    one(&[A::FocusNext], "focus"),
    pair(&[A::NextLit, A::PrevLit], "next ●"),
];
const DETAIL: &[Hint] = &[
    pair(&[A::Down, A::Up], "read, links"),
    one(&[A::Open], "follow"),
    one(&[A::Back], "back"),
    one(&[A::Help], "help"),
    one(&[A::Quit], "quit"),
    one(&[A::FocusNext], "focus"),
];
const HELP: &[Hint] = &[
    pair(&[A::Down, A::Up], "scroll"),
    one(&[A::Cancel], "close"),
];
const FIND: &[Hint] = &[
    pair(&[A::Down, A::Up], "move"),
    one(&[A::Submit], "go"),
    one(&[A::Cancel], "cancel"),
    one(&[A::ClearInput], "clear"),
    one(&[A::DeleteWord], "delete word"),
];
const TOURS: &[Hint] = &[
    pair(&[A::Down, A::Up], "choose"),
    one(&[A::Submit], "start"),
    one(&[A::Cancel], "close"),
    one(&[A::Help], "help"),
];
const TOUR: &[Hint] = &[
    pair(&[A::Next, A::Prev], "step"),
    one(&[A::Cancel], "leave the tour"),
    pair(&[A::Down, A::Up], "scroll"),
    pair(&[A::Top, A::Bottom], "first/last"),
    one(&[A::Present], "present"),
];
const BALANCE: &[Hint] = &[
    pair(&[A::Down, A::Up], "era"),
    pair(&[A::Left, A::Right], "level"),
    one(&[A::Submit], "see on the timeline"),
    one(&[A::Cancel], "close"),
    pair(&[A::PageDown, A::PageUp], "factors"),
];
const QUIZ_OVER: &[Hint] = &[
    pair(&[A::Submit, A::Cancel], "close"),
    pair(&[A::Down, A::Up], "scroll the review"),
];
const QUIZ: &[Hint] = &[
    group(
        &[A::ToggleIndividual, A::ToggleDomestic, A::ToggleSystemic],
        "pick",
    ),
    one(&[A::Submit], "answer / next"),
    one(&[A::Cancel], "leave"),
];
const JUMP: &[Hint] = &[one(&[A::Submit], "go"), one(&[A::Cancel], "cancel")];

/// The hints for where the app is.
fn table(app: &App) -> &'static [Hint] {
    let quiz_over = matches!(app.overlay(), Overlay::Quiz(q) if q.finished());
    match (app.mode(), app.focus()) {
        (Mode::Browse, Region::Timeline) => TIMELINE,
        (Mode::Browse, Region::Pane(_)) => PANE,
        (Mode::Browse, Region::Detail) => DETAIL,
        (Mode::Help, _) => HELP,
        (Mode::Find, _) => FIND,
        (Mode::Tours, _) => TOURS,
        (Mode::Tour, _) => TOUR,
        (Mode::Balance, _) => BALANCE,
        (Mode::Quiz, _) if quiz_over => QUIZ_OVER,
        (Mode::Quiz, _) => QUIZ,
        (Mode::Jump, _) => JUMP,
    }
}

/// The hints in force, as key text and words; a hint whose actions are not
/// all bound is left out.
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let first_key = |a: &Action| app.keymap.keys_for(app.mode(), a).into_iter().next();
    let mut out: Vec<(String, &str)> = Vec::new();
    // The year prompt types digits: no action stands for them.
    if app.mode() == Mode::Jump {
        out.push(("0-9".into(), "year"));
    }
    for hint in table(app) {
        let Some(keys) = hint
            .actions
            .iter()
            .map(first_key)
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let text = match hint.keys {
            Keys::Slashed => keys.join("/"),
            Keys::Spaced => keys.join(" "),
        };
        let text = if app.ascii { arrows_named(&text) } else { text };
        out.push((text, hint.what));
    }
    out
}

/// Draw the status bar into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let hints = hints(app);
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
        None => Span::styled(format!("{}{}", class(app), position(app)), t.faded),
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
    let mut hints = hints;
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

/// Where this explorer stands in a class, if it is in one.
fn class(app: &App) -> String {
    match app.seat() {
        None => String::new(),
        Some(s) if s.teacher => format!(
            " class: {} students, {} following ·",
            s.students, s.following_count
        ),
        Some(s) if s.following => " following the teacher ·".into(),
        Some(_) => " on your own · f rejoins ·".into(),
    }
}

/// "event 12 of 57" for the item the detail shows; the period's events
/// are counted apart from the background folded before them.
fn position(app: &App) -> String {
    use crate::case::index::Item;
    // The full-screen views are about something else than the selection.
    if matches!(app.mode(), Mode::Balance | Mode::Quiz) {
        return String::new();
    }
    let background = app.case.background_count();
    let events = app.case.data.events.len();
    match app.shown() {
        Some(Item::Event(e)) if e < background => {
            format!(" background event {} of {background} ", e + 1)
        }
        Some(Item::Event(e)) => {
            format!(" event {} of {} ", e + 1 - background, events - background)
        }
        Some(Item::Factor(f)) => format!(" factor {} of {} ", f + 1, app.case.data.factors.len()),
        _ => String::new(),
    }
}
