//! Taking an action back (undo) or doing it again (redo) from what the
//! journal recorded, row by row, after checking that each row is still as
//! the action left it (undo) or found it (redo). One row changed since by
//! something else and the whole step is refused: nothing is half-applied.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Transaction};

use super::capture::{Op, Shape, Shapes};
use crate::error::{Error, Reason, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Undo,
    Redo,
}

/// Columns that say when a row was written, not what it holds: they are
/// put back but not compared (an action kept out of the undo order may
/// have touched them).
const TIMESTAMPS: [&str; 2] = ["created_at", "updated_at"];

/// Columns crisis mode sets on every planned post when it starts and ends;
/// a post deleted again (redo) is compared without them, as the end of a
/// crisis gives a suspended post its status back.
const CRISIS_MANAGED: [&str; 2] = ["status", "suspended_from"];

/// One row change of an action, with its fields.
struct StoredRow {
    entity: String,
    entity_id: String,
    op: Op,
    /// (field, old, new)
    fields: Vec<(String, Value, Value)>,
}

fn load(tx: &Transaction, action: i64) -> Result<Vec<StoredRow>> {
    let mut stmt = tx.prepare_cached(
        "SELECT seq, entity, entity_id, op, field, old, new FROM journal_change
         WHERE action_id = ?1 ORDER BY seq, field",
    )?;
    let mut rows = stmt.query([action])?;
    let mut out: Vec<StoredRow> = Vec::new();
    let mut last_seq = None;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let field = (r.get(4)?, r.get(5)?, r.get(6)?);
        if last_seq == Some(seq) {
            if let Some(row) = out.last_mut() {
                row.fields.push(field);
                continue;
            }
        }
        let op: String = r.get(3)?;
        out.push(StoredRow {
            entity: r.get(1)?,
            entity_id: r.get(2)?,
            op: Op::parse(&op)
                .ok_or_else(|| Error::corrupt(format_args!("journal action {action}"), "op"))?,
            fields: vec![field],
        });
        last_seq = Some(seq);
    }
    Ok(out)
}

/// What touching a row found: the tables written (the write path follows
/// up on some of them) and whether a setting changed.
#[derive(Debug, Default)]
pub(crate) struct Applied {
    pub tables: std::collections::BTreeSet<String>,
    pub settings: Vec<String>,
    /// The posts whose row the step wrote.
    pub posts: Vec<String>,
}

/// Undoes or redoes `action` in `tx`.
pub(crate) fn apply(
    tx: &Transaction,
    shapes: &Shapes,
    action: i64,
    direction: Direction,
) -> Result<Applied> {
    // A deleted post comes back before or after its results depending on
    // the order SQLite cascaded in; references are checked at commit.
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let mut rows = load(tx, action)?;
    if direction == Direction::Undo {
        rows.reverse();
    }
    let mut applied = Applied::default();
    // Rows this step deleted, as (table, key): a child row already gone
    // went with its parent.
    let mut deleted: std::collections::HashSet<(String, String)> = Default::default();
    for row in &rows {
        let shape = shapes
            .get(&row.entity)
            .ok_or_else(|| Error::corrupt(format_args!("journal action {action}"), "entity"))?;
        let key = shape
            .key_values(&row.entity_id)
            .ok_or_else(|| Error::corrupt(format_args!("journal action {action}"), "key"))?;
        let deletes = matches!(
            (row.op, direction),
            (Op::Delete, Direction::Redo) | (Op::Insert, Direction::Undo)
        );
        if deletes && went_with_parent(shape, row, direction, &deleted) {
            continue;
        }
        apply_row(tx, shape, &key, row, direction).map_err(refusal)?;
        if deletes {
            deleted.insert((shape.name.to_string(), row.entity_id.clone()));
        }
        applied.tables.insert(row.entity.clone());
        if shape.name == "setting" {
            applied.settings.push(key[0].clone());
        }
        if shape.name == "post" {
            applied.posts.push(key[0].clone());
        }
    }
    Ok(applied)
}

/// Whether `row`, to be deleted, references a parent this step deleted
/// already, so that SQLite's cascade took it (SQLite reports the parent
/// first, its cascaded children after).
fn went_with_parent(
    shape: &Shape,
    row: &StoredRow,
    direction: Direction,
    deleted: &std::collections::HashSet<(String, String)>,
) -> bool {
    shape.cascades_from.iter().any(|(column, parent)| {
        let name = &shape.columns[*column];
        row.fields.iter().any(|(field, old, new)| {
            let value = if direction == Direction::Redo {
                old
            } else {
                new
            };
            match value {
                Value::Text(id) => field == name && deleted.contains(&(parent.clone(), id.clone())),
                _ => false,
            }
        })
    })
}

/// A constraint the step would break is a change since, not a failure of
/// the store.
fn refusal(error: Error) -> Error {
    match error {
        Error::Storage(message) if message.contains("constraint") => {
            Error::conflict(Reason::ChangedSince, message)
        }
        other => other,
    }
}

fn changed_since(shape: &Shape, key: &[String]) -> Error {
    Error::conflict(
        Reason::ChangedSince,
        format!("{} {} changed since", shape.name, key.join(", ")),
    )
}

/// (field, value) pairs of one row.
type Fields<'a> = Vec<(&'a str, &'a Value)>;

fn apply_row(
    tx: &Transaction,
    shape: &Shape,
    key: &[String],
    row: &StoredRow,
    direction: Direction,
) -> Result<()> {
    let current = current(tx, shape, key)?;
    // What the row must hold now, and what it must hold after.
    let (expected, wanted): (Fields, Fields) = {
        let olds = row.fields.iter().map(|(f, o, _)| (f.as_str(), o));
        let news = row.fields.iter().map(|(f, _, n)| (f.as_str(), n));
        match direction {
            Direction::Undo => (news.collect(), olds.collect()),
            Direction::Redo => (olds.collect(), news.collect()),
        }
    };
    // Undoing an insert deletes; undoing a delete inserts.
    let op = match (row.op, direction) {
        (Op::Insert, Direction::Undo) => Op::Delete,
        (Op::Delete, Direction::Undo) => Op::Insert,
        (op, _) => op,
    };
    match op {
        Op::Insert => {
            if current.is_some() {
                return Err(changed_since(shape, key));
            }
            insert(tx, shape, &wanted)
        }
        Op::Delete => {
            let Some(current) = current else {
                return Err(changed_since(shape, key));
            };
            let expected: Vec<_> = expected
                .into_iter()
                .filter(|(f, _)| shape.name != "post" || !CRISIS_MANAGED.contains(f))
                .collect();
            check(shape, key, &current, &expected)?;
            tx.execute(
                &format!(
                    "DELETE FROM \"{}\" WHERE {}",
                    shape.name,
                    shape.key_clause(1)
                ),
                params_from_iter(key),
            )?;
            Ok(())
        }
        Op::Update => {
            let Some(current) = current else {
                return Err(changed_since(shape, key));
            };
            check(shape, key, &current, &expected)?;
            update(tx, shape, key, &wanted)
        }
    }
}

fn current(tx: &Transaction, shape: &Shape, key: &[String]) -> Result<Option<Vec<Value>>> {
    let columns = shape
        .columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {columns} FROM \"{}\" WHERE {}",
        shape.name,
        shape.key_clause(1)
    ))?;
    let mut rows = stmt.query(params_from_iter(key))?;
    match rows.next()? {
        Some(r) => Ok(Some(
            (0..shape.columns.len())
                .map(|i| r.get::<_, Value>(i))
                .collect::<rusqlite::Result<_>>()?,
        )),
        None => Ok(None),
    }
}

/// Refuses when a field of `current` is not what the journal says it is.
fn check(
    shape: &Shape,
    key: &[String],
    current: &[Value],
    expected: &[(&str, &Value)],
) -> Result<()> {
    for (field, value) in expected {
        if TIMESTAMPS.contains(field) {
            continue;
        }
        let i = shape
            .column_index(field)
            .ok_or_else(|| Error::corrupt(format_args!("journal of {}", shape.name), field))?;
        if !same_value(&current[i], value) {
            return Err(Error::conflict(
                Reason::ChangedSince,
                format!(
                    "{} {}: {field} is {:?}, the journal expected {value:?}",
                    shape.name,
                    key.join(", "),
                    current[i]
                ),
            ));
        }
    }
    Ok(())
}

/// Equal as SQLite compares them: a REAL column holding a whole number is
/// stored, and shown to the pre-update hook, as an integer.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Integer(i), Value::Real(r)) | (Value::Real(r), Value::Integer(i)) => {
            *i as f64 == *r
        }
        _ => a == b,
    }
}

fn insert(tx: &Transaction, shape: &Shape, fields: &[(&str, &Value)]) -> Result<()> {
    let names = fields
        .iter()
        .map(|(f, _)| format!("\"{f}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let slots = (1..=fields.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    for (field, _) in fields {
        if shape.column_index(field).is_none() {
            return Err(Error::corrupt(
                format_args!("journal of {}", shape.name),
                field,
            ));
        }
    }
    tx.prepare_cached(&format!(
        "INSERT INTO \"{}\" ({names}) VALUES ({slots})",
        shape.name
    ))?
    .execute(params_from_iter(fields.iter().map(|(_, v)| *v)))?;
    Ok(())
}

fn update(
    tx: &Transaction,
    shape: &Shape,
    key: &[String],
    fields: &[(&str, &Value)],
) -> Result<()> {
    let mut sets = Vec::new();
    for (n, (field, _)) in fields.iter().enumerate() {
        if shape.column_index(field).is_none() {
            return Err(Error::corrupt(
                format_args!("journal of {}", shape.name),
                field,
            ));
        }
        sets.push(format!("\"{field}\" = ?{}", n + 1));
    }
    let sql = format!(
        "UPDATE \"{}\" SET {} WHERE {}",
        shape.name,
        sets.join(", "),
        shape.key_clause(fields.len() + 1)
    );
    let values: Vec<Value> = fields
        .iter()
        .map(|(_, v)| (*v).clone())
        .chain(key.iter().map(|k| Value::Text(k.clone())))
        .collect();
    tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;
    Ok(())
}
