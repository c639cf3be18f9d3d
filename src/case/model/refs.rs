//! What an event names — the factors it links, its actors, themes and
//! sources — held as four-byte references into a table of texts.
//!
//! A file can give an event thousands of short names (`"f12",` is six
//! bytes), and every event a different list of them. Held as texts, each
//! took at least sixteen bytes (a factor link forty), several times what
//! the file spent on it. So an event's names are items of one list (see
//! [`List`]) that point into a table; the events a reader packs together
//! share one table, in which each name is once ([`Tables`]). A link whose
//! work says why or on which page takes three items: the factor, the
//! reason's place in the table, the page.
//!
//! A table is its texts one after another in one buffer, and where each
//! ends: four bytes a text beside its characters. (A table of texts took
//! sixteen a name, more than a file of a different short name per event
//! spends on it.)
//!
//! An event made on its own (read whole, or built in code) has a table of
//! its own, holding its texts in order.

use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher};

use hashbrown::HashTable;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::{Copied, List, Lists, Role, Text};
use crate::case::text::TextVisitor;

/// An event's factor links, actors, themes and sources (see the module's
/// notes).
#[derive(Clone, Default)]
pub struct Refs(List<u32, Head>);

// One pointer in the event that holds it.
const _: () = assert!(std::mem::size_of::<Refs>() == 8);

/// What a list of references keeps beside its items: the table they point
/// into, and where one kind of item ends and the next begins.
#[derive(Clone)]
struct Head {
    table: Table,
    /// How many items the links take, how many links there are, how many
    /// actors and how many themes; the sources are the rest.
    counts: [u16; 4],
}

/// Marks a link's first item where the work's reason and page follow it.
const EXPLAINED: u32 = 1 << 31;

/// An item that points at nothing: a link without a reason or a page.
const NONE: u32 = u32::MAX;

/// The texts references point into: one after another in one buffer (the
/// list's header), and where each ends (its items). One pointer.
#[derive(Clone, Default)]
struct Table(List<u32, Box<str>>);

impl Table {
    /// The text at place `at`, if there is one.
    fn get(&self, at: u32) -> Option<&str> {
        let (text, ends) = (self.0.header()?, self.0.as_slice());
        let at = at as usize;
        let start = match at {
            0 => 0,
            _ => *ends.get(at - 1)? as usize,
        };
        text.get(start..*ends.get(at)? as usize)
    }

    /// How many texts it holds.
    fn len(&self) -> usize {
        self.0.len()
    }

    /// Its texts, in order.
    fn texts(&self) -> impl Iterator<Item = &str> {
        (0..self.len() as u32).filter_map(|at| self.get(at))
    }

    /// Where its texts are: the same for every list that shares it.
    fn ptr(&self) -> *const u32 {
        self.0.as_ptr()
    }
}

/// A table being made, a text at a time.
#[derive(Default)]
struct TableMaker {
    text: String,
    ends: Vec<u32>,
}

impl TableMaker {
    /// Add `t`; its place.
    fn push(&mut self, t: &str) -> u32 {
        self.text.push_str(t);
        // A table holds one file's texts at most, under 4 GiB.
        self.ends.push(self.text.len() as u32);
        self.ends.len() as u32 - 1
    }

    /// The text at place `at`, which was pushed.
    fn get(&self, at: u32) -> &str {
        let at = at as usize;
        let start = if at == 0 {
            0
        } else {
            self.ends[at - 1] as usize
        };
        &self.text[start..self.ends[at] as usize]
    }

    /// The table, leaving this one empty.
    fn finish(&mut self) -> Table {
        let text = std::mem::take(&mut self.text).into_boxed_str();
        Table(List::with_header(text, std::mem::take(&mut self.ends)))
    }
}

/// An event's link to a factor, as it is made or read from a file:
/// written as the factor's id alone, or as `(factor: "id", why: "…",
/// page: N)` with what in the work makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The factor's id.
    pub factor: Text,
    /// What in the work links the event to the factor, in a sentence.
    pub why: Option<Text>,
    /// The work's page for that passage.
    pub page: Option<u16>,
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

/// A link as an event holds it: borrowed from its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LinkRef<'a> {
    /// The factor's id.
    pub factor: &'a str,
    /// What in the work links the event to the factor, in a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<&'a str>,
    /// The work's page for that passage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u16>,
}

impl Refs {
    /// These links and names, in a table of their own.
    pub fn new(links: Vec<Link>, actors: Vec<Text>, themes: Vec<Text>, sources: Vec<Text>) -> Refs {
        let mut table = TableMaker::default();
        let mut items = Vec::new();
        let mut put = |t: Text| table.push(&t);
        let n_links = links.len();
        for link in links {
            let factor = put(link.factor);
            let why = link.why.map_or(NONE, &mut put);
            push_link(&mut items, [factor, why, link.page.map_or(NONE, u32::from)]);
        }
        let link_items = items.len();
        let [n_actors, n_themes] = [actors.len(), themes.len()];
        for name in actors.into_iter().chain(themes).chain(sources) {
            items.push(put(name));
        }
        let counts = [link_items, n_links, n_actors, n_themes].map(count);
        Refs(List::with_header(
            Head {
                table: table.finish(),
                counts,
            },
            items,
        ))
    }

    /// Where the table and counts are, with the items.
    fn parts(&self) -> (&Table, [usize; 4], &[u32]) {
        static NO_TABLE: Table = Table(List::new());
        match self.0.header() {
            Some(head) => (&head.table, head.counts.map(usize::from), &self.0),
            None => (&NO_TABLE, [0; 4], &[]),
        }
    }

    /// The factors linked, in the order given.
    pub fn links(&self) -> Links<'_> {
        let (table, [link_items, n_links, ..], items) = self.parts();
        Links {
            table,
            raw: Raw(&items[..link_items]),
            left: n_links,
        }
    }

    /// The names of one kind: 0 actors, 1 themes, 2 sources.
    fn names(&self, kind: usize) -> Names<'_> {
        let (table, [link_items, _, actors, themes], items) = self.parts();
        let names = &items[link_items..];
        let items = match kind {
            0 => &names[..actors],
            1 => &names[actors..actors + themes],
            _ => &names[actors + themes..],
        };
        Names { table, items }
    }

    /// Actor ids.
    pub fn actors(&self) -> Names<'_> {
        self.names(0)
    }

    /// Free tags.
    pub fn themes(&self) -> Names<'_> {
        self.names(1)
    }

    /// Source ids.
    pub fn sources(&self) -> Names<'_> {
        self.names(2)
    }

    /// The same names without any links (for tests of an unlinked case).
    #[cfg(test)]
    pub fn without_links(&self) -> Refs {
        let (_, [link_items, _, actors, themes], items) = self.parts();
        let Some(head) = self.0.header().filter(|_| link_items > 0) else {
            return self.clone();
        };
        let head = Head {
            table: head.table.clone(),
            counts: [0, 0, actors, themes].map(count),
        };
        Refs(List::with_header(head, items[link_items..].to_vec()))
    }

    /// Clean every text with `f`, given the part it plays: `f` gives the
    /// clean text where it differs. The table is made again only where one
    /// does, and a table shared with other events is never changed.
    pub fn clean(&mut self, mut f: impl FnMut(&str, Role) -> Option<String>) {
        let (table, _, _) = self.parts();
        if table.len() == 0 {
            return;
        }
        let mut roles = vec![Role::Reference; table.len()];
        self.visit(|at, role| roles[at as usize] = role);
        let cleaned: Vec<Option<String>> = table
            .texts()
            .zip(&roles)
            .map(|(t, &role)| f(t, role))
            .collect();
        if cleaned.iter().all(Option::is_none) {
            return;
        }
        let mut made = TableMaker::default();
        for (t, clean) in table.texts().zip(&cleaned) {
            made.push(clean.as_deref().unwrap_or(t));
        }
        let made = made.finish();
        self.0.header_mut(|head| head.table = made);
    }

    /// Call `f` with each table place an item points at and the part its
    /// text plays.
    fn visit(&self, mut f: impl FnMut(u32, Role)) {
        let (_, [link_items, _, actors, themes], items) = self.parts();
        for [factor, why, _] in Raw(&items[..link_items]) {
            f(factor, Role::Reference);
            if why != NONE {
                f(why, Role::Prose);
            }
        }
        for (k, &at) in items[link_items..].iter().enumerate() {
            let theme = (actors..actors + themes).contains(&k);
            f(at, if theme { Role::Theme } else { Role::Reference });
        }
    }
}

/// Reads `n`, at most [`super::MAX_LIST`] times three, as a count.
fn count(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

impl PartialEq for Refs {
    /// The same links and names, wherever their texts are.
    fn eq(&self, other: &Refs) -> bool {
        self.links().eq(other.links()) && (0..3).all(|kind| self.names(kind).eq(other.names(kind)))
    }
}

impl fmt::Debug for Refs {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Refs")
            .field("links", &self.links().collect::<Vec<_>>())
            .field("actors", &self.actors().collect::<Vec<_>>())
            .field("themes", &self.themes().collect::<Vec<_>>())
            .field("sources", &self.sources().collect::<Vec<_>>())
            .finish()
    }
}

impl Copied for Head {
    fn hash_copy(&self, state: &mut impl Hasher) {
        self.table.ptr().hash(state);
        self.counts.hash(state);
    }
    fn same_copy(&self, other: &Head) -> bool {
        self.table.ptr() == other.table.ptr() && self.counts == other.counts
    }
}

/// Adds a link's items to `items`: its factor's place, its reason's and
/// its page, each [`NONE`] where absent; a link by id alone takes one item.
fn push_link(items: &mut Vec<u32>, [factor, why, page]: [u32; 3]) {
    if why == NONE && page == NONE {
        items.push(factor);
    } else {
        items.extend([factor | EXPLAINED, why, page]);
    }
}

/// Links' items read back as [`push_link`] wrote them.
#[derive(Clone)]
struct Raw<'a>(&'a [u32]);

impl Iterator for Raw<'_> {
    type Item = [u32; 3];
    fn next(&mut self) -> Option<[u32; 3]> {
        let (&first, rest) = self.0.split_first()?;
        if first & EXPLAINED == 0 {
            self.0 = rest;
            return Some([first, NONE, NONE]);
        }
        let [why, page, rest @ ..] = rest else {
            self.0 = &[];
            return None;
        };
        self.0 = rest;
        Some([first & !EXPLAINED, *why, *page])
    }
}

/// An event's links, in order (see [`Refs::links`]).
#[derive(Clone)]
pub struct Links<'a> {
    table: &'a Table,
    raw: Raw<'a>,
    left: usize,
}

impl<'a> Iterator for Links<'a> {
    type Item = LinkRef<'a>;
    fn next(&mut self) -> Option<LinkRef<'a>> {
        let [factor, why, page] = self.raw.next()?;
        self.left = self.left.saturating_sub(1);
        // A table holds what its items point at; NONE is past its end.
        Some(LinkRef {
            factor: self.table.get(factor)?,
            why: self.table.get(why),
            page: u16::try_from(page).ok(),
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Links<'_> {}

impl Links<'_> {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.left == 0
    }
}

impl Serialize for Links<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.clone())
    }
}

/// Names of one kind (see [`Refs::actors`] and the others).
#[derive(Clone)]
pub struct Names<'a> {
    table: &'a Table,
    items: &'a [u32],
}

impl<'a> Iterator for Names<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let (&at, rest) = self.items.split_first()?;
        self.items = rest;
        // A table always holds what its items point at.
        self.table.get(at)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.items.len(), Some(self.items.len()))
    }
}

impl DoubleEndedIterator for Names<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let (&at, rest) = self.items.split_last()?;
        self.items = rest;
        self.table.get(at)
    }
}

impl ExactSizeIterator for Names<'_> {}

impl Names<'_> {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The names joined by `sep`: "energy, trade".
    pub fn join(self, sep: &str) -> String {
        let names: Vec<&str> = self.collect();
        names.join(sep)
    }
}

impl fmt::Debug for Names<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

impl Serialize for Names<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.clone())
    }
}

/// The table being made for the events a reader packs together, and each
/// event's items in it; then the events' references, pointing into it
/// and shared where they are the same.
#[derive(Default)]
pub struct Tables {
    table: TableMaker,
    /// The places of the names in `table`, found by their text.
    names: HashTable<u32>,
    /// Seeded per process: names come from a file, which could be written
    /// to collide under a fixed hash.
    hasher: foldhash::fast::RandomState,
    /// Each event's items, one after another.
    items: Vec<u32>,
    /// Each event's counts, and how many items it has.
    events: Vec<([u16; 4], usize)>,
    /// The references met so far, to share.
    lists: Lists<u32, Head>,
    /// Room reused by [`Tables::take`].
    moved: Vec<u32>,
}

impl Tables {
    /// Take `refs`' texts into the table (each name once) and note its
    /// items there.
    pub fn take(&mut self, refs: &Refs) {
        let (table, counts, items) = refs.parts();
        // Where each of `refs`' table places goes in this one.
        let mut moved = std::mem::take(&mut self.moved);
        moved.clear();
        moved.resize(table.len(), NONE);
        refs.visit(|k, role| {
            let Some(t) = table.get(k).filter(|_| moved[k as usize] == NONE) else {
                return;
            };
            moved[k as usize] = match role {
                // A link's reason is the event's own.
                Role::Prose => self.table.push(t),
                _ => self.name(t),
            };
        });
        let start = self.items.len();
        let (links, names) = items.split_at(counts[0]);
        for [factor, why, page] in Raw(links) {
            let why = moved.get(why as usize).copied().unwrap_or(NONE);
            push_link(&mut self.items, [moved[factor as usize], why, page]);
        }
        self.items
            .extend(names.iter().map(|&at| moved[at as usize]));
        self.events
            .push((counts.map(count), self.items.len() - start));
        self.moved = moved;
    }

    /// The place of the name `t` in the table, added where it is new.
    fn name(&mut self, t: &str) -> u32 {
        let Tables {
            table,
            names,
            hasher,
            ..
        } = self;
        let hash = hasher.hash_one(t);
        match names.find(hash, |&at| table.get(at) == t) {
            Some(&at) => at,
            None => {
                let at = table.push(t);
                names.insert_unique(hash, at, |&at| hasher.hash_one(table.get(at)));
                at
            }
        }
    }

    /// The references taken, in the order taken, pointing into one table;
    /// those the same as one made before share its copy. The table is
    /// emptied for the next events.
    pub fn finish(&mut self) -> Vec<Refs> {
        let table = self.table.finish();
        self.names.clear();
        let mut items = self.items.drain(..);
        self.events
            .drain(..)
            .map(|(counts, n)| {
                let mine: Vec<u32> = items.by_ref().take(n).collect();
                let mut refs = Refs(List::with_header(
                    Head {
                        table: table.clone(),
                        counts,
                    },
                    mine,
                ));
                self.lists.share(&mut refs.0);
                refs
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Links to `factors` (the first saying why, where `why`), and these
    /// actors, a theme and a source.
    fn refs(factors: &[&str], why: bool, actors: &[&str]) -> Refs {
        let texts = |names: &[&str]| names.iter().map(|&n| Text::from(n)).collect();
        let mut links: Vec<Link> = factors.iter().map(|&f| Link::to(f)).collect();
        if let Some(first) = links.first_mut().filter(|_| why) {
            first.why = Some("because".into());
            first.page = Some(7);
        }
        Refs::new(links, texts(actors), texts(&["energy"]), texts(&["s1"]))
    }

    fn shown(r: &Refs) -> String {
        let links: Vec<String> = r
            .links()
            .map(|l| format!("{}:{:?}:{:?}", l.factor, l.why, l.page))
            .collect();
        format!(
            "{} | {} | {} | {}",
            links.join(" "),
            r.actors().join(","),
            r.themes().join(","),
            r.sources().join(",")
        )
    }

    #[test]
    fn links_and_names_read_back_as_given() {
        let r = refs(&["f1", "f2", "f3"], true, &["putin", "khan"]);
        assert_eq!(
            shown(&r),
            "f1:Some(\"because\"):Some(7) f2:None:None f3:None:None | putin,khan | energy | s1"
        );
        assert_eq!((r.links().len(), r.actors().len()), (3, 2));
        assert_eq!(shown(&r.without_links()), " | putin,khan | energy | s1");
        assert!(Refs::default().links().is_empty() && Refs::default().sources().is_empty());
    }

    #[test]
    fn events_packed_together_share_one_table_and_the_same_lists() {
        let mut tables = Tables::default();
        let given = [
            refs(&["f1", "f2"], false, &["putin"]),
            refs(&["f1", "f2"], false, &["putin"]),
            refs(&["f2"], true, &["khan", "putin"]),
        ];
        given.iter().for_each(|r| tables.take(r));
        let made = tables.finish();
        // What they say is unchanged.
        assert_eq!(made, given);
        assert_eq!(
            made.iter().map(shown).collect::<Vec<_>>(),
            given.iter().map(shown).collect::<Vec<_>>()
        );
        // The first two are one copy; the third its own, in the same table.
        assert!(made[0].0.same_allocation(&made[1].0));
        assert!(!made[0].0.same_allocation(&made[2].0));
        let table = |r: &Refs| r.0.header().map(|h| h.table.ptr());
        assert_eq!(table(&made[0]), table(&made[2]));
        // Each name is in it once; each reason of its own.
        assert_eq!(made[0].0.header().map(|h| h.table.len()), Some(7));
    }

    #[test]
    fn cleaning_an_event_sharing_a_table_leaves_the_others_as_they_were() {
        let mut tables = Tables::default();
        let given = [
            refs(&["f1"], true, &["pu\u{1b}tin"]),
            refs(&["f1"], true, &["pu\u{1b}tin"]),
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
        assert!(roles.contains(&("because".to_owned(), Role::Prose)));
        assert!(roles.contains(&("energy".to_owned(), Role::Theme)));
    }
}
