//! A new version of the case in place of the old, as a writer saves it
//! (`--watch`): the view stays where it was — the selected item, focus,
//! lens, fold, open detail, finder query, tour step — wherever the item
//! still exists; otherwise its nearest neighbour (the same year and level)
//! is selected. A version that does not load leaves the last good one on
//! screen with its errors in a banner.

use crate::case::index::{Case, Item};
use crate::case::model::Level;

use super::{App, Finder, Options, Overlay, Region};

/// An item as a new version of the case can find it again.
#[derive(Debug, Clone)]
enum Key {
    Event {
        id: String,
        year: i32,
        level: Option<Level>,
    },
    Factor {
        id: String,
        level: Level,
        at: usize,
    },
    Actor(String),
    Era(String),
    Source(String),
}

/// What was open, by what survives a reload.
#[derive(Debug, Clone)]
enum Open {
    Nothing,
    Find(String),
    Jump(String),
    Tours(usize),
    Tour { id: String, step: usize },
    Balance(usize, Level),
}

impl App {
    /// Put `case` in place of the current one, keeping the view; `warnings`
    /// is how many the new version raised. Clears the reload banner.
    pub fn reload(&mut self, case: Case, warnings: usize) {
        // The list's item, not a finder result previewed over it.
        let shown = self.item_in(self.shown).map(|i| key(&self.case, i));
        let anchor = self.anchor().map(|i| key(&self.case, i));
        let open = self.open_now();
        let options = Options {
            theme: if self.present {
                self.other_theme.clone()
            } else {
                self.theme.clone()
            },
            keymap: self.keymap.clone(),
            mouse: self.mouse,
            warnings,
            search_worker: None,
            ascii: self.ascii,
            present: self.present,
            seed: self.seed,
            quiz_all: self.quiz_all,
            notice: None,
            settings_problems: self.settings_problems.clone(),
        };
        let old = std::mem::replace(self, App::new(case, options));
        self.message = None;
        // A quit or a suspension asked for just before the save still stands.
        self.quit = old.quit;
        self.suspend = old.suspend;
        self.class = old.class;
        self.notes = old.notes;
        self.help = old.help;
        self.screen = old.screen;
        self.lens = old.lens;
        self.fold_open = old.fold_open;
        self.rebuild(None);
        let find = |k: &Option<Key>| k.as_ref().and_then(|k| find(&self.case, k));
        let (anchor, shown) = (find(&anchor), find(&shown));
        if let Some(item) = anchor.or(shown) {
            self.select(item);
        }
        if let Some(item) = shown.filter(|&s| Some(s) != anchor) {
            self.point_at(item);
        }
        self.focus = match old.focus {
            Region::Detail if self.shown().is_some() => Region::Detail,
            Region::Detail => self.shown,
            other => other,
        };
        self.reopen(open);
        self.resize(self.screen.width, self.screen.height);
    }

    /// Show the errors of a version that did not load (or clear them).
    pub fn set_reload_problem(&mut self, problem: Option<String>) {
        self.reload_problem = problem;
    }

    /// The errors of the last version that did not load, if any.
    pub fn reload_problem(&self) -> Option<&str> {
        self.reload_problem.as_deref()
    }

    /// Put the cursor of `item`'s list on it and show it, leaving the
    /// anchor where it is.
    fn point_at(&mut self, item: Item) {
        match item {
            Item::Event(e) => {
                self.rebuild(Some(super::timeline::Row::Event(e)));
                self.shown = Region::Timeline;
            }
            Item::Factor(f) => {
                let level = self.case.data.factors[f].level;
                if let Some(at) = self.case.index.level_factors[level.index()]
                    .iter()
                    .position(|&x| x == f)
                {
                    self.panes[level.index()].cursor = at;
                    self.shown = Region::Pane(level);
                }
            }
            _ => {}
        }
    }

    fn open_now(&self) -> Open {
        match &self.overlay {
            Overlay::Find(f) => Open::Find(f.input.clone()),
            Overlay::Jump { input } => Open::Jump(input.clone()),
            Overlay::Tours { cursor } => Open::Tours(*cursor),
            Overlay::Tour { tour, step } => Open::Tour {
                id: self.case.data.tours[*tour].id.to_string(),
                step: *step,
            },
            Overlay::Balance { era, level } => Open::Balance(*era, *level),
            // A quiz asks about the old version's events: it starts again.
            Overlay::Quiz(_) | Overlay::None => Open::Nothing,
        }
    }

    fn reopen(&mut self, open: Open) {
        let tours = &self.case.data.tours;
        self.overlay = match open {
            Open::Nothing => Overlay::None,
            Open::Find(input) => Overlay::Find(Finder {
                caret: input.chars().count(),
                input,
                ..Finder::default()
            }),
            Open::Jump(input) => Overlay::Jump { input },
            Open::Tours(cursor) if !tours.is_empty() => Overlay::Tours {
                cursor: cursor.min(tours.len() - 1),
            },
            Open::Tour { id, step } => match tours.iter().position(|t| t.id == id) {
                Some(tour) if !tours[tour].steps.is_empty() => Overlay::Tour {
                    tour,
                    step: step.min(tours[tour].steps.len() - 1),
                },
                _ => Overlay::None,
            },
            Open::Balance(era, level) if !self.case.data.eras.is_empty() => Overlay::Balance {
                era: era.min(self.case.data.eras.len() - 1),
                level,
            },
            Open::Tours(_) | Open::Balance(..) => Overlay::None,
        };
        if matches!(self.overlay, Overlay::Find(_)) {
            self.refresh_search();
        }
    }
}

fn key(case: &Case, item: Item) -> Key {
    let d = &case.data;
    match item {
        Item::Event(e) => Key::Event {
            id: d.events[e].id.to_string(),
            year: d.events[e].year,
            level: case.levels(e).iter().next(),
        },
        Item::Factor(f) => {
            let level = d.factors[f].level;
            let at = case.index.level_factors[level.index()]
                .iter()
                .position(|&x| x == f)
                .unwrap_or(0);
            Key::Factor {
                id: d.factors[f].id.to_string(),
                level,
                at,
            }
        }
        Item::Actor(a) => Key::Actor(d.actors[a].id.to_string()),
        Item::Era(x) => Key::Era(d.eras[x].id.to_string()),
        Item::Source(s) => Key::Source(d.sources[s].id.to_string()),
    }
}

/// The item in `case` for `key`: the same id, or the nearest neighbour —
/// for an event one of the same year (sharing a level if one does), else
/// the closest year; for a factor the one now at its place in its level.
fn find(case: &Case, key: &Key) -> Option<Item> {
    let d = &case.data;
    match key {
        Key::Event { id, year, level } => {
            if let Some(e) = d.events.iter().position(|x| &x.id == id) {
                return Some(Item::Event(e));
            }
            let same_level = |e: usize| level.is_some_and(|l| case.levels(e).contains(l));
            (0..d.events.len())
                .min_by_key(|&e| ((d.events[e].year - year).abs(), !same_level(e)))
                .map(Item::Event)
        }
        Key::Factor { id, level, at } => {
            if let Some(f) = d.factors.iter().position(|x| &x.id == id) {
                return Some(Item::Factor(f));
            }
            let list = &case.index.level_factors[level.index()];
            list.get((*at).min(list.len().saturating_sub(1)))
                .map(|&f| Item::Factor(f))
        }
        Key::Actor(id) => d.actors.iter().position(|x| &x.id == id).map(Item::Actor),
        Key::Era(id) => d.eras.iter().position(|x| &x.id == id).map(Item::Era),
        Key::Source(id) => d.sources.iter().position(|x| &x.id == id).map(Item::Source),
    }
}
