//! The KPI panel read from the store: totals, groups, rankings, heatmap,
//! regularity and the KPI cards, on the March workspace of
//! `common::kpi::fixture`. Expected figures are worked out by hand; the
//! arithmetic is in the comment next to each.

mod common;

use common::kpi::{add_post, add_result, close, fixture, march, Fixture};
use common::{network_id, temp_store, weekly_guideline};
use tribu_core::charter::CharterSection;
use tribu_core::kpi::*;
use tribu_core::model::{PostFormat, PostStatus};
use tribu_core::Error;

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
        .save_charter_section(CharterSection::Guidelines(vec![weekly_guideline(&f.fb, 1)]))
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
