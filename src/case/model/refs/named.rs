//! What an event names and may add, as texts: the form a record is
//! written from ([`super::Tables::write`]) and read back as to be written
//! again ([`super::Refs::named`]). A reader fills one for each event it
//! reads, its texts borrowed from the file wherever the file spells them
//! plainly, and clears it for the next: so an event read names nothing it
//! allocates.

use std::borrow::Cow;

use super::Link;
use crate::case::model::{QuoteBy, Rare, Role, Sourcing, Text};

/// An event's links, names and the fields it may leave out, as texts.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Named<'a> {
    /// The factors linked, in the order given.
    pub links: Vec<Link<Cow<'a, str>>>,
    /// Actor ids.
    pub actors: Vec<Cow<'a, str>>,
    /// Free tags.
    pub themes: Vec<Cow<'a, str>>,
    /// Source ids.
    pub sources: Vec<Cow<'a, str>>,
    /// The last year, where given.
    pub until: Option<i32>,
    /// The era, where given.
    pub era: Option<Cow<'a, str>>,
    /// The work's own words, where it quotes them.
    pub quote: Option<Cow<'a, str>>,
    /// Whose words the quote is.
    pub quote_by: Option<QuoteBy>,
    /// The editorial note.
    pub note: Option<Cow<'a, str>>,
    /// The work's pages.
    pub pages: Vec<u16>,
}

impl<'a> Named<'a> {
    /// These links, names and fields, borrowed.
    pub fn of(
        links: &'a [Link],
        [actors, themes, sources]: [&'a [Text]; 3],
        rare: &'a Rare,
    ) -> Named<'a> {
        let borrowed =
            |names: &'a [Text]| names.iter().map(|t| Cow::Borrowed(t.as_str())).collect();
        let Rare {
            until,
            era,
            sourcing:
                Sourcing {
                    quote,
                    quote_by,
                    note,
                    pages,
                },
        } = rare;
        Named {
            links: links
                .iter()
                .map(|l| Link {
                    factor: Cow::Borrowed(l.factor.as_str()),
                    why: l.why.as_deref().map(Cow::Borrowed),
                    page: l.page,
                })
                .collect(),
            actors: borrowed(actors),
            themes: borrowed(themes),
            sources: borrowed(sources),
            until: *until,
            era: era.as_deref().map(Cow::Borrowed),
            quote: quote.as_deref().map(Cow::Borrowed),
            quote_by: quote_by.clone(),
            note: note.as_deref().map(Cow::Borrowed),
            pages: pages.to_vec(),
        }
    }

    /// Nothing named, the room kept for the next event.
    pub fn clear(&mut self) {
        self.links.clear();
        self.actors.clear();
        self.themes.clear();
        self.sources.clear();
        self.pages.clear();
        (self.until, self.era, self.quote, self.quote_by, self.note) =
            (None, None, None, None, None);
    }

    /// Clean every text with `f`, given the part it plays: `f` gives the
    /// clean text where it differs. Whether any did.
    pub fn clean(&mut self, mut f: impl FnMut(&str, Role) -> Option<String>) -> bool {
        let mut changed = false;
        if let Some(QuoteBy::Cited(source)) = &mut self.quote_by
            && let Some(id) = f(source, Role::Reference)
        {
            *source = id.into();
            changed = true;
        }
        let mut clean = |t: &mut Cow<'a, str>, role| {
            if let Some(clean) = f(t, role) {
                *t = Cow::Owned(clean);
                changed = true;
            }
        };
        for link in &mut self.links {
            clean(&mut link.factor, Role::Reference);
            if let Some(why) = &mut link.why {
                clean(why, Role::Prose);
            }
        }
        let lists = [
            (&mut self.actors, Role::Reference),
            (&mut self.themes, Role::Theme),
            (&mut self.sources, Role::Reference),
        ];
        for (names, role) in lists {
            names.iter_mut().for_each(|t| clean(t, role));
        }
        let singles = [
            (&mut self.era, Role::Reference),
            (&mut self.quote, Role::Prose),
            (&mut self.note, Role::Prose),
        ];
        for (t, role) in singles {
            if let Some(t) = t {
                clean(t, role);
            }
        }
        changed
    }
}
