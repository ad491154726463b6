//! One writer per workspace file. The app (and the command line) holds an
//! advisory lock on a small file beside the workspace, `.brand.tribu.lock`,
//! for as long as the workspace is open for writing. A second opener gets
//! the file read-only and is told who holds it.
//!
//! On one computer the operating system's lock (`flock`) decides, and it
//! dies with its process, so a crash leaves nothing stale. Across computers
//! (a folder synced by Dropbox or Nextcloud) that lock does not travel, so
//! the holder's name, computer and a heartbeat are written in the file: a
//! holder on another computer counts while its heartbeat is recent.
//!
//! The file is emptied, never deleted, on release: deleting it would let
//! two processes lock two different files under the same name.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Reason, Result};

/// How often the holder rewrites its heartbeat.
pub const HEARTBEAT: std::time::Duration = std::time::Duration::from_secs(120);

/// A heartbeat older than this, from another computer, is a holder that
/// crashed or lost its connection: the lock may be taken over. Synced
/// folders can lag by minutes, hence well above [`HEARTBEAT`].
const STALE_AFTER_MINUTES: i64 = 10;

/// Who holds a workspace open for writing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LockHolder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// When it opened the workspace (RFC 3339).
    pub since: String,
    /// The holder runs on this computer (another window, the command line).
    #[serde(default)]
    pub this_machine: bool,
}

/// What is written in the lock file.
#[derive(Serialize, Deserialize)]
struct Record {
    user: String,
    host: String,
    pid: u32,
    since: DateTime<Utc>,
    heartbeat: DateTime<Utc>,
}

/// The lock, held until dropped.
#[derive(Debug)]
pub struct WriterLock {
    file: File,
    path: PathBuf,
    since: DateTime<Utc>,
}

/// The outcome of asking for the lock.
#[derive(Debug)]
pub enum Acquired {
    Held(WriterLock),
    Taken(LockHolder),
}

/// `/data/brand.tribu` → `/data/.brand.tribu.lock`.
pub fn lock_path(workspace: &Path) -> PathBuf {
    let name = workspace
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    workspace.with_file_name(format!(".{name}.lock"))
}

/// Takes the lock on `workspace` for this process, or says who has it. An
/// error means the lock file cannot be created or written (a read-only
/// folder): the caller opens the workspace read-only.
pub fn acquire(workspace: &Path, now: DateTime<Utc>) -> Result<Acquired> {
    let path = lock_path(workspace);
    let unwritable = |e: std::io::Error| Error::file(Reason::WorkspaceUnwritable, &path, e);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(unwritable)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let holder = read_record(&mut file)
                .map(|r| holder_of(&r))
                .unwrap_or_else(unknown_holder);
            return Ok(Acquired::Taken(holder));
        }
        Err(TryLockError::Error(e)) => return Err(unwritable(e)),
    }
    if let Some(record) = read_record(&mut file) {
        let elsewhere = record.host != host_name();
        let alive = now - record.heartbeat < Duration::minutes(STALE_AFTER_MINUTES);
        if elsewhere && alive {
            // Dropping `file` releases our flock.
            return Ok(Acquired::Taken(holder_of(&record)));
        }
    }
    let mut lock = WriterLock {
        file,
        path,
        since: now,
    };
    lock.refresh(now)?;
    Ok(Acquired::Held(lock))
}

impl WriterLock {
    /// Rewrites the heartbeat, so that another computer sees the holder alive.
    pub fn refresh(&mut self, now: DateTime<Utc>) -> Result<()> {
        let record = Record {
            user: user_name(),
            host: host_name(),
            pid: std::process::id(),
            since: self.since,
            heartbeat: now,
        };
        let json = serde_json::to_vec(&record).map_err(|e| Error::Io(e.to_string()))?;
        let written = (|| {
            self.file.set_len(0)?;
            self.file.seek(SeekFrom::Start(0))?;
            self.file.write_all(&json)?;
            self.file.sync_data()
        })();
        written.map_err(|e| Error::file(Reason::WorkspaceUnwritable, &self.path, e))
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        // Emptied first, so that a reader on another computer sees no holder;
        // the flock goes with the descriptor.
        if let Err(e) = self.file.set_len(0) {
            tracing::warn!(error = %e, path = %self.path.display(), "lock file not emptied");
        }
    }
}

fn read_record(file: &mut File) -> Option<Record> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

fn holder_of(record: &Record) -> LockHolder {
    LockHolder {
        user: record.user.clone(),
        host: record.host.clone(),
        pid: record.pid,
        since: record.since.to_rfc3339(),
        this_machine: record.host == host_name(),
    }
}

/// Locked by a process that has not written its name yet (it is starting).
fn unknown_holder() -> LockHolder {
    LockHolder {
        user: String::new(),
        host: host_name(),
        pid: 0,
        since: String::new(),
        this_machine: true,
    }
}

fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_default()
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-12-02T09:00:00Z".parse().unwrap()
    }

    #[test]
    fn the_lock_file_is_hidden_beside_the_workspace() {
        assert_eq!(
            lock_path(Path::new("/data/Soleil.tribu")),
            PathBuf::from("/data/.Soleil.tribu.lock")
        );
    }

    #[test]
    fn a_second_opener_is_told_who_holds_it_until_it_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("a.tribu");
        let Acquired::Held(first) = acquire(&ws, now()).unwrap() else {
            panic!("the first opener gets the lock");
        };
        match acquire(&ws, now()).unwrap() {
            Acquired::Taken(holder) => {
                assert_eq!(holder.pid, std::process::id());
                assert!(holder.this_machine);
                assert_eq!(holder.since, "2026-12-02T09:00:00+00:00");
            }
            Acquired::Held(_) => panic!("two holders at once"),
        }
        drop(first);
        assert_eq!(std::fs::read(lock_path(&ws)).unwrap(), b"", "emptied");
        assert!(matches!(acquire(&ws, now()).unwrap(), Acquired::Held(_)));
    }

    fn write_foreign(ws: &Path, heartbeat: &str) {
        let record = format!(
            r#"{{"user":"lea","host":"other-laptop","pid":42,"since":"2026-12-02T08:00:00Z","heartbeat":"{heartbeat}"}}"#
        );
        std::fs::write(lock_path(ws), record).unwrap();
    }

    #[test]
    fn another_computer_holds_it_while_its_heartbeat_is_recent() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("synced.tribu");
        // 9 minutes ago: alive.
        write_foreign(&ws, "2026-12-02T08:51:00Z");
        match acquire(&ws, now()).unwrap() {
            Acquired::Taken(holder) => {
                assert_eq!(holder.user, "lea");
                assert_eq!(holder.host, "other-laptop");
                assert!(!holder.this_machine);
            }
            Acquired::Held(_) => panic!("a live holder elsewhere was ignored"),
        }
        // 11 minutes ago: gone, the lock is taken over and rewritten.
        write_foreign(&ws, "2026-12-02T08:49:00Z");
        let Acquired::Held(_lock) = acquire(&ws, now()).unwrap() else {
            panic!("a stale holder kept the lock");
        };
        let text = std::fs::read_to_string(lock_path(&ws)).unwrap();
        assert!(
            text.contains(&format!("\"pid\":{}", std::process::id())),
            "{text}"
        );
    }
}
