//! How a post row reads back: its columns parsed into a [`Post`] or a
//! [`PostSummary`], a damaged value reported as such.

use rusqlite::{Connection, OptionalExtension, Row};

use crate::error::{Error, Result};
use crate::model::{Post, PostFormat, PostStatus, PostSummary};
use crate::time::{
    format_date, format_millis, format_time, format_utc, from_unix, parse_zone, utc_to_local,
};

const COLUMNS: &str = "id, title, body, network_id, format, status, planned_at, zone, \
                       theme, campaign, notes, asset_links, created_at, updated_at, \
                       reminder_minutes, rrule, suspended_from";

/// A post row as SQLite holds it, before its text columns are parsed.
struct PostRow {
    id: String,
    title: String,
    body: String,
    network_id: String,
    format: PostFormat,
    status: PostStatus,
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
    suspended_from: Option<PostStatus>,
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
    Error::corrupt(format_args!("post {id}"), what)
}

impl PostRow {
    fn into_post(self) -> Result<Post> {
        let (planned_at, local_date, local_time) =
            planned_fields(&self.id, self.planned_at, self.zone.as_deref())?;
        Ok(Post {
            format: self.format,
            status: self.status,
            suspended_from: self.suspended_from,
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

pub(in crate::store) const SUMMARY_COLUMNS: &str =
    "id, title, network_id, format, status, planned_at, zone, theme";

pub(in crate::store) fn read_summary(row: &Row) -> Result<PostSummary> {
    let id: String = row.get(0)?;
    let zone: Option<String> = row.get(6)?;
    let (planned_at, local_date, local_time) = planned_fields(&id, row.get(5)?, zone.as_deref())?;
    Ok(PostSummary {
        format: row.get(3)?,
        status: row.get(4)?,
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

pub(in crate::store) fn get(conn: &Connection, id: &str) -> Result<Post> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM post WHERE id = ?1"))?
        .query_row([id], read_row)
        .optional()?
        .ok_or(Error::NotFound { what: "post" })?
        .into_post()
}
