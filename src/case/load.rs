//! From a file to a dataset the program can trust:
//! read → decode → parse → sanitize → validate → order.
//!
//! Whatever goes wrong comes back as [`Diagnostic`]s with the file, line and
//! column, never as a panic. On success the events are in chronological
//! order and every string is inert (see [`crate::case::sanitize`]).

mod event;
mod pieces;
mod place;
mod read;
mod split;
mod stream;
mod validate;

use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

use ron::extensions::Extensions;
use stream::Stop;

use crate::case::diagnostic::{Diagnostic, Lines, Place, Severity};
use crate::case::locate;
use crate::case::model::{Dataset, Event, Role, Skimming, Text};
use crate::case::{memory, sanitize, text};

pub use read::MAX_BYTES;
pub use validate::{More, SHOWN, YEARS};

/// The shipped case study, built into the binary.
pub const EMBEDDED: &str = include_str!("../../assets/pakistan-russia.ron");

/// The name the embedded dataset goes by in messages.
pub const EMBEDDED_NAME: &str = "pakistan-russia.ron (embedded)";

/// How deeply values may nest, in a dataset or a settings file: the file's
/// outermost value is level 1. The schema needs six levels; the limit keeps
/// a hostile file from exhausting the stack.
pub const MAX_NESTING: usize = 32;

/// The parser's options for datasets and settings files.
pub fn ron_options() -> ron::Options {
    // The parser's own limit guards the stack. It counts calls, not levels
    // (a list read as a free value costs two), so it is set well above
    // `MAX_NESTING`: a file is measured by [`nesting`], which counts levels
    // as a reader does, and the limit's message names that count.
    ron::Options::default().with_recursion_limit(4 * MAX_NESTING)
}

/// Refuse `text` if it nests deeper than [`MAX_NESTING`], pointing at the
/// first bracket too deep. (A dataset's schema is shallow, so a dataset
/// that deep fails on its types first; a settings file may hold free
/// values and is measured before it is read.)
pub fn nesting(name: &str, text: &str) -> Result<(), Diagnostic> {
    match locate::too_deep(text, MAX_NESTING) {
        None => Ok(()),
        Some(at) => {
            let lines = Lines::new(text);
            Err(lines.diagnostic(Severity::Error, name, at, too_deep_message()))
        }
    }
}

fn too_deep_message() -> String {
    format!("values nest more than {MAX_NESTING} levels deep; the schema needs far fewer")
}

/// Files at least this large are parsed in pieces, in parallel.
const PARALLEL_ABOVE: usize = 4 << 20;

/// The longest lead (comments and attributes before the dataset) that is
/// repeated before every piece.
const MAX_HEAD: usize = 64 << 10;

/// The most of a file outside its event list (the fields before and after
/// it) that is read apart from the events, as a copy of its own. Real
/// cases hold far less; a file with more (a hostile one) is read whole,
/// where its texts point into the file and its error has its place.
const MAX_OUTSIDE: usize = 16 << 20;

/// The stages of loading, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Reading the file (units: bytes).
    Reading,
    /// Parsing the RON (units: pieces of the event list, when parallel).
    Parsing,
    /// Sanitizing and validating.
    Checking,
    /// Building the index (reported by the caller).
    Indexing,
}

impl Stage {
    /// What the stage is called on a progress screen.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Parsing => "parsing",
            Stage::Checking => "checking",
            Stage::Indexing => "indexing",
        }
    }
}

/// How far a load has got, for a progress display on another thread.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    /// Enter `stage`, which has `total` units of work (0 when unknown).
    pub fn start(&self, stage: Stage, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    /// Count `units` more units done.
    pub fn advance(&self, units: usize) {
        self.done.fetch_add(units, Ordering::Relaxed);
    }

    /// The current stage and, when it is known, the fraction of it done.
    pub fn get(&self) -> (Stage, Option<f64>) {
        let stage = match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Parsing,
            2 => Stage::Checking,
            _ => Stage::Indexing,
        };
        let total = self.total.load(Ordering::Relaxed);
        let done = self.done.load(Ordering::Relaxed);
        (
            stage,
            (total > 0).then(|| (done as f64 / total as f64).min(1.0)),
        )
    }
}

/// A dataset that passed every check, with the warnings it raised.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The dataset, events in chronological order, strings sanitized.
    pub dataset: Dataset,
    /// Problems that do not stop the dataset from being used: the first
    /// [`SHOWN`] in full.
    pub warnings: Vec<Diagnostic>,
    /// The warnings past those, counted by kind.
    pub more: Vec<More>,
}

impl Loaded {
    /// How many warnings the dataset raised in all.
    pub fn warning_count(&self) -> usize {
        self.warnings.len() + self.more.iter().map(|m| m.count).sum::<usize>()
    }

    /// Each warning in full, then a line per kind of those counted.
    pub fn warning_lines(&self, name: &str) -> Vec<String> {
        let mut lines: Vec<String> = self.warnings.iter().map(|w| w.to_string()).collect();
        lines.extend(self.more.iter().map(|m| more_line(name, m)));
        lines
    }
}

/// "… and 999,900 more warnings like: event `…` has no factor".
fn more_line(name: &str, more: &More) -> String {
    let kind = match more.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!(
        "{}: … and {} more {kind}{} like: {}",
        sanitize::line(name),
        more.count,
        if more.count == 1 { "" } else { "s" },
        more.kind
    )
}

/// Why a dataset could not be loaded: every error found, then the warnings.
#[derive(Debug, Clone, thiserror::Error)]
pub struct LoadError {
    /// Errors first (in file order), then warnings: the first [`SHOWN`] of
    /// each in full.
    pub diagnostics: Vec<Diagnostic>,
    /// The rest, counted by kind.
    pub more: Vec<More>,
    /// The file's name, for the counted lines.
    pub file: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counted = self.more.iter().map(|m| more_line(&self.file, m));
        for (i, line) in self
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .chain(counted)
            .enumerate()
        {
            if i > 0 {
                f.write_str("\n")?;
            }
            f.write_str(&line)?;
        }
        Ok(())
    }
}

impl LoadError {
    /// How many errors and warnings there are in all.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = self.diagnostics.len() - errors;
        let more = |s: Severity| -> usize {
            self.more
                .iter()
                .filter(|m| m.severity == s)
                .map(|m| m.count)
                .sum()
        };
        (
            errors + more(Severity::Error),
            warnings + more(Severity::Warning),
        )
    }
}

impl From<Diagnostic> for LoadError {
    fn from(d: Diagnostic) -> LoadError {
        LoadError {
            file: d.file.clone(),
            diagnostics: vec![d],
            more: Vec::new(),
        }
    }
}

/// Load the dataset at `path` (`-` for standard input).
pub fn from_path(path: &Path) -> Result<Loaded, LoadError> {
    from_path_with(path, &Progress::default())
}

/// Load the dataset at `path`, telling `progress` how far it has got.
pub fn from_path_with(path: &Path, progress: &Progress) -> Result<Loaded, LoadError> {
    // A large file that loads cleanly is read a window at a time; any
    // other is read whole. A case on a stream (standard input, a pipe) is
    // copied to a file first, so that a large one is read as a file is.
    let name = display_name(path);
    let spool = read::spool(path, &name, progress)?;
    let path = spool.as_ref().map_or(path, |spool| spool.path());
    let way = match stream::load(
        path,
        &name,
        progress,
        (PARALLEL_ABOVE, true),
        stream::WINDOW,
    ) {
        Ok(loaded) => return loaded,
        Err(Stop::Unsuited) => None,
        Err(Stop::Malformed) => Some(Way::Skim),
    };
    let bytes = read::bytes(path, &name, progress)?;
    // The case's texts point into this one buffer (see `case::text`).
    let file = Arc::new(read::text(bytes, &name)?);
    let way = way.unwrap_or_else(|| Way::for_size(file.len()));
    load_text(&name, &file, progress, way)
}

/// Load the file at `path` a window of `window` bytes at a time, whatever
/// its size, as a large file is loaded: `None` when it has anything
/// unusual, where [`from_path`] reads it whole. The result is the same as
/// [`from_path`]'s, to every message; this is how that is tested.
pub fn from_path_in_windows(path: &Path, window: usize) -> Option<Result<Loaded, LoadError>> {
    let name = display_name(path);
    stream::load(path, &name, &Progress::default(), (0, false), window.max(1)).ok()
}

/// What messages call the file at `path` (`-` is standard input).
pub fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Load the embedded case study.
pub fn embedded() -> Result<Loaded, LoadError> {
    from_str(EMBEDDED_NAME, EMBEDDED)
}

/// Load a dataset from its text; `name` is what messages call the file.
pub fn from_str(name: &str, text: &str) -> Result<Loaded, LoadError> {
    from_string(name, text.to_owned())
}

/// Load a dataset from text the case may keep: its texts point into it
/// instead of a copy (see [`crate::case::text`]).
pub fn from_string(name: &str, text: String) -> Result<Loaded, LoadError> {
    load_file(name, Arc::new(text), &Progress::default())
}

/// How a whole file's text is parsed.
#[derive(Clone, Copy)]
enum Way {
    /// At once: a small file.
    Whole,
    /// Its lists in pieces of so many items (0: as many as keep every core
    /// busy), parsed in parallel; a file that does not read so is skimmed,
    /// then parsed at once.
    Pieces(usize),
    /// Skimmed (see [`Skimming`]), then parsed at once: a large file known
    /// not to parse, refused holding an item at a time, not the case.
    Skim,
}

impl Way {
    /// The way for a file of `len` bytes.
    fn for_size(len: usize) -> Way {
        if len >= PARALLEL_ABOVE {
            Way::Pieces(0)
        } else {
            Way::Whole
        }
    }
}

/// Load a whole file's text, a large one in parallel pieces.
fn load_file(name: &str, file: Arc<String>, progress: &Progress) -> Result<Loaded, LoadError> {
    load_text(name, &file, progress, Way::for_size(file.len()))
}

/// Load a dataset from its text as a large file is read, its events in
/// pieces of `per_piece` events parsed in parallel, whatever its size. The
/// result is the same as [`from_str`]'s, to the error and its position;
/// this is how that is tested.
pub fn from_str_in_pieces(name: &str, text: &str, per_piece: usize) -> Result<Loaded, LoadError> {
    let file = Arc::new(text.to_owned());
    load_text(
        name,
        &file,
        &Progress::default(),
        Way::Pieces(per_piece.max(1)),
    )
}

/// Load from text, parsed the `way` given.
fn load_text(
    name: &str,
    file: &Arc<String>,
    progress: &Progress,
    way: Way,
) -> Result<Loaded, LoadError> {
    let text = file.strip_prefix('\u{feff}').unwrap_or(file);
    let options = ron_options().with_default_extension(Extensions::IMPLICIT_SOME);
    progress.start(Stage::Parsing, 0);
    // Pieces parsed in parallel come back with their events sanitized.
    let pieces = match way {
        Way::Pieces(per) => {
            let pieces = pieces::in_pieces(file, text, &options, progress, per);
            if pieces.is_none() {
                // What the pieces held is gone before the file is skimmed.
                memory::give_back();
            }
            pieces
        }
        Way::Whole | Way::Skim => None,
    };
    let parsed = match pieces {
        Some(dataset) => Ok((dataset, true)),
        None => {
            let _reading = text::Reading::file(file);
            // A large file is skimmed first, so that one that does not
            // parse is refused holding an item at a time, not the case.
            let skimmed = match way {
                Way::Whole => Ok(()),
                Way::Pieces(_) | Way::Skim => {
                    let _skimming = Skimming::start();
                    options.from_str::<Dataset>(text).map(drop)
                }
            };
            skimmed.and_then(|()| options.from_str(text).map(|d| (d, false)))
        }
    };
    let (mut dataset, events_clean): (Dataset, bool) =
        parsed.map_err(|e| syntax_error(name, text, &e))?;
    progress.start(Stage::Checking, 0);
    sanitize_dataset(&mut dataset, !events_clean);
    let found = validate::validate(&dataset);
    finish(name, kept(dataset, &found), found, text)
}

/// The dataset, unless what validation found refuses it: a refused case is
/// not held while its problems are placed in the file.
fn kept(dataset: Dataset, found: &validate::Found) -> Option<Dataset> {
    if found.refuses() {
        drop(dataset);
        memory::give_back();
        return None;
    }
    Some(dataset)
}

/// The load's result, from a parsed and sanitized dataset (`None` when
/// refused, see [`kept`]) and what validation found in it: its problems
/// placed in `text`, the file's text.
fn finish(
    name: &str,
    dataset: Option<Dataset>,
    found: validate::Found,
    text: &str,
) -> Result<Loaded, LoadError> {
    let paths = problem_paths(&found.problems);
    let places = if paths.is_empty() {
        Vec::new()
    } else {
        // Only what leads to a problem is scanned into a tree: a whole
        // tree of a large file takes several times the file.
        let tree = locate::Tree::scan_for(text, &paths);
        let lines = Lines::new(text);
        paths.iter().map(|p| lines.place(tree.offset(p))).collect()
    };
    conclude(name, dataset, found, places)
}

/// The paths of `problems`, in the order [`conclude`] takes their places:
/// each one's own, then where the first of a duplicate is.
fn problem_paths(problems: &[validate::Problem]) -> Vec<&[locate::Seg]> {
    problems
        .iter()
        .flat_map(|p| std::iter::once(&p.path).chain(&p.first))
        .map(Vec::as_slice)
        .collect()
}

/// The load's result, as [`finish`] gives it, with the places of the
/// problems' paths (see [`problem_paths`]) found.
fn conclude(
    name: &str,
    dataset: Option<Dataset>,
    found: validate::Found,
    places: Vec<Place>,
) -> Result<Loaded, LoadError> {
    let mut diagnostics = Vec::new();
    let mut places = places.into_iter();
    for p in found.problems {
        let Some(place) = places.next() else { break };
        let mut message = p.message;
        if let Some(first) = p.first.and_then(|_| places.next()) {
            let at = first.pos;
            message.push_str(&format!(" (first at line {}, column {})", at.line, at.col));
        }
        diagnostics.push(place.diagnostic(p.severity, name, message));
    }
    diagnostics.sort_by_key(|d| (d.severity, d.pos));
    let Some(mut dataset) = dataset.filter(|_| !diagnostics.iter().any(Diagnostic::is_error))
    else {
        return Err(LoadError {
            diagnostics,
            more: found.more,
            file: sanitize::line(name).into_owned(),
        });
    };
    // A stable sort keeps the file's order within a year (and a month).
    sort_chronologically(&mut dataset.events);
    Ok(Loaded {
        dataset,
        warnings: diagnostics,
        more: found.more,
    })
}

/// Put events in date order, keeping the file's order within a date. Sorts
/// positions and moves each event once, so a large case needs no second
/// copy of its events while sorting.
fn sort_chronologically(events: &mut [Event]) {
    if events.is_sorted_by_key(|e| e.chronology()) {
        return;
    }
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| events[i].chronology());
    // Apply the order in place, cycle by cycle: position i takes the event
    // that was at order[i].
    for start in 0..order.len() {
        let mut i = start;
        loop {
            let from = order[i];
            order[i] = i;
            if from == start || from == i {
                break;
            }
            events.swap(i, from);
            i = from;
        }
    }
}

/// Make an event's strings inert, as [`sanitize_dataset`] does.
fn sanitize_event(e: &mut Event) {
    e.each_own_text_mut(|t, role| {
        if let Some(clean) = cleaned(t, role) {
            *t = clean.into();
        }
    });
    e.clean_refs(cleaned);
}

/// `t` made inert for a terminal as the part it plays asks, where that
/// changes it.
fn cleaned(t: &str, role: Role) -> Option<String> {
    let clean = match role {
        Role::Line | Role::Theme => crate::case::sanitize::line(t),
        Role::Prose => crate::case::sanitize::text(t),
        // Ids and references are checked, not cleaned (see `sanitize_dataset`).
        Role::Id | Role::Reference => return None,
    };
    match clean {
        std::borrow::Cow::Owned(clean) => Some(clean),
        std::borrow::Cow::Borrowed(_) => None,
    }
}

/// The schema's name for a type ron names in an error: "the dataset",
/// "an event", "a level".
fn schema_noun(outer: Option<&str>) -> String {
    match outer {
        None | Some("Dataset") => "the dataset".to_owned(),
        Some("Step") => "a tour step".to_owned(),
        Some(name) => {
            let name = name.to_lowercase();
            let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("{article} {name}")
        }
    }
}

/// "`a`, `b` or `c`".
fn listed(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// A RON parse error as a diagnostic pointing at the offending value (in a
/// dataset or a settings file).
pub fn syntax_error(name: &str, text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    let message = match &e.code {
        ron::Error::ExceededRecursionLimit => {
            // Point at the first bracket past the limit, not where the
            // parser's count ran out.
            if let Err(d) = nesting(name, text) {
                return d;
            }
            too_deep_message()
        }
        ron::Error::Eof => "the file ends before what it began is complete".to_owned(),
        ron::Error::ExpectedComma => "a comma is missing after this".to_owned(),
        ron::Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "{} has no field `{found}`; its fields are {}",
            schema_noun(outer.as_deref()),
            listed(expected)
        ),
        ron::Error::MissingStructField { field, outer } => {
            format!("{} is missing `{field}`", schema_noun(outer.as_deref()))
        }
        ron::Error::DuplicateStructField { field, outer } => {
            format!(
                "`{field}` is given twice in {}",
                schema_noun(outer.as_deref())
            )
        }
        ron::Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = match outer.as_deref() {
                Some("Target") => "a tour step's target".to_owned(),
                other => schema_noun(other),
            };
            format!("`{found}` is not {what}; use {}", listed(expected))
        }
        code => {
            let mut m = code.to_string();
            // ron capitalises its messages; ours read as one sentence.
            if let Some(first) = m.get(..1) {
                m.replace_range(..1, &first.to_lowercase());
            }
            m
        }
    };
    let lines = Lines::new(text);
    let mut pos = crate::case::diagnostic::Pos {
        line: e.span.start.line.max(1),
        col: e.span.start.col.max(1),
    };
    // ron reports a bad value from just after the `:` before it; point at
    // the value itself.
    let line = lines.line(pos.line);
    let blanks = line
        .chars()
        .skip(pos.col - 1)
        .take_while(|c| c.is_whitespace())
        .count();
    if pos.col - 1 + blanks < line.chars().count() {
        pos.col += blanks;
    }
    // ron notices a missing comma at the next value, often lines later;
    // point at the end of the value that lacks it instead.
    if e.code == ron::Error::ExpectedComma {
        let before = text[..lines.offset(pos)].trim_end();
        if !before.is_empty() {
            pos = lines.pos(before.len() - before.chars().next_back().map_or(0, char::len_utf8));
        }
    }
    Diagnostic::at(Severity::Error, name, lines.line(pos.line), pos, message)
}

/// Make every string of the dataset inert (the events' too when `events`).
/// Names and tags stay on one line; summaries, quotes and notes keep their
/// line breaks. Ids and references are left as written: validation allows
/// them only a small visible set of characters, so a look-alike is refused
/// rather than quietly made equal to another id.
fn sanitize_dataset(d: &mut Dataset, events: bool) {
    let line = |s: &mut Text| s.sanitize(false);
    let text = |s: &mut Text| s.sanitize(true);
    let lines = |v: &mut Vec<Text>| v.iter_mut().for_each(line);
    let opt_text = |o: &mut Option<Text>| o.iter_mut().for_each(text);
    line(&mut d.title);
    line(&mut d.source);
    if let Some(t) = &mut d.thesis {
        text(&mut t.summary);
        text(&mut t.quote);
    }
    for e in &mut d.eras {
        line(&mut e.name);
        text(&mut e.summary);
    }
    for a in &mut d.actors {
        [&mut a.name, &mut a.country, &mut a.role]
            .into_iter()
            .for_each(line);
        opt_text(&mut a.note);
    }
    for s in &mut d.sources {
        line(&mut s.citation);
        lines(&mut s.variants);
        opt_text(&mut s.note);
    }
    for f in &mut d.factors {
        line(&mut f.name);
        text(&mut f.summary);
        if let Some(s) = &mut f.sourcing {
            // The source it cites is a reference, checked, not cleaned.
            s.each_text_mut(|t, role| {
                if role == Role::Prose {
                    text(t);
                }
            });
        }
    }
    if events {
        d.events.iter_mut().for_each(sanitize_event);
    }
    for t in &mut d.tours {
        line(&mut t.name);
        for s in &mut t.steps {
            text(&mut s.text);
            opt_text(&mut s.note);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_keeps_the_file_order_within_a_date() {
        let event = |id: &str, year: i32, month: Option<u8>| {
            let mut e = Event::default();
            (e.id, e.year, e.month, e.title) = (id.into(), year, month, id.into());
            e
        };
        let mut events = vec![
            event("c", 2005, None),
            event("a", 2001, Some(3)),
            event("d", 2005, None),
            event("b", 2001, None),
            event("f", 2009, Some(1)),
            event("e", 2005, Some(2)),
        ];
        sort_chronologically(&mut events);
        let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "c", "d", "e", "f"]);
    }
}
