//! The timeline's rows: the folded background, era headers and events, as
//! the lens and the fold leave them.

use crate::case::index::Case;
use crate::case::model::Level;

/// One row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The "before 1998" fold, with the number of events it holds.
    Fold(usize),
    /// An era's header.
    Era(usize),
    /// The header of events inside the period that no era holds.
    NoEra,
    /// The header of events after the period that no era holds.
    After,
    /// An event, by position.
    Event(usize),
}

impl Row {
    /// Whether the cursor may rest on the row (era headers are not).
    pub fn selectable(self) -> bool {
        !matches!(self, Row::Era(_) | Row::NoEra | Row::After)
    }
}

/// The rows for `case` with the level `lens` (or all) and the background
/// folded or open.
pub fn rows(case: &Case, lens: Option<Level>, open: bool) -> Vec<Row> {
    let shows = |e: usize| lens.is_none_or(|l| case.levels(e).contains(l));
    let events = 0..case.data.events.len();
    let background: Vec<usize> = events
        .clone()
        .filter(|&e| case.is_background(e) && shows(e))
        .collect();
    let mut rows = Vec::with_capacity(case.data.events.len() + case.data.eras.len() + 1);
    if !background.is_empty() {
        rows.push(Row::Fold(background.len()));
        if open {
            rows.extend(background.into_iter().map(Row::Event));
        }
    }
    // Each run of events under one heading gets the heading once: its era,
    // or for events no era holds, "no era" inside the period and "after"
    // beyond it (rather than leaving them under the era before). A case
    // without eras has no "no era" heading: there is nothing to set apart.
    let last = case.data.period.1;
    let mut heading = None;
    for e in events.filter(|&e| !case.is_background(e) && shows(e)) {
        let this = match case.index.event_era(e) {
            Some(x) => Some(Row::Era(x)),
            None if case.data.events[e].year > last => Some(Row::After),
            None if case.data.eras.is_empty() => None,
            None => Some(Row::NoEra),
        };
        if heading != this {
            rows.extend(this);
            heading = this;
        }
        rows.push(Row::Event(e));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::load;

    fn case() -> Case {
        let text = include_str!("../../../tests/fixtures/minimal.ron");
        Case::new(load::from_str("t", text).unwrap().dataset)
    }

    fn event_ids(case: &Case, rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|r| match *r {
                Row::Fold(n) => format!("fold {n}"),
                Row::Era(x) => format!("era {}", case.data.eras[x].id),
                Row::Event(e) => case.data.events[e].id.to_string(),
                Row::NoEra => "no era".into(),
                Row::After => "after".into(),
            })
            .collect()
    }

    #[test]
    fn folded_then_eras_with_their_events() {
        let c = case();
        let rows = rows(&c, None, false);
        assert_eq!(
            event_ids(&c, &rows),
            [
                "fold 1", "era cold", "snub", "era thaw", "summit", "pipeline", "talks"
            ]
        );
        let open = super::rows(&c, None, true);
        assert_eq!(event_ids(&c, &open)[..2], ["fold 1", "war"]);
    }

    #[test]
    fn events_after_the_period_have_a_header_of_their_own() {
        let text = include_str!("../../../tests/fixtures/minimal.ron").replacen(
            "year: 2008, until: 2010",
            "year: 2012",
            1,
        );
        let c = Case::new(load::from_str("t", &text).unwrap().dataset);
        let rows = rows(&c, None, false);
        assert_eq!(event_ids(&c, &rows)[5..], ["pipeline", "after", "talks"]);
    }

    #[test]
    fn events_in_a_gap_between_eras_have_a_no_era_header() {
        let text = include_str!("../../../tests/fixtures/minimal.ron").replacen(
            "start: 2005, end: 2010",
            "start: 2006, end: 2010",
            1,
        );
        let c = Case::new(load::from_str("t", &text).unwrap().dataset);
        assert_eq!(
            event_ids(&c, &rows(&c, None, false)),
            [
                "fold 1", "era cold", "snub", "no era", "summit", "era thaw", "pipeline", "talks"
            ]
        );
    }

    #[test]
    fn the_lens_keeps_only_events_touching_its_level() {
        let c = case();
        let individual = rows(&c, Some(Level::Individual), true);
        assert_eq!(
            event_ids(&c, &individual),
            ["era cold", "snub", "era thaw", "summit", "pipeline"]
        );
        let domestic = rows(&c, Some(Level::Domestic), true);
        assert_eq!(event_ids(&c, &domestic), ["era thaw", "pipeline"]);
    }
}
