//! The open workspace and the interface's language.

use tribu_core::workspace::WorkspaceInfo;

use super::commands;

commands! {
    /// What the window needs to start: the file, the language chosen, the
    /// system's.
    fn workspace_info(cx) -> WorkspaceInfo {
        cx.with(|store| {
            Ok(WorkspaceInfo {
                path: store.path().display().to_string(),
                locale: store.locale()?,
                system_locale: sys_locale::get_locale(),
            })
        })
    }

    /// `fr` or `en`.
    fn settings_set_locale(cx, locale: String) -> () {
        cx.with(|store| store.set_locale(&locale))
    }
}
