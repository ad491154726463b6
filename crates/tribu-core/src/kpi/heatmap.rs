//! Best times to post: a weekday × hour grid of the median engagement rate of
//! the workspace's own published posts.
//!
//! Each post is placed by its weekday and hour in its own zone (a post at
//! 09:00 in Paris is a 09:00 post in winter and in summer alike), since that
//! is the clock the audience lives by. The median, not the mean, so that one
//! viral post does not make its slot look like the best one.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::compute::median;
use super::results::PublishedPost;

/// One slot of the grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeatCell {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// 0–23, local time of the posts.
    pub hour: u8,
    /// The median engagement rate of the slot's posts; None when it has none.
    /// Given even for an insufficient sample, for the UI to show faded.
    pub median_rate: Option<f64>,
    /// Posts with a rate in the slot.
    pub sample: u32,
    /// False when `sample` is below the grid's `min_sample`: too few posts
    /// to tell a good slot from luck.
    pub sufficient: bool,
}

/// The 7 × 24 grid, Monday 00h first, hour by hour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Heatmap {
    pub min_sample: u32,
    pub cells: Vec<HeatCell>,
}

impl Heatmap {
    pub fn cell(&self, weekday: u8, hour: u8) -> Option<&HeatCell> {
        self.cells
            .get(usize::from(weekday) * 24 + usize::from(hour))
    }
}

/// The grid of `posts`; posts without a rate (no result, reach unknown or
/// zero) are left out.
pub fn best_times<'a>(
    posts: impl IntoIterator<Item = &'a PublishedPost>,
    min_sample: u32,
) -> Heatmap {
    let mut rates: Vec<Vec<f64>> = vec![Vec::new(); 7 * 24];
    for post in posts {
        if let (Some(rate), true) = (post.engagement_rate(), post.weekday < 7 && post.hour < 24) {
            rates[usize::from(post.weekday) * 24 + usize::from(post.hour)].push(rate);
        }
    }
    let cells = rates
        .iter_mut()
        .enumerate()
        .map(|(i, slot)| {
            let sample = slot.len() as u32;
            HeatCell {
                weekday: (i / 24) as u8,
                hour: (i % 24) as u8,
                median_rate: median(slot),
                sample,
                sufficient: sample >= min_sample && sample > 0,
            }
        })
        .collect();
    Heatmap { min_sample, cells }
}
