//! The loader: every class of bad input gets a clear, positioned message;
//! good input comes out sanitized and in order.

use std::path::{Path, PathBuf};

use waltz::case::load::{self, LoadError, Loaded};

const MINIMAL: &str = include_str!("../fixtures/minimal.ron");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn load(text: &str) -> Result<Loaded, LoadError> {
    load::from_str("case.ron", text)
}

/// The full message for a text that must be refused.
fn refused(text: &str) -> String {
    load(text).expect_err("should be refused").to_string()
}

/// A valid dataset with `insert` spliced into the first event's fields.
fn with_event_field(insert: &str) -> String {
    MINIMAL.replacen("(id: \"war\",", &format!("(id: \"war\", {insert}"), 1)
}

#[test]
fn the_minimal_fixture_loads_without_warnings() {
    let loaded = load(MINIMAL).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.dataset.events.len(), 5);
    assert_eq!(loaded.dataset.tours[0].steps.len(), 3);
}

#[test]
fn the_example_in_the_schema_documentation_is_valid() {
    let doc = include_str!("../../docs/dataset.md");
    let start = doc.find("```ron\n").expect("a ron example") + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let loaded = load(&doc[start..end]).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.dataset.tours.len(), 1);
}

#[test]
fn events_come_out_in_chronological_order() {
    let shuffled = MINIMAL.replacen("(id: \"war\", year: 1990", "(id: \"war\", year: 2009", 1);
    let loaded = load(&shuffled).unwrap();
    let years: Vec<i32> = loaded.dataset.events.iter().map(|e| e.year).collect();
    assert_eq!(years, [2001, 2005, 2007, 2008, 2009]);
}

#[test]
fn a_syntax_error_gives_path_line_column_the_line_and_a_caret() {
    // Line 5 loses its closing parenthesis before the comma.
    let broken = MINIMAL.replacen("period: (2000, 2010),", "period: (2000, 2010,,", 1);
    let msg = refused(&broken);
    let first = msg.lines().next().unwrap();
    assert!(first.starts_with("case.ron:5:"), "{msg}");
    assert!(first.contains(": error: "), "{msg}");
    let lines: Vec<&str> = msg.lines().collect();
    assert_eq!(lines[2], " 5 |     period: (2000, 2010,,");
    let col: usize = first.split(':').nth(2).unwrap().parse().unwrap();
    assert_eq!(
        lines[3].find('^').unwrap() - " 5 | ".len(),
        col - 1,
        "{msg}"
    );
}

#[test]
fn a_type_error_is_positioned() {
    let msg = refused(&MINIMAL.replacen("year: 1990", "year: \"1990\"", 1));
    assert!(
        msg.starts_with("case.ron:31:27: error: expected integer"),
        "{msg}"
    );
}

#[test]
fn an_unknown_field_is_an_error_listing_the_expected_ones() {
    let msg = refused(&with_event_field("titel: \"x\","));
    assert!(
        msg.starts_with("case.ron:31:21: error: an event has no field `titel`; its fields are"),
        "{msg}"
    );
    assert!(msg.contains("titel"), "{msg}");
    for expected in [
        "`title`",
        "`summary`",
        "`factors`",
        "`themes`",
        "`quote`",
        "`note`",
    ] {
        assert!(msg.contains(expected), "{expected} missing from: {msg}");
    }
}

#[test]
fn a_missing_field_is_named() {
    let msg = refused(&MINIMAL.replacen("    period: (2000, 2010),\n", "", 1));
    assert!(msg.starts_with("case.ron:"), "{msg}");
    assert!(
        msg.contains(": error: the dataset is missing `period`"),
        "{msg}"
    );
    // A field twice, and a level that is not one, in the schema's words.
    let twice = refused(&with_event_field("title: \"x\","));
    assert!(
        twice.contains("error: `title` is given twice in an event"),
        "{twice}"
    );
    let level = refused(&MINIMAL.replacen("level: Domestic", "level: Domestik", 1));
    assert!(
        level.contains(
            "error: `Domestik` is not a level; use `Individual`, `Domestic` or `Systemic`"
        ),
        "{level}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    assert!(load(&format!("\u{feff}{MINIMAL}")).is_ok());
}

#[test]
fn a_file_read_a_window_at_a_time_is_refused_as_binary_as_one_read_whole_is() {
    // A NUL in a title: valid UTF-8, and binary data all the same.
    let text = MINIMAL.replacen("title: \"", "title: \"\0", 1);
    let path = std::env::temp_dir().join(format!("waltz-load-nul-{}.ron", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let windows = load::from_path_in_windows(&path, 1 << 20);
    let whole = load::from_path(&path);
    std::fs::remove_file(&path).ok();
    assert!(windows.is_none(), "read a window at a time");
    let message = whole.expect_err("refused").to_string();
    assert!(
        message.contains("binary data, not a text file"),
        "{message}"
    );
}

#[test]
fn an_unterminated_file_says_it_ends_early() {
    let msg = refused(&MINIMAL[..MINIMAL.len() / 2]);
    assert!(msg.starts_with("case.ron:"), "{msg}");
    // Cut between lines, the file simply stops.
    let cut = MINIMAL[..MINIMAL.len() / 2].rfind('\n').unwrap();
    let msg = refused(&MINIMAL[..cut]);
    assert!(
        msg.contains("error: the file ends before what it began is complete"),
        "{msg}"
    );
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    for depth in [40, 1_000_000] {
        let text = format!(
            "(title: \"t\", source: \"s\", period: (2000, 2001), eras: {}{})",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let msg = refused(&text);
        assert!(
            msg.starts_with("case.ron:1:56: error: expected opening `(` for struct `Era`"),
            "{msg}"
        );
    }
}

#[test]
fn every_validation_problem_is_reported_at_once_with_its_position() {
    let text = MINIMAL
        // a duplicate factor id (line 22 repeats line 20's id)
        .replacen("(id: \"gas-needs\"", "(id: \"rapport\"", 1)
        // a reference to a factor that does not exist
        .replacen(
            "factors: [\"distrust\", \"alliances\"]",
            "factors: [\"distrust\", \"aliances\"]",
            1,
        )
        // a year far outside any sane range
        .replacen("(id: \"snub\", year: 2001", "(id: \"snub\", year: 20001", 1)
        // an era that ends before it starts
        .replacen("start: 2005, end: 2010", "start: 2005, end: 2004", 1)
        // an empty event title
        .replacen("title: \"Forum talks\"", "title: \"  \"", 1)
        // an empty factor name
        .replacen("name: \"Rival alliances\"", "name: \"\"", 1);
    let err = load(&text).unwrap_err();
    let msg = err.to_string();
    let headlines: Vec<String> = err.diagnostics.iter().map(|d| d.headline()).collect();
    let expect = [
        "case.ron:8:58: error: era `thaw` ends (2004) before it starts (2005)",
        "case.ron:23:14: error: duplicate factor id `rapport` (first at line 19, column 14)",
        "case.ron:25:70: error: factor `alliances`'s name is empty",
        "case.ron:33:28: error: event `snub`'s year 20001 is outside the years a dataset may use (1500–2100)",
        "case.ron:34:32: error: event `snub` names factor `aliances`, which does not exist",
        "case.ron:39:20: error: event `pipeline` names factor `gas-needs`, which does not exist",
        "case.ron:41:55: error: event `talks`'s title is empty",
    ];
    for e in expect {
        assert!(headlines.iter().any(|h| h == e), "missing {e:?} in:\n{msg}");
    }
    // Nothing else: in particular the duplicate is not also called unlinked.
    assert_eq!(err.diagnostics.len(), expect.len(), "{msg}");
}

#[test]
fn an_event_in_the_period_without_factors_is_a_warning_only() {
    let text = MINIMAL.replacen(
        "factors: [\"forum\"], themes: [\"multilateral\"]",
        "themes: [\"multilateral\"]",
        1,
    );
    let loaded = load(&text).unwrap();
    let warnings: Vec<String> = loaded.warnings.iter().map(|d| d.headline()).collect();
    assert_eq!(
        warnings,
        ["case.ron:41:9: warning: event `talks` is in the period but linked to no factor"]
    );
}

#[test]
fn events_outside_every_era_or_after_the_period_are_warnings() {
    let text = MINIMAL
        .replacen("start: 2005, end: 2010", "start: 2006, end: 2010", 1)
        .replacen("year: 2008, until: 2010", "year: 2012", 1);
    let loaded = load(&text).unwrap();
    let warnings: Vec<String> = loaded.warnings.iter().map(|d| d.headline()).collect();
    assert_eq!(
        warnings,
        [
            "case.ron:35:30: warning: event `summit` (2005) falls in no era; the timeline lists it under \"no era\"",
            "case.ron:41:29: warning: event `talks` (2012) is after the period (2000–2010)",
        ]
    );
    // A reversed period is an error of its own, not a warning per event.
    let reversed = text.replacen("period: (2000, 2010)", "period: (2010, 2000)", 1);
    let message = refused(&reversed);
    assert!(!message.contains("after the period"), "{message}");
    assert!(!message.contains("no era"), "{message}");
}

#[test]
fn a_background_event_may_have_no_factors() {
    let text = MINIMAL.replacen(
        "factors: [\"alliances\"], themes: [\"defence\"]",
        "themes: [\"defence\"]",
        1,
    );
    assert!(load(&text).unwrap().warnings.is_empty());
}

/// The headlines of the warnings a text that loads is given.
fn warnings(text: &str) -> Vec<String> {
    load(text)
        .unwrap_or_else(|e| panic!("{e}"))
        .warnings
        .iter()
        .map(|d| d.headline())
        .collect()
}

/// The headlines of the errors a text that is refused is given.
fn errors(text: &str) -> Vec<String> {
    load(text)
        .expect_err("should be refused")
        .diagnostics
        .iter()
        .map(|d| d.headline())
        .collect()
}

// Provenance: where a case's claims come from.

#[test]
fn a_common_record_date_without_a_note_is_an_error_at_dated_by() {
    assert_eq!(
        errors(&with_event_field("dated_by: CommonRecord,")),
        [
            "case.ron:31:31: error: event `war` is dated by the common record, and needs a `note` that says so"
        ]
    );
    // A blank note says nothing either.
    assert_eq!(
        errors(&with_event_field("dated_by: CommonRecord, note: \"  \",")),
        [
            "case.ron:31:31: error: event `war` is dated by the common record, and needs a `note` that says so"
        ]
    );
    // With a note it loads, and cleanly.
    let noted = with_event_field("dated_by: CommonRecord, note: \"Common record: the year.\",");
    assert!(warnings(&noted).is_empty());
}

#[test]
fn a_link_on_a_page_neither_item_gives_is_a_warning_at_its_page() {
    let text = MINIMAL
        .replacen(
            "factors: [\"rapport\", \"forum\"]",
            "factors: [(factor: \"rapport\", why: \"They meet.\", page: 9), (factor: \"forum\", why: \"At the forum.\", page: 4)]",
            1,
        )
        .replacen("quote: \"A new page.\")", "quote: \"A new page.\", pages: [4])", 1);
    let found = warnings(&text);
    let page = "case.ron:36:65: warning: event `summit`'s link to factor `rapport` is on page 9, a page neither gives";
    assert!(found.iter().any(|w| w == page), "{found:#?}");
    // Page 4 is the event's, so the second link is on a page it gives.
    assert_eq!(
        found
            .iter()
            .filter(|w| w.contains("a page neither gives"))
            .count(),
        1
    );
}

#[test]
fn a_quote_by_a_source_that_does_not_exist_is_an_error() {
    let text = MINIMAL.replacen(
        "quote: \"A new page.\")",
        "quote: \"A new page.\", quote_by: Cited(\"nobody\"))",
        1,
    );
    assert_eq!(
        errors(&text),
        [
            "case.ron:37:68: error: event `summit`'s quote is by source `nobody`, which does not exist"
        ]
    );
    // A source that exists but that the event does not cite is a warning.
    let uncited = MINIMAL.replacen(
        "quote: \"A new page.\")",
        "quote: \"A new page.\", quote_by: Cited(\"scribe-2009\"))",
        1,
    );
    assert_eq!(
        warnings(&uncited),
        [
            "case.ron:37:68: warning: event `summit`'s quote is by source `scribe-2009`, which it does not cite"
        ]
    );
}

#[test]
fn a_quote_by_without_a_quote_is_a_warning() {
    // Saying whose words one quote is makes the unattributed quote of
    // `summit` a warning too.
    assert_eq!(
        warnings(&with_event_field("quote_by: Paper,")),
        [
            "case.ron:31:31: warning: event `war` has a `quote_by` but no quote",
            "case.ron:37:43: warning: event `summit`'s quote does not say whose words it is; add `quote_by: Paper` or `quote_by: Cited(\"source-id\")`",
        ]
    );
}

#[test]
fn a_quote_without_quote_by_is_a_warning_once_the_case_says_whose_quotes_are() {
    // The fixture says whose no quote is: its one quote passes unremarked.
    assert!(warnings(MINIMAL).is_empty());
    let text = MINIMAL.replacen(
        "sources: [\"writer-2011\"]),",
        "sources: [\"writer-2011\"], quote: \"We get on.\", quote_by: Cited(\"writer-2011\")),",
        1,
    );
    assert_eq!(
        warnings(&text),
        [
            "case.ron:37:43: warning: event `summit`'s quote does not say whose words it is; add `quote_by: Paper` or `quote_by: Cited(\"source-id\")`"
        ]
    );
}

#[test]
fn a_link_without_a_why_is_a_warning_once_the_case_gives_one() {
    // The fixture gives no `why`: its links pass unremarked.
    assert!(warnings(MINIMAL).is_empty());
    let text = MINIMAL.replacen(
        "factors: [\"rapport\", \"forum\"]",
        "factors: [(factor: \"rapport\", why: \"They meet.\"), \"forum\"]",
        1,
    );
    let found = warnings(&text);
    let forum = "case.ron:36:60: warning: event `summit`'s link to factor `forum` does not say why; write it `(factor: \"forum\", why: \"…\", page: N)`";
    assert!(found.iter().any(|w| w == forum), "{found:#?}");
    // One for each of the fixture's eight links but the one that says why,
    // each at its own link.
    assert_eq!(found.len(), 7, "{found:#?}");
    assert!(
        found.iter().all(|w| w.contains("does not say why")),
        "{found:#?}"
    );
    assert!(found.contains(
        &"case.ron:32:20: warning: event `war`'s link to factor `alliances` does not say why; write it `(factor: \"alliances\", why: \"…\", page: N)`".to_owned()
    ), "{found:#?}");
    // A blank why is no why.
    let blank = text.replacen("why: \"They meet.\"", "why: \" \"", 1);
    assert!(warnings(&blank).is_empty());
}

#[test]
fn an_era_that_does_not_hold_the_year_is_an_error_at_era() {
    let summit = |era: &str| {
        MINIMAL.replacen(
            "(id: \"summit\", year: 2005,",
            &format!("(id: \"summit\", year: 2005, era: \"{era}\","),
            1,
        )
    };
    assert_eq!(
        errors(&summit("cold")),
        [
            "case.ron:35:41: error: event `summit` (2005) names era `cold`, whose years (2000–2004) do not hold it"
        ]
    );
    assert_eq!(
        errors(&summit("warm")),
        ["case.ron:35:41: error: event `summit` names era `warm`, which does not exist"]
    );
    assert!(warnings(&summit("thaw")).is_empty());
}

#[test]
fn an_item_the_work_ties_to_nothing_may_stand_unlinked_where_a_tour_shows_it() {
    // An event in the period with no factor: a warning, unless a tour shows it.
    let bare = MINIMAL.replacen(
        "factors: [\"forum\"], themes: [\"multilateral\"]",
        "themes: [\"multilateral\"]",
        1,
    );
    assert_eq!(warnings(&bare).len(), 1);
    let toured = bare.replacen(
        "(show: Event(\"pipeline\"), text: \"What it brought.\"),",
        "(show: Event(\"pipeline\"), text: \"What it brought.\"), (show: Event(\"talks\"), text: \"Talks.\"),",
        1,
    );
    assert!(warnings(&toured).is_empty());
    // A factor no event links: a warning, unless a tour shows it.
    let unlinked = MINIMAL
        .replacen(
            "factors: [\"rapport\", \"forum\"]",
            "factors: [\"rapport\"]",
            1,
        )
        .replacen("factors: [\"forum\"]", "factors: [\"rapport\"]", 1);
    assert_eq!(
        warnings(&unlinked),
        ["case.ron:27:14: warning: factor `forum` is linked to no event and shown by no tour"]
    );
    let toured = unlinked.replacen("Factor(\"rapport\")", "Factor(\"forum\")", 1);
    assert!(warnings(&toured).is_empty());
}

#[test]
fn a_tour_step_naming_a_missing_item_is_an_error() {
    let msg = refused(&MINIMAL.replacen("Factor(\"rapport\")", "Factor(\"raport\")", 1));
    assert!(
        msg.contains(
            "case.ron:47:20: error: tour `story` step 2 shows factor `raport`, which does not exist"
        ),
        "{msg}"
    );
}

#[test]
fn hostile_strings_are_made_inert() {
    let text = MINIMAL
        .replacen("Border war", "Border\\u{1b}]52;c;cm0gLXJmIH4=\\u{7} war", 1)
        .replacen(
            "The war that set the alliances.",
            "Left\\u{202e}tfel \\u{200b}and\\ttab\\r\\nline",
            1,
        );
    let loaded = load(&text).unwrap();
    let war = loaded
        .dataset
        .events
        .iter()
        .find(|e| e.id == "war")
        .unwrap();
    assert_eq!(war.title, "Border␛]52;c;cm0gLXJmIH4=␇ war");
    assert_eq!(war.summary, "Lefttfel and    tab\nline");
    let json = serde_json::to_string(&loaded.dataset).unwrap();
    assert!(waltz::case::sanitize::is_inert(&json));
}

#[test]
fn a_problem_in_a_hostile_file_is_reported_inertly() {
    let text = MINIMAL.replacen(
        "title: \"Border war\"",
        "titel: \"\\u{1b}[2J\u{1b}[31m\"",
        1,
    );
    let msg = refused(&text);
    assert!(!msg.contains('\u{1b}'), "{msg:?}");
}

// Files that are not datasets at all.

fn refused_file(path: &Path) -> String {
    load::from_path(path)
        .expect_err("should be refused")
        .to_string()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waltz-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_missing_file_is_named() {
    let path = fixture("no-such-file.ron");
    let msg = refused_file(&path);
    assert_eq!(msg, format!("{}: error: no such file", path.display()));
}

#[test]
fn a_directory_is_refused() {
    assert!(refused_file(&fixture("")).ends_with("error: is a directory, not a dataset file"));
}

#[test]
fn empty_utf16_binary_and_non_utf8_files_are_named() {
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(MINIMAL.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.ron", b"", "is empty"),
        ("utf16.ron", &utf16, "is UTF-16 text; waltz reads UTF-8"),
        (
            "binary.ron",
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\x02\0>\0",
            "binary data, not a text file",
        ),
        (
            "latin1.ron",
            b"(title: \"Caf\xe9\")",
            "not valid UTF-8; save the file as UTF-8 and try again (byte 0xe9 at line 1, column 13)",
        ),
        ("blank.ron", b"\n\n   \n", "holds only white space"),
    ];
    for (name, bytes, expect) in cases {
        let msg = refused_file(&temp_file(name, bytes));
        assert!(msg.contains(expect), "{name}: {msg}");
        assert!(msg.contains(name), "{name}: {msg}");
    }
}

#[test]
fn a_file_over_the_cap_is_refused_and_the_cap_is_said() {
    let path = temp_file("huge.ron", b"");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(load::MAX_BYTES + 1)
        .unwrap();
    let msg = refused_file(&path);
    assert!(msg.contains("over the 256 MiB limit"), "{msg}");
}

#[test]
fn the_shipped_dataset_loads_without_errors() {
    let loaded = load::embedded().unwrap_or_else(|e| panic!("{e}"));
    assert!(!loaded.dataset.events.is_empty());
}

#[test]
fn huge_strings_are_refused_with_their_size() {
    let huge = "x".repeat(200 * 1024);
    let msg = refused(&MINIMAL.replacen("The war that set the alliances.", &huge, 1));
    assert!(
        msg.starts_with("case.ron:31:63: error: event `war`'s summary is 200 KiB long, over the 64 KiB a text may hold"),
        "{}",
        &msg[..msg.len().min(300)]
    );
    // The excerpt of the offending line is cut, not 200 KiB long.
    assert!(msg.len() < 1000, "{} bytes", msg.len());
}

#[test]
fn a_missing_comma_is_pointed_at_where_it_belongs() {
    let msg = refused(&MINIMAL.replacen("period: (2000, 2010),", "period: (2000, 2010)", 1));
    assert!(
        msg.starts_with("case.ron:5:24: error: a comma is missing after this"),
        "{msg}"
    );
}

/// A case whose events come before its factors, with warnings in events
/// (a year after the period, a long line of wide characters before one)
/// and after the event list (a factor linked to nothing), and, when
/// `duplicate`, an event id given twice.
fn awkward_case(duplicate: bool) -> String {
    let mut text = String::from(
        "(title: \"Zürich–Ürümqi\", source: \"S\", period: (2000, 2010),\n events: [\n",
    );
    for i in 0..40 {
        let id = if duplicate && i == 33 { 7 } else { i };
        let year = if i % 9 == 4 { 2011 } else { 2001 };
        // A warning after a long run of wide characters on its line, and
        // one before.
        let (before, after) = match i {
            22 => ("ü".repeat(700), "s".to_owned()),
            31 => ("s".to_owned(), "ü".repeat(700)),
            _ => ("s".to_owned(), "s".to_owned()),
        };
        text.push_str(&format!(
            "  (id: \"e{id}\", summary: \"{before}\", year: {year}, title: \"Été {i}\", note: \"{after}\", factors: [\"f\"]),\n"
        ));
    }
    text.push_str(" ],\n factors: [\n  (id: \"f\", level: Individual, effect: Enabler, name: \"F\", summary: \"s\"),\n");
    text.push_str(
        "  (id: \"g\", level: Domestic, effect: Enabler, name: \"G\", summary: \"s\"),\n ],\n)\n",
    );
    text
}

#[test]
fn problems_in_a_file_read_a_window_at_a_time_are_placed_as_in_one_read_whole() {
    for duplicate in [false, true] {
        let case = awkward_case(duplicate);
        let one_line = case.replace('\n', " ");
        let shapes = [
            ("plain", case.clone()),
            ("crlf", case.replace('\n', "\r\n")),
            ("bom", format!("\u{feff}{}", case.replace('\n', "\r\n"))),
            ("one line", one_line),
        ];
        for (shape, text) in shapes {
            let path = std::env::temp_dir().join(format!(
                "waltz-load-placed-{}-{duplicate}-{}.ron",
                std::process::id(),
                shape.replace(' ', "-")
            ));
            std::fs::write(&path, &text).unwrap();
            let whole = load::from_str(&load::display_name(&path), &text);
            for window in [1, 7, 64, 300, 1 << 20] {
                let windows = load::from_path_in_windows(&path, window)
                    .unwrap_or_else(|| panic!("{shape}: not read a window at a time"));
                match (&whole, windows) {
                    (Ok(whole), Ok(windows)) => {
                        assert!(!whole.warnings.is_empty(), "{shape}: no warnings");
                        assert_eq!(whole.warnings, windows.warnings, "{shape}, window {window}");
                    }
                    (Err(whole), Err(windows)) => {
                        let message = whole.to_string();
                        assert!(message.contains("(first at line"), "{message}");
                        assert_eq!(message, windows.to_string(), "{shape}, window {window}");
                    }
                    (whole, windows) => panic!(
                        "{shape}, window {window}: {:?} / {:?}",
                        whole.as_ref().map(|_| ()).map_err(|e| e.to_string()),
                        windows.map(|_| ()).map_err(|e| e.to_string())
                    ),
                }
            }
            std::fs::remove_file(&path).ok();
        }
    }
}

#[test]
fn names_past_the_most_shared_are_kept_as_written() {
    // More different themes than a reader shares (65,536): the rest are
    // packed with their events' own texts, and read the same.
    let text = crate::common::events_case(70_000, |i| {
        format!(
            "(id: \"e{i}\", year: 2001, title: \"t\", summary: \"s\", factors: [\"f\"], \
             themes: [\"theme-{i}\", \"common\"])"
        )
    });
    let path = std::env::temp_dir().join(format!("waltz-load-names-{}.ron", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let windows = load::from_path_in_windows(&path, 1 << 16);
    std::fs::remove_file(&path).ok();
    let windows = windows.expect("read a window at a time").expect("accepted");
    let whole = load(&text).expect("accepted");
    assert!(whole.dataset == windows.dataset, "read two ways, two cases");
    let last = &windows.dataset.events[69_999];
    assert_eq!(last.themes().join(","), "theme-69999,common");
}
