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
mod named;
mod table;

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::hash::BuildHasher;

use hashbrown::HashTable;

pub use items::{Link, LinkRef, Links, Names};
use items::{NONE, Raw, push_link};
pub use named::Named;
use table::{Table, TableMaker};

use super::{Event, List, QuoteBy, Role, Whose};

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
    /// These links, names and fields, in a block of their own.
    pub fn new(named: &Named) -> Refs {
        thread_local! {
            /// Room reused from one event made on its own to the next.
            static OWN: RefCell<Tables> = RefCell::default();
        }
        OWN.with_borrow_mut(|own| {
            own.write(named);
            own.finish().pop().unwrap_or_default()
        })
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

    /// The links, names and fields, borrowed: to write the record again,
    /// elsewhere or changed.
    pub fn named(&self) -> Named<'_> {
        let (table, r) = self.read();
        let text = |at: u32| Cow::Borrowed(table.get(at).unwrap_or_default());
        let names = |items: &[u32]| items.iter().map(|&at| text(at)).collect();
        Named {
            links: Raw(r.links)
                .map(|[factor, why, page]| Link {
                    factor: text(factor),
                    why: table.get(why).map(Cow::Borrowed),
                    page: u16::try_from(page).ok(),
                })
                .collect(),
            actors: names(r.names[0]),
            themes: names(r.names[1]),
            sources: names(r.names[2]),
            until: r.until,
            era: r.era.map(text),
            quote: r.quote.map(text),
            quote_by: r.quote_by.map(|by| match by {
                None => QuoteBy::Paper,
                Some(at) => QuoteBy::Cited(table.get(at).unwrap_or_default().into()),
            }),
            note: r.note.map(text),
            pages: r.pages.to_vec(),
        }
    }

    /// Clean every text with `f`, given the part it plays: `f` gives the
    /// clean text where it differs. The record is made again, in a block
    /// of its own, only where one does: a block shared with other events
    /// is never changed.
    pub fn clean(&mut self, f: impl FnMut(&str, Role) -> Option<String>) {
        let mut named = self.named();
        if named.clean(f) {
            let clean = Refs::new(&named);
            *self = clean;
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
    /// Room reused by [`Tables::write`]: the links' and names' items.
    lists: [Vec<u32>; 4],
}

impl Tables {
    /// Write `named`'s record after those written before, its names put
    /// in the table once.
    pub fn write(&mut self, named: &Named) {
        let mut lists = std::mem::take(&mut self.lists);
        let [links, actors, themes, sources] = &mut lists;
        links.clear();
        for link in &named.links {
            let factor = self.name(&link.factor, false);
            let why = link.why.as_deref().map_or(NONE, |t| self.table.push(t));
            push_link(links, [factor, why, link.page.map_or(NONE, u32::from)]);
        }
        // A theme is cleaned and a reference is not: each kind is kept
        // apart, so that a place plays one part.
        for (into, from, theme) in [
            (actors, &named.actors, false),
            (themes, &named.themes, true),
            (sources, &named.sources, false),
        ] {
            into.clear();
            into.extend(from.iter().map(|t| self.name(t, theme)));
        }
        let [links, actors, themes, sources] = &lists;
        // A quote and a note are the event's own, as a link's reason is.
        let record = Record {
            links,
            names: [actors, themes, sources],
            pages: &named.pages,
            until: named.until,
            era: named.era.as_deref().map(|t| self.name(t, false)),
            quote: named.quote.as_deref().map(|t| self.table.push(t)),
            quote_by: named.quote_by.as_ref().map(|by| match by {
                QuoteBy::Paper => None,
                QuoteBy::Cited(source) => Some(self.name(source, false)),
            }),
            note: named.note.as_deref().map(|t| self.table.push(t)),
        };
        let at = self.items.len();
        let written = record.write(&mut self.items);
        let start = written.then(|| self.same_as_before(at));
        self.starts.push(start);
        self.lists = lists;
    }

    /// Write `event`'s record after those written before (see
    /// [`Tables::write`]).
    pub fn take(&mut self, event: &Event) {
        self.write(&event.refs().named());
    }

    /// Take each event's record into one block, and point the events at
    /// it.
    pub fn pack<'e>(&mut self, events: impl IntoIterator<Item = &'e mut Event>) {
        let events: Vec<&mut Event> = events.into_iter().collect();
        events.iter().for_each(|e| self.take(e));
        self.place(events);
    }

    /// Point `events`, whose records were written in their order, at the
    /// one block made of them.
    pub fn place<'e>(&mut self, events: impl IntoIterator<Item = &'e mut Event>) {
        for (e, refs) in events.into_iter().zip(self.finish()) {
            e.rehome_refs(refs);
        }
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

    /// Forget what was written since the last [`Tables::finish`]: the
    /// events it was for were not kept.
    pub fn clear(&mut self) {
        self.table.finish();
        self.names.clear();
        self.items.clear();
        self.records.clear();
        self.starts.clear();
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
    use crate::case::model::{Rare, Sourcing, Text};

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
        let names: [Vec<Text>; 3] = [texts(actors), texts(&["energy"]), texts(&["s1"])];
        Refs::new(&Named::of(&links, [&names[0], &names[1], &names[2]], &rare))
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
        let none = Refs::new(&Named::default());
        assert!(none.block.header().is_none());
        assert!(none.links().is_empty() && none.sources().is_empty() && none.pages().is_empty());
        // Counts past what four bits hold, and a page list of odd length.
        let many: Vec<String> = (0..40).map(|k| format!("a{k}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let r = refs(&many, false, &many, false);
        let mut named = r.named();
        named.pages = (1..=17).collect();
        let r = Refs::new(&named);
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
        given.iter().for_each(|r| tables.write(&r.named()));
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
        same.iter().for_each(|r| tables.write(&r.named()));
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
        given.iter().for_each(|r| tables.write(&r.named()));
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
