//! Placing the problems of a file read a window at a time (see
//! [`super::stream`]) without holding its text beside its case.
//!
//! A problem is named by its path (`events[41].factors[0]`). In a file held
//! whole, a scan of the text finds where each path leads. A large file read
//! a window at a time is not held, and reading it whole again to place a
//! hundred warnings would hold the file beside the case it describes: twice
//! the memory for what a few parts of the file answer. So the reader notes
//! where each window's events begin ([`Layout`]); an event's path is found
//! in the part of the file that holds it, read again, and a path outside
//! the event list in the text around it, which the reader keeps. Lines and
//! columns are then counted in one pass over the file, holding a buffer.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use crate::case::diagnostic::{self, Place};
use crate::case::locate::{self, Seg, Tree};

/// Where a file read a window at a time holds what: enough to find any of
/// its values by reading a part of it. Offsets are in the file's text,
/// after any byte-order mark.
#[derive(Debug, Default)]
pub(super) struct Layout {
    /// The bytes before the text: a byte-order mark's, or none.
    pub skip: u64,
    /// The file's length.
    pub len: u64,
    /// Where each window's events start, and the index of its first event,
    /// in the order read.
    pub marks: Vec<(usize, usize)>,
    /// Where the event list opens (its `[`) and ends (past its `]`).
    pub list: (usize, usize),
    /// How many events the list holds.
    pub events: usize,
}

impl Layout {
    /// The window holding event `i`: where its events start and where the
    /// next window's (or the list's end) begins.
    fn window_of(&self, i: usize) -> Option<(usize, usize, usize)> {
        let k = self
            .marks
            .partition_point(|&(_, first)| first <= i)
            .checked_sub(1)?;
        let (from, first) = self.marks[k];
        let to = self.marks.get(k + 1).map_or(self.list.1, |&(to, _)| to);
        Some((from, to, first))
    }

    /// The file offset of offset `at` of `rest`: the text outside the
    /// event list as the reader keeps it, the lead, then `[]`, then what
    /// follows the list.
    fn outside(&self, at: usize) -> usize {
        let (open, end) = self.list;
        match at.checked_sub(open) {
            None | Some(0) => at,
            Some(1) => end - 1,
            Some(past) => end + past - 2,
        }
    }
}

/// The places of `paths` in the file at `path`, laid out as `layout` says,
/// with `rest` the text outside its event list (see [`Layout::outside`]);
/// `None` when the file cannot be read again as it was.
pub(super) fn places(
    path: &Path,
    layout: &Layout,
    rest: &str,
    paths: &[&[Seg]],
) -> Option<Vec<Place>> {
    let mut file = File::open(path).ok()?;
    if file.metadata().ok()?.len() != layout.len {
        return None;
    }
    let offsets = offsets(&mut file, layout, rest, paths)?;
    let mut wanted = offsets.clone();
    wanted.sort_unstable();
    wanted.dedup();
    file.seek(SeekFrom::Start(layout.skip)).ok()?;
    let found = diagnostic::positions(std::io::BufReader::new(&mut file), &wanted).ok()?;
    offsets
        .iter()
        .map(|offset| {
            let (pos, start) = found[wanted.binary_search(offset).ok()?];
            place(&mut file, layout, *offset, pos, start)
        })
        .collect()
}

/// The offset each of `paths` leads to.
fn offsets(file: &mut File, layout: &Layout, rest: &str, paths: &[&[Seg]]) -> Option<Vec<usize>> {
    let mut offsets = vec![0; paths.len()];
    // Paths into an event, by the window that holds it, each window read
    // once; the others in the text outside the list.
    let mut inside: Vec<(usize, usize, &[Seg])> = Vec::new();
    let mut outside: Vec<(usize, &[Seg])> = Vec::new();
    for (k, path) in paths.iter().enumerate() {
        match path {
            [Seg::Field("events"), Seg::Index(i), within @ ..] if *i < layout.events => {
                inside.push((*i, k, within));
            }
            _ => outside.push((k, path)),
        }
    }
    if !outside.is_empty() {
        let wanted: Vec<&[Seg]> = outside.iter().map(|&(_, p)| p).collect();
        let tree = Tree::scan_for(rest, &wanted);
        for (k, path) in outside {
            offsets[k] = layout.outside(tree.offset(path));
        }
    }
    inside.sort_unstable_by_key(|&(i, k, _)| (i, k));
    let mut held: Option<(usize, usize, String)> = None;
    for (i, k, within) in inside {
        let (from, to, first) = layout.window_of(i)?;
        if held.as_ref().is_none_or(|h| h.0 != from) {
            held = Some((from, first, read_text(file, layout.skip, from, to)?));
        }
        let (from, first, text) = held.as_ref()?;
        let start = nth_value(text, i - first)?;
        let tree = Tree::scan_for(&text[start..], &[within]);
        offsets[k] = from + start + tree.offset(within);
    }
    Some(offsets)
}

/// Where the `n`th value (from 0) of a list's items in `text` starts.
fn nth_value(text: &str, n: usize) -> Option<usize> {
    let mut at = locate::blank_end(text, 0);
    for _ in 0..n {
        at = locate::blank_end(text, locate::value_end(text, at));
        if text.as_bytes().get(at) != Some(&b',') {
            return None;
        }
        at = locate::blank_end(text, at + 1);
    }
    (at < text.len()).then_some(at)
}

/// The text between offsets `from` and `to`.
fn read_text(file: &mut File, skip: u64, from: usize, to: usize) -> Option<String> {
    let mut bytes = vec![0; to.checked_sub(from)?];
    file.seek(SeekFrom::Start(skip + from as u64)).ok()?;
    file.read_exact(&mut bytes).ok()?;
    String::from_utf8(bytes).ok()
}

/// The place of `offset`, at `pos` on the line starting at `start`: the
/// part of that line around it read from the file.
fn place(
    file: &mut File,
    layout: &Layout,
    offset: usize,
    pos: diagnostic::Pos,
    start: usize,
) -> Option<Place> {
    let text_len = (layout.len - layout.skip) as usize;
    let offset = offset.min(text_len);
    let from = start.max(offset.saturating_sub(Place::BEFORE));
    // A byte past the part, to see whether the line ends there.
    let to = (offset + Place::AFTER + 2).min(text_len);
    let mut bytes = vec![0; to - from];
    file.seek(SeekFrom::Start(layout.skip + from as u64)).ok()?;
    file.read_exact(&mut bytes).ok()?;
    // Whole characters only: the part may start or end inside one.
    let lead = bytes.iter().take_while(|&&b| (b as i8) < -0x40).count();
    let ends_line = match memchr::memchr(b'\n', &bytes[offset - from..]) {
        Some(at) => {
            bytes.truncate(offset - from + at);
            true
        }
        None if to == text_len => true,
        None => false,
    };
    if ends_line && bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    let part = match std::str::from_utf8(&bytes[lead..]) {
        Ok(part) => part,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&bytes[lead..lead + e.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    let at = (offset - from).saturating_sub(lead).min(part.len());
    Some(Place::new(pos, part, at))
}
