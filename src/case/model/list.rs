//! A list a record of a case holds (a factor's actors and sources, the
//! pages of a passage, the records of the events read together): one
//! pointer, nothing allocated while it is empty, and one allocation,
//! counted by reference so that what holds the same list may share it.
//! Changing a list that is shared changes a copy of its own.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use serde::{Serialize, Serializer};
use triomphe::{Arc, ThinArc};

/// A list, shared where it is the same as another (see the module's notes),
/// with a header `H` in its allocation (an event's names keep there where
/// one kind of name ends and the next begins).
pub struct List<T, H = ()>(Option<ThinArc<H, T>>);

// One pointer in the record that holds it.
const _: () = assert!(std::mem::size_of::<List<u16>>() == 8);

impl<T, H> List<T, H> {
    /// The empty list; it allocates nothing.
    pub const fn new() -> List<T, H> {
        List(None)
    }

    /// `items` under `header`; the empty list when there are none.
    pub fn with_header(header: H, items: Vec<T>) -> List<T, H> {
        List((!items.is_empty()).then(|| ThinArc::from_header_and_iter(header, items.into_iter())))
    }

    /// The header, where the list has items.
    pub fn header(&self) -> Option<&H> {
        self.0.as_ref().map(|arc| &arc.header.header)
    }

    /// The items, as a slice.
    pub fn as_slice(&self) -> &[T] {
        self.0.as_ref().map_or(&[], |arc| &arc.slice)
    }

    /// Empty the list.
    pub fn clear(&mut self) {
        self.0 = None;
    }

    /// Whether `self` and `other` are one allocation (or both empty).
    pub(super) fn same_allocation(&self, other: &List<T, H>) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => a.ptr() == b.ptr(),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

impl<T: Clone, H: Clone> List<T, H> {
    /// Change the header with `f`, where the list has items; a list shared
    /// with others is copied first, so that they keep theirs.
    pub fn header_mut(&mut self, f: impl FnOnce(&mut H)) {
        let Some(thin) = &mut self.0 else { return };
        let copy = thin.with_arc_mut(|arc| match Arc::get_mut(arc) {
            Some(own) => {
                f(own.header_mut());
                None
            }
            None => Some((arc.header().clone(), arc.slice().to_vec(), f)),
        });
        if let Some((mut header, items, f)) = copy {
            f(&mut header);
            *self = List::with_header(header, items);
        }
    }

    /// Change every item with `f`; a list shared with others is copied
    /// first, so that they keep theirs.
    pub fn each_mut(&mut self, mut f: impl FnMut(&mut T)) {
        let Some(thin) = &mut self.0 else { return };
        let changed = thin.with_arc_mut(|arc| match Arc::get_mut(arc) {
            Some(own) => {
                own.slice_mut().iter_mut().for_each(&mut f);
                None
            }
            None => {
                let mut copy = arc.slice().to_vec();
                copy.iter_mut().for_each(&mut f);
                Some((arc.header().clone(), copy))
            }
        });
        if let Some((header, copy)) = changed {
            *self = List::with_header(header, copy);
        }
    }
}

impl<T, H> Default for List<T, H> {
    fn default() -> List<T, H> {
        List::new()
    }
}

impl<T, H> Clone for List<T, H> {
    /// Another handle on the same copy: no items are copied.
    fn clone(&self) -> List<T, H> {
        List(self.0.clone())
    }
}

impl<T, H> Deref for List<T, H> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> List<T> {
        List::with_header((), items)
    }
}

impl<T, const N: usize> From<[T; N]> for List<T> {
    fn from(items: [T; N]) -> List<T> {
        List((N > 0).then(|| ThinArc::from_header_and_iter((), items.into_iter())))
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> List<T> {
        List::from(items.into_iter().collect::<Vec<T>>())
    }
}

impl<'a, T, H> IntoIterator for &'a List<T, H> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<T: PartialEq, H: PartialEq> PartialEq for List<T, H> {
    fn eq(&self, other: &List<T, H>) -> bool {
        self.same_allocation(other)
            || (self.header() == other.header() && self.as_slice() == other.as_slice())
    }
}

impl<T: Eq, H: Eq> Eq for List<T, H> {}

impl<T: Hash, H: Hash> Hash for List<T, H> {
    fn hash<S: Hasher>(&self, state: &mut S) {
        self.header().hash(state);
        self.as_slice().hash(state);
    }
}

impl<T: fmt::Debug, H> fmt::Debug for List<T, H> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.as_slice().fmt(f)
    }
}

impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changing_a_shared_list_leaves_the_others_as_they_were() {
        let mut a = List::from(vec![1u16, 2]);
        let b = a.clone();
        a.each_mut(|n| *n *= 10);
        assert_eq!((&*a, &*b), (&[10, 20][..], &[1, 2][..]));
        // A list of its own is changed where it is.
        let mut own = List::from(vec![3u16]);
        own.each_mut(|n| *n += 1);
        assert_eq!(&*own, &[4]);
    }

    #[test]
    fn an_empty_list_is_the_same_however_it_was_made() {
        let made: [List<u16>; 3] = [List::new(), List::from(Vec::new()), List::from([])];
        assert!(made.iter().all(|l| l.is_empty() && l.0.is_none()));
        assert_eq!(made[0], made[2]);
    }
}
