//! How long it takes to get from text to a case the explorer can show:
//! loading the embedded case study, loading a 10,000-event synthetic one
//! (parse, sanitize, validate, sort), and indexing it.
//!
//! The synthetic text comes from the same generator as
//! `cargo run --release --example synth -- --events 10000 --seed 1998`, so
//! the file measured here can be written out and inspected.
//!
//! Run with `cargo bench --bench waltz -- load/`.

use waltz::case::synth;

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput};
use waltz::case::index::Case;
use waltz::case::load;

/// The size of the synthetic case: a hundred times the shipped one, and
/// what a course might plausibly collect over years.
const EVENTS: usize = 10_000;
/// The example's defaults for that size.
const FACTORS: usize = EVENTS / 50;
const SEED: u64 = 1998;

fn synthetic() -> String {
    let mut bytes = Vec::new();
    synth::write(&mut bytes, EVENTS, FACTORS, SEED).expect("writing to a Vec");
    String::from_utf8(bytes).expect("the generator writes UTF-8")
}

/// Part of the `load` benchmarks.
pub fn embedded(c: &mut Criterion) {
    let mut group = c.benchmark_group("load/embedded");
    group.bench_function("load", |b| {
        b.iter(|| load::embedded().expect("the embedded case loads"))
    });
    group.bench_function("load+index", |b| {
        b.iter(|| Case::new(load::embedded().expect("the embedded case loads").dataset))
    });
    group.finish();
}

/// Part of the `load` benchmarks.
pub fn synthetic_10k(c: &mut Criterion) {
    let text = synthetic();
    let dataset = load::from_str("synth.ron", &text)
        .expect("the synthetic case loads")
        .dataset;

    let mut group = c.benchmark_group("load/synthetic-10k");
    // Each iteration takes tens of milliseconds: a few samples are enough
    // and keep the whole run to well under a minute.
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("load", |b| {
        b.iter(|| load::from_str("synth.ron", black_box(&text)).expect("loads"))
    });
    // `Case::new` takes the dataset by value: clone it outside the timing.
    group.throughput(Throughput::Elements(EVENTS as u64));
    group.bench_function("index", |b| {
        b.iter_batched(|| dataset.clone(), Case::new, BatchSize::LargeInput)
    });
    group.finish();
}

/// The whole wait for a 100,000-event file: read, parse, check and index,
/// from the file on disk, as `waltz --data big.ron` does before its first
/// frame.
/// Part of the `load` benchmarks.
pub fn synthetic_100k(c: &mut Criterion) {
    let mut bytes = Vec::new();
    synth::write(&mut bytes, 100_000, 2_000, SEED).expect("writing to a Vec");
    let path = std::env::temp_dir().join(format!("waltz-bench-100k-{}.ron", std::process::id()));
    std::fs::write(&path, &bytes).expect("a temporary file");
    let mut group = c.benchmark_group("load/synthetic-100k");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("load+index", |b| {
        b.iter(|| Case::new(load::from_path(black_box(&path)).expect("loads").dataset))
    });
    group.finish();
    let _ = std::fs::remove_file(&path);
}
