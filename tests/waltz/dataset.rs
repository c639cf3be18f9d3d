//! The shipped case study: it validates, every item is linked the way the
//! explorer's cross-highlighting needs, the prose keeps to the length
//! guidance, and the guided tours are there.

use std::collections::HashSet;

use waltz::case::index::Case;
use waltz::case::load::{self, Loaded};
use waltz::case::model::{DatedBy, Effect, Level, Sourced, Target, Whose};

/// The longest title or name, in characters.
const TITLE_MAX: usize = 60;
/// The longest summary, in characters.
const SUMMARY_MAX: usize = 400;
/// The most sentences a summary may have.
const SUMMARY_SENTENCES: usize = 4;
/// The most sentences a tour step's text, or its teacher's note, may have.
const NOTE_SENTENCES: usize = 3;
/// The longest a tour step's text may be, in characters: it is a slide.
const STEP_MAX: usize = 400;

/// The theme tags the case study uses.
const THEMES: [&str; 11] = [
    "energy",
    "defence",
    "trade",
    "terrorism",
    "diplomacy",
    "multilateral",
    "economy",
    "security",
    "afghanistan",
    "nuclear",
    "culture",
];

fn loaded() -> Loaded {
    load::embedded().unwrap_or_else(|e| panic!("the embedded dataset is refused:\n{e}"))
}

fn case() -> Case {
    Case::new(loaded().dataset)
}

/// Sentences in `text`: each `.`, `!` or `?` that ends the text or is
/// followed by a space (after any closing quote or bracket), plus a final
/// sentence that lacks its full stop.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut count = 0;
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let rest = chars[i + 1..]
            .iter()
            .find(|&&n| !matches!(n, '"' | '\'' | '”' | '’' | ')'));
        if rest.is_none_or(|n| n.is_whitespace()) {
            count += 1;
        }
    }
    let ends_closed = chars
        .iter()
        .rev()
        .find(|&&c| !matches!(c, '"' | '\'' | '”' | '’' | ')'))
        .is_some_and(|c| matches!(c, '.' | '!' | '?'));
    if !chars.is_empty() && !ends_closed {
        count += 1;
    }
    count
}

/// Check one piece of prose against the guidance, adding what is wrong to
/// `problems`.
fn prose(
    problems: &mut Vec<String>,
    what: &str,
    text: &str,
    max_chars: usize,
    max_sentences: usize,
) {
    let chars = text.chars().count();
    let n = sentences(text);
    if text.trim().is_empty() {
        problems.push(format!("{what} is empty"));
    } else if chars > max_chars {
        problems.push(format!(
            "{what} has {chars} characters (at most {max_chars})"
        ));
    } else if n > max_sentences {
        problems.push(format!(
            "{what} has {n} sentences (at most {max_sentences})"
        ));
    }
}

#[test]
fn sentence_counting_follows_full_stops_not_abbreviations_or_numbers() {
    assert_eq!(sentences("One. Two! Three?"), 3);
    assert_eq!(sentences("It is called \"Friendship 2017.\" Then more"), 2);
    assert_eq!(sentences("A $2.5 billion deal"), 1);
    assert_eq!(sentences(""), 0);
}

#[test]
fn the_dataset_validates_with_no_warnings() {
    let loaded = loaded();
    let warnings: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
    assert!(warnings.is_empty(), "warnings:\n{}", warnings.join("\n"));
}

/// Whether a tour step of `case` shows `target`.
fn toured(case: &Case, target: &Target) -> bool {
    case.data
        .tours
        .iter()
        .flat_map(|t| &t.steps)
        .any(|s| &s.show == target)
}

#[test]
fn every_event_in_the_period_illustrates_a_factor() {
    // Unless the paper ties it to none: then its note says so, and a tour
    // shows it (a link must be the paper's, never made up to fill a gap).
    let case = case();
    let (first, last) = case.data.period;
    let unlinked: Vec<&str> = case
        .data
        .events
        .iter()
        .enumerate()
        .filter(|(e, x)| {
            (first..=last).contains(&x.year) && case.index.event_factors[*e].is_empty()
        })
        .filter(|(_, x)| {
            !(toured(&case, &Target::Event(x.id.clone()))
                && x.note().is_some_and(|n| n.contains("ties it to no factor")))
        })
        .map(|(_, x)| x.id.as_str())
        .collect();
    assert!(unlinked.is_empty(), "events with no factor: {unlinked:?}");
}

#[test]
fn every_factor_is_illustrated_by_an_event() {
    // Unless the paper ties it to no dated development: then its note says
    // so, and a tour shows it.
    let case = case();
    let unlinked: Vec<&str> = case
        .data
        .factors
        .iter()
        .enumerate()
        .filter(|(f, _)| case.index.factor_events[*f].is_empty())
        .filter(|(_, x)| {
            !(toured(&case, &Target::Factor(x.id.clone()))
                && x.note().is_some_and(|n| n.contains("no event links it")))
        })
        .map(|(_, x)| x.id.as_str())
        .collect();
    assert!(unlinked.is_empty(), "factors with no event: {unlinked:?}");
}

#[test]
fn each_level_has_both_enablers_and_constraints() {
    let case = case();
    for level in Level::ALL {
        let effects: HashSet<Effect> = case.index.level_factors[level.index()]
            .iter()
            .map(|&f| case.data.factors[f].effect)
            .collect();
        for effect in [Effect::Enabler, Effect::Constraint] {
            assert!(
                effects.contains(&effect),
                "the {} level has no {}",
                level.name(),
                effect.name()
            );
        }
    }
}

#[test]
fn every_era_contains_events_and_every_event_in_the_period_has_an_era() {
    let case = case();
    for &era in &case.index.eras_by_start {
        assert!(
            !case.index.era_events[era].is_empty(),
            "era `{}` contains no event",
            case.data.eras[era].id
        );
    }
    let (first, last) = case.data.period;
    let loose: Vec<&str> = case
        .data
        .events
        .iter()
        .enumerate()
        .filter(|(e, x)| (first..=last).contains(&x.year) && case.index.event_era(*e).is_none())
        .map(|(_, x)| x.id.as_str())
        .collect();
    assert!(loose.is_empty(), "events in no era: {loose:?}");
}

#[test]
fn the_case_has_background_before_the_period() {
    let case = case();
    let background = (0..case.data.events.len())
        .filter(|&e| case.is_background(e))
        .count();
    assert!(background >= 5, "only {background} background events");
}

#[test]
fn titles_names_and_summaries_keep_to_the_length_guidance() {
    let d = loaded().dataset;
    let mut problems = Vec::new();
    prose(&mut problems, "the dataset's title", &d.title, TITLE_MAX, 1);
    for x in &d.eras {
        let what = format!("era `{}`", x.id);
        prose(
            &mut problems,
            &format!("{what}'s name"),
            &x.name,
            TITLE_MAX,
            1,
        );
        prose(
            &mut problems,
            &format!("{what}'s summary"),
            &x.summary,
            SUMMARY_MAX,
            SUMMARY_SENTENCES,
        );
    }
    for x in &d.actors {
        let what = format!("actor `{}`", x.id);
        prose(
            &mut problems,
            &format!("{what}'s name"),
            &x.name,
            TITLE_MAX,
            1,
        );
        prose(
            &mut problems,
            &format!("{what}'s role"),
            &x.role,
            TITLE_MAX,
            1,
        );
        prose(
            &mut problems,
            &format!("{what}'s country"),
            &x.country,
            TITLE_MAX,
            1,
        );
    }
    for x in &d.factors {
        let what = format!("factor `{}`", x.id);
        prose(
            &mut problems,
            &format!("{what}'s name"),
            &x.name,
            TITLE_MAX,
            1,
        );
        prose(
            &mut problems,
            &format!("{what}'s summary"),
            &x.summary,
            SUMMARY_MAX,
            SUMMARY_SENTENCES,
        );
    }
    for x in &d.events {
        let what = format!("event `{}`", x.id);
        prose(
            &mut problems,
            &format!("{what}'s title"),
            &x.title,
            TITLE_MAX,
            1,
        );
        prose(
            &mut problems,
            &format!("{what}'s summary"),
            &x.summary,
            SUMMARY_MAX,
            SUMMARY_SENTENCES,
        );
    }
    for x in &d.tours {
        prose(
            &mut problems,
            &format!("tour `{}`'s name", x.id),
            &x.name,
            TITLE_MAX,
            1,
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn quotes_and_notes_are_never_empty() {
    let d = loaded().dataset;
    let factors = d.factors.iter().map(|f| (&f.id, f.quote(), f.note()));
    let events = d.events.iter().map(|e| (&e.id, e.quote(), e.note()));
    for (id, quote, note) in factors.chain(events) {
        for text in [quote, note].into_iter().flatten() {
            assert!(!text.trim().is_empty(), "`{id}` has an empty quote or note");
        }
    }
}

#[test]
fn every_source_is_cited_or_says_why_not_and_no_citation_is_empty() {
    let case = case();
    for (s, source) in case.data.sources.iter().enumerate() {
        assert!(!source.citation.trim().is_empty(), "`{}`", source.id);
        for v in &source.variants {
            assert!(!v.trim().is_empty(), "`{}` has an empty variant", source.id);
        }
        // The paper cites a few works only for its aims and its definitions
        // of the levels: no item rests on them, and their note says so.
        let cited = case.index.source_events[s].len() + case.index.source_factors[s].len();
        assert!(
            cited > 0
                || source
                    .note
                    .as_deref()
                    .is_some_and(|n| n.contains("no item")),
            "source `{}` is cited by nothing and its note does not say why",
            source.id
        );
    }
}

#[test]
fn the_thesis_is_the_papers_own_words_with_its_pages() {
    let d = loaded().dataset;
    let thesis = d.thesis.as_ref().expect("the case states its thesis");
    assert!(thesis.quote.contains("a balance of interests is key"));
    // The quote is the abstract's ("The study concludes that …"), verbatim
    // on page 11 only; the summary says where it comes from.
    assert_eq!(thesis.pages, [11]);
    assert!(thesis.summary.contains("abstract"), "{}", thesis.summary);
    // The extract has no title page: the heading over the argument is not
    // passed off as the paper's title.
    assert!(d.source.contains("heading"), "{}", d.source);
    assert!(
        d.factors.iter().all(|f| f.id != "balance-of-interests"),
        "the thesis is not one factor among others"
    );
}

#[test]
fn every_item_gives_its_pages_and_every_link_its_why_and_page() {
    let d = loaded().dataset;
    let factor_pages = |id: &str| d.factors.iter().find(|f| f.id == id).unwrap().pages();
    for f in &d.factors {
        assert!(!f.pages().is_empty(), "factor `{}` gives no page", f.id);
    }
    for e in &d.events {
        assert!(!e.pages().is_empty(), "event `{}` gives no page", e.id);
        for link in e.links() {
            let why = link.why.unwrap_or("");
            assert!(
                !why.trim().is_empty(),
                "`{}` → `{}` has no why",
                e.id,
                link.factor
            );
            let page = link
                .page
                .unwrap_or_else(|| panic!("`{}` → `{}` names no page", e.id, link.factor));
            assert!(
                e.pages().contains(&page) || factor_pages(link.factor).contains(&page),
                "`{}` → `{}` is on page {page}, which neither gives",
                e.id,
                link.factor
            );
        }
    }
}

#[test]
fn every_common_record_date_says_so_in_its_note() {
    let d = loaded().dataset;
    let common: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.dated_by == DatedBy::CommonRecord)
        .collect();
    assert!(!common.is_empty());
    for e in common {
        let note = e.note().unwrap_or_default().to_lowercase();
        assert!(
            note.contains("common record"),
            "`{}` is dated by the common record but its note does not say so",
            e.id
        );
    }
}

#[test]
fn every_quote_says_whose_words_it_is() {
    let d = loaded().dataset;
    let factors = d.factors.iter().map(|f| {
        (
            &f.id,
            f.quote(),
            f.quote_by(),
            f.sources.iter().map(|s| s.as_str()).collect(),
        )
    });
    let events = d.events.iter().map(|e| {
        (
            &e.id,
            e.quote(),
            e.quote_by(),
            e.sources().collect::<Vec<&str>>(),
        )
    });
    for (id, quote, by, sources) in factors.chain(events) {
        match (quote, by) {
            (None, None) => {}
            (Some(_), Some(Whose::Paper)) => {}
            (Some(_), Some(Whose::Cited(s))) => {
                assert!(
                    sources.contains(&s),
                    "`{id}` quotes `{s}` without citing it"
                )
            }
            _ => panic!("`{id}`: a quote without `quote_by`, or the other way round"),
        }
    }
}

#[test]
fn every_tour_step_shows_an_item_that_exists() {
    let case = case();
    for t in &case.data.tours {
        for (i, step) in t.steps.iter().enumerate() {
            assert!(
                case.target(&step.show).is_some(),
                "tour `{}` step {} shows nothing",
                t.id,
                i + 1
            );
        }
    }
}

#[test]
fn the_tensions_tour_sets_passages_of_the_paper_against_each_other() {
    let d = loaded().dataset;
    let tour = d
        .tours
        .iter()
        .find(|t| t.id == "tensions")
        .expect("the tensions tour");
    assert_eq!(tour.name, "Where the argument strains");
    assert!((6..=10).contains(&tour.steps.len()));
    for (i, step) in tour.steps.iter().enumerate() {
        let quoted = step.text.matches('“').count();
        assert!(quoted >= 2, "step {} quotes {quoted} passages", i + 1);
        assert!(step.text.contains("page"), "step {} gives no page", i + 1);
        let note = step.note.as_deref().unwrap_or_default();
        assert!(note.contains('?'), "step {}'s note asks no question", i + 1);
    }
}

#[test]
fn every_actor_appears_in_an_event_or_a_factor() {
    let case = case();
    for (a, actor) in case.data.actors.iter().enumerate() {
        let named = case.index.actor_events[a].len() + case.index.actor_factors[a].len();
        assert!(named > 0, "actor `{}` appears nowhere", actor.id);
    }
}

#[test]
fn themes_come_from_the_vocabulary() {
    let d = loaded().dataset;
    for e in &d.events {
        for theme in e.themes() {
            assert!(
                THEMES.contains(&theme),
                "event `{}` has theme `{theme}`, not in {THEMES:?}",
                e.id
            );
        }
    }
}

#[test]
fn the_story_and_level_tours_are_there_with_teaching_notes() {
    let case = case();
    let d = &case.data;
    let tour = |id: &str| {
        d.tours
            .iter()
            .find(|t| t.id == id)
            .unwrap_or_else(|| panic!("no tour `{id}`"))
    };

    let story = tour("story");
    assert_eq!(story.name, "From strained ties to strategic engagement");
    assert!(
        (12..=20).contains(&story.steps.len()),
        "the story has {} steps (12–20)",
        story.steps.len()
    );
    for id in ["individual", "domestic", "systemic"] {
        let steps = tour(id).steps.len();
        assert!(
            (4..=10).contains(&steps),
            "tour `{id}` has {steps} steps (4–10)"
        );
    }

    // Each step: what the class sees, and the teacher's note, kept apart.
    for t in &d.tours {
        for (i, step) in t.steps.iter().enumerate() {
            let what = format!("tour `{}` step {}", t.id, i + 1);
            let mut problems = Vec::new();
            prose(
                &mut problems,
                &format!("{what}'s text"),
                &step.text,
                STEP_MAX,
                NOTE_SENTENCES,
            );
            let note = step.note.as_deref().unwrap_or_default();
            prose(
                &mut problems,
                &format!("{what}'s note"),
                note,
                STEP_MAX,
                NOTE_SENTENCES,
            );
            assert!(problems.is_empty(), "{}", problems.join("\n"));
        }
    }
}

#[test]
fn each_level_tour_stays_at_its_level() {
    let case = case();
    let d = &case.data;
    for level in Level::ALL {
        let id = level.name().to_lowercase();
        let tour = d.tours.iter().find(|t| t.id == id).expect("the level tour");
        for (i, step) in tour.steps.iter().enumerate() {
            let at_level = match &step.show {
                Target::Factor(f) => d.factors[case.index.factor_ids[f]].level == level,
                Target::Event(e) => case.levels(case.event_id(e).unwrap()).contains(level),
            };
            assert!(at_level, "tour `{id}` step {} leaves the {id} level", i + 1);
        }
    }
}

#[test]
fn the_story_runs_in_the_papers_order_from_background_to_the_thesis() {
    let case = case();
    let d = &case.data;
    let story = d.tours.iter().find(|t| t.id == "story").expect("the story");
    let years: Vec<i32> = story
        .steps
        .iter()
        .filter_map(|s| match &s.show {
            Target::Event(e) => Some(d.events[case.event_id(e).unwrap()].year),
            Target::Factor(_) => None,
        })
        .collect();
    assert!(
        years.windows(2).all(|w| w[0] <= w[1]),
        "the story's events are out of order: {years:?}"
    );
    assert!(
        years.first().is_some_and(|&y| y < d.period.0),
        "the story should open with the background"
    );
    let thesis = d.thesis.as_ref().expect("the thesis");
    let opening: String = thesis.quote.chars().take(30).collect();
    assert!(
        story
            .steps
            .last()
            .is_some_and(|s| s.text.contains(&opening)),
        "the story should end with the thesis"
    );
}

#[test]
fn the_ids_other_code_relies_on_are_kept() {
    let case = case();
    let ix = &case.index;
    for id in [
        "seato-cento",
        "taliban-backing",
        "primakov-visit",
        "aziz-moscow",
        "sharif-moscow",
        "musharraf-coup",
        "nine-eleven",
        "defence-mou-2003",
        "sco-observer",
        "kayani-moscow",
        "gas-pipeline-2011",
    ] {
        assert!(case.event_id(id).is_some(), "event `{id}` is gone");
    }
    for id in [
        "putin-no-ideology",
        "sharif-multipolar",
        "military-modernisation",
        "energy-needs",
        "taliban-support",
        "war-on-terror",
        "regional-institutions",
    ] {
        assert!(ix.factor_ids.contains_key(id), "factor `{id}` is gone");
    }
    for id in [
        "putin",
        "musharraf",
        "nawaz-sharif",
        "kayani",
        "primakov",
        "sartaj-aziz",
    ] {
        assert!(ix.actor_ids.contains_key(id), "actor `{id}` is gone");
    }
    for id in ["clary-2022", "kaushik-2019"] {
        assert!(ix.source_ids.contains_key(id), "source `{id}` is gone");
    }
    let kaushik = &case.data.sources[ix.source_ids["kaushik-2019"]];
    assert!(
        kaushik.variants.iter().any(|v| v == "Kaushiki (2019)"),
        "Kaushik (2019) lost its variant spelling"
    );
}

#[test]
fn the_kept_ids_keep_their_meaning() {
    let case = case();
    let d = &case.data;
    let event = |id: &str| &d.events[case.event_id(id).unwrap()];
    let factor = |id: &str| &d.factors[case.index.factor_ids[id]];
    assert_eq!(event("musharraf-coup").year, 1999);
    assert_eq!(event("musharraf-coup").month, Some(10));
    assert_eq!(event("nine-eleven").year, 2001);
    assert_eq!(event("defence-mou-2003").year, 2003);
    assert_eq!(event("sco-observer").year, 2005);
    assert_eq!(event("kayani-moscow").year, 2009);
    assert_eq!(event("gas-pipeline-2011").year, 2011);
    assert!(event("seato-cento").year < d.period.0);
    assert_eq!(factor("putin-no-ideology").level, Level::Individual);
    assert_eq!(factor("sharif-multipolar").level, Level::Individual);
    assert_eq!(factor("military-modernisation").level, Level::Domestic);
    assert_eq!(factor("energy-needs").level, Level::Domestic);
    assert_eq!(factor("war-on-terror").level, Level::Systemic);
    assert_eq!(factor("regional-institutions").level, Level::Systemic);
    assert_eq!(factor("taliban-support").effect, Effect::Constraint);
}
