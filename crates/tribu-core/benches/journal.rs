//! The journal's figures for BENCHMARKS.md, on a real SQLite file with the
//! app's settings (WAL, synchronous=FULL):
//! - a drop (move → committed, journal entry included) on a 100,000-post
//!   workspace, at p50 / p95; compare with the `storage` bench of a build
//!   without the journal, run alternately in the same session;
//! - undoing (and redoing) a CSV import of 10,000 values in one step.
//!
//! Run: `cargo bench -p tribu-core --bench journal` (prints Markdown rows).

mod common;

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use tribu_core::kpi::{Metric, ObservationInput, ObservationSource};

const POSTS: usize = 100_000;
const IMPORT: usize = 10_000;
const UNDO_RUNS: usize = 7;

fn main() {
    let (_dir, mut store, networks) = common::bench_store(usize::MAX);
    let ids = common::seed_posts(&mut store, &networks, POSTS);
    let mut store = common::reopened(store);

    let mut moves = common::time_drops(&mut store, &ids, 300);
    let mut undos = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        store.undo(None).unwrap();
        undos.push(t.elapsed());
    }

    // 10,000 values: 5 metrics × 4 networks × 500 days, a third of them
    // replacing a value typed before (the undo puts those back).
    let day0 = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let metrics = [
        Metric::Followers,
        Metric::Reach,
        Metric::Impressions,
        Metric::Reactions,
        Metric::Comments,
    ];
    let lines: Vec<ObservationInput> = (0..IMPORT)
        .map(|i| ObservationInput {
            day: (day0 + Days::new((i / 20) as u64)).to_string(),
            network_id: networks[i % 4].clone(),
            metric: metrics[(i / 4) % 5],
            value: (1000 + i) as f64,
            source: ObservationSource::Csv,
        })
        .collect();
    store.import_observations(&lines[..IMPORT / 3]).unwrap();
    let mut imports = Vec::new();
    let mut undo_import = Vec::new();
    let mut redo_import = Vec::new();
    for _ in 0..UNDO_RUNS {
        let t = Instant::now();
        store.import_observations(&lines).unwrap();
        imports.push(t.elapsed());
        let t = Instant::now();
        store.undo(None).unwrap();
        undo_import.push(t.elapsed());
        let t = Instant::now();
        store.redo().unwrap();
        redo_import.push(t.elapsed());
        store.undo(None).unwrap();
    }

    let row = |what: &str, samples: &mut Vec<Duration>| {
        let n = samples.len();
        println!(
            "| {what}, {n} runs | {:.2} ms | {:.2} ms | {:.2} ms |",
            common::percentile(samples, 0.5),
            common::percentile(samples, 0.95),
            common::percentile(samples, 1.0),
        );
    };
    println!("| journal, {POSTS} posts, release build | p50 | p95 | max |");
    println!("|---|---|---|---|");
    row(
        "drop persisted with its journal entry (move → committed)",
        &mut moves,
    );
    row("undo of a drop", &mut undos);
    row(
        &format!("import of {IMPORT} values (one action)"),
        &mut imports,
    );
    row(
        &format!("undo of that import ({IMPORT} values, one step)"),
        &mut undo_import,
    );
    row("redo of that import", &mut redo_import);
}
