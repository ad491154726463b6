//! The open brand, the interface's language, and closing the window.

use tauri::Manager;
use tribu_core::workspace::WorkspaceInfo;

use super::commands;

commands! {
    /// What the window needs to start: the brand, its file, whether it may
    /// be edited, the language chosen, the system's. Fails with the reason
    /// the brand could not be opened (the window then shows its backups).
    fn workspace_info(cx) -> WorkspaceInfo {
        cx.info()
    }

    /// `fr` or `en`.
    fn settings_set_locale(cx, locale: String) -> () {
        cx.with(|store| store.set_locale(&locale))
    }

    /// The window saved what it had pending after a close request: the
    /// brand is closed (checkpointed, its lock released) and the app ends.
    fn window_close_ready(cx) -> () {
        cx.close();
        if let Some(window) = cx.app.get_webview_window("main") {
            if let Err(e) = window.destroy() {
                tracing::warn!(error = %e, "the window did not close");
                cx.app.exit(0);
            }
        }
        Ok(())
    }
}
