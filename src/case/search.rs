//! Finding anything in a case: fzf-style queries ranked best first.
//!
//! A query is space-separated terms that must all match (AND). A plain term
//! matches fuzzily on an item's short fields — its title or name first, then
//! its year, actors, themes, citations — and, failing that, as the start of a
//! word in its long text (summary, quote, note). fzf's forms work: `'exact`,
//! `^prefix`, `suffix$` (on the title) and `!not`. A term with an uppercase
//! letter is case-sensitive (smart case). A term of digits is a year.
//!
//! Speed comes from doing little: only short fields are scored fuzzily,
//! `waltz search` makes a record only for an item whose texts hold the
//! query's letters where the scorer looks for them (`sieve`), a
//! cheap in-order character check skips most records before the scorer, a
//! query that extends the previous one searches only the previous matches,
//! the best results are picked with `select_nth_unstable`, and highlight
//! positions are computed only for the rows on screen.

mod chars;
mod corpus;
mod query;
mod rank;
mod sieve;
pub mod worker;

use std::cmp::Reverse;

use crate::case::index::{Case, Item};

pub use corpus::{Corpus, Record, fold};
pub use query::Query;
pub use rank::{Matcher, segments};

/// Queries longer than this (in characters) are cut: nobody types more, and
/// pasting a book into the prompt must not stall the program.
pub const MAX_QUERY: usize = 200;

/// Every record a query matched, with its score, in record order.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// The query text these are the matches of.
    pub query: String,
    /// (record, score) pairs.
    pub hits: Vec<(u32, i64)>,
}

/// Whether every record matching `query` must also match `previous`, so
/// that only `previous`'s matches need searching. True when the query only
/// adds characters at the end and the previous query's last term was not a
/// negation or a suffix (whose matches grow, or change, as it grows).
pub fn narrows(previous: &str, query: &str) -> bool {
    if !query.starts_with(previous) || previous.trim().is_empty() {
        return false;
    }
    let ends_in_space = previous.ends_with(char::is_whitespace);
    match previous.split_whitespace().last() {
        Some(last) if !ends_in_space => !last.starts_with('!') && !last.ends_with('$'),
        _ => true,
    }
}

/// Search the records (all of them, or only `within`'s) for `query`, on
/// every core when there are many. Calls `cancelled` now and then and gives
/// up (returning `None`) when it says so.
pub fn find(
    matcher: &Matcher,
    corpus: &Corpus,
    query: &str,
    within: Option<&Matches>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Matches> {
    let parsed = Query::parse(query);
    let total = within.map_or(corpus.records.len(), |m| m.hits.len());
    let record = |n: usize| within.map_or(n as u32, |m| m.hits[n].0);
    let scan = |range: std::ops::Range<usize>| -> Option<Vec<(u32, i64)>> {
        let mut hits = Vec::new();
        for n in range {
            if n % 2048 == 0 && cancelled() {
                return None;
            }
            let i = record(n);
            if let Some(score) = matcher.score(&parsed, &corpus.records[i as usize]) {
                hits.push((i, score));
            }
        }
        Some(hits)
    };
    // Contiguous shares, joined in order: ties keep record order.
    let mut hits = Vec::new();
    for part in corpus::in_parallel(total, scan) {
        hits.extend(part?);
    }
    Some(Matches {
        query: query.to_owned(),
        hits,
    })
}

/// A best score from this up is strong: far weaker matches are noise.
const STRONG: i64 = 150;

impl Matches {
    /// The score a hit needs to be shown: letters strewn across a title
    /// only when nothing better matched, and when the best are strong, only
    /// what scores a note's word or more — as fzf's and television's
    /// rankings drop the weak tail.
    fn floor(&self) -> i64 {
        let best = self.hits.iter().map(|&(_, s)| s).max().unwrap_or(0);
        if best >= STRONG {
            rank::NOTE
        } else if best > rank::STREWN {
            rank::STREWN + 1
        } else {
            i64::MIN
        }
    }

    /// How many hits are shown.
    pub fn shown(&self) -> usize {
        let floor = self.floor();
        self.hits.iter().filter(|&&(_, s)| s >= floor).count()
    }
}

/// The `n` best hits shown, best first; ties keep record order.
pub fn best(matches: &Matches, n: usize) -> Vec<(u32, i64)> {
    let floor = matches.floor();
    let mut hits: Vec<(u32, i64)> = matches
        .hits
        .iter()
        .copied()
        .filter(|&(_, s)| s >= floor)
        .collect();
    let key = |&(i, s): &(u32, i64)| (Reverse(s), i);
    if hits.len() > n && n > 0 {
        hits.select_nth_unstable_by_key(n - 1, key);
        hits.truncate(n);
    }
    hits.sort_unstable_by_key(key);
    hits.truncate(n);
    hits
}

/// Search a whole case once (`waltz search`): the best `limit` items for
/// `query`, and how many matched in all. The same records and scores as
/// the finder's, each record made, scored and let go in turn: nothing of
/// the corpus is kept.
pub fn search(case: &Case, query: &str, limit: usize) -> (Vec<Item>, usize) {
    let matcher = Matcher::default();
    let parsed = Query::parse(query);
    let needed = parsed.needed();
    let sieve = sieve::Sieve::new(&parsed);
    let parts = corpus::in_parallel(case.item_count(), |range| {
        range
            .filter_map(|n| {
                // Most items cannot match: their records are never made
                // (see `chars` and `sieve`).
                let parts = corpus::parts(case, n);
                if !parts.chars().has_all(needed) || !sieve.passes(&parts) {
                    return None;
                }
                let score = matcher.score(&parsed, &parts.record())?;
                Some((n as u32, score))
            })
            .collect::<Vec<_>>()
    });
    let matches = Matches {
        query: query.to_owned(),
        hits: parts.into_iter().flatten().collect(),
    };
    let items = best(&matches, limit)
        .into_iter()
        .map(|(n, _)| corpus::item_at(case, n as usize))
        .collect();
    (items, matches.shown())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowing_is_used_only_when_it_is_safe() {
        assert!(narrows("gas", "gas "));
        assert!(narrows("gas", "gas p"));
        assert!(narrows("gas p", "gas pi"));
        assert!(narrows("mush", "musha"));
        assert!(!narrows("musha", "mush"));
        assert!(!narrows("!gas", "!gas2"), "a longer negation excludes less");
        assert!(narrows("!gas ", "!gas p"));
        assert!(!narrows("gas$", "gas$x"));
        assert!(!narrows("", "g"));
    }

    /// `search` as it was before items were passed over unmade: every
    /// record made and scored.
    fn every_record(case: &Case, query: &str, limit: usize) -> (Vec<Item>, usize) {
        let matcher = Matcher::default();
        let parsed = Query::parse(query);
        let hits = (0..case.item_count())
            .filter_map(|n| {
                let score = matcher.score(&parsed, &corpus::record(case, n))?;
                Some((n as u32, score))
            })
            .collect();
        let matches = Matches {
            query: query.to_owned(),
            hits,
        };
        let items = best(&matches, limit)
            .into_iter()
            .map(|(n, _)| corpus::item_at(case, n as usize))
            .collect();
        (items, matches.shown())
    }

    fn shipped() -> Case {
        Case::new(crate::case::load::embedded().expect("loads").dataset)
    }

    #[test]
    fn passing_over_items_finds_what_scoring_them_all_finds() {
        let case = shipped();
        for query in [
            "putin",
            "musharaf",
            "gas pipeline",
            "Putin",
            "2009",
            "!gas",
            "'sco",
            "^pak",
            "russia$",
            "north-south",
            "k",
            "x",
            "1998 putin",
            "\u{212A}ayani",
            "\u{130}ndia",
            "мушар",
            "é",
            "sco !india",
            "a",
            "zzz",
            "north-south",
            "pak-rus",
            "russia's",
            "'pipeline",
            "^pakistan",
            "ssia$",
            "editorial",
            "rapport",
        ] {
            let found = search(&case, query, 50);
            assert_eq!(found, every_record(&case, query, 50), "{query}");
        }
        // (The list is not all misses.)
        assert!(search(&case, "putin", 50).1 > 5);
    }

    #[cfg(feature = "synth")]
    #[test]
    fn on_a_synthetic_case_too() {
        let case = Case::new(crate::case::synth::dataset(3_000, 100, 11));
        for query in [
            "putin",
            "musharaf",
            "gas pipeline",
            "2009 energy",
            "Khar",
            "!trade sco",
        ] {
            let found = search(&case, query, 50);
            assert!(found.1 > 0, "{query}");
            assert_eq!(found, every_record(&case, query, 50), "{query}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_query_finds_what_scoring_every_item_finds(
            query in "[a-zA-Z0-9 !^$'éКİ\u{212A}–-]{1,10}",
        ) {
            let case = shipped();
            proptest::prop_assert_eq!(search(&case, &query, 50), every_record(&case, &query, 50));
        }
    }

    proptest::proptest! {
        /// Queries cut from the case's own texts (a word, letters strewn
        /// across a title, a piece of a summary across a dash) find what
        /// scoring every item finds: the sieve passes over no item that
        /// matches.
        #[test]
        fn queries_cut_from_the_case_find_what_scoring_every_item_finds(
            item in 0usize..10_000,
            text in 0usize..8,
            start in 0usize..1_000,
            len in 1usize..12,
            stride in 1usize..4,
            blind in proptest::bool::ANY,
        ) {
            let case = shipped();
            let parts = corpus::parts(&case, item % case.item_count());
            let texts: Vec<&str> = [&*parts.title]
                .into_iter()
                .chain(parts.fields.iter().map(|f| &**f))
                .chain(parts.long.into_iter().flatten())
                .chain(parts.note)
                .collect();
            let chars: Vec<char> = texts[text % texts.len()].chars().collect();
            let from = start % chars.len().max(1);
            let query: String = chars.iter().skip(from).step_by(stride).take(len).collect();
            let query = if blind { query.to_lowercase() } else { query };
            proptest::prop_assert_eq!(
                search(&case, &query, 50),
                every_record(&case, &query, 50),
                "{:?}",
                query
            );
        }
    }

    #[test]
    fn best_ranks_by_score_then_order() {
        let m = Matches {
            query: String::new(),
            hits: vec![(0, 5), (1, 9), (2, 5), (3, 1), (4, 9)],
        };
        assert_eq!(best(&m, 3), [(1, 9), (4, 9), (0, 5)]);
        assert_eq!(best(&m, 10).len(), 5);
        assert!(best(&m, 0).is_empty());
    }
}
