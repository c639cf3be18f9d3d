//! The handout as one web page (`export --format html`): the thesis, the
//! picture, the three levels' factors, the events by era with their
//! citations, the guided tours with their teaching notes and the sources.
//!
//! One self-contained file: no script, no font or image fetched from
//! anywhere, the picture inline. It prints well (a print stylesheet keeps
//! items whole and drops the screen's colours) and reads well aloud:
//! headings in order, lists, and the picture described in words.

use std::io::{self, Write};

use super::svg::{self, escape};
use crate::case::index::{Case, Item};
use crate::case::model::{Effect, Level, Sourced, pages_label};

const STYLE: &str = r#"
body { font: 16px/1.5 Georgia, "Times New Roman", serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1, h2, h3, h4 { font-family: Helvetica, Arial, sans-serif; line-height: 1.2; }
figure { margin: 1.5rem 0; }
figure svg { width: 100%; height: auto; border: 1px solid #ddd; }
blockquote { margin: 0.5rem 0 0.5rem 1rem; padding-left: 0.8rem; border-left: 3px solid #aaa; font-style: italic; }
.meta, .note, .cites { color: #555; font-size: 0.9rem; }
.note::before { content: "Editorial note: "; font-weight: bold; }
.teacher::before { content: "Teacher's note: "; font-weight: bold; }
.enabler { color: #2e6b47; } .constraint { color: #a5281b; } .mixed { color: #555; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
  figure svg { border: none; }
  li, blockquote, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .enabler, .constraint, .mixed { color: #000; }
}
"#;

/// Write the page for `case` to `out`.
pub fn write(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    let title = escape(&d.title);
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    )?;
    let (first, last) = d.period;
    writeln!(
        out,
        "<header>\n<h1>{title}</h1>\n<p class=\"meta\">{} · period {first}–{last}</p>\n</header>\n<main>",
        escape(&d.source)
    )?;
    thesis(case, out)?;
    writeln!(out, "<section>\n<h2>The case at a glance</h2>\n<figure>")?;
    svg::picture(case, out)?;
    writeln!(
        out,
        "<figcaption>The events of {first}–{last} by era, each marked by the levels it touches, and the balance of enabling against constraining factors in each era and level.</figcaption>\n</figure>\n</section>"
    )?;
    factors(case, out)?;
    events(case, out)?;
    tours(case, out)?;
    sources(case, out)?;
    writeln!(out, "</main>\n</body>\n</html>")
}

fn thesis(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let Some(t) = &case.data.thesis else {
        return Ok(());
    };
    writeln!(out, "<section>\n<h2>Thesis</h2>")?;
    writeln!(
        out,
        "<blockquote><p>“{}”</p></blockquote>",
        escape(&t.quote)
    )?;
    if let Some(pages) = pages_label(&t.pages) {
        writeln!(out, "<p class=\"meta\">— the paper, {pages}</p>")?;
    }
    writeln!(out, "<p>{}</p>\n</section>", escape(&t.summary))
}

fn factors(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    writeln!(out, "<section>\n<h2>Factors by level</h2>")?;
    for level in Level::ALL {
        writeln!(out, "<h3>{}</h3>\n<ul>", level.name())?;
        for &f in &case.index.level_factors[level.index()] {
            let x = &d.factors[f];
            let (class, sign) = match x.effect {
                Effect::Enabler => ("enabler", "+"),
                Effect::Constraint => ("constraint", "−"),
                Effect::Mixed => ("mixed", "±"),
            };
            write!(
                out,
                "<li id=\"factor-{}\"><strong class=\"{class}\"><span aria-label=\"{}\">{sign}</span> {}</strong> — {}",
                escape(&x.id),
                x.effect.name().to_lowercase(),
                escape(&x.marked_name()),
                escape(&x.summary)
            )?;
            cites(case, &case.index.factor_sources[f], x.pages(), out)?;
            quote(case, x.quote(), x.quote_by(), out)?;
            note(x.note(), out)?;
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")
}

fn events(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    writeln!(out, "<section>\n<h2>Events</h2>")?;
    let background: Vec<usize> = (0..d.events.len())
        .filter(|&e| case.is_background(e))
        .collect();
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    if !background.is_empty() {
        groups.push((format!("Before {}", d.period.0), background));
    }
    for &era in &case.index.eras_by_start {
        let x = &d.eras[era];
        let events = case.index.era_events[era]
            .iter()
            .copied()
            .filter(|&e| !case.is_background(e))
            .collect();
        groups.push((format!("{} ({}–{})", x.name, x.start, x.end), events));
    }
    let loose: Vec<usize> = (0..d.events.len())
        .filter(|&e| !case.is_background(e) && case.index.event_era(e).is_none())
        .collect();
    if !loose.is_empty() {
        groups.push(("Outside any era".into(), loose));
    }
    for (heading, events) in groups {
        writeln!(out, "<h3>{}</h3>\n<ul>", escape(&heading))?;
        for e in events {
            let x = &d.events[e];
            write!(
                out,
                "<li id=\"event-{}\"><strong>{} · {}</strong> — {}",
                escape(&x.id),
                escape(&x.date_label()),
                escape(&x.title),
                escape(&x.summary)
            )?;
            let levels = case.levels(e);
            if !levels.is_empty() {
                write!(
                    out,
                    " <span class=\"meta\">Levels: {}.</span>",
                    levels.names()
                )?;
            }
            cites(case, &case.index.event_sources[e], x.pages(), out)?;
            quote(case, x.quote(), x.quote_by(), out)?;
            note(x.note(), out)?;
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")
}

fn tours(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    if d.tours.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section>\n<h2>Guided tours</h2>")?;
    for tour in &d.tours {
        writeln!(out, "<h3>{}</h3>\n<ol>", escape(&tour.name))?;
        for step in &tour.steps {
            let shown = case
                .target(&step.show)
                .map_or(String::new(), |item| match item {
                    Item::Event(e) => format!("{} {}", d.events[e].date_label(), d.events[e].title),
                    other => case.title(other).to_owned(),
                });
            write!(
                out,
                "<li><strong>{}</strong> — {}",
                escape(&shown),
                escape(&step.text)
            )?;
            if let Some(n) = &step.note {
                write!(out, "<p class=\"teacher\">{}</p>", escape(n))?;
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ol>")?;
    }
    writeln!(out, "</section>")
}

fn sources(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    if d.sources.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section>\n<h2>Sources</h2>\n<ul>")?;
    for s in &d.sources {
        write!(out, "<li>{}", escape(&s.citation))?;
        if !s.variants.is_empty() {
            let variants: Vec<String> = s.variants.iter().map(|v| escape(v)).collect();
            write!(out, " (also spelled {})", variants.join(", "))?;
        }
        note(s.note.as_deref(), out)?;
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul>\n</section>")
}

/// The citations and the paper's pages behind an item.
fn cites(case: &Case, sources: &[usize], pages: &[u16], out: &mut dyn Write) -> io::Result<()> {
    let mut said: Vec<String> = sources
        .iter()
        .map(|&s| escape(&case.data.sources[s].citation))
        .collect();
    if let Some(p) = pages_label(pages) {
        said.push(format!("the paper, {p}"));
    }
    if !said.is_empty() {
        write!(out, " <span class=\"cites\">({})</span>", said.join("; "))?;
    }
    Ok(())
}

fn quote(
    case: &Case,
    quote: Option<&str>,
    by: Option<crate::case::model::Whose>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let Some(q) = quote else {
        return Ok(());
    };
    write!(out, "<blockquote><p>“{}”</p>", escape(q))?;
    if let Some(by) = by {
        write!(out, "<footer>— {}</footer>", escape(&case.quoted_by(by)))?;
    }
    write!(out, "</blockquote>")
}

fn note(note: Option<&str>, out: &mut dyn Write) -> io::Result<()> {
    match note {
        Some(n) => write!(out, "<p class=\"note\">{}</p>", escape(n)),
        None => Ok(()),
    }
}
