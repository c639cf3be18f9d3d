//! Actors: unique ids and a name.

use super::{Checker, Ids, at};
use crate::case::model::{Actor, Dataset};

/// Check every actor; their ids, for references to them.
pub(super) fn check<'d>(c: &mut Checker, d: &'d Dataset) -> Ids<'d, Actor> {
    let actors = c.ids(("actors", "actor"), &d.actors);
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
        if let Some(note) = &a.note {
            c.text(|| at("actors", i, "note"), || of("note"), note, false);
        }
    }

    actors
}
