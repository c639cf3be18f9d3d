//! The speed table, reproduced in one command: makes synthetic cases of
//! 10,000, 100,000 and 1,000,000 events, and runs `waltz search` beside
//! `fzf --filter` (given exactly the text waltz searches, one record per
//! line, the first 50 results as `| head -50` takes them) on the same
//! queries in the same run, taking turns, then `waltz check`. Prints medians, the ratio
//! to fzf and each process's peak memory as a Markdown table with the date
//! and the machine. Without fzf on the PATH it says so and prints waltz's
//! figures alone.
//!
//! A synthetic case of a million events is larger than the 256 MiB a
//! dataset may be: its row says so (the refusal is timed too), and a case
//! of a million small events (81 MB) shows how the time and memory grow.
//! Files are made by child processes, so that this process stays small
//! and each measured process's peak memory is its own.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example race                  # 10k, 100k and 1M
//! cargo run --release --example race -- --sizes 10000,100000 --runs 5
//! ```

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use waltz::case::index::Case;
use waltz::case::search::Corpus;
use waltz::case::synth;

const QUERIES: [&str; 3] = ["musharaf", "gas pipeline", "putin"];

struct Args {
    sizes: Vec<usize>,
    runs: usize,
    binary: PathBuf,
    dir: PathBuf,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        sizes: vec![10_000, 100_000, 1_000_000],
        runs: 9,
        binary: PathBuf::from("target/release/waltz"),
        dir: std::env::temp_dir().join("waltz-race"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--sizes" => {
                a.sizes = value()?
                    .split(',')
                    .map(|s| s.trim().parse().map_err(|e| format!("--sizes: {e}")))
                    .collect::<Result<_, _>>()?
            }
            "--runs" => a.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--binary" => a.binary = value()?.into(),
            "--dir" => a.dir = value()?.into(),
            "--help" | "-h" => {
                return Err(
                    "usage: race [--sizes 10000,100000,1000000] [--runs N] [--binary PATH] [--dir DIR]".into(),
                );
            }
            other => return Err(format!("unknown flag {other}; --help lists them")),
        }
    }
    Ok(a)
}

/// One run of a process: its wall time and peak memory (MiB).
#[derive(Clone, Copy)]
struct Run {
    time: Duration,
    mib: f64,
}

/// Run `command` with `stdin` from a file (if any), reading at most
/// `lines` lines of its output (as `| head` does) before closing it.
fn run(mut command: Command, stdin: Option<&Path>, lines: Option<usize>) -> Run {
    command.stdout(Stdio::piped()).stderr(Stdio::null());
    if let Some(path) = stdin {
        command.stdin(std::fs::File::open(path).expect("the input"));
    }
    let started = Instant::now();
    #[allow(clippy::zombie_processes)] // reaped by wait4 below
    let mut child = command.spawn().expect("the program runs");
    let out = BufReader::new(child.stdout.take().expect("stdout"));
    let wanted = lines.unwrap_or(usize::MAX);
    // Read what `head` would, then close the pipe as `head` does.
    for _ in out.lines().take(wanted) {}
    let mut status = 0;
    // SAFETY: a zeroed rusage is valid for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: our own child, valid pointers.
    unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let _ = std::process::ExitStatus::from_raw(status);
    Run {
        time: started.elapsed(),
        mib: usage.ru_maxrss as f64 / 1024.0,
    }
}

/// The median run (by time) of `n`, and the largest peak.
fn median(n: usize, mut once: impl FnMut() -> Run) -> Run {
    summary((0..n.max(1)).map(|_| once()).collect())
}

/// The median time of `runs` and the highest peak among them.
fn summary(mut runs: Vec<Run>) -> Run {
    runs.sort_by_key(|r| r.time);
    let peak = runs.iter().map(|r| r.mib).fold(0.0, f64::max);
    Run {
        time: runs[runs.len() / 2].time,
        mib: peak,
    }
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!("{cores} cores, {cpu}")
}

/// The child processes' work: write a synthetic case, or the records of
/// a case one per line. True when this process was one of them.
fn child_work() -> bool {
    let argv: Vec<String> = std::env::args().collect();
    match argv.get(1).map(String::as_str) {
        Some("--write-case") => {
            let events: usize = argv[2].parse().expect("a number");
            let mut out = BufWriter::new(std::fs::File::create(&argv[3]).expect("a file"));
            synth::write(&mut out, events, (events / 50).max(12), 1998).expect("written");
            out.flush().expect("written");
            true
        }
        Some("--write-records") => {
            let loaded = waltz::case::load::from_path(Path::new(&argv[2])).expect("the case loads");
            let case = Case::new(loaded.dataset);
            let mut out = BufWriter::new(std::fs::File::create(&argv[3]).expect("a file"));
            for record in Corpus::new(&case).records {
                writeln!(out, "{}", record.line()).expect("written");
            }
            out.flush().expect("written");
            true
        }
        _ => false,
    }
}

/// A case of `events` small events (one factor, a word of text each),
/// written as it goes.
fn write_small(events: usize, path: &Path) {
    let mut out = BufWriter::new(std::fs::File::create(path).expect("a file"));
    write!(
        out,
        "(title:\"Small\",source:\"Synthetic\",period:(2000,2010),factors:[(id:\"f\",level:Individual,effect:Enabler,name:\"Putin's rapport\",summary:\"s\")],events:["
    )
    .expect("written");
    for i in 0..events {
        writeln!(
            out,
            "(id:\"e{i}\",year:{},title:\"Gas pipeline talk {i}\",summary:\"s\",factors:[\"f\"]),",
            2000 + i % 11
        )
        .expect("written");
    }
    writeln!(out, "])").expect("written");
    out.flush().expect("written");
}

/// Make a file by running this program as a child with `args`.
fn in_child(args: &[&str]) {
    let me = std::env::current_exe().expect("this program");
    let status = Command::new(me).args(args).status().expect("a child");
    assert!(status.success(), "{args:?}");
}

fn main() {
    if child_work() {
        return;
    }
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    if !args.binary.exists() {
        eprintln!(
            "{}: not found (cargo build --release first)",
            args.binary.display()
        );
        std::process::exit(2);
    }
    let fzf = Command::new("fzf")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    std::fs::create_dir_all(&args.dir).expect("the scratch folder");
    let date = Command::new("date")
        .arg("-u")
        .arg("+%Y-%m-%d")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    println!(
        "Race of {date} on {}; medians of {} runs.",
        machine(),
        args.runs
    );
    match &fzf {
        Some(v) => {
            println!("fzf {v} is given the same records, one per line, and read to 50 lines.\n")
        }
        None => println!("fzf is not installed: waltz's figures alone.\n"),
    }
    println!("| events | file | what | waltz | peak | fzf | peak | waltz / fzf |");
    println!("|---:|---:|---|---:|---:|---:|---:|---:|");
    let mut cases: Vec<(String, PathBuf)> = Vec::new();
    for &events in &args.sizes {
        let path = args.dir.join(format!("case-{events}.ron"));
        if !path.exists() {
            in_child(&[
                "--write-case",
                &events.to_string(),
                path.to_str().expect("a path"),
            ]);
        }
        cases.push((events.to_string(), path));
    }
    if args.sizes.iter().any(|&n| n >= 1_000_000) {
        let path = args.dir.join("small-1000000.ron");
        if !path.exists() {
            write_small(1_000_000, &path);
        }
        cases.push(("1000000 small".into(), path));
    }
    for (events, case_path) in &cases {
        let size = std::fs::metadata(case_path).map_or(0, |m| m.len()) as f64 / 1048576.0;
        if size > waltz::case::load::MAX_BYTES as f64 / 1048576.0 {
            let refused = median(args.runs, || {
                let mut c = Command::new(&args.binary);
                c.arg("check").arg(case_path);
                run(c, None, None)
            });
            println!(
                "| {events} | {size:.0} MB | check: refused, over the 256 MiB cap | {} | {:.0} MiB | | | |",
                secs(refused.time),
                refused.mib
            );
            continue;
        }
        let text_path = case_path.with_extension("records.txt");
        if !text_path.exists() {
            in_child(&[
                "--write-records",
                case_path.to_str().expect("a path"),
                text_path.to_str().expect("a path"),
            ]);
        }
        for query in QUERIES {
            // The two take turns, so that both meet the machine (its
            // caches, its free memory) in the same state.
            let (mut ours, mut others) = (Vec::new(), Vec::new());
            for _ in 0..args.runs.max(1) {
                let mut c = Command::new(&args.binary);
                c.args(["search", "--data"])
                    .arg(case_path)
                    .args(["--limit", "50", query]);
                ours.push(run(c, None, None));
                if fzf.is_some() {
                    let mut c = Command::new("fzf");
                    c.args(["--filter", query]);
                    others.push(run(c, Some(&text_path), Some(50)));
                }
            }
            let waltz = summary(ours);
            let theirs = fzf.as_ref().map(|_| summary(others));
            let (f_time, f_mib, ratio) = match theirs {
                Some(t) => (
                    secs(t.time),
                    format!("{:.0} MiB", t.mib),
                    format!("{:.2}×", waltz.time.as_secs_f64() / t.time.as_secs_f64()),
                ),
                None => ("—".into(), "—".into(), "—".into()),
            };
            println!(
                "| {events} | {size:.0} MB | search `{query}` | {} | {:.0} MiB | {f_time} | {f_mib} | {ratio} |",
                secs(waltz.time),
                waltz.mib
            );
        }
        let check = median(args.runs, || {
            let mut c = Command::new(&args.binary);
            c.arg("check").arg(case_path);
            run(c, None, None)
        });
        println!(
            "| {events} | {size:.0} MB | check | {} | {:.0} MiB | | | |",
            secs(check.time),
            check.mib
        );
    }
}
