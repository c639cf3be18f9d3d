//! Guided tours and presentation mode: each step selects its item with
//! its highlight, and a slide is readable at every size.

use crate::common::*;
use waltz::case::index::{Case, Item};
use waltz::case::model::{Level, Target};
use waltz::config::theme::Theme;
use waltz::explorer::app::{App, Overlay, Region};

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
            .text
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
fn a_tour_presented_at_the_smallest_size_says_its_step_and_shows_or_counts_every_line() {
    let mut app = app(shipped(), 60, 20);
    app.start_tour(0);
    press(&mut app, &["P"]);
    let steps = app.case.data.tours[0].steps.len();
    let (mut scrolled, mut counted) = (0, 0);
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
        // The links that do not fit are counted, or the slide scrolls to
        // them (the bottom margin may hold a message; the mark is above it).
        if s.contains("linked factors") || s.contains("linked events") {
            counted += 1;
            assert!(!s.contains('⋮'), "a slide with a count fits:\n{s}");
        } else if !s.contains(&last) {
            assert!(
                s.lines().rev().take(2).any(|l| l.trim_end().ends_with('⋮')),
                "more below is marked:\n{s}"
            );
            scrolled += 1;
            for _ in 0..30 {
                press(&mut app, &["j"]);
                render(&mut app);
            }
            let s = screen(&render(&mut app));
            assert!(s.contains(&last), "scrolled to the end: {last:?}\n{s}");
            press(&mut app, &["PgUp", "PgUp", "PgUp", "PgUp", "PgUp", "PgUp"]);
            let top = screen(&render(&mut app));
            assert!(
                top.contains("From strained ties"),
                "back at the top:\n{top}"
            );
        }
        press(&mut app, &["Right"]);
    }
    assert!(counted > 0, "some step counts its links");
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
    let mut app = crate::common::app(shipped(), 100, 30);
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
    let mut app = crate::common::app(shipped(), 80, 24);
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
        "waltz: no tour `nope`; the tours are: story, individual, domestic, systemic, tensions\n"
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
    assert!(s.contains("Editorial note: Common record: General"), "{s}");
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
    let mut other = crate::common::app(shipped(), 60, 20);
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

/// The screen's text as one line of words (borders and wrapping gone), so
/// that a sentence wrapped over rows is found whole.
fn words(s: &str) -> String {
    s.replace(['│', '┃', '║', '█'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The story tour's position among the shipped tours.
fn story(case: &Case) -> usize {
    case.data
        .tours
        .iter()
        .position(|t| t.id == "story")
        .unwrap()
}

#[test]
fn the_slide_never_shows_a_teaching_note_and_s_shows_it_to_the_teacher() {
    let case = shipped();
    let tour = story(&case);
    let steps = &case.data.tours[tour].steps;
    assert!(
        steps.iter().all(|s| s.note.is_some()),
        "every story step has a note"
    );
    for (w, h) in [(80, 24), (160, 45), (60, 20)] {
        let mut app = app(shipped(), w, h);
        app.start_tour(tour);
        press(&mut app, &["P"]);
        for (i, step) in steps.iter().enumerate() {
            let note = step.note.as_deref().unwrap();
            let start: String = words(note).chars().take(30).collect();
            // However far the slide is scrolled, the note is not on it.
            for scroll in 0..12 {
                let s = words(&screen(&render(&mut app)));
                assert!(
                    !s.contains(&start),
                    "{w}×{h} step {i}, scrolled {scroll}: {s}"
                );
                press(&mut app, &["j"]);
            }
            // S shows it, on the teacher's screen; S again, the slide.
            press(&mut app, &["S"]);
            let notes = words(&screen(&render(&mut app)));
            assert!(
                notes.contains(&format!("Your note: {}", &start[..20])),
                "{notes}"
            );
            press(&mut app, &["S"]);
            assert!(app.presenting() && !app.notes_on());
            press(&mut app, &["Right"]);
        }
    }
    // In the tour, off the projector, the note shows beside the step.
    let mut app = app(shipped(), 120, 40);
    app.start_tour(tour);
    let note = steps[0].note.as_deref().unwrap();
    let s = words(&screen(&render(&mut app)));
    assert!(s.contains(&words(note)[..30]), "{s}");
}

#[test]
fn every_step_of_every_shipped_tour_fits_a_slide_at_80_by_24() {
    let case = shipped();
    for (tour, t) in case.data.tours.iter().enumerate() {
        let mut app = app(shipped(), 80, 24);
        app.start_tour(tour);
        press(&mut app, &["P"]);
        for step in 0..t.steps.len() {
            let s = screen(&render(&mut app));
            assert!(!s.contains('⋮'), "{} step {}:\n{s}", t.id, step + 1);
            assert_eq!(app.last_frame().slide_overflow, 0, "{}\n{s}", t.id);
            // What the class is told shows whole.
            assert!(words(&s).contains(&words(&t.steps[step].text)), "{s}");
            press(&mut app, &["Right"]);
        }
    }
}

#[test]
fn on_a_projector_a_slide_has_a_large_title_wide_margins_and_a_reading_measure() {
    let case = shipped();
    let tour = story(&case);
    let steps = case.data.tours[tour].steps.len();
    let mut app = app(shipped(), 160, 45);
    app.start_tour(tour);
    press(&mut app, &["P"]);
    let mut large = 0;
    for step in 0..steps {
        let s = screen(&render(&mut app));
        let rows: Vec<&str> = s.lines().collect();
        // Text keeps to a centred column of at most 72 cells, with wide
        // margins either side (the bottom row holds messages).
        for row in &rows[..rows.len() - 1] {
            let chars: Vec<char> = row.chars().collect();
            let Some(first) = chars.iter().position(|c| *c != ' ') else {
                continue;
            };
            let last = chars.iter().rposition(|c| *c != ' ').unwrap();
            assert!(first >= 40 && last < 120, "step {}: {row:?}", step + 1);
        }
        assert!(!s.contains('⋮'), "step {}:\n{s}", step + 1);
        // The title in large letters: half blocks, and not as plain text.
        let title = app.case.title(step_item(&app.case, tour, step)).to_owned();
        if s.contains('▀') && !s.contains(&title) {
            large += 1;
        }
        press(&mut app, &["Right"]);
    }
    assert!(
        large * 2 > steps,
        "most titles are large: {large} of {steps}"
    );
}
