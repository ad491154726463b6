//! Scheduling: settings, recurring posts, late posts and the posting rhythm.

use chrono::Utc;
use tribu_core::charter::Frequency;
use tribu_core::model::PostFilter;
use tribu_core::schedule::{
    Occurrence, OccurrenceScope, OccurrenceSummary, RhythmReport, RhythmTarget, ScheduleSettings,
};
use tribu_core::time::{parse_date, parse_instant, parse_time};

use super::commands;

commands! {
    fn schedule_settings_get(cx) -> ScheduleSettings {
        cx.with(|store| store.schedule_settings())
    }

    /// Minutes before each post its reminder is shown (0 to 10,080).
    fn settings_set_reminder_lead(cx, minutes: u32) -> ScheduleSettings {
        cx.with(|store| {
            store.set_reminder_lead_minutes(minutes)?;
            store.schedule_settings()
        })
    }

    /// The audience's IANA zone: new posts are planned in it.
    fn settings_set_audience_zone(cx, zone: String) -> ScheduleSettings {
        cx.with(|store| {
            store.set_audience_zone(&zone)?;
            store.schedule_settings()
        })
    }

    /// Days without a post on a network after which the rhythm flags a gap
    /// (1 to 365).
    fn settings_set_max_gap_days(cx, days: u32) -> ScheduleSettings {
        cx.with(|store| {
            store.set_max_gap_days(days)?;
            store.schedule_settings()
        })
    }

    /// Occurrences of recurring posts in [start, end) (RFC 3339).
    fn posts_recurring_range(cx, start: String, end: String, filter: PostFilter) -> Vec<OccurrenceSummary> {
        cx.with(|store| {
            store.recurring_posts_in_range(
                parse_instant("start", &start)?,
                parse_instant("end", &end)?,
                &filter,
            )
        })
    }

    /// Moves one occurrence (`this_one`), or it and the ones after it
    /// (`this_and_following`), to `date`; `time` null keeps the time of day.
    fn occurrence_move(
        cx,
        post_id: String,
        occurrence_date: String,
        date: String,
        time: Option<String>,
        scope: OccurrenceScope,
    ) -> Occurrence {
        cx.with(|store| {
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

    fn occurrence_delete(cx, post_id: String, occurrence_date: String, scope: OccurrenceScope) -> () {
        cx.with(|store| store.delete_occurrence(&post_id, parse_date(&occurrence_date)?, scope))
    }

    /// Ids of the posts in [start, end) whose time passed while not published.
    fn posts_overdue(cx, start: String, end: String) -> Vec<String> {
        cx.with(|store| {
            store.overdue_post_ids(
                parse_instant("start", &start)?,
                parse_instant("end", &end)?,
                Utc::now(),
            )
        })
    }

    /// Weeks under or over each network's target, and gaps, from `start` to
    /// `end` (`YYYY-MM-DD`, both included).
    fn rhythm_report(cx, start: String, end: String) -> RhythmReport {
        cx.with(|store| store.rhythm_report(parse_date(&start)?, parse_date(&end)?))
    }

    fn rhythm_targets(cx) -> Vec<RhythmTarget> {
        cx.with(|store| store.rhythm_targets())
    }

    /// A network's target when the charter gives none; null clears it.
    fn rhythm_target_set(cx, network_id: String, frequency: Option<Frequency>) -> Vec<RhythmTarget> {
        cx.with(|store| {
            store.set_rhythm_target(&network_id, frequency)?;
            store.rhythm_targets()
        })
    }
}
