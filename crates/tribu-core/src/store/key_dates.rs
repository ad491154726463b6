use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension};

use super::journal::{ActionKind, ActionLabel};
use super::{new_id, Store};
use crate::error::{Error, Result};
use crate::model::{KeyDate, KeyDateInput, KeyDateKind, KeyDateRecurrence};
use crate::schedule::holidays::french_holidays_between;
use crate::time::{format_date, parse_date};

/// The day a yearly key date falls on in `year`: the same month and day,
/// and 28 February for a 29 February outside leap years.
fn in_year(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), date.day() - 1))
}

impl Store {
    /// Key dates from `start` to `end`, both included, by day. A yearly key
    /// date appears on its day of every year from its first one on.
    pub fn key_dates_in_range(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<KeyDate>> {
        let mut out = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, day, label, kind, recurrence FROM key_date
             WHERE recurrence = 'none' AND day >= ?1 AND day <= ?2
             UNION ALL
             SELECT id, day, label, kind, recurrence FROM key_date
             WHERE recurrence = 'yearly' AND day <= ?2",
        )?;
        let rows = stmt.query_map(params![format_date(start), format_date(end)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, KeyDateKind>(3)?,
                r.get::<_, KeyDateRecurrence>(4)?,
            ))
        })?;
        for row in rows {
            let (id, date, label, kind, recurrence) = row?;
            let first = parse_date(&date)
                .map_err(|_| Error::corrupt(format_args!("key date {id}"), "day"))?;
            let days = match recurrence {
                KeyDateRecurrence::None => vec![first],
                KeyDateRecurrence::Yearly => (start.year().max(first.year())..=end.year())
                    .filter_map(|year| in_year(first, year))
                    .filter(|d| *d >= first && *d >= start && *d <= end)
                    .collect(),
            };
            for day in days {
                out.push(KeyDate {
                    id: id.clone(),
                    date: format_date(day),
                    label: label.clone(),
                    kind,
                    recurrence,
                });
            }
        }
        out.sort_by(|a, b| (&a.date, &a.label).cmp(&(&b.date, &b.label)));
        Ok(out)
    }

    /// The calendar's key dates from `start` to `end`: the workspace's (yearly
    /// ones repeated) and, with `include_holidays`, the French public
    /// holidays labelled in `locale` (`fr…` or English), by day. A holiday's
    /// id is `holiday:<name>:<date>`: it is computed, not stored, and cannot
    /// be deleted.
    pub fn key_dates_with_holidays(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        include_holidays: bool,
        locale: &str,
    ) -> Result<Vec<KeyDate>> {
        let mut out = self.key_dates_in_range(start, end)?;
        if include_holidays && start <= end {
            for holiday in french_holidays_between(start, end)? {
                out.push(KeyDate {
                    id: format!("holiday:{}:{}", holiday.key, format_date(holiday.date)),
                    date: format_date(holiday.date),
                    label: holiday.label(locale).to_string(),
                    kind: KeyDateKind::PublicHoliday,
                    recurrence: KeyDateRecurrence::None,
                });
            }
            out.sort_by(|a, b| (&a.date, &a.label).cmp(&(&b.date, &b.label)));
        }
        Ok(out)
    }

    pub fn create_key_date(&mut self, input: &KeyDateInput) -> Result<KeyDate> {
        let input = input.validated()?;
        let id = new_id();
        self.act(|tx| {
            tx.execute(
                "INSERT INTO key_date (id, day, label, kind, recurrence) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, input.date, input.label, input.kind, input.recurrence],
            )?;
            Ok(((), ActionLabel::new(ActionKind::KeyDateCreate, &input.label)))
        })?;
        Ok(KeyDate {
            id,
            date: input.date,
            label: input.label,
            kind: input.kind,
            recurrence: input.recurrence,
        })
    }

    pub fn delete_key_date(&mut self, id: &str) -> Result<()> {
        self.act(|tx| {
            let label: String = tx
                .query_row("SELECT label FROM key_date WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or(Error::NotFound { what: "key date" })?;
            tx.execute("DELETE FROM key_date WHERE id = ?1", [id])?;
            Ok(((), ActionLabel::new(ActionKind::KeyDateDelete, label)))
        })
    }
}
