//! Parsing a large file's lists element by element, on every core.
//!
//! Each of the dataset's lists (its events, factors, actors and the rest)
//! is cut into its elements; the file is parsed with every list left
//! empty; and then each element is parsed where it stands in the file, so
//! that its texts point into the file, into its place in a list allocated
//! once at its final size. No list grows by doubling, which would hold its
//! old and new buffers at once, and no element is copied.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde::de::DeserializeOwned;

use super::{MAX_HEAD, MAX_OUTSIDE, Progress, Stage, event, sanitize_event, split};
use crate::case::locate::{self, Visit};
use crate::case::model::{Actor, Dataset, Era, Event, Factor, Record, Source, Tables, Tour};
use crate::case::text;

/// The dataset's fields that are lists, each parsed in pieces.
const LISTS: [&str; 6] = ["eras", "actors", "sources", "factors", "events", "tours"];

/// The most items each of [`LISTS`] may hold: events as many as the file's
/// cap allows, the rest as [`Record::MAX`] says.
const MAX: [usize; 6] = [
    Era::MAX,
    Actor::MAX,
    Source::MAX,
    Factor::MAX,
    usize::MAX,
    Tour::MAX,
];

/// A list of the file: which of [`LISTS`] it is, where it is (from its `[`
/// to after its `]`) and where each of its elements is.
struct List {
    which: usize,
    span: Range<usize>,
    items: Vec<Range<usize>>,
}

/// Parse a large file's lists in pieces, on every core; `per` elements a
/// piece, or as many as keep every core busy when 0. `None` when anything
/// in the file is unusual or wrong: the caller then parses the whole text
/// at once, which also gives errors their positions.
pub(super) fn in_pieces(
    file: &Arc<String>,
    text: &str,
    options: &ron::Options,
    progress: &Progress,
    per: usize,
) -> Option<Dataset> {
    // An attribute (`#![enable(…)]`) changes how everything after it reads.
    // Those that lead the file are given to every piece; a file with one
    // anywhere else (even inside a string) is read whole, as is one whose
    // lead is too long to repeat.
    let head = &text[..locate::first_value(text)];
    if head.len() > MAX_HEAD || text[head.len()..].contains("#![") {
        return None;
    }
    let lists = lists(text)?;
    let outside = text.len() - lists.iter().map(|l| l.span.len()).sum::<usize>();
    if outside > MAX_OUTSIDE {
        return None;
    }
    let mut rest = String::with_capacity(outside + 2 * lists.len());
    let mut from = 0;
    for list in &lists {
        rest.push_str(&text[from..list.span.start]);
        rest.push_str("[]");
        from = list.span.end;
    }
    rest.push_str(&text[from..]);
    let mut dataset: Dataset = options.from_str(&rest).ok()?;
    drop(rest);
    // The lead's attributes, read as the parser reads them, so that each
    // element can be parsed where it stands, with no copy of its text.
    let extensions = ron::de::Deserializer::from_str_with_options(head, options)
        .ok()?
        .extensions();
    let options = &options.clone().with_default_extension(extensions);
    let threads = crate::case::cores();
    // Many more pieces than threads: the work evens out and progress moves.
    let per_list = |n: usize| match per {
        0 => n.div_ceil(threads * 16).max(1),
        per => per,
    };
    let total = lists
        .iter()
        .map(|l| l.items.len().div_ceil(per_list(l.items.len())))
        .sum();
    progress.start(Stage::Parsing, total);
    let parse = Parse {
        file,
        text,
        options,
        progress,
    };
    for List { which, items, .. } in lists {
        let per = per_list(items.len());
        match LISTS[which] {
            "eras" => dataset.eras = parse.plain(&items, per)?,
            "actors" => dataset.actors = parse.plain(&items, per)?,
            "sources" => dataset.sources = parse.plain(&items, per)?,
            "factors" => dataset.factors = parse.plain(&items, per)?,
            "tours" => dataset.tours = parse.plain(&items, per)?,
            _ => {
                let read = |src: &str| {
                    // The quick reader takes the usual events; ron reads
                    // what it declines. Events come back sanitized.
                    let mut event = event::read(src).or_else(|| options.from_str(src).ok())?;
                    sanitize_event(&mut event);
                    Some(event)
                };
                // Each piece's records are written into one block.
                let pack = |piece: &mut [Option<Event>]| {
                    Tables::default().pack(piece.iter_mut().flatten());
                };
                dataset.events = parse.each(&items, per, read, pack)?
            }
        }
    }
    Some(dataset)
}

/// The file's lists, in the order it gives them; `None` when one is not a
/// well-formed list.
fn lists(text: &str) -> Option<Vec<List>> {
    let threads = crate::case::cores();
    let mut lists = Vec::new();
    let mut well_formed = true;
    locate::fields(text, |name, at| {
        let which = LISTS.iter().position(|&l| l == name)?;
        // Only an event list is long enough to be worth cutting on every
        // core (and only its elements are known well enough to guess at).
        let stretches = if LISTS[which] == "events" { threads } else { 1 };
        match split::elements(text, at, stretches) {
            // More records than a case may hold: the whole read refuses
            // the first one too many, where it stands.
            Some((items, _)) if items.len() > MAX[which] => {
                well_formed = false;
                Some(Visit::Stop)
            }
            Some((items, end)) => {
                lists.push(List {
                    which,
                    span: at..end,
                    items,
                });
                Some(Visit::From(end))
            }
            None => {
                well_formed = false;
                Some(Visit::Stop)
            }
        }
    });
    well_formed.then_some(lists)
}

/// What parsing every piece shares.
struct Parse<'a> {
    file: &'a Arc<String>,
    text: &'a str,
    options: &'a ron::Options,
    progress: &'a Progress,
}

/// A piece of a list: where its elements are in the text, and the places
/// they go.
type Piece<'a, T> = (&'a [Range<usize>], &'a mut [Option<T>]);

impl Parse<'_> {
    /// The elements at `items`, each read as ron reads it.
    fn plain<T: DeserializeOwned + Send>(
        &self,
        items: &[Range<usize>],
        per: usize,
    ) -> Option<Vec<T>> {
        self.each(items, per, |src| self.options.from_str(src).ok(), |_| {})
    }

    /// The elements at `items`, each read by `read`, `per` to a piece, on
    /// every core, each piece then given to `done`; `None` as soon as one
    /// does not read.
    fn each<T: Send>(
        &self,
        items: &[Range<usize>],
        per: usize,
        read: impl Fn(&str) -> Option<T> + Sync,
        done: impl Fn(&mut [Option<T>]) + Sync,
    ) -> Option<Vec<T>> {
        // Each element is parsed straight into its place in the one list:
        // no piece is gathered and copied again.
        let mut slots: Vec<Option<T>> = Vec::new();
        slots.resize_with(items.len(), || None);
        let pieces: Vec<Mutex<Piece<T>>> = items
            .chunks(per)
            .zip(slots.chunks_mut(per))
            .map(Mutex::new)
            .collect();
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let work = || {
            let _reading = text::Reading::file(self.file);
            while let Some(piece) = pieces.get(next.fetch_add(1, Ordering::Relaxed)) {
                let Ok(mut piece) = piece.lock() else { break };
                let (ranges, into) = &mut *piece;
                for (range, slot) in ranges.iter().zip(into.iter_mut()) {
                    *slot = read(&self.text[range.clone()]);
                    if slot.is_none() {
                        // Stop early: the whole text will be parsed for the
                        // error and its position.
                        failed.store(true, Ordering::Relaxed);
                        next.store(usize::MAX / 2, Ordering::Relaxed);
                        return;
                    }
                }
                done(into);
                self.progress.advance(1);
            }
        };
        // A short list is not worth a thread.
        if pieces.len() < 2 {
            work();
        } else {
            std::thread::scope(|scope| {
                for _ in 0..crate::case::cores() {
                    scope.spawn(work);
                }
            });
        }
        drop(pieces);
        if failed.load(Ordering::Relaxed) {
            return None;
        }
        // Option<T> is laid out as T is: this reuses the list's memory.
        slots.into_iter().collect()
    }
}
