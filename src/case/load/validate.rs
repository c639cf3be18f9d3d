//! The rules a parsed dataset must follow beyond its types: unique ids,
//! references that resolve, sane years, non-empty names, bounded text.
//!
//! Every problem is collected (not just the first) and named by its path in
//! the file, so that `load` can give each one its line and column. Paths
//! and messages are only built for problems: a clean file of 100,000 events
//! costs a few lookups per event and no allocation per check.

mod actors;
mod dataset;
mod eras;
mod events;
mod factors;
mod ids;
mod provenance;
mod sources;
mod tours;

use std::ops::RangeInclusive;

use crate::case::diagnostic::Severity;
use crate::case::locate::Seg::{self, Field, Index};
use crate::case::model::Dataset;

use ids::{Ids, Keyed};

/// Years a dataset may use. Wide enough for modern international history,
/// narrow enough to catch a typo such as `209` or `20009`.
pub const YEARS: RangeInclusive<i32> = 1500..=2100;

/// The longest text a field may hold, in bytes. A summary is a few
/// sentences; this is far beyond that, and keeps a hostile file from
/// filling the screen and the memory with one string.
pub const MAX_TEXT: usize = 64 * 1024;

/// What an id may hold, as messages say it.
const ID_CHARS: &str = "an id is ASCII letters, digits, `-`, `_` and `.`";

/// Whether `c` may appear in an id. Ids are typed on the command line
/// (`--tour ID`) and printed by `search`; a small visible set means two ids
/// that look alike are the same id.
fn id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// An id as a message shows it: characters outside the id set written as
/// `\u{…}`, so a look-alike is visible and nothing reaches the terminal raw.
pub(super) fn shown_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if id_char(c) {
                c.to_string()
            } else {
                format!("\\u{{{:x}}}", c as u32)
            }
        })
        .collect()
}

/// A character outside the id set, named for a message.
fn describe(c: char) -> String {
    if c == ' ' {
        "a space".to_owned()
    } else {
        format!("U+{:04X}", c as u32)
    }
}

/// One thing wrong with a dataset.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where it is.
    pub path: Vec<Seg>,
    /// What is wrong.
    pub message: String,
    /// For a duplicate, where the first one is.
    pub first: Option<Vec<Seg>>,
}

/// The path of a field of an item: `list[i].field`.
pub(super) fn at(list: &'static str, i: usize, field: &'static str) -> Vec<Seg> {
    vec![Field(list), Index(i), Field(field)]
}

/// Problems of one severity reported in full; past this many they are
/// counted by kind. A file can hold a million of one mistake: the first
/// hundred say where, and one line says how many more.
pub const SHOWN: usize = 100;

/// Problems not reported one by one: how many of each kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct More {
    /// Error or warning.
    pub severity: Severity,
    /// The kind, as a message with its particulars left out.
    pub kind: String,
    /// How many more of it.
    pub count: usize,
}

/// All that validation found.
#[derive(Debug, Default)]
pub struct Found {
    /// The problems reported in full, at most [`SHOWN`] of each severity.
    pub problems: Vec<Problem>,
    /// The rest, counted by kind in order of first appearance.
    pub more: Vec<More>,
}

impl Found {
    /// Whether the dataset is refused: any problem is an error. (The
    /// first errors are always among those reported in full.)
    pub fn refuses(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Problems found so far, and the checks that add to them.
#[derive(Default)]
pub(super) struct Checker {
    found: Found,
    /// Problems reported in full, of each severity.
    shown: [usize; 2],
}

impl Checker {
    pub(super) fn error(&mut self, path: Vec<Seg>, message: String) {
        self.push(Problem {
            severity: Severity::Error,
            path,
            message,
            first: None,
        });
    }

    pub(super) fn warn(&mut self, path: Vec<Seg>, message: String) {
        self.push(Problem {
            severity: Severity::Warning,
            path,
            message,
            first: None,
        });
    }

    /// Add what `later` found, as if this checker had gone on to find it:
    /// its problems in order (the first [`SHOWN`] of each severity in full,
    /// across both), then its counts.
    pub(super) fn append(&mut self, later: Checker) {
        for problem in later.found.problems {
            self.push(problem);
        }
        for more in later.found.more {
            match self
                .found
                .more
                .iter_mut()
                .find(|m| m.severity == more.severity && m.kind == more.kind)
            {
                Some(m) => m.count += more.count,
                None => self.found.more.push(more),
            }
        }
    }

    fn push(&mut self, problem: Problem) {
        let shown = &mut self.shown[problem.severity as usize];
        if *shown < SHOWN {
            *shown += 1;
            self.found.problems.push(problem);
            return;
        }
        let kind = kind_of(&problem.message);
        let more = &mut self.found.more;
        match more
            .iter_mut()
            .find(|m| m.severity == problem.severity && m.kind == kind)
        {
            Some(m) => m.count += 1,
            None => more.push(More {
                severity: problem.severity,
                kind,
                count: 1,
            }),
        }
    }

    /// Map ids to their positions, reporting empty and duplicate ids.
    fn ids<'d, T: Keyed>(
        &mut self,
        (list, kind): (&'static str, &str),
        items: &'d [T],
    ) -> Ids<'d, T> {
        let mut seen = Ids::of(items);
        for (i, id) in items.iter().map(T::key).enumerate() {
            if id.trim().is_empty() {
                self.error(
                    at(list, i, "id"),
                    format!("{kind} #{} has an empty id", i + 1),
                );
                continue;
            }
            if let Some(bad) = id.chars().find(|&c| !id_char(c)) {
                self.error(
                    at(list, i, "id"),
                    format!(
                        "{kind} id `{}` holds {}: {ID_CHARS}",
                        shown_id(id),
                        describe(bad)
                    ),
                );
                continue;
            }
            if let Err(first) = seen.insert(i) {
                self.push(Problem {
                    severity: Severity::Error,
                    path: at(list, i, "id"),
                    message: format!("duplicate {kind} id `{id}`"),
                    first: Some(at(list, first, "id")),
                });
            }
        }
        seen
    }

    /// A name or title must say something; no text may be huge.
    pub(super) fn text(
        &mut self,
        path: impl FnOnce() -> Vec<Seg>,
        what: impl FnOnce() -> String,
        value: &str,
        required: bool,
    ) {
        if value.len() > MAX_TEXT {
            self.error(
                path(),
                format!(
                    "{} is {} KiB long, over the {} KiB a text may hold",
                    what(),
                    value.len() / 1024,
                    MAX_TEXT / 1024
                ),
            );
        } else if required && value.trim().is_empty() {
            self.error(path(), format!("{} is empty", what()));
        }
    }

    pub(super) fn year(
        &mut self,
        path: impl FnOnce() -> Vec<Seg>,
        what: impl FnOnce() -> String,
        year: i32,
    ) {
        if !YEARS.contains(&year) {
            self.error(
                path(),
                format!(
                    "{} {year} is outside the years a dataset may use ({}–{})",
                    what(),
                    YEARS.start(),
                    YEARS.end()
                ),
            );
        }
    }

    /// Report each id in `refs` that `known` lacks, naming both ends.
    pub(super) fn refs<'r>(
        &mut self,
        (list, i, field): (&'static str, usize, &'static str),
        owner: impl Fn() -> String,
        kind: &str,
        refs: impl IntoIterator<Item = &'r str>,
        known: &Ids<impl Keyed>,
    ) {
        for (n, r) in refs.into_iter().enumerate() {
            if !known.contains_key(r) {
                let mut path = at(list, i, field);
                path.push(Index(n));
                // A link written `(factor: "id", …)` is pointed at its id;
                // a plain id has no field below it, and the path stops there.
                if field == "factors" {
                    path.push(Field("factor"));
                }
                self.error(
                    path,
                    format!(
                        "{} names {kind} `{}`, which does not exist",
                        owner(),
                        shown_id(r)
                    ),
                );
            }
        }
    }
}

/// Check every rule, returning all problems in the order of the rules:
/// the dataset's own fields, then each kind of item in schema order.
pub fn validate(d: &Dataset) -> Found {
    let mut c = Checker::default();
    dataset::check(&mut c, d);
    let eras = eras::check(&mut c, d);
    let actors = actors::check(&mut c, d);
    let sources = sources::check(&mut c, d);
    let factors = factors::check(&mut c, d, &actors, &sources);
    let known = events::Known {
        eras: &eras,
        factors: &factors,
        actors: &actors,
        sources: &sources,
    };
    let events = events::check(&mut c, d, &known);
    factors::unlinked(&mut c, d, &factors);
    tours::check(&mut c, d, &events, &factors);
    c.found
}

/// A problem's kind: its message with the particulars (what stands
/// between backticks, numbers) left out, so that "event `a` has no factor"
/// and "event `b` has no factor" count as one kind.
fn kind_of(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut quoted = false;
    for c in message.chars() {
        if c == '`' {
            if !quoted {
                kind.push_str("`…`");
            }
            quoted = !quoted;
        } else if !quoted {
            if c.is_ascii_digit() {
                if !kind.ends_with('#') {
                    kind.push('#');
                }
            } else {
                kind.push(c);
            }
        }
    }
    kind
}
