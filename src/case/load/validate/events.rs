//! Events: unique ids, a title, dates in range and in order, references
//! that exist; warnings for events the timeline cannot place well.

use super::{Checker, Ids, YEARS, at, provenance, tours};
use crate::case::locate::Seg::{Field, Index};
use crate::case::model::{Dataset, Text};

/// The ids an event may refer to.
pub(super) struct Known<'a, 'd> {
    /// Era ids.
    pub eras: &'a Ids<'d>,
    /// Factor ids.
    pub factors: &'a Ids<'d>,
    /// Actor ids.
    pub actors: &'a Ids<'d>,
    /// Source ids.
    pub sources: &'a Ids<'d>,
}

/// Check every event; their ids, for tour steps.
pub(super) fn check<'d>(c: &mut Checker, d: &'d Dataset, known: &Known) -> Ids<'d> {
    let (first, last) = d.period;
    let events = c.ids("events", "event", d.events.iter().map(|e| e.id.as_str()));
    // Events in no era are worth a warning only when the eras are sound: a
    // reversed era is already an error.
    let eras_sound = !d.eras.is_empty() && d.eras.iter().all(|x| x.start <= x.end);
    let said = provenance::Said::of(d);
    let (toured, _) = tours::shown(d);
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
        for (n, link) in e.factors.iter().enumerate() {
            if let Some(why) = &link.why {
                let mut path = at("events", i, "factors");
                path.extend([Index(n), Field("why")]);
                c.text(|| path, || of("link's why"), why, false);
            }
        }
        provenance::quote(
            c,
            ("events", i),
            &owner(),
            (e.quote.as_ref(), e.quote_by.as_ref()),
            &e.sources,
            known.sources,
            said,
        );
        provenance::event(c, d, (i, e), (known.factors, known.eras), said);
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
            e.factors.iter().map(|l| l.factor.as_str()),
            known.factors,
        );
        c.refs(
            ("events", i, "actors"),
            owner,
            "actor",
            e.actors.iter().map(Text::as_str),
            known.actors,
        );
        c.refs(
            ("events", i, "sources"),
            owner,
            "source",
            e.sources.iter().map(Text::as_str),
            known.sources,
        );
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
        // An event the work ties to no factor may stand unlinked, where a
        // tour shows it (links must be the work's, not made up to fill).
        if e.factors.is_empty() && in_period && !toured.contains(e.id.as_str()) {
            c.warn(
                at("events", i, "factors"),
                format!("{} is in the period but linked to no factor", owner()),
            );
        }
        let in_an_era =
            e.era.is_some() || d.eras.iter().any(|x| (x.start..=x.end).contains(&e.year));
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
    events
}
