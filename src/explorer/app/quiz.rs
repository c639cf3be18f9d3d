//! The quiz (`z`): picking levels for an event, revealing and scoring;
//! leaving keeps the quiz to come back to; at the end, the review of what
//! was not exactly right scrolls.

use super::{App, Overlay};
use crate::case::model::Level;
use crate::case::quiz::Quiz;
use crate::config::action::Action;
use crate::explorer::view::Hit;

impl App {
    /// Open the quiz: the one left part-way, else a new one over the
    /// period (and the background, with `--quiz-all`).
    pub(super) fn open_quiz(&mut self) {
        let quiz = self
            .paused_quiz
            .take()
            .unwrap_or_else(|| Quiz::over(&self.case, self.seed, self.quiz_all));
        self.overlay = Overlay::Quiz(quiz);
        self.list_offset = 0;
    }

    pub(super) fn quiz(&mut self, action: Action) {
        let case = std::sync::Arc::clone(&self.case);
        let Overlay::Quiz(quiz) = &mut self.overlay else {
            return;
        };
        match action {
            Action::Quit => self.quit = true,
            // Leaving keeps the quiz: `z` comes back to the same question.
            // A live question left is not shown again; its score is kept.
            Action::Cancel | Action::Back => {
                if let Overlay::Quiz(quiz) = std::mem::replace(&mut self.overlay, Overlay::None) {
                    if quiz.live {
                        if let Some(seat) = self.class.as_mut() {
                            seat.dismissed = Some(quiz.at);
                        }
                        self.live_quiz = Some(quiz);
                    } else {
                        self.paused_quiz = (!quiz.finished()).then_some(quiz);
                    }
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
            // The review at the end scrolls.
            Action::Up | Action::Down | Action::PageUp | Action::PageDown if quiz.finished() => {
                // A page keeps a row of the last in view.
                let page = (self.list_page() - 1).max(1);
                self.scroll_list(match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -page,
                    _ => page,
                });
            }
            Action::ToggleIndividual => quiz.toggle(Level::Individual),
            Action::ToggleDomestic => quiz.toggle(Level::Domestic),
            Action::ToggleSystemic => quiz.toggle(Level::Systemic),
            Action::Submit => {
                let teacher = self.class.as_ref().is_some_and(|s| s.teacher);
                if quiz.finished() {
                    self.overlay = Overlay::None;
                } else if teacher {
                    // The teacher reveals to the class, then moves on.
                    if quiz.revealed {
                        quiz.go_to(quiz.at + 1);
                    } else {
                        quiz.revealed = true;
                    }
                } else if !quiz.revealed && quiz.chosen.is_empty() {
                    self.message = Some("pick one or more levels with 1, 2, 3 first".into());
                } else {
                    quiz.submit(&case);
                    if quiz.live && quiz.sent {
                        let chosen = quiz.chosen;
                        if let Some(seat) = self.class.as_mut() {
                            seat.answer = Some(chosen);
                        }
                        self.message = Some("answered: waiting for the teacher".into());
                    }
                }
            }
            _ => {}
        }
    }
}
