use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{required_text, string_enum};
use crate::error::Result;
use crate::time::{format_date, parse_date};

string_enum!(
    /// Why a day matters to the editorial calendar.
    KeyDateKind, "kind", {
        Holiday => "holiday",
        Event => "event",
        Launch => "launch",
        Sale => "sale",
        Other => "other",
        PublicHoliday => "public_holiday",
    }
);

string_enum!(
    /// Whether a key date comes back: anniversaries and yearly sales do.
    #[derive(Default)]
    KeyDateRecurrence, "recurrence", {
        #[default]
        None => "none",
        Yearly => "yearly",
    }
);

/// A day the calendar is aligned on: a launch, an event, a sale, a holiday.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeyDate {
    pub id: String,
    /// `YYYY-MM-DD`: a day, not an instant.
    pub date: String,
    pub label: String,
    pub kind: KeyDateKind,
    /// `yearly`: shown on the same day every year from `date` on (29
    /// February on the 28th in other years). Absent means `none`.
    #[ts(optional, as = "Option<KeyDateRecurrence>")]
    #[serde(default)]
    pub recurrence: KeyDateRecurrence,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeyDateInput {
    pub date: String,
    pub label: String,
    pub kind: KeyDateKind,
    #[ts(optional, as = "Option<KeyDateRecurrence>")]
    #[serde(default)]
    pub recurrence: KeyDateRecurrence,
}

impl KeyDateInput {
    pub(crate) fn validated(&self) -> Result<KeyDateInput> {
        Ok(KeyDateInput {
            date: format_date(parse_date(&self.date)?),
            label: required_text("label", &self.label, 120)?,
            kind: self.kind,
            recurrence: self.recurrence,
        })
    }
}
