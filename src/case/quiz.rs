//! The quiz: an event is shown without its levels; the student says which
//! level(s) explain it; waltz reveals the answer with the linked factors
//! and keeps the score. The order is shuffled from a seed so that a class
//! can share one.

use crate::case::index::{Case, Levels};
use crate::case::model::Level;
use crate::case::rng::Rng;

/// A quiz in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    /// The seed the order came from.
    pub seed: u64,
    /// The events asked about, in the order asked.
    pub order: Vec<usize>,
    /// The question being asked (`order.len()` when finished).
    pub at: usize,
    /// The levels the student has picked for it.
    pub chosen: Levels,
    /// Whether the answer to the current question is shown.
    pub revealed: bool,
    /// Questions answered exactly right.
    pub right: usize,
    /// Questions answered.
    pub answered: usize,
    /// Asked live by a teacher: the teacher reveals and moves on.
    pub live: bool,
    /// In a live quiz: the answer was sent, waiting for the reveal.
    pub sent: bool,
}

/// How an answer compares with the levels of the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Exactly the event's levels.
    Right,
    /// Some of them, or some too many.
    Partly,
    /// None of them.
    Wrong,
}

impl Quiz {
    /// A quiz over every event linked to a factor, shuffled by `seed`.
    pub fn new(case: &Case, seed: u64) -> Quiz {
        let mut order: Vec<usize> = (0..case.data.events.len())
            .filter(|&e| !case.levels(e).is_empty())
            .collect();
        Rng::new(seed).shuffle(&mut order);
        Quiz {
            seed,
            order,
            at: 0,
            chosen: Levels::default(),
            revealed: false,
            right: 0,
            answered: 0,
            live: false,
            sent: false,
        }
    }

    /// The event being asked about, unless the quiz is over.
    pub fn current(&self) -> Option<usize> {
        self.order.get(self.at).copied()
    }

    /// Whether every question has been asked.
    pub fn finished(&self) -> bool {
        self.at >= self.order.len()
    }

    /// Pick or unpick a level for the current question (a live answer
    /// changed after sending is sent again with Enter).
    pub fn toggle(&mut self, level: Level) {
        if !self.revealed && !self.finished() {
            self.chosen.toggle(level);
            self.sent = false;
        }
    }

    /// Go to question `at`, with nothing picked.
    pub fn go_to(&mut self, at: usize) {
        if at != self.at {
            self.at = at.min(self.order.len());
            self.chosen = Levels::default();
            self.revealed = false;
            self.sent = false;
        }
    }

    /// Show the answer (the teacher's reveal in a live quiz), scoring what
    /// was sent.
    pub fn reveal(&mut self, case: &Case) {
        if self.revealed || self.finished() {
            return;
        }
        self.revealed = true;
        if self.sent || (!self.live && !self.chosen.is_empty()) {
            self.answered += 1;
            if self.verdict(case) == Some(Verdict::Right) {
                self.right += 1;
            }
        }
    }

    /// Compare the current answer with the event's levels.
    pub fn verdict(&self, case: &Case) -> Option<Verdict> {
        let e = self.current()?;
        let truth = case.levels(e);
        Some(if self.chosen == truth {
            Verdict::Right
        } else if truth.iter().any(|l| self.chosen.contains(l)) {
            Verdict::Partly
        } else {
            Verdict::Wrong
        })
    }

    /// Enter: reveal and score the answer, or go on to the next question.
    /// Nothing happens until at least one level is picked. In a live quiz
    /// Enter sends the answer; the teacher reveals.
    pub fn submit(&mut self, case: &Case) {
        if self.finished() {
            return;
        }
        if self.live {
            if !self.revealed && !self.chosen.is_empty() {
                self.sent = true;
            }
            return;
        }
        if self.revealed {
            self.go_to(self.at + 1);
        } else if !self.chosen.is_empty() {
            self.reveal(case);
        }
    }
}
