//! Keys to actions: a table of bindings per mode. Nothing else in the
//! program reads keys, and the help screen is generated from this table.

use std::fmt;
use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::case::sanitize;
use crate::config::action::Action;
use crate::config::settings;

/// What the program is doing, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Moving around the timeline, the panes and the detail.
    Browse,
    /// The help screen is open.
    Help,
    /// The year prompt (`:`) is open.
    Jump,
    /// The finder (`/`) is open.
    Find,
    /// The list of tours (`t`) is open.
    Tours,
    /// A guided tour is running.
    Tour,
    /// The balance view (`b`) is open.
    Balance,
    /// The quiz (`z`) is running.
    Quiz,
}

impl Mode {
    /// Every mode, in help order.
    pub const ALL: [Mode; 8] = [
        Mode::Browse,
        Mode::Find,
        Mode::Jump,
        Mode::Tours,
        Mode::Tour,
        Mode::Balance,
        Mode::Quiz,
        Mode::Help,
    ];

    /// The mode's name, as used in settings files and the help screen.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Browse => "browse",
            Mode::Help => "help",
            Mode::Jump => "jump",
            Mode::Find => "find",
            Mode::Tours => "tours",
            Mode::Tour => "tour",
            Mode::Balance => "balance",
            Mode::Quiz => "quiz",
        }
    }

    /// Whether typing a character edits a prompt in this mode.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::Jump | Mode::Find)
    }
}

/// A key with its modifiers, normalised so that `G` and `Shift-g` are one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control and Alt only; Shift is part of the character.
    pub mods: KeyModifiers,
}

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// A character key with Control held.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// The key of a terminal key event.
    pub fn from_event(e: KeyEvent) -> Key {
        let mut mods = e.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match e.code {
            // Terminals report Ctrl-letters in either case.
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::Char(' ') => {
                mods.remove(KeyModifiers::ALT);
                KeyCode::Char(' ')
            }
            code => code,
        };
        Key { code, mods }
    }

    /// Parse a key as settings files write it: `j`, `G`, `Ctrl-d`, `Alt-x`,
    /// `Enter`, `Esc`, `Tab`, `Shift-Tab`, `Space`, `PageDown`, `F1` …
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            if let Some(r) = rest
                .strip_prefix("Ctrl-")
                .or_else(|| rest.strip_prefix("C-"))
            {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest
                .strip_prefix("Alt-")
                .or_else(|| rest.strip_prefix("M-"))
            {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "Shift-Tab" | "BackTab" => KeyCode::BackTab,
            "Backspace" => KeyCode::Backspace,
            "Delete" => KeyCode::Delete,
            "Space" => KeyCode::Char(' '),
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "PageUp" | "PgUp" => KeyCode::PageUp,
            "PageDown" | "PgDn" => KeyCode::PageDown,
            f if f.len() > 1
                && f.starts_with('F')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            c if c.chars().count() == 1 => {
                let ch = c.chars().next().unwrap_or(' ');
                // A control or invisible character can never be typed as
                // itself, and must not reach the help screen.
                if ch.is_control() || sanitize::is_format(ch) {
                    return Err(format!(
                        "U+{:04X} is a control or invisible character, not a key you can type",
                        ch as u32
                    ));
                }
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(ch.to_ascii_lowercase())
                } else {
                    KeyCode::Char(ch)
                }
            }
            _ => {
                return Err(format!(
                    "`{}` is not a key (try `j`, `Ctrl-d`, `Enter`, `PageDown`)",
                    text.escape_debug()
                ));
            }
        };
        Ok(Key { code, mods })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            // Keys come from settings files and terminals: a character
            // that would drive the terminal is named, never written.
            KeyCode::Char(c) if c.is_control() || sanitize::is_format(c) => {
                write!(f, "U+{:04X}", c as u32)
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// `keys` as the help and the status bar write them, with the arrow keys
/// named (`Up`, `Left`) rather than drawn: under `--ascii` an arrow has no
/// stand-in that reads as the key.
pub fn arrows_named(keys: &str) -> String {
    keys.replace('↑', "Up")
        .replace('↓', "Down")
        .replace('←', "Left")
        .replace('→', "Right")
}

/// One key bound to one action in one mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where the binding applies.
    pub mode: Mode,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
}

/// The key bindings in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

/// One mode's part of the help screen: keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    /// The mode.
    pub mode: Mode,
    /// `("j, ↓", "move down")`, in the order actions are declared.
    pub rows: Vec<(String, &'static str)>,
}

/// The default bindings, as a settings file.
pub const DEFAULT_KEYS: &str = include_str!("../../assets/keys.ron");

/// What messages call the default bindings' file.
pub const DEFAULT_KEYS_NAME: &str = "keys.ron (built in)";

impl Default for Keymap {
    /// The bindings of `assets/keys.ron`, read once.
    fn default() -> Keymap {
        static DEFAULT: OnceLock<Keymap> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                let (settings, problems) =
                    settings::parse_over(DEFAULT_KEYS_NAME, DEFAULT_KEYS, Keymap::empty());
                debug_assert!(problems.is_empty(), "{problems:?}");
                settings.keymap
            })
            .clone()
    }
}

impl Keymap {
    /// No bindings at all: what the defaults are read over.
    pub fn empty() -> Keymap {
        Keymap {
            bindings: Vec::new(),
        }
    }

    /// The action for a key event in a mode, if any. In a mode that takes
    /// text, an unbound printable character types itself.
    pub fn action(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(event);
        if let Some(b) = self
            .bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key)
        {
            return Some(b.action.clone());
        }
        match key.code {
            KeyCode::Char(c) if mode.takes_text() && key.mods.is_empty() && !c.is_control() => {
                Some(Action::Insert(c))
            }
            _ => None,
        }
    }

    /// Bind `key` to `action` in `mode`, replacing what the key did there.
    pub fn bind(&mut self, mode: Mode, key: Key, action: Action) {
        self.bindings.retain(|b| !(b.mode == mode && b.key == key));
        self.bindings.push(Binding { mode, key, action });
    }

    /// Remove whatever `key` does in `mode`.
    pub fn unbind(&mut self, mode: Mode, key: Key) {
        self.bindings.retain(|b| !(b.mode == mode && b.key == key));
    }

    /// The keys bound to `action` in `mode`, as people write them.
    pub fn keys_for(&self, mode: Mode, action: &Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.mode == mode && &b.action == action)
            .map(|b| b.key.to_string())
            .collect()
    }

    /// The help screen's content: for each mode, each bound action with its
    /// keys, in the order actions are declared.
    pub fn help(&self) -> Vec<HelpSection> {
        Mode::ALL
            .iter()
            .map(|&mode| HelpSection {
                mode,
                rows: Action::BINDABLE
                    .iter()
                    .filter_map(|action| {
                        let keys = self.keys_for(mode, action);
                        (!keys.is_empty()).then(|| (keys.join(", "), meaning(mode, action)))
                    })
                    .collect(),
            })
            .filter(|s| !s.rows.is_empty())
            .collect()
    }
}

/// What `action` does in `mode`, for the help: in its own words where the
/// mode gives a shared action its own sense ("Enter" in the balance view
/// shows an era on the timeline), else the action's general words.
pub fn meaning(mode: Mode, action: &Action) -> &'static str {
    use Action as A;
    match (mode, action) {
        (Mode::Find, A::Up) => "the result above",
        (Mode::Find, A::Down) => "the result below",
        (Mode::Find, A::PageUp) => "the results a page up",
        (Mode::Find, A::PageDown) => "the results a page down",
        (Mode::Find, A::Left) => "move the cursor left in the query",
        (Mode::Find, A::Right) => "move the cursor right in the query",
        (Mode::Find, A::Submit) => "go to the highlighted result",
        (Mode::Find, A::Cancel) => "close, putting everything back as it was",
        (Mode::Jump, A::Submit) => "go to the year typed",
        (Mode::Jump, A::Cancel) => "close without jumping",
        (Mode::Tours, A::Up) => "the tour above",
        (Mode::Tours, A::Down) => "the tour below",
        (Mode::Tours, A::Submit) => "start the highlighted tour",
        (Mode::Tours, A::Cancel) => "close the list",
        (Mode::Tour, A::Up) => "scroll the step's text up",
        (Mode::Tour, A::Down) => "scroll the step's text down",
        (Mode::Tour, A::PageUp) => "scroll the step's text up a page",
        (Mode::Tour, A::PageDown) => "scroll the step's text down a page",
        (Mode::Tour, A::Top) => "the tour's first step",
        (Mode::Tour, A::Bottom) => "the tour's last step",
        (Mode::Tour, A::Cancel) => "leave the tour, staying where it is",
        (Mode::Tour, A::Notes) => "this step's teaching note, and the next step",
        (Mode::Balance, A::Up) => "the era above",
        (Mode::Balance, A::Down) => "the era below",
        (Mode::Balance, A::Left) => "the level to the left",
        (Mode::Balance, A::Right) => "the level to the right",
        (Mode::Balance, A::PageUp) => "scroll the list of factors up",
        (Mode::Balance, A::PageDown) => "scroll the list of factors down",
        (Mode::Balance, A::Submit) => "see this era on the timeline through this level",
        (Mode::Balance, A::Cancel) => "close the balance",
        (Mode::Quiz, A::Submit) => "reveal the answer / next question (in a class: send it)",
        (Mode::Quiz, A::Cancel) => "leave the quiz (z comes back to it)",
        (Mode::Quiz, A::Up) => "scroll the review up, at the end",
        (Mode::Quiz, A::Down) => "scroll the review down, at the end",
        (Mode::Quiz, A::PageUp) => "scroll the review up a page",
        (Mode::Quiz, A::PageDown) => "scroll the review down a page",
        (Mode::Help, A::Up) => "scroll up",
        (Mode::Help, A::Down) => "scroll down",
        (Mode::Help, A::PageUp) => "scroll up a page",
        (Mode::Help, A::PageDown) => "scroll down a page",
        (Mode::Help, A::Top) => "the top of the help",
        (Mode::Help, A::Bottom) => "the end of the help",
        (Mode::Help, A::Cancel) => "close the help",
        _ => action.help(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn shifted_letters_and_ctrl_case_are_normalised() {
        let km = Keymap::default();
        let shift_g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(km.action(Mode::Browse, shift_g), Some(Action::Bottom));
        let ctrl_c = key(
            KeyCode::Char('C'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(km.action(Mode::Browse, ctrl_c), Some(Action::Quit));
        let back_tab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(km.action(Mode::Browse, back_tab), Some(Action::FocusPrev));
    }

    #[test]
    fn prompts_take_unbound_characters_as_text() {
        let km = Keymap::default();
        let two = key(KeyCode::Char('2'), KeyModifiers::NONE);
        assert_eq!(km.action(Mode::Jump, two), Some(Action::Insert('2')));
        assert_eq!(km.action(Mode::Browse, two), Some(Action::LensDomestic));
        let ctrl_x = key(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(km.action(Mode::Jump, ctrl_x), None);
    }

    #[test]
    fn keys_parse_and_display_round_trip() {
        for text in [
            "j",
            "G",
            "?",
            "Ctrl-d",
            "Alt-x",
            "Enter",
            "Esc",
            "Tab",
            "Shift-Tab",
            "Space",
            "PgDn",
            "F5",
        ] {
            let k = Key::parse(text).unwrap();
            assert_eq!(
                Key::parse(&k.to_string().replace('↓', "Down")).unwrap(),
                k,
                "{text}"
            );
        }
        assert!(Key::parse("Hyper-q").is_err());
        assert!(Key::parse("").is_err());
    }

    #[test]
    fn binding_replaces_what_the_key_did() {
        let mut km = Keymap::default();
        km.bind(Mode::Browse, Key::parse("j").unwrap(), Action::Up);
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(km.action(Mode::Browse, j), Some(Action::Up));
        assert_eq!(km.keys_for(Mode::Browse, &Action::Down), ["↓"]);
    }

    #[test]
    fn the_default_bindings_read_without_a_problem() {
        let (_, problems) = settings::parse_over(DEFAULT_KEYS_NAME, DEFAULT_KEYS, Keymap::empty());
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn help_lists_every_binding() {
        let km = Keymap::default();
        let help = km.help();
        let browse = &help[0];
        assert_eq!(browse.mode, Mode::Browse);
        assert!(
            browse
                .rows
                .contains(&("j, ↓".to_owned(), "move down (or scroll)"))
        );
        let listed: usize = help
            .iter()
            .flat_map(|s| &s.rows)
            .map(|(keys, _)| keys.split(", ").count())
            .sum();
        assert_eq!(listed, km.bindings.len());
    }
}
