//! The KPI panel: objectives and their KPIs, observations (typed or imported
//! from CSV), results of published posts, and the dashboard.

use tauri::{AppHandle, State};
use tribu_core::charter::CharterLanguage;
use tribu_core::kpi::{
    guess_mapping, CsvMapping, CsvPreview, Dashboard, DashboardQuery, ImportReport, Kpi, KpiInput,
    KpiObjective, KpiObjectiveInput, Observation, ObservationFilter, ObservationInput, PostResult,
    PostResultInput,
};

use super::{exports, CmdResult};
use crate::state::AppState;

/// Everything the panel shows for a period, in one call.
#[tauri::command(async)]
pub fn kpi_dashboard(state: State<'_, AppState>, query: DashboardQuery) -> CmdResult<Dashboard> {
    state.with(|store| store.kpi_dashboard(&query))
}

/// Typesets the dashboard of `query` as the KPI report, in the charter's
/// language and under its brand, and writes it: as `kpi-report-<date>.pdf`
/// in the exports folder (replacing an export of the same day atomically),
/// or where the user picks in a "Save as" dialog titled `save_as`. Returns
/// the file's path, `None` when "Save as" is cancelled.
#[tauri::command(async)]
pub fn kpi_export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    query: DashboardQuery,
    save_as: Option<String>,
) -> CmdResult<Option<String>> {
    let (dashboard, identity, networks) = state.with(|store| {
        Ok((
            store.kpi_dashboard(&query)?,
            store.charter()?.identity,
            store.networks()?,
        ))
    })?;
    let today = chrono::Local::now().date_naive();
    let report = tribu_pdf::KpiReport {
        dashboard: &dashboard,
        networks: &networks,
        brand: &identity.brand,
        language: identity.language.unwrap_or(CharterLanguage::Fr),
        date: today,
    };
    let bytes =
        tribu_pdf::kpi_report_pdf(&report).map_err(|e| tribu_core::Error::from(e).payload())?;
    let file_name = format!("kpi-report-{}.pdf", today.format("%Y-%m-%d"));
    exports::deliver(&app, &state, &bytes, &file_name, save_as.as_deref())
}

/// Objectives with their KPIs, in order.
#[tauri::command(async)]
pub fn kpi_objectives(state: State<'_, AppState>) -> CmdResult<Vec<KpiObjective>> {
    state.with(|store| store.kpi_objectives())
}

#[tauri::command(async)]
pub fn kpi_objective_create(
    state: State<'_, AppState>,
    input: KpiObjectiveInput,
) -> CmdResult<KpiObjective> {
    state.with(|store| store.create_kpi_objective(&input))
}

#[tauri::command(async)]
pub fn kpi_objective_update(
    state: State<'_, AppState>,
    id: String,
    input: KpiObjectiveInput,
) -> CmdResult<KpiObjective> {
    state.with(|store| store.update_kpi_objective(&id, &input))
}

/// Deletes an objective and its KPIs (observations stay).
#[tauri::command(async)]
pub fn kpi_objective_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|store| store.delete_kpi_objective(&id))
}

#[tauri::command(async)]
pub fn kpi_create(state: State<'_, AppState>, input: KpiInput) -> CmdResult<Kpi> {
    state.with(|store| store.create_kpi(&input))
}

#[tauri::command(async)]
pub fn kpi_update(state: State<'_, AppState>, id: String, input: KpiInput) -> CmdResult<Kpi> {
    state.with(|store| store.update_kpi(&id, &input))
}

#[tauri::command(async)]
pub fn kpi_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|store| store.delete_kpi(&id))
}

/// One value typed by hand; replaces the value of the same day, network and
/// metric.
#[tauri::command(async)]
pub fn observation_add(
    state: State<'_, AppState>,
    input: ObservationInput,
) -> CmdResult<Observation> {
    state.with(|store| store.add_observation(&input))
}

#[tauri::command(async)]
pub fn observation_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|store| store.delete_observation(&id))
}

#[tauri::command(async)]
pub fn observations_list(
    state: State<'_, AppState>,
    filter: ObservationFilter,
) -> CmdResult<Vec<Observation>> {
    state.with(|store| store.observations(&filter))
}

/// A first guess of which column holds what, from the file's header.
#[tauri::command(async)]
pub fn csv_guess_mapping(text: String) -> CmdResult<CsvMapping> {
    guess_mapping(&text).map_err(|e| e.payload())
}

/// Every line of the file with what it would import or why it cannot;
/// nothing is written.
#[tauri::command(async)]
pub fn csv_preview(
    state: State<'_, AppState>,
    text: String,
    mapping: CsvMapping,
) -> CmdResult<CsvPreview> {
    state.with(|store| store.preview_csv(&text, &mapping))
}

/// Writes the observations of the lines the user confirmed, all or none.
#[tauri::command(async)]
pub fn csv_import(
    state: State<'_, AppState>,
    observations: Vec<ObservationInput>,
) -> CmdResult<ImportReport> {
    state.with(|store| store.import_observations(&observations))
}

#[tauri::command(async)]
pub fn post_result_get(
    state: State<'_, AppState>,
    post_id: String,
) -> CmdResult<Option<PostResult>> {
    state.with(|store| store.post_result(&post_id))
}

#[tauri::command(async)]
pub fn post_result_set(
    state: State<'_, AppState>,
    post_id: String,
    input: PostResultInput,
) -> CmdResult<PostResult> {
    state.with(|store| store.set_post_result(&post_id, &input))
}

#[tauri::command(async)]
pub fn post_result_clear(state: State<'_, AppState>, post_id: String) -> CmdResult<()> {
    state.with(|store| store.clear_post_result(&post_id))
}
