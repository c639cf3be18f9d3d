//! A quick reader for one event written the usual way, for large files.
//!
//! Parsing is most of what loading a large case costs, and a general RON
//! parser reads every character as it might be anything. This reader knows
//! an event's fields and reads bytes: whitespace, strings, numbers, lists
//! and the few names the schema has. Anything else — a comment, a raw
//! string, an unusual escape, a number with `_`, an unknown, missing or
//! repeated field, a list past [`MAX_LIST`] — makes it decline (`None`),
//! and the caller gives that event to ron, which reads it in full and
//! explains whatever is wrong. So an event reads the same either way; the
//! tests compare the two on whole files.

use std::borrow::Cow;

use crate::case::model::{DatedBy, Event, Link, MAX_LIST, Named, QuoteBy, Text};

/// Read `src`, the text of one event (a `( … )` with blanks around it), or
/// decline.
pub(super) fn read(src: &str) -> Option<Event> {
    let mut r = Reader { src, at: 0 };
    r.blank();
    let mut named = Named::default();
    let mut event = r.event(&mut named)?;
    r.blank();
    (r.at == src.len()).then(|| {
        event.set_named(&named);
        event
    })
}

/// Read the event that starts at `at` in `text`, or decline; with where
/// it ends. What it names is left in `named` (emptied first), for the
/// caller to write where its events' records go.
pub(super) fn read_at<'a>(
    text: &'a str,
    at: usize,
    named: &mut Named<'a>,
) -> Option<(Event, usize)> {
    let mut r = Reader { src: text, at };
    let event = r.event(named)?;
    Some((event, r.at))
}

/// Whether an event this reader takes starts at `at`, within `within`
/// bytes, followed by a comma or the list's end: a likely place to cut a
/// list of events.
pub(super) fn starts_at(text: &str, at: usize, within: usize) -> bool {
    let end = text.len().min(at.saturating_add(within));
    let Some(src) = text.get(..end) else {
        return false;
    };
    let mut r = Reader { src, at };
    r.event(&mut Named::default()).is_some() && {
        r.blank();
        matches!(r.peek(), Some(b',' | b']'))
    }
}

/// A position in the event's text.
struct Reader<'a> {
    src: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.at).copied()
    }

    /// Skip blanks: only ASCII ones (a comment or any other blank declines
    /// at the next read).
    fn blank(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Take `byte` (after blanks) if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.blank();
        let next = self.peek() == Some(byte);
        if next {
            self.at += 1;
        }
        next
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    /// A plain name: `[A-Za-z_][A-Za-z0-9_]*`.
    fn name(&mut self) -> Option<&'a str> {
        self.blank();
        let bytes = &self.src.as_bytes()[self.at..];
        if !bytes.first()?.is_ascii_alphabetic() && bytes[0] != b'_' {
            return None;
        }
        let len = bytes
            .iter()
            .position(|b| !b.is_ascii_alphanumeric() && *b != b'_')
            .unwrap_or(bytes.len());
        let name = &self.src[self.at..self.at + len];
        self.at += len;
        Some(name)
    }

    /// After an item of a list or a struct: a comma, or the closing
    /// bracket next. Returns whether the bracket closed it.
    fn after_item(&mut self, close: u8) -> Option<bool> {
        if self.eat(b',') {
            Some(self.eat(close))
        } else {
            self.expect(close).map(|()| true)
        }
    }

    /// A string, as a text of the file (see [`Reader::string`]).
    fn text(&mut self) -> Option<Text> {
        Some(match self.string()? {
            Cow::Borrowed(s) => Text::read(s),
            Cow::Owned(s) => Text::from(s),
        })
    }

    /// A string: a slice of the file when it has no escapes, its own copy
    /// when it has only the common ones.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.expect(b'"')?;
        let start = self.at;
        let rest = &self.src.as_bytes()[start..];
        let end = memchr::memchr2(b'"', b'\\', rest)?;
        if rest[end] == b'"' {
            self.at = start + end + 1;
            return Some(Cow::Borrowed(&self.src[start..start + end]));
        }
        // Escapes: unescape into a copy.
        let mut out = String::with_capacity(end + 16);
        let mut i = start;
        loop {
            let rest = &self.src.as_bytes()[i..];
            let n = memchr::memchr2(b'"', b'\\', rest)?;
            out.push_str(&self.src[i..i + n]);
            i += n;
            if self.src.as_bytes()[i] == b'"' {
                self.at = i + 1;
                return Some(Cow::Owned(out));
            }
            out.push(match self.src.as_bytes().get(i + 1)? {
                b'\\' => '\\',
                b'"' => '"',
                b'\'' => '\'',
                b'n' => '\n',
                b't' => '\t',
                b'r' => '\r',
                b'0' => '\0',
                // `\u{…}`, `\x…` and the rest are ron's to read.
                _ => return None,
            });
            i += 2;
        }
    }

    /// An unsigned number of plain digits, after blanks.
    fn digits(&mut self) -> Option<u64> {
        self.blank();
        self.digits_here()
    }

    /// An unsigned number of plain digits, here.
    fn digits_here(&mut self) -> Option<u64> {
        let bytes = &self.src.as_bytes()[self.at..];
        let len = bytes
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(bytes.len());
        // `1_000`, `0x10`, `1.5`, `1e3` and the like are ron's to read.
        let unusual = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.';
        if len == 0
            || len > 9
            || (len > 1 && bytes[0] == b'0')
            || bytes.get(len).is_some_and(unusual)
        {
            return None;
        }
        let n = self.src[self.at..self.at + len].parse().ok()?;
        self.at += len;
        Some(n)
    }

    fn year(&mut self) -> Option<i32> {
        // A sign stands right before its digits, as ron requires.
        let negative = self.eat(b'-');
        let n = i32::try_from(self.digits_here()?).ok()?;
        Some(if negative { -n } else { n })
    }

    fn small<T: TryFrom<u64>>(&mut self) -> Option<T> {
        T::try_from(self.digits()?).ok()
    }

    /// An optional value: `None`, `Some(v)`, or `v` itself (a case reads
    /// with implicit `Some`).
    fn optional<T>(&mut self, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        self.blank();
        let rest = &self.src[self.at..];
        if rest
            .strip_prefix("None")
            .is_some_and(|after| !starts_a_name(after))
        {
            self.at += 4;
            return Some(None);
        }
        if rest
            .strip_prefix("Some")
            .is_some_and(|after| !starts_a_name(after))
        {
            self.at += 4;
            self.expect(b'(')?;
            let v = value(self)?;
            self.eat(b',');
            self.expect(b')')?;
            return Some(Some(v));
        }
        value(self).map(Some)
    }

    /// A list, of at most [`MAX_LIST`] items, onto the empty `items`.
    fn list<T>(
        &mut self,
        items: &mut Vec<T>,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<()> {
        self.expect(b'[')?;
        if self.eat(b']') {
            return Some(());
        }
        loop {
            if items.len() == MAX_LIST {
                return None;
            }
            items.push(item(self)?);
            if self.after_item(b']')? {
                return Some(());
            }
        }
    }

    fn link(&mut self) -> Option<Link<Cow<'a, str>>> {
        self.blank();
        if self.peek() == Some(b'"') {
            return self.string().map(Link::to);
        }
        self.expect(b'(')?;
        let (mut factor, mut why, mut page) = (None, None, None);
        if !self.eat(b')') {
            loop {
                let field = self.name()?;
                self.expect(b':')?;
                match field {
                    "factor" if factor.is_none() => factor = Some(self.string()?),
                    "why" if why.is_none() => why = Some(self.optional(Self::string)?),
                    "page" if page.is_none() => page = Some(self.optional(Self::small)?),
                    _ => return None,
                }
                if self.after_item(b')')? {
                    break;
                }
            }
        }
        Some(Link {
            factor: factor?,
            why: why.flatten(),
            page: page.flatten(),
        })
    }

    fn quote_by(&mut self) -> Option<QuoteBy> {
        match self.name()? {
            "Paper" => Some(QuoteBy::Paper),
            "Cited" => {
                self.expect(b'(')?;
                let id = self.text()?;
                self.eat(b',');
                self.expect(b')')?;
                Some(QuoteBy::Cited(id))
            }
            _ => None,
        }
    }

    /// An event, what it names left in `named` (emptied first).
    fn event(&mut self, named: &mut Named<'a>) -> Option<Event> {
        self.expect(b'(')?;
        let mut e = Event::default();
        named.clear();
        let n = named;
        // Which fields were given: a repeated one is ron's to refuse, and
        // the required ones must all be there.
        let mut seen = 0u32;
        if !self.eat(b')') {
            loop {
                let field = self.name()?;
                self.expect(b':')?;
                let bit = 1 << FIELDS.iter().position(|f| *f == field)?;
                if seen & bit != 0 {
                    return None;
                }
                seen |= bit;
                match field {
                    "id" => e.id = self.text()?,
                    "year" => e.year = self.year()?,
                    "month" => e.month = self.optional(Self::small)?,
                    "until" => n.until = self.optional(Self::year)?,
                    "circa" => {
                        e.circa = match self.name()? {
                            "true" => true,
                            "false" => false,
                            _ => return None,
                        }
                    }
                    "dated_by" => {
                        e.dated_by = match self.name()? {
                            "Paper" => DatedBy::Paper,
                            "CommonRecord" => DatedBy::CommonRecord,
                            _ => return None,
                        }
                    }
                    "era" => n.era = self.optional(Self::string)?,
                    "title" => e.title = self.text()?,
                    "summary" => e.summary = self.text()?,
                    "factors" => self.list(&mut n.links, Self::link)?,
                    "actors" => self.list(&mut n.actors, Self::string)?,
                    "themes" => self.list(&mut n.themes, Self::string)?,
                    "sources" => self.list(&mut n.sources, Self::string)?,
                    "quote" => n.quote = self.optional(Self::string)?,
                    "quote_by" => n.quote_by = self.optional(Self::quote_by)?,
                    "note" => n.note = self.optional(Self::string)?,
                    "pages" => self.list(&mut n.pages, Self::small)?,
                    _ => return None,
                }
                if self.after_item(b')')? {
                    break;
                }
            }
        }
        (seen & REQUIRED == REQUIRED).then_some(e)
    }
}

/// An event's fields, in the schema's order.
const FIELDS: [&str; 17] = [
    "id", "year", "month", "until", "circa", "dated_by", "era", "title", "summary", "factors",
    "actors", "themes", "sources", "quote", "quote_by", "note", "pages",
];

/// The fields an event must have: `id`, `year`, `title` and `summary`.
const REQUIRED: u32 = 1 | 1 << 1 | 1 << 7 | 1 << 8;

/// Whether `s` goes on with a name's character (so `Nonesuch` is not `None`).
fn starts_a_name(s: &str) -> bool {
    s.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ron(src: &str) -> Option<Event> {
        let options = crate::case::load::ron_options()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        options.from_str(src).ok()
    }

    /// Whatever this reader accepts, ron reads the same.
    fn same(src: &str) -> Option<Event> {
        let quick = read(src);
        if let Some(event) = &quick {
            assert_eq!(Some(event), ron(src).as_ref(), "{src}");
        }
        quick
    }

    const FULL: &str = r#"(
        id: "e1", year: -5, month: Some(3), until: 2001, circa: true,
        dated_by: CommonRecord, era: Some("x"), title: "T \"q\" it\'s",
        summary: "line\nbreak",
        factors: ["f1", (factor: "f2", why: "because", page: 4), (factor: "f3", why: None, page: Some(5),),],
        actors: ["a"], themes: [], sources: ["s1", "s2"],
        quote: "words", quote_by: Cited("s1"), note: None, pages: [1, 2,],
    )"#;

    #[test]
    fn reads_every_field_as_ron_does() {
        let e = same(FULL).expect("reads");
        assert_eq!(e.links().len(), 3);
        assert_eq!(e.title, "T \"q\" it's");
        assert_eq!(e.year, -5);
    }

    #[test]
    fn declines_what_it_does_not_know_and_ron_explains() {
        for src in [
            "(id: \"e\", year: 1, title: \"t\")", // summary missing
            "(id: \"e\", year: 1, title: \"t\", summary: \"s\", id: \"f\")", // repeated
            "(id: \"e\", year: 1_000, title: \"t\", summary: \"s\")",
            "(id: \"e\", year: 0x10, title: \"t\", summary: \"s\")",
            "(id: \"e\", year: 1, title: \"t\\u{41}\", summary: \"s\")",
            "(id: \"e\", year: 1, title: r\"t\", summary: \"s\")",
            "(id: \"e\", // a comment\n year: 1, title: \"t\", summary: \"s\")",
            "(id: \"e\", year: 1, title: \"t\", summary: \"s\", colour: 3)",
            "Event(id: \"e\", year: 1, title: \"t\", summary: \"s\")",
            "(id: \"e\", year: 99999999999, title: \"t\", summary: \"s\")",
            "(id: \"e\", year: 1, title: \"t\", summary: \"s\", month: 300)",
            "(id: \"e\", year: 1, title: \"t\", summary: \"s\", circa: yes)",
            "(id: \"e\", year: 1, title: \"t\", summary: \"s\") trailing",
        ] {
            assert_eq!(same(src), None, "{src}");
        }
    }

    #[cfg(feature = "synth")]
    #[test]
    fn reads_every_event_of_a_synthetic_case_as_ron_does() {
        use crate::case::locate;
        let mut text = Vec::new();
        crate::case::synth::write(&mut text, 2_000, 200, 7).expect("writes");
        let text = String::from_utf8(text).expect("UTF-8");
        let (items, _) = locate::elements(&text, locate::field(&text, "events").expect("events"))
            .expect("a list");
        assert_eq!(items.len(), 2_000);
        for range in items {
            assert!(same(&text[range.clone()]).is_some(), "{}", &text[range]);
        }
    }

    #[test]
    fn reads_the_shipped_case_as_ron_does() {
        use crate::case::{load::EMBEDDED as text, locate};
        let (items, _) =
            locate::elements(text, locate::field(text, "events").expect("events")).expect("a list");
        let read = items.iter().filter_map(|r| same(&text[r.clone()])).count();
        // Some events carry comments, which are ron's to read.
        assert!(read > items.len() / 2, "{read} of {}", items.len());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2_000),
            ..Default::default()
        })]

        /// Whatever an event becomes with bytes cut, added or repeated,
        /// this reader either declines it or reads what ron reads.
        #[test]
        fn an_event_changed_anywhere_reads_as_ron_reads_it_or_is_declined(
            cut in 0..FULL.len(),
            cut_len in 0usize..12,
            at in 0..FULL.len(),
            added in "[ -~\n]{0,8}",
            times in 1usize..3,
        ) {
            let mut src = FULL.to_owned();
            let cut = cut..(cut + cut_len).min(src.len());
            src.replace_range(cut, "");
            let at = at.min(src.len());
            src.insert_str(at, &added.repeat(times));
            same(&src);
        }
    }

    #[test]
    fn reads_the_minimal_event_and_the_usual_spellings() {
        for src in [
            "(id: \"e\", year: 1, title: \"t\", summary: \"s\")",
            "  (id:\"e\",year:1,title:\"t\",summary:\"s\",)  ",
            "(id: \"e\", year: 1, title: \"t\", summary: \"s\", month: None, era: None)",
            "(id: \"e\", year: 1, title: \"t\", summary: \"s\", quote_by: Some(Paper))",
            "(id: \"e\", year: 1, title: \"t\", summary: \"s\", quote_by: Paper, note: Some(\"n\",))",
        ] {
            assert!(same(src).is_some(), "{src}");
        }
    }
}
