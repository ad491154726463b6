//! Recurring posts: an RFC 5545 RRULE on a post, expanded over the range the
//! calendar shows, never further, so a rule that never ends costs nothing.
//!
//! Wall-clock semantics: the series starts at the post's local date and time
//! in its zone (DTSTART), and every occurrence keeps that local time, so a
//! weekly 09:00 Europe/Paris post stays at 09:00 across daylight-saving
//! changes (08:00 UTC in winter, 07:00 UTC in summer). An occurrence whose
//! local time does not exist (02:30 on the night the clocks skip from 02:00 to
//! 03:00) is shifted forward by the gap, to 03:30, rather than dropped: a
//! weekly post should not vanish once a year. A time that happens twice (the
//! autumn night) is taken at its first occurrence, as for ordinary posts.
//!
//! A month without the rule's day (the 31st, or 29 February) has no
//! occurrence, as RFC 5545 says; `BYMONTHDAY=-1` means "the last day of
//! every month". As in the RFC's reference implementations, DTSTART is an
//! occurrence only when it matches the rule (a "every Monday" rule starting
//! on a Wednesday first occurs the next Monday).
//!
//! Each occurrence is known by its original local date: the rules accepted
//! here give at most one occurrence a day (the time of day comes from the
//! post, so BYHOUR, BYMINUTE and BYSECOND and the sub-daily frequencies are
//! refused), which makes that date a stable key for exceptions.

mod rule;

use std::ops::ControlFlow;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::model::{string_enum, PostSummary};
use crate::time::{format_date, format_time, format_utc, utc_to_local};

pub use rule::{parse_rule, Rule};

string_enum!(
    /// Which occurrences of a recurring post an action applies to.
    OccurrenceScope, "scope", {
        ThisOne => "this_one",
        ThisAndFollowing => "this_and_following",
    }
);

/// How one occurrence differs from its rule.
#[derive(Debug, Clone, PartialEq)]
pub enum ExceptionKind {
    Skip,
    Moved(DateTime<Utc>),
}

/// One occurrence that differs from the rule, known by its original local date.
#[derive(Debug, Clone, PartialEq)]
pub struct Exception {
    pub occurrence_date: NaiveDate,
    pub kind: ExceptionKind,
    /// Its own title, when it has one.
    pub title: Option<String>,
}

/// A recurring post as the expansion needs it.
#[derive(Debug, Clone, Copy)]
pub struct Series<'a> {
    pub post_id: &'a str,
    /// DTSTART: the post's planned instant.
    pub start: DateTime<Utc>,
    pub zone: Tz,
    pub rule: &'a Rule,
    pub exceptions: &'a [Exception],
}

/// One occurrence of a recurring post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Occurrence {
    pub post_id: String,
    /// `YYYY-MM-DD`: the local date the rule gives it, which identifies it
    /// even once it is moved.
    pub occurrence_date: String,
    /// UTC instant, RFC 3339.
    pub planned_at: String,
    /// `YYYY-MM-DD` in the post's zone, where it is now.
    pub local_date: String,
    /// `HH:MM` in the post's zone.
    pub local_time: String,
    /// Moved away from the rule (skipped occurrences are not listed).
    pub is_exception: bool,
    /// Its own title, when it has one.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// An occurrence as the calendar shows it: the series' summary with this
/// occurrence's instant and title, plus what identifies the occurrence. The
/// UI merges these with ordinary posts and acts on one occurrence through
/// `id` (the series' post id) and `occurrenceDate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OccurrenceSummary {
    #[serde(flatten)]
    #[ts(flatten)]
    pub post: PostSummary,
    pub occurrence_date: String,
    pub is_exception: bool,
}

impl Occurrence {
    fn new(
        series: &Series,
        date: NaiveDate,
        at: DateTime<Utc>,
        exception: Option<&Exception>,
    ) -> Self {
        let (local_date, local_time) = utc_to_local(at, series.zone);
        Occurrence {
            post_id: series.post_id.to_string(),
            occurrence_date: format_date(date),
            planned_at: format_utc(at),
            local_date: format_date(local_date),
            local_time: format_time(local_time),
            is_exception: exception.is_some(),
            title: exception.and_then(|e| e.title.clone()),
        }
    }
}

/// The occurrences planned in `[range_start, range_end)`, in time order:
/// the rule's, less the skipped and moved ones, plus the moved ones that
/// land in the range (wherever they came from).
pub fn occurrences(
    series: &Series,
    range_start: DateTime<Utc>,
    range_end: DateTime<Utc>,
) -> Result<Vec<Occurrence>> {
    let mut out = Vec::new();
    if range_end <= range_start {
        return Ok(out);
    }
    series.rule.each(series.start, series.zone, |at| {
        if at >= range_end {
            return ControlFlow::Break(());
        }
        if at >= range_start {
            let date = utc_to_local(at, series.zone).0;
            if !series.exceptions.iter().any(|e| e.occurrence_date == date) {
                out.push(Occurrence::new(series, date, at, None));
            }
        }
        ControlFlow::Continue(())
    })?;
    for exception in series.exceptions {
        if let ExceptionKind::Moved(at) = exception.kind {
            if at >= range_start && at < range_end {
                out.push(Occurrence::new(
                    series,
                    exception.occurrence_date,
                    at,
                    Some(exception),
                ));
            }
        }
    }
    out.sort_by(|a, b| {
        a.planned_at
            .cmp(&b.planned_at)
            .then(a.occurrence_date.cmp(&b.occurrence_date))
    });
    Ok(out)
}

/// The rule's instant on local date `date` (exceptions ignored), and how
/// many occurrences the rule gives before it (what COUNT counts).
pub(crate) fn locate(series: &Series, date: NaiveDate) -> Result<Option<(DateTime<Utc>, u32)>> {
    let mut before = 0;
    let mut found = None;
    series.rule.each(series.start, series.zone, |at| {
        let local = utc_to_local(at, series.zone).0;
        if local == date {
            found = Some((at, before));
            ControlFlow::Break(())
        } else if local > date {
            ControlFlow::Break(())
        } else {
            before += 1;
            ControlFlow::Continue(())
        }
    })?;
    Ok(found)
}

/// The first occurrence (exceptions applied) planned at or after `from`
/// that `done` does not reject, if any. Moved occurrences come in at their
/// new instant, in time order with the rule's.
pub(crate) fn first_from(
    series: &Series,
    from: DateTime<Utc>,
    mut done: impl FnMut(DateTime<Utc>) -> Result<bool>,
) -> Result<Option<DateTime<Utc>>> {
    let mut moved: Vec<DateTime<Utc>> = series
        .exceptions
        .iter()
        .filter_map(|e| match e.kind {
            ExceptionKind::Moved(at) if at >= from => Some(at),
            _ => None,
        })
        .collect();
    moved.sort();
    let mut moved = moved.into_iter().peekable();
    let mut found: Result<Option<DateTime<Utc>>> = Ok(None);
    // Offers one candidate; true when the search is over.
    let mut offer = |at: DateTime<Utc>, found: &mut Result<Option<DateTime<Utc>>>| match done(at) {
        Ok(true) => false,
        Ok(false) => {
            *found = Ok(Some(at));
            true
        }
        Err(e) => {
            *found = Err(e);
            true
        }
    };
    series.rule.each(series.start, series.zone, |at| {
        if at < from {
            return ControlFlow::Continue(());
        }
        while let Some(m) = moved.next_if(|m| *m <= at) {
            if offer(m, &mut found) {
                return ControlFlow::Break(());
            }
        }
        let date = utc_to_local(at, series.zone).0;
        if series.exceptions.iter().any(|e| e.occurrence_date == date) {
            return ControlFlow::Continue(());
        }
        if offer(at, &mut found) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })?;
    if matches!(found, Ok(None)) {
        for m in moved {
            if offer(m, &mut found) {
                break;
            }
        }
    }
    found
}
