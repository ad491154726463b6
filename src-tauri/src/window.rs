//! The main window's life: its title names the brand, a second launch of
//! the app comes back to it, closing waits for the pending saves.

use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};

use tauri::{AppHandle, Emitter, Manager, Window, WindowEvent};
use tribu_core::workspace::WorkspaceInfo;

use crate::state::AppState;
use crate::BRAND_SWITCHED_EVENT;

/// Asks the window to save what it has pending and call `window_close_ready`.
pub const CLOSE_REQUESTED_EVENT: &str = "close-requested";

/// Asks the window to open a post (a notification was clicked).
pub const OPEN_POST_EVENT: &str = "open-post";

/// A second close within this many milliseconds of an unanswered first one
/// closes the window anyway: a frozen page never keeps the app open.
const FORCE_CLOSE_MS: i64 = 3_000;

static CLOSE_ASKED_AT: AtomicI64 = AtomicI64::new(0);

/// The title names the brand; the window hears which brand is open.
pub fn brand_switched(app: &AppHandle, info: &WorkspaceInfo) {
    crate::watch::follow(Path::new(&info.path));
    if let Some(window) = app.get_webview_window("main") {
        let title = format!("{} — Tribu", info.brand.name);
        if let Err(e) = window.set_title(&title) {
            tracing::warn!(error = %e, "window title not set");
        }
    }
    if let Err(e) = app.emit(BRAND_SWITCHED_EVENT, info) {
        tracing::warn!(error = %e, "the window was not told about the brand");
    }
}

/// Closing: the window first saves what is waiting in its autosave delay.
pub fn on_event(window: &Window, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        let now = chrono::Utc::now().timestamp_millis();
        let asked = CLOSE_ASKED_AT.swap(now, Ordering::Relaxed);
        if now - asked < FORCE_CLOSE_MS {
            window.app_handle().state::<AppState>().close();
            return;
        }
        api.prevent_close();
        if let Err(e) = window.emit(CLOSE_REQUESTED_EVENT, ()) {
            tracing::warn!(error = %e, "close request not passed to the window");
            window.app_handle().state::<AppState>().close();
            let _ = window.destroy();
        }
    }
}

/// Another launch of the app ran with `args`: this window comes forward,
/// and opens the brand file it was given, if any.
pub fn second_launch(app: &AppHandle, args: Vec<String>, cwd: &Path) {
    tracing::info!(?args, "second launch handed over");
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Some(path) = crate::brand_file_in(args.into_iter().skip(1), cwd) {
        open_brand(app, &path, None);
    }
}

/// Opens the brand at `path` (a clicked notification, a file handed over)
/// and, when given, the post `post_id` in it.
pub fn open_brand(app: &AppHandle, path: &Path, post_id: Option<&str>) {
    let app = app.clone();
    let path = path.to_path_buf();
    let post_id = post_id.map(str::to_owned);
    // Opening a file is disk work: off the thread that called.
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        if let Err(e) = state.switch_to(&path) {
            tracing::warn!(message = %e.message, path = %path.display(), "brand not opened");
            return;
        }
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.set_focus();
        }
        if let Some(post_id) = post_id {
            let payload = serde_json::json!({ "postId": post_id });
            if let Err(e) = app.emit(OPEN_POST_EVENT, payload) {
                tracing::warn!(error = %e, "the window was not asked to open the post");
            }
        }
    });
}

/// Rewrites the lock's heartbeat now and then, so that another computer
/// sharing the folder sees this one still holds the brand.
pub fn keep_lock_alive(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(tribu_core::store::lock::HEARTBEAT).await;
            let app = app.clone();
            let refreshed = tauri::async_runtime::spawn_blocking(move || {
                app.state::<AppState>().with(|store| store.refresh_lock())
            })
            .await;
            if let Ok(Err(e)) = refreshed {
                tracing::debug!(message = %e.message, "lock heartbeat not written");
            }
        }
    });
}
