//! Objectives, KPIs, observations and post results in the store: what is
//! written, listed, replaced, refused and deleted.

mod common;

use common::kpi::{all_observations, kpi_input, objective, obs};
use common::{network_id, temp_store};
use tribu_core::error::Reason;
use tribu_core::kpi::*;
use tribu_core::model::Post;
use tribu_core::{Error, Store};

/// A draft planned at noon on `date`, to hold results.
fn noon_post(store: &mut Store, title: &str, date: &str) -> Post {
    let input = common::input(store, title, Some(date), Some("12:00"));
    store.create_post(&input).unwrap()
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
    let post = noon_post(&mut t.store, "Teaser", "2026-03-03");
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
        Err(Error::Conflict {
            reason: Reason::NetworkInUse,
            ..
        })
    ));
}

#[test]
fn post_results_are_set_read_flagged_and_cleared() {
    let mut t = temp_store();
    let post = noon_post(&mut t.store, "Teaser", "2026-03-03");
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
    let other = noon_post(&mut t.store, "Other", "2026-03-04");
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
