//! The documentation stays true to the program.

use waltz::config::action::Action;
use waltz::config::keymap::Mode;

const README: &str = include_str!("../../README.md");

#[test]
fn the_readme_names_every_action_and_mode_a_settings_file_can_use() {
    for action in Action::BINDABLE {
        assert!(
            README.contains(&format!("`{}`", action.name())),
            "README lacks `{}`",
            action.name()
        );
    }
    for mode in Mode::ALL {
        assert!(
            README.contains(&format!("`{}`", mode.name())),
            "README lacks mode `{}`",
            mode.name()
        );
    }
    assert!(README.contains(&format!("`{}`", waltz::config::settings::UNBIND)));
}

#[test]
fn the_readme_gives_the_two_commands_a_newcomer_needs() {
    assert!(README.contains("cargo run --release "));
    assert!(README.contains("cargo test "));
}

#[test]
fn the_readme_settings_example_is_a_valid_settings_file() {
    let start = README.find("```ron\n").expect("an example") + "```ron\n".len();
    let end = start + README[start..].find("```").unwrap();
    let (settings, problems) = waltz::config::settings::parse("README.md", &README[start..end]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(settings.theme.unwrap().name, "light");
}
