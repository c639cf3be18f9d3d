//! A factor, held compactly: a case may list many, and a factor keeps
//! inline only what every factor has. Its two lists are one pointer each,
//! and what it may add about where it stands in the work is one box
//! ([`Sourcing`]), allocated only when given.
//!
//! A case file writes a factor as one record of up to twelve fields. It is
//! read in that form ([`Written`]) and then packed, and written back in
//! the same fields in the same order ([`Writing`]).

use super::List;
use serde::{Deserialize, Serialize};

use super::{
    COMMON_RECORD_MARK, Effect, Level, LevelBy, QuoteBy, Sourced, Sourcing, Text, Whose, bounded,
    nested,
};

/// An explanation at one level of analysis.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "Written")]
pub struct Factor {
    /// Unique among factors.
    pub id: Text,
    /// The level its content belongs to.
    pub level: Level,
    /// Whether the work states that level or the dataset reads it so.
    pub level_by: LevelBy,
    /// Enabler, constraint or mixed.
    pub effect: Effect,
    /// A short name.
    pub name: Text,
    /// What the factor is and how it works, in 1–4 sentences.
    pub summary: Text,
    /// Actor ids.
    pub actors: List<Text>,
    /// Source ids.
    pub sources: List<Text>,
    /// Its quote, note and pages, or nothing where none is given (see
    /// [`Sourced`]).
    pub sourcing: Option<Box<Sourcing>>,
}

// What the module's first lines promise, kept.
const _: () = assert!(std::mem::size_of::<Factor>() == 80);

impl Sourced for Factor {
    fn quote(&self) -> Option<&str> {
        self.sourcing.quote()
    }
    fn quote_by(&self) -> Option<Whose<'_>> {
        self.sourcing.quote_by()
    }
    fn note(&self) -> Option<&str> {
        self.sourcing.note()
    }
    fn pages(&self) -> &[u16] {
        self.sourcing.pages()
    }
}

impl Factor {
    /// The factor's name, marked when its level is the dataset's reading
    /// rather than the work's.
    pub fn marked_name(&self) -> String {
        match self.level_by {
            LevelBy::Implied => format!("{COMMON_RECORD_MARK} {}", self.name),
            LevelBy::Stated => self.name.to_string(),
        }
    }
}

/// A factor as a case file writes it: every field inline.
#[derive(Deserialize)]
#[serde(rename = "Factor", deny_unknown_fields)]
struct Written {
    id: Text,
    level: Level,
    #[serde(default)]
    level_by: LevelBy,
    effect: Effect,
    name: Text,
    summary: Text,
    #[serde(default, deserialize_with = "nested")]
    actors: Vec<Text>,
    #[serde(default, deserialize_with = "nested")]
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

impl From<Written> for Factor {
    fn from(w: Written) -> Factor {
        Factor {
            id: w.id,
            level: w.level,
            level_by: w.level_by,
            effect: w.effect,
            name: w.name,
            summary: w.summary,
            actors: w.actors.into(),
            sources: w.sources.into(),
            sourcing: Sourcing {
                quote: w.quote,
                quote_by: w.quote_by,
                note: w.note,
                pages: w.pages.into(),
            }
            .boxed(),
        }
    }
}

/// A factor as it is written out: the fields of [`Written`], in its
/// order, each left out where the file may leave it out.
#[derive(Serialize)]
#[serde(rename = "Factor")]
struct Writing<'a> {
    id: &'a Text,
    level: Level,
    level_by: LevelBy,
    effect: Effect,
    name: &'a Text,
    summary: &'a Text,
    actors: &'a [Text],
    sources: &'a [Text],
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote_by: Option<Whose<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "<[u16]>::is_empty")]
    pages: &'a [u16],
}

impl Serialize for Factor {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Writing {
            id: &self.id,
            level: self.level,
            level_by: self.level_by,
            effect: self.effect,
            name: &self.name,
            summary: &self.summary,
            actors: &self.actors,
            sources: &self.sources,
            quote: self.quote(),
            quote_by: self.quote_by(),
            note: self.note(),
            pages: self.pages(),
        }
        .serialize(s)
    }
}
