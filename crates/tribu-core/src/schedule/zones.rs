//! The audience's time zone. A post is planned in a zone (usually the
//! audience's, where its peak hours are); the calendar can show it in the
//! audience zone or in the zone of the computer the manager works on, which
//! differ when the manager travels or works for a brand abroad.

use chrono::Offset;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::model::PostSummary;
use crate::time::{format_date, format_time, parse_instant, parse_zone, utc_to_local};

/// The zone used when the operating system does not say (the app's first
/// audience is French).
pub const FALLBACK_ZONE: Tz = chrono_tz::Europe::Paris;

/// The computer's IANA zone, or [`FALLBACK_ZONE`] when it cannot be read.
/// A `TZ` naming a zone wins over the system setting, as it does for the
/// window's clock (WebKit follows `TZ`), so both sides agree.
pub fn system_zone() -> Tz {
    zone_from_tz_variable(std::env::var("TZ").ok().as_deref())
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|name| parse_zone(&name).ok())
        })
        .unwrap_or(FALLBACK_ZONE)
}

/// The zone a `TZ` value names: `Europe/Paris` or `:Europe/Paris`; none for
/// POSIX rules such as `CET-1CEST` or an unknown name.
fn zone_from_tz_variable(value: Option<&str>) -> Option<Tz> {
    let name = value?.trim().trim_start_matches(':');
    parse_zone(name).ok()
}

/// An instant as a wall clock in `zone` shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DisplayTime {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub time: String,
    pub zone: String,
    /// The zone's offset from UTC at that instant, in minutes (120 for
    /// Paris in summer).
    pub utc_offset_minutes: i32,
}

/// `post`'s instant on the wall clock of `zone` (the audience's or the
/// computer's); none for a backlog idea.
pub fn display_time(post: &PostSummary, zone: Tz) -> Result<Option<DisplayTime>> {
    let Some(at) = post.planned_at.as_deref() else {
        return Ok(None);
    };
    let instant = parse_instant("plannedAt", at)?;
    let (date, time) = utc_to_local(instant, zone);
    let offset = instant
        .with_timezone(&zone)
        .offset()
        .fix()
        .local_minus_utc()
        / 60;
    Ok(Some(DisplayTime {
        date: format_date(date),
        time: format_time(time),
        zone: zone.name().to_string(),
        utc_offset_minutes: offset,
    }))
}

#[cfg(test)]
mod tz_variable_tests {
    use super::*;

    #[test]
    fn a_tz_variable_naming_a_zone_is_read() {
        assert_eq!(
            zone_from_tz_variable(Some("Europe/Paris")),
            Some(chrono_tz::Europe::Paris)
        );
        assert_eq!(
            zone_from_tz_variable(Some(":America/Montreal")),
            Some(chrono_tz::America::Montreal)
        );
        assert_eq!(zone_from_tz_variable(Some("CET-1CEST")), None);
        assert_eq!(zone_from_tz_variable(Some("")), None);
        assert_eq!(zone_from_tz_variable(None), None);
    }
}
