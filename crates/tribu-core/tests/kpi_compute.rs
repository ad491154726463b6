//! The KPI formulas and what the panel computes from a period's posts,
//! without a store. Expected figures are worked out by hand; the arithmetic
//! is in the comment next to each.

mod common;

use std::collections::HashMap;

use common::kpi::{close, day};
use tribu_core::charter::{Frequency, FrequencyPeriod};
use tribu_core::kpi::compute::{engagement_rate, growth_rate, progress, project, rate_of_sums};
use tribu_core::kpi::heatmap::best_times;
use tribu_core::kpi::regularity::regularity;
use tribu_core::kpi::results::top_and_flop;
use tribu_core::kpi::*;
use tribu_core::model::PostFormat;

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
