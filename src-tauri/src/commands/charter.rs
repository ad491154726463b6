use tauri::{AppHandle, State};
use tribu_core::charter::{Charter, CharterSection};
use tribu_core::lint::{check_draft, DraftReport};
use tribu_core::time::{parse_date, parse_instant};
use tribu_core::DraftWarningCount;

use super::{exports, CmdResult};
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

/// Typesets the charter, with the editorial calendar of `calendar_first`
/// to `calendar_last` (both `YYYY-MM-DD`, included) as an appendix when
/// given, and writes it: as `charter-<date>.pdf` in the exports folder
/// (replacing an export of the same day atomically), or where the user picks
/// in a "Save as" dialog titled `save_as`. Returns the file's path, `None` when "Save as" is
/// cancelled.
#[tauri::command(async)]
pub fn charter_export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    calendar_first: Option<String>,
    calendar_last: Option<String>,
    save_as: Option<String>,
) -> CmdResult<Option<String>> {
    let (charter, networks, calendar) = state.with(|store| {
        let calendar = match (&calendar_first, &calendar_last) {
            (Some(first), Some(last)) => Some(tribu_pdf::CalendarAppendix {
                first: parse_date(first)?,
                last: parse_date(last)?,
                lines: store
                    .posts_on_days(first, last)?
                    .iter()
                    .filter_map(tribu_pdf::CalendarLine::of)
                    .collect(),
            }),
            _ => None,
        };
        Ok((store.charter()?, store.networks()?, calendar))
    })?;
    let today = chrono::Local::now().date_naive();
    let export = tribu_pdf::CharterExport {
        charter: &charter,
        networks: &networks,
        date: today,
        version: today.format("%Y.%m.%d").to_string(),
        calendar,
    };
    let bytes =
        tribu_pdf::charter_pdf(&export).map_err(|e| tribu_core::Error::from(e).payload())?;
    let file_name = format!("charter-{}.pdf", today.format("%Y-%m-%d"));
    exports::deliver(&app, &state, &bytes, &file_name, save_as.as_deref())
}

/// Posts planned in `[start, end)` (RFC 3339) whose text raises charter
/// warnings, with how many, for the calendar's badges.
#[tauri::command(async)]
pub fn posts_draft_warnings(
    state: State<'_, AppState>,
    start: String,
    end: String,
) -> CmdResult<Vec<DraftWarningCount>> {
    state.with(|store| {
        store.draft_warning_counts(parse_instant("start", &start)?, parse_instant("end", &end)?)
    })
}
