//! Opening never harms a file: what is not a current, whole Tribu workspace
//! is refused and left byte for byte as it was; a file someone else writes,
//! or that cannot be written, opens read-only; a full disk loses nothing
//! that was saved and half-writes nothing.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::files::{sha256, Immutable, SmallDisk};
use rusqlite::Connection;
use tribu_core::error::Reason;
use tribu_core::model::NetworkInput;
use tribu_core::store::{file_check, Opening, ReadOnlyReason};
use tribu_core::Store;

fn network(name: &str) -> NetworkInput {
    NetworkInput {
        name: name.into(),
        color: "#1185fe".into(),
        char_limit: Some(300),
    }
}

/// A workspace with a few networks, closed.
fn workspace(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("brand.tribu");
    let mut store = Store::open(&path).unwrap();
    store.create_network(&network("Bluesky")).unwrap();
    drop(store);
    path
}

/// Opening `path` is refused with `reason`, and the file and its folder
/// are as they were.
fn refused_untouched(path: &Path, reason: Reason) {
    let before = sha256(path);
    let listing = |p: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(p.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let folder_before = listing(path);
    let err = Store::open(path).err().expect("refused");
    let payload = err.payload();
    assert_eq!(payload.reason, Some(reason), "{}", payload.message);
    assert_eq!(
        payload.path.as_deref(),
        Some(path.display().to_string().as_str())
    );
    assert_eq!(sha256(path), before, "the file is byte for byte as it was");
    assert_eq!(listing(path), folder_before, "nothing written beside it");
}

#[test]
fn a_file_from_a_newer_tribu_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace(dir.path());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    // Back to a single file, as another version would leave it.
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    refused_untouched(&path, Reason::NewerVersion);
}

#[test]
fn a_database_of_another_program_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photos.tribu");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photo (name) VALUES ('a');")
        .unwrap();
    conn.pragma_update(None, "application_id", 0x1234).unwrap();
    drop(conn);
    refused_untouched(&path, Reason::NotAWorkspace);
    // Even with no mark, a database without Tribu's tables is not one.
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", 0).unwrap();
    drop(conn);
    refused_untouched(&path, Reason::NotAWorkspace);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.tribu");
    std::fs::write(&path, "Idées de posts pour décembre\n".repeat(20)).unwrap();
    refused_untouched(&path, Reason::NotAWorkspace);
}

#[test]
fn a_damaged_workspace_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brand.tribu");
    let mut store = Store::open(&path).unwrap();
    for i in 0..200 {
        let post = common::input(
            &store,
            &format!("Publication {i} du plan d'hiver"),
            Some("2026-12-10"),
            None,
        );
        store.create_post(&post).unwrap();
    }
    drop(store);
    // Scribbles over every page but the first (the header and the schema
    // root stay readable): the tables' pages are garbage now.
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    assert!(bytes.len() > 4 * page, "several pages: {}", bytes.len());
    for (i, b) in bytes.iter_mut().enumerate().skip(page) {
        *b = (i % 251) as u8;
    }
    std::fs::write(&path, &bytes).unwrap();
    refused_untouched(&path, Reason::WorkspaceDamaged);
}

#[test]
fn a_second_opener_reads_but_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace(dir.path());
    let mut first = Store::open(&path).unwrap();
    assert!(!first.access().read_only);
    let mut second = Store::open(&path).unwrap();
    let access = second.access().clone();
    assert!(access.read_only);
    assert_eq!(access.reason, Some(ReadOnlyReason::Locked));
    let holder = access.holder.expect("who holds it");
    assert_eq!(holder.pid, std::process::id());
    assert!(holder.this_machine);
    // Reading works; writing is refused with its own reason, and the
    // first opener keeps writing.
    assert_eq!(
        second.networks().unwrap().len(),
        first.networks().unwrap().len()
    );
    let refused = second
        .create_network(&network("Mastodon"))
        .unwrap_err()
        .payload();
    assert_eq!(refused.reason, Some(Reason::ReadOnly));
    first.create_network(&network("Threads")).unwrap();
    // Once the first lets go, the file opens for writing again.
    drop(first);
    drop(second);
    let mut third = Store::open(&path).unwrap();
    assert!(!third.access().read_only);
    third.create_network(&network("Mastodon")).unwrap();
}

#[test]
fn a_write_waits_for_another_writer_instead_of_failing_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace(dir.path());
    let mut store = Store::open(&path).unwrap();
    // Another program (the command line) writes for 300 ms.
    let other = Connection::open(&path).unwrap();
    other
        .execute_batch("BEGIN IMMEDIATE; UPDATE setting SET value = value WHERE key = 'brand.id';")
        .unwrap();
    let committer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        other.execute_batch("COMMIT").unwrap();
    });
    let started = Instant::now();
    // Reads the networks' positions, then writes: waits its turn.
    store.create_network(&network("Mastodon")).unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(250),
        "it waited: {:?}",
        started.elapsed()
    );
    committer.join().unwrap();
    assert!(store
        .networks()
        .unwrap()
        .iter()
        .any(|n| n.name == "Mastodon"));
}

#[test]
fn a_read_only_file_opens_read_only_and_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace(dir.path());
    let before = sha256(&path);
    let guard = Immutable::new(&path);
    let mut store = Store::open(&path).unwrap();
    assert!(store.access().read_only);
    assert_eq!(store.access().reason, Some(ReadOnlyReason::FileReadOnly));
    assert!(store
        .networks()
        .unwrap()
        .iter()
        .any(|n| n.name == "Bluesky"));
    let refused = store
        .create_network(&network("Mastodon"))
        .unwrap_err()
        .payload();
    assert_eq!(refused.reason, Some(Reason::ReadOnly));
    drop(store);
    drop(guard);
    assert_eq!(sha256(&path), before);
}

#[test]
fn a_read_only_folder_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let path = workspace(&folder);
    let guard = Immutable::new(&folder);
    let store = Store::open(&path).unwrap();
    assert!(store.access().read_only);
    assert_eq!(store.access().reason, Some(ReadOnlyReason::FileReadOnly));
    assert!(store
        .networks()
        .unwrap()
        .iter()
        .any(|n| n.name == "Bluesky"));
    drop(store);
    drop(guard);
}

#[test]
fn a_full_disk_rolls_the_action_back_and_keeps_what_was_saved() {
    let Some(disk) = SmallDisk::new(2048) else {
        return;
    };
    let path = disk.dir.path().join("brand.tribu");
    let mut store = Store::open(&path).unwrap();
    let mut saved = vec![store.create_network(&network("Avant")).unwrap().id];
    // Everything else on the disk is taken.
    let filler = disk.dir.path().join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    while std::io::Write::write_all(&mut file, &[7u8; 16 * 1024]).is_ok() {}
    drop(file);
    let failure = loop {
        match store.create_network(&network(&format!("Réseau {}", saved.len()))) {
            Ok(n) => saved.push(n.id),
            Err(e) => break e,
        }
        assert!(saved.len() < 2_000, "the disk never filled");
    };
    assert_eq!(
        failure.payload().reason,
        Some(Reason::DiskFull),
        "{failure}"
    );
    // Room again: everything saved before is there, the failed one is not,
    // and the file is whole.
    std::fs::remove_file(&filler).unwrap();
    let names: Vec<String> = store
        .networks()
        .unwrap()
        .into_iter()
        .map(|n| n.name)
        .collect();
    assert!(
        !names.contains(&format!("Réseau {}", saved.len())),
        "the failed action left nothing"
    );
    drop(store);
    let store = Store::open(&path).unwrap();
    let ids: Vec<String> = store
        .networks()
        .unwrap()
        .into_iter()
        .map(|n| n.id)
        .collect();
    for id in &saved {
        assert!(ids.contains(id), "saved network {id} lost");
    }
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn an_older_workspace_is_backed_up_then_brought_up_to_date_and_marked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.tribu");
    // A workspace as the version before the schedule step left it.
    let conn = Connection::open(&path).unwrap();
    for sql in [
        include_str!("../migrations/0001_init.sql"),
        include_str!("../migrations/0002_charter.sql"),
        include_str!("../migrations/0003_kpi.sql"),
    ] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", 3).unwrap();
    drop(conn);
    let backups = dir.path().join("backups");
    let store = Store::open_with(
        &path,
        &Opening {
            backups: Some(backups.clone()),
            ..Opening::default()
        },
    )
    .unwrap();
    drop(store);
    let found = file_check::inspect(&path, tribu_core::store::schema_version()).unwrap();
    assert_eq!(
        found,
        file_check::Found::Workspace(file_check::Facts {
            version: tribu_core::store::schema_version(),
            unmarked: false,
        })
    );
    let listed = tribu_core::backup::list(&backups).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].kind, tribu_core::backup::BackupKind::PreMigration);
    let kept = Connection::open(backups.join(&listed[0].file)).unwrap();
    let version: i64 = kept
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        version, 3,
        "the backup is the workspace before the migration"
    );
}
