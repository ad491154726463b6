//! The calendar's and the backlog's questions about posts.

use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::super::Store;
use super::row::{read_summary, SUMMARY_COLUMNS};
use crate::error::{Error, Reason, Result};
use crate::model::{PostFilter, PostSummary};
use crate::time::{format_date, local_to_utc, parse_date};

/// The longest calendar appendix a charter export takes: two years.
const MAX_APPENDIX_DAYS: i64 = 731;

/// Appends the filter's conditions to `sql` and their values to `args`.
pub(in crate::store) fn push_filter(filter: &PostFilter, sql: &mut String, args: &mut Vec<Value>) {
    let mut any_of = |column: &str, values: Vec<String>| {
        if values.is_empty() {
            return;
        }
        let marks = vec!["?"; values.len()].join(", ");
        sql.push_str(&format!(" AND {column} IN ({marks})"));
        args.extend(values.into_iter().map(Value::Text));
    };
    any_of("network_id", filter.network_ids.clone());
    any_of(
        "status",
        filter
            .statuses
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
    );
    any_of("theme", filter.themes.clone());
}

impl Store {
    /// Posts planned in `[start, end)`, in time order. Recurring posts are
    /// not among them: `recurring_posts_in_range` gives their occurrences,
    /// which the calendar merges with these.
    pub fn posts_in_range(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        filter: &PostFilter,
    ) -> Result<Vec<PostSummary>> {
        let mut sql =
            format!("SELECT {SUMMARY_COLUMNS} FROM post WHERE planned_at >= ? AND planned_at < ? AND rrule IS NULL");
        let mut args = vec![
            Value::Integer(start.timestamp()),
            Value::Integer(end.timestamp()),
        ];
        push_filter(filter, &mut sql, &mut args);
        sql.push_str(" ORDER BY planned_at, id");
        self.query_posts(&sql, args)
    }

    /// Posts whose local date (in their own zone) lies between `first` and
    /// `last`, both included, for the charter's calendar appendix. Each post
    /// keeps the day its author planned it on, whatever the computer's zone.
    pub fn posts_on_days(&self, first: &str, last: &str) -> Result<Vec<PostSummary>> {
        let (first, last) = (parse_date(first)?, parse_date(last)?);
        if last < first {
            return Err(Error::validation(
                "end",
                Reason::EndBeforeStart,
                "the last day comes before the first",
            ));
        }
        if (last - first).num_days() > MAX_APPENDIX_DAYS {
            return Err(Error::validation(
                "end",
                Reason::RangeTooLong,
                format!("the calendar covers at most {MAX_APPENDIX_DAYS} days"),
            ));
        }
        // Zones lie within a day of UTC: widen by a day on each side, then
        // keep the posts whose own local date is in range.
        let start = local_to_utc(first - chrono::Days::new(1), NaiveTime::MIN, Tz::UTC)?;
        let end = local_to_utc(last + chrono::Days::new(2), NaiveTime::MIN, Tz::UTC)?;
        let (first, last) = (format_date(first), format_date(last));
        let mut posts = self.posts_in_range(start, end, &PostFilter::default())?;
        posts.retain(|p| {
            p.local_date
                .as_deref()
                .is_some_and(|d| d >= first.as_str() && d <= last.as_str())
        });
        posts.sort_by(|a, b| (&a.local_date, &a.local_time).cmp(&(&b.local_date, &b.local_time)));
        Ok(posts)
    }

    /// Ideas with no date, oldest first.
    pub fn backlog(&self, filter: &PostFilter) -> Result<Vec<PostSummary>> {
        let mut sql = format!("SELECT {SUMMARY_COLUMNS} FROM post WHERE planned_at IS NULL");
        let mut args = Vec::new();
        push_filter(filter, &mut sql, &mut args);
        sql.push_str(" ORDER BY created_at, id");
        self.query_posts(&sql, args)
    }

    /// Every theme in use, for the filter and the editor's suggestions.
    pub fn themes(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT theme FROM post WHERE theme <> '' ORDER BY theme COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn query_posts(&self, sql: &str, args: Vec<Value>) -> Result<Vec<PostSummary>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(read_summary(row)?);
        }
        Ok(out)
    }
}
