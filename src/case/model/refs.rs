//! What an event names and what it may add, held as four-byte items: the
//! factors it links, its actors, themes and sources, and the fields an
//! event may leave out (its last year, era, quote, whose words the quote
//! is, note and pages).
//!
//! A file can give an event thousands of short names (`"f12",` is six
//! bytes), every event a different list of them, or a last year of its own
//! (`until:1,` is eight). Held as texts in lists and boxes of their own,
//! each cost several times what the file spent on it. So the events a
//! reader packs together keep all of this in one block, one record after
//! another, with its texts in one table ([`table`]) in which each name is
//! once; an event holds where its record is ([`Refs`]). A link whose work
//! says why or on which page takes three items: the factor, the reason's
//! place in the table, the page.
//!
//! An event made on its own (read whole, or built in code) has a block of
//! its own.

mod items;
mod table;

use std::fmt;
use std::hash::BuildHasher;

use hashbrown::HashTable;

pub use items::{Link, LinkRef, Links, Names};
use items::{NONE, Raw, push_link};
use table::{Table, TableMaker};

use super::{Event, List, QuoteBy, Rare, Role, Sourcing, Text, Whose};

/// What an event names and may add: its record in a block that the
/// events read together share (see the module's notes).
#[derive(Clone, Default)]
pub struct Refs {
    /// The records, and the table their texts are in.
    block: List<u32, Table>,
    /// Where this event's record starts.
    at: u32,
}

// A pointer and a place, in the event that holds it.
const _: () = assert!(std::mem::size_of::<Refs>() == 16);

/// A record's first item: how many items each list takes (four bits each,
/// [`ESCAPED`] where the count follows in an item of its own), and which
/// of the single fields are given.
mod shape {
    /// The lists, in the order their counts and items are written: link
    /// items, actors, themes, sources, pages.
    pub const LISTS: usize = 5;
    /// A count too large for its four bits.
    pub const ESCAPED: u32 = 0xF;
    pub const UNTIL: u32 = 1 << 20;
    pub const ERA: u32 = 1 << 21;
    pub const QUOTE: u32 = 1 << 22;
    /// Whose the quote is: the work's own words.
    pub const PAPER: u32 = 1 << 23;
    /// Whose the quote is: a source's, whose id follows.
    pub const CITED: u32 = 1 << 24;
    pub const NOTE: u32 = 1 << 25;
    /// The fields that take an item, in the order their items follow the
    /// lists.
    pub const SINGLES: u32 = UNTIL | ERA | QUOTE | CITED | NOTE;
}

/// An event's record, each text a place in its table: what is written
/// into a block, and what is read back.
#[derive(Default)]
struct Record<'a> {
    /// The links' items (see [`push_link`]).
    links: &'a [u32],
    /// Actors, themes and sources.
    names: [&'a [u32]; 3],
    pages: &'a [u16],
    until: Option<i32>,
    era: Option<u32>,
    quote: Option<u32>,
    /// `Some(None)` where the quote is the work's own words.
    quote_by: Option<Option<u32>>,
    note: Option<u32>,
}

impl Record<'_> {
    /// Write the record after `out`'s items; false (writing nothing) where
    /// it has nothing.
    fn write(&self, out: &mut Vec<u32>) -> bool {
        let counts = [
            self.links.len(),
            self.names[0].len(),
            self.names[1].len(),
            self.names[2].len(),
            self.pages.len(),
        ];
        let singles = [
            (self.until.map(|y| y as u32), shape::UNTIL),
            (self.era, shape::ERA),
            (self.quote, shape::QUOTE),
            (self.quote_by.flatten(), shape::CITED),
            (self.note, shape::NOTE),
        ];
        let mut first = singles
            .iter()
            .filter(|(item, _)| item.is_some())
            .fold(0, |first, (_, flag)| first | flag);
        if self.quote_by == Some(None) {
            first |= shape::PAPER;
        }
        if first == 0 && counts.iter().all(|&n| n == 0) {
            return false;
        }
        for (k, &n) in counts.iter().enumerate() {
            first |= (n as u32).min(shape::ESCAPED) << (4 * k);
        }
        out.push(first);
        // Counts are at most a list's cap, far under 2³².
        out.extend(
            counts
                .iter()
                .filter(|&&n| n as u32 >= shape::ESCAPED)
                .map(|&n| n as u32),
        );
        out.extend_from_slice(self.links);
        self.names
            .iter()
            .for_each(|names| out.extend_from_slice(names));
        // Two pages an item.
        let from = out.len();
        out.resize(from + self.pages.len().div_ceil(2), 0);
        bytemuck::cast_slice_mut::<u32, u16>(&mut out[from..])[..self.pages.len()]
            .copy_from_slice(self.pages);
        out.extend(singles.iter().filter_map(|(item, _)| *item));
        true
    }
}

/// Where a record's parts are: its first item, each list's count, and
/// the items after the first item and the counts written apart.
struct Layout<'a> {
    first: u32,
    counts: [usize; shape::LISTS],
    rest: &'a [u32],
}

impl<'a> Layout<'a> {
    /// The items of list `k`.
    fn list(&self, k: usize) -> &'a [u32] {
        let from: usize = self.counts[..k].iter().sum();
        self.rest
            .get(from..from + self.counts[k])
            .unwrap_or_default()
    }

    /// The pages, two to an item.
    fn pages(&self) -> &'a [u16] {
        let n = self.counts[4];
        let pages = bytemuck::cast_slice::<u32, u16>(self.page_items());
        &pages[..n.min(pages.len())]
    }

    /// The items the pages take.
    fn page_items(&self) -> &'a [u32] {
        let from: usize = self.counts[..4].iter().sum();
        let n = self.counts[4].div_ceil(2);
        self.rest.get(from..from + n).unwrap_or_default()
    }

    /// The single field marked `flag`, where given: after the lists, in
    /// the order of the flags.
    fn single(&self, flag: u32) -> Option<u32> {
        if self.first & flag == 0 {
            return None;
        }
        let lists: usize = self.counts[..4].iter().sum::<usize>() + self.counts[4].div_ceil(2);
        let before = (self.first & shape::SINGLES & (flag - 1)).count_ones() as usize;
        self.rest.get(lists + before).copied()
    }
}

/// The table of a block that has none: an event that names nothing.
static NO_TABLE: Table = Table::EMPTY;

impl Refs {
    /// These links, names and fields left out or given, in a block of
    /// their own.
    pub fn new(
        links: Vec<Link>,
        actors: Vec<Text>,
        themes: Vec<Text>,
        sources: Vec<Text>,
        rare: Rare,
    ) -> Refs {
        let Rare {
            until,
            era,
            sourcing,
        } = rare;
        let Sourcing {
            quote,
            quote_by,
            note,
            pages,
        } = sourcing;
        let cited = match &quote_by {
            Some(QuoteBy::Cited(source)) => Some(source),
            _ => None,
        };
        let singles = [era.as_ref(), quote.as_ref(), cited, note.as_ref()];
        let names = [&actors, &themes, &sources];
        // Room made once: an event read whole makes one of these each.
        let texts = links
            .iter()
            .flat_map(|l| [Some(&l.factor), l.why.as_ref()])
            .flatten();
        let texts = texts
            .chain(names.into_iter().flatten())
            .chain(singles.into_iter().flatten());
        let (count, bytes) = texts.fold((0, 0), |(n, b), t| (n + 1, b + t.len()));
        let mut table = TableMaker::with_capacity(count, bytes);
        let mut put = |t: &Text| table.push(t);
        // The links' items, then each kind of name's, in one list.
        let mut parts = Vec::with_capacity(count + 2 * links.len());
        for link in &links {
            let factor = put(&link.factor);
            let why = link.why.as_ref().map_or(NONE, &mut put);
            push_link(&mut parts, [factor, why, link.page.map_or(NONE, u32::from)]);
        }
        let mut ends = [parts.len(); 4];
        for (k, names) in names.into_iter().enumerate() {
            parts.extend(names.iter().map(&mut put));
            ends[k + 1] = parts.len();
        }
        let record = Record {
            links: &parts[..ends[0]],
            names: [
                &parts[ends[0]..ends[1]],
                &parts[ends[1]..ends[2]],
                &parts[ends[2]..ends[3]],
            ],
            pages: &pages,
            until,
            era: era.as_ref().map(&mut put),
            quote: quote.as_ref().map(&mut put),
            quote_by: quote_by.as_ref().map(|by| match by {
                QuoteBy::Paper => None,
                QuoteBy::Cited(source) => Some(put(source)),
            }),
            note: note.as_ref().map(&mut put),
        };
        let mut items = Vec::with_capacity(parts.len() + pages.len() + 8);
        if !record.write(&mut items) {
            return Refs::default();
        }
        Refs {
            block: List::with_header(table.finish(), items),
            at: 0,
        }
    }

    /// Where the event's record's parts are, if it has one.
    fn layout(&self) -> Option<Layout<'_>> {
        let (&first, mut rest) = self.block.get(self.at as usize..)?.split_first()?;
        let mut counts = [0; shape::LISTS];
        for (k, count) in counts.iter_mut().enumerate() {
            *count = match (first >> (4 * k)) & 0xF {
                shape::ESCAPED => {
                    let (&n, after) = rest.split_first()?;
                    rest = after;
                    n as usize
                }
                n => n as usize,
            };
        }
        Some(Layout {
            first,
            counts,
            rest,
        })
    }

    /// The table, and the event's record read.
    fn read(&self) -> (&Table, Record<'_>) {
        let table = self.block.header().unwrap_or(&NO_TABLE);
        let Some(at) = self.layout() else {
            return (table, Record::default());
        };
        let record = Record {
            links: at.list(0),
            names: [at.list(1), at.list(2), at.list(3)],
            pages: at.pages(),
            until: at.single(shape::UNTIL).map(|y| y as i32),
            era: at.single(shape::ERA),
            quote: at.single(shape::QUOTE),
            quote_by: match at.first & shape::PAPER != 0 {
                true => Some(None),
                false => at.single(shape::CITED).map(Some),
            },
            note: at.single(shape::NOTE),
        };
        (table, record)
    }

    /// The table and the items of list `k` (see [`shape::LISTS`]).
    fn list(&self, k: usize) -> (&Table, &[u32]) {
        let table = self.block.header().unwrap_or(&NO_TABLE);
        (table, self.layout().map_or(&[], |at| at.list(k)))
    }

    /// The single field marked `flag`, where given.
    fn single(&self, flag: u32) -> Option<u32> {
        self.layout()?.single(flag)
    }

    /// The text of the single field marked `flag`, where given.
    fn single_text(&self, flag: u32) -> Option<&str> {
        self.block.header()?.get(self.single(flag)?)
    }

    /// The factors linked, in the order given.
    pub fn links(&self) -> Links<'_> {
        let (table, items) = self.list(0);
        Links::new(table, items)
    }

    /// Actor ids.
    pub fn actors(&self) -> Names<'_> {
        let (table, items) = self.list(1);
        Names::new(table, items)
    }

    /// Free tags.
    pub fn themes(&self) -> Names<'_> {
        let (table, items) = self.list(2);
        Names::new(table, items)
    }

    /// Source ids.
    pub fn sources(&self) -> Names<'_> {
        let (table, items) = self.list(3);
        Names::new(table, items)
    }

    /// The last year, where the work dates the event only by a period.
    pub fn until(&self) -> Option<i32> {
        self.single(shape::UNTIL).map(|y| y as i32)
    }

    /// The era, where the work says so against its year.
    pub fn era(&self) -> Option<&str> {
        self.single_text(shape::ERA)
    }

    /// The work's own words, where it quotes them.
    pub fn quote(&self) -> Option<&str> {
        self.single_text(shape::QUOTE)
    }

    /// Whose words the quote is.
    pub fn quote_by(&self) -> Option<Whose<'_>> {
        let at = self.layout()?;
        if at.first & shape::PAPER != 0 {
            return Some(Whose::Paper);
        }
        self.single_text(shape::CITED).map(Whose::Cited)
    }

    /// The editorial note.
    pub fn note(&self) -> Option<&str> {
        self.single_text(shape::NOTE)
    }

    /// The work's pages for the passage(s) the event comes from.
    pub fn pages(&self) -> &[u16] {
        self.layout().map_or(&[], |at| at.pages())
    }

    /// The links, names and fields, each its own copy: to make the event
    /// again with one part changed (for tests).
    #[cfg(test)]
    pub fn parts(&self) -> (Vec<Link>, [Vec<Text>; 3], Rare) {
        let links = self
            .links()
            .map(|l| Link {
                factor: l.factor.into(),
                why: l.why.map(Text::from),
                page: l.page,
            })
            .collect();
        let owned = |names: Names| names.map(Text::from).collect();
        let rare = Rare {
            until: self.until(),
            era: self.era().map(Text::from),
            sourcing: Sourcing {
                quote: self.quote().map(Text::from),
                quote_by: self.quote_by().map(QuoteBy::from),
                note: self.note().map(Text::from),
                pages: self.pages().to_vec().into(),
            },
        };
        let names = [
            owned(self.actors()),
            owned(self.themes()),
            owned(self.sources()),
        ];
        (links, names, rare)
    }

    /// Clean every text with `f`, given the part it plays: `f` gives the
    /// clean text where it differs. The record is made again only where
    /// one does, and a block shared with other events is never changed.
    pub fn clean(&mut self, mut f: impl FnMut(&str, Role) -> Option<String>) {
        let (table, _) = self.read();
        // Only the places this record points at: its block's table may
        // hold the texts of thousands of other events.
        let mut cleaned: Vec<(u32, Option<String>)> = Vec::new();
        self.visit(|at, role| {
            let clean = table.get(at).and_then(|t| f(t, role));
            cleaned.push((at, clean));
        });
        if cleaned.iter().all(|(_, clean)| clean.is_none()) {
            return;
        }
        cleaned.retain(|(_, clean)| clean.is_some());
        cleaned.sort_by_key(|&(at, _)| at);
        // This event's record is made again, in a block of its own: the
        // block may hold other events' records too.
        let mut own = Tables::default();
        own.take_with(self, |at, t| {
            match cleaned.binary_search_by_key(&at, |&(at, _)| at) {
                Ok(k) => cleaned[k].1.as_deref().unwrap_or(t),
                Err(_) => t,
            }
        });
        *self = own.finish().pop().unwrap_or_default();
    }

    /// Call `f` with each table place the record points at and the part
    /// its text plays.
    fn visit(&self, mut f: impl FnMut(u32, Role)) {
        let (_, r) = self.read();
        for [factor, why, _] in Raw(r.links) {
            f(factor, Role::Reference);
            if why != NONE {
                f(why, Role::Prose);
            }
        }
        let roles = [Role::Reference, Role::Theme, Role::Reference];
        for (names, role) in r.names.iter().zip(roles) {
            names.iter().for_each(|&at| f(at, role));
        }
        let singles = [
            (r.era, Role::Reference),
            (r.quote, Role::Prose),
            (r.quote_by.flatten(), Role::Reference),
            (r.note, Role::Prose),
        ];
        for (at, role) in singles {
            at.into_iter().for_each(|at| f(at, role));
        }
    }
}

impl PartialEq for Refs {
    /// The same links, names and fields, wherever their texts are.
    fn eq(&self, other: &Refs) -> bool {
        self.links().eq(other.links())
            && self.actors().eq(other.actors())
            && self.themes().eq(other.themes())
            && self.sources().eq(other.sources())
            && self.until() == other.until()
            && self.era() == other.era()
            && self.quote() == other.quote()
            && self.quote_by() == other.quote_by()
            && self.note() == other.note()
            && self.pages() == other.pages()
    }
}

impl fmt::Debug for Refs {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Refs")
            .field("links", &self.links().collect::<Vec<_>>())
            .field("actors", &self.actors())
            .field("themes", &self.themes())
            .field("sources", &self.sources())
            .field("until", &self.until())
            .field("era", &self.era())
            .field("quote", &self.quote())
            .field("quote_by", &self.quote_by())
            .field("note", &self.note())
            .field("pages", &self.pages())
            .finish()
    }
}

/// The block being made for the events a reader packs together: their
/// records one after another, their texts in one table (each name once);
/// then each event's place in it.
#[derive(Default)]
pub struct Tables {
    table: TableMaker,
    /// The places of the names in `table` (and whether each is a theme),
    /// found by their text.
    names: HashTable<(u32, bool)>,
    /// Seeded per process: names come from a file, which could be written
    /// to collide under a fixed hash.
    hasher: foldhash::fast::RandomState,
    /// The records, one after another.
    items: Vec<u32>,
    /// Where each different record is in `items` (its start and length):
    /// an event whose record is the same as one before points at that one
    /// (a million events that each link one factor need one record).
    records: HashTable<(u32, u32)>,
    /// Where each event's record starts, or `None` where it has none.
    starts: Vec<Option<u32>>,
    /// Room reused by [`Tables::take`]: where each place of the event's
    /// table goes in this one, and its links' and names' items there.
    moved: Vec<u32>,
    lists: [Vec<u32>; 4],
}

impl Tables {
    /// Take `refs`' texts into the table (each name once) and write its
    /// record after those taken before.
    fn take(&mut self, refs: &Refs) {
        self.take_with(refs, |_, t| t);
    }

    /// Take each event's record into one block, and point the events at
    /// it.
    pub fn pack<'e>(&mut self, events: impl IntoIterator<Item = &'e mut Event>) {
        let events: Vec<&mut Event> = events.into_iter().collect();
        events.iter().for_each(|e| self.take(e.refs()));
        for (e, refs) in events.into_iter().zip(self.finish()) {
            e.rehome_refs(refs);
        }
    }

    /// As [`Tables::take`], each text of `refs`' table read through
    /// `text` (given its place).
    fn take_with<'r>(&mut self, refs: &'r Refs, text: impl Fn(u32, &'r str) -> &'r str) {
        let (table, r) = refs.read();
        let mut moved = std::mem::take(&mut self.moved);
        moved.clear();
        moved.resize(table.len(), NONE);
        refs.visit(|k, role| {
            let Some(t) = table.get(k).filter(|_| moved[k as usize] == NONE) else {
                return;
            };
            let t = text(k, t);
            moved[k as usize] = match role {
                // A link's reason, a quote and a note are the event's own.
                Role::Prose => self.table.push(t),
                // A theme is cleaned and a reference is not: each kind is
                // kept apart, so that a place plays one part.
                role => self.name(t, role == Role::Theme),
            };
        });
        let place = |at: u32| moved.get(at as usize).copied().unwrap_or(NONE);
        let [links, actors, themes, sources] = &mut self.lists;
        links.clear();
        for [factor, why, page] in Raw(r.links) {
            push_link(links, [place(factor), place(why), page]);
        }
        for (into, from) in [actors, themes, sources].into_iter().zip(r.names) {
            into.clear();
            into.extend(from.iter().map(|&at| place(at)));
        }
        let [links, actors, themes, sources] = &self.lists;
        let record = Record {
            links,
            names: [actors, themes, sources],
            pages: r.pages,
            until: r.until,
            era: r.era.map(place),
            quote: r.quote.map(place),
            quote_by: r.quote_by.map(|by| by.map(place)),
            note: r.note.map(place),
        };
        let at = self.items.len();
        let written = record.write(&mut self.items);
        let start = written.then(|| self.same_as_before(at));
        self.starts.push(start);
        self.moved = moved;
    }

    /// Where the record just written from `at` is: the same record's place
    /// where one was written before (this one then taken back), or `at`.
    fn same_as_before(&mut self, at: usize) -> u32 {
        let Tables {
            items,
            records,
            hasher,
            ..
        } = self;
        // A block holds one window's records, far under 2³² items.
        let (at32, len) = (at as u32, (items.len() - at) as u32);
        let record = |&(start, len): &(u32, u32)| &items[start as usize..(start + len) as usize];
        let hash = hasher.hash_one(&items[at..]);
        if let Some(&(start, _)) = records.find(hash, |seen| record(seen) == &items[at..]) {
            items.truncate(at);
            return start;
        }
        records.insert_unique(hash, (at32, len), |seen| hasher.hash_one(record(seen)));
        at32
    }

    /// The place of the name `t` (a theme, or a reference) in the table,
    /// added where it is new.
    fn name(&mut self, t: &str, theme: bool) -> u32 {
        let Tables {
            table,
            names,
            hasher,
            ..
        } = self;
        let hash = hasher.hash_one((t, theme));
        match names.find(hash, |&(at, is)| is == theme && table.get(at) == t) {
            Some(&(at, _)) => at,
            None => {
                let at = table.push(t);
                names.insert_unique(hash, (at, theme), |&(at, is)| {
                    hasher.hash_one((table.get(at), is))
                });
                at
            }
        }
    }

    /// Each event taken, in the order taken, as its place in the one block
    /// made of them. The table and block are emptied for the next events.
    pub fn finish(&mut self) -> Vec<Refs> {
        let block = List::with_header(self.table.finish(), std::mem::take(&mut self.items));
        self.names.clear();
        self.records.clear();
        self.starts
            .drain(..)
            .map(|at| match at {
                Some(at) => Refs {
                    block: block.clone(),
                    at,
                },
                None => Refs::default(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Links to `factors` (the first saying why, where `why`), these
    /// actors, a theme and a source, and where `rare`, a last year, an
    /// era, a quote by a source, a note and pages.
    fn refs(factors: &[&str], why: bool, actors: &[&str], rare: bool) -> Refs {
        let texts = |names: &[&str]| names.iter().map(|&n| Text::from(n)).collect();
        let mut links: Vec<Link> = factors.iter().map(|&f| Link::to(f)).collect();
        if let Some(first) = links.first_mut().filter(|_| why) {
            first.why = Some("because".into());
            first.page = Some(7);
        }
        let rare = match rare {
            false => Rare::default(),
            true => Rare {
                until: Some(2003),
                era: Some("thaw".into()),
                sourcing: Sourcing {
                    quote: Some("words".into()),
                    quote_by: Some(QuoteBy::Cited("s1".into())),
                    note: Some("a note".into()),
                    pages: vec![3, 4, 5].into(),
                },
            },
        };
        Refs::new(
            links,
            texts(actors),
            texts(&["energy"]),
            texts(&["s1"]),
            rare,
        )
    }

    fn shown(r: &Refs) -> String {
        let links: Vec<String> = r
            .links()
            .map(|l| format!("{}:{:?}:{:?}", l.factor, l.why, l.page))
            .collect();
        format!(
            "{} | {} | {} | {} | {:?} {:?} {:?} {:?} {:?} {:?}",
            links.join(" "),
            r.actors().join(","),
            r.themes().join(","),
            r.sources().join(","),
            r.until(),
            r.era(),
            r.quote(),
            r.quote_by(),
            r.note(),
            r.pages()
        )
    }

    #[test]
    fn links_names_and_fields_read_back_as_given() {
        let r = refs(&["f1", "f2", "f3"], true, &["putin", "khan"], true);
        assert_eq!(
            shown(&r),
            "f1:Some(\"because\"):Some(7) f2:None:None f3:None:None | putin,khan | energy | s1 | \
             Some(2003) Some(\"thaw\") Some(\"words\") Some(Cited(\"s1\")) Some(\"a note\") [3, 4, 5]"
        );
        assert_eq!((r.links().len(), r.actors().len()), (3, 2));
        // Nothing at all takes no block.
        let none = Refs::new(
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Rare::default(),
        );
        assert!(none.block.header().is_none());
        assert!(none.links().is_empty() && none.sources().is_empty() && none.pages().is_empty());
        // Counts past what four bits hold, and a page list of odd length.
        let many: Vec<String> = (0..40).map(|k| format!("a{k}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let mut r = refs(&many, false, &many, false);
        let (links, names, mut rare) = r.parts();
        rare.sourcing.pages = (1..=17).collect::<Vec<u16>>().into();
        r = Refs::new(
            links,
            names[0].clone(),
            names[1].clone(),
            names[2].clone(),
            rare,
        );
        assert_eq!((r.links().len(), r.actors().len()), (40, 40));
        assert_eq!(r.actors().next_back(), Some("a39"));
        assert_eq!(r.pages(), (1..=17).collect::<Vec<u16>>());
        assert_eq!(r.sources().join(","), "s1");
    }

    #[test]
    fn events_packed_together_share_one_block_and_each_name_once() {
        let mut tables = Tables::default();
        let given = [
            refs(&["f1", "f2"], false, &["putin"], false),
            Refs::default(),
            refs(&["f2"], true, &["khan", "putin"], true),
        ];
        given.iter().for_each(|r| tables.take(r));
        let made = tables.finish();
        // What they say is unchanged.
        assert_eq!(made, given);
        assert_eq!(
            made.iter().map(shown).collect::<Vec<_>>(),
            given.iter().map(shown).collect::<Vec<_>>()
        );
        // One block for those that have a record; none for the other.
        assert_eq!(made[0].block.as_ptr(), made[2].block.as_ptr());
        assert!(made[1].block.header().is_none());
        // A record the same as one before is that one.
        let mut tables = Tables::default();
        let same = [
            refs(&["f1"], false, &[], false),
            refs(&["f1"], false, &[], false),
        ];
        same.iter().for_each(|r| tables.take(r));
        let made_same = tables.finish();
        assert_eq!(made_same, same);
        assert_eq!(made_same[0].at, made_same[1].at);
        // Each name once; each reason, quote and note of its own.
        let table = made[0].block.header().map(Table::len);
        // f1 f2 putin energy s1 | because khan thaw words a note
        assert_eq!(table, Some(10));
    }

    #[test]
    fn cleaning_an_event_sharing_a_block_leaves_the_others_as_they_were() {
        let mut tables = Tables::default();
        let given = [
            refs(&["f1"], true, &["pu\u{1b}tin"], true),
            refs(&["f1"], true, &["pu\u{1b}tin"], true),
        ];
        given.iter().for_each(|r| tables.take(r));
        let mut made = tables.finish();
        let mut roles = Vec::new();
        made[0].clean(|t, role| {
            roles.push((t.to_string(), role));
            (role == Role::Reference).then(|| t.replace('\u{1b}', ""))
        });
        assert_eq!(made[0].actors().join(","), "putin");
        assert_eq!(made[1].actors().join(","), "pu\u{1b}tin");
        for (text, role) in [
            ("because", Role::Prose),
            ("energy", Role::Theme),
            ("thaw", Role::Reference),
            ("words", Role::Prose),
            ("a note", Role::Prose),
        ] {
            assert!(roles.contains(&(text.to_owned(), role)), "{text}");
        }
    }
}
