//! Crisis mode: the switch a community manager pulls when a crisis breaks.
//! While it is on, every planned post that is not published or cancelled is
//! suspended (nothing goes out by mistake, no reminder rings), and the
//! charter's rapid-response steps become a checklist ticked with the time.
//! Everything that happens is logged for the post-mortem. Ending the crisis
//! gives each suspended post its previous status back; a post whose instant
//! passed meanwhile comes back as overdue, for the manager to reschedule.
//!
//! The checklist is a copy of the steps as they were when the crisis
//! started: editing the charter during a crisis does not rewrite it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::model::{optional_text, required_text, string_enum};

string_enum!(
    /// What a crisis log entry records.
    CrisisLogKind, "kind", {
        Started => "started",
        StepDone => "step_done",
        StepUndone => "step_undone",
        Note => "note",
        Ended => "ended",
    }
);

/// One rapid-response step of the running crisis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrisisStep {
    pub id: String,
    pub position: u32,
    pub text: String,
    /// When it was ticked, UTC RFC 3339; none while it is to do.
    pub done_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrisisLogEntry {
    /// UTC RFC 3339, to the millisecond.
    pub at: String,
    pub kind: CrisisLogKind,
    /// The note, the step's text, or the crisis' note when it started; for
    /// `ended`, the number of posts given back their status.
    pub text: String,
}

/// A crisis, running or over, with its checklist and log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrisisState {
    pub id: String,
    pub started_at: String,
    pub ended_at: Option<String>,
    pub note: String,
    /// Posts suspended when it started.
    pub suspended_posts: u32,
    pub checklist: Vec<CrisisStep>,
    /// Oldest first.
    pub log: Vec<CrisisLogEntry>,
}

impl CrisisState {
    pub fn is_active(&self) -> bool {
        self.ended_at.is_none()
    }
}

/// What the manager writes when starting a crisis: may be empty.
pub(crate) fn check_note(note: &str) -> Result<String> {
    optional_text("note", note, 2_000)
}

/// A log entry's text: required.
pub(crate) fn check_log_text(text: &str) -> Result<String> {
    required_text("text", text, 4_000)
}
