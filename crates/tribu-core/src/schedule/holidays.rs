//! French public holidays (jours fériés), computed for any year the app
//! accepts rather than stored: the calendar marks them and the rhythm of the
//! week around them changes (a bridge day, an audience on holiday).
//!
//! The eleven national holidays of metropolitan France. Three move with
//! Easter: Easter Monday (Easter + 1), Ascension (Easter + 39) and Whit Monday
//! (Easter + 50). Two facts of history are kept: 8 May is a holiday again
//! only from 1982 (abolished in 1959, restored by the law of 23 September
//! 1981), and Whit Monday, although the "solidarity day" since 2005 that
//! many employers make a working day, stays a public holiday in law and is
//! listed. The two extra days of Alsace-Moselle (Good Friday, 26 December)
//! and the overseas abolition-of-slavery days are not listed.

use crate::error::Reason;
use chrono::{Datelike, Days, NaiveDate};

use crate::error::{Error, Result};
use crate::time::{MAX_YEAR, MIN_YEAR};

/// One public holiday of a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    /// Stable name: `new_year`, `easter_monday`, `labour_day`, ...
    pub key: &'static str,
    pub date: NaiveDate,
    pub label_fr: &'static str,
    pub label_en: &'static str,
}

impl Holiday {
    /// The label in `locale` (`fr…` for French, English otherwise).
    pub fn label(&self, locale: &str) -> &'static str {
        if locale.trim().to_ascii_lowercase().starts_with("fr") {
            self.label_fr
        } else {
            self.label_en
        }
    }
}

fn check(year: i32) -> Result<()> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(Error::validation(
            "year",
            Reason::DateOutOfRange,
            format!("years must lie between {MIN_YEAR} and {MAX_YEAR}"),
        ))
    }
}

/// Easter Sunday of the Gregorian calendar, by the anonymous algorithm
/// published by Meeus (Jones–Butcher).
pub fn easter_sunday(year: i32) -> Result<NaiveDate> {
    check(year)?;
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
        .ok_or_else(|| Error::Storage(format!("no Easter date for {year}")))
}

/// The French public holidays of `year`, in date order.
pub fn french_holidays(year: i32) -> Result<Vec<Holiday>> {
    let easter = easter_sunday(year)?;
    let fixed = |month: u32, day: u32| NaiveDate::from_ymd_opt(year, month, day);
    let after_easter = |days: u64| easter.checked_add_days(Days::new(days));
    let mut list: Vec<(&'static str, Option<NaiveDate>, &'static str, &'static str)> = vec![
        ("new_year", fixed(1, 1), "Jour de l'an", "New Year's Day"),
        (
            "easter_monday",
            after_easter(1),
            "Lundi de Pâques",
            "Easter Monday",
        ),
        ("labour_day", fixed(5, 1), "Fête du Travail", "Labour Day"),
        ("ascension", after_easter(39), "Ascension", "Ascension Day"),
        (
            "whit_monday",
            after_easter(50),
            "Lundi de Pentecôte",
            "Whit Monday",
        ),
        (
            "bastille_day",
            fixed(7, 14),
            "Fête nationale",
            "Bastille Day",
        ),
        ("assumption", fixed(8, 15), "Assomption", "Assumption Day"),
        ("all_saints", fixed(11, 1), "Toussaint", "All Saints' Day"),
        (
            "armistice",
            fixed(11, 11),
            "Armistice 1918",
            "Armistice Day",
        ),
        ("christmas", fixed(12, 25), "Noël", "Christmas Day"),
    ];
    if year >= 1982 {
        list.push((
            "victory_day",
            fixed(5, 8),
            "Victoire 1945",
            "Victory in Europe Day",
        ));
    }
    let mut out = list
        .into_iter()
        .map(|(key, date, label_fr, label_en)| {
            let date = date.ok_or_else(|| Error::Storage(format!("no date for {key} {year}")))?;
            Ok(Holiday {
                key,
                date,
                label_fr,
                label_en,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    // Ascension can fall on 1 or 8 May: by date, then by name, so the order
    // is the same every time.
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.key.cmp(b.key)));
    debug_assert!(out.iter().all(|h| h.date.year() == year));
    Ok(out)
}

/// The holidays from `start` to `end`, both included.
pub fn french_holidays_between(start: NaiveDate, end: NaiveDate) -> Result<Vec<Holiday>> {
    let mut out = Vec::new();
    for year in start.year()..=end.year() {
        out.extend(
            french_holidays(year)?
                .into_iter()
                .filter(|h| h.date >= start && h.date <= end),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_on_known_dates() {
        // Dates from the published Easter tables.
        assert_eq!(easter_sunday(1970).unwrap(), d("1970-03-29"));
        assert_eq!(easter_sunday(2000).unwrap(), d("2000-04-23"));
        assert_eq!(easter_sunday(2008).unwrap(), d("2008-03-23"));
        assert_eq!(easter_sunday(2011).unwrap(), d("2011-04-24"));
        assert_eq!(easter_sunday(2200).unwrap(), d("2200-04-06"));
        assert!(easter_sunday(1969).is_err());
    }

    #[test]
    fn victory_day_from_1982() {
        let keys = |y| -> Vec<&str> { french_holidays(y).unwrap().iter().map(|h| h.key).collect() };
        assert!(!keys(1981).contains(&"victory_day"));
        assert!(keys(1982).contains(&"victory_day"));
        assert_eq!(keys(2027).len(), 11);
    }
}
