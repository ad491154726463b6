//! Backups of a workspace, in the data folder's `backups/<file stem>/`.
//!
//! A backup is taken with SQLite's online backup API through a connection
//! of its own, in one step: it reads one consistent snapshot while the app
//! keeps writing (WAL lets a reader and the writer work side by side). It is
//! written to a temporary file, checked (`quick_check`), synced and only
//! then renamed to its final name, so a listed backup is a whole one.
//!
//! The name says when and why: `2026-12-02T09-30-00Z_daily.tribu`.

mod rotation;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Reason, Result};
use crate::store::file_check::{self, sidecar, Found};
use crate::store::lock::{self, Acquired};

pub use rotation::{rotate, to_remove};

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The first opening of a day.
    Daily,
    /// "Back up now".
    Manual,
    /// Before the schema was brought up to date.
    PreMigration,
    /// The state a restore replaced.
    PreRestore,
    /// Before an import changed the workspace.
    PreImport,
}

impl BackupKind {
    const ALL: [BackupKind; 5] = [
        BackupKind::Daily,
        BackupKind::Manual,
        BackupKind::PreMigration,
        BackupKind::PreRestore,
        BackupKind::PreImport,
    ];

    fn key(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::Manual => "manual",
            BackupKind::PreMigration => "pre_migration",
            BackupKind::PreRestore => "pre_restore",
            BackupKind::PreImport => "pre_import",
        }
    }

    fn from_key(key: &str) -> Option<BackupKind> {
        BackupKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One backup as the Backups dialog lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The file's name in the brand's backups folder.
    pub file: String,
    pub kind: BackupKind,
    /// RFC 3339, UTC.
    pub taken_at: String,
    /// Bytes.
    #[ts(type = "number")]
    pub size: u64,
    #[ts(type = "number")]
    pub posts: u64,
    /// The brand's name inside the backup.
    pub brand: Option<String>,
    /// The brand's id inside the backup, to match backups to their brand.
    #[serde(skip)]
    #[ts(skip)]
    pub brand_id: Option<String>,
}

const TIME_FORMAT: &str = "%Y-%m-%dT%H-%M-%SZ";
const EXTENSION: &str = "tribu";

/// The backups folder of the workspace at `workspace`.
pub fn folder(data_dir: &Path, workspace: &Path) -> PathBuf {
    let stem = workspace
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into());
    data_dir.join("backups").join(stem)
}

/// Backs up the workspace at `source` into `dir` as a backup of `kind`
/// taken at `now`; returns it once checked and in place.
pub fn take(source: &Path, dir: &Path, kind: BackupKind, now: DateTime<Utc>) -> Result<BackupInfo> {
    std::fs::create_dir_all(dir).map_err(|e| Error::file(Reason::FolderUnwritable, dir, e))?;
    let name = free_name(dir, kind, now);
    let target = dir.join(&name);
    let temp = dir.join(format!(".{name}.part"));
    let written = copy_through_api(source, &temp).and_then(|()| {
        check(&temp).map_err(|e| Error::Io(format!("the backup did not read back: {e}")))?;
        sync_file(&temp)?;
        std::fs::rename(&temp, &target)
            .map_err(|e| Error::file(Reason::FolderUnwritable, dir, e))?;
        sync_dir(dir);
        Ok(())
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    tracing::info!(path = %target.display(), ?kind, "backup written");
    describe(dir, &name)
}

/// Copies the workspace at `source` into a new file `target` (a brand
/// duplicated), the way a backup is taken: checked, synced, renamed.
pub fn copy(source: &Path, target: &Path) -> Result<()> {
    if target.exists() {
        return Err(Error::conflict(
            Reason::AlreadyExists,
            "a file is already there",
        ));
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::file(Reason::FolderUnwritable, dir, e))?;
    let temp = sidecar(target, ".part");
    let written = copy_through_api(source, &temp).and_then(|()| {
        check(&temp)?;
        sync_file(&temp)?;
        std::fs::rename(&temp, target)
            .map_err(|e| Error::file(Reason::FolderUnwritable, dir, e))?;
        sync_dir(dir);
        Ok(())
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

fn copy_through_api(source: &Path, temp: &Path) -> Result<()> {
    let src = file_check::open_read_only(source)?;
    src.busy_timeout(Duration::from_secs(5))?;
    let _ = std::fs::remove_file(temp);
    let mut dst =
        Connection::open(temp).map_err(|e| Error::file(Reason::FolderUnwritable, temp, e))?;
    {
        let backup = Backup::new(&src, &mut dst)?;
        // All pages in one step: one read transaction, one snapshot, which
        // the app's commits meanwhile do not restart.
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                _ => {}
            }
        }
    }
    // A backup is a single file: no log beside it.
    dst.pragma_update(None, "journal_mode", "DELETE")?;
    drop(dst);
    Ok(())
}

/// What a backup file holds, after checking it is a whole Tribu workspace.
fn check(path: &Path) -> Result<()> {
    match file_check::inspect(path, crate::store::schema_version()) {
        Ok(Found::Workspace(_)) => Ok(()),
        Ok(_) => Err(Error::file(Reason::BackupDamaged, path, "empty")),
        Err(e) => Err(Error::file(Reason::BackupDamaged, path, e)),
    }
}

/// The brand's backups in `dir`, newest first. A folder that does not
/// exist yet has none.
pub fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::file(Reason::FolderUnwritable, dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if parse_name(&name).is_some() {
            out.push(describe(dir, &name)?);
        }
    }
    out.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.file.cmp(&a.file)));
    Ok(out)
}

/// Whether `dir` holds a backup taken at or after `since`.
pub fn any_since(dir: &Path, since: DateTime<Utc>) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries.flatten().any(|e| {
                parse_name(&e.file_name().to_string_lossy()).is_some_and(|(at, _)| at >= since)
            })
        })
        .unwrap_or(false)
}

/// Puts the backup `file` of `dir` in place of the workspace at
/// `workspace`, after checking the backup (a damaged one is refused before
/// anything is touched) and backing up the current state (`pre_restore`;
/// a file too damaged to back up is set aside as it is). The workspace must
/// not be open in this process; another holder of its lock refuses it.
/// The replacement is a rename, so the workspace is either all the old
/// one or all the backup.
pub fn restore(workspace: &Path, dir: &Path, file: &str, now: DateTime<Utc>) -> Result<BackupInfo> {
    let backup = dir.join(file);
    if parse_name(file).is_none() || !backup.is_file() {
        return Err(Error::NotFound { what: "backup" });
    }
    check(&backup)?;
    let _lock = match lock::acquire(workspace, now)? {
        Acquired::Held(lock) => lock,
        Acquired::Taken(holder) => {
            return Err(Error::file(
                Reason::WorkspaceLocked,
                workspace,
                format!("open by {}@{}", holder.user, holder.host),
            ))
        }
    };
    let before = match file_check::inspect(workspace, i64::MAX) {
        Ok(Found::Workspace(_)) => Some(take(workspace, dir, BackupKind::PreRestore, now)?),
        Ok(_) => None,
        Err(_) => Some(set_aside(workspace, dir, now)?),
    };
    let folder = workspace.parent().unwrap_or(Path::new("."));
    let temp = sidecar(workspace, ".restore-part");
    let placed = (|| {
        std::fs::copy(&backup, &temp)
            .map_err(|e| Error::file(Reason::FolderUnwritable, folder, e))?;
        sync_file(&temp)?;
        // The old file's log belongs to the old file: left there, SQLite
        // would replay it onto the restored one.
        for suffix in ["-wal", "-shm"] {
            match std::fs::remove_file(sidecar(workspace, suffix)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::file(Reason::WorkspaceUnwritable, workspace, e)),
            }
        }
        std::fs::rename(&temp, workspace)
            .map_err(|e| Error::file(Reason::WorkspaceUnwritable, workspace, e))?;
        sync_dir(folder);
        Ok(())
    })();
    if let Err(e) = placed {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    tracing::info!(backup = %backup.display(), before = ?before.map(|b| b.file), "backup restored");
    describe(dir, file)
}

/// Copies a file that cannot be read as a workspace, byte for byte, among
/// the backups, so that restoring over it loses nothing.
fn set_aside(workspace: &Path, dir: &Path, now: DateTime<Utc>) -> Result<BackupInfo> {
    std::fs::create_dir_all(dir).map_err(|e| Error::file(Reason::FolderUnwritable, dir, e))?;
    let name = free_name(dir, BackupKind::PreRestore, now);
    let temp = dir.join(format!(".{name}.part"));
    std::fs::copy(workspace, &temp).map_err(|e| Error::file(Reason::FolderUnwritable, dir, e))?;
    sync_file(&temp)?;
    std::fs::rename(&temp, dir.join(&name))
        .map_err(|e| Error::file(Reason::FolderUnwritable, dir, e))?;
    sync_dir(dir);
    describe(dir, &name)
}

/// A name for a backup of `kind` at `now` that no backup in `dir` has.
fn free_name(dir: &Path, kind: BackupKind, now: DateTime<Utc>) -> String {
    let stamp = now.format(TIME_FORMAT);
    let mut name = format!("{stamp}_{}.{EXTENSION}", kind.key());
    let mut n = 2;
    while dir.join(&name).exists() {
        name = format!("{stamp}_{}-{n}.{EXTENSION}", kind.key());
        n += 1;
    }
    name
}

/// `2026-12-02T09-30-00Z_daily-2.tribu` → (its time, daily).
pub(crate) fn parse_name(name: &str) -> Option<(DateTime<Utc>, BackupKind)> {
    let stem = name.strip_suffix(&format!(".{EXTENSION}"))?;
    let (stamp, kind) = stem.split_once('_')?;
    let kind = match kind.rsplit_once('-') {
        Some((kind, n)) if n.chars().all(|c| c.is_ascii_digit()) => kind,
        _ => kind,
    };
    let at = NaiveDateTime::parse_from_str(stamp, TIME_FORMAT)
        .ok()?
        .and_utc();
    Some((at, BackupKind::from_key(kind)?))
}

fn describe(dir: &Path, name: &str) -> Result<BackupInfo> {
    let path = dir.join(name);
    let (taken_at, kind) = parse_name(name).ok_or(Error::NotFound { what: "backup" })?;
    let size = std::fs::metadata(&path)
        .map_err(|e| Error::file(Reason::BackupDamaged, &path, e))?
        .len();
    // What it holds, when it reads; a damaged one is still listed (and
    // refused when chosen).
    let contents = file_check::open_read_only(&path).ok().and_then(|conn| {
        let posts: i64 = conn
            .query_row("SELECT count(*) FROM post", [], |r| r.get(0))
            .ok()?;
        let posts = u64::try_from(posts).unwrap_or(0);
        let setting = |key: &str| -> Option<String> {
            conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .ok()
        };
        Some((posts, setting("brand.name"), setting("brand.id")))
    });
    let (posts, brand, brand_id) = contents.unwrap_or((0, None, None));
    Ok(BackupInfo {
        file: name.to_string(),
        kind,
        taken_at: taken_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        size,
        posts,
        brand,
        brand_id,
    })
}

fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::file(Reason::FolderUnwritable, path, e))
}

/// Makes a rename in `dir` durable; a failure here only weakens the
/// guarantee against a power cut, so it is logged.
fn sync_dir(dir: &Path) {
    if let Err(e) = std::fs::File::open(dir).and_then(|d| d.sync_all()) {
        tracing::warn!(error = %e, dir = %dir.display(), "folder not synced");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_time_and_the_kind() {
        let at: DateTime<Utc> = "2026-12-02T09:30:05Z".parse().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let name = free_name(dir.path(), BackupKind::PreMigration, at);
        assert_eq!(name, "2026-12-02T09-30-05Z_pre_migration.tribu");
        assert_eq!(parse_name(&name), Some((at, BackupKind::PreMigration)));
        std::fs::write(dir.path().join(&name), b"").unwrap();
        let second = free_name(dir.path(), BackupKind::PreMigration, at);
        assert_eq!(second, "2026-12-02T09-30-05Z_pre_migration-2.tribu");
        assert_eq!(parse_name(&second), Some((at, BackupKind::PreMigration)));
        assert_eq!(parse_name("notes.txt"), None);
        assert_eq!(parse_name("2026-12-02T09-30-05Z_weekly.tribu"), None);
    }

    #[test]
    fn the_folder_is_named_after_the_file() {
        assert_eq!(
            folder(Path::new("/data"), Path::new("/elsewhere/Soleil.tribu")),
            PathBuf::from("/data/backups/Soleil")
        );
    }
}
