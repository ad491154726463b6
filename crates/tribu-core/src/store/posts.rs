use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::{networks, new_id, now_millis, recurrence, reminders, Store};
use crate::error::{Error, Result};
use crate::model::post::ValidPost;
use crate::model::{
    Post, PostFilter, PostFormat, PostInput, PostStatus, PostSummary, DEFAULT_TIME,
};
use crate::time::{
    format_date, format_millis, format_time, format_utc, from_unix, local_to_utc, parse_date,
    parse_instant, parse_zone, utc_to_local,
};

/// The longest calendar appendix a charter export takes: two years.
const MAX_APPENDIX_DAYS: i64 = 731;

const COLUMNS: &str = "id, title, body, network_id, format, status, planned_at, zone, \
                       theme, campaign, notes, asset_links, created_at, updated_at, \
                       reminder_minutes, rrule, suspended_from";

/// A post row as SQLite holds it, before its text columns are parsed.
struct PostRow {
    id: String,
    title: String,
    body: String,
    network_id: String,
    format: String,
    status: String,
    planned_at: Option<i64>,
    zone: Option<String>,
    theme: String,
    campaign: String,
    notes: String,
    asset_links: String,
    created_at: i64,
    updated_at: i64,
    reminder_minutes: Option<u32>,
    rrule: Option<String>,
    suspended_from: Option<String>,
}

fn read_row(row: &Row) -> rusqlite::Result<PostRow> {
    Ok(PostRow {
        id: row.get(0)?,
        title: row.get(1)?,
        body: row.get(2)?,
        network_id: row.get(3)?,
        format: row.get(4)?,
        status: row.get(5)?,
        planned_at: row.get(6)?,
        zone: row.get(7)?,
        theme: row.get(8)?,
        campaign: row.get(9)?,
        notes: row.get(10)?,
        asset_links: row.get(11)?,
        created_at: row.get(12)?,
        updated_at: row.get(13)?,
        reminder_minutes: row.get(14)?,
        rrule: row.get(15)?,
        suspended_from: row.get(16)?,
    })
}

/// The planned instant and its local date and time, as the UI shows them.
type Planned = (Option<String>, Option<String>, Option<String>);

fn planned_fields(id: &str, planned_at: Option<i64>, zone: Option<&str>) -> Result<Planned> {
    match (planned_at, zone) {
        (Some(secs), Some(zone)) => {
            let instant = from_unix(secs)?;
            let tz = parse_zone(zone).map_err(|_| corrupt(id, "zone"))?;
            let (date, time) = utc_to_local(instant, tz);
            Ok((
                Some(format_utc(instant)),
                Some(format_date(date)),
                Some(format_time(time)),
            ))
        }
        _ => Ok((None, None, None)),
    }
}

fn corrupt(id: &str, what: &str) -> Error {
    Error::Storage(format!("post {id}: unreadable {what}"))
}

fn parse_format(id: &str, text: &str) -> Result<PostFormat> {
    PostFormat::parse(text).map_err(|_| corrupt(id, "format"))
}

fn parse_status(id: &str, text: &str) -> Result<PostStatus> {
    PostStatus::parse(text).map_err(|_| corrupt(id, "status"))
}

impl PostRow {
    fn into_post(self) -> Result<Post> {
        let (planned_at, local_date, local_time) =
            planned_fields(&self.id, self.planned_at, self.zone.as_deref())?;
        let suspended_from = match self.suspended_from.as_deref() {
            Some(status) => Some(parse_status(&self.id, status)?),
            None => None,
        };
        Ok(Post {
            format: parse_format(&self.id, &self.format)?,
            status: parse_status(&self.id, &self.status)?,
            suspended_from,
            reminder_minutes: self.reminder_minutes,
            rrule: self.rrule,
            asset_links: serde_json::from_str(&self.asset_links)
                .map_err(|_| corrupt(&self.id, "asset links"))?,
            created_at: format_millis(self.created_at),
            updated_at: format_millis(self.updated_at),
            id: self.id,
            title: self.title,
            body: self.body,
            network_id: self.network_id,
            planned_at,
            zone: self.zone,
            local_date,
            local_time,
            theme: self.theme,
            campaign: self.campaign,
            notes: self.notes,
        })
    }
}

pub(super) const SUMMARY_COLUMNS: &str =
    "id, title, network_id, format, status, planned_at, zone, theme";

pub(super) fn read_summary(row: &Row) -> Result<PostSummary> {
    let id: String = row.get(0)?;
    let format: String = row.get(3)?;
    let status: String = row.get(4)?;
    let zone: Option<String> = row.get(6)?;
    let (planned_at, local_date, local_time) = planned_fields(&id, row.get(5)?, zone.as_deref())?;
    Ok(PostSummary {
        format: parse_format(&id, &format)?,
        status: parse_status(&id, &status)?,
        title: row.get(1)?,
        network_id: row.get(2)?,
        planned_at,
        zone,
        local_date,
        local_time,
        theme: row.get(7)?,
        id,
    })
}

pub(super) fn get(conn: &Connection, id: &str) -> Result<Post> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM post WHERE id = ?1"))?
        .query_row([id], read_row)
        .optional()?
        .ok_or(Error::NotFound { what: "post" })?
        .into_post()
}

pub(super) fn check_network(conn: &Connection, id: &str) -> Result<()> {
    match networks::get(conn, id)? {
        Some(_) => Ok(()),
        None => Err(Error::validation(
            "network",
            "unknown_network",
            format!("no network with id \"{id}\""),
        )),
    }
}

fn links_json(links: &[String]) -> String {
    serde_json::Value::from(links.to_vec()).to_string()
}

/// Appends the filter's conditions to `sql` and their values to `args`.
pub(super) fn push_filter(filter: &PostFilter, sql: &mut String, args: &mut Vec<Value>) {
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
    pub fn post(&self, id: &str) -> Result<Post> {
        get(&self.conn, id)
    }

    pub fn create_post(&mut self, input: &PostInput) -> Result<Post> {
        let post = input.validated()?;
        refuse_suspension(post.status)?;
        let series_from = self.clock.now().timestamp();
        self.write(|tx| {
            check_network(tx, &post.network_id)?;
            let id = new_id();
            let now = now_millis();
            insert(tx, &id, &post, now, now, series_from)?;
            reminders::refresh_due(tx, &id)?;
            get(tx, &id)
        })
    }

    /// Saves the editor's changes. The status `suspended` stays when the post
    /// already has it (crisis mode gives the previous one back later); any
    /// other status ends its suspension.
    pub fn update_post(&mut self, id: &str, input: &PostInput) -> Result<Post> {
        let post = input.validated()?;
        let series_from = self.clock.now().timestamp();
        self.write(|tx| {
            check_network(tx, &post.network_id)?;
            let before = get(tx, id)?;
            if post.status == PostStatus::Suspended && before.status != PostStatus::Suspended {
                refuse_suspension(post.status)?;
            }
            tx.execute(
                "UPDATE post SET title = ?2, body = ?3, network_id = ?4, format = ?5, status = ?6,
                        planned_at = ?7, zone = ?8, theme = ?9, campaign = ?10, notes = ?11,
                        asset_links = ?12, updated_at = ?13, reminder_minutes = ?14, rrule = ?15,
                        remind_from = ?16,
                        suspended_from = CASE WHEN ?6 = 'suspended' THEN suspended_from END
                 WHERE id = ?1",
                params![
                    id,
                    post.title,
                    post.body,
                    post.network_id,
                    post.format.as_str(),
                    post.status.as_str(),
                    post.planned_at.map(|t| t.timestamp()),
                    post.zone.map(|z| z.name()),
                    post.theme,
                    post.campaign,
                    post.notes,
                    links_json(&post.asset_links),
                    now_millis(),
                    post.reminder_minutes,
                    post.rule.as_ref().map(|r| r.as_text()),
                    post.rule.as_ref().map(|_| series_from),
                ],
            )?;
            let after = get(tx, id)?;
            recurrence::keep_or_drop_exceptions(tx, &before, &after)?;
            reminders::refresh_due(tx, id)?;
            get(tx, id)
        })
    }

    /// Creates many posts in one transaction: all of them or none (imports,
    /// sample data).
    pub fn create_posts(&mut self, inputs: &[PostInput]) -> Result<Vec<String>> {
        let posts = inputs
            .iter()
            .map(PostInput::validated)
            .collect::<Result<Vec<_>>>()?;
        for post in &posts {
            refuse_suspension(post.status)?;
        }
        let series_from = self.clock.now().timestamp();
        self.write(|tx| {
            let now = now_millis();
            let mut ids = Vec::with_capacity(posts.len());
            for post in &posts {
                check_network(tx, &post.network_id)?;
                let id = new_id();
                insert(tx, &id, post, now, now, series_from)?;
                reminders::refresh_due(tx, &id)?;
                ids.push(id);
            }
            Ok(ids)
        })
    }

    /// Deletes a post and returns it whole, so the UI can offer to undo.
    pub fn delete_post(&mut self, id: &str) -> Result<Post> {
        self.write(|tx| {
            let post = get(tx, id)?;
            tx.execute("DELETE FROM post WHERE id = ?1", [id])?;
            Ok(post)
        })
    }

    /// Puts back a deleted post as it was, same id and creation time (undo).
    /// A post deleted while crisis mode suspended it comes back suspended if
    /// the crisis still runs, else with the status it had before. Notices
    /// already sent for it are not sent again.
    pub fn restore_post(&mut self, post: &Post) -> Result<Post> {
        let input = input_from_post(post);
        let mut valid = input.validated()?;
        // The exact instant, not one rebuilt from the minute-rounded local time.
        if let Some(at) = &post.planned_at {
            valid.planned_at = Some(parse_instant("plannedAt", at)?);
        }
        let created = DateTime::parse_from_rfc3339(&post.created_at)
            .map(|t| t.timestamp_millis())
            .unwrap_or_else(|_| now_millis());
        let series_from = self.clock.now().timestamp();
        self.write(|tx| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM post WHERE id = ?1)",
                [&post.id],
                |r| r.get(0),
            )?;
            if exists {
                return Err(Error::Conflict("this post already exists".into()));
            }
            check_network(tx, &valid.network_id)?;
            let mut suspended_from = None;
            if valid.status == PostStatus::Suspended {
                let earlier = post.suspended_from.unwrap_or(PostStatus::Draft);
                if super::crisis::active_id(tx)?.is_some() {
                    suspended_from = Some(earlier);
                } else {
                    valid.status = earlier;
                }
            }
            insert(tx, &post.id, &valid, created, now_millis(), series_from)?;
            if let Some(earlier) = suspended_from {
                tx.execute(
                    "UPDATE post SET suspended_from = ?2 WHERE id = ?1",
                    params![post.id, earlier.as_str()],
                )?;
            }
            reminders::refresh_due(tx, &post.id)?;
            get(tx, &post.id)
        })
    }

    /// Moves a post to `date` (a local date in the post's zone). With no
    /// `time` it keeps its local time of day, so 09:00 stays 09:00 across a
    /// daylight-saving change; a backlog idea gets [`DEFAULT_TIME`] and
    /// `default_zone`. A recurring post moves its whole series' start.
    pub fn move_post(
        &mut self,
        id: &str,
        date: NaiveDate,
        time: Option<NaiveTime>,
        default_zone: Tz,
    ) -> Result<Post> {
        crate::time::check_year(date)?;
        let series_from = self.clock.now().timestamp();
        self.write(|tx| {
            let post = get(tx, id)?;
            let zone = match &post.zone {
                Some(z) => parse_zone(z)?,
                None => default_zone,
            };
            let time = match (time, post.planned_at.as_deref()) {
                (Some(t), _) => t,
                (None, Some(at)) => utc_to_local(parse_instant("plannedAt", at)?, zone).1,
                (None, None) => DEFAULT_TIME,
            };
            let instant = local_to_utc(date, time, zone)?;
            tx.execute(
                "UPDATE post SET planned_at = ?2, zone = ?3, updated_at = ?4,
                        remind_from = CASE WHEN rrule IS NOT NULL THEN ?5 END
                 WHERE id = ?1",
                params![
                    id,
                    instant.timestamp(),
                    zone.name(),
                    now_millis(),
                    series_from
                ],
            )?;
            let after = get(tx, id)?;
            recurrence::keep_or_drop_exceptions(tx, &post, &after)?;
            reminders::refresh_due(tx, id)?;
            Ok(after)
        })
    }

    /// Takes a post off the calendar and back to the backlog. A post that was
    /// scheduled (or suspended) becomes a draft again: it no longer has a
    /// slot. A recurring post stops recurring.
    pub fn unschedule_post(&mut self, id: &str) -> Result<Post> {
        self.write(|tx| {
            let post = get(tx, id)?;
            let status = if post.status.needs_date() {
                PostStatus::Draft
            } else {
                post.status
            };
            tx.execute(
                "UPDATE post SET planned_at = NULL, status = ?2, updated_at = ?3, rrule = NULL,
                        remind_from = NULL, suspended_from = NULL
                 WHERE id = ?1",
                params![id, status.as_str(), now_millis()],
            )?;
            tx.execute("DELETE FROM post_exception WHERE post_id = ?1", [id])?;
            reminders::refresh_due(tx, id)?;
            get(tx, id)
        })
    }

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
                "end_before_start",
                "the last day comes before the first",
            ));
        }
        if (last - first).num_days() > MAX_APPENDIX_DAYS {
            return Err(Error::validation(
                "end",
                "range_too_long",
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

/// Refuses `suspended` where crisis mode did not set it.
fn refuse_suspension(status: PostStatus) -> Result<()> {
    if status == PostStatus::Suspended {
        return Err(Error::validation(
            "status",
            "set_by_crisis_mode",
            "only crisis mode suspends posts",
        ));
    }
    Ok(())
}

/// What the editor would send to recreate `post` as it is.
pub(super) fn input_from_post(post: &Post) -> PostInput {
    PostInput {
        title: post.title.clone(),
        body: post.body.clone(),
        network_id: post.network_id.clone(),
        format: post.format,
        status: post.status,
        date: post.local_date.clone(),
        time: post.local_time.clone(),
        zone: post.zone.clone(),
        theme: post.theme.clone(),
        campaign: post.campaign.clone(),
        notes: post.notes.clone(),
        asset_links: post.asset_links.clone(),
        reminder_minutes: post.reminder_minutes,
        rrule: post.rrule.clone(),
    }
}

/// Inserts a post; a recurring one reminds of its occurrences planned from
/// `series_from` (unix seconds) on. Its notices are computed by the caller
/// (`reminders::refresh_due`).
pub(super) fn insert(
    conn: &Connection,
    id: &str,
    post: &ValidPost,
    created: i64,
    updated: i64,
    series_from: i64,
) -> Result<()> {
    conn.prepare_cached(
        &format!("INSERT INTO post ({COLUMNS}, remind_from) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, NULL, ?17)"),
    )?
    .execute(params![
        id,
        post.title,
        post.body,
        post.network_id,
        post.format.as_str(),
        post.status.as_str(),
        post.planned_at.map(|t| t.timestamp()),
        post.zone.map(|z| z.name()),
        post.theme,
        post.campaign,
        post.notes,
        links_json(&post.asset_links),
        created,
        updated,
        post.reminder_minutes,
        post.rule.as_ref().map(|r| r.as_text()),
        post.rule.as_ref().map(|_| series_from),
    ])?;
    Ok(())
}
