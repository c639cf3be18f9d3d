//! The settings file: a theme, ASCII drawing, the mouse, whether the quiz
//! asks about the background, and key bindings, each optional — the file
//! names only what it changes.
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
//! The default bindings (`assets/keys.ron`) are a settings file too, read
//! by this same parser over an empty key map.
//!
//! A problem in the file never stops waltz: it is reported like a dataset
//! error (`path:line:col`), the entry at fault is left out and the defaults
//! stand for it. The file is read with serde into [`File`], whose every
//! value is [`Lenient`]: a value of the wrong type costs only its entry.

use std::path::{Path, PathBuf};

use crossterm::event::KeyCode;
use ron::Value;
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};

use crate::case::diagnostic::{Diagnostic, Lines, Severity};
use crate::case::load;
use crate::case::locate::{Seg, Tree};
use crate::config::action::Action;
use crate::config::keymap::{Key, Keymap, Mode};
use crate::config::theme::Theme;

/// The largest settings file read.
const MAX_BYTES: u64 = 1024 * 1024;

/// The action name that removes a key's binding.
pub const UNBIND: &str = "none";

/// The settings a file may name.
const FIELDS: [&str; 5] = ["theme", "ascii", "mouse", "quiz_all", "keys"];

/// What a settings file asks for.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// A theme, when the file names one.
    pub theme: Option<Theme>,
    /// Plain ASCII drawing, when the file says.
    pub ascii: Option<bool>,
    /// The mouse, when the file says.
    pub mouse: Option<bool>,
    /// Whether the quiz asks about the background before the period too,
    /// when the file says.
    pub quiz_all: Option<bool>,
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
    // The length of a device or a pipe says nothing (0 for /dev/zero):
    // the read itself stops one byte past the cap.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_BYTES + 1), &mut bytes)
        })
        .map_err(|e| Diagnostic::file(name, format!("cannot be read ({e}); using the defaults")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Diagnostic::file(
            name,
            "is over 1 MiB, too large for a settings file; using the defaults",
        ));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Diagnostic::file(name, "is not UTF-8 text; using the defaults"))
}

/// A value as written, of the type wanted or not: reading one never fails,
/// so that a wrong entry is left out without losing the rest of the file.
#[derive(Debug, Clone)]
enum Lenient<T> {
    /// The value, of the type wanted.
    Right(T),
    /// Something else, kept to be named in the message.
    Wrong(Value),
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut value = Value::deserialize(d)?;
        // `Some("light")` says what `"light"` says.
        while let Value::Option(Some(inner)) = value {
            value = *inner;
        }
        Ok(match value.clone().into_rust::<T>() {
            Ok(right) => Lenient::Right(right),
            Err(_) => Lenient::Wrong(value),
        })
    }
}

impl Lenient<String> {
    /// The text, or the wrong value as RON shows it.
    fn shown(&self) -> String {
        match self {
            Lenient::Right(s) => s.clone(),
            Lenient::Wrong(v) => format!("{v:?}"),
        }
    }
}

/// A map's entries in the order written (`()` is an empty one). A key given
/// twice is there once, with its last value: the last one stands.
#[derive(Debug, Clone)]
struct Entries<V>(Vec<(Lenient<String>, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Each<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Each<V> {
            type Value = Entries<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map, like `{ \"x\": \"quit\" }`")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Entries<V>, E> {
                Ok(Entries(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<V>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        d.deserialize_any(Each(std::marker::PhantomData))
    }
}

/// For each mode, its keys and the action each is bound to.
type KeyTable = Entries<Lenient<Entries<Lenient<String>>>>;

/// A settings file as written: every entry optional and of any type.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
struct File(Lenient<Entries<Value>>);

/// Parse settings from their text over the default bindings; `name` is
/// what messages call the file.
pub fn parse(name: &str, text: &str) -> (Settings, Vec<Diagnostic>) {
    parse_over(name, text, Keymap::default())
}

/// Parse settings from their text, changing `keymap`.
///
/// The file is read as typed entries, each checked on its own, so that one
/// wrong entry is left out without losing the rest; only text that is not
/// RON at all discards the file.
pub fn parse_over(name: &str, text: &str, keymap: Keymap) -> (Settings, Vec<Diagnostic>) {
    // Not `..Settings::default()`: that reads the default bindings, which
    // are themselves read by this function.
    let mut settings = Settings {
        theme: None,
        ascii: None,
        mouse: None,
        quiz_all: None,
        keymap,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // An empty file asks for nothing: the defaults, without complaint; so
    // does one whose every line is commented out.
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//"))
    {
        return (settings, Vec::new());
    }
    if let Err(mut d) = load::nesting(name, text) {
        d.message.push_str("; using the defaults");
        return (settings, vec![d]);
    }
    let options = load::ron_options();
    let file: File = match options.from_str(text) {
        Ok(file) => file,
        Err(e) => {
            let mut d = load::syntax_error(name, text, &e);
            d.message.push_str("; using the defaults");
            return (settings, vec![d]);
        }
    };
    let mut check = Check {
        name,
        lines: Lines::new(text),
        tree: Tree::scan(text),
        problems: Vec::new(),
    };
    check.repeated();
    let Lenient::Right(entries) = file.0 else {
        check.problem(
            &[],
            "a settings file is one `( … )` of settings, like `(theme: \"light\")`; using the defaults",
        );
        return (settings, check.problems);
    };
    for (field, value) in entries.0 {
        check.field(&mut settings, field, value);
    }
    let mut problems = check.problems;
    problems.sort_by_key(|d| d.pos);
    (settings, problems)
}

/// Checking a file's entries, with what it takes to say where each is.
struct Check<'t> {
    name: &'t str,
    lines: Lines<'t>,
    tree: Tree,
    problems: Vec<Diagnostic>,
}

impl Check<'_> {
    fn problem(&mut self, path: &[Seg], message: impl Into<String>) {
        let at = self.tree.offset(path);
        let d = self
            .lines
            .diagnostic(Severity::Error, self.name, at, message);
        self.problems.push(d);
    }

    /// A map keeps only the last of a repeated name: say which one stands.
    fn repeated(&mut self) {
        let repeated: Vec<(String, usize)> = self
            .tree
            .repeated_fields()
            .into_iter()
            .map(|(field, at)| (field.to_owned(), at))
            .collect();
        for (field, at) in repeated {
            let message = format!("`{field}` is given more than once; the last one stands");
            let d = self
                .lines
                .diagnostic(Severity::Error, self.name, at, message);
            self.problems.push(d);
        }
    }

    /// One setting, read into `settings` when it is right.
    fn field(&mut self, settings: &mut Settings, field: Lenient<String>, value: Value) {
        let shown = field.shown();
        if !FIELDS.contains(&shown.as_str()) {
            let message = format!(
                "no setting `{shown}` (there are {}); left out",
                FIELDS.join(", ")
            );
            return self.problem(&[Seg::Name(shown)], message);
        }
        let here = [Seg::Key(shown.clone())];
        match shown.as_str() {
            "theme" => match typed::<String>(value) {
                Lenient::Right(theme) => {
                    settings.theme = Theme::by_name(&theme);
                    if settings.theme.is_none() {
                        let message = format!(
                            "no theme `{theme}` (there are {}); using the default",
                            Theme::NAMES.join(", ")
                        );
                        self.problem(&here, message);
                    }
                }
                Lenient::Wrong(_) => self.problem(
                    &here,
                    "`theme` is a name in quotes, like \"light\"; left out",
                ),
            },
            "ascii" | "mouse" | "quiz_all" => match typed::<bool>(value) {
                Lenient::Right(b) => match shown.as_str() {
                    "ascii" => settings.ascii = Some(b),
                    "mouse" => settings.mouse = Some(b),
                    _ => settings.quiz_all = Some(b),
                },
                Lenient::Wrong(_) => {
                    self.problem(&here, format!("`{shown}` is `true` or `false`; left out"))
                }
            },
            _ => match typed::<KeyTable>(value) {
                Lenient::Right(table) => self.keys(&mut settings.keymap, table),
                Lenient::Wrong(_) => self.problem(
                    &here,
                    "`keys` is a map of modes, like `{ \"browse\": { \"x\": \"quit\" } }`; left out",
                ),
            },
        }
    }

    /// The key bindings, mode by mode, into `keymap`.
    fn keys(&mut self, keymap: &mut Keymap, table: KeyTable) {
        for (mode_name, bindings) in table.0 {
            let mode_name = mode_name.shown();
            let place = [Seg::Field("keys"), Seg::Name(mode_name.clone())];
            let Some(mode) = Mode::ALL.into_iter().find(|m| m.name() == mode_name) else {
                let modes: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
                let message = format!(
                    "no mode `{mode_name}` (there are {}, each in quotes); its keys are left out",
                    modes.join(", ")
                );
                self.problem(&place, message);
                continue;
            };
            let Lenient::Right(bindings) = bindings else {
                let message = format!(
                    "`{mode_name}` takes a map of keys to actions, like {{ \"x\": \"quit\" }}; left out"
                );
                self.problem(&place, message);
                continue;
            };
            for (key_name, action_name) in bindings.0 {
                self.binding(keymap, mode, &mode_name, key_name.shown(), action_name);
            }
            // Every mode but exploring needs a way out that is not quitting.
            if mode != Mode::Browse && keymap.keys_for(mode, &Action::Cancel).is_empty() {
                keymap.bind(mode, Key::plain(KeyCode::Esc), Action::Cancel);
                let message = format!(
                    "this would leave `{mode_name}` with no key to cancel; Esc cancels there still"
                );
                self.problem(&place, message);
            }
        }
    }

    /// One key's binding in one mode.
    fn binding(
        &mut self,
        keymap: &mut Keymap,
        mode: Mode,
        mode_name: &str,
        key_name: String,
        action_name: Lenient<String>,
    ) {
        let at = |last: Seg| [Seg::Field("keys"), Seg::Key(mode_name.to_owned()), last];
        let key = match Key::parse(&key_name) {
            Ok(key) => key,
            Err(e) => return self.problem(&at(Seg::Name(key_name)), format!("{e}; left out")),
        };
        let value_at = at(Seg::Key(key_name));
        let Lenient::Right(action_name) = action_name else {
            return self.problem(
                &value_at,
                "an action is a name in quotes, like \"quit\"; left out",
            );
        };
        let action = if action_name == UNBIND {
            None
        } else if let Some(action) = Action::from_name(&action_name) {
            Some(action)
        } else {
            let message = format!(
                "no action `{action_name}` (README lists the names; `{UNBIND}` unbinds); left out"
            );
            return self.problem(&value_at, message);
        };
        if let Err(why) = allowed(mode, key, action.as_ref()) {
            return self.problem(&value_at, format!("{why}; left out"));
        }
        match action {
            Some(action) => keymap.bind(mode, key, action),
            None => keymap.unbind(mode, key),
        }
    }
}

/// `value` as a `T`, or as it was.
fn typed<T: DeserializeOwned>(value: Value) -> Lenient<T> {
    Lenient::deserialize(value).unwrap_or_else(|_: ron::Error| Lenient::Wrong(Value::Unit))
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
        let (s, problems) = parse("c.ron", r#"(theme: Some("light"))"#);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.theme.unwrap().name, "light");
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
                "c.ron:7:3: error: no setting `colour` (there are theme, ascii, mouse, quiz_all, keys)"
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
