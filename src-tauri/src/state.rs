//! The open workspace, shared by every command.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tribu_core::{ErrorPayload, Store};

use crate::scheduler::Waker;

/// The workspace store, or why it could not be opened. The window starts
/// either way and shows the error instead of crashing.
pub struct AppState {
    store: Result<Mutex<Store>, ErrorPayload>,
    /// Files exported this session outside the exports folder ("Save as"),
    /// the only other files the window may ask to open.
    exports: Mutex<HashSet<PathBuf>>,
    /// Tells the reminder scheduler that what is due next may have changed.
    pub scheduler: Waker,
}

impl AppState {
    pub fn new(store: tribu_core::Result<Store>) -> Self {
        AppState {
            store: store.map(Mutex::new).map_err(|e| e.payload()),
            exports: Mutex::default(),
            scheduler: Waker::default(),
        }
    }

    /// Runs `action` on the store and turns a core error into its payload.
    pub fn with<T>(
        &self,
        action: impl FnOnce(&mut Store) -> tribu_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic in another command poisons the lock; the store itself is
        // still consistent (every write is a transaction), so carry on.
        let mut guard = store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        action(&mut guard).map_err(|e| {
            tracing::warn!(error = %e, "command failed");
            e.payload()
        })
    }

    /// Like [`AppState::with`], for an action that changes posts or their
    /// reminders: the scheduler is woken once it is done.
    pub fn changing_posts<T>(
        &self,
        action: impl FnOnce(&mut Store) -> tribu_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let out = self.with(action);
        self.scheduler.wake();
        out
    }

    pub fn remember_export(&self, path: PathBuf) {
        self.exports
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(path);
    }

    pub fn wrote_export(&self, path: &Path) -> bool {
        self.exports
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .contains(path)
    }
}
