//! The main window's life: its title names the brand, a second launch of
//! the app comes back to it, closing waits for the pending saves.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager, Window, WindowEvent};
use tribu_core::workspace::WorkspaceInfo;

use crate::state::AppState;
use crate::BRAND_SWITCHED_EVENT;

/// Asks the window to save what it has pending and call `window_close_ready`.
pub const CLOSE_REQUESTED_EVENT: &str = "close-requested";

/// Asks the window to open a brand, and maybe a post in it (a file handed
/// over by a second launch, a clicked notification): `{ path, postId? }`.
/// The window saves what it has pending, then switches itself.
pub const OPEN_REQUESTED_EVENT: &str = "open-requested";

/// How long the page has to answer a close request (`window_close_held`
/// or `window_close_ready`) before the window closes anyway: a page that
/// died never keeps the app open.
const CLOSE_ANSWER: Duration = Duration::from_secs(5);

/// A close request the page has not answered yet.
static CLOSE_UNANSWERED: AtomicBool = AtomicBool::new(false);

/// The page took the close request in hand (it saves, or asks the user).
pub fn close_held() {
    CLOSE_UNANSWERED.store(false, Ordering::Relaxed);
}

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
        api.prevent_close();
        CLOSE_UNANSWERED.store(true, Ordering::Relaxed);
        if let Err(e) = window.emit(CLOSE_REQUESTED_EVENT, ()) {
            tracing::warn!(error = %e, "close request not passed to the window");
        }
        let window = window.clone();
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(CLOSE_ANSWER).await;
            if CLOSE_UNANSWERED.swap(false, Ordering::Relaxed) {
                tracing::warn!("the page did not answer the close request: closing");
                close_now(&window.app_handle().clone());
            }
        });
    }
}

/// Closes the brand (checkpointed, its lock released) and the window.
pub fn close_now(app: &AppHandle) {
    app.state::<AppState>().close();
    match app.get_webview_window("main") {
        Some(window) => {
            if let Err(e) = window.destroy() {
                tracing::warn!(error = %e, "the window did not close");
                app.exit(0);
            }
        }
        None => app.exit(0),
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
    // The first argument is the program.
    if let Some(path) = crate::brand_file_in(args.into_iter().skip(1), cwd) {
        open_brand(app, &path, None);
    }
}

/// Asks the window to open the brand at `path` (a clicked notification, a
/// file handed over) and, when given, the post `post_id` in it. The window
/// switches itself, after saving what it has pending for the brand it
/// leaves.
pub fn open_brand(app: &AppHandle, path: &Path, post_id: Option<&str>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    let payload = serde_json::json!({ "path": path, "postId": post_id });
    if let Err(e) = app.emit(OPEN_REQUESTED_EVENT, payload) {
        tracing::warn!(error = %e, "the window was not asked to open the brand");
    }
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
