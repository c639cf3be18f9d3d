//! The explorer's state and the one place it changes: [`App::update`].
//!
//! Three lists hold cursors — the timeline and the three level panes — and a
//! detail panel shows the item under the cursor of the list in focus. What
//! is highlighted comes from the *anchor*: the list the user last moved in.
//! An event anchors its factors (lit in the panes), a factor its events (lit
//! on the timeline). Changing focus does not move the anchor, so a user can
//! Tab into a pane and walk the lit factors with `n` without losing them.

pub mod timeline;

use std::cell::OnceCell;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::action::Action;
use crate::detail::{self, Doc};
use crate::index::{Case, Item};
use crate::keymap::{Keymap, Mode};
use crate::layout::{self, Areas};
use crate::model::Level;
use crate::search::worker::{self, Response, Worker};
use crate::search::{self, Corpus, Matcher, Matches};
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
    /// The finder (`/`).
    Find(Finder),
}

/// The finder's state: the query and its ranked results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finder {
    /// The query typed so far.
    pub input: String,
    /// The best results for the query, best first.
    pub results: Vec<Item>,
    /// How many items match in all.
    pub total: usize,
    /// The highlighted result and the first one shown.
    pub scroll: Scroll,
    /// Whether the results are for an older query, a search still running.
    pub pending: bool,
}

/// Searching: the records (built on first use), and for large cases a
/// worker thread that searches off the interface thread.
#[derive(Debug, Default)]
struct Search {
    corpus: OnceCell<Corpus>,
    matcher: Matcher,
    worker: Option<Worker>,
    generation: u64,
    /// The last finished search, to narrow the next one.
    last: Option<Arc<Matches>>,
}

/// Above this many searchable items, searching runs on a worker thread.
pub const INLINE_SEARCH_LIMIT: usize = 20_000;

/// What the anchor lights up: an event its factors, a factor its events,
/// an actor or a source both, an era its events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lit<'a> {
    /// The lit factors, when the anchor lights factors.
    pub factors: Option<&'a [usize]>,
    /// The lit events, in order, when the anchor lights events.
    pub events: Option<&'a [usize]>,
}

impl Lit<'_> {
    /// Whether factor `f` is lit.
    pub fn factor(self, f: usize) -> bool {
        self.factors.is_some_and(|fs| fs.contains(&f))
    }

    /// Whether event `e` is lit.
    pub fn event(self, e: usize) -> bool {
        self.events.is_some_and(|es| es.binary_search(&e).is_ok())
    }

    /// Whether any event in the range of positions is lit.
    pub fn any_event_in(self, events: std::ops::Range<usize>) -> bool {
        self.events.is_some_and(|es| {
            let from = es.partition_point(|&e| e < events.start);
            es.get(from).is_some_and(|&e| e < events.end)
        })
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
    pinned: Option<Item>,
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
    /// Search on a worker thread: `None` decides by the case's size.
    pub search_worker: Option<bool>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            theme: Theme::dark(),
            keymap: Keymap::default(),
            mouse: false,
            warnings: 0,
            search_worker: None,
        }
    }
}

/// The whole state of the explorer.
#[derive(Debug)]
pub struct App {
    /// The dataset and its relations.
    pub case: Arc<Case>,
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
    /// An item the finder went to that has no list (an actor, era or
    /// source): it is what is lit, and what the detail shows while focused.
    pinned: Option<Item>,
    lens: Option<Level>,
    fold_open: bool,
    /// Derived from the case, the lens and the fold; rebuilt when they change.
    rows: Vec<Row>,
    timeline: Scroll,
    panes: [Scroll; 3],
    detail: DetailScroll,
    history: Vec<Place>,
    overlay: Overlay,
    search: Search,
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
        let case = Arc::new(case);
        let rows = timeline::rows(&case, None, false);
        let d = &case.data;
        let items =
            d.events.len() + d.factors.len() + d.actors.len() + d.eras.len() + d.sources.len();
        let worker = options
            .search_worker
            .unwrap_or(items > INLINE_SEARCH_LIMIT)
            .then(|| Worker::spawn(Arc::clone(&case)).ok())
            .flatten();
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
            pinned: None,
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
            search: Search {
                worker,
                ..Search::default()
            },
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
            Overlay::Find(_) => Mode::Find,
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

    /// The item the detail shows: the highlighted result while finding,
    /// the pinned item while the detail has focus, else the item under the
    /// cursor of the list in focus (or last in focus).
    pub fn shown(&self) -> Option<Item> {
        if let Overlay::Find(f) = &self.overlay {
            if let Some(&item) = f.results.get(f.scroll.cursor) {
                return Some(item);
            }
        }
        match self.pinned {
            Some(item) if self.focus == Region::Detail => Some(item),
            _ => self.item_in(self.shown),
        }
    }

    /// The item that decides what is lit.
    pub fn anchor(&self) -> Option<Item> {
        self.pinned.or_else(|| self.item_in(self.anchor))
    }

    /// Where the finder's query matches in a result's title (character
    /// positions), for highlighting the rows on screen.
    pub fn highlights(&self, item: Item) -> Vec<usize> {
        match &self.overlay {
            Overlay::Find(f) => self
                .search
                .matcher
                .highlights(&search::Query::parse(&f.input), self.case.title(item)),
            _ => Vec::new(),
        }
    }

    /// Whether a search is running on the worker thread.
    pub fn searching(&self) -> bool {
        matches!(&self.overlay, Overlay::Find(f) if f.pending)
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
        let ix = &self.case.index;
        let (factors, events): (Option<&[usize]>, Option<&[usize]>) = match self.anchor() {
            Some(Item::Event(e)) => (Some(&ix.event_factors[e]), None),
            Some(Item::Factor(f)) => (None, Some(&ix.factor_events[f])),
            Some(Item::Actor(a)) => (Some(&ix.actor_factors[a]), Some(&ix.actor_events[a])),
            Some(Item::Era(x)) => (None, Some(&ix.era_events[x])),
            Some(Item::Source(s)) => (Some(&ix.source_factors[s]), Some(&ix.source_events[s])),
            None => (None, None),
        };
        Lit { factors, events }
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
            Mode::Browse => {
                let keeps_pin = matches!(
                    action,
                    Action::Help
                        | Action::Quit
                        | Action::Wheel(..)
                        | Action::Back
                        | Action::NextLit
                        | Action::PrevLit
                        | Action::LensAll
                        | Action::LensIndividual
                        | Action::LensDomestic
                        | Action::LensSystemic
                        | Action::JumpYear
                        | Action::Search
                ) || (self.focus == Region::Detail
                    && matches!(
                        action,
                        Action::Up
                            | Action::Down
                            | Action::PageUp
                            | Action::PageDown
                            | Action::Top
                            | Action::Bottom
                    ));
                self.browse(action);
                if !keeps_pin {
                    self.pinned = None;
                }
            }
            Mode::Help => self.help(action),
            Mode::Jump => self.jump(action),
            Mode::Find => self.find(action),
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
            Action::Search => {
                self.overlay = Overlay::Find(Finder::default());
                self.refresh_search();
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

    fn find(&mut self, action: Action) {
        let height = self.finder_height();
        let Overlay::Find(finder) = &mut self.overlay else {
            return;
        };
        let last = finder.results.len().saturating_sub(1);
        let mut edited = false;
        match action {
            Action::Quit => self.quit = true,
            Action::Cancel | Action::Back => self.overlay = Overlay::None,
            Action::Submit => {
                if let Some(&item) = finder.results.get(finder.scroll.cursor) {
                    self.overlay = Overlay::None;
                    self.go_to(item);
                }
            }
            Action::Up => finder.scroll.cursor = finder.scroll.cursor.saturating_sub(1),
            Action::Down => finder.scroll.cursor = (finder.scroll.cursor + 1).min(last),
            Action::PageUp => finder.scroll.cursor = finder.scroll.cursor.saturating_sub(height),
            Action::PageDown => finder.scroll.cursor = (finder.scroll.cursor + height).min(last),
            Action::Top => finder.scroll.cursor = 0,
            Action::Bottom => finder.scroll.cursor = last,
            Action::Insert(c) => edited = push_query(&mut finder.input, &c.to_string()),
            Action::Paste(text) => edited = push_query(&mut finder.input, &text),
            Action::DeleteChar => edited = finder.input.pop().is_some(),
            Action::DeleteWord => {
                let kept = finder.input.trim_end().rfind(' ').map_or(0, |i| i + 1);
                edited = kept < finder.input.len();
                finder.input.truncate(kept);
            }
            Action::ClearInput => {
                edited = !finder.input.is_empty();
                finder.input.clear();
            }
            Action::Wheel(_, _, delta) => {
                finder.scroll.cursor = finder
                    .scroll
                    .cursor
                    .saturating_add_signed(3 * isize::from(delta))
                    .min(last);
            }
            _ => {}
        }
        if let Overlay::Find(finder) = &mut self.overlay {
            if finder.input.chars().count() >= search::MAX_QUERY {
                self.message = Some(format!(
                    "the query is cut at {} characters",
                    search::MAX_QUERY
                ));
            }
            let cursor = finder.scroll.cursor;
            finder.scroll.reveal(cursor, height);
        }
        if edited {
            self.refresh_search();
        }
    }

    /// Rows of results the finder shows.
    pub fn finder_height(&self) -> usize {
        usize::from(layout::finder(self.screen).height)
            .saturating_sub(3)
            .max(1)
    }

    /// Search for the finder's query: at once for small cases, on the
    /// worker for large ones (the results arrive through [`App::poll_search`]).
    fn refresh_search(&mut self) {
        let Overlay::Find(finder) = &mut self.overlay else {
            return;
        };
        let query = finder.input.clone();
        let within = self
            .search
            .last
            .clone()
            .filter(|m| search::narrows(&m.query, &query));
        self.search.generation += 1;
        if let Some(worker) = &self.search.worker {
            worker.ask(self.search.generation, &query, within);
            finder.pending = true;
            return;
        }
        let corpus = self.search.corpus.get_or_init(|| Corpus::new(&self.case));
        let matches = search::find(
            &self.search.matcher,
            corpus,
            &query,
            within.as_deref(),
            &|| false,
        )
        .unwrap_or_default();
        let best = worker::ranked(corpus, &matches, worker::SHOWN);
        let generation = self.search.generation;
        self.search_done(Response {
            generation,
            matches: Arc::new(matches),
            best,
        });
    }

    /// Take a finished search from the worker, if one is waiting; true when
    /// the screen needs redrawing.
    pub fn poll_search(&mut self) -> bool {
        let mut changed = false;
        while let Some(response) = self.search.worker.as_ref().and_then(Worker::answer) {
            self.search_done(response);
            changed = true;
        }
        changed
    }

    fn search_done(&mut self, response: Response) {
        let current = response.generation == self.search.generation;
        let Overlay::Find(finder) = &mut self.overlay else {
            return;
        };
        if !current {
            // Still useful to narrow the next search, if it narrows.
            return;
        }
        finder.total = response.matches.hits.len();
        finder.results = response.best.into_iter().map(|(item, _)| item).collect();
        finder.scroll = Scroll::default();
        finder.pending = false;
        self.search.last = Some(response.matches);
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
        let Some(lit) = self.lit().factors else {
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
            pinned: self.pinned,
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
    /// An actor, era or source has no list: it is pinned, lighting its events
    /// and factors, and the timeline goes to its first event.
    pub fn select(&mut self, item: Item) {
        self.pinned = None;
        match item {
            Item::Actor(_) | Item::Era(_) | Item::Source(_) => {
                if let Some(&e) = self.lit_by(item).first() {
                    self.reveal_event(e);
                }
                self.pinned = Some(item);
            }
            Item::Event(e) => {
                self.reveal_event(e);
                self.anchor = Region::Timeline;
                self.shown = Region::Timeline;
            }
            Item::Factor(f) => {
                let level = self.case.data.factors[f].level;
                let at = self.case.index.level_factors[level.index()]
                    .iter()
                    .position(|&x| x == f);
                self.panes[level.index()].cursor = at.unwrap_or(0);
                self.reveal_pane(level);
                self.anchor = Region::Pane(level);
                self.shown = Region::Pane(level);
            }
        }
        if self.focus != Region::Detail {
            self.focus = self.shown;
        }
    }

    /// Go to `item` as the finder does: select it and focus where it is —
    /// its list, or the detail for an item without one. Esc comes back.
    pub fn go_to(&mut self, item: Item) {
        self.history.push(self.place());
        self.select(item);
        self.focus = if self.pinned.is_some() {
            Region::Detail
        } else {
            self.shown
        };
    }

    /// The events an item lights, in order.
    fn lit_by(&self, item: Item) -> &[usize] {
        let ix = &self.case.index;
        match item {
            Item::Event(_) => &[],
            Item::Factor(f) => &ix.factor_events[f],
            Item::Actor(a) => &ix.actor_events[a],
            Item::Era(x) => &ix.era_events[x],
            Item::Source(s) => &ix.source_events[s],
        }
    }

    /// Put the timeline's cursor on event `e`, lifting a lens or opening
    /// the background fold if they hide it.
    fn reveal_event(&mut self, e: usize) {
        if self.lens.is_some_and(|l| !self.case.levels(e).contains(l)) {
            self.lens = None;
        }
        if self.case.is_background(e) {
            self.fold_open = true;
        }
        self.rebuild(Some(Row::Event(e)));
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
            self.pinned = place.pinned;
        } else if self.focus == Region::Detail {
            self.focus = self.shown;
        }
    }

    /// Jump to the next (or previous) item the anchor lights: a lit event
    /// on the timeline, or a lit factor across the three panes.
    fn next_lit(&mut self, forward: bool) {
        let lit = self.lit();
        if let Some(events) = lit.events {
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
        } else if let Some(factors) = lit.factors {
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
                self.message = Some("the selected event is linked to no factor".into());
                return;
            };
            let level = Level::ALL[level];
            self.panes[level.index()].cursor = at;
            self.reveal_pane(level);
            self.set_focus(Region::Pane(level));
        } else {
            self.message = Some("nothing is highlighted".into());
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

/// Append `text` to a query, up to [`search::MAX_QUERY`] characters, line
/// breaks becoming spaces; true when the query changed.
fn push_query(input: &mut String, text: &str) -> bool {
    let room = search::MAX_QUERY.saturating_sub(input.chars().count());
    let before = input.len();
    input.extend(
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(room),
    );
    input.len() != before
}

/// Append the digits of `text` to a year being typed (at most four).
fn push_digits(input: &mut String, text: &str) {
    for c in text.chars().filter(char::is_ascii_digit) {
        if input.len() < 4 {
            input.push(c);
        }
    }
}
