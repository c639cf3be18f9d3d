//! Tours: the list of tours (`t`) and a tour in progress, step by step,
//! each step selecting its item with the full cross-highlight.

use super::{App, Overlay, stepped};
use crate::config::action::Action;
use crate::explorer::view::Hit;

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
    pub(super) fn show_step(&mut self) {
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
                    let max = self.frame.slide_overflow;
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
}
