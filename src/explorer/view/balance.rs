//! The balance view (`b`): for each era, the enablers against the
//! constraints at each level, as bars with their numbers; a strip of events
//! per year by level; and the factors behind the selected bar.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::{FrameReport, Hit};
use crate::case::balance::{self, Cell};
use crate::case::model::{Effect, Level};
use crate::config::action::Action;
use crate::config::keymap::Mode;
use crate::explorer::app::App;
use crate::explorer::view::ListWindow;
use crate::explorer::view::text::{self, fit, pad};

/// Room first for every era, then for the list of factors, then for the
/// strip of events per year, which goes when the screen is short.
const ITEMS_MIN: u16 = 4;
/// Rows of the strip of events per year.
const STRIP: u16 = 5;

/// Draw the balance view over `area`, with `era` (row, in start order)
/// and `level` selected.
pub fn render(
    app: &App,
    era: usize,
    level: Level,
    area: Rect,
    buf: &mut Buffer,
    report: &mut FrameReport,
) {
    let t = &app.theme;
    let rows = balance::by_era(&app.case);
    let years = balance::density(&app.case);
    let era = era.min(rows.len().saturating_sub(1));
    let Some(selected) = rows.get(era) else {
        return;
    };
    let era_rows = Chart::era_rows(app, &rows, area);
    let eras_need = 2 + era_rows * rows.len() as u16 + 2;
    let strip = if !years.is_empty() && eras_need + STRIP + ITEMS_MIN <= area.height {
        STRIP
    } else {
        0
    };
    let items_height = area
        .height
        .saturating_sub(eras_need + strip)
        .clamp(ITEMS_MIN.min(area.height / 2), 12);
    let [chart, items] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(items_height),
    ]));

    let mut block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border_focused)
        .title(Line::from(" Balance of interests "));
    if strip == 0 && !years.is_empty() {
        // Say what the short screen leaves out rather than drop it unseen.
        block = block
            .title(Line::styled(" events per year: on a taller screen ", t.faded).right_aligned());
    }
    // What the case argues, in the work's words, under the balance it reads.
    if let Some(thesis) = &app.case.data.thesis {
        let room = usize::from(chart.width).saturating_sub(16);
        let quote = fit(&format!("“{}”", thesis.quote), room);
        block = block.title_bottom(Line::from(vec![
            Span::styled(" Thesis: ", t.faded),
            Span::styled(quote, t.quote),
            Span::raw(" "),
        ]));
    }
    let inner = block.inner(chart);
    block.render(chart, buf);
    if inner.width < 30 || inner.height < 3 {
        return;
    }
    let chart = Chart::new(app, &rows, inner, era_rows);
    chart.header(app, buf);
    let below = chart.eras(app, (era, level), strip, buf, report);
    if strip > 0 && below + STRIP <= inner.bottom() {
        density_strip(
            app,
            &years,
            Rect::new(inner.x, inner.bottom() - STRIP, inner.width, STRIP),
            buf,
        );
    }
    report.list = items_list(
        app,
        (selected.era, level),
        &selected.levels[level.index()],
        items,
        buf,
    );
}

/// The bar chart of the eras: where its columns go and how long a bar is.
struct Chart<'r> {
    rows: &'r [balance::Row],
    inner: Rect,
    /// Era names get the room the longest needs, as far as the bars leave
    /// it; the rest goes to the three levels' bars.
    name_width: u16,
    /// Rows each era takes: its bars' two, or three when a name that is
    /// cut on one row can run onto a second.
    era_rows: u16,
    column: u16,
    /// The largest count, which a full bar stands for.
    max: usize,
    /// Cells a full bar takes.
    bar_room: usize,
}

/// The fewest cells a bar gets before era names get more room.
const BAR_MIN: usize = 8;

impl<'r> Chart<'r> {
    fn new(app: &App, rows: &'r [balance::Row], inner: Rect, era_rows: u16) -> Chart<'r> {
        let fixed = Chart::fixed(rows);
        let name_width = Chart::name_width(app, rows, inner.width);
        let column = (inner.width.saturating_sub(name_width)) / 3;
        let bar_room = usize::from(column).saturating_sub(fixed).max(1);
        Chart {
            rows,
            inner,
            name_width,
            era_rows,
            column,
            max: Chart::max(rows),
            bar_room,
        }
    }

    /// The largest count in any cell (at least 1).
    fn max(rows: &[balance::Row]) -> usize {
        rows.iter()
            .flat_map(|r| r.levels.iter())
            .flat_map(|c| Effect::ALL.map(|e| c.count(e)))
            .max()
            .unwrap_or(0)
            .max(1)
    }

    /// What a bar's row needs besides the bar: a gap, the sign, the count
    /// and, when any bar has them, the mixed factors' "  ± n".
    fn fixed(rows: &[balance::Row]) -> usize {
        let digits = Chart::max(rows).to_string().len();
        let any_mixed = rows
            .iter()
            .flat_map(|r| r.levels.iter())
            .any(|c| c.count(Effect::Mixed) > 0);
        1 + 2 + 1 + digits + if any_mixed { 4 + digits } else { 0 }
    }

    /// The era names' column in `width`: the longest name whole (with a
    /// margin and a gap) where the bars keep [`BAR_MIN`] cells, else what
    /// they leave, and never under 18.
    fn name_width(app: &App, rows: &[balance::Row], width: u16) -> u16 {
        let longest = rows
            .iter()
            .map(|r| text::width(&app.case.data.eras[r.era].name))
            .max()
            .unwrap_or(0);
        let bars = 3 * (Chart::fixed(rows) + BAR_MIN);
        let room = usize::from(width).saturating_sub(bars);
        (longest + 2).min(room).max(18).min(usize::from(width)) as u16
    }

    /// Rows each era takes in `area` (the whole view): two, or three when a
    /// name is cut on one row and the screen has the rows to spare for
    /// every era, the strip and the list.
    fn era_rows(app: &App, rows: &[balance::Row], area: Rect) -> u16 {
        let inner_width = area.width.saturating_sub(2);
        let room = usize::from(Chart::name_width(app, rows, inner_width)).saturating_sub(2);
        let cut = rows
            .iter()
            .any(|r| text::width(&app.case.data.eras[r.era].name) > room);
        let tall = 2 + 3 * rows.len() as u16 + 2 + STRIP + ITEMS_MIN;
        if cut && tall <= area.height { 3 } else { 2 }
    }

    /// A bar for `n`, drawn in eighths of a cell, so that counts stay apart
    /// even when a narrow screen leaves it a cell or two.
    fn bar(&self, n: usize) -> String {
        const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
        let eighths = if n == 0 {
            0
        } else {
            (n * self.bar_room * 8).div_ceil(self.max).max(2)
        };
        "█".repeat(eighths / 8) + PARTS[eighths % 8]
    }

    fn line_at(&self, y: u16, x: u16, width: u16, line: Line, buf: &mut Buffer) {
        if y < self.inner.bottom() {
            line.render(Rect::new(x, y, width, 1), buf);
        }
    }

    /// The legend, then the levels' names over their columns.
    fn header(&self, app: &App, buf: &mut Buffer) {
        let t = &app.theme;
        let inner = self.inner;
        let legend = Line::from(vec![
            // The legend matters more than the sentence before it.
            Span::styled(
                if inner.width >= 72 {
                    " Factors at work in each era's events: "
                } else {
                    " "
                },
                t.faded,
            ),
            Span::styled("+ enablers ", t.effect(Effect::Enabler)),
            Span::styled("− constraints ", t.effect(Effect::Constraint)),
            Span::styled("± mixed", t.effect(Effect::Mixed)),
        ]);
        self.line_at(inner.y, inner.x, inner.width, legend, buf);
        for (i, l) in Level::ALL.into_iter().enumerate() {
            let x = inner.x + self.name_width + self.column * i as u16;
            let name = Line::styled(l.name(), t.level(l).patch(t.heading));
            self.line_at(inner.y + 1, x, self.column, name, buf);
        }
    }

    /// The era rows, scrolled so the selected one shows, leaving `strip`
    /// rows below them; each bar a click target. The row below them.
    fn eras(
        &self,
        app: &App,
        (era, level): (usize, Level),
        strip: u16,
        buf: &mut Buffer,
        report: &mut FrameReport,
    ) -> u16 {
        let t = &app.theme;
        let inner = self.inner;
        let mut y = inner.y + 2;
        let height = self.era_rows;
        let room = usize::from(inner.bottom().saturating_sub(y).saturating_sub(strip))
            / usize::from(height);
        let first = era.saturating_sub(room.saturating_sub(1));
        let name_room = usize::from(self.name_width).saturating_sub(2).max(1);
        for (r, row) in self.rows.iter().enumerate().skip(first).take(room.max(1)) {
            let x = &app.case.data.eras[row.era];
            // The name on the rows above the years, cut only when they
            // run out.
            let pieces = text::wrap_rows(&x.name, usize::from(height) - 1, name_room);
            let years = format!("{}–{}", x.start, x.end);
            let styled = pieces
                .into_iter()
                .map(|p| Line::styled(p, t.era))
                .chain(std::iter::once(Line::styled(years, t.faded)));
            for (dy, line) in styled.enumerate() {
                self.line_at(y + dy as u16, inner.x + 1, self.name_width, line, buf);
            }
            for (i, l) in Level::ALL.into_iter().enumerate() {
                let cx = inner.x + self.name_width + self.column * i as u16;
                let chosen = r == era && l == level;
                self.cell(app, &row.levels[l.index()], chosen, (cx, y), buf);
                let at = Rect::new(cx, y, self.column, height).intersection(inner);
                report.hits.push((at, Hit::Bar(r, l)));
            }
            y += height;
        }
        y
    }

    /// One era's bars at one level: enablers over constraints (and mixed).
    fn cell(&self, app: &App, cell: &Cell, chosen: bool, (x, y): (u16, u16), buf: &mut Buffer) {
        let t = &app.theme;
        let style = |s: Style| if chosen { s.patch(t.cursor) } else { s };
        let width = usize::from(self.column).saturating_sub(1);
        let enablers = cell.count(Effect::Enabler);
        let constraints = cell.count(Effect::Constraint);
        let mixed = cell.count(Effect::Mixed);
        let top = format!("{} {enablers}", self.bar(enablers));
        let mut bottom = format!("{} {constraints}", self.bar(constraints));
        if mixed > 0 {
            bottom.push_str(&format!("  ± {mixed}"));
        }
        for (dy, sign, effect, text) in [
            (0, "+ ", Effect::Enabler, top),
            (1, "− ", Effect::Constraint, bottom),
        ] {
            let s = style(t.effect(effect));
            let line = Line::from(vec![
                Span::styled(sign, s),
                Span::styled(pad(&text, width.saturating_sub(2)), s),
            ]);
            self.line_at(y + dy, x, self.column, line, buf);
        }
    }
}

/// Events per year, one row per level, one column per year (or per group
/// of years when the period is wider than the screen).
fn density_strip(app: &App, years: &[(i32, [usize; 3])], area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    const LABEL: u16 = 12;
    let columns = usize::from(area.width.saturating_sub(LABEL + 1)).max(1);
    let per = years.len().div_ceil(columns).max(1);
    let cell = if per == 1 {
        (columns / years.len().max(1)).clamp(1, 4)
    } else {
        1
    };
    let buckets: Vec<(i32, [usize; 3])> = years
        .chunks(per)
        .map(|c| {
            let mut sum = [0; 3];
            for (_, counts) in c {
                for (s, n) in sum.iter_mut().zip(counts) {
                    *s += n;
                }
            }
            (c[0].0, sum)
        })
        .collect();
    let max = buckets
        .iter()
        .flat_map(|(_, c)| *c)
        .max()
        .unwrap_or(0)
        .max(1);
    strip_legend(app, per, max, Rect { height: 1, ..area }, buf);
    // Year labels every few columns, where they fit.
    let mut x = area.x + LABEL;
    let mut next_free = x;
    for (year, _) in &buckets {
        if x >= next_free && (year % 5 == 0 || *year == buckets[0].0) && x + 4 <= area.right() {
            buf.set_string(x, area.y + 1, year.to_string(), t.year);
            next_free = x + 5;
        }
        x += cell as u16;
    }
    for level in Level::ALL {
        let y = area.y + 2 + level.index() as u16;
        Line::styled(format!(" {}", level.name()), t.level(level))
            .render(Rect::new(area.x, y, LABEL, 1), buf);
        let mut x = area.x + LABEL;
        for (_, counts) in &buckets {
            let n = counts[level.index()];
            for _ in 0..cell {
                if x < area.right() {
                    buf.set_string(x, y, strip_bar(n, max), t.level(level));
                }
                x += 1;
            }
        }
    }
}

/// The strip's cell for `n` events, when `max` fills a cell: none blank,
/// any at least an eighth.
fn strip_bar(n: usize, max: usize) -> &'static str {
    const BARS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    match n {
        0 => BARS[0],
        n => BARS[(n * 8).div_ceil(max.max(1)).clamp(1, 8)],
    }
}

/// The strip's title and its scale: how many events each height stands
/// for, every count when there are few, else the least and the most.
fn strip_legend(app: &App, per: usize, max: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let title = match per {
        1 => " Events per year, by level".to_owned(),
        n => format!(" Events per {n} years, by level"),
    };
    let counts: Vec<usize> = if max <= 4 {
        (1..=max).collect()
    } else {
        vec![1, max]
    };
    let mut spans = vec![
        Span::styled(title, t.faded),
        Span::styled("   scale ", t.faded),
    ];
    for (i, &n) in counts.iter().enumerate() {
        let gap = match i {
            0 => "",
            _ if max > 4 => " … ",
            _ => "  ",
        };
        spans.push(Span::styled(gap, t.faded));
        spans.push(Span::styled(strip_bar(n, max), t.text));
        spans.push(Span::styled(format!(" {n}"), t.faded));
    }
    spans.push(Span::styled(
        if max == 1 { " event" } else { " events" },
        t.faded,
    ));
    Line::from(spans).render(area, buf);
}

/// The factors behind the selected bar, from the `app`'s list offset: as
/// many columns as the width holds, filled top to bottom, and a page of them
/// at a time when they still do not fit (the box's foot says where).
fn items_list(
    app: &App,
    (era, level): (usize, Level),
    cell: &Cell,
    area: Rect,
    buf: &mut Buffer,
) -> ListWindow {
    let t = &app.theme;
    let case = &app.case;
    // The counts that are not zero, the era's name giving way to them.
    let counts: Vec<String> = Effect::ALL
        .into_iter()
        .filter(|&e| cell.count(e) > 0)
        .map(|e| e.counted(cell.count(e)))
        .collect();
    let counts = format!(
        "{}: {}",
        level.name(),
        if counts.is_empty() {
            "none".to_owned()
        } else {
            counts.join(", ")
        }
    );
    let name_room = usize::from(area.width)
        .saturating_sub(crate::explorer::view::text::width(&counts) + 7)
        .max(1);
    let title = format!(" {} · {counts} ", fit(&case.data.eras[era].name, name_room));
    let mut block = Block::bordered()
        .border_style(t.border)
        .title(Line::styled(title, t.heading));
    let factors: Vec<usize> = cell.all().collect();
    // More columns when the rows run out, each wide enough for a name to
    // be recognised.
    let inside = block.inner(area);
    let rows = usize::from(inside.height).max(1);
    let needed = factors.len().div_ceil(rows);
    let columns = needed.min(usize::from(inside.width) / 30).max(1);
    let column = inside.width / columns as u16;
    let window = ListWindow {
        page: rows * columns,
        last_offset: factors.len().saturating_sub(rows * columns),
    };
    let offset = app.list_offset().min(window.last_offset);
    if window.last_offset > 0 {
        block = block.title_bottom(list_foot(app, offset, window.page, factors.len()));
    }
    block.render(area, buf);
    if factors.is_empty() {
        Line::styled(" no factors at this level in this era", t.faded).render(inside, buf);
        return window;
    }
    let at = |i: usize| {
        let x = inside.x + column * (i / rows) as u16;
        Rect::new(x, inside.y + (i % rows) as u16, column, 1)
    };
    for (i, &f) in factors.iter().skip(offset).take(window.page).enumerate() {
        let x = &case.data.factors[f];
        let line = Line::from(vec![
            Span::styled(format!(" {} ", x.effect.symbol()), t.effect(x.effect)),
            Span::styled(fit(&x.name, usize::from(column).saturating_sub(4)), t.text),
        ]);
        line.render(at(i), buf);
    }
    window
}

/// The foot of a list shown in part: which of its items show, and the
/// keys that show the others.
fn list_foot(app: &App, offset: usize, page: usize, len: usize) -> Line<'static> {
    let t = &app.theme;
    let to = (offset + page).min(len);
    let keys: Vec<String> = [Action::PageUp, Action::PageDown]
        .iter()
        .filter_map(|a| app.keymap.keys_for(Mode::Balance, a).into_iter().next())
        .collect();
    let keys = match keys.is_empty() {
        true => String::new(),
        false => format!(" · {} more", keys.join("/")),
    };
    Line::styled(format!(" {}–{to} of {len}{keys} ", offset + 1), t.faded).right_aligned()
}
