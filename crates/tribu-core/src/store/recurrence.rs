//! Storage of recurring posts: their exceptions, the occurrences of a range,
//! and the actions on one occurrence or on it and the ones after it.

use crate::error::Reason;
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection};

use super::journal::{ActionKind, ActionLabel};
use super::posts::{get, input_from_post, insert, push_filter, read_summary, SUMMARY_COLUMNS};
use super::{new_id, now_millis, Store};
use crate::error::{Error, Result};
use crate::model::{Post, PostFilter};
use crate::schedule::recurrence::{
    locate, occurrences, parse_rule, Exception, ExceptionKind, Occurrence, OccurrenceScope,
    OccurrenceSummary, Rule, Series,
};
use crate::time::{
    format_date, format_time, format_utc, from_unix, local_to_utc, parse_date, parse_instant,
    parse_zone, utc_to_local,
};

pub(super) fn load_exceptions(conn: &Connection, post_id: &str) -> Result<Vec<Exception>> {
    let mut stmt = conn.prepare_cached(
        "SELECT occurrence_date, kind, moved_to, title FROM post_exception WHERE post_id = ?1
         ORDER BY occurrence_date",
    )?;
    let rows = stmt.query_map([post_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    rows.map(|row| {
        let (date, kind, moved_to, title) = row?;
        let corrupt = || {
            Error::corrupt(
                format_args!("post {post_id}"),
                format_args!("exception {date}"),
            )
        };
        let kind = match (kind.as_str(), moved_to) {
            ("skip", _) => ExceptionKind::Skip,
            ("moved", Some(at)) => ExceptionKind::Moved(from_unix(at)?),
            _ => return Err(corrupt()),
        };
        Ok(Exception {
            occurrence_date: parse_date(&date).map_err(|_| corrupt())?,
            kind,
            title,
        })
    })
    .collect()
}

/// A recurring post's start, zone and rule, or a validation error when the
/// post does not recur.
fn series_parts(post: &Post) -> Result<(DateTime<Utc>, Tz, Rule)> {
    let (Some(at), Some(zone), Some(rule)) = (&post.planned_at, &post.zone, &post.rrule) else {
        return Err(Error::validation(
            "rrule",
            Reason::NotRecurring,
            "this post does not recur",
        ));
    };
    let corrupt = |what: &str| Error::corrupt(format_args!("post {}", post.id), what);
    Ok((
        parse_instant("plannedAt", at)?,
        parse_zone(zone).map_err(|_| corrupt("zone"))?,
        parse_rule(rule).map_err(|_| corrupt("recurrence rule"))?,
    ))
}

/// A recurring post as stored, with what its occurrences are computed from.
struct StoredSeries {
    post: Post,
    start: DateTime<Utc>,
    zone: Tz,
    rule: Rule,
    exceptions: Vec<Exception>,
}

impl StoredSeries {
    /// Reads recurring post `post_id` and its exceptions.
    fn load(conn: &Connection, post_id: &str) -> Result<StoredSeries> {
        let post = get(conn, post_id)?;
        let (start, zone, rule) = series_parts(&post)?;
        let exceptions = load_exceptions(conn, post_id)?;
        Ok(StoredSeries {
            post,
            start,
            zone,
            rule,
            exceptions,
        })
    }

    fn series(&self) -> Series<'_> {
        Series {
            post_id: &self.post.id,
            start: self.start,
            zone: self.zone,
            rule: &self.rule,
            exceptions: &self.exceptions,
        }
    }
}

/// After a change of a recurring post, its exceptions stay only if its
/// occurrences keep their dates: same rule, zone and first date. Otherwise
/// the dates they name may no longer be occurrences, and they go.
pub(super) fn keep_or_drop_exceptions(
    conn: &Connection,
    before: &Post,
    after: &Post,
) -> Result<()> {
    let same = before.rrule == after.rrule
        && before.zone == after.zone
        && before.local_date == after.local_date;
    if !same || after.rrule.is_none() {
        conn.execute("DELETE FROM post_exception WHERE post_id = ?1", [&after.id])?;
    }
    Ok(())
}

/// The last instant of the local day `date` in `zone` (its 23:59:59), the
/// UNTIL that ends a series on that day.
fn end_of_day(date: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let mut local = date.and_hms_opt(23, 59, 59).unwrap_or_default();
    // A zone may skip the end of a day; go back to a time that exists.
    for _ in 0..48 {
        match zone.from_local_datetime(&local) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(_, later) => return later.with_timezone(&Utc),
            LocalResult::None => local -= Duration::minutes(30),
        }
    }
    local.and_utc()
}

/// The occurrence on `date` as it stands (moved or not), with how many the
/// rule gives before it; not found when the rule has none that day or it was
/// deleted.
fn find(series: &Series, date: NaiveDate) -> Result<(DateTime<Utc>, u32, Option<Exception>)> {
    let (at, before) = locate(series, date)?.ok_or(Error::NotFound { what: "occurrence" })?;
    let exception = series
        .exceptions
        .iter()
        .find(|e| e.occurrence_date == date)
        .cloned();
    match exception.as_ref().map(|e| &e.kind) {
        Some(ExceptionKind::Skip) => Err(Error::NotFound { what: "occurrence" }),
        Some(ExceptionKind::Moved(moved)) => Ok((*moved, before, exception)),
        None => Ok((at, before, None)),
    }
}

fn occurrence_at(
    post_id: &str,
    date: NaiveDate,
    at: DateTime<Utc>,
    zone: Tz,
    is_exception: bool,
    title: Option<String>,
) -> Occurrence {
    let (local_date, local_time) = utc_to_local(at, zone);
    Occurrence {
        post_id: post_id.to_string(),
        occurrence_date: format_date(date),
        planned_at: format_utc(at),
        local_date: format_date(local_date),
        local_time: format_time(local_time),
        is_exception,
        title,
    }
}

fn put_exception(
    conn: &Connection,
    post_id: &str,
    date: NaiveDate,
    moved_to: Option<DateTime<Utc>>,
    title: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO post_exception (post_id, occurrence_date, kind, moved_to, title)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(post_id, occurrence_date) DO UPDATE
         SET kind = excluded.kind, moved_to = excluded.moved_to, title = excluded.title",
        params![
            post_id,
            format_date(date),
            if moved_to.is_some() { "moved" } else { "skip" },
            moved_to.map(|t| t.timestamp()),
            title,
        ],
    )?;
    Ok(())
}

/// Ends the series of `post` before its occurrence on `date`, which the rule
/// gives after `before` others: COUNT becomes `before` when the rule counts,
/// else UNTIL becomes the end of the day before. Its exceptions from `date`
/// on go.
fn end_series_before(
    conn: &Connection,
    post: &Post,
    rule: &Rule,
    zone: Tz,
    date: NaiveDate,
    before: u32,
    series_from: i64,
) -> Result<()> {
    let ended = match rule.count() {
        Some(_) => rule.with_count(before)?,
        None => {
            let day_before = date
                .pred_opt()
                .ok_or(Error::NotFound { what: "occurrence" })?;
            rule.with_until(end_of_day(day_before, zone))?
        }
    };
    conn.execute(
        "UPDATE post SET rrule = ?2, remind_from = ?3, updated_at = ?4 WHERE id = ?1",
        params![post.id, ended.as_text(), series_from, now_millis()],
    )?;
    conn.execute(
        "DELETE FROM post_exception WHERE post_id = ?1 AND occurrence_date >= ?2",
        params![post.id, format_date(date)],
    )?;
    Ok(())
}

impl Store {
    /// The occurrences of recurring post `post_id` planned in `[start, end)`.
    pub fn occurrences(
        &self,
        post_id: &str,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Result<Vec<Occurrence>> {
        let stored = StoredSeries::load(&self.conn, post_id)?;
        occurrences(&stored.series(), start, end)
    }

    /// The occurrences of every recurring post in `[start, end)` that the
    /// filter lets through, in time order, as the calendar shows them next to
    /// `posts_in_range`. Only the recurring posts that start before `end` are
    /// read, through their own index; each is expanded over the range alone.
    pub fn recurring_posts_in_range(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        filter: &PostFilter,
    ) -> Result<Vec<OccurrenceSummary>> {
        let mut sql = format!(
            "SELECT {SUMMARY_COLUMNS}, rrule FROM post WHERE rrule IS NOT NULL AND planned_at < ?"
        );
        let mut args = vec![Value::Integer(end.timestamp())];
        push_filter(filter, &mut sql, &mut args);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let summary = read_summary(row)?;
            let rule_text: String = row.get(8)?;
            let corrupt = |what: &str| Error::corrupt(format_args!("post {}", summary.id), what);
            let rule = parse_rule(&rule_text).map_err(|_| corrupt("recurrence rule"))?;
            let (Some(at), Some(zone)) = (&summary.planned_at, &summary.zone) else {
                continue;
            };
            let zone = parse_zone(zone).map_err(|_| corrupt("zone"))?;
            let exceptions = load_exceptions(&self.conn, &summary.id)?;
            let series = Series {
                post_id: &summary.id,
                start: parse_instant("plannedAt", at)?,
                zone,
                rule: &rule,
                exceptions: &exceptions,
            };
            for occurrence in occurrences(&series, start, end)? {
                let mut post = summary.clone();
                post.planned_at = Some(occurrence.planned_at);
                post.local_date = Some(occurrence.local_date);
                post.local_time = Some(occurrence.local_time);
                if let Some(title) = occurrence.title {
                    post.title = title;
                }
                out.push(OccurrenceSummary {
                    post,
                    occurrence_date: occurrence.occurrence_date,
                    is_exception: occurrence.is_exception,
                });
            }
        }
        out.sort_by(|a, b| (&a.post.planned_at, &a.post.id).cmp(&(&b.post.planned_at, &b.post.id)));
        Ok(out)
    }

    /// Moves the occurrence of `post_id` that the rule puts on `occurrence_date`
    /// to `new_date` (at `new_time`, or its current local time), in one
    /// transaction:
    /// - `this_one`: an exception of the series; the others do not move;
    /// - `this_and_following`: the series ends the day before (or, with a
    ///   COUNT, after the occurrences before this one) and a new recurring
    ///   post, a copy with the same rule (COUNT reduced by the occurrences left
    ///   behind, weekdays or day of month shifted like the occurrence), starts
    ///   at the new date. Moving the first occurrence moves the whole series.
    ///
    /// Returns the moved occurrence; for `this_and_following`, as the first of
    /// the new (or moved) series.
    pub fn move_occurrence(
        &mut self,
        post_id: &str,
        occurrence_date: NaiveDate,
        new_date: NaiveDate,
        new_time: Option<NaiveTime>,
        scope: OccurrenceScope,
    ) -> Result<Occurrence> {
        crate::time::check_year(new_date)?;
        let series_from = self.clock.now().timestamp();
        self.act(|tx| {
            let stored = StoredSeries::load(tx, post_id)?;
            let series = stored.series();
            let (post, zone, rule) = (&stored.post, stored.zone, &stored.rule);
            let kind = match scope {
                OccurrenceScope::ThisOne => ActionKind::OccurrenceMove,
                OccurrenceScope::ThisAndFollowing => ActionKind::OccurrencesMove,
            };
            let label = ActionLabel::new(kind, &post.title).detail(format_date(new_date));
            let (current, before, exception) = find(&series, occurrence_date)?;
            let time = new_time.unwrap_or(utc_to_local(current, zone).1);
            let new_at = local_to_utc(new_date, time, zone)?;
            let days = (new_date - occurrence_date).num_days();
            let moved = match scope {
                OccurrenceScope::ThisOne => {
                    let title = exception.and_then(|e| e.title);
                    put_exception(tx, post_id, occurrence_date, Some(new_at), title.as_deref())?;
                    tx.execute(
                        "UPDATE post SET remind_from = ?2, updated_at = ?3 WHERE id = ?1",
                        params![post_id, series_from, now_millis()],
                    )?;
                    let moved = occurrence_at(post_id, occurrence_date, new_at, zone, true, title);
                    return Ok((moved, label));
                }
                OccurrenceScope::ThisAndFollowing if before == 0 => {
                    // The first occurrence: the series itself moves.
                    let shifted = rule.shifted(days, new_date)?;
                    tx.execute(
                        "UPDATE post SET planned_at = ?2, rrule = ?3, remind_from = ?4, updated_at = ?5
                         WHERE id = ?1",
                        params![post_id, new_at.timestamp(), shifted.as_text(), series_from, now_millis()],
                    )?;
                    tx.execute("DELETE FROM post_exception WHERE post_id = ?1", [post_id])?;
                    post_id.to_string()
                }
                OccurrenceScope::ThisAndFollowing => {
                    end_series_before(tx, post, rule, zone, occurrence_date, before, series_from)?;
                    let mut rest = rule.shifted(days, new_date)?;
                    if let Some(count) = rule.count() {
                        rest = rest.with_count(count - before)?;
                    }
                    let mut input = input_from_post(post);
                    let (date, time) = utc_to_local(new_at, zone);
                    input.date = Some(format_date(date));
                    input.time = Some(format_time(time));
                    input.rrule = Some(rest.as_text());
                    let mut valid = input.validated()?;
                    valid.planned_at = Some(new_at);
                    super::networks::require(tx, &valid.network_id)?;
                    let id = new_id();
                    let now = now_millis();
                    insert(tx, &id, &valid, now, now, series_from)?;
                    if let Some(from) = post.suspended_from {
                        tx.execute(
                            "UPDATE post SET suspended_from = ?2 WHERE id = ?1",
                            params![id, from.as_str()],
                        )?;
                    }
                    id
                }
            };
            let moved_post = get(tx, &moved)?;
            let (start, zone, rule) = series_parts(&moved_post)?;
            let series = Series {
                post_id: &moved,
                start,
                zone,
                rule: &rule,
                exceptions: &[],
            };
            let first = occurrences(&series, new_at, new_at + Duration::seconds(1))?;
            let moved = first.into_iter().next().unwrap_or_else(|| {
                occurrence_at(&moved, new_date, new_at, zone, false, None)
            });
            Ok((moved, label))
        })
    }

    /// Deletes the occurrence of `post_id` on `occurrence_date` (`this_one`:
    /// an exception) or it and every later one (`this_and_following`: the
    /// series ends before it; from the first occurrence, the whole post goes).
    pub fn delete_occurrence(
        &mut self,
        post_id: &str,
        occurrence_date: NaiveDate,
        scope: OccurrenceScope,
    ) -> Result<()> {
        let series_from = self.clock.now().timestamp();
        self.act(|tx| {
            let stored = StoredSeries::load(tx, post_id)?;
            let series = stored.series();
            let (post, zone, rule) = (&stored.post, stored.zone, &stored.rule);
            let (_, before, _) = find(&series, occurrence_date)?;
            let kind = match scope {
                OccurrenceScope::ThisOne => ActionKind::OccurrenceDelete,
                OccurrenceScope::ThisAndFollowing if before == 0 => ActionKind::PostDelete,
                OccurrenceScope::ThisAndFollowing => ActionKind::OccurrencesDelete,
            };
            let label = ActionLabel::new(kind, &post.title).detail(format_date(occurrence_date));
            match scope {
                OccurrenceScope::ThisOne => {
                    put_exception(tx, post_id, occurrence_date, None, None)?;
                }
                OccurrenceScope::ThisAndFollowing if before == 0 => {
                    tx.execute("DELETE FROM post WHERE id = ?1", [post_id])?;
                }
                OccurrenceScope::ThisAndFollowing => {
                    end_series_before(tx, post, rule, zone, occurrence_date, before, series_from)?;
                }
            }
            Ok(((), label))
        })
    }

    /// Gives one occurrence its own title (`None`: the series' title again).
    pub fn retitle_occurrence(
        &mut self,
        post_id: &str,
        occurrence_date: NaiveDate,
        title: Option<&str>,
    ) -> Result<Occurrence> {
        let title = match title {
            Some(t) => Some(crate::model::required_text("title", t, 200)?),
            None => None,
        };
        self.act(|tx| {
            let stored = StoredSeries::load(tx, post_id)?;
            let series = stored.series();
            let zone = stored.zone;
            let label = ActionLabel::new(ActionKind::OccurrenceRetitle, &stored.post.title)
                .detail(format_date(occurrence_date));
            let (at, _, exception) = find(&series, occurrence_date)?;
            let (rule_at, _) =
                locate(&series, occurrence_date)?.ok_or(Error::NotFound { what: "occurrence" })?;
            if title.is_none() && at == rule_at {
                // Back to the rule in every way: no exception left.
                tx.execute(
                    "DELETE FROM post_exception WHERE post_id = ?1 AND occurrence_date = ?2",
                    params![post_id, format_date(occurrence_date)],
                )?;
            } else {
                put_exception(tx, post_id, occurrence_date, Some(at), title.as_deref())?;
            }
            let is_exception = title.is_some() || (exception.is_some() && at != rule_at);
            let occurrence = occurrence_at(post_id, occurrence_date, at, zone, is_exception, title);
            Ok((occurrence, label))
        })
    }
}
