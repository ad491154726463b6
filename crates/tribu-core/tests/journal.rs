//! The journal: every edit undone then redone gives back the exact rows of
//! the file before and after it (every table of the plan, children
//! included), across a restart too; a step that would break something is
//! refused and changes nothing.

mod common;

use chrono::NaiveDate;
use chrono_tz::Tz;
use common::kpi::{kpi_input, objective, obs};
use common::recurrence::recurring;
use common::{clocked_store, input, network_id, TempStore};
use rusqlite::types::Value;
use tribu_core::charter::{CharterLanguage, CharterSection, Keyword};
use tribu_core::error::Reason;
use tribu_core::kpi::{Metric, ObjectiveKind, PostResultInput};
use tribu_core::model::{KeyDateInput, KeyDateKind, NetworkInput, PostStatus};
use tribu_core::schedule::OccurrenceScope;
use tribu_core::store::{ActionKind, Opening, KEEP_ACTIONS};
use tribu_core::{Error, Store};

/// Every row of every table a brand's plan lives in, read through a
/// connection of its own, in key order.
type Dump = Vec<(&'static str, Vec<Vec<Value>>)>;

const TABLES: [(&str, &str); 10] = [
    ("network", "id"),
    ("post", "id"),
    ("post_exception", "post_id, occurrence_date"),
    ("post_result", "post_id"),
    ("key_date", "id"),
    ("setting", "key"),
    ("charter_section", "section"),
    ("objective", "id"),
    ("kpi", "id"),
    ("observation", "metric, network_id, day"),
];

fn dump(t: &TempStore) -> Dump {
    let conn = rusqlite::Connection::open(t.store.path()).unwrap();
    TABLES
        .iter()
        .map(|(table, order)| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))
                .unwrap();
            let width = stmt.column_count();
            let rows = stmt
                .query_map([], |r| (0..width).map(|i| r.get::<_, Value>(i)).collect())
                .unwrap()
                .collect::<rusqlite::Result<Vec<Vec<Value>>>>()
                .unwrap();
            (*table, rows)
        })
        .collect()
}

fn rows_of<'a>(d: &'a Dump, table: &str) -> &'a [Vec<Value>] {
    &d.iter().find(|(t, _)| *t == table).unwrap().1
}

/// Runs `action`, then checks that undo gives back the rows before it and
/// redo the rows after it, and that the history names it `kind`.
fn round_trip(
    t: &mut TempStore,
    kind: ActionKind,
    action: impl FnOnce(&mut Store),
) -> (Dump, Dump) {
    let before = dump(t);
    action(&mut t.store);
    let after = dump(t);
    assert_ne!(before, after, "{kind:?} changed something");
    let state = t.store.undo_state().unwrap();
    assert_eq!(state.undo.as_ref().map(|e| e.label.kind), Some(kind));
    let undone = t.store.undo(None).unwrap();
    assert_eq!(undone.label.kind, kind);
    assert_eq!(
        dump(t),
        before,
        "undo of {kind:?} gives back the rows before"
    );
    let redone = t.store.redo().unwrap();
    assert_eq!(redone.id, undone.id);
    assert_eq!(dump(t), after, "redo of {kind:?} gives back the rows after");
    (before, after)
}

/// A network of the user's own, named `name`.
fn add_network(store: &mut Store, name: &str) -> tribu_core::model::Network {
    store
        .create_network(&NetworkInput {
            name: name.into(),
            color: "#1185fe".into(),
            char_limit: Some(300),
        })
        .unwrap()
}

fn paris() -> Tz {
    "Europe/Paris".parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn store() -> TempStore {
    clocked_store("2027-01-04T08:00:00Z").0
}

fn result(reach: f64) -> PostResultInput {
    PostResultInput {
        reach: Some(reach),
        reactions: Some(12.0),
        ..Default::default()
    }
}

#[test]
fn post_edits_undo_and_redo_to_the_exact_rows() {
    let mut t = store();
    let draft = input(
        &t.store,
        "Soldes d'hiver",
        Some("2027-01-10"),
        Some("09:00"),
    );
    let mut id = String::new();
    round_trip(&mut t, ActionKind::PostCreate, |s| {
        id = s.create_post(&draft).unwrap().id;
    });
    let mut edit = draft.clone();
    edit.title = "Soldes d'hiver, J-1".into();
    edit.body = "Demain !".into();
    round_trip(&mut t, ActionKind::PostEdit, |s| {
        s.update_post(&id, &edit).unwrap();
    });
    let mut approved = edit.clone();
    approved.status = PostStatus::Approved;
    round_trip(&mut t, ActionKind::PostStatus, |s| {
        s.update_post(&id, &approved).unwrap();
    });
    round_trip(&mut t, ActionKind::PostMove, |s| {
        s.move_post(&id, day("2027-01-12"), None, paris()).unwrap();
    });
    round_trip(&mut t, ActionKind::PostUnschedule, |s| {
        s.unschedule_post(&id).unwrap();
    });
    let many: Vec<_> = (0..100)
        .map(|i| input(&t.store, &format!("Idée {i}"), None, None))
        .collect();
    let (_, after) = round_trip(&mut t, ActionKind::PostsCreate, |s| {
        s.create_posts(&many).unwrap();
    });
    assert_eq!(rows_of(&after, "post").len(), 101);
}

#[test]
fn undoing_a_delete_brings_back_the_results_and_the_exceptions() {
    let mut t = store();
    let id = recurring(
        &mut t.store,
        "Astuce du lundi",
        "2027-01-04",
        "10:00",
        "FREQ=WEEKLY;COUNT=6",
    );
    t.store
        .move_occurrence(
            &id,
            day("2027-01-11"),
            day("2027-01-12"),
            None,
            OccurrenceScope::ThisOne,
        )
        .unwrap();
    t.store
        .delete_occurrence(&id, day("2027-01-18"), OccurrenceScope::ThisOne)
        .unwrap();
    t.store.set_post_result(&id, &result(480.0)).unwrap();
    let (before, after) = round_trip(&mut t, ActionKind::PostDelete, |s| {
        s.delete_post(&id).unwrap();
    });
    // Before: the post, two exceptions and its result; after: none of them.
    assert_eq!(rows_of(&before, "post_exception").len(), 2);
    assert_eq!(rows_of(&before, "post_result").len(), 1);
    assert!(rows_of(&after, "post").is_empty());
    assert!(rows_of(&after, "post_exception").is_empty());
    assert!(rows_of(&after, "post_result").is_empty());
}

#[test]
fn occurrences_and_series_undo_in_every_scope() {
    let mut t = store();
    let id = recurring(
        &mut t.store,
        "Live du jeudi",
        "2027-01-07",
        "18:00",
        "FREQ=WEEKLY;COUNT=8",
    );
    round_trip(&mut t, ActionKind::OccurrenceMove, |s| {
        s.move_occurrence(
            &id,
            day("2027-01-14"),
            day("2027-01-15"),
            None,
            OccurrenceScope::ThisOne,
        )
        .unwrap();
    });
    let (_, after) = round_trip(&mut t, ActionKind::OccurrencesMove, |s| {
        s.move_occurrence(
            &id,
            day("2027-01-28"),
            day("2027-01-29"),
            None,
            OccurrenceScope::ThisAndFollowing,
        )
        .unwrap();
    });
    assert_eq!(
        rows_of(&after, "post").len(),
        2,
        "the series was split in two"
    );
    round_trip(&mut t, ActionKind::OccurrenceRetitle, |s| {
        s.retitle_occurrence(&id, day("2027-01-07"), Some("Live spécial"))
            .unwrap();
    });
    round_trip(&mut t, ActionKind::OccurrenceDelete, |s| {
        s.delete_occurrence(&id, day("2027-01-21"), OccurrenceScope::ThisOne)
            .unwrap();
    });
    round_trip(&mut t, ActionKind::OccurrencesDelete, |s| {
        s.delete_occurrence(&id, day("2027-01-14"), OccurrenceScope::ThisAndFollowing)
            .unwrap();
    });
    // From the first occurrence, "this and the following" is the whole series.
    round_trip(&mut t, ActionKind::PostDelete, |s| {
        s.delete_occurrence(&id, day("2027-01-07"), OccurrenceScope::ThisAndFollowing)
            .unwrap();
    });
}

#[test]
fn networks_key_dates_and_planning_settings_undo() {
    let mut t = store();
    let mut id = String::new();
    let mastodon = NetworkInput {
        name: "Mastodon".into(),
        color: "#6364ff".into(),
        char_limit: Some(500),
    };
    round_trip(&mut t, ActionKind::NetworkCreate, |s| {
        id = s.create_network(&mastodon).unwrap().id;
    });
    let renamed = NetworkInput {
        name: "Mastodon (FR)".into(),
        ..mastodon.clone()
    };
    round_trip(&mut t, ActionKind::NetworkEdit, |s| {
        s.update_network(&id, &renamed).unwrap();
    });
    round_trip(&mut t, ActionKind::NetworkDelete, |s| {
        s.delete_network(&id).unwrap();
    });
    let mut key = String::new();
    let sales = KeyDateInput {
        date: "2027-01-13".into(),
        label: "Soldes".into(),
        kind: KeyDateKind::Sale,
        recurrence: Default::default(),
    };
    round_trip(&mut t, ActionKind::KeyDateCreate, |s| {
        key = s.create_key_date(&sales).unwrap().id;
    });
    round_trip(&mut t, ActionKind::KeyDateDelete, |s| {
        s.delete_key_date(&key).unwrap();
    });
    let post = t
        .store
        .create_post(&input(
            &t.store,
            "Rappel",
            Some("2027-01-20"),
            Some("09:00"),
        ))
        .unwrap();
    // The post's next notice follows the lead both ways: 09:00 Paris is
    // 08:00Z; 30 minutes before is 07:30Z, 120 minutes before 06:00Z.
    let due = |t: &TempStore| -> i64 {
        rusqlite::Connection::open(t.store.path())
            .unwrap()
            .query_row("SELECT due_at FROM post WHERE id = ?1", [&post.id], |r| {
                r.get(0)
            })
            .unwrap()
    };
    let at = |s: &str| {
        s.parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
            .timestamp()
    };
    assert_eq!(due(&t), at("2027-01-20T07:30:00Z"));
    t.store.set_reminder_lead_minutes(120).unwrap();
    assert_eq!(due(&t), at("2027-01-20T06:00:00Z"));
    t.store.undo(None).unwrap();
    assert_eq!(
        due(&t),
        at("2027-01-20T07:30:00Z"),
        "undo moves the notice back"
    );
    t.store.redo().unwrap();
    t.store.undo(None).unwrap();
    round_trip(&mut t, ActionKind::ReminderLead, |s| {
        s.set_reminder_lead_minutes(120).unwrap();
    });
    round_trip(&mut t, ActionKind::RhythmGap, |s| {
        s.set_max_gap_days(5).unwrap()
    });
    let insta = network_id(&t.store, "Instagram");
    round_trip(&mut t, ActionKind::RhythmTarget, |s| {
        s.set_rhythm_target(
            &insta,
            Some(tribu_core::charter::Frequency {
                count: 3,
                per: tribu_core::charter::FrequencyPeriod::Week,
            }),
        )
        .unwrap();
    });
    round_trip(&mut t, ActionKind::AudienceZone, |s| {
        s.set_audience_zone("America/Montreal").unwrap();
    });
}

#[test]
fn objectives_kpis_observations_and_results_undo() {
    let mut t = store();
    let insta = network_id(&t.store, "Instagram");
    let goal = objective(&mut t.store, ObjectiveKind::Awareness, "Notoriété");
    let kpi = t
        .store
        .create_kpi(&kpi_input(&goal, "Portée", Metric::Reach, 5000.0))
        .unwrap();
    let mut edited = kpi_input(&goal, "Portée mensuelle", Metric::Reach, 6000.0);
    edited.network_id = Some(insta.clone());
    round_trip(&mut t, ActionKind::KpiEdit, |s| {
        s.update_kpi(&kpi.id, &edited).unwrap();
    });
    round_trip(&mut t, ActionKind::KpiDelete, |s| {
        s.delete_kpi(&kpi.id).unwrap()
    });
    t.store
        .create_kpi(&kpi_input(&goal, "Abonnés", Metric::Followers, 1500.0))
        .unwrap();
    // Deleting an objective takes its KPIs with it; undo gives both back.
    let (before, _) = round_trip(&mut t, ActionKind::ObjectiveDelete, |s| {
        s.delete_kpi_objective(&goal.id).unwrap();
    });
    assert_eq!(rows_of(&before, "kpi").len(), 1);
    round_trip(&mut t, ActionKind::ObservationAdd, |s| {
        s.add_observation(&obs("2027-01-02", &insta, Metric::Followers, 1200.0))
            .unwrap();
    });
    // An import that replaces a value: undo puts the old value back.
    let lines: Vec<_> = (1..=100)
        .map(|d| {
            let date = day("2027-01-01") + chrono::Days::new(d - 1);
            obs(
                &date.to_string(),
                &insta,
                Metric::Followers,
                1000.0 + d as f64,
            )
        })
        .collect();
    let (before, after) = round_trip(&mut t, ActionKind::ObservationsImport, |s| {
        s.import_observations(&lines).unwrap();
    });
    let value_on = |d: &Dump, day: &str| {
        rows_of(d, "observation")
            .iter()
            .find(|r| r[2] == Value::Text(day.into()))
            .map(|r| r[3].clone())
    };
    assert_eq!(value_on(&before, "2027-01-02"), Some(Value::Real(1200.0)));
    assert_eq!(value_on(&after, "2027-01-02"), Some(Value::Real(1002.0)));
    assert_eq!(rows_of(&after, "observation").len(), 100);
    let post = t
        .store
        .create_post(&input(&t.store, "Bilan", Some("2027-01-05"), Some("12:00")))
        .unwrap();
    round_trip(&mut t, ActionKind::ResultSet, |s| {
        s.set_post_result(&post.id, &result(300.0)).unwrap();
    });
    round_trip(&mut t, ActionKind::ResultSet, |s| {
        s.set_post_result(&post.id, &result(350.0)).unwrap();
    });
    round_trip(&mut t, ActionKind::ResultClear, |s| {
        s.clear_post_result(&post.id).unwrap();
    });
}

#[test]
fn charter_sections_and_the_starter_undo_in_one_step_each() {
    let mut t = store();
    let keywords = CharterSection::Keywords(vec![Keyword {
        term: "lin".into(),
        category: "matières".into(),
        note: String::new(),
    }]);
    round_trip(&mut t, ActionKind::CharterSection, |s| {
        s.save_charter_section(keywords.clone()).unwrap();
    });
    let (_, after) = round_trip(&mut t, ActionKind::CharterStarter, |s| {
        s.apply_starter_charter(CharterLanguage::En).unwrap();
    });
    assert!(rows_of(&after, "charter_section").len() >= 10);
}

#[test]
fn undo_and_redo_survive_a_restart() {
    let (mut t, _) = clocked_store("2027-01-04T08:00:00Z");
    let post = t
        .store
        .create_post(&input(
            &t.store,
            "Teaser",
            Some("2027-01-10"),
            Some("09:00"),
        ))
        .unwrap();
    let before = dump(&t);
    t.store
        .move_post(&post.id, day("2027-01-11"), None, paris())
        .unwrap();
    let moved = dump(&t);
    let path = t.store.path().to_path_buf();
    drop(std::mem::replace(
        &mut t.store,
        Store::open(&t.dir.path().join("other.tribu")).unwrap(),
    ));
    t.store = Store::open(&path).unwrap();
    let state = t.store.undo_state().unwrap();
    let next = state.undo.unwrap();
    assert_eq!(next.label.kind, ActionKind::PostMove);
    assert_eq!(next.label.name, "Teaser");
    assert_eq!(next.label.detail.as_deref(), Some("2027-01-11"));
    t.store.undo(None).unwrap();
    assert_eq!(dump(&t), before);
    t.store = Store::open(&t.dir.path().join("other.tribu")).unwrap();
    t.store = Store::open(&path).unwrap();
    assert_eq!(t.store.undo_state().unwrap().redo.unwrap().id, next.id);
    t.store.redo().unwrap();
    assert_eq!(dump(&t), moved);
}

#[test]
fn an_undo_that_would_break_something_is_refused_and_changes_nothing() {
    let mut t = store();
    let post = t
        .store
        .create_post(&input(
            &t.store,
            "Concours",
            Some("2027-01-10"),
            Some("09:00"),
        ))
        .unwrap();
    t.store
        .move_post(&post.id, day("2027-01-12"), None, paris())
        .unwrap();
    // Another program (the command line, a synced copy) edits the post.
    let other = rusqlite::Connection::open(t.store.path()).unwrap();
    other
        .execute(
            "UPDATE post SET planned_at = planned_at + 3600 WHERE id = ?1",
            [&post.id],
        )
        .unwrap();
    let before = dump(&t);
    let refused = t.store.undo(None);
    assert!(
        matches!(
            refused,
            Err(Error::Conflict {
                reason: Reason::ChangedSince,
                ..
            })
        ),
        "{refused:?}"
    );
    assert_eq!(dump(&t), before, "nothing was half-undone");
    assert!(t.store.undo_state().unwrap().redo.is_none());

    // A deleted post whose network is gone since cannot come back.
    let mut t = store();
    let network = add_network(&mut t.store, "Bluesky");
    let mut on_bluesky = input(&t.store, "Lancement", Some("2027-01-10"), Some("09:00"));
    on_bluesky.network_id = network.id.clone();
    let post = t.store.create_post(&on_bluesky).unwrap();
    t.store.delete_post(&post.id).unwrap();
    let other = rusqlite::Connection::open(t.store.path()).unwrap();
    other
        .execute("DELETE FROM network WHERE id = ?1", [&network.id])
        .unwrap();
    let before = dump(&t);
    let refused = t.store.undo(None);
    assert!(
        matches!(
            refused,
            Err(Error::Conflict {
                reason: Reason::ChangedSince,
                ..
            })
        ),
        "{refused:?}"
    );
    assert_eq!(dump(&t), before);
}

#[test]
fn a_network_the_charter_names_cannot_be_deleted_nor_its_creation_undone() {
    let mut t = store();
    let network = add_network(&mut t.store, "Threads");
    let guideline = common::weekly_guideline(&network.id, 3);
    t.store
        .save_charter_section(CharterSection::Guidelines(vec![guideline]))
        .unwrap();
    let refused = t.store.delete_network(&network.id);
    assert!(
        matches!(
            refused,
            Err(Error::Conflict {
                reason: Reason::NetworkInCharter,
                ..
            })
        ),
        "{refused:?}"
    );
    assert!(t.store.network(&network.id).is_ok());
    // Undo the guideline, then the network's creation: fine in that order.
    t.store.undo(None).unwrap();
    t.store.undo(None).unwrap();
    assert!(t.store.network(&network.id).is_err());
    // Redo the creation and the guideline; then take the network away from
    // under an undo of the guideline's removal.
    t.store.redo().unwrap();
    t.store.redo().unwrap();
    t.store
        .save_charter_section(CharterSection::Guidelines(vec![]))
        .unwrap();
    t.store.delete_network(&network.id).unwrap();
    // The latest action is the network's delete: undo it, and the charter
    // can take its guideline back.
    t.store.undo(None).unwrap();
    t.store.undo(None).unwrap();
    assert_eq!(t.store.charter().unwrap().guidelines.len(), 1);

    // With the guideline removed again and the network then deleted by
    // another program, undoing the removal would name a network that is
    // gone: refused, the charter as it was.
    t.store.redo().unwrap();
    let other = rusqlite::Connection::open(t.store.path()).unwrap();
    other
        .execute("DELETE FROM network WHERE id = ?1", [&network.id])
        .unwrap();
    let before = dump(&t);
    let refused = t.store.undo(None);
    assert!(
        matches!(
            refused,
            Err(Error::Conflict {
                reason: Reason::NetworkInCharter,
                ..
            })
        ),
        "{refused:?}"
    );
    assert_eq!(dump(&t), before);
    assert!(t.store.charter().unwrap().guidelines.is_empty());
}

#[test]
fn undo_back_to_an_action_takes_back_all_after_it_in_one_step() {
    let mut t = store();
    let post = t
        .store
        .create_post(&input(&t.store, "A", Some("2027-01-10"), Some("09:00")))
        .unwrap();
    let before = dump(&t);
    let first = t.store.undo_state().unwrap().undo.unwrap();
    for d in ["2027-01-11", "2027-01-12", "2027-01-13"] {
        t.store.move_post(&post.id, day(d), None, paris()).unwrap();
    }
    let undone = t.store.undo_to(first.id + 1).unwrap();
    assert_eq!(undone.len(), 3);
    assert!(undone.iter().all(|e| e.undone));
    assert_eq!(dump(&t), before);
    // Redo goes forward one at a time, oldest first.
    t.store.redo().unwrap();
    assert_eq!(
        t.store.post(&post.id).unwrap().local_date.as_deref(),
        Some("2027-01-11")
    );
    // A new action ends the redo branch.
    t.store
        .move_post(&post.id, day("2027-01-20"), None, paris())
        .unwrap();
    assert!(t.store.undo_state().unwrap().redo.is_none());
    assert!(matches!(
        t.store.redo(),
        Err(Error::Conflict {
            reason: Reason::NothingToRedo,
            ..
        })
    ));
}

#[test]
fn crisis_switches_are_recorded_but_not_undone_by_ctrl_z() {
    let (mut t, _) = clocked_store("2027-01-04T08:00:00Z");
    let post = t
        .store
        .create_post(&{
            let mut p = input(&t.store, "Promo", Some("2027-01-10"), Some("09:00"));
            p.status = PostStatus::Scheduled;
            p
        })
        .unwrap();
    let mut approved = tribu_core::model::PostInput {
        status: PostStatus::Approved,
        ..input(&t.store, "Promo", Some("2027-01-10"), Some("09:00"))
    };
    approved.status = PostStatus::Approved;
    t.store.update_post(&post.id, &approved).unwrap();
    t.store.rename_brand("Maison Lin").unwrap();
    t.store
        .crisis_start(common::utc("2027-01-04T09:00:00Z"), "Bad buzz")
        .unwrap();
    let history = t.store.journal(10).unwrap();
    assert_eq!(history[0].label.kind, ActionKind::CrisisStart);
    assert!(!history[0].undoable);
    // Ctrl+Z passes over it to the status change, which crisis mode
    // changed since (it suspended the post): refused, nothing undone.
    let next = t.store.undo_state().unwrap().undo.unwrap();
    assert_eq!(next.label.kind, ActionKind::PostStatus);
    assert!(matches!(
        t.store.undo(None),
        Err(Error::Conflict {
            reason: Reason::ChangedSince,
            ..
        })
    ));
    assert_eq!(
        t.store.post(&post.id).unwrap().status,
        PostStatus::Suspended
    );
    // The brand's name is not part of the journal.
    assert!(history.iter().all(|e| e.label.name != "Maison Lin"));
}

#[test]
fn the_journal_is_bounded_and_stamped_by_device() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.tribu");
    let mut store = Store::open_with(
        &path,
        &Opening {
            device: Some("laptop-a".into()),
            ..Opening::default()
        },
    )
    .unwrap();
    let keep = KEEP_ACTIONS;
    for i in 0..keep + 10 {
        store
            .create_key_date(&KeyDateInput {
                date: "2027-02-14".into(),
                label: format!("Date {i}"),
                kind: KeyDateKind::Other,
                recurrence: Default::default(),
            })
            .unwrap();
    }
    let history = store.journal(10_000).unwrap();
    assert_eq!(history.len() as i64, keep);
    assert_eq!(history[0].label.name, format!("Date {}", keep + 9));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (devices, stamps): (i64, Vec<String>) = (
        conn.query_row(
            "SELECT count(*) FROM journal_action WHERE device != 'laptop-a'",
            [],
            |r| r.get(0),
        )
        .unwrap(),
        conn.prepare("SELECT hlc FROM journal_action ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap(),
    );
    assert_eq!(devices, 0);
    let mut sorted = stamps.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, stamps, "stamps grow strictly with the actions");
}
