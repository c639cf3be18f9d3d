//! The explorer's state and the one place it changes: [`App::update`].
//!
//! Three lists hold cursors — the timeline and the three level panes — and a
//! detail panel shows the item under the cursor of the list in focus. What
//! is highlighted comes from the *anchor*: the list the user last moved in.
//! An event anchors its factors (lit in the panes), a factor its events (lit
//! on the timeline). Changing focus does not move the anchor, so a user can
//! Tab into a pane and walk the lit factors with `n` without losing them.

mod balance;
mod browse;
mod class;
mod find;
mod help;
mod jump;
pub mod line_edit;
mod quiz;
mod reload;
pub mod timeline;
mod tour;

use std::cell::OnceCell;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::case::index::{Case, Item};
use crate::case::model::Level;
use crate::case::quiz::Quiz;
use crate::case::search::worker::Worker;
use crate::case::search::{self, Corpus, Matcher, Matches};
use crate::config::action::Action;
use crate::config::keymap::{Keymap, Mode};
use crate::config::theme::Theme;
use crate::explorer::view::detail::doc::{self as detail, Doc};
use crate::explorer::view::layout::{self, Areas};
use crate::explorer::view::text;
use crate::explorer::view::{FrameReport, Hit};
pub use class::Seat;
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
    /// The year prompt, with what has been typed.
    Jump {
        /// The digits typed so far.
        input: String,
    },
    /// The finder (`/`).
    Find(Finder),
    /// The list of tours, with the highlighted one.
    Tours {
        /// The highlighted tour.
        cursor: usize,
    },
    /// A guided tour at a step.
    Tour {
        /// The tour, by position.
        tour: usize,
        /// The step, from 0.
        step: usize,
    },
    /// The balance view, with the selected era row and level column.
    Balance {
        /// The selected era row (in start order).
        era: usize,
        /// The selected level.
        level: Level,
    },
    /// The quiz.
    Quiz(Quiz),
}

/// The finder's state: the query and its ranked results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finder {
    /// The query typed so far.
    pub input: String,
    /// Where typing goes in the query, in characters from its start.
    pub caret: usize,
    /// The best results for the query, best first.
    pub results: Vec<Item>,
    /// Those results the query finds only in their editorial note.
    pub note_only: Vec<Item>,
    /// How many items match in all.
    pub total: usize,
    /// The highlighted result and the first one shown.
    pub scroll: Scroll,
    /// Whether the results are for an older query, a search still running.
    pub pending: bool,
    /// Enter was pressed while searching: go to the best result when the
    /// search for what was typed finishes, not to a stale one.
    pub go_when_ready: bool,
}

/// Searching: the records (built on first use), and for large cases a
/// worker thread that searches off the interface thread.
#[derive(Debug, Default)]
struct Search {
    corpus: OnceCell<Corpus>,
    matcher: Matcher,
    /// Whether searches run on a worker thread.
    on_worker: bool,
    /// The worker, started at the first search: its records are a second
    /// copy of the case's text, which a session that never searches never
    /// pays for.
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

/// A tour step as it is shown: its heading, the class's text and the
/// teacher's note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepText<'a> {
    /// "Tour name · step 3 of 18".
    pub title: String,
    /// What the class sees.
    pub text: &'a str,
    /// The teacher's note, if the step has one.
    pub note: Option<&'a str>,
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
    /// Draw with ASCII only.
    pub ascii: bool,
    /// Start in presentation mode.
    pub present: bool,
    /// The quiz's seed.
    pub seed: u64,
    /// The quiz asks about the background before the period too.
    pub quiz_all: bool,
    /// A message to show in the status bar at start.
    pub notice: Option<String>,
    /// What was wrong in the settings file, one line each, for the help.
    pub settings_problems: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            theme: Theme::dark(),
            keymap: Keymap::default(),
            mouse: false,
            warnings: 0,
            search_worker: None,
            ascii: false,
            present: false,
            seed: 1998,
            quiz_all: false,
            notice: None,
            settings_problems: Vec::new(),
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
    /// What was wrong in the settings file, shown at the top of the help.
    pub settings_problems: Vec<String>,
    /// How many warnings the dataset raised.
    pub warnings: usize,
    /// Whether to draw with ASCII only.
    pub ascii: bool,
    /// The theme presentation mode swaps in (and out again).
    other_theme: Theme,
    present: bool,
    seed: u64,
    /// The quiz asks about the background before the period too.
    quiz_all: bool,
    /// The help's scroll, while the help is open (over anything else).
    help: Option<usize>,
    /// A quiz left part-way, to come back to.
    paused_quiz: Option<Quiz>,
    /// The live quiz's score, kept while no live question is open.
    live_quiz: Option<Quiz>,
    /// This explorer's seat in a class (over SSH), if any.
    class: Option<Seat>,
    /// The speaker notes fill the screen.
    notes: bool,
    /// The first shown of a list the view lays out itself (the balance's
    /// factors, the quiz's review); back to the top when its view changes.
    list_offset: usize,
    /// Why the case file's latest version did not load (`--watch`).
    reload_problem: Option<String>,
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
    /// Ctrl-Z was pressed: the event loop gives the terminal back.
    suspend: bool,
    /// What the last frame reported: its click targets, the slide's cut.
    frame: FrameReport,
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
    /// The case may be shared, read-only, with other explorers.
    pub fn new(case: impl Into<Arc<Case>>, options: Options) -> App {
        let case = case.into();
        let rows = timeline::rows(&case, None, false);
        let on_worker = options
            .search_worker
            .unwrap_or(case.item_count() > INLINE_SEARCH_LIMIT);
        let first = rows
            .iter()
            .position(|r| matches!(r, Row::Event(_)))
            .or_else(|| rows.iter().position(|r| r.selectable()))
            .unwrap_or(0);
        let mut app = App {
            case,
            other_theme: if options.theme == Theme::monochrome() {
                Theme::monochrome()
            } else {
                Theme::high_contrast()
            },
            theme: options.theme,
            keymap: options.keymap,
            mouse: options.mouse,
            settings_problems: options.settings_problems,
            warnings: options.warnings,
            ascii: options.ascii,
            present: false,
            seed: options.seed,
            quiz_all: options.quiz_all,
            help: None,
            paused_quiz: None,
            live_quiz: None,
            class: None,
            notes: false,
            list_offset: 0,
            reload_problem: None,
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
                on_worker,
                ..Search::default()
            },
            message: options.notice,
            quit: false,
            suspend: false,
            frame: FrameReport::default(),
        };
        if options.present {
            app.toggle_present();
        }
        app.reveal_lit_factors();
        app
    }

    // Reading the state, for the renderer and for tests.

    /// Which keys apply now.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            return Mode::Help;
        }
        match self.overlay {
            Overlay::None => Mode::Browse,
            Overlay::Jump { .. } => Mode::Jump,
            Overlay::Find(_) => Mode::Find,
            Overlay::Tours { .. } => Mode::Tours,
            Overlay::Tour { .. } => Mode::Tour,
            Overlay::Balance { .. } => Mode::Balance,
            Overlay::Quiz(_) => Mode::Quiz,
        }
    }

    /// The help's scroll, when the help is open.
    pub fn help_scroll(&self) -> Option<usize> {
        self.help
    }

    /// The help, laid out for the current screen.
    pub fn help_document(&self) -> crate::explorer::view::help::Help {
        crate::explorer::view::help::document(self, layout::help_width(self.screen))
    }

    /// Whether presentation mode is on.
    pub fn presenting(&self) -> bool {
        self.present
    }

    /// Presentation mode on or off: it swaps in the high-contrast theme
    /// (monochrome stays monochrome) and the large slide view.
    pub fn toggle_present(&mut self) {
        self.present = !self.present;
        std::mem::swap(&mut self.theme, &mut self.other_theme);
        if self.present {
            // No key hints on a slide: say once how to leave, and in a
            // tour where the teaching note is.
            let notes = if self.tour_step().is_some() {
                " · S your notes"
            } else {
                ""
            };
            self.message = Some(format!("presentation · P leaves{notes} · ? keys"));
        }
    }

    /// The first shown item of the balance's list of factors or of the
    /// quiz's review.
    pub fn list_offset(&self) -> usize {
        self.list_offset
    }

    /// Scroll the balance's factors or the quiz's review by `delta` items,
    /// within what the last frame showed of it.
    fn scroll_list(&mut self, delta: isize) {
        self.list_offset = self.frame.list.step(self.list_offset, delta);
    }

    /// Items in a page of the balance's factors or the quiz's review.
    fn list_page(&self) -> isize {
        self.frame.list.page.max(1) as isize
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

    /// Whether the user asked to suspend (Ctrl-Z), clearing the request.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend)
    }

    /// Whether a suspension is waiting for the event loop.
    pub fn suspending(&self) -> bool {
        self.suspend
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// What the last frame drew at cell (`x`, `y`) that a click acts on.
    pub fn hit_at(&self, x: u16, y: u16) -> Option<Hit> {
        self.frame.hit_at(x, y)
    }

    /// What the last frame reported.
    pub fn last_frame(&self) -> &FrameReport {
        &self.frame
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
        if let Overlay::Find(f) = &self.overlay
            && let Some(&item) = f.results.get(f.scroll.cursor)
        {
            return Some(item);
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

    /// Whether the finder's highlighted result is found only in its
    /// editorial note (the preview says so).
    pub fn found_in_note(&self) -> bool {
        match &self.overlay {
            Overlay::Find(f) => f
                .results
                .get(f.scroll.cursor)
                .is_some_and(|item| f.note_only.contains(item)),
            _ => false,
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

    /// How many lit events the folded background holds that the lens lets
    /// through (none while it is unfolded: they show themselves).
    pub fn folded_lit(&self) -> usize {
        let Some(lit) = self.lit().events.filter(|_| !self.fold_open) else {
            return 0;
        };
        let background = self.case.background_count();
        lit.iter()
            .take_while(|&&e| e < background)
            .filter(|&&e| self.lens.is_none_or(|l| self.case.levels(e).contains(l)))
            .count()
    }

    /// The detail document laid out for the current screen.
    pub fn doc(&self) -> Doc {
        let step = self.tour_note();
        let note = step.as_ref().map(|step| detail::Note {
            title: &step.title,
            text: step.text,
            teacher: step.note,
        });
        detail::document(
            &self.case,
            self.shown(),
            self.detail_width(),
            &self.theme,
            note,
        )
    }

    /// The running tour's current step: its heading, what the class sees
    /// and the teacher's note.
    pub fn tour_note(&self) -> Option<StepText<'_>> {
        let (tour, step) = self.tour_step()?;
        let t = &self.case.data.tours[tour];
        let s = &t.steps[step];
        Some(StepText {
            title: format!("{} · step {} of {}", t.name, step + 1, t.steps.len()),
            text: &s.text,
            note: s.note.as_deref(),
        })
    }

    /// The width the detail's text is laid out in.
    pub fn detail_width(&self) -> usize {
        self.areas().map_or(1, |a| a.detail_width())
    }

    fn timeline_height(&self) -> usize {
        self.areas().map_or(1, |a| a.timeline_rows())
    }

    /// How `level`'s pane lays out its factors: the rows of each.
    pub fn pane_layout(&self, level: Level) -> layout::PaneRows {
        let Some(areas) = self.areas() else {
            return layout::PaneRows::Uniform(layout::ItemRows {
                name: 1,
                summary: 0,
            });
        };
        let width = areas.pane_text_width(level);
        let factors = &self.case.index.level_factors[level.index()];
        layout::PaneRows::new(areas.pane_rows(level), factors.len(), areas.roomy, |i| {
            let factor = &self.case.data.factors[factors[i]];
            layout::ItemRows {
                name: text::wrap(&factor.marked_name(), width).len(),
                summary: text::wrap(&factor.summary, width).len(),
            }
        })
    }

    /// How many factors `level`'s pane shows at once.
    fn pane_height(&self, level: Level) -> usize {
        self.areas()
            .map_or(1, |a| self.pane_layout(level).shown(a.pane_rows(level)))
    }

    fn detail_height(&self) -> usize {
        self.areas().map_or(1, |a| a.detail_rows())
    }

    fn pane_len(&self, level: Level) -> usize {
        self.case.index.level_factors[level.index()].len()
    }

    // Changing the state.

    /// Take what a frame reported (the front calls this after each draw):
    /// the next click and the next scroll of a slide act on that frame.
    pub fn drawn(&mut self, report: FrameReport) {
        self.frame = report;
    }

    /// Lay out for a terminal of `width` × `height` cells.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Rect::new(0, 0, width, height);
        // Back from a tiny size, show the top again when the cursor fits
        // there, rather than the scroll a one-row timeline needed.
        if self.timeline.cursor < self.timeline_height() {
            self.timeline.offset = 0;
        }
        self.reveal_timeline();
        for level in Level::ALL {
            self.reveal_pane(level);
        }
        // After the cursors, so that the lists without focus show what the
        // selection lights rather than their own cursors.
        self.reveal_lit_factors();
        self.reveal_lit_events();
        let height = self.finder_height();
        if let Overlay::Find(finder) = &mut self.overlay {
            let cursor = finder.scroll.cursor;
            finder.scroll.reveal(cursor, height);
        }
        self.clamp_detail();
    }

    /// Do what `action` says. The only method that changes the state
    /// (besides [`App::resize`]).
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if action == Action::Suspend {
            self.suspend = true;
            return;
        }
        if self.class_action(&action) {
            return;
        }
        if action == Action::Notes && self.mode() != Mode::Help {
            self.toggle_notes();
            return;
        }
        let anchor = self.anchor();
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
                        | Action::Present
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
            Mode::Tours => self.tours(action),
            Mode::Tour => self.tour(action),
            Mode::Balance => self.balance(action),
            Mode::Quiz => self.quiz(action),
        }
        if self.anchor() != anchor {
            self.reveal_lit_factors();
            self.reveal_lit_events();
        }
    }
}

/// `at` moved by a wheel's `delta`, kept within `0..=last`.
fn stepped(at: usize, delta: i8, last: usize) -> usize {
    at.saturating_add_signed(isize::from(delta)).min(last)
}
