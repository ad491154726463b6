//! Posts in the store: how a row reads and writes (`row`, `columns`), the
//! calendar's and the backlog's queries (`queries`), and here the writes an
//! editor, a drag or an undo makes. Each write is one transaction; its next
//! notice follows in `Store::write`.

mod columns;
mod queries;
mod row;

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use rusqlite::params;

use super::journal::{ActionKind, ActionLabel};
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
        self.act(|tx| {
            networks::require(tx, &post.network_id)?;
            let id = new_id();
            let now = now_millis();
            insert(tx, &id, &post, now, now, series_from)?;
            let created = get(tx, &id)?;
            let label = ActionLabel::new(ActionKind::PostCreate, &created.title);
            Ok((created, label))
        })
    }

    /// Saves the editor's changes. The status `suspended` stays when the post
    /// already has it (crisis mode gives the previous one back later); any
    /// other status ends its suspension.
    pub fn update_post(&mut self, id: &str, input: &PostInput) -> Result<Post> {
        let post = input.validated()?;
        let series_from = self.clock.now().timestamp();
        self.act(|tx| {
            networks::require(tx, &post.network_id)?;
            let before = get(tx, id)?;
            if post.status == PostStatus::Suspended && before.status != PostStatus::Suspended {
                refuse_suspension(post.status)?;
            }
            update(tx, id, &post, series_from)?;
            let after = get(tx, id)?;
            recurrence::keep_or_drop_exceptions(tx, &before, &after)?;
            let after = get(tx, id)?;
            let label = edit_label(&before, &after);
            Ok((after, label))
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
        self.act(|tx| {
            let now = now_millis();
            let mut ids = Vec::with_capacity(posts.len());
            for post in &posts {
                networks::require(tx, &post.network_id)?;
                let id = new_id();
                insert(tx, &id, post, now, now, series_from)?;
                ids.push(id);
            }
            let label = ActionLabel::new(ActionKind::PostsCreate, "").count(ids.len());
            Ok((ids, label))
        })
    }

    /// Deletes a post with its results and exceptions, and returns it as it
    /// was; undoing the delete brings all of it back.
    pub fn delete_post(&mut self, id: &str) -> Result<Post> {
        self.act(|tx| {
            let post = get(tx, id)?;
            tx.execute("DELETE FROM post WHERE id = ?1", [id])?;
            let label = ActionLabel::new(ActionKind::PostDelete, &post.title);
            Ok((post, label))
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
        self.act(|tx| {
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
            let label = ActionLabel::new(ActionKind::PostMove, &after.title)
                .detail(crate::time::format_date(date));
            Ok((after, label))
        })
    }

    /// Takes a post off the calendar and back to the backlog. A post that was
    /// scheduled (or suspended) becomes a draft again: it no longer has a
    /// slot. A recurring post stops recurring.
    pub fn unschedule_post(&mut self, id: &str) -> Result<Post> {
        self.act(|tx| {
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
            let label = ActionLabel::new(ActionKind::PostUnschedule, &post.title);
            Ok((get(tx, id)?, label))
        })
    }
}

/// "Edited «…»", or "«…» set to approved" when only the status changed.
fn edit_label(before: &Post, after: &Post) -> ActionLabel {
    let mut same = before.clone();
    same.status = after.status;
    same.suspended_from = after.suspended_from;
    same.updated_at.clone_from(&after.updated_at);
    if before.status != after.status && same == *after {
        ActionLabel::new(ActionKind::PostStatus, &after.title).detail(after.status.as_str())
    } else {
        ActionLabel::new(ActionKind::PostEdit, &after.title)
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
