//! What a file is, found out without changing a byte of it: the checks
//! that come before anything writes to a workspace (WAL mode included), and
//! before a backup is trusted.
//!
//! The file is read through a read-only connection; when it has no
//! write-ahead log beside it, the connection is also `immutable`, so SQLite
//! creates no `-wal` or `-shm` file next to it either.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Reason, Result};

/// Marks a SQLite file as Tribu's (`PRAGMA application_id`): "Trib".
pub const APPLICATION_ID: i32 = 0x5472_6962;

/// The first 16 bytes of every SQLite database.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Tables every Tribu workspace has had since its first version: how a
/// file written before `application_id` was set is still recognised.
const CORE_TABLES: [&str; 3] = ["network", "post", "setting"];

/// What [`inspect`] found at a path it accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Nothing there yet: a new workspace.
    Missing,
    /// An empty file, which SQLite treats as a new database.
    Empty,
    /// A Tribu workspace at schema `version`, which passed `quick_check`.
    Workspace(Facts),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// The schema version (SQLite's `user_version`).
    pub version: i64,
    /// Written before Tribu marked its files: no `application_id` yet.
    pub unmarked: bool,
}

/// Tells what the file at `path` is, refusing what Tribu must not open for
/// writing: not a Tribu workspace (`not_a_workspace`), damaged
/// (`workspace_damaged`), from a newer Tribu whose schema is beyond
/// `latest` (`newer_version`). Reads only.
pub fn inspect(path: &Path, latest: i64) -> Result<Found> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        // No such file, or a folder on the way is missing or a file: nothing
        // there yet (creating the folder then says what is wrong).
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(Found::Missing)
        }
        Err(e) => return Err(Error::file(Reason::WorkspaceUnopenable, path, e)),
    };
    if meta.is_dir() {
        return Err(Error::file(Reason::NotAWorkspace, path, "a folder"));
    }
    if meta.len() == 0 {
        return Ok(Found::Empty);
    }
    let mut header = [0u8; 100];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::UnexpectedEof => {
                Error::file(Reason::NotAWorkspace, path, "shorter than a SQLite header")
            }
            _ => Error::file(Reason::WorkspaceUnopenable, path, e),
        });
    read?;
    if &header[..16] != SQLITE_MAGIC {
        return Err(Error::file(
            Reason::NotAWorkspace,
            path,
            "not a SQLite database",
        ));
    }
    let conn = open_read_only(path)?;
    let facts = read_facts(&conn).map_err(|e| damaged(path, e))?;
    if facts.application_id != APPLICATION_ID
        && !(facts.application_id == 0 && facts.has_core_tables)
    {
        return Err(Error::file(
            Reason::NotAWorkspace,
            path,
            format!(
                "a SQLite database of another program (application_id {:#x})",
                facts.application_id
            ),
        ));
    }
    if facts.version > latest {
        return Err(Error::file(
            Reason::NewerVersion,
            path,
            format!(
                "schema version {} is newer than this Tribu's {latest}",
                facts.version
            ),
        ));
    }
    let verdict: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| damaged(path, e))?;
    if verdict != "ok" {
        return Err(Error::file(Reason::WorkspaceDamaged, path, verdict));
    }
    Ok(Found::Workspace(Facts {
        version: facts.version,
        unmarked: facts.application_id == 0,
    }))
}

/// A read-only connection that leaves the file and its folder as they were
/// (see the module's comment). Also what backups are read through.
pub(crate) fn open_read_only(path: &Path) -> Result<Connection> {
    let immutable = !sidecar(path, "-wal").exists();
    let uri = format!(
        "file:{}?mode=ro{}",
        uri_path(path),
        if immutable { "&immutable=1" } else { "" }
    );
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(uri, flags).map_err(|e| damaged(path, e))
}

/// `brand.tribu` → `brand.tribu-wal` (or `-shm`), SQLite's files beside it.
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

struct RawFacts {
    application_id: i32,
    version: i64,
    has_core_tables: bool,
}

fn read_facts(conn: &Connection) -> rusqlite::Result<RawFacts> {
    let application_id = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (?1, ?2, ?3)",
        CORE_TABLES,
        |r| r.get(0),
    )?;
    Ok(RawFacts {
        application_id,
        version,
        has_core_tables: tables == CORE_TABLES.len() as i64,
    })
}

fn damaged(path: &Path, e: rusqlite::Error) -> Error {
    Error::file(Reason::WorkspaceDamaged, path, e)
}

/// The path as SQLite's URI syntax wants it: `%`, `?` and `#` escaped.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_escape_what_sqlite_reads_as_syntax() {
        assert_eq!(
            uri_path(Path::new("/a/50% off?#1.tribu")),
            "/a/50%25 off%3f%231.tribu"
        );
    }

    #[test]
    fn missing_and_empty_files_are_new_workspaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.tribu");
        assert_eq!(inspect(&path, 5).unwrap(), Found::Missing);
        std::fs::write(&path, b"").unwrap();
        assert_eq!(inspect(&path, 5).unwrap(), Found::Empty);
    }

    #[test]
    fn a_short_file_is_not_a_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("short.tribu");
        std::fs::write(&path, b"SQLite format 3\0").unwrap();
        let err = inspect(&path, 5).unwrap_err();
        assert_eq!(err.payload().reason, Some(Reason::NotAWorkspace));
    }
}
