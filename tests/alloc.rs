//! Memory is a feature: a regression test on what loading costs. A
//! counting allocator (around the system's) records the heap's peak while
//! a synthetic case of 100,000 events is loaded and indexed; the test fails
//! past a stated budget, so that a saving cannot quietly rot.
//!
//! Its own test binary, because a program has one global allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use waltz::case::index::Case;
use waltz::case::{load, synth};

/// Heap in use now, and the most since the last reset.
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

struct Counting;

// SAFETY: every call is passed to the system allocator unchanged; the
// counters only watch.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's promises are the system allocator's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grow(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(p, layout) };
        NOW.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        // SAFETY: as above.
        let q = unsafe { System.realloc(p, layout, size) };
        if !q.is_null() {
            if size > layout.size() {
                grow(size - layout.size());
            } else {
                NOW.fetch_sub(layout.size() - size, Relaxed);
            }
        }
        q
    }
}

fn grow(by: usize) {
    let now = NOW.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MIB: usize = 1 << 20;

/// The budget for loading and indexing 100,000 synthetic events from
/// their file of 74 MB: everything the heap holds at its peak. The file is
/// read a window at a time and its texts packed, so the file's text is never
/// held whole. Measured at 96 MiB when this was written; it was 149 MiB
/// over the file's text (223 MiB in all) when every text was a copy, and 68 MiB
/// over it (142 MiB in all) when texts pointed into the file held whole.
const BUDGET: usize = 110 * MIB;

#[test]
fn loading_and_indexing_a_hundred_thousand_events_stays_within_its_budget() {
    let mut text = Vec::new();
    synth::write(&mut text, 100_000, 2_000, 1998).unwrap();
    let path = std::env::temp_dir().join(format!("waltz-alloc-{}.ron", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    drop(text);
    let base = NOW.load(Relaxed);
    PEAK.store(base, Relaxed);
    let loaded = load::from_path(&path);
    std::fs::remove_file(&path).ok();
    let case = Case::new(loaded.unwrap().dataset);
    let peak = PEAK.load(Relaxed) - base;
    let kept = NOW.load(Relaxed) - base;
    assert_eq!(case.data.events.len(), 100_000);
    assert!(
        peak <= BUDGET,
        "loading took {} MiB at its peak (the case keeps {} MiB); the budget is {} MiB",
        peak / MIB,
        kept / MIB,
        BUDGET / MIB
    );
}
