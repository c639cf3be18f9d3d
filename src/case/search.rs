//! Finding anything in a case: fzf-style queries ranked best first.
//!
//! A query is space-separated terms that must all match (AND). A plain term
//! matches fuzzily on an item's short fields — its title or name first, then
//! its year, actors, themes, citations — and, failing that, as the start of a
//! word in its long text (summary, quote, note). fzf's forms work: `'exact`,
//! `^prefix`, `suffix$` (on the title) and `!not`. A term with an uppercase
//! letter is case-sensitive (smart case). A term of digits is a year.
//!
//! Speed comes from doing little: only short fields are scored fuzzily, a
//! cheap in-order character check skips most records before the scorer, a
//! query that extends the previous one searches only the previous matches,
//! the best results are picked with `select_nth_unstable`, and highlight
//! positions are computed only for the rows on screen.

pub mod worker;

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::case::index::{Case, Item};

/// Queries longer than this (in characters) are cut: nobody types more, and
/// pasting a book into the prompt must not stall the program.
pub const MAX_QUERY: usize = 200;

/// What joins a record's short fields; scattered letters must match within
/// one of them.
const FIELD_SEPARATOR: &str = " · ";

/// One searchable item.
#[derive(Debug, Clone)]
pub struct Record {
    /// What the record stands for.
    pub item: Item,
    /// The text shown in results, which highlights apply to.
    pub title: String,
    title_lower: String,
    /// The other short fields, joined.
    fields: String,
    fields_lower: String,
    /// The long text, lower-cased, for word matching.
    long: String,
    /// The years the item covers, for year terms.
    years: Option<(i32, i32)>,
}

/// Every record of a case, in a fixed order: events (chronological),
/// factors, actors, eras, sources.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The records.
    pub records: Vec<Record>,
}

impl Corpus {
    /// Build the records of `case`.
    pub fn new(case: &Case) -> Corpus {
        let d = &case.data;
        let ix = &case.index;
        let names = |ids: &[usize], f: &dyn Fn(usize) -> String| -> Vec<String> {
            ids.iter().map(|&i| f(i)).collect()
        };
        let actor = |a: usize| d.actors[a].name.clone();
        let cite = |s: usize| {
            let s = &d.sources[s];
            std::iter::once(s.citation.clone())
                .chain(s.variants.iter().cloned())
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let event = |e: usize| {
            let x = &d.events[e];
            let mut fields = vec![x.date_label()];
            fields.extend(names(&ix.event_actors[e], &actor));
            fields.extend(x.themes.iter().cloned());
            fields.extend(names(&ix.event_sources[e], &cite));
            fields.push(case.levels(e).names());
            // "note" or "editorial" lists what carries an editorial note.
            if x.note.is_some() {
                fields.push("editorial note".to_owned());
            }
            let long = [Some(&x.summary), x.quote.as_ref(), x.note.as_ref()];
            Record::new(
                Item::Event(e),
                &x.title,
                &fields,
                &long,
                Some((x.year, x.until.unwrap_or(x.year).max(x.year))),
            )
        };
        // Events are most of a large case: build their records on every core.
        let threads = if d.events.len() >= 20_000 {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .clamp(1, 8)
        } else {
            1
        };
        let share = d.events.len().div_ceil(threads).max(1);
        let mut records: Vec<Record> = std::thread::scope(|scope| {
            let parts: Vec<_> = (0..d.events.len())
                .step_by(share)
                .map(|from| {
                    let to = (from + share).min(d.events.len());
                    scope.spawn(move || (from..to).map(event).collect::<Vec<Record>>())
                })
                .collect();
            parts
                .into_iter()
                .flat_map(|p| {
                    p.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        for (f, x) in d.factors.iter().enumerate() {
            let mut fields = vec![x.level.name().to_owned(), x.effect.name().to_owned()];
            fields.extend(names(&ix.factor_actors[f], &actor));
            fields.extend(names(&ix.factor_sources[f], &cite));
            if x.note.is_some() {
                fields.push("editorial note".to_owned());
            }
            let long = [Some(&x.summary), x.quote.as_ref(), x.note.as_ref()];
            records.push(Record::new(Item::Factor(f), &x.name, &fields, &long, None));
        }
        for (a, x) in d.actors.iter().enumerate() {
            let fields = [x.country.clone(), x.role.clone()];
            records.push(Record::new(Item::Actor(a), &x.name, &fields, &[], None));
        }
        for (i, x) in d.eras.iter().enumerate() {
            let fields = [format!("{}–{}", x.start, x.end)];
            let long = [Some(&x.summary)];
            records.push(Record::new(
                Item::Era(i),
                &x.name,
                &fields,
                &long,
                Some((x.start, x.end)),
            ));
        }
        for (s, x) in d.sources.iter().enumerate() {
            let year = year_in(&x.citation).map(|y| (y, y));
            // Other spellings are the source's own names: matched as its title.
            let names = std::iter::once(x.citation.as_str())
                .chain(x.variants.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" · ");
            records.push(Record::new(Item::Source(s), &names, &[], &[], year));
        }
        Corpus { records }
    }

    /// How many records there are.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// The first four-digit number in a citation, as its year.
fn year_in(citation: &str) -> Option<i32> {
    let bytes = citation.as_bytes();
    (0..bytes.len().saturating_sub(3))
        .find(|&i| {
            bytes[i..i + 4].iter().all(u8::is_ascii_digit)
                && (i == 0 || !bytes[i - 1].is_ascii_digit())
                && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
        })
        .and_then(|i| citation[i..i + 4].parse().ok())
}

impl Record {
    fn new(
        item: Item,
        title: &str,
        fields: &[String],
        long: &[Option<&String>],
        years: Option<(i32, i32)>,
    ) -> Record {
        let fields = fold(&fields.join(FIELD_SEPARATOR));
        let long: Vec<&str> = long.iter().flatten().map(|s| s.as_str()).collect();
        let title = fold(title);
        Record {
            item,
            title_lower: lower(&title),
            title,
            fields_lower: lower(&fields),
            fields,
            long: lower(&fold(&long.join(" "))),
            years,
        }
    }
}

/// Lower case, quickly for the usual ASCII text.
fn lower(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// Typographic marks as people type them: dashes become `-`, curly quotes
/// straight ones, so that `north-south` finds "North–South". One character
/// for one, so positions in the folded text are positions in the original.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    text.chars()
        .map(|c| match c {
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            c => c,
        })
        .collect()
}

/// How a term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// In order, not necessarily together.
    Fuzzy,
    /// As written, somewhere (`'term`).
    Exact,
    /// At the start of the title (`^term`).
    Prefix,
    /// At the end of the title (`term$`).
    Suffix,
    /// A year, or the start of one (`2014`, `201`).
    Year,
}

/// One term of a query.
#[derive(Debug, Clone)]
struct Term {
    text: String,
    lower: String,
    how: How,
    negated: bool,
    case_sensitive: bool,
    /// A fast searcher for the lower-cased term in long text.
    finder: memchr::memmem::Finder<'static>,
}

impl PartialEq for Term {
    fn eq(&self, other: &Term) -> bool {
        (&self.text, self.how, self.negated) == (&other.text, other.how, other.negated)
    }
}

impl Eq for Term {}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
    /// The order terms are tried in: longest first.
    order: Vec<usize>,
}

impl Query {
    /// Parse fzf's extended syntax.
    pub fn parse(text: &str) -> Query {
        let text: String = text.chars().take(MAX_QUERY).collect();
        let terms = text
            .split_whitespace()
            .filter_map(|word| {
                let (negated, word) = match word.strip_prefix('!') {
                    Some(rest) => (true, rest),
                    None => (false, word),
                };
                let (how, word) = if let Some(rest) = word.strip_prefix('\'') {
                    (How::Exact, rest)
                } else if let Some(rest) = word.strip_prefix('^') {
                    (How::Prefix, rest)
                } else if let Some(rest) = word.strip_suffix('$').filter(|r| !r.is_empty()) {
                    (How::Suffix, rest)
                } else if negated {
                    (How::Exact, word)
                } else if word.len() >= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
                    (How::Year, word)
                } else {
                    (How::Fuzzy, word)
                };
                (!word.is_empty()).then(|| {
                    let word = fold(word);
                    let lower = word.to_lowercase();
                    Term {
                        finder: memchr::memmem::Finder::new(lower.as_bytes()).into_owned(),
                        case_sensitive: word.chars().any(char::is_uppercase),
                        text: word,
                        lower,
                        how,
                        negated,
                    }
                })
            })
            .collect::<Vec<Term>>();
        let mut order: Vec<usize> = (0..terms.len()).collect();
        order.sort_by_key(|&t| std::cmp::Reverse(terms[t].text.len()));
        Query { terms, order }
    }

    /// Whether the query has no terms (everything matches).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

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

impl Matcher {
    fn skim(&self, term: &Term) -> &SkimMatcherV2 {
        if term.case_sensitive {
            &self.exact
        } else {
            &self.fold
        }
    }

    /// The score of `term` on `r`, or `None` when it does not match.
    fn term(&self, term: &Term, r: &Record) -> Option<i64> {
        let score = match term.how {
            How::Fuzzy => self.fuzzy(term, r),
            How::Exact => exact(term, r),
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
            How::Year => year(term, r),
        };
        if term.negated {
            if score.is_some() { None } else { Some(0) }
        } else {
            score
        }
    }

    fn fuzzy(&self, term: &Term, r: &Record) -> Option<i64> {
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
                .or_else(|| word_in(&r.long, term).then_some(5));
        }
        let skim = self.skim(term);
        let mut best = None;
        if in_order(title, pattern) {
            let together = together(title, pattern);
            if together > 0 {
                if let Some(s) = skim.fuzzy_match(title, pattern) {
                    return Some(s + TITLE + together);
                }
            } else if let Some((s, at)) = skim.fuzzy_indices(title, pattern) {
                // Letters scattered in the title: a typo (the letters close
                // together) scores high; letters strewn across it are noise,
                // below a whole word anywhere else.
                let span = at.last().zip(at.first()).map_or(0, |(l, f)| l - f + 1);
                let compact = span <= pattern.chars().count() + 2;
                best = Some(if compact { s } else { s.min(60) });
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
    }

    /// Score `query` on a record, or `None` when a term fails. Terms are
    /// tried longest first: the most selective rejects a record soonest.
    pub fn score(&self, query: &Query, r: &Record) -> Option<i64> {
        query
            .order
            .iter()
            .try_fold(0, |total, &t| Some(total + self.term(&query.terms[t], r)?))
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

fn exact(term: &Term, r: &Record) -> Option<i64> {
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
    } else {
        None
    }
}

fn year(term: &Term, r: &Record) -> Option<i64> {
    if let Some((from, to)) = r.years {
        let exact = term.text.len() == 4;
        if exact {
            if let Ok(y) = term.text.parse::<i32>() {
                if (from..=to).contains(&y) {
                    return Some(if from == y { 220 } else { 180 });
                }
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
}

/// Below this many records to check, one thread does it all.
const PARALLEL_FROM: usize = 4096;

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
    let threads = if total >= PARALLEL_FROM {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8)
    } else {
        1
    };
    let hits = if threads == 1 {
        scan(0..total)?
    } else {
        // Contiguous shares, joined in order: ties keep record order.
        let share = total.div_ceil(threads);
        let parts: Vec<Option<Vec<(u32, i64)>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let range = (t * share).min(total)..((t + 1) * share).min(total);
                    scope.spawn(move || scan(range))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect()
        });
        let mut hits = Vec::new();
        for part in parts {
            hits.extend(part?);
        }
        hits
    };
    Some(Matches {
        query: query.to_owned(),
        hits,
    })
}

/// The `n` best hits, best first; ties keep record order.
pub fn best(matches: &Matches, n: usize) -> Vec<(u32, i64)> {
    let mut hits = matches.hits.clone();
    let key = |&(i, s): &(u32, i64)| (Reverse(s), i);
    if hits.len() > n && n > 0 {
        hits.select_nth_unstable_by_key(n - 1, key);
        hits.truncate(n);
    }
    hits.sort_unstable_by_key(key);
    hits.truncate(n);
    hits
}

/// Search a whole case at once: the best `limit` items for `query`, and
/// how many matched in all.
pub fn search(case: &Case, query: &str, limit: usize) -> (Vec<Item>, usize) {
    let corpus = Corpus::new(case);
    let matcher = Matcher::default();
    let matches = find(&matcher, &corpus, query, None, &|| false).unwrap_or_default();
    let items = best(&matches, limit)
        .into_iter()
        .map(|(i, _)| corpus.records[i as usize].item)
        .collect();
    (items, matches.hits.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_parse_into_fzf_terms() {
        let q = Query::parse("gas !Kashmir 'exact ^Pre suf$ 2014 !^x");
        let hows: Vec<(How, bool, bool)> = q
            .terms
            .iter()
            .map(|t| (t.how, t.negated, t.case_sensitive))
            .collect();
        assert_eq!(
            hows,
            [
                (How::Fuzzy, false, false),
                (How::Exact, true, true),
                (How::Exact, false, false),
                (How::Prefix, false, true),
                (How::Suffix, false, false),
                (How::Year, false, false),
                (How::Prefix, true, false),
            ]
        );
        assert!(Query::parse("  ").is_empty());
        assert!(Query::parse("! ' ^").is_empty());
    }

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

    #[test]
    fn year_in_finds_citation_years() {
        assert_eq!(year_in("Clary (2022)"), Some(2022));
        assert_eq!(year_in("MOFA, 2013"), Some(2013));
        assert_eq!(year_in("n.d."), None);
        assert_eq!(year_in("12345"), None);
    }

    #[test]
    fn word_matching_needs_a_word_start() {
        let pipe = &Query::parse("pipe").terms[0];
        assert!(word_in("the gas pipeline", pipe));
        assert!(word_in("pipeline", pipe));
        assert!(!word_in("bagpipe", pipe));
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
