//! Events: unique ids, a title, dates in range and in order, references
//! that exist; warnings for events the timeline cannot place well.

use super::{Checker, Ids, YEARS, at, provenance, tours};
use crate::case::locate::Seg::{Field, Index};
use crate::case::model::{Actor, Dataset, Era, Event, Factor, Source, Sourced};

/// The ids an event may refer to.
pub(super) struct Known<'a, 'd> {
    /// Era ids.
    pub eras: &'a Ids<'d, Era>,
    /// Factor ids.
    pub factors: &'a Ids<'d, Factor>,
    /// Actor ids.
    pub actors: &'a Ids<'d, Actor>,
    /// Source ids.
    pub sources: &'a Ids<'d, Source>,
}

/// Check every event; their ids, for tour steps.
pub(super) fn check<'d>(c: &mut Checker, d: &'d Dataset, known: &Known<'_, 'd>) -> Ids<'d, Event> {
    // Events in no era are worth a warning only when the eras are sound: a
    // reversed era is already an error.
    let eras_sound = !d.eras.is_empty() && d.eras.iter().all(|x| x.start <= x.end);
    let context = Context {
        known,
        said: provenance::Said::of(d),
        toured: tours::shown(d).0,
        eras_sound,
    };
    let checked = |range: std::ops::Range<usize>| {
        let mut c = Checker::default();
        range.for_each(|i| event(&mut c, d, i, &context));
        c
    };
    let all = d.events.len();
    if all <= TWO_CORES_ABOVE {
        let events = c.ids(("events", "event"), &d.events);
        c.append(checked(0..all));
        return events;
    }
    // Events are most of a large case: the map of their ids and each half
    // of them on cores of their own, each with its own checker, their
    // findings added in that order, as if one had checked them all in turn.
    let half = all / 2;
    let ((mapped, events), first, second) = std::thread::scope(|scope| {
        let mapped = scope.spawn(|| {
            let mut c = Checker::default();
            let events = c.ids(("events", "event"), &d.events);
            (c, events)
        });
        let second = scope.spawn(|| checked(half..all));
        let first = checked(0..half);
        (joined(mapped), first, joined(second))
    });
    c.append(mapped);
    c.append(first);
    c.append(second);
    events
}

/// What a thread gave, or its panic, passed on.
fn joined<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Events past this many are checked on two cores.
const TWO_CORES_ABOVE: usize = 4_096;

/// What checking one event needs to know of the others.
struct Context<'a, 'd> {
    known: &'a Known<'a, 'd>,
    said: provenance::Said,
    toured: rustc_hash::FxHashSet<&'d str>,
    eras_sound: bool,
}

/// Check event `i`.
fn event(c: &mut Checker, d: &Dataset, i: usize, cx: &Context) {
    let (first, last) = d.period;
    let (known, said, toured, eras_sound) = (cx.known, cx.said, &cx.toured, cx.eras_sound);
    let e = &d.events[i];
    let owner = || format!("event `{}`", e.id);
    let of = |what: &str| format!("event `{}`'s {what}", e.id);
    c.text(|| at("events", i, "title"), || of("title"), &e.title, true);
    c.text(
        || at("events", i, "summary"),
        || of("summary"),
        &e.summary,
        false,
    );
    for (field, text) in [("quote", e.quote()), ("note", e.note())] {
        if let Some(text) = text {
            c.text(|| at("events", i, field), || of(field), text, false);
        }
    }
    for (n, link) in e.links().enumerate() {
        if let Some(why) = link.why {
            let mut path = at("events", i, "factors");
            path.extend([Index(n), Field("why")]);
            c.text(|| path, || of("link's why"), why, false);
        }
    }
    provenance::quote(
        c,
        ("events", i),
        owner,
        (e.quote(), e.quote_by()),
        e.sources(),
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
    if let Some(until) = e.until() {
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
        e.links().map(|l| l.factor),
        known.factors,
    );
    c.refs(
        ("events", i, "actors"),
        owner,
        "actor",
        e.actors(),
        known.actors,
    );
    c.refs(
        ("events", i, "sources"),
        owner,
        "source",
        e.sources(),
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
    if e.links().is_empty() && in_period && !toured.contains(e.id.as_str()) {
        c.warn(
            at("events", i, "factors"),
            format!("{} is in the period but linked to no factor", owner()),
        );
    }
    let in_an_era = e.era().is_some() || d.eras.iter().any(|x| (x.start..=x.end).contains(&e.year));
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

#[cfg(all(test, feature = "synth"))]
mod tests {
    use crate::case::load::validate::validate;
    use crate::case::locate::Seg;

    #[test]
    fn checked_on_two_cores_the_first_problems_are_shown_and_the_rest_counted() {
        let mut d = crate::case::synth::dataset(3 * super::TWO_CORES_ABOVE, 50, 3);
        d.events
            .iter_mut()
            .for_each(crate::case::model::Event::clear_links);
        let (first, last) = d.period;
        // Events in the period warn, but for those a tour shows.
        let (toured, _) = crate::case::load::validate::tours::shown(&d);
        let unlinked: Vec<usize> = (0..d.events.len())
            .filter(|&i| (first..=last).contains(&d.events[i].year))
            .filter(|&i| !toured.contains(d.events[i].id.as_str()))
            .collect();
        let found = validate(&d);
        let shown: Vec<usize> = found
            .problems
            .iter()
            .map(|p| match p.path[1] {
                Seg::Index(i) => i,
                _ => usize::MAX,
            })
            .collect();
        assert_eq!(shown, unlinked[..super::super::SHOWN]);
        // (The factors, now linked to nothing, are counted under a kind of
        // their own.)
        let counted: usize = found
            .more
            .iter()
            .filter(|m| m.kind.ends_with("is in the period but linked to no factor"))
            .map(|m| m.count)
            .sum();
        assert_eq!(
            counted,
            unlinked.len() - super::super::SHOWN,
            "{:?}",
            found.more
        );
    }

    #[test]
    fn checked_on_two_cores_a_duplicate_id_comes_before_the_events_problems() {
        let mut d = crate::case::synth::dataset(3 * super::TWO_CORES_ABOVE, 50, 3);
        let late = d.events.len() - 1;
        d.events[late].id = d.events[5].id.clone();
        d.events[7].year = 3000;
        let found = validate(&d);
        let messages: Vec<&str> = found.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(
            messages[0].starts_with("duplicate event id"),
            "{messages:?}"
        );
        assert_eq!(found.problems[0].path[1], Seg::Index(late));
        assert_eq!(found.problems[0].first.as_ref().unwrap()[1], Seg::Index(5));
        assert!(messages[1].contains("year 3000"), "{messages:?}");
    }
}
