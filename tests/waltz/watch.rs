//! Writing a case: `--watch` reloads it on every save, keeping the view;
//! a broken save keeps the last good case with its errors in a banner;
//! `check --watch` re-checks; `new` writes a starter that checks clean.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::*;
use crate::term::{Pty, WAIT};
use waltz::case::index::Item;
use waltz::explorer::app::Overlay;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waltz-watch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Save `text` to `path` as an editor that writes in place does.
fn save_in_place(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

/// Save as editors that write a new file and rename it over do.
fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_extension("swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn a_reload_keeps_the_selection_focus_lens_and_finder_query() {
    let mut app = app(case(MINIMAL), 100, 30);
    press(&mut app, &["j", "Tab", "j"]);
    let factor = app.shown();
    press(&mut app, &["/"]);
    for c in "gas".chars() {
        press(&mut app, &[&c.to_string()]);
    }
    let renamed = MINIMAL.replace("\"First summit\"", "\"First grand summit\"");
    app.reload(case(&renamed), 0);
    assert!(!app.should_quit());
    assert!(matches!(app.overlay(), Overlay::Find(f) if f.input == "gas"));
    press(&mut app, &["Esc"]);
    assert_eq!(app.shown(), factor);
    let s = screen(&render(&mut app));
    assert!(s.contains("First grand summit"), "{s}");
}

#[test]
fn a_quit_just_before_a_save_still_quits() {
    let mut app = app(case(MINIMAL), 100, 30);
    press(&mut app, &["q"]);
    assert!(app.should_quit());
    app.reload(case(MINIMAL), 0);
    assert!(app.should_quit());
}

#[test]
fn a_removed_item_gives_way_to_its_nearest_neighbour() {
    let mut app = app(case(MINIMAL), 100, 30);
    // The 2007 pipeline, then the file loses it.
    press(&mut app, &["j", "j"]);
    let id = |app: &waltz::explorer::app::App| match app.shown() {
        Some(Item::Event(e)) => app.case.data.events[e].id.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(id(&app), "pipeline");
    let start = MINIMAL.find("        (id: \"pipeline\"").unwrap();
    let end = MINIMAL[start..].find("        (id: \"talks\"").unwrap() + start;
    let without = format!("{}{}", &MINIMAL[..start], &MINIMAL[end..]);
    let without = without.replace("Event(\"pipeline\")", "Event(\"talks\")");
    app.reload(case(&without), 0);
    // The nearest year: 2008's talks (2005's summit is further).
    assert_eq!(id(&app), "talks");
}

/// A watched explorer on a copy of the fixture: the pty and the file.
fn watched(name: &str) -> (Pty, PathBuf, PathBuf) {
    let dir = scratch(name);
    let path = dir.join("case.ron");
    std::fs::write(&path, MINIMAL).unwrap();
    let pty = Pty::sized(
        env!("CARGO_BIN_EXE_waltz"),
        &["--data", path.to_str().unwrap(), "--watch"],
        &[],
        100,
        30,
    );
    pty.wait_screen("Timeline");
    (pty, path, dir)
}

#[test]
fn saves_in_place_and_by_rename_reload_within_moments_where_the_view_was() {
    let (mut pty, path, dir) = watched("saves");
    pty.send("j");
    pty.until("the summit selected", |p| {
        p.row(29).contains("event 2 of 4")
    });
    save_in_place(
        &path,
        &MINIMAL.replace("\"First summit\"", "\"First grand summit\""),
    );
    pty.wait_screen("First grand summit");
    assert!(pty.row(29).contains("event 2 of 4"), "{}", pty.screen());
    save_by_rename(
        &path,
        &MINIMAL.replace("\"First summit\"", "\"Second summit\""),
    );
    pty.wait_screen("Second summit");
    assert!(pty.row(29).contains("event 2 of 4"), "{}", pty.screen());
    pty.send("q");
    assert!(pty.wait().success());
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_broken_save_shows_its_errors_over_the_last_good_case_until_fixed() {
    let (mut pty, path, dir) = watched("broken");
    save_in_place(&path, &MINIMAL.replace("year: 2007", "year: \"2007\""));
    let screen = pty.wait_screen("did not load");
    let at = format!("{}:38:", path.display());
    assert!(screen.contains(&at), "{screen}");
    assert!(screen.contains('^'), "{screen}");
    // The last good case is still there, and still works.
    assert!(screen.contains("Gas pipeline deal"), "{screen}");
    pty.send("j");
    pty.until("a move under the banner", |p| {
        p.row(29).contains("event 2 of 4")
    });
    // Gone, then a directory in its place: said, and watched for.
    std::fs::remove_file(&path).unwrap();
    pty.wait_screen("no such file");
    std::fs::create_dir(&path).unwrap();
    pty.wait_screen("is a directory");
    std::fs::remove_dir(&path).unwrap();
    save_by_rename(
        &path,
        &MINIMAL.replace("\"First summit\"", "\"Summit again\""),
    );
    pty.wait_screen("Summit again");
    pty.until("the banner gone", |p| !p.screen().contains("did not load"));
    pty.send("q");
    let status = pty.wait_within(WAIT);
    assert!(
        status.is_some_and(|s| s.success()),
        "{status:?}\n{}",
        pty.screen()
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn watch_needs_a_file() {
    let out = waltz(&["--watch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--watch needs a case file"));
    let out = waltz(&["--watch", "export"]);
    assert_eq!(out.status.code(), Some(2));
    let out = waltz(&["check", "--watch"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `waltz check --watch` on `path`, its lines (from both of its streams)
/// coming on the receiver.
fn check_watch(path: &Path) -> (std::process::Child, mpsc::Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_waltz"))
        .args(["check", "--watch"])
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
    }
    (child, rx)
}

/// Read lines into `seen` until one holds `needle`.
fn wait_for(rx: &mpsc::Receiver<String>, needle: &str, seen: &mut String) {
    let deadline = Instant::now() + WAIT;
    while !seen.contains(needle) {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left.max(Duration::from_millis(1))) {
            Ok(line) => {
                seen.push_str(&line);
                seen.push('\n');
            }
            Err(_) => panic!("{needle:?} never came:\n{seen}"),
        }
    }
}

#[test]
fn check_watch_checks_again_on_each_save() {
    let dir = scratch("check");
    let path = dir.join("case.ron");
    std::fs::write(&path, MINIMAL).unwrap();
    let (mut child, rx) = check_watch(&path);
    let mut seen = String::new();
    // Standard output and error come on two pipes: wait for each.
    wait_for(&rx, ": valid", &mut seen);
    wait_for(&rx, "watching", &mut seen);
    seen.clear();
    save_in_place(&path, &MINIMAL.replace("year: 2007", "year: \"2007\""));
    wait_for(&rx, "invalid", &mut seen);
    wait_for(&rx, ":38:", &mut seen);
    seen.clear();
    save_by_rename(&path, MINIMAL);
    wait_for(&rx, ": valid", &mut seen);
    let _ = child.kill();
    let _ = child.wait();
    std::fs::remove_dir_all(dir).ok();
}

/// The memory a running process holds now (VmRSS), in KiB.
fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn check_watch_holds_one_case_however_often_it_is_saved() {
    // Each check's case was kept (as a one-off check may, the process
    // ending next): a 20,000-event case took some 18 MiB more per save,
    // over 100 MiB more after six. Held to less than two cases' worth.
    let dir = scratch("check-many");
    let path = dir.join("case.ron");
    let mut bytes = Vec::new();
    waltz::case::synth::write(&mut bytes, 20_000, 200, 3).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    std::fs::write(&path, &text).unwrap();
    let (mut child, rx) = check_watch(&path);
    let mut seen = String::new();
    let checked = |seen: &mut String| {
        wait_for(&rx, ": valid", seen);
        wait_for(&rx, "watching", seen);
        seen.clear();
    };
    checked(&mut seen);
    let first = resident_kib(child.id());
    for _ in 0..6 {
        save_by_rename(&path, &text);
        checked(&mut seen);
    }
    let after = resident_kib(child.id());
    let _ = child.kill();
    let _ = child.wait();
    std::fs::remove_dir_all(dir).ok();
    assert!(
        after < first + 36 * 1024,
        "{first} KiB after the first check, {after} KiB after six saves more"
    );
}

#[test]
fn new_writes_a_starter_that_checks_clean_and_never_overwrites() {
    let dir = scratch("new");
    let path = dir.join("my-case.ron");
    let out = waltz(&["new", path.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&path).unwrap();
    let out = waltz(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("warnings     0"), "{summary}");
    // What the issue asks of a starter: two states, one era, one actor, two
    // sources, a factor per level, three events, a two-step tour.
    let loaded = case(&written);
    let d = &loaded.data;
    assert_eq!((d.eras.len(), d.actors.len(), d.sources.len()), (1, 1, 2));
    assert_eq!(
        loaded
            .index
            .level_factors
            .iter()
            .map(Vec::len)
            .collect::<Vec<_>>(),
        [1, 1, 1]
    );
    assert_eq!(d.events.len(), 3);
    assert_eq!(d.tours.len(), 1);
    assert_eq!(d.tours[0].steps.len(), 2);
    // Every field of the schema appears, with a comment above or beside it.
    for field in [
        "title:",
        "source:",
        "period:",
        "thesis:",
        "eras:",
        "actors:",
        "sources:",
        "factors:",
        "events:",
        "tours:",
        "level_by:",
        "effect:",
        "quote_by:",
        "variants:",
        "month:",
        "until:",
        "circa:",
        "dated_by:",
        "era:",
        "why:",
        "page:",
        "pages:",
        "themes:",
        "note:",
        "steps:",
    ] {
        assert!(written.contains(field), "{field} is missing");
    }
    // It opens in the explorer.
    let mut app = app(loaded, 80, 24);
    press(&mut app, &["j"]);
    assert!(screen(&render(&mut app)).contains("Arden"));
    // Never over an existing file; a missing folder is said.
    let out = waltz(&["new", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
    let missing = dir.join("no/such/folder/case.ron");
    let out = waltz(&["new", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such folder"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn completions_and_the_manual_come_from_the_command_line() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = waltz(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(
            script.contains("tour") && script.contains("serve"),
            "{shell}"
        );
        // Where the shell completes values, the real tours and themes.
        if ["bash", "zsh", "fish"].contains(&shell) {
            for value in ["story", "tensions", "high-contrast"] {
                assert!(script.contains(value), "{shell} lacks {value}");
            }
        }
    }
    let out = waltz(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH waltz 1"),
        "{page}"
    );
    assert!(page.contains("serve"));
    let out = waltz(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}
