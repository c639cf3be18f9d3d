//! Scoring a record for a query, and where a query matches a title for
//! highlighting. Whole words beat scattered letters, the title beats the
//! other fields, and those beat the long text.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::corpus::{FIELD_SEPARATOR, Record, fold};
use super::query::{How, Query, Term};
use crate::case::index::Item;

/// The scorer, shared by every search (it keeps per-thread buffers).
pub struct Matcher {
    fold: SkimMatcherV2,
    exact: SkimMatcherV2,
}

impl Default for Matcher {
    fn default() -> Matcher {
        Matcher {
            fold: SkimMatcherV2::default().ignore_case(),
            exact: SkimMatcherV2::default().respect_case(),
        }
    }
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Matcher")
    }
}

/// Bonus for matching in the title rather than another field.
const TITLE: i64 = 60;
/// Bonus for a whole word of a name: the factor or era itself ranks above
/// the events that mention it in passing...
const NAME: i64 = 100;
/// ...and the person above the factors named after them.
const PERSON: i64 = 160;
/// A word found only in an editorial note: searchable, but below every
/// match in the text itself (and above letters strewn across a title).
pub const NOTE: i64 = 40;
/// The most letters strewn across a title score: noise, below a note.
pub const STREWN: i64 = 30;

impl Matcher {
    fn skim(&self, term: &Term) -> &SkimMatcherV2 {
        if term.case_sensitive {
            &self.exact
        } else {
            &self.fold
        }
    }

    /// The score of `term` on `r`, or `None` when it does not match; with
    /// `notes` false, as if `r` had no editorial note.
    fn term(&self, term: &Term, r: &Record, notes: bool) -> Option<i64> {
        let score = match term.how {
            How::Fuzzy => self.fuzzy(term, r, notes),
            How::Exact => exact(term, r, notes),
            How::Prefix => {
                let hit = if term.case_sensitive {
                    r.title.starts_with(&term.text)
                } else {
                    r.title_lower.starts_with(&term.lower)
                };
                hit.then_some(150 + TITLE)
            }
            How::Suffix => {
                let hit = if term.case_sensitive {
                    r.title.ends_with(&term.text)
                } else {
                    r.title_lower.ends_with(&term.lower)
                };
                hit.then_some(150 + TITLE)
            }
            How::Year => year(term, r, notes),
        };
        if term.negated {
            if score.is_some() { None } else { Some(0) }
        } else {
            score
        }
    }

    fn fuzzy(&self, term: &Term, r: &Record, notes: bool) -> Option<i64> {
        let in_note = || notes && word_in(&r.note, term);
        // The scorer folds case for ASCII only, so a case-blind term is
        // matched against the lower-cased text ("мушар" finds "Мушарраф").
        let (title, fields, pattern) = if term.case_sensitive {
            (&r.title, &r.fields, &term.text)
        } else {
            (&r.title_lower, &r.fields_lower, &term.lower)
        };
        // A single letter matches nearly everything: score it directly (a
        // word's first letter beats any other) rather than through the scorer.
        let mut letters = pattern.chars();
        if let (Some(c), None) = (letters.next(), letters.next()) {
            return letter(title, c)
                .map(|s| s + TITLE)
                .or_else(|| letter(fields, c))
                .or_else(|| word_in(&r.long, term).then_some(5))
                .or_else(|| in_note().then_some(2));
        }
        let skim = self.skim(term);
        let mut best = None;
        if in_order(title, pattern) {
            let together = together(title, pattern);
            if together > 0 {
                if let Some(s) = skim.fuzzy_match(title, pattern) {
                    let name = match r.item {
                        _ if !whole_word(title, pattern) => 0,
                        Item::Actor(_) => PERSON,
                        Item::Factor(_) | Item::Era(_) => NAME,
                        _ => 0,
                    };
                    return Some(s + TITLE + together + name);
                }
            } else if let Some((s, at)) = skim.fuzzy_indices(title, pattern) {
                // Letters scattered in the title: a typo (the letters close
                // together) scores high; letters strewn across it are noise,
                // below a whole word anywhere else.
                let span = at.last().zip(at.first()).map_or(0, |(l, f)| l - f + 1);
                let compact = span <= pattern.chars().count() + 2;
                best = Some(if compact { s } else { s.min(STREWN) });
            }
        }
        // Whole words anywhere beat letters scattered anywhere. A word in
        // the other fields scores 120, in the long text 80: look no further
        // than a score can still be beaten.
        if best.is_some_and(|b| b >= 120) {
            return best;
        }
        let elsewhere = match together(fields, pattern) {
            80 => return best.max(Some(120)),
            40 => Some(70),
            // Letters scattered within one field (an actor's name, a
            // citation), never across several: "kayani" must not be
            // spelled out of a country, a role and a year.
            _ if in_order(fields, pattern) => fields
                .split(FIELD_SEPARATOR)
                .filter(|field| in_order(field, pattern))
                .filter_map(|field| skim.fuzzy_match(field, pattern))
                .max()
                .map(|s| s / 2),
            _ => None,
        };
        best = best.max(elsewhere);
        if best.is_some_and(|b| b >= 80) {
            return best;
        }
        best.max(word_in(&r.long, term).then_some(80))
            .max(in_note().then_some(NOTE))
    }

    /// Score `query` on a record, or `None` when a term fails. Terms are
    /// tried longest first: the most selective rejects a record soonest.
    pub fn score(&self, query: &Query, r: &Record) -> Option<i64> {
        self.score_in(query, r, true)
    }

    /// Whether `query` matches `r` only through its editorial note.
    pub fn only_in_note(&self, query: &Query, r: &Record) -> bool {
        !r.note.is_empty() && self.score_in(query, r, false).is_none()
    }

    fn score_in(&self, query: &Query, r: &Record, notes: bool) -> Option<i64> {
        query.order.iter().try_fold(0, |total, &t| {
            Some(total + self.term(&query.terms[t], r, notes)?)
        })
    }

    /// Where the query's terms match in `title`, as character positions
    /// (sorted, without repeats) for highlighting.
    pub fn highlights(&self, query: &Query, title: &str) -> Vec<usize> {
        let mut at = Vec::new();
        let folded = fold(title);
        let title = folded.as_str();
        let chars = title.chars().count();
        let lower = title.to_lowercase();
        for term in query.terms.iter().filter(|t| !t.negated) {
            match term.how {
                How::Fuzzy => {
                    // As in scoring, fold case by lower-casing, where that
                    // keeps the characters in place.
                    let folded = !term.case_sensitive && lower.chars().count() == chars;
                    let (hay, pattern) = if folded {
                        (lower.as_str(), &term.lower)
                    } else {
                        (title, &term.text)
                    };
                    if let Some((_, positions)) = self.skim(term).fuzzy_indices(hay, pattern) {
                        at.extend(positions);
                    }
                }
                How::Exact | How::Year => {
                    let (hay, needle) = if term.case_sensitive {
                        (title, &term.text)
                    } else {
                        (lower.as_str(), &term.lower)
                    };
                    // Lower-casing can change lengths; only trust positions
                    // when the folded title lines up with the original.
                    if hay.chars().count() == chars {
                        for (byte, _) in hay.match_indices(needle.as_str()) {
                            let start = hay[..byte].chars().count();
                            at.extend(start..start + needle.chars().count());
                        }
                    }
                }
                How::Prefix => at.extend(0..term.text.chars().count().min(chars)),
                How::Suffix => at.extend(chars.saturating_sub(term.text.chars().count())..chars),
            }
        }
        at.sort_unstable();
        at.dedup();
        at.retain(|&i| i < chars);
        at
    }
}

/// Cut `text` into runs of highlighted and plain characters, given the
/// highlighted character positions. The runs concatenate back to `text`
/// and never split a character.
pub fn segments<'t>(text: &'t str, positions: &[usize]) -> Vec<(&'t str, bool)> {
    let mut runs: Vec<(&'t str, bool)> = Vec::new();
    let mut start = 0;
    let mut state = None;
    for (n, (byte, _)) in text.char_indices().enumerate() {
        let lit = positions.binary_search(&n).is_ok();
        match state {
            Some(s) if s == lit => {}
            Some(s) => {
                runs.push((&text[start..byte], s));
                start = byte;
                state = Some(lit);
            }
            None => state = Some(lit),
        }
    }
    if let Some(s) = state {
        runs.push((&text[start..], s));
    }
    runs
}

/// Whether the characters of `needle` appear in `hay` in order: the cheap
/// check before the scorer.
fn in_order(hay: &str, needle: &str) -> bool {
    let mut want = needle.chars();
    let mut next = want.next();
    for c in hay.chars() {
        match next {
            None => return true,
            Some(n) if n == c => next = want.next(),
            Some(_) => {}
        }
    }
    next.is_none()
}

/// A bonus when a fuzzy term also appears as written, more when it starts
/// a word: "sco" means "SCO" more than "Sharif's courting of".
fn together(hay: &str, needle: &str) -> i64 {
    if hay
        .match_indices(needle)
        .any(|(at, _)| starts_word(hay, at))
    {
        80
    } else if hay.contains(needle) {
        40
    } else {
        0
    }
}

/// Whether `needle` stands in `hay` as a whole word (an apostrophe ends
/// one: "putin" in "Putin's").
fn whole_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, _)| {
        let after = hay[at + needle.len()..].chars().next();
        starts_word(hay, at) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether `term` starts a word of `text` (lower-cased long text).
fn word_in(text: &str, term: &Term) -> bool {
    term.finder
        .find_iter(text.as_bytes())
        .any(|at| starts_word(text, at))
}

/// Whether byte `at` of `text` begins a word.
fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The score of a one-letter term in `hay`: higher where it starts a word,
/// and higher the earlier that word comes.
fn letter(hay: &str, c: char) -> Option<i64> {
    let mut found = None;
    let mut previous = ' ';
    for (i, h) in hay.chars().enumerate() {
        if h == c {
            if !previous.is_alphanumeric() {
                return Some(30 - (i as i64).min(20));
            }
            found.get_or_insert(5);
        }
        previous = h;
    }
    found
}

fn exact(term: &Term, r: &Record, notes: bool) -> Option<i64> {
    let contains = |hay: &str, hay_lower: &str| {
        if term.case_sensitive {
            hay.contains(&term.text)
        } else {
            hay_lower.contains(&term.lower)
        }
    };
    let bonus = 10 * term.text.chars().count() as i64;
    if contains(&r.title, &r.title_lower) {
        Some(100 + bonus + TITLE)
    } else if contains(&r.fields, &r.fields_lower) {
        Some(100 + bonus)
    } else if !term.case_sensitive && term.finder.find(r.long.as_bytes()).is_some() {
        Some(20)
    } else if notes && !term.case_sensitive && term.finder.find(r.note.as_bytes()).is_some() {
        Some(NOTE)
    } else {
        None
    }
}

fn year(term: &Term, r: &Record, notes: bool) -> Option<i64> {
    if let Some((from, to)) = r.years {
        let exact = term.text.len() == 4;
        if exact {
            if let Ok(y) = term.text.parse::<i32>()
                && (from..=to).contains(&y)
            {
                // An era holds its years rather than being about them:
                // "2014 defence" means the agreement of 2014 before the
                // era of defence ties around it.
                return Some(match r.item {
                    Item::Era(_) => 60,
                    _ if from == y => 220,
                    _ => 180,
                });
            }
        } else if (from..=to).any(|y| y.to_string().starts_with(&term.text)) {
            return Some(120);
        }
    }
    // Then a year written in the text: "October 2012" in a note.
    r.title
        .contains(&term.text)
        .then_some(100 + TITLE)
        .or_else(|| word_in(&r.long, term).then_some(60))
        .or_else(|| (notes && word_in(&r.note, term)).then_some(NOTE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_matching_needs_a_word_start() {
        let pipe = &Query::parse("pipe").terms[0];
        assert!(word_in("the gas pipeline", pipe));
        assert!(word_in("pipeline", pipe));
        assert!(!word_in("bagpipe", pipe));
    }
}
