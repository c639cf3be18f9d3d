//! The quiz: an event is shown without its levels; the student says which
//! level(s) explain it; waltz reveals the answer with the linked factors
//! and keeps the score — exact answers, and partial credit level by level —
//! and the answers, for a review at the end. The order is shuffled from a
//! seed so that a class can share one. It asks about the declared period;
//! the background events before it only when asked to.

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
    /// Every answer scored, in the order asked.
    pub answers: Vec<Answer>,
    /// Asked live by a teacher: the teacher reveals and moves on.
    pub live: bool,
    /// In a live quiz: the answer was sent, waiting for the reveal.
    pub sent: bool,
}

/// An answer scored: the question (its place in the order), its event and
/// the levels picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    /// The question's place in the order.
    pub at: usize,
    /// The event asked about.
    pub event: usize,
    /// The levels picked.
    pub chosen: Levels,
}

impl Answer {
    /// How the answer compares with the event's levels.
    pub fn verdict(&self, case: &Case) -> Verdict {
        verdict(self.chosen, case.levels(self.event))
    }

    /// Partial credit: of the three levels, how many were judged right
    /// (picked and the paper's, or left out and not the paper's).
    pub fn levels_right(&self, case: &Case) -> usize {
        let truth = case.levels(self.event);
        Level::ALL
            .into_iter()
            .filter(|&l| self.chosen.contains(l) == truth.contains(l))
            .count()
    }
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

/// `chosen` against `truth`: exactly, in part, or not at all.
fn verdict(chosen: Levels, truth: Levels) -> Verdict {
    if chosen == truth {
        Verdict::Right
    } else if truth.iter().any(|l| chosen.contains(l)) {
        Verdict::Partly
    } else {
        Verdict::Wrong
    }
}

impl Quiz {
    /// A quiz over the period's events linked to a factor, shuffled by
    /// `seed` (the background before the period is left out).
    pub fn new(case: &Case, seed: u64) -> Quiz {
        Quiz::over(case, seed, false)
    }

    /// A quiz over the events linked to a factor, shuffled by `seed`; the
    /// background before the period too when `background` is set.
    pub fn over(case: &Case, seed: u64, background: bool) -> Quiz {
        let first = if background {
            0
        } else {
            case.background_count()
        };
        let mut order: Vec<usize> = (first..case.data.events.len())
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
            answers: Vec::new(),
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
        if let Some(answer) = self.answer().filter(|_| self.sent || !self.live) {
            self.answered += 1;
            if answer.verdict(case) == Verdict::Right {
                self.right += 1;
            }
            self.answers.push(answer);
        }
    }

    /// The current answer, when levels are picked.
    pub fn answer(&self) -> Option<Answer> {
        let event = self.current()?;
        (!self.chosen.is_empty()).then_some(Answer {
            at: self.at,
            event,
            chosen: self.chosen,
        })
    }

    /// Compare the current answer with the event's levels.
    pub fn verdict(&self, case: &Case) -> Option<Verdict> {
        let e = self.current()?;
        Some(verdict(self.chosen, case.levels(e)))
    }

    /// Questions answered partly right.
    pub fn partly(&self, case: &Case) -> usize {
        self.answers
            .iter()
            .filter(|a| a.verdict(case) == Verdict::Partly)
            .count()
    }

    /// Partial credit over the quiz: levels judged right, of all judged.
    pub fn levels_right(&self, case: &Case) -> (usize, usize) {
        let right = self.answers.iter().map(|a| a.levels_right(case)).sum();
        (right, 3 * self.answers.len())
    }

    /// The answers not exactly right, for the review at the end.
    pub fn to_review(&self, case: &Case) -> impl Iterator<Item = &Answer> {
        self.answers
            .iter()
            .filter(move |a| a.verdict(case) != Verdict::Right)
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
