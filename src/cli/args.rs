//! The command line: the explorer's flags and the `check`, `search` and
//! `export` subcommands, which work without a terminal user interface.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// waltz: explore a case study in international relations by Kenneth
/// Waltz's three levels of analysis — individual, domestic, systemic.
///
/// Without a subcommand, opens the explorer on the embedded case study
/// (Pakistan–Russia relations, 1998–2023) or on the dataset given by --data.
#[derive(Debug, Parser)]
#[command(name = "waltz", version, about, long_about)]
pub struct Cli {
    /// What to do; the explorer when absent.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// A dataset file (RON) to use instead of the embedded one; `-` reads
    /// standard input.
    #[arg(long, value_name = "PATH", global = true)]
    pub data: Option<PathBuf>,

    /// Let the mouse select and scroll (off by default so the terminal's
    /// own copy and paste keep working).
    #[arg(long)]
    pub mouse: bool,

    /// Colours: dark, light, high-contrast or monochrome (NO_COLOR in the
    /// environment always means monochrome).
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(crate::config::theme::Theme::NAMES))]
    pub theme: Option<String>,

    /// Draw with plain ASCII only: no box drawing, no symbols beyond ASCII.
    #[arg(long)]
    pub ascii: bool,

    /// Start in presentation mode: large, high-contrast, for a projector.
    #[arg(long)]
    pub present: bool,

    /// Reload the case each time its file (--data) is saved, keeping the
    /// view where it was; a save that breaks the file shows its errors.
    #[arg(long)]
    pub watch: bool,

    /// Start in the guided tour with this id (see the dataset's tours).
    #[arg(long, value_name = "ID", value_parser = TourId)]
    pub tour: Option<String>,

    /// Seed for the quiz's order, so a class can share one.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// Let the quiz ask about the background events before the period too
    /// (by default it asks about the period only).
    #[arg(long)]
    pub quiz_all: bool,

    /// A settings file to use instead of $XDG_CONFIG_HOME/waltz/config.ron.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Panic after drawing the first frame: the test suite uses it to check
    /// that a crash still leaves the terminal usable.
    #[arg(long, hide = true)]
    pub crash_after_first_frame: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset and print a summary of it, or its problems.
    ///
    /// Exits 0 when the dataset is valid (warnings allowed), 1 when it is not.
    Check {
        /// The dataset to check (the embedded one when absent).
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
        /// Check again each time the file is saved (Ctrl-C stops).
        #[arg(long)]
        watch: bool,
    },
    /// Search the dataset as the finder does, printing one result per line,
    /// best first: kind, id, year (or -), title, separated by tabs.
    ///
    /// Exits 0 when something matched, 1 when nothing did, 2 on a usage or
    /// dataset error. The query takes fzf's forms: 'exact ^prefix suffix$ !not.
    Search {
        /// Print at most this many results.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// The query; several words are joined with spaces (put `--` before
        /// a query that starts with `-`).
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
    },
    /// Write a starter case study to PATH: every field of the schema once,
    /// with a comment saying what it is for; valid as it stands.
    ///
    /// Refuses to overwrite a file (exit 2).
    New {
        /// Where to write it, e.g. my-case.ron.
        #[arg(value_name = "PATH")]
        path: PathBuf,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish,
    /// powershell) to standard output.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output.
    Man,
    /// Serve the explorer over SSH: every student types one `ssh` line and
    /// is in, with nothing to install.
    ///
    /// Each connection gets an explorer of its own. Students log in with any
    /// name and no password (or the class code, with --code); the holder of
    /// a key in --teacher-keys is the teacher. Ctrl-C ends the class.
    Serve(ServeArgs),
    /// Write the dataset out: a Markdown handout (the default), an HTML
    /// handout page, a picture (SVG), or JSON for scripts.
    Export {
        /// The output format.
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
    },
}

/// `--tour`: any id (the case may be another file), with the embedded
/// case's tours offered for completion and help.
#[derive(Debug, Clone, Copy)]
pub struct TourId;

impl clap::builder::TypedValueParser for TourId {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let tours = crate::case::load::embedded().ok()?.dataset.tours;
        Some(Box::new(tours.into_iter().map(|t| {
            clap::builder::PossibleValue::new(t.id.to_string()).help(t.name.to_string())
        })))
    }
}

/// `waltz serve`'s options.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Where to listen; `0.0.0.0:2222` opens the class to the room's network.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:2222")]
    pub listen: String,
    /// The server's key (made on first start, kept after that) [default:
    /// $XDG_DATA_HOME/waltz/host_key].
    #[arg(long, value_name = "PATH")]
    pub host_key: Option<PathBuf>,
    /// An authorized_keys file: whoever holds one of its keys is the
    /// teacher. Without it there is no teacher role.
    #[arg(long, value_name = "PATH")]
    pub teacher_keys: Option<PathBuf>,
    /// A word students type at the password prompt to get in.
    #[arg(long, value_name = "WORD")]
    pub code: Option<String>,
    /// Explorers at once; the next student is told the class is full.
    #[arg(long, value_name = "N", default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub max_sessions: u32,
    /// Close a session after this long without input (e.g. 30m, 90s, 2h).
    #[arg(long, value_name = "DURATION", default_value = "30m", value_parser = parse_duration)]
    pub idle: std::time::Duration,
    /// Seed for the quiz's order, the same for the whole class.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Write the live quiz's results (per question: the tally and the
    /// right answer) to this Markdown file after each reveal.
    #[arg(long, value_name = "PATH")]
    pub results: Option<PathBuf>,
    /// A session of this user name panics on its first input: the test
    /// suite uses it to check that a fault ends that session only.
    #[arg(long, value_name = "NAME", hide = true)]
    pub fault_user: Option<String>,
}

/// A duration as people write it: `30m`, `90s`, `1h 30m`.
fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    let d = humantime::parse_duration(s).map_err(|e| format!("{e} (write e.g. 30m, 90s, 2h)"))?;
    if d.is_zero() {
        return Err("must be longer than zero".into());
    }
    Ok(d)
}

/// Formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The validated dataset with the schema's field names.
    Json,
    /// A readable handout: eras and their events, factors by level, sources.
    Markdown,
    /// A picture: the timeline and the balance of interests, one SVG.
    Svg,
    /// A handout page: one self-contained HTML file, readable printed.
    Html,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
