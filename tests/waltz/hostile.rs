//! Data that tries to drive the terminal: escape sequences, bells, C1
//! controls, carriage returns, bidi overrides and invisible characters in
//! every field of a dataset. Whatever the screen shows and whatever the
//! commands print, none of it may reach the terminal as anything but text.
//!
//! The other hostile classes, and where each is held:
//! - bytes from a terminal or a network peer: a stuck `ESC [ ?` never
//!   locks the keyboard (`pty::a_stuck_escape_sequence_never_locks_the_keyboard`,
//!   the decoder's unit tests), and after any random bytes Ctrl-C quits at
//!   once (`properties::after_any_bytes_ctrl_c_quits_at_once`, 300 streams);
//! - keys named by control or format characters in settings are refused
//!   where written (`settings::a_key_named_by_a_control_or_invisible_character_is_refused_where_it_is_written`);
//! - the same bytes mean the same case at every size, read whole or in
//!   pieces (`properties::a_case_read_in_pieces_means_what_it_means_whole`,
//!   400 generated cases, and `synth::a_large_file_parsed_in_pieces_equals_one_parsed_whole`);
//! - look-alike ids and blank fillers (below);
//! - one nesting limit for data and settings
//!   (`settings::settings_nest_as_deep_as_the_limit_their_message_names`);
//! - files that would cost without bound: one long line, a million
//!   warnings, endless streams, devices, huge lists, one warning in a large
//!   case (`bounded`);
//! - random keys, clicks, pastes and resizes from 0×0 up
//!   (`properties::random_sessions_*`), signals (`pty`), and bytes, floods
//!   and half handshakes on the SSH port (`serve`).

use crate::common::*;
use ratatui::layout::Rect;
use waltz::config::theme::Theme;
use waltz::explorer::app::{App, Options};
use waltz::explorer::view::layout::{Areas, inner};

/// Every kind of trouble at once, as RON string escapes.
const NASTY: &str = concat!(
    "\\u{1b}]52;c;cm0gLXJmIH4=\\u{7}", // OSC 52: write the clipboard
    "\\u{1b}]8;;https://evil.example\\u{1b}\\\\", // OSC 8: a hidden link
    "\\u{1b}[2J\\u{1b}[31m",           // CSI: clear the screen, red
    "\\u{9b}6n",                       // C1 CSI: ask for the cursor
    "\\u{1b}P+q\\u{1b}\\\\",           // DCS
    "\\u{7}\\r\\u{8}\\u{7f}",          // BEL, CR, BS, DEL
    "\\u{202e}\\u{2066}\\u{200b}\\u{feff}\\u{200d}", // bidi, isolates, zero-width
);

/// The fixture with trouble in every string field.
fn hostile_dataset() -> String {
    let mut text = MINIMAL.to_owned();
    for field in [
        "title", "name", "summary", "citation", "role", "country", "note", "quote",
    ] {
        text = text.replace(&format!("{field}: \""), &format!("{field}: \"{NASTY}"));
    }
    text.replace("themes: [\"", &format!("themes: [\"{NASTY}"))
        .replace("variants: [\"", &format!("variants: [\"{NASTY}"))
}

fn hostile_app(width: u16, height: u16) -> App {
    let mut app = App::new(
        case(&hostile_dataset()),
        Options {
            theme: Theme::dark(),
            ..Options::default()
        },
    );
    app.resize(width, height);
    app
}

/// Check that `bytes` holds no control sequence the drawing did not make:
/// every ESC starts a CSI with only the sequences the backend uses, and no
/// BEL, CR, C1 control or invisible format character appears.
fn assert_inert_output(bytes: &[u8], context: &str) {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8 output");
    for c in text.chars() {
        let bad = matches!(c, '\u{0}'..='\u{1a}' | '\u{1c}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
            || waltz::case::sanitize::is_format(c);
        assert!(!bad, "{context}: {c:?} reached the terminal");
    }
    let mut rest = text.as_str();
    while let Some(at) = rest.find('\u{1b}') {
        let seq = &rest[at + 1..];
        assert!(
            seq.starts_with('['),
            "{context}: ESC not starting a CSI: {:?}",
            &seq[..seq.len().min(20)]
        );
        let body = &seq[1..];
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == '?'))
            .unwrap_or(body.len());
        let last = body[end..].chars().next();
        assert!(
            matches!(last, Some('H' | 'm' | 'J' | 'K' | 'h' | 'l')),
            "{context}: unexpected sequence ESC [{}",
            &body[..(end + 1).min(body.len())]
        );
        rest = &body[end..];
    }
}

#[test]
fn a_hostile_dataset_loads_inert() {
    let case = case(&hostile_dataset());
    let json = serde_json::to_string(&case.data).unwrap();
    assert!(waltz::case::sanitize::is_inert(&json));
    // The trouble is still there to read, as visible symbols.
    assert!(case.data.events[0].title.contains("␛]52;c;"));
}

#[test]
fn nothing_from_the_data_reaches_the_terminal_in_any_view() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = hostile_app(w, h);
        let views: [&[&str]; 12] = [
            &[],
            &["j", "Enter"],
            &["Esc", "Tab", "j"],
            &["Tab", "Tab", "Tab", "Enter"],
            &["Esc", "g", "Enter"],
            &["/"],
            &["Esc", "?"],
            &["Esc", "t"],
            &["Enter", "Right"],
            &["P"],
            &["P", "Esc", "b"],
            &["Esc", "z", "1", "Enter"],
        ];
        for keys in views {
            press(&mut app, keys);
            assert_inert_output(&terminal_bytes(&app), &format!("{w}×{h} after {keys:?}"));
        }
        // The finder with a query that matches the hostile text.
        press(&mut app, &["Esc", "Esc", "/"]);
        type_text(&mut app, "52");
        assert_inert_output(&terminal_bytes(&app), "the finder");
    }
}

#[test]
fn nothing_from_the_data_reaches_the_terminal_through_the_commands() {
    let dir = std::env::temp_dir().join(format!("waltz-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("hostile.ron");
    std::fs::write(&good, hostile_dataset()).unwrap();
    let bad = dir.join("hostile-broken.ron");
    std::fs::write(
        &bad,
        hostile_dataset().replacen("period:", &format!("{}period:", "\u{1b}]52;c;eA==\u{7}"), 1),
    )
    .unwrap();
    let invalid = dir.join("hostile-invalid.ron");
    std::fs::write(
        &invalid,
        hostile_dataset().replacen(
            "factors: [\"alliances\"]",
            &format!("factors: [\"{NASTY}\"]"),
            1,
        ),
    )
    .unwrap();
    let (good, bad, invalid) = (
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        invalid.to_str().unwrap(),
    );
    for args in [
        &["check", good][..],
        &["check", bad],
        &["check", invalid],
        &["export", "--format", "json", "--data", good],
        &["export", "--format", "markdown", "--data", good],
        &["search", "--data", good, "52"],
        &["search", "--data", good, "war"],
        &["search", "--data", invalid, "war"],
        &["--data", bad],
    ] {
        let out = waltz(args);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            // Tabs separate `search`'s fields; nothing else may control.
            let text = String::from_utf8(bytes.clone())
                .expect("UTF-8")
                .replace('\t', " ");
            assert!(
                waltz::case::sanitize::is_inert(&text),
                "{args:?} {stream}: {text:?}"
            );
        }
    }
}

#[test]
fn a_hostile_file_name_is_shown_inert() {
    let out = waltz(&["check", "/nonexistent/\u{1b}]52;c;eA==\u{7}.ron"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(waltz::case::sanitize::is_inert(&err), "{err:?}");
    assert!(err.contains("␛]52;c;eA==␇.ron"), "{err}");
}

/// Titles in many scripts, with emoji, combining marks and wide characters.
fn scripts_dataset() -> String {
    let titles = [
        "Путин и Мушарраф встречаются в Москве снова",
        "پاکستان اور روس کے تعلقات میں نیا باب",
        "北京会议上的巴基斯坦和俄罗斯代表团长时间会谈",
        "Emoji 🇵🇰🤝🇷🇺 and 👩🏽‍🔬 at the summit 🎉🎉🎉",
        "Combining: e\u{301}e\u{301}e\u{301} n\u{303} a\u{30a} Zalgo Z\u{36b}\u{33e}a\u{363}l\u{364}g\u{369}o",
        "Full width ＦＵＬＬ ＷＩＤＴＨ ｔｅｘｔ ａｔ ｌｅｎｇｔｈ",
        "한국어 제목과 日本語のタイトルが並ぶ",
    ];
    let mut text = MINIMAL.to_owned();
    for (i, old) in [
        "Border war",
        "Ambassador recalled",
        "First summit",
        "Gas pipeline deal",
        "Forum talks",
    ]
    .iter()
    .enumerate()
    {
        text = text.replace(old, titles[i]);
    }
    text.replace("Leaders' rapport", titles[5])
        .replace("Old distrust", titles[6])
}

#[test]
fn every_script_lays_out_without_spilling_over_a_border() {
    let case = case(&scripts_dataset());
    for (w, h) in [
        (60, 20),
        (61, 21),
        (79, 24),
        (80, 24),
        (97, 31),
        (120, 40),
        (160, 48),
    ] {
        let mut app = App::new(case.clone(), Options::default());
        app.resize(w, h);
        for keys in [
            &[][..],
            &["g", "Enter"],
            &["Tab", "j"],
            &["Tab", "Tab", "Tab", "Tab", "j"],
            &["/"],
        ] {
            press(&mut app, keys);
            let buf = paint(&app);
            let areas = Areas::new(Rect::new(0, 0, w, h)).unwrap();
            let regions = [
                areas.timeline,
                areas.panes[0],
                areas.panes[1],
                areas.panes[2],
                areas.detail,
            ];
            if keys != ["/"] {
                for r in regions {
                    for y in r.y + 1..r.bottom() - 1 {
                        for x in [r.x, r.right() - 1] {
                            let s = buf[(x, y)].symbol();
                            assert!(
                                ["│", "┃"].contains(&s),
                                "{w}×{h} {keys:?}: border at {x},{y} is {s:?}"
                            );
                        }
                        // Nothing wide starts in the last column inside, where
                        // its second half would cover the border.
                        let last = inner(r).right() - 1;
                        let s = buf[(last, y)].symbol();
                        assert!(
                            waltz::explorer::view::text::width(s) <= 1,
                            "{w}×{h}: {s:?} spills at {last},{y}"
                        );
                    }
                }
            }
            // Titles are cut to exactly their room: every event row still
            // ends with its three level markers before the scrollbar.
            if keys != ["/"] {
                let t = inner(areas.timeline);
                for y in t.y..t.bottom() {
                    let row: String = (t.x..t.right()).map(|x| buf[(x, y)].symbol()).collect();
                    if row.starts_with(char::is_numeric)
                        || row.starts_with("    ") && row.contains('│')
                    {
                        let markers: String = (t.right() - 4..t.right() - 1)
                            .map(|x| buf[(x, y)].symbol())
                            .collect();
                        assert!(
                            markers.chars().all(|c| "IDS∙".contains(c))
                                && markers.chars().count() == 3,
                            "{w}×{h}: row {row:?} ends {markers:?}"
                        );
                    }
                }
            }
            // Every cell holds one inert grapheme of width at most two.
            for cell in buf.content() {
                let s = cell.symbol();
                assert!(
                    waltz::case::sanitize::is_inert(s) && !s.contains('\n'),
                    "{s:?}"
                );
                assert!(waltz::explorer::view::text::width(s) <= 2, "{s:?}");
            }
            // A wide character's second cell is left blank, never a second character.
            for y in 0..h {
                let mut x = 0;
                while x < w {
                    let width = waltz::explorer::view::text::width(buf[(x, y)].symbol()) as u16;
                    if width == 2 && x + 1 < w {
                        assert_eq!(buf[(x + 1, y)].symbol(), " ", "{w}×{h}: at {x},{y}");
                    }
                    x += width.max(1);
                }
            }
        }
    }
}

/// The message loading `text` gives, which must refuse it.
fn refuses(text: &str) -> String {
    waltz::case::load::from_str("case.ron", text)
        .expect_err("accepted")
        .to_string()
}

#[test]
fn an_id_that_looks_like_another_is_refused_where_it_is_written() {
    // Each of these renders as `ada`, or as `ada` and a blank.
    for (lookalike, shown) in [
        ("ada\\u{3164}", "U+3164"),
        ("ada\\u{115f}", "U+115F"),
        ("ada\\u{2800}", "U+2800"),
        ("ada\\u{200b}", "U+200B"),
        ("ada\\u{202e}", "U+202E"),
        ("аda", "U+0430"), // a Cyrillic а
        ("ada ", "a space"),
        ("ada\\u{1b}[2J", "U+001B"),
    ] {
        let text = MINIMAL.replacen("(id: \"ada\",", &format!("(id: \"{lookalike}\","), 1);
        let line = text.lines().position(|l| l.contains("Ada Avalon")).unwrap() + 1;
        let err = refuses(&text);
        let want = format!("case.ron:{line}:14: error: actor id `");
        assert!(err.contains(&want), "{lookalike}: {err}");
        assert!(
            err.contains(&format!("holds {shown}: an id is ASCII letters")),
            "{lookalike}: {err}"
        );
        assert!(waltz::case::sanitize::is_inert(&err), "{err:?}");
    }
    // A reference that looks like an id is not that id, and says why.
    let text = MINIMAL.replacen("actors: [\"ada\",", "actors: [\"ada\\u{3164}\",", 1);
    let err = refuses(&text);
    assert!(
        err.contains("actor `ada\\u{3164}`, which does not exist"),
        "{err}"
    );
}

#[test]
fn blank_fillers_are_removed_from_text_and_emoji_stay_whole() {
    let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
    let text = MINIMAL
        .replacen(
            "name: \"Ada Avalon\"",
            "name: \"Ada\\u{3164}\\u{2800} Avalon\"",
            1,
        )
        .replacen(
            "name: \"Boris Bord\"",
            "name: \"Boris \\u{1f468}\\u{200d}\\u{1f469}\\u{200d}\\u{1f467} Bord\"",
            1,
        );
    let case = case(&text);
    let names: Vec<&str> = case.data.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"Ada Avalon"), "{names:?}");
    assert!(
        names.contains(&format!("Boris {family} Bord").as_str()),
        "{names:?}"
    );
}
