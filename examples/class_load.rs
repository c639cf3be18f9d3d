//! A class under load: starts `waltz serve` (the release binary), connects
//! N scripted students over SSH, and has each press a key every 100 ms for
//! S seconds, timing each key until its frame arrives. Prints the key →
//! frame latencies, the sessions lost, and the server's memory.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example class_load -- --sessions 100 --seconds 30
//! ```

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use waltz::front::serve::student::Student;

struct Args {
    sessions: usize,
    seconds: u64,
    binary: String,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        sessions: 100,
        seconds: 30,
        binary: "target/release/waltz".into(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--sessions" => {
                a.sessions = value()?.parse().map_err(|e| format!("--sessions: {e}"))?
            }
            "--seconds" => a.seconds = value()?.parse().map_err(|e| format!("--seconds: {e}"))?,
            "--binary" => a.binary = value()?,
            "--help" | "-h" => {
                return Err(
                    "usage: class_load [--sessions N] [--seconds S] [--binary PATH]".into(),
                );
            }
            other => return Err(format!("unknown flag {other}; --help lists them")),
        }
    }
    Ok(a)
}

/// Peak and current resident memory of process `pid`, in KiB.
fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn main() {
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let key = std::env::temp_dir().join(format!("waltz-load-key-{}", std::process::id()));
    let mut server = Command::new(&args.binary)
        .args(["serve", "--listen", "127.0.0.1:0", "--max-sessions"])
        .arg((args.sessions + 10).to_string())
        .arg("--host-key")
        .arg(&key)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e} (cargo build --release first)", args.binary));
    let stdout = server.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines.next().expect("the server started").expect("a line");
        if let Some(a) = line.trim().strip_prefix("listening") {
            break a.trim().to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let (_, idle_rss) = memory(server.id());

    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let (latencies, lost) = runtime.block_on(async {
        let mut joins = Vec::new();
        for i in 0..args.sessions {
            let addr = addr.clone();
            let seconds = args.seconds;
            joins.push(tokio::spawn(async move {
                let mut s = Student::connect(&addr, &format!("s{i}"), None, 80, 24)
                    .await
                    .ok()?;
                if !s.wait_for("Timeline", Duration::from_secs(30)).await {
                    return None;
                }
                let mut times = Vec::new();
                let end = Instant::now() + Duration::from_secs(seconds);
                let mut tick = tokio::time::interval(Duration::from_millis(100));
                let mut down = true;
                while Instant::now() < end {
                    tick.tick().await;
                    let key: &[u8] = if down { b"j" } else { b"k" };
                    down = !down;
                    s.drain().await;
                    let sent = Instant::now();
                    s.send(key).await.ok()?;
                    if !s.next_frame(Duration::from_secs(5)).await {
                        return None;
                    }
                    times.push(sent.elapsed());
                }
                Some(times)
            }));
            // Students arrive over a second or so, as a room does.
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let mut all = Vec::new();
        let mut lost = 0;
        for j in joins {
            match j.await.ok().flatten() {
                Some(times) => all.extend(times),
                None => lost += 1,
            }
        }
        (all, lost)
    });
    let (peak, _) = memory(server.id());
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_file(&key);

    let mut ms: Vec<f64> = latencies.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| {
        ms.get(((ms.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(f64::NAN)
    };
    println!(
        "{} sessions, a key every 100 ms for {} s: {} keys",
        args.sessions,
        args.seconds,
        ms.len()
    );
    println!(
        "key → frame: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        at(0.5),
        at(0.99),
        at(1.0)
    );
    println!("sessions lost: {lost}");
    println!(
        "server memory: {:.1} MiB idle, {:.1} MiB peak ({:.2} MiB per session over idle)",
        idle_rss as f64 / 1024.0,
        peak as f64 / 1024.0,
        (peak.saturating_sub(idle_rss)) as f64 / 1024.0 / args.sessions as f64
    );
}
