//! Reminders and overdue notices on a real workspace file, with the clock
//! injected. Paris is UTC+1 until 28 March 2027 and UTC+2 from then on.

mod common;

use chrono::Duration;
use common::{clocked_store, input, utc};
use tribu_core::error::Reason;
use tribu_core::model::{PostInput, PostStatus};
use tribu_core::schedule::{
    is_catch_up, notifications_for, Clock, DueBatch, DueKind, Notification,
};
use tribu_core::{Error, Store};

fn post(store: &mut Store, title: &str, date: &str, time: &str, lead: Option<u32>) -> String {
    let mut new: PostInput = input(store, title, Some(date), Some(time));
    new.status = PostStatus::Scheduled;
    new.reminder_minutes = lead;
    store.create_post(&new).unwrap().id
}

fn next(store: &Store, now: &str) -> (String, DueKind, String) {
    let item = store.next_due(utc(now)).unwrap().expect("something is due");
    (item.post_id, item.kind, item.at)
}

fn titles(batch: &DueBatch) -> (Vec<&str>, Vec<&str>) {
    (
        batch.reminders.iter().map(|n| n.title.as_str()).collect(),
        batch.overdue.iter().map(|n| n.title.as_str()).collect(),
    )
}

#[test]
fn next_due_orders_reminders_and_overdue_notices() {
    let (mut t, _clock) = clocked_store("2027-03-22T06:00:00Z");
    assert_eq!(t.store.next_due(utc("2027-03-22T06:00:00Z")).unwrap(), None);
    assert_eq!(t.store.reminder_lead_minutes().unwrap(), 30, "the default");
    // A: 09:00 Paris = 08:00Z, default lead 30 min: reminder 07:30Z.
    let a = post(&mut t.store, "A", "2027-03-22", "09:00", None);
    // B: 08:45 Paris = 07:45Z, its own lead of 60 min: reminder 06:45Z.
    let b = post(&mut t.store, "B", "2027-03-22", "08:45", Some(60));
    // Published and cancelled posts, and ideas without a date, get nothing.
    let mut done = input(&t.store, "Done", Some("2027-03-22"), Some("06:50"));
    done.status = PostStatus::Published;
    t.store.create_post(&done).unwrap();
    done.status = PostStatus::Cancelled;
    t.store.create_post(&done).unwrap();
    t.store
        .create_post(&input(&t.store, "Idea", None, None))
        .unwrap();

    let item = t
        .store
        .next_due(utc("2027-03-22T06:00:00Z"))
        .unwrap()
        .unwrap();
    assert_eq!(item.post_id, b);
    assert_eq!(item.kind, DueKind::Reminder);
    assert_eq!(item.at, "2027-03-22T06:45:00Z");
    assert_eq!(item.planned_at, "2027-03-22T07:45:00Z");
    assert_eq!(item.wait_seconds, 45 * 60);

    // A default of 2 h moves A's reminder to 08:00Z - 2 h = 06:00Z, already
    // due at 06:00Z (wait 0); B keeps its own 60 min.
    t.store.set_reminder_lead_minutes(120).unwrap();
    let item = t
        .store
        .next_due(utc("2027-03-22T06:00:00Z"))
        .unwrap()
        .unwrap();
    assert_eq!(
        (item.post_id.as_str(), item.at.as_str()),
        (a.as_str(), "2027-03-22T06:00:00Z")
    );
    assert_eq!(item.wait_seconds, 0);
    assert!(matches!(
        t.store.set_reminder_lead_minutes(10_081),
        Err(Error::Validation {
            reason: Reason::OutOfRange,
            ..
        })
    ));
    t.store.set_reminder_lead_minutes(30).unwrap();
    let mut too_early = input(&t.store, "Too early", Some("2027-03-22"), Some("09:00"));
    too_early.reminder_minutes = Some(10_081);
    assert!(matches!(
        t.store.create_post(&too_early),
        Err(Error::Validation {
            field: "reminderMinutes",
            ..
        })
    ));

    // Taken one by one: B's reminder 06:45, A's reminder 07:30, B overdue
    // 07:45, A overdue 08:00.
    let expected = [
        (&b, DueKind::Reminder, "2027-03-22T06:45:00Z"),
        (&a, DueKind::Reminder, "2027-03-22T07:30:00Z"),
        (&b, DueKind::Overdue, "2027-03-22T07:45:00Z"),
        (&a, DueKind::Overdue, "2027-03-22T08:00:00Z"),
    ];
    for (id, kind, at) in expected {
        assert_eq!(
            next(&t.store, "2027-03-22T06:00:00Z"),
            (id.clone(), kind, at.to_string())
        );
        let batch = t.store.take_due(utc(at)).unwrap();
        assert_eq!(batch.len(), 1, "one notice at {at}");
    }
    assert_eq!(t.store.next_due(utc("2027-03-22T08:00:00Z")).unwrap(), None);
}

#[test]
fn a_notice_goes_out_once_whatever_the_clock_does() {
    let (mut t, _clock) = clocked_store("2027-03-22T06:00:00Z");
    // 09:00 Paris = 08:00Z; reminder at 07:30Z.
    let a = post(&mut t.store, "Spring launch", "2027-03-22", "09:00", None);
    assert!(t
        .store
        .take_due(utc("2027-03-22T07:29:59Z"))
        .unwrap()
        .is_empty());

    let batch = t.store.take_due(utc("2027-03-22T07:30:00Z")).unwrap();
    assert_eq!(titles(&batch), (vec!["Spring launch"], vec![]));
    let reminder = &batch.reminders[0];
    assert_eq!(reminder.minutes_until, 30);
    assert_eq!(reminder.local_time, "09:00");
    assert_eq!(reminder.network_name, "Instagram");
    assert_eq!(reminder.occurrence_date, None);
    assert!(
        t.store
            .take_due(utc("2027-03-22T07:30:00Z"))
            .unwrap()
            .is_empty(),
        "same instant"
    );
    assert!(t
        .store
        .take_due(utc("2027-03-22T07:40:00Z"))
        .unwrap()
        .is_empty());
    // The clock goes back an hour: nothing again, and what comes next is the
    // overdue notice, not the reminder once more.
    assert!(t
        .store
        .take_due(utc("2027-03-22T06:40:00Z"))
        .unwrap()
        .is_empty());
    assert_eq!(
        next(&t.store, "2027-03-22T06:40:00Z"),
        (a.clone(), DueKind::Overdue, "2027-03-22T08:00:00Z".into())
    );
    let batch = t.store.take_due(utc("2027-03-22T08:00:00Z")).unwrap();
    assert_eq!(titles(&batch), (vec![], vec!["Spring launch"]));
    assert_eq!(batch.overdue[0].minutes_until, 0);

    // A restart remembers.
    let path = t.store.path().to_path_buf();
    drop(t.store);
    let mut store = Store::open(&path).unwrap();
    assert!(store
        .take_due(utc("2027-03-22T10:00:00Z"))
        .unwrap()
        .is_empty());
    assert_eq!(store.next_due(utc("2027-03-22T10:00:00Z")).unwrap(), None);

    // Another instant is another pair of notices; back to the first instant,
    // its notices were sent already.
    let paris = "Europe/Paris".parse().unwrap();
    store
        .move_post(&a, "2027-03-23".parse().unwrap(), None, paris)
        .unwrap();
    // 23 March 09:00 Paris = 08:00Z, reminder 07:30Z.
    assert_eq!(
        next(&store, "2027-03-22T10:00:00Z"),
        (a.clone(), DueKind::Reminder, "2027-03-23T07:30:00Z".into())
    );
    store
        .move_post(&a, "2027-03-22".parse().unwrap(), None, paris)
        .unwrap();
    assert_eq!(store.next_due(utc("2027-03-22T10:00:00Z")).unwrap(), None);

    // A post deleted and restored (undo) is not reminded of twice either.
    store.delete_post(&a).unwrap();
    store.undo(None).unwrap();
    assert_eq!(store.next_due(utc("2027-03-22T10:00:00Z")).unwrap(), None);
}

#[test]
fn waking_up_after_three_hours_gives_one_summary() {
    let (mut t, clock) = clocked_store("2027-03-22T06:00:00Z");
    // Paris is UTC+1. Each line: local time, UTC instant, reminder (-30 min).
    post(&mut t.store, "P1", "2027-03-22", "07:30", None); // 06:30Z, 06:00Z
    post(&mut t.store, "P2", "2027-03-22", "08:00", None); // 07:00Z, 06:30Z
    post(&mut t.store, "P3", "2027-03-22", "09:00", None); // 08:00Z, 07:30Z
    let p4 = post(&mut t.store, "P4", "2027-03-22", "10:15", None); // 09:15Z, 08:45Z
    let p5 = post(&mut t.store, "P5", "2027-03-22", "10:25", None); // 09:25Z, 08:55Z
    let p6 = post(&mut t.store, "P6", "2027-03-22", "11:00", None); // 10:00Z, 09:30Z
                                                                    // Before the laptop sleeps, at 06:00Z, P1's reminder is due.
    let batch = t.store.take_due(clock.now()).unwrap();
    assert_eq!(titles(&batch), (vec!["P1"], vec![]));
    assert!(!is_catch_up(&batch, clock.now()));

    // It wakes at 09:00Z. Due meanwhile: P1 overdue (06:30Z), P2 and P3
    // overdue (their reminders too, but a late reminder is not repeated
    // next to the overdue notice), P4 and P5 reminders; not P6 (09:30Z).
    clock.advance(Duration::hours(3));
    let now = clock.now();
    let batch = t.store.take_due(now).unwrap();
    assert_eq!(titles(&batch), (vec!["P4", "P5"], vec!["P1", "P2", "P3"]));
    assert_eq!(batch.reminders[0].minutes_until, 15, "09:15Z - 09:00Z");
    assert_eq!(batch.overdue[0].minutes_until, -150, "06:30Z - 09:00Z");
    assert!(is_catch_up(&batch, now));
    assert_eq!(
        notifications_for(&batch, now, "en"),
        vec![Notification {
            title: "5 posts were due while Tribu was closed".into(),
            body: "2 reminders, 3 not published yet. Open the calendar to see them.".into(),
            post_id: None,
        }]
    );
    assert_eq!(
        notifications_for(&batch, now, "fr-FR"),
        vec![Notification {
            title: "5 publications étaient prévues pendant que Tribu était fermé".into(),
            body: "2 rappels, 3 pas encore publiées. Ouvrez le calendrier pour les voir.".into(),
            post_id: None,
        }]
    );
    assert!(t.store.take_due(now).unwrap().is_empty());
    // Next: P4's overdue notice at its instant, 09:15Z.
    assert_eq!(
        next(&t.store, "2027-03-22T09:00:00Z").2,
        "2027-03-22T09:15:00Z"
    );
    // The manager publishes P4 and P5 in time; then P6's reminder, 09:30Z.
    for (id, time) in [(&p4, "10:15"), (&p5, "10:25")] {
        let mut done = input(&t.store, "done", Some("2027-03-22"), Some(time));
        done.status = PostStatus::Published;
        t.store.update_post(id, &done).unwrap();
    }
    assert_eq!(
        next(&t.store, "2027-03-22T09:00:00Z").2,
        "2027-03-22T09:30:00Z"
    );

    // On time, one notice is one notification.
    let batch = t.store.take_due(utc("2027-03-22T09:30:00Z")).unwrap();
    let now = utc("2027-03-22T09:30:00Z");
    assert!(!is_catch_up(&batch, now));
    assert_eq!(
        notifications_for(&batch, now, "en"),
        vec![Notification {
            title: "In 30 min: P6".into(),
            body: "Planned on Instagram for 22 Mar 2027 at 11:00 (Europe/Paris).".into(),
            post_id: Some(p6.clone()),
        }]
    );
    assert_eq!(
        notifications_for(&batch, now, "fr"),
        vec![Notification {
            title: "Dans 30 min\u{a0}: P6".into(),
            body: "Prévu sur Instagram le 22/03/2027 à 11:00 (Europe/Paris).".into(),
            post_id: Some(p6.clone()),
        }]
    );
    let batch = t.store.take_due(utc("2027-03-22T10:01:00Z")).unwrap();
    assert_eq!(
        notifications_for(&batch, utc("2027-03-22T10:01:00Z"), "en"),
        vec![Notification {
            title: "Not published yet: P6".into(),
            body: "Planned on Instagram for 22 Mar 2027 at 11:00 (Europe/Paris). \
                   Mark it published, or move it."
                .into(),
            post_id: Some(p6.clone()),
        }]
    );
}

#[test]
fn published_and_suspended_posts_are_skipped() {
    let (mut t, _clock) = clocked_store("2027-03-22T06:00:00Z");
    let a = post(&mut t.store, "A", "2027-03-22", "09:00", None);
    let b = post(&mut t.store, "B", "2027-03-22", "10:00", None);
    // A is published before its reminder: only B remains (10:00 Paris =
    // 09:00Z, reminder 08:30Z).
    let mut published = input(&t.store, "A", Some("2027-03-22"), Some("09:00"));
    published.status = PostStatus::Published;
    t.store.update_post(&a, &published).unwrap();
    assert_eq!(
        next(&t.store, "2027-03-22T06:00:00Z"),
        (b.clone(), DueKind::Reminder, "2027-03-22T08:30:00Z".into())
    );
    // Crisis mode suspends B: nothing is due any more, even hours later.
    t.store
        .crisis_start(utc("2027-03-22T07:00:00Z"), "")
        .unwrap();
    assert_eq!(t.store.next_due(utc("2027-03-22T07:00:00Z")).unwrap(), None);
    assert!(t
        .store
        .take_due(utc("2027-03-22T12:00:00Z"))
        .unwrap()
        .is_empty());
    // Once it ends, B's instant has passed: one overdue notice.
    t.store.crisis_end(utc("2027-03-22T12:00:00Z")).unwrap();
    let batch = t.store.take_due(utc("2027-03-22T12:00:00Z")).unwrap();
    assert_eq!(titles(&batch), (vec![], vec!["B"]));
}

#[test]
fn a_recurring_post_reminds_of_each_occurrence_from_its_last_change() {
    let (mut t, clock) = clocked_store("2027-03-22T06:00:00Z");
    let mut weekly = input(&t.store, "Monday tips", Some("2027-03-22"), Some("09:00"));
    weekly.rrule = Some("FREQ=WEEKLY".into());
    let id = t.store.create_post(&weekly).unwrap().id;
    // 22 March 09:00 Paris = 08:00Z: reminder 07:30Z.
    assert_eq!(
        next(&t.store, "2027-03-22T06:00:00Z"),
        (id.clone(), DueKind::Reminder, "2027-03-22T07:30:00Z".into())
    );
    let batch = t.store.take_due(utc("2027-03-22T08:30:00Z")).unwrap();
    assert_eq!(batch.reminders.len(), 1);
    assert!(
        batch.overdue.is_empty(),
        "an occurrence has no status to be late with"
    );
    assert_eq!(
        batch.reminders[0].occurrence_date.as_deref(),
        Some("2027-03-22")
    );
    // 29 March is in summer time: 09:00 Paris = 07:00Z, reminder 06:30Z.
    assert_eq!(
        next(&t.store, "2027-03-22T08:30:00Z").2,
        "2027-03-29T06:30:00Z"
    );

    // A series edited on 10 April reminds of nothing before: next is 12 April
    // 09:00 Paris = 07:00Z, reminder 06:30Z.
    clock.set(utc("2027-04-10T12:00:00Z"));
    weekly.title = "Monday tips (new)".into();
    t.store.update_post(&id, &weekly).unwrap();
    assert_eq!(
        next(&t.store, "2027-04-10T12:00:00Z").2,
        "2027-04-12T06:30:00Z"
    );
}

#[test]
fn payloads_from_before_reminders_still_parse() {
    let old_post: PostInput = serde_json::from_str(
        r#"{"title":"T","body":"","networkId":"n","format":"photo","status":"draft",
            "date":null,"time":null,"zone":null,"theme":"","campaign":"","notes":"",
            "assetLinks":[]}"#,
    )
    .unwrap();
    assert_eq!((old_post.reminder_minutes, old_post.rrule), (None, None));
    let old_key_date: tribu_core::model::KeyDateInput =
        serde_json::from_str(r#"{"date":"2027-06-23","label":"Sales","kind":"sale"}"#).unwrap();
    assert_eq!(
        old_key_date.recurrence,
        tribu_core::model::KeyDateRecurrence::None
    );
}

#[test]
fn a_post_is_late_from_the_first_instant_after_its_time() {
    let (mut t, _clock) = clocked_store("2027-01-10T08:00:00Z");
    // 10:00 in Paris on 11 January 2027 is 09:00 UTC (UTC+1 in winter).
    let id = post(&mut t.store, "à l'heure", "2027-01-11", "10:00", None);
    let (day_start, day_end) = (utc("2027-01-11T00:00:00Z"), utc("2027-01-12T00:00:00Z"));
    let late = |now: &str| {
        t.store
            .overdue_post_ids(day_start, day_end, utc(now))
            .unwrap()
    };
    // At its very second it is not late yet; a millisecond later it is,
    // without waiting for the next whole second.
    assert!(late("2027-01-11T09:00:00Z").is_empty());
    assert_eq!(late("2027-01-11T09:00:00.001Z"), vec![id.as_str()]);
    assert_eq!(late("2027-01-11T09:00:01Z"), vec![id.as_str()]);
    assert!(late("2027-01-11T08:59:59.999Z").is_empty());
}

#[test]
fn sending_a_notice_is_no_change_of_the_plan_but_editing_the_post_is() {
    use tribu_core::store::Topic;
    let (mut t, _clock) = clocked_store("2027-03-22T06:00:00Z");
    // 09:00 Paris = 08:00Z, reminded at 07:30Z.
    let id = post(&mut t.store, "Soldes", "2027-03-22", "09:00", None);
    t.store.take_changes().unwrap();
    let batch = t.store.take_due(utc("2027-03-22T07:31:00Z")).unwrap();
    assert_eq!(titles(&batch), (vec!["Soldes"], vec![]));
    // The notice marks itself sent and moves the post's next one (overdue at
    // 08:00Z): bookkeeping that no view shows.
    assert!(t.store.take_changes().unwrap().is_empty());
    assert_eq!(
        next(&t.store, "2027-03-22T07:31:00Z"),
        (id.clone(), DueKind::Overdue, "2027-03-22T08:00:00Z".into())
    );
    // Moving it to 10:00 Paris (09:00Z) is a change of posts, and its next
    // notice follows without the caller asking: the reminder at 08:30Z.
    let mut moved = input(&t.store, "Soldes", Some("2027-03-22"), Some("10:00"));
    moved.status = PostStatus::Scheduled;
    t.store.update_post(&id, &moved).unwrap();
    assert_eq!(
        t.store.take_changes().unwrap().topics,
        [Topic::Posts, Topic::Journal]
    );
    assert_eq!(
        next(&t.store, "2027-03-22T07:31:00Z"),
        (id, DueKind::Reminder, "2027-03-22T08:30:00Z".into())
    );
}
