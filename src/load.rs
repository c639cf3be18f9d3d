//! From a file to a dataset the program can trust:
//! read → decode → parse → sanitize → validate → order.
//!
//! Whatever goes wrong comes back as [`Diagnostic`]s with the file, line and
//! column, never as a panic. On success the events are in chronological
//! order and every string is inert (see [`crate::sanitize`]).

pub(crate) mod locate;
mod read;
mod validate;

use std::fmt;
use std::path::Path;

use ron::extensions::Extensions;

use crate::diagnostic::{Diagnostic, Lines, Severity};
use crate::model::{Dataset, Target};
use crate::sanitize;

pub use read::MAX_BYTES;
pub use validate::YEARS;

/// The shipped case study, built into the binary.
pub const EMBEDDED: &str = include_str!("../assets/pakistan-russia.ron");

/// The name the embedded dataset goes by in messages.
pub const EMBEDDED_NAME: &str = "pakistan-russia.ron (embedded)";

/// How deeply values may nest. The schema needs six levels; the limit keeps
/// a hostile file from exhausting the stack.
pub const MAX_NESTING: usize = 32;

/// A dataset that passed every check, with the warnings it raised.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The dataset, events in chronological order, strings sanitized.
    pub dataset: Dataset,
    /// Problems that do not stop the dataset from being used.
    pub warnings: Vec<Diagnostic>,
}

/// Why a dataset could not be loaded: every error found, then the warnings.
#[derive(Debug, Clone, thiserror::Error)]
pub struct LoadError {
    /// Errors first (in file order), then warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl From<Diagnostic> for LoadError {
    fn from(d: Diagnostic) -> LoadError {
        LoadError {
            diagnostics: vec![d],
        }
    }
}

/// Load the dataset at `path` (`-` for standard input).
pub fn from_path(path: &Path) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let bytes = read::bytes(path, &name)?;
    let text = read::text(bytes, &name)?;
    from_str(&name, &text)
}

/// Load the embedded case study.
pub fn embedded() -> Result<Loaded, LoadError> {
    from_str(EMBEDDED_NAME, EMBEDDED)
}

/// Load a dataset from its text; `name` is what messages call the file.
pub fn from_str(name: &str, text: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING);
    let mut dataset: Dataset = options
        .from_str(text)
        .map_err(|e| syntax_error(name, text, &e))?;
    sanitize_dataset(&mut dataset);

    let problems = validate::validate(&dataset);
    let mut diagnostics = Vec::new();
    if !problems.is_empty() {
        let tree = locate::Tree::scan(text);
        let lines = Lines::new(text);
        for p in problems {
            let mut message = p.message;
            if let Some(first) = p.first {
                let at = lines.pos(tree.offset(&first));
                message.push_str(&format!(" (first at line {}, column {})", at.line, at.col));
            }
            diagnostics.push(lines.diagnostic(p.severity, name, tree.offset(&p.path), message));
        }
        diagnostics.sort_by_key(|d| (d.severity, d.pos));
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(LoadError { diagnostics });
    }
    // A stable sort keeps the file's order within a year (and a month).
    dataset.events.sort_by_key(|e| e.chronology());
    Ok(Loaded {
        dataset,
        warnings: diagnostics,
    })
}

/// A RON parse error as a diagnostic pointing at the offending value.
pub(crate) fn syntax_error(name: &str, text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    let message = match &e.code {
        ron::Error::ExceededRecursionLimit => {
            format!("values nest more than {MAX_NESTING} levels deep; the schema needs far fewer")
        }
        ron::Error::Eof => "the file ends before the dataset is complete".to_owned(),
        code => {
            let mut m = code.to_string();
            // ron capitalises its messages; ours read as one sentence.
            if let Some(first) = m.get(..1) {
                m.replace_range(..1, &first.to_lowercase());
            }
            m
        }
    };
    let lines = Lines::new(text);
    let mut pos = crate::diagnostic::Pos {
        line: e.span.start.line.max(1),
        col: e.span.start.col.max(1),
    };
    // ron reports a bad value from just after the `:` before it; point at
    // the value itself.
    let line = lines.line(pos.line);
    let blanks = line
        .chars()
        .skip(pos.col - 1)
        .take_while(|c| c.is_whitespace())
        .count();
    if pos.col - 1 + blanks < line.chars().count() {
        pos.col += blanks;
    }
    Diagnostic::at(Severity::Error, name, line, pos, message)
}

/// Make every string of the dataset inert. Names, ids and tags stay on one
/// line; summaries, quotes and notes keep their line breaks.
fn sanitize_dataset(d: &mut Dataset) {
    let line = |s: &mut String| sanitize::in_place(s, false);
    let text = |s: &mut String| sanitize::in_place(s, true);
    let lines = |v: &mut Vec<String>| v.iter_mut().for_each(line);
    let opt_text = |o: &mut Option<String>| o.iter_mut().for_each(text);
    line(&mut d.title);
    line(&mut d.source);
    for e in &mut d.eras {
        line(&mut e.id);
        line(&mut e.name);
        text(&mut e.summary);
    }
    for a in &mut d.actors {
        [&mut a.id, &mut a.name, &mut a.country, &mut a.role]
            .into_iter()
            .for_each(line);
    }
    for s in &mut d.sources {
        line(&mut s.id);
        line(&mut s.citation);
        lines(&mut s.variants);
    }
    for f in &mut d.factors {
        line(&mut f.id);
        line(&mut f.name);
        text(&mut f.summary);
        lines(&mut f.actors);
        lines(&mut f.sources);
        opt_text(&mut f.quote);
        opt_text(&mut f.note);
    }
    for e in &mut d.events {
        line(&mut e.id);
        line(&mut e.title);
        text(&mut e.summary);
        for v in [&mut e.factors, &mut e.actors, &mut e.themes, &mut e.sources] {
            lines(v);
        }
        opt_text(&mut e.quote);
        opt_text(&mut e.note);
    }
    for t in &mut d.tours {
        line(&mut t.id);
        line(&mut t.name);
        for s in &mut t.steps {
            text(&mut s.note);
            match &mut s.show {
                Target::Event(id) | Target::Factor(id) => line(id),
            }
        }
    }
}
