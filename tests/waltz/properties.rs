//! Property tests: random whole sessions (keys in every mode, mouse events
//! anywhere, pastes, resizes from 0×0 up) on the shipped case and on
//! generated ones; and the loader fed arbitrary bytes and mutated datasets.
//! Nothing may panic, the selection must stay valid, and no control
//! character may reach a cell.

use waltz::case::synth;

use std::sync::OnceLock;

use crate::common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use proptest::test_runner::Config;
use waltz::case::index::{Case, Item};
use waltz::case::model::{
    Actor, Dataset, Effect, Era, Event, Factor, Level, LevelBy, Link, QuoteBy, Rare, Source,
    Sourcing, Step, Target, Tour,
};
use waltz::case::{load, locate};
use waltz::config::action::Action;
use waltz::config::keymap::{Keymap, Mode};
use waltz::explorer::app::{App, Options, Overlay};

/// One thing a user can do to the program.
#[derive(Debug, Clone)]
enum Input {
    Key(KeyEvent),
    Click(u16, u16),
    Wheel(u16, u16, i8),
    Paste(String),
    Resize(u16, u16),
}

/// Every key bound in any mode, so that every mode gets reached and used.
fn bound_keys() -> Vec<KeyEvent> {
    let keymap = Keymap::default();
    let mut keys = Vec::new();
    for mode in Mode::ALL {
        for section in keymap.help().into_iter().filter(|s| s.mode == mode) {
            for (names, _) in section.rows {
                for name in names.split(", ") {
                    let name = match name {
                        "↑" => "Up",
                        "↓" => "Down",
                        "←" => "Left",
                        "→" => "Right",
                        other => other,
                    };
                    if let Ok(k) = waltz::config::keymap::Key::parse(name) {
                        // Quitting and suspending would end the session early.
                        if k.mods.contains(KeyModifiers::CONTROL)
                            && matches!(k.code, KeyCode::Char('c' | 'z'))
                            || k.code == KeyCode::Char('q')
                        {
                            continue;
                        }
                        keys.push(KeyEvent::new(k.code, k.mods));
                    }
                }
            }
        }
    }
    keys
}

fn input() -> impl Strategy<Value = Input> {
    let keys = bound_keys();
    prop_oneof![
        6 => proptest::sample::select(keys).prop_map(Input::Key),
        2 => any::<char>().prop_filter("not quit", |c| *c != 'q').prop_map(|c| Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        1 => (any::<char>(), prop_oneof![Just(KeyModifiers::CONTROL), Just(KeyModifiers::ALT)])
            .prop_filter("not quit or suspend", |(c, m)| !(m.contains(KeyModifiers::CONTROL) && matches!(c.to_ascii_lowercase(), 'c' | 'z')))
            .prop_map(|(c, m)| Input::Key(KeyEvent::new(KeyCode::Char(c), m))),
        1 => (0u16..400, 0u16..200).prop_map(|(x, y)| Input::Click(x, y)),
        1 => (0u16..400, 0u16..200, prop_oneof![Just(-1i8), Just(1i8)]).prop_map(|(x, y, d)| Input::Wheel(x, y, d)),
        1 => ".{0,300}".prop_map(Input::Paste),
        1 => prop_oneof![
            (0u16..=3, 0u16..=3),
            (0u16..=100, 0u16..=40),
            (58u16..=82, 14u16..=26),
            (150u16..=300, 40u16..=120),
        ].prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

/// Apply `input` and check what must always hold.
fn step(app: &mut App, input: &Input) -> Result<(), TestCaseError> {
    match input {
        Input::Key(key) => {
            if let Some(action) = app.keymap.action(app.mode(), *key) {
                app.update(action);
            }
        }
        Input::Click(x, y) => app.update(Action::Click(*x, *y)),
        Input::Wheel(x, y, d) => app.update(Action::Wheel(*x, *y, *d)),
        Input::Paste(text) => app.update(Action::Paste(text.clone())),
        Input::Resize(w, h) => app.resize(*w, *h),
    }
    let buf = render(app);
    for cell in buf.content() {
        let s = cell.symbol();
        prop_assert!(
            waltz::case::sanitize::is_inert(s) && !s.contains('\n'),
            "a control character in a cell: {s:?}"
        );
    }
    // The selection is always valid.
    let case = &app.case;
    let rows = app.rows().len();
    prop_assert!(app.timeline().cursor < rows.max(1));
    prop_assert!(app.timeline().offset <= rows);
    for level in Level::ALL {
        let len = case.index.level_factors[level.index()].len();
        prop_assert!(app.pane(level).cursor < len.max(1));
    }
    let valid = |item: Item| match item {
        Item::Event(e) => e < case.data.events.len(),
        Item::Factor(f) => f < case.data.factors.len(),
        Item::Actor(a) => a < case.data.actors.len(),
        Item::Era(x) => x < case.data.eras.len(),
        Item::Source(s) => s < case.data.sources.len(),
    };
    prop_assert!(app.shown().is_none_or(valid));
    prop_assert!(app.anchor().is_none_or(valid));
    let doc = app.doc();
    prop_assert!(app.detail().cursor < doc.links.len().max(1));
    if let Overlay::Find(f) = app.overlay() {
        prop_assert!(f.scroll.cursor < f.results.len().max(1));
        prop_assert!(f.input.chars().count() <= waltz::case::search::MAX_QUERY);
    }
    Ok(())
}

fn session(case: Case, inputs: &[Input]) -> Result<(), TestCaseError> {
    let mut app = App::new(case, Options::default());
    app.resize(80, 24);
    for input in inputs {
        step(&mut app, input)?;
    }
    Ok(())
}

/// A synthetic case of 3,000 events, made once for all the sessions.
fn thousands() -> &'static Case {
    static CASE: OnceLock<Case> = OnceLock::new();
    CASE.get_or_init(|| {
        let mut bytes = Vec::new();
        synth::write(&mut bytes, 3_000, 60, 7).unwrap();
        case(std::str::from_utf8(&bytes).unwrap())
    })
}

/// Text of any kind, control characters and all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z ]{1,20}",
        2 => ".{1,40}",
        1 => "[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}\\u{200b}\\u{1b}]{1,10}",
        1 => "[Пакистан北京🎉é\u{301}ＦＵＬ]{1,60}",
        1 => ".{200,400}",
    ]
}

/// A small, valid dataset of any shape: empty lists, one item, a few.
fn dataset() -> impl Strategy<Value = Dataset> {
    (0usize..8, 0usize..6, 0usize..3, 0usize..3, 0usize..3)
        .prop_flat_map(|(events, factors, eras, actors, sources)| {
            (
                proptest::collection::vec(
                    (
                        text(),
                        text(),
                        1990i32..2030,
                        proptest::option::of(1u8..=12),
                        any::<u64>(),
                    ),
                    events,
                ),
                proptest::collection::vec((text(), text(), 0usize..3, 0usize..3), factors),
                proptest::collection::vec((text(), 1990i32..2030, 0i32..10), eras),
                proptest::collection::vec(text(), actors),
                proptest::collection::vec(text(), sources),
            )
        })
        .prop_map(|(events, factors, eras, actors, sources)| {
            let pick = |bits: u64, n: usize, salt: u32| -> Vec<usize> {
                (0..n)
                    .filter(|i| (bits >> ((i + salt as usize) % 64)) & 1 == 1)
                    .collect()
            };
            let factors: Vec<Factor> = factors
                .into_iter()
                .enumerate()
                .map(|(i, (name, summary, level, effect))| Factor {
                    id: format!("f{i}").into(),
                    level: Level::ALL[level],
                    level_by: LevelBy::Stated,
                    effect: Effect::ALL[effect],
                    name: name.into(),
                    summary: summary.into(),
                    actors: Default::default(),
                    sources: Default::default(),
                    sourcing: None,
                })
                .collect();
            let n_factors = factors.len();
            let n_actors = actors.len();
            let n_sources = sources.len();
            let events: Vec<Event> = events
                .into_iter()
                .enumerate()
                .map(|(i, (title, summary, year, month, bits))| {
                    let mut e = Event::default();
                    e.id = format!("e{i}").into();
                    e.year = year;
                    e.month = month;
                    e.circa = bits & 1 == 1;
                    e.title = title.into();
                    e.summary = summary.into();
                    e.set_refs(
                        pick(bits, n_factors, 3)
                            .into_iter()
                            .map(|f| Link::to(format!("f{f}")))
                            .collect(),
                        pick(bits, n_actors, 17)
                            .into_iter()
                            .map(|a| format!("a{a}").into())
                            .collect(),
                        vec!["energy".into()],
                        pick(bits, n_sources, 29)
                            .into_iter()
                            .map(|s| format!("s{s}").into())
                            .collect(),
                        Rare {
                            sourcing: Sourcing {
                                quote: (bits & 2 == 2).then(|| "a quote".into()),
                                quote_by: (bits & 2 == 2).then_some(QuoteBy::Paper),
                                note: (bits & 4 == 4).then(|| "a note".into()),
                                ..Sourcing::default()
                            },
                            ..Rare::default()
                        },
                    );
                    e
                })
                .collect();
            let tours = if events.is_empty() {
                Vec::new()
            } else {
                vec![Tour {
                    id: "t".into(),
                    name: "A tour".into(),
                    steps: vec![Step {
                        show: Target::Event("e0".into()),
                        text: "here".into(),
                        note: Some("ask".into()),
                    }],
                }]
            };
            Dataset {
                title: "Generated".into(),
                source: "Generated".into(),
                period: (2000, 2020),
                thesis: None,
                eras: eras
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, start, length))| Era {
                        id: format!("x{i}").into(),
                        name: name.into(),
                        start,
                        end: start + length,
                        summary: Default::default(),
                    })
                    .collect(),
                actors: actors
                    .into_iter()
                    .enumerate()
                    .map(|(i, name)| Actor {
                        id: format!("a{i}").into(),
                        name: name.into(),
                        country: "C".into(),
                        role: "R".into(),
                        note: None,
                    })
                    .collect(),
                sources: sources
                    .into_iter()
                    .enumerate()
                    .map(|(i, citation)| Source {
                        id: format!("s{i}").into(),
                        citation: citation.into(),
                        variants: Vec::new(),
                        note: None,
                    })
                    .collect(),
                factors,
                events,
                tours,
            }
        })
}

proptest! {
    // 48 sessions each in the quick suite; PROPTEST_CASES=N for a longer soak.
    #![proptest_config(Config {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48),
        max_shrink_iters: 200,
        ..Config::default()
    })]

    #[test]
    fn random_sessions_on_the_shipped_case(inputs in proptest::collection::vec(input(), 1..60)) {
        session(shipped(), &inputs)?;
    }

    #[test]
    fn random_sessions_on_thousands_of_events(inputs in proptest::collection::vec(input(), 1..30)) {
        session(thousands().clone(), &inputs)?;
    }

    #[test]
    fn random_sessions_on_generated_cases(data in dataset(), inputs in proptest::collection::vec(input(), 1..40)) {
        // Through the loader, as a file would come: text is sanitized there.
        let text = ron::ser::to_string(&data).unwrap();
        match load::from_str("generated.ron", &text) {
            Ok(loaded) => session(Case::new(loaded.dataset), &inputs)?,
            // Empty names are refused, which is right; nothing to explore.
            Err(e) => prop_assert!(e.diagnostics.iter().all(|d| d.pos.is_some()), "{e}"),
        }
    }

    #[test]
    fn arbitrary_text_gives_a_dataset_or_positioned_errors(text in ".{0,400}") {
        if let Err(e) = load::from_str("fuzz.ron", &text) {
            for d in &e.diagnostics {
                prop_assert!(d.pos.is_some(), "unpositioned: {d}");
                prop_assert!(waltz::case::sanitize::is_inert(&d.to_string()));
            }
        }
    }

    #[test]
    fn mutated_datasets_give_a_dataset_or_positioned_errors(
        edits in proptest::collection::vec((0usize..4, any::<proptest::sample::Index>(), any::<proptest::sample::Index>(), ".{0,8}"), 1..6)
    ) {
        let mut text = MINIMAL.to_owned();
        for (kind, a, b, insert) in edits {
            let len = text.len();
            let mut at = a.index(len + 1);
            while !text.is_char_boundary(at) { at -= 1; }
            let mut to = (at + b.index(40)).min(len);
            while !text.is_char_boundary(to) { to -= 1; }
            match kind {
                0 => text.replace_range(at..to, ""),
                1 => text.insert_str(at, &insert),
                2 => { let piece = text[at..to].to_owned(); text.insert_str(to, &piece) }
                _ => text.replace_range(at..to, &insert),
            }
        }
        if let Err(e) = load::from_str("mutated.ron", &text) {
            for d in &e.diagnostics {
                prop_assert!(d.pos.is_some(), "unpositioned: {d}");
                prop_assert!(waltz::case::sanitize::is_inert(&d.to_string()));
            }
        }
    }

    #[test]
    fn arbitrary_bytes_from_a_file_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let path = std::env::temp_dir().join(format!("waltz-bytes-{}.ron", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        if let Err(e) = load::from_path(&path) {
            prop_assert!(!e.diagnostics.is_empty());
            prop_assert!(waltz::case::sanitize::is_inert(&e.to_string()));
        }
    }
}

#[test]
fn empty_and_single_item_cases_are_explorable() {
    let empty = "(title: \"Empty\", source: \"s\", period: (2000, 2001))";
    let one = "(title: \"One\", source: \"s\", period: (2000, 2001), factors: [(id: \"f\", level: Domestic, effect: Mixed, name: \"F\", summary: \"\")], events: [(id: \"e\", year: 2000, title: \"E\", summary: \"\", factors: [\"f\"])])";
    let keys = [
        "j", "k", "G", "g", "Tab", "Enter", "Enter", "Esc", "n", "N", "1", "2", "0", ":", "Enter",
        "/", "x", "Enter", "Esc", "t", "Enter", "b", "Enter", "z", "1", "Enter", "Esc", "P", "j",
        "P", "?", "Esc",
    ];
    for text in [empty, one] {
        let mut app = crate::common::app(case(text), 80, 24);
        for k in keys {
            press(&mut app, &[k]);
            paint(&app);
        }
    }
    let app = crate::common::app(case(empty), 80, 24);
    assert!(screen(&paint(&app)).contains("This dataset has no events"));
}

/// A change to a generated case's text that a person or a hostile file
/// might make, at `at` (a fraction of the text's length).
#[derive(Debug, Clone)]
enum Edit {
    /// Text put in anywhere.
    Insert(f64, &'static str),
    /// Text put between two items of a list (`), (`): between two
    /// events, say, where a file read in pieces is cut.
    Between(f64, &'static str),
    /// Text put first, after a long comment: where the format allows an
    /// attribute, but past the first few kilobytes.
    Lead(&'static str),
    Delete(f64, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let fragment = prop::sample::select(vec![
        "#![enable(explicit_struct_names)]",
        "#![enable(unwrap_newtypes)]",
        "#![enable(implicit_some)]\n",
        "/* ( [ \" */",
        "// ]\n",
        "\"",
        "r#\"",
        "\"#",
        "'",
        "(",
        ")",
        "[",
        "],",
        ",",
        ":",
        "\\",
        "b\"",
        "(factor: \"f-1\"),",
    ]);
    prop_oneof![
        1 => (0.0..1.0f64, fragment.clone()).prop_map(|(at, s)| Edit::Insert(at, s)),
        2 => (0.0..1.0f64, between()).prop_map(|(at, s)| Edit::Between(at, s)),
        1 => fragment.prop_map(Edit::Lead),
        1 => (0.0..1.0f64, 1..4usize).prop_map(|(at, n)| Edit::Delete(at, n)),
    ]
}

/// What may stand between two items of a list and still be read.
fn between() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "#![enable(unwrap_newtypes)]",
        "#![enable(implicit_some)]",
        "/* a comment */",
        "// a comment\n",
        ",",
    ])
}

/// `text` with `edits` made in turn, each at a character boundary.
fn edited(mut text: String, edits: &[Edit]) -> String {
    let boundary = |text: &str, at: f64| {
        let mut i = ((text.len() as f64) * at) as usize;
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    for e in edits {
        match *e {
            Edit::Insert(at, s) => {
                let i = boundary(&text, at);
                text.insert_str(i, s);
            }
            Edit::Between(at, s) => {
                let i = boundary(&text, at);
                if let Some(j) = text[i..].find("), (").or_else(|| text.find("), (")) {
                    let j = if text[i..].contains("), (") { i + j } else { j };
                    text.insert_str(j + 3, s);
                }
            }
            Edit::Lead(s) => {
                let comment = "// a long preamble\n".repeat(300);
                text.insert_str(0, &format!("{comment}{s}\n"));
            }
            Edit::Delete(at, n) => {
                let i = boundary(&text, at);
                let end = boundary(&text, ((i + n).min(text.len()) as f64) / text.len() as f64);
                text.replace_range(i..end.max(i), "");
            }
        }
    }
    text
}

/// A synthetic case of a few dozen events, led by the attribute the writer
/// puts first or (as a person writes) without it, then edited.
fn written_case() -> impl Strategy<Value = String> {
    (
        2..40usize,
        0..1_000u64,
        any::<bool>(),
        proptest::collection::vec(edit(), 0..4),
    )
        .prop_map(|(events, seed, lead, edits)| {
            let mut bytes = Vec::new();
            synth::write(&mut bytes, events, 12, seed).unwrap();
            let mut text = String::from_utf8(bytes).unwrap();
            if !lead {
                // The loader assumes the attribute the writer leads with.
                text = text.replacen("#![enable(implicit_some)]", "", 1);
            }
            edited(text, &edits)
        })
}

proptest! {
    // Cheap cases (a few dozen events each): many of them.
    #![proptest_config(Config {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(400),
        max_shrink_iters: 400,
        ..Config::default()
    })]

    #[test]
    fn a_case_read_in_pieces_means_what_it_means_whole(
        text in written_case(),
        per_piece in 1..8usize,
    ) {
        let whole = load::from_str("case.ron", &text);
        let pieces = load::from_str_in_pieces("case.ron", &text, per_piece);
        match (whole, pieces) {
            (Ok(a), Ok(b)) => {
                prop_assert!(a.dataset == b.dataset, "the same text read two ways gave two cases");
                prop_assert_eq!(a.warnings, b.warnings);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
            (a, b) => prop_assert!(
                false,
                "whole: {:?}\npieces: {:?}",
                a.map(|_| "accepted").map_err(|e| e.to_string()),
                b.map(|_| "accepted").map_err(|e| e.to_string())
            ),
        }
    }
}

proptest! {
    // Each case writes a file: fewer of them.
    #![proptest_config(Config {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(200),
        max_shrink_iters: 400,
        ..Config::default()
    })]

    #[test]
    fn a_case_read_a_window_at_a_time_means_what_it_means_whole(
        text in written_case(),
        window in 1..3_000usize,
    ) {
        let path = std::env::temp_dir().join(format!("waltz-windows-{}.ron", std::process::id()));
        std::fs::write(&path, &text).unwrap();
        let windows = load::from_path_in_windows(&path, window);
        std::fs::remove_file(&path).ok();
        let whole = load::from_str(&load::display_name(&path), &text);
        // An attribute past the lead changes how what follows reads.
        let attribute_past_lead = text[locate::first_value(&text)..].contains("#![");
        match (whole, windows) {
            // Read a window at a time, a case is the same case, with the
            // same messages …
            (Ok(whole), Some(Ok(windows))) => {
                prop_assert!(whole.dataset == windows.dataset, "the same file read two ways gave two cases");
                prop_assert_eq!(whole.warnings, windows.warnings);
            }
            (Err(whole), Some(Err(windows))) => prop_assert_eq!(whole.to_string(), windows.to_string()),
            // … unless it has an attribute past its lead, which asks for it
            // whole; a file that does not parse is read whole for its error.
            (Ok(_), None) => prop_assert!(attribute_past_lead, "a case was not read a window at a time"),
            (Err(_), None) => {}
            (whole, Some(windows)) => prop_assert!(
                false,
                "whole: {:?}\nwindows: {:?}",
                whole.map(|_| "accepted").map_err(|e| e.to_string()),
                windows.map(|_| "accepted").map_err(|e| e.to_string())
            ),
        }
    }
}

/// Pieces of what a terminal sends: whole and cut escape sequences, mouse
/// reports, paste markers, UTF-8 fragments, keys, and any byte at all —
/// but never Ctrl-C, `q` or Ctrl-Z, which the test sends itself.
fn terminal_bytes() -> impl Strategy<Value = Vec<u8>> {
    const PIECES: &[&[u8]] = &[
        b"\x1b[A",
        b"\x1b[B",
        b"\x1bOC",
        b"\x1b[1;5D",
        b"\x1b[15~",
        b"\x1b[H",
        b"\x1b[Z",
        b"\x1b[<0;10;5M",
        b"\x1b[<64;3;3M",
        b"\x1b[M !!",
        b"\x1b[200~",
        b"\x1b[201~",
        b"\x1b[?",
        b"\x1b[?1;2",
        b"\x1b[",
        b"\x1b",
        b"\x1bO",
        b"\x1b[<",
        b"\x1b[1;",
        b"\xc3",
        b"\xe2\x82",
        b"\xe2\x82\xac",
        b"\xf0\x9f",
        b"\xff",
        b"j",
        b"k",
        b"/",
        b"t",
        b"z",
        b"b",
        b"P",
        b"?",
        b":",
        b"\r",
        b"\t",
        b" ",
        b"\x7f",
        b"2009",
        b"putin",
    ];
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(|p| p.to_vec()),
        1 => any::<u8>()
            .prop_filter("not a quit or suspend key", |b| !matches!(b, 0x03 | b'q' | 0x1a))
            .prop_map(|b| vec![b]),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|ps| ps.concat())
}

proptest! {
    // Cheap cases: enough of them that a sequence left waiting is found.
    #![proptest_config(Config {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(300),
        max_shrink_iters: 200,
        ..Config::default()
    })]

    #[test]
    fn after_any_bytes_ctrl_c_quits_at_once(
        reads in proptest::collection::vec((terminal_bytes(), 0u64..120), 0..24),
    ) {
        use std::time::{Duration, Instant};
        use waltz::explorer::Explorer;
        use waltz::front::bytes::Decoder;

        let mut explorer = Explorer::new(App::new(shipped(), Options::default()));
        explorer.app_mut().resize(80, 24);
        let mut decoder = Decoder::new();
        let mut now = Instant::now();
        let mut events = Vec::new();
        // The reads arrive as a terminal would send them, some apart in
        // time; what they decode to goes through the explorer as typed.
        for (bytes, gap) in &reads {
            now += Duration::from_millis(*gap);
            decoder.push(bytes, now, &mut events);
            for event in events.drain(..) {
                explorer.handle(event);
            }
            prop_assert!(!explorer.app().should_quit(), "quit without being asked");
        }
        render(explorer.app_mut());
        // Ctrl-C, with no time for anything pending to go stale.
        decoder.push(b"\x03", now, &mut events);
        for event in events.drain(..) {
            explorer.handle(event);
        }
        prop_assert!(explorer.app().should_quit(), "Ctrl-C did not quit after {reads:?}");
    }
}
