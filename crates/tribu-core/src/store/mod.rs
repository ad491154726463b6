//! The workspace store: the only code that speaks SQL. One workspace (one
//! brand) is one SQLite file; every user action is one transaction.

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

pub use draft_checks::DraftWarningCount;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, Transaction};
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};
use crate::schedule::{Clock, SystemClock};

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// What "now" is when a write needs it and its caller does not say
    /// (the start of a recurring post's reminders); tests set their own.
    clock: Arc<dyn Clock>,
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
            std::fs::create_dir_all(dir).map_err(|e| {
                Error::Io(format!("cannot create the folder {}: {e}", dir.display()))
            })?;
        }
        let mut conn = Connection::open(path).map_err(|e| {
            Error::Storage(format!("cannot open the workspace {}: {e}", path.display()))
        })?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // WAL keeps readers and the writer apart; FULL makes each committed
        // action survive a power cut, which matters more than a millisecond.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| {
                Error::Storage(format!(
                    "cannot write to the workspace {}: {e}",
                    path.display()
                ))
            })?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A month of a busy workspace touches thousands of scattered rows:
        // a 32 MiB page cache and memory-mapped reads keep that off syscalls.
        conn.pragma_update(None, "cache_size", -32_000)?;
        conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
        migrations().to_latest(&mut conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            clock: Arc::new(SystemClock),
        };
        store.write(networks::seed_builtin)?;
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
    fn write<T>(&mut self, action: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let out = action(&tx)?;
        tx.commit()?;
        Ok(out)
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
