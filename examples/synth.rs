//! Write a synthetic case study to standard output, for measuring waltz on
//! large datasets:
//!
//! ```sh
//! cargo run --release --example synth -- --events 100000 > big.ron
//! cargo run --release -- check big.ron
//! ```
//!
//! The same flags always give the same bytes, on any machine, so a figure
//! measured on a generated file can be reproduced from the command that made
//! it. The generator itself is the crate's `case::synth` (the `synth` feature),
//! shared with the benchmarks and the tests.

use waltz::case::model::MAX_RECORDS;
use waltz::case::synth;

use std::io::{self, BufWriter, ErrorKind, Write};
use std::process::ExitCode;

/// The seed when none is given: the first year of the shipped case.
const DEFAULT_SEED: u64 = 1998;
/// The number of events when none is given.
const DEFAULT_EVENTS: usize = 1000;
/// A ceiling that keeps a typo from filling the disk: ten million events is
/// several gigabytes, far beyond what the loader accepts (256 MiB).
const MAX_EVENTS: usize = 10_000_000;

const USAGE: &str = "\
Write a synthetic waltz dataset (RON) to standard output.

Usage: synth [--events N] [--seed S] [--factors N]

Options:
  --events N    number of events, 1 to 10000000 (default 1000)
  --seed S      seed of the pseudo-random generator (default 1998);
                the same flags always give the same file
  --factors N   number of factors, 3 to 10000, the most a case may hold
                (default: events / 50, at least 12)
  -h, --help    print this help

Example:
  cargo run --release --example synth -- --events 100000 > big.ron
";

/// What the command line asks for.
struct Args {
    events: usize,
    seed: u64,
    factors: Option<usize>,
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("synth: {message}\nTry `synth --help`.");
            return ExitCode::from(2);
        }
    };
    let factors = args
        .factors
        .unwrap_or((args.events / 50).clamp(12, MAX_RECORDS));

    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = synth::write(&mut out, args.events, factors, args.seed).and_then(|()| out.flush());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `synth | head` closes the pipe early; that is not a failure.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: cannot write the dataset: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Parse the arguments (without the program name). `Ok(None)` asks for the
/// help; `Err` carries a message for standard error. Both `--flag value` and
/// `--flag=value` are accepted; a repeated flag takes its last value.
fn parse(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args {
        events: DEFAULT_EVENTS,
        seed: DEFAULT_SEED,
        factors: None,
    };
    while let Some(arg) = argv.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        if !matches!(flag.as_str(), "--events" | "--seed" | "--factors") {
            return Err(format!("unknown argument `{arg}`"));
        }
        let value = match inline.or_else(|| argv.next()) {
            Some(value) => value,
            None => return Err(format!("`{flag}` needs a value")),
        };
        match flag.as_str() {
            "--events" => {
                let n = number(&flag, &value)?;
                if !(1..=MAX_EVENTS).contains(&n) {
                    return Err(format!("`--events` must be 1 to {MAX_EVENTS}, not {n}"));
                }
                args.events = n;
            }
            "--factors" => {
                let n = number(&flag, &value)?;
                if !(3..=MAX_RECORDS).contains(&n) {
                    return Err(format!(
                        "`--factors` must be 3 (one per level) to {MAX_RECORDS}, not {n}"
                    ));
                }
                args.factors = Some(n);
            }
            _ => args.seed = number(&flag, &value)?,
        }
    }
    Ok(Some(args))
}

/// `value` as a whole number, or a message naming the flag.
fn number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("`{flag}` needs a whole number, not `{value}`"))
}
