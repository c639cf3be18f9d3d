//! Presentation mode: the shown item as a slide — the year in large digits,
//! the title, the levels, the summary and the linked items, wrapped for
//! reading at a distance — after the tour step's text when a tour is
//! running (its teaching note stays off the slide: `S` shows it).
//!
//! A slide is composed as loosely as the screen allows: on a projector the
//! title in large letters and the year twice the size; on a small screen
//! without blank rows, the linked items shortened to a count. Only when
//! even the tightest does not fit does the slide scroll.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{big, headline};
use crate::case::index::Item;
use crate::case::model::Sourced;
use crate::config::theme::Theme;
use crate::explorer::app::App;
use crate::explorer::view::text::{self, fit, wrap};

/// The widest a slide's text runs, in cells: longer lines are hard to
/// follow from the back of a room.
const MEASURE: u16 = 72;

/// From this many rows of slide, a title may be drawn in large letters and
/// the year twice the size.
const PROJECTOR_ROWS: usize = 36;

/// How a slide is composed; a screen takes the loosest that fits whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fit {
    /// The title in large letters.
    big_title: bool,
    /// The year in large digits this many times over; 0 for plain text.
    year_scale: u16,
    /// Blank rows between the parts.
    spaced: bool,
    /// At most this many linked items, the rest counted; `None` for all.
    links: Option<usize>,
    /// The editorial note on one row, cut with `…` (the detail and the
    /// finder have it whole).
    short_note: bool,
}

impl Fit {
    /// The tightest layout that keeps every line: no large type, no blank
    /// rows between the parts, every link. A slide that does not fit even
    /// so is scrolled.
    const TIGHT: Fit = Fit {
        big_title: false,
        year_scale: 0,
        spaced: false,
        links: None,
        short_note: false,
    };

    /// The layouts to try on `room` rows, loosest first.
    fn ladder(room: usize, ascii: bool) -> Vec<Fit> {
        let projector = room >= PROJECTOR_ROWS;
        let spaced = |big_title, year_scale| Fit {
            big_title,
            year_scale,
            spaced: true,
            ..Fit::TIGHT
        };
        let mut ladder = Vec::new();
        if projector && !ascii {
            ladder.extend([spaced(true, 2), spaced(true, 1)]);
        }
        if projector {
            ladder.push(spaced(false, 2));
        }
        ladder.extend([spaced(false, 1), spaced(false, 0), Fit::TIGHT]);
        ladder
    }
}

/// A row of a slide: a line of text, or something drawn large.
enum Row {
    /// A line of text.
    Text(Line<'static>),
    /// The year in large digits, `scale` times over, with the date's words
    /// they leave out ("c.", "Oct") before their last row.
    Year {
        year: String,
        rest: String,
        scale: u16,
    },
    /// A line of the title in large letters.
    Title(String),
}

impl Row {
    /// Rows of the screen it takes.
    fn height(&self) -> usize {
        match self {
            Row::Text(_) => 1,
            Row::Year { scale, .. } => usize::from(big::HEIGHT * scale),
            Row::Title(_) => usize::from(headline::HEIGHT),
        }
    }
}

/// A slide composed for a width, before it is placed on the screen.
struct Slide<'a> {
    app: &'a App,
    fit: Fit,
    width: usize,
    rows: Vec<Row>,
    /// Which of `rows` is the link under the cursor, to keep it in view.
    cursor_row: Option<usize>,
}

impl Slide<'_> {
    /// Screen rows the whole slide takes.
    fn height(&self) -> usize {
        self.rows.iter().map(Row::height).sum()
    }

    fn line(&mut self, line: Line<'static>) {
        self.rows.push(Row::Text(line));
    }

    /// A blank row between parts, when the layout has them.
    fn gap(&mut self) {
        if self.fit.spaced {
            self.line(Line::default());
        }
    }

    /// `text` wrapped to the slide's width.
    fn para(&mut self, text: &str, style: Style) {
        for piece in wrap(text, self.width) {
            self.line(Line::styled(piece, style));
        }
    }

    /// Whether `title` is drawn in large letters: where the layout has
    /// them and the font has its characters.
    fn big(&self, title: &str) -> bool {
        self.fit.big_title && headline::drawable(title)
    }

    /// The item's title: in large letters where [`Slide::big`], else as a
    /// heading.
    fn title(&mut self, title: &str) {
        let t = &self.app.theme;
        if self.big(title) {
            for line in headline::lines(title, self.width) {
                self.rows.push(Row::Title(line));
            }
            self.line(Line::default());
        } else {
            self.para(title, t.heading);
        }
    }

    /// Linked item `i` of `len`: its line, noting it when it is under the
    /// cursor; where the layout shortens the list, a count of the rest
    /// after the last shown (`what` names them: "linked factors").
    fn link(&mut self, i: usize, len: usize, what: &str, spans: Vec<Span<'static>>) {
        let shown = self.fit.links.unwrap_or(len);
        if i < shown {
            if is_chosen(self.app, i) {
                self.cursor_row = Some(self.rows.len());
            }
            self.line(chosen(self.app, i, spans));
        } else if i == shown {
            let more = if shown == 0 { "" } else { "+ " };
            let rest = if shown == 0 { "" } else { " more" };
            let text = format!("  {more}{}{rest} {what}", len - shown);
            let style = self.app.theme.faded;
            self.line(Line::styled(text, style));
        }
    }

    /// The quote and the editorial note, each after a gap; the note is
    /// labelled so that a class never takes it for the paper's words.
    fn quote_and_note(&mut self, quote: Option<&str>, note: Option<&str>) {
        let t = &self.app.theme;
        if let Some(q) = quote {
            self.gap();
            self.para(&format!("“{}”", q.trim()), t.quote);
        }
        if let Some(n) = note {
            self.gap();
            let note = format!("Editorial note: {}", n.trim());
            if self.fit.short_note {
                self.line(Line::styled(fit(&note, self.width), t.note));
            } else {
                self.para(&note, t.note);
            }
        }
    }
}

/// Draw the slide over the whole of `area`; the rows that did not fit.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> usize {
    buf.set_style(area, app.theme.text);
    let Some(body) = body(area) else {
        return 0;
    };
    let width = usize::from(body.width);
    let room = usize::from(body.height);
    for fit in Fit::ladder(room, app.ascii) {
        let slide = compose(app, width, fit);
        if slide.height() <= room {
            place(slide, body, buf);
            return 0;
        }
    }
    // A slide walked link by link keeps every link; else the list of links
    // gives way to a count, then the editorial note to its first row.
    if !walking(app) {
        for short_note in [false, true] {
            let fit = Fit {
                short_note,
                ..Fit::TIGHT
            };
            if let Some(slide) = with_fitting_links(app, width, room, fit) {
                place(slide, body, buf);
                return 0;
            }
        }
    }
    scroll(app, compose(app, width, Fit::TIGHT), body, buf)
}

/// The slide with as many links as leave room for a count of the rest,
/// if that fits.
fn with_fitting_links(app: &App, width: usize, room: usize, fit: Fit) -> Option<Slide<'_>> {
    let bare = compose(
        app,
        width,
        Fit {
            links: Some(0),
            ..fit
        },
    );
    let spare = room.checked_sub(bare.height())?;
    let slide = compose(
        app,
        width,
        Fit {
            links: Some(spare),
            ..fit
        },
    );
    (slide.height() <= room).then_some(slide)
}

/// Where the text goes: generous margins, but the text kept when the
/// terminal is small; on a wide screen a reading measure, centred, and on
/// a tall one more room above and below.
fn body(area: Rect) -> Option<Rect> {
    let margin_x = if area.width >= 100 {
        (area.width / 10).max(area.width.saturating_sub(MEASURE) / 2)
    } else {
        2.min(area.width / 8)
    };
    let margin_y = match area.height {
        40.. => 2,
        20.. => 1,
        _ => 0,
    };
    let body = Rect {
        x: area.x + margin_x,
        y: area.y + margin_y,
        width: area.width.saturating_sub(2 * margin_x),
        height: area.height.saturating_sub(2 * margin_y),
    };
    (body.width >= 10 && body.height >= 3).then_some(body)
}

/// The slide's rows for the shown item, `width` cells wide, as `fit` says.
fn compose(app: &App, width: usize, fit: Fit) -> Slide<'_> {
    let mut slide = Slide {
        app,
        fit,
        width,
        rows: Vec::new(),
        cursor_row: None,
    };
    tour_step(&mut slide);
    let case = &app.case;
    let t = &app.theme;
    match app.shown() {
        Some(Item::Event(e)) => event(e, &mut slide),
        Some(Item::Factor(f)) => factor(f, &mut slide),
        Some(item) => document(item, &mut slide),
        None if case.data.events.is_empty() => slide.para("This dataset has no events.", t.faded),
        None => slide.para(
            &format!("Before {}: the background of the case.", case.data.period.0),
            t.heading,
        ),
    }
    slide
}

/// The tour step's text comes first: it is what the class is told. The
/// teacher's note stays off the slide.
fn tour_step(slide: &mut Slide) {
    let app = slide.app;
    let t = &app.theme;
    let Some(step) = app.tour_note() else {
        return;
    };
    let title = step.title;
    // "Tour name · step 3 of 18": the step count kept whole on a line of
    // its own when the name leaves it no room.
    let style = t.heading.patch(t.faded);
    match title.rsplit_once(" · ") {
        Some((name, step)) if text::width(&title) > slide.width => {
            slide.para(name, style);
            slide.para(step, style);
        }
        _ => slide.para(&title, style),
    }
    slide.para(step.text, t.text.patch(t.lit));
    // The one gap every layout keeps: the class's text, then the item.
    slide.line(Line::default());
}

/// An event: its date (large digits where they fit), title, levels, text,
/// and its factors as links.
fn event(e: usize, slide: &mut Slide) {
    let app = slide.app;
    let t = &app.theme;
    let case = &app.case;
    let event = &case.data.events[e];
    match big_year(event, slide.fit.year_scale, slide.width) {
        Some(year) => {
            slide.rows.push(year);
            slide.line(Line::default());
        }
        None => slide.line(Line::styled(event.date_label(), t.heading.patch(t.year))),
    }
    slide.title(&event.title);
    let mut levels = vec![Span::styled("levels  ", t.faded)];
    for l in case.levels(e).iter() {
        levels.push(Span::styled(
            format!("{}  ", l.name()),
            t.level(l).patch(t.heading),
        ));
    }
    slide.line(Line::from(levels));
    slide.gap();
    slide.para(&event.summary, t.text);
    slide.quote_and_note(event.quote(), event.note());
    let factors = &case.index.event_factors[e];
    if !factors.is_empty() {
        slide.gap();
    }
    for (i, &f) in factors.iter().enumerate() {
        let x = &case.data.factors[f];
        let spans = vec![
            Span::styled(
                format!("{} ", x.effect.symbol()),
                t.effect(x.effect).patch(t.heading),
            ),
            Span::styled(x.name.clone(), t.text),
            Span::styled(
                format!("  {}", x.level.name().to_lowercase()),
                t.level(x.level),
            ),
        ];
        slide.link(i, factors.len(), "linked factors", spans);
    }
}

/// The event's year in large digits `scale` times over, when the layout
/// has them and they fit `width`; what the digits leave out of the date
/// ("c.", "Oct") stays beside them.
fn big_year(event: &crate::case::model::Event, scale: u16, width: usize) -> Option<Row> {
    let mut year = event.year.to_string();
    if let Some(until) = event.until().filter(|&u| u != event.year) {
        year = format!("{year}–{until}");
    }
    let mut rest = event.date_label();
    rest.retain(|c| !c.is_ascii_digit() && c != '–' && c != '→');
    let rest = rest.trim().to_owned();
    let lead = if rest.is_empty() {
        0
    } else {
        text::width(&rest) + 1
    };
    let fits = scale > 0 && usize::from(big::width(&year, scale)) + lead <= width;
    fits.then_some(Row::Year { year, rest, scale })
}

/// A factor: its sign and name, level and effect, text, and its events as
/// links.
fn factor(f: usize, slide: &mut Slide) {
    let app = slide.app;
    let t = &app.theme;
    let case = &app.case;
    let x = &case.data.factors[f];
    let sign = Span::styled(
        format!("{} ", x.effect.symbol()),
        t.effect(x.effect).patch(t.heading),
    );
    let level = vec![
        Span::styled(
            format!("{} level", x.level.name()),
            t.level(x.level).patch(t.heading),
        ),
        Span::styled(format!(" · {}", x.effect.name()), t.effect(x.effect)),
    ];
    if slide.big(&x.name) {
        slide.title(&x.name);
        slide.line(Line::from([vec![sign], level].concat()));
    } else {
        slide.line(Line::from(vec![
            sign,
            Span::styled(x.name.clone(), t.heading),
        ]));
        slide.line(Line::from(level));
    }
    slide.gap();
    slide.para(&x.summary, t.text);
    slide.quote_and_note(x.quote(), x.note());
    let events = &case.index.factor_events[f];
    if !events.is_empty() {
        slide.gap();
    }
    for (i, &e) in events.iter().enumerate() {
        let ev = &case.data.events[e];
        let spans = vec![
            Span::styled(format!("{}  ", ev.date_label()), t.year),
            Span::styled(ev.title.clone(), t.text),
        ];
        slide.link(i, events.len(), "linked events", spans);
    }
}

/// An actor, era or source: its detail document, which already says
/// everything about it, laid out at the slide's measure.
fn document(item: Item, slide: &mut Slide) {
    let app = slide.app;
    let t = &app.theme;
    let doc =
        crate::explorer::view::detail::doc::document(&app.case, Some(item), slide.width, t, None);
    let chosen_row = doc
        .links
        .get(app.detail().cursor)
        .filter(|_| is_chosen(app, app.detail().cursor))
        .map(|&(row, _)| row);
    for (row, line) in doc.lines.into_iter().enumerate() {
        if Some(row) != chosen_row {
            slide.line(line);
            continue;
        }
        slide.cursor_row = Some(slide.rows.len());
        // Marked as the other slides mark it: ▶ for the link's mark.
        let spans = line.spans.into_iter().enumerate().map(|(i, s)| {
            let style = s.style.patch(t.cursor);
            if i == 0 && s.content == super::detail::doc::LINK_MARK {
                Span::styled("▶ ", t.key)
            } else {
                Span::styled(s.content, style)
            }
        });
        slide.line(Line::from(spans.collect::<Vec<_>>()));
    }
}

/// Place a slide that fits whole in `body`: a short one a third of the way
/// down rather than at the top.
fn place(slide: Slide, body: Rect, buf: &mut Buffer) {
    let t = &slide.app.theme;
    let room = usize::from(body.height);
    let mut y = body.y + (room.saturating_sub(slide.height()) / 3) as u16;
    for row in slide.rows {
        draw_row(t, &row, Rect { y, ..body }, buf);
        y += row.height() as u16;
    }
}

/// Draw `row` at the top of `area`.
fn draw_row(t: &Theme, row: &Row, area: Rect, buf: &mut Buffer) {
    let style = t.heading.patch(t.year);
    match row {
        Row::Text(line) => line.render(Rect { height: 1, ..area }, buf),
        Row::Year { year, rest, scale } => {
            let height = big::HEIGHT * scale;
            let mut x = area.x;
            // The date's words ("c.", "Oct") go before the digits' last row.
            if !rest.is_empty() {
                buf.set_string(x, area.y + height - 1, rest, style);
                x += text::width(rest) as u16 + 1;
            }
            let at = Rect::new(x, area.y, area.right().saturating_sub(x), height);
            big::render(year, at, *scale, style, buf);
        }
        Row::Title(line) => {
            let at = Rect {
                height: headline::HEIGHT,
                ..area
            };
            headline::render(line, at, t.heading, buf);
        }
    }
}

/// A slide too long for `body`, of text rows only, windowed with ⋮ marking
/// what is cut above and below; the rows that did not fit.
fn scroll(app: &App, slide: Slide, body: Rect, buf: &mut Buffer) -> usize {
    let t = &app.theme;
    let cursor_row = slide.cursor_row;
    let mut lines: Vec<Line> = slide
        .rows
        .into_iter()
        .filter_map(|row| match row {
            Row::Text(line) => Some(line),
            _ => None,
        })
        .collect();
    let room = usize::from(body.height);
    let len = lines.len();
    let window = |start: usize| {
        let above = usize::from(start > 0);
        let rows = room.saturating_sub(above);
        let below = usize::from(start + rows < len);
        (rows.saturating_sub(below), below > 0)
    };
    let overflow = if len > room { len + 1 - room } else { 0 };
    let start = match cursor_row {
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
    for (i, line) in lines.into_iter().take(room).enumerate() {
        line.render(Rect::new(body.x, body.y + i as u16, body.width, 1), buf);
    }
    overflow
}

/// Whether the presenter walks the slide's links (the detail has focus).
fn walking(app: &App) -> bool {
    app.focus() == crate::explorer::app::Region::Detail
}

/// Whether link `i` is the one under the detail's link cursor, shown while
/// the detail has focus.
fn is_chosen(app: &App, i: usize) -> bool {
    walking(app) && app.detail().cursor == i
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
