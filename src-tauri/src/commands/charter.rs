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

/// Typesets the charter and writes it into the exports folder as
/// `charter-<date>.pdf` (replacing an export of the same day atomically);
/// returns the file's path.
#[tauri::command(async)]
pub fn charter_export_pdf(state: State<'_, AppState>) -> CmdResult<String> {
    let (charter, networks) = state.with(|store| Ok((store.charter()?, store.networks()?)))?;
    let today = chrono::Local::now().date_naive();
    let export = tribu_pdf::CharterExport {
        charter: &charter,
        networks: &networks,
        date: today,
        version: today.format("%Y.%m.%d").to_string(),
        calendar: None,
    };
    let to_payload = |e: tribu_pdf::PdfError| tribu_core::Error::from(e).payload();
    let bytes = tribu_pdf::charter_pdf(&export).map_err(to_payload)?;
    let path = tribu_core::workspace::exports_dir()
        .map_err(|e| e.payload())?
        .join(format!("charter-{}.pdf", today.format("%Y-%m-%d")));
    tribu_pdf::write_atomically(&path, &bytes).map_err(to_payload)?;
    Ok(path.display().to_string())
}
