//! Text measured in terminal cells: cutting to a width with an ellipsis and
//! wrapping at word boundaries, never splitting a character.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The cells `s` takes on a terminal.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `max` cells; a cut string ends in `…`.
pub fn fit(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `parts` joined by " · " in at most `max` cells: the last parts give way
/// whole, a closing "· …" saying that some did, and the first is cut (with
/// `…`) only when it alone is too wide.
pub fn fit_parts(parts: &[&str], max: usize) -> String {
    let mut kept = parts.len();
    loop {
        let mut s = parts[..kept].join(" · ");
        if kept < parts.len() {
            s.push_str(" · …");
        }
        if s.width() <= max || kept <= 1 {
            return fit(&s, max);
        }
        kept -= 1;
    }
}

/// `s` padded with spaces (or cut) to exactly `cells` cells.
pub fn pad(s: &str, cells: usize) -> String {
    let mut out = fit(s, cells);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Wrap `text` into lines of at most `max` cells, breaking at spaces where
/// possible and inside a word only when the word alone is too wide. Line
/// breaks in `text` start new lines; an empty line stays empty.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let w = word.width();
            let gap = usize::from(used > 0);
            if used + gap + w <= max {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                used += gap + w;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            // A word wider than a line is cut into line-sized pieces.
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > max && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` wrapped to `width` in at most `rows` rows, the last of them
/// ending in an ellipsis when the text runs on.
pub fn wrap_rows(text: &str, rows: usize, width: usize) -> Vec<String> {
    let mut pieces = wrap(text, width);
    if rows > 0 && pieces.len() > rows {
        let rest = pieces[rows - 1..].join(" ");
        pieces.truncate(rows - 1);
        pieces.push(fit(&rest, width));
    }
    pieces.truncate(rows);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis_and_respects_wide_characters() {
        assert_eq!(fit("Kayani visits Moscow", 10), "Kayani vi…");
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("北京北京", 5), "北京…");
        assert_eq!(fit("北京北京", 4), "北…");
        assert_eq!(fit("abc", 0), "");
        assert!(fit("北京北京", 5).width() <= 5);
    }

    #[test]
    fn fit_parts_drops_whole_parts_and_says_so() {
        let parts = ["Quiz", "question 1 of 41", "seed 123456789"];
        assert_eq!(
            fit_parts(&parts, 60),
            "Quiz · question 1 of 41 · seed 123456789"
        );
        assert_eq!(fit_parts(&parts, 30), "Quiz · question 1 of 41 · …");
        assert_eq!(fit_parts(&parts, 9), "Quiz · …");
        assert_eq!(fit_parts(&parts, 5), "Quiz…");
        assert_eq!(fit_parts(&[], 5), "");
    }

    #[test]
    fn pad_makes_exact_widths() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("北京北京", 5).width(), 5);
    }

    #[test]
    fn wrap_breaks_at_words_and_keeps_paragraphs() {
        assert_eq!(wrap("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn wrap_rows_cuts_the_last_row_it_has() {
        assert_eq!(wrap_rows("the quick brown fox", 1, 10), ["the quick…"]);
        assert_eq!(
            wrap_rows("the quick brown fox", 2, 10),
            ["the quick", "brown fox"]
        );
        assert_eq!(
            wrap_rows("the quick brown fox", 0, 10),
            Vec::<String>::new()
        );
    }

    #[test]
    fn wrap_never_exceeds_the_width_or_loses_characters() {
        let text = "Путин и Мушарраф 北京上海广州 emoji 🎉🎉🎉 done";
        for max in 1..20 {
            let lines = wrap(text, max);
            for l in &lines {
                assert!(l.width() <= max.max(2), "{l:?} at {max}");
            }
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let original: String = text.chars().filter(|c| *c != ' ').collect();
            assert_eq!(joined, original);
        }
    }
}
