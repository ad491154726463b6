//! Dates, times and zones. Instants are stored in UTC with the IANA zone the
//! post is planned in; what the user sees and edits is the local date and time
//! in that zone. Everything that turns one into the other lives here.

use crate::error::Reason;
use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};

/// Years outside this range are refused: they are typing mistakes, and the
/// calendar and recurrence code need bounds.
pub const MIN_YEAR: i32 = 1970;
pub const MAX_YEAR: i32 = 2200;

pub fn parse_zone(zone: &str) -> Result<Tz> {
    zone.trim().parse::<Tz>().map_err(|_| {
        Error::validation(
            "zone",
            Reason::UnknownZone,
            format!("unknown time zone \"{zone}\""),
        )
    })
}

pub fn parse_date(date: &str) -> Result<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| {
        Error::validation(
            "date",
            Reason::InvalidDate,
            format!("\"{date}\" is not a date (YYYY-MM-DD)"),
        )
    })?;
    check_year(parsed)
}

pub fn check_year(date: NaiveDate) -> Result<NaiveDate> {
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(Error::validation(
            "date",
            Reason::DateOutOfRange,
            format!("dates must lie between {MIN_YEAR} and {MAX_YEAR}"),
        ))
    }
}

pub fn parse_time(time: &str) -> Result<NaiveTime> {
    let t = time.trim();
    NaiveTime::parse_from_str(t, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
        .map_err(|_| {
            Error::validation(
                "time",
                Reason::InvalidTime,
                format!("\"{time}\" is not a time (HH:MM)"),
            )
        })
}

/// The UTC instant of a local date and time in `zone`.
///
/// A time that occurs twice (the autumn change) is taken at its first
/// occurrence; a time that does not exist (skipped by the spring change) is
/// refused rather than silently shifted, so the user decides.
pub fn local_to_utc(date: NaiveDate, time: NaiveTime, zone: Tz) -> Result<DateTime<Utc>> {
    match zone.from_local_datetime(&date.and_time(time)) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(Error::validation(
            "time",
            Reason::NonexistentLocalTime,
            format!(
                "{} {} does not exist in {} (the clocks skip it)",
                date,
                time.format("%H:%M"),
                zone.name()
            ),
        )),
    }
}

/// Local date and time of `instant` in `zone`.
pub fn utc_to_local(instant: DateTime<Utc>, zone: Tz) -> (NaiveDate, NaiveTime) {
    let local = instant.with_timezone(&zone).naive_local();
    (local.date(), local.time())
}

pub fn from_unix(secs: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp(secs, 0)
        .ok_or_else(|| Error::Storage(format!("timestamp {secs} out of range")))
}

// The formatters below write digits by hand: the calendar converts thousands
// of rows per query, and `format!`/chrono patterns were most of the cost of a
// month range query on a busy workspace.

/// Appends `value` in decimal, left-padded with zeros to `width`.
fn push_digits(out: &mut String, mut value: u32, width: usize) {
    let mut digits = [0u8; 10];
    let mut n = 0;
    loop {
        digits[n] = (value % 10) as u8;
        value /= 10;
        n += 1;
        if value == 0 {
            break;
        }
    }
    for _ in n..width {
        out.push('0');
    }
    for &d in digits[..n].iter().rev() {
        out.push(char::from(b'0' + d));
    }
}

fn push_date(out: &mut String, date: NaiveDate) {
    push_digits(out, date.year().max(0) as u32, 4);
    out.push('-');
    push_digits(out, date.month(), 2);
    out.push('-');
    push_digits(out, date.day(), 2);
}

/// `YYYY-MM-DD`.
pub fn format_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_date(&mut out, date);
    out
}

/// `HH:MM`.
pub fn format_time(time: NaiveTime) -> String {
    let mut out = String::with_capacity(5);
    push_digits(&mut out, time.hour(), 2);
    out.push(':');
    push_digits(&mut out, time.minute(), 2);
    out
}

/// RFC 3339 in UTC: `2027-03-26T08:00:00Z`, or with milliseconds.
fn format_instant(instant: DateTime<Utc>, millis: bool) -> String {
    let mut out = String::with_capacity(24);
    push_date(&mut out, instant.date_naive());
    out.push('T');
    let t = instant.time();
    push_digits(&mut out, t.hour(), 2);
    out.push(':');
    push_digits(&mut out, t.minute(), 2);
    out.push(':');
    push_digits(&mut out, t.second(), 2);
    if millis {
        out.push('.');
        push_digits(&mut out, instant.timestamp_subsec_millis(), 3);
    }
    out.push('Z');
    out
}

/// RFC 3339 in UTC to the second: `2027-03-26T08:00:00Z`.
pub fn format_utc(instant: DateTime<Utc>) -> String {
    format_instant(instant, false)
}

/// RFC 3339 in UTC to the millisecond, from unix milliseconds.
pub fn format_millis(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms)
        .map(|t| format_instant(t, true))
        .unwrap_or_default()
}

/// An instant given by the UI as RFC 3339 (FullCalendar's range bounds).
pub fn parse_instant(field: &'static str, value: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            Error::validation(
                field,
                Reason::InvalidInstant,
                format!("\"{value}\" is not an instant"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }
    fn t(s: &str) -> NaiveTime {
        parse_time(s).unwrap()
    }

    #[test]
    fn paris_winter_and_summer_offsets() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        // 09:00 CET is 08:00 UTC; 09:00 CEST is 07:00 UTC.
        assert_eq!(
            format_utc(local_to_utc(d("2027-03-26"), t("09:00"), paris).unwrap()),
            "2027-03-26T08:00:00Z"
        );
        assert_eq!(
            format_utc(local_to_utc(d("2027-03-29"), t("09:00"), paris).unwrap()),
            "2027-03-29T07:00:00Z"
        );
    }

    #[test]
    fn skipped_time_is_refused_and_repeated_time_takes_first() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        // 2027-03-28: clocks go from 02:00 to 03:00.
        let err = local_to_utc(d("2027-03-28"), t("02:30"), paris).unwrap_err();
        assert!(matches!(
            err,
            Error::Validation {
                reason: Reason::NonexistentLocalTime,
                ..
            }
        ));
        // 2027-10-31: 02:30 happens twice; first one is CEST (UTC+2) = 00:30 UTC.
        assert_eq!(
            format_utc(local_to_utc(d("2027-10-31"), t("02:30"), paris).unwrap()),
            "2027-10-31T00:30:00Z"
        );
    }

    #[test]
    fn hand_written_formats_match_chrono() {
        let instant = DateTime::from_timestamp_millis(1_806_051_845_007).unwrap();
        assert_eq!(
            format_millis(1_806_051_845_007),
            instant.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        );
        assert_eq!(
            format_utc(instant),
            instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
        assert_eq!(format_date(d("1970-01-01")), "1970-01-01");
        assert_eq!(format_date(d("2200-12-31")), "2200-12-31");
        assert_eq!(format_time(t("00:05")), "00:05");
        assert_eq!(format_time(t("23:59")), "23:59");
        assert_eq!(format_millis(0), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn bad_inputs_are_validation_errors() {
        assert!(matches!(
            parse_date("2027-02-30"),
            Err(Error::Validation { field: "date", .. })
        ));
        assert!(matches!(
            parse_date("1969-12-31"),
            Err(Error::Validation {
                reason: Reason::DateOutOfRange,
                ..
            })
        ));
        assert!(matches!(
            parse_date("2201-01-01"),
            Err(Error::Validation {
                reason: Reason::DateOutOfRange,
                ..
            })
        ));
        assert!(matches!(
            parse_time("25:00"),
            Err(Error::Validation { field: "time", .. })
        ));
        assert!(matches!(
            parse_zone("Mars/Olympus"),
            Err(Error::Validation { field: "zone", .. })
        ));
        assert!(parse_instant("start", "yesterday").is_err());
        assert_eq!(
            format_utc(parse_instant("start", "2027-03-01T00:00:00+01:00").unwrap()),
            "2027-02-28T23:00:00Z"
        );
    }
}
