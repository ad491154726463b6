//! The workspace store: the only code that speaks SQL. One workspace (one
//! brand) is one SQLite file; every user action is one transaction.

mod changes;
mod charter;
mod crisis;
mod draft_checks;
mod key_dates;
mod kpi;
mod networks;
mod posts;
mod recurrence;
mod reminders;
mod rhythm;
mod settings;

pub use changes::{Changes, Topic};
pub use draft_checks::DraftWarningCount;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, Transaction};
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Reason, Result};
use crate::schedule::{Clock, SystemClock};

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// What "now" is when a write needs it and its caller does not say
    /// (the start of a recurring post's reminders); tests set their own.
    clock: Arc<dyn Clock>,
    /// Tables written by statements not yet handed out as [`Changes`].
    recorder: changes::Recorder,
    /// Tables of committed transactions since the last [`Store::take_changes`].
    committed: std::collections::BTreeSet<String>,
    /// SQLite's count of commits by other connections, as last seen.
    data_version: Option<i64>,
}

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../../migrations/0001_init.sql")),
        M::up(include_str!("../../migrations/0002_charter.sql")),
        M::up(include_str!("../../migrations/0003_kpi.sql")),
        M::up(include_str!("../../migrations/0004_schedule.sql")),
    ])
}

impl Store {
    /// Opens (creating if needed) the workspace file at `path`, brings its
    /// schema up to date and seeds the built-in networks of a new workspace.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::file(Reason::FolderUnwritable, dir, e))?;
        }
        let mut conn = Connection::open(path)
            .map_err(|e| Error::file(Reason::WorkspaceUnopenable, path, e))?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // WAL keeps readers and the writer apart; FULL makes each committed
        // action survive a power cut, which matters more than a millisecond.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| Error::file(Reason::WorkspaceUnwritable, path, e))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A month of a busy workspace touches thousands of scattered rows:
        // a 32 MiB page cache and memory-mapped reads keep that off syscalls.
        conn.pragma_update(None, "cache_size", -32_000)?;
        conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
        migrations().to_latest(&mut conn)?;
        let recorder = changes::Recorder::default();
        recorder.attach(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            clock: Arc::new(SystemClock),
            recorder,
            committed: Default::default(),
            data_version: None,
        };
        store.write(networks::seed_builtin)?;
        // Opening is not a change anyone needs to hear about.
        store.take_changes()?;
        Ok(store)
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
    /// committed, and forgotten if it is rolled back.
    fn write<T>(&mut self, action: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        // Whatever was written outside a transaction is committed already.
        self.committed.extend(self.recorder.take_tables());
        self.recorder.take_posts();
        let tx = self.conn.transaction()?;
        let recorder = &self.recorder;
        let result = action(&tx).and_then(|out| {
            // The one place that keeps every post's next notice in step
            // with its row, whichever write changed it.
            for id in recorder.take_posts() {
                reminders::refresh_due(&tx, &id)?;
            }
            tx.commit()?;
            Ok(out)
        });
        let written = self.recorder.take_tables();
        self.recorder.take_posts();
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
