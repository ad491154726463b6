//! Objectives, KPIs, observations, post results, the CSV import and the KPI
//! panel. Expected figures are worked out by hand; the arithmetic is in the
//! comment next to each.

mod common;

use std::collections::HashMap;

use chrono::NaiveDate;
use common::{network_id, temp_store};
use tribu_core::charter::{CharterSection, Frequency, FrequencyPeriod, NetworkGuideline};
use tribu_core::kpi::compute::{engagement_rate, growth_rate, progress, project, rate_of_sums};
use tribu_core::kpi::heatmap::best_times;
use tribu_core::kpi::regularity::regularity;
use tribu_core::kpi::results::top_and_flop;
use tribu_core::kpi::*;
use tribu_core::model::{PostFormat, PostInput, PostStatus};
use tribu_core::{Error, Store};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn close(actual: Option<f64>, expected: f64) {
    let a = actual.unwrap_or_else(|| panic!("expected {expected}, got None"));
    assert!((a - expected).abs() < 1e-6, "expected {expected}, got {a}");
}

// ---------------------------------------------------------------------------
// Formulas

#[test]
fn engagement_rate_of_a_post_and_of_a_period() {
    // (10+5+3+2)/400*100 = 5.0
    assert_eq!(engagement_rate(20.0, 400.0), Some(5.0));
    assert_eq!(engagement_rate(7.0, 0.0), None, "zero reach has no rate");

    // Two posts: 5 of 20 people (25 %) and 30 of 2,000 (1.5 %).
    // Rate of sums: (5+30)/(20+2000)*100 = 35/2020*100 = 1.7326732…
    // The mean of the rates would say (25+1.5)/2 = 13.25: the post seen by
    // twenty people would weigh as much as the one seen by two thousand.
    close(rate_of_sums([(5.0, 20.0), (30.0, 2000.0)]), 1.732_673_267);
    assert_ne!(rate_of_sums([(5.0, 20.0), (30.0, 2000.0)]), Some(13.25));
    assert_eq!(rate_of_sums([(3.0, 0.0)]), None);
    assert!(tribu_core::kpi::compute::ENGAGEMENT_RATE_FORMULA_FR.contains("/ portée × 100"));
}

#[test]
fn growth_progress_and_projection() {
    // (1150-1000)/1000*100 = 15.0
    assert_eq!(growth_rate(1000.0, 1150.0), Some(15.0));
    assert_eq!(growth_rate(0.0, 1150.0), None, "growth from zero");

    // Up: (10600-10000)/(12000-10000)*100 = 30.0
    assert_eq!(
        progress(10_000.0, 10_600.0, 12_000.0, Direction::Up),
        Some(30.0)
    );
    // Down, response time 120 → 60 min, now 90: (90-120)/(60-120)*100 = 50.0
    assert_eq!(progress(120.0, 90.0, 60.0, Direction::Down), Some(50.0));

    // +50 followers a day from 10,000 on 1 March: on 30 June (day 121),
    // 10000 + 50*121 = 16,050.
    let values = [
        (day("2026-03-01"), 10_000.0),
        (day("2026-03-15"), 10_700.0),
        (day("2026-03-29"), 11_400.0),
    ];
    let (_, at) = project(&values, day("2026-03-01"), day("2026-06-30")).unwrap();
    close(Some(at), 16_050.0);
    assert!(project(&values[..1], day("2026-03-01"), day("2026-06-30")).is_none());
}

// ---------------------------------------------------------------------------
// Posts of a period, without a store

fn published(
    id: &str,
    network: &str,
    date: &str,
    weekday: u8,
    hour: u8,
    reach: u32,
    engagements: u32,
) -> PublishedPost {
    PublishedPost {
        id: id.into(),
        title: format!("Post {id}"),
        network_id: network.into(),
        format: PostFormat::Photo,
        theme: String::new(),
        date: day(date),
        weekday,
        hour,
        counts: Some(PostCounts {
            reach: Some(reach),
            reactions: Some(engagements),
            ..Default::default()
        }),
    }
}

#[test]
fn top_and_flop_leave_out_posts_that_reached_too_few_people() {
    let posts = [
        published("a", "ig", "2026-03-03", 1, 12, 400, 20), // 20/400 = 5.0 %
        published("b", "ig", "2026-03-05", 3, 18, 1000, 100), // 10.0 %
        published("c", "fb", "2026-03-10", 1, 12, 2000, 30), // 1.5 %
        published("d", "fb", "2026-03-12", 3, 9, 20, 5),    // 25.0 %, 20 people
        published("e", "li", "2026-03-17", 1, 12, 500, 20), // 4.0 %
        published("f", "ig", "2026-03-24", 1, 12, 300, 3),  // 1.0 %
    ];
    let ids = |list: &[RankedPost]| list.iter().map(|p| p.post_id.clone()).collect::<Vec<_>>();

    let (top, flop) = top_and_flop(&posts, 100, 2);
    assert_eq!(ids(&top), ["b", "a"], "d reached 20 < 100 people");
    assert_eq!(ids(&flop), ["f", "c"]);
    assert_eq!(top[0].engagement_rate, 10.0);
    assert_eq!(top[0].date, "2026-03-05");

    let (top, _) = top_and_flop(&posts, 0, 2);
    assert_eq!(ids(&top), ["d", "b"], "without a threshold d's 25 % wins");

    // Five candidates above 100 for lists of 5: all in the top, none left
    // for the flop (a post is never in both).
    let (top, flop) = top_and_flop(&posts, 100, 5);
    assert_eq!(ids(&top), ["b", "a", "e", "c", "f"]);
    assert!(flop.is_empty());
}

#[test]
fn heatmap_medians_and_insufficient_slots() {
    let posts = [
        published("a", "ig", "2026-03-03", 1, 12, 400, 20), // Tue 12: 5.0
        published("c", "fb", "2026-03-10", 1, 12, 2000, 30), // Tue 12: 1.5
        published("e", "li", "2026-03-17", 1, 12, 500, 20), // Tue 12: 4.0
        published("f", "ig", "2026-03-24", 1, 12, 300, 3),  // Tue 12: 1.0
        published("b", "ig", "2026-03-05", 3, 18, 1000, 100), // Thu 18: 10.0
        published("z", "ig", "2026-03-06", 4, 8, 0, 0),     // no rate: left out
    ];
    let map = best_times(&posts, 3);
    assert_eq!(map.cells.len(), 7 * 24);
    let tue = map.cell(1, 12).unwrap();
    // Sorted 1.0, 1.5, 4.0, 5.0: (1.5+4.0)/2 = 2.75
    assert_eq!(tue.median_rate, Some(2.75));
    assert_eq!(tue.sample, 4);
    assert!(tue.sufficient);
    let thu = map.cell(3, 18).unwrap();
    assert_eq!(
        (thu.median_rate, thu.sample, thu.sufficient),
        (Some(10.0), 1, false)
    );
    let fri = map.cell(4, 8).unwrap();
    assert_eq!(
        (fri.median_rate, fri.sample, fri.sufficient),
        (None, 0, false)
    );
}

#[test]
fn regularity_against_three_posts_a_week() {
    let on = |date: &str| published(date, "ig", date, 0, 9, 100, 1);
    let posts: Vec<PublishedPost> = [
        "2026-02-26", // the cut first week
        "2026-03-02",
        "2026-03-04",
        "2026-03-06", // 3: met
        "2026-03-10", // 1: under
        "2026-03-16",
        "2026-03-17",
        "2026-03-18",
        "2026-03-19",
        "2026-03-20", // 5: over
    ]
    .into_iter()
    .map(on)
    .chain([published("x", "fb", "2026-03-03", 1, 9, 100, 1)])
    .collect();
    let frequencies = HashMap::from([(
        "ig".to_string(),
        Frequency {
            count: 3,
            per: FrequencyPeriod::Week,
        },
    )]);
    // Wednesday 25 February to Sunday 22 March.
    let reg = regularity(&posts, &frequencies, day("2026-02-25"), day("2026-03-22"));
    assert_eq!(reg.len(), 1, "only networks with a target");
    let ig = &reg[0];
    let steps: Vec<(&str, u32, RegularityStatus, bool)> = ig
        .steps
        .iter()
        .map(|s| (s.start.as_str(), s.posts, s.status, s.complete))
        .collect();
    assert_eq!(
        steps,
        [
            ("2026-02-25", 1, RegularityStatus::Under, false),
            ("2026-03-02", 3, RegularityStatus::Met, true),
            ("2026-03-09", 1, RegularityStatus::Under, true),
            ("2026-03-16", 5, RegularityStatus::Over, true),
        ]
    );
    assert_eq!((ig.on_target, ig.complete_steps), (2, 3));
    // 2 of 3 complete weeks: 2/3*100 = 66.666…
    close(ig.share_on_target, 200.0 / 3.0);
    // (3+1+5)/3 = 3.0 posts a week
    assert_eq!(ig.posts_per_step, Some(3.0));
}

// ---------------------------------------------------------------------------
// Store: objectives, KPIs, observations, results

fn objective(store: &mut Store, kind: ObjectiveKind, title: &str) -> KpiObjective {
    store
        .create_kpi_objective(&KpiObjectiveInput {
            kind,
            title: title.into(),
            notes: String::new(),
        })
        .unwrap()
}

/// A rising KPI on all networks from 1 March to 30 June 2026; tests change
/// the fields they need.
fn kpi_input(objective: &KpiObjective, name: &str, metric: Metric, target: f64) -> KpiInput {
    KpiInput {
        objective_id: objective.id.clone(),
        name: name.into(),
        metric,
        network_id: None,
        target,
        baseline: None,
        start_date: "2026-03-01".into(),
        deadline: "2026-06-30".into(),
        direction: Direction::Up,
    }
}

fn obs(day: &str, network: &str, metric: Metric, value: f64) -> ObservationInput {
    ObservationInput {
        day: day.into(),
        network_id: network.into(),
        metric,
        value,
        source: ObservationSource::Manual,
    }
}

fn all_observations(store: &Store) -> Vec<Observation> {
    store.observations(&ObservationFilter::default()).unwrap()
}

#[test]
fn objectives_and_kpis_are_created_listed_updated_and_deleted() {
    let mut t = temp_store();
    let ig = network_id(&t.store, "Instagram");
    let aware = objective(&mut t.store, ObjectiveKind::Awareness, " Notoriété ");
    let traffic = objective(&mut t.store, ObjectiveKind::Traffic, "Trafic");
    assert_eq!(aware.title, "Notoriété");
    assert_eq!((aware.position, traffic.position), (0, 1));

    let followers = t
        .store
        .create_kpi(&KpiInput {
            network_id: Some(ig.clone()),
            baseline: Some(10_000.0),
            ..kpi_input(&aware, "Abonnés Instagram", Metric::Followers, 12_000.0)
        })
        .unwrap();
    let reach = t
        .store
        .create_kpi(&kpi_input(&aware, "Portée", Metric::Reach, 50_000.0))
        .unwrap();
    assert_eq!((followers.position, reach.position), (0, 1));
    assert_eq!(t.store.kpi(&reach.id).unwrap(), reach);

    let listed = t.store.kpi_objectives().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].kpis, [followers.clone(), reach.clone()]);
    assert!(listed[1].kpis.is_empty());

    // Moved to the other objective, the KPI goes to its end.
    let mut moved = kpi_input(&traffic, "Portée totale", Metric::Reach, 60_000.0);
    let updated = t.store.update_kpi(&reach.id, &moved).unwrap();
    assert_eq!(
        (updated.objective_id.as_str(), updated.position),
        (traffic.id.as_str(), 0)
    );
    assert_eq!(updated.target, 60_000.0);

    // A refused update changes nothing.
    moved.deadline = "2025-12-31".into();
    assert!(matches!(
        t.store.update_kpi(&reach.id, &moved),
        Err(Error::Validation {
            field: "deadline",
            ..
        })
    ));
    assert_eq!(t.store.kpi(&reach.id).unwrap(), updated);

    let renamed = t
        .store
        .update_kpi_objective(
            &aware.id,
            &KpiObjectiveInput {
                kind: ObjectiveKind::Growth,
                title: "Croissance".into(),
                notes: "Objectif du semestre".into(),
            },
        )
        .unwrap();
    assert_eq!(renamed.kind, ObjectiveKind::Growth);
    assert_eq!(renamed.kpis, std::slice::from_ref(&followers));

    // Deleting an objective deletes its KPIs.
    t.store.delete_kpi_objective(&aware.id).unwrap();
    assert!(matches!(
        t.store.kpi(&followers.id),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        t.store.delete_kpi_objective(&aware.id),
        Err(Error::NotFound { .. })
    ));
    t.store.delete_kpi(&reach.id).unwrap();
    assert!(t.store.kpi_objectives().unwrap()[0].kpis.is_empty());
}

#[test]
fn bad_input_writes_nothing() {
    let mut t = temp_store();
    let ig = network_id(&t.store, "Instagram");
    let aware = objective(&mut t.store, ObjectiveKind::Awareness, "Notoriété");

    let blank = t.store.create_kpi_objective(&KpiObjectiveInput {
        kind: ObjectiveKind::Custom,
        title: "  ".into(),
        notes: String::new(),
    });
    assert!(matches!(
        blank,
        Err(Error::Validation { field: "title", .. })
    ));
    assert_eq!(t.store.kpi_objectives().unwrap().len(), 1);

    let good = KpiInput {
        network_id: Some(ig.clone()),
        ..kpi_input(&aware, "Abonnés", Metric::Followers, 12_000.0)
    };
    let cases: Vec<(&str, KpiInput)> = vec![
        (
            "deadline",
            KpiInput {
                deadline: "2025-06-30".into(),
                ..good.clone()
            },
        ),
        (
            "startDate",
            KpiInput {
                start_date: "2026-02-30".into(),
                ..good.clone()
            },
        ),
        (
            "target",
            KpiInput {
                target: f64::NAN,
                ..good.clone()
            },
        ),
        (
            "target",
            KpiInput {
                target: -5.0,
                ..good.clone()
            },
        ),
        (
            "network",
            KpiInput {
                network_id: Some("nope".into()),
                ..good.clone()
            },
        ),
        (
            "objective",
            KpiInput {
                objective_id: "nope".into(),
                ..good.clone()
            },
        ),
        (
            "name",
            KpiInput {
                name: "".into(),
                ..good.clone()
            },
        ),
    ];
    for (field, input) in cases {
        match t.store.create_kpi(&input) {
            Err(Error::Validation { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected a validation error on {field}, got {other:?}"),
        }
    }
    assert!(t.store.kpi_objectives().unwrap()[0].kpis.is_empty());

    // One bad observation in a batch: nothing of the batch is written.
    let batch = [
        obs("2026-03-01", &ig, Metric::Followers, 100.0),
        obs("2026-03-02", &ig, Metric::Followers, -1.0),
    ];
    match t.store.add_observations(&batch) {
        Err(Error::Validation { field, message, .. }) => {
            assert_eq!(field, "value");
            assert!(message.starts_with("item 2:"), "{message}");
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    let unknown = [
        obs("2026-03-01", &ig, Metric::Followers, 100.0),
        obs("2026-03-02", "no-such-network", Metric::Followers, 1.0),
    ];
    assert!(matches!(
        t.store.import_observations(&unknown),
        Err(Error::Validation {
            field: "network",
            ..
        })
    ));
    assert!(matches!(
        t.store
            .add_observation(&obs("2026-02-30", &ig, Metric::Reach, 1.0)),
        Err(Error::Validation { field: "day", .. })
    ));
    assert!(all_observations(&t.store).is_empty());

    // A refused post result writes nothing either.
    let post = t
        .store
        .create_post(&common::input(
            &t.store,
            "Teaser",
            Some("2026-03-03"),
            Some("12:00"),
        ))
        .unwrap();
    let bad = PostResultInput {
        reach: Some(400.0),
        comments: Some(-2.0),
        ..Default::default()
    };
    assert!(matches!(
        t.store.set_post_result(&post.id, &bad),
        Err(Error::Validation {
            field: "comments",
            ..
        })
    ));
    assert_eq!(t.store.post_result(&post.id).unwrap(), None);
    assert!(matches!(
        t.store
            .set_post_result("no-such-post", &PostResultInput::default()),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn observations_are_listed_filtered_replaced_and_deleted() {
    let mut t = temp_store();
    let ig = network_id(&t.store, "Instagram");
    let fb = network_id(&t.store, "Facebook");
    let written = t
        .store
        .add_observations(&[
            obs("2026-03-02", &ig, Metric::Reach, 500.0),
            obs("2026-03-01", &ig, Metric::Followers, 1000.0),
            obs("2026-03-02", &fb, Metric::Reach, 300.0),
            obs("2026-03-05", &ig, Metric::Reach, 700.0),
        ])
        .unwrap();
    assert_eq!(written.len(), 4);
    let reach_ig = t
        .store
        .observations(&ObservationFilter {
            metric: Some(Metric::Reach),
            network_id: Some(ig.clone()),
            start: Some("2026-03-02".into()),
            end: Some("2026-03-04".into()),
        })
        .unwrap();
    assert_eq!(reach_ig.len(), 1);
    assert_eq!(reach_ig[0].value, 500.0);

    // The same metric, network and day again replaces the value.
    let again = t
        .store
        .add_observation(&obs("2026-03-02", &ig, Metric::Reach, 550.0))
        .unwrap();
    assert_eq!(again.id, reach_ig[0].id);
    assert_eq!(again.value, 550.0);
    assert_eq!(all_observations(&t.store).len(), 4);

    t.store.delete_observation(&again.id).unwrap();
    assert_eq!(all_observations(&t.store).len(), 3);
    assert!(matches!(
        t.store.delete_observation(&again.id),
        Err(Error::NotFound { .. })
    ));

    // A network with measured values cannot be deleted.
    let mastodon = t
        .store
        .create_network(&tribu_core::model::NetworkInput {
            name: "Mastodon".into(),
            color: "#6364ff".into(),
            char_limit: Some(500),
        })
        .unwrap();
    t.store
        .add_observation(&obs("2026-03-02", &mastodon.id, Metric::Followers, 12.0))
        .unwrap();
    assert!(matches!(
        t.store.delete_network(&mastodon.id),
        Err(Error::Conflict(_))
    ));
}

#[test]
fn post_results_are_set_read_flagged_and_cleared() {
    let mut t = temp_store();
    let post = t
        .store
        .create_post(&common::input(
            &t.store,
            "Teaser",
            Some("2026-03-03"),
            Some("12:00"),
        ))
        .unwrap();
    let result = t
        .store
        .set_post_result(
            &post.id,
            &PostResultInput {
                reach: Some(400.0),
                impressions: Some(650.0),
                reactions: Some(10.0),
                comments: Some(5.0),
                shares: Some(3.0),
                saves: Some(2.0),
                clicks: Some(8.0),
            },
        )
        .unwrap();
    // 10+5+3+2 = 20; 20/400*100 = 5.0
    assert_eq!(result.engagements, Some(20));
    assert_eq!(result.engagement_rate, Some(5.0));
    assert!(result.flags.is_empty());
    assert_eq!(t.store.post_result(&post.id).unwrap(), Some(result));

    // Odd figures are kept, and flagged.
    let odd = t
        .store
        .set_post_result(
            &post.id,
            &PostResultInput {
                reach: Some(10.0),
                reactions: Some(30.0),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(odd.flags, [ResultFlag::EngagementsAboveReach]);
    assert_eq!(odd.saves, None, "not measured is not zero");

    t.store.clear_post_result(&post.id).unwrap();
    assert_eq!(t.store.post_result(&post.id).unwrap(), None);

    // Many results at once: all of them, or none when one is wrong.
    let other = t
        .store
        .create_post(&common::input(
            &t.store,
            "Other",
            Some("2026-03-04"),
            Some("12:00"),
        ))
        .unwrap();
    let reach = |n: f64| PostResultInput {
        reach: Some(n),
        ..Default::default()
    };
    let bad = [
        (post.id.clone(), reach(10.0)),
        (other.id.clone(), reach(-1.0)),
    ];
    assert!(matches!(
        t.store.set_post_results(&bad),
        Err(Error::Validation { field: "reach", .. })
    ));
    let unknown = [
        (post.id.clone(), reach(10.0)),
        ("nope".to_string(), reach(1.0)),
    ];
    assert!(matches!(
        t.store.set_post_results(&unknown),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(t.store.post_result(&post.id).unwrap(), None);
    let both = [
        (post.id.clone(), reach(10.0)),
        (other.id.clone(), reach(20.0)),
    ];
    assert_eq!(t.store.set_post_results(&both).unwrap(), 2);
    assert_eq!(
        t.store.post_result(&other.id).unwrap().unwrap().reach,
        Some(20)
    );

    // Deleting the post deletes its result.
    t.store
        .set_post_result(&post.id, &PostResultInput::default())
        .unwrap();
    t.store.delete_post(&post.id).unwrap();
    assert_eq!(t.store.post_result(&post.id).unwrap(), None);
}

// ---------------------------------------------------------------------------
// CSV import

fn networks(store: &Store) -> Vec<tribu_core::model::Network> {
    store.networks().unwrap()
}

#[test]
fn french_wide_export_with_bom_semicolons_quotes_crlf_and_empty_lines() {
    let t = temp_store();
    let ig = network_id(&t.store, "Instagram");
    let fb = network_id(&t.store, "Facebook");
    let text = "\u{feff}Date;Réseau;Abonnés;Portée;\"Taux d'engagement (%)\";Notes\r\n\
                05/03/2026;Instagram;\"1 234\";\"1 234,5\";\"12,5 %\";\"Lancement; \"\"teaser\"\"\"\r\n\
                \r\n\
                2026-03-06;instagram;1\u{202f}240;980;3,5;\r\n\
                07.03.2026;FACEBOOK;5600;2\u{a0}100;\"4,0 %\";ok\r\n\
                ;;;;;\r\n\
                08/03/26;Facebook;5 610;1.234,5;;\r\n";
    let mapping = guess_mapping(text).unwrap();
    assert_eq!(
        mapping,
        CsvMapping {
            date_column: 0,
            network_column: Some(1),
            network_id: None,
            layout: CsvLayout::Wide {
                columns: vec![
                    MetricColumn {
                        column: 2,
                        metric: Metric::Followers
                    },
                    MetricColumn {
                        column: 3,
                        metric: Metric::Reach
                    },
                    MetricColumn {
                        column: 4,
                        metric: Metric::EngagementRate
                    },
                ]
            },
            date_order: DateOrder::DayFirst,
        }
    );
    let preview = preview_csv(text, &mapping, &networks(&t.store));
    assert_eq!(preview.delimiter, ";");
    assert_eq!(
        preview.header[0], "Date",
        "the BOM is not part of the first header"
    );
    assert_eq!(
        preview.empty_lines, 2,
        "line 3 and the line of separators only"
    );
    assert_eq!(
        preview.lines.iter().map(|l| l.line).collect::<Vec<_>>(),
        [2, 4, 5, 7]
    );
    assert_eq!((preview.valid_lines, preview.invalid_lines), (4, 0));
    assert_eq!(preview.warnings.len(), 1);
    assert_eq!(preview.warnings[0].reason, "ignored_columns");
    assert!(preview.warnings[0].message.contains("“Notes”"));
    assert_eq!(preview.lines[0].cells[5], "Lancement; \"teaser\"");

    let values = |line: usize| -> Vec<(String, String, Metric, f64)> {
        preview.lines[line]
            .observations
            .iter()
            .map(|o| (o.day.clone(), o.network_id.clone(), o.metric, o.value))
            .collect()
    };
    assert_eq!(
        values(0),
        [
            ("2026-03-05".into(), ig.clone(), Metric::Followers, 1234.0),
            ("2026-03-05".into(), ig.clone(), Metric::Reach, 1234.5),
            (
                "2026-03-05".into(),
                ig.clone(),
                Metric::EngagementRate,
                12.5
            ),
        ]
    );
    assert_eq!(
        values(1),
        [
            ("2026-03-06".into(), ig.clone(), Metric::Followers, 1240.0),
            ("2026-03-06".into(), ig.clone(), Metric::Reach, 980.0),
            ("2026-03-06".into(), ig.clone(), Metric::EngagementRate, 3.5),
        ]
    );
    assert_eq!(
        values(2)[0],
        ("2026-03-07".into(), fb.clone(), Metric::Followers, 5600.0)
    );
    assert_eq!(values(2)[1].3, 2100.0);
    // The empty rate cell is a value not measured: two observations.
    assert_eq!(
        values(3),
        [
            ("2026-03-08".into(), fb.clone(), Metric::Followers, 5610.0),
            ("2026-03-08".into(), fb.clone(), Metric::Reach, 1234.5),
        ]
    );
    assert_eq!(preview.observation_count, 11);
    assert!(preview.lines.iter().all(|l| l
        .observations
        .iter()
        .all(|o| o.source == ObservationSource::Csv)));
}

#[test]
fn english_long_export_with_line_errors() {
    let t = temp_store();
    let x = network_id(&t.store, "X");
    let ig = network_id(&t.store, "Instagram");
    let text = "date,network,metric,value\n\
                2026-03-05T10:00:00Z,X,followers,\"1,234.5\"\n\
                2026/03/06,Twitter,reach,\"1,234\"\n\
                2026-03-07,Mastodon,reach,10\n\
                31/02/2026,Instagram,reach,10\n\
                2026-03-08,Instagram,reach\n\
                2026-03-09,Instagram,clicks,-3\n\
                2026-03-10,Instagram,humeur,3\n\
                2026-03-11,Instagram,comments,12,extra,columns\n\
                2026-03-12,Instagram,comments,abc\n\
                2026-03-13,Instagram,comments,7,more\n\
                2026-03-13,instagram,Comments,8\n";
    let mapping = guess_mapping(text).unwrap();
    assert_eq!(
        mapping.layout,
        CsvLayout::Long {
            metric_column: 2,
            value_column: 3
        }
    );
    let preview = preview_csv(text, &mapping, &networks(&t.store));
    assert_eq!(preview.delimiter, ",");
    let line = |n: u32| preview.lines.iter().find(|l| l.line == n).unwrap();
    let error = |n: u32| {
        let l = line(n);
        assert!(l.observations.is_empty(), "line {n} has an error: no value");
        assert_eq!(l.errors.len(), 1, "line {n}: {:?}", l.errors);
        (l.errors[0].reason.as_str(), l.errors[0].message.as_str())
    };

    // An ISO instant gives its date; an English thousands separator in a
    // comma-separated file.
    let o = &line(2).observations[0];
    assert_eq!(
        (o.day.as_str(), o.network_id.as_str(), o.metric, o.value),
        ("2026-03-05", x.as_str(), Metric::Followers, 1234.5)
    );
    let o = &line(3).observations[0];
    assert_eq!(
        (o.day.as_str(), o.network_id.as_str(), o.value),
        ("2026-03-06", x.as_str(), 1234.0)
    );

    assert_eq!(
        error(4),
        (
            "unknown_network",
            "line 4: no network named “Mastodon” in this workspace"
        )
    );
    assert_eq!(
        error(5),
        ("invalid_date", "line 5: “31/02/2026” is not a valid date")
    );
    assert_eq!(error(6).0, "missing_column");
    assert!(
        error(6)
            .1
            .starts_with("line 6: 3 columns, the column “value”"),
        "{}",
        error(6).1
    );
    assert_eq!(
        error(7),
        (
            "negative",
            "line 7: “-3” is negative; clicks cannot be below zero"
        )
    );
    assert_eq!(
        error(8),
        (
            "unknown_metric",
            "line 8: “humeur” is not a metric Tribu knows"
        )
    );
    assert_eq!(
        error(10),
        ("invalid_number", "line 10: “abc” is not a number")
    );
    assert_eq!(
        line(9).observations[0].value,
        12.0,
        "extra columns are ignored"
    );

    // Extra columns are noted once, for the first line that has them.
    let extra: Vec<&CsvIssue> = preview
        .warnings
        .iter()
        .filter(|w| w.reason == "extra_columns")
        .collect();
    assert_eq!(extra.len(), 1);
    assert_eq!(extra[0].line, 9);

    // Two values for the same day, network and metric: the later one wins,
    // with a warning.
    assert_eq!(line(12).warnings[0].reason, "duplicate");
    assert!(line(12).warnings[0].message.contains("line 11"));

    assert_eq!((preview.valid_lines, preview.invalid_lines), (5, 6));
    let valid = preview.valid_observations();
    assert_eq!(valid.len(), 5);
    assert!(valid
        .iter()
        .all(|o| o.network_id == x || o.network_id == ig));
}

#[test]
fn tab_separated_file_of_one_network_with_us_dates() {
    let t = temp_store();
    let li = network_id(&t.store, "LinkedIn");
    let text = "Day\tFollowers\tClics\n03/05/2026\t1,234\t12\n03/06/2026\t1 240\t\n";
    let mut mapping = guess_mapping(text).unwrap();
    assert_eq!(mapping.network_column, None);

    // Without a network, every line says so.
    let preview = preview_csv(text, &mapping, &networks(&t.store));
    assert_eq!(preview.delimiter, "\t");
    assert_eq!(preview.lines[0].errors[0].reason, "no_network");

    mapping.network_id = Some(li.clone());
    mapping.date_order = DateOrder::MonthFirst;
    let preview = t.store.preview_csv(text, &mapping).unwrap();
    assert_eq!(preview.invalid_lines, 0);
    let first = &preview.lines[0].observations;
    // March 5 read month first; "1,234" in a tab file: a lone comma is the
    // decimal mark.
    assert_eq!(first[0].day, "2026-03-05");
    assert_eq!(first[0].network_id, li);
    assert_eq!(first[0].value, 1.234);
    assert_eq!(first[1].metric, Metric::Clicks);
    assert_eq!(preview.lines[1].observations.len(), 1);
}

#[test]
fn a_file_without_a_date_or_metric_column_is_refused_by_the_guess() {
    assert!(matches!(
        guess_mapping("réseau;abonnés\nInstagram;12"),
        Err(Error::Validation {
            reason: "no_date_column",
            ..
        })
    ));
    assert!(matches!(
        guess_mapping("date;humeur\n2026-03-01;bonne"),
        Err(Error::Validation {
            reason: "no_metric_column",
            ..
        })
    ));
}

#[test]
fn a_confirmed_import_writes_exactly_the_valid_lines() {
    let mut t = temp_store();
    let ig = network_id(&t.store, "Instagram");
    let text = "date;réseau;abonnés;portée\n\
                01/03/2026;Instagram;1000;500\n\
                02/03/2026;Instagram;-4;510\n\
                03/03/2026;Inconnu;1010;520\n\
                04/03/2026;Instagram;1020;\n";
    let mapping = guess_mapping(text).unwrap();
    let preview = t.store.preview_csv(text, &mapping).unwrap();
    assert_eq!((preview.valid_lines, preview.invalid_lines), (2, 2));
    assert!(
        all_observations(&t.store).is_empty(),
        "a preview writes nothing"
    );

    let report = t
        .store
        .import_observations(&preview.valid_observations())
        .unwrap();
    // Line 2: followers and reach; line 5: followers only.
    assert_eq!(
        report,
        ImportReport {
            written: 3,
            replaced: 0
        }
    );
    let stored: Vec<(String, Metric, f64, ObservationSource)> = all_observations(&t.store)
        .into_iter()
        .map(|o| {
            assert_eq!(o.network_id, ig);
            (o.day, o.metric, o.value, o.source)
        })
        .collect();
    assert_eq!(
        stored,
        [
            (
                "2026-03-01".into(),
                Metric::Followers,
                1000.0,
                ObservationSource::Csv
            ),
            (
                "2026-03-01".into(),
                Metric::Reach,
                500.0,
                ObservationSource::Csv
            ),
            (
                "2026-03-04".into(),
                Metric::Followers,
                1020.0,
                ObservationSource::Csv
            ),
        ]
    );

    // The same file again replaces instead of counting twice.
    let report = t
        .store
        .import_observations(&preview.valid_observations())
        .unwrap();
    assert_eq!(
        report,
        ImportReport {
            written: 3,
            replaced: 3
        }
    );
    assert_eq!(all_observations(&t.store).len(), 3);
}

// ---------------------------------------------------------------------------
// The panel

struct Fixture {
    t: common::TempStore,
    ig: String,
    fb: String,
    li: String,
    posts: HashMap<&'static str, String>,
    kpis: HashMap<&'static str, String>,
}

#[allow(clippy::too_many_arguments)]
fn add_post(
    store: &mut Store,
    title: &str,
    network: &str,
    format: PostFormat,
    theme: &str,
    date: &str,
    time: &str,
    status: PostStatus,
) -> String {
    store
        .create_post(&PostInput {
            title: title.into(),
            body: String::new(),
            network_id: network.into(),
            format,
            status,
            date: Some(date.into()),
            time: Some(time.into()),
            zone: Some("Europe/Paris".into()),
            theme: theme.into(),
            campaign: String::new(),
            notes: String::new(),
            asset_links: vec![],
            reminder_minutes: None,
            rrule: None,
        })
        .unwrap()
        .id
}

/// (reach, reactions, comments, shares, saves)
type Counts = (u32, u32, u32, u32, u32);
type PostRow<'a> = (
    &'static str,
    &'a str,
    PostFormat,
    &'static str,
    u32,
    u32,
    bool,
    Option<Counts>,
);

fn add_result(store: &mut Store, post: &str, counts: Counts) {
    let (reach, reactions, comments, shares, saves) = counts;
    store
        .set_post_result(
            post,
            &PostResultInput {
                reach: Some(reach.into()),
                reactions: Some(reactions.into()),
                comments: Some(comments.into()),
                shares: Some(shares.into()),
                saves: Some(saves.into()),
                ..Default::default()
            },
        )
        .unwrap();
}

/// March 2026 in Paris, before the change to summer time on the 29th.
///
/// | post | network | format | theme | date, time | reach | engagements | rate |
/// |---|---|---|---|---|---|---|---|
/// | p1 | Instagram | photo | coulisses | Tue 3, 12:00 | 400 | 10+5+3+2 = 20 | 5.0 |
/// | p2 | Instagram | video | conseils | Thu 5, 18:00 | 1000 | 60+20+10+10 = 100 | 10.0 |
/// | p3 | Facebook | photo | coulisses | Tue 10, 12:00 | 2000 | 20+5+5 = 30 | 1.5 |
/// | p4 | Facebook | text | — | Thu 12, 09:00 | 20 | 5 | 25.0 |
/// | p5 | LinkedIn | article | conseils | Tue 17, 12:00 | 500 | 15+3+2 = 20 | 4.0 |
/// | p6 | Instagram | photo | coulisses | Thu 19, 18:00 | no result | | |
/// | p7 | Instagram | photo | draft, not counted | Fri 20, 12:00 | 100 | 50 | |
/// | p8 | Instagram | story | — | Tue 24, 12:00 | 300 | 3 | 1.0 |
fn fixture() -> Fixture {
    use PostFormat::{Article, Photo, Story, Text, Video};
    let mut t = temp_store();
    let ig = network_id(&t.store, "Instagram");
    let fb = network_id(&t.store, "Facebook");
    let li = network_id(&t.store, "LinkedIn");
    let s = &mut t.store;
    let mut posts = HashMap::new();
    // (key, network, format, theme, day of March, hour, published, result)
    let rows: [PostRow; 8] = [
        (
            "p1",
            &ig,
            Photo,
            "coulisses",
            3,
            12,
            true,
            Some((400, 10, 5, 3, 2)),
        ),
        (
            "p2",
            &ig,
            Video,
            "conseils",
            5,
            18,
            true,
            Some((1000, 60, 20, 10, 10)),
        ),
        (
            "p3",
            &fb,
            Photo,
            "coulisses",
            10,
            12,
            true,
            Some((2000, 20, 5, 5, 0)),
        ),
        ("p4", &fb, Text, "", 12, 9, true, Some((20, 5, 0, 0, 0))),
        (
            "p5",
            &li,
            Article,
            "conseils",
            17,
            12,
            true,
            Some((500, 15, 3, 2, 0)),
        ),
        ("p6", &ig, Photo, "coulisses", 19, 18, true, None),
        (
            "p7",
            &ig,
            Photo,
            "coulisses",
            20,
            12,
            false,
            Some((100, 50, 0, 0, 0)),
        ),
        ("p8", &ig, Story, "", 24, 12, true, Some((300, 3, 0, 0, 0))),
    ];
    for (key, network, format, theme, day, hour, published, result) in rows {
        let status = if published {
            PostStatus::Published
        } else {
            PostStatus::Draft
        };
        let date = format!("2026-03-{day:02}");
        let time = format!("{hour:02}:00");
        let id = add_post(s, key, network, format, theme, &date, &time, status);
        if let Some(counts) = result {
            add_result(s, &id, counts);
        }
        posts.insert(key, id);
    }

    s.add_observations(&[
        obs("2026-02-15", &ig, Metric::Followers, 9_500.0),
        obs("2026-03-01", &ig, Metric::Followers, 10_000.0),
        obs("2026-03-15", &ig, Metric::Followers, 10_700.0),
        obs("2026-03-29", &ig, Metric::Followers, 11_400.0),
        obs("2026-03-01", &fb, Metric::Followers, 5_000.0),
        obs("2026-03-29", &fb, Metric::Followers, 5_140.0),
        obs("2026-03-02", &ig, Metric::ResponseTimeMinutes, 110.0),
        obs("2026-03-16", &ig, Metric::ResponseTimeMinutes, 100.0),
        obs("2026-03-16", &fb, Metric::ResponseTimeMinutes, 80.0),
        obs("2026-02-27", &ig, Metric::Clicks, 100.0),
        obs("2026-03-02", &ig, Metric::Clicks, 40.0),
        obs("2026-03-09", &ig, Metric::Clicks, 60.0),
        obs("2026-03-09", &fb, Metric::Clicks, 20.0),
        obs("2026-03-20", &fb, Metric::Clicks, 30.0),
    ])
    .unwrap();

    let aware = objective(s, ObjectiveKind::Awareness, "Notoriété");
    let service = objective(s, ObjectiveKind::Loyalty, "Service");
    let traffic = objective(s, ObjectiveKind::Traffic, "Trafic");
    let specs = [
        (
            "k1",
            KpiInput {
                network_id: Some(ig.clone()),
                ..kpi_input(&aware, "Abonnés Instagram", Metric::Followers, 12_000.0)
            },
        ),
        (
            "k2",
            KpiInput {
                network_id: Some(fb.clone()),
                baseline: Some(5_000.0),
                deadline: "2026-04-30".into(),
                ..kpi_input(&aware, "Abonnés Facebook", Metric::Followers, 9_000.0)
            },
        ),
        (
            "k3",
            KpiInput {
                baseline: Some(120.0),
                deadline: "2026-05-31".into(),
                direction: Direction::Down,
                ..kpi_input(
                    &service,
                    "Temps de réponse",
                    Metric::ResponseTimeMinutes,
                    60.0,
                )
            },
        ),
        (
            "k4",
            KpiInput {
                deadline: "2026-03-31".into(),
                ..kpi_input(&traffic, "Clics de mars", Metric::Clicks, 1_000.0)
            },
        ),
        (
            "k5",
            KpiInput {
                network_id: Some(ig.clone()),
                baseline: Some(5.0),
                ..kpi_input(&aware, "Engagement Instagram", Metric::EngagementRate, 8.0)
            },
        ),
        (
            "k6",
            KpiInput {
                network_id: Some(li.clone()),
                deadline: "2026-03-31".into(),
                ..kpi_input(&traffic, "Portée LinkedIn", Metric::Reach, 2_000.0)
            },
        ),
    ];
    let mut kpis = HashMap::new();
    for (key, input) in specs {
        kpis.insert(key, s.create_kpi(&input).unwrap().id);
    }
    Fixture {
        t,
        ig,
        fb,
        li,
        posts,
        kpis,
    }
}

fn march(f: &Fixture) -> DashboardQuery {
    DashboardQuery {
        start: "2026-03-02".into(),
        end: "2026-03-29".into(),
        frequencies: Some(HashMap::from([(
            f.ig.clone(),
            Frequency {
                count: 2,
                per: FrequencyPeriod::Week,
            },
        )])),
        granularity: Some(Granularity::Week),
        ..Default::default()
    }
}

fn card<'a>(d: &'a Dashboard, f: &Fixture, key: &str) -> &'a KpiCard {
    d.cards.iter().find(|c| c.kpi_id == f.kpis[key]).unwrap()
}

fn values(points: &[SeriesPoint]) -> Vec<Option<f64>> {
    points.iter().map(|p| p.value).collect()
}

#[test]
fn dashboard_totals_groups_rankings_and_heatmap() {
    let f = fixture();
    let d = f.t.store.kpi_dashboard(&march(&f)).unwrap();

    // p1 p2 p3 p4 p5 p6 p8 published (p7 is a draft); p6 has no result.
    assert_eq!((d.totals.published_posts, d.totals.measured_posts), (7, 6));
    // 400+1000+2000+20+500+300 = 4220
    assert_eq!(d.totals.reach, 4220);
    // 20+100+30+5+20+3 = 178
    assert_eq!(d.totals.engagements, 178);
    // 178/4220*100 = 4.2180094…; the mean of the rates would be
    // (5+10+1.5+25+4+1)/6 = 7.75.
    close(d.totals.engagement_rate, 4.218_009_479);
    // p4: 5 engagements for 20 people is fine; nothing is flagged.
    assert_eq!(d.totals.flagged_posts, 0);

    let network = |id: &str| d.networks.iter().find(|g| g.key == id).unwrap();
    // Instagram p1 p2 p6 p8: reach 400+1000+300 = 1700, 20+100+3 = 123,
    // 123/1700*100 = 7.2352941…
    let ig = network(&f.ig);
    assert_eq!(
        (ig.posts, ig.measured, ig.reach, ig.engagements),
        (4, 3, 1700, 123)
    );
    close(ig.engagement_rate, 7.235_294_118);
    // Facebook p3 p4: (30+5)/(2000+20)*100 = 1.7326732…
    close(network(&f.fb).engagement_rate, 1.732_673_267);
    // LinkedIn p5: 20/500*100 = 4.0
    close(network(&f.li).engagement_rate, 4.0);

    // Formats, best rate first: text 25.0; video 10.0; article 4.0;
    // photo p1 p3 p6 (20+30)/(400+2000)*100 = 2.0833…; story 1.0.
    let formats: Vec<&str> = d.formats.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(formats, ["text", "video", "article", "photo", "story"]);
    assert_eq!(d.formats[3].posts, 3);
    close(d.formats[3].engagement_rate, 50.0 / 2400.0 * 100.0);

    // Themes: conseils p2 p5 (100+20)/(1000+500)*100 = 8.0; none p4 p8
    // (5+3)/(20+300)*100 = 2.5; coulisses 2.0833….
    let themes: Vec<(&str, Option<f64>)> = d
        .themes
        .iter()
        .map(|g| (g.key.as_str(), g.engagement_rate))
        .collect();
    assert_eq!(themes[0], ("conseils", Some(8.0)));
    assert_eq!(themes[1], ("", Some(2.5)));
    assert_eq!(themes[2].0, "coulisses");

    // Top 5 with the default 100-people threshold: p4 (20 people) is out.
    let top: Vec<&str> = d.top.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(top, ["p2", "p1", "p5", "p3", "p8"]);
    assert!(d.flop.is_empty());
    assert_eq!(d.top[0].post_id, f.posts["p2"]);
    assert_eq!(d.top[0].format, PostFormat::Video);
    assert_eq!(d.top[0].theme, "conseils");

    // Tuesdays 12:00: p1 5.0, p3 1.5, p5 4.0, p8 1.0 → (1.5+4.0)/2 = 2.75.
    let tue = d.heatmap.cell(1, 12).unwrap();
    assert_eq!(
        (tue.median_rate, tue.sample, tue.sufficient),
        (Some(2.75), 4, true)
    );
    // Thursday 18:00: p2 only (p6 has no result): below the 3 posts needed.
    let thu = d.heatmap.cell(3, 18).unwrap();
    assert_eq!(
        (thu.median_rate, thu.sample, thu.sufficient),
        (Some(10.0), 1, false)
    );

    // Instagram, 2 a week: p1 p2 | — | p6 | p8 → met, under, under, under.
    assert_eq!(d.regularity.len(), 1);
    let posts: Vec<u32> = d.regularity[0].steps.iter().map(|s| s.posts).collect();
    assert_eq!(posts, [2, 0, 1, 1]);
    // 1 of 4 weeks: 25.0
    assert_eq!(d.regularity[0].share_on_target, Some(25.0));
    assert_eq!(d.formulas.len(), 5);
}

#[test]
fn dashboard_kpi_cards() {
    let f = fixture();
    let d = f.t.store.kpi_dashboard(&march(&f)).unwrap();
    assert_eq!(d.cards.len(), 6);
    assert_eq!(d.trends.len(), 6);

    // k1, Instagram followers, up to 12,000: 10,000 on 1 March (the base,
    // no baseline given), 10,700 on the 15th, 11,400 on the 29th.
    let k1 = card(&d, &f, "k1");
    assert_eq!(k1.source, ValueSource::Observations);
    assert_eq!(k1.current, Some(11_400.0));
    assert_eq!(k1.base, Some(10_000.0));
    // (11400-10000)/(12000-10000)*100 = 70.0
    close(k1.progress, 70.0);
    // Level on 2 March (10,000, from the 1st) → 11,400: 1400/10000*100 = 14.0
    close(k1.growth, 14.0);
    // +50 a day from 10,000 on day 0; 30 June is day 121: 10000+50*121 = 16,050.
    close(k1.projection, 16_050.0);
    assert_eq!(k1.on_track, Some(true));
    // Weeks from Monday 2 March, last level known at each week's end.
    assert_eq!(
        values(&k1.sparkline),
        [
            Some(10_000.0),
            Some(10_700.0),
            Some(10_700.0),
            Some(11_400.0)
        ]
    );
    assert_eq!(k1.objective_title, "Notoriété");

    // k2, Facebook followers from the 5,000 baseline to 9,000 by 30 April:
    // (5140-5000)/(9000-5000)*100 = 3.5; +5 a day, day 60 (30 April):
    // 5000+5*60 = 5,300 < 9,000.
    let k2 = card(&d, &f, "k2");
    close(k2.progress, 3.5);
    close(k2.projection, 5_300.0);
    assert_eq!(k2.on_track, Some(false));

    // k3, response time (mean), down from 120 to 60: (110+100+80)/3 = 96.67;
    // (96.67-120)/(60-120)*100 = 38.89.
    let k3 = card(&d, &f, "k3");
    assert_eq!(k3.aggregation, Aggregation::Mean);
    close(k3.current, 290.0 / 3.0);
    close(k3.progress, (290.0 / 3.0 - 120.0) / (60.0 - 120.0) * 100.0);
    // Daily means 110 (day 1), (100+80)/2 = 90 (day 15): falling fast enough.
    assert_eq!(k3.on_track, Some(true));

    // k4, clicks (a flow) in March, target 1,000: 40+60+20+30 = 150 in the
    // period, and since 1 March; 150/1000*100 = 15.0.
    let k4 = card(&d, &f, "k4");
    assert_eq!(k4.current, Some(150.0));
    assert_eq!(k4.to_date, Some(150.0));
    close(k4.progress, 15.0);
    // Against the 28 days before (100 on 27 Feb): (150-100)/100*100 = 50.0.
    close(k4.growth, 50.0);
    // Cumulative 40 (day 1), 120 (day 8), 150 (day 19): slope 8610/1482 =
    // 5.8097 a day, intercept 310/3 - 5.8097*28/3 = 49.11; day 30:
    // 49.11 + 5.8097*30 = 223.4 < 1000.
    let slope = 8610.0 / 1482.0;
    close(
        k4.projection,
        310.0 / 3.0 - slope * 28.0 / 3.0 + slope * 30.0,
    );
    assert_eq!(k4.on_track, Some(false));
    assert_eq!(
        values(&k4.sparkline),
        [Some(40.0), Some(80.0), Some(30.0), None]
    );
    let k4_trend = d.trends.iter().find(|t| t.kpi_id == f.kpis["k4"]).unwrap();
    assert_eq!(
        values(&k4_trend.points),
        [Some(40.0), Some(120.0), Some(150.0), Some(150.0)]
    );
    assert_eq!(k4_trend.target, 1_000.0);

    // k5, Instagram engagement rate, from the posts: (20+100+3)/(400+1000+300)
    // *100 = 7.2352941…; from 5.0 to 8.0: (7.2353-5)/(8-5)*100 = 74.51.
    let k5 = card(&d, &f, "k5");
    assert_eq!(k5.source, ValueSource::PostResults);
    close(k5.current, 123.0 / 1700.0 * 100.0);
    close(k5.progress, (123.0 / 1700.0 * 100.0 - 5.0) / 3.0 * 100.0);
    // Daily rates 5.0 (3rd), 10.0 (5th), 1.0 (24th): falling.
    assert_eq!(k5.on_track, Some(false));

    // k6, LinkedIn reach with no observation: from p5's result, 500;
    // 500/2000*100 = 25.0; one value, no projection.
    let k6 = card(&d, &f, "k6");
    assert_eq!(k6.source, ValueSource::PostResults);
    assert_eq!(k6.current, Some(500.0));
    close(k6.progress, 25.0);
    assert_eq!((k6.projection, k6.on_track), (None, None));
}

#[test]
fn dashboard_filtered_on_one_network() {
    let f = fixture();
    let mut query = march(&f);
    query.network_id = Some(f.ig.clone());
    query.min_reach = Some(350);
    let d = f.t.store.kpi_dashboard(&query).unwrap();
    // Instagram's KPIs and the all-network ones: k1, k3, k4, k5.
    let mut shown: Vec<&str> = f
        .kpis
        .iter()
        .filter(|(_, id)| d.cards.iter().any(|c| &&c.kpi_id == id))
        .map(|(k, _)| *k)
        .collect();
    shown.sort();
    assert_eq!(shown, ["k1", "k3", "k4", "k5"]);
    assert_eq!(d.totals.published_posts, 4);
    assert_eq!(d.networks.len(), 1);
    // p1 (400) and p2 (1000) reached 350 people; p8 (300) did not.
    let top: Vec<&str> = d.top.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(top, ["p2", "p1"]);

    assert!(matches!(
        f.t.store.kpi_dashboard(&DashboardQuery {
            network_id: Some("nope".into()),
            ..march(&f)
        }),
        Err(Error::Validation {
            field: "network",
            ..
        })
    ));
    assert!(matches!(
        f.t.store.kpi_dashboard(&DashboardQuery {
            start: "2026-03-29".into(),
            end: "2026-03-02".into(),
            ..Default::default()
        }),
        Err(Error::Validation { field: "end", .. })
    ));
}

#[test]
fn dashboard_frequencies_come_from_the_charter_by_default() {
    let mut f = fixture();
    f.t.store
        .save_charter_section(CharterSection::Guidelines(vec![NetworkGuideline {
            network_id: f.fb.clone(),
            purpose: String::new(),
            audience: String::new(),
            formats: vec![],
            frequency: Some(Frequency {
                count: 1,
                per: FrequencyPeriod::Week,
            }),
            preferred_slots: vec![],
            max_hashtags: None,
            hashtag_policy: String::new(),
        }]))
        .unwrap();
    let mut query = march(&f);
    query.frequencies = None;
    let d = f.t.store.kpi_dashboard(&query).unwrap();
    assert_eq!(d.regularity.len(), 1);
    assert_eq!(d.regularity[0].network_id, f.fb);
    // Facebook p3 and p4 in the week of 9 March only: 0, 2, 0, 0 → 1 week of 4.
    let posts: Vec<u32> = d.regularity[0].steps.iter().map(|s| s.posts).collect();
    assert_eq!(posts, [0, 2, 0, 0]);
    assert_eq!(d.regularity[0].share_on_target, Some(25.0));
}

#[test]
fn heatmap_places_posts_in_their_own_zone_across_daylight_saving() {
    let mut t = temp_store();
    let ig = network_id(&t.store, "Instagram");
    // Paris changes to summer time on Sunday 29 March 2026.
    let before = add_post(
        &mut t.store,
        "Winter",
        &ig,
        PostFormat::Photo,
        "",
        "2026-03-23",
        "09:00",
        PostStatus::Published,
    );
    let after = add_post(
        &mut t.store,
        "Summer",
        &ig,
        PostFormat::Photo,
        "",
        "2026-03-30",
        "09:00",
        PostStatus::Published,
    );
    assert_eq!(
        t.store.post(&before).unwrap().planned_at.as_deref(),
        Some("2026-03-23T08:00:00Z")
    );
    assert_eq!(
        t.store.post(&after).unwrap().planned_at.as_deref(),
        Some("2026-03-30T07:00:00Z")
    );
    add_result(&mut t.store, &before, (100, 4, 0, 0, 0)); // 4.0 %
    add_result(&mut t.store, &after, (100, 8, 0, 0, 0)); // 8.0 %
    let d = t
        .store
        .kpi_dashboard(&DashboardQuery {
            start: "2026-03-23".into(),
            end: "2026-04-05".into(),
            min_sample: Some(2),
            ..Default::default()
        })
        .unwrap();
    // Both on Monday at 09, not 07 or 08 (UTC), median (4+8)/2 = 6.0.
    let monday_9 = d.heatmap.cell(0, 9).unwrap();
    assert_eq!(
        (monday_9.sample, monday_9.median_rate, monday_9.sufficient),
        (2, Some(6.0), true)
    );
    assert_eq!(d.heatmap.cell(0, 7).unwrap().sample, 0);
    assert_eq!(d.heatmap.cell(0, 8).unwrap().sample, 0);
    assert_eq!(d.granularity, Granularity::Day);
}

#[test]
fn an_empty_workspace_has_an_empty_panel_without_nan() {
    let t = temp_store();
    let d = t
        .store
        .kpi_dashboard(&DashboardQuery {
            start: "2026-01-01".into(),
            end: "2026-12-31".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(d.cards.is_empty() && d.top.is_empty() && d.networks.is_empty());
    assert_eq!(d.totals.engagement_rate, None);
    assert_eq!(d.granularity, Granularity::Week);
    let json = serde_json::to_string(&d).unwrap();
    assert!(!json.contains("NaN") && !json.contains("inf"));
}
