//! The KPI panel in one piece: what `Store::kpi_dashboard` returns, built
//! in memory from the period's published posts and the observations of the
//! KPIs' metrics, which the store loads in a few queries.

use crate::error::Reason;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::compute::{formulas, Formula, LinearFit};
use super::heatmap::{best_times, Heatmap};
use super::metric::{Aggregation, Direction, Metric};
use super::model::Kpi;
use super::regularity::{regularity, Regularity};
use super::results::{
    by_rate, results_by_format, results_by_network, results_by_theme, top_and_flop, totals,
    DashboardTotals, GroupResults, PublishedPost, RankedPost,
};
use super::series::{
    evaluate, points_from_observations, points_from_parts, DayPoint, Granularity, KpiAim, Period,
    SeriesPoint,
};
use crate::charter::Frequency;
use crate::error::{Error, Result};
use crate::model::string_enum;
use crate::time::{format_date, parse_date};

/// Posts that reached fewer people are left out of the top and flop lists
/// unless the query says otherwise.
pub const DEFAULT_MIN_REACH: u32 = 100;
/// Heatmap slots with fewer posts are marked insufficient unless the query
/// says otherwise.
pub const DEFAULT_MIN_SAMPLE: u32 = 3;
/// Length of the top and flop lists.
pub const RANKED_POSTS: usize = 5;

string_enum!(
    /// Where a KPI's values come from.
    ValueSource, "source", {
        /// Observations typed or imported for the metric.
        Observations => "observations",
        /// The results of the published posts: always for the engagement
        /// rate, and for reach, impressions and interactions when no
        /// observation of the metric covers the KPI's dates.
        PostResults => "post_results",
        /// Nothing measured yet.
        None => "none",
    }
);

/// What the panel asks for.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DashboardQuery {
    /// `YYYY-MM-DD`, included.
    pub start: String,
    /// `YYYY-MM-DD`, included.
    pub end: String,
    /// Only this network's posts; KPIs of this network and of all networks.
    pub network_id: Option<String>,
    /// Network id → target posting frequency. None: the frequencies of the
    /// charter's network guidelines.
    pub frequencies: Option<HashMap<String, Frequency>>,
    /// Top and flop posts must have reached this many people; None: 100.
    pub min_reach: Option<u32>,
    /// Heatmap slots with fewer posts are insufficient; None: 3.
    pub min_sample: Option<u32>,
    /// The step of the series; None: chosen from the period's length.
    pub granularity: Option<Granularity>,
}

impl DashboardQuery {
    pub(crate) fn period(&self) -> Result<Period> {
        let start = parse_date(&self.start).map_err(|e| rename(e, "start"))?;
        let end = parse_date(&self.end).map_err(|e| rename(e, "end"))?;
        if end < start {
            return Err(Error::validation(
                "end",
                Reason::BeforeStart,
                "the period must end on or after its start",
            ));
        }
        Ok(Period {
            start,
            end,
            granularity: self
                .granularity
                .unwrap_or_else(|| Granularity::auto(start, end)),
        })
    }
}

fn rename(e: Error, field: &'static str) -> Error {
    match e {
        Error::Validation {
            reason, message, ..
        } => Error::Validation {
            field,
            reason,
            message,
        },
        other => other,
    }
}

/// One KPI card. See `series::KpiValues` for what each figure means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiCard {
    pub kpi_id: String,
    pub objective_id: String,
    pub objective_title: String,
    pub name: String,
    pub metric: Metric,
    pub aggregation: Aggregation,
    /// None: all networks.
    pub network_id: Option<String>,
    pub direction: Direction,
    pub source: ValueSource,
    /// The metric over the period (last level, sum, mean or rate).
    pub current: Option<f64>,
    /// The value the target is measured on (for a flow, the total since the
    /// KPI's start date).
    pub to_date: Option<f64>,
    /// Where progress counts from.
    pub base: Option<f64>,
    pub target: f64,
    /// % of the way from `base` to `target`; may be below 0 or above 100.
    pub progress: Option<f64>,
    /// Growth across the period (stock) or against the previous period, in %.
    pub growth: Option<f64>,
    /// The fitted line's value at the deadline.
    pub projection: Option<f64>,
    /// None with fewer than two values.
    pub on_track: Option<bool>,
    pub start_date: String,
    pub deadline: String,
    pub sparkline: Vec<SeriesPoint>,
}

/// A KPI's line chart: the value the target is measured on, the target and
/// the fitted line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiTrend {
    pub kpi_id: String,
    pub target: f64,
    pub deadline: String,
    pub points: Vec<SeriesPoint>,
    pub fit: Option<LinearFit>,
}

/// Everything the KPI panel shows, for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub start: String,
    pub end: String,
    pub network_id: Option<String>,
    pub granularity: Granularity,
    pub cards: Vec<KpiCard>,
    pub trends: Vec<KpiTrend>,
    /// Per network: posts, reach, engagements, rate (network id order).
    pub networks: Vec<GroupResults>,
    pub heatmap: Heatmap,
    /// Per format, best rate first.
    pub formats: Vec<GroupResults>,
    /// Per theme (`""`: no theme), best rate first.
    pub themes: Vec<GroupResults>,
    pub top: Vec<RankedPost>,
    pub flop: Vec<RankedPost>,
    pub regularity: Vec<Regularity>,
    pub totals: DashboardTotals,
    pub min_reach: u32,
    pub formulas: Vec<Formula>,
}

/// The observations of the KPIs' metrics: per metric, `(day, network,
/// value)` in day order, `network` an index into `networks`.
#[derive(Debug, Clone, Default)]
pub struct ObservationSet {
    pub networks: Vec<String>,
    pub rows: HashMap<Metric, Vec<(NaiveDate, usize, f64)>>,
}

/// A KPI with the title of its objective.
#[derive(Debug, Clone)]
pub struct KpiWithObjective {
    pub kpi: Kpi,
    pub objective_title: String,
}

/// Everything the panel is computed from.
pub struct DashboardData<'a> {
    pub period: Period,
    pub network_id: Option<&'a str>,
    pub kpis: &'a [KpiWithObjective],
    /// The published posts from the earliest day a KPI or the comparison
    /// needs up to the period's end.
    pub posts: &'a [PublishedPost],
    pub observations: &'a ObservationSet,
    pub frequencies: &'a HashMap<String, Frequency>,
    pub min_reach: u32,
    pub min_sample: u32,
}

/// The earliest day the panel needs data from: the period before the
/// selected one (for the comparison) or the earliest start of a shown KPI.
pub fn earliest_day(period: &Period, kpis: &[KpiWithObjective]) -> NaiveDate {
    let before = period.previous().map_or(period.start, |(a, _)| a);
    kpis.iter()
        .filter_map(|k| k.kpi.start_date.parse::<NaiveDate>().ok())
        .fold(before, NaiveDate::min)
}

/// Whether a KPI is shown when the panel is filtered on `network`.
pub fn shows_kpi(kpi: &Kpi, network: Option<&str>) -> bool {
    match (network, kpi.network_id.as_deref()) {
        (Some(filter), Some(own)) => filter == own,
        _ => true,
    }
}

fn kpi_points(
    kpi: &Kpi,
    aim: &KpiAim,
    data: &DashboardData,
) -> (Aggregation, Vec<DayPoint>, ValueSource) {
    let metric = kpi.metric;
    let network = kpi.network_id.as_deref();
    let observed_aggregation = match metric.aggregation() {
        // An observed rate has no reach to weigh it by: averaged.
        Aggregation::Rate => Aggregation::Mean,
        other => other,
    };
    let network_index = network.map(|id| data.observations.networks.iter().position(|n| n == id));
    let observed = match (data.observations.rows.get(&metric), network_index) {
        (_, Some(None)) | (None, _) => Vec::new(),
        (Some(rows), Some(Some(only))) => points_from_observations(
            observed_aggregation,
            rows.iter().filter(|r| r.1 == only).copied(),
        ),
        (Some(rows), None) => points_from_observations(observed_aggregation, rows.iter().copied()),
    };
    let from = aim.start.min(data.period.start);
    let observed_in_range = observed
        .iter()
        .any(|p| p.day >= from && p.day <= data.period.end);
    let from_posts = || {
        points_from_parts(data.posts.iter().filter_map(|p| {
            if network.is_some_and(|id| id != p.network_id) {
                return None;
            }
            let (num, den) = metric.from_post(p.counts.as_ref()?)?;
            Some((p.date, num, den))
        }))
    };
    let source = |points: &[DayPoint], s: ValueSource| {
        if points.is_empty() {
            ValueSource::None
        } else {
            s
        }
    };
    if metric == Metric::EngagementRate {
        let posts = from_posts();
        if !posts.is_empty() || !observed_in_range {
            let s = source(&posts, ValueSource::PostResults);
            return (Aggregation::Rate, posts, s);
        }
    } else if metric.in_post_results() && !observed_in_range {
        let posts = from_posts();
        if !posts.is_empty() {
            return (metric.aggregation(), posts, ValueSource::PostResults);
        }
    }
    let s = source(&observed, ValueSource::Observations);
    (observed_aggregation, observed, s)
}

/// Builds the panel from loaded data.
pub fn build_dashboard(data: &DashboardData) -> Dashboard {
    let period = data.period;
    let in_period: Vec<&PublishedPost> = data
        .posts
        .iter()
        .filter(|p| {
            p.date >= period.start
                && p.date <= period.end
                && data.network_id.is_none_or(|id| id == p.network_id)
        })
        .collect();

    let mut cards = Vec::new();
    let mut trends = Vec::new();
    for KpiWithObjective {
        kpi,
        objective_title,
    } in data
        .kpis
        .iter()
        .filter(|k| shows_kpi(&k.kpi, data.network_id))
    {
        let (Ok(start), Ok(deadline)) = (
            kpi.start_date.parse::<NaiveDate>(),
            kpi.deadline.parse::<NaiveDate>(),
        ) else {
            continue;
        };
        let aim = KpiAim {
            start,
            deadline,
            target: kpi.target,
            baseline: kpi.baseline,
            direction: kpi.direction,
        };
        let (aggregation, points, source) = kpi_points(kpi, &aim, data);
        let v = evaluate(aggregation, &points, &aim, &period);
        trends.push(KpiTrend {
            kpi_id: kpi.id.clone(),
            target: kpi.target,
            deadline: kpi.deadline.clone(),
            points: v.trend,
            fit: v.fit,
        });
        cards.push(KpiCard {
            kpi_id: kpi.id.clone(),
            objective_id: kpi.objective_id.clone(),
            objective_title: objective_title.clone(),
            name: kpi.name.clone(),
            metric: kpi.metric,
            aggregation,
            network_id: kpi.network_id.clone(),
            direction: kpi.direction,
            source,
            current: v.current,
            to_date: v.to_date,
            base: v.base,
            target: kpi.target,
            progress: v.progress,
            growth: v.growth,
            projection: v.projection,
            on_track: v.on_track,
            start_date: kpi.start_date.clone(),
            deadline: kpi.deadline.clone(),
            sparkline: v.sparkline,
        });
    }

    let frequencies: HashMap<String, Frequency> = data
        .frequencies
        .iter()
        .filter(|(id, _)| data.network_id.is_none_or(|f| f == id.as_str()))
        .map(|(id, f)| (id.clone(), *f))
        .collect();
    let (top, flop) = top_and_flop(in_period.iter().copied(), data.min_reach, RANKED_POSTS);

    Dashboard {
        start: format_date(period.start),
        end: format_date(period.end),
        network_id: data.network_id.map(str::to_string),
        granularity: period.granularity,
        cards,
        trends,
        networks: results_by_network(in_period.iter().copied()),
        heatmap: best_times(in_period.iter().copied(), data.min_sample),
        formats: by_rate(results_by_format(in_period.iter().copied())),
        themes: by_rate(results_by_theme(in_period.iter().copied())),
        top,
        flop,
        regularity: regularity(
            in_period.iter().copied(),
            &frequencies,
            period.start,
            period.end,
        ),
        totals: totals(in_period.iter().copied()),
        min_reach: data.min_reach,
        formulas: formulas(),
    }
}
