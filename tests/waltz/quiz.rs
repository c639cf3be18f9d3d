//! The quiz: scoring, shared seeds, and what it says at small sizes.

use crate::common::*;
use waltz::case::model::Level;
use waltz::config::theme::Theme;
use waltz::explorer::app::{App, Options, Overlay};

fn quiz(app: &App) -> &waltz::case::quiz::Quiz {
    match app.overlay() {
        Overlay::Quiz(q) => q,
        other => panic!("no quiz: {other:?}"),
    }
}

fn with_seed(seed: u64) -> App {
    let mut app = App::new(
        shipped(),
        Options {
            theme: Theme::monochrome(),
            seed,
            ..Options::default()
        },
    );
    app.resize(80, 24);
    press(&mut app, &["z"]);
    app
}

#[test]
fn the_quiz_scores_answers_and_the_same_seed_gives_the_same_order() {
    assert_eq!(quiz(&with_seed(42)).order, quiz(&with_seed(42)).order);
    assert_ne!(quiz(&with_seed(42)).order, quiz(&with_seed(43)).order);

    let mut app = with_seed(7);
    let keys = |levels: waltz::case::index::Levels| -> Vec<&'static str> {
        Level::ALL
            .into_iter()
            .zip(["1", "2", "3"])
            .filter(|(l, _)| levels.contains(*l))
            .map(|(_, k)| k)
            .collect()
    };
    // A right answer.
    let e = quiz(&app).current().unwrap();
    let truth = app.case.levels(e);
    let s = screen(&paint(&app));
    assert!(s.contains(&app.case.data.events[e].title), "{s}");
    assert!(
        !s.contains("the paper links it to"),
        "levels stay hidden until answered"
    );
    press(&mut app, &keys(truth));
    press(&mut app, &["Enter"]);
    assert_eq!((quiz(&app).right, quiz(&app).answered), (1, 1));
    let s = screen(&paint(&app));
    assert!(s.contains("Right") && s.contains("score 1/1"), "{s}");
    // A wrong one: every level the event does not touch (or none at all,
    // which is refused until something is picked).
    press(&mut app, &["Enter"]);
    let e = quiz(&app).current().unwrap();
    let truth = app.case.levels(e);
    let mut wrong = waltz::case::index::Levels::default();
    for l in Level::ALL {
        if !truth.contains(l) {
            wrong.insert(l);
        }
    }
    press(&mut app, &["Enter"]);
    assert_eq!(quiz(&app).answered, 1, "nothing picked: not answered");
    if wrong.is_empty() {
        // The event touches every level: one alone is only partly right.
        wrong.insert(Level::Individual);
    }
    press(&mut app, &keys(wrong));
    press(&mut app, &["Enter"]);
    let q = quiz(&app);
    assert_eq!((q.right, q.answered), (1, 2));
    assert!(screen(&paint(&app)).contains("score 1/2"));
    // Esc leaves.
    press(&mut app, &["Esc"]);
    assert_eq!(*app.overlay(), Overlay::None);
}

#[test]
fn at_the_smallest_size_every_answer_shows_its_end_or_says_there_is_more() {
    let mut app = with_seed(3);
    app.resize(60, 20);
    let questions = quiz(&app).order.len();
    for _ in 0..questions {
        press(&mut app, &["1", "2", "3", "Enter"]);
        let s = screen(&paint(&app));
        assert!(
            s.contains("Enter for the next question.")
                || s.contains("⋮ (a taller screen shows the rest)"),
            "{s}"
        );
        press(&mut app, &["Enter"]);
    }
}

#[test]
fn a_finished_quiz_says_how_to_close_it_and_enter_does() {
    let mut app = with_seed(3);
    press(&mut app, &["z"]);
    let questions = quiz(&app).order.len();
    for _ in 0..questions {
        press(&mut app, &["1", "Enter", "Enter"]);
    }
    assert!(quiz(&app).finished());
    let s = screen(&paint(&app));
    assert!(s.lines().last().unwrap().contains("Enter/Esc close"), "{s}");
    press(&mut app, &["Enter"]);
    assert_eq!(*app.overlay(), Overlay::None);
}
