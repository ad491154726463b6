//! The scheduling settings the window shows and edits together.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::schedule::system_zone;
use crate::Store;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleSettings {
    /// Minutes before a planned post its reminder is shown (a post may
    /// override it).
    pub reminder_lead_minutes: u32,
    /// IANA zone of the audience: new posts are planned in it.
    pub audience_zone: String,
    /// IANA zone of this computer, for the calendar's other clock.
    pub system_zone: String,
    /// Days without a post on a network after which the rhythm flags a gap.
    pub max_gap_days: u32,
}

impl Store {
    pub fn schedule_settings(&self) -> Result<ScheduleSettings> {
        Ok(ScheduleSettings {
            reminder_lead_minutes: self.reminder_lead_minutes()?,
            audience_zone: self.audience_zone()?,
            system_zone: system_zone().name().to_string(),
            max_gap_days: self.max_gap_days()?,
        })
    }
}
