//! Crisis mode: one switch that suspends every planned post and reminder,
//! a timestamped checklist and a log for the post-mortem.

use chrono::Utc;
use tauri::State;
use tribu_core::schedule::CrisisState;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn crisis_state(state: State<'_, AppState>) -> CmdResult<Option<CrisisState>> {
    state.with(|store| store.crisis_state())
}

#[tauri::command(async)]
pub fn crisis_start(state: State<'_, AppState>, note: String) -> CmdResult<CrisisState> {
    state.changing_posts(|store| store.crisis_start(Utc::now(), &note))
}

#[tauri::command(async)]
pub fn crisis_end(state: State<'_, AppState>) -> CmdResult<CrisisState> {
    state.changing_posts(|store| store.crisis_end(Utc::now()))
}

#[tauri::command(async)]
pub fn crisis_tick(
    state: State<'_, AppState>,
    step_id: String,
    done: bool,
) -> CmdResult<CrisisState> {
    state.with(|store| store.crisis_tick(&step_id, done, Utc::now()))
}

#[tauri::command(async)]
pub fn crisis_log_add(state: State<'_, AppState>, text: String) -> CmdResult<CrisisState> {
    state.with(|store| store.crisis_log_add(&text, Utc::now()))
}

#[tauri::command(async)]
pub fn crisis_history(state: State<'_, AppState>) -> CmdResult<Vec<CrisisState>> {
    state.with(|store| store.crisis_history())
}
