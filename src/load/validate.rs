//! The rules a parsed dataset must follow beyond its types: unique ids,
//! references that resolve, sane years, non-empty names.
//!
//! Every problem is collected (not just the first) and named by its path in
//! the file, so that `load` can give each one its line and column.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use super::locate::Seg::{self, Field, Index};
use crate::diagnostic::Severity;
use crate::model::{Dataset, Target};

/// Years a dataset may use. Wide enough for modern international history,
/// narrow enough to catch a typo such as `209` or `20009`.
pub const YEARS: RangeInclusive<i32> = 1500..=2100;

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
        ids: impl Iterator<Item = &'d str>,
    ) -> HashMap<&'d str, usize> {
        let mut seen = HashMap::new();
        for (i, id) in ids.enumerate() {
            let path = vec![Field(list), Index(i), Field("id")];
            if id.trim().is_empty() {
                self.error(path, format!("{kind} #{} has an empty id", i + 1));
            } else if let Some(&first) = seen.get(id) {
                self.problems.push(Problem {
                    severity: Severity::Error,
                    path,
                    message: format!("duplicate {kind} id `{id}`"),
                    first: Some(vec![Field(list), Index(first), Field("id")]),
                });
            } else {
                seen.insert(id, i);
            }
        }
        seen
    }

    fn non_empty(&mut self, path: Vec<Seg>, what: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(path, format!("{what} is empty"));
        }
    }

    fn year(&mut self, path: Vec<Seg>, what: &str, year: i32) {
        if !YEARS.contains(&year) {
            self.error(
                path,
                format!(
                    "{what} {year} is outside the years a dataset may use ({}–{})",
                    YEARS.start(),
                    YEARS.end()
                ),
            );
        }
    }

    /// Report each id in `refs` that `known` lacks, naming both ends.
    fn refs(
        &mut self,
        path: [Seg; 3],
        owner: &str,
        kind: &str,
        refs: &[String],
        known: &HashMap<&str, usize>,
    ) {
        for (i, r) in refs.iter().enumerate() {
            if !known.contains_key(r.as_str()) {
                let mut at = path.to_vec();
                at.push(Index(i));
                self.error(
                    at,
                    format!("{owner} names {kind} `{r}`, which does not exist"),
                );
            }
        }
    }
}

/// Check every rule, returning all problems in file order of the rules.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut c = Checker::default();
    c.non_empty(vec![Field("title")], "the dataset's title", &d.title);
    c.non_empty(vec![Field("source")], "the dataset's source", &d.source);
    let (first, last) = d.period;
    c.year(
        vec![Field("period"), Index(0)],
        "the period's first year",
        first,
    );
    c.year(
        vec![Field("period"), Index(1)],
        "the period's last year",
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
        let at = |f| vec![Field("eras"), Index(i), Field(f)];
        c.non_empty(at("name"), &format!("era `{}`'s name", era.id), &era.name);
        c.year(at("start"), "the era's start", era.start);
        c.year(at("end"), "the era's end", era.end);
        if era.end < era.start {
            c.error(
                at("end"),
                format!(
                    "era `{}` ends ({}) before it starts ({})",
                    era.id, era.end, era.start
                ),
            );
        }
    }

    let actors = c.ids("actors", "actor", d.actors.iter().map(|a| a.id.as_str()));
    for (i, actor) in d.actors.iter().enumerate() {
        let at = vec![Field("actors"), Index(i), Field("name")];
        c.non_empty(at, &format!("actor `{}`'s name", actor.id), &actor.name);
    }

    let sources = c.ids("sources", "source", d.sources.iter().map(|s| s.id.as_str()));
    for (i, source) in d.sources.iter().enumerate() {
        let at = vec![Field("sources"), Index(i), Field("citation")];
        c.non_empty(
            at,
            &format!("source `{}`'s citation", source.id),
            &source.citation,
        );
    }

    let factors = c.ids("factors", "factor", d.factors.iter().map(|f| f.id.as_str()));
    let mut linked = vec![false; d.factors.len()];
    for (i, f) in d.factors.iter().enumerate() {
        let at = |name| [Field("factors"), Index(i), Field(name)];
        let owner = format!("factor `{}`", f.id);
        c.non_empty(at("name").to_vec(), &format!("{owner}'s name"), &f.name);
        c.refs(at("actors"), &owner, "actor", &f.actors, &actors);
        c.refs(at("sources"), &owner, "source", &f.sources, &sources);
    }

    let events = c.ids("events", "event", d.events.iter().map(|e| e.id.as_str()));
    for (i, e) in d.events.iter().enumerate() {
        let at = |name| [Field("events"), Index(i), Field(name)];
        let owner = format!("event `{}`", e.id);
        c.non_empty(at("title").to_vec(), &format!("{owner}'s title"), &e.title);
        c.year(at("year").to_vec(), &format!("{owner}'s year"), e.year);
        if let Some(month) = e.month.filter(|m| !(1..=12).contains(m)) {
            c.error(
                at("month").to_vec(),
                format!("{owner}'s month {month} is not 1–12"),
            );
        }
        if let Some(until) = e.until {
            c.year(at("until").to_vec(), &format!("{owner}'s last year"), until);
            if until < e.year {
                c.error(
                    at("until").to_vec(),
                    format!("{owner} ends ({until}) before it starts ({})", e.year),
                );
            }
        }
        c.refs(at("factors"), &owner, "factor", &e.factors, &factors);
        c.refs(at("actors"), &owner, "actor", &e.actors, &actors);
        c.refs(at("sources"), &owner, "source", &e.sources, &sources);
        for id in &e.factors {
            if let Some(&f) = factors.get(id.as_str()) {
                linked[f] = true;
            }
        }
        if e.factors.is_empty() && (first..=last).contains(&e.year) {
            c.warn(
                vec![Field("events"), Index(i), Field("factors")],
                format!("{owner} is in the period but linked to no factor"),
            );
        }
    }
    for (i, f) in d.factors.iter().enumerate() {
        // A duplicate is already an error; do not also call it unlinked.
        if !linked[i] && factors.get(f.id.as_str()) == Some(&i) {
            c.warn(
                vec![Field("factors"), Index(i), Field("id")],
                format!("factor `{}` is linked to no event", f.id),
            );
        }
    }

    c.ids("tours", "tour", d.tours.iter().map(|t| t.id.as_str()));
    for (i, tour) in d.tours.iter().enumerate() {
        let at = |name| vec![Field("tours"), Index(i), Field(name)];
        c.non_empty(
            at("name"),
            &format!("tour `{}`'s name", tour.id),
            &tour.name,
        );
        if tour.steps.is_empty() {
            c.error(at("steps"), format!("tour `{}` has no steps", tour.id));
        }
        for (s, step) in tour.steps.iter().enumerate() {
            let path = vec![
                Field("tours"),
                Index(i),
                Field("steps"),
                Index(s),
                Field("show"),
            ];
            let (kind, id, known) = match &step.show {
                Target::Event(id) => ("event", id, &events),
                Target::Factor(id) => ("factor", id, &factors),
            };
            if !known.contains_key(id.as_str()) {
                c.error(
                    path,
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
