//! What the history says of an action: a kind the UI words in French or
//! English, with the name of what it touched and, for some kinds, where it
//! went («Soldes d'hiver» moved to 12 January).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every kind of user action the journal records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    PostCreate,
    PostEdit,
    /// Only the status changed; `detail` is the new status.
    PostStatus,
    /// `detail` is the new local date, `YYYY-MM-DD`.
    PostMove,
    PostDelete,
    PostUnschedule,
    /// Several posts at once (sample data, an import); `count` of them.
    PostsCreate,
    /// `detail` is the new local date.
    OccurrenceMove,
    /// This and the following occurrences; `detail` is the new local date.
    OccurrencesMove,
    /// `detail` is the occurrence's date.
    OccurrenceDelete,
    /// This and the following; `detail` is the first date deleted.
    OccurrencesDelete,
    OccurrenceRetitle,
    NetworkCreate,
    NetworkEdit,
    NetworkDelete,
    KeyDateCreate,
    KeyDateDelete,
    /// `count` is the new lead in minutes.
    ReminderLead,
    /// `count` is the new longest gap in days.
    RhythmGap,
    /// `name` is the network's.
    RhythmTarget,
    /// `detail` is the new zone.
    AudienceZone,
    ObjectiveCreate,
    ObjectiveEdit,
    ObjectiveDelete,
    KpiCreate,
    KpiEdit,
    KpiDelete,
    /// `name` is the metric, `detail` the day.
    ObservationAdd,
    /// `count` values typed at once.
    ObservationsAdd,
    /// `count` values from a CSV file.
    ObservationsImport,
    /// `name` is the metric, `detail` the day.
    ObservationDelete,
    /// `name` is the post's title.
    ResultSet,
    /// `count` posts' results at once.
    ResultsSet,
    ResultClear,
    /// `detail` is the section's key (`keywords`, `faq`…).
    CharterSection,
    /// `detail` is the starter's language (`fr`, `en`).
    CharterStarter,
    CrisisStart,
    CrisisEnd,
}

/// The history's line for one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionLabel {
    pub kind: ActionKind,
    /// What it touched: a post's title, a network's name… (may be empty).
    pub name: String,
    pub detail: Option<String>,
    pub count: Option<u32>,
}

impl ActionLabel {
    pub fn new(kind: ActionKind, name: impl Into<String>) -> ActionLabel {
        ActionLabel {
            kind,
            name: name.into(),
            detail: None,
            count: None,
        }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> ActionLabel {
        self.detail = Some(detail.into());
        self
    }

    pub fn count(mut self, count: usize) -> ActionLabel {
        self.count = Some(u32::try_from(count).unwrap_or(u32::MAX));
        self
    }

    /// Whether Ctrl+Z may take this action back. Crisis mode starts and
    /// ends with its own switch: undoing its start would silently put back
    /// posts a community manager held during a crisis.
    pub fn undoable(&self) -> bool {
        !matches!(self.kind, ActionKind::CrisisStart | ActionKind::CrisisEnd)
    }
}
