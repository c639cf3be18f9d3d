//! The balance view: its numbers are the dataset's counts, at every size.

use std::collections::BTreeSet;

use crate::common::*;
use waltz::case::index::Case;
use waltz::case::model::{Effect, Level};
use waltz::explorer::app::Overlay;

/// The factors at work in each era, counted here independently: events
/// belong to the era they name, else the first era (by start) whose years
/// hold them.
fn expected_balance(case: &Case) -> Vec<(String, [[BTreeSet<String>; 3]; 3])> {
    let mut eras: Vec<_> = case.data.eras.iter().collect();
    eras.sort_by_key(|x| (x.start, x.end));
    eras.iter()
        .map(|era| {
            let mut cells: [[BTreeSet<String>; 3]; 3] = Default::default();
            for event in &case.data.events {
                // The era the event names, else the first holding its year.
                let home = event.era().or_else(|| {
                    eras.iter()
                        .find(|x| (x.start..=x.end).contains(&event.year))
                        .map(|x| x.id.as_str())
                });
                if home != Some(era.id.as_str()) {
                    continue;
                }
                for link in event.links() {
                    let f = case
                        .data
                        .factors
                        .iter()
                        .find(|f| f.id == *link.factor)
                        .unwrap();
                    let effect = match f.effect {
                        Effect::Enabler => 0,
                        Effect::Constraint => 1,
                        Effect::Mixed => 2,
                    };
                    cells[f.level as usize][effect].insert(f.id.to_string());
                }
            }
            (era.name.to_string(), cells)
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
                let f = &app.case.data.factors[app.case.index.factor_ids[id.as_str()]];
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

/// The factor names the balance's list shows, one per item.
fn listed(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    let rows = lines(buf);
    let top = rows
        .iter()
        .position(|r| r.starts_with('┌'))
        .expect("the items list");
    rows[top + 1..]
        .iter()
        .take_while(|r| !r.starts_with('└'))
        .flat_map(|r| {
            r.trim_matches('│')
                .split("  ")
                .map(|item| item.trim().to_owned())
                .filter(|item| item.starts_with(['+', '−', '±']))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_balance_items_run_into_columns_and_page_through_the_rest() {
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
    let buf = render(&mut app);
    let first = listed(&buf);
    assert_eq!(first.len(), 4, "two rows of two columns: {first:#?}");
    let s = screen(&buf);
    assert!(s.contains(&format!(" 1–4 of {n} · PgUp/PgDn more ")), "{s}");
    assert!(
        s.contains("PgDn/PgUp factors"),
        "the status bar says how: {s}"
    );
    // PgDn shows the rest; every factor is seen; PgUp goes back.
    let mut seen: BTreeSet<String> = first.iter().cloned().collect();
    for _ in 0..n {
        press(&mut app, &["PageDown"]);
        seen.extend(listed(&render(&mut app)));
    }
    let s = screen(&render(&mut app));
    assert!(s.contains(&format!(" of {n} · ")), "{s}");
    let names: BTreeSet<String> = expected[era].1[2]
        .iter()
        .flatten()
        .map(|id| {
            let f = &app.case.data.factors[app.case.index.factor_ids[id.as_str()]];
            format!("{} {}", f.effect.symbol(), f.name)
        })
        .collect();
    for name in &names {
        let start: String = name.chars().take(20).collect();
        assert!(
            seen.iter().any(|s| s.starts_with(&start)),
            "{name} never shown: {seen:#?}"
        );
    }
    press(&mut app, &["PageUp", "PageUp", "PageUp"]);
    assert_eq!(listed(&render(&mut app)), first);
    // Another bar starts its list at the top.
    press(&mut app, &["PageDown", "k"]);
    assert_eq!(app.list_offset(), 0);
    // The help says what PgUp and PgDn do here.
    press(&mut app, &["?"]);
    let help = screen(&paint(&app));
    assert!(help.contains("scroll the list of factors down"), "{help}");
}

#[test]
fn era_names_show_whole_when_the_screen_has_room_for_them() {
    // Wide: the names' column takes what the longest needs; tall and
    // narrow: a long name runs onto a second row.
    for (w, h) in [(160, 45), (200, 50), (80, 40)] {
        let mut app = app(shipped(), w, h);
        press(&mut app, &["b"]);
        let buf = paint(&app);
        let rows = lines(&buf);
        let chart_end = rows.iter().position(|r| r.starts_with('┗')).unwrap();
        let chart: Vec<&String> = rows[..chart_end].iter().collect();
        assert!(
            !chart.iter().any(|r| r.contains('…')),
            "{w}×{h}: {chart:#?}"
        );
        let words: Vec<&str> = chart.iter().flat_map(|r| r.split_whitespace()).collect();
        for era in &app.case.data.eras {
            for word in era.name.split_whitespace() {
                assert!(words.contains(&word), "{w}×{h}: {word} of {}", era.name);
            }
        }
    }
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

#[test]
fn the_density_strip_gives_its_scale() {
    let mut app = app(shipped(), 120, 40);
    press(&mut app, &["b"]);
    let s = screen(&paint(&app));
    let strip = waltz::case::balance::density(&app.case);
    let most = strip.iter().flat_map(|(_, c)| *c).max().unwrap();
    let legend = s
        .lines()
        .find(|l| l.contains("Events per year, by level"))
        .unwrap_or_else(|| panic!("{s}"));
    // The most events in a year stand for a full cell; one event for the
    // cell it draws.
    assert!(legend.contains("scale"), "{legend}");
    assert!(legend.contains(&format!("█ {most} events")), "{legend}");
    assert!(legend.contains(" 1 "), "{legend}");
}
