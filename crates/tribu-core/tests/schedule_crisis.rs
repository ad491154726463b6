//! Crisis mode on a real workspace file: suspension and exact restoration of
//! the posts, the checklist copied from the charter, the log, conflicts.

mod common;

use common::{clocked_store, input, utc};
use tribu_core::charter::{CharterSection, CrisisPlan};
use tribu_core::error::Reason;
use tribu_core::model::{PostFilter, PostStatus};
use tribu_core::schedule::CrisisLogKind;
use tribu_core::{Error, Store};

fn plan(steps: &[&str]) -> CharterSection {
    CharterSection::Crisis(CrisisPlan {
        rapid_steps: steps.iter().map(|s| s.to_string()).collect(),
        ..CrisisPlan::default()
    })
}

fn create(store: &mut Store, title: &str, date: Option<&str>, status: PostStatus) -> String {
    let mut new = input(store, title, date, date.map(|_| "10:00"));
    new.status = status;
    store.create_post(&new).unwrap().id
}

fn status(store: &Store, id: &str) -> PostStatus {
    store.post(id).unwrap().status
}

#[test]
fn a_crisis_suspends_planned_posts_and_gives_their_status_back() {
    let (mut t, _) = clocked_store("2027-05-10T08:00:00Z");
    t.store
        .save_charter_section(plan(&[
            "Pause publishing",
            "Warn the manager",
            "Post the holding statement",
        ]))
        .unwrap();
    let posts = [
        ("scheduled", Some("2027-05-10"), PostStatus::Scheduled),
        ("approved", Some("2027-05-12"), PostStatus::Approved),
        ("idea with a date", Some("2027-05-20"), PostStatus::Idea),
        ("late review", Some("2027-05-03"), PostStatus::InReview),
        ("published", Some("2027-05-01"), PostStatus::Published),
        ("cancelled", Some("2027-05-11"), PostStatus::Cancelled),
        ("backlog", None, PostStatus::Draft),
    ];
    let ids: Vec<String> = posts
        .iter()
        .map(|(title, date, status)| create(&mut t.store, title, *date, *status))
        .collect();
    assert_eq!(t.store.crisis_state().unwrap(), None);

    let state = t
        .store
        .crisis_start(
            utc("2027-05-10T08:00:00Z"),
            "  Delivery delays: angry customers ",
        )
        .unwrap();
    assert!(state.is_active());
    assert_eq!(state.started_at, "2027-05-10T08:00:00.000Z");
    assert_eq!(state.note, "Delivery delays: angry customers");
    // The four posts with an instant that are neither published nor cancelled.
    assert_eq!(state.suspended_posts, 4);
    for (i, expected) in [
        PostStatus::Suspended,
        PostStatus::Suspended,
        PostStatus::Suspended,
        PostStatus::Suspended,
        PostStatus::Published,
        PostStatus::Cancelled,
        PostStatus::Draft,
    ]
    .into_iter()
    .enumerate()
    {
        assert_eq!(status(&t.store, &ids[i]), expected, "{}", posts[i].0);
    }
    assert_eq!(
        t.store.post(&ids[0]).unwrap().suspended_from,
        Some(PostStatus::Scheduled)
    );
    assert_eq!(t.store.next_due(utc("2027-05-10T08:00:00Z")).unwrap(), None);
    let texts: Vec<&str> = state.checklist.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Pause publishing",
            "Warn the manager",
            "Post the holding statement"
        ]
    );
    assert!(state.checklist.iter().all(|s| s.done_at.is_none()));
    assert_eq!(state.log.len(), 1);
    assert_eq!(state.log[0].kind, CrisisLogKind::Started);

    // Editing the charter now leaves the running checklist alone.
    t.store
        .save_charter_section(plan(&["Something else"]))
        .unwrap();
    assert_eq!(t.store.crisis_state().unwrap().unwrap().checklist.len(), 3);
    assert!(matches!(
        t.store.crisis_start(utc("2027-05-10T08:05:00Z"), ""),
        Err(Error::Conflict {
            reason: Reason::CrisisRunning,
            ..
        })
    ));

    // During the crisis: an edit that keeps `suspended` keeps it suspended;
    // nobody else may set it.
    let mut edit = input(
        &t.store,
        "approved, reworded",
        Some("2027-05-12"),
        Some("10:00"),
    );
    edit.status = PostStatus::Suspended;
    t.store.update_post(&ids[1], &edit).unwrap();
    assert_eq!(
        t.store.post(&ids[1]).unwrap().suspended_from,
        Some(PostStatus::Approved)
    );
    let mut fresh = input(&t.store, "new", Some("2027-05-12"), Some("10:00"));
    fresh.status = PostStatus::Suspended;
    assert!(matches!(
        t.store.create_post(&fresh),
        Err(Error::Validation {
            reason: Reason::SetByCrisisMode,
            ..
        })
    ));
    assert!(t
        .store
        .update_post(&ids[6], &{
            let mut b = input(&t.store, "backlog", Some("2027-05-12"), Some("10:00"));
            b.status = PostStatus::Suspended;
            b
        })
        .is_err());
    let suspended_only = PostFilter {
        statuses: vec![PostStatus::Suspended],
        ..PostFilter::default()
    };
    let listed = t
        .store
        .posts_in_range(
            utc("2027-05-01T00:00:00Z"),
            utc("2027-06-01T00:00:00Z"),
            &suspended_only,
        )
        .unwrap();
    assert_eq!(listed.len(), 4);

    // Ticks and notes, each timestamped.
    let step = state.checklist[0].id.clone();
    let ticked = t
        .store
        .crisis_tick(&step, true, utc("2027-05-10T08:02:00Z"))
        .unwrap();
    assert_eq!(
        ticked.checklist[0].done_at.as_deref(),
        Some("2027-05-10T08:02:00.000Z")
    );
    let again = t
        .store
        .crisis_tick(&step, true, utc("2027-05-10T08:03:00Z"))
        .unwrap();
    assert_eq!(again.log.len(), 2, "ticking twice logs once");
    let unticked = t
        .store
        .crisis_tick(&step, false, utc("2027-05-10T08:04:00Z"))
        .unwrap();
    assert_eq!(unticked.checklist[0].done_at, None);
    assert!(matches!(
        t.store
            .crisis_tick("no-such-step", true, utc("2027-05-10T08:04:00Z")),
        Err(Error::NotFound { .. })
    ));
    t.store
        .crisis_log_add("Holding statement posted on X", utc("2027-05-10T08:30:00Z"))
        .unwrap();
    assert!(matches!(
        t.store.crisis_log_add("   ", utc("2027-05-10T08:31:00Z")),
        Err(Error::Validation { field: "text", .. })
    ));

    // The crisis ends the next day: the scheduled post's instant (10 May
    // 10:00 Paris) has passed; it gets its status back and is overdue.
    let ended = t.store.crisis_end(utc("2027-05-11T09:00:00Z")).unwrap();
    assert_eq!(ended.ended_at.as_deref(), Some("2027-05-11T09:00:00.000Z"));
    for (i, (title, _, original)) in posts.iter().enumerate() {
        assert_eq!(status(&t.store, &ids[i]), *original, "{title}");
        assert_eq!(t.store.post(&ids[i]).unwrap().suspended_from, None);
    }
    assert_eq!(t.store.post(&ids[1]).unwrap().title, "approved, reworded");
    let log: Vec<(CrisisLogKind, &str)> = ended
        .log
        .iter()
        .map(|e| (e.kind, e.text.as_str()))
        .collect();
    assert_eq!(
        log,
        vec![
            (CrisisLogKind::Started, "Delivery delays: angry customers"),
            (CrisisLogKind::StepDone, "Pause publishing"),
            (CrisisLogKind::StepUndone, "Pause publishing"),
            (CrisisLogKind::Note, "Holding statement posted on X"),
            (CrisisLogKind::Ended, "4"),
        ]
    );
    let overdue = t
        .store
        .overdue_post_ids(
            utc("2027-05-01T00:00:00Z"),
            utc("2027-06-01T00:00:00Z"),
            utc("2027-05-11T09:00:00Z"),
        )
        .unwrap();
    // Late: the scheduled post (10 May) and the one in review (3 May).
    assert_eq!(overdue, vec![ids[3].clone(), ids[0].clone()]);
    let batch = t.store.take_due(utc("2027-05-11T09:00:00Z")).unwrap();
    let late: Vec<&str> = batch.overdue.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(late, ["late review", "scheduled"]);

    // Over: no state, a history, and conflicts for what needs a crisis.
    assert_eq!(t.store.crisis_state().unwrap(), None);
    assert!(matches!(
        t.store.crisis_end(utc("2027-05-11T09:01:00Z")),
        Err(Error::Conflict {
            reason: Reason::NoCrisis,
            ..
        })
    ));
    assert!(matches!(
        t.store
            .crisis_tick(&step, true, utc("2027-05-11T09:01:00Z")),
        Err(Error::Conflict {
            reason: Reason::NoCrisis,
            ..
        })
    ));
    assert!(matches!(
        t.store
            .crisis_log_add("late note", utc("2027-05-11T09:01:00Z")),
        Err(Error::Conflict {
            reason: Reason::NoCrisis,
            ..
        })
    ));
    let second = t
        .store
        .crisis_start(utc("2027-06-01T08:00:00Z"), "")
        .unwrap();
    assert_eq!(second.checklist.len(), 1, "the charter as it is now");
    t.store.crisis_end(utc("2027-06-01T10:00:00Z")).unwrap();
    let history = t.store.crisis_history().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].id, second.id, "latest first");
    assert_eq!(history[1].log.len(), 5);
}

#[test]
fn a_post_deleted_during_a_crisis_comes_back_as_it_should() {
    let (mut t, _) = clocked_store("2027-05-10T08:00:00Z");
    let id = create(
        &mut t.store,
        "scheduled",
        Some("2027-05-20"),
        PostStatus::Scheduled,
    );
    t.store
        .crisis_start(utc("2027-05-10T08:00:00Z"), "")
        .unwrap();
    t.store.delete_post(&id).unwrap();
    // Undone while the crisis runs: suspended, remembering its status.
    t.store.undo(None).unwrap();
    let back = t.store.post(&id).unwrap();
    assert_eq!(
        (back.status, back.suspended_from),
        (PostStatus::Suspended, Some(PostStatus::Scheduled))
    );
    t.store.crisis_end(utc("2027-05-10T09:00:00Z")).unwrap();
    assert_eq!(status(&t.store, &id), PostStatus::Scheduled);
    // Undone after the crisis: its own status straight away.
    t.store
        .crisis_start(utc("2027-05-10T10:00:00Z"), "")
        .unwrap();
    t.store.delete_post(&id).unwrap();
    t.store.crisis_end(utc("2027-05-10T11:00:00Z")).unwrap();
    // Undo passes over the crisis' end (its own switch) to the delete.
    let undone = t.store.undo(None).unwrap();
    assert_eq!(undone.label.kind, tribu_core::store::ActionKind::PostDelete);
    let back = t.store.post(&id).unwrap();
    assert_eq!(
        (back.status, back.suspended_from),
        (PostStatus::Scheduled, None)
    );
    // Back to the backlog: a suspended post becomes a draft.
    t.store
        .crisis_start(utc("2027-05-10T12:00:00Z"), "")
        .unwrap();
    let unscheduled = t.store.unschedule_post(&id).unwrap();
    assert_eq!(
        (unscheduled.status, unscheduled.suspended_from),
        (PostStatus::Draft, None)
    );
}
