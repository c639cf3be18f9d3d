//! The case as a picture for the handout (`export --format svg`): the
//! period's timeline — eras as bands, one mark per event coloured by the
//! levels it touches, titles where they fit — above the balance view as a
//! bar chart: for each era and level, the enablers against the constraints
//! (and the mixed), with the numbers the explorer's balance view shows.
//!
//! One self-contained SVG: no script, no external reference, every text
//! escaped; the same drawing goes inline into the HTML handout.

use std::fmt::{self, Write as _};
use std::io;

use crate::case::balance;
use crate::case::index::Case;
use crate::case::model::{Effect, Level};
use crate::explorer::view::text::fit;

/// The picture's width, in SVG user units (pixels at 100%).
const WIDTH: f64 = 1200.0;
/// Left and right margins of the timeline.
const LEFT: f64 = 130.0;
const RIGHT: f64 = 20.0;
/// A timeline row's height: one title per row.
const ROW: f64 = 18.0;
/// Rough width of a character of the titles' font, to know what fits.
const CHAR: f64 = 6.2;
/// Most title rows; events past them get a mark without a title.
const MAX_ROWS: usize = 14;

/// Colours: the levels as the explorer draws them, the effects, the bands.
fn level_colour(level: Level) -> &'static str {
    match level {
        Level::Individual => "#b03aa0",
        Level::Domestic => "#b8860b",
        Level::Systemic => "#1f8fb0",
    }
}

fn effect_colour(effect: Effect) -> &'static str {
    match effect {
        Effect::Enabler => "#2e8b57",
        Effect::Constraint => "#c0392b",
        Effect::Mixed => "#7f8c8d",
    }
}

/// Text made safe inside an SVG (or HTML) element or attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML does not allow at all are left out.
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The whole picture, as SVG text, written to `out`.
pub fn picture(case: &Case, out: &mut dyn io::Write) -> io::Result<()> {
    // Written as it is drawn: at 100,000 events the picture runs to tens
    // of MB, which need not be held.
    let mut svg = Out {
        to: out,
        failed: None,
    };
    let timeline = Timeline::new(case);
    let chart_top = timeline.height + 40.0;
    let chart = chart_height(case);
    let height = chart_top + chart + 20.0;
    let title = escape(&case.data.title);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="waltz-title waltz-desc" font-family="sans-serif">"#
    );
    let _ = write!(
        svg,
        r#"<title id="waltz-title">{title}: the timeline and the balance of interests</title><desc id="waltz-desc">{}</desc>"#,
        escape(&describe(case))
    );
    let _ = write!(
        svg,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    timeline.draw(case, &mut svg);
    draw_chart(case, chart_top, &mut svg);
    let _ = svg.write_str("</svg>\n");
    svg.failed.map_or(Ok(()), Err)
}

/// An `io::Write` to draw into with `write!`, keeping the first error.
struct Out<'a> {
    to: &'a mut dyn io::Write,
    failed: Option<io::Error>,
}

impl fmt::Write for Out<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.failed.is_some() {
            return Err(fmt::Error);
        }
        self.to.write_all(s.as_bytes()).map_err(|e| {
            self.failed = Some(e);
            fmt::Error
        })
    }
}

/// A sentence saying what the picture shows, for a screen reader.
fn describe(case: &Case) -> String {
    let (first, last) = case.data.period;
    let events = (0..case.data.events.len())
        .filter(|&e| in_period(case, e))
        .count();
    format!(
        "A timeline of {events} events from {first} to {last} across {} eras, each event marked by the levels it touches (individual, domestic, systemic); below it, for each era and level, the number of enabling, constraining and mixed factors at work.",
        case.data.eras.len()
    )
}

fn in_period(case: &Case, e: usize) -> bool {
    let (first, last) = case.data.period;
    (first..=last).contains(&case.data.events[e].year)
}

/// The timeline's layout: where each year is, and which row each event's
/// title takes, on which side of its mark.
struct Timeline {
    first: i32,
    last: i32,
    /// Each event with its place: `None` when no row had room for its title
    /// (its mark then goes on the strip under the rows).
    placed: Vec<(usize, Option<Label>)>,
    rows: usize,
    height: f64,
}

/// Where an event's title goes.
#[derive(Debug, Clone, Copy)]
struct Label {
    row: usize,
    /// The title reads leftwards from the mark (near the right edge).
    left: bool,
}

impl Timeline {
    fn new(case: &Case) -> Timeline {
        let (first, last) = case.data.period;
        let mut t = Timeline {
            first,
            last,
            placed: Vec::new(),
            rows: 0,
            height: 0.0,
        };
        // What each row already holds, as spans of x.
        let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
        for e in (0..case.data.events.len()).filter(|&e| in_period(case, e)) {
            let x = t.x_of(case, e);
            let width = case.data.events[e].title.chars().count() as f64 * CHAR + 10.0;
            let left = x + width > WIDTH - 4.0;
            let span = if left {
                (x - width, x + 4.0)
            } else {
                (x - 4.0, x + width)
            };
            let free = |row: &Vec<(f64, f64)>| row.iter().all(|&(a, b)| span.1 < a || b < span.0);
            let row = match rows.iter().position(free) {
                Some(r) => Some(r),
                None if rows.len() < MAX_ROWS => {
                    rows.push(Vec::new());
                    Some(rows.len() - 1)
                }
                None => None,
            };
            if let Some(r) = row {
                rows[r].push(span);
            }
            t.placed.push((e, row.map(|row| Label { row, left })));
        }
        t.rows = rows.len() + 1;
        t.height = 70.0 + t.rows as f64 * ROW + 30.0;
        t
    }

    fn x_of_year(&self, year: f64) -> f64 {
        let span = f64::from(self.last + 1 - self.first).max(1.0);
        LEFT + (year - f64::from(self.first)) / span * (WIDTH - LEFT - RIGHT)
    }

    fn x_of(&self, case: &Case, e: usize) -> f64 {
        let event = &case.data.events[e];
        let month = event.month.map_or(0.5, |m| (f64::from(m) - 0.5) / 12.0);
        self.x_of_year(f64::from(event.year) + month)
    }

    fn draw(&self, case: &Case, svg: &mut dyn fmt::Write) {
        let top = 50.0;
        let bottom = top + 20.0 + self.rows as f64 * ROW;
        let _ = write!(
            svg,
            r##"<text x="20" y="28" font-size="18" font-weight="bold" fill="#222">{}</text>"##,
            escape(&case.data.title)
        );
        // The eras, as bands with their names.
        let _ = write!(svg, r#"<g class="eras">"#);
        for (n, &era) in case.index.eras_by_start.iter().enumerate() {
            let x = &case.data.eras[era];
            let from = self.x_of_year(f64::from(x.start.max(self.first)));
            let to = self.x_of_year(f64::from(x.end.min(self.last) + 1));
            if to <= from {
                continue;
            }
            let fill = if n % 2 == 0 { "#eef2f7" } else { "#f7f3ea" };
            let _ = write!(
                svg,
                r##"<g class="era" data-id="{}"><rect x="{from:.1}" y="{top}" width="{:.1}" height="{:.1}" fill="{fill}"/><text x="{:.1}" y="{:.1}" font-size="10" fill="#555">{}</text></g>"##,
                escape(&x.id),
                to - from,
                bottom - top,
                from + 3.0,
                top + 12.0,
                escape(&fit(&x.name, ((to - from - 6.0) / 5.6).max(0.0) as usize))
            );
        }
        let _ = svg.write_str("</g>");
        // The year ruler.
        let _ = write!(svg, r##"<g class="years" font-size="10" fill="#444">"##);
        for year in self.first..=self.last {
            let x = self.x_of_year(f64::from(year));
            let _ = write!(
                svg,
                r##"<line x1="{x:.1}" y1="{bottom}" x2="{x:.1}" y2="{:.1}" stroke="#999"/>"##,
                bottom + 5.0
            );
            if (year - self.first) % 2 == 0 {
                let _ = write!(
                    svg,
                    r#"<text x="{x:.1}" y="{:.1}">{year}</text>"#,
                    bottom + 17.0
                );
            }
        }
        let _ = svg.write_str("</g>");
        // The level lanes' legend on the left.
        for (i, level) in Level::ALL.into_iter().enumerate() {
            let _ = write!(
                svg,
                r##"<rect x="20" y="{:.1}" width="10" height="10" fill="{}"/><text x="36" y="{:.1}" font-size="11" fill="#333">{}</text>"##,
                top + 24.0 + i as f64 * 16.0,
                level_colour(level),
                top + 33.0 + i as f64 * 16.0,
                level.name()
            );
        }
        // The events: one mark each, a segment per level it touches.
        let _ = write!(svg, r#"<g class="events" font-size="11">"#);
        for &(e, label) in &self.placed {
            let event = &case.data.events[e];
            let x = self.x_of(case, e);
            // Untitled marks go on the strip under the titled rows.
            let row = label.map_or(self.rows - 1, |l| l.row);
            let y = top + 20.0 + row as f64 * ROW;
            let levels: Vec<Level> = case.levels(e).iter().collect();
            let _ = write!(
                svg,
                r#"<g class="event" data-id="{}" data-levels="{}">"#,
                escape(&event.id),
                levels
                    .iter()
                    .map(|l| l.name().to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            let segment = 12.0 / levels.len().max(1) as f64;
            for (i, level) in levels.iter().enumerate() {
                let _ = write!(
                    svg,
                    r#"<rect x="{:.1}" y="{:.1}" width="5" height="{segment:.1}" fill="{}"/>"#,
                    x - 2.5,
                    y + i as f64 * segment,
                    level_colour(*level)
                );
            }
            if levels.is_empty() {
                let _ = write!(
                    svg,
                    r##"<rect x="{:.1}" y="{y:.1}" width="5" height="12" fill="#aaa"/>"##,
                    x - 2.5
                );
            }
            let _ = write!(
                svg,
                "<title>{} · {}</title>",
                escape(&event.date_label()),
                escape(&event.title)
            );
            if let Some(label) = label {
                let (tx, anchor) = if label.left {
                    (x - 5.0, "end")
                } else {
                    (x + 5.0, "start")
                };
                let _ = write!(
                    svg,
                    r##"<text x="{tx:.1}" y="{:.1}" text-anchor="{anchor}" fill="#222">{}</text>"##,
                    y + 10.0,
                    escape(&event.title)
                );
            }
            let _ = svg.write_str("</g>");
        }
        let _ = svg.write_str("</g>");
    }
}

/// The balance chart's height.
fn chart_height(case: &Case) -> f64 {
    60.0 + case.data.eras.len() as f64 * 34.0 + 30.0
}

/// The balance view as bars: a row per era, a column per level; in each
/// cell the enablers, constraints and mixed factors as bars and numbers.
fn draw_chart(case: &Case, top: f64, svg: &mut dyn fmt::Write) {
    let rows = balance::by_era(case);
    let most = rows
        .iter()
        .flat_map(|r| r.levels.iter())
        .flat_map(|c| Effect::ALL.map(|e| c.count(e)))
        .max()
        .unwrap_or(0)
        .max(1);
    let label_w = 300.0;
    let col_w = (WIDTH - label_w - 40.0) / 3.0;
    let unit = (col_w - 70.0) / 3.0 / most as f64;
    let _ = write!(
        svg,
        r##"<g class="balance"><text x="20" y="{:.1}" font-size="16" font-weight="bold" fill="#222">The balance of interests: factors at work in each era</text>"##,
        top + 16.0
    );
    for (i, level) in Level::ALL.into_iter().enumerate() {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" font-size="12" font-weight="bold" fill="{}">{}</text>"#,
            label_w + i as f64 * col_w,
            top + 40.0,
            level_colour(level),
            level.name()
        );
    }
    for (n, row) in rows.iter().enumerate() {
        let y = top + 52.0 + n as f64 * 34.0;
        let era = &case.data.eras[row.era];
        let _ = write!(
            svg,
            r##"<text x="20" y="{:.1}" font-size="11" fill="#333">{} ({}–{})</text>"##,
            y + 16.0,
            escape(&fit(&era.name, 32)),
            era.start,
            era.end
        );
        for (i, level) in Level::ALL.into_iter().enumerate() {
            let cell = &row.levels[level.index()];
            let x0 = label_w + i as f64 * col_w;
            let counts = Effect::ALL.map(|e| cell.count(e));
            let _ = write!(
                svg,
                r#"<g class="bar" data-era="{}" data-level="{}" data-enablers="{}" data-constraints="{}" data-mixed="{}">"#,
                escape(&era.id),
                level.name().to_lowercase(),
                counts[0],
                counts[1],
                counts[2]
            );
            let mut x = x0;
            for (k, effect) in Effect::ALL.into_iter().enumerate() {
                let w = counts[k] as f64 * unit;
                if w > 0.0 {
                    let _ = write!(
                        svg,
                        r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="20" fill="{}"/>"#,
                        effect_colour(effect)
                    );
                }
                x += w;
            }
            let _ = write!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#222">+{} −{} ±{}</text></g>"##,
                x + 6.0,
                y + 15.0,
                counts[0],
                counts[1],
                counts[2]
            );
        }
    }
    let legend_y = top + 52.0 + rows.len() as f64 * 34.0 + 14.0;
    for (k, (effect, what)) in [
        (Effect::Enabler, "+ enablers"),
        (Effect::Constraint, "− constraints"),
        (Effect::Mixed, "± mixed"),
    ]
    .into_iter()
    .enumerate()
    {
        let x = 20.0 + k as f64 * 140.0;
        let _ = write!(
            svg,
            r##"<rect x="{x:.1}" y="{:.1}" width="12" height="12" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#333">{what}</text>"##,
            legend_y - 10.0,
            effect_colour(effect),
            x + 18.0,
            legend_y
        );
    }
    let _ = svg.write_str("</g>");
}
