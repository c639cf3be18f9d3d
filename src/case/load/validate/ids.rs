//! Ids of one kind of item, to their positions: what a reference is
//! checked against.
//!
//! A large case has a million event ids. A map of each id's text to its
//! position takes 24 bytes an entry and, with a hash table's spare room,
//! about 50 bytes an event; this table holds only each position (4 bytes)
//! and asks the item for its id when it needs it, about 10 bytes an event.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

/// Positions of one list's items, found by id.
pub(in crate::case::load) struct Ids<'d> {
    /// Positions, placed by their id's hash.
    table: HashTable<u32>,
    /// The id of the item at a position.
    id: Box<dyn Fn(usize) -> &'d str + Send + Sync + 'd>,
    /// Seeded per process: ids come from a file, which could be written to
    /// collide under a fixed hash.
    hasher: foldhash::fast::RandomState,
}

impl<'d> Ids<'d> {
    /// An empty table for the items of `items`, whose ids `id` gives.
    pub(super) fn of<T: Sync>(items: &'d [T], id: fn(&T) -> &str) -> Ids<'d> {
        Ids {
            table: HashTable::with_capacity(items.len()),
            id: Box::new(move |i| id(&items[i])),
            hasher: foldhash::fast::RandomState::default(),
        }
    }

    /// Add the item at position `i`; where an item before it has the same
    /// id, that item's position instead.
    pub(super) fn insert(&mut self, i: usize) -> Result<(), usize> {
        let Ids { table, id, hasher } = self;
        let key = id(i);
        let at = |j: &u32| id(*j as usize);
        // Positions fit: a case file of at most 256 MiB holds far fewer
        // than 2³² items.
        match table.entry(
            hasher.hash_one(key),
            |j| at(j) == key,
            |j| hasher.hash_one(at(j)),
        ) {
            Entry::Occupied(first) => Err(*first.get() as usize),
            Entry::Vacant(slot) => {
                slot.insert(i as u32);
                Ok(())
            }
        }
    }

    /// The position of the item with id `key`.
    pub(super) fn get(&self, key: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(key);
        let j = self.table.find(hash, |j| (self.id)(*j as usize) == key)?;
        Some(*j as usize)
    }

    /// Whether an item has id `key`.
    pub(super) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}
