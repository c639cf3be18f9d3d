//! How an event's links and names read: a link as it is made or read
//! from a file ([`Link`]) and as an event holds it ([`LinkRef`]), how a
//! link is written as items and read back, and the iterators over an
//! event's links and names.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::table::Table;
use crate::case::model::Text;
use crate::case::text::TextVisitor;

/// Marks a link's first item where the work's reason and page follow it.
const EXPLAINED: u32 = 1 << 31;

/// An item that points at nothing: a link without a reason or a page.
pub(super) const NONE: u32 = u32::MAX;

/// An event's link to a factor, as it is made or read from a file:
/// written as the factor's id alone, or as `(factor: "id", why: "…",
/// page: N)` with what in the work makes it.
/// A link is made of [`Text`]s; a reader's is borrowed where it can be
/// (see [`super::Named`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link<T = Text> {
    /// The factor's id.
    pub factor: T,
    /// What in the work links the event to the factor, in a sentence.
    pub why: Option<T>,
    /// The work's page for that passage.
    pub page: Option<u16>,
}

impl<T> Link<T> {
    /// A link by id alone.
    pub fn to(factor: impl Into<T>) -> Link<T> {
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

/// Adds a link's items to `items`: its factor's place, its reason's and
/// its page, each [`NONE`] where absent; a link by id alone takes one item.
pub(super) fn push_link(items: &mut Vec<u32>, [factor, why, page]: [u32; 3]) {
    if why == NONE && page == NONE {
        items.push(factor);
    } else {
        items.extend([factor | EXPLAINED, why, page]);
    }
}

/// Links' items read back as [`push_link`] wrote them.
#[derive(Clone)]
pub(super) struct Raw<'a>(pub(super) &'a [u32]);

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

impl<'a> Links<'a> {
    /// The links written as `items`, pointing into `table`.
    pub(super) fn new(table: &'a Table, items: &'a [u32]) -> Links<'a> {
        Links {
            table,
            raw: Raw(items),
            left: Raw(items).count(),
        }
    }

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

impl<'a> Names<'a> {
    /// The names at `items` in `table`.
    pub(super) fn new(table: &'a Table, items: &'a [u32]) -> Names<'a> {
        Names { table, items }
    }

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
