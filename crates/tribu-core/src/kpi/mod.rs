//! Objectives and KPIs: what the community manager measures, the figures
//! they are measured on (observations per day and network, post results),
//! the CSV import of a network's export, and the computations of the KPI
//! panel. Everything here is pure; the store loads and saves.

pub mod compute;
pub mod csv_import;
pub mod dashboard;
pub mod heatmap;
pub mod metric;
pub mod model;
pub mod regularity;
pub mod results;
pub mod series;

pub use compute::{Formula, LinearFit};
pub use csv_import::{
    guess_mapping, preview_csv, CsvAnalysis, CsvFile, CsvFileInfo, CsvIssue, CsvIssueReason,
    CsvLayout, CsvLine, CsvMapping, CsvPreview, CsvPreviewPage, CsvTotals, DateOrder, ImportReport,
    MetricColumn,
};
pub use dashboard::{Dashboard, DashboardQuery, KpiCard, KpiTrend, ValueSource};
pub use heatmap::{HeatCell, Heatmap};
pub use metric::{Aggregation, Direction, Metric};
pub use model::{
    Kpi, KpiInput, KpiObjective, KpiObjectiveInput, ObjectiveKind, Observation, ObservationFilter,
    ObservationInput, ObservationSource, PostCounts, PostResult, PostResultInput, ResultFlag,
};
pub use regularity::{Regularity, RegularityStatus, RegularityStep};
pub use results::{DashboardTotals, GroupResults, PublishedPost, RankedPost};
pub use series::{Granularity, SeriesPoint};
