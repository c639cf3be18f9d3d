//! Files that try to make waltz spend without bound, generated here (never
//! committed): a case on one long line with a problem per event, a million
//! warnings (one per event of a million), a stream that never ends, a settings "file" that is a device,
//! one list of millions of references, one warning in a large case, a file
//! of nothing but line breaks, a huge text beside the event list, more
//! records than a case may hold and as many as it may, a million one-line events held or
//! refused at the last, events each naming a list of their own, events
//! each giving a field they may leave out, a large case read whole, `#![` in a
//! large case, a long list before the events, a large case on standard
//! input, a device named as the case. Each is refused or reported at a
//! cost bounded by its size: what is printed, what is held, what is read.
//! Nothing here times anything; a quadratic cost shows as a test that
//! never ends, and memory is read from the kernel's account of the child.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::*;

/// Run the binary on `args` with `input` on standard input; its status,
/// its standard error, and its peak memory (KiB) as the kernel counted it.
///
/// The peak is taken by GNU time, the binary's parent: a process started
/// straight from this test program is charged the test program's own peak
/// (a child made by sharing or copying its parent's memory inherits its
/// high-water mark), which the other tests running beside it drive up.
fn run(
    args: &[&str],
    input: impl FnOnce(std::process::ChildStdin) + Send + 'static,
) -> (i32, String, i64) {
    const TIME: &str = "/usr/bin/time";
    assert!(
        std::path::Path::new(TIME).exists(),
        "{TIME} measures peak memory here: install GNU time (apt-get install time)"
    );
    let peak_file = std::env::temp_dir().join(format!(
        "waltz-bounded-{}-{:?}.peak",
        std::process::id(),
        std::thread::current().id()
    ));
    let mut child = Command::new(TIME)
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&peak_file)
        .arg(env!("CARGO_BIN_EXE_waltz"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || input(stdin));
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    let status = child.wait().unwrap();
    let _ = feeder.join();
    let report = std::fs::read_to_string(&peak_file).unwrap_or_default();
    let _ = std::fs::remove_file(&peak_file);
    // The last line is the figure (a line before it may say the child
    // exited with a non-zero status).
    let peak = report
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak from {TIME}: {report:?}"));
    (status.code().unwrap_or(-1), err, peak)
}

fn file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("waltz-bounded-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

/// `waltz check` on `text`, written to a file called `name` for the run:
/// its status, standard error and peak memory (KiB), as [`run`] gives them.
fn check_file(name: &str, text: &str) -> (i32, String, i64) {
    let path = file(name, text);
    let out = run(&["check", path.to_str().unwrap()], |_| {});
    let _ = std::fs::remove_file(&path);
    out
}

/// The bound every file is held to: a peak of twice its size and 50 MiB.
fn within_bound(text: &str, peak_kib: i64) {
    let size_mib = (text.len() >> 20) as i64;
    assert!(
        peak_kib / 1024 < 2 * size_mib + 50,
        "peak {} MiB for a file of {size_mib} MiB",
        peak_kib / 1024
    );
}

/// `n` events after the period, each a warning, the whole case on one line.
fn one_line_of_warnings(n: usize) -> String {
    let mut text = String::from(
        "(title:\"T\",source:\"S\",period:(2000,2000),factors:[(id:\"f\",level:Individual,effect:Enabler,name:\"F\",summary:\"s\")],events:[",
    );
    for i in 0..n {
        text.push_str(&format!(
            "(id:\"e{i}\",year:2001,title:\"t\",summary:\"s\",factors:[\"f\"]),"
        ));
    }
    text.push_str("])");
    text
}

#[test]
fn a_case_on_one_line_reports_each_problem_at_a_bounded_cost_and_counts_the_rest() {
    // 20,000 warnings on one 1.2 MB line: once quadratic (each excerpt
    // walked the whole line), now a window around the column.
    let path = file("one-line.ron", &one_line_of_warnings(20_000));
    let out = waltz(&["check", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    let full = err.lines().filter(|l| l.contains(": warning: ")).count();
    assert_eq!(
        full,
        waltz::case::load::SHOWN,
        "{}",
        &err[..err.len().min(2000)]
    );
    let more = err
        .lines()
        .find(|l| l.contains("… and 19900 more warnings like"))
        .unwrap();
    assert!(more.contains("is after the period"), "{more}");
    // Each excerpt is a window of the line, not the line.
    assert!(
        err.lines().all(|l| l.chars().count() < 200),
        "a line runs long"
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("warnings  20000"), "{summary}");
}

#[test]
fn errors_past_the_first_hundred_are_counted_and_the_file_still_refused() {
    // Every event's year out of range: 500 errors.
    let text = one_line_of_warnings(500).replace("year:2001", "year:3001");
    let path = file("errors.ron", &text);
    let out = waltz(&["check", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().filter(|l| l.contains(": error: ")).count(), 100);
    assert!(err.contains("… and 400 more errors like"), "{err}");
    assert!(err.contains("invalid: 500 errors"), "{err}");
}

#[test]
fn a_stream_is_refused_at_the_cap_without_holding_more_than_it() {
    let cap = waltz::case::load::MAX_BYTES as usize;
    let (code, err, peak_kib) = run(&["check", "-"], move |mut stdin| {
        let block = vec![b' '; 1 << 20];
        let mut sent = 0;
        while sent <= cap + (8 << 20) {
            if stdin.write_all(&block).is_err() {
                break;
            }
            sent += block.len();
        }
    });
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("over the 256 MiB limit"), "{err}");
    // Once 536–808 MB (the buffer doubled past the cap); now the cap and
    // a little.
    let peak_mib = peak_kib / 1024;
    assert!(peak_mib < 256 + 64, "peak {peak_mib} MiB");
}

#[test]
fn a_settings_file_that_is_a_device_is_read_no_further_than_its_cap() {
    let (_, problems) = waltz::config::settings::load(std::path::Path::new("/dev/zero"), true);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].to_string().contains("over 1 MiB"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_list_of_millions_is_refused_at_its_ten_thousand_and_first_item() {
    let mut text = String::from(
        "(title:\"T\",source:\"S\",period:(2000,2010),factors:[(id:\"f\",level:Individual,effect:Enabler,name:\"F\",summary:\"s\")],events:[(id:\"e\",year:2001,title:\"t\",summary:\"s\",factors:[",
    );
    // Two million references: 8 MB, once gigabytes of links in memory.
    for _ in 0..2_000_000 {
        text.push_str("\"f\",");
    }
    text.push_str("])])");
    let (code, err, peak_kib) = check_file("refs.ron", &text);
    assert_eq!(code, 1, "{err}");
    let limit = waltz::case::model::MAX_LIST;
    assert!(err.contains(&format!("at most {limit} items")), "{err}");
    // Pointed at the item one past the limit (the parser stands just past
    // it and its comma).
    let at = text.find("factors:[\"f\"").unwrap() + "factors:[".len() + 4 * limit;
    let col: usize = err.split(':').nth(2).unwrap().parse().unwrap();
    assert!(
        (at + 1..=at + 5).contains(&col),
        "{col} for {}: {err}",
        at + 1
    );
    within_bound(&text, peak_kib);
}

#[test]
fn a_large_case_with_one_warning_is_placed_without_a_tree_of_the_whole_file() {
    // A tree of every value of a large file took several times the file:
    // 545 MB for one warning in 100,000 events.
    let mut bytes = Vec::new();
    waltz::case::synth::write(&mut bytes, 20_000, 400, 7).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let events = text.find("events: [").unwrap();
    let year = events + text[events..].find("year: ").unwrap() + "year: ".len();
    let end = year + text[year..].find(',').unwrap();
    let text = format!("{}2030{}", &text[..year], &text[end..]);
    let line = text[..year].matches('\n').count() + 1;
    let col = year - text[..year].rfind('\n').unwrap();
    let (code, err, peak_kib) = check_file("one-warning.ron", &text);
    assert_eq!(code, 0, "{err}");
    let warning = err.lines().next().unwrap();
    assert!(
        warning.contains(&format!(":{line}:{col}: warning: "))
            && warning.contains("(2030) is after the period"),
        "{warning}"
    );
    within_bound(&text, peak_kib);
}

#[test]
fn a_file_of_nothing_but_line_breaks_is_refused_at_its_last_line_within_its_bound() {
    // Thirty million lines, 30 MB: a table of every line's start took four
    // bytes a line (doubling as it grew), and the read before the event
    // list held the file twice over.
    let lines = 30_000_000;
    let text = format!("{}x", "\n".repeat(lines));
    let (code, err, peak_kib) = check_file("breaks.ron", &text);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("breaks.ron:{}:1: error: ", lines + 1)),
        "{err}"
    );
    within_bound(&text, peak_kib);
}

#[test]
fn a_huge_text_outside_the_event_list_is_refused_within_its_bound() {
    // A 24 MB tour name after 20,000 events: the fields around the event
    // list were copied apart from it (growing by doubling) and their texts
    // copied again.
    let events = events_case(20_000, |i| {
        format!("(id: \"e{i}\", year: 2001, title: \"t\", summary: \"s\", factors: [\"f\"])")
    });
    let mut text = events.strip_suffix("])\n").unwrap().to_owned();
    text.push_str("], tours: [(id: \"t\", name: \"");
    text.push_str(&"n".repeat(24 << 20));
    text.push_str("\", steps: [])])\n");
    let (code, err, peak_kib) = check_file("huge-tour.ron", &text);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(":20002:") && err.contains("tour `t`'s name is 24576 KiB long"),
        "{err}"
    );
    within_bound(&text, peak_kib);
}

/// A case whose `list` holds `n` items, each `item(i)`, beside a factor
/// `f` and an event linked to it.
fn case_with(list: &str, n: usize, item: impl Fn(usize) -> String) -> String {
    let mut text = String::from(
        "(title:\"T\",source:\"S\",period:(2000,2010),\
         factors:[(id:\"f\",level:Individual,effect:Enabler,name:\"F\",summary:\"s\"),\n",
    );
    if list != "factors" {
        text.push_str(&format!("],{list}:["));
    }
    for i in 0..n {
        text.push_str(&item(i));
        text.push_str(",\n");
    }
    text.push_str("],events:[(id:\"e\",year:2001,title:\"t\",summary:\"s\",factors:[\"f\"])])\n");
    text
}

/// The `i`th record of a kind, as a file writes it.
type Record = fn(usize) -> String;

/// A smallest record of each kind the dataset lists beside its events,
/// the `i`th: as the file names the list, and the record.
const RECORDS: [(&str, Record); 5] = [
    ("eras", |i| {
        format!("(id:\"r{i}\",name:\"\",start:2000,end:2001,summary:\"\")")
    }),
    ("actors", |i| {
        format!("(id:\"a{i}\",name:\"A\",country:\"C\",role:\"R\")")
    }),
    ("sources", |i| format!("(id:\"s{i}\",citation:\"\")")),
    ("factors", |i| {
        format!("(id:\"f{i}\",level:Individual,effect:Enabler,name:\"F\",summary:\"s\")")
    }),
    ("tours", |i| format!("(id:\"t{i}\",name:\"\",steps:[])")),
];

#[test]
fn records_past_their_cap_are_refused_at_the_first_too_many_within_their_bound() {
    // A million actors (42 MB) took 175 MiB, and 2,500,000 took 411 MiB:
    // each actor is 80 bytes of texts, and every one was held. Each kind
    // has a cap, and the first record past it is refused where it stands.
    use waltz::case::model::{MAX_RECORDS, MAX_TOURS};
    for (list, record) in RECORDS {
        let max = if list == "tours" {
            MAX_TOURS
        } else {
            MAX_RECORDS
        };
        // `case_with` gives one factor of its own.
        let mine = if list == "factors" { max - 1 } else { max };
        let at_cap = case_with(list, mine, record);
        let (_, err, _) = check_file("at-cap.ron", &at_cap);
        assert!(!err.contains("may hold at most"), "{list}: {err}");
        let n = if list == "actors" {
            1_000_000
        } else {
            mine + 1
        };
        let over = case_with(list, n, record);
        let (code, err, peak_kib) = check_file("over-cap.ron", &over);
        assert_eq!(code, 1, "{list}: {err}");
        // A record a line, from the second line; the factors' list has one
        // more on the first.
        let line = max + if list == "factors" { 1 } else { 2 };
        assert!(
            err.lines()
                .next()
                .unwrap_or_default()
                .contains(&format!(":{line}:"))
                && err.contains(&format!(
                    "a case may hold at most {max} {list}; this is one more"
                )),
            "{list}: {err}"
        );
        within_bound(&over, peak_kib);
    }
}

#[test]
fn records_at_their_caps_with_lists_at_theirs_are_held_within_their_bound() {
    // 10,000 tours of 100 steps each (17 MB) took 101 MiB: a step holds
    // three texts for the seventeen bytes a file may spend on it. Tours
    // are capped at a thousand; the lists inside records at a hundred.
    use waltz::case::model::{MAX_NESTED, MAX_RECORDS, MAX_TOURS};
    let many = |item: &str| format!("{item},").repeat(MAX_NESTED);
    let tours = case_with("tours", MAX_TOURS, |i| {
        format!(
            "(id:\"t{i}\",name:\"\",steps:[{}])",
            many("(show:Event(\"\"))")
        )
    });
    let factors = case_with("factors", MAX_RECORDS - 1, |i| {
        let names = many("\"\"");
        format!(
            "(id:\"f{i}\",level:Individual,effect:Enabler,name:\"\",summary:\"\",actors:[{names}],sources:[{names}])"
        )
    });
    let sources = case_with("sources", MAX_RECORDS, |i| {
        format!("(id:\"s{i}\",citation:\"\",variants:[{}])", many("\"\""))
    });
    for (name, case) in [("tours", tours), ("factors", factors), ("sources", sources)] {
        // Refused or not for what they name, they are read in full.
        let (_, err, peak_kib) = check_file("caps.ron", &case);
        assert!(!err.contains("may hold at most"), "{name}: {err}");
        within_bound(&case, peak_kib);
    }
    let step = "(show:Event(\"e\")),";
    let long_tour = case_with("tours", 1, |_| {
        format!(
            "(id:\"t\",name:\"\",steps:[{}])",
            step.repeat(MAX_NESTED + 1)
        )
    });
    let (code, err, _) = check_file("long-tour.ron", &long_tour);
    assert_eq!(code, 1, "{err}");
    // Pointed at the step one past the cap: the parser stands at its end.
    let first = long_tour.find(step).unwrap();
    let line_start = long_tour[..first].rfind('\n').unwrap() + 1;
    let end = first - line_start + step.len() * (MAX_NESTED + 1);
    let col: usize = err
        .split(':')
        .nth(2)
        .unwrap_or_default()
        .parse()
        .unwrap_or(0);
    assert!(
        err.contains(&format!("may hold at most {MAX_NESTED} items"))
            && (end - step.len() + 1..=end + 1).contains(&col),
        "{col} for {end}: {err}"
    );
}

/// `n` events of a line each, each linking the one factor by id.
fn linked_events(n: usize) -> String {
    events_case(n, |i| {
        format!("(id:\"e{i}\",year:2001,title:\"t\",summary:\"s\",factors:[\"f\"])")
    })
}

#[test]
fn a_million_one_line_events_are_held_or_refused_at_their_last_within_their_bound() {
    // A million events of a line each (62 MB), each linking one factor by
    // id: the case took 187 MiB, each event's one-link list a copy of its
    // own; with the last event wrong, the case was read in full and then
    // again whole, and a misspelt field took about 180 MiB, a factor that
    // does not exist about 187 MiB (310 and 357 MiB before that).
    let n = 1_000_000;
    let mut case = linked_events(n);
    let (code, err, peak_kib) = check_file("held.ron", &case);
    assert_eq!(code, 0, "{err}");
    within_bound(&case, peak_kib);
    let last = case.rfind("(id:").unwrap();
    for (from, to, message) in [
        ("year", "yaer", "an event has no field `yaer`"),
        (
            "\"f\"]",
            "\"g\"]",
            "event `e999999` names factor `g`, which does not exist",
        ),
    ] {
        // Made wrong in place, and mended after: one copy of the case.
        let at = last + case[last..].find(from).unwrap();
        case.replace_range(at..at + from.len(), to);
        let (code, err, peak_kib) = check_file("refused-last.ron", &case);
        assert_eq!(code, 1, "{err}");
        let first = err.lines().next().unwrap_or_default();
        let col = at - last + 1;
        assert!(
            first.contains(&format!(":{}:{col}: error: {message}", n + 1)),
            "{first}"
        );
        within_bound(&case, peak_kib);
        case.replace_range(at..at + to.len(), from);
    }
}

#[test]
fn a_million_events_each_lacking_a_factor_are_held_and_reported_within_their_bound() {
    // A million events linked to no factor (46 MB): a warning each. The
    // file was read whole again to place the first hundred, beside the
    // case it describes: 179 MiB.
    let n = 1_000_000;
    let case = events_case(n, |i| {
        format!("(id:\"e{i}\",year:2001,title:\"t\",summary:\"s\")")
    });
    let (code, err, peak_kib) = check_file("unlinked.ron", &case);
    assert_eq!(code, 0, "{err}");
    let first = err.lines().next().unwrap_or_default();
    assert!(
        first.contains(":2:1: warning: event `e0` is in the period but linked to no factor"),
        "{first}"
    );
    assert!(
        err.contains(&format!(
            "… and {} more warnings like: event `…` is in the period but linked to no factor",
            n - 100
        )),
        "{}",
        &err[err.len().saturating_sub(500)..]
    );
    within_bound(&case, peak_kib);
}

/// A case of `n_factors` factors (`f0`, `f1`, …) and `n` events, each
/// `event(i)`.
fn factors_case(n_factors: usize, n: usize, event: impl Fn(usize) -> String) -> String {
    let mut text = String::from("(title:\"T\",source:\"S\",period:(2000,2010),factors:[\n");
    for f in 0..n_factors {
        text.push_str(&format!(
            "(id:\"f{f}\",level:Individual,effect:Enabler,name:\"F\",summary:\"s\"),\n"
        ));
    }
    text.push_str("],events:[\n");
    for i in 0..n {
        text.push_str(&event(i));
        text.push_str(",\n");
    }
    text.push_str("])\n");
    text
}

#[test]
fn events_each_naming_a_different_list_are_held_within_their_bound() {
    // A million events, each linking its own pair of a thousand factors
    // (68 MB), took 225 MiB: a link held its factor's id as a text of 40
    // bytes with its reason and page, where the file spent six.
    let pairs = factors_case(1000, 1_000_000, |i| {
        format!(
            "(id:\"e{i}\",year:2001,title:\"t\",summary:\"s\",factors:[\"f{}\",\"f{}\"])",
            i % 1000,
            i / 1000
        )
    });
    let path = file("pairs.ron", &pairs);
    let (code, err, peak_kib) = run(&["check", path.to_str().unwrap()], |_| {});
    assert_eq!(code, 0, "{err}");
    within_bound(&pairs, peak_kib);
    // Every link is held.
    let out = succeeds(&["check", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert!(out.contains("0 of 2000000 links say why"), "{out}");
    // Two thousand events, each linking a thousand factors and giving a
    // thousand themes, in an order of its own (28 MB): 4 million names
    // took several times the file.
    let long = factors_case(1000, 2000, |i| {
        let step = i % 997 + 1;
        let names = |kind: &str| {
            let names: Vec<String> = (0..1000)
                .map(|k| format!("\"{kind}{}\"", (i + k * step) % 1000))
                .collect();
            names.join(",")
        };
        format!(
            "(id:\"e{i}\",year:2001,title:\"t\",summary:\"s\",factors:[{}],themes:[{}])",
            names("f"),
            names("t")
        )
    });
    let (code, err, peak_kib) = check_file("long.ron", &long);
    assert_eq!(code, 0, "{err}");
    within_bound(&long, peak_kib);
    // Five thousand events of a thousand themes each, every theme met once
    // (48 MB): a table held each name as a text of sixteen bytes beside its
    // characters, where the file spent ten, and 10,000 such events (95 MiB)
    // took 325 MiB.
    let unique = factors_case(1, 5000, |i| {
        let themes: Vec<String> = (0..1000).map(|k| format!("\"{}\"", i * 1000 + k)).collect();
        format!(
            "(id:\"e{i}\",year:2001,title:\"t\",summary:\"s\",factors:[\"f0\"],themes:[{}])",
            themes.join(",")
        )
    });
    let (code, err, peak_kib) = check_file("unique.ron", &unique);
    assert_eq!(code, 0, "{err}");
    within_bound(&unique, peak_kib);
}

#[test]
fn events_each_giving_a_field_they_may_leave_out_are_held_within_their_bound() {
    // 1.3 million events of a line each (60 MiB), each giving a last year,
    // an era or a page: an event kept those fields in a box of its own of
    // about 90 bytes, and a page list in another, where the file spent
    // eight bytes on them: 250 to 282 MiB against a bound of 170.
    let n = 800_000;
    for field in ["until:2002", "era:\"r\"", "pages:[3]"] {
        let case = events_case(n, |i| {
            format!("(id:\"e{i}\",year:2001,{field},title:\"\",summary:\"\")")
        });
        let (code, err, peak_kib) = check_file("rare.ron", &case);
        assert_eq!(code, 1, "{field}: {err}");
        // Refused for what they say (an empty title; no era `r`), after
        // every one was read.
        assert!(
            err.contains(&format!("e{}", n - 1)) || err.contains("more errors like"),
            "{field}: {err}"
        );
        within_bound(&case, peak_kib);
    }
}

#[test]
fn a_large_case_read_whole_holds_its_events_as_compactly_as_one_read_in_windows() {
    // One event of more than a MiB sends a file to be read whole, each
    // event on its own: 600,000 events each linking their own pair of
    // factors, with a last year and a page, kept a list, a table, a box
    // and a page list of their own each, beside the file held whole (about
    // 280 MiB for 91 MiB at a million). Each piece's records now go into
    // one block, as a window's do.
    let case = factors_case(1000, 600_001, |i| match i {
        // Blanks make it long, and leave it valid.
        0 => format!(
            "(id:\"big\",{}year:2001,title:\"t\",summary:\"s\",factors:[\"f1\"])",
            " ".repeat(1100 << 10)
        ),
        i => format!(
            "(id:\"e{i}\",year:2001,until:2002,title:\"t\",summary:\"s\",factors:[\"f{}\",\"f{}\"],pages:[{}])",
            i % 1000,
            i / 1000,
            i % 300
        ),
    });
    let path = file("whole.ron", &case);
    let (code, err, peak_kib) = run(&["check", path.to_str().unwrap()], |_| {});
    assert_eq!(code, 0, "{err}");
    within_bound(&case, peak_kib);
    // Every link and page is held.
    let out = succeeds(&["check", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert!(out.contains("0 of 1200001 links say why"), "{out}");
}

#[test]
fn what_looks_like_an_attribute_in_a_large_case_costs_no_whole_read() {
    // `#![` anywhere past the lead sent a file to be read whole: a million
    // events (62 MB) with `#![` in one summary took 214 MiB and 2.8 s.
    let n = 1_000_000;
    let mut case = events_case(n, |i| {
        let summary = if i == n / 2 { "#![x]" } else { "s" };
        format!("(id:\"e{i}\",year:2001,title:\"t\",summary:\"{summary}\",factors:[\"f\"])")
    });
    let (code, err, peak_kib) = check_file("hash.ron", &case);
    assert_eq!(code, 0, "{err}");
    within_bound(&case, peak_kib);
    // An attribute between events does not parse, as a whole read says.
    let at = case.find(&format!("(id:\"e{}\"", n / 2)).unwrap();
    case.insert_str(at, "#![enable(implicit_some)]\n");
    let (code, err, peak_kib) = check_file("attribute.ron", &case);
    assert_eq!(code, 1, "{err}");
    let first = err.lines().next().unwrap_or_default();
    assert!(
        first.contains(&format!(
            ":{}:1: error: expected opening `(` for struct `Event`",
            n / 2 + 2
        )),
        "{first}"
    );
    within_bound(&case, peak_kib);
}

#[test]
fn a_long_list_before_the_events_is_read_a_window_at_a_time_within_its_bound() {
    // 200,000 actors (9 MB) before 100,000 events: the lead was read by
    // doubling, each part a copy, and its actors parsed into a list that
    // grew by doubling: 106 MiB for a file of 15 MB. 400,000 actors
    // (18 MB) before a million events were past the most a lead could be,
    // and the file was read whole: 302 MiB for 81 MB. A case holds at most
    // 10,000 actors now; 10,000 factors with long summaries make the same
    // leads.
    let n = waltz::case::model::MAX_RECORDS;
    for (summary, events) in [(900, 100_000), (1800, 1_000_000)] {
        let summary = "s".repeat(summary);
        let mut case = String::from("(title:\"T\",source:\"S\",period:(2000,2010),factors:[\n");
        for i in 0..n {
            case.push_str(&format!(
                "(id:\"f{i}\",level:Individual,effect:Enabler,name:\"F\",summary:\"{summary}\"),\n"
            ));
        }
        case.push_str("],events:[\n");
        for i in 0..events {
            // Each factor linked, a few of them often.
            let f = if i < n { i } else { i % 1000 };
            case.push_str(&format!(
                "(id:\"e{i}\",year:2001,title:\"t\",summary:\"s\",factors:[\"f{f}\"]),\n"
            ));
        }
        case.push_str("])\n");
        assert!(case.find("events:").unwrap() >= summary.len() * n);
        let (code, err, peak_kib) = check_file("lead.ron", &case);
        assert_eq!(code, 0, "{err}");
        within_bound(&case, peak_kib);
    }
}

#[test]
fn a_large_case_on_standard_input_is_held_within_its_bound() {
    // Standard input was read whole, into memory: a million events (62 MB)
    // took 238 MiB. It is copied to a file of its own, then read as a file
    // is, and the copy removed.
    let fed = std::sync::Arc::new(linked_events(1_000_000));
    let feed = std::sync::Arc::clone(&fed);
    let (code, err, peak_kib) = run(&["check", "-"], move |mut stdin| {
        let _ = stdin.write_all(feed.as_bytes());
    });
    assert_eq!(code, 0, "{err}");
    within_bound(&fed, peak_kib);
}

#[test]
fn a_device_named_as_the_case_is_refused_at_the_cap_holding_little() {
    // A device or a pipe named by its path was read into memory up to the
    // cap: 264 MiB for /dev/zero. It is copied to a file first, as standard
    // input is.
    let (code, err, peak_kib) = run(&["check", "/dev/zero"], |_| {});
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("/dev/zero: error: is over the 256 MiB limit"),
        "{err}"
    );
    assert!(peak_kib / 1024 < 64, "peak {} MiB", peak_kib / 1024);
}
