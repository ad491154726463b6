//! The open workspace, shared by every command, and the one path every
//! command takes to it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use tribu_core::store::{Changes, Topic};
use tribu_core::{ErrorPayload, Store};

use crate::scheduler::Waker;

/// Tells the window what a command changed (the `changed` event).
pub type Announce = Box<dyn Fn(&Changes) + Send + Sync>;

/// The workspace store, or why it could not be opened. The window starts
/// either way and shows the error instead of crashing.
pub struct AppState {
    store: Result<Mutex<Store>, ErrorPayload>,
    /// Files exported this session outside the exports folder ("Save as"),
    /// the only other files the window may ask to open.
    exports: Mutex<HashSet<PathBuf>>,
    /// Tells the reminder scheduler that what is due next may have changed.
    pub scheduler: Waker,
    /// Set once the window exists.
    announce: OnceLock<Announce>,
}

impl AppState {
    pub fn new(store: tribu_core::Result<Store>) -> Self {
        AppState {
            store: store.map(Mutex::new).map_err(|e| e.payload()),
            exports: Mutex::default(),
            scheduler: Waker::default(),
            announce: OnceLock::new(),
        }
    }

    /// Where the changes of every later command are announced.
    pub fn announce_with(&self, announce: Announce) {
        if self.announce.set(announce).is_err() {
            tracing::warn!("changes are already announced elsewhere");
        }
    }

    /// Runs `action` on the store and turns a core error into its payload.
    /// Whatever the action committed is then announced, once: the views
    /// refetch what changed, and the scheduler looks again at what is due
    /// when posts, settings or the crisis state moved.
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
        let out = action(&mut guard).map_err(|e| {
            tracing::warn!(error = %e, "command failed");
            e.payload()
        });
        let changes = guard.take_changes();
        drop(guard);
        match changes {
            Ok(changes) if !changes.is_empty() => self.announce_changes(&changes),
            Ok(_) => {}
            // What changed could not be read: the next command tells again.
            Err(e) => tracing::warn!(error = %e, "changes not read"),
        }
        out
    }

    fn announce_changes(&self, changes: &Changes) {
        if [Topic::Posts, Topic::Settings, Topic::Crisis]
            .iter()
            .any(|t| changes.touches(*t))
        {
            self.scheduler.wake();
        }
        if let Some(announce) = self.announce.get() {
            announce(changes);
        }
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tribu_core::model::NetworkInput;

    use super::*;

    fn state_on(dir: &Path) -> (AppState, Arc<Mutex<Vec<Changes>>>) {
        let state = AppState::new(Store::open(&dir.join("ws.tribu")));
        let heard = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&heard);
        state.announce_with(Box::new(move |c| sink.lock().unwrap().push(c.clone())));
        (state, heard)
    }

    #[test]
    fn a_write_is_announced_once_with_its_topics_and_a_read_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let (state, heard) = state_on(dir.path());
        state.with(|store| store.networks()).unwrap();
        assert!(heard.lock().unwrap().is_empty(), "reading changes nothing");
        let input = NetworkInput {
            name: "Bluesky".into(),
            color: "#1185fe".into(),
            char_limit: Some(300),
        };
        state.with(|store| store.create_network(&input)).unwrap();
        assert_eq!(
            *heard.lock().unwrap(),
            vec![Changes {
                topics: vec![Topic::Networks]
            }]
        );
    }

    #[test]
    fn a_refused_write_announces_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (state, heard) = state_on(dir.path());
        let blank = NetworkInput {
            name: " ".into(),
            color: "#1185fe".into(),
            char_limit: None,
        };
        assert!(state.with(|store| store.create_network(&blank)).is_err());
        assert!(heard.lock().unwrap().is_empty());
    }
}
