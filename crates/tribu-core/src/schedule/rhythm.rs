//! The posting rhythm: a steady rhythm on each network rather than bursts and
//! silences. For each network with a target frequency, the posts of each
//! week against the target; for each network, the stretches of days without
//! any post that are longer than the workspace allows.
//!
//! Weeks are ISO weeks (Monday to Sunday). A target is converted to a weekly
//! one: "2 a day" is 14 a week, "4 a month" is 4 × 12 / 52 ≈ 0.92 a week. A
//! week is `on` target when its count lies between the weekly target rounded
//! down and rounded up (3 for "3 a week"; 0 or 1 for "4 a month", whose
//! silences the gaps show better than the weeks), `under` below, `over`
//! above. Counted: every post with a date on that network that is not
//! cancelled (planned, suspended or published: the calendar's plan), and each
//! occurrence of a recurring post.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::charter::{Frequency, FrequencyPeriod};
use crate::model::string_enum;
use crate::time::format_date;

string_enum!(
    /// A week's count against the target.
    RhythmState, "state", {
        Under => "under",
        On => "on",
        Over => "over",
    }
);

string_enum!(
    /// Where a network's target comes from: its guideline in the charter wins
    /// over the workspace setting.
    TargetSource, "source", {
        Charter => "charter",
        Setting => "setting",
    }
);

/// A network's target frequency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RhythmTarget {
    pub network_id: String,
    pub frequency: Frequency,
    pub source: TargetSource,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekRhythm {
    pub network_id: String,
    /// The Monday, `YYYY-MM-DD`.
    pub week_start: String,
    pub count: u32,
    /// Posts a week the target asks for (may be fractional, see the module).
    pub target: f64,
    pub state: RhythmState,
}

/// Days in a row without any post on a network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Gap {
    pub network_id: String,
    /// First day without a post, `YYYY-MM-DD`.
    pub from: String,
    /// Last day without a post.
    pub to: String,
    pub days: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RhythmReport {
    pub weeks: Vec<WeekRhythm>,
    pub gaps: Vec<Gap>,
}

/// Posts a week that `frequency` asks for.
pub fn weekly_target(frequency: Frequency) -> f64 {
    let count = f64::from(frequency.count);
    match frequency.per {
        FrequencyPeriod::Day => count * 7.0,
        FrequencyPeriod::Week => count,
        FrequencyPeriod::Month => count * 12.0 / 52.0,
    }
}

fn state(count: u32, target: f64) -> RhythmState {
    let count = f64::from(count);
    if count < target.floor() {
        RhythmState::Under
    } else if count > target.ceil() {
        RhythmState::Over
    } else {
        RhythmState::On
    }
}

/// The Monday of `date`'s ISO week.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    let back = u64::from(date.weekday().num_days_from_monday());
    date.checked_sub_days(Days::new(back)).unwrap_or(date)
}

/// The rhythm from `start` to `end` (both included).
///
/// `networks`: every network, in the order the report lists them; `targets`:
/// the networks that have one; `posts`: (network, local date) of each post
/// or occurrence, which may reach outside the range (the weeks at both ends
/// are counted whole). Weeks are reported for networks with a target; gaps
/// for networks with a target or with a post in the range, within the range
/// only: its first and last days count as edges, so a range that starts
/// after a long silence reports the silence from its first day.
pub fn rhythm(
    networks: &[String],
    targets: &[RhythmTarget],
    posts: &[(String, NaiveDate)],
    start: NaiveDate,
    end: NaiveDate,
    max_gap_days: u32,
) -> RhythmReport {
    let mut report = RhythmReport::default();
    if end < start {
        return report;
    }
    for network in networks {
        let mut dates: Vec<NaiveDate> = posts
            .iter()
            .filter(|(n, _)| n == network)
            .map(|(_, d)| *d)
            .collect();
        dates.sort();
        let target = targets.iter().find(|t| &t.network_id == network);
        if let Some(target) = target {
            let weekly = weekly_target(target.frequency);
            let mut monday = week_start(start);
            while monday <= end {
                let next = monday.checked_add_days(Days::new(7)).unwrap_or(monday);
                let count = dates.iter().filter(|d| **d >= monday && **d < next).count() as u32;
                report.weeks.push(WeekRhythm {
                    network_id: network.clone(),
                    week_start: format_date(monday),
                    count,
                    target: weekly,
                    state: state(count, weekly),
                });
                if next == monday {
                    break;
                }
                monday = next;
            }
        }
        let inside: Vec<NaiveDate> = dates
            .into_iter()
            .filter(|d| *d >= start && *d <= end)
            .collect();
        if target.is_none() && inside.is_empty() {
            continue;
        }
        // Empty stretches between the range's edges and the posts.
        let mut previous: Option<NaiveDate> = None;
        let edges = inside
            .iter()
            .copied()
            .map(Some)
            .chain(std::iter::once(None));
        for date in edges {
            let first_empty = match previous {
                Some(p) => p.succ_opt(),
                None => Some(start),
            };
            let last_empty = match date {
                Some(d) => d.pred_opt(),
                None => Some(end),
            };
            if let (Some(from), Some(to)) = (first_empty, last_empty) {
                if to >= from {
                    let days = (to - from).num_days() as u32 + 1;
                    if days > max_gap_days {
                        report.gaps.push(Gap {
                            network_id: network.clone(),
                            from: format_date(from),
                            to: format_date(to),
                            days,
                        });
                    }
                }
            }
            previous = date.or(previous);
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_become_weekly() {
        let f = |count, per| Frequency { count, per };
        assert_eq!(weekly_target(f(2, FrequencyPeriod::Day)), 14.0);
        assert_eq!(weekly_target(f(3, FrequencyPeriod::Week)), 3.0);
        // 4 a month: 48 a year over 52 weeks.
        assert!((weekly_target(f(4, FrequencyPeriod::Month)) - 48.0 / 52.0).abs() < 1e-9);
        assert_eq!(state(0, 48.0 / 52.0), RhythmState::On);
        assert_eq!(state(2, 48.0 / 52.0), RhythmState::Over);
        assert_eq!(state(2, 3.0), RhythmState::Under);
    }

    #[test]
    fn week_starts_on_monday() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(week_start(d("2027-03-28")), d("2027-03-22"), "a Sunday");
        assert_eq!(week_start(d("2027-03-22")), d("2027-03-22"), "a Monday");
    }
}
