//! The `waltz` binary: parse the command line and dispatch.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use waltz::cli::{Cli, Command};
use waltz::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    let data = cli.data.as_deref();
    let status = match cli.command {
        Some(Command::Check { path }) => {
            commands::check(path.as_deref().or(data), &mut out, &mut err)
        }
        Some(Command::Export { format }) => commands::export(data, format, &mut out, &mut err),
        None => commands::check(data, &mut out, &mut err),
    };
    let _ = out.flush();
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
