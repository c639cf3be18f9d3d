//! Editing a one-line prompt at a cursor, as shells and fzf do: typing and
//! pasting go in at the cursor, Backspace and Delete take the character
//! before or under it, Ctrl-W the word before it.
//!
//! The cursor counts characters, not bytes, so it can never fall inside one.

/// The byte offset of character `caret` in `text` (its end past the last).
fn byte(text: &str, caret: usize) -> usize {
    text.char_indices()
        .nth(caret)
        .map_or(text.len(), |(i, _)| i)
}

/// Insert `new` at the cursor, as far as `max` characters in all allow;
/// controls become spaces and invisible format characters are dropped (a
/// paste is as untrusted as a dataset). True when the text changed.
pub fn insert(text: &mut String, caret: &mut usize, new: &str, max: usize) -> bool {
    let room = max.saturating_sub(text.chars().count());
    let clean: String = new
        .chars()
        .filter(|&c| !crate::case::sanitize::is_format(c))
        .map(|c| {
            // Line and paragraph separators break a line as controls do.
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .take(room)
        .collect();
    if clean.is_empty() {
        return false;
    }
    *caret = (*caret).min(text.chars().count());
    text.insert_str(byte(text, *caret), &clean);
    *caret += clean.chars().count();
    true
}

/// Delete the character before the cursor; true when there was one.
pub fn delete_before(text: &mut String, caret: &mut usize) -> bool {
    *caret = (*caret).min(text.chars().count());
    if *caret == 0 {
        return false;
    }
    *caret -= 1;
    text.remove(byte(text, *caret));
    true
}

/// Delete the character under the cursor; true when there was one.
pub fn delete_at(text: &mut String, caret: usize) -> bool {
    let at = byte(text, caret);
    if at >= text.len() {
        return false;
    }
    text.remove(at);
    true
}

/// Delete the word before the cursor and the spaces after it; true when
/// anything went.
pub fn delete_word_before(text: &mut String, caret: &mut usize) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let end = (*caret).min(chars.len());
    let mut start = end;
    while start > 0 && chars[start - 1].is_whitespace() {
        start -= 1;
    }
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    if start == end {
        return false;
    }
    text.replace_range(byte(text, start)..byte(text, end), "");
    *caret = start;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_happen_at_the_cursor_in_characters() {
        let mut text = String::from("мушараф sco");
        let mut caret = 7; // after "мушараф"
        assert!(insert(&mut text, &mut caret, " 2014", 200));
        assert_eq!((text.as_str(), caret), ("мушараф 2014 sco", 12));
        assert!(delete_word_before(&mut text, &mut caret));
        assert_eq!((text.as_str(), caret), ("мушараф  sco", 8));
        assert!(delete_before(&mut text, &mut caret));
        assert!(delete_at(&mut text, caret));
        assert_eq!((text.as_str(), caret), ("мушарафsco", 7));
        assert!(
            !delete_at(&mut text, 10),
            "nothing under the cursor at the end"
        );
        caret = 0;
        assert!(!delete_before(&mut text, &mut caret));
        assert!(!delete_word_before(&mut text, &mut caret));
    }

    #[test]
    fn inserting_stops_at_the_limit_and_cleans_what_is_pasted() {
        let mut text = String::from("ab");
        let mut caret = 1;
        assert!(insert(&mut text, &mut caret, "x\u{1b}[31m\u{202e}y", 6));
        let (mut line, mut at) = (String::new(), 0);
        assert!(insert(&mut line, &mut at, "a\u{2028}b\u{2029}", 9));
        assert_eq!(line, "a b ");
        assert_eq!((text.as_str(), caret), ("ax [3b", 5));
        assert!(!insert(&mut text, &mut caret, "more", 6));
    }
}
