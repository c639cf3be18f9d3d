//! Memory is a feature: a regression test on what loading costs. A
//! counting allocator (around the system's) records the heap's peak while
//! a case is loaded and indexed: a synthetic case of 100,000 events, and a
//! million events of a line each, where what every event costs beside its
//! text shows. Each test fails past a stated budget, so that a saving
//! cannot quietly rot.
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
/// held whole. Measured at 68 MiB when this was last tightened, with what
/// an event names and may add held as four-byte items in one block per
/// stretch of events (81 MiB with each event's names in a list of its own
/// and the fields it may leave out in a box, 86 MiB with a link of 40
/// bytes, 90 MiB before lists that are the same were shared, 96 MiB when an
/// event was 256 bytes); it was 149 MiB over the file's text (223
/// MiB in all) when every text was a copy, and 68 MiB over it (142 MiB in
/// all) when texts pointed into the file held whole.
const BUDGET: usize = 75 * MIB;

/// The budget for a million events of one line each (62 MB), each with a
/// title, a summary and one factor: what an event costs beside its text.
/// Measured at 118 MiB when this was last tightened, with the one-link
/// lists that are the same shared and an event of 72 bytes (127 MiB at 80
/// bytes; 120 MiB with records that are the same shared in a block);
/// 198 MiB when
/// this was written, 380 MiB when an event was 256 bytes and event ids
/// were checked with a map of strings.
const TINY_BUDGET: usize = 130 * MIB;

/// The heap's peak while the case in `text` is loaded from a file and
/// indexed, with what the case keeps, and how many events it has.
fn load_and_index(text: Vec<u8>) -> (usize, usize, usize) {
    let path = std::env::temp_dir().join(format!(
        "waltz-alloc-{}-{}.ron",
        std::process::id(),
        text.len()
    ));
    std::fs::write(&path, &text).unwrap();
    drop(text);
    let base = NOW.load(Relaxed);
    PEAK.store(base, Relaxed);
    let loaded = load::from_path(&path);
    std::fs::remove_file(&path).ok();
    let case = Case::new(loaded.unwrap().dataset);
    let (peak, kept) = (PEAK.load(Relaxed) - base, NOW.load(Relaxed) - base);
    (peak, kept, case.data.events.len())
}

/// One test at a time, from before it makes its case: the counters are
/// the whole process's.
fn turn() -> std::sync::MutexGuard<'static, ()> {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

fn within(budget: usize, (peak, kept): (usize, usize)) {
    assert!(
        peak <= budget,
        "loading took {} MiB at its peak (the case keeps {} MiB); the budget is {} MiB",
        peak / MIB,
        kept / MIB,
        budget / MIB
    );
}

#[test]
fn loading_and_indexing_a_hundred_thousand_events_stays_within_its_budget() {
    let _turn = turn();
    let mut text = Vec::new();
    synth::write(&mut text, 100_000, 2_000, 1998).unwrap();
    let (peak, kept, events) = load_and_index(text);
    assert_eq!(events, 100_000);
    within(BUDGET, (peak, kept));
}

#[test]
fn a_million_events_of_a_line_each_stay_within_their_budget() {
    let _turn = turn();
    let mut text = String::from(
        "(title: \"T\", source: \"S\", period: (2000, 2010), factors: [(id: \"f\", \
         level: Individual, effect: Enabler, name: \"F\", summary: \"s\")], events: [\n",
    );
    for i in 0..1_000_000 {
        use std::fmt::Write;
        writeln!(
            text,
            "(id: \"e{i}\", year: 2001, title: \"t\", summary: \"s\", factors: [\"f\"]),"
        )
        .unwrap();
    }
    text.push_str("])\n");
    let (peak, kept, events) = load_and_index(text.into_bytes());
    assert_eq!(events, 1_000_000);
    within(TINY_BUDGET, (peak, kept));
}
