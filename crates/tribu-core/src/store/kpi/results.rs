//! The figures of a post (reach, impressions, interactions) entered once it
//! is published.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::at_item;
use crate::error::{Error, Result};
use crate::kpi::model::{PostCounts, PostResult, PostResultInput};
use crate::store::journal::{ActionKind, ActionLabel};
use crate::store::{now_millis, Store};
use crate::time::format_millis;

pub(super) const RESULT_COLUMNS: &str =
    "reach, impressions, reactions, comments, shares, saves, clicks";

/// The counts of `RESULT_COLUMNS`, read from column `first` on.
pub(super) fn read_counts(row: &Row, first: usize) -> rusqlite::Result<PostCounts> {
    Ok(PostCounts {
        reach: row.get(first)?,
        impressions: row.get(first + 1)?,
        reactions: row.get(first + 2)?,
        comments: row.get(first + 3)?,
        shares: row.get(first + 4)?,
        saves: row.get(first + 5)?,
        clicks: row.get(first + 6)?,
    })
}

fn get_result(conn: &Connection, post_id: &str) -> Result<Option<PostResult>> {
    let row = conn
        .prepare_cached(&format!(
            "SELECT {RESULT_COLUMNS}, updated_at FROM post_result WHERE post_id = ?1"
        ))?
        .query_row([post_id], |r| Ok((read_counts(r, 0)?, r.get::<_, i64>(7)?)))
        .optional()?;
    Ok(
        row.map(|(counts, updated)| {
            counts.into_result(post_id.to_string(), format_millis(updated))
        }),
    )
}

/// Writes (or replaces) the result of an existing post.
fn put_result(tx: &Transaction, post_id: &str, counts: &PostCounts, now: i64) -> Result<()> {
    let exists: bool = tx
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM post WHERE id = ?1)")?
        .query_row([post_id], |r| r.get(0))?;
    if !exists {
        return Err(Error::NotFound { what: "post" });
    }
    tx.prepare_cached(&format!(
        "INSERT INTO post_result (post_id, {RESULT_COLUMNS}, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (post_id) DO UPDATE SET reach = excluded.reach,
            impressions = excluded.impressions, reactions = excluded.reactions,
            comments = excluded.comments, shares = excluded.shares,
            saves = excluded.saves, clicks = excluded.clicks,
            updated_at = excluded.updated_at"
    ))?
    .execute(params![
        post_id,
        counts.reach,
        counts.impressions,
        counts.reactions,
        counts.comments,
        counts.shares,
        counts.saves,
        counts.clicks,
        now
    ])?;
    Ok(())
}

/// The title of the post `id` for the history (empty when there is none:
/// the write itself then says what is missing).
fn post_title(conn: &Connection, id: &str) -> Result<String> {
    Ok(conn
        .query_row("SELECT title FROM post WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

impl Store {
    /// Enters or replaces a post's figures. Any post can hold them; the
    /// panel counts those of published posts.
    pub fn set_post_result(
        &mut self,
        post_id: &str,
        input: &PostResultInput,
    ) -> Result<PostResult> {
        let counts = input.validated()?;
        self.act(|tx| {
            put_result(tx, post_id, &counts, now_millis())?;
            let result = get_result(tx, post_id)?.ok_or(Error::NotFound {
                what: "post result",
            })?;
            Ok((
                result,
                ActionLabel::new(ActionKind::ResultSet, post_title(tx, post_id)?),
            ))
        })
    }

    /// Enters the figures of many posts in one transaction (an import of a
    /// network's per-post export): all of them, or none when one breaks a
    /// rule or names no post.
    pub fn set_post_results(&mut self, results: &[(String, PostResultInput)]) -> Result<usize> {
        let checked = results
            .iter()
            .enumerate()
            .map(|(i, (post, input))| {
                Ok((post.as_str(), input.validated().map_err(|e| at_item(i, e))?))
            })
            .collect::<Result<Vec<_>>>()?;
        self.act(|tx| {
            let now = now_millis();
            for (post_id, counts) in &checked {
                put_result(tx, post_id, counts, now)?;
            }
            let label = ActionLabel::new(ActionKind::ResultsSet, "").count(checked.len());
            Ok((checked.len(), label))
        })
    }

    /// A post's figures; None when none were entered.
    pub fn post_result(&self, post_id: &str) -> Result<Option<PostResult>> {
        get_result(&self.conn, post_id)
    }

    pub fn clear_post_result(&mut self, post_id: &str) -> Result<()> {
        self.act(|tx| {
            tx.execute("DELETE FROM post_result WHERE post_id = ?1", [post_id])?;
            Ok((
                (),
                ActionLabel::new(ActionKind::ResultClear, post_title(tx, post_id)?),
            ))
        })
    }
}
