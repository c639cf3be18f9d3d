//! The relations between a dataset's items, resolved once from ids to
//! positions: which factors an event illustrates, which events a factor
//! explains, which levels an event touches, which era it falls in.

use rustc_hash::FxHashMap as HashMap;

use crate::case::model::{Dataset, Level, LinkRef, Target, Text, Whose};

/// Anything in a dataset that can be selected, shown or searched for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// An event, by position.
    Event(usize),
    /// A factor, by position.
    Factor(usize),
    /// An actor, by position.
    Actor(usize),
    /// An era, by position.
    Era(usize),
    /// A source, by position.
    Source(usize),
}

impl Item {
    /// The kind's name: "event", "factor", "actor", "era", "source".
    pub fn kind(self) -> &'static str {
        match self {
            Item::Event(_) => "event",
            Item::Factor(_) => "factor",
            Item::Actor(_) => "actor",
            Item::Era(_) => "era",
            Item::Source(_) => "source",
        }
    }
}

/// A set of levels, as a small bit set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Levels(u8);

impl Levels {
    /// The set holding only `level`.
    pub fn of(level: Level) -> Levels {
        Levels(1 << level.index())
    }

    /// Add a level.
    pub fn insert(&mut self, level: Level) {
        self.0 |= 1 << level.index();
    }

    /// Add `level` if absent, remove it if present.
    pub fn toggle(&mut self, level: Level) {
        self.0 ^= 1 << level.index();
    }

    /// Whether `level` is in the set.
    pub fn contains(self, level: Level) -> bool {
        self.0 & (1 << level.index()) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The levels in the set, in [`Level::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Level> {
        Level::ALL.into_iter().filter(move |&l| self.contains(l))
    }

    /// The levels' initials joined: "I+S".
    pub fn initials(self) -> String {
        let initials: Vec<&str> = self.iter().map(|l| &l.name()[..1]).collect();
        initials.join("+")
    }

    /// The levels' names joined: "individual, systemic".
    pub fn names(self) -> String {
        let names: Vec<String> = self.iter().map(|l| l.name().to_lowercase()).collect();
        names.join(", ")
    }
}

/// An event in no era, in [`Index`]'s list of each event's era.
const NO_ERA: u32 = u32::MAX;

/// Every relation of a dataset, by position in its lists.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// For each event, its factors.
    pub event_factors: Lists,
    /// For each factor, its events in chronological order.
    pub factor_events: Vec<Vec<usize>>,
    /// For each event, the levels of its factors.
    pub event_levels: Vec<Levels>,
    /// For each event, its actors.
    pub event_actors: Lists,
    /// For each event, its sources.
    pub event_sources: Lists,
    /// For each event, the era it falls in (see [`Index::event_era`]): a
    /// position, or [`NO_ERA`]. Four bytes an event, where an optional
    /// position took sixteen.
    event_eras: Vec<u32>,
    /// For each factor, its actors.
    pub factor_actors: Vec<Vec<usize>>,
    /// For each factor, its sources.
    pub factor_sources: Vec<Vec<usize>>,
    /// For each level (in [`Level::ALL`] order), its factors in file order.
    pub level_factors: [Vec<usize>; 3],
    /// Factor position by id.
    pub factor_ids: HashMap<Text, usize>,
    /// Actor position by id.
    pub actor_ids: HashMap<Text, usize>,
    /// Source position by id.
    pub source_ids: HashMap<Text, usize>,
    /// Era positions ordered by start year.
    pub eras_by_start: Vec<usize>,
    /// For each actor, the events that name them.
    pub actor_events: Vec<Vec<usize>>,
    /// For each actor, the factors that name them.
    pub actor_factors: Vec<Vec<usize>>,
    /// For each source, the events that cite it.
    pub source_events: Vec<Vec<usize>>,
    /// For each source, the factors that cite it.
    pub source_factors: Vec<Vec<usize>>,
    /// For each era, the events that fall in it.
    pub era_events: Vec<Vec<usize>>,
}

impl Index {
    /// Resolve every reference of `d`. References that do not resolve (which
    /// a validated dataset does not have) are skipped.
    pub fn new(d: &Dataset) -> Index {
        fn ids<T>(items: &[T], id: impl Fn(&T) -> &Text) -> HashMap<Text, usize> {
            items
                .iter()
                .enumerate()
                .map(|(i, t)| (id(t).clone(), i))
                .collect()
        }

        let factor_ids = ids(&d.factors, |f| &f.id);
        let actor_ids = ids(&d.actors, |a| &a.id);
        let source_ids = ids(&d.sources, |s| &s.id);

        // Actors and sources on a second thread while factors and eras are
        // resolved here: a large case halves its start-up wait.
        let people = || {
            let event_actors = Lists::new(d.events.iter().map(|e| resolve(e.actors(), &actor_ids)));
            let event_sources =
                Lists::new(d.events.iter().map(|e| resolve(e.sources(), &source_ids)));
            let actor_events = invert(event_actors.rows(), d.actors.len());
            let source_events = invert(event_sources.rows(), d.sources.len());
            (event_actors, event_sources, actor_events, source_events)
        };
        let (people, factors) = std::thread::scope(|scope| {
            let worker = (d.events.len() > 10_000).then(|| scope.spawn(people));
            let factors = factors_and_eras(d, &factor_ids);
            let people = match worker.map(|w| w.join()) {
                Some(Ok(done)) => done,
                _ => people(),
            };
            (people, factors)
        });
        let (event_actors, event_sources, actor_events, source_events) = people;
        let (event_factors, factor_events, event_levels, event_eras, eras_by_start, era_events) =
            factors;

        let mut level_factors: [Vec<usize>; 3] = Default::default();
        for (i, f) in d.factors.iter().enumerate() {
            level_factors[f.level.index()].push(i);
        }
        let factor_actors: Vec<Vec<usize>> = d
            .factors
            .iter()
            .map(|f| resolve(f.actors.iter().map(Text::as_str), &actor_ids).collect())
            .collect();
        let factor_sources: Vec<Vec<usize>> = d
            .factors
            .iter()
            .map(|f| resolve(f.sources.iter().map(Text::as_str), &source_ids).collect())
            .collect();
        Index {
            actor_events,
            actor_factors: invert(factor_actors.iter().map(Vec::as_slice), d.actors.len()),
            source_events,
            source_factors: invert(factor_sources.iter().map(Vec::as_slice), d.sources.len()),
            era_events,
            event_actors,
            event_sources,
            factor_actors,
            factor_sources,
            event_factors,
            factor_events,
            event_levels,
            event_eras,
            level_factors,
            factor_ids,
            actor_ids,
            source_ids,
            eras_by_start,
        }
    }

    /// The era event `e` falls in: the one it names, else the first era
    /// (by start) holding its year.
    pub fn event_era(&self, e: usize) -> Option<usize> {
        let x = self.event_eras[e];
        (x != NO_ERA).then_some(x as usize)
    }
}

/// The relations that go through factors and eras.
type FactorsAndEras = (
    Lists,
    Vec<Vec<usize>>,
    Vec<Levels>,
    Vec<u32>,
    Vec<usize>,
    Vec<Vec<usize>>,
);

/// Each event's factors and levels, each factor's events, each event's
/// era and each era's events.
fn factors_and_eras(d: &Dataset, factor_ids: &HashMap<Text, usize>) -> FactorsAndEras {
    let event_factors = Lists::new(d.events.iter().map(|e| {
        let ids = e.links().map(|l| l.factor);
        ids.filter_map(|id| factor_ids.get(id).copied())
    }));
    let mut factor_events = vec![Vec::new(); d.factors.len()];
    let mut event_levels = Vec::with_capacity(d.events.len());
    for (e, factors) in event_factors.rows().enumerate() {
        let mut levels = Levels::default();
        for &f in factors {
            levels.insert(d.factors[f].level);
            if factor_events[f].last() != Some(&e) {
                factor_events[f].push(e);
            }
        }
        event_levels.push(levels);
    }
    let mut eras_by_start: Vec<usize> = (0..d.eras.len()).collect();
    eras_by_start.sort_by_key(|&i| (d.eras[i].start, d.eras[i].end));
    let mut era_events = vec![Vec::new(); d.eras.len()];
    let era_ids: HashMap<&str, usize> = d
        .eras
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.as_str(), i))
        .collect();
    let event_eras: Vec<u32> = d
        .events
        .iter()
        .enumerate()
        .map(|(e, event)| {
            // The event's own era where it names one, else the first era
            // (by start) whose years hold it.
            let named = event.era().and_then(|id| era_ids.get(id).copied());
            let era = named.or_else(|| {
                eras_by_start
                    .iter()
                    .copied()
                    .find(|&i| (d.eras[i].start..=d.eras[i].end).contains(&event.year))
            });
            match era {
                Some(x) => {
                    era_events[x].push(e);
                    // Eras are far fewer than 2³² in any file of 256 MiB.
                    x as u32
                }
                None => NO_ERA,
            }
        })
        .collect();
    (
        event_factors,
        factor_events,
        event_levels,
        event_eras,
        eras_by_start,
        era_events,
    )
}

/// The positions of the ids in `refs` (unknown ones skipped).
fn resolve<'a>(
    refs: impl IntoIterator<Item = &'a str> + 'a,
    ids: &'a HashMap<Text, usize>,
) -> impl Iterator<Item = usize> + 'a {
    refs.into_iter().filter_map(|r| ids.get(r).copied())
}

/// Turn "for each a, its bs" into "for each b, its as" (in order of a).
fn invert<'a>(lists: impl Iterator<Item = &'a [usize]>, len: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); len];
    for (a, bs) in lists.enumerate() {
        for &b in bs {
            if out[b].last() != Some(&a) {
                out[b].push(a);
            }
        }
    }
    out
}

/// A list of positions for each item, held as one list and where each
/// item's part of it starts: a large case has a list per event, and one
/// allocation each cost more than the positions themselves.
#[derive(Debug, Clone, Default)]
pub struct Lists {
    /// Where item `i`'s positions start; item `i` ends where `i + 1` starts.
    /// Four bytes each: a file of at most 256 MiB names far fewer than 2³²
    /// items.
    starts: Vec<u32>,
    positions: Vec<usize>,
}

impl Lists {
    /// The lists, one per item, in order.
    pub fn new<L: IntoIterator<Item = usize>>(lists: impl Iterator<Item = L>) -> Lists {
        let mut out = Lists {
            starts: vec![0],
            positions: Vec::new(),
        };
        for list in lists {
            out.positions.extend(list);
            out.starts.push(out.positions.len() as u32);
        }
        out.starts.shrink_to_fit();
        out.positions.shrink_to_fit();
        out
    }

    /// How many items have a list.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Whether no item has a list.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each item's list, in order.
    pub fn rows(&self) -> impl Iterator<Item = &[usize]> {
        self.starts
            .windows(2)
            .map(|w| &self.positions[w[0] as usize..w[1] as usize])
    }
}

impl std::ops::Index<usize> for Lists {
    type Output = [usize];
    fn index(&self, i: usize) -> &[usize] {
        &self.positions[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

/// A dataset together with its index: what the program works on.
#[derive(Debug, Clone)]
pub struct Case {
    /// The validated dataset, events in chronological order.
    pub data: Dataset,
    /// Its relations.
    pub index: Index,
    /// Event positions by id, built on first use: few sessions ask, and a
    /// large case would pay for it at every start.
    event_ids: std::sync::OnceLock<HashMap<Text, usize>>,
}

impl Case {
    /// Index a validated dataset.
    pub fn new(data: Dataset) -> Case {
        let index = Index::new(&data);
        Case {
            data,
            index,
            event_ids: std::sync::OnceLock::new(),
        }
    }

    /// The position of the event with id `id`.
    pub fn event_id(&self, id: &str) -> Option<usize> {
        self.event_ids
            .get_or_init(|| {
                let events = self.data.events.iter().enumerate();
                events.map(|(i, e)| (e.id.clone(), i)).collect()
            })
            .get(id)
            .copied()
    }

    /// Whether event `e` falls before the period (background).
    pub fn is_background(&self, e: usize) -> bool {
        self.data.is_background(&self.data.events[e])
    }

    /// The item a tour step shows, if it exists.
    pub fn target(&self, target: &Target) -> Option<Item> {
        match target {
            Target::Event(id) => self.event_id(id).map(Item::Event),
            Target::Factor(id) => self.index.factor_ids.get(id).map(|&f| Item::Factor(f)),
        }
    }

    /// How many items there are to find: events, factors, actors, eras and
    /// sources.
    pub fn item_count(&self) -> usize {
        let d = &self.data;
        d.events.len() + d.factors.len() + d.actors.len() + d.eras.len() + d.sources.len()
    }

    /// How many events fall before the period (events are in order).
    pub fn background_count(&self) -> usize {
        let start = self.data.period.0;
        self.data.events.partition_point(|e| e.year < start)
    }

    /// The positions of the events dated in `year` (events are in order).
    pub fn year_events(&self, year: i32) -> std::ops::Range<usize> {
        let events = &self.data.events;
        events.partition_point(|e| e.year < year)..events.partition_point(|e| e.year <= year)
    }

    /// An item's title or name, as lists and results show it.
    pub fn title(&self, item: Item) -> &str {
        let d = &self.data;
        match item {
            Item::Event(e) => &d.events[e].title,
            Item::Factor(f) => &d.factors[f].name,
            Item::Actor(a) => &d.actors[a].name,
            Item::Era(x) => &d.eras[x].name,
            Item::Source(s) => &d.sources[s].citation,
        }
    }

    /// Event `e`'s link to factor `f`: what in the work makes it.
    pub fn link(&self, e: usize, f: usize) -> Option<LinkRef<'_>> {
        self.data.events[e].link(&self.data.factors[f].id)
    }

    /// Whose words a quote is, as a reader is told: "the paper", or "Clary
    /// (2022), as the paper quotes it".
    pub fn quoted_by(&self, by: Whose) -> String {
        match by {
            Whose::Paper => "the paper".to_owned(),
            Whose::Cited(id) => match self.index.source_ids.get(id) {
                Some(&s) => format!("{}, as the paper quotes it", self.data.sources[s].citation),
                None => format!("{id}, as the paper quotes it"),
            },
        }
    }

    /// The levels event `e` touches.
    pub fn levels(&self, e: usize) -> Levels {
        self.index.event_levels[e]
    }
}
