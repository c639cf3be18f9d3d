//! The balance of interests, counted from the data: for each era, the
//! enablers, constraints and mixed factors at work at each level (the
//! distinct factors linked to the era's events), and for each year of the
//! period, how many events touch each level.

use crate::case::index::Case;
use crate::case::model::{Effect, Level};

/// One era's balance at one level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The factors at work, by effect in [`Effect::ALL`] order.
    pub factors: [Vec<usize>; 3],
}

impl Cell {
    /// How many factors have `effect`.
    pub fn count(&self, effect: Effect) -> usize {
        self.factors[effect as usize].len()
    }

    /// Every factor, enablers first.
    pub fn all(&self) -> impl Iterator<Item = usize> + '_ {
        self.factors.iter().flatten().copied()
    }
}

/// One era's row: a cell per level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The era, by position.
    pub era: usize,
    /// The cells, in [`Level::ALL`] order.
    pub levels: [Cell; 3],
}

/// The balance of every era, in order of start.
pub fn by_era(case: &Case) -> Vec<Row> {
    case.index
        .eras_by_start
        .iter()
        .map(|&era| {
            let mut levels: [Cell; 3] = Default::default();
            for &e in &case.index.era_events[era] {
                for &f in &case.index.event_factors[e] {
                    let factor = &case.data.factors[f];
                    let list = &mut levels[factor.level.index()].factors[factor.effect as usize];
                    if !list.contains(&f) {
                        list.push(f);
                    }
                }
            }
            for cell in &mut levels {
                for list in &mut cell.factors {
                    list.sort_unstable();
                }
            }
            Row { era, levels }
        })
        .collect()
}

/// For each year of the period (first to last), the number of events in
/// that year touching each level, in [`Level::ALL`] order. Events dated by
/// a span count in each of its years.
pub fn density(case: &Case) -> Vec<(i32, [usize; 3])> {
    let (first, last) = case.data.period;
    let mut years: Vec<(i32, [usize; 3])> = (first..=last).map(|y| (y, [0; 3])).collect();
    for (e, event) in case.data.events.iter().enumerate() {
        let until = event.until().unwrap_or(event.year).max(event.year);
        for year in event.year.max(first)..=until.min(last) {
            let counts = &mut years[(year - first) as usize].1;
            for level in Level::ALL {
                if case.levels(e).contains(level) {
                    counts[level.index()] += 1;
                }
            }
        }
    }
    years
}
