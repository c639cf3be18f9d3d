//! The text a case holds: a slice of the file it was read from wherever
//! the file spells it plainly, a copy of its own otherwise.
//!
//! A large case is mostly text. Held as a `String` each, every name and
//! summary was a second copy of what the file already holds, and an
//! allocation of its own: at 100,000 events the copies and their
//! bookkeeping outweighed the file. A [`Text`] read from a file is 16 bytes
//! pointing into that file's one buffer, which lives as long as any text
//! read from it. Text that is not in the file as written (a string with
//! escapes, one that sanitizing changed, one the program makes) has a copy
//! of its own.
//!
//! A `Text` reads as a `&str` wherever one is wanted (it derefs to `str`),
//! so code that reads a case need not know where its text lives.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{Arc, LazyLock};

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

/// Where a [`Text`]'s characters are.
#[derive(Debug)]
enum Store {
    /// A file's whole text, shared by every text read from it.
    File(Arc<String>),
    /// Text of its own.
    Own(Box<str>),
}

/// A string of a case: a slice of the file it came from, or its own.
#[derive(Clone)]
pub struct Text {
    store: Arc<Store>,
    /// Where the slice starts in a `File` store (unused for `Own`).
    start: u32,
    /// The slice's length in a `File` store (unused for `Own`).
    len: u32,
}

/// The one empty text, shared, so that an empty field costs nothing.
static EMPTY: LazyLock<Arc<Store>> = LazyLock::new(|| Arc::new(Store::Own(Box::from(""))));

impl Text {
    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        match &*self.store {
            Store::Own(s) => s,
            Store::File(file) => {
                let start = self.start as usize;
                // A file store's bounds were taken from a slice of that very
                // file, so they are in range and on character boundaries.
                &file[start..start + self.len as usize]
            }
        }
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.as_str().is_empty()
    }

    /// Make the text inert for a terminal (see [`crate::case::sanitize`]):
    /// a copy of its own only where cleaning changes it.
    pub fn sanitize(&mut self, multiline: bool) {
        let clean = if multiline {
            crate::case::sanitize::text(self)
        } else {
            crate::case::sanitize::line(self)
        };
        if let std::borrow::Cow::Owned(clean) = clean {
            *self = Text::from(clean);
        }
    }

    /// A text for `s` read from the file this thread is reading (see
    /// [`Reading`]): a slice of it when `s` lies in it, a copy otherwise.
    pub(crate) fn read(s: &str) -> Text {
        READING.with_borrow(|reading| {
            let Some(r) = reading else {
                return Text::from(s);
            };
            let at = (s.as_ptr() as usize).wrapping_sub(r.base);
            match (u32::try_from(at), u32::try_from(s.len())) {
                (Ok(start), Ok(len)) if at + s.len() <= r.len => Text {
                    store: Arc::clone(&r.store),
                    start,
                    len,
                },
                _ => Text::from(s),
            }
        })
    }
}

/// Texts gathered into one buffer of their own, so that the buffer they
/// were read from can go: a large file is read a window at a time, and
/// what its events keep of each window is packed as the window is done.
pub(crate) struct Pack {
    buf: String,
}

impl Pack {
    /// A pack with room for `bytes` of text.
    pub(crate) fn with_capacity(bytes: usize) -> Pack {
        Pack {
            buf: String::with_capacity(bytes),
        }
    }

    /// Copy `t` in; [`Packed::place`] later points it at the copy.
    pub(crate) fn push(&mut self, t: &str) {
        self.buf.push_str(t);
    }

    /// The pack, shared by the texts placed in it.
    pub(crate) fn finish(self) -> Packed {
        Packed {
            store: Arc::new(Store::File(Arc::new(self.buf))),
            at: 0,
        }
    }
}

/// A finished [`Pack`], placing texts in the order they were pushed.
pub(crate) struct Packed {
    store: Arc<Store>,
    at: usize,
}

impl Packed {
    /// Point `t` at its copy in the pack: the next one pushed.
    pub(crate) fn place(&mut self, t: &mut Text) {
        let len = t.len();
        if len == 0 {
            *t = Text::default();
            return;
        }
        let at = self.at;
        self.at += len;
        let (Store::File(buf), Ok(start), Ok(len32)) =
            (&*self.store, u32::try_from(at), u32::try_from(len))
        else {
            return;
        };
        // Texts are placed in the order they were pushed, so this slice is
        // `t` itself; checked, so that a slip keeps the text as it was.
        if buf.get(at..at + len) == Some(t.as_str()) {
            *t = Text {
                store: Arc::clone(&self.store),
                start,
                len: len32,
            };
        }
    }
}

/// The file a thread is reading, for texts to point into.
struct Current {
    /// This thread's own handle on the file: texts made on one thread
    /// share its count, so threads reading one file never contend for one.
    store: Arc<Store>,
    base: usize,
    len: usize,
}

thread_local! {
    static READING: RefCell<Option<Current>> = const { RefCell::new(None) };
}

/// While alive, strings this thread deserializes from slices of `file`
/// become [`Text`]s pointing into it instead of copies.
#[must_use = "texts point into the file only while the guard lives"]
pub struct Reading {
    /// The file read before, to read again when this guard drops.
    before: Option<Current>,
}

impl Reading {
    /// Read texts on this thread out of `file` until the guard drops.
    pub fn file(file: &Arc<String>) -> Reading {
        let current = Current {
            store: Arc::new(Store::File(Arc::clone(file))),
            base: file.as_ptr() as usize,
            len: file.len(),
        };
        Reading {
            before: READING.with_borrow_mut(|r| r.replace(current)),
        }
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        let before = self.before.take();
        READING.with_borrow_mut(|r| *r = before);
    }
}

impl Default for Text {
    fn default() -> Text {
        Text {
            store: Arc::clone(&EMPTY),
            start: 0,
            len: 0,
        }
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        if s.is_empty() {
            return Text::default();
        }
        Text {
            store: Arc::new(Store::Own(s.into_boxed_str())),
            start: 0,
            len: 0,
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::from(s.to_owned())
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::from(s.as_str())
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.as_str().to_owned()
    }
}

impl From<Text> for std::borrow::Cow<'_, str> {
    fn from(t: Text) -> Self {
        std::borrow::Cow::Owned(t.into())
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // As `str` hashes, so that a map keyed by texts is searched by `&str`.
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        d.deserialize_str(TextVisitor)
    }
}

/// Reads a string as a [`Text`]: a slice of the file where the parser
/// lends one.
pub struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Text, E> {
        Ok(Text::read(s))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Text, E> {
        Ok(Text::from(s))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Text, E> {
        Ok(Text::from(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_read_from_the_file_points_into_it_and_reads_the_same() {
        let file = Arc::new(String::from(r#"("plain", "with \"escapes\"")"#));
        let (plain, escaped): (Text, Text) = {
            let _reading = Reading::file(&file);
            ron::from_str(&file).expect("parses")
        };
        assert_eq!(plain, "plain");
        assert!(
            matches!(*plain.store, Store::File(_)),
            "a slice of the file"
        );
        assert_eq!(escaped, "with \"escapes\"");
        assert!(matches!(*escaped.store, Store::Own(_)), "its own copy");
        // The file lives as long as a text read from it.
        drop(file);
        assert_eq!(plain.as_str(), "plain");
    }

    #[test]
    fn a_string_from_elsewhere_is_copied_not_pointed_at() {
        let file = Arc::new(String::from("\"in the file\""));
        let other = String::from("\"elsewhere\"");
        let _reading = Reading::file(&file);
        let t: Text = ron::from_str(&other).expect("parses");
        assert_eq!(t, "elsewhere");
        assert!(matches!(*t.store, Store::Own(_)));
    }

    #[test]
    fn a_reading_within_another_gives_the_outer_one_back() {
        let outer = Arc::new(String::from("\"outer\""));
        let inner = Arc::new(String::from("\"inner\""));
        let _reading = Reading::file(&outer);
        drop(Reading::file(&inner));
        let t: Text = ron::from_str(&outer).expect("parses");
        assert!(
            matches!(*t.store, Store::File(_)),
            "still reading the outer file"
        );
    }

    #[test]
    fn sanitizing_copies_only_what_it_changes() {
        let file = Arc::new(String::from("(\"fine\", \"bell\u{7}\")"));
        let _reading = Reading::file(&file);
        let (mut fine, mut bell): (Text, Text) = ron::from_str(&file).expect("parses");
        fine.sanitize(false);
        bell.sanitize(false);
        assert!(matches!(*fine.store, Store::File(_)));
        assert_eq!(bell, "bell␇");
    }

    #[test]
    fn a_text_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Text>(), 16);
        assert_eq!(std::mem::size_of::<Option<Text>>(), 16);
    }
}
