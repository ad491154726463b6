//! The desktop shell: opens the brand, registers the commands, tells the
//! window what changed, logs to a file. The domain lives in `tribu-core`,
//! the documents in `tribu-pdf`.

mod commands;
mod csv_files;
mod logging;
mod platform;
mod scheduler;
mod state;
mod watch;
mod window;

use std::path::{Path, PathBuf};

use state::AppState;
use tauri::{Emitter, Manager};

/// The event the window refetches on: `{ topics: [...] }`, what a command
/// changed.
pub const CHANGED_EVENT: &str = "changed";

/// The event that says another brand is open: its `WorkspaceInfo`.
pub const BRAND_SWITCHED_EVENT: &str = "brand-switched";

pub fn run() {
    platform::tune_webview();
    let data_dir = match tribu_core::workspace::data_dir() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("Tribu has no data folder: {e}");
            std::process::exit(1);
        }
    };
    let requested = brand_file_in(std::env::args_os().skip(1), Path::new("."));
    tauri::Builder::default()
        // First: a second launch hands its arguments to this process and
        // exits before it builds anything.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            window::second_launch(app, args, Path::new(&cwd));
        }))
        // Used from Rust only ("Save as" and "Open" are commands of ours):
        // no permission of these plugins is granted to the window.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // Notifications are shown by the scheduler, from Rust.
        .plugin(tauri_plugin_notification::init())
        .manage(AppState::new(data_dir))
        .setup(move |app| {
            logging::init(app);
            let handle = app.handle().clone();
            let state = app.state::<AppState>();
            // The window's first command waits for this: the event loop
            // that would run it starts after setup.
            state.open_first(requested);
            state.announce_with(Box::new(move |changes| {
                if let Err(e) = handle.emit(CHANGED_EVENT, changes) {
                    tracing::warn!(error = %e, "the window was not told what changed");
                }
            }));
            let handle = app.handle().clone();
            state.on_switch(Box::new(move |info| window::brand_switched(&handle, info)));
            if let Ok(info) = state.info() {
                window::brand_switched(app.handle(), &info);
            }
            scheduler::spawn(app.handle().clone(), state.scheduler.clone());
            watch::spawn(app.handle().clone());
            window::keep_lock_alive(app.handle().clone());
            Ok(())
        })
        .on_window_event(window::on_event)
        .invoke_handler(commands::invoke_handler())
        .run(tauri::tauri_build_context!())
        .unwrap_or_else(|e| {
            eprintln!("Tribu could not start its window: {e}");
            std::process::exit(1);
        });
}

/// The first `.tribu` file among `args`, relative to `cwd` (a file
/// double-clicked, or given on the command line).
fn brand_file_in<I, S>(args: I, cwd: &Path) -> Option<PathBuf>
where
    I: IntoIterator<Item = S>,
    S: Into<std::ffi::OsString>,
{
    args.into_iter()
        .map(|a| PathBuf::from(a.into()))
        .find(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("tribu"))
        })
        .map(|p| if p.is_absolute() { p } else { cwd.join(p) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brand_file_is_found_among_the_arguments() {
        let args = ["--flag", "notes.txt", "brands/Soleil.TRIBU"];
        assert_eq!(
            brand_file_in(args, Path::new("/home/lea")),
            Some(PathBuf::from("/home/lea/brands/Soleil.TRIBU"))
        );
        assert_eq!(
            brand_file_in(["/abs/a.tribu"], Path::new("/x")),
            Some(PathBuf::from("/abs/a.tribu"))
        );
        assert_eq!(brand_file_in(["-v"], Path::new("/x")), None);
    }
}
