//! Factors: unique ids, a name, references to actors and sources that
//! exist; and each linked to some event.

use super::{Checker, Ids, at};
use crate::case::model::Dataset;

/// Check every factor; their ids, for references to them.
pub(super) fn check<'d>(c: &mut Checker, d: &'d Dataset, actors: &Ids, sources: &Ids) -> Ids<'d> {
    let factors = c.ids("factors", "factor", d.factors.iter().map(|f| f.id.as_str()));
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
        c.refs(("factors", i, "actors"), owner, "actor", &f.actors, actors);
        c.refs(
            ("factors", i, "sources"),
            owner,
            "source",
            &f.sources,
            sources,
        );
    }

    factors
}

/// Warn of each factor that no event links.
pub(super) fn unlinked(c: &mut Checker, d: &Dataset, factors: &Ids) {
    let mut linked = vec![false; d.factors.len()];
    for e in &d.events {
        for id in &e.factors {
            if let Some(&f) = factors.get(id.as_str()) {
                linked[f] = true;
            }
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
}
