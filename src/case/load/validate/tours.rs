//! Tours: unique ids, a name, steps, and steps that show items that exist.

use rustc_hash::FxHashSet as HashSet;

use super::{Checker, Ids, at, shown_id};
use crate::case::locate::Seg::{Field, Index};
use crate::case::model::{Dataset, Event, Factor, Target};

/// The ids of the events and of the factors some tour step shows.
pub(super) fn shown(d: &Dataset) -> (HashSet<&str>, HashSet<&str>) {
    let (mut events, mut factors) = (HashSet::default(), HashSet::default());
    for step in d.tours.iter().flat_map(|t| &t.steps) {
        match &step.show {
            Target::Event(id) => events.insert(id.as_str()),
            Target::Factor(id) => factors.insert(id.as_str()),
        };
    }
    (events, factors)
}

/// Check every tour.
pub(super) fn check<'d>(
    c: &mut Checker,
    d: &'d Dataset,
    events: &Ids<'d, Event>,
    factors: &Ids<'d, Factor>,
) {
    c.ids(("tours", "tour"), &d.tours);
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
            let of = |what: &str| format!("tour `{}` step {}'s {what}", tour.id, s + 1);
            c.text(|| path("text"), || of("text"), &step.text, false);
            if let Some(note) = &step.note {
                c.text(|| path("note"), || of("note"), note, false);
            }
            let (kind, id, known) = match &step.show {
                Target::Event(id) => ("event", id, events.contains_key(id)),
                Target::Factor(id) => ("factor", id, factors.contains_key(id)),
            };
            if !known {
                c.error(
                    path("show"),
                    format!(
                        "tour `{}` step {} shows {kind} `{}`, which does not exist",
                        tour.id,
                        s + 1,
                        shown_id(id)
                    ),
                );
            }
        }
    }
}
