//! The journal: every user action, one transaction, records what it changed
//! field by field (`capture` sees the rows, `record` writes them beside the
//! change, stamped by a hybrid logical clock and the device), so that every
//! edit can be undone and redone (`apply`), after a restart too. The same
//! records are the change log team sharing will exchange.
//!
//! Undo takes back the latest action still in effect that may be undone;
//! redo does again the last one undone, until a new action ends the redo
//! branch. Actions kept out of the undo order (crisis mode's switches) stay
//! in the history; undoing past them works as long as they did not change
//! what the older action changed, which the row checks of `apply` tell.

mod apply;
mod capture;
pub mod hlc;
mod label;
mod record;

pub use label::{ActionKind, ActionLabel};
pub use record::{KEEP_ACTIONS, KEEP_DAYS};

pub(crate) use apply::{apply, Applied, Direction};
pub(crate) use capture::{capture, RowChange, Shapes};
pub(crate) use record::{record, Stamp};

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::Store;
use crate::error::{Error, Reason, Result};
use hlc::Hlc;

/// One line of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub label: ActionLabel,
    /// When it was done, RFC 3339 in UTC.
    pub at: String,
    /// Whether Ctrl+Z may take it back.
    pub undoable: bool,
    /// Undone, and so what redo would do again.
    pub undone: bool,
}

/// What Undo and Redo would do now, for the Edit menu.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct UndoState {
    pub undo: Option<JournalEntry>,
    pub redo: Option<JournalEntry>,
}

/// The device this store stamps its actions with, and the last stamp it
/// issued (shared by the store's write paths).
#[derive(Debug, Clone)]
pub(crate) struct Journal {
    device: String,
    last: Arc<Mutex<Hlc>>,
}

impl Journal {
    /// The journal of `conn`'s file as seen from `device`: stamps go on from
    /// the latest one recorded, whatever the wall clock says.
    pub fn open(conn: &Connection, device: &str) -> Result<Journal> {
        let last: Option<String> = conn
            .query_row("SELECT max(hlc) FROM journal_action", [], |r| r.get(0))
            .optional()?
            .flatten();
        Ok(Journal {
            device: device.to_string(),
            last: Arc::new(Mutex::new(
                last.as_deref().and_then(Hlc::parse).unwrap_or_default(),
            )),
        })
    }

    /// The stamp of something happening at `now`.
    pub fn stamp(&self, now: DateTime<Utc>) -> Stamp {
        let at = now.timestamp_millis();
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        *last = last.tick(at);
        Stamp {
            hlc: *last,
            device: self.device.clone(),
            at,
        }
    }
}

const ENTRY_COLUMNS: &str = "id, label, at, undoable, undone_seq IS NOT NULL";

fn entry(row: &rusqlite::Row) -> rusqlite::Result<(i64, String, i64, bool, bool)> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

fn to_entry(raw: (i64, String, i64, bool, bool)) -> Result<JournalEntry> {
    let (id, label, at, undoable, undone) = raw;
    let label = serde_json::from_str(&label)
        .map_err(|e| Error::corrupt(format_args!("journal action {id}"), e))?;
    let at = DateTime::<Utc>::from_timestamp_millis(at)
        .ok_or_else(|| Error::corrupt(format_args!("journal action {id}"), "time"))?;
    Ok(JournalEntry {
        id,
        label,
        at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        undoable,
        undone,
    })
}

fn one(
    conn: &Connection,
    where_order: &str,
    args: impl rusqlite::Params,
) -> Result<Option<JournalEntry>> {
    conn.query_row(
        &format!("SELECT {ENTRY_COLUMNS} FROM journal_action {where_order} LIMIT 1"),
        args,
        entry,
    )
    .optional()?
    .map(to_entry)
    .transpose()
}

/// The action Undo would take back.
fn next_undo(conn: &Connection) -> Result<Option<JournalEntry>> {
    one(
        conn,
        "WHERE undone_seq IS NULL AND undoable = 1 ORDER BY id DESC",
        [],
    )
}

/// The action Redo would do again.
fn next_redo(conn: &Connection) -> Result<Option<JournalEntry>> {
    one(
        conn,
        "WHERE undone_seq IS NOT NULL ORDER BY undone_seq DESC",
        [],
    )
}

/// Marks `id` undone (`true`) or in effect again, stamped now.
fn mark(tx: &Transaction, id: i64, undone: bool, stamp: &Stamp) -> Result<()> {
    tx.execute(
        "UPDATE journal_action
         SET undone_seq = CASE WHEN ?2 THEN
                 (SELECT coalesce(max(undone_seq), 0) + 1 FROM journal_action) END,
             hlc = ?3, device = ?4
         WHERE id = ?1",
        params![id, undone, stamp.hlc.to_string(), stamp.device],
    )?;
    Ok(())
}

impl Store {
    /// The latest `limit` actions, newest first, undone ones included.
    pub fn journal(&self, limit: usize) -> Result<Vec<JournalEntry>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM journal_action ORDER BY id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit as i64], entry)?;
        rows.map(|r| to_entry(r?)).collect()
    }

    pub fn undo_state(&self) -> Result<UndoState> {
        Ok(UndoState {
            undo: next_undo(&self.conn)?,
            redo: next_redo(&self.conn)?,
        })
    }

    /// Takes back the latest action still in effect. With `expected`, only
    /// if that action is the one expected (the toast that offers to undo a
    /// delete must not undo something done after it).
    pub fn undo(&mut self, expected: Option<i64>) -> Result<JournalEntry> {
        let target = next_undo(&self.conn)?
            .ok_or_else(|| Error::conflict(Reason::NothingToUndo, "nothing to undo"))?;
        if expected.is_some_and(|id| id != target.id) {
            return Err(Error::conflict(
                Reason::NotLatest,
                "another action came after the one to undo",
            ));
        }
        self.step(&[target.id], Direction::Undo)?;
        self.journal_entry(target.id)
    }

    /// Does again the last action undone.
    pub fn redo(&mut self) -> Result<JournalEntry> {
        let target = next_redo(&self.conn)?
            .ok_or_else(|| Error::conflict(Reason::NothingToRedo, "nothing to redo"))?;
        self.step(&[target.id], Direction::Redo)?;
        self.journal_entry(target.id)
    }

    /// Takes back every action from the latest down to `id` included, in
    /// one step: all of them, or none when one of them cannot be.
    pub fn undo_to(&mut self, id: i64) -> Result<Vec<JournalEntry>> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id FROM journal_action
                 WHERE id >= ?1 AND undone_seq IS NULL AND undoable = 1 ORDER BY id DESC",
            )?;
            let rows = stmt.query_map([id], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if ids.last() != Some(&id) {
            return Err(Error::conflict(
                Reason::NothingToUndo,
                "that action is not in effect or cannot be undone",
            ));
        }
        self.step(&ids, Direction::Undo)?;
        ids.iter().map(|id| self.journal_entry(*id)).collect()
    }

    fn journal_entry(&self, id: i64) -> Result<JournalEntry> {
        one(&self.conn, "WHERE id = ?1", [id])?.ok_or(Error::NotFound {
            what: "journal action",
        })
    }

    /// Undoes or redoes `ids` in this order, in one transaction.
    fn step(&mut self, ids: &[i64], direction: Direction) -> Result<()> {
        let shapes = self.recorder.shapes();
        let stamp = self.journal.stamp(self.clock.now());
        self.write(|tx| {
            let mut applied = apply::Applied::default();
            for id in ids {
                let one = apply(tx, &shapes, *id, direction)?;
                applied.tables.extend(one.tables);
                applied.settings.extend(one.settings);
                applied.posts.extend(one.posts);
                mark(tx, *id, direction == Direction::Undo, &stamp)?;
            }
            super::after_journal_step(tx, &applied)
        })
    }
}
