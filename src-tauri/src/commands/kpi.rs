//! The KPI panel: objectives and their KPIs, observations (typed or imported
//! from CSV), results of published posts, and the dashboard.

use std::path::{Path, PathBuf};

use tauri_plugin_dialog::DialogExt;
use tribu_core::error::Reason;
use tribu_core::kpi::{
    CsvFileInfo, CsvMapping, CsvPreviewPage, Dashboard, DashboardQuery, ImportReport, Kpi,
    KpiInput, KpiObjective, KpiObjectiveInput, Observation, ObservationFilter, ObservationInput,
    PostResult, PostResultInput,
};
use tribu_core::Error;

use super::{commands, exports, CmdResult, Cx};

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

    /// Opens the system's dialog (titled `title`) to choose a CSV file,
    /// which Rust reads and keeps (20 MB at most); resolves with what the
    /// dialog needs of it, or null when the dialog is cancelled.
    fn csv_open_file(cx, title: String) -> Option<CsvFileInfo> {
        let chosen = cx
            .app
            .dialog()
            .file()
            .set_title(title)
            .add_filter("CSV", CSV_EXTENSIONS)
            .blocking_pick_file();
        let Some(chosen) = chosen else {
            return Ok(None);
        };
        let path = chosen.into_path().map_err(|e| {
            Error::validation("path", Reason::FileUnreadable, e.to_string()).payload()
        })?;
        cx.csv.open(&path).map(Some).map_err(|e| e.payload())
    }

    /// Reads and keeps the CSV file at `path` (a file dropped on the
    /// dialog): a `.csv`, `.tsv` or `.txt` file of 20 MB at most.
    fn csv_open_path(cx, path: String) -> CsvFileInfo {
        let path = csv_path(&path)?;
        cx.csv.open(&path).map_err(|e| e.payload())
    }

    /// Forgets the file of `token` (the dialog is closed).
    fn csv_close(cx, token: String) -> () {
        cx.csv.close(&token);
        Ok(())
    }

    /// A first guess of which column holds what, from the file's header.
    fn csv_guess_mapping(cx, token: String) -> CsvMapping {
        cx.csv
            .with_file(&token, |file| file.guess_mapping())
            .and_then(|guess| guess)
            .map_err(|e| e.payload())
    }

    /// Page `page` (0-based; 50 lines) of the file's lines, or of its lines
    /// with an error or a warning, with what each would import or why it
    /// cannot, and the totals of the whole file; writes nothing. A mapping
    /// naming a column the header does not have is refused.
    fn csv_preview(cx, token: String, mapping: CsvMapping, page: u32, only_problems: bool) -> CsvPreviewPage {
        analysed(&cx, &token, &mapping, |file, analysis| {
            analysis.page(file, page, only_problems)
        })
    }

    /// Imports the valid lines of the whole file read with `mapping`, all
    /// in one transaction, or nothing; the brand is backed up first.
    fn csv_import(cx, token: String, mapping: CsvMapping) -> ImportReport {
        let observations = analysed(&cx, &token, &mapping, |_, analysis| {
            analysis.valid_observations()
        })?;
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

/// The extensions the dialog offers and a dropped file may have.
const CSV_EXTENSIONS: &[&str] = &["csv", "tsv", "txt"];

/// `path` when it names a CSV file by its extension.
fn csv_path(path: &str) -> CmdResult<PathBuf> {
    let path = PathBuf::from(path);
    let is_csv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| CSV_EXTENSIONS.iter().any(|c| e.eq_ignore_ascii_case(c)));
    if is_csv && path.is_absolute() {
        Ok(path)
    } else {
        Err(Error::file(Reason::FileUnreadable, Path::new(&path), "not a CSV file").payload())
    }
}

/// Runs `then` on the file of `token` read with `mapping`: the networks are
/// read from the store first, and the file is parsed with no lock held.
fn analysed<T>(
    cx: &Cx,
    token: &str,
    mapping: &CsvMapping,
    then: impl FnOnce(&tribu_core::kpi::CsvFile, &tribu_core::kpi::CsvAnalysis) -> T,
) -> CmdResult<T> {
    let networks = cx.with(|store| store.networks())?;
    cx.csv
        .analyse(token, mapping, networks, then)
        .map_err(|e| e.payload())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_csv_files_may_be_dropped() {
        assert!(csv_path("/home/lea/stats.csv").is_ok());
        assert!(csv_path("/home/lea/STATS.TSV").is_ok());
        assert!(csv_path("/home/lea/.ssh/id_ed25519").is_err());
        assert!(csv_path("/etc/passwd").is_err());
        assert!(csv_path("stats.csv").is_err(), "relative to what?");
    }
}
