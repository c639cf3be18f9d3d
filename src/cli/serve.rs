//! `waltz serve` from the command line: load the case, the keys and the
//! limits, open the port, say what a teacher needs to know, and serve until
//! Ctrl-C or SIGTERM.

use std::io::{self, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use super::args::ServeArgs;
use super::commands::{self, FAILED, OK, USAGE};
use crate::case::index::Case;
use crate::front::serve::host_key::{self, HostKey};
use crate::front::serve::teachers::Teachers;
use crate::front::serve::{Server, Settings};

/// Run the server; the exit status.
pub fn serve(data: Option<&Path>, args: &ServeArgs, err: &mut dyn Write) -> io::Result<u8> {
    let loaded = match commands::load(data) {
        Ok(loaded) => loaded,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(FAILED);
        }
    };
    let teachers = match &args.teacher_keys {
        Some(path) => match Teachers::read(path) {
            Ok(t) => t,
            Err(e) => {
                writeln!(err, "waltz serve: {e}")?;
                return Ok(USAGE);
            }
        },
        None => Teachers::default(),
    };
    let Some(key_path) = args.host_key.clone().or_else(host_key::default_path) else {
        writeln!(
            err,
            "waltz serve: no place for the host key: give --host-key PATH (neither XDG_DATA_HOME nor HOME is set)"
        )?;
        return Ok(USAGE);
    };
    let key = match host_key::load_or_create(&key_path) {
        Ok(key) => key,
        Err(e) => {
            writeln!(err, "waltz serve: {e}")?;
            return Ok(FAILED);
        }
    };
    let settings = Settings {
        listen: args.listen.clone(),
        teachers,
        code: args.code.clone().filter(|c| !c.is_empty()),
        max_sessions: args.max_sessions as usize,
        idle: args.idle,
        seed: args.seed.unwrap_or_else(crate::case::rng::clock_seed),
        results: args.results.clone(),
        fault_user: args.fault_user.clone(),
    };
    let case = Arc::new(Case::new(loaded.dataset));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("waltz-serve")
        .build()?;
    runtime.block_on(async {
        let banner = Banner {
            case: &case,
            key: &key,
            key_path: &key_path,
            settings: &settings,
        };
        let server = match Server::bind(Arc::clone(&case), settings.clone(), key.key.clone()).await
        {
            Ok(server) => server,
            Err(e) => {
                writeln!(err, "waltz serve: cannot listen on {}: {e}", args.listen)?;
                return Ok(USAGE);
            }
        };
        banner.print(server.local_addr()?)?;
        server.run(stop_signal()).await;
        crate::front::serve::log("waltz serve: the class has ended");
        Ok(OK)
    })
}

/// Resolves on Ctrl-C or SIGTERM.
async fn stop_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        return std::future::pending().await;
    };
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
}

/// What the teacher reads when the server starts.
struct Banner<'a> {
    case: &'a Case,
    key: &'a HostKey,
    key_path: &'a Path,
    settings: &'a Settings,
}

impl Banner<'_> {
    fn print(&self, addr: SocketAddr) -> io::Result<()> {
        let mut out = io::stdout().lock();
        let s = self.settings;
        let title = crate::case::sanitize::line(&self.case.data.title).into_owned();
        writeln!(out, "waltz serve: {title}")?;
        writeln!(out, "  listening   {addr}")?;
        let made = if self.key.created { "made now" } else { "kept" };
        writeln!(
            out,
            "  host key    {} (ed25519, {made} at {})",
            self.key.fingerprint(),
            self.key_path.display()
        )?;
        let host = if addr.ip().is_unspecified() {
            "THIS-MACHINE".to_owned()
        } else if addr.is_ipv6() {
            format!("[{}]", addr.ip())
        } else {
            addr.ip().to_string()
        };
        let port = if addr.port() == 22 {
            String::new()
        } else {
            format!("-p {} ", addr.port())
        };
        writeln!(out, "  students    ssh {port}NAME@{host}")?;
        if addr.ip().is_unspecified() {
            writeln!(
                out,
                "              (THIS-MACHINE: this machine's address on the room's network)"
            )?;
        }
        match &s.code {
            Some(_) => writeln!(
                out,
                "              any NAME; the class code at the password prompt"
            )?,
            None => writeln!(out, "              any NAME, no password")?,
        }
        if s.teachers.any() {
            writeln!(
                out,
                "  teacher     whoever holds one of the {} key(s) given by --teacher-keys",
                s.teachers.len()
            )?;
        } else {
            writeln!(
                out,
                "  teacher     none: start with --teacher-keys FILE (an authorized_keys file) for a teacher role"
            )?;
        }
        writeln!(
            out,
            "  limits      {} sessions at once, closed after {} without input",
            s.max_sessions,
            humantime::format_duration(s.idle)
        )?;
        writeln!(
            out,
            "Students check the fingerprint when ssh asks. Ctrl-C ends the class."
        )?;
        out.flush()
    }
}
