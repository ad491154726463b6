//! What the core's benchmarks share: a workspace on a real temporary file
//! with the app's settings, posts to fill it, and percentiles of timings.

// Each bench uses its own part of this module.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use tribu_core::model::{PostFormat, PostInput, PostStatus};
use tribu_core::Store;

/// The `p` percentile (0 to 1) of `samples`, in milliseconds.
pub fn percentile(samples: &mut [Duration], p: f64) -> f64 {
    samples.sort();
    let idx = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[idx].as_secs_f64() * 1000.0
}

/// `store` opened afresh, as the app meets a workspace, not in the process
/// state the seeding left behind.
pub fn reopened(store: Store) -> Store {
    let path = store.path().to_path_buf();
    drop(store);
    Store::open(&path).expect("reopen")
}

/// Times `count` drops as the calendar makes them: posts spread over `ids`,
/// each moved to a day of 2025–2027 keeping its time, until committed.
pub fn time_drops(store: &mut Store, ids: &[String], count: usize) -> Vec<Duration> {
    let paris = tribu_core::time::parse_zone("Europe/Paris").expect("zone");
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    let mut moves = Vec::new();
    for (n, id) in ids.iter().step_by((ids.len() / count).max(1)).enumerate() {
        let day = start
            .checked_add_days(Days::new((n * 3 % 1000) as u64))
            .expect("day");
        let t = Instant::now();
        store.move_post(id, day, None, paris).expect("move");
        moves.push(t.elapsed());
    }
    moves
}

/// A new workspace in a temporary folder (kept alive by the returned guard)
/// and the ids of its first `networks` built-in networks.
pub fn bench_store(networks: usize) -> (tempfile::TempDir, Store, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("bench.tribu")).expect("store");
    let ids = store
        .networks()
        .expect("networks")
        .into_iter()
        .take(networks)
        .map(|n| n.id)
        .collect();
    (dir, store, ids)
}

/// Post number `i` of a benchmark workspace: on `networks` in turn, on
/// `day` at varied hours (07:00 to 20:59), Paris time, one of 12 themes.
pub fn sample_post(i: usize, networks: &[String], day: NaiveDate, status: PostStatus) -> PostInput {
    PostInput {
        title: format!("Post {i}"),
        body: "Lorem ipsum dolor sit amet, consectetur adipiscing elit.".into(),
        network_id: networks[i % networks.len()].clone(),
        format: PostFormat::Photo,
        status,
        date: Some(day.to_string()),
        time: Some(format!("{:02}:{:02}", 7 + i % 14, (i * 7) % 60)),
        zone: Some("Europe/Paris".into()),
        theme: format!("theme {}", i % 12),
        campaign: String::new(),
        notes: String::new(),
        asset_links: vec![],
        reminder_minutes: None,
        rrule: None,
    }
}

/// Seeds `count` posts over three years from `start` (~91 a day at
/// 100,000); those before `published_before` are published, the others
/// drafts. Returns their ids.
pub fn seed_posts_from(
    store: &mut Store,
    networks: &[String],
    count: usize,
    start: NaiveDate,
    published_before: Option<NaiveDate>,
) -> Vec<String> {
    let inputs: Vec<PostInput> = (0..count)
        .map(|i| {
            let day = start
                .checked_add_days(Days::new((i % 1095) as u64))
                .unwrap();
            let published = published_before.is_some_and(|p| day < p);
            let status = if published {
                PostStatus::Published
            } else {
                PostStatus::Draft
            };
            sample_post(i, networks, day, status)
        })
        .collect();
    let seeded = Instant::now();
    let ids = store.create_posts(&inputs).expect("seed");
    eprintln!(
        "seeded {count} posts in {:.1} s",
        seeded.elapsed().as_secs_f64()
    );
    ids
}

/// Seeds `count` draft posts over three years from 1 January 2025.
pub fn seed_posts(store: &mut Store, networks: &[String], count: usize) -> Vec<String> {
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    seed_posts_from(store, networks, count, start, None)
}
