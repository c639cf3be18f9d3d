//! What a shell and a system need beside the binary: completion scripts
//! (`waltz completions SHELL`) and the manual page (`waltz man`), both
//! generated from the command line's own definition so they never drift.

use std::io::{self, Write};

use clap::CommandFactory;

use super::args::Cli;

/// Write the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> io::Result<u8> {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "waltz", out);
    Ok(super::commands::OK)
}

/// Write the manual page, in roff.
pub fn man(out: &mut dyn Write) -> io::Result<u8> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(super::commands::OK)
}
