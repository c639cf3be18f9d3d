//! Whether a query's terms can stand where the scorer looks for them in
//! an item's texts: a test made before the item's record is, finer than
//! the letters it holds ([`super::chars`]).
//!
//! Nearly every item of a large case holds each letter of a query
//! somewhere, and few match it. A term matches a record only where its
//! lower-cased letters stand in order in the title or in the short fields,
//! or together in the long text or the note (see [`super::rank`]); an item
//! where they stand in none of these is passed over unmade. The texts are
//! read as the record would hold them (folded, lower-cased, joined as it
//! joins them) without making them. Only terms written in ASCII and blind
//! to case are sieved, for which that reading is exact; any other term,
//! and a year, is left to the scorer.

use super::corpus::{FIELD_SEPARATOR, Parts, fold_char};
use super::query::{How, Query};

/// The terms of a query that the sieve tests, ready to test.
pub(super) struct Sieve {
    terms: Vec<Pattern>,
}

/// A term's lower-cased bytes, and for each prefix the length of its
/// longest proper prefix that is also its suffix: where a search for the
/// term together goes on after a mismatch.
struct Pattern {
    bytes: Vec<u8>,
    fallback: Vec<usize>,
}

impl Sieve {
    /// The sieve for `query`.
    pub(super) fn new(query: &Query) -> Sieve {
        let terms = query
            .terms
            .iter()
            .filter(|t| !t.negated && !t.case_sensitive && t.how != How::Year)
            .filter(|t| !t.lower.is_empty() && t.lower.is_ascii())
            .map(|t| Pattern::new(t.lower.as_bytes()))
            .collect();
        Sieve { terms }
    }

    /// Whether every sieved term can stand in `parts`' texts as the scorer
    /// looks for it. False only where the record could not match.
    pub(super) fn passes(&self, parts: &Parts) -> bool {
        self.terms.iter().all(|p| {
            let fields = parts
                .fields
                .iter()
                .enumerate()
                .flat_map(|(k, f)| [(k > 0).then_some(FIELD_SEPARATOR), Some(&**f)])
                .flatten();
            // A term holds no blank, so it never stands together across
            // the blank that joins the long texts: each is read alone.
            p.in_order([&*parts.title])
                || p.in_order(fields)
                || parts.long.iter().flatten().any(|t| p.together(t))
                || parts.note.is_some_and(|t| p.together(t))
        })
    }
}

impl Pattern {
    fn new(bytes: &[u8]) -> Pattern {
        let mut fallback = vec![0; bytes.len()];
        let mut k = 0;
        for i in 1..bytes.len() {
            while k > 0 && bytes[i] != bytes[k] {
                k = fallback[k - 1];
            }
            if bytes[i] == bytes[k] {
                k += 1;
            }
            fallback[i] = k;
        }
        Pattern {
            bytes: bytes.to_vec(),
            fallback,
        }
    }

    /// Whether the term's characters stand in order in `texts`, read one
    /// after another.
    fn in_order<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> bool {
        let mut at = 0;
        texts.into_iter().any(|t| {
            if t.is_ascii() {
                // Each next character found by a fast search, in either case.
                let mut rest = t.as_bytes();
                while let Some(&b) = self.bytes.get(at) {
                    let Some(i) = memchr::memchr2(b, b.to_ascii_uppercase(), rest) else {
                        return false;
                    };
                    rest = &rest[i + 1..];
                    at += 1;
                }
                return true;
            }
            read(t, |c| {
                if self.bytes.get(at).is_some_and(|&b| char::from(b) == c) {
                    at += 1;
                }
                at == self.bytes.len()
            })
        })
    }

    /// Whether the term stands together in `text`.
    fn together(&self, text: &str) -> bool {
        if text.is_ascii() {
            // Where the first character stands, in either case, the rest
            // is compared.
            let (b, n) = (self.bytes[0], self.bytes.len());
            let hay = text.as_bytes();
            let mut from = 0;
            while let Some(i) = memchr::memchr2(b, b.to_ascii_uppercase(), &hay[from..]) {
                let at = from + i;
                if hay
                    .get(at..at + n)
                    .is_some_and(|w| w.eq_ignore_ascii_case(&self.bytes))
                {
                    return true;
                }
                from = at + 1;
            }
            return false;
        }
        let mut k = 0;
        read(text, |c| {
            while k > 0 && char::from(self.bytes[k]) != c {
                k = self.fallback[k - 1];
            }
            if char::from(self.bytes[k]) == c {
                k += 1;
            }
            k == self.bytes.len()
        })
    }
}

/// Give `step` each character of `text` as a record holds it (folded and
/// lower-cased) until it says it is done; whether it did.
fn read(text: &str, mut step: impl FnMut(char) -> bool) -> bool {
    text.chars().any(|c| match c.is_ascii() {
        true => step(c.to_ascii_lowercase()),
        false => fold_char(c).to_lowercase().any(&mut step),
    })
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::case::index::Item;

    fn parts<'a>(title: &'a str, fields: &[&'a str], long: &'a str) -> Parts<'a> {
        Parts {
            item: Item::Event(0),
            title: Cow::Borrowed(title),
            fields: fields.iter().map(|&f| Cow::Borrowed(f)).collect(),
            long: [Some(long), None],
            note: None,
            years: None,
        }
    }

    fn passes(query: &str, p: &Parts) -> bool {
        Sieve::new(&Query::parse(query)).passes(p)
    }

    #[test]
    fn a_term_passes_where_the_scorer_looks_for_it() {
        let p = parts(
            "North–South Gas Pipeline",
            &["2009", "Vladimir Putin", "energy"],
            "Talks on a line from Iran; the \u{212A}elvin sign is a k.",
        );
        // In order in the title, folded and lower-cased.
        assert!(passes("nrth-south", &p));
        assert!(passes("gsppl", &p));
        // In order across the short fields, or within one.
        assert!(passes("09putin", &p));
        assert!(passes("vlad", &p));
        // Together in the long text, where a Kelvin sign is a `k`.
        assert!(passes("iran", &p));
        assert!(passes("kelvin", &p));
        // Letters the item holds, but not where the scorer looks: strewn
        // across the long text, or out of order.
        assert!(!passes("tlkrn", &p));
        assert!(!passes("nitup", &p));
        // Every sieved term must pass; the others are the scorer's.
        assert!(!passes("gas tlkrn", &p));
        assert!(passes("gas !tlkrn", &p));
        assert!(passes("Tlkrn", &p));
        assert!(passes("1234", &p));
        assert!(passes("мушар", &p));
    }
}
