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

    /// Start in the guided tour with this id (see the dataset's tours).
    #[arg(long, value_name = "ID")]
    pub tour: Option<String>,

    /// Seed for the quiz's order, so a class can share one.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

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
    /// Write the dataset out, as a Markdown handout (the default) or as JSON
    /// for scripts.
    Export {
        /// The output format.
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
    },
}

/// Formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The validated dataset with the schema's field names.
    Json,
    /// A readable handout: eras and their events, factors by level, sources.
    Markdown,
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
