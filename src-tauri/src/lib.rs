//! The desktop shell: opens the workspace, registers the commands, logs to a
//! file. The domain lives in `tribu-core`.

mod commands;
mod logging;
mod platform;
mod scheduler;
mod state;

use commands::{charter, crisis, exports, key_dates, kpi, networks, posts, schedule, workspace};
use state::AppState;
use tauri::Manager;

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
            let waker = app.state::<AppState>().scheduler.clone();
            scheduler::spawn(app.handle().clone(), waker);
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
            schedule::schedule_settings_get,
            schedule::settings_set_reminder_lead,
            schedule::settings_set_audience_zone,
            schedule::settings_set_max_gap_days,
            schedule::posts_recurring_range,
            schedule::occurrence_move,
            schedule::occurrence_delete,
            schedule::posts_overdue,
            schedule::rhythm_report,
            schedule::rhythm_targets,
            schedule::rhythm_target_set,
            crisis::crisis_state,
            crisis::crisis_start,
            crisis::crisis_end,
            crisis::crisis_tick,
            crisis::crisis_log_add,
            crisis::crisis_history,
            kpi::kpi_dashboard,
            kpi::kpi_export_pdf,
            kpi::kpi_objectives,
            kpi::kpi_objective_create,
            kpi::kpi_objective_update,
            kpi::kpi_objective_delete,
            kpi::kpi_create,
            kpi::kpi_update,
            kpi::kpi_delete,
            kpi::observation_add,
            kpi::observation_delete,
            kpi::observations_list,
            kpi::csv_guess_mapping,
            kpi::csv_preview,
            kpi::csv_import,
            kpi::post_result_get,
            kpi::post_result_set,
            kpi::post_result_clear,
        ])
        .run(tauri::tauri_build_context!())
        .unwrap_or_else(|e| {
            eprintln!("Tribu could not start its window: {e}");
            std::process::exit(1);
        });
}
