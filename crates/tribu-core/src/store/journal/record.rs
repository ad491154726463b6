//! Writing an action into the journal, in the transaction that made it, and
//! keeping the journal bounded.

use rusqlite::types::Value;
use rusqlite::{params, Transaction};

use super::capture::{Op, RowChange, Shapes};
use super::hlc::Hlc;
use super::label::ActionLabel;
use crate::error::{Error, Result};

/// The journal keeps the last this many actions…
pub const KEEP_ACTIONS: i64 = 500;
/// …done within this many days.
pub const KEEP_DAYS: i64 = 60;

/// When and where an action was made.
#[derive(Debug, Clone)]
pub(crate) struct Stamp {
    pub hlc: Hlc,
    pub device: String,
    /// Unix milliseconds.
    pub at: i64,
}

/// One field of one row change, as `journal_change` stores it.
struct FieldChange<'a> {
    seq: i64,
    entity: &'static str,
    entity_id: String,
    op: Op,
    field: &'a str,
    old: Value,
    new: Value,
}

/// The field changes of `rows`: every kept field of an inserted or deleted
/// row, the fields that differ of an updated one (an update that changed
/// only derived columns is no change).
fn field_changes<'a>(shapes: &'a Shapes, rows: &[RowChange]) -> Result<Vec<FieldChange<'a>>> {
    let mut out = Vec::new();
    let mut seq = 0;
    for row in rows {
        let shape = shapes
            .get(row.table)
            .ok_or_else(|| Error::Storage(format!("no journal shape for {}", row.table)))?;
        let (key_row, old, new) = match (&row.old, &row.new) {
            (_, Some(new)) if row.op != Op::Delete => {
                (new, row.old.as_deref(), Some(new.as_slice()))
            }
            (Some(old), _) => (old, Some(old.as_slice()), None),
            _ => continue,
        };
        let entity_id = shape.entity_id(key_row);
        let before = out.len();
        for i in shape.kept() {
            let old_value = old.map(|r| r[i].clone()).unwrap_or(Value::Null);
            let new_value = new.map(|r| r[i].clone()).unwrap_or(Value::Null);
            if row.op == Op::Update && old_value == new_value {
                // (A REAL column's whole number may show as an integer on
                // one side and a real on the other: then it is recorded,
                // which costs a row and loses nothing.)
                continue;
            }
            out.push(FieldChange {
                seq,
                entity: shape.name,
                entity_id: entity_id.clone(),
                op: row.op,
                field: &shape.columns[i],
                old: old_value,
                new: new_value,
            });
        }
        if out.len() > before {
            seq += 1;
        }
    }
    Ok(out)
}

/// Records the action that wrote `rows`, labelled `label`; returns its id,
/// or `None` when it changed nothing the journal keeps (an edit saved with
/// the values it already had). A new action ends what could be redone.
pub(crate) fn record(
    tx: &Transaction,
    shapes: &Shapes,
    rows: &[RowChange],
    label: &ActionLabel,
    stamp: &Stamp,
) -> Result<Option<i64>> {
    let changes = field_changes(shapes, rows)?;
    if changes.is_empty() {
        return Ok(None);
    }
    tx.execute(
        "DELETE FROM journal_action WHERE undone_seq IS NOT NULL",
        [],
    )?;
    let label_json = serde_json::to_string(label).map_err(|e| Error::Storage(e.to_string()))?;
    tx.execute(
        "INSERT INTO journal_action (label, hlc, device, at, undoable) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            label_json,
            stamp.hlc.to_string(),
            stamp.device,
            stamp.at,
            label.undoable()
        ],
    )?;
    let action = tx.last_insert_rowid();
    let mut insert = tx.prepare_cached(
        "INSERT INTO journal_change (action_id, seq, entity, entity_id, op, field, old, new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for c in &changes {
        insert.execute(params![
            action,
            c.seq,
            c.entity,
            c.entity_id,
            c.op.as_str(),
            c.field,
            c.old,
            c.new
        ])?;
    }
    prune(tx, stamp.at)?;
    Ok(Some(action))
}

/// Drops the actions past the bound: older than the last [`KEEP_ACTIONS`],
/// or done more than [`KEEP_DAYS`] ago.
fn prune(tx: &Transaction, now_millis: i64) -> Result<()> {
    let oldest_kept = now_millis - KEEP_DAYS * 24 * 3600 * 1000;
    tx.execute(
        "DELETE FROM journal_action
         WHERE id <= (SELECT max(id) FROM journal_action) - ?1 OR at < ?2",
        params![KEEP_ACTIONS, oldest_kept],
    )?;
    Ok(())
}
