//! From a path to UTF-8 text, refusing what is not a text file with a
//! message that says what the file is instead.

use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::path::Path;

use tempfile::NamedTempFile;

use super::{Progress, Stage};
use crate::case::diagnostic::{Diagnostic, Pos};

/// The largest dataset accepted, in bytes. A dataset of 100,000 events with
/// long summaries is under a tenth of this.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Read the file at `path` (`-` reads standard input) as bytes, refusing
/// directories, unreadable files and files over [`MAX_BYTES`]; `progress`
/// hears of the bytes as they come.
pub fn bytes(path: &Path, name: &str, progress: &Progress) -> Result<Vec<u8>, Diagnostic> {
    let fail = |message: String| Diagnostic::file(name, message);
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        read_stream(std::io::stdin().lock(), &mut bytes, progress)
    } else {
        let file = File::open(path).map_err(|e| fail(io_reason(&e)))?;
        let meta = file.metadata().map_err(|e| fail(io_reason(&e)))?;
        if meta.is_dir() {
            return Err(fail("is a directory, not a dataset file".into()));
        }
        if meta.len() > MAX_BYTES {
            return Err(fail(too_large(meta.len())));
        }
        if !meta.is_file() {
            // A device or a pipe: its length says nothing.
            read_stream(file, &mut bytes, progress)
        } else {
            progress.start(Stage::Reading, meta.len() as usize);
            // Room for the whole file at once: growing by doubling would
            // hold two copies of a large file for a moment.
            bytes.reserve_exact(meta.len() as usize + 1);
            // The length can lie (a growing file): never read past the cap.
            read_counting(file.take(MAX_BYTES + 1), &mut bytes, progress)
        }
    };
    read.map_err(|e| fail(io_reason(&e)))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(fail(over_the_cap()));
    }
    Ok(bytes)
}

/// A stream (standard input for `-`, a pipe, a device: anything at `path`
/// but a file or a folder) copied to a file of its own, up to one byte past
/// the cap, so that a large case on it is read a window at a time, as a
/// file is, and its problems placed by reading parts of it again; the copy
/// is removed when dropped. `None` for a file, a folder or a path that
/// cannot be opened (reading it says why), and where no copy can be made:
/// the caller reads `path` itself.
pub fn spool(
    path: &Path,
    name: &str,
    progress: &Progress,
) -> Result<Option<NamedTempFile>, Diagnostic> {
    let fail = |message: String| Diagnostic::file(name, message);
    let from: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        match File::open(path) {
            Ok(file) if file.metadata().is_ok_and(|m| !m.is_file() && !m.is_dir()) => {
                Box::new(file)
            }
            _ => return Ok(None),
        }
    };
    let Ok(mut spool) = NamedTempFile::new() else {
        return Ok(None);
    };
    progress.start(Stage::Reading, 0);
    let mut from = from.take(MAX_BYTES + 1);
    let mut piece = vec![0; 1 << 20];
    let mut copied = 0;
    loop {
        let n = match from.read(&mut piece) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(fail(io_reason(&e))),
        };
        spool
            .write_all(&piece[..n])
            .map_err(|e| fail(format!("cannot be copied to a temporary file: {e}")))?;
        copied += n as u64;
        progress.advance(n);
    }
    if copied > MAX_BYTES {
        return Err(fail(over_the_cap()));
    }
    Ok(Some(spool))
}

/// Why a stream read up to the cap and beyond is refused: its true size
/// is unknown.
fn over_the_cap() -> String {
    format!("is over the {} limit for a dataset", mib(MAX_BYTES))
}

/// Read a stream of unknown length up to one byte past the cap. The room
/// for all of it is set aside first: untouched, it costs no memory, and the
/// buffer never doubles past the cap as it grows.
fn read_stream(from: impl Read, into: &mut Vec<u8>, progress: &Progress) -> std::io::Result<usize> {
    progress.start(Stage::Reading, 0);
    into.reserve_exact(MAX_BYTES as usize + 1);
    read_counting(from.take(MAX_BYTES + 1), into, progress)
}

/// Read to the end in large pieces, counting them for `progress`. Each
/// piece goes straight into the room `into` has set aside: no copy on the
/// way, and no zeroing of memory the read overwrites.
fn read_counting(
    mut from: impl Read,
    into: &mut Vec<u8>,
    progress: &Progress,
) -> std::io::Result<usize> {
    loop {
        match (&mut from).take(1 << 20).read_to_end(into) {
            Ok(0) => return Ok(into.len()),
            Ok(n) => progress.advance(n),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

fn too_large(len: u64) -> String {
    format!(
        "is {}, over the {} limit for a dataset",
        mib(len),
        mib(MAX_BYTES)
    )
}

fn mib(bytes: u64) -> String {
    let m = bytes as f64 / (1024.0 * 1024.0);
    if m.fract() == 0.0 {
        format!("{m:.0} MiB")
    } else {
        format!("{m:.1} MiB")
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => "no such file".into(),
        ErrorKind::PermissionDenied => "permission denied: the file cannot be read".into(),
        ErrorKind::IsADirectory => "is a directory, not a dataset file".into(),
        ErrorKind::InvalidData => "cannot be read as text".into(),
        _ => format!("cannot be read: {e}"),
    }
}

/// Turn the file's bytes into text: UTF-8 (a byte-order mark is dropped).
/// UTF-16, binary data, invalid UTF-8 and empty files are refused with a
/// message saying which.
pub fn text(bytes: Vec<u8>, name: &str) -> Result<String, Diagnostic> {
    let fail = |message: &str| Diagnostic::file(name, message);
    if bytes.is_empty() {
        return Err(fail(
            "is empty: a dataset needs at least a title, a source and a period",
        ));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) || looks_utf16(&bytes) {
        return Err(fail(
            "is UTF-16 text; waltz reads UTF-8: save the file as UTF-8 and try again",
        ));
    }
    let mut bytes = bytes;
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    let body = &bytes;
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => {
            let good = e.valid_up_to();
            // Safe: the prefix up to `valid_up_to` is valid UTF-8 by definition.
            let before = std::str::from_utf8(&body[..good]).unwrap_or_default();
            let pos = Pos::of_offset(before, good);
            let what = if is_binary(body) {
                "binary data, not a text file"
            } else {
                "not valid UTF-8; save the file as UTF-8 and try again"
            };
            return Err(Diagnostic::file(
                name,
                format!(
                    "{what} (byte 0x{:02x} at line {}, column {})",
                    body[good], pos.line, pos.col
                ),
            ));
        }
    };
    if is_binary(text.as_bytes()) {
        return Err(fail("binary data, not a text file"));
    }
    if text.trim().is_empty() {
        return Err(fail(
            "holds only white space: a dataset needs at least a title, a source and a period",
        ));
    }
    // Checked above: the bytes are UTF-8, so no copy is needed.
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// Whether [`text`] refuses a file that starts with `head` (its first 16
/// KiB, or all of it) for what it is — UTF-16, or binary data — rather than
/// for a byte that is not UTF-8: what a reader that never holds the whole
/// file must check before taking it as text.
pub fn refuses_head(head: &[u8]) -> bool {
    head.starts_with(&[0xff, 0xfe])
        || head.starts_with(&[0xfe, 0xff])
        || looks_utf16(head)
        || is_binary(head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head))
}

/// UTF-16 without a byte-order mark: mostly ASCII with a NUL in every
/// other byte.
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 4 {
        return false;
    }
    let pairs = head.len() / 2;
    let nul_odd = head.chunks(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    let nul_even = head.chunks(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    nul_odd * 10 >= pairs * 8 || nul_even * 10 >= pairs * 8
}

/// Binary data: NUL bytes, or many control bytes that text does not use.
fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let odd = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    odd * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refuse(bytes: &[u8]) -> String {
        text(bytes.to_vec(), "f.ron").unwrap_err().to_string()
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        assert_eq!(text(b"\xef\xbb\xbf(x)".to_vec(), "f").unwrap(), "(x)");
    }

    #[test]
    fn utf16_is_named() {
        assert!(refuse(b"\xff\xfe(\0t\0)\0").contains("UTF-16"));
        assert!(
            refuse(
                "(title: \"x\")"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<_>>()
                    .as_slice()
            )
            .contains("UTF-16")
        );
    }

    #[test]
    fn invalid_utf8_gives_its_position() {
        let msg = refuse(b"(\n  title: \"caf\xe9\",\n)");
        assert!(msg.contains("not valid UTF-8"), "{msg}");
        assert!(msg.contains("line 2, column 14"), "{msg}");
    }

    #[test]
    fn binary_garbage_is_called_binary() {
        assert!(refuse(b"\x7fELF\x02\x01\x01\0\0\0\0\0").contains("binary"));
        assert!(refuse(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).contains("binary"));
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert!(refuse(b"").contains("is empty"));
        assert!(refuse(b"  \n\t\n").contains("white space"));
    }

    #[test]
    fn sizes_are_said_in_mib() {
        assert_eq!(mib(MAX_BYTES), "256 MiB");
        assert_eq!(mib(300 * 1024 * 1024 + 1024 * 512), "300.5 MiB");
    }
}
