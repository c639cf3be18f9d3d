//! Where each claim comes from, as far as a case says: a quote's source
//! exists and is cited, a link's page is one its items give, a date the
//! common record supplies has a note saying so, and a named era holds the
//! event's year.
//!
//! What a case leaves unsaid is flagged only once the case has begun to say
//! it: a case may be written without any `why` or `quote_by` (`waltz check`
//! counts them), but in one that gives a `why` on some link, a link without
//! one is warned of, and likewise a quote without `quote_by` in a case that
//! says whose words some quote is.

use super::{Checker, Ids, at, shown_id};
use crate::case::locate::Seg::{Field, Index};
use crate::case::model::{Dataset, DatedBy, Era, Event, Factor, Source, Sourced, Whose};

/// What a case says of its provenance anywhere: whether some link gives a
/// `why`, and whether some quote says whose words it is. Found once per
/// check, so that each item costs no scan of the others.
#[derive(Clone, Copy)]
pub(super) struct Said {
    /// Some link gives a `why`.
    pub why: bool,
    /// Some quote has a `quote_by`.
    pub whose: bool,
}

impl Said {
    pub(super) fn of(d: &Dataset) -> Self {
        let why = d
            .events
            .iter()
            .flat_map(Event::links)
            .any(|l| l.why.is_some_and(|w| !w.trim().is_empty()));
        let whose = d.factors.iter().any(|f| f.quote_by().is_some())
            || d.events.iter().any(|e| e.quote_by().is_some());
        Self { why, whose }
    }
}

/// A quote and whose words it is, for item `list[i]` citing `sources`.
pub(super) fn quote<'a>(
    c: &mut Checker,
    (list, i): (&'static str, usize),
    owner: impl Fn() -> String,
    (quote, by): (Option<&str>, Option<Whose>),
    mut sources: impl Iterator<Item = &'a str>,
    known: &Ids<Source>,
    said: Said,
) {
    if said.whose && quote.is_some() && by.is_none() {
        c.warn(
            at(list, i, "quote"),
            format!(
                "{}'s quote does not say whose words it is; add `quote_by: Paper` or `quote_by: Cited(\"source-id\")`",
                owner()
            ),
        );
    }
    if quote.is_none() && by.is_some() {
        c.warn(
            at(list, i, "quote_by"),
            format!("{} has a `quote_by` but no quote", owner()),
        );
    }
    if let Some(Whose::Cited(id)) = by {
        if !known.contains_key(id) {
            c.error(
                at(list, i, "quote_by"),
                format!(
                    "{}'s quote is by source `{}`, which does not exist",
                    owner(),
                    shown_id(id)
                ),
            );
        } else if !sources.any(|s| s == id) {
            c.warn(
                at(list, i, "quote_by"),
                format!(
                    "{}'s quote is by source `{id}`, which it does not cite",
                    owner()
                ),
            );
        }
    }
}

/// Event `i`'s links, its date's provenance and its named era.
pub(super) fn event(
    c: &mut Checker,
    d: &Dataset,
    (i, e): (usize, &Event),
    (factors, eras): (&Ids<Factor>, &Ids<Era>),
    said: Said,
) {
    // Made only for a message: most events have none.
    let owner = || format!("event `{}`", e.id);
    for (n, link) in e.links().enumerate() {
        let here = |field: &'static str| {
            let mut path = at("events", i, "factors");
            path.extend([Index(n), Field(field)]);
            path
        };
        let Some(f) = factors.get(link.factor) else {
            continue;
        };
        if said.why && link.why.is_none_or(|w| w.trim().is_empty()) {
            // A plain id has no field below it: point at the link itself.
            let mut path = at("events", i, "factors");
            path.push(Index(n));
            let owner = owner();
            c.warn(
                path,
                format!(
                    "{owner}'s link to factor `{}` does not say why; write it `(factor: \"{}\", why: \"…\", page: N)`",
                    link.factor, link.factor
                ),
            );
        }
        let factor = &d.factors[f];
        let paged = !e.pages().is_empty() || !factor.pages().is_empty();
        if let Some(p) = link
            .page
            .filter(|p| paged && !e.pages().contains(p) && !factor.pages().contains(p))
        {
            let owner = owner();
            c.warn(
                here("page"),
                format!(
                    "{owner}'s link to factor `{}` is on page {p}, a page neither gives",
                    link.factor
                ),
            );
        }
    }
    if e.dated_by == DatedBy::CommonRecord && e.note().is_none_or(|n| n.trim().is_empty()) {
        let owner = owner();
        c.error(
            at("events", i, "dated_by"),
            format!("{owner} is dated by the common record, and needs a `note` that says so"),
        );
    }
    if let Some(id) = e.era() {
        match eras.get(id) {
            None => c.error(
                at("events", i, "era"),
                format!(
                    "{} names era `{}`, which does not exist",
                    owner(),
                    shown_id(id)
                ),
            ),
            Some(x) if !(d.eras[x].start..=d.eras[x].end).contains(&e.year) => c.error(
                at("events", i, "era"),
                format!(
                    "{} ({}) names era `{id}`, whose years ({}–{}) do not hold it",
                    owner(),
                    e.year,
                    d.eras[x].start,
                    d.eras[x].end
                ),
            ),
            Some(_) => {}
        }
    }
}
