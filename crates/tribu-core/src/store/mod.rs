//! The workspace store: the only code that speaks SQL. One workspace (one
//! brand) is one SQLite file; every user action is one transaction.

mod brand;
mod changes;
mod charter;
mod crisis;
mod draft_checks;
pub mod file_check;
pub mod journal;
mod key_dates;
mod kpi;
pub mod lock;
mod networks;
mod posts;
mod recurrence;
mod reminders;
mod rhythm;
mod settings;

pub use brand::{
    color_for as brand_color_for, valid_name as valid_brand_name, BrandInfo,
    PALETTE as BRAND_PALETTE,
};
pub use changes::{Changes, Topic};
pub use draft_checks::DraftWarningCount;
pub use journal::{ActionKind, ActionLabel, JournalEntry, UndoState, KEEP_ACTIONS, KEEP_DAYS};
pub use settings::LOCALES;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Reason, Result};
use crate::schedule::{Clock, SystemClock};
use file_check::Found;
use lock::{Acquired, LockHolder, WriterLock};

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Whether this store may write, and if not why.
    access: Access,
    /// Held while the workspace is open for writing; released on drop.
    _lock: Option<WriterLock>,
    /// What "now" is when a write needs it and its caller does not say
    /// (the start of a recurring post's reminders); tests set their own.
    clock: Arc<dyn Clock>,
    /// Tables written by statements not yet handed out as [`Changes`].
    recorder: changes::Recorder,
    /// Tables of committed transactions since the last [`Store::take_changes`].
    committed: std::collections::BTreeSet<String>,
    /// SQLite's count of commits by other connections, as last seen.
    data_version: Option<i64>,
    /// Stamps each action recorded in the journal.
    journal: journal::Journal,
}

/// The schema, one step per version; `user_version` counts the steps done.
const MIGRATIONS: [&str; 5] = [
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_charter.sql"),
    include_str!("../../migrations/0003_kpi.sql"),
    include_str!("../../migrations/0004_schedule.sql"),
    include_str!("../../migrations/0005_journal.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// Settings of every connection, reading or writing.
fn tune(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A month of a busy workspace touches thousands of scattered rows:
    // a 32 MiB page cache and memory-mapped reads keep that off syscalls.
    conn.pragma_update(None, "cache_size", -32_000)?;
    conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
    Ok(())
}

/// Whether SQLite could create its log beside `path`: a file is created
/// and removed in the folder to find out.
fn folder_writable(path: &Path) -> bool {
    let folder = path.parent().unwrap_or(Path::new("."));
    let probe = folder.join(format!(".tribu-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(e) => e.kind() == std::io::ErrorKind::AlreadyExists,
    }
}

/// The writer's lock for `path`, or the read-only access it falls back to:
/// held by someone else, or a file or folder that cannot be written.
fn writer_lock(path: &Path, is_new: bool) -> Result<(Access, Option<WriterLock>)> {
    let file_writable = is_new || std::fs::OpenOptions::new().write(true).open(path).is_ok();
    if !file_writable || !folder_writable(path) {
        return Ok((Access::read_only(ReadOnlyReason::FileReadOnly, None), None));
    }
    Ok(match lock::acquire(path, chrono::Utc::now()) {
        Ok(Acquired::Held(lock)) => (Access::read_write(), Some(lock)),
        Ok(Acquired::Taken(holder)) => (
            Access::read_only(ReadOnlyReason::Locked, Some(holder)),
            None,
        ),
        Err(e) => {
            tracing::info!(error = %e, "workspace opens read-only");
            (Access::read_only(ReadOnlyReason::FileReadOnly, None), None)
        }
    })
}

/// Why a workspace opened read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReadOnlyReason {
    /// Another process or computer has it open for writing.
    Locked,
    /// The file or its folder cannot be written.
    FileReadOnly,
}

/// Whether the open workspace may be edited; the UI shows a banner when not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Access {
    pub read_only: bool,
    pub reason: Option<ReadOnlyReason>,
    /// Who has it open, when it is locked.
    pub holder: Option<LockHolder>,
}

impl Access {
    fn read_write() -> Access {
        Access {
            read_only: false,
            reason: None,
            holder: None,
        }
    }

    fn read_only(reason: ReadOnlyReason, holder: Option<LockHolder>) -> Access {
        Access {
            read_only: true,
            reason: Some(reason),
            holder,
        }
    }
}

/// What opening may do besides opening.
#[derive(Debug, Default, Clone)]
pub struct Opening {
    /// Where to put the backup taken before a migration; none in tests
    /// that do not ask.
    pub backups: Option<PathBuf>,
    /// The device the journal stamps actions with ([`crate::device`]);
    /// [`UNKNOWN_DEVICE`] when not said.
    pub device: Option<String>,
}

/// The device of a store opened without one (tests, tools).
pub const UNKNOWN_DEVICE: &str = "unknown";

/// The schema version this build writes.
pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

impl Store {
    /// Opens (creating if needed) the workspace file at `path`, brings its
    /// schema up to date and seeds the built-in networks of a new workspace.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, &Opening::default())
    }

    /// Opens the workspace at `path` without ever harming it: what the file
    /// is comes first ([`file_check::inspect`]: a foreign, damaged or newer
    /// file is refused untouched), then the writer's lock (held elsewhere:
    /// read-only), then, for an older schema, a backup, and only then the
    /// first write (WAL mode, the migrations).
    pub fn open_with(path: &Path, opening: &Opening) -> Result<Store> {
        let found = file_check::inspect(path, schema_version())?;
        let is_new = matches!(found, Found::Missing | Found::Empty);
        if is_new {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| Error::file(Reason::FolderUnwritable, dir, e))?;
            }
        }
        let (access, lock) = writer_lock(path, is_new)?;
        if access.read_only {
            return Store::open_read_only(path, &found, access);
        }
        if let (Found::Workspace(facts), Some(backups)) = (&found, &opening.backups) {
            if facts.version < schema_version() {
                crate::backup::take(
                    path,
                    backups,
                    crate::backup::BackupKind::PreMigration,
                    chrono::Utc::now(),
                )?;
            }
        }
        let mut conn = Connection::open(path)
            .map_err(|e| Error::file(Reason::WorkspaceUnopenable, path, e))?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // WAL keeps readers and the writer apart; FULL makes each committed
        // action survive a power cut, which matters more than a millisecond.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| Error::file(Reason::WorkspaceUnwritable, path, e))?;
        tune(&conn)?;
        migrations().to_latest(&mut conn)?;
        conn.pragma_update(None, "application_id", file_check::APPLICATION_ID)?;
        let mut store = Store::assemble(conn, path, access, lock, opening)?;
        if is_new {
            store.write(networks::seed_builtin)?;
        }
        store.write(brand::ensure_identity)?;
        // Opening is not a change anyone needs to hear about.
        store.take_changes()?;
        Ok(store)
    }

    /// A workspace someone else writes, or on a read-only disk: everything
    /// reads, every write is refused with `read_only`.
    fn open_read_only(path: &Path, found: &Found, access: Access) -> Result<Store> {
        match found {
            Found::Workspace(facts) if facts.version == schema_version() => {}
            Found::Workspace(_) => {
                return Err(Error::file(
                    Reason::NeedsUpgrade,
                    path,
                    "an older workspace that cannot be updated read-only",
                ))
            }
            Found::Missing | Found::Empty => {
                return Err(Error::file(
                    Reason::FolderUnwritable,
                    path,
                    "a new workspace cannot be created here",
                ))
            }
        }
        let conn = file_check::open_read_only(path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        tune(&conn)?;
        Store::assemble(conn, path, access, None, &Opening::default())
    }

    fn assemble(
        conn: Connection,
        path: &Path,
        access: Access,
        lock: Option<WriterLock>,
        opening: &Opening,
    ) -> Result<Store> {
        let recorder = changes::Recorder::attach(&conn)?;
        let device = opening.device.as_deref().unwrap_or(UNKNOWN_DEVICE);
        let journal = journal::Journal::open(&conn, device)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            access,
            _lock: lock,
            clock: Arc::new(SystemClock),
            recorder,
            committed: Default::default(),
            data_version: None,
            journal,
        })
    }

    /// Whether this store may write, and why not.
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// Keeps the writer's lock alive for another computer's eyes.
    pub fn refresh_lock(&mut self) -> Result<()> {
        match &mut self._lock {
            Some(lock) => lock.refresh(chrono::Utc::now()),
            None => Ok(()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the clock writes read when their caller gives no instant.
    pub fn set_clock(&mut self, clock: Arc<dyn Clock>) {
        self.clock = clock;
    }

    /// Runs `action` in one transaction: all of it is saved, or none of it.
    /// What it wrote is announced by the next [`Store::take_changes`] once
    /// committed, and forgotten if it is rolled back. Not a user action:
    /// the journal keeps nothing of it (opening, notices sent, undo itself).
    fn write<T>(&mut self, action: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.transact(|tx| action(tx).map(|out| (out, None)))
    }

    /// Runs one user action like [`Store::write`], and records in the
    /// journal what it changed under the label it returns, so that it can
    /// be undone.
    fn act<T>(
        &mut self,
        action: impl FnOnce(&Transaction) -> Result<(T, journal::ActionLabel)>,
    ) -> Result<T> {
        self.transact(|tx| action(tx).map(|(out, label)| (out, Some(label))))
    }

    fn transact<T>(
        &mut self,
        action: impl FnOnce(&Transaction) -> Result<(T, Option<journal::ActionLabel>)>,
    ) -> Result<T> {
        if self.access.read_only {
            return Err(Error::conflict(
                Reason::ReadOnly,
                "this workspace is open read-only",
            ));
        }
        // Whatever was written outside a transaction is committed already.
        self.committed.extend(self.recorder.take_tables());
        self.recorder.take_posts();
        self.recorder.take_rows();
        // IMMEDIATE takes the write lock first: a read-then-write waits its
        // turn (busy timeout) instead of failing when another connection
        // wrote in between.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (recorder, stamps, clock) = (&self.recorder, &self.journal, &self.clock);
        let result = action(&tx).and_then(|(out, label)| {
            // The one place that keeps every post's next notice in step
            // with its row, whichever write changed it.
            for id in recorder.take_posts() {
                reminders::refresh_due(&tx, &id)?;
            }
            // …and that records a user action in the journal.
            let rows = recorder.take_rows();
            if let Some(label) = label {
                let stamp = stamps.stamp(clock.now());
                journal::record(&tx, &recorder.shapes(), &rows, &label, &stamp)?;
            }
            tx.commit().map_err(commit_refusal)?;
            Ok(out)
        });
        let written = self.recorder.take_tables();
        self.recorder.take_posts();
        self.recorder.take_rows();
        if result.is_ok() {
            self.committed.extend(written);
        }
        result
    }

    /// The topics changed by the writes committed since the last call: this
    /// store's own, by table, and every topic when another connection (the
    /// command line, another copy of the app) committed to the file, since
    /// what it wrote is not known here.
    pub fn take_changes(&mut self) -> Result<Changes> {
        self.committed.extend(self.recorder.take_tables());
        let mut changes = changes::topics(&std::mem::take(&mut self.committed));
        let version: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        if self.data_version.is_some_and(|seen| seen != version) {
            changes = Changes {
                topics: Topic::ALL.to_vec(),
            };
        }
        self.data_version = Some(version);
        Ok(changes)
    }
}

/// A commit refused by a reference checked only then (an undo puts rows
/// back in any order) means what the step needs is gone.
fn commit_refusal(e: rusqlite::Error) -> Error {
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY =>
        {
            Error::conflict(Reason::ChangedSince, e.to_string())
        }
        _ => e.into(),
    }
}

/// What an undo or a redo must also do besides putting rows back: no post
/// stays suspended without a crisis, the notices of every post follow the
/// default reminder lead, and the charter must not name a network that is
/// gone.
fn after_journal_step(tx: &Transaction, applied: &journal::Applied) -> Result<()> {
    // A post deleted while a crisis held it comes back suspended; with no
    // crisis running any more it gets the status it had before.
    if !applied.posts.is_empty() && crisis::active_id(tx)?.is_none() {
        let mut give_back = tx.prepare_cached(
            "UPDATE post SET status = coalesce(suspended_from, 'draft'), suspended_from = NULL
             WHERE id = ?1 AND status = 'suspended'",
        )?;
        for id in &applied.posts {
            give_back.execute([id])?;
        }
    }
    if applied.settings.iter().any(|k| k == reminders::LEAD_KEY) {
        reminders::refresh_default_lead(tx, reminders::default_lead(tx)?)?;
    }
    if applied.tables.contains("charter_section") || applied.tables.contains("network") {
        for (section, id) in charter::load(tx)?.named_networks() {
            if networks::get(tx, id)?.is_none() {
                return Err(Error::conflict(
                    Reason::NetworkInCharter,
                    format!("the charter's {section} names a network that is gone"),
                ));
            }
        }
    }
    Ok(())
}

fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

fn now_millis() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn every_table_has_a_topic() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("ws.tribu")).unwrap();
        let mut stmt = store
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .unwrap();
        let tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(tables.len() >= 15, "the schema is read: {tables:?}");
        let unknown: Vec<&String> = tables
            .iter()
            .filter(|t| changes::topic_of(t).is_none())
            .collect();
        assert!(unknown.is_empty(), "tables with no topic: {unknown:?}");
    }

    #[test]
    fn pragmas_are_set_on_a_real_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("nested/ws.sqlite")).unwrap();
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        let sync: i64 = store
            .conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        let fk: i64 = store
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(sync, 2, "synchronous=FULL is 2");
        assert_eq!(fk, 1);
    }
}
