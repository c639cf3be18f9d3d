//! The `waltz` binary: parse the command line, then run a subcommand or the
//! explorer.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use waltz::app::{App, Options};
use waltz::cli::{Cli, Command};
use waltz::commands;
use waltz::index::Case;
use waltz::theme::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data = cli.data.as_deref();
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    let status = match &cli.command {
        Some(Command::Check { path }) => {
            commands::check(path.as_deref().or(data), &mut out, &mut err)
        }
        Some(Command::Export { format }) => commands::export(data, *format, &mut out, &mut err),
        Some(Command::Search { limit, query }) => {
            commands::search(data, &query.join(" "), *limit, &mut out, &mut err)
        }
        None => {
            drop(out);
            explore(&cli, &mut err)
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

/// Load the dataset and open the explorer on it.
fn explore(cli: &Cli, err: &mut dyn Write) -> io::Result<u8> {
    let loaded = match commands::load(cli.data.as_deref()) {
        Ok(loaded) => loaded,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(commands::FAILED);
        }
    };
    let theme = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        Theme::monochrome()
    } else {
        Theme::dark()
    };
    let options = Options {
        theme,
        mouse: cli.mouse,
        warnings: loaded.warnings.len(),
        ..Options::default()
    };
    let app = App::new(Case::new(loaded.dataset), options);
    waltz::terminal::run(app)?;
    Ok(commands::OK)
}
