//! Posting regularity: for each network with a target frequency (the
//! charter's "3 a week"), the posts of each day, week or month of the period
//! against that target. A steady rhythm, not a burst after a gap, is what
//! the charter asks for, so each step is judged on its own.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::results::PublishedPost;
use super::series::{steps, Granularity};
use crate::charter::{Frequency, FrequencyPeriod};
use crate::model::string_enum;
use crate::time::format_date;

string_enum!(
    /// How a step compares with the target frequency.
    RegularityStatus, "status", {
        /// Fewer posts than the target: a gap.
        Under => "under",
        /// Exactly the target.
        Met => "met",
        /// More than the target: on target, but a burst if it follows a gap.
        Over => "over",
    }
);

/// One day, week (Monday to Sunday) or month of the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegularityStep {
    /// `YYYY-MM-DD`, first day of the step inside the period.
    pub start: String,
    /// `YYYY-MM-DD`, last day of the step inside the period.
    pub end: String,
    pub posts: u32,
    pub status: RegularityStatus,
    /// False when the period cuts the step (a week the period starts on a
    /// Wednesday): shown, but not judged, since its target would not be fair.
    pub complete: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Regularity {
    pub network_id: String,
    pub target: Frequency,
    pub steps: Vec<RegularityStep>,
    /// Complete steps with at least the target's count.
    pub on_target: u32,
    pub complete_steps: u32,
    /// on_target / complete_steps × 100; None without a complete step.
    pub share_on_target: Option<f64>,
    /// Mean posts per complete step; None without a complete step.
    pub posts_per_step: Option<f64>,
}

fn granularity(period: FrequencyPeriod) -> Granularity {
    match period {
        FrequencyPeriod::Day => Granularity::Day,
        FrequencyPeriod::Week => Granularity::Week,
        FrequencyPeriod::Month => Granularity::Month,
    }
}

/// Regularity over `[start, end]` of each network of `frequencies`
/// (network id → target), in network id order, from its published `posts`.
pub fn regularity<'a>(
    posts: impl IntoIterator<Item = &'a PublishedPost>,
    frequencies: &HashMap<String, Frequency>,
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<Regularity> {
    let mut days: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    for post in posts {
        if frequencies.contains_key(&post.network_id) && post.date >= start && post.date <= end {
            days.entry(&post.network_id).or_default().push(post.date);
        }
    }
    let mut networks: Vec<(&String, &Frequency)> = frequencies.iter().collect();
    networks.sort_by(|a, b| a.0.cmp(b.0));
    networks
        .into_iter()
        .map(|(network_id, target)| {
            let mut dates = days.remove(network_id.as_str()).unwrap_or_default();
            dates.sort();
            let g = granularity(target.per);
            let steps: Vec<RegularityStep> = steps(start, end, g)
                .into_iter()
                .map(|(a, b)| {
                    let posts = (dates.partition_point(|d| *d <= b)
                        - dates.partition_point(|d| *d < a)) as u32;
                    RegularityStep {
                        start: format_date(a),
                        end: format_date(b),
                        posts,
                        status: match posts.cmp(&target.count) {
                            std::cmp::Ordering::Less => RegularityStatus::Under,
                            std::cmp::Ordering::Equal => RegularityStatus::Met,
                            std::cmp::Ordering::Greater => RegularityStatus::Over,
                        },
                        complete: g.is_whole_step(a, b),
                    }
                })
                .collect();
            let complete: Vec<&RegularityStep> = steps.iter().filter(|s| s.complete).collect();
            let on_target = complete
                .iter()
                .filter(|s| s.status != RegularityStatus::Under)
                .count() as u32;
            let n = complete.len() as u32;
            let total: u32 = complete.iter().map(|s| s.posts).sum();
            Regularity {
                network_id: network_id.clone(),
                target: *target,
                on_target,
                complete_steps: n,
                share_on_target: (n > 0).then(|| f64::from(on_target) / f64::from(n) * 100.0),
                posts_per_step: (n > 0).then(|| f64::from(total) / f64::from(n)),
                steps,
            }
        })
        .collect()
}
