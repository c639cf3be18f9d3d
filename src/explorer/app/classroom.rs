//! The classroom modes: the list of tours and a tour in progress, the
//! balance view and the quiz.

use super::{App, Hit, Overlay, Region};
use crate::case::index::Item;
use crate::case::model::Level;
use crate::config::action::Action;

impl App {
    /// Start tour `tour` (by position) at its first step.
    pub fn start_tour(&mut self, tour: usize) {
        if tour < self.case.data.tours.len() {
            self.overlay = Overlay::Tour { tour, step: 0 };
            self.show_step();
        }
    }

    /// The tour and step being shown, if a tour is running.
    pub fn tour_step(&self) -> Option<(usize, usize)> {
        match self.overlay {
            Overlay::Tour { tour, step } => Some((tour, step)),
            _ => None,
        }
    }

    /// Select the current step's item, with its cross-highlight, and
    /// focus the list it is in.
    fn show_step(&mut self) {
        let Some((tour, step)) = self.tour_step() else {
            return;
        };
        let item = self
            .case
            .target(&self.case.data.tours[tour].steps[step].show);
        if let Some(item) = item {
            self.select(item);
            self.set_focus(self.shown_region());
        }
    }

    pub(super) fn tours(&mut self, action: Action) {
        let Overlay::Tours { cursor } = self.overlay else {
            return;
        };
        let last = self.case.data.tours.len().saturating_sub(1);
        match action {
            Action::Quit => self.quit = true,
            Action::Cancel | Action::Back => self.overlay = Overlay::None,
            Action::Help => {
                self.help = Some(
                    self.help_document()
                        .section(crate::config::keymap::Mode::Tours),
                )
            }
            Action::Up => {
                self.overlay = Overlay::Tours {
                    cursor: cursor.saturating_sub(1),
                }
            }
            Action::Down => {
                self.overlay = Overlay::Tours {
                    cursor: (cursor + 1).min(last),
                }
            }
            Action::Wheel(_, _, delta) => {
                self.overlay = Overlay::Tours {
                    cursor: stepped(cursor, delta, last),
                }
            }
            // A click picks a tour; a second click on it starts it.
            Action::Click(x, y) => match self.hit_at(x, y) {
                Some(Hit::Tour(i)) if i == cursor => self.start_tour(i),
                Some(Hit::Tour(i)) => self.overlay = Overlay::Tours { cursor: i },
                _ => {}
            },
            Action::Submit => {
                if self.case.data.tours.is_empty() {
                    self.overlay = Overlay::None;
                    self.message = Some("this dataset has no tours".into());
                } else {
                    self.start_tour(cursor);
                }
            }
            _ => {}
        }
    }

    pub(super) fn tour(&mut self, action: Action) {
        let Some((tour, step)) = self.tour_step() else {
            return;
        };
        let last = self.case.data.tours[tour].steps.len().saturating_sub(1);
        let to = match action {
            Action::Quit => {
                self.quit = true;
                return;
            }
            // Leave the tour where it is: the selection stays.
            Action::Cancel => {
                self.overlay = Overlay::None;
                self.clamp_detail();
                return;
            }
            Action::Help => {
                self.help = Some(
                    self.help_document()
                        .section(crate::config::keymap::Mode::Tour),
                );
                return;
            }
            Action::Present => {
                self.toggle_present();
                return;
            }
            Action::Wheel(_, _, delta) => {
                let step = if delta < 0 { Action::Up } else { Action::Down };
                for _ in 0..3 {
                    self.tour(step.clone());
                }
                return;
            }
            // The detail under the note scrolls, to read all of it.
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let page = self.detail_height().max(2) as isize - 1;
                let delta = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -page,
                    _ => page,
                };
                if self.presenting() {
                    // The slide, not the hidden detail, is what scrolls.
                    let max = self.slide_overflow.get();
                    let detail = self.detail_mut();
                    detail.offset = detail.offset.saturating_add_signed(delta).min(max);
                } else {
                    let doc = self.doc();
                    self.scroll_detail(&doc, delta);
                }
                return;
            }
            Action::Next if step == last => {
                self.message = Some("the last step of the tour; Esc leaves it".into());
                return;
            }
            Action::Next => (step + 1).min(last),
            Action::Prev => step.saturating_sub(1),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return,
        };
        if to != step {
            self.overlay = Overlay::Tour { tour, step: to };
            self.show_step();
        }
    }

    pub(super) fn open_balance(&mut self) {
        if self.case.data.eras.is_empty() {
            self.message = Some("this dataset has no eras to balance".into());
            return;
        }
        // Start on the era of the selected event, at the lens's level.
        let era = match self.shown() {
            Some(Item::Event(e)) => self.case.index.event_era[e]
                .and_then(|x| self.case.index.eras_by_start.iter().position(|&y| y == x)),
            _ => None,
        };
        self.overlay = Overlay::Balance {
            era: era.unwrap_or(0),
            level: self.lens().unwrap_or(Level::Individual),
        };
    }

    pub(super) fn balance(&mut self, action: Action) {
        let Overlay::Balance { era, level } = self.overlay else {
            return;
        };
        let last = self.case.data.eras.len().saturating_sub(1);
        let side = |d: isize| Level::ALL[(level.index() as isize + d).clamp(0, 2) as usize];
        let (era, level) = match action {
            Action::Quit => {
                self.quit = true;
                return;
            }
            Action::Cancel | Action::Back => {
                self.overlay = Overlay::None;
                return;
            }
            Action::Help => {
                self.help = Some(
                    self.help_document()
                        .section(crate::config::keymap::Mode::Balance),
                );
                return;
            }
            // Enter: the era on the timeline, through this level's lens.
            Action::Submit => {
                self.overlay = Overlay::None;
                let x = self.case.index.eras_by_start[era];
                self.set_lens(Some(level));
                let first = self.case.index.era_events[x]
                    .iter()
                    .copied()
                    .find(|&e| self.case.levels(e).contains(level));
                let era_name = &self.case.data.eras[x].name;
                let lens = level.name().to_lowercase();
                self.message = Some(match first {
                    Some(_) => format!("{era_name} through the {lens} lens; 0 shows every level"),
                    None => format!("no {lens} events in {era_name}; 0 shows every level"),
                });
                if let Some(e) = first {
                    self.reveal_event(e);
                    self.focus_on(Region::Timeline);
                }
                return;
            }
            Action::Up => (era.saturating_sub(1), level),
            Action::Down => ((era + 1).min(last), level),
            Action::Left => (era, side(-1)),
            Action::Right => (era, side(1)),
            Action::Wheel(_, _, delta) => (stepped(era, delta, last), level),
            // A click picks a bar; a second click on it goes, as Enter does.
            Action::Click(x, y) => match self.hit_at(x, y) {
                Some(Hit::Bar(e, l)) if (e, l) == (era, level) => {
                    return self.balance(Action::Submit);
                }
                Some(Hit::Bar(e, l)) => (e, l),
                _ => return,
            },
            _ => return,
        };
        self.overlay = Overlay::Balance { era, level };
    }

    pub(super) fn quiz(&mut self, action: Action) {
        let case = std::sync::Arc::clone(&self.case);
        let Overlay::Quiz(quiz) = &mut self.overlay else {
            return;
        };
        match action {
            Action::Quit => self.quit = true,
            // Leaving keeps the quiz: `z` comes back to the same question.
            Action::Cancel | Action::Back => {
                if let Overlay::Quiz(quiz) = std::mem::replace(&mut self.overlay, Overlay::None) {
                    self.paused_quiz = (!quiz.finished()).then_some(quiz);
                }
            }
            Action::Help => {
                self.help = Some(
                    self.help_document()
                        .section(crate::config::keymap::Mode::Quiz),
                )
            }
            Action::Click(x, y) => {
                if let Some(Hit::Answer(level)) = self.hit_at(x, y) {
                    if let Overlay::Quiz(quiz) = &mut self.overlay {
                        quiz.toggle(level);
                    }
                }
            }
            Action::ToggleIndividual => quiz.toggle(Level::Individual),
            Action::ToggleDomestic => quiz.toggle(Level::Domestic),
            Action::ToggleSystemic => quiz.toggle(Level::Systemic),
            Action::Submit => {
                if quiz.finished() {
                    self.overlay = Overlay::None;
                } else if !quiz.revealed && quiz.chosen.is_empty() {
                    self.message = Some("pick one or more levels with 1, 2, 3 first".into());
                } else {
                    quiz.submit(&case);
                }
            }
            _ => {}
        }
    }
}

/// `at` moved by a wheel's `delta`, kept within `0..=last`.
fn stepped(at: usize, delta: i8, last: usize) -> usize {
    at.saturating_add_signed(isize::from(delta)).min(last)
}
