//! The KPI panel: objectives and their KPIs, observations (typed or imported
//! from CSV), results of published posts, and the dashboard.

use tribu_core::kpi::{
    guess_mapping, CsvMapping, CsvPreview, Dashboard, DashboardQuery, ImportReport, Kpi, KpiInput,
    KpiObjective, KpiObjectiveInput, Observation, ObservationFilter, ObservationInput, PostResult,
    PostResultInput,
};

use super::{commands, exports};

commands! {
    /// Everything the panel shows for a period (cards, trends, bars,
    /// heatmap, top and flop, regularity), in one call.
    fn kpi_dashboard(cx, query: DashboardQuery) -> Dashboard {
        cx.with(|store| store.kpi_dashboard(&query))
    }

    /// Typesets the dashboard of `query` as the KPI report, in the charter's
    /// language and under its brand: into the exports folder (replacing an
    /// export of the same day), or where the user picks when `saveAs` gives
    /// the dialog's title; resolves with the path, or null when the dialog
    /// is cancelled.
    fn kpi_export_pdf(cx, query: DashboardQuery, save_as: Option<String>) -> Option<String> {
        let source = cx.with(|store| tribu_pdf::KpiReportSource::read(store, &query))?;
        let document = source.typeset(exports::today()).map_err(|e| e.payload())?;
        exports::deliver(&cx, &document, save_as.as_deref())
    }

    /// Objectives with their KPIs, in order.
    fn kpi_objectives(cx) -> Vec<KpiObjective> {
        cx.with(|store| store.kpi_objectives())
    }

    fn kpi_objective_create(cx, input: KpiObjectiveInput) -> KpiObjective {
        cx.with(|store| store.create_kpi_objective(&input))
    }

    fn kpi_objective_update(cx, id: String, input: KpiObjectiveInput) -> KpiObjective {
        cx.with(|store| store.update_kpi_objective(&id, &input))
    }

    /// Deletes an objective and its KPIs (observations stay).
    fn kpi_objective_delete(cx, id: String) -> () {
        cx.with(|store| store.delete_kpi_objective(&id))
    }

    fn kpi_create(cx, input: KpiInput) -> Kpi {
        cx.with(|store| store.create_kpi(&input))
    }

    fn kpi_update(cx, id: String, input: KpiInput) -> Kpi {
        cx.with(|store| store.update_kpi(&id, &input))
    }

    fn kpi_delete(cx, id: String) -> () {
        cx.with(|store| store.delete_kpi(&id))
    }

    /// One value typed by hand; replaces the value of the same day, network
    /// and metric.
    fn observation_add(cx, input: ObservationInput) -> Observation {
        cx.with(|store| store.add_observation(&input))
    }

    fn observation_delete(cx, id: String) -> () {
        cx.with(|store| store.delete_observation(&id))
    }

    fn observations_list(cx, filter: ObservationFilter) -> Vec<Observation> {
        cx.with(|store| store.observations(&filter))
    }

    /// A first guess of which column holds what, from the file's header.
    fn csv_guess_mapping(_cx, text: String) -> CsvMapping {
        guess_mapping(&text).map_err(|e| e.payload())
    }

    /// Every line with what it would import or why it cannot; writes nothing.
    fn csv_preview(cx, text: String, mapping: CsvMapping) -> CsvPreview {
        cx.with(|store| store.preview_csv(&text, &mapping))
    }

    /// Writes the observations of the lines the user confirmed, all or none.
    fn csv_import(cx, observations: Vec<ObservationInput>) -> ImportReport {
        // An import may replace values typed by hand: the state before it
        // is kept among the backups.
        cx.back_up(tribu_core::backup::BackupKind::PreImport)?;
        cx.with(|store| store.import_observations(&observations))
    }

    fn post_result_get(cx, post_id: String) -> Option<PostResult> {
        cx.with(|store| store.post_result(&post_id))
    }

    fn post_result_set(cx, post_id: String, input: PostResultInput) -> PostResult {
        cx.with(|store| store.set_post_result(&post_id, &input))
    }

    fn post_result_clear(cx, post_id: String) -> () {
        cx.with(|store| store.clear_post_result(&post_id))
    }
}
