//! What the calendar shows around the posts: public holidays and key dates
//! that repeat, the audience's zone, and the posting rhythm per network.

mod common;

use chrono::NaiveDate;
use common::{clocked_store, input, network_id, utc, weekly_guideline};
use tribu_core::charter::{CharterSection, Frequency, FrequencyPeriod, NetworkGuideline};
use tribu_core::error::Reason;
use tribu_core::model::{KeyDateInput, KeyDateKind, KeyDateRecurrence, PostStatus};
use tribu_core::schedule::holidays::french_holidays;
use tribu_core::schedule::rhythm::rhythm;
use tribu_core::schedule::{
    display_time, easter_sunday, Gap, RhythmState, RhythmTarget, TargetSource,
};
use tribu_core::{Error, Store};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn holidays(year: i32) -> Vec<(String, &'static str)> {
    french_holidays(year)
        .unwrap()
        .into_iter()
        .map(|h| (h.date.to_string(), h.label_fr))
        .collect()
}

fn pairs(list: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    list.iter().map(|(d, l)| (d.to_string(), *l)).collect()
}

#[test]
fn easter_and_the_holidays_that_follow_it() {
    // From the published Easter tables.
    for (year, easter) in [
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),
    ] {
        assert_eq!(easter_sunday(year).unwrap(), day(easter), "{year}");
    }
    assert!(matches!(
        easter_sunday(2285),
        Err(Error::Validation {
            reason: Reason::DateOutOfRange,
            ..
        })
    ));
    // 2024: Easter 31 March; Ascension 31 March + 39 = 9 May; Whit Monday
    // + 50 = 20 May.
    assert_eq!(
        holidays(2024),
        pairs(&[
            ("2024-01-01", "Jour de l'an"),
            ("2024-04-01", "Lundi de Pâques"),
            ("2024-05-01", "Fête du Travail"),
            ("2024-05-08", "Victoire 1945"),
            ("2024-05-09", "Ascension"),
            ("2024-05-20", "Lundi de Pentecôte"),
            ("2024-07-14", "Fête nationale"),
            ("2024-08-15", "Assomption"),
            ("2024-11-01", "Toussaint"),
            ("2024-11-11", "Armistice 1918"),
            ("2024-12-25", "Noël"),
        ])
    );
    // 2026: Easter 5 April; + 1 = 6 April, + 39 = 14 May, + 50 = 25 May.
    let y2026 = holidays(2026);
    assert_eq!(y2026[1], ("2026-04-06".to_string(), "Lundi de Pâques"));
    assert_eq!(y2026[4], ("2026-05-14".to_string(), "Ascension"));
    assert_eq!(y2026[5], ("2026-05-25".to_string(), "Lundi de Pentecôte"));
    // 2027: Easter 28 March; + 1 = 29 March, + 39 = 6 May (3 days to
    // 31 March, 30 in April, 6 in May), + 50 = 17 May.
    assert_eq!(
        holidays(2027)[1..6],
        pairs(&[
            ("2027-03-29", "Lundi de Pâques"),
            ("2027-05-01", "Fête du Travail"),
            ("2027-05-06", "Ascension"),
            ("2027-05-08", "Victoire 1945"),
            ("2027-05-17", "Lundi de Pentecôte"),
        ])[..]
    );
    assert!(french_holidays(2201).is_err());
}

#[test]
fn key_dates_repeat_yearly_and_merge_with_holidays() {
    let (mut t, _) = clocked_store("2027-01-01T00:00:00Z");
    let add = |store: &mut Store, date: &str, label: &str, recurrence| {
        store
            .create_key_date(&KeyDateInput {
                date: date.into(),
                label: label.into(),
                kind: KeyDateKind::Event,
                recurrence,
            })
            .unwrap()
    };
    add(
        &mut t.store,
        "2020-02-29",
        "Brand birthday",
        KeyDateRecurrence::Yearly,
    );
    add(
        &mut t.store,
        "2027-06-23",
        "Summer sales",
        KeyDateRecurrence::Yearly,
    );
    add(
        &mut t.store,
        "2027-05-06",
        "Launch",
        KeyDateRecurrence::None,
    );
    let shown = |store: &Store, start: &str, end: &str| -> Vec<(String, String)> {
        store
            .key_dates_in_range(day(start), day(end))
            .unwrap()
            .into_iter()
            .map(|k| (k.date, k.label))
            .collect()
    };
    let pair = |d: &str, l: &str| (d.to_string(), l.to_string());
    // 2028 is a leap year: the birthday is on the 29th; in 2027, on the 28th.
    assert_eq!(
        shown(&t.store, "2028-01-01", "2028-12-31"),
        vec![
            pair("2028-02-29", "Brand birthday"),
            pair("2028-06-23", "Summer sales")
        ]
    );
    assert_eq!(
        shown(&t.store, "2027-01-01", "2027-12-31"),
        vec![
            pair("2027-02-28", "Brand birthday"),
            pair("2027-05-06", "Launch"),
            pair("2027-06-23", "Summer sales")
        ]
    );
    // The sales start in 2027, not before.
    assert_eq!(
        shown(&t.store, "2026-01-01", "2026-12-31"),
        vec![pair("2026-02-28", "Brand birthday")]
    );

    let may = t
        .store
        .key_dates_with_holidays(day("2027-05-01"), day("2027-05-31"), true, "fr")
        .unwrap();
    let listed: Vec<(&str, &str, KeyDateKind)> = may
        .iter()
        .map(|k| (k.date.as_str(), k.label.as_str(), k.kind))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("2027-05-01", "Fête du Travail", KeyDateKind::PublicHoliday),
            ("2027-05-06", "Ascension", KeyDateKind::PublicHoliday),
            ("2027-05-06", "Launch", KeyDateKind::Event),
            ("2027-05-08", "Victoire 1945", KeyDateKind::PublicHoliday),
            (
                "2027-05-17",
                "Lundi de Pentecôte",
                KeyDateKind::PublicHoliday
            ),
        ]
    );
    assert_eq!(may[0].id, "holiday:labour_day:2027-05-01");
    let english = t
        .store
        .key_dates_with_holidays(day("2027-05-01"), day("2027-05-01"), true, "en")
        .unwrap();
    assert_eq!(english[0].label, "Labour Day");
    let without = t
        .store
        .key_dates_with_holidays(day("2027-05-01"), day("2027-05-31"), false, "fr")
        .unwrap();
    assert_eq!(without.len(), 1);
}

#[test]
fn audience_zone_and_display_in_another_zone() {
    let (mut t, _) = clocked_store("2027-01-01T00:00:00Z");
    // Unset: the computer's zone, a real IANA one.
    let default = t.store.audience_zone().unwrap();
    assert!(default.parse::<chrono_tz::Tz>().is_ok(), "{default}");
    assert_eq!(
        t.store.set_audience_zone(" America/Montreal ").unwrap(),
        "America/Montreal"
    );
    assert_eq!(t.store.audience_zone().unwrap(), "America/Montreal");
    assert!(matches!(
        t.store.set_audience_zone("Mars/Olympus"),
        Err(Error::Validation { field: "zone", .. })
    ));
    assert_eq!(t.store.audience_zone().unwrap(), "America/Montreal");

    let post = t
        .store
        .create_post(&input(&t.store, "Hello", Some("2027-03-22"), Some("09:00")))
        .unwrap();
    let summary = t
        .store
        .posts_in_range(
            utc("2027-03-22T00:00:00Z"),
            utc("2027-03-23T00:00:00Z"),
            &Default::default(),
        )
        .unwrap()
        .remove(0);
    assert_eq!(summary.id, post.id);
    // 09:00 Paris (UTC+1) = 08:00Z = 04:00 in Montreal (summer time since
    // 14 March, UTC-4) = 17:00 in Tokyo (UTC+9).
    let at = |zone: &str| {
        let shown = display_time(&summary, zone.parse().unwrap())
            .unwrap()
            .unwrap();
        (shown.date, shown.time, shown.utc_offset_minutes)
    };
    assert_eq!(
        at("America/Montreal"),
        ("2027-03-22".into(), "04:00".into(), -240)
    );
    assert_eq!(
        at("Europe/Paris"),
        ("2027-03-22".into(), "09:00".into(), 60)
    );
    assert_eq!(at("Asia/Tokyo"), ("2027-03-22".into(), "17:00".into(), 540));
    let idea = t
        .store
        .create_post(&input(&t.store, "Idea", None, None))
        .unwrap();
    let idea = t
        .store
        .backlog(&Default::default())
        .unwrap()
        .into_iter()
        .find(|p| p.id == idea.id)
        .unwrap();
    assert_eq!(display_time(&idea, chrono_tz::UTC).unwrap(), None);
}

fn target(network: &str, count: u32, per: FrequencyPeriod, source: TargetSource) -> RhythmTarget {
    RhythmTarget {
        network_id: network.into(),
        frequency: Frequency { count, per },
        source,
    }
}

#[test]
fn rhythm_as_a_pure_function() {
    let networks = vec!["ig".to_string(), "x".to_string(), "fb".to_string()];
    let targets = [target(
        "ig",
        3,
        FrequencyPeriod::Week,
        TargetSource::Setting,
    )];
    let on = |network: &str, dates: &[&str]| -> Vec<(String, NaiveDate)> {
        dates
            .iter()
            .map(|d| (network.to_string(), day(d)))
            .collect()
    };
    // 1 to 28 March 2027: four ISO weeks, Monday 1, 8, 15 and 22.
    let mut posts = on("ig", &["2027-03-01", "2027-03-03", "2027-03-05"]); // 3: on
    posts.extend(on("ig", &["2027-03-10"])); // 1: under
    posts.extend(on(
        "ig",
        &[
            "2027-03-15",
            "2027-03-16",
            "2027-03-17",
            "2027-03-18",
            "2027-03-19",
        ],
    )); // 5: over
    posts.extend(on("x", &["2027-03-02"]));
    let report = rhythm(
        &networks,
        &targets,
        &posts,
        day("2027-03-01"),
        day("2027-03-28"),
        7,
    );
    let weeks: Vec<(&str, u32, RhythmState)> = report
        .weeks
        .iter()
        .map(|w| (w.week_start.as_str(), w.count, w.state))
        .collect();
    assert_eq!(
        weeks,
        vec![
            ("2027-03-01", 3, RhythmState::On),
            ("2027-03-08", 1, RhythmState::Under),
            ("2027-03-15", 5, RhythmState::Over),
            ("2027-03-22", 0, RhythmState::Under),
        ]
    );
    assert!(report.weeks.iter().all(|w| w.target == 3.0));
    // Instagram: nothing from the 20th to the 28th, 9 days (> 7); the
    // 6th-9th and 11th-14th are 4 days each. X: 3rd to 28th, 26 days.
    // Facebook has neither target nor post: not reported.
    let gap = |network: &str, from: &str, to: &str, days| Gap {
        network_id: network.into(),
        from: from.into(),
        to: to.into(),
        days,
    };
    assert_eq!(
        report.gaps,
        vec![
            gap("ig", "2027-03-20", "2027-03-28", 9),
            gap("x", "2027-03-03", "2027-03-28", 26),
        ]
    );
}

#[test]
fn rhythm_report_from_the_workspace() {
    let (mut t, _) = clocked_store("2027-01-01T00:00:00Z");
    let ig = network_id(&t.store, "Instagram");
    let li = network_id(&t.store, "LinkedIn");
    t.store
        .set_rhythm_target(
            &ig,
            Some(Frequency {
                count: 3,
                per: FrequencyPeriod::Week,
            }),
        )
        .unwrap();
    assert!(matches!(
        t.store.set_rhythm_target(
            "nope",
            Some(Frequency {
                count: 3,
                per: FrequencyPeriod::Week
            })
        ),
        Err(Error::Validation {
            reason: Reason::UnknownNetwork,
            ..
        })
    ));
    assert!(matches!(
        t.store.set_rhythm_target(
            &ig,
            Some(Frequency {
                count: 0,
                per: FrequencyPeriod::Week
            })
        ),
        Err(Error::Validation {
            reason: Reason::OutOfRange,
            ..
        })
    ));
    // LinkedIn's target comes from the charter and wins over a setting.
    t.store
        .set_rhythm_target(
            &li,
            Some(Frequency {
                count: 5,
                per: FrequencyPeriod::Week,
            }),
        )
        .unwrap();
    t.store
        .save_charter_section(CharterSection::Guidelines(vec![NetworkGuideline {
            purpose: "B2B".into(),
            ..weekly_guideline(&li, 1)
        }]))
        .unwrap();
    assert_eq!(
        t.store.rhythm_targets().unwrap(),
        vec![
            target(&ig, 3, FrequencyPeriod::Week, TargetSource::Setting),
            target(&li, 1, FrequencyPeriod::Week, TargetSource::Charter),
        ]
    );

    // Instagram: 3 posts the first week (one of them at 00:30 Paris on
    // Monday 1 March, which is still Sunday 28 February in UTC: counted on
    // its local date), 1 the second, a cancelled one the third (not counted).
    for (date, time, status) in [
        ("2027-03-01", "00:30", PostStatus::Scheduled),
        ("2027-03-03", "12:00", PostStatus::Published),
        ("2027-03-05", "12:00", PostStatus::Draft),
        ("2027-03-10", "12:00", PostStatus::Scheduled),
        ("2027-03-17", "12:00", PostStatus::Cancelled),
    ] {
        let mut new = input(&t.store, "ig", Some(date), Some(time));
        new.status = status;
        t.store.create_post(&new).unwrap();
    }
    // LinkedIn: every Monday, a recurring post: one occurrence a week.
    let mut weekly = input(&t.store, "li", Some("2027-03-01"), Some("08:00"));
    weekly.network_id = li.clone();
    weekly.rrule = Some("FREQ=WEEKLY".into());
    t.store.create_post(&weekly).unwrap();

    let report = t
        .store
        .rhythm_report(day("2027-03-01"), day("2027-03-21"))
        .unwrap();
    let weeks: Vec<(&str, &str, u32, RhythmState)> = report
        .weeks
        .iter()
        .map(|w| {
            let network = if w.network_id == ig { "ig" } else { "li" };
            (network, w.week_start.as_str(), w.count, w.state)
        })
        .collect();
    assert_eq!(
        weeks,
        vec![
            ("ig", "2027-03-01", 3, RhythmState::On),
            ("ig", "2027-03-08", 1, RhythmState::Under),
            ("ig", "2027-03-15", 0, RhythmState::Under),
            ("li", "2027-03-01", 1, RhythmState::On),
            ("li", "2027-03-08", 1, RhythmState::On),
            ("li", "2027-03-15", 1, RhythmState::On),
        ]
    );
    // Instagram is silent from the 11th to the 21st: 11 days > 7. LinkedIn
    // posts every 7 days: 6 empty days at most.
    assert_eq!(
        report.gaps,
        vec![Gap {
            network_id: ig.clone(),
            from: "2027-03-11".into(),
            to: "2027-03-21".into(),
            days: 11,
        }]
    );
    // With 5 days allowed, LinkedIn's weeks become gaps too (2-7, 9-14, 16-21).
    assert_eq!(t.store.max_gap_days().unwrap(), 7);
    t.store.set_max_gap_days(5).unwrap();
    let report = t
        .store
        .rhythm_report(day("2027-03-01"), day("2027-03-21"))
        .unwrap();
    assert_eq!(report.gaps.iter().filter(|g| g.network_id == li).count(), 3);
    assert!(t.store.set_max_gap_days(0).is_err());
    assert!(t
        .store
        .rhythm_report(day("2027-03-21"), day("2027-03-01"))
        .is_err());
}
