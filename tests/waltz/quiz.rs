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
    assert!(s.contains(app.case.data.events[e].title.as_str()), "{s}");
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

/// The events a quiz on the shipped case can ask about: those linked to a
/// level, from `first` on.
fn askable(case: &waltz::case::index::Case, first: usize) -> usize {
    (first..case.data.events.len())
        .filter(|&e| !case.levels(e).is_empty())
        .count()
}

#[test]
fn the_quiz_asks_about_the_period_unless_the_background_is_asked_for() {
    let case = shipped();
    let background = case.background_count();
    assert!(background > 0);
    let period = waltz::case::quiz::Quiz::new(&case, 5);
    assert!(period.order.iter().all(|&e| e >= background), "{period:?}");
    assert_eq!(period.order.len(), askable(&case, background));
    // --quiz-all (or the setting) brings the background in, through the
    // explorer's options.
    let mut app = App::new(
        shipped(),
        Options {
            quiz_all: true,
            seed: 5,
            ..Options::default()
        },
    );
    app.resize(80, 24);
    press(&mut app, &["z"]);
    assert_eq!(quiz(&app).order.len(), askable(&app.case, 0));
    assert!(quiz(&app).order.iter().any(|&e| e < background));
    // The flag and the setting are read.
    use clap::Parser;
    let cli = waltz::cli::args::Cli::try_parse_from(["waltz", "--quiz-all"]).unwrap();
    assert!(cli.quiz_all);
    assert!(
        !waltz::cli::args::Cli::try_parse_from(["waltz"])
            .unwrap()
            .quiz_all
    );
    let (settings, problems) = waltz::config::settings::parse_over(
        "c.ron",
        "(quiz_all: true)",
        waltz::config::keymap::Keymap::default(),
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(settings.quiz_all, Some(true));
}

#[test]
fn the_quiz_all_flag_reaches_the_quiz_in_the_real_program() {
    let case = shipped();
    let period = askable(&case, case.background_count());
    let all = askable(&case, 0);
    for (args, n) in [
        (&["--seed", "1"][..], period),
        (&["--seed", "1", "--quiz-all"], all),
    ] {
        let mut pty = crate::term::Pty::waltz(args);
        pty.wait_screen("Timeline");
        pty.send("z");
        pty.wait_screen(&format!("question 1 of {n} "));
        pty.send("\x03");
        pty.wait();
    }
}

#[test]
fn each_answer_shows_its_partial_credit_and_the_end_reviews_the_misses() {
    let mut app = with_seed(11);
    let questions = quiz(&app).order.len();
    // Individual for everything: right, partly right or wrong by turns.
    let mut credits = Vec::new();
    for _ in 0..questions {
        press(&mut app, &["1", "Enter"]);
        let s = screen(&paint(&app));
        let answer = *quiz(&app).answers.last().unwrap();
        let credit = answer.levels_right(&app.case);
        assert!(s.contains(&format!("({credit} of 3 levels)")), "{s}");
        credits.push((answer, credit));
        press(&mut app, &["Enter"]);
    }
    assert!(quiz(&app).finished());
    let case = app.case.clone();
    let q = quiz(&app).clone();
    let partly = q
        .answers
        .iter()
        .filter(|a| a.verdict(&case) == waltz::case::quiz::Verdict::Partly)
        .count();
    assert!(partly > 0 && q.right < questions, "a mix of answers: {q:?}");
    let levels: usize = credits.iter().map(|(_, c)| c).sum();
    // The tally: exact answers, partial ones and the levels judged right.
    let s = screen(&render(&mut app));
    let tally = format!(
        "{} of {questions} answered exactly right, {partly} partly; {levels} of {} levels judged right.",
        q.right,
        3 * questions
    );
    let flat: String = s
        .lines()
        .map(|l| l.trim_matches(['┃', ' ']))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(&tally), "{tally}\n{s}");
    // The review lists every question not exactly right, with the answer
    // given and the paper's; it scrolls (j) to its end.
    let mut seen = s.clone();
    for _ in 0..200 {
        press(&mut app, &["j"]);
        seen.push_str(&screen(&render(&mut app)));
    }
    for (answer, _) in &credits {
        let title: String = case.data.events[answer.event]
            .title
            .chars()
            .take(25)
            .collect();
        let reviewed = seen.contains(&format!("{}. ", answer.at + 1)) && seen.contains(&title);
        let exact = answer.verdict(&case) == waltz::case::quiz::Verdict::Right;
        assert!(exact || reviewed, "{title} not reviewed");
    }
    assert!(seen.contains("You said individual"), "{seen}");
    assert!(seen.contains("the paper links it to"), "{seen}");
    // Back up with k; Enter closes.
    press(&mut app, &["k"]);
    assert!(app.list_offset() > 0);
    press(&mut app, &["Enter"]);
    assert_eq!(*app.overlay(), Overlay::None);
}

#[test]
fn a_cut_quiz_title_ends_in_an_ellipsis_not_mid_word() {
    let mut app = App::new(
        shipped(),
        Options {
            theme: Theme::monochrome(),
            seed: u64::MAX,
            ..Options::default()
        },
    );
    app.resize(60, 20);
    press(&mut app, &["z"]);
    let s = screen(&paint(&app));
    let top = s.lines().next().unwrap();
    assert!(top.contains("Quiz · question 1 of "), "{top}");
    assert!(top.contains(" · … "), "what is left out is marked: {top}");
    assert!(!top.contains("seed 1844"), "no part cut mid-word: {top}");
}
