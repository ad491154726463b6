//! Crisis mode: one switch that suspends every planned post and reminder,
//! a timestamped checklist and a log for the post-mortem.

use chrono::Utc;
use tribu_core::schedule::CrisisState;

use super::commands;

commands! {
    fn crisis_state(cx) -> Option<CrisisState> {
        cx.with(|store| store.crisis_state())
    }

    /// Suspends every planned post and reminder; the checklist comes from
    /// the charter's crisis plan.
    fn crisis_start(cx, note: String) -> CrisisState {
        cx.with(|store| store.crisis_start(Utc::now(), &note))
    }

    /// Restores every suspended post to the status it had.
    fn crisis_end(cx) -> CrisisState {
        cx.with(|store| store.crisis_end(Utc::now()))
    }

    fn crisis_tick(cx, step_id: String, done: bool) -> CrisisState {
        cx.with(|store| store.crisis_tick(&step_id, done, Utc::now()))
    }

    fn crisis_log_add(cx, text: String) -> CrisisState {
        cx.with(|store| store.crisis_log_add(&text, Utc::now()))
    }

    fn crisis_history(cx) -> Vec<CrisisState> {
        cx.with(|store| store.crisis_history())
    }
}
