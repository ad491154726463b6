use tauri::State;
use tribu_core::workspace::WorkspaceInfo;
use tribu_core::Error;

use super::CmdResult;
use crate::state::AppState;

const LOCALE_KEY: &str = "ui.locale";

#[tauri::command(async)]
pub fn workspace_info(state: State<'_, AppState>) -> CmdResult<WorkspaceInfo> {
    state.with(|store| {
        Ok(WorkspaceInfo {
            path: store.path().display().to_string(),
            locale: store.setting(LOCALE_KEY)?,
            system_locale: sys_locale::get_locale(),
        })
    })
}

#[tauri::command(async)]
pub fn settings_set_locale(state: State<'_, AppState>, locale: String) -> CmdResult<()> {
    state.with(|store| match locale.as_str() {
        "fr" | "en" => store.set_setting(LOCALE_KEY, &locale),
        _ => Err(Error::validation(
            "locale",
            "unknown_value",
            "the interface speaks fr or en",
        )),
    })
}
