//! KPI report figures for BENCHMARKS.md: a realistic report (10 KPIs with a
//! trend of 13 weekly points each, 8 networks, 11 formats, a full
//! weekday × hour heatmap, top and flop posts) typeset and turned into PDF
//! bytes in this process, the first time (cold: fonts loaded, caches empty)
//! and again (warm).
//!
//! Run: `cargo bench -p tribu-pdf --bench kpi_report` (prints Markdown
//! rows; with an argument, also writes the PDF there).

use std::time::Instant;

use chrono::NaiveDate;
use tribu_core::charter::CharterLanguage;
use tribu_core::kpi::compute::formulas;
use tribu_core::kpi::{
    Dashboard, DashboardTotals, Granularity, GroupResults, HeatCell, Heatmap, KpiCard, KpiTrend,
    Metric, RankedPost, SeriesPoint, ValueSource,
};
use tribu_core::model::{Network, NetworkKind, PostFormat};
use tribu_pdf::{kpi_report_pdf, KpiReport};

const NETWORKS: [&str; 8] = [
    "Facebook",
    "Instagram",
    "X",
    "LinkedIn",
    "YouTube",
    "TikTok",
    "Pinterest",
    "Blog",
];
const COLOURS: [&str; 8] = [
    "#1877f2", "#c13584", "#14171a", "#0a66c2", "#ff0000", "#25f4ee", "#e60023", "#f59f00",
];

fn sample() -> (Dashboard, Vec<Network>) {
    let networks: Vec<Network> = (0..8)
        .map(|i| Network {
            id: format!("net-{i}"),
            name: NETWORKS[i].into(),
            kind: NetworkKind::Custom,
            color: COLOURS[i].into(),
            char_limit: None,
            builtin: true,
        })
        .collect();
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let metrics = [
        (Metric::Followers, 12_000.0, 15_000.0),
        (Metric::Reach, 40_000.0, 900_000.0),
        (Metric::Impressions, 90_000.0, 2_000_000.0),
        (Metric::EngagementRate, 3.1, 4.5),
        (Metric::Comments, 120.0, 3_000.0),
        (Metric::Shares, 60.0, 1_500.0),
        (Metric::Clicks, 800.0, 20_000.0),
        (Metric::Mentions, 40.0, 60.0),
        (Metric::ResponseTimeMinutes, 95.0, 45.0),
        (Metric::Followers, 3_000.0, 5_000.0),
    ];
    let mut cards = Vec::new();
    let mut trends = Vec::new();
    for (i, (metric, first, target)) in metrics.into_iter().enumerate() {
        let id = format!("kpi-{i}");
        let flow = metric.is_flow();
        let points: Vec<SeriesPoint> = (0..13u32)
            .map(|w| {
                let w = f64::from(w);
                let value = if flow {
                    first * (w + 1.0) * (1.0 + 0.05 * (w * 1.3).sin())
                } else {
                    first + (target - first) * w / 20.0 + (w * 1.7).sin() * (target - first) / 30.0
                };
                SeriesPoint {
                    date: (start + chrono::Days::new(7 * w as u64)).to_string(),
                    value: (i != 7 || !(w as u32).is_multiple_of(4)).then_some(value),
                }
            })
            .collect();
        let last = points.iter().rev().find_map(|p| p.value);
        cards.push(KpiCard {
            kpi_id: id.clone(),
            objective_id: format!("obj-{}", i / 3),
            objective_title: ["Notoriété", "Engagement", "Trafic", "Service"][i / 3].into(),
            name: format!("{} {}", metric.as_str().replace('_', " "), i + 1),
            metric,
            aggregation: metric.aggregation(),
            network_id: (i % 2 == 0).then(|| format!("net-{}", i % 8)),
            direction: metric.usual_direction(),
            source: ValueSource::Observations,
            current: last,
            to_date: last,
            base: Some(first),
            target,
            progress: last.map(|v| (v - first) / (target - first) * 100.0),
            growth: Some(4.2),
            projection: last.map(|v| v * 1.4),
            on_track: Some(i % 3 != 0),
            start_date: "2026-01-05".into(),
            deadline: "2026-06-30".into(),
            sparkline: points.clone(),
        });
        trends.push(KpiTrend {
            kpi_id: id,
            target,
            deadline: "2026-06-30".into(),
            points,
            fit: None,
        });
    }
    let group = |key: String, posts: u32, reach: u64, engagements: u64| GroupResults {
        key,
        posts,
        measured: posts,
        reach,
        impressions: reach * 2,
        engagements,
        clicks: engagements / 10,
        engagement_rate: Some(engagements as f64 / reach as f64 * 100.0),
    };
    let cells = (0..7u8)
        .flat_map(|d| (0..24u8).map(move |h| (d, h)))
        .map(|(weekday, hour)| {
            let sample = u32::from((weekday * 3 + hour) % 7);
            HeatCell {
                weekday,
                hour,
                median_rate: (sample > 0).then(|| 1.0 + f64::from((weekday + hour) % 9) * 0.6),
                sample,
                sufficient: sample >= 3,
            }
        })
        .collect();
    let ranked = |i: usize, rate: f64| RankedPost {
        post_id: format!("post-{i}"),
        title: format!("Publication numéro {i} : coulisses de l'atelier"),
        network_id: format!("net-{}", i % 8),
        format: PostFormat::ALL[i % PostFormat::ALL.len()],
        theme: "Coulisses".into(),
        date: format!("2026-03-{:02}", i + 1),
        engagement_rate: rate,
        reach: 1_000 + 250 * i as u32,
        engagements: 80,
    };
    let dashboard = Dashboard {
        start: "2026-01-05".into(),
        end: "2026-04-05".into(),
        network_id: None,
        granularity: Granularity::Week,
        cards,
        trends,
        networks: (0..8)
            .map(|i| {
                group(
                    format!("net-{i}"),
                    20 + 7 * i,
                    10_000 + 13_000 * u64::from(i),
                    400 + 90 * u64::from(i),
                )
            })
            .collect(),
        heatmap: Heatmap {
            min_sample: 3,
            cells,
        },
        formats: PostFormat::ALL
            .iter()
            .enumerate()
            .map(|(i, f)| {
                group(
                    f.as_str().into(),
                    5 + 3 * i as u32,
                    5_000 + 2_000 * i as u64,
                    300,
                )
            })
            .collect(),
        themes: vec![],
        top: (0..5).map(|i| ranked(i, 9.0 - i as f64)).collect(),
        flop: (5..10).map(|i| ranked(i, 0.2 * i as f64)).collect(),
        regularity: vec![],
        totals: DashboardTotals {
            published_posts: 300,
            measured_posts: 288,
            reach: 524_000,
            impressions: 1_048_000,
            engagements: 5_720,
            clicks: 572,
            engagement_rate: Some(1.09),
            flagged_posts: 2,
        },
        min_reach: 100,
        formulas: formulas(),
    };
    (dashboard, networks)
}

fn main() {
    let (dashboard, networks) = sample();
    let report = KpiReport {
        dashboard: &dashboard,
        networks: &networks,
        brand: "Atelier Lin",
        language: CharterLanguage::Fr,
        date: NaiveDate::from_ymd_opt(2026, 4, 6).unwrap(),
    };
    let time = |report: &KpiReport| {
        let t = Instant::now();
        let pdf = kpi_report_pdf(report).expect("typesets");
        (t.elapsed().as_secs_f64() * 1000.0, pdf)
    };
    let (cold, pdf) = time(&report);
    let summary = |mut runs: Vec<f64>| {
        runs.sort_by(f64::total_cmp);
        (runs[runs.len() / 2], runs[runs.len() - 1])
    };
    // The same report again: Typst's caches hold nearly everything.
    let same = summary((0..10).map(|_| time(&report).0).collect());
    // Another report each time (as when the period or the data change):
    // another date, so other data and a layout redone.
    let changed = summary(
        (1..=10)
            .map(|day| {
                let mut other = report.clone();
                other.date = NaiveDate::from_ymd_opt(2026, 5, day).unwrap();
                time(&other).0
            })
            .collect(),
    );
    // Page objects are `/Type/Page`; the page tree is `/Type/Pages`.
    let text = String::from_utf8_lossy(&pdf);
    let pages = text.matches("/Type/Page").count() - text.matches("/Type/Pages").count();
    if let Some(out) = std::env::args().nth(1).filter(|a| !a.starts_with('-')) {
        std::fs::write(out, &pdf).expect("writes the sample");
    }
    println!("| KPI report, release build, one process | pages | cold | warm p50 | warm max |");
    println!("|---|---|---|---|---|");
    println!(
        "| 10 KPIs, 8 networks, full heatmap, same report again | {pages} | {cold:.0} ms | {:.0} ms | {:.0} ms |",
        same.0, same.1
    );
    println!(
        "| 10 KPIs, 8 networks, full heatmap, another date each time | {pages} | | {:.0} ms | {:.0} ms |",
        changed.0, changed.1
    );
}
