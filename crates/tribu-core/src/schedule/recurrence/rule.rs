//! A recurrence rule as a post accepts it: an RRULE checked part by part,
//! edited (a new end, a shifted start) and walked from the series start.
//! What the occurrences mean (local times kept, skipped times shifted) is
//! said in the parent module.

use std::ops::ControlFlow;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Reason, Result};
use crate::time::{MAX_YEAR, MIN_YEAR};

/// Longest rule text accepted; real rules are a few dozen characters.
const MAX_RULE_LEN: usize = 300;
const MAX_INTERVAL: u32 = 1_000;
const MAX_COUNT: u32 = 10_000;

fn invalid(reason: Reason, message: impl Into<String>) -> Error {
    Error::validation("rrule", reason, message)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// The end of a series as UNTIL says it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Until {
    /// `UNTIL=20270630`: through that local day.
    Date(NaiveDate),
    /// `UNTIL=20270630T090000`: a local date and time in the post's zone.
    Floating(NaiveDateTime),
    /// `UNTIL=20270630T070000Z`: an instant.
    Instant(DateTime<Utc>),
}

/// A checked recurrence rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The rule's parts in the user's order, names and values upper-cased.
    parts: Vec<(String, String)>,
    freq: Freq,
    count: Option<u32>,
    until: Option<Until>,
    /// The rule without UNTIL, which is applied here (see [`Until`]).
    expander: rrule::RRule<rrule::Unvalidated>,
}

impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.parts == other.parts
    }
}

/// Checks an RRULE value (`FREQ=WEEKLY;BYDAY=MO`, with or without the
/// `RRULE:` prefix) and says what is wrong in `reason`: `malformed_rule`,
/// `missing_frequency`, `unknown_frequency`, `unsupported_frequency`,
/// `unknown_part`, `unsupported_part`, `duplicate_part`, `invalid_interval`,
/// `invalid_count`, `invalid_until`, `count_and_until`, `date_out_of_range`,
/// `invalid_by_day`, `invalid_rule` (and, once the start is known,
/// `no_occurrence`: see [`Rule::check_occurs`]).
pub fn parse_rule(text: &str) -> Result<Rule> {
    // User text: cut only on character boundaries, never at a byte count.
    let mut body = text.trim();
    if let Some(rest) = strip_prefix_ignore_case(body, "RRULE:") {
        body = rest.trim();
    }
    if body.is_empty() {
        return Err(invalid(
            Reason::MalformedRule,
            "the recurrence rule is empty",
        ));
    }
    if body.chars().count() > MAX_RULE_LEN {
        return Err(invalid(
            Reason::TooLong,
            format!("a recurrence rule is at most {MAX_RULE_LEN} characters"),
        ));
    }
    let mut parts: Vec<(String, String)> = Vec::new();
    for part in body.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, value) = part.split_once('=').ok_or_else(|| {
            invalid(
                Reason::MalformedRule,
                format!("\"{part}\" is not NAME=VALUE in the recurrence rule"),
            )
        })?;
        let (name, value) = (
            name.trim().to_ascii_uppercase(),
            value.trim().to_ascii_uppercase(),
        );
        if name.is_empty() || value.is_empty() {
            return Err(invalid(
                Reason::MalformedRule,
                format!("\"{part}\" is not NAME=VALUE in the recurrence rule"),
            ));
        }
        if parts.iter().any(|(n, _)| *n == name) {
            return Err(invalid(
                Reason::DuplicatePart,
                format!("{name} appears twice in the recurrence rule"),
            ));
        }
        match name.as_str() {
            "FREQ" | "INTERVAL" | "COUNT" | "UNTIL" | "BYDAY" | "BYMONTHDAY" | "BYMONTH"
            | "BYYEARDAY" | "BYWEEKNO" | "BYSETPOS" | "WKST" => {}
            "BYHOUR" | "BYMINUTE" | "BYSECOND" => {
                return Err(invalid(
                    Reason::UnsupportedPart,
                    format!("{name} is not supported: a recurring post keeps its own time of day"),
                ));
            }
            _ => {
                return Err(invalid(
                    Reason::UnknownPart,
                    format!("{name} is not a recurrence rule part"),
                ));
            }
        }
        parts.push((name, value));
    }
    if parts.is_empty() {
        return Err(invalid(
            Reason::MalformedRule,
            "the recurrence rule is empty",
        ));
    }
    let get = |name: &str| {
        parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };

    let freq = match get("FREQ") {
        None => {
            return Err(invalid(
                Reason::MissingFrequency,
                "a recurrence rule needs FREQ",
            ))
        }
        Some("DAILY") => Freq::Daily,
        Some("WEEKLY") => Freq::Weekly,
        Some("MONTHLY") => Freq::Monthly,
        Some("YEARLY") => Freq::Yearly,
        Some(f @ ("HOURLY" | "MINUTELY" | "SECONDLY")) => {
            return Err(invalid(
                Reason::UnsupportedFrequency,
                format!("FREQ={f} is not supported: posts recur daily at most"),
            ));
        }
        Some(other) => {
            return Err(invalid(
                Reason::UnknownFrequency,
                format!("unknown frequency \"{other}\" (DAILY, WEEKLY, MONTHLY or YEARLY)"),
            ));
        }
    };
    if let Some(text) = get("INTERVAL") {
        match text.parse::<u32>() {
            Ok(n) if (1..=MAX_INTERVAL).contains(&n) => {}
            _ => {
                return Err(invalid(
                    Reason::InvalidInterval,
                    format!("INTERVAL must be a whole number from 1 to {MAX_INTERVAL}"),
                ));
            }
        }
    }
    let count = match get("COUNT") {
        None => None,
        Some(text) => match text.parse::<u32>() {
            Ok(n) if (1..=MAX_COUNT).contains(&n) => Some(n),
            _ => {
                return Err(invalid(
                    Reason::InvalidCount,
                    format!("COUNT must be a whole number from 1 to {MAX_COUNT}"),
                ));
            }
        },
    };
    let until = get("UNTIL").map(parse_until).transpose()?;
    if count.is_some() && until.is_some() {
        return Err(invalid(
            Reason::CountAndUntil,
            "a recurrence rule ends either after COUNT occurrences or at UNTIL, not both",
        ));
    }
    if let Some(days) = get("BYDAY") {
        for day in days.split(',') {
            let day = day.trim();
            let (number, name) = split_weekday(day);
            let known = matches!(name, "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU");
            let number_ok = number.is_empty()
                || number
                    .trim_start_matches(['+', '-'])
                    .parse::<u8>()
                    .is_ok_and(|n| (1..=53).contains(&n));
            if !known || !number_ok {
                return Err(invalid(
                    Reason::InvalidByDay,
                    format!("\"{day}\" is not a weekday such as MO, or 2TU, or -1FR"),
                ));
            }
            if !number.is_empty() && !matches!(freq, Freq::Monthly | Freq::Yearly) {
                return Err(invalid(
                    Reason::InvalidByDay,
                    format!("\"{day}\" (a numbered weekday) needs FREQ=MONTHLY or YEARLY"),
                ));
            }
        }
    }
    let without_until = parts
        .iter()
        .filter(|(n, _)| n != "UNTIL")
        .map(|(n, v)| format!("{n}={v}"))
        .collect::<Vec<_>>()
        .join(";");
    let expander: rrule::RRule<rrule::Unvalidated> = without_until
        .parse()
        .map_err(|e: rrule::RRuleError| invalid(Reason::InvalidRule, e.to_string()))?;
    // The remaining checks (ranges of BYMONTHDAY, BYSETPOS...) do not depend on
    // the start; any valid start shows them.
    let probe = rrule::Tz::UTC
        .with_ymd_and_hms(2000, 1, 1, 0, 0, 0)
        .single()
        .ok_or_else(|| invalid(Reason::InvalidRule, "cannot check the rule"))?;
    expander
        .clone()
        .validate(probe)
        .map_err(|e| invalid(Reason::InvalidRule, e.to_string()))?;
    Ok(Rule {
        parts,
        freq,
        count,
        until,
        expander,
    })
}

/// `text` without `prefix` (ASCII, any case) when it starts with it.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    // `None` when byte `prefix.len()` falls inside a character: no prefix.
    let (head, rest) = text.split_at_checked(prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then_some(rest)
}

/// `-1FR` as `("-1", "FR")`: the weekday is the last two characters (not
/// bytes: `BYDAY=€` is a wrong weekday, not a cut through a character).
fn split_weekday(day: &str) -> (&str, &str) {
    let at = day.char_indices().rev().nth(1).map_or(0, |(i, _)| i);
    day.split_at_checked(at).unwrap_or(("", day))
}

fn parse_until(text: &str) -> Result<Until> {
    let bad = || {
        invalid(
            Reason::InvalidUntil,
            format!(
                "UNTIL \"{text}\" is not a date (20270630) or a date and time (20270630T090000Z)"
            ),
        )
    };
    let until = if let Some(stamp) = text.strip_suffix('Z') {
        let local = NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
        Until::Instant(local.and_utc())
    } else if text.contains('T') {
        Until::Floating(NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").map_err(|_| bad())?)
    } else {
        Until::Date(NaiveDate::parse_from_str(text, "%Y%m%d").map_err(|_| bad())?)
    };
    let year = match until {
        Until::Date(d) => d.year(),
        Until::Floating(t) => t.year(),
        Until::Instant(t) => t.year(),
    };
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(invalid(
            Reason::DateOutOfRange,
            format!("UNTIL must lie between {MIN_YEAR} and {MAX_YEAR}"),
        ));
    }
    Ok(until)
}

impl Rule {
    /// The rule as stored: `FREQ=WEEKLY;BYDAY=MO`.
    pub fn as_text(&self) -> String {
        self.parts
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join(";")
    }

    pub fn count(&self) -> Option<u32> {
        self.count
    }

    /// The same rule ending after `count` occurrences (and no UNTIL).
    pub(crate) fn with_count(&self, count: u32) -> Result<Rule> {
        self.with_part("COUNT", Some(count.to_string()), "UNTIL")
    }

    /// The same rule ending at `until` (and no COUNT).
    pub(crate) fn with_until(&self, until: DateTime<Utc>) -> Result<Rule> {
        let stamp = until.format("%Y%m%dT%H%M%SZ").to_string();
        self.with_part("UNTIL", Some(stamp), "COUNT")
    }

    /// For a series moved by `days` from this one: a weekly rule on given
    /// weekdays moves to the same weekdays shifted (a Monday series moved to
    /// Tuesday becomes a Tuesday series), a rule on a given day of the month
    /// moves to the new day. Other rules follow their own parts.
    pub(crate) fn shifted(&self, days: i64, new_start: NaiveDate) -> Result<Rule> {
        let mut rule = self.clone();
        if days.rem_euclid(7) != 0 && self.freq == Freq::Weekly {
            if let Some(by_day) = self.part("BYDAY") {
                let shifted = by_day
                    .split(',')
                    .map(|d| shift_weekday(d.trim(), days))
                    .collect::<Vec<_>>()
                    .join(",");
                rule = rule.with_part("BYDAY", Some(shifted), "")?;
            }
        }
        if days != 0 && matches!(self.freq, Freq::Monthly | Freq::Yearly) {
            if let Some(by_month_day) = self.part("BYMONTHDAY") {
                if !by_month_day.contains(',') && !by_month_day.starts_with('-') {
                    rule = rule.with_part("BYMONTHDAY", Some(new_start.day().to_string()), "")?;
                }
            }
        }
        Ok(rule)
    }

    fn part(&self, name: &str) -> Option<&str> {
        self.parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The rule with `name` set to `value` (or removed) and `drop` removed.
    fn with_part(&self, name: &str, value: Option<String>, drop: &str) -> Result<Rule> {
        let mut parts: Vec<(String, String)> = self
            .parts
            .iter()
            .filter(|(n, _)| n != drop)
            .cloned()
            .collect();
        match (parts.iter_mut().find(|(n, _)| n == name), value) {
            (Some(slot), Some(v)) => slot.1 = v,
            (Some(_), None) => parts.retain(|(n, _)| n != name),
            (None, Some(v)) => parts.push((name.to_string(), v)),
            (None, None) => {}
        }
        let text = parts
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join(";");
        parse_rule(&text)
    }

    /// Refuses a rule that gives no occurrence from `start` on (February
    /// 30th, an UNTIL before the start): the post would vanish from the
    /// calendar.
    pub(crate) fn check_occurs(&self, start: DateTime<Utc>, zone: Tz) -> Result<()> {
        let mut any = false;
        self.each(start, zone, |_| {
            any = true;
            ControlFlow::Break(())
        })?;
        if any {
            Ok(())
        } else {
            Err(invalid(
                Reason::NoOccurrence,
                "this rule gives no date from the post's date on",
            ))
        }
    }

    /// Calls `visit` with every occurrence from the series start (`start`,
    /// in `zone`) in time order, until it breaks, the rule ends, or the year
    /// passes [`MAX_YEAR`].
    pub(crate) fn each(
        &self,
        start: DateTime<Utc>,
        zone: Tz,
        mut visit: impl FnMut(DateTime<Utc>) -> ControlFlow<()>,
    ) -> Result<()> {
        let rtz = rrule::Tz::Tz(zone);
        // `limit`: a search that finds nothing for 100,000 periods in a row
        // stops (rules that never match are refused on input, see
        // `check_occurs`; this bounds the cost of any that slips through).
        let set = self
            .expander
            .clone()
            .build(start.with_timezone(&rtz))
            .map_err(|e| invalid(Reason::InvalidRule, e.to_string()))?
            .limit();
        for at in &set {
            let local = at.naive_local();
            let past_until = match self.until {
                Some(Until::Date(d)) => local.date() > d,
                Some(Until::Floating(t)) => local > t,
                Some(Until::Instant(t)) => at.with_timezone(&Utc) > t,
                None => false,
            };
            if past_until || local.year() > MAX_YEAR {
                break;
            }
            if visit(at.with_timezone(&Utc)).is_break() {
                break;
            }
        }
        Ok(())
    }
}

fn shift_weekday(day: &str, days: i64) -> String {
    const NAMES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    let (number, name) = split_weekday(day);
    match NAMES.iter().position(|n| *n == name) {
        Some(i) => format!(
            "{number}{}",
            NAMES[(i as i64 + days).rem_euclid(7) as usize]
        ),
        None => day.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason_of(text: &str) -> Reason {
        match parse_rule(text) {
            Err(Error::Validation {
                field: "rrule",
                reason,
                ..
            }) => reason,
            other => panic!("{text:?}: expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn text_that_is_not_ascii_is_refused_not_a_panic() {
        // Byte 6 falls inside "é", inside "€", or a prefix looks like "RRULE:".
        assert_eq!(reason_of("aééé"), Reason::MalformedRule);
        assert_eq!(reason_of("RRULEé"), Reason::MalformedRule);
        assert_eq!(reason_of("rrulé:FREQ=DAILY"), Reason::UnknownPart);
        assert_eq!(reason_of("€€€"), Reason::MalformedRule);
        // A weekday whose last two bytes are not characters.
        assert_eq!(reason_of("FREQ=WEEKLY;BYDAY=€"), Reason::InvalidByDay);
        assert_eq!(reason_of("FREQ=MONTHLY;BYDAY=1é"), Reason::InvalidByDay);
        assert_eq!(
            reason_of("FREQ=MONTHLY;BYDAY=MO,-1ÉFR"),
            Reason::InvalidByDay
        );
        assert_eq!(reason_of("FREQ=WEEKLY;BYDAY=ÉMO"), Reason::InvalidByDay);
        // Unicode elsewhere: names, frequencies, numbers, dates.
        assert_eq!(reason_of("FRÉQ=DAILY"), Reason::UnknownPart);
        assert_eq!(reason_of("FREQ=DAILÉ"), Reason::UnknownFrequency);
        assert_eq!(reason_of("FREQ=DAILY;COUNT=３"), Reason::InvalidCount);
        assert_eq!(reason_of("FREQ=DAILY;INTERVAL=２"), Reason::InvalidInterval);
        assert_eq!(
            reason_of("FREQ=DAILY;UNTIL=2027０630"),
            Reason::InvalidUntil
        );
        assert_eq!(
            reason_of("FREQ=DAILY;UNTIL=2027063€Z"),
            Reason::InvalidUntil
        );
        assert_eq!(reason_of("FREQ=MONTHLY;BYMONTHDAY=€"), Reason::InvalidRule);
    }

    #[test]
    fn the_prefix_is_taken_in_any_case_and_only_whole() {
        assert_eq!(
            parse_rule(" rRuLe: FREQ=DAILY").unwrap().as_text(),
            "FREQ=DAILY"
        );
        assert_eq!(reason_of("RRULE:"), Reason::MalformedRule);
        assert_eq!(reason_of("RRULE"), Reason::MalformedRule);
    }

    #[test]
    fn canonical_text_and_edits() {
        let rule = parse_rule("rrule: freq=weekly;byday=mo,th;").unwrap();
        assert_eq!(rule.as_text(), "FREQ=WEEKLY;BYDAY=MO,TH");
        assert_eq!(
            rule.with_count(4).unwrap().as_text(),
            "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4"
        );
        let until = "2027-06-30T21:59:59Z".parse().unwrap();
        assert_eq!(
            rule.with_count(4)
                .unwrap()
                .with_until(until)
                .unwrap()
                .as_text(),
            "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270630T215959Z"
        );
        // Monday and Thursday moved by one day: Tuesday and Friday.
        let day = NaiveDate::from_ymd_opt(2027, 3, 23).unwrap();
        assert_eq!(
            rule.shifted(1, day).unwrap().as_text(),
            "FREQ=WEEKLY;BYDAY=TU,FR"
        );
        assert_eq!(
            rule.shifted(-1, day).unwrap().as_text(),
            "FREQ=WEEKLY;BYDAY=SU,WE"
        );
    }
}
