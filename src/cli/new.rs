//! `waltz new PATH`: a starter case study to grow into one's own — every
//! field of the schema once, each with a comment saying what it is for.

use std::io::{self, Write};
use std::path::Path;

use super::commands::{FAILED, OK, USAGE};

/// The starter, as shipped.
pub const STARTER: &str = include_str!("../../assets/starter.ron");

/// Write the starter to `path`, never over an existing file.
pub fn new(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let shown = crate::case::sanitize::line(&path.display().to_string()).into_owned();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        writeln!(
            err,
            "waltz new: {}: no such folder (make it first)",
            crate::case::sanitize::line(&dir.display().to_string())
        )?;
        return Ok(FAILED);
    }
    match crate::fs::create_atomic(path, STARTER.as_bytes(), 0o644) {
        Ok(()) => {
            writeln!(out, "wrote a starter case study to {shown}")?;
            writeln!(out, "  check it:    waltz check {shown}")?;
            writeln!(
                out,
                "  explore it:  waltz --data {shown} --watch   (reloads on each save)"
            )?;
            writeln!(out, "  every field is explained in the comments beside it")?;
            Ok(OK)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            writeln!(
                err,
                "waltz new: {shown} exists; it is left as it is (choose another name)"
            )?;
            Ok(USAGE)
        }
        Err(e) => {
            writeln!(err, "waltz new: cannot write {shown}: {e}")?;
            Ok(FAILED)
        }
    }
}
