use tauri::State;
use tribu_core::model::{KeyDate, KeyDateInput};
use tribu_core::time::parse_date;

use super::CmdResult;
use crate::state::AppState;

/// Key dates between two days, both included; with `include_holidays`, the
/// French public holidays too, labelled in `locale`.
#[tauri::command(async)]
pub fn key_dates_list_range(
    state: State<'_, AppState>,
    start: String,
    end: String,
    include_holidays: bool,
    locale: String,
) -> CmdResult<Vec<KeyDate>> {
    state.with(|store| {
        store.key_dates_with_holidays(
            parse_date(&start)?,
            parse_date(&end)?,
            include_holidays,
            &locale,
        )
    })
}

#[tauri::command(async)]
pub fn key_date_create(state: State<'_, AppState>, input: KeyDateInput) -> CmdResult<KeyDate> {
    state.with(|store| store.create_key_date(&input))
}

#[tauri::command(async)]
pub fn key_date_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|store| store.delete_key_date(&id))
}
