//! The classroom: guided tours, presentation mode, the balance view, the
//! quiz, themes, ASCII drawing and settings.

mod common;

use std::collections::BTreeSet;

use common::*;
use waltz::case::index::{Case, Item};
use waltz::case::model::{Effect, Level, Target};
use waltz::config::theme::Theme;
use waltz::explorer::app::{App, Options, Overlay, Region};

fn step_item(case: &Case, tour: usize, step: usize) -> Item {
    match &case.data.tours[tour].steps[step].show {
        Target::Event(id) => Item::Event(case.event_id(id).unwrap()),
        Target::Factor(id) => Item::Factor(case.index.factor_ids[id]),
    }
}

/// The selection and its full cross-highlight are those of `item`.
fn assert_selected(app: &App, item: Item) {
    assert_eq!(app.shown(), Some(item));
    assert_eq!(app.anchor(), Some(item));
    let lit = app.lit();
    match item {
        Item::Event(e) => {
            assert_eq!(app.focus(), Region::Timeline);
            assert_eq!(lit.factors, Some(&app.case.index.event_factors[e][..]));
        }
        Item::Factor(f) => {
            assert_eq!(app.focus(), Region::Pane(app.case.data.factors[f].level));
            assert_eq!(lit.events, Some(&app.case.index.factor_events[f][..]));
        }
        _ => unreachable!(),
    }
}

#[test]
fn the_shipped_tours_are_the_story_and_one_per_level() {
    let case = shipped();
    let ids: Vec<&str> = case.data.tours.iter().map(|t| t.id.as_str()).collect();
    for id in ["story", "individual", "domestic", "systemic"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let story = &case.data.tours[ids.iter().position(|&i| i == "story").unwrap()];
    assert_eq!(story.name, "From strained ties to strategic engagement");
    assert!((12..=20).contains(&story.steps.len()));
}

#[test]
fn a_tour_through_the_keys_selects_each_step_with_its_highlight() {
    let mut app = app(shipped(), 100, 30);
    press(&mut app, &["t"]);
    let s = screen(&paint(&app));
    assert!(
        s.contains("Guided tours") && s.contains("From strained ties to strategic engagement"),
        "{s}"
    );
    press(&mut app, &["Enter"]);
    let tour = 0;
    let steps = app.case.data.tours[tour].steps.len();
    for step in 0..steps {
        assert_eq!(app.tour_step(), Some((tour, step)));
        assert_selected(&app, step_item(&app.case, tour, step));
        let s = screen(&paint(&app));
        assert!(s.contains(&format!("step {} of {steps}", step + 1)), "{s}");
        let note: String = app.case.data.tours[tour].steps[step]
            .note
            .chars()
            .take(30)
            .collect();
        assert!(s.contains(note.trim()), "the note shows: {note:?}\n{s}");
        press(&mut app, &["Right"]);
    }
    // At the end, going on stays on the last step.
    assert_eq!(app.tour_step(), Some((tour, steps - 1)));
    press(&mut app, &["Home"]);
    assert_eq!(app.tour_step(), Some((tour, 0)));
    press(&mut app, &["End", "Left", "h"]);
    assert_eq!(app.tour_step(), Some((tour, steps - 3)));
    press(&mut app, &["Space", "l"]);
    assert_eq!(app.tour_step(), Some((tour, steps - 1)));
    // Esc leaves the tour where it is.
    let here = step_item(&app.case, tour, steps - 1);
    press(&mut app, &["Esc"]);
    assert_eq!(app.tour_step(), None);
    assert_eq!(*app.overlay(), Overlay::None);
    assert_eq!(app.shown(), Some(here));
    // And it can be started again.
    press(&mut app, &["t", "j", "Enter"]);
    assert_eq!(app.tour_step(), Some((1, 0)));
    assert_selected(&app, step_item(&app.case, 1, 0));
}

#[test]
fn each_tour_step_opens_at_its_note_even_when_its_item_was_scrolled_before() {
    let tour = 0;
    let steps = shipped().data.tours[tour].steps.len();
    for step in 0..steps {
        let mut app = app(shipped(), 80, 24);
        app.select(step_item(&app.case, tour, step));
        press(
            &mut app,
            &["Enter", "j", "j", "j", "PgDn", "Esc", "t", "Enter"],
        );
        for _ in 0..step {
            press(&mut app, &["Right"]);
        }
        let s = screen(&render(&mut app));
        assert!(s.contains(&format!("step {} of {steps}", step + 1)), "{s}");
    }
}

#[test]
fn a_tour_presented_at_the_smallest_size_says_its_step_and_scrolls_to_every_line() {
    let mut app = app(shipped(), 60, 20);
    app.start_tour(0);
    press(&mut app, &["P"]);
    let steps = app.case.data.tours[0].steps.len();
    let mut scrolled = 0;
    for step in 0..steps {
        let s = screen(&render(&mut app));
        assert!(
            s.lines()
                .any(|l| l.contains(&format!("step {} of {steps}", step + 1))),
            "{s}"
        );
        let last_link = match step_item(&app.case, 0, step) {
            Item::Event(e) => Item::Factor(*app.case.index.event_factors[e].last().unwrap()),
            Item::Factor(f) => Item::Event(*app.case.index.factor_events[f].last().unwrap()),
            _ => unreachable!(),
        };
        let last: String = app.case.title(last_link).chars().take(12).collect();
        if !s.contains(&last) {
            assert!(
                s.trim_end().ends_with('⋮'),
                "more below is marked:
{s}"
            );
            scrolled += 1;
        }
        for _ in 0..30 {
            press(&mut app, &["j"]);
            render(&mut app);
        }
        let s = screen(&render(&mut app));
        assert!(
            s.contains(&last),
            "scrolled to the end: {last:?}
{s}"
        );
        press(&mut app, &["PgUp", "PgUp", "PgUp", "PgUp", "PgUp", "PgUp"]);
        let top = screen(&render(&mut app));
        assert!(
            top.contains("From strained ties"),
            "back at the top:
{top}"
        );
        press(&mut app, &["Right"]);
    }
    assert!(scrolled > 0, "some step is longer than the screen");
}

#[test]
fn with_the_mouse_tours_bars_and_answers_are_picked_by_clicking() {
    use waltz::config::action::Action;
    // The list of tours: a click picks one, a second click starts it.
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["t"]);
    let name = app.case.data.tours[2].name.clone();
    let (x, y) = find(&render(&mut app), &name).unwrap();
    app.update(Action::Click(x, y));
    assert_eq!(*app.overlay(), Overlay::Tours { cursor: 2 });
    render(&mut app);
    app.update(Action::Click(x, y));
    assert_eq!(app.tour_step(), Some((2, 0)));
    // In the tour the wheel scrolls the note and detail.
    render(&mut app);
    app.update(Action::Wheel(10, 20, 1));
    assert_eq!(app.detail().offset, 3);
    // The balance: a click picks a bar, a second click goes to it.
    let mut app = common::app(shipped(), 100, 30);
    press(&mut app, &["g", "b"]);
    let buf = render(&mut app);
    let (sx, _) = find(&buf, "Systemic").unwrap();
    let (_, ey) = find(&buf, "2009–2012").unwrap();
    app.update(Action::Click(sx + 3, ey));
    assert_eq!(
        *app.overlay(),
        Overlay::Balance {
            era: 2,
            level: Level::Systemic
        }
    );
    render(&mut app);
    app.update(Action::Click(sx + 3, ey - 1));
    assert_eq!(*app.overlay(), Overlay::None);
    assert_eq!(app.lens(), Some(Level::Systemic));
    // The quiz: a click picks a level, another unpicks it.
    let mut app = common::app(shipped(), 80, 24);
    press(&mut app, &["z"]);
    let (x, y) = find(&render(&mut app), "[ ] Domestic").unwrap();
    app.update(Action::Click(x + 4, y));
    assert!(screen(&render(&mut app)).contains("[x] Domestic"));
    app.update(Action::Click(x, y));
    assert!(screen(&render(&mut app)).contains("[ ] Domestic"));
    // Clicks elsewhere do nothing.
    app.update(Action::Click(0, 0));
    app.update(Action::Click(79, 23));
    assert!(matches!(app.overlay(), Overlay::Quiz(_)));
}

#[test]
fn an_unknown_tour_is_a_clear_error() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_waltz"))
        .args(["--tour", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "waltz: no tour `nope`; the tours are: story, individual, domestic, systemic\n"
    );
}

#[test]
fn presentation_mode_shows_a_readable_slide_at_80_by_24() {
    let mut app = app_with(shipped(), 80, 24, Theme::dark());
    press(&mut app, &[":"]);
    type_text(&mut app, "2009");
    press(&mut app, &["Enter", "P"]);
    assert!(app.presenting());
    assert_eq!(app.theme, Theme::high_contrast());
    let s = screen(&paint(&app));
    // The year in large block letters: the rows of "2009".
    assert!(s.contains("███ ███ ███ ███"), "{s}");
    assert!(s.contains("Kayani visits Moscow"), "{s}");
    assert!(
        !s.contains("j/k move") && !s.contains("Timeline"),
        "no chrome: {s}"
    );
    // Every line of text fits the screen: nothing is cut by the edge.
    let Some(Item::Event(e)) = app.shown() else {
        panic!()
    };
    let first_word = app.case.data.events[e].summary.split(' ').next().unwrap();
    assert!(s.contains(first_word));
    // The editorial note goes with it, marked as such.
    assert!(s.contains("Editorial note: The visit most accounts"), "{s}");
    press(&mut app, &["j"]);
    let s2 = screen(&paint(&app));
    assert_ne!(s, s2, "moving on changes the slide");
    press(&mut app, &["P"]);
    assert!(!app.presenting());
    assert_eq!(app.theme, Theme::dark());
    // A month or "c." stays beside the large year, on its last row.
    let coup = app.case.event_id("musharraf-coup").unwrap();
    app.go_to(Item::Event(coup));
    press(&mut app, &["P"]);
    let s = screen(&paint(&app));
    assert!(
        s.lines().any(|l| l.trim_start().starts_with("Oct ███ ███")),
        "{s}"
    );
    // Outside a tour a slide starts at its top, however the detail was
    // scrolled before presenting.
    let mut other = common::app(shipped(), 60, 20);
    for e in 0..other.case.data.events.len() {
        other.go_to(Item::Event(e));
        let d = other.areas().unwrap().detail;
        for _ in 0..5 {
            other.update(waltz::config::action::Action::Wheel(d.x + 2, d.y + 2, 1));
        }
        press(&mut other, &["P"]);
        let s = screen(&paint(&other));
        let title: String = other.case.data.events[e].title.chars().take(12).collect();
        assert!(
            s.contains(&title) && !s.trim_start().starts_with('⋮'),
            "{s}"
        );
        press(&mut other, &["P"]);
    }
    // A projector's large screen gets the year twice the size.
    app.resize(200, 60);
    let s = screen(&paint(&app));
    let tall = s.lines().filter(|l| l.contains("██████  ██████")).count();
    assert!(tall >= 4, "{s}");
    // A dataset without events says so rather than speak of a background.
    let mut empty = app_with(
        case(r#"(title: "T", source: "S", period: (2000, 2010))"#),
        80,
        24,
        Theme::dark(),
    );
    press(&mut empty, &["P"]);
    assert!(screen(&paint(&empty)).contains("This dataset has no events."));
}

#[test]
fn walking_a_slides_links_keeps_the_chosen_one_in_view_at_the_smallest_size() {
    let mut app = app(shipped(), 60, 20);
    press(&mut app, &["P"]);
    let case = app.case.clone();
    let items = (0..case.data.events.len())
        .map(|e| {
            let links = case.index.event_factors[e].iter().map(|&f| Item::Factor(f));
            (Item::Event(e), links.collect::<Vec<_>>())
        })
        .chain((0..case.data.factors.len()).map(|f| {
            let links = case.index.factor_events[f].iter().map(|&e| Item::Event(e));
            (Item::Factor(f), links.collect())
        }))
        // Actors, eras and sources: their events, then their factors.
        .chain((0..case.data.actors.len()).map(|a| {
            let events = case.index.actor_events[a].iter().map(|&e| Item::Event(e));
            let factors = case.index.actor_factors[a].iter().map(|&f| Item::Factor(f));
            (Item::Actor(a), events.chain(factors).collect())
        }))
        .chain((0..case.data.eras.len()).map(|x| {
            let events = case.index.era_events[x].iter().map(|&e| Item::Event(e));
            (Item::Era(x), events.collect())
        }))
        .chain((0..case.data.sources.len()).map(|s| {
            let events = case.index.source_events[s].iter().map(|&e| Item::Event(e));
            let factors = case.index.source_factors[s]
                .iter()
                .map(|&f| Item::Factor(f));
            (Item::Source(s), events.chain(factors).collect())
        }));
    let mut scrolled = 0;
    for (item, links) in items {
        app.go_to(item);
        if app.focus() != waltz::explorer::app::Region::Detail {
            press(&mut app, &["Enter"]); // onto the slide's links
        }
        assert_eq!(app.focus(), waltz::explorer::app::Region::Detail);
        for (i, &link) in links.iter().enumerate() {
            let s = screen(&paint(&app));
            let chosen = s
                .lines()
                .find(|l| l.contains('▶'))
                .unwrap_or_else(|| panic!("{item:?}: link {i} out of view:\n{s}"));
            let title: String = case.title(link).chars().take(12).collect();
            assert!(chosen.contains(&title), "{chosen:?} is not {title:?}\n{s}");
            scrolled += usize::from(s.contains('⋮'));
            press(&mut app, &["j"]);
        }
        press(&mut app, &["Esc"]);
    }
    assert!(scrolled > 0, "some slide is longer than the screen");
}

/// The factors at work in each era, counted here independently: events
/// belong to the first era (by start) whose years hold them.
fn expected_balance(case: &Case) -> Vec<(String, [[BTreeSet<String>; 3]; 3])> {
    let mut eras: Vec<_> = case.data.eras.iter().collect();
    eras.sort_by_key(|x| (x.start, x.end));
    eras.iter()
        .map(|era| {
            let mut cells: [[BTreeSet<String>; 3]; 3] = Default::default();
            for event in &case.data.events {
                let home = eras
                    .iter()
                    .find(|x| (x.start..=x.end).contains(&event.year));
                if home.map(|x| &x.id) != Some(&era.id) {
                    continue;
                }
                for id in &event.factors {
                    let f = case.data.factors.iter().find(|f| &f.id == id).unwrap();
                    let effect = match f.effect {
                        Effect::Enabler => 0,
                        Effect::Constraint => 1,
                        Effect::Mixed => 2,
                    };
                    cells[f.level as usize][effect].insert(f.id.clone());
                }
            }
            (era.name.clone(), cells)
        })
        .collect()
}

#[test]
fn the_balance_views_numbers_equal_counts_from_the_dataset() {
    let mut app = app(shipped(), 120, 40);
    press(&mut app, &["g", "b"]);
    let expected = expected_balance(&app.case);
    for (row, (name, cells)) in expected.iter().enumerate() {
        for (column, level) in Level::ALL.into_iter().enumerate() {
            assert_eq!(*app.overlay(), Overlay::Balance { era: row, level });
            let [enablers, constraints, mixed] = &cells[column];
            // The counts that are not zero.
            let s = |n: usize| if n == 1 { "" } else { "s" };
            let counts: Vec<String> = [
                (enablers.len(), format!("enabler{}", s(enablers.len()))),
                (
                    constraints.len(),
                    format!("constraint{}", s(constraints.len())),
                ),
                (mixed.len(), "mixed".to_owned()),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, word)| format!("{n} {word}"))
            .collect();
            let counts = if counts.is_empty() {
                "none".to_owned()
            } else {
                counts.join(", ")
            };
            let header = format!("{name} · {}: {counts}", level.name());
            let buf = paint(&app);
            let s = screen(&buf);
            assert!(s.contains(&header), "{header:?} missing:\n{s}");
            // The selected bar lists all its items.
            for id in enablers.iter().chain(constraints).chain(mixed) {
                let f = &app.case.data.factors[app.case.index.factor_ids[id]];
                let name: String = f.name.chars().take(20).collect();
                assert!(s.contains(&name), "{name} missing:\n{s}");
            }
            press(&mut app, &["l"]);
        }
        press(&mut app, &["h", "h", "j"]);
    }
    // Enter shows the era on the timeline through that level's lens.
    press(
        &mut app,
        &["g", "k", "k", "k", "k", "k", "k", "l", "l", "Enter"],
    );
    assert_eq!(*app.overlay(), Overlay::None);
    assert_eq!(app.lens(), Some(Level::Systemic));
}

/// Every bar on screen as (its count, its drawing): "+ ██▌ 3" gives (3, "██▌").
fn bars(screen: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        for i in 0..chars.len().saturating_sub(2) {
            if !matches!(chars[i], '+' | '−') || chars[i + 1] != ' ' {
                continue;
            }
            let drawing: String = chars[i + 2..]
                .iter()
                .take_while(|c| ('█'..='▏').contains(*c))
                .collect();
            let rest: String = chars[i + 2 + drawing.chars().count()..]
                .iter()
                .skip(1)
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if let Ok(n) = rest.parse() {
                found.push((n, drawing));
            }
        }
    }
    found
}

#[test]
fn at_the_smallest_size_the_balance_bars_still_tell_their_counts_apart() {
    for (w, h) in [(60, 20), (80, 24), (160, 48)] {
        let mut app = app(shipped(), w, h);
        press(&mut app, &["b"]);
        let s = screen(&paint(&app));
        let bars = bars(&s);
        assert!(bars.len() >= 30, "{w}×{h}: {bars:?}\n{s}");
        for (n, drawing) in &bars {
            for (m, other) in &bars {
                // A bigger count never draws a bar that is not longer.
                // █ is eight eighths, ▉ seven … ▏ one (U+2588 to U+258F).
                let eighths = |d: &str| {
                    d.chars()
                        .map(|c| if c == '█' { 8 } else { 0x2590 - c as u32 })
                        .sum::<u32>()
                };
                let longer = |a: &str, b: &str| eighths(a) > eighths(b);
                if n > m {
                    assert!(
                        longer(drawing, other),
                        "{w}×{h}: {n} {drawing:?} vs {m} {other:?}\n{s}"
                    );
                }
            }
            assert_eq!(*n == 0, drawing.is_empty(), "{w}×{h}\n{s}");
        }
        // What a short screen leaves out is said, not dropped unseen.
        assert_eq!(
            s.contains("events per year: on a taller screen"),
            !s.contains("Events per year, by level"),
            "{w}×{h}\n{s}"
        );
        assert!(s.contains("+ enablers − constraints ± mixed"), "{s}");
    }
}

#[test]
fn the_balance_items_run_into_columns_when_the_rows_run_out() {
    let mut app = app(shipped(), 80, 24);
    // The era with the most systemic factors, more than the list's two
    // rows of two columns hold.
    let expected = expected_balance(&app.case);
    let count = |era: usize| expected[era].1[2].iter().map(BTreeSet::len).sum::<usize>();
    let era = (0..expected.len()).max_by_key(|&x| count(x)).unwrap();
    let n = count(era);
    assert!(
        n > 4,
        "the shipped case has a systemic bar of more than four"
    );
    press(&mut app, &["g", "b", "l", "l"]);
    for _ in 0..era {
        press(&mut app, &["j"]);
    }
    let buf = paint(&app);
    let rows = lines(&buf);
    let list_top = rows
        .iter()
        .position(|r| r.contains("Systemic: "))
        .expect("the items list");
    let items: Vec<&String> = rows[list_top + 1..]
        .iter()
        .take_while(|r| !r.starts_with('└'))
        .collect();
    assert_eq!(items.len(), 2, "{rows:#?}");
    let shown = items
        .iter()
        .map(|r| r.matches(" + ").count() + r.matches(" − ").count() + r.matches(" ± ").count())
        .sum::<usize>();
    assert_eq!(shown, 3, "{items:#?}");
    assert!(
        items[1].contains(&format!("… and {} more", n - 3)),
        "{items:#?}"
    );
}

#[test]
fn the_balance_view_draws_a_density_strip_of_events_per_year() {
    let app = {
        let mut a = app(shipped(), 120, 40);
        press(&mut a, &["b"]);
        a
    };
    let s = screen(&paint(&app));
    assert!(s.contains("Events per year, by level"), "{s}");
    assert!(s.contains(" 1998 ") && s.contains(" 2020 "), "{s}");
    let strip = waltz::case::balance::density(&app.case);
    assert_eq!(strip.len(), 26);
    let total: usize = strip.iter().map(|(_, c)| c[Level::Systemic.index()]).sum();
    assert!(total > 0);
}

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

#[test]
fn help_from_the_list_of_tours_opens_at_its_keys_and_returns_to_it() {
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["t", "?"]);
    let s = screen(&paint(&app));
    assert!(s.contains("In the list of tours (t)"), "{s}");
    press(&mut app, &["Esc"]);
    assert!(matches!(app.overlay(), Overlay::Tours { .. }));
    assert!(!screen(&paint(&app)).contains(" Keys "));
}

#[test]
fn every_theme_renders_at_80_by_24_and_monochrome_sends_no_colour() {
    for name in Theme::NAMES {
        let app = app_with(shipped(), 80, 24, Theme::by_name(name).unwrap());
        let bytes = terminal_bytes(&app);
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("Timeline"), "{name}");
        // SGR colour codes: 30–37, 38;…, 39, 40–47, 48;…, 49, 90–97, 100–107.
        let colours = sgr_colours(&text);
        if name == "monochrome" {
            assert!(colours.is_empty(), "{name}: {colours:?}");
        } else {
            assert!(!colours.is_empty(), "{name} has colour");
            // The sixteen palette colours go out as 3x/4x/9x/10x or 38;5;0–15.
            let palette = |c: &String| {
                let p: Vec<&str> = c.split(';').collect();
                !matches!(p[0], "38" | "48")
                    || (p.get(1) == Some(&"5")
                        && p.get(2)
                            .and_then(|n| n.parse::<u8>().ok())
                            .is_some_and(|n| n < 16))
            };
            assert!(
                colours.iter().all(palette),
                "{name}: only palette colours: {colours:?}"
            );
        }
    }
}

#[test]
fn a_theme_with_its_own_background_keeps_it_under_every_popup() {
    let theme = Theme::high_contrast();
    assert!(
        theme.screen.bg.is_some(),
        "high contrast paints its background"
    );
    for keys in [
        &["/"][..],
        &["/", "p", "a", "k"],
        &["?"],
        &["t"],
        &[":"],
        &["b"],
        &["z"],
    ] {
        let mut app = app_with(shipped(), 100, 30, theme.clone());
        press(&mut app, keys);
        let buf = paint(&app);
        let bare: Vec<ratatui::layout::Position> = buf
            .area
            .positions()
            .filter(|&p| buf[p].bg == ratatui::style::Color::Reset)
            .collect();
        assert!(
            bare.is_empty(),
            "{keys:?}: {} cells without the ground, e.g. {:?}\n{}",
            bare.len(),
            &bare[..bare.len().min(5)],
            screen(&buf)
        );
    }
}

/// The colour parameters of every SGR sequence in `text`.
fn sgr_colours(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for seq in text.split("\x1b[").skip(1) {
        let Some(end) = seq.find(|c: char| c.is_ascii_alphabetic()) else {
            continue;
        };
        if &seq[end..end + 1] != "m" {
            continue;
        }
        let params: Vec<&str> = seq[..end].split(';').collect();
        let mut i = 0;
        while i < params.len() {
            let p: u32 = params[i].parse().unwrap_or(0);
            match p {
                38 | 48 => {
                    found.push(params[i..].join(";"));
                    break;
                }
                30..=37 | 39..=47 | 49 | 90..=97 | 100..=107 => found.push(params[i].to_owned()),
                _ => {}
            }
            i += 1;
        }
    }
    // 39 and 49 reset to the default colour: not a colour.
    found.retain(|c| c != "39" && c != "49");
    found
}

#[test]
fn ascii_mode_draws_only_ascii_everywhere() {
    let mut app = App::new(
        shipped(),
        Options {
            theme: Theme::monochrome(),
            ascii: true,
            ..Options::default()
        },
    );
    for (w, h) in [(80, 24), (160, 48)] {
        app.resize(w, h);
        for keys in [
            &[][..],
            &["Tab", "j"],
            &["/"],
            &["Esc", "?"],
            &["Esc", "t"],
            &["Enter", "P"],
            &["P", "Esc", "b"],
            &["Esc", "z", "1"],
            &["Esc", "g", "Enter"],
        ] {
            press(&mut app, keys);
            let bytes = terminal_bytes(&app);
            assert!(
                bytes.is_ascii(),
                "{keys:?}: {}",
                String::from_utf8_lossy(&bytes)
            );
            let s = screen(&paint(&app));
            assert!(s.is_ascii(), "{s}");
            if keys.is_empty() {
                // Level marks read apart from the dots of a cut title.
                assert!(
                    s.contains("Primakov visits Pakistan") && s.contains("I-S"),
                    "{s}"
                );
            }
        }
    }
}

#[test]
fn settings_from_a_file_rebind_keys_and_a_broken_file_keeps_the_defaults() {
    let dir = std::env::temp_dir().join(format!("waltz-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.ron");
    std::fs::write(
        &good,
        "(theme: \"light\", keys: { \"browse\": { \"x\": \"move_down\" } })",
    )
    .unwrap();
    let (settings, problems) = waltz::config::settings::load(&good, true);
    assert!(problems.is_empty());
    let mut app = App::new(
        shipped(),
        Options {
            theme: settings.theme.clone().unwrap(),
            keymap: settings.keymap,
            ..Options::default()
        },
    );
    app.resize(80, 24);
    let before = app.shown();
    press(&mut app, &["x"]);
    assert_ne!(app.shown(), before, "x moves down");
    assert_eq!(app.theme.name, "light");

    let broken = dir.join("broken.ron");
    std::fs::write(
        &broken,
        "(theme: \"light\",\n keys: { \"browse\": { \"x\": \"move_down\" } )",
    )
    .unwrap();
    let (settings, problems) = waltz::config::settings::load(&broken, true);
    assert_eq!(problems.len(), 1);
    let msg = problems[0].to_string();
    assert!(
        msg.starts_with(&format!("{}:2:", broken.display())),
        "{msg}"
    );
    assert!(msg.contains("using the defaults"), "{msg}");
    assert!(settings.theme.is_none());
    let mut app = App::new(
        shipped(),
        Options {
            keymap: settings.keymap,
            ..Options::default()
        },
    );
    app.resize(80, 24);
    let before = app.shown();
    press(&mut app, &["x"]);
    assert_eq!(app.shown(), before, "x is not bound by default");
    press(&mut app, &["j"]);
    assert_ne!(app.shown(), before);
}
