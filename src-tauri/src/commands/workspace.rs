//! The open brand, the interface's language, and closing the window.

use tribu_core::workspace::WorkspaceInfo;

use super::commands;

commands! {
    /// What the window needs to start: the brand, its file, whether it may
    /// be edited, the language chosen, the system's. Fails with the reason
    /// the brand could not be opened (the window then shows its backups).
    fn workspace_info(cx) -> WorkspaceInfo {
        cx.info()
    }

    /// The operating system's locale (`fr-FR`): the language of the window
    /// when no brand could be opened to say which one was chosen.
    fn system_locale(_cx) -> Option<String> {
        Ok(sys_locale::get_locale())
    }

    /// `fr` or `en`.
    fn settings_set_locale(cx, locale: String) -> () {
        cx.with(|store| store.set_locale(&locale))
    }

    /// The page took a close request in hand: it saves what is pending,
    /// or asks the user about what could not be saved.
    fn window_close_held(_cx) -> () {
        crate::window::close_held();
        Ok(())
    }

    /// The window saved what it had pending after a close request: the
    /// brand is closed (checkpointed, its lock released) and the app ends.
    fn window_close_ready(cx) -> () {
        crate::window::close_held();
        crate::window::close_now(cx.app);
        Ok(())
    }
}
