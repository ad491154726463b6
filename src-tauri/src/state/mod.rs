//! The open brand, shared by every command, and the one path every command
//! takes to it. Opening, switching, backing up and restoring brands are in
//! `opening`.

mod opening;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU32;
use std::sync::{Mutex, MutexGuard, OnceLock};

use chrono::Utc;
use tribu_core::brands::Registry;
use tribu_core::store::{Changes, Topic};
use tribu_core::workspace::WorkspaceInfo;
use tribu_core::{ErrorPayload, Store};

use crate::scheduler::Waker;

/// Tells the window what a command changed (the `changed` event).
pub type Announce = Box<dyn Fn(&Changes) + Send + Sync>;

/// Tells the window, and its title, that another brand is open.
pub type Switched = Box<dyn Fn(&WorkspaceInfo) + Send + Sync>;

/// The brand open now: its file, and its store or why it could not be
/// opened. The window starts either way and shows the error (with the
/// file's backups) instead of crashing.
struct Current {
    path: PathBuf,
    store: Result<Store, ErrorPayload>,
    session: u32,
}

pub struct AppState {
    data_dir: PathBuf,
    current: Mutex<Current>,
    /// The brands the app knows (`brands.json`).
    registry: Mutex<Registry>,
    /// Held while a brand file is being opened or closed, by the window or
    /// by the scheduler visiting another brand, so that two openers in this
    /// process never take each other's lock for another program's.
    files: Mutex<()>,
    sessions: AtomicU32,
    /// Brands just left, with when their next notice falls due, read
    /// before closing them: the scheduler need not open them again.
    left: Mutex<Vec<(PathBuf, Option<chrono::DateTime<Utc>>)>>,
    /// Files exported this session (canonical paths), the only files the
    /// window may ask to open.
    exports: Mutex<HashSet<PathBuf>>,
    /// The CSV files being imported, read in Rust, kept under a token.
    pub csv: crate::csv_files::CsvFiles,
    /// Tells the reminder scheduler that what is due next may have changed.
    pub scheduler: Waker,
    /// Set once the window exists.
    announce: OnceLock<Announce>,
    switched: OnceLock<Switched>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic in another command poisons the lock; what it guards is still
    // consistent (every write is a transaction), so carry on.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    /// The state before any brand is open: the brand list is read, no
    /// file is touched yet. [`AppState::open_first`] opens one, once the
    /// app knows it is the only copy running (a second launch must not open,
    /// let alone lock or back up, a file before handing over).
    pub fn new(data_dir: PathBuf) -> AppState {
        let registry = Registry::load(&data_dir);
        AppState {
            data_dir,
            current: Mutex::new(Current {
                path: PathBuf::new(),
                store: Err(tribu_core::Error::NotFound { what: "workspace" }.payload()),
                session: 0,
            }),
            registry: Mutex::new(registry),
            files: Mutex::default(),
            sessions: AtomicU32::new(1),
            left: Mutex::default(),
            exports: Mutex::default(),
            csv: Default::default(),
            scheduler: Waker::default(),
            announce: OnceLock::new(),
            switched: OnceLock::new(),
        }
    }

    /// A state with its first brand open (tests).
    #[cfg(test)]
    pub fn launch(data_dir: PathBuf, requested: Option<PathBuf>) -> AppState {
        let state = AppState::new(data_dir);
        state.open_first(requested);
        state
    }

    /// A state on one store, for tests of the commands.
    #[cfg(test)]
    pub fn on_store(store: tribu_core::Result<Store>) -> Self {
        let path = store
            .as_ref()
            .map(|s| s.path().to_path_buf())
            .unwrap_or_default();
        let data_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        AppState {
            data_dir,
            current: Mutex::new(Current {
                path,
                store: store.map_err(|e| e.payload()),
                session: 1,
            }),
            registry: Mutex::default(),
            files: Mutex::default(),
            sessions: AtomicU32::new(2),
            left: Mutex::default(),
            exports: Mutex::default(),
            csv: Default::default(),
            scheduler: Waker::default(),
            announce: OnceLock::new(),
            switched: OnceLock::new(),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Where the changes of every later command are announced.
    pub fn announce_with(&self, announce: Announce) {
        if self.announce.set(announce).is_err() {
            tracing::warn!("changes are already announced elsewhere");
        }
    }

    /// Where each change of brand is announced.
    pub fn on_switch(&self, switched: Switched) {
        if self.switched.set(switched).is_err() {
            tracing::warn!("brand switches are already announced elsewhere");
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
        let mut current = lock(&self.current);
        let store = current.store.as_mut().map_err(|e| e.clone())?;
        let out = action(store).map_err(|e| {
            tracing::warn!(error = %e, "command failed");
            e.payload()
        });
        let changes = store.take_changes();
        drop(current);
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

    /// Tells the window (and its title) what the open brand now is.
    pub fn announce_switch(&self, info: &WorkspaceInfo) {
        if let Some(switched) = self.switched.get() {
            switched(info);
        }
    }

    /// The open brand's file, open or not.
    pub fn current_path(&self) -> PathBuf {
        lock(&self.current).path.clone()
    }

    /// False when the open brand's file could not be opened: what
    /// [`AppState::with`] then returns is that opening error.
    pub fn is_open(&self) -> bool {
        lock(&self.current).store.is_ok()
    }

    /// What the window shows of the open brand; the opening error when it
    /// could not be opened.
    pub fn info(&self) -> Result<WorkspaceInfo, ErrorPayload> {
        let current = lock(&self.current);
        let store = current.store.as_ref().map_err(Clone::clone)?;
        let info = (|| {
            Ok(WorkspaceInfo {
                path: current.path.display().to_string(),
                locale: store.locale()?,
                system_locale: sys_locale::get_locale(),
                brand: store.brand()?,
                access: store.access().clone(),
                session: current.session,
            })
        })();
        info.map_err(|e: tribu_core::Error| e.payload())
    }

    /// The brands the app knows, the open one marked.
    pub fn registry<T>(&self, read: impl FnOnce(&Registry, &Path) -> T) -> T {
        let path = self.current_path();
        read(&lock(&self.registry), &path)
    }

    /// Changes the list of brands and writes it.
    pub fn update_registry<T>(
        &self,
        change: impl FnOnce(&mut Registry) -> T,
    ) -> Result<T, ErrorPayload> {
        let mut registry = lock(&self.registry);
        let out = change(&mut registry);
        registry.save(&self.data_dir).map_err(|e| e.payload())?;
        Ok(out)
    }

    /// Closes the open brand (the window is closing): the file is
    /// checkpointed and its lock released before the process ends.
    pub fn close(&self) {
        let _files = lock(&self.files);
        let mut current = lock(&self.current);
        current.store = Err(tribu_core::Error::NotFound { what: "workspace" }.payload());
    }

    /// Runs `visit` on the brand at `path`, which is not the open one,
    /// opened for the time of the visit (the scheduler's reminders of other
    /// brands). Nothing when it is the open one.
    pub fn visit<T>(
        &self,
        path: &Path,
        visit: impl FnOnce(&mut Store) -> tribu_core::Result<T>,
    ) -> Option<tribu_core::Result<T>> {
        let _files = lock(&self.files);
        if lock(&self.current).path == path {
            return None;
        }
        Some(
            self.open_store(path)
                .and_then(|mut store| visit(&mut store)),
        )
    }

    /// The brands left since the last call, with their next notice.
    pub fn take_left(&self) -> Vec<(PathBuf, Option<chrono::DateTime<Utc>>)> {
        std::mem::take(&mut *lock(&self.left))
    }

    /// Remembers a file Tribu just wrote, by its canonical path (the
    /// folders' links resolved), so that it may be opened.
    pub fn remember_export(&self, path: &Path) {
        match path.canonicalize() {
            Ok(path) => {
                lock(&self.exports).insert(path);
            }
            Err(e) => tracing::warn!(error = %e, "export not remembered"),
        }
    }

    /// Whether Tribu wrote the file at `canonical`, a canonical path.
    pub fn wrote_export(&self, canonical: &Path) -> bool {
        lock(&self.exports).contains(canonical)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tribu_core::model::NetworkInput;

    use super::*;

    fn state_on(dir: &Path) -> (AppState, Arc<Mutex<Vec<Changes>>>) {
        let state = AppState::on_store(Store::open(&dir.join("ws.tribu")));
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
                // The new network, and the line of the history it makes.
                topics: vec![Topic::Networks, Topic::Journal]
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

    #[test]
    fn launching_opens_the_last_brand_and_switching_keeps_each_file_apart() {
        let data = tempfile::tempdir().unwrap();
        let state = AppState::launch(data.path().to_path_buf(), None);
        let first = state.info().unwrap();
        assert!(
            first.path.ends_with("workspaces/default.tribu"),
            "{}",
            first.path
        );
        let other = data.path().join("workspaces/other.tribu");
        let second = state.switch_to(&other).unwrap();
        assert!(second.session > first.session);
        assert_eq!(second.path, other.display().to_string());
        drop(state);
        let again = AppState::launch(data.path().to_path_buf(), None);
        assert_eq!(again.info().unwrap().path, other.display().to_string());
        let paths = again.registry(|r, _| r.paths());
        assert_eq!(paths.len(), 2, "{paths:?}");
    }

    #[test]
    fn a_file_that_cannot_be_opened_leaves_the_open_brand_in_place() {
        let data = tempfile::tempdir().unwrap();
        let state = AppState::launch(data.path().to_path_buf(), None);
        let before = state.info().unwrap();
        let foreign = data.path().join("notes.tribu");
        std::fs::write(
            &foreign,
            b"plain text, not a database at all, long enough to read a header from it .......",
        )
        .unwrap();
        let err = state.switch_to(&foreign).unwrap_err();
        assert_eq!(err.reason, Some(tribu_core::error::Reason::NotAWorkspace));
        assert_eq!(state.info().unwrap().path, before.path);
    }
}
