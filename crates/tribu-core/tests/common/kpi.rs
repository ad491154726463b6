//! Helpers of the KPI tests: inputs with sensible defaults, float checks,
//! and the March 2026 workspace the panel tests read.

use std::collections::HashMap;

use chrono::NaiveDate;
use tribu_core::charter::{Frequency, FrequencyPeriod};
use tribu_core::kpi::*;
use tribu_core::model::{PostFormat, PostInput, PostStatus};
use tribu_core::Store;

use super::{network_id, temp_store, TempStore};

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn close(actual: Option<f64>, expected: f64) {
    let a = actual.unwrap_or_else(|| panic!("expected {expected}, got None"));
    assert!((a - expected).abs() < 1e-6, "expected {expected}, got {a}");
}

pub fn objective(store: &mut Store, kind: ObjectiveKind, title: &str) -> KpiObjective {
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
pub fn kpi_input(objective: &KpiObjective, name: &str, metric: Metric, target: f64) -> KpiInput {
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

pub fn obs(day: &str, network: &str, metric: Metric, value: f64) -> ObservationInput {
    ObservationInput {
        day: day.into(),
        network_id: network.into(),
        metric,
        value,
        source: ObservationSource::Manual,
    }
}

pub fn all_observations(store: &Store) -> Vec<Observation> {
    store.observations(&ObservationFilter::default()).unwrap()
}

// ---------------------------------------------------------------------------
// The panel's workspace

pub struct Fixture {
    pub t: TempStore,
    pub ig: String,
    pub fb: String,
    pub li: String,
    pub posts: HashMap<&'static str, String>,
    pub kpis: HashMap<&'static str, String>,
}

#[allow(clippy::too_many_arguments)]
pub fn add_post(
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
pub type Counts = (u32, u32, u32, u32, u32);
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

pub fn add_result(store: &mut Store, post: &str, counts: Counts) {
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
pub fn fixture() -> Fixture {
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

/// The fixture's March, Monday 2 to Sunday 29, by week, with Instagram
/// expected twice a week.
pub fn march(f: &Fixture) -> DashboardQuery {
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
