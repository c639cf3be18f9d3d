//! Which letters and digits a text holds: a cheap test that a query cannot
//! match a record, made before the record is.
//!
//! `waltz search` makes each item's record (its texts folded and
//! lower-cased) only to score it, and most items of a large case cannot
//! match: a query's letters are not all in them. A record matches a term
//! only where the term's letters occur in its lower-cased text, so an item
//! whose texts lack one of them is passed over unmade. Only ASCII letters
//! and digits are counted, and a text's other characters add whatever
//! their lower case holds of them (the Kelvin sign is a `k`), so the test
//! never passes over an item that would match.

/// A set of the 36 characters `a`–`z` and `0`–`9`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Chars(u64);

/// Each ASCII character's bit (see [`Chars::bit`]), looked up: a text is
/// read a byte at a time.
const BITS: [u64; 128] = {
    let mut bits = [0; 128];
    let mut b = 0;
    while b < 128 {
        bits[b] = Chars::bit(b as u8 as char);
        b += 1;
    }
    bits
};

impl Chars {
    /// The letter or digit `c` stands for (lower-cased), if any.
    const fn bit(c: char) -> u64 {
        match c.to_ascii_lowercase() {
            c @ 'a'..='z' => 1 << (c as u8 - b'a'),
            c @ '0'..='9' => 1 << (26 + c as u8 - b'0'),
            _ => 0,
        }
    }

    /// Add the letters and digits of `text`, and those the lower case of
    /// its other characters holds.
    pub(super) fn add(&mut self, text: &str) {
        let mut other = false;
        for &b in text.as_bytes() {
            match BITS.get(usize::from(b)) {
                Some(bit) => self.0 |= bit,
                None => other = true,
            }
        }
        if other {
            for c in text.chars().filter(|c| !c.is_ascii()) {
                self.0 |= c.to_lowercase().map(Self::bit).fold(0, |a, b| a | b);
            }
        }
    }

    /// Add the ASCII letters and digits of `text` only: what a query
    /// certainly needs.
    pub(super) fn add_ascii(&mut self, text: &str) {
        for &b in text.as_bytes().iter().filter(|b| b.is_ascii()) {
            self.0 |= Self::bit(char::from(b));
        }
    }

    /// Whether every character of `needed` is here.
    pub(super) fn has_all(self, needed: Chars) -> bool {
        needed.0 & !self.0 == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Chars {
        let mut c = Chars::default();
        c.add(text);
        c
    }

    #[test]
    fn counts_letters_and_digits_whatever_their_case() {
        assert!(of("Putin 2009").has_all(of("putin 09")));
        assert!(!of("Putin").has_all(of("putin x")));
        assert!(of("anything").has_all(Chars::default()));
    }

    #[test]
    fn other_characters_add_what_their_lower_case_holds() {
        // The Kelvin sign lower-cases to `k`, a dotted capital I to `i` and
        // a combining dot.
        assert!(of("\u{212A}elvin").has_all(of("kelvin")));
        assert!(of("\u{130}stanbul").has_all(of("istanbul")));
        assert!(!of("Мушарраф").has_all(of("m")));
    }
}
