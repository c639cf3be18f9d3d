//! An event, held compactly. A large case is mostly events, so an event
//! keeps inline only what every event has; its factors are one pointer, and
//! the names it gives (its actors, themes and sources) another, to one
//! list each (see [`List`]), allocated only when it has items and shared
//! by the events whose lists are the same; and the fields an event may
//! leave out (its last year, era, quote, note and pages) share one box,
//! allocated only when one is given. An event is 80 bytes, where it was 256
//! with every field inline.
//!
//! A case file writes an event as one record of up to seventeen fields. It
//! is read in that form ([`Written`]) and then packed, and it is written
//! back in the same fields in the same order ([`Writing`]), so a file reads
//! and writes as it did when an event was the record itself.

use std::fmt;
use std::hash::{Hash, Hasher};

use super::List;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::{
    COMMON_RECORD_MARK, Copied, DatedBy, Lists, QuoteBy, Sourced, Sourcing, Text, bounded,
    month_abbrev,
};
use crate::case::text::TextVisitor;

/// A dated development.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(from = "Written")]
pub struct Event {
    /// Unique among events.
    pub id: Text,
    /// The year, or the first year of a period.
    pub year: i32,
    /// The month (1–12), only where the work gives one.
    pub month: Option<u8>,
    /// True where the work dates it loosely ("the early 2000s").
    pub circa: bool,
    /// Whose date it is: the work's, or the common record's.
    pub dated_by: DatedBy,
    /// A short title, under about 60 characters.
    pub title: Text,
    /// What happened and why it matters, in 1–4 sentences.
    pub summary: Text,
    /// The factors the event illustrates, each with what in the work
    /// makes the link.
    pub factors: List<Link>,
    /// The names it gives, in one list: its actors, then its themes, then
    /// its sources; the header says how many actors and themes (see
    /// [`Event::actors`] and the others).
    names: List<Text, [u16; 2]>,
    /// The fields an event may leave out (see [`Event::note`] and the
    /// others), or nothing where none is given.
    pub rare: Option<Box<Rare>>,
}

// What the module's first lines promise, kept.
const _: () = assert!(std::mem::size_of::<Event>() == 80);

/// The fields an event may leave out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rare {
    /// The last year, where the work dates the event only by a period.
    pub until: Option<i32>,
    /// The era it belongs to, where the work says so against its year (a
    /// coup in October that opens the next period).
    pub era: Option<Text>,
    /// Its quote, note and pages.
    pub sourcing: Sourcing,
}

impl Rare {
    /// The fields in a box, or nothing where none is given, so that an
    /// event without any costs no box.
    pub fn boxed(self) -> Option<Box<Rare>> {
        (self != Rare::default()).then(|| Box::new(self))
    }
}

/// An event as a case file writes it: every field inline.
#[derive(Deserialize)]
#[serde(rename = "Event", deny_unknown_fields)]
struct Written {
    id: Text,
    year: i32,
    #[serde(default)]
    month: Option<u8>,
    #[serde(default)]
    until: Option<i32>,
    #[serde(default)]
    circa: bool,
    #[serde(default)]
    dated_by: DatedBy,
    #[serde(default)]
    era: Option<Text>,
    title: Text,
    summary: Text,
    #[serde(default, deserialize_with = "bounded")]
    factors: Vec<Link>,
    #[serde(default, deserialize_with = "bounded")]
    actors: Vec<Text>,
    #[serde(default, deserialize_with = "bounded")]
    themes: Vec<Text>,
    #[serde(default, deserialize_with = "bounded")]
    sources: Vec<Text>,
    #[serde(default)]
    quote: Option<Text>,
    #[serde(default)]
    quote_by: Option<QuoteBy>,
    #[serde(default)]
    note: Option<Text>,
    #[serde(default, deserialize_with = "bounded")]
    pages: Vec<u16>,
}

impl From<Written> for Event {
    fn from(w: Written) -> Event {
        Event {
            id: w.id,
            year: w.year,
            month: w.month,
            circa: w.circa,
            dated_by: w.dated_by,
            title: w.title,
            summary: w.summary,
            factors: w.factors.into(),
            names: names(w.actors, w.themes, w.sources),
            rare: Rare {
                until: w.until,
                era: w.era,
                sourcing: Sourcing {
                    quote: w.quote,
                    quote_by: w.quote_by,
                    note: w.note,
                    pages: w.pages.into(),
                },
            }
            .boxed(),
        }
    }
}

/// An event as it is written out: the fields of [`Written`], in its
/// order, each left out where the file may leave it out.
#[derive(Serialize)]
#[serde(rename = "Event")]
struct Writing<'a> {
    id: &'a Text,
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<i32>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    circa: bool,
    dated_by: DatedBy,
    #[serde(skip_serializing_if = "Option::is_none")]
    era: Option<&'a str>,
    title: &'a Text,
    summary: &'a Text,
    factors: &'a [Link],
    actors: &'a [Text],
    themes: &'a [Text],
    sources: &'a [Text],
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote_by: Option<&'a QuoteBy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "<[u16]>::is_empty")]
    pages: &'a [u16],
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Writing {
            id: &self.id,
            year: self.year,
            month: self.month,
            until: self.until(),
            circa: self.circa,
            dated_by: self.dated_by,
            era: self.era(),
            title: &self.title,
            summary: &self.summary,
            factors: &self.factors,
            actors: self.actors(),
            themes: self.themes(),
            sources: self.sources(),
            quote: self.quote(),
            quote_by: self.quote_by(),
            note: self.note(),
            pages: self.pages(),
        }
        .serialize(s)
    }
}

/// An event's link to a factor: written as the factor's id alone, or as
/// `(factor: "id", why: "…", page: N)` with what in the work makes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The factor's id.
    pub factor: Text,
    /// What in the work links the event to the factor, in a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Text>,
    /// The work's page for that passage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u16>,
}

impl Copied for Link {
    fn hash_copy(&self, state: &mut impl Hasher) {
        self.factor.hash_copy(state);
        self.why.as_ref().map(Text::copy).hash(state);
        self.page.hash(state);
    }
    fn same_copy(&self, other: &Link) -> bool {
        self.factor.same_copy(&other.factor)
            && self.why.as_ref().map(Text::copy) == other.why.as_ref().map(Text::copy)
            && self.page == other.page
    }
}

impl Link {
    /// A link by id alone.
    pub fn to(factor: impl Into<Text>) -> Link {
        Link {
            factor: factor.into(),
            why: None,
            page: None,
        }
    }
}

impl<'de> Deserialize<'de> for Link {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Link, D::Error> {
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = Link;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a factor's id, or `(factor: \"id\", why: \"…\", page: N)`")
            }
            fn visit_borrowed_str<E: de::Error>(self, id: &'de str) -> Result<Link, E> {
                TextVisitor.visit_borrowed_str(id).map(Link::to)
            }
            fn visit_str<E: de::Error>(self, id: &str) -> Result<Link, E> {
                Ok(Link::to(id))
            }
            fn visit_string<E: de::Error>(self, id: String) -> Result<Link, E> {
                Ok(Link::to(id))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Link, A::Error> {
                let (mut factor, mut why, mut page) = (None, None, None);
                while let Some(key) = map.next_key::<Text>()? {
                    match key.as_str() {
                        "factor" if factor.is_none() => factor = Some(map.next_value()?),
                        // `Some("…")` as well as `"…"`, as elsewhere in a case.
                        "why" if why.is_none() => why = Some(map.next_value::<Option<Text>>()?),
                        "page" if page.is_none() => page = Some(map.next_value::<Option<u16>>()?),
                        "factor" | "why" | "page" => {
                            return Err(de::Error::custom(format!(
                                "`{key}` is given twice in a factor link"
                            )));
                        }
                        other => {
                            return Err(de::Error::custom(format!(
                                "a factor link has no field `{other}`; its fields are `factor`, `why` and `page`"
                            )));
                        }
                    }
                }
                let factor =
                    factor.ok_or_else(|| de::Error::custom("a factor link is missing `factor`"))?;
                Ok(Link {
                    factor,
                    why: why.flatten(),
                    page: page.flatten(),
                })
            }
        }
        d.deserialize_any(Either)
    }
}

impl Sourced for Event {
    fn sourcing(&self) -> Option<&Sourcing> {
        self.rare.as_ref().map(|r| &r.sourcing)
    }
}

/// An event's names in one list (see [`Event::names`]): `actors`, then
/// `themes`, then `sources`.
fn names(actors: Vec<Text>, mut themes: Vec<Text>, mut sources: Vec<Text>) -> List<Text, [u16; 2]> {
    // Each list holds at most `MAX_LIST` items, far fewer than a u16 counts.
    let counts = [actors.len(), themes.len()].map(|n| u16::try_from(n).unwrap_or(u16::MAX));
    let mut all = actors;
    all.append(&mut themes);
    all.append(&mut sources);
    List::with_header(counts, all)
}

impl Event {
    /// Actor ids.
    pub fn actors(&self) -> &[Text] {
        &self.names[..self.counts()[0]]
    }

    /// Free tags such as energy, defence, trade, terrorism, diplomacy.
    pub fn themes(&self) -> &[Text] {
        let [actors, themes] = self.counts();
        &self.names[actors..actors + themes]
    }

    /// Source ids.
    pub fn sources(&self) -> &[Text] {
        let [actors, themes] = self.counts();
        &self.names[actors + themes..]
    }

    /// Give the event these actors, themes and sources.
    pub fn set_names(&mut self, actors: Vec<Text>, themes: Vec<Text>, sources: Vec<Text>) {
        self.names = names(actors, themes, sources);
    }

    /// Point the event's names at the copy of the same names met before
    /// (see [`Lists`]).
    pub fn share_names(&mut self, lists: &mut Lists<Text, [u16; 2]>) {
        lists.share(&mut self.names);
    }

    /// How many of its names are actors and how many themes.
    fn counts(&self) -> [usize; 2] {
        self.names.header().map_or([0, 0], |c| c.map(usize::from))
    }

    /// The last year, where the work dates the event only by a period.
    pub fn until(&self) -> Option<i32> {
        self.rare.as_ref().and_then(|r| r.until)
    }

    /// The era it belongs to, where the work says so against its year.
    pub fn era(&self) -> Option<&str> {
        self.rare.as_ref()?.era.as_deref()
    }

    /// What a date shows before its year: "≈ " where it is the common
    /// record's, "c. " where the work dates it loosely, and its month
    /// ("Oct "); each with the space that follows it.
    pub fn date_marks(&self) -> String {
        let mut marks = String::new();
        if self.dated_by == DatedBy::CommonRecord {
            marks.push_str(COMMON_RECORD_MARK);
            marks.push(' ');
        }
        if self.circa {
            marks.push_str("c. ");
        }
        if let Some(month) = self.month.and_then(month_abbrev) {
            marks.push_str(month);
            marks.push(' ');
        }
        marks
    }

    /// The date as people write it: "1999", "Oct 1999", "2013–2018", "c. 2000";
    /// "≈ 2021" where the date is the common record's, not the work's.
    pub fn date_label(&self) -> String {
        let mut label = self.date_marks();
        label.push_str(&self.year.to_string());
        if let Some(until) = self.until().filter(|&u| u != self.year) {
            label.push('–');
            label.push_str(&until.to_string());
        }
        label
    }

    /// The key events are ordered by: year, then month (undated months first).
    pub fn chronology(&self) -> (i32, u8) {
        (self.year, self.month.unwrap_or(0))
    }

    /// Visit every text of the event with the part it plays: one walk over
    /// an event's texts, for cleaning them and for packing them.
    pub fn each_text_mut(&mut self, mut f: impl FnMut(&mut Text, Role)) {
        f(&mut self.id, Role::Id);
        let rare = self.rare.as_deref_mut();
        if let Some(era) = rare.and_then(|r| r.era.as_mut()) {
            f(era, Role::Reference);
        }
        f(&mut self.title, Role::Line);
        f(&mut self.summary, Role::Prose);
        self.factors.each_mut(|link| {
            f(&mut link.factor, Role::Reference);
            link.why.iter_mut().for_each(|t| f(t, Role::Prose));
        });
        let [actors, themes] = self.counts();
        let mut k = 0;
        self.names.each_mut(|t| {
            let theme = (actors..actors + themes).contains(&k);
            k += 1;
            f(t, if theme { Role::Theme } else { Role::Reference });
        });
        if let Some(rare) = self.rare.as_deref_mut() {
            rare.sourcing.each_text_mut(f);
        }
    }
}

/// The part a text plays in an event (see [`Event::each_text_mut`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The event's id.
    Id,
    /// The id of an era, factor, actor or source it names.
    Reference,
    /// A free tag; the same ones recur from event to event.
    Theme,
    /// Text kept on one line: the title.
    Line,
    /// Text that may span lines: the summary, a link's reason, the quote,
    /// the note.
    Prose,
}

impl Role {
    /// Whether the text names something other events name too (a
    /// reference or a theme) rather than being the event's own.
    pub fn names(self) -> bool {
        matches!(self, Role::Reference | Role::Theme)
    }
}
