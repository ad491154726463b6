//! Backups: taken while the workspace is open, listed with what they hold,
//! restored whole (a damaged one refused before anything is replaced),
//! rotated as worked out by hand.

mod common;

use std::path::Path;

use chrono::{DateTime, Utc};
use common::files::sha256;
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use tribu_core::backup::{self, BackupKind};
use tribu_core::error::Reason;
use tribu_core::Store;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// A digest of every row of every table of the workspace at `path`.
fn rows_digest(path: &Path) -> String {
    let conn =
        Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables.sort();
    let mut hash = Sha256::new();
    for table in tables {
        // Some tables have no rowid: the rows are sorted as text instead.
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let width = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        let mut lines = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            let values: Vec<String> = (0..width)
                .map(|i| format!("{:?}", row.get::<_, rusqlite::types::Value>(i).unwrap()))
                .collect();
            lines.push(values.join("|"));
        }
        lines.sort();
        hash.update(format!("{table}:{}:{}\n", lines.len(), lines.join("\n")).as_bytes());
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn posts(store: &Store) -> usize {
    store
        .posts_in_range(
            at("2020-01-01T00:00:00Z"),
            at("2030-01-01T00:00:00Z"),
            &Default::default(),
        )
        .unwrap()
        .len()
}

#[test]
fn a_backup_of_a_busy_workspace_restores_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brand.tribu");
    let backups = dir.path().join("backups");
    let mut store = Store::open(&path).unwrap();
    let inputs: Vec<_> = (0..100_000)
        .map(|i| {
            let day = 1 + i % 28;
            common::input(
                &store,
                &format!("Post {i}"),
                Some(&format!("2026-{:02}-{day:02}", 1 + i % 12)),
                Some("10:30"),
            )
        })
        .collect();
    store.create_posts(&inputs).unwrap();
    // Taken while the store is open, as the app does.
    let taken = backup::take(
        &path,
        &backups,
        BackupKind::Manual,
        at("2026-12-02T09:30:00Z"),
    )
    .unwrap();
    assert_eq!(taken.file, "2026-12-02T09-30-00Z_manual.tribu");
    assert_eq!(taken.posts, 100_000);
    assert_eq!(taken.brand.as_deref(), Some("Ma marque"));
    drop(store);
    let at_backup = rows_digest(&path);
    assert_eq!(rows_digest(&backups.join(&taken.file)), at_backup);

    // Work goes on, then the backup is restored.
    let mut store = Store::open(&path).unwrap();
    let later = common::input(
        &store,
        "Après la sauvegarde",
        Some("2026-12-20"),
        Some("09:00"),
    );
    store.create_post(&later).unwrap();
    assert_eq!(posts(&store), 100_001);
    drop(store);
    let restored =
        backup::restore(&path, &backups, &taken.file, at("2026-12-02T10:00:00Z")).unwrap();
    assert_eq!(restored.file, taken.file);
    assert_eq!(
        rows_digest(&path),
        at_backup,
        "the same rows as at the backup"
    );
    let store = Store::open(&path).unwrap();
    assert_eq!(posts(&store), 100_000);
    drop(store);

    // What the restore replaced is a backup too.
    let listed = backup::list(&backups).unwrap();
    let kinds: Vec<(String, BackupKind, u64)> = listed
        .iter()
        .map(|b| (b.file.clone(), b.kind, b.posts))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (
                "2026-12-02T10-00-00Z_pre_restore.tribu".to_string(),
                BackupKind::PreRestore,
                100_001
            ),
            (
                "2026-12-02T09-30-00Z_manual.tribu".to_string(),
                BackupKind::Manual,
                100_000
            ),
        ]
    );
}

#[test]
fn a_damaged_backup_is_refused_before_anything_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brand.tribu");
    let backups = dir.path().join("backups");
    let mut store = Store::open(&path).unwrap();
    for i in 0..300 {
        let post = common::input(&store, &format!("Post {i}"), Some("2026-12-10"), None);
        store.create_post(&post).unwrap();
    }
    let taken = backup::take(
        &path,
        &backups,
        BackupKind::Daily,
        at("2026-12-01T08:00:00Z"),
    )
    .unwrap();
    drop(store);
    let file = backups.join(&taken.file);
    let mut bytes = std::fs::read(&file).unwrap();
    for (i, b) in bytes.iter_mut().enumerate().skip(4096) {
        *b = (i % 13) as u8;
    }
    std::fs::write(&file, &bytes).unwrap();
    let before = sha256(&path);
    let err =
        backup::restore(&path, &backups, &taken.file, at("2026-12-02T10:00:00Z")).unwrap_err();
    assert_eq!(err.payload().reason, Some(Reason::BackupDamaged), "{err}");
    assert_eq!(sha256(&path), before, "the workspace is untouched");
    assert_eq!(
        backup::list(&backups).unwrap().len(),
        1,
        "no backup of the state before: nothing was replaced"
    );
}

#[test]
fn a_workspace_too_damaged_to_open_is_set_aside_then_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brand.tribu");
    let backups = dir.path().join("backups");
    let store = Store::open(&path).unwrap();
    drop(store);
    let taken = backup::take(
        &path,
        &backups,
        BackupKind::Daily,
        at("2026-12-01T08:00:00Z"),
    )
    .unwrap();
    std::fs::write(
        &path,
        "not a database any more, overwritten by something else ..........",
    )
    .unwrap();
    let damaged = sha256(&path);
    backup::restore(&path, &backups, &taken.file, at("2026-12-02T10:00:00Z")).unwrap();
    assert!(Store::open(&path).is_ok());
    let aside = backups.join("2026-12-02T10-00-00Z_pre_restore.tribu");
    assert_eq!(
        sha256(&aside),
        damaged,
        "the damaged file is kept as it was"
    );
}

#[test]
fn an_unknown_backup_name_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brand.tribu");
    drop(Store::open(&path).unwrap());
    let err = backup::restore(
        &path,
        &dir.path().join("backups"),
        "../brand.tribu",
        Utc::now(),
    )
    .unwrap_err();
    assert_eq!(err.payload().code, tribu_core::error::ErrorCode::NotFound);
}

/// The set of the rotation test: a daily backup each day from 1 October
/// to 2 December 2026 at 09:00, a second one on 2 December at 18:00, twelve
/// taken before imports (1 to 12 November), one before a restore (1
/// December), one asked for (1 June) and one before a migration (1 January
/// 2025).
fn rotation_set() -> Vec<(String, DateTime<Utc>, BackupKind)> {
    let mut set = Vec::new();
    let mut day = at("2026-10-01T09:00:00Z");
    while day <= at("2026-12-02T09:00:00Z") {
        set.push((
            day.format("daily %m-%d").to_string(),
            day,
            BackupKind::Daily,
        ));
        day += chrono::Duration::days(1);
    }
    set.push((
        "daily 12-02 late".into(),
        at("2026-12-02T18:00:00Z"),
        BackupKind::Daily,
    ));
    for d in 1..=12 {
        let t = at(&format!("2026-11-{d:02}T10:00:00Z"));
        set.push((format!("import 11-{d:02}"), t, BackupKind::PreImport));
    }
    set.push((
        "restore 12-01".into(),
        at("2026-12-01T12:00:00Z"),
        BackupKind::PreRestore,
    ));
    set.push((
        "manual 06-01".into(),
        at("2026-06-01T12:00:00Z"),
        BackupKind::Manual,
    ));
    set.push((
        "migration 2025".into(),
        at("2025-01-01T12:00:00Z"),
        BackupKind::PreMigration,
    ));
    set
}

#[test]
fn rotation_keeps_days_weeks_months_and_the_latest_events() {
    let set = rotation_set();
    let removed = backup::to_remove(&set);
    let kept: std::collections::BTreeSet<&str> = set
        .iter()
        .map(|b| b.0.as_str())
        .filter(|name| !removed.iter().any(|r| r == name))
        .collect();
    // Worked out by hand. Days: the newest of each of the last 7 days
    // (12-02 late, 12-01 … 11-26). Weeks (from Monday): 30 Nov–6 Dec →
    // 12-02 late, 23–29 Nov → 11-29, 16–22 Nov → 11-22, 9–15 Nov → 11-15.
    // Months: December → 12-02 late, November → 11-30, October → 10-31.
    // Events: the 10 newest are the restore and the imports of 4–12 Nov.
    let expected: std::collections::BTreeSet<&str> = [
        "daily 12-02 late",
        "daily 12-01",
        "daily 11-30",
        "daily 11-29",
        "daily 11-28",
        "daily 11-27",
        "daily 11-26",
        "daily 11-22",
        "daily 11-15",
        "daily 10-31",
        "restore 12-01",
        "import 11-12",
        "import 11-11",
        "import 11-10",
        "import 11-09",
        "import 11-08",
        "import 11-07",
        "import 11-06",
        "import 11-05",
        "import 11-04",
        "manual 06-01",
        "migration 2025",
    ]
    .into_iter()
    .collect();
    assert_eq!(kept, expected);
    // 63 + 1 dailies of which 10 stay, 13 events of which 10 stay.
    assert_eq!(removed.len(), 54 + 3);
}

#[test]
fn rotating_a_folder_removes_those_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brand.tribu");
    let backups = dir.path().join("backups");
    drop(Store::open(&path).unwrap());
    // Nine days of dailies, 1 to 9 December 2026: the 7 newest days stay
    // (3 to 9 December), and the newest of each week (9 and 6 December)
    // and of the month (9 December) are among them.
    for d in 1..=9 {
        backup::take(
            &path,
            &backups,
            BackupKind::Daily,
            at(&format!("2026-12-{d:02}T09:00:00Z")),
        )
        .unwrap();
    }
    std::fs::write(backups.join("notes.txt"), "mine").unwrap();
    let removed = backup::rotate(&backups).unwrap();
    assert_eq!(
        removed,
        vec![
            "2026-12-02T09-00-00Z_daily.tribu",
            "2026-12-01T09-00-00Z_daily.tribu"
        ]
    );
    let mut left: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left.len(), 8, "{left:?}");
    assert!(left.contains(&"notes.txt".to_string()));
    assert!(backup::any_since(&backups, at("2026-12-09T00:00:00Z")));
    assert!(!backup::any_since(&backups, at("2026-12-10T00:00:00Z")));
}
