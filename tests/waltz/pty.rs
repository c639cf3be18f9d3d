//! The terminal as a user is left with it: the real binary runs in a
//! pseudo-terminal, and after it quits, is killed, crashes or is suspended,
//! the terminal's modes and the bytes written to it are checked.
//!
//! Timeouts here only guard against a hang; nothing asserts on speed.

use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::pty::{Winsize, openpty};
use nix::sys::signal::{Signal, kill};
use nix::sys::termios::{LocalFlags, tcgetattr};
use nix::unistd::Pid;

const WAIT: Duration = Duration::from_secs(20);

/// A program running in a pseudo-terminal of 80×24.
struct Pty {
    master: std::fs::File,
    child: Child,
    output: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    fn spawn(program: &str, args: &[&str]) -> Pty {
        let (child, master) = start(program, args);
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().expect("dup");
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut piece = [0u8; 4096];
            while let Ok(n) = reader.read(&mut piece) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&piece[..n]);
            }
        });
        Pty {
            master,
            child,
            output,
        }
    }

    fn waltz(args: &[&str]) -> Pty {
        Pty::spawn(env!("CARGO_BIN_EXE_waltz"), args)
    }

    /// Everything written to the terminal so far.
    fn output(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// Wait until `needle` appears after byte `from` of the output; the
    /// position just after it.
    fn wait_for(&self, needle: &str, from: usize) -> usize {
        let deadline = Instant::now() + WAIT;
        loop {
            let out = self.output();
            if let Some(at) = find(&out[from.min(out.len())..], needle.as_bytes()) {
                return from + at + needle.len();
            }
            assert!(
                Instant::now() < deadline,
                "{needle:?} never came; the output ended:\n{:?}",
                String::from_utf8_lossy(&out[out.len().saturating_sub(1500)..])
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, bytes: &str) {
        self.master.write_all(bytes.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    fn signal(&self, signal: Signal) {
        kill(Pid::from_raw(self.child.id() as i32), signal).unwrap();
    }

    fn wait(&mut self) -> ExitStatus {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the program did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the terminal is in its ordinary, line-by-line mode: what a
    /// shell needs after the program is gone.
    fn cooked(&self) -> bool {
        let modes = tcgetattr(self.master.as_fd()).unwrap().local_flags;
        modes.contains(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG)
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start `program` in a new 80×24 pseudo-terminal that is its controlling
/// terminal, as a login shell's would be; the terminal's master side.
fn start(program: &str, args: &[&str]) -> (Child, std::fs::File) {
    let size = Winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pty = pty(&size);
    let slave: OwnedFd = pty.slave;
    let stdio = || Stdio::from(slave.try_clone().expect("dup"));
    let mut command = Command::new(program);
    command
        .args(args)
        .env("TERM", "xterm-256color")
        .env("PS1", "$ ")
        .env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(stdio())
        .stdout(stdio())
        .stderr(stdio());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = command.spawn().expect("the program starts");
    drop(command);
    drop(slave);
    (child, std::fs::File::from(pty.master))
}

/// A pseudo-terminal whose descriptors are not inherited by the programs
/// other tests start at the same time (which would keep it open).
fn pty(size: &Winsize) -> nix::pty::OpenptyResult {
    let pty = openpty(Some(size), None).expect("a pseudo-terminal");
    for fd in [pty.master.as_raw_fd(), pty.slave.as_raw_fd()] {
        // SAFETY: setting a flag on descriptors this function owns.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    pty
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

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
    let (mut child, mut master) = start(env!("CARGO_BIN_EXE_waltz"), &[]);
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
    let drawn = pty.wait_for("Timeline", 0);
    let size = Winsize {
        ws_row: 40,
        ws_col: 120,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ on a descriptor this test owns, with a valid size.
    unsafe { libc::ioctl(pty.master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
    // The status bar moves to row 40.
    pty.wait_for("\x1b[40;", drawn);
    pty.send("q");
    assert!(pty.wait().success());
}
