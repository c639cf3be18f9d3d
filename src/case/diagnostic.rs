//! Messages about a file a user handed over: `path:line:col: error: what`,
//! then the offending line and a caret under the column.
//!
//! Every text shown here went through [`crate::case::sanitize`], so a hostile file
//! cannot write escape sequences to the user's terminal through an error.

use std::fmt;

use unicode_width::UnicodeWidthStr;

use crate::case::sanitize;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file cannot be used.
    Error,
    /// The file can be used, but something in it looks wrong.
    Warning,
}

/// A 1-based line and column; the column counts characters, as editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

impl Pos {
    /// The position of a byte offset in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Pos {
        Lines::new(text).pos(offset)
    }
}

/// Where each line of a text starts, to turn many offsets into positions
/// without rescanning the text for each.
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    /// Index the lines of `text`.
    pub fn new(text: &'t str) -> Lines<'t> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The position of a byte offset (clamped to the text).
    pub fn pos(&self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        Pos {
            line,
            col: self.text[start..offset].chars().count() + 1,
        }
    }

    /// The byte offset of a position (clamped to the text).
    pub fn offset(&self, pos: Pos) -> usize {
        let Some(&start) = pos.line.checked_sub(1).and_then(|i| self.starts.get(i)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let within = rest
            .char_indices()
            .nth(pos.col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i);
        start + within
    }

    /// The text of a 1-based line, without its line break ("" past the end).
    pub fn line(&self, line: usize) -> &'t str {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.starts.get(i)) else {
            return "";
        };
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let text = &self.text[start..end];
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// A diagnostic at a byte offset, showing its line.
    pub fn diagnostic(
        &self,
        severity: Severity,
        file: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        let pos = self.pos(offset);
        Diagnostic::at(severity, file, self.line(pos.line), pos, message)
    }
}

/// One problem, with where it is and, when known, the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user named it.
    pub file: String,
    /// Where in the file, when the problem has a place.
    pub pos: Option<Pos>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The offending line of the file, already sanitized.
    excerpt: Option<Excerpt>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Excerpt {
    line: String,
    caret: usize,
}

impl Diagnostic {
    /// A problem with the file as a whole (missing, unreadable, too large …).
    pub fn file(file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: sanitize::line(file).into_owned(),
            pos: None,
            message: sanitize::line(&message.into()).into_owned(),
            excerpt: None,
        }
    }

    /// A problem at a place in a file; `line` is the text of `pos.line`.
    pub fn at(
        severity: Severity,
        file: &str,
        line: &str,
        pos: Pos,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            file: sanitize::line(file).into_owned(),
            pos: Some(pos),
            message: sanitize::line(&message.into()).into_owned(),
            excerpt: Some(Excerpt::new(line, pos.col)),
        }
    }

    /// True for errors, false for warnings.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line alone: `path:line:col: error: message`.
    pub fn headline(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.pos {
            Some(p) => format!(
                "{}:{}:{}: {kind}: {}",
                self.file, p.line, p.col, self.message
            ),
            None => format!("{}: {kind}: {}", self.file, self.message),
        }
    }
}

impl Excerpt {
    /// The widest part of a line shown; longer lines are cut around the caret.
    const WIDTH: usize = 100;

    fn new(raw: &str, col: usize) -> Excerpt {
        let chars: Vec<char> = raw.chars().collect();
        let at = (col.saturating_sub(1)).min(chars.len());
        // Keep a window of the line around the column so that a minified file
        // does not print megabytes.
        let from = at.saturating_sub(Self::WIDTH / 2);
        let to = (from + Self::WIDTH).min(chars.len());
        let piece = |end: usize| -> String {
            sanitize::line(&chars[from..end].iter().collect::<String>()).into_owned()
        };
        // Sanitizing works character by character from the start of the
        // piece, so the sanitized prefix is a prefix of the sanitized line and
        // its width is where the caret goes (tabs and all).
        let lead = if from > 0 { "…" } else { "" };
        let caret = lead.width() + piece(at).width();
        let tail = if to < chars.len() { "…" } else { "" };
        let line = format!("{lead}{}{tail}", piece(to));
        Excerpt { line, caret }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        if let (Some(excerpt), Some(pos)) = (&self.excerpt, self.pos) {
            let number = pos.line.to_string();
            let gutter = " ".repeat(number.len());
            write!(
                f,
                "\n {gutter} |\n {number} | {}\n {gutter} | {}^",
                excerpt.line,
                " ".repeat(excerpt.caret)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "ab\nçd\nxyz";
        assert_eq!(Pos::of_offset(text, 0), Pos { line: 1, col: 1 });
        assert_eq!(Pos::of_offset(text, 3), Pos { line: 2, col: 1 });
        // 'ç' is two bytes but one column.
        assert_eq!(Pos::of_offset(text, 5), Pos { line: 2, col: 2 });
        assert_eq!(Pos::of_offset(text, 999), Pos { line: 3, col: 4 });
        let lines = Lines::new(text);
        assert_eq!(
            (lines.line(1), lines.line(2), lines.line(3), lines.line(4)),
            ("ab", "çd", "xyz", "")
        );
    }

    #[test]
    fn display_shows_the_line_and_a_caret_under_the_column() {
        let text = "(\n  titel: \"x\",\r\n)";
        let d = Lines::new(text).diagnostic(Severity::Error, "a.ron", 4, "unknown field");
        assert_eq!(
            d.to_string(),
            "a.ron:2:3: error: unknown field\n   |\n 2 |   titel: \"x\",\n   |   ^"
        );
    }

    #[test]
    fn a_hostile_line_is_shown_inert_and_the_caret_still_lines_up() {
        let text = "\u{1b}]52;c;aGk=\u{7}\tX";
        let d = Lines::new(text).diagnostic(Severity::Error, "a", 13, "m");
        let shown = d.to_string();
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}') && !shown.contains('\t'));
        let lines: Vec<&str> = shown.lines().collect();
        // The caret line is ASCII, so its byte offset is its column.
        let caret = lines[3].find('^').unwrap();
        let x = lines[2].find('X').unwrap();
        assert_eq!(lines[2][..x].width(), caret);
    }
}
