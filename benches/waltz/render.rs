//! How long a frame takes to draw, and how long from start to the first
//! frame on the shipped case study.
//!
//! Frames are drawn into an off-screen buffer at 80×24 and 200×60 — the
//! work the program does per frame before the terminal writes the changes.
//!
//! Run with `cargo bench --bench waltz -- render/`.

use waltz::case::synth;

use std::hint::black_box;

use criterion::Criterion;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use waltz::case::index::Case;
use waltz::case::load;
use waltz::explorer::app::{App, Options};

fn app(case: Case, width: u16, height: u16) -> App {
    let mut app = App::new(case, Options::default());
    app.resize(width, height);
    app
}

/// Part of the `render` benchmarks.
pub fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("render/frame");
    let shipped = || Case::new(load::embedded().expect("loads").dataset);
    let mut bytes = Vec::new();
    synth::write(&mut bytes, 100_000, 2_000, 1998).expect("writing to a Vec");
    let big = Case::new(
        load::from_str("synth.ron", std::str::from_utf8(&bytes).expect("UTF-8"))
            .expect("loads")
            .dataset,
    );
    for (name, case) in [("shipped", shipped()), ("100k", big)] {
        for (w, h) in [(80, 24), (200, 60)] {
            let app = app(case.clone(), w, h);
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            group.bench_function(format!("{name} {w}x{h}"), |b| {
                b.iter(|| {
                    buf.reset();
                    waltz::explorer::view::draw_into(black_box(&app), area, &mut buf);
                })
            });
        }
    }
    group.finish();
}

/// From nothing to the first frame at 80×24: load the embedded case, index
/// it, build the app and draw.
/// Part of the `render` benchmarks.
pub fn startup(c: &mut Criterion) {
    c.bench_function("startup to first frame (shipped, 80x24)", |b| {
        b.iter(|| {
            let case = Case::new(load::embedded().expect("loads").dataset);
            let app = app(case, 80, 24);
            let area = Rect::new(0, 0, 80, 24);
            let mut buf = Buffer::empty(area);
            waltz::explorer::view::draw_into(&app, area, &mut buf);
            buf
        })
    });
}
