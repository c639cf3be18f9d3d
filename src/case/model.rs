//! The dataset schema: the serde types a case study is written in.
//!
//! A dataset is one RON file (see `docs/dataset.md`). Every struct refuses
//! unknown fields so a misspelt field name is an error with the list of the
//! expected ones, never silently ignored. References between items are plain
//! string ids; `load` checks that each resolves and `index` turns them into
//! positions.

use std::cell::Cell;

use serde::{Deserialize, Serialize};

pub use crate::case::text::Text;

mod event;
mod factor;
mod list;
mod refs;
mod sourcing;
pub use event::{Event, Rare, Role};
pub use factor::Factor;
pub use list::List;
pub use refs::{Link, LinkRef, Links, Named, Names, Tables};
pub use sourcing::{Sourced, Sourcing};

/// A whole case study: the work it describes and everything in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The case study's title, shown in the timeline's border.
    pub title: Text,
    /// The full citation of the work the dataset describes.
    pub source: Text,
    /// The years the analysis covers, first and last (inclusive).
    pub period: (i32, i32),
    /// What the work argues, where the case states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thesis: Option<Thesis>,
    /// The periods the analysis walks through, usually leadership periods.
    #[serde(default, deserialize_with = "records")]
    pub eras: Vec<Era>,
    /// Leaders and officials.
    #[serde(default, deserialize_with = "records")]
    pub actors: Vec<Actor>,
    /// The works the case study cites.
    #[serde(default, deserialize_with = "records")]
    pub sources: Vec<Source>,
    /// The explanations, one level of analysis each.
    #[serde(default, deserialize_with = "records")]
    pub factors: Vec<Factor>,
    /// The dated developments; those before the period are background.
    #[serde(default, deserialize_with = "events")]
    pub events: Vec<Event>,
    /// Guided walks through the case, step by step.
    #[serde(default, deserialize_with = "records")]
    pub tours: Vec<Tour>,
}

impl Dataset {
    /// Whether `e` is background: dated before the period the work
    /// analyses.
    pub fn is_background(&self, e: &Event) -> bool {
        e.year < self.period.0
    }
}

/// The work's thesis: what the case, as a whole, argues.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thesis {
    /// The thesis in the dataset's own words.
    pub summary: Text,
    /// The work's own words for it.
    pub quote: Text,
    /// The work's pages where it says so.
    #[serde(default, deserialize_with = "bounded")]
    pub pages: Vec<u16>,
}

/// A period of the analysis, such as one leader's time in office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Era {
    /// Unique among eras.
    pub id: Text,
    /// A short name, such as "Putin and Musharraf".
    pub name: Text,
    /// First year of the era.
    pub start: i32,
    /// Last year of the era (inclusive).
    pub end: i32,
    /// What characterises the era, in a sentence or two.
    pub summary: Text,
}

/// A person the case study names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Unique among actors.
    pub id: Text,
    /// The name as the work spells it.
    pub name: Text,
    /// The state the actor acts for.
    pub country: Text,
    /// The office held at the time the work discusses.
    pub role: Text,
    /// An editorial note (a name the work does not give, say), shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A work the case study cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique among sources.
    pub id: Text,
    /// The citation as the work gives it, e.g. "Clary (2022)".
    pub citation: Text,
    /// Other spellings of the same citation found in the work.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "nested"
    )]
    pub variants: Vec<Text>,
    /// An editorial note, shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// One of Waltz's three levels of analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// Leaders' beliefs, personalities and rapport.
    Individual,
    /// The state's politics, economy and needs.
    Domestic,
    /// The international system: power, alliances, institutions.
    Systemic,
}

impl Level {
    /// The three levels, in the order the program shows them.
    pub const ALL: [Level; 3] = [Level::Individual, Level::Domestic, Level::Systemic];

    /// The level's name for people.
    pub fn name(self) -> &'static str {
        match self {
            Level::Individual => "Individual",
            Level::Domestic => "Domestic",
            Level::Systemic => "Systemic",
        }
    }

    /// A one-letter tag, used where space is short.
    pub fn letter(self) -> char {
        match self {
            Level::Individual => 'I',
            Level::Domestic => 'D',
            Level::Systemic => 'S',
        }
    }

    /// Position in [`Level::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Whether a factor pushes the two states together or apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Effect {
    /// Draws the states together.
    Enabler,
    /// Holds them apart.
    Constraint,
    /// Works both ways.
    Mixed,
}

impl Effect {
    /// The three effects, in the order the program lists them.
    pub const ALL: [Effect; 3] = [Effect::Enabler, Effect::Constraint, Effect::Mixed];

    /// The effect's name for people.
    pub fn name(self) -> &'static str {
        match self {
            Effect::Enabler => "enabler",
            Effect::Constraint => "constraint",
            Effect::Mixed => "mixed",
        }
    }

    /// `n` factors of this effect, in words: "1 enabler", "3 constraints",
    /// "2 mixed".
    pub fn counted(self, n: usize) -> String {
        let s = if n == 1 || self == Effect::Mixed {
            ""
        } else {
            "s"
        };
        format!("{n} {}{s}", self.name())
    }

    /// The sign drawn before a factor: `+`, `−` or `±`.
    pub fn symbol(self) -> &'static str {
        match self {
            Effect::Enabler => "+",
            Effect::Constraint => "−",
            Effect::Mixed => "±",
        }
    }

    /// The sign in plain ASCII.
    pub fn ascii_symbol(self) -> &'static str {
        match self {
            Effect::Enabler => "+",
            Effect::Constraint => "-",
            Effect::Mixed => "~",
        }
    }
}

/// Whether a factor's level is the work's or the dataset's reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LevelBy {
    /// The work puts the passage at this level (its level's section, or a
    /// sentence naming the level).
    #[default]
    Stated,
    /// The work names no level there, or its heading and its sentence
    /// disagree: the level is the dataset's reading.
    Implied,
}

/// Whose date an event carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DatedBy {
    /// The work dates it so.
    #[default]
    Paper,
    /// The work gives no date (or another precision): the date is the
    /// common record's, and the event's note says so.
    CommonRecord,
}

/// Whose words a quote is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuoteBy {
    /// The work's own words.
    Paper,
    /// Words the work quotes from one of its sources, by source id.
    Cited(Text),
}

/// Whose words a quote is, as an item holds it: borrowed (see
/// [`QuoteBy`]). It is written as a [`QuoteBy`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename = "QuoteBy")]
pub enum Whose<'a> {
    /// The work's own words.
    Paper,
    /// Words the work quotes from one of its sources, by source id.
    Cited(&'a str),
}

impl QuoteBy {
    /// The same, borrowed.
    pub fn whose(&self) -> Whose<'_> {
        match self {
            QuoteBy::Paper => Whose::Paper,
            QuoteBy::Cited(source) => Whose::Cited(source),
        }
    }
}

impl From<Whose<'_>> for QuoteBy {
    fn from(whose: Whose) -> QuoteBy {
        match whose {
            Whose::Paper => QuoteBy::Paper,
            Whose::Cited(source) => QuoteBy::Cited(source.into()),
        }
    }
}

/// The mark before a date the common record gives, not the work, and
/// before a factor whose level the work implies rather than states.
pub const COMMON_RECORD_MARK: &str = "≈";

/// Pages as people cite them: "p. 17", "pp. 11, 14"; `None` for none.
pub fn pages_label(pages: &[u16]) -> Option<String> {
    let list: Vec<String> = pages.iter().map(u16::to_string).collect();
    match list.len() {
        0 => None,
        1 => Some(format!("p. {}", list[0])),
        _ => Some(format!("pp. {}", list.join(", "))),
    }
}

/// The three-letter English abbreviation of a month, 1–12.
pub fn month_abbrev(month: u8) -> Option<&'static str> {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES.get(usize::from(month).checked_sub(1)?).copied()
}

/// A guided walk through the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    /// Unique among tours; `waltz --tour ID` starts it.
    pub id: Text,
    /// The tour's name.
    pub name: Text,
    /// The stops, in order.
    #[serde(deserialize_with = "nested")]
    pub steps: Vec<Step>,
}

/// One stop of a tour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The event or factor the step selects.
    pub show: Target,
    /// What the class sees at this step: on the slide, and above the
    /// detail.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub text: Text,
    /// The teacher's note (a question for the class, say): shown while
    /// exploring and on demand, never on the projected slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A reference to an event or a factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// An event id.
    Event(Text),
    /// A factor id.
    Factor(Text),
}

thread_local! {
    /// Whether this thread is skimming (see [`Skimming`]).
    static SKIMMING: Cell<bool> = const { Cell::new(false) };
}

/// While one is held, this thread reads each of a dataset's lists an item
/// at a time and keeps none of them. A parse then checks the whole file,
/// its syntax and every type, and fails with the same error at the same
/// place as a full parse, while holding one item at a time rather than
/// the whole case.
pub struct Skimming(());

impl Skimming {
    /// Skim until the value is dropped.
    pub fn start() -> Skimming {
        SKIMMING.set(true);
        Skimming(())
    }
}

impl Drop for Skimming {
    fn drop(&mut self) {
        SKIMMING.set(false);
    }
}

/// Read the dataset's events: whole, or each read and dropped while
/// [`Skimming`]. Events are held compactly, so only the file's cap bounds
/// how many there are: each stretch of [`PACKED_EVERY`] events read has
/// its records written into one block as it is read (see [`Tables`]), so
/// that no more than a stretch have blocks of their own.
fn events<'de, D>(d: D) -> Result<Vec<Event>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let mut items = Items::<Event>::new(None, !SKIMMING.get());
    items.pack = |stretch| Tables::default().pack(stretch);
    d.deserialize_seq(items)
}

/// How many events read whole have their records written into one block.
const PACKED_EVERY: usize = 4096;

/// The most eras, actors, sources or factors a case may hold, of each.
/// Real cases hold tens; a record of these kinds is held as it is read
/// (several texts of sixteen bytes each), so a file of millions of tiny
/// ones would take several times its size.
pub const MAX_RECORDS: usize = 10_000;

/// The most tours a case may hold: a tour's steps are the largest records
/// of all for what a file spends on them.
pub const MAX_TOURS: usize = 1_000;

/// The most items a list inside one of those records may hold (a factor's
/// actors or sources, a source's variants, a tour's steps). Real cases
/// need a handful; with [`MAX_RECORDS`] and [`MAX_TOURS`] it bounds what
/// such lists hold in all.
pub const MAX_NESTED: usize = 100;

/// One of the dataset's kinds of record other than events, as a list of
/// them is named in messages.
pub trait Record {
    /// What a list of them is called: "actors".
    const PLURAL: &'static str;
    /// The most a case may hold.
    const MAX: usize;
}

macro_rules! record {
    ($($item:ty => $plural:literal, $max:ident);*) => {
        $(impl Record for $item {
            const PLURAL: &'static str = $plural;
            const MAX: usize = $max;
        })*
    };
}

record!(
    Era => "eras", MAX_RECORDS;
    Actor => "actors", MAX_RECORDS;
    Source => "sources", MAX_RECORDS;
    Factor => "factors", MAX_RECORDS;
    Tour => "tours", MAX_TOURS
);

/// Read one of the dataset's lists of records other than events: at most
/// [`Record::MAX`], refused where the first one too many stands.
fn records<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Record,
{
    let mut items = Items::<T>::new(Some(T::MAX), !SKIMMING.get());
    items.noun = T::PLURAL;
    d.deserialize_seq(items)
}

/// The most items one list inside an event may hold (its factors, actors,
/// themes, sources, pages), or a page list anywhere. Real cases need a
/// handful; the cap stops a hostile file from making millions of them
/// before any check.
pub const MAX_LIST: usize = 10_000;

/// Read a list of at most [`MAX_LIST`] items, refusing a longer one where
/// its first item too many stands.
fn bounded<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    capped(d, MAX_LIST)
}

/// Read a list inside a record other than an event: at most
/// [`MAX_NESTED`] items.
fn nested<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    capped(d, MAX_NESTED)
}

/// Read a list inside a record of at most `max` items.
fn capped<'de, D, T>(d: D, max: usize) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut items = d.deserialize_seq(Items::<T>::new(Some(max), true))?;
    // A list grows by doubling; most hold one or two items.
    items.shrink_to_fit();
    Ok(items)
}

/// How a list is read: up to how many items (`None`: any number), and
/// whether they are kept or each dropped once read (while skimming).
struct Items<T> {
    max: Option<usize>,
    keep: bool,
    /// What the dataset calls the list, where it is one of the dataset's
    /// own ("actors"); empty for a list inside a record.
    noun: &'static str,
    /// What is done with each stretch of [`PACKED_EVERY`] items kept.
    pack: fn(&mut [T]),
}

impl<T> Items<T> {
    fn new(max: Option<usize>, keep: bool) -> Items<T> {
        Items {
            max,
            keep,
            noun: "",
            pack: |_| {},
        }
    }
}

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Items<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self.max {
            Some(max) => write!(f, "a list of at most {max} items"),
            // What serde's own list expects.
            None => f.write_str("a sequence"),
        }
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::new();
        let mut read = 0;
        while let Some(item) = seq.next_element()? {
            if let Some(max) = self.max.filter(|&max| read == max) {
                return Err(serde::de::Error::custom(match self.noun {
                    "" => {
                        format!("a list here may hold at most {max} items; a case needs far fewer")
                    }
                    noun => format!("a case may hold at most {max} {noun}; this is one more"),
                }));
            }
            read += 1;
            if self.keep {
                items.push(item);
                let kept = items.len();
                if kept % PACKED_EVERY == 0 {
                    (self.pack)(&mut items[kept - PACKED_EVERY..]);
                }
            }
        }
        let stretch = items.len() - items.len() % PACKED_EVERY;
        (self.pack)(&mut items[stretch..]);
        Ok(items)
    }
}
