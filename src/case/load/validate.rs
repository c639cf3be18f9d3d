//! The rules a parsed dataset must follow beyond its types: unique ids,
//! references that resolve, sane years, non-empty names, bounded text.
//!
//! Every problem is collected (not just the first) and named by its path in
//! the file, so that `load` can give each one its line and column. Paths
//! and messages are only built for problems: a clean file of 100,000 events
//! costs a few lookups per event and no allocation per check.

use std::ops::RangeInclusive;

use rustc_hash::FxHashMap as HashMap;

use crate::case::diagnostic::Severity;
use crate::case::locate::Seg::{self, Field, Index};
use crate::case::model::{Dataset, Target};

/// Years a dataset may use. Wide enough for modern international history,
/// narrow enough to catch a typo such as `209` or `20009`.
pub const YEARS: RangeInclusive<i32> = 1500..=2100;

/// The longest text a field may hold, in bytes. A summary is a few
/// sentences; this is far beyond that, and keeps a hostile file from
/// filling the screen and the memory with one string.
pub const MAX_TEXT: usize = 64 * 1024;

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
fn at(list: &'static str, i: usize, field: &'static str) -> Vec<Seg> {
    vec![Field(list), Index(i), Field(field)]
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn error(&mut self, path: Vec<Seg>, message: String) {
        self.push(Severity::Error, path, message);
    }

    fn warn(&mut self, path: Vec<Seg>, message: String) {
        self.push(Severity::Warning, path, message);
    }

    fn push(&mut self, severity: Severity, path: Vec<Seg>, message: String) {
        self.problems.push(Problem {
            severity,
            path,
            message,
            first: None,
        });
    }

    /// Map ids to their positions, reporting empty and duplicate ids.
    fn ids<'d>(
        &mut self,
        list: &'static str,
        kind: &str,
        ids: impl ExactSizeIterator<Item = &'d str>,
    ) -> HashMap<&'d str, usize> {
        let mut seen = HashMap::with_capacity_and_hasher(ids.len(), Default::default());
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.error(
                    at(list, i, "id"),
                    format!("{kind} #{} has an empty id", i + 1),
                );
                continue;
            }
            match seen.entry(id) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(i);
                }
                std::collections::hash_map::Entry::Occupied(first) => {
                    self.problems.push(Problem {
                        severity: Severity::Error,
                        path: at(list, i, "id"),
                        message: format!("duplicate {kind} id `{id}`"),
                        first: Some(at(list, *first.get(), "id")),
                    });
                }
            }
        }
        seen
    }

    /// A name or title must say something; no text may be huge.
    fn text(
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

    fn year(&mut self, path: impl FnOnce() -> Vec<Seg>, what: impl FnOnce() -> String, year: i32) {
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
    fn refs(
        &mut self,
        (list, i, field): (&'static str, usize, &'static str),
        owner: impl Fn() -> String,
        kind: &str,
        refs: &[String],
        known: &HashMap<&str, usize>,
    ) {
        for (n, r) in refs.iter().enumerate() {
            if !known.contains_key(r.as_str()) {
                let mut path = at(list, i, field);
                path.push(Index(n));
                self.error(
                    path,
                    format!("{} names {kind} `{r}`, which does not exist", owner()),
                );
            }
        }
    }
}

/// Check every rule, returning all problems in file order of the rules.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut c = Checker::default();
    let top = |f| move || vec![Field(f)];
    c.text(
        top("title"),
        || "the dataset's title".into(),
        &d.title,
        true,
    );
    c.text(
        top("source"),
        || "the dataset's source".into(),
        &d.source,
        true,
    );
    let (first, last) = d.period;
    c.year(
        || vec![Field("period"), Index(0)],
        || "the period's first year".into(),
        first,
    );
    c.year(
        || vec![Field("period"), Index(1)],
        || "the period's last year".into(),
        last,
    );
    if last < first {
        c.error(
            vec![Field("period")],
            format!("the period ends ({last}) before it starts ({first})"),
        );
    }

    c.ids("eras", "era", d.eras.iter().map(|e| e.id.as_str()));
    for (i, era) in d.eras.iter().enumerate() {
        let of = |what: &str| format!("era `{}`'s {what}", era.id);
        c.text(|| at("eras", i, "name"), || of("name"), &era.name, true);
        c.text(
            || at("eras", i, "summary"),
            || of("summary"),
            &era.summary,
            false,
        );
        c.year(|| at("eras", i, "start"), || of("start"), era.start);
        c.year(|| at("eras", i, "end"), || of("end"), era.end);
        if era.end < era.start {
            c.error(
                at("eras", i, "end"),
                format!(
                    "era `{}` ends ({}) before it starts ({})",
                    era.id, era.end, era.start
                ),
            );
        }
    }

    let actors = c.ids("actors", "actor", d.actors.iter().map(|a| a.id.as_str()));
    for (i, a) in d.actors.iter().enumerate() {
        let of = |what: &str| format!("actor `{}`'s {what}", a.id);
        c.text(|| at("actors", i, "name"), || of("name"), &a.name, true);
        c.text(
            || at("actors", i, "country"),
            || of("country"),
            &a.country,
            false,
        );
        c.text(|| at("actors", i, "role"), || of("role"), &a.role, false);
    }

    let sources = c.ids("sources", "source", d.sources.iter().map(|s| s.id.as_str()));
    for (i, s) in d.sources.iter().enumerate() {
        let of = |what: &str| format!("source `{}`'s {what}", s.id);
        c.text(
            || at("sources", i, "citation"),
            || of("citation"),
            &s.citation,
            true,
        );
        for v in &s.variants {
            c.text(|| at("sources", i, "variants"), || of("variant"), v, true);
        }
        if let Some(note) = &s.note {
            c.text(|| at("sources", i, "note"), || of("note"), note, false);
        }
    }

    let factors = c.ids("factors", "factor", d.factors.iter().map(|f| f.id.as_str()));
    let mut linked = vec![false; d.factors.len()];
    for (i, f) in d.factors.iter().enumerate() {
        let owner = || format!("factor `{}`", f.id);
        let of = |what: &str| format!("factor `{}`'s {what}", f.id);
        c.text(|| at("factors", i, "name"), || of("name"), &f.name, true);
        c.text(
            || at("factors", i, "summary"),
            || of("summary"),
            &f.summary,
            false,
        );
        for (field, text) in [("quote", &f.quote), ("note", &f.note)] {
            if let Some(text) = text {
                c.text(|| at("factors", i, field), || of(field), text, false);
            }
        }
        c.refs(("factors", i, "actors"), owner, "actor", &f.actors, &actors);
        c.refs(
            ("factors", i, "sources"),
            owner,
            "source",
            &f.sources,
            &sources,
        );
    }

    let events = c.ids("events", "event", d.events.iter().map(|e| e.id.as_str()));
    // Events in no era are worth a warning only when the eras are sound: a
    // reversed era is already an error.
    let eras_sound = !d.eras.is_empty() && d.eras.iter().all(|x| x.start <= x.end);
    for (i, e) in d.events.iter().enumerate() {
        let owner = || format!("event `{}`", e.id);
        let of = |what: &str| format!("event `{}`'s {what}", e.id);
        c.text(|| at("events", i, "title"), || of("title"), &e.title, true);
        c.text(
            || at("events", i, "summary"),
            || of("summary"),
            &e.summary,
            false,
        );
        for (field, text) in [("quote", &e.quote), ("note", &e.note)] {
            if let Some(text) = text {
                c.text(|| at("events", i, field), || of(field), text, false);
            }
        }
        c.year(|| at("events", i, "year"), || of("year"), e.year);
        if let Some(month) = e.month.filter(|m| !(1..=12).contains(m)) {
            c.error(
                at("events", i, "month"),
                format!("{}'s month {month} is not 1–12", owner()),
            );
        }
        if let Some(until) = e.until {
            c.year(|| at("events", i, "until"), || of("last year"), until);
            if until < e.year {
                c.error(
                    at("events", i, "until"),
                    format!("{} ends ({until}) before it starts ({})", owner(), e.year),
                );
            }
        }
        c.refs(
            ("events", i, "factors"),
            owner,
            "factor",
            &e.factors,
            &factors,
        );
        c.refs(("events", i, "actors"), owner, "actor", &e.actors, &actors);
        c.refs(
            ("events", i, "sources"),
            owner,
            "source",
            &e.sources,
            &sources,
        );
        for id in &e.factors {
            if let Some(&f) = factors.get(id.as_str()) {
                linked[f] = true;
            }
        }
        // A reversed period is already an error; these would only add noise.
        let in_period = first <= last && (first..=last).contains(&e.year);
        if first <= last && e.year > last && YEARS.contains(&e.year) {
            c.warn(
                at("events", i, "year"),
                format!(
                    "{} ({}) is after the period ({first}–{last})",
                    owner(),
                    e.year
                ),
            );
        }
        if e.factors.is_empty() && in_period {
            c.warn(
                at("events", i, "factors"),
                format!("{} is in the period but linked to no factor", owner()),
            );
        }
        let in_an_era = d.eras.iter().any(|x| (x.start..=x.end).contains(&e.year));
        if in_period && eras_sound && !in_an_era {
            c.warn(
                at("events", i, "year"),
                format!(
                    "{} ({}) falls in no era; the timeline lists it under \"no era\"",
                    owner(),
                    e.year
                ),
            );
        }
    }
    for (i, f) in d.factors.iter().enumerate() {
        // A duplicate is already an error; do not also call it unlinked.
        if !linked[i] && factors.get(f.id.as_str()) == Some(&i) {
            c.warn(
                at("factors", i, "id"),
                format!("factor `{}` is linked to no event", f.id),
            );
        }
    }

    c.ids("tours", "tour", d.tours.iter().map(|t| t.id.as_str()));
    for (i, tour) in d.tours.iter().enumerate() {
        c.text(
            || at("tours", i, "name"),
            || format!("tour `{}`'s name", tour.id),
            &tour.name,
            true,
        );
        if tour.steps.is_empty() {
            c.error(
                at("tours", i, "steps"),
                format!("tour `{}` has no steps", tour.id),
            );
        }
        for (s, step) in tour.steps.iter().enumerate() {
            let path = |field| {
                vec![
                    Field("tours"),
                    Index(i),
                    Field("steps"),
                    Index(s),
                    Field(field),
                ]
            };
            c.text(
                || path("note"),
                || format!("tour `{}` step {}'s note", tour.id, s + 1),
                &step.note,
                false,
            );
            let (kind, id, known) = match &step.show {
                Target::Event(id) => ("event", id, &events),
                Target::Factor(id) => ("factor", id, &factors),
            };
            if !known.contains_key(id.as_str()) {
                c.error(
                    path("show"),
                    format!(
                        "tour `{}` step {} shows {kind} `{id}`, which does not exist",
                        tour.id,
                        s + 1
                    ),
                );
            }
        }
    }
    c.problems
}
