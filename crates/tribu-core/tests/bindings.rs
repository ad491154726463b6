//! The TypeScript types in `ui/src/lib/bindings/` are generated from the Rust
//! structs. This test fails when the committed files differ from what the code
//! generates; `TRIBU_WRITE_BINDINGS=1 cargo test -p tribu-core --test bindings`
//! rewrites them.

use std::path::PathBuf;

use ts_rs::{Config, TS};

use tribu_core::charter::*;
use tribu_core::error::{ErrorCode, Reason};
use tribu_core::kpi::*;
use tribu_core::lint::{AddressForm, DraftReport, DraftRules, DraftWarning};
use tribu_core::model::*;
use tribu_core::schedule::*;
use tribu_core::store::{Changes, Topic};
use tribu_core::workspace::WorkspaceInfo;
use tribu_core::ErrorPayload;

fn check<T: TS + 'static>(mismatches: &mut Vec<String>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings");
    let path = dir.join(format!("{}.ts", T::ident(&Config::new())));
    let generated = T::export_to_string(&Config::new()).expect("type exports");
    if std::env::var_os("TRIBU_WRITE_BINDINGS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        mismatches.push(path.display().to_string());
    }
}

/// Checks each listed type's file.
macro_rules! check_all {
    ($mismatches:ident; $($ty:ty),+ $(,)?) => { $(check::<$ty>(&mut $mismatches);)+ };
}

#[test]
fn committed_bindings_match_the_rust_types() {
    let mut mismatches = Vec::new();
    check_all!(mismatches;
        ErrorPayload, ErrorCode, Reason, Changes, Topic, WorkspaceInfo,
        tribu_core::store::BrandInfo, tribu_core::store::Access, tribu_core::store::ReadOnlyReason,
        tribu_core::store::lock::LockHolder, tribu_core::brands::BrandEntry, tribu_core::brands::NewBrand,
        tribu_core::brands::StarterCharter, tribu_core::brands::BuiltinNetwork, tribu_core::brands::BrandDefaults, tribu_core::backup::BackupInfo, tribu_core::backup::BackupKind, tribu_core::DraftWarningCount, tribu_core::schedule::ScheduleSettings,
        Network, NetworkInput, NetworkKind,
        Post, PostInput, PostSummary, PostFilter, PostStatus, PostFormat,
        KeyDate, KeyDateInput, KeyDateKind,
        AddressForm, DraftRules, DraftReport, DraftWarning,
        Charter, CharterSection, CharterLanguage, Identity, Keyword, BannedTerm, Objective,
        FaqEntry, EditorialLine, Frequency, FrequencyPeriod, NetworkGuideline, ModerationCharter,
        ResponseRule, Priority, CrisisPlan, SeverityLevel, CrisisScenario, CrisisRole,
        EscalationStep, HoldingStatement, Principle,
        KeyDateRecurrence, DueItem, DueKind, DueNotice, DueBatch, Notification,
        Occurrence, OccurrenceSummary, OccurrenceScope, DisplayTime,
        RhythmReport, WeekRhythm, Gap, RhythmState, RhythmTarget, TargetSource,
        CrisisState, CrisisStep, CrisisLogEntry, CrisisLogKind,
        Metric, Aggregation, Direction, ObjectiveKind, ObservationSource, ResultFlag,
        KpiObjective, KpiObjectiveInput, Kpi, KpiInput, Observation, ObservationInput,
        ObservationFilter, PostResult, PostResultInput,
        CsvMapping, CsvLayout, MetricColumn, DateOrder, CsvPreview, CsvLine, CsvIssue, CsvIssueReason, ImportReport,
        CsvTotals, CsvPreviewPage, CsvFileInfo,
        DashboardQuery, Dashboard, KpiCard, KpiTrend, SeriesPoint, LinearFit, Granularity,
        ValueSource, GroupResults, DashboardTotals, RankedPost, Heatmap, HeatCell, Regularity,
        RegularityStep, RegularityStatus, Formula,
        tribu_core::store::ActionKind, tribu_core::store::ActionLabel, tribu_core::store::JournalEntry,
        tribu_core::store::UndoState,
    );
    assert!(
        mismatches.is_empty(),
        "bindings out of date (run with TRIBU_WRITE_BINDINGS=1): {mismatches:?}"
    );
}
