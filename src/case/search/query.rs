//! A query in fzf's extended syntax: space-separated terms that must all
//! match; `'exact`, `^prefix`, `suffix$`, `!not`; smart case; years.

use super::MAX_QUERY;
use super::chars::Chars;
use super::corpus::fold;

/// How a term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum How {
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
pub(super) struct Term {
    /// The term as typed, its typography folded.
    pub(super) text: String,
    /// The term, lower-cased.
    pub(super) lower: String,
    /// How it matches.
    pub(super) how: How,
    /// `!term`: the records it does not match.
    pub(super) negated: bool,
    /// Smart case: it has an uppercase letter.
    pub(super) case_sensitive: bool,
    /// A fast searcher for the lower-cased term in long text.
    pub(super) finder: memchr::memmem::Finder<'static>,
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
    /// The terms, as typed.
    pub(super) terms: Vec<Term>,
    /// The order terms are tried in: longest first.
    pub(super) order: Vec<usize>,
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

    /// The letters and digits a record must hold for the query to match
    /// it: those of every term but negated ones and years (a year matches
    /// an item's dates too).
    pub(super) fn needed(&self) -> Chars {
        let mut needed = Chars::default();
        for term in self
            .terms
            .iter()
            .filter(|t| !t.negated && t.how != How::Year)
        {
            needed.add_ascii(&term.lower);
        }
        needed
    }
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
}
