//! The search records of a case: each item's title, its other short
//! fields and its long text, folded and lower-cased once, so that a search
//! only compares.

use crate::case::index::{Case, Item};

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
        let d = &case.data;
        let ix = &case.index;
        let names = |ids: &[usize], f: &dyn Fn(usize) -> String| -> Vec<String> {
            ids.iter().map(|&i| f(i)).collect()
        };
        let actor = |a: usize| d.actors[a].name.clone();
        let cite = |s: usize| {
            let s = &d.sources[s];
            std::iter::once(s.citation.clone())
                .chain(s.variants.iter().cloned())
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let event = |e: usize| {
            let x = &d.events[e];
            let mut fields = vec![x.date_label()];
            fields.extend(names(&ix.event_actors[e], &actor));
            fields.extend(x.themes.iter().cloned());
            fields.extend(names(&ix.event_sources[e], &cite));
            fields.push(case.levels(e).names());
            // "note" or "editorial" lists what carries an editorial note.
            if x.note.is_some() {
                fields.push("editorial note".to_owned());
            }
            let long = [Some(&x.summary), x.quote.as_ref()];
            Record::new(
                Item::Event(e),
                &x.title,
                &fields,
                (&long, x.note.as_ref()),
                Some((x.year, x.until.unwrap_or(x.year).max(x.year))),
            )
        };
        // Events are most of a large case: build their records on every core.
        let threads = if d.events.len() >= 20_000 {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .clamp(1, 8)
        } else {
            1
        };
        let share = d.events.len().div_ceil(threads).max(1);
        let mut records: Vec<Record> = std::thread::scope(|scope| {
            let parts: Vec<_> = (0..d.events.len())
                .step_by(share)
                .map(|from| {
                    let to = (from + share).min(d.events.len());
                    scope.spawn(move || (from..to).map(event).collect::<Vec<Record>>())
                })
                .collect();
            parts
                .into_iter()
                .flat_map(|p| {
                    p.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        for (f, x) in d.factors.iter().enumerate() {
            let mut fields = vec![x.level.name().to_owned(), x.effect.name().to_owned()];
            fields.extend(names(&ix.factor_actors[f], &actor));
            fields.extend(names(&ix.factor_sources[f], &cite));
            if x.note.is_some() {
                fields.push("editorial note".to_owned());
            }
            let long = [Some(&x.summary), x.quote.as_ref()];
            let texts = (&long[..], x.note.as_ref());
            records.push(Record::new(Item::Factor(f), &x.name, &fields, texts, None));
        }
        for (a, x) in d.actors.iter().enumerate() {
            let fields = [x.country.clone(), x.role.clone()];
            let texts = (&[][..], x.note.as_ref());
            records.push(Record::new(Item::Actor(a), &x.name, &fields, texts, None));
        }
        for (i, x) in d.eras.iter().enumerate() {
            let fields = [format!("{}–{}", x.start, x.end)];
            let long = [Some(&x.summary)];
            records.push(Record::new(
                Item::Era(i),
                &x.name,
                &fields,
                (&long, None),
                Some((x.start, x.end)),
            ));
        }
        for (s, x) in d.sources.iter().enumerate() {
            let year = year_in(&x.citation).map(|y| (y, y));
            // Other spellings are the source's own names: matched as its title.
            let names = std::iter::once(x.citation.as_str())
                .chain(x.variants.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" · ");
            let texts = (&[][..], x.note.as_ref());
            records.push(Record::new(Item::Source(s), &names, &[], texts, year));
        }
        Corpus { records }
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
    fn new(
        item: Item,
        title: &str,
        fields: &[String],
        (long, note): (&[Option<&String>], Option<&String>),
        years: Option<(i32, i32)>,
    ) -> Record {
        let fields = fold(&fields.join(FIELD_SEPARATOR));
        let long: Vec<&str> = long.iter().flatten().map(|s| s.as_str()).collect();
        let title = fold(title);
        Record {
            item,
            title_lower: lower(&title),
            title,
            fields_lower: lower(&fields),
            fields,
            long: lower(&fold(&long.join(" "))),
            note: note.map(|n| lower(&fold(n))).unwrap_or_default(),
            years,
        }
    }
}

/// Lower case, quickly for the usual ASCII text.
fn lower(text: &str) -> String {
    if text.is_ascii() {
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
    text.chars()
        .map(|c| match c {
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_in_finds_citation_years() {
        assert_eq!(year_in("Clary (2022)"), Some(2022));
        assert_eq!(year_in("MOFA, 2013"), Some(2013));
        assert_eq!(year_in("n.d."), None);
        assert_eq!(year_in("12345"), None);
    }
}
