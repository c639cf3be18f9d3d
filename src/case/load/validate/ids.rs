//! Ids of one kind of item, to their positions: what a reference is
//! checked against.
//!
//! A large case has a million event ids. A map of each id's text to its
//! position takes 24 bytes an entry and, with a hash table's spare room,
//! about 50 bytes an event; this table holds only each position (4 bytes)
//! and reads an item's id from the item when it needs it, about 10 bytes an
//! event.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

use crate::case::model::{Actor, Era, Event, Factor, Source, Tour};

/// An item with an id of its own.
pub(in crate::case::load) trait Keyed: Sync {
    /// The item's id.
    fn key(&self) -> &str;
}

macro_rules! keyed {
    ($($item:ty),*) => {
        $(impl Keyed for $item {
            fn key(&self) -> &str {
                &self.id
            }
        })*
    };
}

keyed!(Actor, Era, Event, Factor, Source, Tour);

/// Positions of one list's items, found by id.
pub(in crate::case::load) struct Ids<'d, T> {
    /// Positions, placed by their item's id's hash.
    table: HashTable<u32>,
    /// The items.
    items: &'d [T],
    /// Seeded per process: ids come from a file, which could be written to
    /// collide under a fixed hash.
    hasher: foldhash::fast::RandomState,
}

impl<'d, T: Keyed> Ids<'d, T> {
    /// An empty table for `items`.
    pub(super) fn of(items: &'d [T]) -> Ids<'d, T> {
        Ids {
            table: HashTable::with_capacity(items.len()),
            items,
            hasher: foldhash::fast::RandomState::default(),
        }
    }

    /// Add the item at position `i`; where an item before it has the same
    /// id, that item's position instead.
    pub(super) fn insert(&mut self, i: usize) -> Result<(), usize> {
        let Ids {
            table,
            items,
            hasher,
        } = self;
        let key = items[i].key();
        let at = |j: &u32| items[*j as usize].key();
        match table.entry(
            hasher.hash_one(key),
            |j| at(j) == key,
            |j| hasher.hash_one(at(j)),
        ) {
            Entry::Occupied(first) => Err(*first.get() as usize),
            Entry::Vacant(slot) => {
                // Positions fit: a case file of at most 256 MiB holds far
                // fewer than 2³² items.
                slot.insert(i as u32);
                Ok(())
            }
        }
    }

    /// The position of the item with id `key`.
    pub(super) fn get(&self, key: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(key);
        let j = self
            .table
            .find(hash, |j| self.items[*j as usize].key() == key)?;
        Some(*j as usize)
    }

    /// Whether an item has id `key`.
    pub(super) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}
