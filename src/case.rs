//! The domain: a case study as data, with no terminal in sight.
//!
//! `model` is the schema; `load` turns a file into a checked dataset;
//! `index` resolves its references; `search`, `balance` and `quiz` compute
//! what the explorer and the command line show.

pub mod balance;
pub mod class;
pub mod diagnostic;
pub mod index;
pub mod load;
pub mod locate;
pub mod memory;
pub mod model;
pub mod quiz;
pub mod rng;
pub mod sanitize;
pub mod search;
#[cfg(feature = "synth")]
pub mod synth;
pub mod text;

/// How many threads the heavy work of a large case (reading, searching)
/// shares: one per core, up to eight.
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
}
