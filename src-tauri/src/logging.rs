//! Logs go to `tribu.log` in the app's log folder; when that folder cannot be
//! created, to standard error, so a broken disk never stops the app.

use std::sync::Mutex;

use tauri::Manager;
use tracing_subscriber::EnvFilter;

pub fn init(app: &tauri::App) {
    let filter = EnvFilter::try_from_env("TRIBU_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let file = app
        .path()
        .app_log_dir()
        .ok()
        .and_then(|dir| {
            std::fs::create_dir_all(&dir)
                .ok()
                .map(|_| dir.join("tribu.log"))
        })
        .and_then(|path| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .ok()
        });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false);
    let _ = match file {
        Some(file) => builder.with_writer(Mutex::new(file)).try_init(),
        None => builder.with_writer(std::io::stderr).try_init(),
    };
}
