//! Find where a value sits in RON text, by path (`events[3].factors[1]`).
//!
//! serde hands over values without positions, so the validator names
//! problems by path and this module turns a path into a byte offset by
//! scanning the (already successfully parsed) text once. It only runs when
//! there is something to report, so loading a clean file never pays for it.

/// One step of a path into the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A named field of a struct.
    Field(&'static str),
    /// An element of a list (or tuple).
    Index(usize),
    /// The value of a map entry, by its key's text.
    Key(String),
    /// A map entry's key itself (ends a path).
    Name(String),
}

/// The shape of a RON document with the offset at which each value starts.
#[derive(Debug, Default)]
pub struct Tree {
    at: usize,
    /// Struct fields and map entries: name, where the name is, the value.
    fields: Vec<(String, usize, Tree)>,
    /// List and tuple items by position, in order: only those wanted (in
    /// a list of a million events, the few that lead to a problem).
    items: Vec<(usize, Tree)>,
}

/// Deeper than this, the scanner stops descending; the parser refuses such
/// files long before.
const MAX_DEPTH: usize = 256;

impl Tree {
    /// Scan `text` into a tree of offsets.
    pub fn scan(text: &str) -> Tree {
        Tree::scan_wanting(text, &Want::All)
    }

    /// Scan `text` into a tree of the offsets `paths` lead through: the
    /// same offsets for them as [`Tree::scan`] gives, at the cost of a scan
    /// and of what they need, however large the file.
    pub fn scan_for(text: &str, paths: &[&[Seg]]) -> Tree {
        Tree::scan_wanting(text, &Want::Paths(paths.to_vec()))
    }

    fn scan_wanting(text: &str, want: &Want) -> Tree {
        let mut s = Scanner {
            b: text.as_bytes(),
            i: 0,
        };
        s.skip();
        s.value(0, want)
    }

    /// The fields named more than once in a struct or map, here or at any
    /// depth below: each later one's name and where that name is.
    pub fn repeated_fields(&self) -> Vec<(&str, usize)> {
        let mut found: Vec<(&str, usize)> = self
            .fields
            .iter()
            .enumerate()
            .filter(|(i, (name, _, _))| self.fields[..*i].iter().any(|(n, _, _)| n == name))
            .map(|(_, (name, at, _))| (name.as_str(), *at))
            .collect();
        let below = self.fields.iter().map(|(_, _, t)| t);
        let below = below.chain(self.items.iter().map(|(_, t)| t));
        for tree in below {
            found.extend(tree.repeated_fields());
        }
        found.sort_by_key(|&(_, at)| at);
        found
    }

    /// The byte offset of the value at `path`, or of its deepest existing
    /// ancestor when the path goes further than the text (a missing field).
    pub fn offset(&self, path: &[Seg]) -> usize {
        let mut node = self;
        for seg in path {
            // The last of a repeated name: it is the one that stands.
            let field = |name: &str| node.fields.iter().rfind(|(n, _, _)| n == name);
            let next = match seg {
                Seg::Field(name) => field(name).map(|(_, _, t)| t),
                Seg::Key(name) => field(name).map(|(_, _, t)| t),
                Seg::Name(name) => return field(name).map_or(node.at, |(_, at, _)| *at),
                Seg::Index(i) => node
                    .items
                    .binary_search_by_key(i, |(j, _)| *j)
                    .ok()
                    .map(|k| &node.items[k].1),
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node.at
    }
}

/// Where the value of the top-level struct's field `name` starts (for
/// `events: [ … ]`, the `[`), found without building a tree or scanning the
/// value itself, so that a large list can be parsed in parallel pieces.
pub fn field(text: &str, name: &str) -> Option<usize> {
    let mut at = None;
    fields(text, |found, start| {
        if found == name {
            at = Some(start);
        }
        at.map(|_| Visit::Stop)
    });
    at
}

/// Looks for a field of the top-level struct, as [`field`] does, in a text
/// read a part at a time: each look goes on from where the last stopped,
/// a list element by element, so that however long the text before the
/// field, each part of it is looked over about once.
#[derive(Default)]
pub struct FieldSearch {
    /// Where to go on from: past the last whole value (or field name).
    at: usize,
    /// Whether `at` is in the struct, and in a list that is its field's
    /// value.
    within: (bool, bool),
}

impl FieldSearch {
    /// Where the value of the field `name` starts in `text` (which holds
    /// the text looked at before, and maybe more).
    pub fn find(&mut self, text: &str, name: &str) -> Search {
        let mut s = Scanner {
            b: text.as_bytes(),
            i: self.at,
        };
        // Near the text's end, what looks wrong may be the start of a
        // comment or an attribute (`/`, `#`) that the rest completes.
        let cut = |i: usize| i + 2 >= text.len();
        if !self.within.0 {
            s.skip();
            if s.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                s.ident();
                s.skip();
            }
            match s.peek() {
                Some(b'(') => s.i += 1,
                _ if cut(s.i) => return Search::More,
                _ => return Search::Absent,
            }
            (self.at, self.within.0) = (s.i, true);
        }
        loop {
            s.skip();
            let start = s.i;
            let end = s.b.len();
            // Whether what was looked over is whole: a value that runs to
            // the text's end may go on past it, and is looked at again.
            let whole = match (self.within.1, s.peek()) {
                (_, None) => false,
                (false, Some(b')')) => return Search::Absent,
                (true, Some(b']')) => {
                    s.i += 1;
                    self.within.1 = false;
                    true
                }
                (_, Some(b',')) => {
                    s.i += 1;
                    true
                }
                (true, Some(_)) => {
                    s.skip_value();
                    s.stuck(start);
                    s.i < end
                }
                (false, Some(_)) => {
                    let found = s.field_name();
                    if found.is_none() {
                        // A name the text's end cuts before its `:`.
                        s.ident();
                    }
                    s.skip();
                    match found {
                        _ if s.i >= end => false,
                        None if cut(start) => false,
                        None => return Search::Absent,
                        Some(found) if found == name => return Search::At(s.i),
                        // A list is looked over an element at a time.
                        Some(_) if s.peek() == Some(b'[') => {
                            s.i += 1;
                            self.within.1 = true;
                            true
                        }
                        Some(_) => {
                            s.skip_value();
                            s.i < end
                        }
                    }
                }
            };
            if !whole {
                return Search::More;
            }
            self.at = s.i;
        }
    }
}

/// What a [`FieldSearch`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Search {
    /// The field's value starts here.
    At(usize),
    /// More of the text is needed to tell.
    More,
    /// The text is not a struct, or it has no such field.
    Absent,
}

/// What [`fields`] does next with the field it gave.
pub enum Visit {
    /// Go on from here: where the field's value ends.
    From(usize),
    /// Look no further.
    Stop,
}

/// Give `visit` each field of the top-level struct in turn: its name and
/// where its value starts. A value `visit` returns `None` for is skipped.
/// Stops at the struct's end, at [`Visit::Stop`], or where the text is not
/// a struct of fields.
pub fn fields(text: &str, mut visit: impl FnMut(&str, usize) -> Option<Visit>) {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    s.skip();
    if s.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
        s.ident();
        s.skip();
    }
    if s.peek() != Some(b'(') {
        return;
    }
    s.i += 1;
    loop {
        s.skip();
        match s.peek() {
            None | Some(b')') => return,
            Some(b',') => s.i += 1,
            _ => {
                let start = s.i;
                let Some(found) = s.field_name() else { return };
                s.skip();
                match visit(&found, s.i) {
                    Some(Visit::Stop) => return,
                    Some(Visit::From(end)) => s.i = end.max(s.i),
                    None => s.skip_value(),
                }
                s.stuck(start);
            }
        }
    }
}

/// The byte ranges of the elements of the list starting (with `[`) at
/// `list`, and where the list ends (after its `]`); `None` when it is not
/// a well-formed list.
pub fn elements(text: &str, list: usize) -> Option<(Vec<std::ops::Range<usize>>, usize)> {
    if text.as_bytes().get(list) != Some(&b'[') {
        return None;
    }
    let (elements, end) = stretch(text, list + 1, None)?;
    Some((elements, end?))
}

/// The elements of a stretch of a list, from `from` (the list's first
/// element, or the start of a later one) up to the element that starts at
/// `stop`, or to the list's end when `stop` is `None`. Returns the ranges
/// and, for the last stretch, where the list ends (after its `]`); `None`
/// when the stretch does not end where asked (so `stop` was not the start
/// of an element of this list) or the list is not well formed.
pub fn stretch(
    text: &str,
    from: usize,
    stop: Option<usize>,
) -> Option<(Vec<std::ops::Range<usize>>, Option<usize>)> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: from,
    };
    let mut out = Vec::new();
    let mut after_element = false;
    loop {
        s.skip();
        match stop {
            Some(stop) if s.i == stop && !after_element && s.i != from => return Some((out, None)),
            Some(stop) if s.i > stop => return None,
            _ => {}
        }
        match s.peek()? {
            b']' if stop.is_none() => return Some((out, Some(s.i + 1))),
            b',' if after_element => {
                s.i += 1;
                after_element = false;
            }
            b']' | b',' => return None,
            _ if after_element => return None,
            _ => {
                after_element = true;
                let start = s.i;
                s.skip_value();
                if s.i == start {
                    return None;
                }
                out.push(start..s.i);
            }
        }
    }
}

/// Where the blanks, comments and attributes at `at` end.
pub fn blank_end(text: &str, at: usize) -> usize {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: at,
    };
    s.skip();
    s.i.min(text.len())
}

/// Where the value at `at` ends: `text`'s length when it runs to the end.
pub fn value_end(text: &str, at: usize) -> usize {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: at,
    };
    s.skip_value();
    s.i.min(text.len())
}

/// Where the first value of `text` starts: past white space, comments and
/// the attributes (`#![enable(…)]`) that lead a file.
pub fn first_value(text: &str) -> usize {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    s.skip();
    s.i.min(text.len())
}

/// Where `text` first opens a bracket more than `max` levels deep (the
/// outermost value is level 1), or `None` when it nests no deeper.
pub fn too_deep(text: &str, max: usize) -> Option<usize> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    s.skip();
    s.brackets(max, false)
}

/// Which of a value's children a scan records.
enum Want<'p> {
    /// All of them, to any depth.
    All,
    /// Those that the rest of these paths lead through.
    Paths(Vec<&'p [Seg]>),
}

impl<'p> Want<'p> {
    /// Whether to record the value's fields and items at all.
    fn records(&self) -> bool {
        match self {
            Want::All => true,
            Want::Paths(paths) => paths.iter().any(|p| !p.is_empty()),
        }
    }

    /// Whether the value is wanted at all: the value itself, or what
    /// paths lead through it.
    fn wanted(&self) -> bool {
        match self {
            Want::All => true,
            Want::Paths(paths) => !paths.is_empty(),
        }
    }

    /// What to record of the value of the field or map entry `name`.
    fn field(&self, name: &str) -> Want<'p> {
        self.child(|seg| {
            matches!(seg, Seg::Field(n) if *n == name) || matches!(seg, Seg::Key(n) if n == name)
        })
    }

    /// What to record of item `i`.
    fn item(&self, i: usize) -> Want<'p> {
        self.child(|seg| *seg == Seg::Index(i))
    }

    fn child(&self, leads: impl Fn(&Seg) -> bool) -> Want<'p> {
        match self {
            Want::All => Want::All,
            Want::Paths(paths) => Want::Paths(
                paths
                    .iter()
                    .filter_map(|p| p.split_first())
                    .filter(|(seg, _)| leads(seg))
                    .map(|(_, rest)| rest)
                    .collect(),
            ),
        }
    }
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skip white space, comments (`//`, nested `/* */`) and `#![…]` attributes.
    fn skip(&mut self) {
        loop {
            match (self.peek(), self.b.get(self.i + 1).copied()) {
                (Some(c), _) if c.is_ascii_whitespace() => self.i += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.i += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.i += 2;
                    let mut depth = 1;
                    while depth > 0 && self.i < self.b.len() {
                        if self.b[self.i..].starts_with(b"/*") {
                            depth += 1;
                            self.i += 2;
                        } else if self.b[self.i..].starts_with(b"*/") {
                            depth -= 1;
                            self.i += 2;
                        } else {
                            self.i += 1;
                        }
                    }
                }
                (Some(b'#'), Some(b'!')) => {
                    while self.peek().is_some_and(|c| c != b']') {
                        self.i += 1;
                    }
                    self.i += 1;
                }
                _ => return,
            }
        }
    }

    fn value(&mut self, depth: usize, want: &Want) -> Tree {
        let mut node = Tree {
            at: self.i,
            ..Tree::default()
        };
        if depth > MAX_DEPTH {
            self.i = self.b.len();
            return node;
        }
        match self.peek() {
            Some(b'"') => self.string(),
            Some(b'\'') => self.char_literal(),
            Some(b'r') if matches!(self.b.get(self.i + 1), Some(b'"' | b'#')) => self.raw_string(),
            Some(b'b') if self.b.get(self.i + 1) == Some(&b'"') => {
                self.i += 1;
                self.string();
            }
            Some(b'[') => self.seq(b']', &mut node, depth, want),
            Some(b'{') => self.seq(b'}', &mut node, depth, want),
            Some(b'(') => self.group(&mut node, depth, want),
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                self.ident();
                self.skip();
                if self.peek() == Some(b'(') {
                    self.group(&mut node, depth, want);
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|c| !c.is_ascii_whitespace() && !b",:)]}".contains(&c))
                {
                    self.i += 1;
                }
            }
        }
        node
    }

    /// Move past one value without recording anything.
    fn skip_value(&mut self) {
        self.skip();
        match self.peek() {
            Some(b'"') => self.string(),
            Some(b'\'') => self.char_literal(),
            Some(b'r') if matches!(self.b.get(self.i + 1), Some(b'"' | b'#')) => self.raw_string(),
            Some(b'(' | b'[' | b'{') => self.skip_balanced(),
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                self.ident();
                self.skip();
                if self.peek() == Some(b'(') {
                    self.skip_balanced();
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|c| !c.is_ascii_whitespace() && !b",:)]}".contains(&c))
                {
                    self.i += 1;
                }
            }
        }
    }

    /// Move past a bracketed value and everything nested in it.
    fn skip_balanced(&mut self) {
        self.brackets(usize::MAX, true);
    }

    /// Walk brackets, skipping strings and comments: to the end of the value
    /// that starts here when `one`, else to the end of the text. Stops at
    /// the first bracket that opens a level deeper than `max`, returning
    /// its offset.
    fn brackets(&mut self, max: usize, one: bool) -> Option<usize> {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'"' => self.string(),
                b'\'' => self.char_literal(),
                b'r' if matches!(self.b.get(self.i + 1), Some(b'"' | b'#'))
                    && !self.b[..self.i]
                        .last()
                        .is_some_and(|p| p.is_ascii_alphanumeric() || *p == b'_') =>
                {
                    self.raw_string()
                }
                b'/' if matches!(self.b.get(self.i + 1), Some(b'/' | b'*')) => self.skip(),
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    if depth > max {
                        return Some(self.i);
                    }
                    self.i += 1;
                }
                b')' | b']' | b'}' => {
                    self.i += 1;
                    depth = depth.saturating_sub(1);
                    if depth == 0 && one {
                        return None;
                    }
                }
                _ => self.i += 1,
            }
        }
        None
    }

    fn ident(&mut self) {
        if self.b[self.i..].starts_with(b"r#") {
            self.i += 2;
        }
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80)
        {
            self.i += 1;
        }
    }

    fn string(&mut self) {
        self.i += 1;
        // Most of a dataset is text inside strings: jump between the only
        // two bytes that matter there.
        while let Some(at) = self
            .b
            .get(self.i..)
            .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
        {
            let c = self.b[self.i + at];
            self.i += at + 1;
            if c == b'"' {
                return;
            }
            self.i += 1;
        }
        self.i = self.b.len();
    }

    fn raw_string(&mut self) {
        self.i += 1;
        let hashes = self.b[self.i..].iter().take_while(|&&c| c == b'#').count();
        self.i += hashes + 1;
        let mut close = vec![b'"'];
        close.extend(std::iter::repeat_n(b'#', hashes));
        while self.i < self.b.len() && !self.b[self.i..].starts_with(&close) {
            self.i += 1;
        }
        self.i = (self.i + close.len()).min(self.b.len());
    }

    fn char_literal(&mut self) {
        self.i += 1;
        if self.peek() == Some(b'\\') {
            self.i += 1;
        }
        while self.peek().is_some_and(|c| c != b'\'') {
            self.i += 1;
        }
        self.i += 1;
    }

    /// A list `[…]` or a map `{…}`; map entries are recorded by their value.
    fn seq(&mut self, close: u8, node: &mut Tree, depth: usize, want: &Want) {
        self.i += 1;
        let mut items = 0usize;
        // Where the last item started: the key, when a `:` follows.
        let mut last = None;
        loop {
            self.skip();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.i += 1;
                    return;
                }
                Some(b',') => self.i += 1,
                Some(b':') => {
                    // The item before was a map key: record the entry.
                    self.i += 1;
                    self.skip();
                    items = items.saturating_sub(1);
                    if node.items.last().is_some_and(|(i, _)| *i == items) {
                        node.items.pop();
                    }
                    let key = last.take();
                    let name = key.map(|at| self.text_of(at));
                    let value = self.value(depth + 1, &want.field(name.as_deref().unwrap_or("")));
                    if let (Some(at), Some(name), true) = (key, name, want.records()) {
                        node.fields.push((name, at, value));
                    }
                }
                Some(_) => {
                    let start = self.i;
                    last = Some(start);
                    self.item(items, node, depth, want);
                    items += 1;
                    self.stuck(start);
                }
            }
        }
    }

    /// Item `i` of a list or tuple, recorded in `node` when wanted.
    fn item(&mut self, i: usize, node: &mut Tree, depth: usize, want: &Want) {
        let want = want.item(i);
        let item = self.value(depth + 1, &want);
        if want.wanted() {
            node.items.push((i, item));
        }
    }

    /// `( … )`: the fields of a struct, or the elements of a tuple.
    fn group(&mut self, node: &mut Tree, depth: usize, want: &Want) {
        self.i += 1;
        let records = want.records();
        let mut items = 0usize;
        loop {
            self.skip();
            match self.peek() {
                None => return,
                Some(b')') => {
                    self.i += 1;
                    return;
                }
                Some(b',') => self.i += 1,
                Some(_) => {
                    let start = self.i;
                    if let Some(name) = self.field_name() {
                        self.skip();
                        let value = self.value(depth + 1, &want.field(&name));
                        if records {
                            node.fields.push((name, start, value));
                        }
                    } else {
                        self.item(items, node, depth, want);
                        items += 1;
                    }
                    self.stuck(start);
                }
            }
        }
    }

    /// `name:` at the cursor (not `name::`); consumes it when found.
    fn field_name(&mut self) -> Option<String> {
        let start = self.i;
        if !self
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        {
            return None;
        }
        self.ident();
        let name = String::from_utf8_lossy(&self.b[start..self.i]).into_owned();
        self.skip();
        if self.peek() == Some(b':') && self.b.get(self.i + 1) != Some(&b':') {
            self.i += 1;
            Some(name.trim_start_matches("r#").to_owned())
        } else {
            self.i = start;
            None
        }
    }

    /// The text of a map key starting at `at`: a string's contents (escapes
    /// left as written) or a bare word.
    fn text_of(&self, at: usize) -> String {
        let rest = &self.b[at..];
        let body = match rest.first() {
            Some(b'"') => {
                let mut end = 1;
                while end < rest.len() && rest[end] != b'"' {
                    end += if rest[end] == b'\\' { 2 } else { 1 };
                }
                &rest[1..end.min(rest.len())]
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|c| c.is_ascii_whitespace() || b":,)]}".contains(c))
                    .unwrap_or(rest.len());
                &rest[..end]
            }
        };
        String::from_utf8_lossy(body).into_owned()
    }

    /// Guarantee progress on text the scanner does not understand.
    fn stuck(&mut self, start: usize) {
        if self.i == start {
            self.i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Seg::{Field, Index};

    const TEXT: &str = r##"#![enable(implicit_some)]
// a comment with ( and [
Dataset(
    title: "A (tricky) \" title",
    period: (1998, 2023),
    events: [
        (id: "a", factors: ["x", "y"]), /* nested /* comment */ ] */
        (id: r#"b"#, factors: [], quote: Some('c')),
    ],
)"##;

    fn at(path: &[Seg]) -> &'static str {
        &TEXT[Tree::scan(TEXT).offset(path)..]
    }

    #[test]
    fn depth_counts_brackets_outside_strings_and_comments() {
        assert_eq!(too_deep("(a: [[1]])", 3), None);
        assert_eq!(too_deep("(a: [[[1]]])", 3), Some(6));
        assert_eq!(too_deep("(a: \"[[[[\", /* [[[[ */ b: '[')", 1), None);
        assert_eq!(too_deep("// ((((\n(x: ())", 1), Some(12));
    }

    #[test]
    fn a_field_is_found_in_a_text_read_a_part_at_a_time_as_in_the_whole() {
        // Lists, strings, comments and attributes before the field, cut
        // anywhere.
        let text = String::from(
            "#![enable(implicit_some)] // (\nDataset(title: \"a ) ] \\\" b\", /* ( [ /* ] */ */\n\
             actors: [(id: \"x\", n: [1, (2)]), (id: r#\"y\"]\"#)], tours: [], period: (1, 2),\n\
             events: [(id: \"e\")], eras: [])",
        );
        let whole = field(&text, "events").unwrap();
        for step in [1, 2, 3, 7, 64, text.len()] {
            let mut search = FieldSearch::default();
            let mut end = 0;
            let found = loop {
                end = (end + step).min(text.len());
                match search.find(&text[..end], "events") {
                    Search::More if end < text.len() => {}
                    found => break found,
                }
            };
            assert_eq!(found, Search::At(whole), "a part at a time of {step}");
        }
        let mut search = FieldSearch::default();
        assert_eq!(
            search.find("(title: \"t\", eras: [])", "events"),
            Search::Absent
        );
        assert_eq!(FieldSearch::default().find("[1]", "events"), Search::Absent);
    }

    #[test]
    fn finds_fields_and_list_elements() {
        assert!(at(&[Field("title")]).starts_with("\"A (tricky)"));
        assert!(at(&[Field("period"), Index(1)]).starts_with("2023"));
        assert!(at(&[Field("events"), Index(0), Field("factors"), Index(1)]).starts_with("\"y\""));
        assert!(at(&[Field("events"), Index(1), Field("id")]).starts_with("r#\"b\"#"));
        assert!(at(&[Field("events"), Index(1), Field("quote")]).starts_with("Some('c')"));
    }

    #[test]
    fn a_missing_step_stops_at_the_deepest_ancestor() {
        assert!(at(&[Field("events"), Index(1), Field("month")]).starts_with("(id: r#"));
        assert!(at(&[Field("events"), Index(9)]).starts_with("[\n"));
    }

    /// Every path into `tree`, fields named as map keys are (the two look
    /// the same up), with a step past each end to a place that is missing.
    fn paths(tree: &Tree, here: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
        out.push(here.clone());
        here.push(Index(usize::MAX));
        out.push(here.clone());
        here.pop();
        for (name, _, child) in &tree.fields {
            here.push(Seg::Name(name.clone()));
            out.push(here.clone());
            here.pop();
            here.push(Seg::Key(name.clone()));
            paths(child, here, out);
            here.pop();
        }
        for (i, child) in &tree.items {
            here.push(Index(*i));
            paths(child, here, out);
            here.pop();
        }
    }

    #[test]
    fn a_tree_of_the_paths_wanted_finds_them_where_the_whole_tree_does() {
        let text = crate::case::load::EMBEDDED;
        let whole = Tree::scan(text);
        let mut all = Vec::new();
        paths(&whole, &mut Vec::new(), &mut all);
        assert!(all.len() > 1_000, "{}", all.len());
        // Each on its own …
        for path in all.iter().step_by(7) {
            let pruned = Tree::scan_for(text, &[path]);
            assert_eq!(pruned.offset(path), whole.offset(path), "{path:?}");
        }
        // … and many at once.
        let many: Vec<&[Seg]> = all.iter().step_by(3).map(Vec::as_slice).collect();
        let pruned = Tree::scan_for(text, &many);
        for path in many {
            assert_eq!(pruned.offset(path), whole.offset(path), "{path:?}");
        }
    }

    #[test]
    fn a_tree_of_one_path_records_only_what_it_leads_through() {
        let text = "(a: [(b: 1), (b: 2), (b: 3)], c: {\"k\": (d: 4)})";
        let path = [Field("a"), Index(1), Field("b")];
        let pruned = Tree::scan_for(text, &[&path]);
        assert_eq!(pruned.offset(&path), text.find('2').unwrap());
        let a = &pruned.fields[0].2;
        let wanted: Vec<usize> = a.items.iter().map(|(i, _)| *i).collect();
        assert_eq!(wanted, [1], "only the item on the way is kept");
        assert!(
            pruned.fields[1].2.fields.is_empty(),
            "`c` is not on the way"
        );
    }

    #[test]
    fn finds_map_entries_by_key() {
        let text = "(keys: {\n  \"browse\": { \"x\": \"move_down\" },\n})";
        let tree = Tree::scan(text);
        let at = |path: &[Seg]| &text[tree.offset(path)..];
        let browse = || Seg::Key("browse".into());
        assert!(at(&[Field("keys"), Seg::Name("browse".into())]).starts_with("\"browse\""));
        assert!(at(&[Field("keys"), browse(), Seg::Name("x".into())]).starts_with("\"x\""));
        assert!(at(&[Field("keys"), browse(), Seg::Key("x".into())]).starts_with("\"move_down\""));
    }

    #[test]
    fn finds_a_top_level_field_and_its_elements_without_a_tree() {
        let start = field(TEXT, "events").unwrap();
        let (items, end) = elements(TEXT, start).unwrap();
        assert!(TEXT[start..end].starts_with('[') && TEXT[start..end].ends_with(']'));
        assert_eq!(items.len(), 2);
        assert!(TEXT[items[0].clone()].starts_with("(id: \"a\""));
        assert!(TEXT[items[0].clone()].ends_with(')'));
        assert!(TEXT[items[1].clone()].ends_with("Some('c'))"));
        assert!(TEXT[field(TEXT, "period").unwrap()..].starts_with("(1998, 2023),"));
        assert!(field(TEXT, "nothing").is_none());
        assert!(field("[1, 2]", "events").is_none());
    }

    #[test]
    fn garbage_does_not_hang_or_panic() {
        for text in [
            "",
            "(",
            "[[[",
            "(a: ",
            "\"unterminated",
            "r##\"x",
            "'",
            ")))",
            "/*",
            "(a: [(",
            "(a: [1, (]",
        ] {
            Tree::scan(text).offset(&[Field("a"), Index(3)]);
            if let Some(r) = field(text, "a") {
                let _ = elements(text, r);
            }
        }
    }
}
