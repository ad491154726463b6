//! What a committed write changed, so the views that show it refetch.
//!
//! SQLite tells the store of every row a statement changes (the pre-update
//! hook, which also sees `WITHOUT ROWID` tables and turns off the truncate
//! shortcut that would skip it). The store gathers the tables of each
//! transaction, drops them if it rolls back, and hands the topics out once
//! with [`Store::take_changes`](super::Store::take_changes). No write path has
//! to remember to announce itself: an import, an undo or a future command
//! shows the same way as an edit.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use rusqlite::hooks::{PreUpdateCase, PreUpdateNewValueAccessor, PreUpdateOldValueAccessor};
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::journal::{capture, RowChange, Shapes};

/// What the views group their data by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Posts,
    KeyDates,
    Networks,
    Charter,
    Kpis,
    Settings,
    Crisis,
    /// The history of actions: what Undo and Redo would do changed.
    Journal,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::Posts,
        Topic::KeyDates,
        Topic::Networks,
        Topic::Charter,
        Topic::Kpis,
        Topic::Settings,
        Topic::Crisis,
        Topic::Journal,
    ];
}

/// The payload of the `changed` event: the topics one command changed, each
/// named once, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Changes {
    pub topics: Vec<Topic>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }

    pub fn touches(&self, topic: Topic) -> bool {
        self.topics.contains(&topic)
    }
}

/// The topic a table belongs to; `None` for bookkeeping no view shows
/// (reminders already sent).
///
/// Every table of the schema must be named here: a test reads the schema
/// and fails on a table this match does not know, so a new table cannot
/// silently go unannounced.
pub(super) fn topic_of(table: &str) -> Option<Option<Topic>> {
    let topic = match table {
        "post" | "post_exception" | "post_result" => Some(Topic::Posts),
        "key_date" => Some(Topic::KeyDates),
        "network" => Some(Topic::Networks),
        "charter_section" => Some(Topic::Charter),
        "objective" | "kpi" | "observation" => Some(Topic::Kpis),
        "setting" => Some(Topic::Settings),
        "crisis" | "crisis_step" | "crisis_log" => Some(Topic::Crisis),
        "journal_action" | "journal_change" => Some(Topic::Journal),
        "reminder_sent" => None,
        _ => return None,
    };
    Some(topic)
}

/// What the statements since the last look wrote: the tables, apart the
/// posts whose row or exceptions changed (their next reminder follows), and
/// the journaled rows, value by value (the journal records them).
#[derive(Default)]
struct Written {
    tables: BTreeSet<String>,
    posts: BTreeSet<String>,
    rows: Vec<RowChange>,
}

/// Listens to SQLite's pre-update hook on the store's connection.
#[derive(Clone, Default)]
pub(super) struct Recorder {
    written: Arc<Mutex<Written>>,
    shapes: Arc<Shapes>,
}

/// Columns of `post` that hold bookkeeping derived from the rest (the next
/// notice): an update that changes only these is no change of the post.
const POST_DERIVED_COLUMNS: [&str; 2] = ["due_at", "due_kind"];

impl Recorder {
    /// Starts listening to `conn`'s writes.
    pub(super) fn attach(conn: &Connection) -> rusqlite::Result<Recorder> {
        let derived = post_derived_columns(conn)?;
        let recorder = Recorder {
            written: Default::default(),
            shapes: Arc::new(Shapes::read(conn)?),
        };
        let written = Arc::clone(&recorder.written);
        let shapes = Arc::clone(&recorder.shapes);
        conn.preupdate_hook(Some(
            move |_action, _db: &str, table: &str, case: &PreUpdateCase| {
                let row = capture(&shapes, table, case);
                let post_id = match table {
                    "post" => match case {
                        PreUpdateCase::Update {
                            old_value_accessor: old,
                            new_value_accessor: new,
                        } if only_derived_columns_differ(old, new, &derived) => return,
                        _ => key_of(case),
                    },
                    "post_exception" => key_of(case),
                    _ => None,
                };
                let mut written = written.lock().unwrap_or_else(|p| p.into_inner());
                if !written.tables.contains(table) {
                    written.tables.insert(table.to_string());
                }
                if let Some(id) = post_id {
                    written.posts.insert(id);
                }
                written.rows.extend(row);
            },
        ))?;
        Ok(recorder)
    }

    /// The journaled rows written since the last call, forgotten here.
    pub(super) fn take_rows(&self) -> Vec<RowChange> {
        std::mem::take(&mut self.lock().rows)
    }

    /// How the journaled tables read and write.
    pub(super) fn shapes(&self) -> Arc<Shapes> {
        Arc::clone(&self.shapes)
    }

    /// The tables written since the last call, forgotten by the recorder.
    pub(super) fn take_tables(&self) -> BTreeSet<String> {
        std::mem::take(&mut self.lock().tables)
    }

    /// The posts written since the last call, forgotten by the recorder.
    pub(super) fn take_posts(&self) -> BTreeSet<String> {
        std::mem::take(&mut self.lock().posts)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Written> {
        self.written.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The indices of [`POST_DERIVED_COLUMNS`] in the `post` table.
fn post_derived_columns(conn: &Connection) -> rusqlite::Result<Vec<i32>> {
    let mut stmt = conn.prepare("SELECT cid, name FROM pragma_table_info('post')")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i32>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (cid, name) = row?;
        if POST_DERIVED_COLUMNS.contains(&name.as_str()) {
            out.push(cid);
        }
    }
    Ok(out)
}

fn only_derived_columns_differ(
    old: &PreUpdateOldValueAccessor,
    new: &PreUpdateNewValueAccessor,
    derived: &[i32],
) -> bool {
    (0..old.get_column_count())
        .filter(|i| !derived.contains(i))
        .all(
            |i| match (old.get_old_column_value(i), new.get_new_column_value(i)) {
                (Ok(a), Ok(b)) => a == b,
                _ => false,
            },
        )
}

/// The first column (`post.id`, `post_exception.post_id`) of the row written.
fn key_of(case: &PreUpdateCase) -> Option<String> {
    let text = |value: rusqlite::Result<ValueRef<'_>>| match value {
        Ok(ValueRef::Text(bytes)) => String::from_utf8(bytes.to_vec()).ok(),
        _ => None,
    };
    match case {
        PreUpdateCase::Insert(new) => text(new.get_new_column_value(0)),
        PreUpdateCase::Update {
            new_value_accessor: new,
            ..
        } => text(new.get_new_column_value(0)),
        PreUpdateCase::Delete(old) => text(old.get_old_column_value(0)),
        PreUpdateCase::Unknown => None,
    }
}

/// The topics of `tables`, each once, in [`Topic`]'s order.
pub(super) fn topics(tables: &BTreeSet<String>) -> Changes {
    let mut topics = BTreeSet::new();
    for table in tables {
        match topic_of(table) {
            Some(topic) => topics.extend(topic),
            None => {
                // A table unknown here is a bug the schema test catches; in
                // the field, refreshing every view is the safe answer.
                tracing::warn!(table, "write to a table with no topic");
                topics.extend(Topic::ALL);
            }
        }
    }
    Changes {
        topics: topics.into_iter().collect(),
    }
}
