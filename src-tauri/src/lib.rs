//! The desktop shell: opens the workspace, registers the commands, logs to a
//! file. The domain lives in `tribu-core`.

mod commands;
mod logging;
mod platform;
mod state;

use commands::{charter, exports, key_dates, networks, posts, workspace};
use state::AppState;

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
        .manage(AppState::new(store))
        .setup(|app| {
            logging::init(app);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            workspace::workspace_info,
            workspace::settings_set_locale,
            networks::networks_list,
            networks::network_create,
            networks::network_update,
            networks::network_delete,
            posts::posts_list_range,
            posts::posts_backlog,
            posts::posts_themes,
            posts::post_get,
            posts::post_create,
            posts::post_update,
            posts::post_delete,
            posts::post_restore,
            posts::post_move,
            posts::post_unschedule,
            key_dates::key_dates_list_range,
            key_dates::key_date_create,
            key_dates::key_date_delete,
            charter::charter_get,
            charter::charter_save_section,
            charter::charter_undo,
            charter::draft_check,
            charter::charter_export_pdf,
            charter::posts_draft_warnings,
            exports::export_open,
            exports::export_open_folder,
        ])
        .run(tauri::tauri_build_context!())
        .unwrap_or_else(|e| {
            eprintln!("Tribu could not start its window: {e}");
            std::process::exit(1);
        });
}
