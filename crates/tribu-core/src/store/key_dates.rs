use chrono::NaiveDate;
use rusqlite::params;

use super::{new_id, Store};
use crate::error::{Error, Result};
use crate::model::{KeyDate, KeyDateInput, KeyDateKind};
use crate::time::format_date;

impl Store {
    /// Key dates from `start` to `end`, both included, by day.
    pub fn key_dates_in_range(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<KeyDate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, day, label, kind FROM key_date WHERE day >= ?1 AND day <= ?2 ORDER BY day, label",
        )?;
        let rows = stmt.query_map(params![format_date(start), format_date(end)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (id, date, label, kind) = row?;
            let kind = KeyDateKind::parse(&kind)
                .map_err(|_| Error::Storage(format!("unknown key date kind {kind}")))?;
            Ok(KeyDate {
                id,
                date,
                label,
                kind,
            })
        })
        .collect()
    }

    pub fn create_key_date(&mut self, input: &KeyDateInput) -> Result<KeyDate> {
        let input = input.validated()?;
        let id = new_id();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO key_date (id, day, label, kind) VALUES (?1, ?2, ?3, ?4)",
                params![id, input.date, input.label, input.kind.as_str()],
            )?;
            Ok(())
        })?;
        Ok(KeyDate {
            id,
            date: input.date,
            label: input.label,
            kind: input.kind,
        })
    }

    pub fn delete_key_date(&mut self, id: &str) -> Result<()> {
        self.write(
            |tx| match tx.execute("DELETE FROM key_date WHERE id = ?1", [id])? {
                0 => Err(Error::NotFound { what: "key date" }),
                _ => Ok(()),
            },
        )
    }
}
