//! The class, as one explorer takes part in it: a student follows the
//! teacher's lead until they move on their own (`f` rejoins) and answers
//! the live quiz; the teacher leads, asks, reveals and sees the tally. The
//! front (the SSH server) carries the class between explorers; here is
//! what one explorer does with it.

use crate::case::class::{Class, Lead, Question};
use crate::case::index::{Item, Levels};
use crate::case::quiz::Quiz;
use crate::config::action::Action;
use crate::config::keymap::Mode;

use super::{App, Overlay};

/// One explorer's place in a class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    /// The teacher leads; a student follows or explores.
    pub teacher: bool,
    /// A student shows the teacher's lead while following.
    pub following: bool,
    /// Students connected, and how many of them follow.
    pub students: usize,
    /// See [`Seat::students`].
    pub following_count: usize,
    /// The live question as last seen (with its tally, for the teacher).
    pub question: Option<Question>,
    /// The question this student closed, not to be opened again for them.
    pub(super) dismissed: Option<usize>,
    /// An answer sent, for the front to pass on.
    pub(super) answer: Option<Levels>,
    /// `f` was pressed: the front brings the class's lead.
    rejoin: bool,
}

impl App {
    /// Take a seat in a class, as its teacher or as a student (following).
    pub fn join_class(&mut self, teacher: bool) {
        self.class = Some(Seat {
            teacher,
            following: !teacher,
            students: 0,
            following_count: 0,
            question: None,
            dismissed: None,
            answer: None,
            rejoin: false,
        });
    }

    /// This explorer's seat in a class, if it is in one.
    pub fn seat(&self) -> Option<&Seat> {
        self.class.as_ref()
    }

    /// Whether this explorer is a class's teacher.
    pub fn is_teacher(&self) -> bool {
        self.class.as_ref().is_some_and(|s| s.teacher)
    }

    /// What this explorer shows that a class would follow: a tour's step,
    /// or a slide.
    pub fn lead(&self) -> Option<Lead> {
        match (self.tour_step(), self.presenting()) {
            (Some((tour, step)), present) => Some(Lead::Step {
                tour,
                step,
                present,
            }),
            (None, true) => self.shown().map(Lead::Slide),
            (None, false) => None,
        }
    }

    /// The live question this explorer asks (a teacher's quiz): its place
    /// in the order, its event, whether it is revealed.
    pub fn asking(&self) -> Option<(usize, usize, bool)> {
        match &self.overlay {
            Overlay::Quiz(q) if !q.live => q.current().map(|e| (q.at, e, q.revealed)),
            _ => None,
        }
    }

    /// An answer this student sent since last asked, if any.
    pub fn take_answer(&mut self) -> Option<Levels> {
        self.class.as_mut()?.answer.take()
    }

    /// Whether the student asked to rejoin the class (`f`).
    pub fn take_rejoin(&mut self) -> bool {
        self.class
            .as_mut()
            .is_some_and(|s| std::mem::take(&mut s.rejoin))
    }

    /// Whether this explorer shows the teacher's lead.
    pub fn follows(&self) -> bool {
        self.class
            .as_ref()
            .is_some_and(|s| s.teacher || s.following)
    }

    /// Bring the class's state in: the counts, the live question, and the
    /// lead for an explorer that follows it.
    pub fn class_update(&mut self, class: &Class) {
        let Some(seat) = self.class.as_mut() else {
            return;
        };
        seat.students = class.students();
        seat.following_count = class.following();
        seat.question = class.question.clone();
        if self.follows() {
            self.show_lead(class.lead);
        }
        self.show_question(class.question.as_ref());
    }

    /// Show `lead` as the teacher shows it.
    fn show_lead(&mut self, lead: Option<Lead>) {
        if lead == self.lead() {
            return;
        }
        // A quiz or the balance stays open over the lead's change.
        if matches!(self.overlay, Overlay::Quiz(_) | Overlay::Balance { .. }) {
            return;
        }
        match lead {
            Some(Lead::Step {
                tour,
                step,
                present,
            }) => {
                if tour < self.case.data.tours.len()
                    && step < self.case.data.tours[tour].steps.len()
                {
                    self.overlay = Overlay::Tour { tour, step };
                    self.show_step();
                }
                self.set_present(present);
            }
            Some(Lead::Slide(item)) => {
                if matches!(self.overlay, Overlay::Tour { .. }) {
                    self.overlay = Overlay::None;
                }
                if item_exists(self, item) {
                    self.select(item);
                }
                self.set_present(true);
            }
            None => {
                if matches!(self.overlay, Overlay::Tour { .. }) {
                    self.overlay = Overlay::None;
                }
                self.set_present(false);
            }
        }
    }

    /// Show the live question: a student gets it to answer, the teacher
    /// sees it with its tally.
    fn show_question(&mut self, question: Option<&Question>) {
        let teacher = self.is_teacher();
        let Some(q) = question else {
            // The teacher closed the question: so does a student's screen.
            if let Overlay::Quiz(quiz) = &self.overlay
                && quiz.live
            {
                self.overlay = Overlay::None;
                // "answered: waiting" no longer holds.
                self.message = Some("the teacher closed the question".into());
            }
            return;
        };
        if teacher {
            // Another of the teacher's sessions asked: show the same.
            let mut quiz = match &self.overlay {
                Overlay::Quiz(quiz) if !quiz.live => quiz.clone(),
                _ => Quiz::new(&self.case, self.seed),
            };
            quiz.go_to(q.at);
            if q.revealed {
                quiz.revealed = true;
            }
            self.overlay = Overlay::Quiz(quiz);
            return;
        }
        let Some(seat) = self.class.as_mut() else {
            return;
        };
        if seat.dismissed == Some(q.at) {
            return;
        }
        let mut quiz = match &self.overlay {
            Overlay::Quiz(quiz) if quiz.live => quiz.clone(),
            _ => {
                // Keep the score over the class's questions.
                let mut quiz = self
                    .live_quiz
                    .take()
                    .unwrap_or_else(|| Quiz::new(&self.case, self.seed));
                quiz.live = true;
                quiz
            }
        };
        quiz.go_to(q.at);
        if q.revealed {
            let case = std::sync::Arc::clone(&self.case);
            quiz.reveal(&case);
        }
        if !matches!(self.overlay, Overlay::Quiz(_)) {
            self.help = None;
        }
        self.overlay = Overlay::Quiz(quiz);
    }

    /// Whether the speaker notes fill the screen.
    pub fn notes_on(&self) -> bool {
        self.notes
    }

    /// Show or hide the speaker notes; over SSH they are the teacher's.
    pub(super) fn toggle_notes(&mut self) {
        if self.class.as_ref().is_some_and(|s| !s.teacher) {
            self.message = Some("the speaker notes are the teacher's".into());
        } else {
            self.notes = !self.notes;
        }
    }

    fn set_present(&mut self, on: bool) {
        if self.presenting() != on {
            self.toggle_present();
        }
    }

    /// Before an action: in a class, a following student who moves goes
    /// off on their own; `f` rejoins; a live answer is noted for the front.
    /// True when the action is the class's business and nothing else.
    pub(super) fn class_action(&mut self, action: &Action) -> bool {
        let mode = self.mode();
        let Some(seat) = self.class.as_mut() else {
            if *action == Action::Follow {
                self.message = Some("f follows the teacher in a class (waltz serve)".into());
                return true;
            }
            return false;
        };
        if *action == Action::Follow {
            if seat.teacher {
                self.message = Some("you lead the class".into());
            } else {
                seat.following = true;
                seat.rejoin = true;
                seat.dismissed = None;
                self.message = Some("following the teacher".into());
            }
            return true;
        }
        if seat.teacher || !seat.following {
            return false;
        }
        let stays = match mode {
            Mode::Quiz => true,
            Mode::Help => true,
            _ => matches!(action, Action::Help | Action::Quit | Action::Suspend),
        };
        if !stays {
            seat.following = false;
            self.message = Some("exploring on your own · f rejoins the class".into());
        }
        false
    }
}

fn item_exists(app: &App, item: Item) -> bool {
    let d = &app.case.data;
    match item {
        Item::Event(e) => e < d.events.len(),
        Item::Factor(f) => f < d.factors.len(),
        Item::Actor(a) => a < d.actors.len(),
        Item::Era(x) => x < d.eras.len(),
        Item::Source(s) => s < d.sources.len(),
    }
}
