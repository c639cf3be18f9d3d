//! The handout's picture (`export --format svg`) and page (`--format
//! html`), read back by real parsers: an XML parser for the SVG, resvg to
//! draw it, an HTML parser for the page. What they find is what a reader
//! gets: one mark per event, one band per era, a bar per era and level with
//! the balance view's numbers; every item on the page; nothing fetched,
//! nothing run; hostile text as text.

use crate::common::*;
use waltz::case::balance;
use waltz::case::model::Effect;

/// `waltz export --format FORMAT` on the shipped case or on `text`.
fn export(format: &str, text: Option<&str>) -> String {
    let path = text.map(|t| {
        let p = std::env::temp_dir().join(format!(
            "waltz-pictures-{}-{format}.ron",
            std::process::id()
        ));
        std::fs::write(&p, t).unwrap();
        p
    });
    let mut args = vec!["export", "--format", format];
    if let Some(p) = &path {
        args.extend(["--data", p.to_str().unwrap()]);
    }
    let out = succeeds(&args);
    if let Some(p) = path {
        let _ = std::fs::remove_file(p);
    }
    out
}

fn has_class(node: &roxmltree::Node, class: &str) -> bool {
    node.attribute("class") == Some(class)
}

/// No script, no reference to anything outside the file.
fn self_contained(doc: &roxmltree::Document) {
    for node in doc.descendants().filter(|n| n.is_element()) {
        assert_ne!(node.tag_name().name(), "script");
        for attr in node.attributes() {
            let v = attr.value();
            let external = v.contains("://") && v != "http://www.w3.org/2000/svg";
            assert!(!external, "{}={v}", attr.name());
            assert!(!attr.name().starts_with("on"), "{}", attr.name());
            assert_ne!(attr.name(), "href");
        }
    }
}

#[test]
fn the_picture_has_a_mark_per_event_a_band_per_era_and_the_balance_in_bars() {
    let svg = export("svg", None);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    self_contained(&doc);
    let case = shipped();
    let (first, last) = case.data.period;
    let in_period: Vec<&str> = case
        .data
        .events
        .iter()
        .filter(|e| (first..=last).contains(&e.year))
        .map(|e| e.id.as_str())
        .collect();
    let marks: Vec<&str> = doc
        .descendants()
        .filter(|n| has_class(n, "event"))
        .map(|n| n.attribute("data-id").unwrap())
        .collect();
    assert_eq!(marks, in_period);
    let bands = doc.descendants().filter(|n| has_class(n, "era")).count();
    assert_eq!(bands, case.data.eras.len());
    // A bar per era and level, with the counts the balance view shows.
    let rows = balance::by_era(&case);
    let bars: Vec<roxmltree::Node> = doc.descendants().filter(|n| has_class(n, "bar")).collect();
    assert_eq!(bars.len(), rows.len() * 3);
    for (bar, (row, level)) in bars.iter().zip(
        rows.iter()
            .flat_map(|r| waltz::case::model::Level::ALL.map(|l| (r, l))),
    ) {
        let cell = &row.levels[level.index()];
        let n = |a: &str| bar.attribute(a).unwrap().parse::<usize>().unwrap();
        assert_eq!(
            bar.attribute("data-era"),
            Some(case.data.eras[row.era].id.as_str())
        );
        assert_eq!(n("data-enablers"), cell.count(Effect::Enabler));
        assert_eq!(n("data-constraints"), cell.count(Effect::Constraint));
        assert_eq!(n("data-mixed"), cell.count(Effect::Mixed));
        let label = bar.descendants().find(|n| n.has_tag_name("text")).unwrap();
        let counts = format!(
            "+{} −{} ±{}",
            cell.count(Effect::Enabler),
            cell.count(Effect::Constraint),
            cell.count(Effect::Mixed)
        );
        assert_eq!(label.text(), Some(counts.as_str()));
    }
    // For a screen reader: a title and a description.
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(root.children().any(|n| n.has_tag_name("desc")));
}

#[test]
fn the_picture_draws_something() {
    let svg = export("svg", None);
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    let inked = pixmap
        .pixels()
        .iter()
        .filter(|p| p.alpha() > 0 && (p.red() < 200 || p.green() < 200 || p.blue() < 200))
        .count();
    let all = pixmap.pixels().len();
    // Bands, marks and bars: far from blank, far from solid.
    assert!(
        inked * 50 > all && inked * 2 < all,
        "{inked} of {all} pixels inked"
    );
}

const HOSTILE_TITLE: &str = "<script>alert(1)</script> & \\\"q\\\" ]]> \\u{1b}[31m";

fn hostile_case() -> String {
    MINIMAL
        .replacen(
            "title: \"Avalon–Borduria relations, 2000–2010\"",
            &format!("title: \"{HOSTILE_TITLE}\""),
            1,
        )
        .replacen(
            "title: \"First summit\"",
            "title: \"<img src=x onerror=alert(1)> <a href='http://e'>x</a>\"",
            1,
        )
}

#[test]
fn hostile_text_is_escaped_in_the_picture_and_the_page() {
    let text = hostile_case();
    let svg = export("svg", Some(&text));
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    self_contained(&doc);
    assert!(
        svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
        "{svg}"
    );
    assert!(!svg.contains('\u{1b}'));
    let html = export("html", Some(&text));
    let page = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    assert_eq!(page.select(&sel("script")).count(), 0, "{html}");
    assert_eq!(page.select(&sel("img")).count(), 0);
    assert_eq!(page.select(&sel("a")).count(), 0);
    let h1: String = page.select(&sel("h1")).next().unwrap().text().collect();
    assert!(h1.starts_with("<script>alert(1)</script> & \"q\""), "{h1}");
    assert!(!html.contains('\u{1b}'));
}

#[test]
fn the_page_holds_every_item_and_fetches_nothing() {
    let html = export("html", None);
    let page = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let case = shipped();
    assert_eq!(page.select(&sel("script")).count(), 0);
    for el in page.select(&sel("*")) {
        for (name, value) in el.value().attrs() {
            assert!(!name.starts_with("on"), "{name}");
            let external = value.contains("://") && value != "http://www.w3.org/2000/svg";
            assert!(!external, "{name}={value}");
        }
    }
    assert_eq!(
        page.select(&sel("link, img, iframe, object, embed"))
            .count(),
        0
    );
    // Headings in order: the title, then the sections.
    let h1: Vec<String> = page
        .select(&sel("h1"))
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(h1, vec![case.data.title.to_string()]);
    let h2: Vec<String> = page
        .select(&sel("h2"))
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(
        h2,
        [
            "Thesis",
            "The case at a glance",
            "Factors by level",
            "Events",
            "Guided tours",
            "Sources"
        ]
    );
    // Every event and factor, with its citations; every tour, every source.
    for e in &case.data.events {
        let li = page
            .select(&sel(&format!("li#event-{}", e.id)))
            .next()
            .unwrap_or_else(|| panic!("event {}", e.id));
        let text: String = li.text().collect();
        assert!(text.contains(e.title.as_str()), "{text}");
    }
    for (f, x) in case.data.factors.iter().enumerate() {
        let li = page
            .select(&sel(&format!("li#factor-{}", x.id)))
            .next()
            .unwrap();
        let text: String = li.text().collect();
        for &s in &case.index.factor_sources[f] {
            assert!(
                text.contains(case.data.sources[s].citation.as_str()),
                "{text}"
            );
        }
    }
    assert_eq!(
        page.select(&sel("section ol")).count(),
        case.data.tours.len()
    );
    let steps: usize = case.data.tours.iter().map(|t| t.steps.len()).sum();
    assert_eq!(page.select(&sel("section ol > li")).count(), steps);
    let notes = case
        .data
        .tours
        .iter()
        .flat_map(|t| &t.steps)
        .filter(|s| s.note.is_some())
        .count();
    assert_eq!(page.select(&sel("p.teacher")).count(), notes);
    // The picture inline, described for a screen reader; a print style.
    let figure = page.select(&sel("figure svg[role=img]")).next().unwrap();
    assert!(figure.select(&sel("desc")).next().is_some());
    assert!(html.contains("@media print"));
}
