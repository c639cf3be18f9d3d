//! The search records of a case: each item's title, its other short
//! fields and its long text, folded and lower-cased once, so that a search
//! only compares.

use std::borrow::Cow;

use super::chars::Chars;
use crate::case::index::{Case, Item};
use crate::case::model::{Dataset, Sourced};

/// What joins a record's short fields; scattered letters must match within
/// one of them.
pub(super) const FIELD_SEPARATOR: &str = " · ";

/// One searchable item.
#[derive(Debug, Clone)]
pub struct Record {
    /// What the record stands for.
    pub item: Item,
    /// The text shown in results, which highlights apply to.
    pub title: String,
    /// The title, lower-cased.
    pub(super) title_lower: String,
    /// The other short fields, joined.
    pub(super) fields: String,
    /// The other short fields, lower-cased.
    pub(super) fields_lower: String,
    /// The long text (summary, quote), lower-cased, for word matching.
    pub(super) long: String,
    /// The editorial note, lower-cased: searched, but ranked below the rest.
    pub(super) note: String,
    /// The years the item covers, for year terms.
    pub(super) years: Option<(i32, i32)>,
}

/// Every record of a case, in a fixed order: events (chronological),
/// factors, actors, eras, sources.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The records.
    pub records: Vec<Record>,
}

impl Corpus {
    /// Build the records of `case`.
    pub fn new(case: &Case) -> Corpus {
        let count = case.item_count();
        // Events are most of a large case: build their records on every core.
        let records = in_parallel(count, |range| {
            range.map(|n| record(case, n)).collect::<Vec<Record>>()
        });
        Corpus {
            records: records.into_iter().flatten().collect(),
        }
    }

    /// How many records there are.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// The item at place `n` of the corpus's order: events (chronological),
/// factors, actors, eras, sources.
pub fn item_at(case: &Case, n: usize) -> Item {
    let d = &case.data;
    let mut n = n;
    for (len, item) in [
        (d.events.len(), Item::Event as fn(usize) -> Item),
        (d.factors.len(), Item::Factor),
        (d.actors.len(), Item::Actor),
        (d.eras.len(), Item::Era),
    ] {
        if n < len {
            return item(n);
        }
        n -= len;
    }
    Item::Source(n)
}

/// The record at place `n` of the corpus's order (see [`item_at`]).
pub fn record(case: &Case, n: usize) -> Record {
    parts(case, n).record()
}

/// What a record is made of, borrowed from the case where it can be: the
/// texts, not yet folded, lower-cased or joined.
pub(super) struct Parts<'a> {
    pub(super) item: Item,
    pub(super) title: Cow<'a, str>,
    /// Joined with [`FIELD_SEPARATOR`] in the record.
    pub(super) fields: Vec<Cow<'a, str>>,
    /// Joined with a space in the record.
    pub(super) long: [Option<&'a str>; 2],
    pub(super) note: Option<&'a str>,
    pub(super) years: Option<(i32, i32)>,
}

impl Parts<'_> {
    /// The record these parts make.
    pub(super) fn record(&self) -> Record {
        let fields = fold(&self.fields.join(FIELD_SEPARATOR));
        let long: Vec<&str> = self.long.iter().flatten().copied().collect();
        let title = fold(&self.title);
        Record {
            item: self.item,
            title_lower: lower(&title),
            title,
            fields_lower: lower(&fields),
            fields,
            long: lower(&fold(&long.join(" "))),
            note: self.note.map(|n| lower(&fold(n))).unwrap_or_default(),
            years: self.years,
        }
    }

    /// The letters and digits the record would hold.
    pub(super) fn chars(&self) -> Chars {
        let mut chars = Chars::default();
        let texts = [&*self.title]
            .into_iter()
            .chain(self.fields.iter().map(|f| &**f));
        for text in texts
            .chain(self.long.into_iter().flatten())
            .chain(self.note)
        {
            chars.add(text);
        }
        chars
    }
}

/// The parts of the record at place `n` of the corpus's order.
pub(super) fn parts(case: &Case, n: usize) -> Parts<'_> {
    let d = &case.data;
    let ix = &case.index;
    let actors = |ids| names(d, ids);
    let cites = |ids| citations(d, ids);
    // "note" or "editorial" lists what carries an editorial note.
    let noted = |note: Option<&str>| note.map(|_| Cow::Borrowed("editorial note"));
    let item = item_at(case, n);
    let parts = |title, fields, long, note, years| Parts {
        item,
        title,
        fields,
        long,
        note,
        years,
    };
    match item {
        Item::Event(e) => {
            let x = &d.events[e];
            let mut fields = vec![Cow::Owned(x.date_label())];
            fields.extend(actors(&ix.event_actors[e]));
            fields.extend(x.themes().map(Cow::Borrowed));
            fields.extend(cites(&ix.event_sources[e]));
            fields.push(Cow::Owned(case.levels(e).names()));
            fields.extend(noted(x.note()));
            let long = [Some(x.summary.as_str()), x.quote()];
            let years = Some((x.year, x.until().unwrap_or(x.year).max(x.year)));
            parts(
                Cow::Borrowed(x.title.as_str()),
                fields,
                long,
                x.note(),
                years,
            )
        }
        Item::Factor(f) => {
            let x = &d.factors[f];
            let mut fields = vec![
                Cow::Borrowed(x.level.name()),
                Cow::Borrowed(x.effect.name()),
            ];
            fields.extend(actors(&ix.factor_actors[f]));
            fields.extend(cites(&ix.factor_sources[f]));
            fields.extend(noted(x.note()));
            let long = [Some(x.summary.as_str()), x.quote()];
            parts(Cow::Borrowed(x.name.as_str()), fields, long, x.note(), None)
        }
        Item::Actor(a) => {
            let x = &d.actors[a];
            let fields = vec![
                Cow::Borrowed(x.country.as_str()),
                Cow::Borrowed(x.role.as_str()),
            ];
            parts(
                Cow::Borrowed(x.name.as_str()),
                fields,
                [None, None],
                x.note.as_deref(),
                None,
            )
        }
        Item::Era(i) => {
            let x = &d.eras[i];
            let fields = vec![Cow::Owned(format!("{}–{}", x.start, x.end))];
            let long = [Some(x.summary.as_str()), None];
            let years = Some((x.start, x.end));
            parts(Cow::Borrowed(x.name.as_str()), fields, long, None, years)
        }
        Item::Source(s) => {
            let x = &d.sources[s];
            let year = year_in(&x.citation).map(|y| (y, y));
            // Other spellings are the source's own names: matched as its title.
            let names: Vec<Cow<str>> = citations(d, std::slice::from_ref(&s)).collect();
            let title = Cow::Owned(names.join(FIELD_SEPARATOR));
            parts(title, Vec::new(), [None, None], x.note.as_deref(), year)
        }
    }
}

/// The names of the actors at `ids`.
fn names<'a>(d: &'a Dataset, ids: &'a [usize]) -> impl Iterator<Item = Cow<'a, str>> + 'a {
    ids.iter()
        .map(|&a| Cow::Borrowed(d.actors[a].name.as_str()))
}

/// The sources at `ids`: each one's citation and its other spellings, a
/// field each (joined, they read "citation · variant").
fn citations<'a>(d: &'a Dataset, ids: &'a [usize]) -> impl Iterator<Item = Cow<'a, str>> + 'a {
    ids.iter().flat_map(|&s| {
        let s = &d.sources[s];
        std::iter::once(&s.citation)
            .chain(&s.variants)
            .map(|t| Cow::Borrowed(t.as_str()))
    })
}

/// Below this many records, one thread does all the work.
const PARALLEL_FROM: usize = 4096;

/// `work` over `0..count` in contiguous shares, on every core when there
/// are many; the shares' results in order.
pub fn in_parallel<T: Send>(
    count: usize,
    work: impl Fn(std::ops::Range<usize>) -> T + Sync,
) -> Vec<T> {
    let threads = if count >= PARALLEL_FROM {
        crate::case::cores()
    } else {
        1
    };
    if threads == 1 {
        return vec![work(0..count)];
    }
    let share = count.div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let parts: Vec<_> = (0..threads)
            .map(|t| {
                let range = (t * share).min(count)..((t + 1) * share).min(count);
                scope.spawn(move || work(range))
            })
            .collect();
        parts
            .into_iter()
            .map(|p| {
                p.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// The first four-digit number in a citation, as its year.
fn year_in(citation: &str) -> Option<i32> {
    let bytes = citation.as_bytes();
    (0..bytes.len().saturating_sub(3))
        .find(|&i| {
            bytes[i..i + 4].iter().all(u8::is_ascii_digit)
                && (i == 0 || !bytes[i - 1].is_ascii_digit())
                && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
        })
        .and_then(|i| citation[i..i + 4].parse().ok())
}

impl Record {
    /// Everything the record is searched by, on one line: the text another
    /// finder must be given for a fair comparison (the race example).
    pub fn line(&self) -> String {
        let mut line = format!("{}{FIELD_SEPARATOR}{}", self.title, self.fields);
        for part in [&self.long, &self.note] {
            if !part.is_empty() {
                line.push(' ');
                line.push_str(part);
            }
        }
        line.replace('\n', " ")
    }
}

/// Lower case, quickly for the usual text: where lower-casing changes no
/// character outside ASCII (a dash, a curly quote), only ASCII letters
/// change, and they change in place.
fn lower(text: &str) -> String {
    let unchanged = |c: char| c.is_ascii() || c.to_lowercase().eq([c]);
    if text.is_ascii() || text.chars().all(unchanged) {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// Typographic marks as people type them: dashes become `-`, curly quotes
/// straight ones, so that `north-south` finds "North–South". One character
/// for one, so positions in the folded text are positions in the original.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    // Room for all of it at once: a mark folds to a shorter character.
    let mut folded = String::with_capacity(text.len());
    // The text between marks is copied as it stands.
    let mut from = 0;
    for (at, c) in text.char_indices() {
        let plain = fold_char(c);
        if plain != c {
            folded.push_str(&text[from..at]);
            folded.push(plain);
            from = at + c.len_utf8();
        }
    }
    folded.push_str(&text[from..]);
    folded
}

/// A character as [`fold`] folds it.
pub(super) fn fold_char(c: char) -> char {
    match c {
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        '‘' | '’' | '‚' | '′' => '\'',
        '“' | '”' | '„' | '″' => '"',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_lower_casing_are_those_of_each_character() {
        for text in [
            "North–South “Gas” Pipeline’s — ДУМА Σ ǅ KELVIN\u{212a}",
            "plain ascii TEXT",
            "İstanbul ΑΘΗΝΑ",
        ] {
            let by_char: String = text
                .chars()
                .map(|c| fold(&c.to_string()))
                .collect::<String>();
            assert_eq!(fold(text), by_char);
            assert_eq!(lower(text), text.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn year_in_finds_citation_years() {
        assert_eq!(year_in("Clary (2022)"), Some(2022));
        assert_eq!(year_in("MOFA, 2013"), Some(2013));
        assert_eq!(year_in("n.d."), None);
        assert_eq!(year_in("12345"), None);
    }
}
