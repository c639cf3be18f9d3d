//! The command line as a user meets it: exit statuses, stdout and stderr.

use std::path::{Path, PathBuf};

use crate::common::waltz;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waltz-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn check_on_the_embedded_dataset_prints_a_summary_and_succeeds() {
    let out = waltz(&["check"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.starts_with("pakistan-russia.ron (embedded): valid\n"),
        "{stdout}"
    );
    for label in [
        "period    1998–2023",
        "events",
        "individual",
        "domestic",
        "systemic",
        "eras",
        "actors",
        "sources",
        "tours",
    ] {
        assert!(stdout.contains(label), "{label} missing: {stdout}");
    }
}

#[test]
fn check_counts_the_fixture_exactly() {
    let out = waltz(&["check", &fixture("minimal.ron")]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    for line in [
        "  events       5  (4 in the period, 1 before it)",
        "    individual    2  (1 enabler, 1 constraint, 0 mixed)",
        "    systemic      2  (0 enablers, 1 constraint, 1 mixed)",
        "  tours        1",
    ] {
        assert!(stdout.contains(line), "{line:?} missing: {stdout}");
    }
    assert!(out.stderr.is_empty());
}

#[test]
fn check_on_an_invalid_file_prints_every_problem_and_fails() {
    let minimal = std::fs::read_to_string(fixture("minimal.ron")).unwrap();
    let bad = minimal
        .replacen(
            "factors: [\"alliances\"], themes",
            "factors: [\"nope\"], themes",
            1,
        )
        .replacen("start: 2005, end: 2010", "start: 2005, end: 2001", 1);
    let path = temp_file("bad.ron", &bad);
    let out = waltz(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    let p = path.display();
    assert!(
        stderr.contains(&format!(
            "{p}:8:58: error: era `thaw` ends (2001) before it starts (2005)"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{p}:32:20: error: event `war` names factor `nope`, which does not exist"
        )),
        "{stderr}"
    );
    assert!(
        stderr.trim_end().ends_with("invalid: 2 errors, 0 warnings"),
        "{stderr}"
    );
}

#[test]
fn check_on_a_missing_file_fails_with_a_message() {
    let out = waltz(&["check", "no/such/file.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "no/such/file.ron: error: no such file\nno/such/file.ron: invalid: 1 error, 0 warnings\n"
    );
}

#[test]
fn export_json_is_the_dataset_with_the_schemas_field_names() {
    let out = waltz(&[
        "export",
        "--data",
        &fixture("minimal.ron"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["period"], serde_json::json!([2000, 2010]));
    assert_eq!(json["events"][0]["id"], "war");
    assert_eq!(json["events"][2]["month"], 5);
    assert_eq!(json["factors"][4]["effect"], "Mixed");
    assert_eq!(
        json["tours"][0]["steps"][1]["show"],
        serde_json::json!({"Factor": "rapport"})
    );
    assert_eq!(json["sources"][0]["variants"][0], "Wrighter (2011)");
}

#[test]
fn export_json_says_whose_each_date_and_level_is() {
    // The shipped case: every event says whose its date is and every factor
    // whose its level is, and each kind of answer occurs.
    let out = waltz(&["export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let field = |list: &str, name: &str| -> Vec<String> {
        json[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| {
                item[name]
                    .as_str()
                    .unwrap_or_else(|| panic!("{list} item {} has no `{name}`", item["id"]))
                    .to_owned()
            })
            .collect()
    };
    let dated = field("events", "dated_by");
    assert!(
        dated.iter().all(|d| d == "Paper" || d == "CommonRecord"),
        "{dated:?}"
    );
    assert!(dated.iter().any(|d| d == "CommonRecord"));
    let levels = field("factors", "level_by");
    assert!(
        levels.iter().all(|l| l == "Stated" || l == "Implied"),
        "{levels:?}"
    );
    assert!(levels.iter().any(|l| l == "Implied"));
    // An event the case dates from the common record, and a factor whose
    // level it reads, are marked as such.
    let item = |list: &str, id: &str| {
        json[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .cloned()
            .unwrap()
    };
    let event = |id: &str| item("events", id);
    let factor = |id: &str| item("factors", id);
    assert_eq!(event("us-withdrawal-2021")["dated_by"], "CommonRecord");
    assert_eq!(event("musharraf-coup")["dated_by"], "Paper");
    assert_eq!(factor("cold-war-blocs")["level_by"], "Implied");
    assert_eq!(factor("putin-khan-rapport")["level_by"], "Stated");

    // A case that leaves them out gets the defaults, written out.
    let out = waltz(&[
        "export",
        "--data",
        &fixture("minimal.ron"),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["events"][0]["dated_by"], "Paper");
    assert_eq!(json["factors"][0]["level_by"], "Stated");
}

#[test]
fn export_markdown_is_a_handout_in_order() {
    let out = waltz(&[
        "export",
        "--format",
        "markdown",
        "--data",
        &fixture("minimal.ron"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let md = text(&out.stdout);
    let order = [
        "# Avalon–Borduria relations, 2000–2010",
        "## Before 2000",
        "### 1990 · Border war",
        "## Cold peace (2000–2004)",
        "### 2001 · Ambassador recalled",
        "*Levels: individual, systemic · Themes: diplomacy · Sources: Scribe (2009)*",
        "## The thaw (2005–2010)",
        "### May 2005 · First summit",
        "> “A new page.”",
        "### 2007 · Gas pipeline deal",
        "*Editorial note:* Other accounts date the deal to 2008.",
        "### 2008–2010 · Forum talks",
        "## Factors",
        "### Individual",
        "#### Enablers",
        "- \\+ **Leaders' rapport**",
        "  Events: May 2005 First summit; 2007 Gas pipeline deal",
        "#### Constraints",
        "- − **Old distrust**",
        "### Domestic",
        "### Systemic",
        "#### Mixed",
        "## Guided tours",
        "### The story",
        "1. **1990 Border war** — Where it started.",
        "2. **Leaders' rapport** — What changed.",
        "## Sources",
        "- Writer (2011) (also spelled Wrighter (2011))",
    ];
    let mut at = 0;
    for line in order {
        let found = md[at..]
            .find(line)
            .unwrap_or_else(|| panic!("{line:?} not found in order:\n{md}"));
        at += found + line.len();
    }
}

#[test]
fn export_of_the_embedded_dataset_works() {
    for format in ["json", "markdown"] {
        let out = waltz(&["export", "--format", format]);
        assert_eq!(out.status.code(), Some(0));
        assert!(out.stdout.len() > 1000);
    }
}

#[test]
fn export_with_a_bad_dataset_fails() {
    let out = waltz(&["export", "--format", "json", "--data", "missing.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(text(&out.stderr), "missing.ron: error: no such file\n");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["export", "--format", "pdf"][..],
        &["frobnicate"],
        &["--no-such-flag"],
        &["check", "a.ron", "b.ron"],
    ] {
        let out = waltz(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).starts_with("error: "), "{args:?}");
    }
}

#[test]
fn help_and_version_succeed() {
    let out = waltz(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for word in ["check", "export", "--data", "--mouse"] {
        assert!(help.contains(word), "{word} missing: {help}");
    }
    let out = waltz(&["--version"]);
    assert_eq!(
        text(&out.stdout),
        format!("waltz {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn hostile_data_never_reaches_the_terminal_through_any_command() {
    let minimal = std::fs::read_to_string(fixture("minimal.ron")).unwrap();
    let hostile = minimal
        .replacen(
            "Border war",
            "Border\\u{1b}]52;c;cm0gLXJmIH4=\\u{7}\\u{9b}2J war\\u{202e}",
            1,
        )
        .replacen("Ada Avalon", "Ada\\u{1b}[31m Avalon\\u{200b}", 1);
    let good = temp_file("hostile.ron", &hostile);
    let bad = temp_file(
        "hostile-bad.ron",
        &hostile.replacen("period:", "\u{1b}[2Jperiod\u{7}:", 1),
    );
    let (good, bad) = (good.to_str().unwrap(), bad.to_str().unwrap());
    let runs = [
        waltz(&["check", good]),
        waltz(&["check", bad]),
        waltz(&["export", "--format", "json", "--data", good]),
        waltz(&["export", "--format", "markdown", "--data", good]),
        waltz(&["export", "--format", "markdown", "--data", bad]),
    ];
    for out in runs {
        for stream in [&out.stdout, &out.stderr] {
            let s = text(stream);
            assert!(
                waltz::case::sanitize::is_inert(&s),
                "control or format character in {s:?}"
            );
        }
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    for args in [
        &["export", "--format", "json"][..],
        &["export", "--format", "markdown"],
        &["search", "gas"],
        &["check"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_waltz"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before anything is written (as `| head -0`).
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(text(&out.stderr), "", "{args:?}");
    }
}
