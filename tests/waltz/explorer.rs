//! The explorer as a user sees it: keys through the key map, the screen
//! rendered into a `TestBackend`, assertions on text and on cell styles.

use crate::common::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use waltz::case::index::Item;
use waltz::case::model::Level;
use waltz::config::action::Action;
use waltz::config::theme::Theme;
use waltz::explorer::app::Region;
use waltz::explorer::view::layout::{Areas, inner};

/// The text of each row inside `area` (a region, border included) that
/// carries the lit marker `●`, trimmed.
fn lit_rows(buf: &Buffer, area: Rect) -> Vec<String> {
    let inside = inner(area);
    (inside.y..inside.bottom())
        .map(|y| row_text(buf, y, inside.x, inside.right()))
        .filter(|row| row.contains('●'))
        .map(|row| row.replace('●', " ").trim().to_owned())
        .collect()
}

fn areas(app: &waltz::explorer::app::App) -> Areas {
    app.areas().expect("big enough")
}

/// The lit rows of the three panes, with the effect sign stripped.
fn lit_factor_names(app: &waltz::explorer::app::App, buf: &Buffer) -> Vec<String> {
    let mut names: Vec<String> = areas(app)
        .panes
        .iter()
        .flat_map(|&p| lit_rows(buf, p))
        .map(|row| row.trim_start_matches(['+', '−', '±']).trim().to_owned())
        .collect();
    names.sort();
    names
}

fn event_id(app: &waltz::explorer::app::App) -> String {
    match app.shown() {
        Some(Item::Event(e)) => app.case.data.events[e].id.to_string(),
        other => panic!("expected an event, got {other:?}"),
    }
}

#[test]
fn selecting_an_event_lights_exactly_its_factors() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app(case(MINIMAL), w, h);
        for _ in 0..4 {
            let buf = paint(&app);
            let Some(Item::Event(e)) = app.shown() else {
                panic!()
            };
            let mut expected: Vec<String> = app.case.data.events[e]
                .links()
                .map(|id| {
                    app.case
                        .data
                        .factors
                        .iter()
                        .find(|f| f.id == *id.factor)
                        .unwrap()
                        .name
                        .to_string()
                })
                .collect();
            expected.sort();
            assert_eq!(
                lit_factor_names(&app, &buf),
                expected,
                "{w}×{h} at {}",
                event_id(&app)
            );
            // Unrelated factors fade; related ones stand out.
            for f in &app.case.data.factors {
                let m = modifiers_at(&buf, &f.name);
                if expected.contains(&f.name.to_string()) {
                    assert!(
                        m.contains(Modifier::BOLD) && !m.contains(Modifier::DIM),
                        "{}",
                        f.name
                    );
                } else {
                    assert!(m.contains(Modifier::DIM), "{} should fade", f.name);
                }
            }
            press(&mut app, &["j"]);
        }
    }
}

#[test]
fn each_pane_counts_the_factors_involved() {
    let app = app(case(MINIMAL), 80, 24);
    // The first event of the period, "Ambassador recalled", involves one
    // individual and one systemic factor.
    assert_eq!(event_id(&app), "snub");
    let s = screen(&paint(&app));
    assert!(s.contains("Individual 1/2"), "{s}");
    assert!(s.contains("Domestic 0/1"), "{s}");
    assert!(s.contains("Systemic 1/2"), "{s}");
}

#[test]
fn selecting_a_factor_lights_exactly_its_events_and_their_years() {
    let mut app = app(case(MINIMAL), 120, 40);
    // Moving in a pane anchors its factor.
    press(&mut app, &["Tab", "j"]);
    let buf = paint(&app);
    let lit = lit_rows(&buf, areas(&app).timeline);
    assert_eq!(lit.len(), 1, "{lit:?}");
    assert!(
        lit[0].starts_with("2001 ┃  Ambassador recalled") && lit[0].ends_with("I∙S"),
        "{lit:?}"
    );
    press(&mut app, &["k"]);
    let buf = paint(&app);
    let lit = lit_rows(&buf, areas(&app).timeline);
    assert_eq!(lit.len(), 2, "{lit:?}");
    assert!(lit[0].contains("May First summit"), "{lit:?}");
    assert!(lit[1].contains("Gas pipeline deal"), "{lit:?}");
    // Lit years stand out on the ruler; the rest of the timeline fades.
    assert!(modifiers_at(&buf, "2005 ┃").contains(Modifier::BOLD));
    assert!(!modifiers_at(&buf, "2001 │").contains(Modifier::BOLD));
    assert!(modifiers_at(&buf, "Ambassador recalled").contains(Modifier::DIM));
    assert!(modifiers_at(&buf, "Forum talks").contains(Modifier::DIM));
    assert!(!modifiers_at(&buf, "Gas pipeline deal").contains(Modifier::DIM));
    // The timeline's bottom edge counts them, as the panes count factors.
    let t = areas(&app).timeline;
    let edge = row_text(&buf, t.bottom() - 1, t.x, t.right());
    assert!(edge.starts_with("╰ 2 ● ─"), "{edge}");
    press(&mut app, &["Shift-Tab"]); // an event on the timeline lights no events
    let edge = row_text(&paint(&app), t.bottom() - 1, t.x, t.right());
    assert!(!edge.contains('●'), "{edge}");
}

#[test]
fn the_shipped_dataset_lights_an_events_factors_per_level() {
    let mut app = app(shipped(), 120, 40);
    press(&mut app, &[":"]);
    type_text(&mut app, "2009");
    press(&mut app, &["Enter"]);
    let Some(Item::Event(e)) = app.shown() else {
        panic!()
    };
    assert_eq!(app.case.data.events[e].year, 2009);
    let buf = paint(&app);
    let s = screen(&buf);
    for level in Level::ALL {
        let factors = &app.case.index.level_factors[level.index()];
        let involved = app.case.index.event_factors[e]
            .iter()
            .filter(|f| factors.contains(f))
            .count();
        let title = format!("{} {involved}/{}", level.name(), factors.len());
        assert!(s.contains(&title), "{title} missing:\n{s}");
    }
    // Every lit row is one of the event's factors.
    let names: Vec<&str> = app.case.index.event_factors[e]
        .iter()
        .map(|&f| app.case.data.factors[f].name.as_str())
        .collect();
    let lit = lit_factor_names(&app, &buf);
    assert!(!lit.is_empty());
    for row in lit {
        // An implied level is marked before the name.
        let row = row.trim_end_matches('…').trim_start_matches("≈ ");
        assert!(
            names.iter().any(|n| n.starts_with(row)),
            "{row:?} is not a factor of the event"
        );
    }
}

#[test]
fn n_and_shift_n_walk_the_lit_events() {
    let mut app = app(case(MINIMAL), 120, 40);
    press(&mut app, &["Tab", "j", "k"]); // anchor "Leaders' rapport"
    press(&mut app, &["n"]);
    assert_eq!(app.focus(), Region::Timeline);
    assert_eq!(event_id(&app), "summit");
    press(&mut app, &["n"]);
    assert_eq!(event_id(&app), "pipeline");
    press(&mut app, &["n"]);
    assert_eq!(event_id(&app), "summit", "wraps around");
    press(&mut app, &["N"]);
    assert_eq!(event_id(&app), "pipeline");
    // The factor stays the anchor, so its events stay lit.
    let buf = paint(&app);
    assert_eq!(lit_rows(&buf, areas(&app).timeline).len(), 2);
    assert!(screen(&buf).contains("Esc to go back"), "{}", screen(&buf));
    // Esc ends the walk on the factor that lights them.
    press(&mut app, &["Esc"]);
    assert_eq!(app.focus(), Region::Pane(Level::Individual));
    assert_eq!(app.shown(), app.anchor());
    assert_eq!(app.case.title(app.shown().unwrap()), "Leaders' rapport");
    // Moving on the timeline after a walk selects the event instead.
    press(&mut app, &["n", "j"]);
    assert_eq!(app.shown(), app.anchor());
    press(&mut app, &["Esc"]);
    assert_eq!(app.focus(), Region::Timeline);
}

#[test]
fn n_from_an_event_walks_its_factors_across_the_panes() {
    let mut app = app(case(MINIMAL), 80, 24);
    press(&mut app, &["j"]); // "First summit": rapport (individual), forum (systemic)
    press(&mut app, &["n"]);
    assert_eq!(app.focus(), Region::Pane(Level::Individual));
    assert_eq!(app.item_in(app.focus()), Some(Item::Factor(0)));
    press(&mut app, &["n"]);
    assert_eq!(app.focus(), Region::Pane(Level::Systemic));
    assert_eq!(app.item_in(app.focus()), Some(Item::Factor(4)));
    assert_eq!(event_id_of_anchor(&app), "summit");
}

fn event_id_of_anchor(app: &waltz::explorer::app::App) -> String {
    match app.anchor() {
        Some(Item::Event(e)) => app.case.data.events[e].id.to_string(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_level_lens_hides_events_without_that_level() {
    let mut app = app(case(MINIMAL), 80, 24);
    press(&mut app, &["2"]);
    let s = screen(&paint(&app));
    assert!(s.contains("[domestic only]"), "{s}");
    assert!(s.contains("Gas pipeline deal"));
    for hidden in [
        "Ambassador recalled",
        "First summit",
        "Forum talks",
        "before 2000",
    ] {
        assert!(!s.contains(hidden), "{hidden} should be hidden:\n{s}");
    }
    assert_eq!(event_id(&app), "pipeline");
    press(&mut app, &["1"]);
    let s = screen(&paint(&app));
    for shown in ["Ambassador recalled", "First summit", "Gas pipeline deal"] {
        assert!(s.contains(shown), "{shown} missing:\n{s}");
    }
    assert!(!s.contains("Forum talks"));
    press(&mut app, &["0"]);
    let s = screen(&paint(&app));
    assert!(s.contains("Forum talks") && s.contains("before 2000") && !s.contains("only]"));
    // On the shipped case at the smallest size: the lens still shows in the
    // title, and the background row says how many of its events it lets by.
    let mut app = app_with(shipped(), 60, 20, Theme::monochrome());
    press(&mut app, &["2"]);
    let s = screen(&paint(&app));
    let all = app.case.background_count();
    let domestic = (0..all)
        .filter(|&e| app.case.levels(e).contains(Level::Domestic))
        .count();
    assert!(domestic < all);
    assert!(s.contains("[domestic only]"), "{s}");
    assert!(
        s.contains(&format!("before 1998 · {domestic} of {all} b")),
        "{s}"
    );
}

#[test]
fn background_events_are_folded_and_unfold_on_enter() {
    let mut app = app(case(MINIMAL), 80, 24);
    let s = screen(&paint(&app));
    assert!(s.contains("▸ before 2000 · 1 background event"), "{s}");
    assert!(!s.contains("Border war"));
    press(&mut app, &["g", "Enter"]);
    let s = screen(&paint(&app));
    assert!(
        s.contains("▾ before 2000") && s.contains("Border war"),
        "{s}"
    );
    press(&mut app, &["j"]);
    assert_eq!(event_id(&app), "war");
    press(&mut app, &["k", "Enter"]);
    assert!(!screen(&paint(&app)).contains("Border war"));
}

#[test]
fn focus_cycles_through_every_region() {
    let mut app = app(case(MINIMAL), 80, 24);
    let order = [
        Region::Pane(Level::Individual),
        Region::Pane(Level::Domestic),
        Region::Pane(Level::Systemic),
        Region::Detail,
        Region::Timeline,
    ];
    for region in order {
        press(&mut app, &["Tab"]);
        assert_eq!(app.focus(), region);
        // The focused region's border is drawn thick.
        let buf = paint(&app);
        let a = areas(&app);
        let rect = match region {
            Region::Timeline => a.timeline,
            Region::Pane(l) => a.panes[l.index()],
            Region::Detail => a.detail,
        };
        assert_eq!(buf[(rect.x, rect.y)].symbol(), "┏", "{region:?}");
    }
    press(&mut app, &["Shift-Tab"]);
    assert_eq!(app.focus(), Region::Detail);
    press(&mut app, &["l"]);
    assert_eq!(
        app.focus(),
        Region::Timeline,
        "from the detail, back to its list"
    );
    // Sideways goes to what is beside on screen: the panes are stacked to
    // the right of the timeline at this width.
    press(&mut app, &["l"]);
    assert_eq!(app.focus(), Region::Pane(Level::Individual));
    press(&mut app, &["l"]);
    assert_eq!(
        app.focus(),
        Region::Pane(Level::Individual),
        "nothing further right"
    );
    press(&mut app, &["h"]);
    assert_eq!(app.focus(), Region::Timeline);
    // At 160 columns the panes stand side by side.
    let mut wide = crate::common::app(case(MINIMAL), 160, 48);
    press(&mut wide, &["l", "l", "l"]);
    assert_eq!(wide.focus(), Region::Pane(Level::Systemic));
    press(&mut wide, &["h"]);
    assert_eq!(wide.focus(), Region::Pane(Level::Domestic));
}

#[test]
fn scrolling_to_the_end_and_back_keeps_the_cursor_in_view() {
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["G"]);
    let last = app.case.data.events.last().unwrap();
    assert_eq!(
        app.shown(),
        Some(Item::Event(app.case.data.events.len() - 1))
    );
    let buf = paint(&app);
    let title: String = last.title.chars().take(12).collect();
    let m = modifiers_at(&buf, &title);
    assert!(
        m.contains(Modifier::REVERSED),
        "the cursor row is drawn reversed"
    );
    press(&mut app, &["g"]);
    let buf = paint(&app);
    assert!(modifiers_at(&buf, "▸ before 1998").contains(Modifier::REVERSED));
    // Page by page down and up again.
    for _ in 0..30 {
        press(&mut app, &["PgDn"]);
    }
    assert_eq!(
        app.shown(),
        Some(Item::Event(app.case.data.events.len() - 1))
    );
    for _ in 0..30 {
        press(&mut app, &["PgUp"]);
    }
    assert_eq!(app.timeline().cursor, 0);
    assert_eq!(app.timeline().offset, 0);
}

#[test]
fn following_a_link_from_the_detail_and_coming_back() {
    let mut app = app(case(MINIMAL), 80, 24);
    press(&mut app, &["Enter"]);
    assert_eq!(app.focus(), Region::Detail);
    // The detail opens at its top; the links are further down.
    let s = screen(&paint(&app));
    assert!(s.contains("2001 · Ambassador recalled"), "{s}");
    assert!(!s.contains("↪ − Old distrust"), "{s}");
    // Enter shows the first link rather than follow one out of sight.
    press(&mut app, &["Enter"]);
    assert_eq!(event_id(&app), "snub");
    let buf = paint(&app);
    assert!(
        modifiers_at(&buf, "↪ − Old distrust").contains(Modifier::REVERSED),
        "{}",
        screen(&buf)
    );
    press(&mut app, &["j", "Enter"]); // the second link: "Rival alliances"
    assert_eq!(app.shown(), Some(Item::Factor(3)));
    assert_eq!(app.focus(), Region::Detail);
    // The item followed to is shown from its top, title first.
    let s = screen(&paint(&app));
    assert!(
        s.contains("− Rival alliances") && s.contains("Systemic level · constraint"),
        "{s}"
    );
    // Down scrolls the text until the first link comes into view, which
    // then takes the cursor.
    press(&mut app, &["j", "j"]);
    let buf = paint(&app);
    assert!(
        modifiers_at(&buf, "↪ 1990 Border war").contains(Modifier::REVERSED),
        "{}",
        screen(&buf)
    );
    // Up past the first link scrolls back to the top.
    for _ in 0..6 {
        press(&mut app, &["k"]);
    }
    assert_eq!(app.detail().offset, 0);
    press(&mut app, &["j", "j"]);
    press(&mut app, &["Enter"]); // follow on to the background event
    assert_eq!(event_id(&app), "war");
    press(&mut app, &["Esc"]);
    assert_eq!(app.shown(), Some(Item::Factor(3)));
    press(&mut app, &["Esc"]);
    assert_eq!(event_id(&app), "snub");
    press(&mut app, &["Esc"]);
    assert_eq!(app.focus(), Region::Timeline);
}

#[test]
fn help_lists_the_bindings_and_closes() {
    let mut app = app(case(MINIMAL), 100, 40);
    press(&mut app, &["?"]);
    let s = screen(&paint(&app));
    assert!(s.contains(" Keys "), "{s}");
    for (keys, what) in [
        ("j, ↓", "move down"),
        ("q, Ctrl-c", "quit"),
        ("1", "timeline: only the individual level"),
    ] {
        let row = s
            .lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("{what} missing:\n{s}"));
        assert!(row.contains(keys), "{row}");
    }
    // Every bindable action bound in browse mode is in the help.
    let help: String = app
        .help_document()
        .lines
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    for action in Action::BINDABLE {
        if !app
            .keymap
            .keys_for(waltz::config::keymap::Mode::Browse, action)
            .is_empty()
        {
            assert!(help.contains(action.help()), "{} missing", action.name());
        }
    }
    press(&mut app, &["?"]);
    assert!(!screen(&paint(&app)).contains(" Keys "));
}

#[test]
fn a_rebound_key_shows_in_the_help_and_works() {
    let mut app = app(case(MINIMAL), 100, 40);
    app.keymap.bind(
        waltz::config::keymap::Mode::Browse,
        waltz::config::keymap::Key::parse("x").unwrap(),
        Action::Down,
    );
    press(&mut app, &["x"]);
    assert_eq!(event_id(&app), "summit");
    let help: String = app
        .help_document()
        .lines
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert!(help.contains("j, ↓, x"), "{help}");
}

#[test]
fn jumping_to_a_year() {
    let mut app = app(case(MINIMAL), 80, 24);
    press(&mut app, &[":"]);
    type_text(&mut app, "2007");
    let s = screen(&paint(&app));
    assert!(s.contains("Jump to year") && s.contains(": 2007"), "{s}");
    press(&mut app, &["Enter"]);
    assert_eq!(event_id(&app), "pipeline");
    assert!(screen(&paint(&app)).contains("2007 · Gas pipeline deal"));
    // A year without events goes to the next one, and says so.
    press(&mut app, &[":"]);
    type_text(&mut app, "2006");
    press(&mut app, &["Enter"]);
    assert_eq!(event_id(&app), "pipeline");
    assert!(screen(&paint(&app)).contains("no event in 2006; showing 2007"));
    // A background year unfolds the background.
    press(&mut app, &[":"]);
    type_text(&mut app, "1990");
    press(&mut app, &["Enter"]);
    assert_eq!(event_id(&app), "war");
    // A year past the end goes to the last event, and says so.
    press(&mut app, &[":"]);
    type_text(&mut app, "2099");
    press(&mut app, &["Enter"]);
    assert_eq!(event_id(&app), "talks");
    assert!(screen(&paint(&app)).contains("no event in 2099; showing 2008"));
    // Letters are not typed into a year; Esc cancels.
    press(&mut app, &[":"]);
    type_text(&mut app, "2x0q0j5");
    assert!(screen(&paint(&app)).contains(": 2005"));
    press(&mut app, &["Esc"]);
    assert_eq!(event_id(&app), "talks");
    assert!(!screen(&paint(&app)).contains("Jump to year"));
    // On the shipped case, every event of the year jumped to is in view.
    for (w, h) in [(80, 24), (120, 35)] {
        let mut app = crate::common::app(shipped(), w, h);
        for year in [2005, 2014, 2016, 2018] {
            press(&mut app, &[":"]);
            type_text(&mut app, &year.to_string());
            press(&mut app, &["Enter"]);
            let buf = paint(&app);
            let s = screen(&buf);
            for x in app.case.data.events.iter().filter(|x| x.year == year) {
                let title: String = x.title.chars().take(12).collect();
                assert!(s.contains(&title), "{w}×{h} :{year} hides {title:?}\n{s}");
            }
        }
    }
}

#[test]
fn every_small_size_renders_without_panic_and_recovers() {
    let mut app = app(shipped(), 80, 24);
    for w in 0..=40 {
        for h in 0..=15 {
            app.resize(w, h);
            paint(&app);
        }
    }
    for (w, h) in [(1, 300), (300, 1), (1, 1), (500, 200)] {
        app.resize(w, h);
        paint(&app);
    }
    app.resize(50, 12);
    let s = screen(&paint(&app));
    assert!(s.contains("terminal too small — need 60×20"), "{s}");
    assert!(s.contains("now 50×12"), "{s}");
    // Narrower than the message: wrapped, the size it needs kept whole.
    app.resize(24, 8);
    let s = screen(&paint(&app));
    assert!(s.contains("60×20") && s.contains("now 24×8"), "{s}");
    app.resize(80, 24);
    let s = screen(&paint(&app));
    assert!(
        s.contains("Timeline 1998–2023") && !s.contains("too small"),
        "{s}"
    );
    // The rows above the selection come back with the room.
    assert!(s.contains("before 1998"), "{s}");
}

#[test]
fn keys_in_a_tiny_terminal_do_not_panic() {
    let mut app = app(shipped(), 3, 2);
    press(
        &mut app,
        &[
            "j", "G", "PgDn", "Tab", "Enter", "Enter", "n", "Esc", "2", ":", "Enter", "?", "PgDn",
            "Esc",
        ],
    );
    paint(&app);
}

#[test]
fn mouse_clicks_select_and_clicks_elsewhere_do_nothing() {
    let mut app = app(case(MINIMAL), 80, 24);
    let before = (app.focus(), app.shown());
    for (x, y) in [
        (0, 0),
        (79, 23),
        (80, 24),
        (u16::MAX, u16::MAX),
        (40, 0),
        (0, 12),
    ] {
        app.update(Action::Click(x, y));
        app.update(Action::Wheel(x, y, 1));
        app.update(Action::Wheel(x, y, -1));
        assert_eq!((app.focus(), app.shown()), before, "click at {x},{y}");
    }
    let buf = paint(&app);
    // Click an event on the timeline.
    let (x, y) = find(&buf, "Gas pipeline deal").unwrap();
    app.update(Action::Click(x, y));
    assert_eq!(event_id(&app), "pipeline");
    // Click a factor in a pane.
    let (x, y) = find(&buf, "Rival alliances").unwrap();
    app.update(Action::Click(x, y));
    assert_eq!(app.shown(), Some(Item::Factor(3)));
    assert_eq!(app.focus(), Region::Pane(Level::Systemic));
    // Click a link in the detail (scrolled into view): the factor's event.
    let d = areas(&app).detail;
    app.update(Action::Wheel(d.x + 3, d.y + 2, 1));
    let buf = paint(&app);
    let (x, y) = find(&buf, "↪ 2001 Ambassador recalled").unwrap();
    app.update(Action::Click(x, y));
    assert_eq!(event_id(&app), "snub");
    // The wheel scrolls the region under it, within bounds.
    let mut big = crate::common::app(shipped(), 80, 24);
    let t = areas(&big).timeline;
    for _ in 0..100 {
        big.update(Action::Wheel(t.x + 5, t.y + 5, 1));
    }
    let max = big
        .rows()
        .len()
        .saturating_sub(usize::from(inner(t).height));
    assert_eq!(big.timeline().offset, max);
}

#[test]
fn monochrome_draws_no_colour_at_all() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = app_with(shipped(), w, h, Theme::monochrome());
        press(&mut app, &["Tab", "j", "?"]);
        let buf = paint(&app);
        for cell in buf.content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
        }
    }
}

#[test]
fn themes_use_only_the_terminal_palette() {
    for name in Theme::NAMES {
        let app = app_with(shipped(), 120, 40, Theme::by_name(name).unwrap());
        let buf = paint(&app);
        for cell in buf.content() {
            for c in [cell.fg, cell.bg] {
                assert!(
                    !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                    "{name}: {c:?}"
                );
            }
        }
    }
}

#[test]
fn large_screens_show_factor_summaries_and_more_title() {
    let app = app(case(MINIMAL), 160, 48);
    let s = screen(&paint(&app));
    assert!(s.contains("Ada and Boris get on well."), "{s}");
    let small = screen(&paint(&crate::common::app(case(MINIMAL), 80, 24)));
    assert!(!small.contains("Ada and Boris get on well."));
}

#[test]
fn the_fixture_screen_at_80_by_24() {
    let app = app(case(MINIMAL), 80, 24);
    insta::assert_snapshot!(screen(&paint(&app)));
}

#[test]
fn help_at_the_smallest_size_wraps_every_meaning_instead_of_cutting_it() {
    let mut app = app(case(MINIMAL), 60, 20);
    press(&mut app, &["?"]);
    // Page through the whole help, collecting what the screen shows.
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&screen(&paint(&app)));
        seen.push('\n');
        press(&mut app, &["PageDown"]);
    }
    let words: String = seen
        .lines()
        .map(|l| l.replace(['│', '┃'], " "))
        .collect::<Vec<_>>()
        .join(" ");
    for action in Action::BINDABLE {
        if app
            .keymap
            .keys_for(waltz::config::keymap::Mode::Browse, action)
            .is_empty()
        {
            continue;
        }
        for word in action.help().split_whitespace() {
            assert!(
                words.split_whitespace().any(|w| w == word),
                "“{word}” of “{}” never shown whole",
                action.help()
            );
        }
    }
}

#[test]
fn tall_panes_share_their_rows_out_among_the_factor_summaries() {
    let app = app(shipped(), 200, 60);
    let buf = paint(&app);
    let pane = areas(&app).panes[Level::Domestic.index()];
    let factors = &app.case.index.level_factors[Level::Domestic.index()];
    let first = &app.case.data.factors[factors[0]];
    let second = &app.case.data.factors[factors[1]];
    let rows: Vec<String> = (pane.y + 1..pane.bottom() - 1)
        .map(|y| row_text(&buf, y, pane.x + 1, pane.right() - 1))
        .collect();
    // A name's first words: a long one may be cut to the pane's width.
    let name_row = |name: &str| {
        let start: String = name.chars().take(20).collect();
        rows.iter().position(|r| r.contains(&start)).unwrap()
    };
    let (a, b) = (name_row(&first.name), name_row(&second.name));
    // A few factors in a tall pane: each gets several rows of its summary…
    assert!(b - a >= 3, "{rows:#?}");
    // …which read as the summary itself, wrapped, cut only at the end,
    // under the name (which wraps too when it is long).
    let name_rows = app.pane_layout(Level::Domestic).item(0).name;
    let said = rows[a + name_rows..b]
        .iter()
        .map(|r| r.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let said = said.trim_end_matches('…');
    let said = said.rsplit_once(' ').map_or(said, |(whole, _)| whole);
    assert!(first.summary.starts_with(said), "{said}");
    // A cramped screen shows names only.
    let small = crate::common::app(shipped(), 80, 24);
    let s = screen(&paint(&small));
    assert!(s.contains(&first.name[..12]) && !s.contains(&first.summary[..20]));
}

#[test]
fn an_event_no_era_holds_is_shown_under_no_era_and_says_so() {
    let text = MINIMAL.replacen("start: 2005, end: 2010", "start: 2006, end: 2010", 1);
    let mut app = app(case(&text), 100, 30);
    let s = screen(&paint(&app));
    let header = s.lines().position(|l| l.contains("── no era ─")).expect(&s);
    let summit = s.lines().position(|l| l.contains("First summit")).unwrap();
    assert_eq!(summit, header + 1, "{s}");
    // Select it: the detail says it is in no era.
    while event_id(&app) != "summit" {
        press(&mut app, &["j"]);
    }
    let s = screen(&paint(&app));
    assert!(s.contains("in no era"), "{s}");
    // A case without eras sets nothing apart: no heading, no such words.
    let start = MINIMAL.find("    eras: [").unwrap();
    let end = start + MINIMAL[start..].find("    ],\n").unwrap() + "    ],\n".len();
    let no_eras = format!("{}{}", &MINIMAL[..start], &MINIMAL[end..]);
    let mut app = crate::common::app(case(&no_eras), 100, 30);
    press(&mut app, &["j"]);
    let s = screen(&paint(&app));
    assert!(s.contains("First summit"), "{s}");
    assert!(!s.contains("no era"), "{s}");
}

#[test]
fn a_long_message_takes_the_status_bar_from_the_hints_and_is_cut_not_lost() {
    let notice = "the settings file has 2 problems: ? lists them; defaults stand in";
    for width in [60u16, 80, 120] {
        let mut app = waltz::explorer::app::App::new(
            case(MINIMAL),
            waltz::explorer::app::Options {
                theme: Theme::monochrome(),
                notice: Some(notice.into()),
                ..Default::default()
            },
        );
        app.resize(width, 24);
        let rows = lines(&paint(&app));
        let status = rows.last().unwrap();
        let shown = status.trim();
        if usize::from(width) > notice.len() + 2 {
            assert!(status.ends_with(&format!("{notice} ")), "{status:?}");
        } else {
            // Cut to the bar, with an ellipsis.
            assert!(
                shown.starts_with("the settings file has 2 problems"),
                "{status:?}"
            );
            assert!(shown.ends_with('…'), "{status:?}");
        }
        // No hint overlaps it: whatever hints remain end before it.
        let at = status.find("the settings").unwrap();
        assert!(status[..at].ends_with(' '), "{status:?}");
    }
}

#[test]
fn lit_events_folded_away_are_counted_on_the_fold_and_brought_into_view() {
    let mut app = app(shipped(), 80, 24);
    press(
        &mut app,
        &[":", "2", "0", "2", "2", "Enter", "Tab", "Tab", "Tab"],
    );
    let Some(Item::Factor(f)) = app.shown() else {
        panic!("a factor")
    };
    let lit = app.case.index.factor_events[f].clone();
    let folded = lit.iter().filter(|&&e| app.case.is_background(e)).count();
    assert!(
        folded > 0 && folded == lit.len(),
        "the Cold War factor lights background events"
    );
    let buf = paint(&app);
    assert!(
        screen(&buf)
            .lines()
            .any(|r| r.contains(&format!("▸ {folded} ● · before 1998 · 10"))),
        "{}",
        screen(&buf)
    );
    // Under a lens the fold counts only the lit events the lens lets by.
    for (key, level) in [
        ("1", Level::Individual),
        ("2", Level::Domestic),
        ("3", Level::Systemic),
    ] {
        press(&mut app, &[key]);
        let want = lit
            .iter()
            .filter(|&&e| app.case.is_background(e) && app.case.levels(e).contains(level))
            .count();
        let s = screen(&paint(&app));
        let fold = s.lines().find(|l| l.contains("before 1998")).unwrap_or("");
        assert_eq!(fold.contains('●'), want > 0, "{level:?}: {fold}");
        if want > 0 {
            assert!(
                fold.contains(&format!("▸ {want} ● · ")),
                "{level:?}: {fold}"
            );
        }
    }
    press(&mut app, &["0"]);
    // Unfolded, the events carry the mark themselves.
    press(
        &mut app,
        &["Shift-Tab", "Shift-Tab", "Shift-Tab", "g", "Enter"],
    );
    assert!(app.fold_open());
}

#[test]
fn each_pane_shows_as_many_of_its_lit_factors_as_it_can_hold() {
    for (w, h) in [(80, 24), (120, 35)] {
        let mut app = app(shipped(), w, h);
        press(&mut app, &["g", "Enter"]); // the background unfolded
        for _ in 0..app.case.data.events.len() {
            press(&mut app, &["j"]);
            let Some(Item::Event(e)) = app.shown() else {
                panic!("walking the events")
            };
            let buf = paint(&app);
            for level in Level::ALL {
                let pane = areas(&app).panes[level.index()];
                // One row a factor, or the whole list when it fits.
                let rows = app
                    .pane_layout(level)
                    .shown(usize::from(inner(pane).height));
                let factors = &app.case.index.level_factors[level.index()];
                let lit: Vec<usize> = (0..factors.len())
                    .filter(|&i| app.case.index.event_factors[e].contains(&factors[i]))
                    .collect();
                let best = lit
                    .iter()
                    .map(|&p| lit.iter().filter(|&&q| q >= p && q < p + rows).count())
                    .max()
                    .unwrap_or(0);
                let shown = lit_rows(&buf, pane).len();
                assert_eq!(
                    shown,
                    best,
                    "{w}×{h} event {e} {level:?}:\n{}",
                    screen(&buf)
                );
            }
        }
    }
}

#[test]
fn leaving_a_tour_keeps_the_detail_within_its_shorter_text() {
    let mut app = app(shipped(), 80, 24);
    press(&mut app, &["t", "j", "j", "Enter"]);
    for _ in 0..40 {
        press(&mut app, &["j"]);
    }
    press(&mut app, &["Esc"]);
    let height = usize::from(inner(areas(&app).detail).height);
    let max = app.doc().lines.len().saturating_sub(height);
    assert!(
        app.detail().offset <= max,
        "{} > {max}",
        app.detail().offset
    );
}

#[test]
fn the_help_lists_the_settings_files_problems_first() {
    let problem =
        "c.ron:2:10: error: no theme `neon` (there are dark, light, high-contrast, monochrome)";
    let mut app = waltz::explorer::app::App::new(
        case(MINIMAL),
        waltz::explorer::app::Options {
            theme: Theme::monochrome(),
            settings_problems: vec![problem.into()],
            ..Default::default()
        },
    );
    app.resize(60, 20);
    press(&mut app, &["?"]);
    let s = screen(&paint(&app));
    let rows: Vec<&str> = s.lines().collect();
    let heading = rows
        .iter()
        .position(|r| r.contains("Settings file problems (the defaults stand in)"))
        .unwrap_or_else(|| panic!("{s}"));
    // Wrapped to the popup, every word of it there.
    let text: String = rows[heading + 1..heading + 4]
        .iter()
        .map(|r| r.trim_matches(|c: char| c == '┃' || c == ' ' || c == '│'))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("• c.ron:2:10: error: no theme `neon`"),
        "{text}"
    );
    assert!(text.contains("monochrome)"), "{text}");
}

#[test]
fn an_events_era_levels_and_themes_run_onto_a_second_line_rather_than_being_cut() {
    let case = shipped();
    let theme = Theme::monochrome();
    let mut wrapped = 0;
    for e in 0..case.data.events.len() {
        let doc = waltz::explorer::view::detail::doc::document(
            &case,
            Some(Item::Event(e)),
            40,
            &theme,
            None,
        );
        let text: Vec<String> = doc.lines.iter().map(|l| l.to_string()).collect();
        let themes = case.data.events[e].themes().join(", ");
        let at = text
            .iter()
            .position(|l| l.contains("themes "))
            .unwrap_or_else(|| panic!("no themes line: {text:#?}"));
        // The facts end at the blank line or at the provenance line.
        let until = (at..text.len())
            .find(|&i| {
                text[i].is_empty()
                    || text[i].starts_with("the paper")
                    || text[i].starts_with("≈ dated")
            })
            .unwrap();
        let facts = text[at..until].join(" ");
        assert!(facts.ends_with(&format!("themes {themes}")), "{text:#?}");
        assert!(text.iter().all(|l| l.chars().count() <= 40), "{text:#?}");
        wrapped += usize::from(!text[at].contains("levels"));
    }
    assert!(wrapped > 0, "some event's facts take two lines at 40 cells");
}

/// The text of the rows inside `area` drawn with the focused cursor's style.
fn cursor_rows(buf: &Buffer, area: Rect) -> Vec<String> {
    let inside = inner(area);
    (inside.y..inside.bottom())
        .filter(|&y| buf[(inside.x + 2, y)].modifier.contains(Modifier::REVERSED))
        .map(|y| row_text(buf, y, inside.x, inside.right()))
        .collect()
}

#[test]
fn a_list_given_focus_shows_its_selection_and_the_others_keep_their_lit_rows() {
    for (w, h) in [(60, 20), (80, 24), (100, 30), (160, 48)] {
        let mut app = app(shipped(), w, h);
        let mut keys: Vec<&str> = vec![":", "2", "0", "2", "2", "Enter"];
        keys.extend(["Tab"; 6]);
        keys.extend(["g", "Enter", ":", "2", "0", "1", "1", "Enter"]);
        keys.extend(["Tab"; 5]);
        keys.extend(["Shift-Tab"; 5]);
        for key in keys {
            press(&mut app, &[key]);
            if app.focus() == Region::Detail
                || !matches!(app.overlay(), waltz::explorer::app::Overlay::None)
            {
                continue;
            }
            let buf = paint(&app);
            let a = areas(&app);
            let area = match app.focus() {
                Region::Timeline => a.timeline,
                Region::Pane(level) => a.panes[level.index()],
                Region::Detail => unreachable!(),
            };
            let rows = cursor_rows(&buf, area);
            let title: String = match app.shown() {
                Some(item) => app.case.title(item).chars().take(8).collect(),
                None => "before".into(),
            };
            assert!(
                rows.iter().any(|r| r.contains(&title)),
                "{w}×{h} after {key}: {title:?} not the cursor row of {:?}:\n{}",
                app.focus(),
                screen(&buf)
            );
        }
        // Growing and shrinking the terminal keeps each pane's lit factors
        // in view, as a teacher changing the font size expects.
        press(&mut app, &[":", "2", "0", "2", "2", "Enter"]);
        for (w2, h2) in [(200, 60), (w, h)] {
            app.resize(w2, h2);
            let buf = paint(&app);
            let Some(Item::Event(e)) = app.shown() else {
                panic!()
            };
            for level in Level::ALL {
                let lit = app.case.index.event_factors[e]
                    .iter()
                    .filter(|&&f| app.case.data.factors[f].level == level)
                    .count();
                let shown = lit_rows(&buf, areas(&app).panes[level.index()]).len();
                assert!(
                    (lit == 0) == (shown == 0),
                    "{w2}×{h2} {level:?}: {lit} lit, {shown} in view:\n{}",
                    screen(&buf)
                );
            }
        }
    }
}

#[test]
fn a_date_from_the_common_record_is_marked_on_the_timeline_and_in_the_detail() {
    let h = Harness::shipped()
        .size(120, 40)
        .press("/")
        .typed("favour to india")
        .press("Enter");
    let rows = lines(h.buffer());
    let row = |needle: &str| {
        rows.iter()
            .find(|r| r.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", h.screen()))
    };
    // On the timeline (inside its focused, heavy border): the common
    // record's date carries the mark; the paper's own dates beside it do not.
    let timeline = |needle: &str| {
        rows.iter()
            .filter_map(|r| r.split('┃').nth(1))
            .find(|r| r.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not on the timeline:\n{}", h.screen()))
    };
    assert!(timeline("US favour to India").contains("│  ≈ →2008 US favour"));
    assert!(!timeline("Pakistan becomes an SCO observer").contains('≈'));
    assert!(!timeline("Putin's state visit").contains('≈'));
    // In the detail: the title's date, and a line that says whose it is.
    row("≈ 2005–2008 · US favour to India's nuclear ambitions");
    row("the paper, p. 11 · ≈ dated by the common record, not the paper");
    // An event the paper dates has neither.
    let h = Harness::shipped()
        .size(120, 40)
        .press("/")
        .typed("kayani visits")
        .press("Enter");
    let s = h.screen();
    assert!(
        s.contains("2009 · Kayani visits Moscow") && !s.contains("≈ 2009"),
        "{s}"
    );
    assert!(!s.contains("dated by the common record"), "{s}");
    // Help explains the mark.
    let help = Harness::shipped().size(120, 40).press("?").screen();
    assert!(help.contains("≈"), "{help}");
}

#[test]
fn a_level_the_paper_implies_is_marked_in_its_pane_and_in_the_detail() {
    let h = Harness::shipped()
        .size(120, 40)
        .press("/")
        .typed("sharif's praise")
        .press("Enter");
    let s = h.screen();
    assert!(s.contains("≈ Sharif's praise of Moscow"), "{s}");
    assert!(
        s.contains("≈ level implied: the paper does not name it here"),
        "{s}"
    );
    // A level the paper states is drawn plain, in the pane and the detail.
    let h = Harness::shipped()
        .size(120, 40)
        .press("/")
        .typed("lack of ideological baggage")
        .press("Enter");
    let s = h.screen();
    assert!(s.contains("+ Putin's lack of ideological baggage"), "{s}");
    assert!(!s.contains("level implied"), "{s}");
}

#[test]
fn the_status_line_counts_the_periods_events_apart_from_the_background() {
    let case = shipped();
    let background = case.background_count();
    let period = case.data.events.len() - background;
    // The first screen selects the period's first event.
    let s = Harness::shipped().size(100, 30).screen();
    assert!(s.contains(&format!("event 1 of {period}")), "{s}");
    // In the unfolded background, the background is counted on its own.
    let s = Harness::shipped()
        .size(100, 30)
        .press(": 1 9 4 7 Enter")
        .screen();
    assert!(
        s.contains(&format!("background event 1 of {background}")),
        "{s}"
    );
}

#[test]
fn the_tour_list_shows_each_tours_id_for_the_command_line() {
    let case = shipped();
    let s = Harness::shipped().size(100, 30).press("t").screen();
    for tour in &case.data.tours {
        assert!(
            s.contains(&format!("--tour {} ·", tour.id)),
            "{}: {s}",
            tour.id
        );
    }
}

/// The rows inside `level`'s pane, trimmed.
fn pane_rows(app: &waltz::explorer::app::App, buf: &Buffer, level: Level) -> Vec<String> {
    let inside = inner(areas(app).panes[level.index()]);
    (inside.y..inside.bottom())
        .map(|y| row_text(buf, y, inside.x, inside.right()).trim().to_owned())
        .collect()
}

#[test]
fn on_a_projector_a_pane_with_room_wraps_long_names_instead_of_cutting_them() {
    for (w, h, levels) in [
        (160, 45, &[Level::Individual, Level::Domestic][..]),
        (200, 50, &Level::ALL[..]),
    ] {
        let app = app(shipped(), w, h);
        let buf = paint(&app);
        for &level in levels {
            let rows = pane_rows(&app, &buf, level);
            let words: Vec<&str> = rows.iter().flat_map(|r| r.split_whitespace()).collect();
            for &f in &app.case.index.level_factors[level.index()] {
                let name = &app.case.data.factors[f].name;
                let whole = name
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .windows(2)
                    .all(|pair| words.windows(2).any(|w| w == pair));
                assert!(whole, "{w}×{h}: {name:?} cut in\n{rows:#?}");
            }
            assert!(!rows.iter().any(|r| r.contains("ideologic…")), "{rows:#?}");
        }
    }
}

#[test]
fn at_160_by_48_summaries_fill_the_panes_height() {
    let app = app(shipped(), 160, 48);
    let buf = paint(&app);
    for level in [Level::Individual, Level::Domestic] {
        let rows = pane_rows(&app, &buf, level);
        assert!(
            rows.iter().all(|r| !r.is_empty()),
            "no blank row: {rows:#?}"
        );
        // Each factor says more than the one line that ends in "…".
        let layout = app.pane_layout(level);
        for i in 0..app.case.index.level_factors[level.index()].len() {
            assert!(layout.item(i).summary >= 2, "{level:?} {i}: {rows:#?}");
        }
    }
}

#[test]
fn each_modes_help_says_what_a_shared_key_does_there() {
    use waltz::config::keymap::{Keymap, Mode};
    // No mode but exploring falls back on the general words.
    let generic = [
        "confirm",
        "cancel",
        "move left",
        "move right",
        "move up (or scroll)",
        "move down (or scroll)",
        "move up a page",
        "move down a page",
    ];
    for section in Keymap::default().help() {
        if section.mode == Mode::Browse {
            continue;
        }
        for (keys, what) in &section.rows {
            assert!(
                !generic.contains(what),
                "{:?}: {keys} says only {what:?}",
                section.mode
            );
        }
    }
    // As the help shows them, opened from the balance view and the quiz.
    let mut app = app(shipped(), 100, 40);
    press(&mut app, &["b", "?"]);
    let s = screen(&paint(&app));
    assert!(s.contains("In the balance view (b)"), "{s}");
    assert!(
        s.contains("see this era on the timeline through this level"),
        "{s}"
    );
    assert!(s.contains("the level to the left"), "{s}");
    press(&mut app, &["Esc", "Esc", "z", "?"]);
    let s = screen(&paint(&app));
    assert!(s.contains("In the quiz (z)"), "{s}");
    assert!(s.contains("reveal the answer / next question"), "{s}");
}
