//! Which brand is open: the first one at launch, a switch to another, one
//! just created, a restore from a backup; and the brand's backups. Each
//! opens (and checks) the new file before letting go of the open one.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use chrono::Utc;
use tribu_core::backup::{self, BackupInfo, BackupKind};
use tribu_core::store::Opening;
use tribu_core::workspace::WorkspaceInfo;
use tribu_core::{ErrorPayload, Store};

use super::{lock, AppState, Current};

impl AppState {
    /// Opens the brand to start with: `requested` (a file given on the
    /// command line), else the last one used, else the first brand (the
    /// `default.tribu` of a user from before brands, or a new one).
    pub fn open_first(&self, requested: Option<PathBuf>) {
        let path = {
            let registry = lock(&self.registry);
            requested
                .or_else(|| registry.last().map(Path::to_path_buf))
                .or_else(|| registry.paths().into_iter().find(|p| p.is_file()))
                .unwrap_or_else(|| tribu_core::workspace::default_workspace_file(&self.data_dir))
        };
        let _files = lock(&self.files);
        let opened = self.open_store(&path);
        if let Err(e) = &opened {
            eprintln!("Tribu could not open {}: {e}", path.display());
        }
        self.enter(path, opened.map_err(|e| e.payload()));
    }

    /// Opens the brand at `path` in place of the open one. The new file is
    /// opened (and checked) first: when it cannot be, the open brand stays.
    pub fn switch_to(&self, path: &Path) -> Result<WorkspaceInfo, ErrorPayload> {
        let _files = lock(&self.files);
        {
            let current = lock(&self.current);
            if current.path == path && current.store.is_ok() {
                drop(current);
                return self.info();
            }
        }
        let store = self.open_store(path).map_err(|e| e.payload())?;
        self.enter(path.to_path_buf(), Ok(store));
        self.info()
    }

    /// Makes `store` (just created) the open brand.
    pub fn enter_store(&self, store: Store) -> Result<WorkspaceInfo, ErrorPayload> {
        let _files = lock(&self.files);
        self.enter(store.path().to_path_buf(), Ok(store));
        self.info()
    }

    pub(super) fn open_store(&self, path: &Path) -> tribu_core::Result<Store> {
        Store::open_with(
            path,
            &Opening {
                backups: Some(backup::folder(&self.data_dir, path)),
                device: Some(tribu_core::device::id(&self.data_dir)),
            },
        )
    }

    /// Puts `store` in place of the open brand, closing the previous one,
    /// records it in the brand list, and tells the window. Its daily backup
    /// is taken in the background.
    fn enter(&self, path: PathBuf, store: Result<Store, ErrorPayload>) {
        let session = self.sessions.fetch_add(1, Ordering::Relaxed);
        let opened = store.as_ref().ok().and_then(|s| s.brand().ok());
        let writable = store.as_ref().is_ok_and(|s| !s.access().read_only);
        let previous = std::mem::replace(
            &mut *lock(&self.current),
            Current {
                path: path.clone(),
                store,
                session,
            },
        );
        if let Ok(store) = &previous.store {
            let next = store
                .next_due(Utc::now())
                .ok()
                .flatten()
                .and_then(|item| chrono::DateTime::parse_from_rfc3339(&item.at).ok())
                .map(|at| at.with_timezone(&Utc));
            lock(&self.left).push((previous.path.clone(), next));
        }
        // Closing checkpoints the previous file and releases its lock.
        drop(previous);
        if let Some(brand) = opened {
            let saved = self.update_registry(|r| r.opened(&path, &brand, Utc::now()));
            if let Err(e) = saved {
                tracing::warn!(message = %e.message, "brand list not saved");
            }
            if writable {
                self.daily_backup(path.clone());
            }
        }
        self.scheduler.wake();
        if let (Some(switched), Ok(info)) = (self.switched.get(), self.info()) {
            switched(&info);
        }
    }

    /// The first opening of a day backs the brand up, off the window's way.
    fn daily_backup(&self, path: PathBuf) {
        let dir = backup::folder(&self.data_dir, &path);
        let midnight = chrono::Local::now()
            .date_naive()
            .and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(chrono::Local).earliest())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(Utc::now);
        if backup::any_since(&dir, midnight) {
            return;
        }
        let spawned = std::thread::Builder::new()
            .name("daily-backup".into())
            .spawn(move || {
                let taken = backup::take(&path, &dir, BackupKind::Daily, Utc::now())
                    .and_then(|_| backup::rotate(&dir));
                if let Err(e) = taken {
                    tracing::warn!(error = %e, "daily backup not taken");
                }
            });
        if let Err(e) = spawned {
            tracing::warn!(error = %e, "daily backup not started");
        }
    }

    /// The backups folder of the open brand (or of the file that failed).
    pub fn backups_dir(&self) -> PathBuf {
        backup::folder(&self.data_dir, &self.current_path())
    }

    /// Backs up the open brand now, while the window keeps working: the
    /// backup reads through a connection of its own.
    pub fn back_up(&self, kind: BackupKind) -> Result<BackupInfo, ErrorPayload> {
        let path = self.current_path();
        let dir = backup::folder(&self.data_dir, &path);
        let info = backup::take(&path, &dir, kind, Utc::now()).map_err(|e| e.payload())?;
        if let Err(e) = backup::rotate(&dir) {
            tracing::warn!(error = %e, "backups not rotated");
        }
        Ok(info)
    }

    /// Restores the backup `file` of the open brand (or of the file that
    /// could not be opened): the brand is closed, the backup put in place
    /// (see [`backup::restore`]) and the brand opened again. When the
    /// restore is refused, the brand as it was opens again.
    pub fn restore(&self, file: &str) -> Result<WorkspaceInfo, ErrorPayload> {
        let _files = lock(&self.files);
        let path = self.current_path();
        let dir = backup::folder(&self.data_dir, &path);
        {
            let mut current = lock(&self.current);
            let closing = std::mem::replace(
                &mut current.store,
                Err(tribu_core::Error::NotFound { what: "workspace" }.payload()),
            );
            drop(closing);
        }
        let restored = backup::restore(&path, &dir, file, Utc::now());
        let reopened = self.open_store(&path).map_err(|e| e.payload());
        self.enter(path, reopened);
        restored.map_err(|e| e.payload())?;
        if let Err(e) = backup::rotate(&dir) {
            tracing::warn!(error = %e, "backups not rotated");
        }
        self.info()
    }
}
