//! The synthetic dataset generator (`case::synth`, behind
//! `examples/synth.rs` and the load benchmark): what it writes must load
//! cleanly, be exactly as large as asked, and depend on the seed alone.

use waltz::case::synth;

use waltz::case::load::{self, Loaded};
use waltz::case::model::{Level, Sourced};

/// The generated text for `events` events, with the example's default
/// number of factors.
fn generate(events: usize, seed: u64) -> String {
    let mut bytes = Vec::new();
    synth::write(&mut bytes, events, (events / 50).max(12), seed).expect("writing to a Vec");
    String::from_utf8(bytes).expect("the generator writes UTF-8")
}

fn load(text: &str) -> Loaded {
    load::from_str("synth.ron", text).unwrap_or_else(|e| panic!("refused:\n{e}"))
}

/// Everything the generator promises, for one size and seed.
fn check(events: usize, seed: u64) {
    let text = generate(events, seed);
    let loaded = load(&text);
    let d = &loaded.dataset;
    assert!(
        loaded.warnings.is_empty(),
        "{events} events, seed {seed}: {} warnings, the first: {}",
        loaded.warnings.len(),
        loaded.warnings[0]
    );
    assert_eq!(d.events.len(), events, "seed {seed}");
    assert_eq!(d.factors.len(), (events / 50).max(12), "seed {seed}");

    for level in Level::ALL {
        assert!(
            d.factors.iter().any(|f| f.level == level),
            "{events} events, seed {seed}: no {} factor",
            level.name()
        );
    }

    let long: Vec<&str> = d
        .events
        .iter()
        .map(|e| e.title.as_str())
        .filter(|t| t.chars().count() > 60)
        .collect();
    assert!(long.is_empty(), "titles over 60 characters: {long:?}");

    // Non-ASCII text in the events themselves (not only in the fixed lists
    // of actors and places), so that loading exercises the slow path of the
    // sanitizer on a realistic share of strings.
    let non_ascii = d
        .events
        .iter()
        .filter(|e| {
            [Some(e.title.as_str()), Some(&e.summary), e.quote()]
                .into_iter()
                .flatten()
                .any(|s| !s.is_ascii())
        })
        .count();
    assert!(non_ascii > 0, "{events} events, seed {seed}: all ASCII");
    assert!(
        non_ascii * 5 < events,
        "{events} events, seed {seed}: {non_ascii} with non-ASCII text, meant to be a small share"
    );

    let background = d.events.iter().filter(|e| e.year < d.period.0).count();
    assert_eq!(background, events * 3 / 100, "seed {seed}");
}

#[test]
fn two_hundred_events_load_cleanly_with_either_seed() {
    check(200, 1998);
    check(200, 7);
}

#[test]
fn two_thousand_events_load_cleanly_with_either_seed() {
    check(2000, 1998);
    check(2000, 7);
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    for events in [200, 2000] {
        assert!(
            generate(events, 7) == generate(events, 7),
            "{events} events"
        );
    }
}

#[test]
fn another_seed_gives_other_bytes() {
    // The header names the seed, so compare from the first list on: the
    // content itself must change with the seed.
    let body = |text: &str| text[text.find("eras: [").expect("an eras list")..].to_owned();
    for events in [200, 2000] {
        assert!(
            body(&generate(events, 1998)) != body(&generate(events, 7)),
            "{events} events"
        );
    }
}

#[test]
fn quotes_and_backslashes_survive_escaping() {
    // Some notes quote an archive reference such as "MFA\2009\117": after
    // loading, the text must hold the quotes and backslashes themselves.
    let loaded = load(&generate(2000, 1998));
    let note = loaded
        .dataset
        .events
        .iter()
        .filter_map(|e| e.note())
        .find(|n| n.starts_with("The archive reference"))
        .expect("an archive note among 2,000 events");
    assert!(note.contains("\"MFA\\"), "{note}");
    assert!(
        !note.contains("\\\\"),
        "a backslash was escaped twice: {note}"
    );
}

#[test]
fn fewer_events_than_factors_still_links_every_factor() {
    // Five events in the period cannot take one factor each of forty; the
    // generator must spread the rest over them rather than leave any unlinked.
    let mut bytes = Vec::new();
    synth::write(&mut bytes, 5, 40, 3).unwrap();
    let loaded = load(std::str::from_utf8(&bytes).unwrap());
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.dataset.factors.len(), 40);
    assert_eq!(loaded.dataset.events.len(), 5);
}

#[test]
fn a_large_file_read_a_window_at_a_time_equals_one_read_whole() {
    let text = large();
    let path = std::env::temp_dir().join(format!("waltz-synth-{}.ron", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    // Windows of a MiB: several of them, each cut between the cores.
    let windows = load::from_path_in_windows(&path, 1 << 20);
    std::fs::remove_file(&path).ok();
    let windows = windows.expect("a clean case is read a window at a time");
    assert_eq!(windows.unwrap().dataset, load(&text).dataset);
}

/// A file large enough to be parsed in parallel pieces.
fn large() -> String {
    let text = generate(9_000, 1998);
    assert!(
        text.len() > 4 << 20,
        "{} bytes is under the parallel threshold",
        text.len()
    );
    text
}

#[test]
fn a_large_file_parsed_in_pieces_equals_one_parsed_whole() {
    let text = large();
    let loaded = load(&text);
    // The whole text through ron at once, as the loader does for small files.
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut whole: waltz::case::model::Dataset = options.from_str(&text).unwrap();
    whole.events.sort_by_key(|e| e.chronology());
    assert_eq!(loaded.dataset, whole);
}

#[test]
fn an_error_in_a_large_file_has_its_true_position() {
    let text = large();
    // Break one event far into the file: a year that is not a number.
    let at = text.len() * 2 / 3;
    let target = at + text[at..].find("year: ").unwrap() + "year: ".len();
    let broken = format!(
        "{}\"later\"{}",
        &text[..target],
        &text[target..].trim_start_matches(|c: char| c.is_ascii_digit())
    );
    let line = text[..target].matches('\n').count() + 1;
    let col = text[..target].rsplit('\n').next().unwrap().chars().count() + 1;
    let err = load::from_str("big.ron", &broken).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("big.ron:{line}:{col}: error: expected integer")),
        "{}",
        err.lines().next().unwrap()
    );
    // And a reference that does not resolve, found after parsing in pieces.
    let target = at + text[at..].find("factor: \"").unwrap() + "factor: \"".len();
    let broken = format!("{}no-such-{}", &text[..target], &text[target..]);
    let line = text[..target].matches('\n').count() + 1;
    let err = load::from_str("big.ron", &broken).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("big.ron:{line}:")),
        "{}",
        err.lines().next().unwrap()
    );
    assert!(err.contains("names factor `no-such-"), "{err}");
}
