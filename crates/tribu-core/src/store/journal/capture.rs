//! What each statement changed, value by value, as SQLite's pre-update hook
//! tells it: the raw material of the journal.
//!
//! The hook sees every row written, including rows a foreign key cascade
//! deletes (a post's results and exceptions go with it) and rows of
//! `WITHOUT ROWID` tables, so no write path has to describe its own changes:
//! a delete that cascades is undone whole.

use rusqlite::hooks::{PreUpdateCase, PreUpdateNewValueAccessor, PreUpdateOldValueAccessor};
use rusqlite::types::Value;
use rusqlite::Connection;

/// The tables whose rows are a brand's plan, and the columns of each that
/// are derived from the rest (kept out of the journal and recomputed by the
/// write path).
///
/// Not here: the notices already sent (bookkeeping), crisis mode's tables
/// (its start and end are switches of their own) and the journal itself.
const JOURNALED: [(&str, &[&str]); 10] = [
    ("network", &[]),
    ("post", &["due_at", "due_kind"]),
    ("post_exception", &[]),
    ("post_result", &[]),
    ("key_date", &[]),
    ("setting", &[]),
    ("charter_section", &[]),
    ("objective", &[]),
    ("kpi", &[]),
    ("observation", &[]),
];

/// Settings that are not part of the plan: the brand's identity (renamed
/// from the brand menu, which also renames its entry in the list of
/// brands) and the window's language.
const UNJOURNALED_SETTINGS: [&str; 4] = ["brand.id", "brand.name", "brand.color", "ui.locale"];

/// A journaled table as the store reads and writes it generically.
#[derive(Debug, Clone)]
pub(crate) struct Shape {
    pub name: &'static str,
    /// Every column, in the table's order.
    pub columns: Vec<String>,
    /// Indices of the key's columns, in the key's order.
    pub key: Vec<usize>,
    /// Indices of the derived columns (not journaled).
    pub derived: Vec<usize>,
    /// (column, parent table) of each reference whose parent's delete
    /// deletes the row too (`ON DELETE CASCADE`).
    pub cascades_from: Vec<(usize, String)>,
}

impl Shape {
    /// Indices of the columns the journal keeps.
    pub fn kept(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.columns.len()).filter(|i| !self.derived.contains(i))
    }

    /// The row's key as the journal writes it: the value itself for a key
    /// of one column, a JSON array of them for several.
    pub fn entity_id(&self, row: &[Value]) -> String {
        let text = |v: &Value| match v {
            Value::Text(s) => s.clone(),
            Value::Integer(i) => i.to_string(),
            Value::Real(r) => r.to_string(),
            Value::Null => String::new(),
            Value::Blob(b) => String::from_utf8_lossy(b).into_owned(),
        };
        match self.key.as_slice() {
            [one] => text(&row[*one]),
            many => serde_json::Value::Array(
                many.iter()
                    .map(|i| serde_json::Value::String(text(&row[*i])))
                    .collect(),
            )
            .to_string(),
        }
    }

    /// The key's values back from [`Shape::entity_id`].
    pub fn key_values(&self, entity_id: &str) -> Option<Vec<String>> {
        match self.key.len() {
            1 => Some(vec![entity_id.to_string()]),
            n => {
                let values: Vec<String> = serde_json::from_str(entity_id).ok()?;
                (values.len() == n).then_some(values)
            }
        }
    }

    /// `a = ?1 AND b = ?2`: the key's columns, bound from `first`.
    pub fn key_clause(&self, first: usize) -> String {
        self.key
            .iter()
            .enumerate()
            .map(|(n, i)| format!("\"{}\" = ?{}", self.columns[*i], first + n))
            .collect::<Vec<_>>()
            .join(" AND ")
    }

    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// Every journaled table's shape, read from the schema once per connection.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shapes(Vec<Shape>);

impl Shapes {
    pub fn read(conn: &Connection) -> rusqlite::Result<Shapes> {
        let mut shapes = Vec::new();
        for (name, derived) in JOURNALED {
            let mut stmt =
                conn.prepare("SELECT cid, name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
            let rows = stmt.query_map([name], |r| {
                Ok((
                    r.get::<_, i64>(0)? as usize,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?;
            let mut columns = Vec::new();
            let mut key = Vec::new();
            for row in rows {
                let (cid, column, pk) = row?;
                if pk > 0 {
                    key.push((pk, cid));
                }
                columns.push(column);
            }
            key.sort();
            let derived = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| derived.contains(&c.as_str()))
                .map(|(i, _)| i)
                .collect();
            let mut stmt = conn.prepare(
                "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)
                 WHERE on_delete = 'CASCADE'",
            )?;
            let cascades_from = stmt
                .query_map([name], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .filter_map(|(from, parent)| {
                    columns.iter().position(|c| *c == from).map(|i| (i, parent))
                })
                .collect();
            shapes.push(Shape {
                name,
                columns,
                key: key.into_iter().map(|(_, cid)| cid).collect(),
                derived,
                cascades_from,
            });
        }
        Ok(Shapes(shapes))
    }

    pub fn get(&self, table: &str) -> Option<&Shape> {
        self.0.iter().find(|s| s.name == table)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Insert,
    Update,
    Delete,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Insert => "insert",
            Op::Update => "update",
            Op::Delete => "delete",
        }
    }

    pub fn parse(text: &str) -> Option<Op> {
        match text {
            "insert" => Some(Op::Insert),
            "update" => Some(Op::Update),
            "delete" => Some(Op::Delete),
            _ => None,
        }
    }
}

/// One row written: its values before (none for an insert) and after (none
/// for a delete), every column in the table's order.
#[derive(Debug, Clone)]
pub(crate) struct RowChange {
    pub table: &'static str,
    pub op: Op,
    pub old: Option<Vec<Value>>,
    pub new: Option<Vec<Value>>,
}

fn owned(value: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

fn old_values(old: &PreUpdateOldValueAccessor) -> Option<Vec<Value>> {
    (0..old.get_column_count())
        .map(|i| old.get_old_column_value(i).ok().map(owned))
        .collect()
}

fn new_values(new: &PreUpdateNewValueAccessor) -> Option<Vec<Value>> {
    (0..new.get_column_count())
        .map(|i| new.get_new_column_value(i).ok().map(owned))
        .collect()
}

/// The change `case` makes to a row of `table`, if the journal keeps it.
pub(crate) fn capture(shapes: &Shapes, table: &str, case: &PreUpdateCase) -> Option<RowChange> {
    let shape = shapes.get(table)?;
    let (op, old, new) = match case {
        PreUpdateCase::Insert(new) => (Op::Insert, None, Some(new_values(new)?)),
        PreUpdateCase::Update {
            old_value_accessor: old,
            new_value_accessor: new,
        } => (Op::Update, Some(old_values(old)?), Some(new_values(new)?)),
        PreUpdateCase::Delete(old) => (Op::Delete, Some(old_values(old)?), None),
        PreUpdateCase::Unknown => return None,
    };
    if shape.name == "setting" {
        let row = new.as_ref().or(old.as_ref())?;
        if let Some(Value::Text(key)) = row.first() {
            if UNJOURNALED_SETTINGS.contains(&key.as_str()) {
                return None;
            }
        }
    }
    Some(RowChange {
        table: shape.name,
        op,
        old,
        new,
    })
}
