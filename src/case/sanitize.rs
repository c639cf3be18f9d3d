//! Make text from a file safe to put on a terminal.
//!
//! A dataset is data, and data must never drive the terminal. Every string is
//! passed through here when it is loaded (and every line echoed in an error
//! message), so what the rest of the program holds is inert:
//!
//! - C0 controls, DEL and C1 controls become visible symbols (`␛`, `␇`, `�`),
//!   so an escape sequence shows as harmless text (`␛]52;c;…`) instead of
//!   running;
//! - bidi overrides, zero-width and other invisible format characters
//!   (Unicode category Cf) are removed: they reorder or hide text; so are
//!   the fillers that render as blanks (Hangul fillers, the blank Braille
//!   pattern), which would make two different strings look the same. A
//!   zero-width joiner between two emoji is kept: it makes one picture of
//!   them (a family, a flag) and hides nothing;
//! - tabs become spaces up to the next multiple of [`TAB_WIDTH`];
//! - CR LF and lone CR become LF ([`text`]) or a space ([`line()`]).

use std::borrow::Cow;

/// Columns between tab stops.
pub const TAB_WIDTH: usize = 4;

/// Sanitize text that may span lines: line breaks are kept as `\n`.
pub fn text(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// Sanitize text that must stay on one line: line breaks become spaces.
pub fn line(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

fn clean(s: &str, multiline: bool) -> Cow<'_, str> {
    // The common cases cost a scan and no copy: plain printable ASCII, and
    // any other text with nothing to change.
    // In blocks without a branch per byte, so that the scan runs wide.
    let plain = |b: &u8| (0x20..0x7f).contains(b) | (multiline & (*b == b'\n'));
    if s.as_bytes()
        .chunks(32)
        .all(|block| block.iter().fold(true, |all, b| all & plain(b)))
    {
        return Cow::Borrowed(s);
    }
    let unchanged = |c: char| match c {
        ' '..='~' => true,
        '\n' => multiline,
        '\r' | '\t' | '\u{2028}' | '\u{2029}' | ZWJ => false,
        c => visible(c) == Some(c),
    };
    if s.chars().all(unchanged) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut column = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ZWJ if out.chars().next_back().is_some_and(joins)
                && chars.peek().copied().is_some_and(is_emoji) =>
            {
                out.push(ZWJ);
            }
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                if multiline {
                    out.push('\n');
                    column = 0;
                } else {
                    out.push(' ');
                    column += 1;
                }
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            _ => {
                if let Some(shown) = visible(c) {
                    out.push(shown);
                    column += 1;
                }
            }
        }
    }
    Cow::Owned(out)
}

/// The zero-width joiner.
const ZWJ: char = '\u{200d}';

/// Whether `c` is a pictograph that a zero-width joiner may join to the
/// next: the emoji blocks and the older symbols emoji sequences use (♀,
/// ⚕, ❤ …).
fn is_emoji(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}' | '\u{1f000}'..='\u{1faff}')
}

/// Whether a joiner after `c` continues an emoji sequence: after an emoji,
/// or after the variation selector that asks for emoji presentation.
fn joins(c: char) -> bool {
    is_emoji(c) || c == '\u{fe0f}'
}

/// What a character other than a line break or tab becomes: itself, a
/// visible stand-in, or nothing.
fn visible(c: char) -> Option<char> {
    match c {
        // C0 controls map onto the Control Pictures block, ␀ … ␟.
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        c if is_format(c) => None,
        c => Some(c),
    }
}

/// Unicode's invisible format characters (category Cf): bidi embeddings,
/// overrides and isolates, zero-width spaces and joiners, the byte-order mark,
/// soft hyphens, interlinear annotation marks and tag characters; and the
/// characters outside Cf that render as nothing but a blank (the Hangul
/// fillers, the blank Braille pattern).
pub fn is_format(c: char) -> bool {
    matches!(c,
        '\u{ad}'
        | '\u{115f}'..='\u{1160}'
        | '\u{2800}'
        | '\u{3164}'
        | '\u{ffa0}'
        | '\u{600}'..='\u{605}'
        | '\u{61c}'
        | '\u{6dd}'
        | '\u{70f}'
        | '\u{890}'..='\u{891}'
        | '\u{8e2}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{110bd}'
        | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}'
        | '\u{e0020}'..='\u{e007f}')
}

/// True when `s` holds nothing that [`text`] would change: no control
/// character other than `\n`, no format character (a joiner only between
/// emoji).
pub fn is_inert(s: &str) -> bool {
    text(s) == s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_not_copied() {
        assert!(matches!(line("Kayani visits Moscow"), Cow::Borrowed(_)));
        assert!(matches!(line("Путин · 北京 — “quoted”"), Cow::Borrowed(_)));
        assert!(matches!(text("a\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn an_osc_52_clipboard_write_becomes_inert_text() {
        let hostile = "x\u{1b}]52;c;ZXZpbA==\u{7}y";
        let clean = line(hostile);
        assert_eq!(clean, "x\u{241b}]52;c;ZXZpbA==\u{2407}y");
        assert!(is_inert(&clean));
    }

    #[test]
    fn c1_and_del_are_replaced() {
        assert_eq!(line("a\u{9b}31mb\u{7f}"), "a\u{fffd}31mb\u{2421}");
    }

    #[test]
    fn bidi_overrides_and_zero_width_characters_are_removed() {
        assert_eq!(line("ab\u{202e}cd\u{200b}e\u{2066}f\u{feff}"), "abcdef");
    }

    #[test]
    fn blank_fillers_are_removed_and_emoji_joiners_kept() {
        assert_eq!(line("a\u{3164}"), "a");
        assert_eq!(line("\u{115f}b\u{2800}\u{ffa0}"), "b");
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(line(family), family);
        let rainbow = "\u{1f3f3}\u{fe0f}\u{200d}\u{1f308}";
        assert_eq!(line(rainbow), rainbow);
        assert!(is_inert(family));
        // A joiner between letters, or at either end, hides nothing useful.
        assert_eq!(line("a\u{200d}b"), "ab");
        assert_eq!(line("\u{1f468}\u{200d}"), "\u{1f468}");
        assert!(!is_inert("a\u{200d}b"));
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(line("a\tb"), "a   b");
        assert_eq!(line("abcd\tb"), "abcd    b");
        assert_eq!(text("ab\n\tc"), "ab\n    c");
    }

    #[test]
    fn line_breaks_are_normalised() {
        assert_eq!(text("a\r\nb\rc\u{2028}d"), "a\nb\nc\nd");
        assert_eq!(line("a\r\nb\nc"), "a b c");
    }

    #[test]
    fn non_ascii_text_is_kept() {
        assert_eq!(
            line("Путин · پاکستان · 北京 · 🎉"),
            "Путин · پاکستان · 北京 · 🎉"
        );
    }
}
