//! Posts in the store: how a row reads and writes (`row`, `columns`), the
//! calendar's and the backlog's queries (`queries`), and here the writes an
//! editor, a drag or an undo makes. Each write is one transaction; its next
//! notice follows in `Store::write`.

mod columns;
mod queries;
mod row;

use chrono::{DateTime, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use rusqlite::params;

use super::{networks, new_id, now_millis, recurrence, Store};
use crate::error::{Error, Reason, Result};
use crate::model::{Post, PostInput, PostStatus, DEFAULT_TIME};
use crate::time::{local_to_utc, parse_instant, parse_zone, utc_to_local};

pub(super) use columns::insert;
use columns::update;
pub(super) use queries::push_filter;
pub(super) use row::{get, read_summary, SUMMARY_COLUMNS};

impl Store {
    pub fn post(&self, id: &str) -> Result<Post> {
        get(&self.conn, id)
    }

    pub fn create_post(&mut self, input: &PostInput) -> Result<Post> {
        let post = input.validated()?;
        refuse_suspension(post.status)?;
        let series_from = self.clock.now().timestamp();
        self.write(|tx| {
            networks::require(tx, &post.network_id)?;
            let id = new_id();
            let now = now_millis();
            insert(tx, &id, &post, now, now, series_from)?;
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
            networks::require(tx, &post.network_id)?;
            let before = get(tx, id)?;
            if post.status == PostStatus::Suspended && before.status != PostStatus::Suspended {
                refuse_suspension(post.status)?;
            }
            update(tx, id, &post, series_from)?;
            let after = get(tx, id)?;
            recurrence::keep_or_drop_exceptions(tx, &before, &after)?;
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
                networks::require(tx, &post.network_id)?;
                let id = new_id();
                insert(tx, &id, post, now, now, series_from)?;
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
                return Err(Error::conflict(
                    Reason::AlreadyExists,
                    "this post already exists",
                ));
            }
            networks::require(tx, &valid.network_id)?;
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
            get(tx, id)
        })
    }
}

/// Refuses `suspended` where crisis mode did not set it.
fn refuse_suspension(status: PostStatus) -> Result<()> {
    if status == PostStatus::Suspended {
        return Err(Error::validation(
            "status",
            Reason::SetByCrisisMode,
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
