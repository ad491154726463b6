//! Property tests of the recurrence rule parser: whatever text a user or a
//! file hands it (arbitrary strings, RRULE-like text with unicode slipped in
//! anywhere), `parse_rule` never panics and either accepts the rule or says
//! why in a validation error on `rrule`. A rule it accepts reads back from
//! its own text as the same rule, and expands to occurrences in time order,
//! at most one a day, inside the range asked for.

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use tribu_core::error::Reason;
use tribu_core::schedule::{occurrences, parse_rule, Rule, Series};
use tribu_core::Error;

/// The reasons `parse_rule` documents.
const REASONS: &[Reason] = &[
    Reason::MalformedRule,
    Reason::TooLong,
    Reason::MissingFrequency,
    Reason::UnknownFrequency,
    Reason::UnsupportedFrequency,
    Reason::UnknownPart,
    Reason::UnsupportedPart,
    Reason::DuplicatePart,
    Reason::InvalidInterval,
    Reason::InvalidCount,
    Reason::InvalidUntil,
    Reason::CountAndUntil,
    Reason::DateOutOfRange,
    Reason::InvalidByDay,
    Reason::InvalidRule,
];

/// The rule, or `None` for a validation error on `rrule` with one of the
/// documented reasons; anything else fails the case.
fn checked(text: &str) -> Result<Option<Rule>, TestCaseError> {
    match parse_rule(text) {
        Ok(rule) => Ok(Some(rule)),
        Err(Error::Validation {
            field: "rrule",
            reason,
            message,
        }) => {
            prop_assert!(
                REASONS.contains(&reason),
                "{text:?}: undocumented reason {reason}"
            );
            prop_assert!(!message.is_empty());
            Ok(None)
        }
        Err(other) => Err(TestCaseError::fail(format!(
            "{text:?}: expected Ok or a validation error on rrule, got {other:?}"
        ))),
    }
}

/// What holds of every rule accepted: its text is canonical (upper case, no
/// spaces, no prefix) and reads back as the same rule.
fn round_trips(text: &str, rule: &Rule) -> Result<(), TestCaseError> {
    let canonical = rule.as_text();
    prop_assert_eq!(&canonical, &canonical.to_ascii_uppercase());
    prop_assert!(!canonical.contains(' '), "{:?}", canonical);
    prop_assert!(!canonical.starts_with("RRULE:"));
    let again = parse_rule(&canonical)
        .map_err(|e| TestCaseError::fail(format!("{text:?} -> {canonical:?}: {e}")))?;
    prop_assert_eq!(&again, rule);
    prop_assert_eq!(&again.as_text(), &canonical);
    prop_assert_eq!(again.count(), rule.count());
    // The prefix and the case of the user's text change nothing.
    let prefixed = parse_rule(&format!(" rrule:{} ", canonical.to_ascii_lowercase()))
        .map_err(|e| TestCaseError::fail(format!("{canonical:?} in lower case: {e}")))?;
    prop_assert_eq!(&prefixed, rule);
    Ok(())
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Occurrences over one year from a fixed start: in time order, one a day
/// at most, inside the range, no more than COUNT.
fn expands_sanely(rule: &Rule) -> Result<(), TestCaseError> {
    let series = Series {
        post_id: "p",
        start: utc("2027-03-01T08:00:00Z"),
        zone: chrono_tz::Europe::Paris,
        rule,
        exceptions: &[],
    };
    let (from, to) = (utc("2027-01-01T00:00:00Z"), utc("2028-01-01T00:00:00Z"));
    let list = occurrences(&series, from, to)
        .map_err(|e| TestCaseError::fail(format!("{}: {e}", rule.as_text())))?;
    for pair in list.windows(2) {
        prop_assert!(pair[0].planned_at < pair[1].planned_at);
        prop_assert!(pair[0].occurrence_date < pair[1].occurrence_date);
    }
    for o in &list {
        let at = utc(&o.planned_at);
        prop_assert!(at >= series.start && at >= from && at < to);
        // The post's local time is kept (09:00 in Paris), DST or not.
        prop_assert_eq!(&o.local_time, "09:00");
        prop_assert_eq!(&o.local_date, &o.occurrence_date);
    }
    if let Some(count) = rule.count() {
        prop_assert!(list.len() <= count as usize);
    }
    Ok(())
}

/// Characters that break byte arithmetic or look like something else: two-,
/// three- and four-byte characters, combining marks, invisible ones, look-
/// alike digits and letters, controls.
fn odd_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            'é', 'É', '€', '𝔘', '😀', '\u{301}', '\u{200b}', '\u{feff}', '\u{202e}', '\u{a0}',
            '\u{3000}', '０', '３', 'Ｍ', 'ı', 'İ', 'ß', '\0', '\t', '\n', '\u{7f}', '=', ';', ',',
            ':', '-', '+',
        ]),
        any::<char>(),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(vec![
            "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH",
            "BYYEARDAY", "BYWEEKNO", "BYSETPOS", "WKST", "BYHOUR", "BYMINUTE", "BYSECOND",
            "freq", "ByDay", "COLOR", "",
        ])
        .prop_map(String::from),
        1 => "[A-Za-z]{1,10}",
    ]
}

fn weekday() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", "", "", "1", "2", "-1", "+3", "53", "54", "0"]),
        prop::sample::select(vec![
            "MO", "TU", "WE", "TH", "FR", "SA", "SU", "mo", "XX", "M",
        ]),
    )
        .prop_map(|(n, d)| format!("{n}{d}"))
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "DAILY",
            "WEEKLY",
            "MONTHLY",
            "YEARLY",
            "HOURLY",
            "MINUTELY",
            "SECONDLY",
            "weekly",
            "FORTNIGHTLY",
            "MO",
        ])
        .prop_map(String::from),
        (-400i32..400).prop_map(|n| n.to_string()),
        prop::collection::vec(-40i32..40, 1..4).prop_map(|v| v
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(",")),
        prop::collection::vec(weekday(), 1..4).prop_map(|v| v.join(",")),
        (1960u32..2240, 1u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}{m:02}{d:02}")),
        (1960u32..2240, 1u32..13, 1u32..29, 0u32..25, any::<bool>()).prop_map(
            |(y, m, d, h, z)| format!("{y:04}{m:02}{d:02}T{h:02}0000{}", if z { "Z" } else { "" })
        ),
        "[0-9A-Za-z,+-]{0,8}",
    ]
}

fn numbers(range: std::ops::Range<i32>, most: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(range, 1..most).prop_map(|v| {
        v.iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(",")
    })
}

/// A part as a rule would have it, its value fit for its name (mostly).
fn fitting_part() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..6).prop_map(|n| format!("INTERVAL={n}")),
        (0u32..30).prop_map(|n| format!("COUNT={n}")),
        prop::collection::vec(weekday(), 1..3).prop_map(|v| format!("BYDAY={}", v.join(","))),
        numbers(-32..33, 3).prop_map(|v| format!("BYMONTHDAY={v}")),
        numbers(0..14, 3).prop_map(|v| format!("BYMONTH={v}")),
        numbers(-3..4, 2).prop_map(|v| format!("BYSETPOS={v}")),
        prop::sample::select(vec!["WKST=MO", "WKST=SU", "wkst=su"]).prop_map(String::from),
        (2026u32..2030, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| format!("UNTIL={y:04}{m:02}{d:02}")),
        (2026u32..2030, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| format!("until={y:04}{m:02}{d:02}t080000z")),
    ]
}

/// `NAME=VALUE` parts joined by `;`, some malformed, with an optional prefix.
fn rule_like() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        12 => fitting_part(),
        3 => (name(), value()).prop_map(|(n, v)| format!("{n}={v}")),
        1 => value(),
        1 => (name(), value(), value()).prop_map(|(n, a, b)| format!("{n}={a}={b}")),
        1 => Just(" ".to_string()),
    ];
    (
        prop::sample::select(vec!["", "", "RRULE:", "rrule:", "RRULE", " RRule: "]),
        prop_oneof![
            4 => prop::sample::select(vec!["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "weekly"]).prop_map(String::from),
            1 => value(),
        ]
        .prop_map(|f| format!("FREQ={f}")),
        prop::collection::vec(part, 0..3),
        any::<bool>(),
    )
        .prop_map(|(prefix, freq, parts, trailing)| {
            let mut all = vec![freq];
            all.extend(parts);
            let mut text = format!("{prefix}{}", all.join(";"));
            if trailing {
                text.push(';');
            }
            text
        })
}

/// `text` with `chars` inserted at character positions (taken modulo its length).
fn with_inserted(text: &str, inserts: &[(usize, char)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(at, c) in inserts {
        let at = at % (chars.len() + 1);
        chars.insert(at, c);
    }
    chars.into_iter().collect()
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig::with_cases(cases)
}

/// Runs the checks on `text`: a refusal passes once its reason is checked.
fn property(text: &str, expand: bool) -> Result<(), TestCaseError> {
    if let Some(rule) = checked(text)? {
        round_trips(text, &rule)?;
        if expand {
            expands_sanely(&rule)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(2_000))]

    #[test]
    fn arbitrary_text_is_accepted_or_refused_with_a_reason(text in any::<String>()) {
        property(&text, false)?;
    }

    #[test]
    fn arbitrary_text_after_a_valid_start(
        text in any::<String>(),
        prefix in prop::sample::select(vec!["RRULE:", "FREQ=", "FREQ=WEEKLY;BYDAY=", "FREQ=DAILY;UNTIL="]),
    ) {
        property(&format!("{prefix}{text}"), false)?;
    }
}

proptest! {
    #![proptest_config(config(1_500))]

    #[test]
    fn rule_like_text_with_unicode_inserted(
        text in rule_like(),
        inserts in prop_oneof![
            Just(Vec::new()),
            prop::collection::vec((any::<usize>(), odd_char()), 1..4),
        ],
    ) {
        property(&with_inserted(&text, &inserts), false)?;
    }

    /// The characters of an accepted rule one by one replaced by unicode:
    /// every byte offset of the text falls inside a character once.
    #[test]
    fn every_position_of_a_rule_can_hold_a_wide_character(
        c in prop::sample::select(vec!['é', '€', '𝔘', '\u{301}']),
        rule in prop::sample::select(vec![
            "RRULE:FREQ=WEEKLY;BYDAY=MO,-1FR",
            "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630T090000Z",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=3",
        ]),
    ) {
        let chars: Vec<char> = rule.chars().collect();
        for i in 0..chars.len() {
            let mut replaced = chars.clone();
            replaced[i] = c;
            property(&replaced.iter().collect::<String>(), false)?;
            property(&with_inserted(rule, &[(i, c)]), false)?;
        }
    }
}

proptest! {
    // Expanding costs more: fewer cases, on rules that mostly parse.
    #![proptest_config(config(120))]

    #[test]
    fn accepted_rules_expand_in_order_one_a_day(
        freq in prop::sample::select(vec!["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
        interval in prop::option::of(1u32..5),
        end in prop_oneof![
            Just(String::new()),
            (1u32..40).prop_map(|n| format!(";COUNT={n}")),
            Just(";UNTIL=20270901".to_string()),
            Just(";UNTIL=20270901T070000Z".to_string()),
        ],
        by_day in prop::option::of(prop::collection::vec(weekday(), 1..3)),
        by_month_day in prop::option::of(prop::collection::vec(-31i32..32, 1..3)),
        by_month in prop::option::of(1u32..13),
        by_set_pos in prop::option::of(prop_oneof![Just(1i32), Just(-1), Just(2)]),
    ) {
        let mut text = format!("FREQ={freq}");
        if let Some(n) = interval {
            text += &format!(";INTERVAL={n}");
        }
        if let Some(days) = by_day {
            text += &format!(";BYDAY={}", days.join(","));
        }
        if let Some(days) = by_month_day {
            let days: Vec<String> = days.iter().map(|d| d.to_string()).collect();
            text += &format!(";BYMONTHDAY={}", days.join(","));
        }
        if let Some(m) = by_month {
            text += &format!(";BYMONTH={m}");
        }
        if let Some(p) = by_set_pos {
            text += &format!(";BYSETPOS={p}");
        }
        text += &end;
        property(&text, true)?;
    }
}

/// The two rules of the defect report, once panics.
#[test]
fn the_reported_rules_are_refused() {
    for (text, want) in [
        ("aééé", Reason::MalformedRule),
        ("FREQ=WEEKLY;BYDAY=€", Reason::InvalidByDay),
    ] {
        match parse_rule(text) {
            Err(Error::Validation {
                field: "rrule",
                reason,
                ..
            }) => assert_eq!(reason, want, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}
