//! Brand and backup figures for BENCHMARKS.md, on real files with the
//! app's settings:
//! - opening a 100,000-post workspace with its checks (header, application
//!   id, schema version, `quick_check`, the writer's lock), beside the
//!   checks alone and a bare SQLite open of the same file;
//! - `post_move` (drop → committed) while a backup of that workspace is
//!   taken in another thread, beside the same moves with no backup running.
//!
//! Run: `cargo bench -p tribu-core --bench brands` (prints Markdown rows).

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, Utc};
use tribu_core::backup::{self, BackupKind};
use tribu_core::store::{file_check, schema_version, Opening};
use tribu_core::time::parse_zone;
use tribu_core::Store;

const POSTS: usize = 100_000;
const OPENINGS: usize = 15;

fn main() {
    let (dir, mut store, networks) = common::bench_store(usize::MAX);
    let ids = common::seed_posts(&mut store, &networks, POSTS);
    let path = store.path().to_path_buf();
    drop(store);
    let size_mb = std::fs::metadata(&path).unwrap().len() as f64 / 1e6;
    let backups = dir.path().join("backups");
    let opening = Opening {
        backups: Some(backups.clone()),
        ..Opening::default()
    };

    // Opening, alternated with its parts so that the machine's drift falls
    // on all three alike.
    let (mut open, mut checks, mut bare) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..OPENINGS {
        let t = Instant::now();
        let store = Store::open_with(&path, &opening).unwrap();
        open.push(t.elapsed());
        drop(store);
        let t = Instant::now();
        file_check::inspect(&path, schema_version()).unwrap();
        checks.push(t.elapsed());
        let t = Instant::now();
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.query_row("SELECT count(*) FROM network", [], |r| r.get::<_, i64>(0))
            .unwrap();
        bare.push(t.elapsed());
        drop(conn);
    }

    // Moves with no backup, then moves while backups run back to back.
    let mut store = Store::open_with(&path, &opening).unwrap();
    let paris = parse_zone("Europe/Paris").unwrap();
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let mut n = 0usize;
    let mut move_one = |store: &mut Store| {
        let id = &ids[(n * 331) % ids.len()];
        let day = start
            .checked_add_days(Days::new((n * 7 % 1000) as u64))
            .unwrap();
        n += 1;
        let t = Instant::now();
        store.move_post(id, day, None, paris).unwrap();
        t.elapsed()
    };
    let mut quiet = Vec::new();
    for _ in 0..300 {
        quiet.push(move_one(&mut store));
        std::thread::sleep(Duration::from_millis(2));
    }
    let running = Arc::new(AtomicBool::new(true));
    let backup_thread = {
        let (running, path, backups) = (running.clone(), path.clone(), backups.clone());
        std::thread::spawn(move || {
            let mut taken = Vec::new();
            while running.load(Ordering::Relaxed) {
                let t = Instant::now();
                let info = backup::take(&path, &backups, BackupKind::Manual, Utc::now()).unwrap();
                taken.push(t.elapsed());
                std::fs::remove_file(backups.join(info.file)).unwrap();
            }
            taken
        })
    };
    let mut during = Vec::new();
    // Long enough for several whole backups.
    let until = Instant::now() + Duration::from_secs(6);
    while Instant::now() < until {
        during.push(move_one(&mut store));
        std::thread::sleep(Duration::from_millis(2));
    }
    running.store(false, Ordering::Relaxed);
    let mut taken = backup_thread.join().unwrap();

    println!("| brands, {POSTS} posts ({size_mb:.0} MB), release build | p50 | p95 |");
    println!("|---|---|---|");
    let row = |what: String, samples: &mut [Duration]| {
        println!(
            "| {what} | {:.1} ms | {:.1} ms |",
            common::percentile(samples, 0.5),
            common::percentile(samples, 0.95)
        );
    };
    row(
        format!("open with its checks and the lock, {OPENINGS} runs"),
        &mut open,
    );
    row(
        format!("the checks alone (header, ids, quick_check), {OPENINGS} runs"),
        &mut checks,
    );
    row(
        format!("bare SQLite open and first query, {OPENINGS} runs"),
        &mut bare,
    );
    row(
        format!("`post_move`, no backup running, {} moves", quiet.len()),
        &mut quiet,
    );
    row(
        format!("`post_move` while backups run, {} moves", during.len()),
        &mut during,
    );
    row(
        format!(
            "one backup (online API, checked, renamed), {} runs",
            taken.len()
        ),
        &mut taken,
    );
}
