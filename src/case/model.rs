//! The dataset schema: the serde types a case study is written in.
//!
//! A dataset is one RON file (see `docs/dataset.md`). Every struct refuses
//! unknown fields so a misspelt field name is an error with the list of the
//! expected ones, never silently ignored. References between items are plain
//! string ids; `load` checks that each resolves and `index` turns them into
//! positions.

use serde::{Deserialize, Serialize};

/// A whole case study: the work it describes and everything in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The case study's title, shown in the timeline's border.
    pub title: String,
    /// The full citation of the work the dataset describes.
    pub source: String,
    /// The years the analysis covers, first and last (inclusive).
    pub period: (i32, i32),
    /// The periods the analysis walks through, usually leadership periods.
    #[serde(default)]
    pub eras: Vec<Era>,
    /// Leaders and officials.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// The works the case study cites.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The explanations, one level of analysis each.
    #[serde(default)]
    pub factors: Vec<Factor>,
    /// The dated developments; those before the period are background.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Guided walks through the case, step by step.
    #[serde(default)]
    pub tours: Vec<Tour>,
}

/// A period of the analysis, such as one leader's time in office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Era {
    /// Unique among eras.
    pub id: String,
    /// A short name, such as "Putin and Musharraf".
    pub name: String,
    /// First year of the era.
    pub start: i32,
    /// Last year of the era (inclusive).
    pub end: i32,
    /// What characterises the era, in a sentence or two.
    pub summary: String,
}

/// A person the case study names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Unique among actors.
    pub id: String,
    /// The name as the work spells it.
    pub name: String,
    /// The state the actor acts for.
    pub country: String,
    /// The office held at the time the work discusses.
    pub role: String,
}

/// A work the case study cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique among sources.
    pub id: String,
    /// The citation as the work gives it, e.g. "Clary (2022)".
    pub citation: String,
    /// Other spellings of the same citation found in the work.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    /// An editorial note, shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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

/// An explanation at one level of analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// Unique among factors.
    pub id: String,
    /// The level its content belongs to.
    pub level: Level,
    /// Enabler, constraint or mixed.
    pub effect: Effect,
    /// A short name.
    pub name: String,
    /// What the factor is and how it works, in 1–4 sentences.
    pub summary: String,
    /// Actor ids.
    #[serde(default)]
    pub actors: Vec<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The work's own words, where it quotes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// An editorial note, shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A dated development.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique among events.
    pub id: String,
    /// The year, or the first year of a period.
    pub year: i32,
    /// The month (1–12), only where the work gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// The last year, where the work dates the event only by a period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<i32>,
    /// True where the work dates it loosely ("the early 2000s").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub circa: bool,
    /// A short title, under about 60 characters.
    pub title: String,
    /// What happened and why it matters, in 1–4 sentences.
    pub summary: String,
    /// Ids of the factors the event illustrates.
    #[serde(default)]
    pub factors: Vec<String>,
    /// Actor ids.
    #[serde(default)]
    pub actors: Vec<String>,
    /// Free tags such as energy, defence, trade, terrorism, diplomacy.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The work's own words, where it quotes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// An editorial note, shown as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Event {
    /// The date as people write it: "1999", "Oct 1999", "2013–2018", "c. 2000".
    pub fn date_label(&self) -> String {
        let mut label = String::new();
        if self.circa {
            label.push_str("c. ");
        }
        if let Some(month) = self.month.and_then(month_abbrev) {
            label.push_str(month);
            label.push(' ');
        }
        label.push_str(&self.year.to_string());
        if let Some(until) = self.until.filter(|&u| u != self.year) {
            label.push('–');
            label.push_str(&until.to_string());
        }
        label
    }

    /// The key events are ordered by: year, then month (undated months first).
    pub fn chronology(&self) -> (i32, u8) {
        (self.year, self.month.unwrap_or(0))
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
    pub id: String,
    /// The tour's name.
    pub name: String,
    /// The stops, in order.
    pub steps: Vec<Step>,
}

/// One stop of a tour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The event or factor the step selects.
    pub show: Target,
    /// What the teacher says at this step.
    pub note: String,
}

/// A reference to an event or a factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// An event id.
    Event(String),
    /// A factor id.
    Factor(String),
}
