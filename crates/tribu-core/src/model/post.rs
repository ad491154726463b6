use crate::error::Reason;
use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{optional_text, required_text, string_enum};
use crate::error::{Error, Result};
use crate::schedule::recurrence::{parse_rule, Rule};
use crate::schedule::reminders::check_lead;
use crate::time::{local_to_utc, parse_date, parse_time, parse_zone};

string_enum!(
    /// Where a post stands in its life, from idea to published. `suspended`
    /// is set by crisis mode only, which remembers the status it replaced.
    PostStatus, "status", {
        Idea => "idea",
        Draft => "draft",
        InReview => "in_review",
        Approved => "approved",
        Scheduled => "scheduled",
        Published => "published",
        Cancelled => "cancelled",
        Suspended => "suspended",
    }
);

string_enum!(
    /// The shape of the content.
    PostFormat, "format", {
        Article => "article",
        Text => "text",
        Photo => "photo",
        Video => "video",
        Story => "story",
        Infographic => "infographic",
        Poll => "poll",
        Contest => "contest",
        Live => "live",
        Podcast => "podcast",
        Newsletter => "newsletter",
    }
);

impl PostStatus {
    /// Statuses that only make sense for a post with a date.
    pub fn needs_date(self) -> bool {
        matches!(
            self,
            PostStatus::Scheduled | PostStatus::Published | PostStatus::Suspended
        )
    }
}

/// The time of day an idea gets when it is dropped on a day with no time.
pub const DEFAULT_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Post {
    pub id: String,
    pub title: String,
    pub body: String,
    pub network_id: String,
    pub format: PostFormat,
    pub status: PostStatus,
    /// UTC instant, RFC 3339; none for a backlog idea.
    pub planned_at: Option<String>,
    /// IANA zone the post is planned in.
    pub zone: Option<String>,
    /// `YYYY-MM-DD` in `zone`, derived from `planned_at`.
    pub local_date: Option<String>,
    /// `HH:MM` in `zone`, derived from `planned_at`.
    pub local_time: Option<String>,
    pub theme: String,
    pub campaign: String,
    pub notes: String,
    pub asset_links: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Minutes before `plannedAt` its reminder comes; none: the workspace's
    /// default.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder_minutes: Option<u32>,
    /// RFC 5545 RRULE value (`FREQ=WEEKLY;BYDAY=MO`) of a recurring post,
    /// which starts at `localDate` `localTime` in `zone`.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rrule: Option<String>,
    /// While crisis mode suspends the post: the status it gets back.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspended_from: Option<PostStatus>,
}

/// A post as the calendar and the backlog show it: everything but the long
/// texts, which the editor loads with the whole [`Post`] when it opens. A busy
/// month then costs a fraction of the query time and of the window's memory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostSummary {
    pub id: String,
    pub title: String,
    pub network_id: String,
    pub format: PostFormat,
    pub status: PostStatus,
    /// UTC instant, RFC 3339; none for a backlog idea.
    pub planned_at: Option<String>,
    pub zone: Option<String>,
    /// `YYYY-MM-DD` in `zone`.
    pub local_date: Option<String>,
    /// `HH:MM` in `zone`.
    pub local_time: Option<String>,
    pub theme: String,
}

/// What the editor sends: the local date and time in `zone`, or no date for
/// an idea kept in the backlog.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostInput {
    pub title: String,
    pub body: String,
    pub network_id: String,
    pub format: PostFormat,
    pub status: PostStatus,
    pub date: Option<String>,
    pub time: Option<String>,
    pub zone: Option<String>,
    pub theme: String,
    pub campaign: String,
    pub notes: String,
    pub asset_links: Vec<String>,
    /// Minutes before the planned instant its reminder comes (0 to 10,080);
    /// none or absent: the workspace's default.
    #[ts(optional)]
    #[serde(default)]
    pub reminder_minutes: Option<u32>,
    /// An RFC 5545 RRULE value to make the post recur from its date and
    /// time; none, absent or blank: a one-off post.
    #[ts(optional)]
    #[serde(default)]
    pub rrule: Option<String>,
}

/// Which posts a calendar or backlog query returns; an empty list means "all".
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostFilter {
    #[serde(default)]
    pub network_ids: Vec<String>,
    #[serde(default)]
    pub statuses: Vec<PostStatus>,
    #[serde(default)]
    pub themes: Vec<String>,
}

/// A [`PostInput`] whose every field has been checked.
#[derive(Debug, Clone)]
pub(crate) struct ValidPost {
    pub title: String,
    pub body: String,
    pub network_id: String,
    pub format: PostFormat,
    pub status: PostStatus,
    pub planned_at: Option<DateTime<Utc>>,
    pub zone: Option<Tz>,
    pub theme: String,
    pub campaign: String,
    pub notes: String,
    pub asset_links: Vec<String>,
    pub reminder_minutes: Option<u32>,
    pub rule: Option<Rule>,
}

/// Long enough for a blog article written in the app; short enough that a
/// pasted file by mistake does not bloat the workspace.
const MAX_BODY: usize = 100_000;

impl PostInput {
    pub(crate) fn validated(&self) -> Result<ValidPost> {
        let title = required_text("title", &self.title, 200)?;
        if self.body.chars().count() > MAX_BODY {
            return Err(Error::validation(
                "body",
                Reason::TooLong,
                format!("body is longer than {MAX_BODY} characters"),
            ));
        }
        let zone = match self.zone.as_deref().filter(|z| !z.trim().is_empty()) {
            Some(z) => Some(parse_zone(z)?),
            None => None,
        };
        let date = self.date.as_deref().filter(|d| !d.trim().is_empty());
        let time = self.time.as_deref().filter(|t| !t.trim().is_empty());
        let planned_at = match (date, time) {
            (Some(date), time) => {
                let zone = zone.ok_or_else(|| {
                    Error::validation("zone", Reason::Required, "a dated post needs a time zone")
                })?;
                let time = match time {
                    Some(t) => parse_time(t)?,
                    None => DEFAULT_TIME,
                };
                Some(local_to_utc(parse_date(date)?, time, zone)?)
            }
            (None, Some(_)) => {
                return Err(Error::validation(
                    "date",
                    Reason::Required,
                    "a time needs a date",
                ));
            }
            (None, None) => None,
        };
        let rule = match self.rrule.as_deref().filter(|r| !r.trim().is_empty()) {
            Some(text) => Some(parse_rule(text)?),
            None => None,
        };
        match (&rule, planned_at, zone) {
            (Some(rule), Some(start), Some(zone)) => rule.check_occurs(start, zone)?,
            (Some(_), _, _) => {
                return Err(Error::validation(
                    "date",
                    Reason::RequiredForRecurrence,
                    "a recurring post needs a date and time to start from",
                ));
            }
            _ => {}
        }
        let reminder_minutes = self
            .reminder_minutes
            .map(|m| check_lead("reminderMinutes", m))
            .transpose()?;
        if planned_at.is_none() && self.status.needs_date() {
            return Err(Error::validation(
                "date",
                Reason::RequiredForStatus,
                format!("a {} post needs a date", self.status.as_str()),
            ));
        }
        let network_id = required_text("network", &self.network_id, 64)?;
        let mut asset_links = Vec::new();
        for link in &self.asset_links {
            let link = optional_text("assetLinks", link, 2_000)?;
            if !link.is_empty() {
                asset_links.push(link);
            }
        }
        Ok(ValidPost {
            title,
            body: self.body.clone(),
            network_id,
            format: self.format,
            status: self.status,
            planned_at,
            zone,
            theme: optional_text("theme", &self.theme, 80)?,
            campaign: optional_text("campaign", &self.campaign, 80)?,
            notes: optional_text("notes", &self.notes, 20_000)?,
            asset_links,
            reminder_minutes,
            rule,
        })
    }
}
