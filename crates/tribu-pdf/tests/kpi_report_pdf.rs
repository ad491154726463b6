//! The KPI report typeset for real from a dashboard built by hand, its text
//! read back with pdftotext (poppler-utils).

mod common;

use chrono::NaiveDate;
use common::{gap_after, pages, text_of, word_boxes};
use tribu_core::charter::CharterLanguage;
use tribu_core::kpi::compute::formulas;
use tribu_core::kpi::{
    Aggregation, Dashboard, DashboardTotals, Direction, Granularity, GroupResults, HeatCell,
    Heatmap, KpiCard, KpiTrend, Metric, RankedPost, SeriesPoint, ValueSource,
};
use tribu_core::model::{Network, NetworkKind, PostFormat};
use tribu_pdf::{kpi_report_pdf, KpiReport};

const MARKUP: &str = "#set page(width: 1cm) $x^2$ *gras* @ref <label>";

fn networks() -> Vec<Network> {
    let network = |id: &str, name: &str, kind, color: &str| Network {
        id: id.into(),
        name: name.into(),
        kind,
        color: color.into(),
        char_limit: None,
        builtin: true,
    };
    vec![
        network("net-ig", "Instagram", NetworkKind::Instagram, "#c13584"),
        network("net-li", "LinkedIn", NetworkKind::Linkedin, "#0a66c2"),
        network(
            "net-bad",
            "Forum maison",
            NetworkKind::Custom,
            "not a colour",
        ),
    ]
}

fn points(start: NaiveDate, values: &[Option<f64>]) -> Vec<SeriesPoint> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| SeriesPoint {
            date: (start + chrono::Days::new(7 * i as u64)).to_string(),
            value: *v,
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn card(
    id: &str,
    objective: (&str, &str),
    name: &str,
    metric: Metric,
    network: Option<&str>,
    to_date: Option<f64>,
    target: f64,
    progress: Option<f64>,
    projection: Option<f64>,
    on_track: Option<bool>,
) -> KpiCard {
    KpiCard {
        kpi_id: id.into(),
        objective_id: objective.0.into(),
        objective_title: objective.1.into(),
        name: name.into(),
        metric,
        aggregation: metric.aggregation(),
        network_id: network.map(str::to_string),
        direction: Direction::Up,
        source: ValueSource::Observations,
        current: to_date,
        to_date,
        base: Some(0.0),
        target,
        progress,
        growth: None,
        projection,
        on_track,
        start_date: "2026-01-01".into(),
        deadline: "2026-06-30".into(),
        sparkline: vec![],
    }
}

fn group(key: &str, posts: u32, reach: u64, engagements: u64) -> GroupResults {
    GroupResults {
        key: key.into(),
        posts,
        measured: posts,
        reach,
        impressions: reach * 2,
        engagements,
        clicks: 0,
        engagement_rate: (reach > 0).then(|| engagements as f64 / reach as f64 * 100.0),
    }
}

fn ranked(title: &str, network: &str, date: &str, rate: f64, reach: u32) -> RankedPost {
    RankedPost {
        post_id: title.into(),
        title: title.into(),
        network_id: network.into(),
        format: PostFormat::Photo,
        theme: String::new(),
        date: date.into(),
        engagement_rate: rate,
        reach,
        engagements: (f64::from(reach) * rate / 100.0) as u64,
    }
}

fn heatmap(sample: impl Fn(u8, u8) -> u32) -> Heatmap {
    let cells = (0..7u8)
        .flat_map(|weekday| (0..24u8).map(move |hour| (weekday, hour)))
        .map(|(weekday, hour)| {
            let n = sample(weekday, hour);
            HeatCell {
                weekday,
                hour,
                median_rate: (n > 0).then(|| 1.0 + f64::from(hour % 7) + f64::from(weekday) / 2.0),
                sample: n,
                sufficient: n >= 3,
            }
        })
        .collect();
    Heatmap {
        min_sample: 3,
        cells,
    }
}

fn empty_dashboard() -> Dashboard {
    Dashboard {
        start: "2026-03-01".into(),
        end: "2026-03-31".into(),
        network_id: None,
        granularity: Granularity::Week,
        cards: vec![],
        trends: vec![],
        networks: vec![],
        heatmap: heatmap(|_, _| 0),
        formats: vec![],
        themes: vec![],
        top: vec![],
        flop: vec![],
        regularity: vec![],
        totals: DashboardTotals::default(),
        min_reach: 100,
        formulas: formulas(),
    }
}

fn full_dashboard() -> Dashboard {
    let awareness = ("obj-1", "Notoriété de la marque");
    let engagement = ("obj-2", "Engagement");
    let cards = vec![
        card(
            "k1",
            awareness,
            "Abonnés Instagram",
            Metric::Followers,
            Some("net-ig"),
            Some(12345.5),
            15000.0,
            Some(62.3),
            Some(14890.24),
            Some(false),
        ),
        card(
            "k2",
            awareness,
            "Portée totale",
            Metric::Reach,
            None,
            Some(1_234_567.0),
            1_000_000.0,
            Some(123.4),
            Some(2_500_000.0),
            Some(true),
        ),
        card(
            "k3",
            engagement,
            "Taux d'engagement",
            Metric::EngagementRate,
            None,
            Some(4.26),
            5.0,
            None,
            None,
            None,
        ),
        card(
            "k4",
            engagement,
            MARKUP,
            Metric::Comments,
            Some("net-li"),
            None,
            300.0,
            None,
            None,
            None,
        ),
    ];
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let trends = vec![
        KpiTrend {
            kpi_id: "k1".into(),
            target: 15000.0,
            deadline: "2026-06-30".into(),
            points: points(start, &[Some(11800.0), Some(12010.0), None, Some(12345.5)]),
            fit: None,
        },
        KpiTrend {
            kpi_id: "k2".into(),
            target: 1_000_000.0,
            deadline: "2026-06-30".into(),
            points: points(start, &[Some(1_234_567.0); 4]),
            fit: None,
        },
        KpiTrend {
            kpi_id: "k3".into(),
            target: 5.0,
            deadline: "2026-06-30".into(),
            points: points(start, &[Some(4.26)]),
            fit: None,
        },
        // k4 has no trend at all.
    ];
    Dashboard {
        cards,
        trends,
        networks: vec![
            group("net-bad", 3, 900, 40),
            group("net-ig", 30, 48_200, 2_410),
            group("net-li", 12, 10_000, 300),
        ],
        heatmap: heatmap(|weekday, hour| match hour {
            8..=20 if weekday < 5 => 3 + u32::from(hour % 3),
            8..=20 => 1,
            _ => 0,
        }),
        formats: vec![
            group("video", 10, 30_000, 2_000),
            group("photo", 35, 29_100, 750),
        ],
        top: vec![
            ranked("Coulisses de l'atelier", "net-ig", "2026-03-05", 9.87, 1500),
            ranked("Nouvelle collection", "net-li", "2026-03-12", 7.5, 2300),
        ],
        flop: vec![ranked(
            "Rappel des horaires",
            "net-bad",
            "2026-03-20",
            0.4,
            800,
        )],
        totals: DashboardTotals {
            published_posts: 1234,
            measured_posts: 1200,
            reach: 12_345_678,
            impressions: 20_000_000,
            engagements: 98_765,
            clicks: 4_321,
            engagement_rate: Some(0.8),
            flagged_posts: 0,
        },
        ..empty_dashboard()
    }
}

fn export(dashboard: &Dashboard, language: CharterLanguage) -> Vec<u8> {
    let networks = networks();
    kpi_report_pdf(&KpiReport {
        dashboard,
        networks: &networks,
        brand: "Atelier Lin",
        language,
        date: NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(),
    })
    .expect("the KPI report typesets")
}

/// To look at the reports: `TRIBU_PDF_SAMPLE=/tmp/kpi.pdf cargo test -p
/// tribu-pdf --test kpi_report_pdf` writes the French one there and the
/// others beside it (`/tmp/kpi-en.pdf`...).
fn keep_sample(pdf: &[u8], suffix: &str) {
    if let Some(out) = std::env::var_os("TRIBU_PDF_SAMPLE") {
        let out = std::path::PathBuf::from(out);
        let path = if suffix.is_empty() {
            out
        } else {
            let stem = out.file_stem().unwrap_or_default().to_string_lossy();
            out.with_file_name(format!("{stem}-{suffix}.pdf"))
        };
        std::fs::write(path, pdf).unwrap();
    }
}

fn missing(text: &str, expected: &[&str]) -> Vec<String> {
    expected
        .iter()
        .filter(|e| !text.contains(**e))
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn a_french_report_shows_every_part_with_french_numbers() {
    let pdf = export(&full_dashboard(), CharterLanguage::Fr);
    assert!(pdf.starts_with(b"%PDF-"));
    keep_sample(&pdf, "");
    let text = text_of(&pdf);
    let absent = missing(
        &text,
        &[
            "Atelier Lin",
            "RAPPORT KPI",
            "01/03/2026 – 31/03/2026",
            "Tous les réseaux",
            "02/04/2026",
            // Totals.
            "1 234",
            "publications",
            "dont 1 200 mesurées",
            "12 345 678",
            "98 765",
            "0,8 %",
            // Objectives and KPIs with their figures.
            "Notoriété de la marque",
            "Abonnés Instagram",
            "12 345,5",
            "15 000",
            "62 %",
            "14 890,2",
            "En retard",
            "Portée totale",
            "1 234 567",
            "123 %",
            "En bonne voie",
            "Taux d’engagement",
            "4,3 %",
            "5,0 %",
            "30/06/2026",
            MARKUP,
            // Networks, by name, the unknown colour notwithstanding.
            "Instagram",
            "LinkedIn",
            "Forum maison",
            "48 200",
            // Formats, named.
            "vidéo",
            "photo",
            // Heatmap with its legend.
            "Lundi",
            "Dimanche",
            "moins de 3 publications",
            // Top and flop.
            "Coulisses de l'atelier",
            "Nouvelle collection",
            "Rappel des horaires",
            "9,9 %",
            "05/03/2026",
            // The formula.
            "Taux d'engagement = (réactions + commentaires + partages + enregistrements) / portée × 100",
        ],
    );
    assert!(absent.is_empty(), "missing {absent:?} in: {text}");
    assert!(!text.contains("NaN"), "{text}");
    // A KPI with no value shows a dash, not a number or an empty cell.
    assert!(text.contains("—"), "{text}");

    // Thousands are separated by a narrow no-break space: pdftotext gives
    // it back as a space, but a narrower one than between words (both in
    // the KPI table, at the same size).
    let words = word_boxes(&pdf);
    let word_space = gap_after(&words, "Abonnés", "Instagram");
    for (before, after) in [("12", "345,5"), ("14", "890,2"), ("62", "%")] {
        let gap = gap_after(&words, before, after);
        assert!(
            gap > 0.0 && gap < 0.7 * word_space,
            "“{before} {after}”: {gap} pt, word space {word_space} pt"
        );
    }
}

#[test]
fn an_english_report_writes_english_numbers() {
    let mut dashboard = full_dashboard();
    dashboard.network_id = Some("net-ig".into());
    let pdf = export(&dashboard, CharterLanguage::En);
    keep_sample(&pdf, "en");
    let text = text_of(&pdf);
    let absent = missing(
        &text,
        &[
            "KPI report",
            "2026-03-01 – 2026-03-31",
            "Instagram",
            "1,234",
            "of which 1,200 measured",
            "12,345,678",
            "0.8%",
            "12,345.5",
            "14,890.2",
            "62%",
            "Off track",
            "On track",
            "All networks",
            "video",
            "Monday",
            "fewer than 3 posts",
            "Top 5",
            "9.9%",
            "Engagement rate = (reactions + comments + shares + saves) / reach × 100",
        ],
    );
    assert!(absent.is_empty(), "missing {absent:?} in: {text}");
    assert!(!text.contains("Rapport"), "{text}");
}

#[test]
fn an_empty_dashboard_says_there_is_nothing_yet() {
    let pdf = export(&empty_dashboard(), CharterLanguage::Fr);
    keep_sample(&pdf, "empty");
    let text = text_of(&pdf);
    assert!(text.contains("RAPPORT KPI"), "{text}");
    assert!(text.contains("Rien à présenter pour l’instant"), "{text}");
    assert!(!text.contains("Vue d’ensemble"), "{text}");
    assert_eq!(pages(&pdf), 1);

    let english = text_of(&export(&empty_dashboard(), CharterLanguage::En));
    assert!(english.contains("Nothing to report yet"), "{english}");
}

#[test]
fn two_hundred_kpis_and_odd_values_export() {
    let mut dashboard = full_dashboard();
    let base = dashboard.cards[0].clone();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for i in 0..200 {
        let id = format!("many-{i}");
        let mut c = base.clone();
        c.kpi_id = id.clone();
        c.name = format!("KPI numéro {i} {MARKUP}");
        c.objective_id = format!("obj-{}", i / 10);
        c.objective_title = format!("Objectif {}", i / 10);
        // Huge, tiny, negative, equal and missing values.
        let scale = 10f64.powi(i % 40 * 8 - 60);
        c.to_date = Some(scale * 1.5);
        c.target = if i % 7 == 0 { f64::MAX } else { scale * 2.0 };
        c.projection = Some(-scale);
        dashboard.cards.push(c);
        let values: Vec<Option<f64>> = match i % 5 {
            0 => vec![],
            1 => vec![Some(scale)],
            2 => vec![Some(scale); 12],
            3 => (0..92)
                .map(|d| (d % 9 != 0).then(|| scale * f64::from(d)))
                .collect(),
            _ => vec![Some(-f64::MAX), Some(f64::MAX), None],
        };
        dashboard.trends.push(KpiTrend {
            kpi_id: id,
            target: scale,
            deadline: "2026-06-30".into(),
            points: points(start, &values),
            fit: None,
        });
    }
    let pdf = export(&dashboard, CharterLanguage::Fr);
    keep_sample(&pdf, "many");
    let text = text_of(&pdf);
    assert!(text.contains("KPI numéro 199"), "{text}");
    assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
    assert!(pages(&pdf) > 10, "{} pages", pages(&pdf));
}

#[test]
fn an_unmeasured_kpi_has_an_empty_chart_and_dashes() {
    let mut dashboard = empty_dashboard();
    dashboard.cards = vec![card(
        "k",
        ("o", "Trafic"),
        "Clics vers la boutique",
        Metric::Clicks,
        None,
        None,
        500.0,
        None,
        None,
        None,
    )];
    dashboard.cards[0].aggregation = Aggregation::Sum;
    let pdf = export(&dashboard, CharterLanguage::Fr);
    keep_sample(&pdf, "unmeasured");
    let text = text_of(&pdf);
    assert!(text.contains("Clics vers la boutique"), "{text}");
    assert!(
        text.contains("Aucune valeur mesurée sur la période"),
        "{text}"
    );
    // Current, progress, projection and outlook are unknown.
    assert!(text.matches('—').count() >= 4, "{text}");
    assert!(text.contains("500"), "{text}");
}
