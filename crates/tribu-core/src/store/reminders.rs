//! Storage of reminders and overdue notices.
//!
//! Each post row carries its next notice not sent yet (`due_at`, `due_kind`),
//! recomputed by every write of the post, by the notices being taken, by a
//! change of the default lead time and by crisis mode. The scheduler's
//! question, "what is the next notice?", is then the first entry of the
//! partial index `post_due`: one B-tree step whatever the number of posts,
//! where scanning the planned posts and subtracting each lead time would read
//! them all. `reminder_sent` remembers every notice handed out, by (post,
//! planned instant, kind), so none goes out twice: not after a restart, not
//! when the clock jumps back, not when a post deleted and restored comes back.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};

use super::{recurrence::load_exceptions, Store};
use crate::error::{Error, Result};
use crate::model::PostStatus;
use crate::schedule::recurrence::{parse_rule, Exception, Rule, Series};
use crate::schedule::reminders::{
    check_lead, due_until, minutes_until, next_due, occurrence_date, Due, DueBatch, DueItem,
    DueKind, DueNotice, DueSubject, DEFAULT_LEAD_MINUTES,
};
use crate::time::{format_date, format_time, format_utc, from_unix, parse_zone, utc_to_local};

/// The workspace's default lead time, in minutes.
pub(super) const LEAD_KEY: &str = "reminder_lead_minutes";

pub(super) fn default_lead(conn: &Connection) -> Result<u32> {
    let value: Option<String> = conn
        .prepare_cached("SELECT value FROM setting WHERE key = ?1")?
        .query_row([LEAD_KEY], |r| r.get(0))
        .optional()?;
    Ok(value
        .and_then(|v| v.parse().ok())
        .filter(|m| *m <= crate::schedule::reminders::MAX_LEAD_MINUTES)
        .unwrap_or(DEFAULT_LEAD_MINUTES))
}

/// What the notice rules need of a post, and what a notice shows of it.
struct DueRow {
    id: String,
    title: String,
    network_id: String,
    network_name: String,
    status: PostStatus,
    planned_at: DateTime<Utc>,
    zone: Tz,
    reminder_minutes: Option<u32>,
    rule: Option<Rule>,
    remind_from: Option<DateTime<Utc>>,
}

fn load_row(conn: &Connection, id: &str) -> Result<Option<DueRow>> {
    let raw = conn
        .prepare_cached(
            "SELECT p.id, p.title, p.network_id, n.name, p.status, p.planned_at, p.zone,
                    p.reminder_minutes, p.rrule, p.remind_from
             FROM post p JOIN network n ON n.id = p.network_id
             WHERE p.id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                (
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ),
                (
                    r.get::<_, Option<i64>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<u32>>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, Option<i64>>(9)?,
                ),
            ))
        })
        .optional()?;
    let Some(((id, title, network_id, network_name, status), rest)) = raw else {
        return Ok(None);
    };
    let (planned_at, zone, reminder_minutes, rrule, remind_from) = rest;
    let (Some(planned_at), Some(zone)) = (planned_at, zone) else {
        return Ok(None);
    };
    let corrupt = |what: &str| Error::corrupt(format_args!("post {id}"), what);
    Ok(Some(DueRow {
        status: PostStatus::parse(&status).map_err(|_| corrupt("status"))?,
        planned_at: from_unix(planned_at)?,
        zone: parse_zone(&zone).map_err(|_| corrupt("zone"))?,
        rule: rrule
            .as_deref()
            .map(parse_rule)
            .transpose()
            .map_err(|_| corrupt("recurrence rule"))?,
        remind_from: remind_from.map(from_unix).transpose()?,
        reminder_minutes,
        id,
        title,
        network_id,
        network_name,
    }))
}

fn is_sent(conn: &Connection, id: &str, planned: DateTime<Utc>, kind: DueKind) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS(SELECT 1 FROM reminder_sent WHERE post_id = ?1 AND planned_at = ?2 AND kind = ?3)",
        )?
        .query_row(params![id, planned.timestamp(), kind.as_str()], |r| r.get(0))?)
}

fn last_sent_reminder(conn: &Connection, id: &str) -> Result<Option<DateTime<Utc>>> {
    let last: Option<i64> = conn
        .prepare_cached(
            "SELECT max(planned_at) FROM reminder_sent WHERE post_id = ?1 AND kind = 'reminder'",
        )?
        .query_row([id], |r| r.get(0))?;
    last.map(from_unix).transpose()
}

/// Runs `with` on the notice rules' view of `row`.
fn with_subject<T>(
    row: &DueRow,
    exceptions: &[Exception],
    default_lead: u32,
    with: impl FnOnce(&DueSubject) -> Result<T>,
) -> Result<T> {
    let series = row.rule.as_ref().map(|rule| {
        (
            Series {
                post_id: &row.id,
                start: row.planned_at,
                zone: row.zone,
                rule,
                exceptions,
            },
            row.remind_from.unwrap_or(row.planned_at),
        )
    });
    with(&DueSubject {
        planned_at: row.planned_at,
        status: row.status,
        lead_minutes: row.reminder_minutes.unwrap_or(default_lead),
        series,
    })
}

/// Recomputes the next notice of post `id` (nothing for a post without an
/// instant, published, cancelled or suspended).
pub(super) fn refresh_due(conn: &Connection, id: &str) -> Result<()> {
    let lead = default_lead(conn)?;
    refresh_due_with(conn, id, lead)
}

fn refresh_due_with(conn: &Connection, id: &str, default_lead: u32) -> Result<()> {
    let due = match load_row(conn, id)? {
        None => None,
        Some(row) => {
            let exceptions = match row.rule {
                Some(_) => load_exceptions(conn, id)?,
                None => Vec::new(),
            };
            let last = match row.rule {
                Some(_) => last_sent_reminder(conn, id)?,
                None => None,
            };
            with_subject(&row, &exceptions, default_lead, |subject| {
                next_due(subject, last, |planned, kind| {
                    is_sent(conn, id, planned, kind)
                })
            })?
        }
    };
    // Unchanged, nothing is written: most refreshes find the same notice.
    conn.prepare_cached(
        "UPDATE post SET due_at = ?2, due_kind = ?3
         WHERE id = ?1 AND (due_at IS NOT ?2 OR due_kind IS NOT ?3)",
    )?
    .execute(params![
        id,
        due.map(|d| d.at.timestamp()),
        due.map(|d| d.kind.as_str())
    ])?;
    Ok(())
}

/// Recomputes the notices of every post that follows the default lead time.
pub(super) fn refresh_default_lead(conn: &Connection, default_lead: u32) -> Result<()> {
    let ids: Vec<String> = conn
        .prepare(
            "SELECT id FROM post
             WHERE reminder_minutes IS NULL AND planned_at IS NOT NULL
               AND status NOT IN ('published', 'cancelled', 'suspended')",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        refresh_due_with(conn, &id, default_lead)?;
    }
    Ok(())
}

fn mark_sent(conn: &Connection, id: &str, due: &Due, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO reminder_sent (post_id, planned_at, kind, sent_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        id,
        due.planned_at.timestamp(),
        due.kind.as_str(),
        now.timestamp_millis()
    ])?;
    Ok(())
}

fn notice(row: &DueRow, due: &Due, occurrence: Option<String>, now: DateTime<Utc>) -> DueNotice {
    let (date, time) = utc_to_local(due.planned_at, row.zone);
    DueNotice {
        post_id: row.id.clone(),
        kind: due.kind,
        title: row.title.clone(),
        network_id: row.network_id.clone(),
        network_name: row.network_name.clone(),
        planned_at: format_utc(due.planned_at),
        zone: row.zone.name().to_string(),
        local_date: format_date(date),
        local_time: format_time(time),
        occurrence_date: occurrence,
        due_at: format_utc(due.at),
        minutes_until: minutes_until(due.planned_at, now),
    }
}

impl Store {
    /// The workspace's default reminder lead time, in minutes (30 unless set).
    pub fn reminder_lead_minutes(&self) -> Result<u32> {
        default_lead(&self.conn)
    }

    /// Sets the default lead time (0 to 10,080 minutes) and moves the next
    /// reminder of every post that follows it, in one transaction.
    pub fn set_reminder_lead_minutes(&mut self, minutes: u32) -> Result<()> {
        let minutes = check_lead("reminderLeadMinutes", minutes)?;
        self.act(|tx| {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![LEAD_KEY, minutes.to_string()],
            )?;
            refresh_default_lead(tx, minutes)?;
            let label =
                super::journal::ActionLabel::new(super::journal::ActionKind::ReminderLead, "")
                    .count(minutes as usize);
            Ok(((), label))
        })
    }

    /// The earliest notice not sent yet, whether it is already due (`wait
    /// seconds` 0: take it now) or to come; none when nothing is planned.
    /// Suspended, published and cancelled posts have none.
    pub fn next_due(&self, now: DateTime<Utc>) -> Result<Option<DueItem>> {
        let next: Option<(String, i64, String, Option<u32>)> = self
            .conn
            .prepare_cached(
                "SELECT id, due_at, due_kind, reminder_minutes FROM post
                 WHERE due_at IS NOT NULL ORDER BY due_at, id LIMIT 1",
            )?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        let Some((post_id, at, kind, own_lead)) = next else {
            return Ok(None);
        };
        let kind = DueKind::parse(&kind)
            .map_err(|_| Error::corrupt(format_args!("post {post_id}"), "notice kind"))?;
        let at = from_unix(at)?;
        let planned_at = match kind {
            DueKind::Overdue => at,
            DueKind::Reminder => {
                let lead = match own_lead {
                    Some(m) => m,
                    None => default_lead(&self.conn)?,
                };
                at + Duration::minutes(i64::from(lead))
            }
        };
        Ok(Some(DueItem {
            post_id,
            kind,
            at: format_utc(at),
            planned_at: format_utc(planned_at),
            wait_seconds: (at - now).num_seconds().max(0),
        }))
    }

    /// Hands out every notice due at or before `now` and not sent yet, and
    /// marks them as sent in the same transaction (at most once: see
    /// `crate::schedule::reminders`). A post whose instant has passed gets
    /// its overdue notice only, not a late reminder as well. Taking twice at
    /// the same instant, or after the clock went back, gives nothing new.
    pub fn take_due(&mut self, now: DateTime<Utc>) -> Result<DueBatch> {
        self.write(|tx| {
            let lead = default_lead(tx)?;
            let ids: Vec<String> = tx
                .prepare_cached(
                    "SELECT id FROM post WHERE due_at IS NOT NULL AND due_at <= ?1
                     ORDER BY due_at, id",
                )?
                .query_map([now.timestamp()], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut batch = DueBatch::default();
            for id in ids {
                let Some(row) = load_row(tx, &id)? else {
                    continue;
                };
                let exceptions = match row.rule {
                    Some(_) => load_exceptions(tx, &id)?,
                    None => Vec::new(),
                };
                let last = match row.rule {
                    Some(_) => last_sent_reminder(tx, &id)?,
                    None => None,
                };
                let mut dues = with_subject(&row, &exceptions, lead, |subject| {
                    due_until(subject, last, now, |planned, kind| {
                        is_sent(tx, &id, planned, kind)
                    })
                })?;
                for due in &dues {
                    mark_sent(tx, &id, due, now)?;
                }
                if dues.iter().any(|d| d.kind == DueKind::Overdue) {
                    dues.retain(|d| d.kind == DueKind::Overdue);
                }
                for due in dues {
                    let occurrence = row.rule.as_ref().map(|rule| {
                        let series = Series {
                            post_id: &row.id,
                            start: row.planned_at,
                            zone: row.zone,
                            rule,
                            exceptions: &exceptions,
                        };
                        format_date(occurrence_date(&series, due.planned_at))
                    });
                    let item = notice(&row, &due, occurrence, now);
                    match due.kind {
                        DueKind::Reminder => batch.reminders.push(item),
                        DueKind::Overdue => batch.overdue.push(item),
                    }
                }
                refresh_due_with(tx, &id, lead)?;
            }
            let by_time = |a: &DueNotice, b: &DueNotice| {
                (a.due_at.as_str(), a.post_id.as_str())
                    .cmp(&(b.due_at.as_str(), b.post_id.as_str()))
            };
            batch.reminders.sort_by(by_time);
            batch.overdue.sort_by(by_time);
            Ok(batch)
        })
    }

    /// Ids of the posts planned in `[start, end)` whose instant is before
    /// `now` and that are not published, cancelled or suspended, for the
    /// calendar to mark as late. A separate query rather than a field of the
    /// summaries, so the month query stays as it is (no `now` in it, nothing
    /// more to compute per row) and the calendar asks for this small list
    /// only when the range reaches into the past.
    pub fn overdue_post_ids(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>> {
        // Instants are whole seconds: a post planned at 10:00:00 is late from
        // 10:00:00.001, so compare with `now` rounded up.
        let now_secs = now.timestamp() + i64::from(now.timestamp_subsec_nanos() > 0);
        let end_secs = end.timestamp().min(now_secs);
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM post
             WHERE planned_at >= ?1 AND planned_at < ?2 AND rrule IS NULL
               AND status NOT IN ('published', 'cancelled', 'suspended')
             ORDER BY planned_at, id",
        )?;
        let rows = stmt.query_map(params![start.timestamp(), end_secs], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scheduler's question must stay one step down the index, not a
    /// scan of the posts nor a sort.
    #[test]
    fn next_due_reads_the_index_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("plan.tribu")).unwrap();
        let plan: Vec<String> = store
            .conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT id, due_at, due_kind, reminder_minutes FROM post
                 WHERE due_at IS NOT NULL ORDER BY due_at, id LIMIT 1",
            )
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(plan.len(), 1, "{plan:?}");
        assert!(plan[0].contains("USING INDEX post_due"), "{plan:?}");
        assert!(!plan[0].contains("TEMP B-TREE"), "{plan:?}");
    }
}
