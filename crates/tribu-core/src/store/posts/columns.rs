//! How a post row is written: the editor's fields bound by name, once, for
//! both the insert and the update.

use rusqlite::{Connection, ToSql};

use crate::error::Result;
use crate::model::post::ValidPost;

use super::super::{now_millis, reminders};

fn links_json(links: &[String]) -> String {
    serde_json::Value::from(links.to_vec()).to_string()
}

/// The columns a save writes, computed once and bound by name, so that the
/// insert and the update cannot disagree on what goes where.
struct PostColumns<'a> {
    post: &'a ValidPost,
    format: &'static str,
    status: &'static str,
    planned_at: Option<i64>,
    zone: Option<&'static str>,
    asset_links: String,
    updated_at: i64,
    rrule: Option<String>,
    /// A recurring post reminds of its occurrences planned from this unix
    /// second on; none for a single post.
    remind_from: Option<i64>,
}

impl<'a> PostColumns<'a> {
    fn of(post: &'a ValidPost, updated_at: i64, series_from: i64) -> Self {
        PostColumns {
            post,
            format: post.format.as_str(),
            status: post.status.as_str(),
            planned_at: post.planned_at.map(|t| t.timestamp()),
            zone: post.zone.map(|z| z.name()),
            asset_links: links_json(&post.asset_links),
            updated_at,
            rrule: post.rule.as_ref().map(|r| r.as_text()),
            remind_from: post.rule.as_ref().map(|_| series_from),
        }
    }

    /// `:name` parameters of both statements below.
    fn params(&self) -> [(&'static str, &dyn ToSql); 14] {
        let p = self.post;
        [
            (":title", &p.title),
            (":body", &p.body),
            (":network_id", &p.network_id),
            (":format", &self.format),
            (":status", &self.status),
            (":planned_at", &self.planned_at),
            (":zone", &self.zone),
            (":theme", &p.theme),
            (":campaign", &p.campaign),
            (":notes", &p.notes),
            (":asset_links", &self.asset_links),
            (":updated_at", &self.updated_at),
            (":reminder_minutes", &p.reminder_minutes),
            (":rrule", &self.rrule),
        ]
    }
}

/// The editable columns of `post` as `name = :name` pairs, for the update.
const EDITABLE: &str = "title = :title, body = :body, network_id = :network_id, \
                        format = :format, status = :status, planned_at = :planned_at, \
                        zone = :zone, theme = :theme, campaign = :campaign, notes = :notes, \
                        asset_links = :asset_links, updated_at = :updated_at, \
                        reminder_minutes = :reminder_minutes, rrule = :rrule";

/// Inserts a post, with its next notice; a recurring one reminds of its
/// occurrences planned from `series_from` (unix seconds) on.
pub(in crate::store) fn insert(
    conn: &Connection,
    id: &str,
    post: &ValidPost,
    created: i64,
    updated: i64,
    series_from: i64,
) -> Result<()> {
    let columns = PostColumns::of(post, updated, series_from);
    let mut params = columns.params().to_vec();
    params.extend([
        (":id", &id as &dyn ToSql),
        (":created_at", &created),
        (":remind_from", &columns.remind_from),
    ]);
    conn.prepare_cached(
        "INSERT INTO post (id, title, body, network_id, format, status, planned_at, zone,
                           theme, campaign, notes, asset_links, created_at, updated_at,
                           reminder_minutes, rrule, remind_from)
         VALUES (:id, :title, :body, :network_id, :format, :status, :planned_at, :zone,
                 :theme, :campaign, :notes, :asset_links, :created_at, :updated_at,
                 :reminder_minutes, :rrule, :remind_from)",
    )?
    .execute(params.as_slice())?;
    // `Store::write` computes every written post's next notice at commit;
    // doing it here too writes the row whole while its page is the one
    // being filled. Left to the commit, a bulk insert (an import) grows each
    // row once its page is full and splits the pages: 5% more of them on
    // 100,000 posts, read by every month's query. The commit then finds
    // nothing to change.
    reminders::refresh_due(conn, id)
}

/// Writes the editor's fields over post `id`. The status `suspended` keeps
/// the status it stands for; any other ends the suspension.
pub(super) fn update(
    conn: &Connection,
    id: &str,
    post: &ValidPost,
    series_from: i64,
) -> Result<()> {
    let columns = PostColumns::of(post, now_millis(), series_from);
    let mut params = columns.params().to_vec();
    params.extend([
        (":id", &id as &dyn ToSql),
        (":remind_from", &columns.remind_from),
    ]);
    conn.prepare_cached(&format!(
        "UPDATE post SET {EDITABLE}, remind_from = :remind_from,
                suspended_from = CASE WHEN :status = 'suspended' THEN suspended_from END
         WHERE id = :id"
    ))?
    .execute(params.as_slice())?;
    Ok(())
}
