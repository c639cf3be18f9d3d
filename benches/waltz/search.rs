//! How fast the finder answers a person typing: "musharaf" (with its typo),
//! "gas pipeline" and "putin", one key at a time, over synthetic cases of
//! 100, 10,000 and 100,000 events.
//!
//! For each query three figures: the first key (a single letter matched
//! against every record — the slowest keystroke), the last key (narrowed
//! from the key before, as while typing), and the final query searched
//! from scratch (what a typist faster than the searches would wait for
//! after the last key, stale searches having been abandoned). Each includes
//! ranking the best results for display.
//!
//! Run with `cargo bench --bench waltz -- search/`.

use waltz::case::synth;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion};
use waltz::case::index::Case;
use waltz::case::load;
use waltz::case::search::worker::{SHOWN, ranked};
use waltz::case::search::{Corpus, Matcher, Matches, find};

const QUERIES: [&str; 3] = ["musharaf", "gas pipeline", "putin"];

fn case(events: usize) -> Case {
    let mut bytes = Vec::new();
    synth::write(&mut bytes, events, (events / 50).max(12), 1998).expect("writing to a Vec");
    let text = String::from_utf8(bytes).expect("UTF-8");
    Case::new(load::from_str("synth.ron", &text).expect("loads").dataset)
}

/// One keystroke: search (narrowed from `within` when given) and rank.
fn keystroke(matcher: &Matcher, corpus: &Corpus, query: &str, within: Option<&Matches>) -> usize {
    let matches = find(matcher, corpus, query, within, &|| false).expect("not cancelled");
    ranked(corpus, &matches, SHOWN).len()
}

/// Part of the `search` benchmarks.
pub fn typing(c: &mut Criterion) {
    for events in [100, 10_000, 100_000] {
        let case = case(events);
        let corpus = Corpus::new(&case);
        let matcher = Matcher::default();
        let mut group = c.benchmark_group(format!("search/search-{events}"));
        if events >= 100_000 {
            group.sample_size(10);
        }
        for query in QUERIES {
            let first = &query[..1];
            group.bench_with_input(BenchmarkId::new("first key", query), &first, |b, q| {
                b.iter(|| keystroke(&matcher, &corpus, black_box(q), None))
            });
            let before = &query[..query.len() - 1];
            let previous = find(&matcher, &corpus, before, None, &|| false).expect("done");
            group.bench_with_input(BenchmarkId::new("last key", query), &query, |b, q| {
                b.iter(|| keystroke(&matcher, &corpus, black_box(q), Some(&previous)))
            });
            group.bench_with_input(BenchmarkId::new("from scratch", query), &query, |b, q| {
                b.iter(|| keystroke(&matcher, &corpus, black_box(q), None))
            });
        }
        group.finish();
    }
}
