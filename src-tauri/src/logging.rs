//! Logs go to `tribu.log` in the app's log folder, rotated by size (see
//! `rotating.rs`): past 5 MiB it becomes `tribu.log.1`, and three old files
//! are kept. When that folder cannot be created, logs go to standard error,
//! so a broken disk never stops the app.

mod rotating;

use std::sync::Mutex;

use rotating::RotatingFile;

use tauri::Manager;
use tracing_subscriber::EnvFilter;

/// Bytes a log file holds before it is rotated.
const LOG_LIMIT: u64 = 5 * 1024 * 1024;
/// Old log files kept: `tribu.log.1` (the newest) to `tribu.log.3`.
const LOG_KEEP: usize = 3;

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
        .and_then(|path| RotatingFile::open(path, LOG_LIMIT, LOG_KEEP).ok());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false);
    let _ = match file {
        Some(file) => builder.with_writer(Mutex::new(file)).try_init(),
        None => builder.with_writer(std::io::stderr).try_init(),
    };
}
