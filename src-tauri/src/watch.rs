//! Commits made to the open brand by another program (the command line,
//! another copy of Tribu) show in the window as the app's own do.
//!
//! The folder of the open brand's file is watched; when the file or its
//! write-ahead log changes, the store is asked what changed.
//! `Store::take_changes` compares SQLite's `data_version`, which moves only
//! for other connections' commits, and `AppState::with` announces the result
//! like any command's. The app's own writes wake the watcher too and find
//! nothing new: one pragma. When another brand opens, the watch follows it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};
use tauri::{AppHandle, Manager};
use tribu_core::store::file_check::sidecar;

use crate::state::AppState;

/// How long a burst of file events may last before the store is asked.
const SETTLE: Duration = Duration::from_millis(50);

enum Message {
    File(notify::Result<notify::Event>),
    /// Another brand is open: watch its folder instead.
    Follow(PathBuf),
}

static FOLLOW: OnceLock<Mutex<Sender<Message>>> = OnceLock::new();

/// Starts watching the open brand for as long as the app lives. A folder
/// that cannot be watched costs only this: changes from elsewhere show at
/// the next command.
pub fn spawn(app: AppHandle) {
    let (tx, rx) = mpsc::channel();
    let file_events = tx.clone();
    let _ = FOLLOW.set(Mutex::new(tx));
    let spawned = std::thread::Builder::new()
        .name("workspace-watch".into())
        .spawn(move || {
            let watcher = notify::recommended_watcher(move |event| {
                let _ = file_events.send(Message::File(event));
            });
            match watcher {
                Ok(watcher) => run(&app, watcher, &rx),
                Err(e) => tracing::warn!(error = %e, "workspaces not watched"),
            }
        });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "workspace watcher not started");
    }
}

/// Points the watch at the brand now open.
pub fn follow(file: &Path) {
    if let Some(tx) = FOLLOW.get() {
        let tx = tx.lock().unwrap_or_else(|p| p.into_inner());
        let _ = tx.send(Message::Follow(file.to_path_buf()));
    }
}

fn run(app: &AppHandle, mut watcher: impl Watcher, rx: &mpsc::Receiver<Message>) {
    let mut file = app.state::<AppState>().current_path();
    let mut folder = watch_folder(&mut watcher, &file, None);
    while let Ok(message) = rx.recv() {
        match message {
            Message::Follow(next) => {
                file = next;
                folder = watch_folder(&mut watcher, &file, folder);
            }
            Message::File(Ok(event)) => {
                let wal = sidecar(&file, "-wal");
                let relevant = matches!(event.kind, EventKind::Modify(_) | EventKind::Create(_))
                    && event.paths.iter().any(|p| *p == file || *p == wal);
                if !relevant {
                    continue;
                }
                // A commit writes several pages: let the burst end.
                loop {
                    match rx.recv_timeout(SETTLE) {
                        Ok(Message::File(_)) => continue,
                        Ok(Message::Follow(next)) => {
                            file = next;
                            folder = watch_folder(&mut watcher, &file, folder);
                        }
                        Err(_) => {}
                    }
                    break;
                }
                let _ = app.state::<AppState>().with(|_| Ok(()));
            }
            Message::File(Err(_)) => {}
        }
    }
}

/// Watches the folder of `file`, leaving `previous`; returns what is watched.
fn watch_folder(
    watcher: &mut impl Watcher,
    file: &Path,
    previous: Option<PathBuf>,
) -> Option<PathBuf> {
    let folder = file.parent().unwrap_or(Path::new(".")).to_path_buf();
    if previous.as_ref() == Some(&folder) {
        return previous;
    }
    if let Some(old) = previous {
        let _ = watcher.unwatch(&old);
    }
    match watcher.watch(&folder, RecursiveMode::NonRecursive) {
        Ok(()) => Some(folder),
        Err(e) => {
            tracing::warn!(error = %e, path = %folder.display(), "workspace not watched");
            None
        }
    }
}
