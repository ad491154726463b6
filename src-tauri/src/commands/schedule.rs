//! Scheduling: settings, recurring posts, late posts and the posting rhythm.

use chrono::Utc;
use tauri::State;
use tribu_core::charter::Frequency;
use tribu_core::model::PostFilter;
use tribu_core::schedule::{
    Occurrence, OccurrenceScope, OccurrenceSummary, RhythmReport, RhythmTarget, ScheduleSettings,
};
use tribu_core::time::{parse_date, parse_instant, parse_time};

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn schedule_settings_get(state: State<'_, AppState>) -> CmdResult<ScheduleSettings> {
    state.with(|store| store.schedule_settings())
}

/// Minutes before each post its reminder is shown (0 to 10,080).
#[tauri::command(async)]
pub fn settings_set_reminder_lead(
    state: State<'_, AppState>,
    minutes: u32,
) -> CmdResult<ScheduleSettings> {
    state.changing_posts(|store| {
        store.set_reminder_lead_minutes(minutes)?;
        store.schedule_settings()
    })
}

#[tauri::command(async)]
pub fn settings_set_audience_zone(
    state: State<'_, AppState>,
    zone: String,
) -> CmdResult<ScheduleSettings> {
    state.with(|store| {
        store.set_audience_zone(&zone)?;
        store.schedule_settings()
    })
}

#[tauri::command(async)]
pub fn settings_set_max_gap_days(
    state: State<'_, AppState>,
    days: u32,
) -> CmdResult<ScheduleSettings> {
    state.with(|store| {
        store.set_max_gap_days(days)?;
        store.schedule_settings()
    })
}

/// Occurrences of recurring posts in `[start, end)` (RFC 3339).
#[tauri::command(async)]
pub fn posts_recurring_range(
    state: State<'_, AppState>,
    start: String,
    end: String,
    filter: PostFilter,
) -> CmdResult<Vec<OccurrenceSummary>> {
    state.with(|store| {
        store.recurring_posts_in_range(
            parse_instant("start", &start)?,
            parse_instant("end", &end)?,
            &filter,
        )
    })
}

/// Moves one occurrence (`this_one`) or it and the following ones
/// (`this_and_following`) to `date`, keeping the time of day when `time` is
/// null.
#[tauri::command(async)]
pub fn occurrence_move(
    state: State<'_, AppState>,
    post_id: String,
    occurrence_date: String,
    date: String,
    time: Option<String>,
    scope: OccurrenceScope,
) -> CmdResult<Occurrence> {
    state.changing_posts(|store| {
        let time = time.as_deref().map(parse_time).transpose()?;
        store.move_occurrence(
            &post_id,
            parse_date(&occurrence_date)?,
            parse_date(&date)?,
            time,
            scope,
        )
    })
}

#[tauri::command(async)]
pub fn occurrence_delete(
    state: State<'_, AppState>,
    post_id: String,
    occurrence_date: String,
    scope: OccurrenceScope,
) -> CmdResult<()> {
    state.changing_posts(|store| {
        store.delete_occurrence(&post_id, parse_date(&occurrence_date)?, scope)
    })
}

/// Posts in `[start, end)` whose time has passed while not published.
#[tauri::command(async)]
pub fn posts_overdue(
    state: State<'_, AppState>,
    start: String,
    end: String,
) -> CmdResult<Vec<String>> {
    state.with(|store| {
        store.overdue_post_ids(
            parse_instant("start", &start)?,
            parse_instant("end", &end)?,
            Utc::now(),
        )
    })
}

/// Weeks under or over each network's target, and gaps, from `start` to
/// `end` (`YYYY-MM-DD`, both included).
#[tauri::command(async)]
pub fn rhythm_report(
    state: State<'_, AppState>,
    start: String,
    end: String,
) -> CmdResult<RhythmReport> {
    state.with(|store| store.rhythm_report(parse_date(&start)?, parse_date(&end)?))
}

#[tauri::command(async)]
pub fn rhythm_targets(state: State<'_, AppState>) -> CmdResult<Vec<RhythmTarget>> {
    state.with(|store| store.rhythm_targets())
}

/// Sets (or with null clears) a network's target when the charter gives none.
#[tauri::command(async)]
pub fn rhythm_target_set(
    state: State<'_, AppState>,
    network_id: String,
    frequency: Option<Frequency>,
) -> CmdResult<Vec<RhythmTarget>> {
    state.with(|store| {
        store.set_rhythm_target(&network_id, frequency)?;
        store.rhythm_targets()
    })
}
