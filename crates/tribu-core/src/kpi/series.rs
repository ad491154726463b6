//! A KPI's values over time: its daily points, its value over a period, its
//! progress and projection, and the series the panel draws.
//!
//! A metric's data is first reduced to one [`DayPoint`] per day (all the
//! KPI's networks together); every figure is then an aggregation of the
//! points of a date range, by the metric's [`Aggregation`]:
//! - `last` (followers): the level of the last day known. Each network's last
//!   known level is carried forward and the networks add up, so a network
//!   observed weekly still counts on the days in between;
//! - `sum` (reach, clicks...): the sum of the range's values;
//! - `mean` (response time): the mean of the range's values;
//! - `rate` (engagement rate): Σ engagements / Σ reach × 100 of the range.

use std::collections::HashMap;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::compute::{growth_rate, meets_target, progress, project, LinearFit};
use super::metric::{Aggregation, Direction};
use crate::model::string_enum;
use crate::time::format_date;

string_enum!(
    /// The step of the panel's series.
    Granularity, "granularity", {
        Day => "day",
        /// Weeks start on Monday.
        Week => "week",
        Month => "month",
    }
);

impl Granularity {
    /// Days up to three months (at most 92 points), weeks up to two years
    /// (at most 105), months beyond: enough points to show a trend, few
    /// enough for a sparkline.
    pub fn auto(start: NaiveDate, end: NaiveDate) -> Granularity {
        match (end - start).num_days() + 1 {
            ..=92 => Granularity::Day,
            93..=731 => Granularity::Week,
            _ => Granularity::Month,
        }
    }

    /// The first day of the step that holds `day`.
    fn step_start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Granularity::Day => day,
            Granularity::Week => day - Days::new(u64::from(day.weekday().num_days_from_monday())),
            Granularity::Month => day.with_day(1).unwrap_or(day),
        }
    }

    /// Whether `[first, last]` is a whole step, not one cut by a period.
    pub fn is_whole_step(self, first: NaiveDate, last: NaiveDate) -> bool {
        self.step_start(first) == first
            && self.next_step(first).and_then(|n| n.pred_opt()) == Some(last)
    }

    fn next_step(self, step_start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Granularity::Day => step_start.checked_add_days(Days::new(1)),
            Granularity::Week => step_start.checked_add_days(Days::new(7)),
            Granularity::Month => step_start.checked_add_months(Months::new(1)),
        }
    }
}

/// The steps (first and last day) covering `[start, end]`, the first and the
/// last cut to the range.
pub fn steps(
    start: NaiveDate,
    end: NaiveDate,
    granularity: Granularity,
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut step = granularity.step_start(start);
    while step <= end {
        let Some(next) = granularity.next_step(step) else {
            break;
        };
        let last = next.pred_opt().unwrap_or(next);
        out.push((step.max(start), last.min(end)));
        step = next;
    }
    out
}

/// One day of a metric, all the KPI's networks together. The day's value is
/// `num` for `last` and `sum`, `num / den` for `mean`, `num / den × 100` for
/// `rate`; keeping both parts lets a range be aggregated exactly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayPoint {
    pub day: NaiveDate,
    pub num: f64,
    pub den: f64,
}

/// A value of a series: None where nothing was measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SeriesPoint {
    /// `YYYY-MM-DD`, the first day of the step.
    pub date: String,
    pub value: Option<f64>,
}

/// The value of `points` (one range, in day order) by `aggregation`; None
/// when there is no point or the denominator of a mean or a rate is zero.
pub fn aggregate(aggregation: Aggregation, points: &[DayPoint]) -> Option<f64> {
    let last = points.last()?;
    let (num, den) = points
        .iter()
        .fold((0.0, 0.0), |(n, d), p| (n + p.num, d + p.den));
    let value = match aggregation {
        Aggregation::Last => last.num,
        Aggregation::Sum => num,
        Aggregation::Mean => num / den,
        Aggregation::Rate => num / den * 100.0,
    };
    value.is_finite().then_some(value)
}

/// The points from `start` to `end` included (`points` in day order).
pub fn between(points: &[DayPoint], start: NaiveDate, end: NaiveDate) -> &[DayPoint] {
    let a = points.partition_point(|p| p.day < start);
    let b = points.partition_point(|p| p.day <= end);
    &points[a..b.max(a)]
}

/// The last point on or before `day`.
fn last_on_or_before(points: &[DayPoint], day: NaiveDate) -> Option<&DayPoint> {
    points[..points.partition_point(|p| p.day <= day)].last()
}

/// Daily points from observations `(day, network, value)` sorted by day,
/// `network` a small index. A level (`last`) carries each network's last
/// value forward and adds the networks; `sum` adds the day's values; `mean`
/// and `rate` (an observed rate is averaged, having no reach to weigh it by)
/// keep the day's sum and count.
pub fn points_from_observations(
    aggregation: Aggregation,
    observations: impl IntoIterator<Item = (NaiveDate, usize, f64)>,
) -> Vec<DayPoint> {
    let mut out: Vec<DayPoint> = Vec::new();
    let mut levels: Vec<Option<f64>> = Vec::new();
    for (day, network, value) in observations {
        if aggregation == Aggregation::Last {
            if levels.len() <= network {
                levels.resize(network + 1, None);
            }
            levels[network] = Some(value);
            let total: f64 = levels.iter().flatten().sum();
            match out.last_mut() {
                Some(p) if p.day == day => p.num = total,
                _ => out.push(DayPoint {
                    day,
                    num: total,
                    den: 1.0,
                }),
            }
        } else {
            match out.last_mut() {
                Some(p) if p.day == day => {
                    p.num += value;
                    p.den += 1.0;
                }
                _ => out.push(DayPoint {
                    day,
                    num: value,
                    den: 1.0,
                }),
            }
        }
    }
    out
}

/// Daily points from dated `(day, num, den)` parts in any order: the parts of
/// a day add up (the posts of a day).
pub fn points_from_parts(parts: impl IntoIterator<Item = (NaiveDate, f64, f64)>) -> Vec<DayPoint> {
    let mut by_day: HashMap<NaiveDate, (f64, f64)> = HashMap::new();
    for (day, num, den) in parts {
        let e = by_day.entry(day).or_default();
        e.0 += num;
        e.1 += den;
    }
    let mut out: Vec<DayPoint> = by_day
        .into_iter()
        .map(|(day, (num, den))| DayPoint { day, num, den })
        .collect();
    out.sort_by_key(|p| p.day);
    out
}

/// What a KPI aims at, its dates parsed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KpiAim {
    pub start: NaiveDate,
    pub deadline: NaiveDate,
    pub target: f64,
    pub baseline: Option<f64>,
    pub direction: Direction,
}

/// The dashboard's period: both days included.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub granularity: Granularity,
}

impl Period {
    /// The period of the same length just before this one, for comparison.
    pub fn previous(&self) -> Option<(NaiveDate, NaiveDate)> {
        let len = (self.end - self.start).num_days() as u64 + 1;
        Some((
            self.start.checked_sub_days(Days::new(len))?,
            self.start.pred_opt()?,
        ))
    }
}

/// Everything the panel shows of one KPI.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiValues {
    /// The metric over the period: the last level known at its end for a
    /// stock, the period's sum for a flow, the period's mean or rate.
    pub current: Option<f64>,
    /// The value the target is measured on, as of the period's end (or the
    /// deadline if earlier): for a stock the last level in the KPI's window;
    /// for a flow the total since the KPI's start date; for a mean or a rate
    /// its value over the part of the period inside the KPI's window.
    pub to_date: Option<f64>,
    /// Where progress counts from: the baseline, else the first value in the
    /// KPI's window; zero for a flow.
    pub base: Option<f64>,
    pub progress: Option<f64>,
    /// For a stock, the growth rate across the period (last level before or
    /// at its start → last level at its end); for the others, the change
    /// against the previous period of the same length. None without two
    /// values to compare.
    pub growth: Option<f64>,
    pub fit: Option<LinearFit>,
    /// The fitted line's value at the deadline.
    pub projection: Option<f64>,
    /// Whether the projection meets the target; None with fewer than two
    /// values in the KPI's window.
    pub on_track: Option<bool>,
    /// The metric per step of the period.
    pub sparkline: Vec<SeriesPoint>,
    /// The value the target is measured on, per step (for a flow, the total
    /// since the start date at the end of each step).
    pub trend: Vec<SeriesPoint>,
}

/// Evaluates a KPI whose daily `points` (in day order) aggregate by
/// `aggregation`, over `period`. The projection uses the values in the
/// KPI's window up to the period's end, so a past period shows the outlook
/// as it was then.
pub fn evaluate(
    aggregation: Aggregation,
    points: &[DayPoint],
    aim: &KpiAim,
    period: &Period,
) -> KpiValues {
    let flow = aggregation == Aggregation::Sum;
    let upto = period.end.min(aim.deadline);
    let window = if upto < aim.start {
        &points[..0]
    } else {
        between(points, aim.start, upto)
    };
    let in_period = between(points, period.start, period.end);
    let day_value = |p: &DayPoint| aggregate(aggregation, std::slice::from_ref(p));

    let current = match aggregation {
        Aggregation::Last => last_on_or_before(points, period.end).map(|p| p.num),
        _ => aggregate(aggregation, in_period),
    };
    let to_date = match aggregation {
        Aggregation::Last | Aggregation::Sum => aggregate(aggregation, window),
        _ => aggregate(
            aggregation,
            between(window, period.start.max(aim.start), upto),
        ),
    };
    let base = if flow {
        Some(0.0)
    } else {
        aim.baseline.or_else(|| window.first().and_then(day_value))
    };
    let progress = match (base, to_date) {
        (Some(base), Some(now)) => progress(base, now, aim.target, aim.direction),
        _ => None,
    };

    let growth = match aggregation {
        Aggregation::Last => {
            let end = last_on_or_before(points, period.end);
            let start = last_on_or_before(points, period.start).or(in_period.first());
            match (start, end) {
                (Some(s), Some(e)) if s.day < e.day => growth_rate(s.num, e.num),
                _ => None,
            }
        }
        _ => period
            .previous()
            .and_then(|(a, b)| aggregate(aggregation, between(points, a, b)))
            .zip(current)
            .and_then(|(before, now)| growth_rate(before, now)),
    };

    let values: Vec<(NaiveDate, f64)> = if flow {
        let mut total = 0.0;
        window
            .iter()
            .map(|p| {
                total += p.num;
                (p.day, total)
            })
            .collect()
    } else {
        window
            .iter()
            .filter_map(|p| day_value(p).map(|v| (p.day, v)))
            .collect()
    };
    let projected = project(&values, aim.start, aim.deadline);
    let on_track = projected
        .as_ref()
        .map(|(_, at)| meets_target(*at, aim.target, aim.direction));
    let (fit, projection) = match projected {
        Some((fit, at)) => (Some(fit), Some(at)),
        None => (None, None),
    };

    let steps = steps(period.start, period.end, period.granularity);
    let step_value = |(a, b): (NaiveDate, NaiveDate)| match aggregation {
        Aggregation::Last => last_on_or_before(points, b).map(|p| p.num),
        _ => aggregate(aggregation, between(points, a, b)),
    };
    let sparkline: Vec<SeriesPoint> = steps
        .iter()
        .map(|&step| SeriesPoint {
            date: format_date(step.0),
            value: step_value(step),
        })
        .collect();
    let trend = if flow {
        steps
            .iter()
            .map(|&(a, b)| {
                let since_start = if b < aim.start {
                    &points[..0]
                } else {
                    between(points, aim.start, b)
                };
                SeriesPoint {
                    date: format_date(a),
                    value: aggregate(aggregation, since_start),
                }
            })
            .collect()
    } else {
        sparkline.clone()
    };

    KpiValues {
        current,
        to_date,
        base,
        progress,
        growth,
        fit,
        projection,
        on_track,
        sparkline,
        trend,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn p(d: &str, num: f64, den: f64) -> DayPoint {
        DayPoint {
            day: day(d),
            num,
            den,
        }
    }

    #[test]
    fn steps_cut_to_the_period() {
        // 2026-03-04 is a Wednesday.
        let weeks = steps(day("2026-03-04"), day("2026-03-17"), Granularity::Week);
        assert_eq!(
            weeks,
            [
                (day("2026-03-04"), day("2026-03-08")),
                (day("2026-03-09"), day("2026-03-15")),
                (day("2026-03-16"), day("2026-03-17")),
            ]
        );
        let months = steps(day("2026-01-31"), day("2026-03-01"), Granularity::Month);
        assert_eq!(months.len(), 3);
        assert_eq!(months[1], (day("2026-02-01"), day("2026-02-28")));
        assert_eq!(
            Granularity::auto(day("2026-01-01"), day("2026-03-31")),
            Granularity::Day
        );
        assert_eq!(
            Granularity::auto(day("2026-01-01"), day("2026-12-31")),
            Granularity::Week
        );
        assert_eq!(
            Granularity::auto(day("2024-01-01"), day("2026-12-31")),
            Granularity::Month
        );
    }

    #[test]
    fn levels_of_several_networks_carry_forward_and_add_up() {
        let points = points_from_observations(
            Aggregation::Last,
            [
                (day("2026-01-01"), 0, 100.0),
                (day("2026-01-01"), 1, 50.0),
                (day("2026-01-03"), 0, 110.0),
                (day("2026-01-05"), 1, 60.0),
            ],
        );
        // 100+50 = 150; 110+50 = 160 (network 1 carried); 110+60 = 170.
        let totals: Vec<f64> = points.iter().map(|p| p.num).collect();
        assert_eq!(totals, [150.0, 160.0, 170.0]);
    }

    #[test]
    fn aggregations_of_a_range() {
        let points = [p("2026-01-01", 20.0, 400.0), p("2026-01-02", 6.0, 100.0)];
        assert_eq!(aggregate(Aggregation::Sum, &points), Some(26.0));
        assert_eq!(aggregate(Aggregation::Last, &points), Some(6.0));
        // (20+6)/(400+100)*100 = 5.2
        assert_eq!(aggregate(Aggregation::Rate, &points), Some(5.2));
        // (20+6)/(400+100) = 0.052
        assert_eq!(aggregate(Aggregation::Mean, &points), Some(0.052));
        assert_eq!(
            aggregate(Aggregation::Rate, &[p("2026-01-01", 3.0, 0.0)]),
            None
        );
        assert_eq!(aggregate(Aggregation::Sum, &[]), None);
    }

    fn aim(target: f64, direction: Direction) -> KpiAim {
        KpiAim {
            start: day("2026-01-01"),
            deadline: day("2026-01-31"),
            target,
            baseline: None,
            direction,
        }
    }

    fn period(start: &str, end: &str) -> Period {
        Period {
            start: day(start),
            end: day(end),
            granularity: Granularity::Day,
        }
    }

    #[test]
    fn a_flow_counts_from_zero_at_its_start_date() {
        // 100 clicks a day on Jan 1, 2, 3; 5,000 clicks by Jan 31.
        let points = [
            p("2025-12-31", 999.0, 1.0),
            p("2026-01-01", 100.0, 1.0),
            p("2026-01-02", 100.0, 1.0),
            p("2026-01-03", 100.0, 1.0),
        ];
        let v = evaluate(
            Aggregation::Sum,
            &points,
            &aim(5000.0, Direction::Up),
            &period("2026-01-02", "2026-01-03"),
        );
        // The period: 100 + 100.
        assert_eq!(v.current, Some(200.0));
        // Since the start date: 100 + 100 + 100; the day before does not count.
        assert_eq!(v.to_date, Some(300.0));
        // 300 / 5000 * 100 = 6.0
        assert_eq!(v.progress, Some(6.0));
        // Cumulative 100, 200, 300 on days 0, 1, 2: +100 a day, 100 on day 0,
        // so day 30 (Jan 31): 100 + 100*30 = 3100 < 5000.
        assert_eq!(v.projection, Some(3100.0));
        assert_eq!(v.on_track, Some(false));
        // The previous 2 days (Dec 31, Jan 1): 999 + 100 = 1099 → 200:
        // (200-1099)/1099*100.
        assert!((v.growth.unwrap() - (200.0 - 1099.0) / 1099.0 * 100.0).abs() < 1e-9);
        let trend: Vec<Option<f64>> = v.trend.iter().map(|s| s.value).collect();
        assert_eq!(trend, [Some(200.0), Some(300.0)]);
        let spark: Vec<Option<f64>> = v.sparkline.iter().map(|s| s.value).collect();
        assert_eq!(spark, [Some(100.0), Some(100.0)]);
    }

    #[test]
    fn a_single_value_has_no_projection() {
        let points = [p("2026-01-10", 120.0, 1.0)];
        let v = evaluate(
            Aggregation::Last,
            &points,
            &aim(200.0, Direction::Up),
            &period("2026-01-01", "2026-01-31"),
        );
        assert_eq!(v.current, Some(120.0));
        assert_eq!(v.projection, None);
        assert_eq!(v.on_track, None);
        assert_eq!(v.growth, None, "one value has nothing to compare with");
        // The base is the first value in the window: no distance covered yet.
        assert_eq!(v.progress, Some(0.0));
        // Sparkline: nothing known before Jan 10, then carried forward.
        assert_eq!(v.sparkline[8].value, None);
        assert_eq!(v.sparkline[9].value, Some(120.0));
        assert_eq!(v.sparkline[30].value, Some(120.0));
    }
}
