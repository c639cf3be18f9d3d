//! `waltz serve` with the client people use: each test starts the server on
//! a free loopback port with a key of its own, and connects with OpenSSH's
//! `ssh` in a pseudo-terminal, reading the screen through a terminal
//! emulator. The OpenSSH client must be installed (`.ci/run` installs it);
//! without it these tests fail, they do not skip.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

use crate::term::{Pty, WAIT};

/// Config files written for `ssh`, numbered so that each is its own.
static CONFIGS: AtomicUsize = AtomicUsize::new(0);

/// A running `waltz serve` and what it has logged.
pub(crate) struct Server {
    pub(crate) child: Child,
    pub(crate) port: u16,
    pub(crate) dir: PathBuf,
    log: Arc<Mutex<String>>,
}

impl Server {
    pub(crate) fn start(args: &[&str]) -> Server {
        let dir = scratch();
        let key = dir.join("host_key");
        let mut child = Command::new(env!("CARGO_BIN_EXE_waltz"))
            .args(["serve", "--listen", "127.0.0.1:0", "--host-key"])
            .arg(&key)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("waltz serve starts");
        let log = Arc::new(Mutex::new(String::new()));
        let (port_tx, port_rx) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(addr) = line.trim().strip_prefix("listening") {
                    let port = addr.trim().rsplit(':').next().unwrap().parse::<u16>();
                    let _ = port_tx.send(port.unwrap());
                }
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let port = port_rx.recv_timeout(WAIT).unwrap_or_else(|_| {
            let mut err = String::new();
            let _ = child.stderr.take().unwrap().read_to_string(&mut err);
            panic!("the server did not start: {err}")
        });
        let server = Server {
            child,
            port,
            dir,
            log,
        };
        server.wait_log("Ctrl-C ends the class.");
        server
    }

    pub(crate) fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    pub(crate) fn wait_log(&self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let log = self.log();
            if log.contains(needle) {
                return log;
            }
            assert!(Instant::now() < deadline, "{needle:?} never logged:\n{log}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// A student (or the holder of `key`) connecting with `ssh` in a
    /// terminal of `columns`×`rows`.
    pub(crate) fn ssh(&self, name: &str, extra: &[&str], columns: u16, rows: u16) -> Pty {
        // The name is given in a config file: OpenSSH refuses control
        // characters in a name on its command line, which a student with
        // a hostile client can still send.
        let config = self
            .dir
            .join(format!("ssh_config-{}", CONFIGS.fetch_add(1, SeqCst)));
        let host = format!(
            "Host waltz\n  HostName 127.0.0.1\n  Port {}\n  User \"{name}\"\n",
            self.port
        );
        std::fs::write(&config, host).expect("an ssh config");
        let config = config.to_str().expect("a UTF-8 path").to_owned();
        let mut args = vec![
            "-tt",
            "-F",
            &config,
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
        ];
        if !extra.iter().any(|a| a.starts_with("IdentityFile")) {
            args.extend(["-o", "PubkeyAuthentication=no"]);
        }
        args.extend(extra);
        args.push("waltz");
        Pty::sized("ssh", &args, &[], columns, rows)
    }

    pub(crate) fn student(&self, name: &str) -> Pty {
        let pty = self.ssh(name, &[], 80, 24);
        pty.wait_screen("Timeline");
        pty
    }

    /// Run `ssh` to completion without a terminal; (status, stderr).
    fn ssh_command(&self, extra: &[&str]) -> (Option<i32>, String) {
        let out = Command::new("ssh")
            .args(["-F", "/dev/null", "-p", &self.port.to_string()])
            .args([
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                "UserKnownHostsFile=/dev/null",
            ])
            .args(["-o", "LogLevel=ERROR", "-o", "PubkeyAuthentication=no"])
            .args(["-o", "BatchMode=yes", "-o", "ConnectTimeout=10"])
            .args(extra)
            .stdin(Stdio::null())
            .output()
            .expect("ssh runs (is the OpenSSH client installed?)");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn signal(&self, signal: Signal) {
        kill(Pid::from_raw(self.child.id() as i32), signal).unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A fresh folder for one test.
pub(crate) fn scratch() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "waltz-serve-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A new Ed25519 key pair made by `ssh-keygen`; the private key's path.
pub(crate) fn keypair(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .status()
        .expect("ssh-keygen runs");
    assert!(status.success());
    path
}

#[test]
fn a_student_gets_the_explorer_and_the_teacher_is_told_what_to_say() {
    let server = Server::start(&[]);
    let log = server.log();
    assert!(log.contains("host key    SHA256:"), "{log}");
    assert!(
        log.contains(&format!("ssh -p {} NAME@127.0.0.1", server.port)),
        "{log}"
    );
    assert!(log.contains("teacher     none"), "{log}");
    let mut alice = server.student("alice");
    let screen = alice.screen();
    assert!(
        screen.contains("Individual") && screen.contains("Systemic"),
        "{screen}"
    );
    assert!(alice.row(23).contains("event 1 of 32"), "{screen}");
    server.wait_log("+ alice (student) from 127.0.0.1");
    // q leaves, and ssh's terminal is given back as the local explorer does.
    alice.send("q");
    assert_eq!(alice.wait().code(), Some(0));
    alice.wait_for("\x1b[?1049l", 0);
    server.wait_log("- alice (student): quit");
}

#[test]
fn two_students_explore_on_their_own() {
    let server = Server::start(&[]);
    let mut alice = server.student("alice");
    let bob = server.student("bob");
    alice.send("jj");
    alice.until("alice moves", |p| p.row(23).contains("event 3 of 32"));
    std::thread::sleep(Duration::from_millis(200));
    assert!(bob.row(23).contains("event 1 of 32"), "{}", bob.screen());
    // A student's name is cleaned before the teacher's log shows it.
    let _mallory = server.ssh("mal\u{1b}[31mlory\u{202e}", &[], 80, 24);
    let log = server.wait_log("+ mal");
    assert!(
        !log.contains('\u{1b}') && !log.contains('\u{202e}'),
        "{log:?}"
    );
}

#[test]
fn a_resized_terminal_is_redrawn_at_its_new_size() {
    let server = Server::start(&[]);
    let mut alice = server.student("alice");
    alice.resize(120, 40);
    alice.until("the redraw at 120×40", |p| p.row(39).contains("q quit"));
    // A huge terminal is drawn at the largest size the server draws.
    alice.resize(1000, 300);
    alice.until("the redraw at 400×200", |p| p.row(199).contains("q quit"));
    assert!(!alice.row(200).contains("q quit"));
}

#[test]
fn the_class_code_is_asked_for_and_checked() {
    let server = Server::start(&["--code", "tulip"]);
    assert!(
        server
            .log()
            .contains("the class code at the password prompt")
    );
    let mut bob = server.ssh("bob", &[], 80, 24);
    bob.wait_screen("class code:");
    bob.send("rose\r");
    // A wrong code is asked again, after a pause.
    bob.until("a second prompt", |p| {
        p.screen().matches("class code:").count() >= 2
    });
    assert!(!bob.screen().contains("Timeline"));
    bob.send("tulip\r");
    bob.wait_screen("Timeline");
}

#[test]
fn a_teachers_key_makes_the_teacher_and_any_other_key_a_student() {
    let dir = scratch();
    let teacher = keypair(&dir, "teacher");
    let other = keypair(&dir, "other");
    let keys = dir.join("authorized_keys");
    std::fs::copy(teacher.with_extension("pub"), &keys).unwrap();
    let server = Server::start(&["--teacher-keys", keys.to_str().unwrap()]);
    assert!(
        server
            .log()
            .contains("teacher     whoever holds one of the 1 key(s)")
    );
    let id = |p: &Path| format!("IdentityFile={}", p.display());
    let only = "IdentitiesOnly=yes";
    let t = id(&teacher);
    let o = id(&other);
    // Calling yourself "teacher" does not make you one.
    let _s = server.ssh("teacher", &["-o", only, "-o", &o], 80, 24);
    server.wait_log("+ teacher (student)");
    let _t = server.ssh("prof", &["-o", only, "-o", &t], 80, 24);
    server.wait_log("+ prof (teacher)");
    // And a student with no key at all still gets in.
    let _n = server.student("nokey");
    server.wait_log("+ nokey (student)");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn commands_files_and_forwarding_are_refused() {
    let server = Server::start(&[]);
    let target = "eve@127.0.0.1";
    let (code, err) = server.ssh_command(&[target, "cat", "/etc/passwd"]);
    assert_eq!(code, Some(255), "{err}");
    assert!(err.contains("exec request failed"), "{err}");
    let (code, err) = server.ssh_command(&["-s", target, "sftp"]);
    assert_eq!(code, Some(255), "{err}");
    assert!(err.contains("subsystem request failed"), "{err}");
    // -W is a local forward to one address: refused by the server.
    let (code, err) = server.ssh_command(&["-W", "127.0.0.1:22", target]);
    assert_eq!(code, Some(255), "{err}");
    assert!(
        err.contains("administratively prohibited") || err.contains("stdio forwarding failed"),
        "{err}"
    );
    let (code, err) = server.ssh_command(&[
        "-N",
        "-o",
        "ExitOnForwardFailure=yes",
        "-R",
        "0:127.0.0.1:22",
        target,
    ]);
    assert_eq!(code, Some(255), "{err}");
    assert!(err.contains("forwarding failed"), "{err}");
    // A shell without a terminal is told it needs one.
    let out = Command::new("ssh")
        .args(["-T", "-F", "/dev/null", "-p", &server.port.to_string()])
        .args([
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
        ])
        .args([
            "-o",
            "LogLevel=ERROR",
            "-o",
            "PubkeyAuthentication=no",
            target,
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("waltz needs a terminal"), "{said}");
    assert_eq!(out.status.code(), Some(1));
    // Nothing ran: no session was ever opened.
    assert!(!server.log().contains("+ eve"), "{}", server.log());
}

#[test]
fn a_full_class_says_so_and_a_killed_client_frees_its_place() {
    let server = Server::start(&["--max-sessions", "1"]);
    let alice = server.student("alice");
    let mut bob = server.ssh("bob", &[], 80, 24);
    bob.wait_screen("the class is full (1)");
    assert_eq!(bob.wait().code(), Some(1));
    // kill -9 on alice's ssh: her place comes free.
    alice.signal(Signal::SIGKILL);
    server.wait_log("- alice (student): connection dropped");
    let _carol = server.student("carol");
}

#[test]
fn an_idle_session_is_told_and_closed() {
    let server = Server::start(&["--idle", "2s"]);
    assert!(server.log().contains("closed after 2s without input"));
    let mut alice = server.student("alice");
    alice.wait_screen("no input for a while");
    assert_eq!(alice.wait().code(), Some(1));
    server.wait_log("- alice (student): idle");
}

#[test]
fn garbage_on_the_port_never_keeps_a_student_out() {
    let server = Server::start(&[]);
    let addr = format!("127.0.0.1:{}", server.port);
    // Half handshakes that then sit silent, held open.
    let mut held = Vec::new();
    for i in 0..30u8 {
        let mut s = TcpStream::connect(&addr).unwrap();
        if i % 2 == 0 {
            let _ = s.write_all(b"SSH-2.0-half\r\n");
        }
        held.push(s);
    }
    // Random bytes, then gone.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..50 {
        let mut s = TcpStream::connect(&addr).unwrap();
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect();
        let _ = s.write_all(&bytes);
    }
    // A thousand connections opened and dropped.
    for _ in 0..1000 {
        drop(TcpStream::connect(&addr).unwrap());
    }
    // With those half handshakes still open, a real student gets in.
    let started = Instant::now();
    let _alice = server.student("alice");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    drop(held);
}

#[test]
fn a_connection_that_never_logs_in_is_dropped_after_the_grace_time() {
    let server = Server::start(&[]);
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.write_all(b"SSH-2.0-slow\r\n").unwrap();
    s.set_read_timeout(Some(Duration::from_secs(25))).unwrap();
    let started = Instant::now();
    let mut buf = [0u8; 4096];
    // The server's greeting and key exchange, then the end of the line.
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
    }
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(9) && waited < Duration::from_secs(20),
        "{waited:?}"
    );
}

#[test]
fn a_fault_in_one_session_ends_that_session_only() {
    let server = Server::start(&["--fault-user", "mallory"]);
    let mut alice = server.student("alice");
    let mut mallory = server.student("mallory");
    mallory.send("j");
    mallory.wait_screen("internal error");
    assert_eq!(mallory.wait().code(), Some(1));
    server.wait_log("! mallory: the session stopped on an internal error");
    alice.send("j");
    alice.wait_screen("exploring on your own");
    alice.send("j");
    alice.until("alice still moves", |p| p.row(23).contains("event 3 of 32"));
}

#[test]
fn sigterm_ends_the_class_cleanly_for_everyone() {
    let mut server = Server::start(&[]);
    let mut alice = server.student("alice");
    let mut bob = server.student("bob");
    server.signal(Signal::SIGTERM);
    let started = Instant::now();
    for student in [&mut alice, &mut bob] {
        student.wait_screen("the class has ended");
        student.wait_for("\x1b[?1049l", 0);
        assert!(student.wait_within(WAIT).is_some());
    }
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the server kept running"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn colour_and_unicode_follow_what_the_client_says() {
    let server = Server::start(&[]);
    let plain = server.ssh("nc", &["-o", "SetEnv=NO_COLOR=1 LANG=C"], 80, 24);
    let screen = plain.wait_screen("Timeline");
    // ASCII borders under a non-UTF-8 locale, no colour under NO_COLOR.
    assert!(
        screen.contains("+ Timeline") || screen.contains("+ Timeline"),
        "{screen}"
    );
    assert!(!screen.contains('┏') && !screen.contains('│'), "{screen}");
    let out = String::from_utf8_lossy(&plain.output()).into_owned();
    assert!(!out.contains("\x1b[38;5;"), "colour was sent");
    let coloured = server.student("c");
    let out = String::from_utf8_lossy(&coloured.output()).into_owned();
    assert!(out.contains("\x1b[38;5;"), "no colour was sent");
}

#[test]
fn keys_work_as_they_do_locally_and_a_flood_costs_only_its_sender() {
    let server = Server::start(&[]);
    let mut alice = server.student("alice");
    let mut bob = server.student("bob");
    // Arrows, Esc alone, a bracketed paste into the finder.
    alice.send("\x1b[B\x1b[B");
    alice.until("the down arrow", |p| p.row(23).contains("event 3 of 32"));
    alice.send("/");
    alice.wait_screen("!not");
    alice.send("\x1b[200~kayani\x1b[201~");
    alice.wait_screen("Kayani visits Moscow");
    alice.send("\x1b");
    alice.until("Esc closes the finder", |p| !p.screen().contains("!not"));
    // Megabytes of paste and a storm of resizes from alice…
    alice.send("/");
    alice.wait_screen("!not");
    let big = format!("\x1b[200~{}\x1b[201~", "x".repeat(2 << 20));
    let writer = {
        let mut master = alice.master.try_clone().unwrap();
        std::thread::spawn(move || master.write_all(big.as_bytes()))
    };
    for i in 0..200u16 {
        alice.resize(60 + i % 100, 20 + i % 30);
    }
    // …while bob works on as before.
    bob.send("jjj");
    bob.until("bob moves", |p| p.row(23).contains("event 4 of 32"));
    writer.join().unwrap().unwrap();
    alice.resize(80, 24);
    alice.send("\x1b");
    alice.until("Esc closes the finder", |p| {
        !p.screen().contains("Find") && p.row(23).contains("event 3 of 32")
    });
    alice.send("j");
    alice.until("alice is still served", |p| {
        p.row(23).contains("event 4 of 32")
    });
}
