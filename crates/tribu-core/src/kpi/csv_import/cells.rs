//! Reading the cells of a network's CSV export: dates and numbers as French
//! and English spreadsheets write them (labels are compared with
//! [`crate::text::label_key`]).

use chrono::NaiveDate;

use crate::model::string_enum;
use crate::time::{MAX_YEAR, MIN_YEAR};

string_enum!(
    /// How to read a date whose year comes last, such as `05/03/2026`.
    DateOrder, "dateOrder", {
        /// 5 March: the French (and European) order, the default.
        DayFirst => "day_first",
        /// May 3: the US order, only when the user says the file uses it.
        MonthFirst => "month_first",
    }
);

/// Why a date cell was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not a date in any accepted format, or a day that does not exist.
    Invalid,
    /// A real date outside 1970–2200.
    OutOfRange,
}

fn small_number(part: &str, max_len: usize) -> Option<u32> {
    if part.is_empty() || part.len() > max_len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// The day a cell names. Accepted, separators `-`, `/` or `.`:
/// - year first: `2026-03-05`, `2026/03/05`, `2026.03.05`;
/// - year last: `05/03/2026`, `05.03.2026`, `05-03-2026`, `5/3/26`, read as
///   day/month ([`DateOrder::DayFirst`]) unless `order` says month/day: a
///   `03/05/2026` is never guessed from its numbers, since a file mixing
///   both orders would be read wrong without a word;
/// - a two-digit year is 20yy (`05/03/26` is 2026);
/// - a date and time (`2026-03-05T10:00:00Z`, `05/03/2026 10:00`): the date
///   as written, with no zone conversion, since exports date their rows in
///   the account's own time.
pub fn parse_day(text: &str, order: DateOrder) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    let date_part = text.split(['T', ' ']).next().unwrap_or(text);
    let sep = date_part
        .chars()
        .find(|c| matches!(c, '-' | '/' | '.'))
        .ok_or(DateError::Invalid)?;
    let parts: Vec<&str> = date_part.split(sep).collect();
    let [a, b, c] = parts[..] else {
        return Err(DateError::Invalid);
    };
    let (year, month, day) = if a.len() == 4 {
        (small_number(a, 4), small_number(b, 2), small_number(c, 2))
    } else {
        let year = match c.len() {
            4 => small_number(c, 4),
            2 => small_number(c, 2).map(|y| 2000 + y),
            _ => None,
        };
        match order {
            DateOrder::DayFirst => (year, small_number(b, 2), small_number(a, 2)),
            DateOrder::MonthFirst => (year, small_number(a, 2), small_number(b, 2)),
        }
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(DateError::Invalid);
    };
    let date = NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(DateError::Invalid)?;
    if (MIN_YEAR..=MAX_YEAR).contains(&(year as i32)) {
        Ok(date)
    } else {
        Err(DateError::OutOfRange)
    }
}

/// Cells that mean "no value" rather than zero.
pub fn is_missing(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "" | "-" | "–" | "—" | "n/a" | "na" | "nd" | "n.d." | "null"
    )
}

fn is_group_space(c: char) -> bool {
    // Space, no-break space, narrow no-break space (French typography),
    // thin space, and the apostrophe of Swiss exports.
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

/// A number as a French or English spreadsheet writes it: `1234.5`,
/// `1 234,5` (with a space, a no-break space or a narrow no-break space),
/// `1.234,5`, `1,234.5`, `12,5 %` (a percent sign is dropped: 12.5), with an
/// optional sign. When both `.` and `,` appear the last one is the decimal
/// mark. A lone `,` is the decimal mark too, except a `,` followed by
/// exactly three digits in a comma-separated file (`comma_file`), where
/// `"1,234"` can only be an English thousand; a lone `.` is always the
/// decimal mark. Thousands groups must have three digits, so `12.34,5` is
/// refused rather than guessed. None when the text is not such a number.
pub fn parse_number(text: &str, comma_file: bool) -> Option<f64> {
    let mut s = text.trim();
    if let Some(rest) = s.strip_suffix('%') {
        s = rest.trim_end_matches(is_group_space);
    }
    let (negative, s) = match s.chars().next()? {
        '-' | '−' => (true, &s[s.chars().next()?.len_utf8()..]),
        '+' => (false, &s[1..]),
        _ => (false, s),
    };
    let s = s.trim_start();
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',') || is_group_space(c))
    {
        return None;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,
        (_, 0) => Some('.'),
        (0, 1) => {
            let after = &s[s.find(',')? + 1..];
            let thousands = comma_file
                && after.len() == 3
                && after.bytes().all(|b| b.is_ascii_digit())
                && s.find(',')? > 0;
            (!thousands).then_some(',')
        }
        (0, _) => None,
        _ => {
            let last_dot = s.rfind('.')?;
            let last_comma = s.rfind(',')?;
            Some(if last_dot > last_comma { '.' } else { ',' })
        }
    };
    let (int_part, frac_part) = match decimal {
        Some(mark) => {
            let at = s.rfind(mark)?;
            (&s[..at], Some(&s[at + 1..]))
        }
        None => (s, None),
    };
    // The integer part: digits, or groups of three after a first group of
    // one to three, separated by the one grouping mark in use.
    let groups: Vec<&str> = int_part
        .split(|c: char| c == '.' || c == ',' || is_group_space(c))
        .collect();
    let separators: Vec<char> = int_part.chars().filter(|c| !c.is_ascii_digit()).collect();
    if separators
        .windows(2)
        .any(|w| w[0] != w[1] && !(is_group_space(w[0]) && is_group_space(w[1])))
    {
        return None;
    }
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let digits: String = groups.concat();
    let frac = frac_part.unwrap_or("");
    if !frac.bytes().all(|b| b.is_ascii_digit()) || (digits.is_empty() && frac.is_empty()) {
        return None;
    }
    let value: f64 = format!(
        "{}.{}",
        if digits.is_empty() { "0" } else { &digits },
        if frac.is_empty() { "0" } else { frac }
    )
    .parse()
    .ok()?;
    let value = if negative { -value } else { value };
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_in_every_accepted_format() {
        let d = DateOrder::DayFirst;
        for text in [
            "2026-03-05",
            "2026/03/05",
            "2026.03.05",
            "05/03/2026",
            "5/3/2026",
            "05.03.2026",
            "05-03-2026",
            "05/03/26",
            "2026-03-05T10:00:00Z",
            "2026-03-05T23:30:00+02:00",
            "05/03/2026 10:00",
            " 2026-03-05 ",
        ] {
            assert_eq!(parse_day(text, d), Ok(day("2026-03-05")), "{text}");
        }
        assert_eq!(
            parse_day("03/05/2026", DateOrder::MonthFirst),
            Ok(day("2026-03-05"))
        );
        assert_eq!(parse_day("03/05/2026", d), Ok(day("2026-05-03")));
        for bad in [
            "31/02/2026",
            "2026-13-01",
            "13/13/2026",
            "2026-03",
            "mars 2026",
            "",
            "5/3/226",
            "1/2/3/2026",
        ] {
            assert_eq!(parse_day(bad, d), Err(DateError::Invalid), "{bad}");
        }
        assert_eq!(parse_day("01/01/1900", d), Err(DateError::OutOfRange));
    }

    #[test]
    fn numbers_in_french_and_english() {
        let n = |s| parse_number(s, false);
        assert_eq!(n("1234.5"), Some(1234.5));
        assert_eq!(n("1234"), Some(1234.0));
        assert_eq!(n("1 234,5"), Some(1234.5));
        assert_eq!(n("1\u{a0}234,5"), Some(1234.5));
        assert_eq!(n("1\u{202f}234\u{202f}567,25"), Some(1_234_567.25));
        assert_eq!(n("1.234,5"), Some(1234.5));
        assert_eq!(n("1,234.5"), Some(1234.5));
        assert_eq!(n("1.234.567"), Some(1_234_567.0));
        assert_eq!(n("12,5 %"), Some(12.5));
        assert_eq!(n("12,5%"), Some(12.5));
        assert_eq!(n("12,5\u{202f}%"), Some(12.5));
        assert_eq!(n("0,75"), Some(0.75));
        assert_eq!(n("-3"), Some(-3.0));
        assert_eq!(n("−3,5"), Some(-3.5));
        assert_eq!(n("+7"), Some(7.0));
        // A lone comma is the decimal mark, unless the file is comma-separated
        // and three digits follow.
        assert_eq!(n("1,234"), Some(1.234));
        assert_eq!(parse_number("1,234", true), Some(1234.0));
        assert_eq!(parse_number("12,5", true), Some(12.5));
        for bad in [
            "",
            "abc",
            "12.34,5",
            "1,2,3.4.5",
            "1 23",
            "12a",
            "--3",
            "1.2.3,4,5",
            "%",
            "1 234.5 6",
        ] {
            assert_eq!(n(bad), None, "{bad}");
        }
    }

    #[test]
    fn missing_cells() {
        assert!(is_missing(" "));
        assert!(is_missing("N/A"));
        assert!(is_missing("—"));
        assert!(!is_missing("0"));
    }
}
