//! The help screen's text, generated from the key map so that it always
//! lists the bindings in force, followed by what the symbols mean.

use ratatui::text::{Line, Span};

use crate::keymap::Keymap;
use crate::model::{Effect, Level};
use crate::theme::Theme;

/// The row of the help text where `mode`'s keys begin.
pub fn section(keymap: &Keymap, mode: crate::keymap::Mode) -> usize {
    let mut row = 0;
    for s in keymap.help() {
        if s.mode == mode {
            return row;
        }
        row += s.rows.len() + 2;
    }
    0
}

/// The help text, one entry per row.
pub fn lines(keymap: &Keymap, theme: &Theme, mouse: bool) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for section in keymap.help() {
        let title = match section.mode.name() {
            "browse" => "Exploring".to_owned(),
            "help" => "In this help".to_owned(),
            "jump" => "In the year prompt (:)".to_owned(),
            "find" => "In the finder (/)".to_owned(),
            "tours" => "In the list of tours (t)".to_owned(),
            "tour" => "During a tour".to_owned(),
            "balance" => "In the balance view (b)".to_owned(),
            "quiz" => "In the quiz (z)".to_owned(),
            other => other.to_owned(),
        };
        lines.push(Line::styled(title, theme.heading));
        let width = section
            .rows
            .iter()
            .map(|(k, _)| crate::text::width(k))
            .max()
            .unwrap_or(0);
        for (keys, what) in section.rows {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", crate::text::pad(&keys, width)), theme.key),
                Span::raw(format!("  {what}")),
            ]));
        }
        lines.push(Line::default());
    }
    if keymap.help().iter().any(|s| s.mode.takes_text()) {
        lines.push(Line::styled("  In a prompt, other keys type.", theme.faded));
        lines.push(Line::default());
    }
    lines.push(Line::styled("Mouse", theme.heading));
    lines.push(Line::raw(if mouse {
        "  click selects or follows a link; the wheel scrolls what is under it"
    } else {
        "  off; start with --mouse to click and scroll"
    }));
    lines.push(Line::default());
    lines.push(Line::styled("Symbols", theme.heading));
    for effect in Effect::ALL {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", effect.symbol()), theme.effect(effect)),
            Span::raw(format!("  {}", effect.name())),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled("  ●", theme.lit),
        Span::raw("  highlighted: related to the selected item (n and N visit them)"),
    ]));
    let mut levels = vec![Span::raw("  ")];
    for level in Level::ALL {
        levels.push(Span::styled(level.letter().to_string(), theme.level(level)));
        levels.push(Span::raw(format!(" {}  ", level.name().to_lowercase())));
    }
    levels.push(Span::raw("levels an event touches; · one it does not"));
    lines.push(Line::from(levels));
    for (symbol, meaning) in [
        ("▸ ▾", "folded and unfolded background before the period"),
        ("┃", "on the year ruler: a year with a highlighted event"),
        ("Oct", "the month, where the paper gives one"),
        ("→2003", "the last year, where the paper gives a span"),
        ("c.", "circa: the paper dates it loosely"),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("  {symbol}"), theme.key),
            Span::raw(format!("  {meaning}")),
        ]));
    }
    lines
}
