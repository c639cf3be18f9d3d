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

/// The lines and characters of a text counted ahead of time, to turn many
/// offsets into positions without rescanning the text for each. Both are
/// counted once for every [`BLOCK`] bytes, so that a position costs a
/// block's scan at most, whatever the text's shape: a file on one long
/// line, or a file of nothing but line breaks, where a table of every
/// line's start would take twice the file.
pub struct Lines<'t> {
    text: &'t str,
    /// Line breaks before byte `i * BLOCK`.
    breaks: Vec<usize>,
    /// Characters before byte `i * BLOCK`.
    blocks: Vec<usize>,
}

/// The span of text whose characters are counted ahead of time.
const BLOCK: usize = 4096;

impl<'t> Lines<'t> {
    /// Index the lines of `text`.
    pub fn new(text: &'t str) -> Lines<'t> {
        let mut breaks = Vec::with_capacity(text.len() / BLOCK + 2);
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 2);
        let (mut lines, mut chars) = (0, 0);
        for chunk in text.as_bytes().chunks(BLOCK) {
            breaks.push(lines);
            blocks.push(chars);
            lines += memchr::memchr_iter(b'\n', chunk).count();
            chars += chars_in(chunk);
        }
        // And before the block past the end: the end of a text whose
        // length is a whole number of blocks is a place too.
        breaks.push(lines);
        blocks.push(chars);
        Lines {
            text,
            breaks,
            blocks,
        }
    }

    /// Where the text is past its `k`th line break (its start for none);
    /// `None` when it has fewer.
    fn past_break(&self, k: usize) -> Option<usize> {
        if k == 0 {
            return Some(0);
        }
        // The block holding it: the last with fewer than `k` before it.
        let block = self.breaks.partition_point(|&n| n < k).checked_sub(1)?;
        let from = block * BLOCK;
        let bytes = self
            .text
            .as_bytes()
            .get(from..(from + BLOCK).min(self.text.len()))?;
        let nth = k - self.breaks[block] - 1;
        let at = memchr::memchr_iter(b'\n', bytes).nth(nth)?;
        Some(from + at + 1)
    }

    /// Characters in the text before byte `offset` (a char boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        let counted = self.blocks.get(block).copied().unwrap_or(0);
        counted + chars_in(&self.text.as_bytes()[block * BLOCK..offset])
    }

    /// The position of a byte offset (clamped to the text).
    pub fn pos(&self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let block = offset / BLOCK;
        let within = &self.text.as_bytes()[block * BLOCK..offset];
        let breaks = self.breaks.get(block).copied().unwrap_or(0)
            + memchr::memchr_iter(b'\n', within).count();
        let start = self.past_break(breaks).unwrap_or(0);
        Pos {
            line: breaks + 1,
            col: self.chars_before(offset) - self.chars_before(start) + 1,
        }
    }

    /// The byte offset of a position (clamped to the text).
    pub fn offset(&self, pos: Pos) -> usize {
        let Some(start) = self.start(pos.line) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let within = rest
            .char_indices()
            .nth(pos.col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i);
        start + within
    }

    /// Where a 1-based line starts.
    fn start(&self, line: usize) -> Option<usize> {
        self.past_break(line.checked_sub(1)?)
    }

    /// The text of a 1-based line, without its line break ("" past the end).
    pub fn line(&self, line: usize) -> &'t str {
        let Some(start) = self.start(line) else {
            return "";
        };
        let end = self
            .start(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        let text = &self.text[start..end];
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// The place of a byte offset.
    pub fn place(&self, offset: usize) -> Place {
        let pos = self.pos(offset);
        let start = self.start(pos.line).unwrap_or(0);
        let line = self.line(pos.line);
        let at = offset.clamp(start, start + line.len()) - start;
        Place::new(pos, line, at)
    }

    /// A diagnostic at a byte offset, showing its line.
    pub fn diagnostic(
        &self,
        severity: Severity,
        file: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        self.place(offset).diagnostic(severity, file, message)
    }
}

/// A place in a file: its position, and as much of its line around it as
/// an excerpt shows, so that a place in a file on one long line costs a
/// window of it, not the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Where it is.
    pub pos: Pos,
    /// The line around it: [`Place::BEFORE`] and [`Place::AFTER`] bytes
    /// either side, or to the line's ends.
    part: String,
    /// Where it is in `part`.
    at: usize,
}

impl Place {
    /// Bytes of its line kept before the place: more characters than an
    /// excerpt shows before its caret, however wide each is.
    pub const BEFORE: usize = 4 * (Excerpt::WIDTH / 2 + 1);
    /// Bytes of its line kept after the place: more characters than an
    /// excerpt shows after its caret.
    pub const AFTER: usize = 4 * (Excerpt::WIDTH + 1);

    /// The place at byte `at` of `line`: the line it is on, or a part of
    /// it that starts where the line does or [`Place::BEFORE`] bytes before
    /// `at` or further, and ends where the line does or [`Place::AFTER`]
    /// bytes after `at` or further. (An excerpt of such a part is the
    /// excerpt of the line.)
    pub fn new(pos: Pos, line: &str, at: usize) -> Place {
        let at = floor_boundary(line, at.min(line.len()));
        let from = floor_boundary(line, at.saturating_sub(Self::BEFORE));
        let to = floor_boundary(line, (at + Self::AFTER).min(line.len()));
        Place {
            pos,
            part: line[from..to].to_owned(),
            at: at - from,
        }
    }

    /// A diagnostic here.
    pub fn diagnostic(
        &self,
        severity: Severity,
        file: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            file: sanitize::line(file).into_owned(),
            pos: Some(self.pos),
            message: sanitize::line(&message.into()).into_owned(),
            excerpt: Some(Excerpt::new(&self.part, self.at)),
        }
    }
}

/// The greatest character boundary of `s` at or before byte `at`.
fn floor_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The positions of `offsets` (ascending byte offsets) in the text read
/// from `from`, each with where its line starts: what [`Lines::pos`] gives,
/// for a file read a part at a time rather than held. Offsets past the
/// text's end are placed at its end.
pub fn positions(
    mut from: impl std::io::Read,
    offsets: &[usize],
) -> std::io::Result<Vec<(Pos, usize)>> {
    let mut found = Vec::with_capacity(offsets.len());
    let mut buf = vec![0; 64 << 10];
    // Before byte `base`: `line - 1` line breaks, the last line starting at
    // `start`, and `chars` characters, `start_chars` of them before `start`.
    let (mut base, mut line, mut start, mut chars, mut start_chars) = (0, 1, 0, 0, 0);
    let mut wanted = offsets.iter().copied().peekable();
    while wanted.peek().is_some() {
        let n = match from.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let part = &buf[..n];
        while let Some(offset) = wanted.next_if(|&o| o < base + n || n == 0) {
            let head = &part[..offset.saturating_sub(base).min(n)];
            let (line, start, start_chars) = match memchr::memrchr(b'\n', head) {
                Some(at) => (
                    line + memchr::memchr_iter(b'\n', head).count(),
                    base + at + 1,
                    chars + chars_in(&head[..=at]),
                ),
                None => (line, start, start_chars),
            };
            let col = chars + chars_in(head) - start_chars + 1;
            found.push((Pos { line, col }, start));
        }
        if n == 0 {
            break;
        }
        line += memchr::memchr_iter(b'\n', part).count();
        if let Some(at) = memchr::memrchr(b'\n', part) {
            start = base + at + 1;
            start_chars = chars + chars_in(&part[..=at]);
        }
        chars += chars_in(part);
        base += n;
    }
    Ok(found)
}

/// The characters in UTF-8 bytes: those that do not continue a character.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
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
        let at = line
            .char_indices()
            .nth(pos.col.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        Place::new(pos, line, at).diagnostic(severity, file, message)
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

    /// The excerpt of `raw` around its byte `at` (a char boundary): a
    /// window of the line, so that a minified file prints (and costs) a
    /// hundred characters, not megabytes.
    fn new(raw: &str, at: usize) -> Excerpt {
        let at = at.min(raw.len());
        let from = raw[..at]
            .char_indices()
            .rev()
            .nth(Self::WIDTH / 2 - 1)
            .map_or(0, |(i, _)| i);
        let to = raw[from..]
            .char_indices()
            .nth(Self::WIDTH)
            .map_or(raw.len(), |(i, _)| from + i);
        // Sanitizing works character by character from the start of the
        // piece, so the sanitized prefix is a prefix of the sanitized line and
        // its width is where the caret goes (tabs and all).
        let lead = if from > 0 { "…" } else { "" };
        let caret = lead.width() + sanitize::line(&raw[from..at]).width();
        let tail = if to < raw.len() { "…" } else { "" };
        let line = format!("{lead}{}{tail}", sanitize::line(&raw[from..to]));
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
    fn the_end_of_a_text_a_whole_number_of_blocks_long_has_its_column() {
        for len in [BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK] {
            let text = "a".repeat(len);
            assert_eq!(
                Lines::new(&text).pos(len),
                Pos {
                    line: 1,
                    col: len + 1
                },
                "{len}"
            );
        }
    }

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
