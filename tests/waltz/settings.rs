//! The settings file through the explorer: it rebinds keys, and a broken
//! file keeps the defaults.

use crate::common::*;
use waltz::explorer::app::{App, Options};

#[test]
fn settings_from_a_file_rebind_keys_and_a_broken_file_keeps_the_defaults() {
    let dir = std::env::temp_dir().join(format!("waltz-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.ron");
    std::fs::write(
        &good,
        "(theme: \"light\", keys: { \"browse\": { \"x\": \"move_down\" } })",
    )
    .unwrap();
    let (settings, problems) = waltz::config::settings::load(&good, true);
    assert!(problems.is_empty());
    let mut app = App::new(
        shipped(),
        Options {
            theme: settings.theme.clone().unwrap(),
            keymap: settings.keymap,
            ..Options::default()
        },
    );
    app.resize(80, 24);
    let before = app.shown();
    press(&mut app, &["x"]);
    assert_ne!(app.shown(), before, "x moves down");
    assert_eq!(app.theme.name, "light");

    let broken = dir.join("broken.ron");
    std::fs::write(
        &broken,
        "(theme: \"light\",\n keys: { \"browse\": { \"x\": \"move_down\" } )",
    )
    .unwrap();
    let (settings, problems) = waltz::config::settings::load(&broken, true);
    assert_eq!(problems.len(), 1);
    let msg = problems[0].to_string();
    assert!(
        msg.starts_with(&format!("{}:2:", broken.display())),
        "{msg}"
    );
    assert!(msg.contains("using the defaults"), "{msg}");
    assert!(settings.theme.is_none());
    let mut app = App::new(
        shipped(),
        Options {
            keymap: settings.keymap,
            ..Options::default()
        },
    );
    app.resize(80, 24);
    let before = app.shown();
    press(&mut app, &["x"]);
    assert_eq!(app.shown(), before, "x is not bound by default");
    press(&mut app, &["j"]);
    assert_ne!(app.shown(), before);
}

/// The problems a settings text gives, as `check` would print them.
fn problems(text: &str) -> Vec<String> {
    let (_, problems) = waltz::config::settings::parse("s.ron", text);
    problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn settings_nest_as_deep_as_the_limit_their_message_names() {
    let limit = waltz::case::load::MAX_NESTING;
    let nested = |depth: usize| {
        format!(
            "(extra: {}{})",
            "[".repeat(depth - 1),
            "]".repeat(depth - 1)
        )
    };
    let deep = problems(&nested(limit + 1));
    assert!(
        deep.iter()
            .any(|p| p.contains(&format!("more than {limit} levels deep"))),
        "{deep:?}"
    );
    let within = problems(&nested(limit));
    assert!(
        within.iter().all(|p| !p.contains("levels deep")),
        "{within:?}"
    );
}

#[test]
fn a_key_named_by_a_control_or_invisible_character_is_refused_where_it_is_written() {
    for (key, shown) in [
        ("\\u{202e}", "U+202E"),
        ("\\u{9b}", "U+009B"),
        ("\\u{7}", "U+0007"),
        ("\\u{3164}", "U+3164"),
        ("Ctrl-\\u{1b}", "U+001B"),
    ] {
        let text = format!("(keys: {{ \"browse\": {{ \"{key}\": \"move_down\" }} }})");
        let got = problems(&text);
        assert_eq!(got.len(), 1, "{key}: {got:?}");
        assert!(
            got[0].starts_with("s.ron:1:20: error: ")
                && got[0].contains(&format!("{shown} is a control or invisible character")),
            "{key}: {got:?}"
        );
        assert!(waltz::case::sanitize::is_inert(&got[0]), "{:?}", got[0]);
    }
}
