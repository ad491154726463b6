//! The KPI report: the dashboard of a period as a PDF. Everything the
//! template shows is prepared here as strings and fractions (numbers
//! formatted for the language, charts scaled), so the template only lays
//! out values read from `data.json`.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use tribu_core::charter::CharterLanguage;
use tribu_core::kpi::{Dashboard, GroupResults, KpiCard, Metric, RankedPost};
use tribu_core::model::Network;

use crate::chart::{fraction, line_plot, Axis};
use crate::numbers::{NumberFormat, MISSING};
use crate::{typeset, typography, PdfError};

const KPI_REPORT_TEMPLATE: &str = include_str!("../templates/kpi_report.typ");

/// What the report needs besides the dashboard.
#[derive(Debug, Clone)]
pub struct KpiReport<'a> {
    pub dashboard: &'a Dashboard,
    /// To name the networks the dashboard refers to by id.
    pub networks: &'a [Network],
    /// The charter's brand; the title alone when empty.
    pub brand: &'a str,
    pub language: CharterLanguage,
    /// The day the report is made.
    pub date: NaiveDate,
}

/// The KPI report as PDF bytes.
pub fn kpi_report_pdf(report: &KpiReport) -> Result<Vec<u8>, PdfError> {
    let data = report_data(report);
    let mut value = serde_json::to_value(&data).map_err(|e| PdfError::Typeset(e.to_string()))?;
    if report.language == CharterLanguage::Fr {
        typography::frenchify(&mut value);
    }
    let json = serde_json::to_vec(&value).map_err(|e| PdfError::Typeset(e.to_string()))?;
    typeset(KPI_REPORT_TEMPLATE, json, report.date)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportData {
    lang: &'static str,
    brand: String,
    date: String,
    period: String,
    /// The name of the network the dashboard is filtered on.
    network: Option<String>,
    /// `day`, `week` or `month`: the step of the charts.
    granularity: &'static str,
    /// No KPI and no published post: nothing to report yet.
    empty: bool,
    /// Whether a post was published in the period.
    has_posts: bool,
    totals: Totals,
    /// The engagement-rate formulas, in the document's language.
    rate_notes: Vec<String>,
    /// The progress and projection formulas.
    kpi_notes: Vec<String>,
    objectives: Vec<ObjectiveRows>,
    charts: Vec<LineChart>,
    networks: Vec<Bar>,
    formats: Vec<Bar>,
    heatmap: Option<HeatmapView>,
    top: Vec<PostRow>,
    flop: Vec<PostRow>,
    min_reach: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Totals {
    posts: String,
    measured: String,
    reach: String,
    engagements: String,
    rate: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ObjectiveRows {
    title: String,
    kpis: Vec<KpiRow>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct KpiRow {
    name: String,
    /// None: all networks.
    network: Option<String>,
    current: String,
    target: String,
    progress: String,
    projection: String,
    /// `on`, `off`, or `unknown` (fewer than two values).
    status: &'static str,
    deadline: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LineChart {
    name: String,
    network: Option<String>,
    /// Runs of `[x, y]`, both from 0 to 1, y from the bottom.
    segments: Vec<Vec<[f64; 2]>>,
    /// Dots on every point (few points); a run of one point always has one.
    dots: bool,
    /// The target line's height, from 0 to 1.
    target: Option<f64>,
    target_label: String,
    ticks: Vec<Tick>,
    /// The dates under the first and the last point.
    first: String,
    last: String,
    /// Whether any value was measured.
    measured: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Tick {
    y: f64,
    label: String,
}

/// A row of a horizontal bar chart.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Bar {
    /// A network's name, or a format's code (the template names it).
    label: String,
    /// `#rrggbb`.
    color: String,
    /// The bar's length, from 0 to 1.
    length: f64,
    value: String,
    posts: String,
    rate: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HeatmapView {
    /// 7 weekdays (Monday first) of 24 hours.
    rows: Vec<Vec<HeatCellView>>,
    min_sample: String,
    /// The lowest and highest median rate among the sufficient slots.
    low: String,
    high: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HeatCellView {
    /// `ok` (shaded by `level`), `few` (too few posts) or `none`.
    state: &'static str,
    /// From 0 (lowest median rate) to 1 (highest).
    level: f64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PostRow {
    title: String,
    network: String,
    date: String,
    rate: String,
    reach: String,
}

const ACCENT: &str = "#3b5bdb";
/// Trend charts with at most this many points show each one as a dot.
const DOTS_UP_TO: usize = 31;

fn report_data(report: &KpiReport) -> ReportData {
    let d = report.dashboard;
    let n = NumberFormat::new(report.language);
    let french = report.language == CharterLanguage::Fr;
    let date = |day: NaiveDate| {
        if french {
            day.format("%d/%m/%Y").to_string()
        } else {
            day.format("%Y-%m-%d").to_string()
        }
    };
    let date_text = |text: &str| {
        text.parse::<NaiveDate>()
            .map(date)
            .unwrap_or_else(|_| text.to_string())
    };
    let names: HashMap<&str, &Network> = report
        .networks
        .iter()
        .map(|net| (net.id.as_str(), net))
        .collect();
    let name = |id: &str| {
        names
            .get(id)
            .map_or(id, |net| net.name.as_str())
            .to_string()
    };
    let formula = |keys: &[&str]| -> Vec<String> {
        keys.iter()
            .filter_map(|k| d.formulas.iter().find(|f| f.key == *k))
            .map(|f| if french { f.fr.clone() } else { f.en.clone() })
            .collect()
    };

    let mut objectives: Vec<ObjectiveRows> = Vec::new();
    let mut last_objective: Option<&str> = None;
    for card in &d.cards {
        let row = kpi_row(card, n, &name, &date_text);
        match objectives.last_mut() {
            Some(group) if last_objective == Some(card.objective_id.as_str()) => {
                group.kpis.push(row)
            }
            _ => objectives.push(ObjectiveRows {
                title: card.objective_title.clone(),
                kpis: vec![row],
            }),
        }
        last_objective = Some(&card.objective_id);
    }

    let charts = d
        .cards
        .iter()
        .map(|card| {
            let points = d
                .trends
                .iter()
                .find(|t| t.kpi_id == card.kpi_id)
                .map_or(&[][..], |t| &t.points[..]);
            line_chart(card, points, n, &name, &date_text)
        })
        .collect();

    let max_reach = d.networks.iter().map(|g| g.reach).max().unwrap_or(0);
    let networks = d
        .networks
        .iter()
        .map(|g| {
            let color = names
                .get(g.key.as_str())
                .map(|net| net.color.as_str())
                .filter(|c| is_hex_colour(c))
                .unwrap_or(ACCENT);
            Bar {
                label: name(&g.key),
                color: color.to_string(),
                length: fraction(g.reach as f64, max_reach as f64),
                value: n.count(g.reach),
                posts: n.count(u64::from(g.posts)),
                rate: rate(n, g),
            }
        })
        .collect();
    let all_posts: u32 = d.formats.iter().map(|g| g.posts).sum();
    let formats = d
        .formats
        .iter()
        .map(|g| Bar {
            label: g.key.clone(),
            color: ACCENT.to_string(),
            length: fraction(f64::from(g.posts), f64::from(all_posts)),
            value: n.percent(
                fraction(f64::from(g.posts), f64::from(all_posts)) * 100.0,
                0,
            ),
            posts: n.count(u64::from(g.posts)),
            rate: rate(n, g),
        })
        .collect();

    let ranked = |posts: &[RankedPost]| -> Vec<PostRow> {
        posts
            .iter()
            .map(|p| PostRow {
                title: p.title.clone(),
                network: name(&p.network_id),
                date: date_text(&p.date),
                rate: n.percent(p.engagement_rate, 1),
                reach: n.count(u64::from(p.reach)),
            })
            .collect()
    };

    let t = &d.totals;
    ReportData {
        lang: if french { "fr" } else { "en" },
        brand: report.brand.trim().to_string(),
        date: date(report.date),
        period: format!("{} – {}", date_text(&d.start), date_text(&d.end)),
        network: d.network_id.as_deref().map(name),
        granularity: d.granularity.as_str(),
        empty: d.cards.is_empty() && t.published_posts == 0,
        has_posts: t.published_posts > 0,
        totals: Totals {
            posts: n.count(u64::from(t.published_posts)),
            measured: n.count(u64::from(t.measured_posts)),
            reach: n.count(t.reach),
            engagements: n.count(t.engagements),
            rate: n.metric(Metric::EngagementRate, t.engagement_rate),
        },
        rate_notes: formula(&["engagement_rate", "period_rate"]),
        kpi_notes: formula(&["progress", "projection"]),
        objectives,
        charts,
        networks,
        formats,
        heatmap: heatmap(d, n),
        top: ranked(&d.top),
        flop: ranked(&d.flop),
        min_reach: n.count(u64::from(d.min_reach)),
    }
}

fn rate(n: NumberFormat, group: &GroupResults) -> String {
    n.metric(Metric::EngagementRate, group.engagement_rate)
}

fn kpi_row(
    card: &KpiCard,
    n: NumberFormat,
    name: &impl Fn(&str) -> String,
    date_text: &impl Fn(&str) -> String,
) -> KpiRow {
    KpiRow {
        name: card.name.clone(),
        network: card.network_id.as_deref().map(name),
        current: n.metric(card.metric, card.to_date),
        target: n.metric(card.metric, Some(card.target)),
        progress: card
            .progress
            .map_or(MISSING.to_string(), |p| n.percent(p, 0)),
        projection: n.metric(card.metric, card.projection),
        status: match card.on_track {
            Some(true) => "on",
            Some(false) => "off",
            None => "unknown",
        },
        deadline: date_text(&card.deadline),
    }
}

fn line_chart(
    card: &KpiCard,
    points: &[tribu_core::kpi::SeriesPoint],
    n: NumberFormat,
    name: &impl Fn(&str) -> String,
    date_text: &impl Fn(&str) -> String,
) -> LineChart {
    let values: Vec<Option<f64>> = points.iter().map(|p| p.value).collect();
    let plot = line_plot(&values, Some(card.target));
    let ticks = plot.axis.as_ref().map_or_else(Vec::new, |axis| {
        axis_ticks(axis, n, card.metric == Metric::EngagementRate)
    });
    LineChart {
        name: card.name.clone(),
        network: card.network_id.as_deref().map(name),
        dots: values.len() <= DOTS_UP_TO,
        measured: !plot.segments.is_empty(),
        segments: plot.segments,
        target: plot.target,
        target_label: n.metric(card.metric, Some(card.target)),
        ticks,
        first: points.first().map_or(String::new(), |p| date_text(&p.date)),
        last: points.last().map_or(String::new(), |p| date_text(&p.date)),
    }
}

fn axis_ticks(axis: &Axis, n: NumberFormat, percent: bool) -> Vec<Tick> {
    let format = n.axis(axis.lo.abs().max(axis.hi.abs()), axis.step);
    axis.ticks
        .iter()
        .map(|&t| {
            let label = format.label(t);
            Tick {
                y: axis.position(t),
                label: if percent {
                    label + n.percent_sign()
                } else {
                    label
                },
            }
        })
        .collect()
}

fn heatmap(d: &Dashboard, n: NumberFormat) -> Option<HeatmapView> {
    let cells = &d.heatmap.cells;
    if cells.iter().all(|c| c.sample == 0) {
        return None;
    }
    let rates: Vec<f64> = cells
        .iter()
        .filter(|c| c.sufficient)
        .filter_map(|c| c.median_rate.filter(|r| r.is_finite()))
        .collect();
    let low = rates.iter().copied().fold(f64::INFINITY, f64::min);
    let high = rates.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let rows = (0..7u8)
        .map(|weekday| {
            (0..24u8)
                .map(|hour| match d.heatmap.cell(weekday, hour) {
                    Some(c) if c.sufficient && c.median_rate.is_some_and(f64::is_finite) => {
                        let rate = c.median_rate.unwrap_or(low);
                        HeatCellView {
                            state: "ok",
                            level: if high > low {
                                fraction(rate - low, high - low)
                            } else {
                                1.0
                            },
                        }
                    }
                    Some(c) if c.sample > 0 => HeatCellView {
                        state: "few",
                        level: 0.0,
                    },
                    _ => HeatCellView {
                        state: "none",
                        level: 0.0,
                    },
                })
                .collect()
        })
        .collect();
    let rate_or_missing = |r: f64| {
        if rates.is_empty() {
            MISSING.to_string()
        } else {
            n.percent(r, 1)
        }
    };
    Some(HeatmapView {
        rows,
        min_sample: n.count(u64::from(d.heatmap.min_sample)),
        low: rate_or_missing(low),
        high: rate_or_missing(high),
    })
}

fn is_hex_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|c| c.is_ascii_hexdigit())
}
