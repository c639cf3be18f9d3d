//! Drawing: a pure function of the app's state onto a frame. One module per
//! region; none of them changes the state. What the app needs to know of a
//! frame (where its click targets are, how much of a slide did not fit)
//! comes back as a [`FrameReport`], which the front hands to
//! [`App::drawn`].

mod ascii;
mod balance;
mod banner;
mod big;
pub mod detail;
mod find;
mod headline;
pub mod help;
mod jump;
pub mod layout;
mod notes;
mod pane;
mod quiz;
mod slide;
mod status;
pub mod text;
mod timeline;
mod tour;

pub use ascii::stand_in;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use crate::case::model::Level;
use crate::config::theme::Theme;
use crate::explorer::app::{App, Overlay, Region};
use crate::explorer::view::layout::{Areas, MIN_HEIGHT, MIN_WIDTH};
use crate::explorer::view::text::fit;

/// Something a click can act on, recorded where the view drew it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A tour in the list of tours, by position.
    Tour(usize),
    /// A bar of the balance view: an era (by row) at a level.
    Bar(usize, Level),
    /// A level to pick as the quiz's answer.
    Answer(Level),
}

/// What a frame found out while it was drawn that the app acts on next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrameReport {
    /// Where the views laid out as they are drawn (the list of tours, the
    /// balance, the quiz) put what a click can act on.
    pub hits: Vec<(Rect, Hit)>,
    /// Rows of the slide that did not fit, so that scrolling a slide stops
    /// where its text ends (only the view lays a slide out).
    pub slide_overflow: usize,
    /// The part shown of a list the view lays out in its own way (the
    /// balance's factors, the quiz's review), so that scrolling it goes a
    /// page at a time and stops at its end.
    pub list: ListWindow,
}

/// How much of a list a frame showed: a page of it, and how far its first
/// shown item can go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListWindow {
    /// Items shown at once.
    pub page: usize,
    /// The furthest the list scrolls (0 when it all shows).
    pub last_offset: usize,
}

impl ListWindow {
    /// `offset` moved by `delta` items (negative: back), kept within the
    /// list.
    pub fn step(self, offset: usize, delta: isize) -> usize {
        offset
            .min(self.last_offset)
            .saturating_add_signed(delta)
            .min(self.last_offset)
    }
}

impl FrameReport {
    /// What the frame drew at cell (`x`, `y`) that a click acts on.
    pub fn hit_at(&self, x: u16, y: u16) -> Option<Hit> {
        self.hits
            .iter()
            .find(|(area, _)| area.contains((x, y).into()))
            .map(|&(_, hit)| hit)
    }
}

/// Draw the whole screen for `app` on `frame`.
pub fn draw(app: &App, frame: &mut Frame) -> FrameReport {
    let area = frame.area();
    draw_into(app, area, frame.buffer_mut())
}

/// Draw the whole screen for `app` into `buf` over `area`.
pub fn draw_into(app: &App, area: Rect, buf: &mut Buffer) -> FrameReport {
    let mut report = FrameReport::default();
    buf.set_style(area, app.theme.screen);
    screen(app, area, buf, &mut report);
    if let Some(problem) = app.reload_problem() {
        banner::render(app, problem, area, buf);
    }
    if let Some(scroll) = app.help_scroll() {
        help::render(app, scroll, area, buf);
    }
    if app.ascii {
        ascii::asciify(buf, area);
    }
    report
}

fn screen(app: &App, area: Rect, buf: &mut Buffer, report: &mut FrameReport) {
    let Some(areas) = Areas::new(area) else {
        too_small(area, buf, &app.theme);
        return;
    };
    // The full-screen views keep only the status bar.
    let view = Rect {
        height: area.height - 1,
        ..area
    };
    if app.notes_on() {
        notes::render(app, view, buf);
        status::render(app, areas.status, buf);
        return;
    }
    match app.overlay() {
        Overlay::Balance { era, level } => {
            balance::render(app, *era, *level, view, buf, report);
            status::render(app, areas.status, buf);
            return;
        }
        Overlay::Quiz(quiz) => {
            quiz::render(app, quiz, view, buf, report);
            status::render(app, areas.status, buf);
            return;
        }
        _ => {}
    }
    if app.presenting() {
        // Presentation: the slide alone, no key hints; prompts still show,
        // and a message on the bottom margin.
        report.slide_overflow = slide::render(app, area, buf);
        if let Some(message) = app.message() {
            let line = Line::styled(
                format!("{} ", fit(message, usize::from(area.width))),
                app.theme.faded,
            );
            let w = line.width() as u16;
            let at = Rect::new(
                area.right().saturating_sub(w),
                area.bottom() - 1,
                w.min(area.width),
                1,
            );
            popup_ground(app, at, buf);
            line.render(at, buf);
        }
    } else {
        if let Some(header) = areas.header {
            header_line(app, header, buf);
        }
        timeline::render(app, areas.timeline, buf);
        for (i, level) in Level::ALL.into_iter().enumerate() {
            pane::render(app, level, areas.panes[i], buf);
        }
        detail::render(app, areas.detail, buf);
        status::render(app, areas.status, buf);
    }
    match app.overlay() {
        Overlay::Jump { input } => jump::render(app, "Jump to year", input, areas.timeline, buf),
        Overlay::Find(finder) => find::render(
            app,
            finder,
            crate::explorer::view::layout::finder(area),
            buf,
        ),
        Overlay::Tours { cursor } => tour::render(app, *cursor, area, buf, report),
        _ => {}
    }
}

/// The case's title and, as far as it fits, its thesis in the work's words.
fn header_line(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let d = &app.case.data;
    let mut spans = vec![Span::styled(format!(" {} ", d.title), t.heading)];
    if let Some(thesis) = &d.thesis {
        let used: usize = spans.iter().map(Span::width).sum();
        let room = usize::from(area.width).saturating_sub(used + 10);
        spans.push(Span::styled("· Thesis: ", t.faded));
        spans.push(Span::styled(
            fit(&format!("“{}”", thesis.quote), room),
            t.quote,
        ));
    }
    put_line(buf, area, &Line::from(spans));
}

/// The frame of a region: rounded when focused, with a title.
fn frame<'a>(app: &App, region: Region, title: Line<'a>) -> Block<'a> {
    let focused = app.focus() == region;
    let t = &app.theme;
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(if focused { t.border_focused } else { t.border })
        .title(title)
}

/// Clear `area` for a popup and give it the screen's ground, so a theme
/// with its own background (high contrast) keeps it under the popup too.
fn popup_ground(app: &App, area: Rect, buf: &mut Buffer) {
    use ratatui::widgets::{Clear, Widget};
    Clear.render(area, buf);
    buf.set_style(area, app.theme.screen);
}

/// The style of a row: the cursor's when it is the cursor, else `base`.
fn row_style(t: &Theme, base: Style, cursor: bool, focused: bool) -> Style {
    match (cursor, focused) {
        (true, true) => base.patch(t.cursor),
        (true, false) => base.patch(t.cursor_unfocused),
        _ => base,
    }
}

fn too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines = [
        format!("terminal too small — need {MIN_WIDTH}×{MIN_HEIGHT}"),
        format!("now {}×{}", area.width, area.height),
    ];
    // Wrapped rather than cut: the size it needs is the point of it.
    let width = usize::from(area.width);
    let pieces: Vec<(String, Style)> = lines
        .iter()
        .zip([theme.warning, theme.faded])
        .flat_map(|(text, style)| {
            crate::explorer::view::text::wrap(text, width)
                .into_iter()
                .map(move |piece| (fit(&piece, width), style))
        })
        .collect();
    let top = area.y + area.height.saturating_sub(pieces.len() as u16) / 2;
    for (i, (text, style)) in pieces.into_iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let x = area.x
            + (area
                .width
                .saturating_sub(crate::explorer::view::text::width(&text) as u16))
                / 2;
        buf.set_string(x, y, text, style);
    }
}

/// A scrollbar down the right of `area` when `len` rows do not fit in
/// `shown`, with the first shown at `offset`.
fn scrollbar(app: &App, area: Rect, len: usize, shown: usize, offset: usize, buf: &mut Buffer) {
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
    if len > shown {
        let mut state = ScrollbarState::new(len - shown).position(offset);
        let thumb = if app.ascii { ascii::THUMB } else { "█" };
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .thumb_symbol(thumb)
            .style(app.theme.border)
            .render(area, buf, &mut state);
    }
}

/// Fill a one-row area with `line`, cut to fit.
fn put_line(buf: &mut Buffer, area: Rect, line: &Line) {
    if area.height > 0 {
        line.render(Rect { height: 1, ..area }, buf);
    }
}
