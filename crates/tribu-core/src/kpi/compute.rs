//! The formulas of the KPI panel, as small pure functions. None of them lets
//! NaN or an infinity out: a ratio whose denominator is zero, or a figure
//! computed from missing data, is `None`, which the UI shows as "—".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::metric::Direction;

/// The engagement rate of a post, as the panel shows it.
pub const ENGAGEMENT_RATE_FORMULA_EN: &str =
    "Engagement rate = (reactions + comments + shares + saves) / reach × 100";
pub const ENGAGEMENT_RATE_FORMULA_FR: &str =
    "Taux d'engagement = (réactions + commentaires + partages + enregistrements) / portée × 100";
/// The engagement rate of several posts (a network, a format, a period).
pub const PERIOD_RATE_FORMULA_EN: &str =
    "Rate over several posts = Σ engagements / Σ reach × 100 (not the mean of the posts' rates)";
pub const PERIOD_RATE_FORMULA_FR: &str =
    "Taux sur plusieurs publications = Σ engagements / Σ portée × 100 (et non la moyenne des taux)";
pub const GROWTH_RATE_FORMULA_EN: &str =
    "Growth rate = (end value − start value) / start value × 100";
pub const GROWTH_RATE_FORMULA_FR: &str =
    "Taux de croissance = (valeur finale − valeur initiale) / valeur initiale × 100";
pub const PROGRESS_FORMULA_EN: &str =
    "Progress = (current value − starting value) / (target − starting value) × 100";
pub const PROGRESS_FORMULA_FR: &str =
    "Progression = (valeur actuelle − valeur de départ) / (cible − valeur de départ) × 100";
pub const PROJECTION_FORMULA_EN: &str =
    "Projection = value at the deadline of the least-squares line through the KPI's values";
pub const PROJECTION_FORMULA_FR: &str =
    "Projection = valeur à l'échéance de la droite des moindres carrés passant par les valeurs du KPI";

/// A formula in both languages, for the panel's help and the PDF report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Formula {
    /// `engagement_rate`, `period_rate`, `growth_rate`, `progress`, `projection`.
    pub key: String,
    pub fr: String,
    pub en: String,
}

/// Every formula the panel uses.
pub fn formulas() -> Vec<Formula> {
    [
        (
            "engagement_rate",
            ENGAGEMENT_RATE_FORMULA_FR,
            ENGAGEMENT_RATE_FORMULA_EN,
        ),
        (
            "period_rate",
            PERIOD_RATE_FORMULA_FR,
            PERIOD_RATE_FORMULA_EN,
        ),
        (
            "growth_rate",
            GROWTH_RATE_FORMULA_FR,
            GROWTH_RATE_FORMULA_EN,
        ),
        ("progress", PROGRESS_FORMULA_FR, PROGRESS_FORMULA_EN),
        ("projection", PROJECTION_FORMULA_FR, PROJECTION_FORMULA_EN),
    ]
    .into_iter()
    .map(|(key, fr, en)| Formula {
        key: key.into(),
        fr: fr.into(),
        en: en.into(),
    })
    .collect()
}

/// `numerator / denominator × 100`, or None when the denominator is zero or
/// either side is not a finite number.
fn percent(numerator: f64, denominator: f64) -> Option<f64> {
    let value = numerator / denominator * 100.0;
    (denominator != 0.0 && value.is_finite()).then_some(value)
}

/// Engagements / reach × 100 ([`ENGAGEMENT_RATE_FORMULA_EN`]); None when
/// reach is 0: a post nobody saw has no rate, not an infinite one.
pub fn engagement_rate(engagements: f64, reach: f64) -> Option<f64> {
    percent(engagements, reach)
}

/// The engagement rate of several posts: Σ engagements / Σ reach × 100.
///
/// Not the mean of the posts' rates: that mean gives a post seen by 20
/// people (5 likes: 25 %) the same weight as one seen by 20,000, and no
/// longer answers "what share of the people reached interacted". The rate of
/// the sums weighs each post by its reach, and equals the rate of the period
/// taken as one big post. None when the total reach is 0.
pub fn rate_of_sums(posts: impl IntoIterator<Item = (f64, f64)>) -> Option<f64> {
    let (engagements, reach) = posts
        .into_iter()
        .fold((0.0, 0.0), |(e, r), (pe, pr)| (e + pe, r + pr));
    engagement_rate(engagements, reach)
}

/// (end − start) / start × 100; None when `start` is 0 (growth from nothing
/// has no rate).
pub fn growth_rate(start: f64, end: f64) -> Option<f64> {
    percent(end - start, start)
}

/// How far a KPI has come from `base` to `target`, in %: (current − base) /
/// (target − base) × 100. The same expression serves both directions: for a
/// falling KPI (response time from 120 to 60 minutes) both differences are
/// negative. Not clamped: below 0 the value went the wrong way, above 100 it
/// passed the target.
///
/// None when there is no distance to cover in the KPI's direction (the base
/// already meets the target: a rising KPI whose base is at or above its
/// target, a falling one at or below), since any percentage would mislead.
pub fn progress(base: f64, current: f64, target: f64, direction: Direction) -> Option<f64> {
    let distance = match direction {
        Direction::Up => target - base,
        Direction::Down => base - target,
    };
    if distance.is_nan() || distance <= 0.0 {
        return None;
    }
    percent(current - base, target - base)
}

/// Whether a value projected at the deadline meets the target in the KPI's
/// direction (reaching it exactly counts as on track).
pub fn meets_target(value: f64, target: f64, direction: Direction) -> bool {
    match direction {
        Direction::Up => value >= target,
        Direction::Down => value <= target,
    }
}

/// A straight line `value = intercept + slope_per_day × (day − origin)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinearFit {
    /// `YYYY-MM-DD`: the day the line's intercept is the value of.
    pub origin: String,
    pub intercept: f64,
    pub slope_per_day: f64,
}

/// The least-squares line through `(x, y)` points: (slope, intercept). None
/// with fewer than two points or when every point has the same `x` (no
/// line is defined).
pub fn least_squares(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for &(x, y) in points {
        sxy += (x - mean_x) * (y - mean_y);
        sxx += (x - mean_x) * (x - mean_x);
    }
    if sxx == 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = mean_y - slope * mean_x;
    (slope.is_finite() && intercept.is_finite()).then_some((slope, intercept))
}

/// A KPI's projection: the least-squares line through its dated values
/// (days counted from `origin`) and its value at `deadline`. None with fewer
/// than two values, or all on the same day.
pub fn project(
    values: &[(NaiveDate, f64)],
    origin: NaiveDate,
    deadline: NaiveDate,
) -> Option<(LinearFit, f64)> {
    let points: Vec<(f64, f64)> = values
        .iter()
        .map(|(day, v)| ((*day - origin).num_days() as f64, *v))
        .collect();
    let (slope, intercept) = least_squares(&points)?;
    let at_deadline = intercept + slope * (deadline - origin).num_days() as f64;
    at_deadline.is_finite().then(|| {
        (
            LinearFit {
                origin: crate::time::format_date(origin),
                intercept,
                slope_per_day: slope,
            },
            at_deadline,
        )
    })
}

/// The median of `values` (sorted in place): the middle one, or the mean of
/// the two middle ones for an even count. None for an empty slice.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn rates_never_divide_by_zero() {
        // (10+5+3+2)/400*100 = 5.0
        assert_eq!(engagement_rate(20.0, 400.0), Some(5.0));
        assert_eq!(engagement_rate(3.0, 0.0), None);
        assert_eq!(engagement_rate(0.0, 0.0), None);
        assert_eq!(rate_of_sums([]), None);
        assert_eq!(rate_of_sums([(4.0, 0.0), (0.0, 0.0)]), None);
        assert_eq!(growth_rate(0.0, 50.0), None);
        // (1150-1000)/1000*100 = 15.0
        assert_eq!(growth_rate(1000.0, 1150.0), Some(15.0));
        // (800-1000)/1000*100 = -20.0
        assert_eq!(growth_rate(1000.0, 800.0), Some(-20.0));
        assert_eq!(growth_rate(f64::MIN_POSITIVE, f64::MAX), None);
    }

    #[test]
    fn progress_in_both_directions() {
        // (10600-10000)/(12000-10000)*100 = 30.0
        assert_eq!(
            progress(10_000.0, 10_600.0, 12_000.0, Direction::Up),
            Some(30.0)
        );
        // Response time 120 → 60 min, now 105: (105-120)/(60-120)*100 = 25.0
        assert_eq!(progress(120.0, 105.0, 60.0, Direction::Down), Some(25.0));
        // Worse than the start: (130-120)/(60-120)*100 = -16.666…
        let worse = progress(120.0, 130.0, 60.0, Direction::Down).unwrap();
        assert!((worse + 16.666_666).abs() < 1e-5);
        // Past the target: (45-120)/(60-120)*100 = 125.0
        assert_eq!(progress(120.0, 45.0, 60.0, Direction::Down), Some(125.0));
        // No distance to cover in the KPI's direction.
        assert_eq!(progress(100.0, 110.0, 100.0, Direction::Up), None);
        assert_eq!(progress(120.0, 110.0, 100.0, Direction::Up), None);
        assert_eq!(progress(50.0, 40.0, 60.0, Direction::Down), None);
    }

    #[test]
    fn least_squares_needs_two_distinct_days() {
        assert_eq!(least_squares(&[]), None);
        assert_eq!(least_squares(&[(1.0, 5.0)]), None);
        assert_eq!(least_squares(&[(1.0, 5.0), (1.0, 7.0)]), None);
        // Points (0,1) (1,3) (2,5): y = 1 + 2x exactly.
        assert_eq!(
            least_squares(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]),
            Some((2.0, 1.0))
        );
        // (0,0) (1,1) (2,1): mean x 1, mean y 2/3; sxy = (-1)(-2/3)+0+(1)(1/3) = 1,
        // sxx = 2 → slope 0.5, intercept 2/3 - 0.5 = 1/6.
        let (slope, intercept) = least_squares(&[(0.0, 0.0), (1.0, 1.0), (2.0, 1.0)]).unwrap();
        assert!((slope - 0.5).abs() < 1e-12);
        assert!((intercept - 1.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn projection_at_the_deadline() {
        let origin = day("2026-01-01");
        // +10 a day from 1,000: 1,000 on day 0, 1,100 on day 10.
        let values = [(day("2026-01-01"), 1000.0), (day("2026-01-11"), 1100.0)];
        let (fit, at) = project(&values, origin, day("2026-03-02")).unwrap();
        // Day 60: 1000 + 10*60 = 1600.
        assert_eq!(at, 1600.0);
        assert_eq!(fit.slope_per_day, 10.0);
        assert_eq!(fit.origin, "2026-01-01");
        assert!(project(&values[..1], origin, day("2026-03-02")).is_none());
    }

    #[test]
    fn median_of_odd_and_even_samples() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        // sorted 1, 2, 4, 10: (2+4)/2 = 3.0
        assert_eq!(median(&mut [10.0, 2.0, 1.0, 4.0]), Some(3.0));
    }
}
