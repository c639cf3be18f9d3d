//! The quiz (`z`): picking levels for an event, revealing and scoring;
//! leaving keeps the quiz to come back to.

use super::{App, Overlay};
use crate::case::model::Level;
use crate::config::action::Action;
use crate::explorer::view::Hit;

impl App {
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
                if let Some(Hit::Answer(level)) = self.hit_at(x, y)
                    && let Overlay::Quiz(quiz) = &mut self.overlay
                {
                    quiz.toggle(level);
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
