//! Objectives, KPIs, observations and post results, and the loading of the
//! KPI panel's data: one module each, with what they share below.

mod dashboard;
mod objectives;
mod observations;
mod results;

use rusqlite::{Connection, OptionalExtension, Row};

use super::journal::{ActionKind, ActionLabel};
use super::Store;
use crate::error::{Error, Result};

/// The row `id` of `table`, its `columns` read by `read`; `what` not found
/// when there is none.
fn get_by_id<T>(
    conn: &Connection,
    table: &str,
    columns: &str,
    id: &str,
    what: &'static str,
    read: fn(&Row) -> rusqlite::Result<T>,
) -> Result<T> {
    conn.prepare_cached(&format!("SELECT {columns} FROM {table} WHERE id = ?1"))?
        .query_row([id], read)
        .optional()?
        .ok_or(Error::NotFound { what })
}

/// Deletes the row `id` of `table` as one action labelled `kind` with the
/// row's `name_column`; `what` not found when there is none.
fn delete_by_id(
    store: &mut Store,
    table: &str,
    id: &str,
    what: &'static str,
    (kind, name_column): (ActionKind, &str),
) -> Result<()> {
    store.act(|tx| {
        let name: String = tx
            .query_row(
                &format!("SELECT {name_column} FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::NotFound { what })?;
        tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
        Ok(((), ActionLabel::new(kind, name)))
    })
}

/// `columns` ("a, b") as read through the table alias `alias` of a join
/// ("t.a, t.b"), so that a join reads the same columns as its table alone.
fn aliased(columns: &str, alias: &str) -> String {
    columns
        .split(", ")
        .map(|c| format!("{alias}.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Prefixes a validation message with the position of the item at fault in
/// a list (1-based), as the charter's lists do.
fn at_item(i: usize, e: Error) -> Error {
    match e {
        Error::Validation {
            field,
            reason,
            message,
        } => Error::Validation {
            field,
            reason,
            message: format!("item {}: {message}", i + 1),
        },
        other => other,
    }
}
