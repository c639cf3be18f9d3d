//! Sources: unique ids and a citation.

use super::{Checker, Ids, at};
use crate::case::model::{Dataset, Source};

/// Check every source; their ids, for references to them.
pub(super) fn check<'d>(c: &mut Checker, d: &'d Dataset) -> Ids<'d, Source> {
    let sources = c.ids(("sources", "source"), &d.sources);
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

    sources
}
