//! Editing one occurrence of a recurring post, or it and the following
//! ones, on a real workspace file. Paris: UTC+1 in winter, UTC+2 from
//! 28 March 2027 to 31 October 2027.

mod common;

use common::recurrence::{dates, day, listed, recurring, row};
use common::{clocked_store, input, utc};
use tribu_core::error::Reason;
use tribu_core::model::{PostFilter, PostStatus};
use tribu_core::schedule::OccurrenceScope;
use tribu_core::{Error, Store};

#[test]
fn this_one_moves_or_deletes_a_single_occurrence() {
    let (mut t, _) = clocked_store("2027-01-01T00:00:00Z");
    let id = recurring(
        &mut t.store,
        "Tips",
        "2027-03-22",
        "09:00",
        "FREQ=WEEKLY;BYDAY=MO",
    );
    // Monday 29 March moves to Tuesday 30 March at 10:00 (summer: 08:00Z).
    let moved = t
        .store
        .move_occurrence(
            &id,
            day("2027-03-29"),
            day("2027-03-30"),
            Some("10:00".parse().unwrap()),
            OccurrenceScope::ThisOne,
        )
        .unwrap();
    assert_eq!(
        (
            moved.occurrence_date.as_str(),
            moved.planned_at.as_str(),
            moved.is_exception
        ),
        ("2027-03-29", "2027-03-30T08:00:00Z", true)
    );
    t.store
        .delete_occurrence(&id, day("2027-04-05"), OccurrenceScope::ThisOne)
        .unwrap();
    let april = |store: &Store| {
        listed(
            &store
                .occurrences(
                    &id,
                    utc("2027-03-22T00:00:00Z"),
                    utc("2027-04-13T00:00:00Z"),
                )
                .unwrap(),
        )
    };
    assert_eq!(
        april(&t.store),
        vec![
            row("2027-03-22", "2027-03-22T08:00:00Z", "09:00"),
            row("2027-03-29", "2027-03-30T08:00:00Z", "10:00"),
            row("2027-04-12", "2027-04-12T07:00:00Z", "09:00"),
        ]
    );
    // The deleted one is gone for good; a day with no occurrence is not found.
    for date in ["2027-04-05", "2027-04-06"] {
        assert!(matches!(
            t.store.move_occurrence(
                &id,
                day(date),
                day("2027-04-07"),
                None,
                OccurrenceScope::ThisOne
            ),
            Err(Error::NotFound { .. })
        ));
    }
    // One occurrence gets its own title.
    let renamed = t
        .store
        .retitle_occurrence(&id, day("2027-04-12"), Some("Tips: Easter special"))
        .unwrap();
    assert_eq!(renamed.title.as_deref(), Some("Tips: Easter special"));
    let shown = t
        .store
        .recurring_posts_in_range(
            utc("2027-04-12T00:00:00Z"),
            utc("2027-04-13T00:00:00Z"),
            &PostFilter::default(),
        )
        .unwrap();
    assert_eq!(shown[0].post.title, "Tips: Easter special");
    // Changing the rule drops the exceptions, whose dates may not recur.
    let mut edit = input(&t.store, "Tips", Some("2027-03-22"), Some("09:00"));
    edit.rrule = Some("FREQ=WEEKLY;BYDAY=MO,TH".into());
    t.store.update_post(&id, &edit).unwrap();
    assert_eq!(
        dates(
            &t.store,
            &id,
            "2027-03-29T00:00:00Z",
            "2027-04-06T00:00:00Z"
        ),
        ["2027-03-29", "2027-04-01", "2027-04-05"]
    );
}

#[test]
fn this_and_following_splits_the_series() {
    let (mut t, _) = clocked_store("2027-01-01T00:00:00Z");
    let id = recurring(
        &mut t.store,
        "Tips",
        "2027-03-22",
        "09:00",
        "FREQ=WEEKLY;BYDAY=MO",
    );
    t.store
        .move_occurrence(
            &id,
            day("2027-03-29"),
            day("2027-03-30"),
            None,
            OccurrenceScope::ThisOne,
        )
        .unwrap();
    // From Monday 12 April on, the series moves to Tuesdays.
    let first = t
        .store
        .move_occurrence(
            &id,
            day("2027-04-12"),
            day("2027-04-13"),
            None,
            OccurrenceScope::ThisAndFollowing,
        )
        .unwrap();
    assert_ne!(first.post_id, id, "a new recurring post");
    assert_eq!(
        (
            first.occurrence_date.as_str(),
            first.planned_at.as_str(),
            first.local_time.as_str()
        ),
        ("2027-04-13", "2027-04-13T07:00:00Z", "09:00")
    );
    // The original ends the day before: 11 April 23:59:59 Paris (UTC+2).
    let original = t.store.post(&id).unwrap();
    assert_eq!(
        original.rrule.as_deref(),
        Some("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270411T215959Z")
    );
    let new = t.store.post(&first.post_id).unwrap();
    assert_eq!(new.rrule.as_deref(), Some("FREQ=WEEKLY;BYDAY=TU"));
    assert_eq!(new.title, "Tips");
    assert_eq!(new.status, PostStatus::Scheduled);
    let shown: Vec<(String, String)> = t
        .store
        .recurring_posts_in_range(
            utc("2027-03-22T00:00:00Z"),
            utc("2027-04-28T00:00:00Z"),
            &PostFilter::default(),
        )
        .unwrap()
        .into_iter()
        .map(|o| (o.occurrence_date, o.post.local_date.unwrap()))
        .collect();
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        shown,
        vec![
            pair("2027-03-22", "2027-03-22"),
            pair("2027-03-29", "2027-03-30"),
            pair("2027-04-05", "2027-04-05"),
            pair("2027-04-13", "2027-04-13"),
            pair("2027-04-20", "2027-04-20"),
            pair("2027-04-27", "2027-04-27"),
        ]
    );
}

#[test]
fn this_and_following_shares_out_the_count() {
    let (mut t, _) = clocked_store("2027-01-01T00:00:00Z");
    let id = recurring(
        &mut t.store,
        "Countdown",
        "2027-06-01",
        "09:00",
        "FREQ=DAILY;COUNT=6",
    );
    // 1..6 June; from the 3rd on, moved to the 10th: 2 stay, 4 go.
    let first = t
        .store
        .move_occurrence(
            &id,
            day("2027-06-03"),
            day("2027-06-10"),
            None,
            OccurrenceScope::ThisAndFollowing,
        )
        .unwrap();
    let june = ("2027-06-01T00:00:00Z", "2027-07-01T00:00:00Z");
    assert_eq!(
        t.store.post(&id).unwrap().rrule.as_deref(),
        Some("FREQ=DAILY;COUNT=2")
    );
    assert_eq!(
        dates(&t.store, &id, june.0, june.1),
        ["2027-06-01", "2027-06-02"]
    );
    assert_eq!(
        dates(&t.store, &first.post_id, june.0, june.1),
        ["2027-06-10", "2027-06-11", "2027-06-12", "2027-06-13"]
    );
    // Deleting from the 12th on leaves two; from the first, the post goes.
    t.store
        .delete_occurrence(
            &first.post_id,
            day("2027-06-12"),
            OccurrenceScope::ThisAndFollowing,
        )
        .unwrap();
    assert_eq!(
        dates(&t.store, &first.post_id, june.0, june.1),
        ["2027-06-10", "2027-06-11"]
    );
    t.store
        .delete_occurrence(
            &first.post_id,
            day("2027-06-10"),
            OccurrenceScope::ThisAndFollowing,
        )
        .unwrap();
    assert!(matches!(
        t.store.post(&first.post_id),
        Err(Error::NotFound { .. })
    ));
    // Moving the first occurrence with the following ones moves the series.
    let moved = t
        .store
        .move_occurrence(
            &id,
            day("2027-06-01"),
            day("2027-06-04"),
            None,
            OccurrenceScope::ThisAndFollowing,
        )
        .unwrap();
    assert_eq!(moved.post_id, id);
    assert_eq!(
        dates(&t.store, &id, june.0, june.1),
        ["2027-06-04", "2027-06-05"]
    );
    // A one-off post has no occurrences to act on.
    let single = t
        .store
        .create_post(&input(&t.store, "Once", Some("2027-06-01"), Some("09:00")))
        .unwrap();
    assert!(matches!(
        t.store
            .delete_occurrence(&single.id, day("2027-06-01"), OccurrenceScope::ThisOne),
        Err(Error::Validation {
            reason: Reason::NotRecurring,
            ..
        })
    ));
}
