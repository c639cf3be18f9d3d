//! Finding things: the ranking on the real case study, fzf's query forms,
//! highlighting, the finder through keys, and `waltz search` as a process.

use crate::common::*;
use ratatui::style::Modifier;
use waltz::case::index::{Case, Item};
use waltz::case::model::Sourced;
use waltz::case::search::{self, Matcher, Query, segments};
use waltz::config::action::Action;
use waltz::config::theme::Theme;
use waltz::explorer::app::{App, Options, Overlay, Region};

/// The ids of the first `n` results, as "kind:id".
fn top(case: &Case, query: &str, n: usize) -> Vec<String> {
    search::search(case, query, n)
        .0
        .into_iter()
        .map(|item| format!("{}:{}", item.kind(), id(case, item)))
        .collect()
}

fn id(case: &Case, item: Item) -> &str {
    let d = &case.data;
    match item {
        Item::Event(e) => &d.events[e].id,
        Item::Factor(f) => &d.factors[f].id,
        Item::Actor(a) => &d.actors[a].id,
        Item::Era(x) => &d.eras[x].id,
        Item::Source(s) => &d.sources[s].id,
    }
}

#[test]
fn real_queries_find_what_a_person_means_first() {
    let case = shipped();
    let expect = [
        // A name whole: the person, before the events that mention them.
        ("kayani", "actor:kayani"),
        ("Kayani", "actor:kayani"),
        ("putin", "actor:putin"),
        ("kayani visits", "event:kayani-moscow"),
        ("musharaf", "event:musharraf-coup"),    // a typo
        ("sco", "factor:regional-institutions"), // "(SCO)" is in its name
        ("2014 defence", "event:defence-agreement-2014"),
        ("gas pipeline", "event:gas-pipeline-2011"),
        ("putin state visit", "event:putin-visit-2005"),
        ("primakov", "actor:primakov"),
        ("primakov visit", "event:primakov-visit"),
        ("medvedev hearts", "event:medvedev-hearts"),
        ("clary", "source:clary-2022"),
        ("kaushiki", "source:kaushik-2019"), // a variant spelling
        ("2005 sco", "event:sco-observer"),
        ("mi-35", "event:mi35-sale-2016"),
        ("imran", "actor:imran-khan"),
    ];
    for (query, first) in expect {
        let got = top(&case, query, 3);
        assert_eq!(
            got.first().map(String::as_str),
            Some(first),
            "{query:?} gave {got:?}"
        );
    }
}

#[test]
fn themes_and_long_text_are_searched() {
    let case = shipped();
    // A theme word finds events tagged with it.
    let energy = search::search(&case, "energy", 200).0;
    for (e, event) in case.data.events.iter().enumerate() {
        if event.themes().any(|t| t == "energy") {
            assert!(
                energy.contains(&Item::Event(e)),
                "{} is tagged energy",
                event.id
            );
        }
    }
    // A word that only appears in a summary still finds it.
    let (e, event) = case
        .data
        .events
        .iter()
        .enumerate()
        .find(|(_, x)| x.id == "rice-ban-lifted-2015")
        .expect("the rice event");
    assert!(!event.title.to_lowercase().contains("import"));
    assert!(event.summary.to_lowercase().contains("imports"));
    assert!(
        search::search(&case, "imports rice", 10)
            .0
            .contains(&Item::Event(e))
    );
}

#[test]
fn fzf_forms_exact_prefix_suffix_and_not() {
    let case = case(MINIMAL);
    let ids = |q: &str| top(&case, q, 50);
    // 'exact needs the letters together.
    assert!(
        ids("bwr").contains(&"event:war".to_owned()),
        "fuzzy: *B*order *w*a*r*"
    );
    assert!(ids("'bwr").is_empty());
    assert_eq!(ids("'pipeline"), ["event:pipeline"]);
    // ^prefix and suffix$ apply to the title.
    assert_eq!(ids("^Gas"), ["event:pipeline"]);
    assert_eq!(ids("^need"), ["factor:gas-needs"]);
    assert_eq!(ids("summit$"), ["event:summit"]);
    assert_eq!(ids("talks$"), ["event:talks"]);
    // !not excludes.
    let all_events = ids("!zzz");
    assert!(all_events.len() >= 5);
    let without = ids("!summit");
    assert!(!without.contains(&"event:summit".to_owned()));
    assert_eq!(without.len() + 1, all_events.len());
    // Terms are ANDed.
    assert_eq!(ids("'gas 'deal"), ["event:pipeline"]);
    assert!(ids("'gas 'summit").is_empty());
    assert_eq!(ids("gas deal")[0], "event:pipeline");
}

#[test]
fn letters_scattered_across_fields_do_not_make_a_match() {
    let case = shipped();
    // "kayani" is not spelled out of Musharraf's country and role.
    let kayani = top(&case, "kayani", 20);
    assert!(
        !kayani.contains(&"actor:musharraf".to_owned()),
        "{kayani:?}"
    );
    assert!(kayani.contains(&"actor:kayani".to_owned()), "{kayani:?}");
    // Nor nonsense out of a date, a theme and a citation.
    for nonsense in ["mrkdly", "ayanizzzz"] {
        assert_eq!(top(&case, nonsense, 5), Vec::<String>::new(), "{nonsense}");
    }
    // A typo within one field still finds it.
    assert!(top(&case, "musharaf", 3).contains(&"actor:musharraf".to_owned()));
    // Letters strewn across a title rank below a whole word in a note:
    // "astana" is in the note of the SCO membership, not in "Baluchistan".
    assert_eq!(top(&case, "astana", 1), ["event:sco-member-2016"]);
}

#[test]
fn editorial_lists_exactly_what_carries_an_editorial_note() {
    let case = shipped();
    let mut got = top(&case, "editorial", 1000);
    got.sort();
    let d = &case.data;
    let mut want: Vec<String> = d
        .events
        .iter()
        .filter(|x| x.note().is_some())
        .map(|x| format!("event:{}", x.id))
        .chain(
            d.factors
                .iter()
                .filter(|x| x.note().is_some())
                .map(|x| format!("factor:{}", x.id)),
        )
        .collect();
    want.sort();
    assert!(want.len() > 10);
    assert_eq!(got, want);
}

#[test]
fn smart_case() {
    let case = case(MINIMAL);
    let ids = |q: &str| top(&case, q, 50);
    assert!(ids("border").contains(&"event:war".to_owned()));
    assert!(ids("Border").contains(&"event:war".to_owned()));
    assert!(
        !ids("BORDER").contains(&"event:war".to_owned()),
        "uppercase means case-sensitive"
    );
    assert!(ids("'Border").contains(&"event:war".to_owned()));
    assert!(ids("'border").contains(&"event:war".to_owned()));
    assert!(!ids("'BORDER").contains(&"event:war".to_owned()));
}

#[test]
fn years_match_events_eras_and_citations() {
    let case = case(MINIMAL);
    let got = top(&case, "2009", 10);
    // talks runs 2008–2010; the thaw era covers 2009; Scribe (2009) is a source.
    for want in ["event:talks", "era:thaw", "source:scribe-2009"] {
        assert!(
            got.contains(&want.to_owned()),
            "{want} missing from {got:?}"
        );
    }
    assert!(!got.contains(&"event:war".to_owned()));
    assert_eq!(top(&case, "2007", 1), ["event:pipeline"]);
    // A year written in a note finds it too, after the events of that year.
    assert_eq!(top(&case, "2008", 10).last().unwrap(), "event:pipeline");
    let shipped = shipped();
    assert_eq!(top(&shipped, "kayani 2012", 5), ["event:kayani-moscow"]);
}

#[test]
fn highlight_runs_rebuild_the_text_and_never_split_characters() {
    let matcher = Matcher::default();
    let titles = [
        "Путин встречает Мушаррафа в Москве",
        "پاکستان اور روس کے تعلقات",
        "Dušan Šević and the café in Zürich",
        "北京会议上的巴基斯坦和俄罗斯",
        "Emoji 🎉 and wide ＦＵＬＬ width",
    ];
    let queries = [
        "мушар",
        "پاک",
        "sevic",
        "café zur",
        "巴基",
        "🎉 full",
        "'Зür",
        "^Пу",
        "твах$",
    ];
    for title in titles {
        for q in queries {
            let positions = matcher.highlights(&Query::parse(q), title);
            let runs = segments(title, &positions);
            let rebuilt: String = runs.iter().map(|(s, _)| *s).collect();
            assert_eq!(rebuilt, title);
            // Every highlighted character is one the positions name.
            let mut n = 0;
            for (run, lit) in &runs {
                for _ in run.chars() {
                    assert_eq!(positions.binary_search(&n).is_ok(), *lit);
                    n += 1;
                }
            }
            // Runs alternate.
            for pair in runs.windows(2) {
                assert_ne!(pair[0].1, pair[1].1);
            }
        }
    }
    let positions = matcher.highlights(&Query::parse("мушар"), titles[0]);
    let runs = segments(titles[0], &positions);
    assert!(runs.contains(&("Мушар", true)), "{runs:?}");
    let runs = segments(
        titles[3],
        &matcher.highlights(&Query::parse("巴基"), titles[3]),
    );
    assert!(runs.contains(&("巴基", true)), "{runs:?}");
}

fn finder(app: &App) -> &waltz::explorer::app::Finder {
    match app.overlay() {
        Overlay::Find(f) => f,
        other => panic!("the finder is not open: {other:?}"),
    }
}

#[test]
fn the_finder_previews_jumps_and_cross_highlights() {
    let mut app = app(shipped(), 120, 40);
    let before = app.shown();
    press(&mut app, &["/"]);
    type_text(&mut app, "visits");
    let buf = paint(&app);
    let s = screen(&buf);
    assert!(s.contains(" Find ") && s.contains("> visits"), "{s}");
    // The best match first, with its matched letters highlighted.
    let primakov = app.case.event_id("primakov-visit").unwrap();
    assert_eq!(finder(&app).results[0], primakov.into_event());
    assert!(modifiers_at(&buf, "visits Pakistan").contains(Modifier::UNDERLINED));
    assert!(!modifiers_at(&buf, "Pakistan").contains(Modifier::UNDERLINED));
    // The detail previews the highlighted result as the cursor moves.
    assert!(s.contains("1998 · Primakov visits Pakistan"), "{s}");
    press(&mut app, &["Down"]);
    let second = finder(&app).results[1];
    assert_ne!(second, primakov.into_event());
    assert_eq!(app.shown(), Some(second));
    press(&mut app, &["Ctrl-k"]);
    // Enter lands on the event, focused, with its factors lit.
    press(&mut app, &["Enter"]);
    assert!(matches!(app.overlay(), Overlay::None));
    assert_eq!(app.focus(), Region::Timeline);
    assert_eq!(app.shown(), Some(Item::Event(primakov)));
    let lit = app.lit();
    assert_eq!(
        lit.factors,
        Some(&app.case.index.event_factors[primakov][..])
    );
    // Esc goes back to where the search started.
    press(&mut app, &["Esc"]);
    assert_eq!(app.shown(), before);
}

trait IntoEvent {
    fn into_event(self) -> Item;
}

impl IntoEvent for usize {
    fn into_event(self) -> Item {
        Item::Event(self)
    }
}

#[test]
fn the_finder_jumps_to_a_factor_in_its_pane() {
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["/"]);
    type_text(&mut app, "^putin's lack");
    press(&mut app, &["Enter"]);
    let f = app.case.index.factor_ids["putin-no-ideology"];
    assert_eq!(app.shown(), Some(Item::Factor(f)));
    assert_eq!(
        app.focus(),
        Region::Pane(waltz::case::model::Level::Individual)
    );
    assert_eq!(app.lit().events, Some(&app.case.index.factor_events[f][..]));
}

#[test]
fn the_finder_pins_an_actor_and_lights_their_events() {
    let mut app = app(shipped(), 120, 40);
    press(&mut app, &["/"]);
    type_text(&mut app, "ashfaq");
    press(&mut app, &["Enter"]);
    let a = app.case.index.actor_ids["kayani"];
    assert_eq!(app.focus(), Region::Detail);
    assert_eq!(app.shown(), Some(Item::Actor(a)));
    assert_eq!(app.lit().events, Some(&app.case.index.actor_events[a][..]));
    let s = screen(&paint(&app));
    assert!(
        s.contains("Ashfaq Parvez Kayani") && s.contains("↪ 2009 Kayani visits Moscow"),
        "{s}"
    );
    // Moving away unpins.
    press(&mut app, &["Tab", "j"]);
    assert_ne!(app.anchor(), Some(Item::Actor(a)));
}

#[test]
fn esc_closes_the_finder_and_restores_the_selection() {
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["j", "j"]);
    let (focus, shown, anchor) = (app.focus(), app.shown(), app.anchor());
    press(&mut app, &["/"]);
    type_text(&mut app, "pipeline");
    press(&mut app, &["Down", "Down"]);
    assert_ne!(app.shown(), shown, "previewing");
    press(&mut app, &["Esc"]);
    assert!(matches!(app.overlay(), Overlay::None));
    assert_eq!(
        (app.focus(), app.shown(), app.anchor()),
        (focus, shown, anchor)
    );
}

#[test]
fn editing_the_query_and_a_shrinking_list_keep_the_cursor_in_range() {
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["/"]);
    type_text(&mut app, "a");
    let many = finder(&app).results.len();
    assert!(many > 20);
    press(&mut app, &["PgDn", "PgDn", "PgDn"]);
    assert!(finder(&app).scroll.cursor > 10);
    type_text(&mut app, "yani");
    let f = finder(&app);
    assert!(f.results.len() < many);
    assert!(f.scroll.cursor < f.results.len().max(1));
    paint(&app);
    type_text(&mut app, "zzzz");
    assert!(finder(&app).results.is_empty());
    assert!(screen(&paint(&app)).contains("no match for “ayanizzzz”"));
    press(&mut app, &["Enter", "Down", "PgDn", "Up"]); // nothing to go to
    assert!(matches!(app.overlay(), Overlay::Find(_)));
    press(&mut app, &["Ctrl-w"]);
    assert_eq!(finder(&app).input, "");
    type_text(&mut app, "gas pipe");
    press(&mut app, &["Ctrl-w"]);
    assert_eq!(finder(&app).input, "gas ");
    press(&mut app, &["Backspace", "Ctrl-u"]);
    assert_eq!(finder(&app).input, "");
}

#[test]
fn the_query_is_edited_at_its_cursor() {
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["/"]);
    type_text(&mut app, "gas pipe");
    press(&mut app, &["Home", "Right", "Right", "Right", "Delete"]);
    assert_eq!(finder(&app).input, "gaspipe");
    assert_eq!(finder(&app).caret, 3);
    // The character under the cursor is drawn reversed.
    let buf = paint(&app);
    assert!(screen(&buf).contains("> gaspipe"));
    assert!(modifiers_at(&buf, "pipe").contains(Modifier::REVERSED));
    assert!(!modifiers_at(&buf, "aspipe").contains(Modifier::REVERSED));
    type_text(&mut app, " ");
    assert_eq!(finder(&app).input, "gas pipe");
    // The results follow an edit in the middle, without narrowing wrongly.
    let (want, _) = search::search(&app.case, "gas pipe", 1);
    assert_eq!(finder(&app).results.first(), want.first());
    press(&mut app, &["Ctrl-a", "Ctrl-f", "Backspace"]);
    assert_eq!(finder(&app).input, "as pipe");
    press(&mut app, &["Ctrl-e", "Left", "Left", "Ctrl-w"]);
    assert_eq!(finder(&app).input, "as pe");
    press(&mut app, &["End", "Backspace", "Left", "Ctrl-b", "Ctrl-u"]);
    assert_eq!((finder(&app).input.as_str(), finder(&app).caret), ("", 0));
}

#[test]
fn the_finder_on_an_empty_dataset_says_there_is_nothing_to_search() {
    let mut app = app(
        case(r#"(title: "T", source: "S", period: (2000, 2010))"#),
        80,
        24,
    );
    press(&mut app, &["/"]);
    let s = screen(&paint(&app));
    assert!(
        s.contains("nothing to search: this dataset is empty"),
        "{s}"
    );
}

#[test]
fn a_very_long_query_is_capped() {
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["/"]);
    let long = "x".repeat(5000);
    app.update(waltz::config::action::Action::Paste(long));
    assert_eq!(finder(&app).input.chars().count(), search::MAX_QUERY);
    type_text(&mut app, "y");
    assert_eq!(finder(&app).input.chars().count(), search::MAX_QUERY);
    let s = screen(&paint(&app));
    assert!(
        s.contains("cut at 200 characters") || s.contains("no match"),
        "{s}"
    );
}

#[test]
fn the_worker_gives_the_same_results_as_searching_inline() {
    let mut inline = app(shipped(), 100, 30);
    let mut worker = App::new(
        shipped(),
        Options {
            theme: Theme::monochrome(),
            search_worker: Some(true),
            ..Options::default()
        },
    );
    worker.resize(100, 30);
    for app in [&mut inline, &mut worker] {
        press(app, &["/"]);
    }
    for q in ["m", "mu", "mus", "musharaf", "musharaf ", "musharaf c"] {
        for app in [&mut inline, &mut worker] {
            press(app, &["Ctrl-u"]);
            type_text(app, q);
        }
        // Wait for the worker's answer (a guard, not a timing assertion).
        for _ in 0..5000 {
            if !worker.searching() {
                break;
            }
            worker.poll_search();
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert!(!worker.searching(), "the worker answered {q:?}");
        assert_eq!(finder(&worker).results, finder(&inline).results, "{q:?}");
        assert_eq!(finder(&worker).total, finder(&inline).total, "{q:?}");
    }
}

#[test]
fn waltz_search_prints_tab_separated_results_best_first() {
    let out = waltz(&["search", "kayani", "visits"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let first = stdout.lines().next().unwrap();
    assert_eq!(first, "event\tkayani-moscow\t2009\tKayani visits Moscow");
    for line in stdout.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "{line:?}");
        assert!(["event", "factor", "actor", "era", "source"].contains(&fields[0]));
        assert!(
            fields[2] == "-" || fields[2].parse::<i32>().is_ok(),
            "{line:?}"
        );
    }
    let limited = waltz(&["search", "--limit", "2", "a"]);
    assert_eq!(
        String::from_utf8(limited.stdout).unwrap().lines().count(),
        2
    );
    // Several words are one query.
    let words = waltz(&["search", "gas", "pipeline"]);
    let first = String::from_utf8(words.stdout).unwrap();
    assert!(
        first.starts_with("event\tgas-pipeline-2011\t2011\t"),
        "{first}"
    );
}

#[test]
fn waltz_search_exit_codes() {
    let none = waltz(&["search", "qqqqzzzz"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    let bad = waltz(&["search", "--data", "missing.ron", "x"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(bad.stderr).unwrap(),
        "missing.ron: error: no such file\n"
    );
    let usage = waltz(&["search"]);
    assert_eq!(usage.status.code(), Some(2));
    let none_shown = waltz(&["search", "--limit", "0", "putin"]);
    assert_eq!(
        none_shown.status.code(),
        Some(0),
        "something matched, though none is shown"
    );
    assert!(none_shown.stdout.is_empty());
    let negated = waltz(&["search", "!zzz", "--limit", "1"]);
    assert_eq!(
        negated.status.code(),
        Some(0),
        "a leading ! is a query, not a flag"
    );
    assert_eq!(
        String::from_utf8(negated.stdout).unwrap().lines().count(),
        1
    );
}

#[test]
fn typed_and_pasted_control_and_invisible_characters_stay_out_of_the_query() {
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["/"]);
    type_text(&mut app, "ka\u{200b}y\u{202e}");
    app.update(waltz::config::action::Action::Paste(
        "a\u{1b}[31mni\u{7}".into(),
    ));
    assert_eq!(finder(&app).input, "kaya [31mni ");
    let buf = paint(&app);
    for cell in buf.content() {
        assert!(
            waltz::case::sanitize::is_inert(cell.symbol()),
            "{:?}",
            cell.symbol()
        );
    }
}

/// The finder's result rows drawn with the cursor's reversed style.
fn cursor_rows(app: &App) -> Vec<String> {
    let buf = paint(app);
    let list = waltz::explorer::view::layout::finder_results(app.screen());
    (list.y..list.bottom())
        .filter(|&y| buf[(list.x + 1, y)].modifier.contains(Modifier::REVERSED))
        .map(|y| row_text(&buf, y, list.x, list.right()))
        .collect()
}

#[test]
fn the_highlighted_result_is_always_on_screen_as_the_cursor_moves() {
    for (w, h) in [(80, 24), (60, 20), (120, 40)] {
        let mut app = app(shipped(), w, h);
        press(&mut app, &["/"]);
        type_text(&mut app, "a");
        let total = finder(&app).results.len();
        assert!(total > 40);
        let title = |app: &App| {
            let f = finder(app);
            app.case.title(f.results[f.scroll.cursor]).to_owned()
        };
        for key in ["Down"; 50]
            .into_iter()
            .chain(["PgDn"; 5])
            .chain(["Up"; 60])
        {
            press(&mut app, &[key]);
            let rows = cursor_rows(&app);
            let want: String = title(&app).chars().take(20).collect();
            assert!(
                rows.len() == 1 && rows[0].contains(&want),
                "{w}×{h} after {key} at {}: {want:?} not the highlighted row {rows:?}",
                finder(&app).scroll.cursor
            );
        }
    }
}

#[test]
fn the_highlighted_result_stays_on_screen_when_the_terminal_shrinks() {
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["/"]);
    for _ in 0..11 {
        press(&mut app, &["Down"]);
    }
    app.resize(60, 20);
    let f = finder(&app);
    let title: String = app
        .case
        .title(f.results[f.scroll.cursor])
        .chars()
        .take(15)
        .collect();
    let rows = cursor_rows(&app);
    assert!(
        rows.len() == 1 && rows[0].contains(&title),
        "{title:?} not in {rows:?}"
    );
}

#[test]
fn a_long_query_is_marked_where_it_is_cut() {
    let mut app = app(shipped(), 60, 20);
    press(&mut app, &["/"]);
    type_text(
        &mut app,
        "the war on terror and the shanghai cooperation organization membership",
    );
    let query_line = |app: &App| {
        screen(&paint(app))
            .lines()
            .find(|l| l.contains(" > "))
            .unwrap()
            .to_owned()
    };
    let end = query_line(&app);
    assert!(end.contains("> …") && end.contains("membership█"), "{end}");
    press(&mut app, &["Home"]);
    let start = query_line(&app);
    assert!(
        start.contains("> the war") && start.trim_end_matches(['┃', ' ']).ends_with('…'),
        "{start}"
    );
}

#[test]
fn with_the_mouse_a_click_picks_a_result_and_a_second_click_goes_there() {
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["/"]);
    type_text(&mut app, "pipeline");
    let list = waltz::explorer::view::layout::finder_results(app.screen());
    let third = finder(&app).results[2];
    assert!(finder(&app).results.len() < usize::from(list.height));
    // Clicks on the query line, the border or past the last result pick nothing.
    for (x, y) in [
        (list.x + 3, list.y - 2),
        (0, 0),
        (list.x + 3, list.bottom() - 1),
    ] {
        app.update(Action::Click(x, y));
        assert_eq!(finder(&app).scroll.cursor, 0, "click at {x},{y}");
    }
    app.update(Action::Click(list.x + 10, list.y + 2));
    assert_eq!(finder(&app).scroll.cursor, 2);
    assert_eq!(app.shown(), Some(third), "the detail previews it");
    assert!(matches!(app.overlay(), Overlay::Find(_)));
    app.update(Action::Click(list.x + 10, list.y + 2));
    assert!(matches!(app.overlay(), Overlay::None));
    assert_eq!(app.shown(), Some(third));
}

#[test]
fn waltz_search_gas_leaves_out_letters_strewn_across_a_title() {
    let out = waltz(&["search", "gas"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Gas pipeline agreement"), "{stdout}");
    assert!(
        !stdout.contains("Soviet invasion of Afghanistan"),
        "a-f-G-h-A-n-i-S is no match for gas:\n{stdout}"
    );
}

#[test]
fn a_match_found_only_in_a_note_ranks_below_text_matches_and_says_so() {
    let mut both = 0;
    for query in ["karachi", "geneva", "lahore", "kremlin", "flashpoint"] {
        let mut app = app(shipped(), 100, 30);
        press(&mut app, &["/"]);
        type_text(&mut app, query);
        let Overlay::Find(finder) = app.overlay().clone() else {
            panic!("the finder")
        };
        let in_note = |i: &Item| finder.note_only.contains(i);
        // Every text match comes before every note-only one.
        let first_note = finder.results.iter().position(in_note);
        if let Some(at) = first_note {
            assert!(
                finder.results[at..].iter().all(in_note),
                "{query}: {:?} / {:?}",
                finder.results,
                finder.note_only
            );
        }
        let Some(at) = first_note.filter(|&at| at > 0) else {
            continue;
        };
        both += 1;
        // The preview of a note-only match says where it was found; a text
        // match's does not.
        let s = screen(&paint(&app));
        assert!(!s.contains("found only in its editorial note"), "{s}");
        for _ in 0..at {
            press(&mut app, &["Down"]);
        }
        let s = screen(&paint(&app));
        assert!(
            s.contains("found only in its editorial note"),
            "{query}:\n{s}"
        );
        assert!(s.contains("in a note"), "{query}:\n{s}");
    }
    assert!(
        both > 0,
        "some query matches both in text and only in a note"
    );
}

#[test]
fn high_contrast_and_presentation_fade_by_colour_never_by_faint() {
    use waltz::explorer::view::layout::inner;
    let mut app = app_with(shipped(), 120, 40, Theme::high_contrast());
    press(&mut app, &["j", "j"]); // an event: its factors lit, the rest faded
    let buf = paint(&app);
    assert!(
        buf.content()
            .iter()
            .all(|c| !c.modifier.contains(Modifier::DIM)),
        "no cell is faint"
    );
    // In the panes, a faded factor's name is another colour than a lit one's.
    let colour_of = |lit: bool| {
        let areas = app.areas().unwrap();
        areas
            .panes
            .iter()
            .flat_map(|&p| {
                let r = inner(p);
                (r.y..r.bottom()).map(move |y| (r, y))
            })
            .find(|&(r, y)| {
                (buf[(r.x, y)].symbol() == "●") == lit && buf[(r.x + 3, y)].symbol() != " "
            })
            .map(|(r, y)| buf[(r.x + 3, y)].fg)
            .unwrap()
    };
    assert_ne!(colour_of(true), colour_of(false));
    // Presentation swaps the high-contrast theme in: no faint there either.
    let mut app = app_with(shipped(), 80, 24, Theme::dark());
    press(&mut app, &["t", "Enter", "P"]);
    let buf = paint(&app);
    assert!(
        buf.content()
            .iter()
            .all(|c| !c.modifier.contains(Modifier::DIM))
    );
    // The dark theme, for comparison, does fade with faint.
    let dark = paint(&crate::common::app_with(shipped(), 120, 40, Theme::dark()));
    assert!(
        dark.content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::DIM))
    );
}
