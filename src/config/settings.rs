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

use std::path::{Path, PathBuf};

use crossterm::event::KeyCode;

use crate::case::diagnostic::{Diagnostic, Lines, Severity};
use crate::case::load::locate::{Seg, Tree};
use crate::config::action::Action;
use crate::config::keymap::{Key, Keymap, Mode};
use crate::config::theme::Theme;
use ron::Value;

/// The largest settings file read.
const MAX_BYTES: u64 = 1024 * 1024;

/// The action name that removes a key's binding.
pub const UNBIND: &str = "none";

/// The settings a file may name.
const FIELDS: [&str; 4] = ["theme", "ascii", "mouse", "keys"];

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

/// A string value (`"light"`, or `'x'` for a key), also when written
/// `Some("light")`.
fn as_str(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Char(c) => Some(c.to_string()),
        Value::Option(Some(v)) => as_str(v),
        _ => None,
    }
}

/// A boolean value, also when written `Some(true)`.
fn as_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Option(Some(v)) => as_bool(v),
        _ => None,
    }
}

/// The entries of a map value (`{ … }`); `()` is an empty one.
fn as_map(v: &Value) -> Option<Vec<(&Value, &Value)>> {
    match v {
        Value::Map(m) => Some(m.iter().collect()),
        Value::Unit => Some(Vec::new()),
        Value::Option(Some(v)) => as_map(v),
        _ => None,
    }
}

/// Parse settings from their text; `name` is what messages call the file.
///
/// The file is read as plain RON values and each setting checked on its
/// own, so that one wrong entry is left out without losing the rest; only
/// text that is not RON at all discards the file.
pub fn parse(name: &str, text: &str) -> (Settings, Vec<Diagnostic>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // An empty file asks for nothing: the defaults, without complaint; so
    // does one whose every line is commented out.
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//"))
    {
        return (Settings::default(), Vec::new());
    }
    let lines = Lines::new(text);
    let options = ron::Options::default().with_recursion_limit(16);
    let value: Value = match options.from_str(text) {
        Ok(value) => value,
        Err(e) => {
            let mut d = crate::case::load::syntax_error(name, text, &e);
            d.message.push_str("; using the defaults");
            return (Settings::default(), vec![d]);
        }
    };

    let tree = Tree::scan(text);
    // A map keeps only the last of a repeated name: say which one stands.
    let mut problems: Vec<Diagnostic> = tree
        .repeated_fields()
        .into_iter()
        .map(|(field, at)| {
            let message = format!("`{field}` is given more than once; the last one stands");
            lines.diagnostic(Severity::Error, name, at, message)
        })
        .collect();
    let mut problem = |path: &[Seg], message: String| {
        problems.push(lines.diagnostic(Severity::Error, name, tree.offset(path), message));
    };
    let mut settings = Settings::default();
    let Some(fields) = as_map(&value) else {
        problem(
            &[],
            "a settings file is one `( … )` of settings, like `(theme: \"light\")`; using the defaults"
                .to_owned(),
        );
        return (settings, problems);
    };
    let mut keys = Vec::new();
    for (field, v) in fields {
        let Some(field) = as_str(field).filter(|f| FIELDS.contains(&f.as_str())) else {
            let shown = as_str(field).unwrap_or_else(|| format!("{field:?}"));
            problem(
                &[Seg::Name(shown.clone())],
                format!(
                    "no setting `{shown}` (there are {}); left out",
                    FIELDS.join(", ")
                ),
            );
            continue;
        };
        let here = [Seg::Key(field.clone())];
        match field.as_str() {
            "theme" => match as_str(v) {
                Some(theme) => {
                    settings.theme = Theme::by_name(&theme);
                    if settings.theme.is_none() {
                        problem(
                            &here,
                            format!(
                                "no theme `{theme}` (there are {}); using the default",
                                Theme::NAMES.join(", ")
                            ),
                        );
                    }
                }
                None => problem(&here, "`theme` is a name in quotes, like \"light\"; left out".to_owned()),
            },
            "ascii" | "mouse" => match as_bool(v) {
                Some(b) if field == "ascii" => settings.ascii = Some(b),
                Some(b) => settings.mouse = Some(b),
                None => problem(&here, format!("`{field}` is `true` or `false`; left out")),
            },
            _ => match as_map(v) {
                Some(map) => keys = map,
                None => problem(
                    &here,
                    "`keys` is a map of modes, like `{ \"browse\": { \"x\": \"quit\" } }`; left out"
                        .to_owned(),
                ),
            },
        }
    }

    for (mode_name, bindings) in keys {
        let mode_name = as_str(mode_name).unwrap_or_else(|| format!("{mode_name:?}"));
        let place = [Seg::Field("keys"), Seg::Name(mode_name.clone())];
        let Some(mode) = Mode::ALL.into_iter().find(|m| m.name() == mode_name) else {
            let modes: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
            problem(
                &place,
                format!(
                    "no mode `{mode_name}` (there are {}, each in quotes); its keys are left out",
                    modes.join(", ")
                ),
            );
            continue;
        };
        let Some(bindings) = as_map(bindings) else {
            problem(
                &place,
                format!(
                    "`{mode_name}` takes a map of keys to actions, like {{ \"x\": \"quit\" }}; left out"
                ),
            );
            continue;
        };
        for (key_name, action_name) in bindings {
            let key_name = as_str(key_name).unwrap_or_else(|| format!("{key_name:?}"));
            let at = |last: Seg| [Seg::Field("keys"), Seg::Key(mode_name.clone()), last];
            let key = match Key::parse(&key_name) {
                Ok(key) => key,
                Err(e) => {
                    problem(&at(Seg::Name(key_name.clone())), format!("{e}; left out"));
                    continue;
                }
            };
            let value_at = at(Seg::Key(key_name.clone()));
            let Some(action_name) = as_str(action_name) else {
                problem(
                    &value_at,
                    "an action is a name in quotes, like \"quit\"; left out".to_owned(),
                );
                continue;
            };
            let action = if action_name == UNBIND {
                None
            } else if let Some(action) = Action::from_name(&action_name) {
                Some(action)
            } else {
                problem(
                    &value_at,
                    format!(
                        "no action `{action_name}` (README lists the names; `{UNBIND}` unbinds); left out"
                    ),
                );
                continue;
            };
            if let Err(why) = allowed(mode, key, action.as_ref()) {
                problem(&value_at, format!("{why}; left out"));
                continue;
            }
            match action {
                Some(action) => settings.keymap.bind(mode, key, action),
                None => settings.keymap.unbind(mode, key),
            }
        }
        // Every mode but exploring needs a way out that is not quitting.
        if mode != Mode::Browse && settings.keymap.keys_for(mode, &Action::Cancel).is_empty() {
            settings
                .keymap
                .bind(mode, Key::plain(KeyCode::Esc), Action::Cancel);
            problem(
                &place,
                format!(
                    "this would leave `{mode_name}` with no key to cancel; Esc cancels there still"
                ),
            );
        }
    }
    problems.sort_by_key(|d| d.pos);
    (settings, problems)
}

/// Whether `key` may be bound to `action` (or unbound, `None`) in `mode`:
/// Ctrl-c always quits, and a plain character in a prompt types itself.
fn allowed(mode: Mode, key: Key, action: Option<&Action>) -> Result<(), String> {
    if key == Key::ctrl('c') && action != Some(&Action::Quit) {
        return Err("Ctrl-c always quits".to_owned());
    }
    let printable = matches!(key.code, KeyCode::Char(c) if !c.is_control()) && key.mods.is_empty();
    if mode.takes_text() && printable && action.is_some() {
        return Err(format!(
            "`{key}` types itself in `{}`; bind a key with Ctrl or Alt, or a named key, there",
            mode.name()
        ));
    }
    Ok(())
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
    fn an_empty_file_is_the_defaults_and_an_unfinished_one_says_so_in_general_words() {
        let (s, problems) = parse("c.ron", " \n");
        assert!(problems.is_empty() && s.theme.is_none());
        let (_, problems) = parse("c.ron", "(theme: \"light\",\n");
        let message = problems[0].to_string();
        assert!(
            message.contains("the file ends before what it began is complete; using the defaults"),
            "{message}"
        );
        assert!(!message.contains("dataset"), "{message}");
    }

    #[test]
    fn a_key_bound_twice_in_a_mode_is_reported_and_a_commented_out_file_is_the_defaults() {
        let (s, problems) = parse(
            "c.ron",
            "(keys: { \"browse\": { \"x\": \"move_down\", \"x\": \"move_up\" } })",
        );
        assert_eq!(press(&s.keymap, Mode::Browse, 'x'), Some(Action::Up));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .headline()
                .ends_with("error: `x` is given more than once; the last one stands"),
            "{problems:?}"
        );
        let (s, problems) = parse("c.ron", "// (theme: \"light\")\n  // nothing yet\n");
        assert!(problems.is_empty() && s.theme.is_none(), "{problems:?}");
    }

    #[test]
    fn a_setting_given_twice_is_reported_and_the_last_stands() {
        let (s, problems) = parse("c.ron", "(theme: \"light\", theme: \"dark\")");
        assert_eq!(s.theme.unwrap().name, "dark");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].headline(),
            "c.ron:1:18: error: `theme` is given more than once; the last one stands"
        );
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
        let (s, problems) = parse("c.ron", text);
        let heads: Vec<String> = problems.iter().map(Diagnostic::headline).collect();
        assert_eq!(heads.len(), 5, "{heads:#?}");
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
        assert!(
            heads[4].starts_with(
                "c.ron:7:3: error: no setting `colour` (there are theme, ascii, mouse, keys)"
            ),
            "{heads:#?}"
        );
        // What was right still applies.
        assert_eq!(press(&s.keymap, Mode::Browse, 'z'), Some(Action::Up));
    }

    #[test]
    fn a_wrong_type_loses_only_that_setting() {
        let text = "(\n  theme: 3,\n  mouse: \"yes\",\n  ascii: true,\n  keys: { \"browse\": { \"x\": 7, \"z\": \"move_up\" } },\n)";
        let (s, problems) = parse("c.ron", text);
        let heads: Vec<String> = problems.iter().map(Diagnostic::headline).collect();
        assert_eq!(heads.len(), 3, "{heads:#?}");
        assert!(
            heads[0].starts_with("c.ron:2:10: error: `theme` is a name in quotes"),
            "{heads:#?}"
        );
        assert!(
            heads[1].starts_with("c.ron:3:10: error: `mouse` is `true` or `false`"),
            "{heads:#?}"
        );
        assert!(
            heads[2].starts_with("c.ron:5:28: error: an action is a name in quotes"),
            "{heads:#?}"
        );
        assert!(heads.iter().all(|h| !h.contains("File")), "{heads:#?}");
        assert_eq!(s.ascii, Some(true));
        assert_eq!(s.mouse, None);
        assert_eq!(press(&s.keymap, Mode::Browse, 'z'), Some(Action::Up));
    }

    #[test]
    fn bindings_that_would_trap_the_user_are_refused() {
        let text = r#"(keys: {
  "find": { "x": "submit", "Ctrl-y": "submit", "Esc": "none" },
  "browse": { "Ctrl-c": "none", "Ctrl-x": "quit" },
  "quiz": { "Ctrl-c": "cancel" },
})"#;
        let (s, problems) = parse("c.ron", text);
        let heads: Vec<String> = problems.iter().map(Diagnostic::headline).collect();
        assert_eq!(heads.len(), 4, "{heads:#?}");
        assert!(
            heads[0].starts_with("c.ron:2:3: error: this would leave `find` with no key to cancel"),
            "{heads:#?}"
        );
        assert!(
            heads[1].contains("`x` types itself in `find`"),
            "{heads:#?}"
        );
        assert!(heads[2].contains("Ctrl-c always quits"), "{heads:#?}");
        assert!(heads[3].contains("Ctrl-c always quits"), "{heads:#?}");
        let km = &s.keymap;
        // x still types, the Ctrl binding works, Esc still cancels.
        assert_eq!(press(km, Mode::Find, 'x'), Some(Action::Insert('x')));
        let key = |code, mods| km.action(Mode::Find, KeyEvent::new(code, mods));
        assert_eq!(
            key(KeyCode::Char('y'), KeyModifiers::CONTROL),
            Some(Action::Submit)
        );
        assert_eq!(key(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Cancel));
        for mode in Mode::ALL {
            let quit = km.action(
                mode,
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
            );
            assert_eq!(quit, Some(Action::Quit), "{mode:?}");
        }
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
