//! Named themes: a struct of styles that widgets read by role.
//!
//! Colours are the terminal's own sixteen palette colours (never RGB), so a
//! light or dark terminal keeps its contrast; the monochrome theme uses only
//! bold, dim, underline and reverse, and is what `NO_COLOR` selects. Nothing
//! depends on colour alone: lit items carry a `●`, effects a `+ − ±`, levels
//! their letters.

use ratatui::style::{Color, Modifier, Style};

use crate::case::model::{Effect, Level};

/// The styles of every role on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// The theme's name, as `--theme` takes it.
    pub name: &'static str,
    /// The whole screen, under everything: the terminal's own colours,
    /// except where a theme paints its own background.
    pub screen: Style,
    /// Ordinary text.
    pub text: Style,
    /// Items unrelated to the selection, and secondary text.
    pub faded: Style,
    /// Borders of unfocused regions.
    pub border: Style,
    /// The border and title of the focused region.
    pub border_focused: Style,
    /// The cursor row in the focused region.
    pub cursor: Style,
    /// The cursor row in a region without focus.
    pub cursor_unfocused: Style,
    /// Items related to the selection.
    pub lit: Style,
    /// Each level's colour, in [`Level::ALL`] order.
    pub levels: [Style; 3],
    /// Each effect's colour, in [`Effect::ALL`] order.
    pub effects: [Style; 3],
    /// Era headers on the timeline.
    pub era: Style,
    /// Year labels on the ruler.
    pub year: Style,
    /// Headings in the detail and help.
    pub heading: Style,
    /// Quotations.
    pub quote: Style,
    /// Editorial notes.
    pub note: Style,
    /// Keys in the status bar and help.
    pub key: Style,
    /// The status bar.
    pub status: Style,
    /// Warnings and "too small" messages.
    pub warning: Style,
    /// Matched characters in search results.
    pub matched: Style,
}

impl Theme {
    /// Every theme's name, for `--help` and error messages.
    pub const NAMES: [&'static str; 4] = ["dark", "light", "high-contrast", "monochrome"];

    /// The theme called `name`.
    pub fn by_name(name: &str) -> Option<Theme> {
        match name {
            "dark" => Some(Theme::dark()),
            "light" => Some(Theme::light()),
            "high-contrast" => Some(Theme::high_contrast()),
            "monochrome" | "mono" => Some(Theme::monochrome()),
            _ => None,
        }
    }

    /// For dark terminals: bright palette colours on the default background.
    pub fn dark() -> Theme {
        let fg = |c: Color| Style::new().fg(c);
        Theme {
            name: "dark",
            screen: Style::new(),
            text: Style::new(),
            faded: Style::new().add_modifier(Modifier::DIM),
            border: fg(Color::DarkGray),
            border_focused: fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            cursor_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            lit: Style::new().add_modifier(Modifier::BOLD),
            levels: [
                fg(Color::LightMagenta),
                fg(Color::LightYellow),
                fg(Color::LightCyan),
            ],
            effects: [
                fg(Color::LightGreen),
                fg(Color::LightRed),
                fg(Color::Yellow),
            ],
            era: fg(Color::LightBlue).add_modifier(Modifier::BOLD),
            year: fg(Color::Gray),
            heading: Style::new().add_modifier(Modifier::BOLD),
            quote: fg(Color::LightGreen).add_modifier(Modifier::ITALIC),
            note: fg(Color::Yellow),
            key: fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            status: Style::new(),
            warning: fg(Color::LightRed).add_modifier(Modifier::BOLD),
            matched: fg(Color::LightYellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// For light terminals: the dark palette colours.
    pub fn light() -> Theme {
        let fg = |c: Color| Style::new().fg(c);
        Theme {
            name: "light",
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Blue).add_modifier(Modifier::BOLD),
            levels: [fg(Color::Magenta), fg(Color::Blue), fg(Color::Cyan)],
            effects: [fg(Color::Green), fg(Color::Red), fg(Color::Magenta)],
            era: fg(Color::Blue).add_modifier(Modifier::BOLD),
            year: fg(Color::DarkGray),
            quote: fg(Color::Green).add_modifier(Modifier::ITALIC),
            note: fg(Color::Magenta),
            key: fg(Color::Blue).add_modifier(Modifier::BOLD),
            warning: fg(Color::Red).add_modifier(Modifier::BOLD),
            matched: fg(Color::Blue).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ..Theme::dark()
        }
    }

    /// For projectors: strong colours, bold text, nothing dimmed away.
    pub fn high_contrast() -> Theme {
        let fg = |c: Color| Style::new().fg(c).add_modifier(Modifier::BOLD);
        Theme {
            name: "high-contrast",
            // Its own black background: readable on any terminal and any
            // projector, light or dark.
            screen: Style::new().fg(Color::White).bg(Color::Black),
            text: Style::new().fg(Color::White),
            faded: Style::new().fg(Color::Gray),
            border: Style::new().fg(Color::White),
            border_focused: fg(Color::LightYellow),
            cursor: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            cursor_unfocused: Style::new().fg(Color::Black).bg(Color::Gray),
            lit: fg(Color::White).add_modifier(Modifier::UNDERLINED),
            levels: [
                fg(Color::LightMagenta),
                fg(Color::LightYellow),
                fg(Color::LightCyan),
            ],
            effects: [
                fg(Color::LightGreen),
                fg(Color::LightRed),
                fg(Color::LightYellow),
            ],
            era: fg(Color::LightCyan),
            year: fg(Color::White),
            heading: fg(Color::White),
            quote: fg(Color::LightGreen),
            note: fg(Color::LightYellow),
            key: fg(Color::LightYellow),
            status: Style::new().fg(Color::White),
            warning: fg(Color::LightRed),
            matched: fg(Color::Black).bg(Color::LightCyan),
        }
    }

    /// No colour at all: bold, dim, italic, underline and reverse only.
    pub fn monochrome() -> Theme {
        let m = |m: Modifier| Style::new().add_modifier(m);
        Theme {
            name: "monochrome",
            screen: Style::new(),
            text: Style::new(),
            faded: m(Modifier::DIM),
            border: Style::new(),
            border_focused: m(Modifier::BOLD),
            cursor: m(Modifier::REVERSED),
            cursor_unfocused: m(Modifier::UNDERLINED),
            lit: m(Modifier::BOLD),
            levels: [Style::new(); 3],
            effects: [Style::new(); 3],
            era: m(Modifier::BOLD),
            year: Style::new(),
            heading: m(Modifier::BOLD),
            quote: m(Modifier::ITALIC),
            note: m(Modifier::ITALIC),
            key: m(Modifier::BOLD),
            status: Style::new(),
            warning: m(Modifier::BOLD),
            matched: m(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// The style of a level.
    pub fn level(&self, level: Level) -> Style {
        self.levels[level.index()]
    }

    /// The style of an effect.
    pub fn effect(&self, effect: Effect) -> Style {
        self.effects[effect as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_theme_exists_and_knows_its_name() {
        for name in Theme::NAMES {
            assert_eq!(Theme::by_name(name).unwrap().name, name);
        }
        assert!(Theme::by_name("solarized").is_none());
    }
}
