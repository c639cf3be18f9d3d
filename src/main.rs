//! The `waltz` binary: parse the command line and run what it asks for.

use std::process::ExitCode;

use clap::Parser;
use waltz::cli::{self, args::Cli};

// A faster allocator: a large case loads in about four fifths of the time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_huge_pages();
    cli::run(Cli::parse())
}

/// Turn transparent huge pages off for this process. The allocator asks
/// for them, and a fault on one clears 2 MiB at once: with them, a case of
/// 100,000 events took about 30 MiB more, and how long it took to load
/// swung with whatever the machine had run just before (`examples/race.rs`
/// measures both).
#[cfg(target_os = "linux")]
fn no_huge_pages() {
    // SAFETY: this prctl takes plain integers and touches no memory of
    // ours; if the kernel refuses, huge pages simply stay on.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn no_huge_pages() {}
