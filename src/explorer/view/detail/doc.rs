//! The detail document of whatever is selected: its date or level, summary,
//! quote, editorial note, actors, citations and the linked items.
//!
//! The document is laid out for a given width here, once, so that the app
//! (scrolling, following links, mouse clicks) and the renderer agree on
//! which row holds which link.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::case::index::{Case, Item};
use crate::case::model::{DatedBy, LevelBy, LinkRef, Sourced, Whose, pages_label};
use crate::config::theme::Theme;
use crate::explorer::view::text::{fit, wrap};

/// The mark before a link in the detail (Enter follows it): its own, apart
/// from the `→` that ends a span of years.
pub const LINK_MARK: &str = "↪ ";

/// A laid-out detail: one entry per screen row.
#[derive(Debug, Default)]
pub struct Doc {
    /// The rows, each at most the document's width.
    pub lines: Vec<Line<'static>>,
    /// The rows that are links, in order, and where they lead.
    pub links: Vec<(usize, Item)>,
}

struct Builder<'a> {
    doc: Doc,
    width: usize,
    theme: &'a Theme,
}

impl Builder<'_> {
    fn blank(&mut self) {
        if self.doc.lines.last().is_some_and(|l| l.width() > 0) {
            self.doc.lines.push(Line::default());
        }
    }

    fn line(&mut self, spans: Vec<Span<'static>>) {
        self.doc.lines.push(Line::from(spans));
    }

    /// A paragraph wrapped to the width, after an optional label that
    /// hangs to its left.
    fn para(&mut self, label: &str, text: &str, style: Style) {
        if text.trim().is_empty() {
            return;
        }
        let indent = if label.is_empty() {
            0
        } else {
            label.chars().count() + 1
        };
        let room = self.width.saturating_sub(indent).max(8);
        for (i, piece) in wrap(text.trim(), room).into_iter().enumerate() {
            let lead = if i == 0 && indent > 0 {
                Span::styled(format!("{label} "), self.theme.heading)
            } else {
                Span::raw(" ".repeat(indent))
            };
            self.line(vec![lead, Span::styled(piece, style)]);
        }
    }

    fn heading(&mut self, text: &str) {
        self.blank();
        let style = self.theme.heading;
        self.line(vec![Span::styled(fit(text, self.width), style)]);
    }

    fn link(&mut self, item: Item, spans: Vec<Span<'static>>) {
        let row = self.doc.lines.len();
        let mut all = vec![Span::styled(LINK_MARK, self.theme.faded)];
        all.extend(spans);
        let line = fit_line(all, self.width);
        self.doc.lines.push(line);
        self.doc.links.push((row, item));
    }
}

/// Cut a line of spans to `width` cells, ending in `…` when cut.
fn fit_line(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let mut used = 0;
    let mut out = Vec::new();
    for span in spans {
        let w = span.width();
        if used + w <= width {
            used += w;
            out.push(span);
        } else {
            let rest = width.saturating_sub(used);
            out.push(Span::styled(fit(&span.content, rest), span.style));
            break;
        }
    }
    Line::from(out)
}

/// A tour step's text shown above the document.
#[derive(Debug, Clone, Copy)]
pub struct Note<'a> {
    /// "Tour name · step 3 of 18".
    pub title: &'a str,
    /// What the class sees.
    pub text: &'a str,
    /// The teacher's note, labelled as such.
    pub teacher: Option<&'a str>,
}

/// The document for `item` (or, for `None`, the folded background) laid
/// out `width` cells wide, after `note` when there is one.
pub fn document(
    case: &Case,
    item: Option<Item>,
    width: usize,
    theme: &Theme,
    note: Option<Note>,
) -> Doc {
    let mut b = Builder {
        doc: Doc::default(),
        width: width.max(1),
        theme,
    };
    if let Some(note) = note {
        b.para("", note.title, theme.heading.patch(theme.lit));
        b.para("", note.text, theme.text.patch(theme.lit));
        if let Some(teacher) = note.teacher {
            b.para("Teacher's note:", teacher, theme.note);
        }
        let rule = "─".repeat(b.width);
        b.line(vec![Span::styled(rule, theme.border)]);
    }
    match item {
        None => background(case, &mut b),
        Some(Item::Event(e)) => event(case, e, &mut b),
        Some(Item::Factor(f)) => factor(case, f, &mut b),
        Some(Item::Actor(a)) => actor(case, a, &mut b),
        Some(Item::Era(x)) => era(case, x, &mut b),
        Some(Item::Source(s)) => source(case, s, &mut b),
    }
    b.doc
}

fn background(case: &Case, b: &mut Builder) {
    let d = &case.data;
    let n = case.background_count();
    if d.events.is_empty() {
        b.para("", "This dataset has no events.", b.theme.faded);
        return;
    }
    b.para("", &format!("Before {}", d.period.0), b.theme.heading);
    b.para(
        "",
        &format!(
            "{n} background event{} before the period the analysis covers: the history the case starts from. Enter folds and unfolds them.",
            if n == 1 { "" } else { "s" }
        ),
        b.theme.text,
    );
}

fn event(case: &Case, e: usize, b: &mut Builder) {
    let d = &case.data;
    let x = &d.events[e];
    let t = b.theme;
    b.para("", &format!("{} · {}", x.date_label(), x.title), t.heading);
    // Where it falls, its levels, its themes: each a group kept whole on
    // one line, the groups running on to the next line when narrow.
    let mut facts: Vec<Vec<Span<'static>>> = Vec::new();
    if case.is_background(e) {
        let text = format!("background, before {}", d.period.0);
        facts.push(vec![Span::styled(text, t.faded)]);
    } else if let Some(era) = case.index.event_era(e) {
        facts.push(vec![Span::styled(d.eras[era].name.clone(), t.era)]);
    } else if x.year > d.period.1 {
        let text = format!("after the period, {}–{}", d.period.0, d.period.1);
        facts.push(vec![Span::styled(text, t.faded)]);
    } else if !d.eras.is_empty() {
        facts.push(vec![Span::styled("in no era", t.faded)]);
    }
    let levels = case.levels(e);
    if !levels.is_empty() {
        let mut group = vec![Span::styled("levels ", t.faded)];
        for (i, l) in levels.iter().enumerate() {
            if i > 0 {
                group.push(Span::raw(", "));
            }
            group.push(Span::styled(l.name().to_lowercase(), t.level(l)));
        }
        facts.push(group);
    }
    if !x.themes().is_empty() {
        facts.push(vec![
            Span::styled("themes ", t.faded),
            Span::raw(x.themes().join(", ")),
        ]);
    }
    let mut line: Vec<Span<'static>> = Vec::new();
    for group in facts {
        let used: usize = line.iter().map(Span::width).sum();
        let wanted: usize = group.iter().map(Span::width).sum();
        if wanted > b.width {
            // Too long for any line (many themes, a narrow panel): wrapped
            // as plain text rather than cut.
            if !line.is_empty() {
                b.doc
                    .lines
                    .push(fit_line(std::mem::take(&mut line), b.width));
            }
            let text: String = group.iter().map(|s| s.content.as_ref()).collect();
            for piece in wrap(&text, b.width) {
                b.doc.lines.push(Line::styled(piece, t.text));
            }
            continue;
        }
        if !line.is_empty() && used + 3 + wanted > b.width {
            b.doc
                .lines
                .push(fit_line(std::mem::take(&mut line), b.width));
        } else if !line.is_empty() {
            line.push(Span::raw(" · "));
        }
        line.extend(group);
    }
    b.doc.lines.push(fit_line(line, b.width));
    let dated = (x.dated_by == DatedBy::CommonRecord)
        .then_some("≈ dated by the common record, not the paper");
    body(
        case,
        b,
        Body {
            pages: x.pages(),
            caveat: dated,
            summary: &x.summary,
            quote: (x.quote(), x.quote_by()),
            note: x.note(),
            actors: &case.index.event_actors[e],
            sources: &case.index.event_sources[e],
        },
    );
    let factors = &case.index.event_factors[e];
    if !factors.is_empty() {
        b.heading(&format!("Factors ({})", factors.len()));
        for &f in factors {
            b.link(Item::Factor(f), factor_spans(case, f, t));
            why(b, case.link(e, f));
        }
    }
}

/// What an event's and a factor's detail share below their heading.
struct Body<'a> {
    pages: &'a [u16],
    /// What the work does not itself say here (a date, a level).
    caveat: Option<&'a str>,
    summary: &'a str,
    quote: (Option<&'a str>, Option<Whose<'a>>),
    note: Option<&'a str>,
    actors: &'a [usize],
    sources: &'a [usize],
}

/// The shared body: where in the work it comes from, the summary, the
/// quote and note, the people and the sources.
fn body(case: &Case, b: &mut Builder, x: Body) {
    provenance(b, x.pages, x.caveat);
    b.blank();
    b.para("", x.summary, b.theme.text);
    quote_and_note(case, b, x.quote, x.note);
    people_and_sources(case, b, x.actors, x.sources);
}

/// Where in the work the item comes from: its pages, and a word on what
/// the work does not itself say (a date, a level).
fn provenance(b: &mut Builder, pages: &[u16], caveat: Option<&str>) {
    let mut parts: Vec<String> = Vec::new();
    if let Some(pages) = pages_label(pages) {
        parts.push(format!("the paper, {pages}"));
    }
    parts.extend(caveat.map(str::to_owned));
    if !parts.is_empty() {
        b.para("", &parts.join(" · "), b.theme.faded);
    }
}

/// Under a link, what in the work makes it, with its page.
fn why(b: &mut Builder, link: Option<LinkRef>) {
    let Some(link) = link else { return };
    let page = link.page.map(|p| format!("p. {p}: ")).unwrap_or_default();
    if let Some(why) = link.why {
        b.para("  ", &format!("{page}{why}"), b.theme.faded);
    }
}

fn factor_spans(case: &Case, f: usize, t: &Theme) -> Vec<Span<'static>> {
    let x = &case.data.factors[f];
    vec![
        Span::styled(format!("{} ", x.effect.symbol()), t.effect(x.effect)),
        Span::styled(x.marked_name(), t.text),
        Span::styled(
            format!("  {}", x.level.name().to_lowercase()),
            t.level(x.level),
        ),
    ]
}

fn event_spans(case: &Case, e: usize, t: &Theme) -> Vec<Span<'static>> {
    let x = &case.data.events[e];
    vec![
        Span::styled(format!("{} ", x.date_label()), t.year),
        Span::styled(x.title.clone(), t.text),
    ]
}

/// The quote, with whose words it is, and the editorial note.
fn quote_and_note(
    case: &Case,
    b: &mut Builder,
    (quote, by): (Option<&str>, Option<Whose>),
    note: Option<&str>,
) {
    if let Some(q) = quote {
        b.blank();
        b.para("", &format!("“{}”", q.trim()), b.theme.quote);
        if let Some(by) = by {
            b.para("", &format!("— {}", case.quoted_by(by)), b.theme.faded);
        }
    }
    if let Some(n) = note {
        b.blank();
        b.para("Editorial note:", n, b.theme.note);
    }
}

fn people_and_sources(case: &Case, b: &mut Builder, actors: &[usize], sources: &[usize]) {
    let d = &case.data;
    if actors.is_empty() && sources.is_empty() {
        return;
    }
    b.blank();
    let names: Vec<String> = actors
        .iter()
        .map(|&a| {
            let a = &d.actors[a];
            format!("{} ({}, {})", a.name, a.country, a.role)
        })
        .collect();
    b.para("Actors: ", &names.join("; "), b.theme.text);
    let cites: Vec<&str> = sources
        .iter()
        .map(|&s| d.sources[s].citation.as_str())
        .collect();
    b.para("Sources:", &cites.join("; "), b.theme.text);
}

fn factor(case: &Case, f: usize, b: &mut Builder) {
    let x = &case.data.factors[f];
    let t = b.theme;
    let head = vec![
        Span::styled(format!("{} ", x.effect.symbol()), t.effect(x.effect)),
        Span::styled(x.name.clone(), t.heading),
    ];
    let line = fit_line(head, b.width);
    b.doc.lines.push(line);
    let facts = vec![
        Span::styled(format!("{} level", x.level.name()), t.level(x.level)),
        Span::raw(" · "),
        Span::styled(x.effect.name(), t.effect(x.effect)),
    ];
    b.doc.lines.push(fit_line(facts, b.width));
    let implied = (x.level_by == LevelBy::Implied)
        .then_some("≈ level implied: the paper does not name it here");
    body(
        case,
        b,
        Body {
            pages: x.pages(),
            caveat: implied,
            summary: &x.summary,
            quote: (x.quote(), x.quote_by()),
            note: x.note(),
            actors: &case.index.factor_actors[f],
            sources: &case.index.factor_sources[f],
        },
    );
    let events = &case.index.factor_events[f];
    if !events.is_empty() {
        b.heading(&format!("Events ({})", events.len()));
        for &e in events {
            b.link(Item::Event(e), event_spans(case, e, t));
            why(b, case.link(e, f));
        }
    }
}

fn events_list(case: &Case, b: &mut Builder, events: &[usize]) {
    if events.is_empty() {
        return;
    }
    b.heading(&format!("Events ({})", events.len()));
    for &e in events {
        let spans = event_spans(case, e, b.theme);
        b.link(Item::Event(e), spans);
    }
}

fn factors_list(case: &Case, b: &mut Builder, factors: &[usize]) {
    if factors.is_empty() {
        return;
    }
    b.heading(&format!("Factors ({})", factors.len()));
    for &f in factors {
        let spans = factor_spans(case, f, b.theme);
        b.link(Item::Factor(f), spans);
    }
}

fn actor(case: &Case, a: usize, b: &mut Builder) {
    let x = &case.data.actors[a];
    b.para("", &x.name, b.theme.heading);
    b.para("", &format!("{} · {}", x.country, x.role), b.theme.faded);
    quote_and_note(case, b, (None, None), x.note.as_deref());
    events_list(case, b, &case.index.actor_events[a]);
    factors_list(case, b, &case.index.actor_factors[a]);
}

fn era(case: &Case, era: usize, b: &mut Builder) {
    let x = &case.data.eras[era];
    b.para(
        "",
        &format!("{} · {}–{}", x.name, x.start, x.end),
        b.theme.heading,
    );
    b.blank();
    b.para("", &x.summary, b.theme.text);
    events_list(case, b, &case.index.era_events[era]);
}

fn source(case: &Case, s: usize, b: &mut Builder) {
    let x = &case.data.sources[s];
    b.para("", &x.citation, b.theme.heading);
    if !x.variants.is_empty() {
        b.para("Also spelled:", &x.variants.join("; "), b.theme.faded);
    }
    quote_and_note(case, b, (None, None), x.note.as_deref());
    events_list(case, b, &case.index.source_events[s]);
    factors_list(case, b, &case.index.source_factors[s]);
}
