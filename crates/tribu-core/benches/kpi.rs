//! KPI panel figures for BENCHMARKS.md, on a real SQLite file with the app's
//! settings (WAL, synchronous=FULL): `Store::kpi_dashboard` over one year and
//! over three years of a busy workspace, p50 / p95 of 20 runs each.
//!
//! The workspace: 8 networks with three years of daily observations
//! (followers, reach, impressions, clicks: 35,040 values), 10,000 published
//! posts with results, 10 KPIs, and posting frequencies in the charter.
//!
//! Run: `cargo bench -p tribu-core --bench kpi` (prints Markdown rows).

mod common;

use std::time::Instant;

use chrono::{Days, NaiveDate};
use tribu_core::charter::{CharterSection, Frequency, FrequencyPeriod, NetworkGuideline};
use tribu_core::kpi::{
    DashboardQuery, Direction, KpiInput, KpiObjectiveInput, Metric, ObjectiveKind,
    ObservationInput, ObservationSource, PostResultInput,
};
use tribu_core::model::{PostFormat, PostInput, PostStatus};

const POSTS: usize = 10_000;
const DAYS: u64 = 1095;
const RUNS: usize = 20;

fn main() {
    let (_dir, mut store, networks) = common::bench_store(8);
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let date = |d: u64| start.checked_add_days(Days::new(d)).unwrap();
    let seeded = Instant::now();

    let mut observations = Vec::new();
    for d in 0..DAYS {
        let day = date(d).to_string();
        for (n, network) in networks.iter().enumerate() {
            let wave = ((d + n as u64 * 13) % 7) as f64;
            for (metric, value) in [
                (Metric::Followers, 1_000.0 * (n + 1) as f64 + 3.0 * d as f64),
                (Metric::Reach, 800.0 + 40.0 * wave),
                (Metric::Impressions, 1_500.0 + 90.0 * wave),
                (Metric::Clicks, 20.0 + wave),
            ] {
                observations.push(ObservationInput {
                    day: day.clone(),
                    network_id: network.clone(),
                    metric,
                    value,
                    source: ObservationSource::Csv,
                });
            }
        }
    }
    store
        .import_observations(&observations)
        .expect("observations");

    let formats = [
        PostFormat::Photo,
        PostFormat::Video,
        PostFormat::Text,
        PostFormat::Story,
        PostFormat::Article,
    ];
    let inputs: Vec<PostInput> = (0..POSTS)
        .map(|i| PostInput {
            format: formats[i % formats.len()],
            ..common::sample_post(
                i,
                &networks,
                date((i as u64 * DAYS) / POSTS as u64),
                PostStatus::Published,
            )
        })
        .collect();
    let ids = store.create_posts(&inputs).expect("posts");
    let results: Vec<(String, PostResultInput)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let reach = 200 + (i * 37) % 5_000;
            let n = |k: usize| Some(((reach * k) / 1_000 + i % 7) as f64);
            (
                id.clone(),
                PostResultInput {
                    reach: Some(reach as f64),
                    impressions: Some((reach * 3 / 2) as f64),
                    reactions: n(40),
                    comments: n(6),
                    shares: n(4),
                    saves: n(3),
                    clicks: n(10),
                },
            )
        })
        .collect();
    store.set_post_results(&results).expect("results");

    store
        .save_charter_section(CharterSection::Guidelines(
            networks
                .iter()
                .take(4)
                .map(|id| NetworkGuideline {
                    network_id: id.clone(),
                    purpose: String::new(),
                    audience: String::new(),
                    formats: vec![],
                    frequency: Some(Frequency {
                        count: 3,
                        per: FrequencyPeriod::Week,
                    }),
                    preferred_slots: vec![],
                    max_hashtags: None,
                    hashtag_policy: String::new(),
                })
                .collect(),
        ))
        .expect("charter");

    let objective = store
        .create_kpi_objective(&KpiObjectiveInput {
            kind: ObjectiveKind::Awareness,
            title: "Notoriété".into(),
            notes: String::new(),
        })
        .expect("objective");
    let kpi = |name: &str, metric, network: Option<&String>, target| KpiInput {
        objective_id: objective.id.clone(),
        name: name.into(),
        metric,
        network_id: network.cloned(),
        target,
        baseline: None,
        start_date: "2025-01-01".into(),
        deadline: "2028-06-30".into(),
        direction: Direction::Up,
    };
    let kpis = [
        kpi(
            "Followers 1",
            Metric::Followers,
            Some(&networks[0]),
            10_000.0,
        ),
        kpi(
            "Followers 2",
            Metric::Followers,
            Some(&networks[1]),
            10_000.0,
        ),
        kpi(
            "Followers 3",
            Metric::Followers,
            Some(&networks[2]),
            10_000.0,
        ),
        kpi("Followers, all", Metric::Followers, None, 60_000.0),
        kpi("Reach", Metric::Reach, None, 30_000_000.0),
        kpi(
            "Impressions 1",
            Metric::Impressions,
            Some(&networks[0]),
            2_000_000.0,
        ),
        kpi("Clicks", Metric::Clicks, None, 1_000_000.0),
        kpi("Engagement rate", Metric::EngagementRate, None, 6.0),
        kpi(
            "Engagement rate 1",
            Metric::EngagementRate,
            Some(&networks[0]),
            6.0,
        ),
        kpi("Comments", Metric::Comments, None, 100_000.0),
    ];
    for input in &kpis {
        store.create_kpi(input).expect("kpi");
    }
    eprintln!(
        "seeded {} observations, {POSTS} posts with results, {} KPIs in {:.1} s",
        observations.len(),
        kpis.len(),
        seeded.elapsed().as_secs_f64()
    );

    println!("| KPI dashboard, {POSTS} posts, {} observations, 10 KPIs, release build | posts in the period | p50 | p95 |", observations.len());
    println!("|---|---|---|---|");
    for (label, first, last) in [
        ("1 year (2027)", "2027-01-01", "2027-12-31"),
        ("3 years (2025–2027)", "2025-01-01", "2027-12-31"),
    ] {
        let query = DashboardQuery {
            start: first.into(),
            end: last.into(),
            ..Default::default()
        };
        let mut samples = Vec::new();
        let mut posts = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            let dashboard = store.kpi_dashboard(&query).expect("dashboard");
            samples.push(t.elapsed());
            posts = dashboard.totals.published_posts;
        }
        println!(
            "| {label}, {RUNS} runs | {posts} | {:.1} ms | {:.1} ms |",
            common::percentile(&mut samples, 0.5),
            common::percentile(&mut samples, 0.95)
        );
    }
}
