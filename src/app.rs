//! The explorer's state and the one place it changes: [`App::update`].
//!
//! Three lists hold cursors — the timeline and the three level panes — and a
//! detail panel shows the item under the cursor of the list in focus. What
//! is highlighted comes from the *anchor*: the list the user last moved in.
//! An event anchors its factors (lit in the panes), a factor its events (lit
//! on the timeline). Changing focus does not move the anchor, so a user can
//! Tab into a pane and walk the lit factors with `n` without losing them.

pub mod timeline;

use ratatui::layout::Rect;

use crate::action::Action;
use crate::detail::{self, Doc};
use crate::index::{Case, Item};
use crate::keymap::{Keymap, Mode};
use crate::layout::{self, Areas};
use crate::model::Level;
use crate::theme::Theme;
use timeline::Row;

/// A region of the screen that can have focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    /// The timeline of events.
    Timeline,
    /// One level's pane of factors.
    Pane(Level),
    /// The detail panel.
    Detail,
}

impl Region {
    /// Tab order.
    pub const ORDER: [Region; 5] = [
        Region::Timeline,
        Region::Pane(Level::Individual),
        Region::Pane(Level::Domestic),
        Region::Pane(Level::Systemic),
        Region::Detail,
    ];

    fn position(self) -> usize {
        Region::ORDER.iter().position(|&r| r == self).unwrap_or(0)
    }
}

/// A list's cursor and the first row on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// The row (or, in the detail, the link) under the cursor.
    pub cursor: usize,
    /// The first row shown.
    pub offset: usize,
}

impl Scroll {
    /// Scroll just enough for the cursor to be among `height` rows shown.
    fn reveal(&mut self, row: usize, height: usize) {
        let height = height.max(1);
        if row < self.offset {
            self.offset = row;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
    }
}

/// A popup or prompt over the explorer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing open.
    None,
    /// The key help, scrolled to a row.
    Help {
        /// The first row shown.
        scroll: usize,
    },
    /// The year prompt, with what has been typed.
    Jump {
        /// The digits typed so far.
        input: String,
    },
}

/// What the anchor lights up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lit<'a> {
    /// Nothing is anchored (the background fold, or an empty list).
    Nothing,
    /// An event is anchored: its factors.
    Factors(&'a [usize]),
    /// A factor is anchored: its events, in order.
    Events(&'a [usize]),
}

impl Lit<'_> {
    /// Whether factor `f` is lit.
    pub fn factor(self, f: usize) -> bool {
        matches!(self, Lit::Factors(fs) if fs.contains(&f))
    }

    /// Whether event `e` is lit.
    pub fn event(self, e: usize) -> bool {
        matches!(self, Lit::Events(es) if es.binary_search(&e).is_ok())
    }

    /// Whether any event in the range of positions is lit.
    pub fn any_event_in(self, events: std::ops::Range<usize>) -> bool {
        match self {
            Lit::Events(es) => {
                let from = es.partition_point(|&e| e < events.start);
                es.get(from).is_some_and(|&e| e < events.end)
            }
            _ => false,
        }
    }
}

/// Where the user was, to come back to with Esc after following a link.
#[derive(Debug, Clone, Copy)]
struct Place {
    focus: Region,
    shown: Region,
    anchor: Region,
    timeline: Option<Row>,
    panes: [usize; 3],
    detail: DetailScroll,
}

/// How the explorer starts.
#[derive(Debug, Clone)]
pub struct Options {
    /// The theme.
    pub theme: Theme,
    /// The key bindings.
    pub keymap: Keymap,
    /// Whether the mouse is enabled (for the help and status texts).
    pub mouse: bool,
    /// Warnings the dataset raised, shown in the status bar.
    pub warnings: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            theme: Theme::dark(),
            keymap: Keymap::default(),
            mouse: false,
            warnings: 0,
        }
    }
}

/// The whole state of the explorer.
#[derive(Debug)]
pub struct App {
    /// The dataset and its relations.
    pub case: Case,
    /// The styles in use.
    pub theme: Theme,
    /// The key bindings in use.
    pub keymap: Keymap,
    /// Whether the mouse is enabled.
    pub mouse: bool,
    /// How many warnings the dataset raised.
    pub warnings: usize,
    screen: Rect,
    focus: Region,
    /// The list whose cursor item the detail shows (never `Detail`).
    shown: Region,
    /// The list whose cursor item decides what is lit (never `Detail`).
    anchor: Region,
    lens: Option<Level>,
    fold_open: bool,
    /// Derived from the case, the lens and the fold; rebuilt when they change.
    rows: Vec<Row>,
    timeline: Scroll,
    panes: [Scroll; 3],
    detail: DetailScroll,
    history: Vec<Place>,
    overlay: Overlay,
    message: Option<String>,
    quit: bool,
}

/// The detail's scroll belongs to the item it was made for: showing
/// another item starts at the top without anyone resetting it.
#[derive(Debug, Clone, Copy, Default)]
struct DetailScroll {
    item: Option<Item>,
    scroll: Scroll,
}

impl App {
    /// An explorer on `case`, with the first event of the period selected.
    pub fn new(case: Case, options: Options) -> App {
        let rows = timeline::rows(&case, None, false);
        let first = rows
            .iter()
            .position(|r| matches!(r, Row::Event(_)))
            .or_else(|| rows.iter().position(|r| r.selectable()))
            .unwrap_or(0);
        App {
            case,
            theme: options.theme,
            keymap: options.keymap,
            mouse: options.mouse,
            warnings: options.warnings,
            screen: Rect::new(0, 0, 80, 24),
            focus: Region::Timeline,
            shown: Region::Timeline,
            anchor: Region::Timeline,
            lens: None,
            fold_open: false,
            rows,
            timeline: Scroll {
                cursor: first,
                offset: 0,
            },
            panes: [Scroll::default(); 3],
            detail: DetailScroll::default(),
            history: Vec::new(),
            overlay: Overlay::None,
            message: None,
            quit: false,
        }
    }

    // Reading the state, for the renderer and for tests.

    /// Which keys apply now.
    pub fn mode(&self) -> Mode {
        match self.overlay {
            Overlay::None => Mode::Browse,
            Overlay::Help { .. } => Mode::Help,
            Overlay::Jump { .. } => Mode::Jump,
        }
    }

    /// The region with focus.
    pub fn focus(&self) -> Region {
        self.focus
    }

    /// The level lens, if one is on.
    pub fn lens(&self) -> Option<Level> {
        self.lens
    }

    /// Whether the background fold is open.
    pub fn fold_open(&self) -> bool {
        self.fold_open
    }

    /// The timeline's rows.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The timeline's cursor and scroll.
    pub fn timeline(&self) -> Scroll {
        self.timeline
    }

    /// A level pane's cursor and scroll.
    pub fn pane(&self, level: Level) -> Scroll {
        self.panes[level.index()]
    }

    /// The detail's link cursor and scroll.
    pub fn detail(&self) -> Scroll {
        if self.detail.item == self.shown() {
            self.detail.scroll
        } else {
            Scroll::default()
        }
    }

    fn detail_mut(&mut self) -> &mut Scroll {
        let shown = self.shown();
        if self.detail.item != shown {
            self.detail = DetailScroll {
                item: shown,
                scroll: Scroll::default(),
            };
        }
        &mut self.detail.scroll
    }

    /// The popup or prompt that is open.
    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    /// A message for the status bar, cleared by the next action.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The terminal size the app lays itself out for.
    pub fn screen(&self) -> Rect {
        self.screen
    }

    /// The regions of the screen, or `None` when it is too small.
    pub fn areas(&self) -> Option<Areas> {
        Areas::new(self.screen)
    }

    /// The item under a list's cursor (`None` on the background fold).
    pub fn item_in(&self, region: Region) -> Option<Item> {
        match region {
            Region::Timeline => match self.rows.get(self.timeline.cursor)? {
                Row::Event(e) => Some(Item::Event(*e)),
                _ => None,
            },
            Region::Pane(level) => self.case.index.level_factors[level.index()]
                .get(self.panes[level.index()].cursor)
                .map(|&f| Item::Factor(f)),
            Region::Detail => self.item_in(self.shown),
        }
    }

    /// The item the detail shows.
    pub fn shown(&self) -> Option<Item> {
        self.item_in(self.shown)
    }

    /// The item that decides what is lit.
    pub fn anchor(&self) -> Option<Item> {
        self.item_in(self.anchor)
    }

    /// The list whose item the detail shows.
    pub fn shown_region(&self) -> Region {
        self.shown
    }

    /// The list the anchor is in.
    pub fn anchor_region(&self) -> Region {
        self.anchor
    }

    /// What the anchor lights up.
    pub fn lit(&self) -> Lit<'_> {
        match self.anchor() {
            Some(Item::Event(e)) => Lit::Factors(&self.case.index.event_factors[e]),
            Some(Item::Factor(f)) => Lit::Events(&self.case.index.factor_events[f]),
            _ => Lit::Nothing,
        }
    }

    /// The detail document laid out for the current screen.
    pub fn doc(&self) -> Doc {
        detail::document(&self.case, self.shown(), self.detail_width(), &self.theme)
    }

    /// The width the detail's text is laid out in: the panel's inside less
    /// a margin on the left and the scrollbar on the right.
    pub fn detail_width(&self) -> usize {
        self.areas()
            .map_or(1, |a| {
                usize::from(layout::inner(a.detail).width).saturating_sub(2)
            })
            .max(1)
    }

    fn timeline_height(&self) -> usize {
        self.areas()
            .map_or(1, |a| usize::from(layout::inner(a.timeline).height))
    }

    /// Rows each factor takes in the panes: two when summaries show.
    pub fn pane_item_height(&self) -> usize {
        if self.areas().is_some_and(|a| a.roomy) {
            2
        } else {
            1
        }
    }

    fn pane_height(&self, level: Level) -> usize {
        self.areas().map_or(1, |a| {
            usize::from(layout::inner(a.panes[level.index()]).height) / self.pane_item_height()
        })
    }

    fn detail_height(&self) -> usize {
        self.areas()
            .map_or(1, |a| usize::from(layout::inner(a.detail).height))
    }

    fn pane_len(&self, level: Level) -> usize {
        self.case.index.level_factors[level.index()].len()
    }

    // Changing the state.

    /// Lay out for a terminal of `width` × `height` cells.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Rect::new(0, 0, width, height);
        self.reveal_timeline();
        for level in Level::ALL {
            self.reveal_pane(level);
        }
        let doc = self.doc();
        let max = doc.lines.len().saturating_sub(self.detail_height());
        let detail = self.detail_mut();
        detail.offset = detail.offset.min(max);
    }

    /// Do what `action` says. The only method that changes the state
    /// (besides [`App::resize`]).
    pub fn update(&mut self, action: Action) {
        self.message = None;
        let (focus, shown, anchor) = (self.focus, self.shown(), self.anchor());
        match self.mode() {
            Mode::Browse => self.browse(action),
            Mode::Help => self.help(action),
            Mode::Jump => self.jump(action),
        }
        // Arriving in the detail (or at a new item in it) shows the link
        // cursor, so that Enter's target is on screen.
        if self.focus == Region::Detail && (focus != Region::Detail || self.shown() != shown) {
            let doc = self.doc();
            self.reveal_link(&doc);
        }
        if self.anchor() != anchor {
            self.reveal_lit_factors();
        }
    }

    fn browse(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.page(-1),
            Action::PageDown => self.page(1),
            Action::Top => self.jump_end(false),
            Action::Bottom => self.jump_end(true),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::FocusLeft => self.side_focus(-1),
            Action::FocusRight => self.side_focus(1),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::NextLit => self.next_lit(true),
            Action::PrevLit => self.next_lit(false),
            Action::LensAll => self.set_lens(None),
            Action::LensIndividual => self.set_lens(Some(Level::Individual)),
            Action::LensDomestic => self.set_lens(Some(Level::Domestic)),
            Action::LensSystemic => self.set_lens(Some(Level::Systemic)),
            Action::JumpYear => {
                self.overlay = Overlay::Jump {
                    input: String::new(),
                }
            }
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, delta) => self.wheel(x, y, delta),
            Action::Submit
            | Action::Cancel
            | Action::DeleteChar
            | Action::DeleteWord
            | Action::ClearInput
            | Action::Insert(_)
            | Action::Paste(_) => {}
        }
    }

    fn help(&mut self, action: Action) {
        let Overlay::Help { scroll } = &mut self.overlay else {
            return;
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Cancel | Action::Help | Action::Back => self.overlay = Overlay::None,
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll += 1,
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            Action::PageDown => *scroll += 10,
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = usize::MAX / 2,
            Action::Wheel(_, _, delta) => {
                *scroll = scroll.saturating_add_signed(3 * isize::from(delta));
            }
            _ => {}
        }
    }

    fn jump(&mut self, action: Action) {
        let Overlay::Jump { input } = &mut self.overlay else {
            return;
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Cancel | Action::Back => self.overlay = Overlay::None,
            Action::Insert(c) => push_digits(input, &c.to_string()),
            Action::Paste(text) => push_digits(input, &text),
            Action::DeleteChar => {
                input.pop();
            }
            Action::DeleteWord | Action::ClearInput => input.clear(),
            Action::Submit => {
                let year = input.parse::<i32>().ok();
                self.overlay = Overlay::None;
                match year {
                    Some(y) => self.jump_to_year(y),
                    None => self.message = Some("type a year, e.g. 2009".into()),
                }
            }
            _ => {}
        }
    }

    /// Move the cursor of the focused region by `delta` rows.
    fn step(&mut self, delta: isize) {
        match self.focus {
            Region::Timeline => {
                let target = self.timeline.cursor.saturating_add_signed(delta);
                self.timeline_to(target, delta.signum());
                self.anchor = Region::Timeline;
            }
            Region::Pane(level) => {
                let len = self.pane_len(level);
                let pane = &mut self.panes[level.index()];
                pane.cursor = pane
                    .cursor
                    .saturating_add_signed(delta)
                    .min(len.saturating_sub(1));
                self.anchor = self.focus;
                self.reveal_pane(level);
            }
            Region::Detail => {
                let doc = self.doc();
                if doc.links.is_empty() {
                    self.scroll_detail(&doc, delta);
                } else {
                    let last = doc.links.len() - 1;
                    let detail = self.detail_mut();
                    detail.cursor = detail.cursor.saturating_add_signed(delta).min(last);
                    self.reveal_link(&doc);
                }
            }
        }
    }

    fn page(&mut self, direction: isize) {
        match self.focus {
            Region::Timeline => {
                self.step(direction * self.timeline_height().max(2) as isize - direction)
            }
            Region::Pane(level) => self.step(direction * self.pane_height(level).max(1) as isize),
            Region::Detail => {
                let doc = self.doc();
                let height = self.detail_height().max(2) as isize - 1;
                self.scroll_detail(&doc, direction * height);
                // Keep the link cursor on screen with the text.
                let height = self.detail_height();
                let detail = self.detail_mut();
                let (top, bottom) = (detail.offset, detail.offset + height);
                if let Some(i) = doc
                    .links
                    .iter()
                    .position(|&(row, _)| row >= top && row < bottom)
                {
                    let current = doc.links.get(detail.cursor).map(|l| l.0);
                    if !current.is_some_and(|row| row >= top && row < bottom) {
                        detail.cursor = i;
                    }
                }
            }
        }
    }

    fn jump_end(&mut self, end: bool) {
        let far = if end {
            isize::MAX / 2
        } else {
            -(isize::MAX / 2)
        };
        match self.focus {
            Region::Detail => {
                let doc = self.doc();
                self.scroll_detail(&doc, far);
                self.detail_mut().cursor = if end {
                    doc.links.len().saturating_sub(1)
                } else {
                    0
                };
            }
            _ => self.step(far),
        }
    }

    fn scroll_detail(&mut self, doc: &Doc, delta: isize) {
        let max = doc.lines.len().saturating_sub(self.detail_height());
        let detail = self.detail_mut();
        detail.offset = detail.offset.saturating_add_signed(delta).min(max);
    }

    /// Put the timeline cursor on the selectable row nearest `target`,
    /// looking first in `direction` (1 down, -1 up).
    fn timeline_to(&mut self, target: usize, direction: isize) {
        let Some(last) = self.rows.len().checked_sub(1) else {
            return;
        };
        let target = target.min(last);
        let ahead: Box<dyn Iterator<Item = usize>> = if direction < 0 {
            Box::new((0..=target).rev())
        } else {
            Box::new(target..=last)
        };
        let behind: Box<dyn Iterator<Item = usize>> = if direction < 0 {
            Box::new(target..=last)
        } else {
            Box::new((0..=target).rev())
        };
        if let Some(row) = ahead.chain(behind).find(|&r| self.rows[r].selectable()) {
            self.timeline.cursor = row;
            self.reveal_timeline();
        }
    }

    fn reveal_timeline(&mut self) {
        let height = self.timeline_height();
        let cursor = self.timeline.cursor;
        self.timeline.reveal(cursor, height);
        // Show the era header above the first event of an era too.
        if cursor > 0
            && matches!(self.rows.get(cursor - 1), Some(Row::Era(_)))
            && cursor - 1 < self.timeline.offset
        {
            self.timeline.offset = cursor - 1;
        }
        let max = self.rows.len().saturating_sub(height);
        self.timeline.offset = self.timeline.offset.min(max);
    }

    fn reveal_pane(&mut self, level: Level) {
        let height = self.pane_height(level);
        let len = self.pane_len(level);
        let pane = &mut self.panes[level.index()];
        pane.cursor = pane.cursor.min(len.saturating_sub(1));
        let cursor = pane.cursor;
        pane.reveal(cursor, height);
        pane.offset = pane.offset.min(len.saturating_sub(height));
    }

    fn reveal_link(&mut self, doc: &Doc) {
        let height = self.detail_height();
        let max = doc.lines.len().saturating_sub(height);
        let detail = self.detail_mut();
        detail.cursor = detail.cursor.min(doc.links.len().saturating_sub(1));
        if let Some(&(row, _)) = doc.links.get(detail.cursor) {
            detail.reveal(row, height);
        }
        detail.offset = detail.offset.min(max);
    }

    /// When an event becomes the anchor, scroll each pane (but the one in
    /// focus) so that one of its lit factors is in view.
    fn reveal_lit_factors(&mut self) {
        let Lit::Factors(lit) = self.lit() else {
            return;
        };
        let lit = lit.to_vec();
        for level in Level::ALL {
            if self.focus == Region::Pane(level) {
                continue;
            }
            let height = self.pane_height(level);
            let factors = &self.case.index.level_factors[level.index()];
            let positions: Vec<usize> = (0..factors.len())
                .filter(|&i| lit.contains(&factors[i]))
                .collect();
            let pane = &mut self.panes[level.index()];
            let in_view = positions
                .iter()
                .any(|&i| i >= pane.offset && i < pane.offset + height);
            if let (false, Some(&first)) = (in_view, positions.first()) {
                pane.offset = first.min(factors.len().saturating_sub(height));
            }
        }
    }

    fn set_focus(&mut self, region: Region) {
        self.focus = region;
        if region != Region::Detail {
            self.shown = region;
        }
    }

    fn cycle_focus(&mut self, direction: isize) {
        let n = Region::ORDER.len() as isize;
        let next = (self.focus.position() as isize + direction).rem_euclid(n);
        self.set_focus(Region::ORDER[next as usize]);
    }

    fn side_focus(&mut self, direction: isize) {
        let from = if self.focus == Region::Detail {
            self.shown
        } else {
            self.focus
        };
        let next = (from.position() as isize + direction).clamp(0, 3);
        self.set_focus(Region::ORDER[next as usize]);
    }

    fn open(&mut self) {
        match self.focus {
            Region::Timeline => match self.rows.get(self.timeline.cursor) {
                Some(Row::Fold(_)) => self.toggle_fold(),
                Some(Row::Event(_)) => self.set_focus(Region::Detail),
                _ => {}
            },
            Region::Pane(_) => {
                if self.shown().is_some() {
                    self.set_focus(Region::Detail);
                }
            }
            Region::Detail => {
                let doc = self.doc();
                if let Some(&(_, item)) = doc.links.get(self.detail().cursor) {
                    self.follow(item);
                }
            }
        }
    }

    fn toggle_fold(&mut self) {
        let at = self.rows.get(self.timeline.cursor).copied();
        self.fold_open = !self.fold_open;
        self.rebuild(at);
    }

    /// Rebuild the rows after the lens or fold changed, keeping the cursor
    /// on `keep` or the nearest row after it.
    fn rebuild(&mut self, keep: Option<Row>) {
        self.rows = timeline::rows(&self.case, self.lens, self.fold_open);
        let row = match keep {
            Some(Row::Event(e)) => self
                .rows
                .iter()
                .position(|r| matches!(r, Row::Event(x) if *x >= e))
                .or_else(|| self.rows.iter().rposition(|r| matches!(r, Row::Event(_)))),
            Some(r) => self.rows.iter().position(|x| *x == r),
            None => None,
        };
        self.timeline.cursor = row.unwrap_or(0);
        self.timeline_to(self.timeline.cursor, 1);
        self.reveal_timeline();
    }

    fn set_lens(&mut self, lens: Option<Level>) {
        let keep = self.rows.get(self.timeline.cursor).copied();
        self.lens = lens;
        self.rebuild(keep);
        if self.rows.is_empty() {
            self.message = Some("no events involve this level".into());
        }
    }

    fn place(&self) -> Place {
        Place {
            focus: self.focus,
            shown: self.shown,
            anchor: self.anchor,
            timeline: self.rows.get(self.timeline.cursor).copied(),
            panes: self.panes.map(|p| p.cursor),
            detail: self.detail,
        }
    }

    /// Follow a link from the detail: select its item, keeping the focus on
    /// the detail so that more links can be followed; Esc comes back.
    fn follow(&mut self, item: Item) {
        self.history.push(self.place());
        self.select(item);
    }

    /// Select `item` in its list (the timeline for an event, its level's pane
    /// for a factor), making it shown and anchored, as if moved to by hand.
    /// Actors, eras and sources select their first event (or factor).
    pub fn select(&mut self, item: Item) {
        let index = &self.case.index;
        let item = match item {
            Item::Actor(a) => first(index.actor_events(a), index.actor_factors(a)),
            Item::Era(x) => first(index.era_events(x), Vec::new()),
            Item::Source(s) => first(index.source_events(s), index.source_factors(s)),
            other => Some(other),
        };
        match item {
            Some(Item::Event(e)) => {
                let hidden_by_lens = self.lens.is_some_and(|l| !self.case.levels(e).contains(l));
                if hidden_by_lens {
                    self.lens = None;
                }
                if self.case.is_background(e) {
                    self.fold_open = true;
                }
                self.rebuild(Some(Row::Event(e)));
                self.anchor = Region::Timeline;
                self.shown = Region::Timeline;
            }
            Some(Item::Factor(f)) => {
                let level = self.case.data.factors[f].level;
                let at = self.case.index.level_factors[level.index()]
                    .iter()
                    .position(|&x| x == f);
                self.panes[level.index()].cursor = at.unwrap_or(0);
                self.reveal_pane(level);
                self.anchor = Region::Pane(level);
                self.shown = Region::Pane(level);
            }
            _ => {}
        }
        if self.focus != Region::Detail {
            self.focus = self.shown;
        }
    }

    fn back(&mut self) {
        if let Some(place) = self.history.pop() {
            self.focus = place.focus;
            self.shown = place.shown;
            self.anchor = place.anchor;
            if let Some(row) = place.timeline {
                self.rebuild(Some(row));
            }
            for level in Level::ALL {
                self.panes[level.index()].cursor = place.panes[level.index()];
                self.reveal_pane(level);
            }
            self.detail = place.detail;
        } else if self.focus == Region::Detail {
            self.focus = self.shown;
        }
    }

    /// Jump to the next (or previous) item the anchor lights: a lit event
    /// on the timeline, or a lit factor across the three panes.
    fn next_lit(&mut self, forward: bool) {
        match self.lit() {
            Lit::Nothing => self.message = Some("nothing is highlighted".into()),
            Lit::Events(events) => {
                let lens = self.lens;
                let visible: Vec<usize> = events
                    .iter()
                    .copied()
                    .filter(|&e| lens.is_none_or(|l| self.case.levels(e).contains(l)))
                    .collect();
                let current = match (self.focus, self.rows.get(self.timeline.cursor)) {
                    (Region::Timeline, Some(Row::Event(e))) => Some(*e),
                    _ => None,
                };
                let Some(e) = cycle(&visible, current, forward) else {
                    self.message = Some("no highlighted events under this lens".into());
                    return;
                };
                if self.case.is_background(e) {
                    self.fold_open = true;
                }
                self.rebuild(Some(Row::Event(e)));
                self.set_focus(Region::Timeline);
            }
            Lit::Factors(factors) => {
                let index = &self.case.index;
                // Lit factors in screen order: by level, then by place in the pane.
                let mut order: Vec<(usize, usize)> = factors
                    .iter()
                    .filter_map(|&f| {
                        let level = self.case.data.factors[f].level.index();
                        let at = index.level_factors[level].iter().position(|&x| x == f)?;
                        Some((level, at))
                    })
                    .collect();
                order.sort_unstable();
                let current = match self.focus {
                    Region::Pane(l) => Some((l.index(), self.panes[l.index()].cursor)),
                    _ => None,
                };
                let Some((level, at)) = cycle(&order, current, forward) else {
                    return;
                };
                let level = Level::ALL[level];
                self.panes[level.index()].cursor = at;
                self.reveal_pane(level);
                self.set_focus(Region::Pane(level));
            }
        }
    }

    fn jump_to_year(&mut self, year: i32) {
        let lens = self.lens;
        let target = (0..self.case.data.events.len()).find(|&e| {
            self.case.data.events[e].year >= year
                && lens.is_none_or(|l| self.case.levels(e).contains(l))
        });
        match target {
            Some(e) => {
                if self.case.is_background(e) {
                    self.fold_open = true;
                }
                self.rebuild(Some(Row::Event(e)));
                self.anchor = Region::Timeline;
                self.set_focus(Region::Timeline);
                if self.case.data.events[e].year != year {
                    self.message = Some(format!(
                        "no event in {year}; showing {}",
                        self.case.data.events[e].year
                    ));
                }
            }
            None => self.message = Some(format!("no event in or after {year}")),
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let Some(areas) = self.areas() else {
            return;
        };
        let hit = |r: Rect| {
            let inner = layout::inner(r);
            (inner.contains((x, y).into())).then(|| usize::from(y - inner.y))
        };
        if let Some(dy) = hit(areas.timeline) {
            let row = self.timeline.offset + dy;
            match self.rows.get(row) {
                Some(Row::Fold(_)) => {
                    self.timeline.cursor = row;
                    self.anchor = Region::Timeline;
                    self.set_focus(Region::Timeline);
                    self.toggle_fold();
                }
                Some(Row::Event(_)) => {
                    self.timeline.cursor = row;
                    self.anchor = Region::Timeline;
                    self.set_focus(Region::Timeline);
                    self.reveal_timeline();
                }
                _ => {}
            }
            return;
        }
        for level in Level::ALL {
            if let Some(dy) = hit(areas.panes[level.index()]) {
                let at = self.panes[level.index()].offset + dy / self.pane_item_height();
                if at < self.pane_len(level) {
                    self.panes[level.index()].cursor = at;
                    self.anchor = Region::Pane(level);
                    self.set_focus(Region::Pane(level));
                    self.reveal_pane(level);
                }
                return;
            }
        }
        if let Some(dy) = hit(areas.detail) {
            let doc = self.doc();
            let row = self.detail().offset + dy;
            if let Some(i) = doc.links.iter().position(|&(r, _)| r == row) {
                self.focus = Region::Detail;
                self.detail_mut().cursor = i;
                self.follow(doc.links[i].1);
            }
        }
    }

    fn wheel(&mut self, x: u16, y: u16, delta: i8) {
        let Some(areas) = self.areas() else {
            return;
        };
        let over = |r: Rect| r.contains((x, y).into());
        let delta = 3 * isize::from(delta);
        if over(areas.timeline) {
            let max = self.rows.len().saturating_sub(self.timeline_height());
            self.timeline.offset = self.timeline.offset.saturating_add_signed(delta).min(max);
        } else if over(areas.detail) {
            let doc = self.doc();
            self.scroll_detail(&doc, delta);
        } else if let Some(level) = Level::ALL
            .into_iter()
            .find(|l| over(areas.panes[l.index()]))
        {
            let max = self.pane_len(level).saturating_sub(self.pane_height(level));
            let pane = &mut self.panes[level.index()];
            pane.offset = pane.offset.saturating_add_signed(delta).min(max);
        }
    }
}

/// The first event, or else the first factor, as an item.
fn first(events: Vec<usize>, factors: Vec<usize>) -> Option<Item> {
    events
        .first()
        .map(|&e| Item::Event(e))
        .or_else(|| factors.first().map(|&f| Item::Factor(f)))
}

/// The element after (or before) `current` in the sorted `items`, wrapping
/// around; the first (or last) when there is no current one among them.
fn cycle<T: Copy + Ord>(items: &[T], current: Option<T>, forward: bool) -> Option<T> {
    let (first, last) = (*items.first()?, *items.last()?);
    Some(match (current, forward) {
        (None, true) => first,
        (None, false) => last,
        (Some(c), true) => items.iter().copied().find(|&x| x > c).unwrap_or(first),
        (Some(c), false) => items.iter().rev().copied().find(|&x| x < c).unwrap_or(last),
    })
}

/// Append the digits of `text` to a year being typed (at most four).
fn push_digits(input: &mut String, text: &str) {
    for c in text.chars().filter(char::is_ascii_digit) {
        if input.len() < 4 {
            input.push(c);
        }
    }
}
