//! `waltz serve`: the explorer over SSH. Every connection gets an explorer
//! of its own, drawn at its own terminal's size through the same view the
//! local terminal uses; the case is loaded once and shared read-only.
//!
//! The pieces: [`host_key`] (the server's identity), [`teachers`] (who is
//! the teacher), [`connection`] (one SSH connection: who it is, what it
//! may ask for), [`session`] (one explorer on one channel). This file holds
//! what they share, the limits, and the listening loop.
//!
//! Limits, each chosen to match what OpenSSH's sshd does by default where
//! it has one: [`LOGIN_GRACE`] to authenticate, [`gate::MAX_STARTUPS`]
//! handshakes at once, `--max-sessions` explorers, `--idle` without input.

pub mod connection;
pub mod gate;
pub mod host_key;
pub mod session;
#[cfg(feature = "load")]
pub mod student;
pub mod teachers;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::case::class::{Class, Member};
use crate::case::index::Case;
use teachers::Teachers;

/// Time a connection has to authenticate (sshd's `LoginGraceTime` is 120 s;
/// a class needs far less, and a flood of idle sockets costs less).
pub const LOGIN_GRACE: Duration = Duration::from_secs(10);
/// The largest terminal a session draws: a bigger one is drawn at this size.
pub const MAX_COLUMNS: u16 = 400;
/// See [`MAX_COLUMNS`].
pub const MAX_ROWS: u16 = 200;
/// How long the server waits for sessions to say goodbye when it stops.
pub const GOODBYE: Duration = Duration::from_millis(1500);

/// What the teacher chose on the command line.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where to listen.
    pub listen: String,
    /// The teacher's keys (none: no teacher role).
    pub teachers: Teachers,
    /// The class code students type, if any.
    pub code: Option<String>,
    /// Explorers at once.
    pub max_sessions: usize,
    /// A session without input for this long is closed.
    pub idle: Duration,
    /// The quiz's seed, the same for the whole class.
    pub seed: u64,
    /// Where the live quiz's results are written, after each reveal.
    pub results: Option<std::path::PathBuf>,
    /// A test aid: a session of this user name panics on its first input,
    /// to show that one session's fault ends that session only.
    pub fault_user: Option<String>,
}

/// What every connection shares.
#[derive(Debug)]
pub struct Shared {
    /// The case, loaded once.
    pub case: Arc<Case>,
    /// The teacher's choices.
    pub settings: Settings,
    /// Explorers running now.
    sessions: AtomicUsize,
    /// Members are numbered as they come.
    members: AtomicU64,
    /// The class: its one owner. Sessions change it through this sender
    /// (one change at a time) and read it through receivers.
    pub class: watch::Sender<Class>,
    /// Set when the server stops: every session says goodbye.
    stopping: watch::Sender<bool>,
}

impl Shared {
    /// Take a place in the class, if there is one.
    pub fn join(self: &Arc<Self>) -> Option<Seat> {
        let max = self.settings.max_sessions;
        self.sessions
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < max).then_some(n + 1)
            })
            .ok()
            .map(|_| Seat(Arc::clone(self)))
    }

    /// A new member's number.
    pub fn member(&self) -> Member {
        self.members.fetch_add(1, Ordering::SeqCst)
    }

    /// Explorers running now.
    pub fn connected(&self) -> usize {
        self.sessions.load(Ordering::SeqCst)
    }

    /// A receiver that turns true when the server stops.
    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stopping.subscribe()
    }
}

/// A place in the class, given back when dropped.
#[derive(Debug)]
pub struct Seat(Arc<Shared>);

impl Drop for Seat {
    fn drop(&mut self) {
        self.0.sessions.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A server ready to run: the listener bound, the key read.
pub struct Server {
    listener: TcpListener,
    config: Arc<russh::server::Config>,
    shared: Arc<Shared>,
}

impl Server {
    /// Bind the address and prepare the SSH configuration with `key`.
    pub async fn bind(
        case: Arc<Case>,
        settings: Settings,
        key: russh::keys::PrivateKey,
    ) -> std::io::Result<Server> {
        let listener = TcpListener::bind(&settings.listen).await?;
        let config = russh::server::Config {
            keys: vec![key],
            // Wrong class codes are slowed down by the handler itself;
            // other refusals (a student's own keys, tried one by one
            // before the code) should cost nothing.
            auth_rejection_time: Duration::from_millis(10),
            auth_rejection_time_initial: Some(Duration::ZERO),
            // Clients that vanish without closing are found by keepalives.
            keepalive_interval: Some(Duration::from_secs(30)),
            keepalive_max: 3,
            inactivity_timeout: None,
            nodelay: true,
            ..Default::default()
        };
        let (stopping, _) = watch::channel(false);
        Ok(Server {
            listener,
            config: Arc::new(config),
            shared: Arc::new(Shared {
                case,
                settings,
                sessions: AtomicUsize::new(0),
                members: AtomicU64::new(1),
                class: watch::channel(Class::default()).0,
                stopping,
            }),
        })
    }

    /// The address actually listened on (a port of 0 is chosen here).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Accept connections until `stop` resolves, then tell every session
    /// the class has ended and give them [`GOODBYE`] to leave.
    pub async fn run(self, stop: impl std::future::Future<Output = ()>) {
        let gate = Arc::new(gate::Gate::default());
        if let Some(path) = self.shared.settings.results.clone() {
            tokio::spawn(keep_results(Arc::clone(&self.shared), path));
        }
        tokio::pin!(stop);
        loop {
            tokio::select! {
                _ = &mut stop => break,
                accepted = self.listener.accept() => {
                    let (socket, peer) = match accepted {
                        Ok(pair) => pair,
                        Err(e) => {
                            // Out of descriptors, or the peer gave up: wait
                            // a moment rather than spin.
                            log(&format!("accept failed: {e}"));
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            continue;
                        }
                    };
                    let shared = Arc::clone(&self.shared);
                    let config = Arc::clone(&self.config);
                    let gate = Arc::clone(&gate);
                    tokio::spawn(connection::serve(socket, peer, shared, config, gate));
                }
            }
        }
        self.shared.stopping.send_replace(true);
        let deadline = tokio::time::Instant::now() + GOODBYE;
        while self.shared.connected() > 0 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Write the quiz's results to `path` each time a question is revealed.
async fn keep_results(shared: Arc<Shared>, path: std::path::PathBuf) {
    let mut class = shared.class.subscribe();
    let mut written = 0;
    while class.changed().await.is_ok() {
        let (count, text) = {
            let c = class.borrow_and_update();
            (
                c.results.len(),
                c.results_markdown(&shared.case, shared.settings.seed),
            )
        };
        if count == written {
            continue;
        }
        written = count;
        let path = path.clone();
        let done = tokio::task::spawn_blocking(move || {
            crate::fs::write_atomic(&path, text.as_bytes(), 0o644).map(|()| path)
        })
        .await;
        match done {
            Ok(Ok(path)) => log(&format!(
                "quiz results ({count} question{}) written to {}",
                if count == 1 { "" } else { "s" },
                path.display()
            )),
            Ok(Err(e)) => log(&format!("cannot write the quiz results: {e}")),
            Err(_) => {}
        }
    }
}

/// Resolves when the server stops (or is gone).
pub async fn stopped(stopping: &mut watch::Receiver<bool>) {
    let _ = stopping.wait_for(|s| *s).await;
}

/// A line in the server's log (its standard output), for the teacher.
pub fn log(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}
