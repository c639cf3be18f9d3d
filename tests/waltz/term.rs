//! A program in a pseudo-terminal, as a person runs it: what it writes is
//! kept as bytes and drawn by a terminal emulator (vt100), so tests can
//! read the screen a person would see, type, resize and send signals.
//!
//! Timeouts here only guard against a hang; nothing asserts on speed.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::pty::{Winsize, openpty};
use nix::sys::signal::{Signal, kill};
use nix::sys::termios::{LocalFlags, tcgetattr};
use nix::unistd::Pid;

/// How long a test waits for something to appear before it fails.
pub const WAIT: Duration = Duration::from_secs(20);

/// What the program wrote, as bytes and as a screen.
struct Seen {
    bytes: Vec<u8>,
    screen: vt100::Parser,
}

/// A program running in a pseudo-terminal.
pub struct Pty {
    pub master: std::fs::File,
    pub child: Child,
    seen: Arc<Mutex<Seen>>,
}

fn size(columns: u16, rows: u16) -> (NonZeroU16, NonZeroU16) {
    (
        NonZeroU16::new(rows).expect("rows"),
        NonZeroU16::new(columns).expect("columns"),
    )
}

impl Pty {
    /// `program` with `args` in an 80×24 terminal.
    pub fn spawn(program: &str, args: &[&str]) -> Pty {
        Pty::sized(program, args, &[], 80, 24)
    }

    /// `program` with `args` and extra environment in a terminal of
    /// `columns`×`rows`.
    pub fn sized(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        columns: u16,
        rows: u16,
    ) -> Pty {
        let (child, master) = start(program, args, env, columns, rows);
        let (r, c) = size(columns, rows);
        let seen = Arc::new(Mutex::new(Seen {
            bytes: Vec::new(),
            screen: vt100::Parser::new(r, c, 0),
        }));
        let mut reader = master.try_clone().expect("dup");
        let sink = Arc::clone(&seen);
        std::thread::spawn(move || {
            let mut piece = [0u8; 4096];
            while let Ok(n) = reader.read(&mut piece) {
                if n == 0 {
                    break;
                }
                let mut seen = sink.lock().unwrap();
                seen.bytes.extend_from_slice(&piece[..n]);
                seen.screen.process(&piece[..n]);
            }
        });
        Pty {
            master,
            child,
            seen,
        }
    }

    /// The waltz binary with `args` in an 80×24 terminal.
    pub fn waltz(args: &[&str]) -> Pty {
        Pty::spawn(env!("CARGO_BIN_EXE_waltz"), args)
    }

    /// Everything written to the terminal so far.
    pub fn output(&self) -> Vec<u8> {
        self.seen.lock().unwrap().bytes.clone()
    }

    /// The screen as a person sees it now, one line per row.
    pub fn screen(&self) -> String {
        self.seen.lock().unwrap().screen.screen().contents()
    }

    /// The screen's row `row`.
    pub fn row(&self, row: u16) -> String {
        let seen = self.seen.lock().unwrap();
        let (_, columns) = seen.screen.screen().size();
        seen.screen
            .screen()
            .rows(0, columns.get())
            .nth(usize::from(row))
            .unwrap_or_default()
    }

    /// Wait until the screen shows `needle`; the screen then.
    pub fn wait_screen(&self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "{needle:?} never showed; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until `done` holds of this terminal; the screen is shown if
    /// it never does.
    pub fn until(&self, what: &str, done: impl Fn(&Pty) -> bool) {
        let deadline = Instant::now() + WAIT;
        while !done(self) {
            assert!(
                Instant::now() < deadline,
                "{what} never happened; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until `needle` appears after byte `from` of the output; the
    /// position just after it.
    pub fn wait_for(&self, needle: &str, from: usize) -> usize {
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

    /// Type `bytes`.
    pub fn send(&mut self, bytes: &str) {
        self.master.write_all(bytes.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    /// Resize the terminal, as a person dragging the window would.
    pub fn resize(&mut self, columns: u16, rows: u16) {
        let (r, c) = size(columns, rows);
        self.seen.lock().unwrap().screen.set_size(r, c);
        let size = Winsize {
            ws_row: rows,
            ws_col: columns,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: TIOCSWINSZ on a descriptor this harness owns, with a valid
        // size; the kernel tells the program with SIGWINCH.
        unsafe { libc::ioctl(self.master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
    }

    pub fn signal(&self, signal: Signal) {
        kill(Pid::from_raw(self.child.id() as i32), signal).unwrap();
    }

    /// Wait for the program to exit.
    pub fn wait(&mut self) -> ExitStatus {
        self.wait_within(WAIT).expect("the program did not exit")
    }

    /// The exit status, if the program exits within `time`.
    pub fn wait_within(&mut self, time: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + time;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the terminal is in its ordinary, line-by-line mode: what a
    /// shell needs after the program is gone.
    pub fn cooked(&self) -> bool {
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

/// Start `program` in a new pseudo-terminal that is its controlling
/// terminal, as a login shell's would be; the terminal's master side.
pub fn start(
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
    columns: u16,
    rows: u16,
) -> (Child, std::fs::File) {
    let size = Winsize {
        ws_row: rows,
        ws_col: columns,
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
        .envs(env.iter().copied())
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

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
