//! Presentation mode: the shown item as a slide — the year in large digits,
//! the title, the levels, the summary and the linked items, wrapped for
//! reading at a distance — with the tour's note when a tour is running.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::big;
use crate::case::index::Item;
use crate::explorer::app::App;
use crate::explorer::view::text::wrap;

/// The widest a slide's text runs, in cells: longer lines are hard to
/// follow from the back of a room.
const MEASURE: u16 = 100;

/// A slide composed for a width, before it is placed on the screen.
#[derive(Default)]
struct Slide {
    lines: Vec<Line<'static>>,
    /// Which of `lines` is the link under the cursor, to keep it in view.
    cursor_line: Option<usize>,
    /// The year in large digits, when there is room: where it goes among
    /// the lines, the year, and the date's words the digits leave out.
    big_year: Option<(usize, String, String)>,
    /// Where the text a slide must show ends (the links after it can be
    /// walked to), to decide whether the large digits leave room for it.
    essential: usize,
}

/// Draw the slide over the whole of `area`; the rows that did not fit.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> usize {
    buf.set_style(area, app.theme.text);
    let Some(body) = body(area) else {
        return 0;
    };
    let slide = compose(app, usize::from(body.width));
    paint(app, slide, body, buf)
}

/// Where the text goes: generous margins, but the text kept when the
/// terminal is small; on a wide screen a readable measure, centred.
fn body(area: Rect) -> Option<Rect> {
    let margin_x = if area.width >= 100 {
        (area.width / 10).max(area.width.saturating_sub(MEASURE) / 2)
    } else {
        2.min(area.width / 8)
    };
    let margin_y = u16::from(area.height >= 20);
    let body = Rect {
        x: area.x + margin_x,
        y: area.y + margin_y,
        width: area.width.saturating_sub(2 * margin_x),
        height: area.height.saturating_sub(2 * margin_y),
    };
    (body.width >= 10 && body.height >= 3).then_some(body)
}

/// The slide's lines for the shown item, `width` cells wide.
fn compose(app: &App, width: usize) -> Slide {
    let mut slide = Slide::default();
    tour_note(app, width, &mut slide.lines);
    let case = &app.case;
    match app.shown() {
        Some(Item::Event(e)) => event(app, e, width, &mut slide),
        Some(Item::Factor(f)) => factor(app, f, width, &mut slide),
        Some(item) => document(app, item, width, &mut slide),
        None if case.data.events.is_empty() => para(
            &mut slide.lines,
            "This dataset has no events.",
            width,
            app.theme.faded,
        ),
        None => para(
            &mut slide.lines,
            &format!("Before {}: the background of the case.", case.data.period.0),
            width,
            app.theme.heading,
        ),
    }
    slide
}

/// The tour step's text comes first: it is what the class is told. The
/// teacher's note stays off the slide.
fn tour_note(app: &App, width: usize, lines: &mut Vec<Line<'static>>) {
    let t = &app.theme;
    let Some(step) = app.tour_note() else {
        return;
    };
    let title = step.title;
    // "Tour name · step 3 of 18": the step count kept whole on a line of
    // its own when the name leaves it no room.
    let style = t.heading.patch(t.faded);
    match title.rsplit_once(" · ") {
        Some((name, step)) if crate::explorer::view::text::width(&title) > width => {
            para(lines, name, width, style);
            para(lines, step, width, style);
        }
        _ => para(lines, &title, width, style),
    }
    para(lines, step.text, width, t.text.patch(t.lit));
    lines.push(Line::default());
}

/// An event: its date (to become large digits), title, levels, text, and
/// its factors as links.
fn event(app: &App, e: usize, width: usize, slide: &mut Slide) {
    let t = &app.theme;
    let case = &app.case;
    let event = &case.data.events[e];
    let lines = &mut slide.lines;
    let mut year = event.year.to_string();
    if let Some(until) = event.until.filter(|&u| u != event.year) {
        year = format!("{year}–{until}");
    }
    // The plain date stands in for the large digits until they are known
    // to fit; what the digits leave out ("c.", "Oct") stays.
    let mut rest = event.date_label();
    rest.retain(|c| !c.is_ascii_digit() && c != '–' && c != '→');
    slide.big_year = Some((lines.len(), year, rest.trim().to_owned()));
    lines.push(Line::styled(event.date_label(), t.heading.patch(t.year)));
    para(lines, &event.title, width, t.heading);
    let mut levels = vec![Span::styled("levels  ", t.faded)];
    for l in case.levels(e).iter() {
        levels.push(Span::styled(
            format!("{}  ", l.name()),
            t.level(l).patch(t.heading),
        ));
    }
    lines.push(Line::from(levels));
    lines.push(Line::default());
    para(lines, &event.summary, width, t.text);
    quote_and_note(
        lines,
        event.quote.as_deref(),
        event.note.as_deref(),
        width,
        t,
    );
    slide.essential = lines.len();
    let factors = &case.index.event_factors[e];
    if !factors.is_empty() {
        lines.push(Line::default());
    }
    for (i, &f) in factors.iter().enumerate() {
        let x = &case.data.factors[f];
        link(
            app,
            i,
            vec![
                Span::styled(
                    format!("{} ", x.effect.symbol()),
                    t.effect(x.effect).patch(t.heading),
                ),
                Span::styled(x.name.clone(), t.text),
                Span::styled(
                    format!("  {}", x.level.name().to_lowercase()),
                    t.level(x.level),
                ),
            ],
            slide,
        );
    }
}

/// A factor: its sign and name, level and effect, text, and its events as
/// links.
fn factor(app: &App, f: usize, width: usize, slide: &mut Slide) {
    let t = &app.theme;
    let case = &app.case;
    let x = &case.data.factors[f];
    let lines = &mut slide.lines;
    lines.push(Line::from(vec![
        Span::styled(
            format!("{} ", x.effect.symbol()),
            t.effect(x.effect).patch(t.heading),
        ),
        Span::styled(x.name.clone(), t.heading),
    ]));
    lines.push(Line::from(vec![
        Span::styled(
            format!("{} level", x.level.name()),
            t.level(x.level).patch(t.heading),
        ),
        Span::styled(format!(" · {}", x.effect.name()), t.effect(x.effect)),
    ]));
    lines.push(Line::default());
    para(lines, &x.summary, width, t.text);
    quote_and_note(lines, x.quote.as_deref(), x.note.as_deref(), width, t);
    let events = &case.index.factor_events[f];
    if !events.is_empty() {
        slide.lines.push(Line::default());
    }
    for (i, &e) in events.iter().enumerate() {
        let ev = &case.data.events[e];
        link(
            app,
            i,
            vec![
                Span::styled(format!("{}  ", ev.date_label()), t.year),
                Span::styled(ev.title.clone(), t.text),
            ],
            slide,
        );
    }
}

/// An actor, era or source: its detail document, which already says
/// everything about it, laid out at the slide's measure.
fn document(app: &App, item: Item, width: usize, slide: &mut Slide) {
    let t = &app.theme;
    let doc = crate::explorer::view::detail::doc::document(&app.case, Some(item), width, t, None);
    let chosen_row = doc
        .links
        .get(app.detail().cursor)
        .filter(|_| is_chosen(app, app.detail().cursor))
        .map(|&(row, _)| row);
    for (row, line) in doc.lines.into_iter().enumerate() {
        if Some(row) != chosen_row {
            slide.lines.push(line);
            continue;
        }
        slide.cursor_line = Some(slide.lines.len());
        // Marked as the other slides mark it: ▶ for the link's mark.
        let spans = line.spans.into_iter().enumerate().map(|(i, s)| {
            let style = s.style.patch(t.cursor);
            if i == 0 && s.content == super::detail::doc::LINK_MARK {
                Span::styled("▶ ", t.key)
            } else {
                Span::styled(s.content, style)
            }
        });
        slide.lines.push(Line::from(spans.collect::<Vec<_>>()));
    }
}

/// Add link `i`'s line, noting it when it is under the cursor.
fn link(app: &App, i: usize, spans: Vec<Span<'static>>, slide: &mut Slide) {
    if is_chosen(app, i) {
        slide.cursor_line = Some(slide.lines.len());
    }
    slide.lines.push(chosen(app, i, spans));
}

/// Place the slide in `body`: the large digits where they fit, a short
/// slide a third of the way down, a long one windowed with ⋮ marking what is
/// cut. The rows that did not fit.
fn paint(app: &App, slide: Slide, body: Rect, buf: &mut Buffer) -> usize {
    let t = &app.theme;
    let Slide {
        mut lines,
        mut cursor_line,
        big_year,
        essential,
    } = slide;
    let mut y = body.y;
    let room = usize::from(body.height);
    // The large digits, when what must be read still fits beside them, at
    // twice the size on a screen with room for it; the date's words ("c.",
    // "Oct") go before them on their last row.
    let fits = |year: &str, rest: &str, scale: u16| {
        let lead = if rest.is_empty() {
            0
        } else {
            crate::explorer::view::text::width(rest) as u16 + 1
        };
        essential + usize::from(big::HEIGHT * scale) < room
            && big::width(year, scale) + lead <= body.width
    };
    let scale = match &big_year {
        Some((_, year, rest)) if room >= 40 && fits(year, rest, 2) => 2,
        _ => 1,
    };
    let big_year = big_year.filter(|(_, year, rest)| fits(year, rest, scale));
    let digits = usize::from(big::HEIGHT * scale) + 1;
    // A short slide sits a third of the way down rather than at the top.
    let total = lines.len() + big_year.as_ref().map_or(0, |_| digits - 1);
    if total < room {
        y += ((room - total) / 3) as u16;
    }
    if let Some((at, year, rest)) = big_year {
        let after = lines.split_off(at + 1);
        lines.pop(); // the plain date
        flush(&mut lines, &mut y, body, buf);
        let mut x = body.x;
        if !rest.is_empty() {
            let last_row = y + big::HEIGHT * scale - 1;
            buf.set_string(x, last_row, &rest, t.heading.patch(t.year));
            x += crate::explorer::view::text::width(&rest) as u16 + 1;
        }
        let area = Rect::new(x, y, body.right().saturating_sub(x), big::HEIGHT * scale);
        big::render(&year, area, scale, t.heading.patch(t.year), buf);
        y += big::HEIGHT * scale + 1;
        // The link's line moved up past what was drawn.
        cursor_line = cursor_line.map(|c| c - (at + 1));
        lines.extend(after);
    }
    // What is cut above and below is marked with ⋮ on a row of its own.
    let room = usize::from(body.bottom().saturating_sub(y));
    let len = lines.len();
    let window = |start: usize| {
        let above = usize::from(start > 0);
        let rows = room.saturating_sub(above);
        let below = usize::from(start + rows < len);
        (rows.saturating_sub(below), below > 0)
    };
    let overflow = if len > room { len + 1 - room } else { 0 };
    let start = match cursor_line {
        // The presenter walks the links: the text above gives way so the
        // link Enter would open stays in view.
        Some(at) => (0..=at).find(|&s| at < s + window(s).0).unwrap_or(at),
        // In a tour, j/k scroll the slide (they move the selection outside
        // one, where a slide always starts at its top).
        None if app.tour_step().is_some() => app.detail().offset.min(overflow),
        None => 0,
    };
    if room >= 3 {
        let (rows, more_below) = window(start);
        lines.truncate(start + rows);
        lines.drain(..start);
        if start > 0 {
            lines.insert(0, Line::styled("⋮", t.faded));
        }
        if more_below {
            lines.push(Line::styled("⋮", t.faded));
        }
    }
    flush(&mut lines, &mut y, body, buf);
    overflow
}

/// Whether link `i` is the one under the detail's link cursor, shown while
/// the detail has focus.
fn is_chosen(app: &App, i: usize) -> bool {
    app.focus() == crate::explorer::app::Region::Detail && app.detail().cursor == i
}

/// A linked item's line; the one under the detail's link cursor is marked
/// while the detail has focus, so a presenter sees what Enter will open.
fn chosen(app: &App, i: usize, spans: Vec<Span<'static>>) -> Line<'static> {
    let t = &app.theme;
    if is_chosen(app, i) {
        let spans = std::iter::once(Span::styled("▶ ", t.key))
            .chain(spans.into_iter().map(|s| {
                let style = s.style.patch(t.cursor);
                Span::styled(s.content, style)
            }))
            .collect::<Vec<_>>();
        Line::from(spans)
    } else {
        let mut all = vec![Span::raw("  ")];
        all.extend(spans);
        Line::from(all)
    }
}

/// The quote and the editorial note, each after a blank line; the note is
/// labelled so that a class never takes it for the paper's words.
fn quote_and_note(
    lines: &mut Vec<Line<'static>>,
    quote: Option<&str>,
    note: Option<&str>,
    width: usize,
    t: &crate::config::theme::Theme,
) {
    if let Some(q) = quote {
        lines.push(Line::default());
        para(lines, &format!("“{}”", q.trim()), width, t.quote);
    }
    if let Some(n) = note {
        lines.push(Line::default());
        para(
            lines,
            &format!("Editorial note: {}", n.trim()),
            width,
            t.note,
        );
    }
}

fn para(lines: &mut Vec<Line<'static>>, text: &str, width: usize, style: Style) {
    for piece in wrap(text, width) {
        lines.push(Line::styled(piece, style));
    }
}

/// Draw the lines gathered so far from row `y` down, clipped to `body`.
fn flush(lines: &mut Vec<Line>, y: &mut u16, body: Rect, buf: &mut Buffer) {
    for line in lines.drain(..) {
        if *y >= body.bottom() {
            break;
        }
        line.render(
            Rect {
                y: *y,
                height: 1,
                ..body
            },
            buf,
        );
        *y += 1;
    }
}
