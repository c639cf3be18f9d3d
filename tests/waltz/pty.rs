//! The terminal as a user is left with it: the real binary runs in a
//! pseudo-terminal, and after it quits, is killed, crashes or is suspended,
//! the terminal's modes and the bytes written to it are checked.
//!
//! Timeouts here only guard against a hang; nothing asserts on speed.

use std::io::Read;
use std::time::{Duration, Instant};

use nix::sys::signal::Signal;

use crate::term::{Pty, WAIT, find, start};

/// The sequences that give the terminal back, in the order written.
const LEAVE_SCREEN: &str = "\x1b[?1049l";
const SHOW_CURSOR: &str = "\x1b[?25h";
const PASTE_OFF: &str = "\x1b[?2004l";

fn assert_restored(pty: &Pty, from: usize) {
    // The program may be gone before the reader has seen its last bytes:
    // wait for each sequence rather than look once.
    for seq in [PASTE_OFF, LEAVE_SCREEN, SHOW_CURSOR] {
        pty.wait_for(seq, from);
    }
    assert!(pty.cooked(), "the terminal is left in raw mode");
}

#[test]
fn quitting_restores_the_terminal() {
    let mut pty = Pty::waltz(&[]);
    let drawn = pty.wait_for("Timeline", 0);
    assert!(!pty.cooked(), "raw mode while running");
    pty.send("q");
    assert!(pty.wait().success());
    assert_restored(&pty, drawn);
}

#[test]
fn signals_that_end_the_program_restore_the_terminal_first() {
    for (signal, status) in [
        (Signal::SIGTERM, 143),
        (Signal::SIGHUP, 129),
        (Signal::SIGINT, 130),
        (Signal::SIGQUIT, 131),
        (Signal::SIGUSR1, 138),
        (Signal::SIGALRM, 142),
    ] {
        let mut pty = Pty::waltz(&["--mouse"]);
        let drawn = pty.wait_for("Timeline", 0);
        pty.signal(signal);
        let exit = pty.wait();
        assert_eq!(exit.code(), Some(status), "{signal}");
        assert_restored(&pty, drawn);
        // Mouse capture, turned on by --mouse, is turned off again.
        pty.wait_for("\x1b[?1000l", drawn);
    }
}

#[test]
fn a_terminal_that_goes_away_ends_the_program() {
    // The window is closed: the pseudo-terminal's master side is gone.
    let (mut child, mut master) = start(env!("CARGO_BIN_EXE_waltz"), &[], &[], 80, 24);
    let mut seen = Vec::new();
    let mut piece = [0u8; 4096];
    while find(&seen, b"Timeline").is_none() {
        let n = master.read(&mut piece).unwrap();
        assert!(n > 0, "the program never drew");
        seen.extend_from_slice(&piece[..n]);
    }
    drop(master);
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the program kept running without its terminal");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(129), "SIGHUP");
}

#[test]
fn a_panic_restores_the_terminal_then_prints_its_message() {
    let mut pty = Pty::waltz(&["--crash-after-first-frame"]);
    let exit = pty.wait();
    assert_eq!(exit.code(), Some(101));
    let out = pty.output();
    let text = String::from_utf8_lossy(&out);
    let left = text.rfind(LEAVE_SCREEN).expect("the screen is left");
    let message = text
        .find("a deliberate crash")
        .expect("the panic message is printed");
    assert!(
        left < message,
        "the message comes after the screen is restored:\n{text:?}"
    );
    assert!(pty.cooked());
}

#[test]
fn ctrl_z_suspends_to_a_usable_shell_and_fg_resumes_with_a_full_redraw() {
    let mut shell = Pty::spawn("bash", &["--norc", "--noprofile", "-i"]);
    let prompt = shell.wait_for("$ ", 0);
    shell.send(&format!("{} --mouse\n", env!("CARGO_BIN_EXE_waltz")));
    let drawn = shell.wait_for("Timeline", prompt);
    shell.send("\x1a");
    let stopped = shell.wait_for("Stopped", drawn);
    // Before stopping, waltz gave the terminal back.
    let out = shell.output();
    for seq in [LEAVE_SCREEN, SHOW_CURSOR, "\x1b[?1000l"] {
        assert!(
            find(&out[drawn..stopped], seq.as_bytes()).is_some(),
            "{seq:?} not written before stopping"
        );
    }
    // The shell works.
    shell.send("echo shell-is-usable\n");
    let echoed = shell.wait_for("\rshell-is-usable", stopped);
    // fg: waltz takes the screen again and draws all of it.
    shell.send("fg\n");
    let back = shell.wait_for("\x1b[?1049h", echoed);
    shell.wait_for("Timeline", back);
    let redrawn = shell.wait_for("Individual", back);
    shell.send("q");
    let done = shell.wait_for("$ ", redrawn);
    let out = shell.output();
    assert!(find(&out[redrawn..done], LEAVE_SCREEN.as_bytes()).is_some());
    shell.send("exit\n");
    shell.wait();
}

#[test]
fn settings_problems_are_counted_on_screen_and_printed_after_it() {
    let dir = std::env::temp_dir().join(format!("waltz-pty-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.ron");
    std::fs::write(
        &config,
        "(\n  theme: \"neon\",\n  keys: { \"browse\": { \"x\": \"quit\" } },\n)",
    )
    .unwrap();
    let mut pty = Pty::waltz(&["--config", config.to_str().unwrap()]);
    let drawn = pty.wait_for("Timeline", 0);
    pty.wait_for("1 problem", 0);
    // What was right applies: x quits.
    pty.send("x");
    assert!(pty.wait().success());
    assert_restored(&pty, drawn);
    let out = pty.output();
    let left = find(&out, LEAVE_SCREEN.as_bytes()).unwrap();
    let after = String::from_utf8_lossy(&out[left..]);
    let expected = format!("{}:2:10: error: no theme `neon`", config.display());
    assert!(after.contains(&expected), "{after:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_stuck_escape_sequence_never_locks_the_keyboard() {
    // `ESC [ ?` begins a valid reply; a byte lost after it must not leave
    // every later key swallowed. Ctrl-C right after it quits …
    let mut pty = Pty::waltz(&[]);
    let drawn = pty.wait_for("Timeline", 0);
    pty.send("\x1b[?\x03");
    assert!(pty.wait().success());
    assert_restored(&pty, drawn);

    // … and so does `q` a moment later, once the sequence has gone stale.
    let mut pty = Pty::waltz(&[]);
    let drawn = pty.wait_for("Timeline", 0);
    pty.send("\x1b[?");
    std::thread::sleep(Duration::from_millis(300));
    pty.send("/");
    pty.wait_for("!not", drawn);
    pty.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    pty.send("q");
    assert!(pty.wait().success());
    assert_restored(&pty, drawn);
}

#[test]
fn a_resized_terminal_is_drawn_at_its_new_size() {
    let mut pty = Pty::waltz(&[]);
    // The first frame may arrive in more than one write: wait for its last row.
    pty.wait_screen("q quit");
    assert!(pty.row(23).contains("q quit"), "{}", pty.screen());
    pty.resize(120, 40);
    // The status bar moves to the new last row.
    let deadline = Instant::now() + WAIT;
    while !pty.row(39).contains("q quit") {
        assert!(Instant::now() < deadline, "{}", pty.screen());
        std::thread::sleep(Duration::from_millis(20));
    }
    pty.send("q");
    assert!(pty.wait().success());
}
