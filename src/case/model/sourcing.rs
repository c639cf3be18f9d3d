//! What an event or a factor may add about where it stands in the work:
//! the work's own words, whose words they are, an editorial note, and the
//! pages. Most items of a large case give none of it, so it is held in a
//! box, allocated only when some of it is given.

use super::List;

use super::{QuoteBy, Role, Text, Whose};

/// The work's words, their speaker, a note and the pages, for one item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sourcing {
    /// The work's own words, where it quotes them.
    pub quote: Option<Text>,
    /// Whose words the quote is.
    pub quote_by: Option<QuoteBy>,
    /// An editorial note, shown as such.
    pub note: Option<Text>,
    /// The work's pages for the passage(s) it comes from.
    pub pages: List<u16>,
}

impl Sourcing {
    /// Whether none of it is given.
    pub fn is_empty(&self) -> bool {
        *self == Sourcing::default()
    }

    /// In a box, or nothing where none of it is given.
    pub fn boxed(self) -> Option<Box<Sourcing>> {
        (!self.is_empty()).then(|| Box::new(self))
    }

    /// Visit its texts with the part each plays: the quote and the note
    /// are prose, the source the quote is from a reference.
    pub fn each_text_mut(&mut self, mut f: impl FnMut(&mut Text, Role)) {
        self.quote.iter_mut().for_each(|t| f(t, Role::Prose));
        if let Some(QuoteBy::Cited(source)) = &mut self.quote_by {
            f(source, Role::Reference);
        }
        self.note.iter_mut().for_each(|t| f(t, Role::Prose));
    }
}

/// An item that may say where it stands in the work: an event or a
/// factor.
pub trait Sourced {
    /// The work's own words, where it quotes them.
    fn quote(&self) -> Option<&str>;

    /// Whose words the quote is.
    fn quote_by(&self) -> Option<Whose<'_>>;

    /// The editorial note, shown as such.
    fn note(&self) -> Option<&str>;

    /// The work's pages for the passage(s) it comes from.
    fn pages(&self) -> &[u16];
}

impl Sourced for Option<Box<Sourcing>> {
    fn quote(&self) -> Option<&str> {
        self.as_ref()?.quote.as_deref()
    }

    fn quote_by(&self) -> Option<Whose<'_>> {
        self.as_ref()?.quote_by.as_ref().map(QuoteBy::whose)
    }

    fn note(&self) -> Option<&str> {
        self.as_ref()?.note.as_deref()
    }

    fn pages(&self) -> &[u16] {
        self.as_ref().map_or(&[], |s| &s.pages)
    }
}
