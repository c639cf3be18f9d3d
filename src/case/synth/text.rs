//! The prose of synthetic cases: ids from titles, headlines and summaries
//! that agree with each other, background events and editorial notes.

use std::collections::HashSet;

use super::words::*;
use super::{SUMMARY_MAX, SUMMARY_MIN, Source, TITLE_MAX};
use crate::case::rng::Rng;

/// Ids already issued, per kind, so that each new one is unique.
#[derive(Default)]
pub(super) struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// A unique id for `kind`: the first words of `text` (lowercase ASCII
    /// letters and digits joined by hyphens), then `tail` if not empty, then
    /// `-2`, `-3`… if that is taken.
    pub(super) fn issue(&mut self, kind: &str, text: &str, tail: &str) -> String {
        let mut base = String::with_capacity(48);
        let mut words = 0;
        let folded = text.chars().map(fold);
        let mut in_word = false;
        for c in folded {
            if c.is_ascii_alphanumeric() {
                if !in_word {
                    if words == 5 {
                        break;
                    }
                    if !base.is_empty() {
                        base.push('-');
                    }
                    words += 1;
                    in_word = true;
                }
                base.push(c.to_ascii_lowercase());
            } else if c != '\'' && c != '’' {
                // "Putin's" gives "putins", not "putin-s".
                in_word = false;
            }
        }
        if base.is_empty() {
            base.push_str(kind);
        }
        if !tail.is_empty() {
            base.push('-');
            base.push_str(tail);
        }
        // The kind prefix keeps kinds apart in one set; it is not written.
        let mut key = format!("{kind}:{base}");
        let mut n = 1;
        while self.taken.contains(&key) {
            n += 1;
            key = format!("{kind}:{base}-{n}");
        }
        let id = key[kind.len() + 1..].to_owned();
        self.taken.insert(key);
        id
    }
}

/// The ASCII letter an accented letter of the vocabulary is written with in
/// an id ("Petrović" → "petrovic"); other characters are returned as they
/// are (and, not being ASCII, end a word).
pub(super) fn fold(c: char) -> char {
    match c {
        'š' => 's',
        'ć' | 'č' => 'c',
        'ı' => 'i',
        'é' | 'è' | 'ë' => 'e',
        'ö' => 'o',
        'ü' => 'u',
        _ => c,
    }
}

/// `s` with its first letter in upper case.
pub(super) fn cap(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A role as it reads after a possessive: "Prime minister" → "prime
/// minister", but "SCO deputy…" keeps its acronym.
pub(super) fn lower_role(role: &str) -> String {
    let mut chars = role.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if b.is_lowercase() => a
            .to_lowercase()
            .chain(role[a.len_utf8()..].chars())
            .collect(),
        _ => role.to_owned(),
    }
}

/// A sum given in millions of dollars, as a newspaper writes it:
/// "$90 million", "$3.1 billion".
pub(super) fn dollars(millions: i32) -> String {
    if millions < 1000 {
        format!("${millions} million")
    } else {
        format!("${}.{} billion", millions / 1000, millions % 1000 / 100)
    }
}

/// "1 event", "2 events".
pub(super) fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Append `sentence` to `summary`, separated by a space.
pub(super) fn push_sentence(summary: &mut String, sentence: &str) {
    if !summary.is_empty() {
        summary.push(' ');
    }
    summary.push_str(sentence);
}

/// A topic, drawn by weight.
pub(super) fn pick_topic(rng: &mut Rng) -> usize {
    let total: usize = TOPICS.iter().map(|t| t.weight).sum();
    let mut roll = rng.below(total);
    for (i, t) in TOPICS.iter().enumerate() {
        if roll < t.weight {
            return i;
        }
        roll -= t.weight;
    }
    unreachable!("the roll is below the total weight")
}

/// Pakistan or Russia most of the time, otherwise any state.
pub(super) fn pick_state(rng: &mut Rng) -> usize {
    match rng.below(10) {
        0..=5 => PAKISTAN,
        6..=8 => RUSSIA,
        _ => rng.below(COUNTRIES.len()),
    }
}

/// An event's title, summary and the actors they name.
pub(super) struct Text {
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) actors: Vec<usize>,
}

/// A background event: states rather than people, and a summary that says
/// it is background, as the shipped case does.
pub(super) fn background_text(rng: &mut Rng, topic: &Topic, year: i32) -> Text {
    let object = *rng.pick(topic.objects);
    let a = &COUNTRIES[PAKISTAN];
    let b = &COUNTRIES[if rng.chance(70) {
        RUSSIA
    } else {
        *rng.pick(&OTHERS)
    }];
    let title = if rng.chance(50) {
        cap(object)
    } else {
        format!("{}–{} {object}", a.short, b.short)
    };
    let mut summary = format!(
        "Background: {} and {} {} the {object} in {year}, setting a pattern for decades.",
        a.name,
        b.name,
        rng.pick(&VERBS).1
    );
    // A second sentence when the first is short, as it usually is.
    if summary.len() < SUMMARY_MIN || rng.chance(50) {
        push_sentence(
            &mut summary,
            &format!(
                "The memory of it shaped how each side read the other's moves on {}.",
                topic.topic
            ),
        );
    }
    Text {
        title,
        summary,
        actors: Vec::new(),
    }
}

/// The shapes an event's headline takes.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Headline {
    /// "Kayani visits Moscow"
    Visit,
    /// "Gas pipeline agreement"
    Object,
    /// "Gas pipeline agreement signed in Moscow"
    Signed,
    /// "Lavrov and Aziz meet in Sochi"
    Meet,
    /// "Russia approves Mi-35 helicopter deal"
    StateActs,
    /// "Lavrov proposes trade target"
    PersonActs,
    /// "Talks on trade target in Kazan"
    Talks,
    /// "Lavrov and Aziz sign trade target"
    Joint,
}

/// An event in the period: a headline and one to four sentences that agree
/// with it (the same person, place, thing and verb).
pub(super) fn event_text(
    rng: &mut Rng,
    topic: &Topic,
    year: i32,
    active: &[usize],
    source: Option<&Source>,
) -> Text {
    // The main actor is Pakistani or Russian two times in three.
    let core: Vec<usize> = active
        .iter()
        .copied()
        .filter(|&a| ACTORS[a].country <= RUSSIA)
        .collect();
    let a1 = if !core.is_empty() && rng.chance(67) {
        *rng.pick(&core)
    } else {
        *rng.pick(active)
    };
    let mut a2 = *rng.pick(active);
    if a2 == a1 {
        a2 = active[(active.iter().position(|&a| a == a1).unwrap_or(0) + 1) % active.len()];
    }
    let (p1, p2) = (&ACTORS[a1], &ACTORS[a2]);
    let c1 = &COUNTRIES[p1.country];
    let c2 = &COUNTRIES[if p2.country != p1.country {
        p2.country
    } else if p1.country == PAKISTAN {
        RUSSIA
    } else {
        PAKISTAN
    }];
    let third = &COUNTRIES[*rng.pick(&OTHERS)];
    let object = *rng.pick(topic.objects);
    // A visit goes abroad: a place outside the main actor's country.
    let mut place = rng.pick(&PLACES);
    for _ in 0..4 {
        if place.country != p1.country {
            break;
        }
        place = rng.pick(&PLACES);
    }
    let place2 = rng.pick(&PLACES);
    let mut names_a2 = false;

    // The headline first; the summary's opening sentence then tells the same
    // story (the same person, place, thing and verb). A headline that comes
    // out too long is drawn again, and finally falls back to the bare object,
    // which every vocabulary entry keeps well under the limit.
    let mut kind = Headline::Object;
    let (mut verb, mut past) = *rng.pick(&VERBS);
    let mut title = String::new();
    for _ in 0..3 {
        kind = match rng.below(9) {
            0 | 1 => Headline::Visit,
            2 => Headline::Object,
            3 => Headline::Signed,
            4 => Headline::Meet,
            5 => Headline::StateActs,
            6 => Headline::PersonActs,
            7 => Headline::Talks,
            _ => Headline::Joint,
        };
        if matches!(kind, Headline::Signed | Headline::Joint) {
            (verb, past) = ("signs", "signed");
        }
        title = match kind {
            Headline::Visit => format!("{} visits {}", p1.short, place.name),
            Headline::Object => cap(object),
            Headline::Signed => format!("{} signed in {}", cap(object), place.name),
            Headline::Meet => format!("{} and {} meet in {}", p1.short, p2.short, place.name),
            Headline::StateActs => format!("{} {verb} {object}", c1.short),
            Headline::PersonActs => format!("{} {verb} {object}", p1.short),
            Headline::Talks => format!("Talks on {object} in {}", place.name),
            // The longest shape: with two long names it overflows and is
            // drawn again.
            Headline::Joint => format!("{} and {} sign {object}", p1.short, p2.short),
        };
        if title.chars().count() <= TITLE_MAX {
            break;
        }
    }
    if title.chars().count() > TITLE_MAX {
        kind = Headline::Object;
        title = cap(object);
    }
    if kind == Headline::Meet || kind == Headline::Joint {
        names_a2 = true;
    }

    let role = |p: &Actor| format!("{} {}", COUNTRIES[p.country].poss, lower_role(p.role));
    let mut summary = match (kind, rng.below(3)) {
        (Headline::Visit, 0) => format!(
            "{}, {}, travelled to {} for talks on the {object}.",
            p1.name,
            role(p1),
            place.name
        ),
        (Headline::Visit, _) => format!(
            "On a visit to {}, {} discussed the {object} and wider {} cooperation.",
            place.name, p1.name, topic.adj
        ),
        (Headline::Meet, _) => format!(
            "{} met {} in {} to discuss the {object} and wider {} cooperation.",
            p1.name, p2.name, place.name, topic.adj
        ),
        (Headline::Joint, _) => format!(
            "{} and {} signed the {object} in {}, capping {} rounds of negotiation.",
            p1.name,
            p2.name,
            place.name,
            rng.range(2, 9)
        ),
        (Headline::PersonActs, _) | (Headline::StateActs, 0) => format!(
            "{}, {}, {past} the {object} during talks in {}.",
            p1.name,
            role(p1),
            place.name
        ),
        (Headline::StateActs, _) => cap(&format!(
            "{} {past} the {object}, the first such step since {}.",
            c1.name,
            year - rng.range(3, 25)
        )),
        (Headline::Talks, _) => cap(&format!(
            "officials from {} and {} discussed the {object} in {} over {} rounds of negotiation.",
            c1.name,
            c2.name,
            place.name,
            rng.range(2, 9)
        )),
        (Headline::Signed | Headline::Object, 0) => cap(&format!(
            "officials from {} and {} {past} the {object} in {} after {} rounds of negotiation.",
            c1.name,
            c2.name,
            place.name,
            rng.range(2, 9)
        )),
        (Headline::Signed | Headline::Object, 1) => format!(
            "The {object} was {past} in {} in {year}, {} months after it was first floated.",
            place.name,
            rng.range(3, 30)
        ),
        (Headline::Signed | Headline::Object, _) => cap(&format!(
            "{} and {} {past} the {object}, the first such step since {}.",
            c1.name,
            c2.name,
            year - rng.range(3, 25)
        )),
    };

    // One to four sentences in all; more while short, none past the cap.
    // Each follow-up template is used at most once per summary.
    let target = 1 + rng.below(4);
    let mut used = 0u32;
    let mut sentences = 1;
    while sentences < 4 && (sentences < target || summary.len() < SUMMARY_MIN) {
        let k = rng.below(12);
        if used & (1 << k) != 0 {
            continue;
        }
        used |= 1 << k;
        let sentence = match k {
            0 => format!(
                "It followed months of quiet negotiation between officials in {} and {}.",
                place.name, place2.name
            ),
            1 => format!(
                "Analysts read it as a sign that {} wanted partners beyond {}.",
                c1.name, third.name
            ),
            2 => cap(&format!(
                "It drew a cautious response from {}, which watches the {} file closely.",
                third.name, topic.name
            )),
            3 => format!("Progress soon stalled over {}.", rng.pick(&OBSTACLES)),
            4 => format!(
                "Both sides agreed to review progress within {} months.",
                rng.range(3, 18)
            ),
            5 => match source {
                Some(s) => format!(
                    "{} calls it a turning point in {} ties.",
                    s.citation, topic.adj
                ),
                None => "Accounts differ on who first proposed it.".to_owned(),
            },
            6 => format!(
                "The package covered {} projects worth an estimated {}.",
                rng.range(2, 14),
                dollars(rng.range(5, 400) * 10)
            ),
            7 => cap(&format!(
                "critics in {} questioned its cost and timing.",
                c1.name
            )),
            8 => "Officials stressed that the step was not aimed at any third country.".to_owned(),
            9 => {
                // An earlier step: another object of the topic.
                let i = topic.objects.iter().position(|&o| o == object).unwrap_or(0);
                let earlier = topic.objects
                    [(i + 1 + rng.below(topic.objects.len() - 1)) % topic.objects.len()];
                format!(
                    "It built on the {earlier} agreed {} years earlier.",
                    rng.range(2, 9)
                )
            }
            10 => format!(
                "Implementation lagged, and little of it was visible by {}.",
                year + rng.range(2, 6)
            ),
            _ => {
                names_a2 = true;
                format!(
                    "{}, {} {}, was said to have pressed for quicker results.",
                    p2.name,
                    COUNTRIES[p2.country].poss,
                    lower_role(p2.role)
                )
            }
        };
        if summary.len() + 1 + sentence.len() > SUMMARY_MAX {
            break;
        }
        push_sentence(&mut summary, &sentence);
        sentences += 1;
    }
    // A place's own name in its own script, in a few summaries only.
    if sentences < 4 && !place.native.is_empty() && rng.chance(6) {
        push_sentence(
            &mut summary,
            &format!(
                "Newspapers in {} ({}) gave it front-page coverage.",
                place.name, place.native
            ),
        );
    }

    let mut actors = vec![a1];
    if names_a2 {
        actors.push(a2);
    }
    Text {
        title,
        summary,
        actors,
    }
}

/// An editorial note. One kind quotes an archive reference with
/// backslashes and double quotes, so that escaping is always exercised.
pub(super) fn note(rng: &mut Rng, year: i32) -> String {
    match rng.below(5) {
        0 => format!(
            "The work dates this to {year}; other accounts give {}.",
            year + 1
        ),
        1 => "The month is that of signature, not of ratification.".to_owned(),
        2 => format!(
            "Some accounts name {} as the lead negotiator.",
            rng.pick(&ACTORS).name
        ),
        3 => {
            "Figures are as the work gives them; they were not checked against official statistics."
                .to_owned()
        }
        _ => format!(
            "The archive reference reads \"MFA\\{year}\\{}\".",
            rng.range(1, 999)
        ),
    }
}
