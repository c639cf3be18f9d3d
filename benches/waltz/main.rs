//! waltz's in-process benchmarks, one module per area: `load` (from text to
//! a case), `search` (typing in the finder) and `render` (frames and
//! start-up). `cargo bench --bench waltz` runs them all; a filter runs one
//! area (`cargo bench --bench waltz -- search/`).

mod load;
mod render;
mod search;

use criterion::{criterion_group, criterion_main};

// The binary's allocator, so that the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

criterion_group!(
    benches,
    load::embedded,
    load::synthetic_10k,
    load::synthetic_100k,
    search::typing,
    render::frames,
    render::startup,
);
criterion_main!(benches);
