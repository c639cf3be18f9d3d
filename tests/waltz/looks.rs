//! Themes and ASCII drawing: every theme renders, monochrome sends no
//! colour, popups keep a theme's ground, ASCII mode draws only ASCII.

use crate::common::*;
use waltz::config::theme::Theme;
use waltz::explorer::app::{App, Options};

#[test]
fn every_theme_renders_at_80_by_24_and_monochrome_sends_no_colour() {
    for name in Theme::NAMES {
        let app = app_with(shipped(), 80, 24, Theme::by_name(name).unwrap());
        let bytes = terminal_bytes(&app);
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("Timeline"), "{name}");
        // SGR colour codes: 30–37, 38;…, 39, 40–47, 48;…, 49, 90–97, 100–107.
        let colours = sgr_colours(&text);
        if name == "monochrome" {
            assert!(colours.is_empty(), "{name}: {colours:?}");
        } else {
            assert!(!colours.is_empty(), "{name} has colour");
            // The sixteen palette colours go out as 3x/4x/9x/10x or 38;5;0–15.
            let palette = |c: &String| {
                let p: Vec<&str> = c.split(';').collect();
                !matches!(p[0], "38" | "48")
                    || (p.get(1) == Some(&"5")
                        && p.get(2)
                            .and_then(|n| n.parse::<u8>().ok())
                            .is_some_and(|n| n < 16))
            };
            assert!(
                colours.iter().all(palette),
                "{name}: only palette colours: {colours:?}"
            );
        }
    }
}

#[test]
fn a_theme_with_its_own_background_keeps_it_under_every_popup() {
    let theme = Theme::high_contrast();
    assert!(
        theme.screen.bg.is_some(),
        "high contrast paints its background"
    );
    for keys in [
        &["/"][..],
        &["/", "p", "a", "k"],
        &["?"],
        &["t"],
        &[":"],
        &["b"],
        &["z"],
    ] {
        let mut app = app_with(shipped(), 100, 30, theme.clone());
        press(&mut app, keys);
        let buf = paint(&app);
        let bare: Vec<ratatui::layout::Position> = buf
            .area
            .positions()
            .filter(|&p| buf[p].bg == ratatui::style::Color::Reset)
            .collect();
        assert!(
            bare.is_empty(),
            "{keys:?}: {} cells without the ground, e.g. {:?}\n{}",
            bare.len(),
            &bare[..bare.len().min(5)],
            screen(&buf)
        );
    }
}

/// The colour parameters of every SGR sequence in `text`.
fn sgr_colours(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for seq in text.split("\x1b[").skip(1) {
        let Some(end) = seq.find(|c: char| c.is_ascii_alphabetic()) else {
            continue;
        };
        if &seq[end..end + 1] != "m" {
            continue;
        }
        let params: Vec<&str> = seq[..end].split(';').collect();
        let mut i = 0;
        while i < params.len() {
            let p: u32 = params[i].parse().unwrap_or(0);
            match p {
                38 | 48 => {
                    found.push(params[i..].join(";"));
                    break;
                }
                30..=37 | 39..=47 | 49 | 90..=97 | 100..=107 => found.push(params[i].to_owned()),
                _ => {}
            }
            i += 1;
        }
    }
    // 39 and 49 reset to the default colour: not a colour.
    found.retain(|c| c != "39" && c != "49");
    found
}

#[test]
fn ascii_mode_draws_only_ascii_everywhere() {
    let mut app = ascii_app();
    for (w, h) in [(80, 24), (160, 48)] {
        app.resize(w, h);
        for keys in [
            &[][..],
            &["Tab", "j"],
            &["/"],
            &["Esc", "?"],
            &["Esc", "t"],
            &["Enter", "P"],
            &["P", "Esc", "b"],
            &["Esc", "z", "1"],
            &["Esc", "g", "Enter"],
        ] {
            press(&mut app, keys);
            let bytes = terminal_bytes(&app);
            assert!(
                bytes.is_ascii(),
                "{keys:?}: {}",
                String::from_utf8_lossy(&bytes)
            );
            let s = screen(&paint(&app));
            assert!(s.is_ascii(), "{s}");
            if keys.is_empty() {
                // Level marks read apart from the dots of a cut title.
                assert!(
                    s.lines()
                        .any(|l| l.contains("Primakov visits Pakistan") && l.contains(" I..")),
                    "{s}"
                );
            }
        }
    }
}

#[test]
fn ascii_help_names_the_arrow_keys_and_every_mark_means_one_thing() {
    let mut app = ascii_app();
    app.resize(100, 40);
    press(&mut app, &["?"]);
    let mut help = String::new();
    for _ in 0..40 {
        help.push_str(&screen(&paint(&app)));
        help.push('\n');
        press(&mut app, &["PageDown"]);
    }
    // Arrow keys by name, never by an arrow's stand-in.
    for keys in ["k, Up", "j, Down", "h, Left", "l, Right"] {
        assert!(help.contains(keys), "{keys} missing:\n{help}");
    }
    for stand_in in ["k, ^", "j, v", "h, <", "l, >"] {
        assert!(!help.contains(stand_in), "{stand_in}:\n{help}");
    }
    // The legend: a constraint and a level an event does not touch have
    // marks of their own.
    let mark = |meaning: &str| {
        help.lines()
            .find(|l| l.contains(meaning))
            .and_then(|l| l.trim_start_matches(['|', '#', ' ']).chars().next())
            .unwrap_or_else(|| panic!("{meaning}:\n{help}"))
    };
    let constraint = mark("  constraint");
    let absent = mark("a level the event does not touch");
    assert_eq!((constraint, absent), ('-', '.'), "{help}");
    press(&mut app, &["Esc"]);
    // On screen too: the timeline's level marks and the panes' signs.
    let s = screen(&paint(&app));
    assert!(s.contains(" I.."), "{s}");
    assert!(s.contains("| - "), "a constraint in a pane:\n{s}");
    // The focused border and the scrollbar's thumb beside it stay apart.
    let buf = paint(&app);
    let t = app.areas().unwrap().timeline;
    let (border, thumb) = (t.right() - 1, t.right() - 2);
    let column = |x| {
        (t.y + 1..t.bottom() - 1)
            .map(|y| buf[(x, y)].symbol())
            .collect::<String>()
    };
    assert!(
        column(border).chars().all(|c| c == '#'),
        "{}",
        column(border)
    );
    assert!(
        column(thumb).contains('O') && !column(thumb).contains('#'),
        "{}",
        column(thumb)
    );
    // The status bar in a tour names the arrows too.
    press(&mut app, &["t", "Enter"]);
    let s = screen(&paint(&app));
    assert!(s.lines().last().unwrap().contains("Right/Left step"), "{s}");
}

/// The shipped case drawn in ASCII, without colour.
fn ascii_app() -> App {
    App::new(
        shipped(),
        Options {
            theme: Theme::monochrome(),
            ascii: true,
            ..Options::default()
        },
    )
}
