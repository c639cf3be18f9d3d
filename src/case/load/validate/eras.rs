//! Eras: unique ids, a name, years in range and in order.

use super::{Checker, Ids, at};
use crate::case::model::{Dataset, Era};

/// Check every era; their ids, for events that name one.
pub(super) fn check<'d>(c: &mut Checker, d: &'d Dataset) -> Ids<'d, Era> {
    let eras = c.ids(("eras", "era"), &d.eras);
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
    eras
}
