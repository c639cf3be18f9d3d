//! The Markdown handout: the case study as a document to print or share —
//! the background, then each era with its events, then the factors by level
//! and effect, then the sources.

use std::io::{self, Write};

use crate::case::index::{Case, Item};
use crate::case::model::{Effect, Event, Level};

/// Write the handout for `case` to `out`.
pub fn write(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let d = &case.data;
    let (first, last) = d.period;
    writeln!(out, "# {}\n", escape(&d.title))?;
    writeln!(out, "{}\n", escape(&d.source))?;
    writeln!(out, "Period: {first}–{last}\n")?;

    let background: Vec<usize> = (0..d.events.len())
        .filter(|&e| case.is_background(e))
        .collect();
    if !background.is_empty() {
        writeln!(out, "## Before {first}\n")?;
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
        .filter(|&e| !case.is_background(e) && case.index.event_era[e].is_none())
        .collect();
    if !loose.is_empty() {
        writeln!(out, "## Outside any era\n")?;
        for e in loose {
            event(case, e, out)?;
        }
    }

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
                let x = &d.factors[f];
                write!(
                    out,
                    "- {} **{}** — {}",
                    effect.symbol(),
                    escape(&x.name),
                    paragraph(&x.summary)
                )?;
                let cites = citations(case, &case.index.factor_sources[f]);
                if !cites.is_empty() {
                    write!(out, " ({cites})")?;
                }
                writeln!(out)?;
                if let Some(q) = &x.quote {
                    writeln!(out, "  > “{}”", paragraph(q))?;
                }
                if let Some(n) = &x.note {
                    writeln!(out, "  *Editorial note:* {}", paragraph(n))?;
                }
                let events: Vec<String> = case.index.factor_events[f]
                    .iter()
                    .map(|&e| dated(&d.events[e]))
                    .collect();
                if !events.is_empty() {
                    writeln!(out, "  Events: {}", events.join("; "))?;
                }
            }
            writeln!(out)?;
        }
    }

    // The tours are the case told as an argument, step by step: a handout
    // keeps their teaching notes.
    if !d.tours.is_empty() {
        writeln!(
            out,
            "## Guided tours
"
        )?;
        for tour in &d.tours {
            writeln!(
                out,
                "### {}
",
                escape(&tour.name)
            )?;
            for (i, step) in tour.steps.iter().enumerate() {
                let shown = match case.target(&step.show) {
                    Some(Item::Event(e)) => dated(&d.events[e]),
                    Some(item) => escape(case.title(item)),
                    None => "?".to_owned(),
                };
                writeln!(out, "{}. **{shown}** — {}", i + 1, paragraph(&step.note))?;
            }
            writeln!(out)?;
        }
    }

    if !d.sources.is_empty() {
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
    if !x.themes.is_empty() {
        facts.push(format!("Themes: {}", escape(&x.themes.join(", "))));
    }
    let cites = citations(case, &case.index.event_sources[e]);
    if !cites.is_empty() {
        facts.push(format!("Sources: {cites}"));
    }
    if !facts.is_empty() {
        writeln!(out, "*{}*\n", facts.join(" · "))?;
    }
    writeln!(out, "{}\n", paragraph(&x.summary))?;
    if let Some(q) = &x.quote {
        writeln!(out, "> “{}”\n", paragraph(q))?;
    }
    if let Some(n) = &x.note {
        writeln!(out, "*Editorial note:* {}\n", paragraph(n))?;
    }
    let factors: Vec<String> = case.index.event_factors[e]
        .iter()
        .map(|&f| {
            let f = &case.data.factors[f];
            format!(
                "{} {} ({})",
                f.effect.symbol(),
                escape(&f.name),
                f.level.name().to_lowercase()
            )
        })
        .collect();
    if !factors.is_empty() {
        writeln!(out, "Factors: {}\n", factors.join("; "))?;
    }
    Ok(())
}

fn citations(case: &Case, sources: &[usize]) -> String {
    let cites: Vec<String> = sources
        .iter()
        .map(|&s| escape(&case.data.sources[s].citation))
        .collect();
    cites.join("; ")
}

/// Long text on one Markdown line per paragraph break kept.
/// An event as a handout names it in passing: "Oct 1999 Musharraf ousts Sharif".
fn dated(x: &Event) -> String {
    format!("{} {}", x.date_label(), escape(&x.title))
}

fn paragraph(text: &str) -> String {
    escape(text.trim()).replace('\n', " ")
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
