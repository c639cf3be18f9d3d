//! The command line: its arguments, and the subcommands that work without
//! a terminal user interface.

pub mod args;
pub mod commands;
pub mod explore;
pub mod export;
pub mod new;
pub mod serve;
pub mod shell;

use std::io::{self, Write};
use std::process::ExitCode;

use args::{Cli, Command};

/// Run what the command line asks for and say how it went.
pub fn run(cli: Cli) -> ExitCode {
    let data = cli.data.as_deref();
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    let status = match &cli.command {
        Some(_) if cli.watch => {
            let _ = writeln!(
                err,
                "error: --watch goes with the explorer (waltz --data FILE --watch) or with check (waltz check --watch FILE)"
            );
            Ok(commands::USAGE)
        }
        Some(Command::Check { path: Some(_), .. }) if data.is_some() => {
            let _ = writeln!(
                err,
                "error: give the dataset to check either as PATH or with --data, not both"
            );
            Ok(commands::USAGE)
        }
        Some(Command::Check { path, watch: true }) => match path.as_deref().or(data) {
            Some(path) => commands::check_watching(path, &mut out, &mut err),
            None => {
                let _ = writeln!(
                    err,
                    "error: --watch needs a file to watch: waltz check --watch PATH"
                );
                Ok(commands::USAGE)
            }
        },
        Some(Command::Check { path, .. }) => {
            commands::check(path.as_deref().or(data), &mut out, &mut err)
        }
        Some(Command::New { path }) => new::new(path, &mut out, &mut err),
        Some(Command::Completions { shell }) => shell::completions(*shell, &mut out),
        Some(Command::Man) => shell::man(&mut out),
        Some(Command::Serve(args)) => {
            // The server's log lines come from many threads.
            drop(out);
            serve::serve(data, args, &mut err)
        }
        Some(Command::Export { format }) => commands::export(data, *format, &mut out, &mut err),
        Some(Command::Search { limit, query }) => {
            commands::search(data, &query.join(" "), *limit, &mut out, &mut err)
        }
        None => {
            drop(out);
            explore::explore(&cli, &mut err)
        }
    };
    match status {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`waltz export … | head`) is not worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "waltz: {e}");
            ExitCode::from(commands::FAILED)
        }
    }
}
