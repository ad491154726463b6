//! Storage of crisis mode: the crisis record, its checklist and log, and the
//! suspension of planned posts (see `crate::schedule::crisis`).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::journal::{ActionKind, ActionLabel};
use super::{charter, new_id, Store};
use crate::error::{Error, Reason, Result};
use crate::schedule::crisis::{
    check_log_text, check_note, CrisisLogEntry, CrisisLogKind, CrisisState, CrisisStep,
};
use crate::time::format_millis;

/// The running crisis' id, if one runs.
pub(super) fn active_id(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM crisis WHERE ended_at IS NULL")?
        .query_row([], |r| r.get(0))
        .optional()?)
}

fn require_active(conn: &Connection) -> Result<String> {
    active_id(conn)?.ok_or_else(|| Error::conflict(Reason::NoCrisis, "no crisis is running"))
}

fn log(
    conn: &Connection,
    crisis: &str,
    at: DateTime<Utc>,
    kind: CrisisLogKind,
    text: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO crisis_log (crisis_id, at, kind, text) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![crisis, at.timestamp_millis(), kind, text])?;
    Ok(())
}

fn load(conn: &Connection, id: &str) -> Result<CrisisState> {
    let (started_at, ended_at, note, suspended): (i64, Option<i64>, String, u32) = conn
        .prepare_cached(
            "SELECT started_at, ended_at, note, suspended_posts FROM crisis WHERE id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?
        .ok_or(Error::NotFound { what: "crisis" })?;
    let checklist = conn
        .prepare_cached(
            "SELECT id, position, text, done_at FROM crisis_step WHERE crisis_id = ?1 ORDER BY position",
        )?
        .query_map([id], |r| {
            Ok(CrisisStep {
                id: r.get(0)?,
                position: r.get(1)?,
                text: r.get(2)?,
                done_at: r.get::<_, Option<i64>>(3)?.map(format_millis),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn
        .prepare_cached("SELECT at, kind, text FROM crisis_log WHERE crisis_id = ?1 ORDER BY id")?;
    let log = stmt
        .query_map([id], |r| {
            Ok(CrisisLogEntry {
                at: format_millis(r.get(0)?),
                kind: r.get(1)?,
                text: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(CrisisState {
        id: id.to_string(),
        started_at: format_millis(started_at),
        ended_at: ended_at.map(format_millis),
        note,
        suspended_posts: suspended,
        checklist,
        log,
    })
}

impl Store {
    /// Starts crisis mode at `now`, in one transaction: every post with an
    /// instant that is not published or cancelled is suspended (its status
    /// kept to give back, its notices stopped), the charter's rapid-response
    /// steps are copied as the checklist, and the start is logged. A conflict
    /// when a crisis already runs.
    pub fn crisis_start(&mut self, now: DateTime<Utc>, note: &str) -> Result<CrisisState> {
        let note = check_note(note)?;
        self.act(|tx| {
            if active_id(tx)?.is_some() {
                return Err(Error::conflict(Reason::CrisisRunning, "a crisis is already running"));
            }
            let id = new_id();
            let steps = charter::load(tx)?.crisis.rapid_steps;
            let suspended = tx.execute(
                "UPDATE post SET suspended_from = status, status = 'suspended',
                        due_at = NULL, due_kind = NULL
                 WHERE planned_at IS NOT NULL
                   AND status NOT IN ('published', 'cancelled', 'suspended')",
                [],
            )?;
            tx.execute(
                "INSERT INTO crisis (id, started_at, note, suspended_posts) VALUES (?1, ?2, ?3, ?4)",
                params![id, now.timestamp_millis(), note, suspended as i64],
            )?;
            for (position, text) in steps.iter().enumerate() {
                tx.execute(
                    "INSERT INTO crisis_step (id, crisis_id, position, text) VALUES (?1, ?2, ?3, ?4)",
                    params![new_id(), id, position as i64, text],
                )?;
            }
            log(tx, &id, now, CrisisLogKind::Started, &note)?;
            let label = ActionLabel::new(ActionKind::CrisisStart, &note).count(suspended);
            Ok((load(tx, &id)?, label))
        })
    }

    /// Ticks (or unticks) a checklist step of the running crisis at `now`,
    /// and logs it; ticking a step twice changes nothing.
    pub fn crisis_tick(
        &mut self,
        step_id: &str,
        done: bool,
        now: DateTime<Utc>,
    ) -> Result<CrisisState> {
        self.write(|tx| {
            let crisis = require_active(tx)?;
            let (text, done_at): (String, Option<i64>) = tx
                .query_row(
                    "SELECT text, done_at FROM crisis_step WHERE id = ?1 AND crisis_id = ?2",
                    params![step_id, crisis],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(Error::NotFound {
                    what: "checklist step",
                })?;
            if done_at.is_some() != done {
                tx.execute(
                    "UPDATE crisis_step SET done_at = ?2 WHERE id = ?1",
                    params![step_id, done.then(|| now.timestamp_millis())],
                )?;
                let kind = if done {
                    CrisisLogKind::StepDone
                } else {
                    CrisisLogKind::StepUndone
                };
                log(tx, &crisis, now, kind, &text)?;
            }
            load(tx, &crisis)
        })
    }

    /// Adds a free-text entry to the running crisis' log.
    pub fn crisis_log_add(&mut self, text: &str, now: DateTime<Utc>) -> Result<CrisisState> {
        let text = check_log_text(text)?;
        self.write(|tx| {
            let crisis = require_active(tx)?;
            log(tx, &crisis, now, CrisisLogKind::Note, &text)?;
            load(tx, &crisis)
        })
    }

    /// Ends crisis mode at `now`, in one transaction: every post still
    /// suspended gets its remembered status back (one whose instant passed
    /// is then overdue, and its notice comes), the end is logged with the
    /// number of posts given back, and the record is closed. A conflict when
    /// no crisis runs.
    pub fn crisis_end(&mut self, now: DateTime<Utc>) -> Result<CrisisState> {
        self.act(|tx| {
            let crisis = require_active(tx)?;
            let ids: Vec<String> = tx
                .prepare("SELECT id FROM post WHERE status = 'suspended'")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            tx.execute(
                "UPDATE post SET status = coalesce(suspended_from, 'draft'), suspended_from = NULL
                 WHERE status = 'suspended'",
                [],
            )?;
            log(
                tx,
                &crisis,
                now,
                CrisisLogKind::Ended,
                &ids.len().to_string(),
            )?;
            tx.execute(
                "UPDATE crisis SET ended_at = ?2 WHERE id = ?1",
                params![crisis, now.timestamp_millis()],
            )?;
            let label = ActionLabel::new(ActionKind::CrisisEnd, "").count(ids.len());
            Ok((load(tx, &crisis)?, label))
        })
    }

    /// The running crisis with its checklist and log, if one runs.
    pub fn crisis_state(&self) -> Result<Option<CrisisState>> {
        match active_id(&self.conn)? {
            Some(id) => load(&self.conn, &id).map(Some),
            None => Ok(None),
        }
    }

    /// Every crisis, the latest first, for the post-mortem.
    pub fn crisis_history(&self) -> Result<Vec<CrisisState>> {
        let ids: Vec<String> = self
            .conn
            .prepare_cached("SELECT id FROM crisis ORDER BY started_at DESC, id DESC")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.iter().map(|id| load(&self.conn, id)).collect()
    }
}
