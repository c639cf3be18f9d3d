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
