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
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeyDateInput {
    pub date: String,
    pub label: String,
    pub kind: KeyDateKind,
}

impl KeyDateInput {
    pub(crate) fn validated(&self) -> Result<KeyDateInput> {
        Ok(KeyDateInput {
            date: format_date(parse_date(&self.date)?),
            label: required_text("label", &self.label, 120)?,
            kind: self.kind,
        })
    }
}
