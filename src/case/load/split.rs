//! Finding the events of a large list on every core.
//!
//! Before its events can be parsed in parallel, a list must be cut where
//! one event ends and the next begins, and finding those places means
//! reading past every string and bracket: on one core, a fifth of loading
//! a large case. So the list is cut in stretches, one per core, each
//! starting at a likely event (an opening bracket after a comma where a
//! whole event reads), and scanned in parallel. A guess is only a guess —
//! the bracket could sit inside a string — so each stretch must end
//! exactly where the next begins, which holds only if the next starts at a
//! true element of the list: the first stretch starts at the true first
//! element, and each checked join carries that on. If any join fails, the
//! list is scanned from the start on one core, as before.

use std::ops::Range;

use super::event;
use crate::case::locate;

/// The most bytes a guessed event may take to read: a guess costs no more
/// than this, whatever the file.
const GUESS_WITHIN: usize = 64 << 10;

/// The most places tried for each cut.
const GUESSES: usize = 64;

/// The elements of the list that starts (with `[`) at `list`, and where it
/// ends, as [`locate::elements`] finds them, in `stretches` stretches
/// scanned in parallel.
pub(super) fn elements(
    text: &str,
    list: usize,
    stretches: usize,
) -> Option<(Vec<Range<usize>>, usize)> {
    if stretches < 2 || text.as_bytes().get(list) != Some(&b'[') {
        return locate::elements(text, list);
    }
    let mut starts = vec![list + 1];
    for k in 1..stretches {
        let cut = list + (text.len() - list) / stretches * k;
        if let Some(at) = guess(text, cut).filter(|&at| Some(&at) > starts.last()) {
            starts.push(at);
        }
    }
    let stops: Vec<Option<usize>> = starts[1..]
        .iter()
        .copied()
        .map(Some)
        .chain([None])
        .collect();
    let found: Vec<_> = std::thread::scope(|scope| {
        let scans: Vec<_> = starts
            .iter()
            .zip(&stops)
            .map(|(&from, &stop)| scope.spawn(move || locate::stretch(text, from, stop)))
            .collect();
        scans.into_iter().map(|s| s.join().ok().flatten()).collect()
    });
    let mut all = Vec::new();
    let mut end = None;
    for stretch in found {
        let Some((elements, list_end)) = stretch else {
            return locate::elements(text, list);
        };
        all.extend(elements);
        end = list_end;
    }
    Some((all, end?))
}

/// A likely start of an event at or after `cut`.
pub(super) fn guess(text: &str, cut: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut at = cut;
    for _ in 0..GUESSES {
        at += memchr::memchr(b'(', b.get(at..)?)?;
        let before = b[..at].iter().rev().find(|c| !c.is_ascii_whitespace());
        if before == Some(&b',') && event::starts_at(text, at, GUESS_WITHIN) {
            return Some(at);
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list whose strings hold what reads as an event: a raw string
    /// may hold quotes unescaped.
    fn tricky() -> String {
        let event = |i: usize| {
            format!(
                "(id: \"e{i}\", year: 2000, title: \"t\", \
                 summary: r#\"a, (id: \"x\", year: 1, title: \"t\", summary: \"s\"), b\"#)"
            )
        };
        let events: Vec<String> = (0..40).map(event).collect();
        format!("[{}]", events.join(", "))
    }

    #[test]
    fn finds_what_one_scan_finds_however_the_list_is_cut() {
        for text in [
            tricky(),
            "[]".to_owned(),
            "[(id: \"a\")]".to_owned(),
            "[ (a), (b), ]".to_owned(),
        ] {
            let one = locate::elements(&text, 0);
            for stretches in 1..9 {
                assert_eq!(
                    elements(&text, 0, stretches),
                    one,
                    "{stretches} stretches of {text}"
                );
            }
        }
    }

    #[test]
    fn a_guess_inside_a_string_fails_its_join_and_is_not_used() {
        let text = tricky();
        // The guess lands on the look-alike inside a string …
        let cut = text.find("r#").unwrap();
        let at = guess(&text, cut).unwrap();
        assert!(
            text[..at].ends_with("r#\"a, "),
            "{}",
            &text[at - 10..at + 10]
        );
        // … and the stretch before it does not end there.
        assert_eq!(locate::stretch(&text, 1, Some(at)), None);
    }
}
