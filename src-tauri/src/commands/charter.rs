use tauri::State;
use tribu_core::charter::{Charter, CharterSection};
use tribu_core::lint::{check_draft, DraftReport};

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn charter_get(state: State<'_, AppState>) -> CmdResult<Charter> {
    state.with(|store| store.charter())
}

#[tauri::command(async)]
pub fn charter_save_section(
    state: State<'_, AppState>,
    section: CharterSection,
) -> CmdResult<Charter> {
    state.with(|store| store.save_charter_section(section))
}

#[tauri::command(async)]
pub fn charter_undo(state: State<'_, AppState>) -> CmdResult<Charter> {
    state.with(|store| store.undo_charter_change())
}

/// Checks a draft against the charter and the chosen network's rules.
#[tauri::command(async)]
pub fn draft_check(
    state: State<'_, AppState>,
    text: String,
    network_id: String,
) -> CmdResult<DraftReport> {
    state.with(|store| {
        let rules = store.charter()?.draft_rules(&store.network(&network_id)?);
        Ok(check_draft(&text, &rules))
    })
}
