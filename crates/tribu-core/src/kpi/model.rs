//! Objectives, their KPIs, observations and post results, and the rules their
//! fields obey.

use crate::error::Reason;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::metric::{Direction, Metric};
use crate::error::{Error, Result};
use crate::model::{optional_text, required_text, string_enum};
use crate::time::{format_date, parse_date};

string_enum!(
    /// What an objective pursues on the networks; each maps to typical KPIs.
    ObjectiveKind, "kind", {
        /// Visibility (notoriété): followers, reach, impressions, mentions.
        Awareness => "awareness",
        /// Engagement rate, reactions, comments, shares.
        Engagement => "engagement",
        /// Loyalty (fidélisation): returning members, interaction frequency.
        Loyalty => "loyalty",
        /// Community growth: new members, growth rate.
        Growth => "growth",
        /// Traffic and sales: clicks, visits, conversions.
        Traffic => "traffic",
        Custom => "custom",
    }
);

string_enum!(
    /// Where an observation comes from.
    ObservationSource, "source", {
        /// Typed by the user.
        Manual => "manual",
        /// Imported from a network's CSV export.
        Csv => "csv",
    }
);

string_enum!(
    /// A post result that looks wrong. Results are never refused for these
    /// (a network's export may count differently), only flagged so the user
    /// can check what was typed.
    ResultFlag, "flag", {
        /// More interactions (reactions + comments + shares + saves) than
        /// people reached, with a reach above zero.
        EngagementsAboveReach => "engagements_above_reach",
        /// More people reached than impressions: each person reached saw at
        /// least one impression.
        ReachAboveImpressions => "reach_above_impressions",
        /// Interactions on a post that reached nobody.
        InteractionsWithoutReach => "interactions_without_reach",
    }
);

/// An objective with its KPIs, in the user's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiObjective {
    pub id: String,
    pub kind: ObjectiveKind,
    pub title: String,
    pub notes: String,
    pub position: u32,
    pub created_at: String,
    pub kpis: Vec<Kpi>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiObjectiveInput {
    pub kind: ObjectiveKind,
    pub title: String,
    pub notes: String,
}

/// A measurable target on one metric, for one network or all of them, to
/// reach between `start_date` and `deadline`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Kpi {
    pub id: String,
    pub objective_id: String,
    pub name: String,
    pub metric: Metric,
    /// None: every network counts.
    pub network_id: Option<String>,
    /// For a stock or a rate, the level to reach; for a flow metric (reach,
    /// clicks...), the total to count between the start date and the deadline.
    pub target: f64,
    /// The level at the start. None: the first value observed in the KPI's
    /// window. Flow KPIs count from zero; their baseline is only shown (the
    /// total of a comparable earlier window, say).
    pub baseline: Option<f64>,
    /// `YYYY-MM-DD`.
    pub start_date: String,
    /// `YYYY-MM-DD`, after the start date.
    pub deadline: String,
    pub direction: Direction,
    pub position: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiInput {
    pub objective_id: String,
    pub name: String,
    pub metric: Metric,
    pub network_id: Option<String>,
    pub target: f64,
    pub baseline: Option<f64>,
    pub start_date: String,
    pub deadline: String,
    pub direction: Direction,
}

/// The value of one metric on one network for one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    pub id: String,
    /// `YYYY-MM-DD`.
    pub day: String,
    pub network_id: String,
    pub metric: Metric,
    pub value: f64,
    pub source: ObservationSource,
    pub created_at: String,
}

/// An observation to write. Writing one for a metric, network and day that
/// already has a value replaces that value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObservationInput {
    pub day: String,
    pub network_id: String,
    pub metric: Metric,
    pub value: f64,
    pub source: ObservationSource,
}

/// Which observations a list returns; each `None` means "any". `start` and
/// `end` are `YYYY-MM-DD`, both included.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObservationFilter {
    pub metric: Option<Metric>,
    pub network_id: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
}

/// The figures of one post, as the network shows them. A missing count was
/// not measured (X shows no saves); it is not a zero.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostResult {
    pub post_id: String,
    pub reach: Option<u32>,
    pub impressions: Option<u32>,
    pub reactions: Option<u32>,
    pub comments: Option<u32>,
    pub shares: Option<u32>,
    pub saves: Option<u32>,
    pub clicks: Option<u32>,
    /// Reactions + comments + shares + saves, of those measured; None when
    /// none is.
    #[ts(type = "number | null")]
    pub engagements: Option<u64>,
    /// Engagements / reach × 100; None when either is unknown or reach is 0.
    pub engagement_rate: Option<f64>,
    pub flags: Vec<ResultFlag>,
    pub updated_at: String,
}

/// Counts as the user types them: numbers, so that a negative or a
/// fractional count gets a message next to its field rather than a failure
/// to read the request.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostResultInput {
    pub reach: Option<f64>,
    pub impressions: Option<f64>,
    pub reactions: Option<f64>,
    pub comments: Option<f64>,
    pub shares: Option<f64>,
    pub saves: Option<f64>,
    pub clicks: Option<f64>,
}

/// The checked counts of a post, what the computations read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PostCounts {
    pub reach: Option<u32>,
    pub impressions: Option<u32>,
    pub reactions: Option<u32>,
    pub comments: Option<u32>,
    pub shares: Option<u32>,
    pub saves: Option<u32>,
    pub clicks: Option<u32>,
}

impl PostCounts {
    /// Reactions + comments + shares + saves, counting only the measured
    /// ones; None when none of the four is measured.
    pub fn engagements(&self) -> Option<u64> {
        let parts = [self.reactions, self.comments, self.shares, self.saves];
        if parts.iter().all(Option::is_none) {
            return None;
        }
        Some(parts.iter().flatten().map(|&n| u64::from(n)).sum())
    }

    /// See [`super::compute::engagement_rate`].
    pub fn engagement_rate(&self) -> Option<f64> {
        super::compute::engagement_rate(self.engagements()? as f64, f64::from(self.reach?))
    }

    pub fn flags(&self) -> Vec<ResultFlag> {
        let mut flags = Vec::new();
        let engagements = self.engagements().unwrap_or(0);
        if let Some(reach) = self.reach {
            if reach > 0 && engagements > u64::from(reach) {
                flags.push(ResultFlag::EngagementsAboveReach);
            }
            if reach == 0 && engagements > 0 {
                flags.push(ResultFlag::InteractionsWithoutReach);
            }
            if self.impressions.is_some_and(|i| reach > i) {
                flags.push(ResultFlag::ReachAboveImpressions);
            }
        }
        flags
    }

    pub(crate) fn into_result(self, post_id: String, updated_at: String) -> PostResult {
        PostResult {
            post_id,
            reach: self.reach,
            impressions: self.impressions,
            reactions: self.reactions,
            comments: self.comments,
            shares: self.shares,
            saves: self.saves,
            clicks: self.clicks,
            engagements: self.engagements(),
            engagement_rate: self.engagement_rate(),
            flags: self.flags(),
            updated_at,
        }
    }
}

/// Refuses NaN and the infinities, which no computation can use.
pub(crate) fn finite(field: &'static str, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::validation(
            field,
            Reason::NotANumber,
            format!("{field} must be a number"),
        ))
    }
}

/// Refuses what [`finite`] refuses, and negative values: every metric counts
/// something (people, clicks, minutes) that cannot fall below zero.
pub(crate) fn non_negative(field: &'static str, value: f64) -> Result<f64> {
    if finite(field, value)? < 0.0 {
        return Err(Error::validation(
            field,
            Reason::Negative,
            format!("{field} cannot be negative"),
        ));
    }
    Ok(value)
}

fn count(field: &'static str, value: Option<f64>) -> Result<Option<u32>> {
    let Some(value) = value else { return Ok(None) };
    let value = non_negative(field, value)?;
    if value.fract() != 0.0 {
        return Err(Error::validation(
            field,
            Reason::NotWhole,
            format!("{field} must be a whole number"),
        ));
    }
    if value > f64::from(u32::MAX) {
        return Err(Error::validation(
            field,
            Reason::TooLarge,
            format!("{field} is larger than {}", u32::MAX),
        ));
    }
    Ok(Some(value as u32))
}

fn date(field: &'static str, value: &str) -> Result<NaiveDate> {
    parse_date(value).map_err(|e| match e {
        Error::Validation {
            reason, message, ..
        } => Error::Validation {
            field,
            reason,
            message,
        },
        other => other,
    })
}

impl KpiObjectiveInput {
    pub(crate) fn validated(&self) -> Result<KpiObjectiveInput> {
        Ok(KpiObjectiveInput {
            kind: self.kind,
            title: required_text("title", &self.title, 200)?,
            notes: optional_text("notes", &self.notes, 20_000)?,
        })
    }
}

impl KpiInput {
    /// The input trimmed, its dates written `YYYY-MM-DD`, or the first rule
    /// it breaks.
    pub(crate) fn validated(&self) -> Result<KpiInput> {
        let name = required_text("name", &self.name, 200)?;
        let objective_id = required_text("objective", &self.objective_id, 64)?;
        let network_id = match self.network_id.as_deref().map(str::trim) {
            Some("") | None => None,
            Some(id) => Some(required_text("network", id, 64)?),
        };
        let target = non_negative("target", self.target)?;
        let baseline = self
            .baseline
            .map(|b| non_negative("baseline", b))
            .transpose()?;
        let start = date("startDate", &self.start_date)?;
        let deadline = date("deadline", &self.deadline)?;
        if deadline <= start {
            return Err(Error::validation(
                "deadline",
                Reason::BeforeStart,
                "the deadline must come after the start date",
            ));
        }
        // A level KPI whose baseline already meets its target has no way to
        // go: refused, so that progress always has a distance to cover.
        if let (Some(base), false) = (baseline, self.metric.is_flow()) {
            let ahead = match self.direction {
                Direction::Up => target > base,
                Direction::Down => target < base,
            };
            if !ahead {
                let (reason, message) = match self.direction {
                    Direction::Up => (
                        Reason::TargetNotAboveBaseline,
                        "a rising KPI needs a target above its baseline",
                    ),
                    Direction::Down => (
                        Reason::TargetNotBelowBaseline,
                        "a falling KPI needs a target below its baseline",
                    ),
                };
                return Err(Error::validation("target", reason, message));
            }
        }
        Ok(KpiInput {
            objective_id,
            name,
            metric: self.metric,
            network_id,
            target,
            baseline,
            start_date: format_date(start),
            deadline: format_date(deadline),
            direction: self.direction,
        })
    }
}

impl ObservationInput {
    pub(crate) fn validated(&self) -> Result<ObservationInput> {
        Ok(ObservationInput {
            day: format_date(date("day", &self.day)?),
            network_id: required_text("network", &self.network_id, 64)?,
            metric: self.metric,
            value: non_negative("value", self.value)?,
            source: self.source,
        })
    }
}

impl ObservationFilter {
    /// The bounds written `YYYY-MM-DD`, or the first that is not a date.
    pub(crate) fn bounds(&self) -> Result<(Option<String>, Option<String>)> {
        let bound = |field, v: &Option<String>| {
            v.as_deref()
                .filter(|s| !s.trim().is_empty())
                .map(|s| date(field, s).map(format_date))
                .transpose()
        };
        Ok((bound("start", &self.start)?, bound("end", &self.end)?))
    }
}

impl PostResultInput {
    pub(crate) fn validated(&self) -> Result<PostCounts> {
        Ok(PostCounts {
            reach: count("reach", self.reach)?,
            impressions: count("impressions", self.impressions)?,
            reactions: count("reactions", self.reactions)?,
            comments: count("comments", self.comments)?,
            shares: count("shares", self.shares)?,
            saves: count("saves", self.saves)?,
            clicks: count("clicks", self.clicks)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi() -> KpiInput {
        KpiInput {
            objective_id: "o".into(),
            name: " Abonnés Instagram ".into(),
            metric: Metric::Followers,
            network_id: Some(" ".into()),
            target: 12_000.0,
            baseline: Some(10_000.0),
            start_date: "2026-01-01".into(),
            deadline: "2026-06-30".into(),
            direction: Direction::Up,
        }
    }

    fn reason(result: Result<impl std::fmt::Debug>) -> (&'static str, Reason) {
        match result {
            Err(Error::Validation { field, reason, .. }) => (field, reason),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn kpi_input_is_cleaned_and_checked() {
        let ok = kpi().validated().unwrap();
        assert_eq!(ok.name, "Abonnés Instagram");
        assert_eq!(ok.network_id, None, "a blank network means all networks");

        let mut bad = kpi();
        bad.deadline = "2025-12-31".into();
        assert_eq!(reason(bad.validated()), ("deadline", Reason::BeforeStart));
        bad.deadline = "2026-01-01".into();
        assert_eq!(reason(bad.validated()), ("deadline", Reason::BeforeStart));
        bad.deadline = "2026-02-30".into();
        assert_eq!(reason(bad.validated()), ("deadline", Reason::InvalidDate));
        bad.deadline = "2201-01-01".into();
        assert_eq!(
            reason(bad.validated()),
            ("deadline", Reason::DateOutOfRange)
        );

        let mut bad = kpi();
        bad.target = f64::NAN;
        assert_eq!(reason(bad.validated()), ("target", Reason::NotANumber));
        bad.target = f64::INFINITY;
        assert_eq!(reason(bad.validated()), ("target", Reason::NotANumber));
        bad.target = 9_000.0;
        assert_eq!(
            reason(bad.validated()),
            ("target", Reason::TargetNotAboveBaseline)
        );
        bad.direction = Direction::Down;
        assert!(bad.validated().is_ok(), "9,000 is below 10,000");

        let mut flow = kpi();
        flow.metric = Metric::Clicks;
        flow.target = 5_000.0;
        flow.baseline = Some(8_000.0);
        assert!(
            flow.validated().is_ok(),
            "a flow KPI's baseline is only shown"
        );

        let mut blank = kpi();
        blank.name = "  ".into();
        assert_eq!(reason(blank.validated()), ("name", Reason::Required));
        blank.name = "x".repeat(201);
        assert_eq!(reason(blank.validated()), ("name", Reason::TooLong));
    }

    #[test]
    fn counts_must_be_whole_and_not_negative() {
        let input = |reach| PostResultInput {
            reach: Some(reach),
            ..Default::default()
        };
        assert_eq!(reason(input(-1.0).validated()), ("reach", Reason::Negative));
        assert_eq!(reason(input(1.5).validated()), ("reach", Reason::NotWhole));
        assert_eq!(
            reason(input(f64::NAN).validated()),
            ("reach", Reason::NotANumber)
        );
        assert_eq!(reason(input(5e9).validated()), ("reach", Reason::TooLarge));
        assert_eq!(input(400.0).validated().unwrap().reach, Some(400));
    }

    #[test]
    fn engagements_add_measured_counts_and_odd_results_are_flagged() {
        let counts = PostCounts {
            reach: Some(400),
            impressions: Some(650),
            reactions: Some(10),
            comments: Some(5),
            shares: Some(3),
            saves: None,
            clicks: Some(40),
        };
        // 10 + 5 + 3, saves not measured, clicks not an engagement.
        assert_eq!(counts.engagements(), Some(18));
        // 18 / 400 * 100 = 4.5
        assert_eq!(counts.engagement_rate(), Some(4.5));
        assert!(counts.flags().is_empty());
        assert_eq!(PostCounts::default().engagements(), None);

        let odd = PostCounts {
            reach: Some(10),
            impressions: Some(5),
            reactions: Some(30),
            ..Default::default()
        };
        assert_eq!(
            odd.flags(),
            [
                ResultFlag::EngagementsAboveReach,
                ResultFlag::ReachAboveImpressions
            ]
        );
        let nobody = PostCounts {
            reach: Some(0),
            comments: Some(2),
            ..Default::default()
        };
        assert_eq!(nobody.flags(), [ResultFlag::InteractionsWithoutReach]);
        assert_eq!(nobody.engagement_rate(), None, "zero reach has no rate");
    }
}
