use tauri::State;
use tribu_core::model::{Network, NetworkInput};

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn networks_list(state: State<'_, AppState>) -> CmdResult<Vec<Network>> {
    state.with(|store| store.networks())
}

#[tauri::command(async)]
pub fn network_create(state: State<'_, AppState>, input: NetworkInput) -> CmdResult<Network> {
    state.with(|store| store.create_network(&input))
}

#[tauri::command(async)]
pub fn network_update(
    state: State<'_, AppState>,
    id: String,
    input: NetworkInput,
) -> CmdResult<Network> {
    state.with(|store| store.update_network(&id, &input))
}

#[tauri::command(async)]
pub fn network_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|store| store.delete_network(&id))
}
