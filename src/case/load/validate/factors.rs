//! Factors: unique ids, a name, references to actors and sources that
//! exist; and each linked to some event.

use super::{Checker, Ids, at, provenance, tours};
use crate::case::model::{Actor, Dataset, Factor, Source, Sourced, Text};

/// Check every factor; their ids, for references to them.
pub(super) fn check<'d>(
    c: &mut Checker,
    d: &'d Dataset,
    actors: &Ids<Actor>,
    sources: &Ids<Source>,
) -> Ids<'d, Factor> {
    let factors = c.ids(("factors", "factor"), &d.factors);
    let said = provenance::Said::of(d);
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
        for (field, text) in [("quote", f.quote()), ("note", f.note())] {
            if let Some(text) = text {
                c.text(|| at("factors", i, field), || of(field), text, false);
            }
        }
        let actor_ids = f.actors.iter().map(Text::as_str);
        c.refs(("factors", i, "actors"), owner, "actor", actor_ids, actors);
        let source_ids = f.sources.iter().map(Text::as_str);
        c.refs(
            ("factors", i, "sources"),
            owner,
            "source",
            source_ids,
            sources,
        );
        provenance::quote(
            c,
            ("factors", i),
            owner,
            (f.quote(), f.quote_by()),
            f.sources.iter().map(Text::as_str),
            sources,
            said,
        );
    }

    factors
}

/// Warn of each factor that no event links and no tour shows. (A factor the
/// work ties to no dated development may stand unlinked where a tour shows
/// it: a link must be the work's, not made up to fill.)
pub(super) fn unlinked(c: &mut Checker, d: &Dataset, factors: &Ids<Factor>) {
    let (_, toured) = tours::shown(d);
    let mut linked = vec![false; d.factors.len()];
    for e in &d.events {
        for link in e.links() {
            if let Some(f) = factors.get(link.factor) {
                linked[f] = true;
            }
        }
    }
    for (i, f) in d.factors.iter().enumerate() {
        // A duplicate is already an error; do not also call it unlinked.
        if !linked[i] && factors.get(&f.id) == Some(i) && !toured.contains(f.id.as_str()) {
            c.warn(
                at("factors", i, "id"),
                format!(
                    "factor `{}` is linked to no event and shown by no tour",
                    f.id
                ),
            );
        }
    }
}
