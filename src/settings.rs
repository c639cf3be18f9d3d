//! The settings file: a theme, ASCII drawing, the mouse and key bindings,
//! each optional — the file names only what it changes.
//!
//! `$XDG_CONFIG_HOME/waltz/config.ron` (or `~/.config/waltz/config.ron`), or
//! the file `--config` names:
//!
//! ```ron
//! (
//!     theme: "light",
//!     keys: {
//!         "browse": { "x": "move_down", "Ctrl-n": "move_down", "q": "none" },
//!         "find": { "Ctrl-y": "submit" },
//!     },
//! )
//! ```
//!
//! A problem in the file never stops waltz: it is reported like a dataset
//! error (`path:line:col`), the entry at fault is left out and the defaults
//! stand for it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::action::Action;
use crate::diagnostic::{Diagnostic, Lines, Severity};
use crate::keymap::{Key, Keymap, Mode};
use crate::load::locate::{Seg, Tree};
use crate::theme::Theme;

/// The largest settings file read.
const MAX_BYTES: u64 = 1024 * 1024;

/// The action name that removes a key's binding.
pub const UNBIND: &str = "none";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    ascii: Option<bool>,
    #[serde(default)]
    mouse: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<String, BTreeMap<String, String>>,
}

/// What a settings file asks for.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// A theme, when the file names one.
    pub theme: Option<Theme>,
    /// Plain ASCII drawing, when the file says.
    pub ascii: Option<bool>,
    /// The mouse, when the file says.
    pub mouse: Option<bool>,
    /// The default bindings with the file's changes.
    pub keymap: Keymap,
}

/// Where the settings file is looked for when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("waltz").join("config.ron"))
}

/// Read the settings at `path`. A missing file is fine when `required` is
/// false (the default location); anything wrong comes back as problems
/// beside the settings that could be used.
pub fn load(path: &Path, required: bool) -> (Settings, Vec<Diagnostic>) {
    let name = path.display().to_string();
    let text = match read(path, &name) {
        Ok(Some(text)) => text,
        Ok(None) if !required => return (Settings::default(), Vec::new()),
        Ok(None) => {
            return (
                Settings::default(),
                vec![Diagnostic::file(&name, "no such file; using the defaults")],
            );
        }
        Err(d) => return (Settings::default(), vec![d]),
    };
    parse(&name, &text)
}

fn read(path: &Path, name: &str) -> Result<Option<String>, Diagnostic> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Diagnostic::file(
                name,
                format!("cannot be read ({e}); using the defaults"),
            ));
        }
    };
    if meta.is_dir() {
        return Err(Diagnostic::file(name, "is a directory; using the defaults"));
    }
    if meta.len() > MAX_BYTES {
        return Err(Diagnostic::file(
            name,
            "is over 1 MiB, too large for a settings file; using the defaults",
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::file(name, format!("cannot be read ({e}); using the defaults")))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Diagnostic::file(name, "is not UTF-8 text; using the defaults"))
}

/// Parse settings from their text; `name` is what messages call the file.
pub fn parse(name: &str, text: &str) -> (Settings, Vec<Diagnostic>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = Lines::new(text);
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(16);
    let file: File = match options.from_str(text) {
        Ok(file) => file,
        Err(e) => {
            let mut d = crate::load::syntax_error(name, text, &e);
            d.message.push_str("; using the defaults");
            return (Settings::default(), vec![d]);
        }
    };

    let tree = Tree::scan(text);
    let mut problems = Vec::new();
    let mut problem = |path: &[Seg], message: String| {
        problems.push(lines.diagnostic(Severity::Error, name, tree.offset(path), message));
    };
    let mut settings = Settings {
        ascii: file.ascii,
        mouse: file.mouse,
        ..Settings::default()
    };
    if let Some(theme) = &file.theme {
        settings.theme = Theme::by_name(theme);
        if settings.theme.is_none() {
            problem(
                &[Seg::Field("theme")],
                format!(
                    "no theme `{theme}` (there are {}); using the default",
                    Theme::NAMES.join(", ")
                ),
            );
        }
    }
    for (mode_name, keys) in &file.keys {
        let Some(mode) = Mode::ALL.into_iter().find(|m| m.name() == mode_name) else {
            let modes: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
            problem(
                &[Seg::Field("keys"), Seg::Name(mode_name.clone())],
                format!(
                    "no mode `{mode_name}` (there are {}); its keys are left out",
                    modes.join(", ")
                ),
            );
            continue;
        };
        for (key_name, action_name) in keys {
            let at = |last: Seg| [Seg::Field("keys"), Seg::Key(mode_name.clone()), last];
            let key = match Key::parse(key_name) {
                Ok(key) => key,
                Err(e) => {
                    problem(&at(Seg::Name(key_name.clone())), format!("{e}; left out"));
                    continue;
                }
            };
            if action_name == UNBIND {
                settings.keymap.unbind(mode, key);
                continue;
            }
            match Action::from_name(action_name) {
                Some(action) => settings.keymap.bind(mode, key, action),
                None => problem(
                    &at(Seg::Key(key_name.clone())),
                    format!(
                        "no action `{action_name}` (README lists the names; `{UNBIND}` unbinds); left out"
                    ),
                ),
            }
        }
    }
    problems.sort_by_key(|d| d.pos);
    (settings, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(km: &Keymap, mode: Mode, c: char) -> Option<Action> {
        km.action(mode, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn a_binding_override_takes_effect_and_the_rest_stays() {
        let (s, problems) = parse(
            "c.ron",
            r#"(keys: { "browse": { "x": "move_down", "q": "none" } })"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(press(&s.keymap, Mode::Browse, 'x'), Some(Action::Down));
        assert_eq!(press(&s.keymap, Mode::Browse, 'q'), None);
        assert_eq!(press(&s.keymap, Mode::Browse, 'j'), Some(Action::Down));
        assert!(s.theme.is_none());
    }

    #[test]
    fn a_theme_is_named() {
        let (s, problems) = parse("c.ron", r#"(theme: "light", ascii: true)"#);
        assert!(problems.is_empty());
        assert_eq!(s.theme.unwrap().name, "light");
        assert_eq!(s.ascii, Some(true));
    }

    #[test]
    fn a_broken_file_gives_a_positioned_warning_and_the_defaults() {
        let (s, problems) = parse("c.ron", "(\n  theme: \"light\"\n  keys: {},\n)");
        assert_eq!(problems.len(), 1);
        let msg = problems[0].to_string();
        assert!(
            msg.starts_with("c.ron:2:16: error: a comma is missing after this"),
            "{msg}"
        );
        assert!(msg.contains("using the defaults"), "{msg}");
        assert!(s.theme.is_none());
        assert_eq!(press(&s.keymap, Mode::Browse, 'j'), Some(Action::Down));
    }

    #[test]
    fn wrong_entries_are_left_out_each_with_its_place() {
        let text = "(\n  theme: \"neon\",\n  keys: {\n    \"brwse\": { \"x\": \"quit\" },\n    \"browse\": { \"Hyper-x\": \"quit\", \"y\": \"fly\", \"z\": \"move_up\" },\n  },\n  colour: 1,\n)";
        let (_, problems) = parse("c.ron", text);
        assert_eq!(
            problems.len(),
            1,
            "an unknown field is a syntax error: {problems:?}"
        );
        let text = text.replace("  colour: 1,\n", "");
        let (s, problems) = parse("c.ron", &text);
        let heads: Vec<String> = problems.iter().map(Diagnostic::headline).collect();
        assert_eq!(heads.len(), 4, "{heads:#?}");
        assert!(
            heads[0].starts_with("c.ron:2:10: error: no theme `neon`"),
            "{heads:#?}"
        );
        assert!(
            heads[1].starts_with("c.ron:4:5: error: no mode `brwse`"),
            "{heads:#?}"
        );
        assert!(
            heads[2].starts_with("c.ron:5:17: error: `Hyper-x` is not a key"),
            "{heads:#?}"
        );
        assert!(
            heads[3].starts_with("c.ron:5:41: error: no action `fly`"),
            "{heads:#?}"
        );
        // What was right still applies.
        assert_eq!(press(&s.keymap, Mode::Browse, 'z'), Some(Action::Up));
    }

    #[test]
    fn a_missing_default_file_is_silent_but_a_named_one_is_not() {
        let missing = Path::new("/nonexistent/waltz/config.ron");
        assert!(load(missing, false).1.is_empty());
        assert!(
            load(missing, true).1[0]
                .to_string()
                .contains("no such file")
        );
    }
}
