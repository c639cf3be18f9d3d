//! The Markdown handout, read back by a CommonMark parser: what a renderer
//! shows is a list item per factor with its sign, quotes holding only the
//! quoted words, and a heading per era and per level.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::common::*;
use waltz::case::model::{DatedBy, LevelBy, Sourced};

/// The handout of the shipped case, or of `--data path`.
fn handout(data: Option<&str>) -> String {
    let mut args = vec!["export"];
    if let Some(path) = data {
        args.extend(["--data", path]);
    }
    succeeds(&args)
}

/// What a renderer makes of the text: headings (level, text), the text of
/// each list item's first paragraph, and the text inside each blockquote.
#[derive(Default, Debug)]
struct Rendered {
    headings: Vec<(HeadingLevel, String)>,
    items: Vec<String>,
    quotes: Vec<String>,
    /// Text found inside a blockquote that is not the quote's (an
    /// "Events:" line run into it, say).
    nested_lists: usize,
}

fn render(md: &str) -> Rendered {
    let mut r = Rendered::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut quote: Option<String> = None;
    // For each open list item: its first paragraph's text so far, and
    // whether that paragraph is still open.
    let mut items: Vec<(String, bool)> = Vec::new();
    let mut depth = 0;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => r.headings.extend(heading.take()),
            Event::Start(Tag::BlockQuote(_)) => quote = Some(String::new()),
            Event::End(TagEnd::BlockQuote(_)) => r.quotes.extend(quote.take()),
            Event::Start(Tag::List(_)) => {
                depth += 1;
                if depth > 1 && items.last().is_some_and(|(_, open)| *open) {
                    r.nested_lists += 1;
                }
            }
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) => items.push((String::new(), true)),
            Event::End(TagEnd::Item) => {
                if let Some((text, _)) = items.pop() {
                    r.items.push(text);
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(last) = items.last_mut() {
                    last.1 = false;
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = heading.as_mut() {
                    text.push_str(&t);
                } else if let Some(q) = quote.as_mut() {
                    q.push_str(&t);
                } else if let Some((text, true)) = items.last_mut() {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(q) = quote.as_mut() {
                    q.push(' ');
                }
            }
            _ => {}
        }
    }
    r
}

#[test]
fn each_factor_is_one_list_item_beginning_with_its_sign() {
    let case = shipped();
    let r = render(&handout(None));
    assert_eq!(r.nested_lists, 0, "a sign read as a nested list");
    for factor in &case.data.factors {
        let sign = factor.effect.symbol();
        let item = r
            .items
            .iter()
            .find(|i| i.contains(factor.name.as_str()) && i.contains(" — "))
            .unwrap_or_else(|| panic!("no list item for `{}`", factor.id));
        assert!(
            item.starts_with(&format!("{sign} ")),
            "`{}`'s item does not begin with {sign}: {item:?}",
            factor.id
        );
    }
}

#[test]
fn quotes_hold_only_the_quoted_words() {
    let case = shipped();
    let r = render(&handout(None));
    let quotes = case.data.events.iter().filter_map(|e| e.quote());
    let quotes: Vec<&str> = quotes
        .chain(case.data.factors.iter().filter_map(|f| f.quote()))
        .collect();
    // Each quote of the case, and the thesis, is a blockquote of its own.
    assert_eq!(r.quotes.len(), quotes.len() + 1, "{:#?}", r.quotes);
    for q in &r.quotes {
        assert!(
            q.starts_with('“') && q.ends_with('”'),
            "a blockquote holds more than the quote: {q:?}"
        );
        assert!(
            !q.contains("Events:") && !q.contains("Editorial note"),
            "{q:?}"
        );
    }
}

#[test]
fn there_is_a_heading_per_era_and_per_level() {
    let case = shipped();
    let r = render(&handout(None));
    let h =
        |level: HeadingLevel, text: &str| r.headings.iter().any(|(l, t)| *l == level && t == text);
    for era in &case.data.eras {
        let title = format!("{} ({}–{})", era.name, era.start, era.end);
        assert!(h(HeadingLevel::H2, &title), "no heading {title:?}");
    }
    for level in ["Individual", "Domestic", "Systemic"] {
        assert!(h(HeadingLevel::H3, level), "no heading {level:?}");
    }
    assert!(h(HeadingLevel::H2, "Thesis"));
    assert!(h(HeadingLevel::H2, "Guided tours"));
}

#[test]
fn hostile_text_stays_text_in_the_handout() {
    // A summary that would start a list, a heading or a link if pasted raw.
    let hostile = MINIMAL
        .replacen(
            "summary: \"Ada and Boris get on well.\"",
            "summary: \"+ 1. # [x](http://e) <b>*bold*</b>\"",
            1,
        )
        .replacen("title: \"Border war\"", "title: \"- ## [War](y)\"", 1);
    let path = std::env::temp_dir().join(format!("waltz-handout-{}.ron", std::process::id()));
    std::fs::write(&path, hostile).unwrap();
    let md = handout(Some(path.to_str().unwrap()));
    let _ = std::fs::remove_file(&path);
    let r = render(&md);
    assert_eq!(r.nested_lists, 0, "{md}");
    assert!(
        r.headings.iter().any(|(_, t)| t == "1990 · - ## [War](y)"),
        "{:#?}",
        r.headings
    );
    let links = Parser::new(&md)
        .filter(|e| matches!(e, Event::Start(Tag::Link { .. })))
        .count();
    let html = Parser::new(&md)
        .filter(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
        .count();
    assert_eq!((links, html), (0, 0), "{md}");
    // The summary reads as written, inside its factor's item.
    assert!(
        r.items
            .iter()
            .any(|i| i.starts_with("+ Leaders' rapport — + 1. # [x](http://e) <b>*bold*</b>")),
        "{:#?}",
        r.items
    );
}

#[test]
fn export_without_a_format_writes_the_handout() {
    let out = waltz(&["export"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# Pakistan–Russia relations"));
}

#[test]
fn the_handout_marks_common_record_dates_and_implied_levels() {
    let case = shipped();
    let r = render(&handout(None));
    for e in &case.data.events {
        let heading = r
            .headings
            .iter()
            .find(|(_, h)| h.ends_with(e.title.as_str()))
            .unwrap_or_else(|| panic!("no heading for `{}`", e.id));
        let marked = heading.1.starts_with("≈ ");
        assert_eq!(
            marked,
            e.dated_by == DatedBy::CommonRecord,
            "`{}`: {:?}",
            e.id,
            heading.1
        );
    }
    for f in &case.data.factors {
        let item = r
            .items
            .iter()
            .find(|i| i.contains(f.name.as_str()) && i.contains(" — "))
            .unwrap();
        assert_eq!(
            item.contains("≈"),
            f.level_by == LevelBy::Implied,
            "`{}`: {item:?}",
            f.id
        );
    }
    // The legend says what the mark means.
    assert!(handout(None).contains("A date marked ≈ is the common record's"));
}
