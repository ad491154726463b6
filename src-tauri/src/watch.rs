//! Commits made to the open workspace by another program (the command
//! line, another copy of Tribu) show in the window as the app's own do.
//!
//! The workspace's folder is watched; when the file or its write-ahead log
//! changes, the store is asked what changed. `Store::take_changes` compares
//! SQLite's `data_version`, which moves only for other connections' commits,
//! and `AppState::with` announces the result like any command's. The app's
//! own writes wake the watcher too and find nothing new: one pragma.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};
use tauri::{AppHandle, Manager};

use crate::state::AppState;

/// How long a burst of file events may last before the store is asked.
const SETTLE: Duration = Duration::from_millis(50);

/// Starts watching `file` for as long as the app lives. A folder that
/// cannot be watched costs only this: changes from elsewhere show at the
/// next command.
pub fn spawn(app: AppHandle, file: PathBuf) {
    let spawned = std::thread::Builder::new()
        .name("workspace-watch".into())
        .spawn(move || {
            if let Err(e) = watch(&app, &file) {
                tracing::warn!(error = %e, path = %file.display(), "workspace not watched");
            }
        });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "workspace watcher not started");
    }
}

fn watch(app: &AppHandle, file: &Path) -> notify::Result<()> {
    let folder = file.parent().unwrap_or(Path::new("."));
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx)?;
    watcher.watch(folder, RecursiveMode::NonRecursive)?;
    let wal = wal_of(file);
    while let Ok(event) = rx.recv() {
        let Ok(event) = event else { continue };
        let relevant = matches!(event.kind, EventKind::Modify(_) | EventKind::Create(_))
            && event.paths.iter().any(|p| p == file || p == &wal);
        if !relevant {
            continue;
        }
        // A commit writes several pages: let the burst end.
        while rx.recv_timeout(SETTLE).is_ok() {}
        let _ = app.state::<AppState>().with(|_| Ok(()));
    }
    Ok(())
}

/// `brand.tribu` → `brand.tribu-wal`, where SQLite appends commits in WAL mode.
fn wal_of(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_sits_beside_the_file() {
        assert_eq!(
            wal_of(Path::new("/data/workspaces/default.tribu")),
            PathBuf::from("/data/workspaces/default.tribu-wal")
        );
    }
}
