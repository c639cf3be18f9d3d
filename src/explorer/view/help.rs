//! The help screen's text, generated from the key map so that it always
//! lists the bindings in force, followed by what the symbols mean — laid out
//! for the width it is shown in, wrapping rather than cutting.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use crate::explorer::app::App;

use crate::case::model::{Effect, Level, pages_label};
use crate::config::keymap::{Mode, arrows_named};
use crate::explorer::view::text::{pad, width as cells, wrap};

/// The help laid out `width` cells wide: its rows, and where each mode's
/// section begins.
pub struct Help {
    /// The rows.
    pub lines: Vec<Line<'static>>,
    /// The first row of each mode's keys.
    pub sections: Vec<(Mode, usize)>,
}

impl Help {
    /// The row where `mode`'s keys begin (the top when it has none).
    pub fn section(&self, mode: Mode) -> usize {
        self.sections
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(0, |&(_, row)| row)
    }
}

fn title(mode: Mode) -> &'static str {
    match mode {
        Mode::Browse => "Exploring",
        Mode::Help => "In this help",
        Mode::Jump => "In the year prompt (:)",
        Mode::Find => "In the finder (/)",
        Mode::Tours => "In the list of tours (t)",
        Mode::Tour => "During a tour",
        Mode::Balance => "In the balance view (b)",
        Mode::Quiz => "In the quiz (z)",
    }
}

/// A row of `term` (in `style`) and its meaning, the meaning wrapped under
/// itself; on a narrow screen the meaning goes under the term.
fn entry(
    lines: &mut Vec<Line<'static>>,
    term: &str,
    column: usize,
    style: Style,
    meaning: &str,
    width: usize,
) {
    let indent = 2 + column + 2;
    if indent + 12 <= width && cells(term) <= column {
        for (i, piece) in wrap(meaning, width - indent).into_iter().enumerate() {
            let lead = if i == 0 {
                Span::styled(format!("  {}  ", pad(term, column)), style)
            } else {
                Span::raw(" ".repeat(indent))
            };
            lines.push(Line::from(vec![lead, Span::raw(piece)]));
        }
    } else {
        lines.push(Line::styled(format!("  {term}"), style));
        for piece in wrap(meaning, width.saturating_sub(4).max(8)) {
            lines.push(Line::raw(format!("    {piece}")));
        }
    }
}

/// What the case is and what it argues, above the keys.
fn about(app: &App, width: usize, lines: &mut Vec<Line<'static>>) {
    let t = &app.theme;
    let d = &app.case.data;
    let para = |lines: &mut Vec<Line<'static>>, text: &str, style: Style| {
        for piece in wrap(text, width.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {piece}"), style));
        }
    };
    lines.push(Line::styled(d.title.clone(), t.heading));
    para(lines, &d.source, t.faded);
    if let Some(thesis) = &d.thesis {
        let pages = pages_label(&thesis.pages)
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        para(
            lines,
            &format!("Thesis: “{}”{pages}", thesis.quote),
            t.quote,
        );
        para(lines, &thesis.summary, t.text);
    }
    lines.push(Line::default());
}

/// The help laid out `width` cells wide.
pub fn document(app: &App, width: usize) -> Help {
    let (keymap, theme, mouse) = (&app.keymap, &app.theme, app.mouse);
    let problems = &app.settings_problems;
    let width = width.max(16);
    let mut lines = Vec::new();
    let mut sections = Vec::new();
    // What the settings file got wrong comes first: it is why a key may
    // not be what the file asked for.
    if !problems.is_empty() {
        lines.push(Line::styled(
            "Settings file problems (the defaults stand in)",
            theme.warning,
        ));
        for problem in problems {
            for (i, piece) in wrap(problem, width.saturating_sub(4))
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 { "  • " } else { "    " };
                lines.push(Line::styled(format!("{lead}{piece}"), theme.text));
            }
        }
        lines.push(Line::default());
    }
    about(app, width, &mut lines);
    let column = (width / 3).min(22);
    for mut section in keymap.help() {
        lines.push(Line::styled(title(section.mode), theme.heading));
        sections.push((section.mode, lines.len() - 1));
        if app.ascii {
            for (keys, _) in &mut section.rows {
                *keys = arrows_named(keys);
            }
        }
        let widest = section
            .rows
            .iter()
            .map(|(k, _)| cells(k))
            .max()
            .unwrap_or(0);
        for (keys, what) in section.rows {
            entry(
                &mut lines,
                &keys,
                widest.min(column),
                theme.key,
                what,
                width,
            );
        }
        lines.push(Line::default());
    }
    if keymap.help().iter().any(|s| s.mode.takes_text()) {
        lines.push(Line::styled("  In a prompt, other keys type.", theme.faded));
        lines.push(Line::default());
    }
    lines.push(Line::styled("Mouse", theme.heading));
    let mouse_text = if mouse {
        "click selects or follows a link, or picks a finder result, a tour, a balance bar or a quiz answer (a second click goes there); the wheel scrolls what is under it. Slides are walked with the keys"
    } else {
        "off; start with --mouse to click and scroll"
    };
    for piece in wrap(mouse_text, width.saturating_sub(2)) {
        lines.push(Line::raw(format!("  {piece}")));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Symbols", theme.heading));
    let column = 5;
    for effect in Effect::ALL {
        entry(
            &mut lines,
            effect.symbol(),
            column,
            theme.effect(effect),
            effect.name(),
            width,
        );
    }
    entry(
        &mut lines,
        "●",
        column,
        theme.lit,
        "highlighted: related to the selected item (n and N visit them)",
        width,
    );
    for level in Level::ALL {
        let meaning = format!("the {} level", level.name().to_lowercase());
        entry(
            &mut lines,
            &level.letter().to_string(),
            column,
            theme.level(level),
            &meaning,
            width,
        );
    }
    for (symbol, meaning) in [
        (
            super::ascii::ABSENT_LEVEL,
            "a level the event does not touch",
        ),
        (
            "▸ ▾",
            "the background before the period, folded or unfolded",
        ),
        ("┃", "on the year ruler: a year with a highlighted event"),
        ("Oct", "the month, where it is known"),
        ("→2003", "the last year of a span"),
        (
            "↪",
            "in the detail: a link to a related item (Enter follows it)",
        ),
        ("c.", "circa: a loose date, as the paper gives it"),
        (
            "≈",
            "before a date: the common record's date, not the paper's (the note says so); before a factor: a level the paper implies rather than states",
        ),
    ] {
        entry(&mut lines, symbol, column, theme.key, meaning, width);
    }
    Help { lines, sections }
}

/// Draw the help over `area`, scrolled to `scroll`.
pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let popup = crate::explorer::view::layout::help(area);
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
