//! The texts an event's references point into: one after another in one
//! buffer, and where each ends. Four bytes a text beside its characters,
//! where a table of texts took sixteen: more than a file spends on a
//! short name met once.

use crate::case::model::List;

/// The texts references point into: one after another in one buffer (the
/// list's header), and where each ends (its items). One pointer.
#[derive(Clone, Default)]
pub(super) struct Table(List<u32, Box<str>>);

impl Table {
    /// The table with no texts.
    pub(super) const EMPTY: Table = Table(List::new());

    /// The text at place `at`, if there is one.
    pub(super) fn get(&self, at: u32) -> Option<&str> {
        let (text, ends) = (self.0.header()?, self.0.as_slice());
        let at = at as usize;
        let start = match at {
            0 => 0,
            _ => *ends.get(at - 1)? as usize,
        };
        text.get(start..*ends.get(at)? as usize)
    }

    /// How many texts it holds.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }
}

/// A table being made, a text at a time.
#[derive(Default)]
pub(super) struct TableMaker {
    text: String,
    ends: Vec<u32>,
}

impl TableMaker {
    /// Add `t`; its place.
    pub(super) fn push(&mut self, t: &str) -> u32 {
        self.text.push_str(t);
        // A table holds one file's texts at most, under 4 GiB.
        self.ends.push(self.text.len() as u32);
        self.ends.len() as u32 - 1
    }

    /// The text at place `at`, which was pushed.
    pub(super) fn get(&self, at: u32) -> &str {
        let at = at as usize;
        let start = if at == 0 {
            0
        } else {
            self.ends[at - 1] as usize
        };
        &self.text[start..self.ends[at] as usize]
    }

    /// The table, leaving this one empty.
    pub(super) fn finish(&mut self) -> Table {
        let text = std::mem::take(&mut self.text).into_boxed_str();
        Table(List::with_header(text, std::mem::take(&mut self.ends)))
    }
}
