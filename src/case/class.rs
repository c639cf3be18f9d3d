//! A class as data: who is in it, what the teacher leads (a tour step or a
//! slide), and the live quiz — the question asked, one answer per member,
//! the tally, and the results of the questions revealed. No network here:
//! the SSH front owns one [`Class`] and every session reads it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::case::index::{Case, Item, Levels};
use crate::case::quiz::Quiz;

/// A member of the class, as the server numbers connections.
pub type Member = u64;

/// What the teacher is showing, which followers show too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// A step of a guided tour, presented or not.
    Step {
        /// The tour, by position.
        tour: usize,
        /// The step, from 0.
        step: usize,
        /// Whether it is shown as a slide.
        present: bool,
    },
    /// An item shown as a slide, outside a tour.
    Slide(Item),
}

/// A question of the live quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Its place in the class's quiz order (the seed's order).
    pub at: usize,
    /// The event asked about.
    pub event: usize,
    /// Each member's latest answer: one per member, never a name.
    answers: BTreeMap<Member, Levels>,
    /// Whether the teacher has shown the answer.
    pub revealed: bool,
}

impl Question {
    /// How many members answered.
    pub fn answered(&self) -> usize {
        self.answers.len()
    }

    /// Whether `member` has answered.
    pub fn has_answered(&self, member: Member) -> bool {
        self.answers.contains_key(&member)
    }

    /// Each answer given and how many gave it, most given first.
    pub fn tally(&self) -> Vec<(Levels, usize)> {
        let mut counts: BTreeMap<Levels, usize> = BTreeMap::new();
        for &levels in self.answers.values() {
            *counts.entry(levels).or_default() += 1;
        }
        let mut tally: Vec<(Levels, usize)> = counts.into_iter().collect();
        tally.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        tally
    }
}

/// A revealed question, for the results file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The event asked about.
    pub event: usize,
    /// The right answer.
    pub right: Levels,
    /// The tally when it was revealed.
    pub tally: Vec<(Levels, usize)>,
    /// How many were in the class then.
    pub present: usize,
}

/// The class: members, the lead, the live quiz, the results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Class {
    /// Members: whether each is a teacher, and whether each follows.
    members: BTreeMap<Member, (bool, bool)>,
    /// What the teacher shows, if anything.
    pub lead: Option<Lead>,
    /// The question asked, if any.
    pub question: Option<Question>,
    /// The questions revealed so far, in order.
    pub results: Vec<Outcome>,
}

impl Class {
    /// `member` joins, following the teacher.
    pub fn join(&mut self, member: Member, teacher: bool) {
        self.members.insert(member, (teacher, true));
    }

    /// `member` leaves; an answer already given stays in the tally.
    pub fn leave(&mut self, member: Member) {
        self.members.remove(&member);
    }

    /// `member` follows the teacher, or explores on their own. Each change
    /// below says whether it changed anything, so that only a real change
    /// wakes the other sessions.
    pub fn follow(&mut self, member: Member, following: bool) -> bool {
        match self.members.get_mut(&member) {
            Some(m) if m.1 != following => {
                m.1 = following;
                true
            }
            _ => false,
        }
    }

    /// The teacher shows `lead`.
    pub fn lead(&mut self, lead: Option<Lead>) -> bool {
        std::mem::replace(&mut self.lead, lead) != lead
    }

    /// Students connected.
    pub fn students(&self) -> usize {
        self.members.values().filter(|m| !m.0).count()
    }

    /// Students following the teacher.
    pub fn following(&self) -> usize {
        self.members.values().filter(|m| !m.0 && m.1).count()
    }

    /// Ask question `at` of the quiz about `event`; a new question clears
    /// the answers, the same one keeps them.
    pub fn ask(&mut self, at: usize, event: usize) -> bool {
        if self.question.as_ref().is_some_and(|q| q.at == at) {
            return false;
        }
        self.question = Some(Question {
            at,
            event,
            answers: BTreeMap::new(),
            revealed: false,
        });
        true
    }

    /// No question any more.
    pub fn close_question(&mut self) -> bool {
        self.question.take().is_some()
    }

    /// `member` answers the open question (again: the answer is replaced).
    /// Teachers do not answer, nor does anyone after the reveal.
    pub fn answer(&mut self, member: Member, levels: Levels) -> bool {
        let teacher = self.members.get(&member).is_none_or(|m| m.0);
        match &mut self.question {
            Some(q) if !q.revealed && !teacher && !levels.is_empty() => {
                q.answers.insert(member, levels) != Some(levels)
            }
            _ => false,
        }
    }

    /// Show the answer to everyone, and keep the question's result.
    pub fn reveal(&mut self, case: &Case) -> bool {
        let present = self.students();
        let Some(q) = self.question.as_mut().filter(|q| !q.revealed) else {
            return false;
        };
        q.revealed = true;
        self.results.push(Outcome {
            event: q.event,
            right: case.levels(q.event),
            tally: q.tally(),
            present,
        });
        true
    }

    /// The results as a Markdown page: per question, the event, the right
    /// answer and the tally.
    pub fn results_markdown(&self, case: &Case, seed: u64) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# Quiz results: {}\n", md_text(&case.data.title));
        let _ = writeln!(
            md,
            "{} question{} revealed (seed {seed}). Answers are counted, never named.\n",
            self.results.len(),
            if self.results.len() == 1 { "" } else { "s" }
        );
        for (n, r) in self.results.iter().enumerate() {
            let event = &case.data.events[r.event];
            let _ = writeln!(
                md,
                "## {}. {} · {}\n",
                n + 1,
                event.year,
                md_text(&event.title)
            );
            let _ = writeln!(md, "Right answer: **{}**\n", r.right.names());
            let answered: usize = r.tally.iter().map(|t| t.1).sum();
            let _ = writeln!(md, "| answer | students |\n|---|---|");
            for (levels, n) in &r.tally {
                let mark = if *levels == r.right { " ✓" } else { "" };
                let _ = writeln!(md, "| {}{mark} | {n} |", levels.names());
            }
            let _ = writeln!(md, "\n{answered} of {} answered.\n", r.present);
        }
        md
    }
}

/// Text safe inside a Markdown line: the characters Markdown would read
/// as markup are escaped.
fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_{}[]<>()#+-.!|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The question `at` of the class's quiz (seeded like the local one).
pub fn question_event(case: &Case, seed: u64, at: usize) -> Option<usize> {
    Quiz::new(case, seed).order.get(at).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::model::Level;

    fn levels(ls: &[Level]) -> Levels {
        let mut set = Levels::default();
        for &l in ls {
            set.insert(l);
        }
        set
    }

    #[test]
    fn one_answer_per_member_and_none_from_teachers_or_after_the_reveal() {
        let case = crate::case::index::Case::new(crate::case::load::embedded().unwrap().dataset);
        let mut class = Class::default();
        class.join(1, true);
        for m in 2..=5 {
            class.join(m, false);
        }
        class.ask(0, 3);
        let i = levels(&[Level::Individual]);
        let id = levels(&[Level::Individual, Level::Domestic]);
        class.answer(1, i);
        class.answer(2, i);
        class.answer(3, i);
        class.answer(3, id);
        class.answer(4, id);
        let q = class.question.clone().unwrap();
        assert_eq!(q.answered(), 3);
        assert_eq!(q.tally(), vec![(id, 2), (i, 1)]);
        // A member leaving mid-question keeps their answer counted.
        class.leave(4);
        class.reveal(&case);
        class.answer(5, i);
        assert_eq!(class.question.as_ref().unwrap().answered(), 3);
        assert_eq!(class.results.len(), 1);
        assert_eq!(class.results[0].present, 3);
        let md = class.results_markdown(&case, 7);
        assert!(md.contains("| individual, domestic | 2 |"), "{md}");
        // Asking the same question again keeps its answers.
        class.ask(0, 3);
        assert_eq!(class.question.as_ref().unwrap().answered(), 3);
        class.ask(1, 4);
        assert_eq!(class.question.as_ref().unwrap().answered(), 0);
    }
}
