//! Loading a large file a window at a time, so that the file's text is
//! not held whole.
//!
//! A case read whole keeps its file's buffer: its texts point into it. At
//! 100,000 events that buffer is most of the memory a case takes, and half
//! of it is field names, brackets and indentation that nothing needs once
//! read. So a large regular file is read in windows of a few MiB. Each
//! window's whole events are read on every core (the window cut where an
//! event likely starts, each cut checked as in [`super::split`]), and what
//! they keep of the window is packed into a buffer of their own, escapes
//! undone, so an escaped string costs no second copy. What the events name
//! (a factor, an actor, a theme, a source) and the fields they may leave
//! out go into one block per stretch of events, each name once. While
//! the cores read one window, this thread reads the next part of the file;
//! the window's buffer is then reused.
//!
//! This is only the way for a file that parses as usual. Anything unusual
//! — an attribute past the file's lead, an event that does not read or
//! runs past [`MAX_EVENT`], more than [`MAX_OUTSIDE`](super::MAX_OUTSIDE) outside its lists,
//! text that is binary — sends the caller back to reading the file
//! whole, which gives its error a line and column. When
//! validation finds problems, they are placed in the parts of the file
//! that hold them, read again (see [`super::place`]).

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use ron::extensions::Extensions;

use super::{
    LoadError, Loaded, MAX_BYTES, MAX_HEAD, PARALLEL_ABOVE, Progress, Stage, event, pieces, place,
    read, split,
};
use crate::case::locate;
use crate::case::model::{Dataset, Event, Named, Tables};
use crate::case::text::{self, Pack};

/// How much of the file is read at a time: enough that the cores share a
/// window's events evenly, little beside the case it holds.
pub(super) const WINDOW: usize = 2 << 20;

/// The most an event may take to be read this way: a larger one is not the
/// usual kind, and the file is read whole.
const MAX_EVENT: usize = 1 << 20;

/// More of a file's start than is looked at to tell that it is not text.
const HEAD_CHECKED: usize = 16 << 10;

/// Why a file was not read a window at a time.
pub(super) enum Stop {
    /// The file is not one this way suits (too small, not a regular file,
    /// unusual): the caller reads it whole.
    Unsuited,
    /// An event in it does not parse: the caller reads it whole to explain,
    /// skimming it first (see [`crate::case::model::Skimming`]), since
    /// parsing the rest of its events would only be thrown away.
    Malformed,
}

/// Load the regular file at `path` (`name` in messages), of at least `min`
/// bytes, `window` bytes at a time: the case or why it is refused, or why
/// the file is to be read whole. Where `thrifty`, a file whose events are
/// less than half of it is left to be read whole, which costs less.
pub(super) fn load(
    path: &Path,
    name: &str,
    progress: &Progress,
    (min, thrifty): (usize, bool),
    window: usize,
) -> Result<Result<Loaded, LoadError>, Stop> {
    use Stop::Unsuited;
    if path.as_os_str() == "-" {
        return Err(Unsuited);
    }
    let file = File::open(path).map_err(|_| Unsuited)?;
    let meta = file.metadata().map_err(|_| Unsuited)?;
    if !meta.is_file() || meta.len() < min as u64 || meta.len() > MAX_BYTES {
        return Err(Unsuited);
    }
    let read = windows(file, (meta.len(), thrifty), path, name, progress, window);
    if read.is_err() {
        // What the attempt held is gone before the file is read whole.
        crate::case::memory::give_back();
    }
    read
}

/// Read the regular file `file`, of `len` bytes, a window at a time (and
/// only where its events are most of it, where `thrifty`), as
/// [`load`] does.
fn windows(
    file: File,
    (len, thrifty): (u64, bool),
    path: &Path,
    name: &str,
    progress: &Progress,
    window: usize,
) -> Result<Result<Loaded, LoadError>, Stop> {
    use Stop::Unsuited;
    progress.start(Stage::Parsing, len as usize);
    let mut chunks = Chunks {
        from: file.take(MAX_BYTES + 1),
        carry: Vec::new(),
        eof: false,
        progress,
    };
    let (text, list, skip) = lead(&mut chunks, window, len).ok_or(Unsuited)?;
    let head = locate::first_value(&text);
    if head > MAX_HEAD || text.as_bytes().get(list) != Some(&b'[') {
        return Err(Unsuited);
    }
    // What reading in windows saves is the text around the events; where
    // they are less than half the file (a hostile lead of long lists),
    // reading it whole costs less.
    if thrifty && list as u64 > len / 2 {
        return Err(Unsuited);
    }
    let options = super::ron_options().with_default_extension(Extensions::IMPLICIT_SOME);
    // The lead's attributes, read as the parser reads them, for each event
    // read on its own.
    let extensions = ron::de::Deserializer::from_str_with_options(&text[..head], &options)
        .map_err(|_| Unsuited)?
        .extensions();
    // The lead is kept, in the memory it was read into; the windows start
    // at the list.
    let mut lead = text;
    let text = lead.split_off(list);
    let mut reader = Reader {
        options: options.clone().with_default_extension(extensions),
        shared: (0..crate::case::cores())
            .map(|_| Tables::default())
            .collect(),
        events: Vec::new(),
        spare: Vec::new(),
        layout: place::Layout {
            skip,
            len,
            list: (list, list),
            ..place::Layout::default()
        },
    };
    let trailer = reader.list(&mut chunks, text, list, window)?;
    // An attribute anywhere but the lead is refused as a whole read
    // refuses it: ron reads attributes only where a text starts.
    let mut rest = lead;
    rest.reserve_exact(2 + trailer.len());
    rest.push_str("[]");
    rest.push_str(&trailer);
    drop(trailer);
    let rest = Arc::new(rest);
    // Long lists beside the events (a hostile file) are parsed as a large
    // file's are: in pieces, each list made once at its final size.
    let mut dataset: Dataset = if rest.len() >= PARALLEL_ABOVE {
        pieces::in_pieces(&rest, &rest, &options, &Progress::default(), 0).ok_or(Unsuited)?
    } else {
        let _reading = text::Reading::file(&rest);
        options.from_str(&rest).map_err(|_| Unsuited)?
    };
    let mut layout = reader.layout;
    layout.events = reader.events.len();
    dataset.events = reader.events;
    progress.start(Stage::Checking, 0);
    super::sanitize_dataset(&mut dataset, false);
    let found = super::validate::validate(&dataset);
    let dataset = super::kept(dataset, &found);
    // Problems are placed in the parts of the file that hold them, read
    // again. (A file that changed meanwhile is read again whole.)
    let paths = super::problem_paths(&found.problems);
    let places = match paths.is_empty() {
        true => Vec::new(),
        false => place::places(path, &layout, &rest, &paths).ok_or(Unsuited)?,
    };
    Ok(super::conclude(name, dataset, found, places))
}

/// The file's first part, read on until it holds the event list's start;
/// with where that is (its `[`), and how many bytes of byte-order mark
/// went before it. The file is `len` bytes long.
fn lead(chunks: &mut Chunks, window: usize, len: u64) -> Option<(String, usize, u64)> {
    // At least as much as the whole read looks at to refuse a file that
    // is not text.
    let mut text = chunks.next(String::new(), window.max(HEAD_CHECKED))?;
    if read::refuses_head(text.as_bytes()) {
        return None;
    }
    let mut skip = 0;
    if let Some(bom) = text.strip_prefix('\u{feff}') {
        text = bom.to_owned();
        skip = 3;
    }
    // A long lead (lists before the events) is read a window at a time
    // into room made once for the whole file (only what is read into it
    // takes memory), so that it is never copied as it grows.
    let mut search = locate::FieldSearch::default();
    let mut more = String::new();
    loop {
        match search.find(&text, "events") {
            locate::Search::At(at) => return Some((text, at, skip)),
            locate::Search::Absent => return None,
            locate::Search::More if chunks.eof => return None,
            locate::Search::More => {}
        }
        let room = usize::try_from(len)
            .unwrap_or(usize::MAX)
            .min(MAX_BYTES as usize);
        text.reserve_exact(room.saturating_sub(text.len()) + window);
        more = chunks.next(more, window)?;
        text.push_str(&more);
    }
}

/// A file read a part at a time, each part cut at a character boundary.
struct Chunks<'a> {
    from: std::io::Take<File>,
    /// The start of a character the last part cut.
    carry: Vec<u8>,
    /// Whether the file has been read to its end.
    eof: bool,
    progress: &'a Progress,
}

impl Chunks<'_> {
    /// The next `more` bytes of the file or fewer, in `buf`'s memory.
    /// `None` when the file cannot be read, is over the cap or is not UTF-8.
    fn next(&mut self, buf: String, more: usize) -> Option<String> {
        let mut bytes = buf.into_bytes();
        bytes.clear();
        bytes.append(&mut self.carry);
        bytes.reserve_exact(more);
        let read = (&mut self.from)
            .take(more as u64)
            .read_to_end(&mut bytes)
            .ok()?;
        self.progress.advance(read);
        self.eof = read < more;
        if self.from.limit() == 0 {
            // Past the cap: the whole read refuses it.
            return None;
        }
        match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            // A character cut by the part's end goes with the next.
            Err(e) if e.utf8_error().error_len().is_none() && !self.eof => {
                let valid = e.utf8_error().valid_up_to();
                let mut bytes = e.into_bytes();
                self.carry = bytes.split_off(valid);
                String::from_utf8(bytes).ok()
            }
            Err(_) => None,
        }
    }

    /// `start`, then the rest of the file, of which `left` bytes are
    /// still to read: read into room made once, as the lead is.
    fn rest(&mut self, mut text: String, left: u64) -> Option<String> {
        let left = usize::try_from(left)
            .unwrap_or(usize::MAX)
            .min(MAX_BYTES as usize);
        text.reserve_exact(left);
        let mut more = String::new();
        while !self.eof {
            more = self.next(more, WINDOW)?;
            text.push_str(&more);
        }
        Some(text)
    }
}

/// Reads windows' events into one list, on every core.
struct Reader {
    /// How an event is read: with the lead's attributes.
    options: ron::Options,
    /// Per core, room reused from one stretch of events to the next.
    shared: Vec<Tables>,
    events: Vec<Event>,
    /// Lists emptied into `events`, kept for the next window's stretches:
    /// a list made and dropped by each stretch of every window leaves
    /// memory the allocator holds on to for a while.
    spare: Vec<Vec<Event>>,
    /// Where the windows' events are, to place problems; with the file's
    /// length, to size the list once.
    layout: place::Layout,
}

/// What a stretch of a window holds: its whole events, where the next
/// window resumes, where the list ends (after its `]`) if it does, and
/// whether it ended exactly where it was asked to.
struct Stretch {
    events: Vec<Event>,
    resume: usize,
    end: Option<usize>,
    joined: bool,
}

impl Reader {
    /// Read the event list that starts `text` (the first window, at `at` in
    /// the file) to its end, a window at a time. Returns what
    /// follows the list, to the file's end, or why the file is to be read
    /// whole.
    fn list(
        &mut self,
        chunks: &mut Chunks,
        mut text: String,
        at: usize,
        window: usize,
    ) -> Result<String, Stop> {
        use Stop::Unsuited;
        let mut chunk = String::new();
        // What to read while a window is parsed: a window's worth, or as
        // much as is held when the last window held no whole event, so
        // that a window grows by doubling.
        let mut more = window;
        // Where `text` starts in the file's text, and where its events do.
        let (mut text_at, mut from) = (at, 1);
        loop {
            let shared = Arc::new(text);
            self.layout.marks.push((text_at + from, self.events.len()));
            // While the cores read this window, this thread reads on.
            let (read, next) = self.window(&shared, from, || {
                chunks.next(std::mem::take(&mut chunk), more)
            });
            let (resume, end) = read.ok_or(Stop::Malformed)?;
            chunk = next.ok_or(Unsuited)?;
            if let Some(end) = end {
                self.layout.list.1 = text_at + end;
                let read = self.layout.skip + (text_at + shared.len() + chunk.len()) as u64;
                return chunks
                    .rest(
                        format!("{}{chunk}", &shared[end..]),
                        self.layout.len.saturating_sub(read),
                    )
                    .ok_or(Unsuited);
            }
            // No text points into the window now: its buffer is reused.
            text = Arc::try_unwrap(shared).unwrap_or_else(|shared| String::clone(&shared));
            if resume == from && (chunk.is_empty() || text.len() - from > MAX_EVENT) {
                // Not one whole event, and no more to read or more than an
                // event may take: read whole, which explains.
                return Err(Unsuited);
            }
            more = if resume == from { text.len() } else { window };
            text.drain(..resume);
            text_at += resume;
            text.push_str(&chunk);
            from = 0;
        }
    }

    /// Read the whole events of `window` from `from` on, running
    /// `meanwhile` on this thread as the cores read. The events go on the
    /// list; returns where the next window resumes and where the list ends,
    /// if it does here (`None` when an event does not read, or a comma is
    /// missing), with what `meanwhile` gave.
    fn window<T>(
        &mut self,
        window: &Arc<String>,
        from: usize,
        meanwhile: impl FnOnce() -> T,
    ) -> (Option<(usize, Option<usize>)>, T) {
        let threads = self.shared.len();
        let mut starts = vec![from];
        for k in 1..threads {
            let cut = from + (window.len() - from) / threads * k;
            if let Some(at) = split::guess(window, cut).filter(|at| Some(at) > starts.last()) {
                starts.push(at);
            }
        }
        let options = &self.options;
        let spare = &mut self.spare;
        let (stretches, then) = std::thread::scope(|scope| {
            let stops = starts.iter().skip(1).map(|&s| Some(s)).chain([None]);
            let workers: Vec<_> = starts
                .iter()
                .zip(stops)
                .zip(self.shared.iter_mut())
                .map(|((&start, stop), shared)| {
                    let into = spare.pop().unwrap_or_default();
                    scope.spawn(move || stretch(window, start, stop, options, shared, into))
                })
                .collect();
            let then = meanwhile();
            let stretches: Vec<Option<Stretch>> = workers
                .into_iter()
                .map(|w| w.join().ok().flatten())
                .collect();
            (stretches, then)
        });
        let stretches = stretches.into_iter().collect::<Option<Vec<_>>>();
        let cut_well = |s: &Vec<Stretch>| s.iter().rev().skip(1).all(|s| s.joined);
        let stretches = match stretches.filter(cut_well) {
            Some(stretches) => stretches,
            // A guess was not an event of the list (a stretch from it may
            // not even read): read the window on one core.
            None => match stretch(window, from, None, options, &mut self.shared[0], Vec::new()) {
                Some(whole) => vec![whole],
                None => return (None, then),
            },
        };
        self.reserve(&stretches, window.len() - from);
        let last = stretches.last().map(|s| (s.resume, s.end));
        for mut s in stretches {
            self.events.append(&mut s.events);
            self.spare.push(s.events);
        }
        (last, then)
    }

    /// Room on the list for the file's events, as the first window
    /// suggests: reserved once, so that the list does not double (and for a
    /// moment take twice its room) as it grows.
    fn reserve(&mut self, stretches: &[Stretch], read: usize) {
        if self.events.capacity() > 0 {
            return;
        }
        let count: u64 = stretches.iter().map(|s| s.events.len() as u64).sum();
        // The events are what follows the list's start.
        let events = self.layout.len.saturating_sub(self.layout.list.0 as u64);
        let expected = count.saturating_mul(events) / read.max(1) as u64;
        let expected = usize::try_from(expected).unwrap_or(0);
        self.events.reserve_exact(expected + expected / 8 + 16);
    }
}

/// Read the whole events of `window` from `from` up to `stop` (the start
/// of the next stretch) onto the empty list `into`, packing what they keep
/// of the window. `None` when an event does not read.
fn stretch(
    window: &Arc<String>,
    from: usize,
    stop: Option<usize>,
    options: &ron::Options,
    tables: &mut Tables,
    into: Vec<Event>,
) -> Option<Stretch> {
    let _reading = text::Reading::file(window);
    let mut s = Stretch {
        events: into,
        resume: from,
        end: None,
        joined: false,
    };
    let b = window.as_bytes();
    // Past blanks and comments. An attribute (`#![…]`) is skipped as a
    // blank would be, but one past the file's start does not parse, so it
    // is left to the whole read to refuse.
    let blanks = |from: usize| {
        let to = locate::blank_end(window, from);
        (!window[from..to].contains("#!")).then_some(to)
    };
    let mut at = from;
    // A stretch that did not read may have left records behind.
    tables.clear();
    let mut named = Named::default();
    loop {
        at = blanks(at)?;
        if let Some(stop) = stop.filter(|&stop| at >= stop) {
            // Past a comma and blanks: at an event of the list.
            s.joined = at == stop;
            break;
        }
        if b.get(at) == Some(&b']') {
            s.end = Some(at + 1);
            break;
        }
        if at == b.len() {
            break;
        }
        // The quick reader takes the usual events, and leaves what they
        // name to be written straight into the stretch's block; ron reads
        // what it declines.
        let (mut event, after, quick) = match event::read_at(window, at, &mut named) {
            Some((event, after)) => (event, after, true),
            None => {
                let after = locate::value_end(window, at);
                if after == b.len() {
                    break;
                }
                (options.from_str(&window[at..after]).ok()?, after, false)
            }
        };
        let next = blanks(after)?;
        match b.get(next) {
            Some(b',') => {
                at = next + 1;
                s.resume = at;
            }
            Some(b']') => s.end = Some(next + 1),
            // Its end not seen: the next window reads it again.
            None => break,
            // A comma missing: reading the file whole explains.
            Some(_) => return None,
        }
        super::sanitize_event(&mut event);
        if quick {
            named.clean(super::cleaned);
            tables.write(&named);
        } else {
            tables.take(&event);
        }
        s.events.push(event);
        if s.end.is_some() {
            break;
        }
    }
    pack(&mut s.events, tables);
    Some(s)
}

/// Give `events`' own texts a buffer of their own, so that nothing points
/// into the window any more (one allocation for them all, not one each),
/// and point them at the block their records were written into (see
/// [`Tables`]).
fn pack(events: &mut [Event], tables: &mut Tables) {
    tables.place(events.iter_mut());
    let mut bytes = 0;
    for e in events.iter_mut() {
        e.each_own_text_mut(|t, _| bytes += t.len());
    }
    let mut packing = Pack::with_capacity(bytes);
    for e in events.iter_mut() {
        e.each_own_text_mut(|t, _| packing.push(t));
    }
    let mut packed = packing.finish();
    for e in events.iter_mut() {
        e.each_own_text_mut(|t, _| packed.place(t));
    }
}
