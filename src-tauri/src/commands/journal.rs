//! The journal: what Undo and Redo would do, the history, and the steps
//! themselves. Each step is one transaction; what it changed is announced
//! like any other write, so the views refetch.

use tribu_core::store::{JournalEntry, UndoState};

use super::commands;

commands! {
    /// What Undo and Redo would do now, for the Edit menu.
    fn journal_state(cx) -> UndoState {
        cx.with(|store| store.undo_state())
    }

    /// The latest `limit` actions (at most 500), newest first, undone ones
    /// included.
    fn journal_list(cx, limit: u32) -> Vec<JournalEntry> {
        cx.with(|store| store.journal(limit.min(500) as usize))
    }

    /// Takes back the latest action in effect; with `expected`, only if it
    /// is that one (reason `not_latest` otherwise). Rejects with
    /// `nothing_to_undo`, or `changed_since` when what it changed has
    /// changed since (nothing is then undone). Resolves with the action.
    fn journal_undo(cx, expected: Option<u32>) -> JournalEntry {
        cx.with(|store| store.undo(expected.map(i64::from)))
    }

    /// Does again the last action undone (`nothing_to_redo` when none).
    fn journal_redo(cx) -> JournalEntry {
        cx.with(|store| store.redo())
    }

    /// Takes back every action from the latest down to `id` included, all
    /// or none; resolves with them, latest first.
    fn journal_undo_to(cx, id: u32) -> Vec<JournalEntry> {
        cx.with(|store| store.undo_to(i64::from(id)))
    }
}
