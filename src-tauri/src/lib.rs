//! The desktop shell: opens the workspace, registers the commands, tells
//! the window what changed, logs to a file. The domain lives in
//! `tribu-core`, the documents in `tribu-pdf`.

mod commands;
mod logging;
mod platform;
mod scheduler;
mod state;
mod watch;

use state::AppState;
use tauri::{Emitter, Manager};

/// The event the window refetches on: `{ topics: [...] }`, what a command
/// changed.
pub const CHANGED_EVENT: &str = "changed";

pub fn run() {
    platform::tune_webview();
    let store = tribu_core::workspace::default_workspace_file()
        .and_then(|path| tribu_core::Store::open(&path));
    if let Err(e) = &store {
        eprintln!("Tribu could not open its workspace: {e}");
    }
    tauri::Builder::default()
        // Used from Rust only ("Save as" and "Open" are commands of ours):
        // no permission of these plugins is granted to the window.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // Notifications are shown by the scheduler, from Rust.
        .plugin(tauri_plugin_notification::init())
        .manage(AppState::new(store))
        .setup(|app| {
            logging::init(app);
            let handle = app.handle().clone();
            let state = app.state::<AppState>();
            state.announce_with(Box::new(move |changes| {
                if let Err(e) = handle.emit(CHANGED_EVENT, changes) {
                    tracing::warn!(error = %e, "the window was not told what changed");
                }
            }));
            scheduler::spawn(app.handle().clone(), state.scheduler.clone());
            if let Ok(file) = state.with(|store| Ok(store.path().to_path_buf())) {
                watch::spawn(app.handle().clone(), file);
            }
            Ok(())
        })
        .invoke_handler(commands::invoke_handler())
        .run(tauri::tauri_build_context!())
        .unwrap_or_else(|e| {
            eprintln!("Tribu could not start its window: {e}");
            std::process::exit(1);
        });
}
