//! An event, held compactly. A large case is mostly events, so an event
//! keeps inline only what every event has; what it names (its factors,
//! actors, themes and sources) and the fields it may leave out (its last
//! year, era, quote, note and pages) are four-byte items of a record in a
//! block that the events read together share (see [`Refs`]). An event is
//! 72 bytes, where it was 256 with every field inline.
//!
//! A case file writes an event as one record of up to seventeen fields. It
//! is read in that form ([`Written`]) and then packed, and it is written
//! back in the same fields in the same order ([`Writing`]), so a file reads
//! and writes as it did when an event was the record itself.

use serde::{Deserialize, Serialize};

use super::refs::{Link, LinkRef, Links, Named, Names, Refs};
use super::{
    COMMON_RECORD_MARK, DatedBy, QuoteBy, Sourced, Sourcing, Text, Whose, bounded, month_abbrev,
};

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
    /// What it names: the factors it illustrates, each with what in the
    /// work makes the link, and its actors, themes and sources (see
    /// [`Event::links`] and the others); and the fields it may leave out
    /// (see [`Event::until`] and the others).
    refs: Refs,
}

// What the module's first lines promise, kept.
const _: () = assert!(std::mem::size_of::<Event>() == 72);

/// The fields an event may leave out, as it is made or read.
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
        let rare = Rare {
            until: w.until,
            era: w.era,
            sourcing: Sourcing {
                quote: w.quote,
                quote_by: w.quote_by,
                note: w.note,
                pages: w.pages.into(),
            },
        };
        let named = Named::of(&w.factors, [&w.actors, &w.themes, &w.sources], &rare);
        Event {
            refs: Refs::new(&named),
            id: w.id,
            year: w.year,
            month: w.month,
            circa: w.circa,
            dated_by: w.dated_by,
            title: w.title,
            summary: w.summary,
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
    factors: Links<'a>,
    actors: Names<'a>,
    themes: Names<'a>,
    sources: Names<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote_by: Option<Whose<'a>>,
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
            factors: self.links(),
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

impl Sourced for Event {
    fn quote(&self) -> Option<&str> {
        self.refs.quote()
    }
    fn quote_by(&self) -> Option<Whose<'_>> {
        self.refs.quote_by()
    }
    fn note(&self) -> Option<&str> {
        self.refs.note()
    }
    fn pages(&self) -> &[u16] {
        self.refs.pages()
    }
}

impl Event {
    /// The factors the event illustrates, each with what in the work
    /// makes the link.
    pub fn links(&self) -> Links<'_> {
        self.refs.links()
    }

    /// Its link to the factor `id`, if it has one.
    pub fn link(&self, id: &str) -> Option<LinkRef<'_>> {
        self.links().find(|l| l.factor == id)
    }

    /// Actor ids.
    pub fn actors(&self) -> Names<'_> {
        self.refs.actors()
    }

    /// Free tags such as energy, defence, trade, terrorism, diplomacy.
    pub fn themes(&self) -> Names<'_> {
        self.refs.themes()
    }

    /// Source ids.
    pub fn sources(&self) -> Names<'_> {
        self.refs.sources()
    }

    /// What the event names, as a whole.
    pub(super) fn refs(&self) -> &Refs {
        &self.refs
    }

    /// Give the event these links, actors, themes and sources, and these
    /// fields left out or given.
    pub fn set_refs(
        &mut self,
        links: Vec<Link>,
        actors: Vec<Text>,
        themes: Vec<Text>,
        sources: Vec<Text>,
        rare: Rare,
    ) {
        self.refs = Refs::new(&Named::of(&links, [&actors, &themes, &sources], &rare));
    }

    /// Give the event what `named` names (see [`Tables::write`] for an
    /// event among others).
    ///
    /// [`Tables::write`]: super::Tables::write
    pub fn set_named(&mut self, named: &Named) {
        self.refs = Refs::new(named);
    }

    /// Point the event's references at `refs`: the same, held elsewhere.
    pub(super) fn rehome_refs(&mut self, refs: Refs) {
        self.refs = refs;
    }

    /// Drop its factor links, keeping the rest (for tests of an unlinked
    /// case).
    #[cfg(test)]
    pub fn clear_links(&mut self) {
        let mut named = self.refs.named();
        named.links.clear();
        self.refs = Refs::new(&named);
    }

    /// The last year, where the work dates the event only by a period.
    pub fn until(&self) -> Option<i32> {
        self.refs.until()
    }

    /// The era it belongs to, where the work says so against its year.
    pub fn era(&self) -> Option<&str> {
        self.refs.era()
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

    /// Clean what the event names with `f`, given the part each text
    /// plays: `f` gives the clean text where it differs (see
    /// [`Refs::clean`]).
    pub fn clean_refs(&mut self, f: impl FnMut(&str, Role) -> Option<String>) {
        self.refs.clean(f);
    }

    /// Visit the event's own texts (its id, title and summary; not its
    /// record, see [`Refs`]) with the part each plays, to clean and pack
    /// them.
    pub fn each_own_text_mut(&mut self, mut f: impl FnMut(&mut Text, Role)) {
        f(&mut self.id, Role::Id);
        f(&mut self.title, Role::Line);
        f(&mut self.summary, Role::Prose);
    }
}

/// The part a text plays in an event (see [`Event::each_own_text_mut`]).
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
