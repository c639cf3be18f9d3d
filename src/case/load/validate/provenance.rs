//! Where each claim comes from, as far as a case says: a quote's source
//! exists and is cited, a link's page is one its items give, a date the
//! common record supplies has a note saying so, and a named era holds the
//! event's year. (What a case leaves unsaid — a link without a `why`, a
//! quote without `quote_by` — is counted by `waltz check`, not flagged: a
//! case may be written without them.)

use super::{Checker, Ids, at, shown_id};
use crate::case::locate::Seg::{Field, Index};
use crate::case::model::{Dataset, DatedBy, Event, QuoteBy};

/// A quote and whose words it is, for item `list[i]` citing `sources`.
pub(super) fn quote(
    c: &mut Checker,
    (list, i): (&'static str, usize),
    owner: &str,
    (quote, by): (Option<&String>, Option<&QuoteBy>),
    sources: &[String],
    known: &Ids,
) {
    if quote.is_none() && by.is_some() {
        c.warn(
            at(list, i, "quote_by"),
            format!("{owner} has a `quote_by` but no quote"),
        );
    }
    if let Some(QuoteBy::Cited(id)) = by {
        if !known.contains_key(id.as_str()) {
            c.error(
                at(list, i, "quote_by"),
                format!(
                    "{owner}'s quote is by source `{}`, which does not exist",
                    shown_id(id)
                ),
            );
        } else if !sources.contains(id) {
            c.warn(
                at(list, i, "quote_by"),
                format!("{owner}'s quote is by source `{id}`, which it does not cite"),
            );
        }
    }
}

/// Event `i`'s links, its date's provenance and its named era.
pub(super) fn event(c: &mut Checker, d: &Dataset, i: usize, e: &Event, factors: &Ids, eras: &Ids) {
    let owner = format!("event `{}`", e.id);
    for (n, link) in e.factors.iter().enumerate() {
        let here = |field: &'static str| {
            let mut path = at("events", i, "factors");
            path.extend([Index(n), Field(field)]);
            path
        };
        let Some(&f) = factors.get(link.factor.as_str()) else {
            continue;
        };
        let factor = &d.factors[f];
        let paged = !e.pages.is_empty() || !factor.pages.is_empty();
        if let Some(p) = link
            .page
            .filter(|p| paged && !e.pages.contains(p) && !factor.pages.contains(p))
        {
            c.warn(
                here("page"),
                format!(
                    "{owner}'s link to factor `{}` is on page {p}, a page neither gives",
                    link.factor
                ),
            );
        }
    }
    if e.dated_by == DatedBy::CommonRecord && e.note.as_deref().is_none_or(|n| n.trim().is_empty())
    {
        c.error(
            at("events", i, "dated_by"),
            format!("{owner} is dated by the common record, and needs a `note` that says so"),
        );
    }
    if let Some(id) = &e.era {
        match eras.get(id.as_str()) {
            None => c.error(
                at("events", i, "era"),
                format!("{owner} names era `{}`, which does not exist", shown_id(id)),
            ),
            Some(&x) if !(d.eras[x].start..=d.eras[x].end).contains(&e.year) => c.error(
                at("events", i, "era"),
                format!(
                    "{owner} ({}) names era `{id}`, whose years ({}–{}) do not hold it",
                    e.year, d.eras[x].start, d.eras[x].end
                ),
            ),
            Some(_) => {}
        }
    }
}
