//! Storage figures for BENCHMARKS.md, on a real SQLite file with the app's
//! settings (WAL, synchronous=FULL):
//! - a drop persisted (move → committed) at p50 / p95;
//! - a month range query on a 100,000-post workspace at p50 / p95.
//!
//! Run: `cargo bench -p tribu-core --bench storage` (prints Markdown rows).

mod common;

use std::time::Instant;

use chrono::NaiveDate;
use tribu_core::model::PostFilter;
use tribu_core::time::{local_to_utc, parse_zone};

const POSTS: usize = 100_000;

fn main() {
    let (_dir, mut store, networks) = common::bench_store(usize::MAX);
    let ids = common::seed_posts(&mut store, &networks, POSTS);

    let mut store = common::reopened(store);
    let paris = parse_zone("Europe/Paris").unwrap();
    let midnight = chrono::NaiveTime::MIN;
    let mut queries = Vec::new();
    let mut rows = 0;
    for m in 0..36u32 {
        let first = NaiveDate::from_ymd_opt(2025 + (m / 12) as i32, m % 12 + 1, 1).unwrap();
        let next = first.checked_add_months(chrono::Months::new(1)).unwrap();
        // The month grid shows six weeks; ask for the month itself like the list view.
        let (a, b) = (
            local_to_utc(first, midnight, paris).unwrap(),
            local_to_utc(next, midnight, paris).unwrap(),
        );
        for _ in 0..5 {
            let t = Instant::now();
            rows = store
                .posts_in_range(a, b, &PostFilter::default())
                .unwrap()
                .len();
            queries.push(t.elapsed());
        }
    }

    let mut moves = common::time_drops(&mut store, &ids, 300);

    println!("| storage, {POSTS} posts, release build | p50 | p95 |");
    println!("|---|---|---|");
    println!(
        "| month range query (~{rows} posts returned), {} runs | {:.2} ms | {:.2} ms |",
        queries.len(),
        common::percentile(&mut queries, 0.5),
        common::percentile(&mut queries, 0.95)
    );
    println!(
        "| drop persisted (move → committed, fsync), {} runs | {:.2} ms | {:.2} ms |",
        moves.len(),
        common::percentile(&mut moves, 0.5),
        common::percentile(&mut moves, 0.95)
    );
}
