//! Property tests of the charter's validation: any section (built from
//! arbitrary text, or decoded from arbitrary JSON as the window would send
//! it) is either cleaned and accepted or refused with a validation error;
//! never a panic. What is accepted is trimmed, has no empty entries in its
//! lists of words, validates to itself, and survives the JSON round trip;
//! a length refusal is about a text that is really too long, in characters.

use proptest::prelude::*;
use serde_json::{json, Value};
use tribu_core::charter::*;
use tribu_core::error::Reason;
use tribu_core::lint::AddressForm;
use tribu_core::model::PostFormat;
use tribu_core::Error;

/// The shortest limit of a text (names, terms); the longer one is 20,000.
const SHORT: usize = 200;

/// Reasons `validated` may give.
const REASONS: &[Reason] = &[
    Reason::TooLong,
    Reason::Required,
    Reason::Duplicate,
    Reason::TooMany,
    Reason::Invalid,
    Reason::UnknownLevel,
];

/// Text as users and files bring it: any unicode, words with blanks and
/// accents around, blanks only, empty, and texts at the limits (counted in
/// characters, made of two-byte ones).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        4 => "[ \t\n\u{a0}]{0,2}[A-Za-zéÉœŒß0-9 '-]{0,12}[ \t\n\u{3000}]{0,2}",
        1 => Just(String::new()),
        1 => "[ \t\n\r\u{a0}\u{2003}\u{3000}\u{feff}]{1,4}",
        1 => (SHORT - 2..SHORT + 3, any::<bool>())
            .prop_map(|(n, pad)| if pad { format!(" {} ", "é".repeat(n)) } else { "é".repeat(n) }),
        1 => (19_998usize..20_003).prop_map(|n| "ß".repeat(n)),
    ]
}

/// Keys of lists that must be unique: from a small pool (so that duplicates
/// folding alike come up) or any text.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::sample::select(vec![
            "Lin", "lin", " LIN ", "Élan", "elan", "œuvre", "OEUVRE", "Straße", "strasse", "instagram",
        ])
        .prop_map(String::from),
        1 => text(),
    ]
}

fn list<T: std::fmt::Debug>(item: impl Strategy<Value = T>) -> impl Strategy<Value = Vec<T>> {
    prop::collection::vec(item, 0..5)
}

fn words() -> impl Strategy<Value = Vec<String>> {
    list(text())
}

fn identity() -> impl Strategy<Value = Identity> {
    (
        text(),
        text(),
        words(),
        prop::option::of(prop::sample::select(CharterLanguage::ALL)),
    )
        .prop_map(|(brand, mission, values, language)| Identity {
            brand,
            mission,
            values,
            language,
        })
}

fn editorial_line() -> impl Strategy<Value = EditorialLine> {
    (
        text(),
        prop::option::of(prop::sample::select(AddressForm::ALL)),
        text(),
        words(),
    )
        .prop_map(|(tone, address, core_message, pillars)| EditorialLine {
            tone,
            address,
            core_message,
            pillars,
        })
}

fn guideline() -> impl Strategy<Value = NetworkGuideline> {
    (
        key(),
        text(),
        text(),
        list(prop::sample::select(PostFormat::ALL)),
        prop::option::of(
            (0u32..4, prop::sample::select(FrequencyPeriod::ALL))
                .prop_map(|(count, per)| Frequency { count, per }),
        ),
        words(),
        prop::option::of(any::<u32>()),
        text(),
    )
        .prop_map(
            |(
                network_id,
                purpose,
                audience,
                formats,
                frequency,
                preferred_slots,
                max_hashtags,
                hashtag_policy,
            )| {
                NetworkGuideline {
                    network_id,
                    purpose,
                    audience,
                    formats,
                    frequency,
                    preferred_slots,
                    max_hashtags,
                    hashtag_policy,
                }
            },
        )
}

fn moderation() -> impl Strategy<Value = ModerationCharter> {
    (key(), text(), text(), text(), text()).prop_map(
        |(network_id, rules, hidden_or_deleted, sanctions, escalation)| ModerationCharter {
            network_id,
            rules,
            hidden_or_deleted,
            sanctions,
            escalation,
        },
    )
}

fn response_rule() -> impl Strategy<Value = ResponseRule> {
    (
        text(),
        prop::sample::select(Priority::ALL),
        prop::option::of(any::<u32>()),
        text(),
        text(),
    )
        .prop_map(
            |(interaction, priority, target_minutes, who_answers, answer)| ResponseRule {
                interaction,
                priority,
                target_minutes,
                who_answers,
                answer,
            },
        )
}

fn crisis_plan() -> impl Strategy<Value = CrisisPlan> {
    let level = (key(), text()).prop_map(|(name, description)| SeverityLevel { name, description });
    // A scenario names a level: one of the pool, often one the plan has.
    let scenario = (text(), text(), prop_oneof![key(), Just(String::new())]).prop_map(
        |(name, triggers, level)| CrisisScenario {
            name,
            triggers,
            level,
        },
    );
    let role = (text(), text(), text()).prop_map(|(role, person, contact)| CrisisRole {
        role,
        person,
        contact,
    });
    let step = (text(), text(), text()).prop_map(|(who, when, decides)| EscalationStep {
        who,
        when,
        decides,
    });
    let holding =
        (text(), text()).prop_map(|(situation, text)| HoldingStatement { situation, text });
    (
        list(level),
        list(scenario),
        list(role),
        list(step),
        words(),
        list(holding),
        text(),
    )
        .prop_map(
            |(levels, scenarios, roles, escalation, rapid_steps, holding_statements, review)| {
                CrisisPlan {
                    levels,
                    scenarios,
                    roles,
                    escalation,
                    rapid_steps,
                    holding_statements,
                    review,
                }
            },
        )
}

fn section() -> impl Strategy<Value = CharterSection> {
    prop_oneof![
        identity().prop_map(CharterSection::Identity),
        list(
            (key(), text(), text()).prop_map(|(term, category, note)| Keyword {
                term,
                category,
                note
            })
        )
        .prop_map(CharterSection::Keywords),
        list((key(), text()).prop_map(|(term, reason)| BannedTerm { term, reason }))
            .prop_map(CharterSection::BannedTerms),
        list((text(), text()).prop_map(|(title, description)| Objective { title, description }))
            .prop_map(CharterSection::Objectives),
        list(
            (text(), text(), words()).prop_map(|(question, answer, tags)| FaqEntry {
                question,
                answer,
                tags
            })
        )
        .prop_map(CharterSection::Faq),
        editorial_line().prop_map(CharterSection::EditorialLine),
        list(guideline()).prop_map(CharterSection::Guidelines),
        list(moderation()).prop_map(CharterSection::Moderation),
        list(response_rule()).prop_map(CharterSection::ResponseProtocol),
        crisis_plan().prop_map(CharterSection::Crisis),
        list((text(), text()).prop_map(|(title, description)| Principle { title, description }))
            .prop_map(CharterSection::Principles),
    ]
}

/// Every string in `value`, with whether it sits in a list of plain strings.
fn strings<'a>(value: &'a Value, in_list: bool, out: &mut Vec<(&'a str, bool)>) {
    match value {
        Value::String(s) => out.push((s, in_list)),
        Value::Array(items) => items.iter().for_each(|v| strings(v, true, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, false, out)),
        _ => {}
    }
}

/// Items in each list of records (keywords, FAQ entries, levels...).
fn record_counts(value: &Value, out: &mut Vec<usize>) {
    match value {
        Value::Array(items) => {
            if !items.is_empty() && items.iter().all(Value::is_object) {
                out.push(items.len());
            }
            items.iter().for_each(|v| record_counts(v, out));
        }
        Value::Object(map) => map.values().for_each(|v| record_counts(v, out)),
        _ => {}
    }
}

/// What holds of every section: accepted and clean, or refused for a reason.
fn check(section: CharterSection) -> Result<(), TestCaseError> {
    let before = serde_json::to_value(&section).unwrap();
    match validated(section.clone()) {
        Ok(clean) => {
            prop_assert_eq!(clean.name(), section.name());
            let after = serde_json::to_value(&clean).unwrap();
            let mut texts = Vec::new();
            strings(&after, false, &mut texts);
            for (s, in_list) in texts {
                prop_assert_eq!(s, s.trim(), "not trimmed");
                // Lists of words drop their blank entries (formats are
                // enum names, never blank).
                prop_assert!(!(in_list && s.is_empty()), "a blank entry is kept");
            }
            // No record is dropped: a blank one is refused, not skipped.
            let (mut n_before, mut n_after) = (Vec::new(), Vec::new());
            record_counts(&before, &mut n_before);
            record_counts(&after, &mut n_after);
            prop_assert_eq!(n_before, n_after);
            // Cleaning is done once and for all.
            let again = validated(clean.clone())
                .map_err(|e| TestCaseError::fail(format!("a clean section refused: {e}")))?;
            prop_assert_eq!(&again, &clean);
            // What the store writes reads back the same.
            let read: CharterSection = serde_json::from_value(after).unwrap();
            prop_assert_eq!(&read, &clean);
        }
        Err(Error::Validation {
            field,
            reason,
            message,
        }) => {
            prop_assert!(REASONS.contains(&reason), "undocumented reason {}", reason);
            prop_assert!(!field.is_empty() && !message.is_empty());
            if reason == Reason::TooLong {
                // Some text, trimmed, is longer than a limit (64 characters
                // for a network id, 200 or 20,000 for the others).
                let mut texts = Vec::new();
                strings(&before, false, &mut texts);
                prop_assert!(
                    texts.iter().any(|(s, _)| s.trim().chars().count() > 64),
                    "too long, yet every text is short: {}",
                    message
                );
            }
        }
        Err(other) => {
            return Err(TestCaseError::fail(format!(
                "expected Ok or a validation error, got {other:?}"
            )))
        }
    }
    Ok(())
}

/// Arbitrary JSON, its object keys mostly the charter's own field names.
fn json_value() -> impl Strategy<Value = Value> {
    let field = prop::sample::select(vec![
        "brand",
        "mission",
        "values",
        "language",
        "term",
        "category",
        "note",
        "reason",
        "title",
        "description",
        "question",
        "answer",
        "tags",
        "tone",
        "address",
        "coreMessage",
        "pillars",
        "networkId",
        "purpose",
        "audience",
        "formats",
        "frequency",
        "count",
        "per",
        "preferredSlots",
        "maxHashtags",
        "hashtagPolicy",
        "rules",
        "hiddenOrDeleted",
        "sanctions",
        "escalation",
        "interaction",
        "priority",
        "targetMinutes",
        "whoAnswers",
        "levels",
        "scenarios",
        "name",
        "triggers",
        "level",
        "roles",
        "role",
        "person",
        "contact",
        "who",
        "when",
        "decides",
        "rapidSteps",
        "holdingStatements",
        "situation",
        "text",
        "review",
        "other",
    ])
    .prop_map(String::from);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (0u32..5).prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        text().prop_map(Value::String),
        prop::sample::select(vec![
            "fr", "en", "tu", "vous", "week", "high", "photo", "video"
        ])
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(field.clone(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const SECTIONS: &[&str] = &[
    "identity",
    "keywords",
    "banned_terms",
    "objectives",
    "faq",
    "editorial_line",
    "guidelines",
    "moderation",
    "response_protocol",
    "crisis",
    "principles",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn any_section_is_cleaned_or_refused_with_a_reason(section in section()) {
        check(section)?;
    }

    /// What the window sends, as JSON: decoded or refused by serde, and a
    /// section that decodes goes through the same checks.
    #[test]
    fn any_json_decodes_to_a_section_that_is_checked(
        name in prop_oneof![4 => prop::sample::select(SECTIONS).prop_map(String::from), 1 => text()],
        data in json_value(),
    ) {
        let sent = json!({ "section": name, "data": data });
        if let Ok(section) = serde_json::from_value::<CharterSection>(sent) {
            check(section)?;
        }
    }

    /// Sections turned into JSON with one value changed: most often for one
    /// of its kind (a text for a text, a number for a number, a list one
    /// item longer or shorter), else for any JSON.
    #[test]
    fn a_section_with_one_value_changed_is_checked(
        section in section(),
        at in any::<prop::sample::Index>(),
        change in change(),
    ) {
        let mut sent = serde_json::to_value(&section).unwrap();
        let mut count = 0;
        count_values(&sent["data"], &mut count);
        let target = at.index(count);
        change_value(&mut sent["data"], target, &change, &mut 0);
        if let Ok(section) = serde_json::from_value::<CharterSection>(sent) {
            check(section)?;
        }
    }

    /// Limits count characters, not bytes, and leave out the blanks around.
    #[test]
    fn a_brand_name_is_limited_to_200_characters(
        n in 190usize..210,
        c in prop::sample::select(vec!['a', 'é', '€', '𝔘']),
        pad in "[ \t\u{a0}]{0,3}",
    ) {
        let brand = format!("{pad}{}{pad}", c.to_string().repeat(n));
        let section = CharterSection::Identity(Identity { brand, ..Identity::default() });
        match validated(section) {
            Ok(CharterSection::Identity(v)) => {
                prop_assert!(n <= SHORT);
                prop_assert_eq!(v.brand.chars().count(), n);
            }
            Err(Error::Validation { field: "brand", reason: Reason::TooLong, .. }) => {
                prop_assert!(n > SHORT);
            }
            other => return Err(TestCaseError::fail(format!("{other:?}"))),
        }
    }
}

/// How one value of a section's JSON is changed.
#[derive(Debug, Clone)]
struct Change {
    text: String,
    number: i64,
    /// Lists: drop the first item rather than repeat it.
    shorter: bool,
    /// Any JSON in place of the value, whatever its kind.
    anything: Option<Value>,
}

fn change() -> impl Strategy<Value = Change> {
    (
        text(),
        prop_oneof![
            Just(0i64),
            Just(-1),
            Just(u32::MAX as i64 + 1),
            any::<i64>(),
            0i64..100
        ],
        any::<bool>(),
        prop_oneof![4 => Just(None), 1 => json_value().prop_map(Some)],
    )
        .prop_map(|(text, number, shorter, anything)| Change {
            text,
            number,
            shorter,
            anything,
        })
}

/// How many values `value` holds, itself included (depth first).
fn count_values(value: &Value, count: &mut usize) {
    *count += 1;
    match value {
        Value::Array(items) => items.iter().for_each(|v| count_values(v, count)),
        Value::Object(map) => map.values().for_each(|v| count_values(v, count)),
        _ => {}
    }
}

/// Changes the `target`-th value (in the order of `count_values`).
fn change_value(value: &mut Value, target: usize, change: &Change, seen: &mut usize) -> bool {
    if *seen == target {
        *value = match (&change.anything, &*value) {
            (Some(any), _) => any.clone(),
            (None, Value::String(_) | Value::Null) => Value::String(change.text.clone()),
            (None, Value::Number(_) | Value::Bool(_)) => json!(change.number),
            (None, Value::Array(items)) => {
                let mut items = items.clone();
                match (change.shorter, items.first().cloned()) {
                    (true, Some(_)) => {
                        items.remove(0);
                    }
                    (false, Some(first)) => items.push(first),
                    (_, None) => items.push(Value::String(change.text.clone())),
                }
                Value::Array(items)
            }
            (None, Value::Object(map)) => {
                let mut map = map.clone();
                let key = map.keys().next().cloned();
                if let Some(key) = key {
                    map.remove(&key);
                }
                Value::Object(map)
            }
        };
        return true;
    }
    *seen += 1;
    match value {
        Value::Array(items) => items
            .iter_mut()
            .any(|v| change_value(v, target, change, seen)),
        Value::Object(map) => map
            .values_mut()
            .any(|v| change_value(v, target, change, seen)),
        _ => false,
    }
}

/// A list far past what a charter holds is refused, not taken in.
#[test]
fn a_list_of_too_many_items_is_refused() {
    let terms = (0..5_001)
        .map(|i| BannedTerm {
            term: format!("terme {i}"),
            reason: String::new(),
        })
        .collect();
    match validated(CharterSection::BannedTerms(terms)) {
        Err(Error::Validation {
            field: "bannedTerms",
            reason: Reason::TooMany,
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
}
