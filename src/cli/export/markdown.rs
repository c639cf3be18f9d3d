//! The Markdown handout: the case study as a document to print or share —
//! what it argues, the background, each era with its events, the factors by
//! level and effect, the guided tours with their teaching notes, and the
//! sources.
//!
//! It is written for CommonMark renderers: each factor is one list item
//! whose sign is escaped (a bare `+` would start a nested list), and the
//! parts of an item after its first line (a quote, a note, its events) are
//! separate paragraphs indented into the item, so a quote holds only the
//! quoted words and nothing runs on into it.

use std::io::{self, Write};

use crate::case::index::{Case, Item};
use crate::case::model::{Effect, Event, Level, Sourced, pages_label};

/// Write the handout for `case` to `out`.
pub fn write(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    header(case, out)?;
    events(case, out)?;
    factors(case, out)?;
    tours(case, out)?;
    sources(case, out)
}

/// The title, the work, the period and the thesis.
fn header(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    let (first, last) = d.period;
    writeln!(out, "# {}\n", escape(&d.title))?;
    writeln!(out, "{}\n", escape(&d.source))?;
    writeln!(out, "Period: {first}–{last}\n")?;
    if let Some(thesis) = &d.thesis {
        writeln!(out, "## Thesis\n")?;
        writeln!(out, "> “{}”\n", paragraph(&thesis.quote))?;
        if let Some(pages) = pages_label(&thesis.pages) {
            writeln!(out, "— the paper, {pages}\n")?;
        }
        writeln!(out, "{}\n", paragraph(&thesis.summary))?;
    }
    writeln!(
        out,
        "*A date marked ≈ is the common record's, not the paper's; a factor marked ≈ has a level the paper implies rather than states.*\n"
    )
}

/// The background, each era with its events, then those outside any era.
fn events(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    let background: Vec<usize> = (0..d.events.len())
        .filter(|&e| case.is_background(e))
        .collect();
    if !background.is_empty() {
        writeln!(out, "## Before {}\n", d.period.0)?;
        for e in background {
            event(case, e, out)?;
        }
    }
    for &era in &case.index.eras_by_start {
        let x = &d.eras[era];
        writeln!(out, "## {} ({}–{})\n", escape(&x.name), x.start, x.end)?;
        if !x.summary.is_empty() {
            writeln!(out, "{}\n", paragraph(&x.summary))?;
        }
        for &e in &case.index.era_events[era] {
            if !case.is_background(e) {
                event(case, e, out)?;
            }
        }
    }
    let loose: Vec<usize> = (0..d.events.len())
        .filter(|&e| !case.is_background(e) && case.index.event_era(e).is_none())
        .collect();
    if !loose.is_empty() {
        writeln!(out, "## Outside any era\n")?;
        for e in loose {
            event(case, e, out)?;
        }
    }
    Ok(())
}

fn event(case: &Case, e: usize, out: &mut dyn Write) -> io::Result<()> {
    let x: &Event = &case.data.events[e];
    writeln!(out, "### {} · {}\n", x.date_label(), escape(&x.title))?;
    let mut facts = Vec::new();
    let levels = case.levels(e);
    if !levels.is_empty() {
        facts.push(format!("Levels: {}", levels.names()));
    }
    if !x.themes().is_empty() {
        facts.push(format!("Themes: {}", escape(&x.themes().join(", "))));
    }
    let cites = citations(case, &case.index.event_sources[e]);
    if !cites.is_empty() {
        facts.push(format!("Sources: {cites}"));
    }
    if let Some(pages) = pages_label(x.pages()) {
        facts.push(format!("The paper, {pages}"));
    }
    if !facts.is_empty() {
        writeln!(out, "*{}*\n", facts.join(" · "))?;
    }
    writeln!(out, "{}\n", paragraph(&x.summary))?;
    quote(case, x.quote(), x.quote_by(), "", out)?;
    if let Some(n) = x.note() {
        writeln!(out, "*Editorial note:* {}\n", paragraph(n))?;
    }
    let factors = &case.index.event_factors[e];
    if !factors.is_empty() {
        writeln!(out, "Factors:\n")?;
        for &f in factors {
            let factor = &case.data.factors[f];
            write!(
                out,
                "- {} {} ({})",
                sign(factor.effect),
                escape(&factor.marked_name()),
                factor.level.name().to_lowercase()
            )?;
            if let Some(link) = case.link(e, f) {
                let page = link.page.map(|p| format!("p. {p}: ")).unwrap_or_default();
                if let Some(why) = link.why {
                    write!(out, " — {page}{}", paragraph(why))?;
                }
            }
            writeln!(out)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The factors, by level and then by effect, each a list item with its
/// quote, note and events as paragraphs of its own.
fn factors(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    writeln!(out, "## Factors\n")?;
    for level in Level::ALL {
        writeln!(out, "### {}\n", level.name())?;
        for effect in Effect::ALL {
            let factors: Vec<usize> = case.index.level_factors[level.index()]
                .iter()
                .copied()
                .filter(|&f| d.factors[f].effect == effect)
                .collect();
            if factors.is_empty() {
                continue;
            }
            let heading = match effect {
                Effect::Enabler => "Enablers",
                Effect::Constraint => "Constraints",
                Effect::Mixed => "Mixed",
            };
            writeln!(out, "#### {heading}\n")?;
            for f in factors {
                factor(case, f, out)?;
            }
        }
    }
    Ok(())
}

fn factor(case: &Case, f: usize, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    let x = &d.factors[f];
    write!(
        out,
        "- {} **{}** — {}",
        sign(x.effect),
        escape(&x.marked_name()),
        paragraph(&x.summary)
    )?;
    let cites = citations(case, &case.index.factor_sources[f]);
    if !cites.is_empty() {
        write!(out, " ({cites})")?;
    }
    if let Some(pages) = pages_label(x.pages()) {
        write!(out, " *The paper, {pages}.*")?;
    }
    writeln!(out, "\n")?;
    // The rest of the item: indented under it, each a paragraph apart.
    const IN: &str = "  ";
    quote(case, x.quote(), x.quote_by(), IN, out)?;
    if let Some(n) = x.note() {
        writeln!(out, "{IN}*Editorial note:* {}\n", paragraph(n))?;
    }
    let events: Vec<String> = case.index.factor_events[f]
        .iter()
        .map(|&e| dated(&d.events[e]))
        .collect();
    if !events.is_empty() {
        writeln!(out, "{IN}Events: {}\n", events.join("; "))?;
    }
    Ok(())
}

/// A quote as a block holding only the quoted words, then whose they are.
fn quote(
    case: &Case,
    quote: Option<&str>,
    by: Option<crate::case::model::Whose>,
    indent: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let Some(q) = quote else {
        return Ok(());
    };
    writeln!(out, "{indent}> “{}”\n", paragraph(q))?;
    if let Some(by) = by {
        writeln!(out, "{indent}— {}\n", escape(&case.quoted_by(by)))?;
    }
    Ok(())
}

/// The tours are the case told as an argument, step by step: a handout
/// keeps what the class sees and the teacher's notes, marked as such.
fn tours(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    if d.tours.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Guided tours\n")?;
    for tour in &d.tours {
        writeln!(out, "### {}\n", escape(&tour.name))?;
        for (i, step) in tour.steps.iter().enumerate() {
            let shown = match case.target(&step.show) {
                Some(Item::Event(e)) => dated(&d.events[e]),
                Some(item) => escape(case.title(item)),
                None => "?".to_owned(),
            };
            writeln!(out, "{}. **{shown}** — {}\n", i + 1, paragraph(&step.text))?;
            if let Some(note) = &step.note {
                writeln!(out, "   *Teacher's note:* {}\n", paragraph(note))?;
            }
        }
    }
    Ok(())
}

fn sources(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    if d.sources.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Sources\n")?;
    for s in &d.sources {
        write!(out, "- {}", escape(&s.citation))?;
        if !s.variants.is_empty() {
            let variants: Vec<String> = s.variants.iter().map(|v| escape(v)).collect();
            write!(out, " (also spelled {})", variants.join(", "))?;
        }
        if let Some(n) = &s.note {
            write!(out, " *Editorial note:* {}", paragraph(n))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A factor's sign, escaped where Markdown would read it as markup.
fn sign(effect: Effect) -> &'static str {
    match effect {
        Effect::Enabler => "\\+",
        Effect::Constraint => "−",
        Effect::Mixed => "±",
    }
}

fn citations(case: &Case, sources: &[usize]) -> String {
    let cites: Vec<String> = sources
        .iter()
        .map(|&s| escape(&case.data.sources[s].citation))
        .collect();
    cites.join("; ")
}

/// An event as a handout names it in passing: "Oct 1999 Musharraf ousts Sharif".
fn dated(x: &Event) -> String {
    format!("{} {}", x.date_label(), escape(&x.title))
}

/// Long text on one Markdown line, its line breaks as spaces; a start that
/// Markdown would read as a list item or a heading's underline is escaped.
fn paragraph(text: &str) -> String {
    let line = escape(text.trim()).replace('\n', " ");
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'));
    if line.starts_with(['+', '-', '=']) {
        format!("\\{line}")
    } else if numbered {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line
    }
}

/// Keep dataset text from being read as Markdown markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
