//! What the published posts of a period achieved: totals, results per
//! network, format and theme, and the top and flop posts.
//!
//! A post counts once it is published (status `published`) and dated in the
//! period, by its local date in its own zone; its figures count once a
//! result is entered. Rates are rates of sums (see
//! [`super::compute::rate_of_sums`]), over the posts whose reach and at
//! least one interaction count are known.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::compute::rate_of_sums;
use super::model::PostCounts;
use crate::model::PostFormat;
use crate::time::format_date;

/// A published post as the computations read it: its local date, weekday and
/// hour in its own zone, and its result if one was entered.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedPost {
    pub id: String,
    pub title: String,
    pub network_id: String,
    pub format: PostFormat,
    pub theme: String,
    pub date: NaiveDate,
    /// 0 = Monday … 6 = Sunday, in the post's zone.
    pub weekday: u8,
    /// 0–23, in the post's zone.
    pub hour: u8,
    pub counts: Option<PostCounts>,
}

impl PublishedPost {
    /// (engagements, reach) when both are known, for rates of sums.
    pub fn rate_parts(&self) -> Option<(f64, f64)> {
        let c = self.counts.as_ref()?;
        Some((c.engagements()? as f64, f64::from(c.reach?)))
    }

    /// The post's own engagement rate; None when reach is 0 or unknown.
    pub fn engagement_rate(&self) -> Option<f64> {
        self.counts.as_ref()?.engagement_rate()
    }
}

/// The results of a group of posts: a network, a format, a theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupResults {
    /// The network id, the format (`photo`...) or the theme (`""`: none).
    pub key: String,
    /// Published posts of the group in the period.
    pub posts: u32,
    /// Those with a result entered.
    pub measured: u32,
    #[ts(type = "number")]
    pub reach: u64,
    #[ts(type = "number")]
    pub impressions: u64,
    #[ts(type = "number")]
    pub engagements: u64,
    #[ts(type = "number")]
    pub clicks: u64,
    /// Σ engagements / Σ reach × 100; None when the reach is 0.
    pub engagement_rate: Option<f64>,
}

/// The period's figures, all networks of the query together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DashboardTotals {
    pub published_posts: u32,
    pub measured_posts: u32,
    #[ts(type = "number")]
    pub reach: u64,
    #[ts(type = "number")]
    pub impressions: u64,
    #[ts(type = "number")]
    pub engagements: u64,
    #[ts(type = "number")]
    pub clicks: u64,
    pub engagement_rate: Option<f64>,
    /// Results that look wrong (see `ResultFlag`), worth a check.
    pub flagged_posts: u32,
}

/// A post in the top or flop list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RankedPost {
    pub post_id: String,
    pub title: String,
    pub network_id: String,
    pub format: PostFormat,
    pub theme: String,
    /// `YYYY-MM-DD`, in the post's zone.
    pub date: String,
    pub engagement_rate: f64,
    pub reach: u32,
    #[ts(type = "number")]
    pub engagements: u64,
}

#[derive(Default)]
struct Sums {
    posts: u32,
    measured: u32,
    reach: u64,
    impressions: u64,
    engagements: u64,
    clicks: u64,
    rate_engagements: f64,
    rate_reach: f64,
}

impl Sums {
    fn add(&mut self, post: &PublishedPost) {
        self.posts += 1;
        let Some(c) = &post.counts else { return };
        self.measured += 1;
        self.reach += u64::from(c.reach.unwrap_or(0));
        self.impressions += u64::from(c.impressions.unwrap_or(0));
        self.engagements += c.engagements().unwrap_or(0);
        self.clicks += u64::from(c.clicks.unwrap_or(0));
        if let Some((e, r)) = post.rate_parts() {
            self.rate_engagements += e;
            self.rate_reach += r;
        }
    }

    fn rate(&self) -> Option<f64> {
        rate_of_sums([(self.rate_engagements, self.rate_reach)])
    }
}

/// The period's totals over `posts`.
pub fn totals<'a>(posts: impl IntoIterator<Item = &'a PublishedPost>) -> DashboardTotals {
    let mut sums = Sums::default();
    let mut flagged = 0;
    for post in posts {
        sums.add(post);
        if post.counts.is_some_and(|c| !c.flags().is_empty()) {
            flagged += 1;
        }
    }
    DashboardTotals {
        published_posts: sums.posts,
        measured_posts: sums.measured,
        reach: sums.reach,
        impressions: sums.impressions,
        engagements: sums.engagements,
        clicks: sums.clicks,
        engagement_rate: sums.rate(),
        flagged_posts: flagged,
    }
}

/// Results per group, `key` naming each post's group; groups in key order.
pub fn results_by<'a>(
    posts: impl IntoIterator<Item = &'a PublishedPost>,
    key: impl Fn(&PublishedPost) -> &str,
) -> Vec<GroupResults> {
    let mut groups: BTreeMap<String, Sums> = BTreeMap::new();
    for post in posts {
        let k = key(post);
        match groups.get_mut(k) {
            Some(sums) => sums.add(post),
            None => groups.entry(k.to_string()).or_default().add(post),
        }
    }
    groups
        .into_iter()
        .map(|(key, s)| GroupResults {
            engagement_rate: s.rate(),
            key,
            posts: s.posts,
            measured: s.measured,
            reach: s.reach,
            impressions: s.impressions,
            engagements: s.engagements,
            clicks: s.clicks,
        })
        .collect()
}

pub fn results_by_network<'a>(
    posts: impl IntoIterator<Item = &'a PublishedPost>,
) -> Vec<GroupResults> {
    results_by(posts, |p| p.network_id.as_str())
}

pub fn results_by_format<'a>(
    posts: impl IntoIterator<Item = &'a PublishedPost>,
) -> Vec<GroupResults> {
    results_by(posts, |p| p.format.as_str())
}

pub fn results_by_theme<'a>(
    posts: impl IntoIterator<Item = &'a PublishedPost>,
) -> Vec<GroupResults> {
    results_by(posts, |p| p.theme.as_str())
}

/// The `n` posts with the highest engagement rate and the `n` with the
/// lowest, among those that reached at least `min_reach` people (a post seen
/// by three people and liked by one is not a top post: its rate says
/// nothing). A post is never in both lists: with fewer than `2 × n`
/// candidates the flop list takes those the top list left. Equal rates are
/// ordered by reach (larger first in the top, smaller first in the flop),
/// then by date and id so the lists are stable.
pub fn top_and_flop<'a>(
    posts: impl IntoIterator<Item = &'a PublishedPost>,
    min_reach: u32,
    n: usize,
) -> (Vec<RankedPost>, Vec<RankedPost>) {
    type Candidate<'p> = (&'p PublishedPost, f64, u32, u64);
    let mut ranked: Vec<Candidate> = posts
        .into_iter()
        .filter_map(|p| {
            let c = p.counts.as_ref()?;
            let reach = c.reach?;
            if reach < min_reach.max(1) {
                return None;
            }
            Some((p, c.engagement_rate()?, reach, c.engagements()?))
        })
        .collect();
    // Best first: rate, then reach, then date and id (a total order, so the
    // lists never depend on the order the posts came in).
    let best = |a: &Candidate, b: &Candidate| {
        b.1.total_cmp(&a.1)
            .then(b.2.cmp(&a.2))
            .then(a.0.date.cmp(&b.0.date))
            .then(a.0.id.cmp(&b.0.id))
    };
    let worst = |a: &Candidate, b: &Candidate| {
        a.1.total_cmp(&b.1)
            .then(a.2.cmp(&b.2))
            .then(a.0.date.cmp(&b.0.date))
            .then(a.0.id.cmp(&b.0.id))
    };
    // Only the first n of each list are sorted: selecting them is linear,
    // where sorting thousands of posts is not.
    let first_n = |list: &mut [Candidate<'a>],
                   order: &dyn Fn(&Candidate, &Candidate) -> Ordering| {
        let k = n.min(list.len());
        if k < list.len() {
            list.select_nth_unstable_by(k, order);
        }
        list[..k].sort_by(order);
        k
    };
    let to_ranked = |(p, rate, reach, engagements): &Candidate| RankedPost {
        post_id: p.id.clone(),
        title: p.title.clone(),
        network_id: p.network_id.clone(),
        format: p.format,
        theme: p.theme.clone(),
        date: format_date(p.date),
        engagement_rate: *rate,
        reach: *reach,
        engagements: *engagements,
    };
    let top_len = first_n(&mut ranked, &best);
    let top = ranked[..top_len].iter().map(to_ranked).collect();
    let rest = &mut ranked[top_len..];
    let flop_len = first_n(rest, &worst);
    let flop = rest[..flop_len].iter().map(to_ranked).collect();
    (top, flop)
}

/// Orders group results by engagement rate, best first, groups with no rate
/// last (what a "which format works" chart wants).
pub fn by_rate(mut groups: Vec<GroupResults>) -> Vec<GroupResults> {
    groups.sort_by(|a, b| match (a.engagement_rate, b.engagement_rate) {
        (Some(x), Some(y)) => y.total_cmp(&x).then(a.key.cmp(&b.key)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.key.cmp(&b.key),
    });
    groups
}
