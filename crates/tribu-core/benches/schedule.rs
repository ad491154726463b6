//! Scheduling figures for BENCHMARKS.md, on a real SQLite file with the app's
//! settings (WAL, synchronous=FULL), 100,000 planned posts:
//! - `next_due(now)` at p50 / p95 over 200 calls, `now` walking across the
//!   three years (the notices due before each `now` are taken first, as the
//!   app's scheduler does, so the front of the queue moves);
//! - `take_due` for those steps, and a change of the default lead time
//!   (every post's next notice recomputed), for scale.
//!
//! Run: `cargo bench -p tribu-core --bench schedule` (prints Markdown rows).

mod common;

use std::time::Instant;

use chrono::{Days, NaiveDate};
use tribu_core::model::{PostInput, PostStatus};

const POSTS: usize = 100_000;
const SERIES: usize = 20;
const CALLS: usize = 200;

fn main() {
    let (_dir, mut store, networks) = common::bench_store(usize::MAX);
    let start = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    // 100,000 scheduled posts over three years (~91 a day), at varied hours;
    // one in ten with its own lead time; plus weekly recurring posts.
    let inputs: Vec<PostInput> = (0..POSTS + SERIES)
        .map(|i| {
            let day = start
                .checked_add_days(Days::new((i % 1095) as u64))
                .unwrap();
            PostInput {
                reminder_minutes: (i % 10 == 0).then_some(((i / 10) % 120) as u32),
                rrule: (i >= POSTS).then(|| "FREQ=WEEKLY".to_string()),
                ..common::sample_post(i, &networks, day, PostStatus::Scheduled)
            }
        })
        .collect();
    let seeded = Instant::now();
    store.create_posts(&inputs).expect("seed");
    eprintln!(
        "seeded {} posts in {:.1} s",
        inputs.len(),
        seeded.elapsed().as_secs_f64()
    );

    let first = start.and_hms_opt(0, 0, 0).unwrap().and_utc();
    let span = chrono::Duration::days(1095);
    let mut next = Vec::new();
    let mut takes = Vec::new();
    let mut taken = 0;
    for i in 0..CALLS {
        let now = first + span * i as i32 / CALLS as i32;
        let t = Instant::now();
        taken += store.take_due(now).unwrap().len();
        takes.push(t.elapsed());
        let t = Instant::now();
        let item = store.next_due(now).unwrap();
        next.push(t.elapsed());
        assert!(item.is_some(), "something is always planned ahead");
    }

    let t = Instant::now();
    store.set_reminder_lead_minutes(45).unwrap();
    let relead = t.elapsed();

    println!("| scheduling, {POSTS} posts + {SERIES} weekly series, release build | p50 | p95 |");
    println!("|---|---|---|");
    println!(
        "| next due notice (`next_due`), {} calls | {:.3} ms | {:.3} ms |",
        next.len(),
        common::percentile(&mut next, 0.5),
        common::percentile(&mut next, 0.95)
    );
    println!(
        "| taking what came due (`take_due`, ~{} notices a call), {} calls | {:.1} ms | {:.1} ms |",
        taken / CALLS,
        takes.len(),
        common::percentile(&mut takes, 0.5),
        common::percentile(&mut takes, 0.95)
    );
    println!(
        "| default lead changed (all next notices recomputed), once | {:.0} ms | |",
        relead.as_secs_f64() * 1000.0
    );
}
