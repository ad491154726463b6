mod common;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use common::{input, network_id, temp_store};
use tribu_core::error::Reason;
use tribu_core::model::{PostFilter, PostStatus};
use tribu_core::{Error, Store};

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}
fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}
fn paris() -> Tz {
    "Europe/Paris".parse().unwrap()
}
fn titles(posts: &[tribu_core::model::PostSummary]) -> Vec<&str> {
    posts.iter().map(|p| p.title.as_str()).collect()
}
fn count(store: &Store) -> usize {
    store
        .posts_in_range(
            utc("1970-01-01T00:00:00Z"),
            utc("2200-01-01T00:00:00Z"),
            &PostFilter::default(),
        )
        .unwrap()
        .len()
        + store.backlog(&PostFilter::default()).unwrap().len()
}

#[test]
fn create_read_update_delete_restore() {
    let mut t = temp_store();
    let mut new = input(&t.store, "Launch teaser", Some("2027-03-26"), Some("09:00"));
    new.body = "Something is coming <b>soon</b>".into();
    new.asset_links = vec!["https://example.org/teaser.png".into(), "  ".into()];
    let post = t.store.create_post(&new).unwrap();
    // 09:00 in Paris on 26 March 2027 (UTC+1) is 08:00 UTC.
    assert_eq!(post.planned_at.as_deref(), Some("2027-03-26T08:00:00Z"));
    assert_eq!(post.local_date.as_deref(), Some("2027-03-26"));
    assert_eq!(post.local_time.as_deref(), Some("09:00"));
    assert_eq!(
        post.asset_links,
        vec!["https://example.org/teaser.png"],
        "blank links are dropped"
    );
    assert_eq!(t.store.post(&post.id).unwrap(), post);

    let mut edit = new.clone();
    edit.title = "  Launch teaser v2 ".into();
    edit.status = PostStatus::Approved;
    let updated = t.store.update_post(&post.id, &edit).unwrap();
    assert_eq!(updated.title, "Launch teaser v2", "titles are trimmed");
    assert_eq!(updated.status, PostStatus::Approved);
    assert_eq!(updated.created_at, post.created_at);

    let deleted = t.store.delete_post(&post.id).unwrap();
    assert!(matches!(
        t.store.post(&post.id),
        Err(Error::NotFound { .. })
    ));
    t.store.undo(None).unwrap();
    let restored = t.store.post(&post.id).unwrap();
    assert_eq!(
        restored, deleted,
        "undo brings the post back exactly as it was"
    );
    assert!(
        matches!(
            t.store.undo(Some(i64::MAX)),
            Err(Error::Conflict {
                reason: Reason::NotLatest,
                ..
            })
        ),
        "an undo that expects another action is refused"
    );
}

#[test]
fn data_survives_reopening_the_file() {
    let t = temp_store();
    let path = t.store.path().to_path_buf();
    let mut store = t.store;
    let post = store
        .create_post(&input(
            &store,
            "Persisted",
            Some("2027-05-02"),
            Some("18:30"),
        ))
        .unwrap();
    drop(store);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(reopened.post(&post.id).unwrap(), post);
    assert_eq!(
        reopened.networks().unwrap().len(),
        10,
        "built-in networks are seeded once"
    );
}

#[test]
fn invalid_input_writes_nothing() {
    let mut t = temp_store();
    // (the field the error must name, how to break a valid input)
    type Breakage = Box<dyn Fn(&mut tribu_core::model::PostInput)>;
    let cases: Vec<(&str, Breakage)> = vec![
        ("title", Box::new(|i| i.title = "   ".into())),
        (
            "network",
            Box::new(|i| i.network_id = "no-such-network".into()),
        ),
        ("date", Box::new(|i| i.date = Some("2027-02-30".into()))),
        ("date", Box::new(|i| i.date = Some("1969-07-20".into()))),
        ("time", Box::new(|i| i.time = Some("9h".into()))),
        (
            "zone",
            Box::new(|i| i.zone = Some("Europe/Atlantis".into())),
        ),
        (
            "time",
            Box::new(|i| (i.date, i.time) = (Some("2027-03-28".into()), Some("02:30".into()))),
        ),
        (
            "date",
            Box::new(|i| (i.date, i.status) = (None, PostStatus::Scheduled)),
        ),
        (
            "date",
            Box::new(|i| (i.date, i.time) = (None, Some("10:00".into()))),
        ),
    ];
    for (field, break_it) in cases {
        let mut bad = input(&t.store, "Valid title", Some("2027-04-01"), Some("10:00"));
        break_it(&mut bad);
        match t.store.create_post(&bad) {
            Err(Error::Validation { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected a validation error on {field}, got {other:?}"),
        }
    }
    assert_eq!(count(&t.store), 0);

    let post = t
        .store
        .create_post(&input(&t.store, "Kept", Some("2027-04-01"), Some("10:00")))
        .unwrap();
    let mut bad = input(&t.store, "", Some("2027-04-02"), Some("11:00"));
    assert!(t.store.update_post(&post.id, &bad).is_err());
    bad.title = "x".repeat(201);
    assert!(t.store.update_post(&post.id, &bad).is_err());
    assert_eq!(
        t.store.post(&post.id).unwrap(),
        post,
        "a refused update changes nothing"
    );
}

#[test]
fn a_move_keeps_the_local_time_of_day_across_daylight_saving() {
    let mut t = temp_store();
    let post = t
        .store
        .create_post(&input(
            &t.store,
            "Weekly tip",
            Some("2027-03-26"),
            Some("09:00"),
        ))
        .unwrap();
    assert_eq!(post.planned_at.as_deref(), Some("2027-03-26T08:00:00Z"));
    // Paris moves to summer time on 28 March 2027: 09:00 is now 07:00 UTC.
    let moved = t
        .store
        .move_post(&post.id, day("2027-03-29"), None, paris())
        .unwrap();
    assert_eq!(moved.local_date.as_deref(), Some("2027-03-29"));
    assert_eq!(moved.local_time.as_deref(), Some("09:00"));
    assert_eq!(moved.planned_at.as_deref(), Some("2027-03-29T07:00:00Z"));
    // And back across the October change (31 October 2027).
    let autumn = t
        .store
        .move_post(&post.id, day("2027-11-02"), None, paris())
        .unwrap();
    assert_eq!(autumn.local_time.as_deref(), Some("09:00"));
    assert_eq!(autumn.planned_at.as_deref(), Some("2027-11-02T08:00:00Z"));
    // The week view gives a time with the day.
    let slot = t
        .store
        .move_post(
            &post.id,
            day("2027-11-03"),
            NaiveTime::from_hms_opt(14, 30, 0),
            paris(),
        )
        .unwrap();
    assert_eq!(slot.planned_at.as_deref(), Some("2027-11-03T13:30:00Z"));
    // Moving onto the skipped hour is refused and changes nothing.
    let night = t.store.move_post(
        &post.id,
        day("2028-03-26"),
        NaiveTime::from_hms_opt(2, 15, 0),
        paris(),
    );
    assert!(matches!(
        night,
        Err(Error::Validation {
            reason: Reason::NonexistentLocalTime,
            ..
        })
    ));
    assert_eq!(t.store.post(&post.id).unwrap().planned_at, slot.planned_at);
}

#[test]
fn a_post_keeps_its_own_zone_when_moved() {
    let mut t = temp_store();
    let mut new = input(&t.store, "Montreal", Some("2027-03-10"), Some("12:00"));
    new.zone = Some("America/Montreal".into());
    let post = t.store.create_post(&new).unwrap();
    // The default zone is only for ideas with none; this post stays in Montreal.
    let moved = t
        .store
        .move_post(&post.id, day("2027-03-16"), None, paris())
        .unwrap();
    assert_eq!(moved.zone.as_deref(), Some("America/Montreal"));
    // Montreal is UTC-5 on the 10th and UTC-4 from 14 March 2027.
    assert_eq!(post.planned_at.as_deref(), Some("2027-03-10T17:00:00Z"));
    assert_eq!(moved.planned_at.as_deref(), Some("2027-03-16T16:00:00Z"));
}

#[test]
fn backlog_ideas_are_scheduled_and_unscheduled() {
    let mut t = temp_store();
    let mut idea = input(&t.store, "Behind the scenes", None, None);
    idea.zone = None;
    idea.status = PostStatus::Idea;
    let idea = t.store.create_post(&idea).unwrap();
    assert_eq!(
        titles(&t.store.backlog(&PostFilter::default()).unwrap()),
        ["Behind the scenes"]
    );

    let scheduled = t
        .store
        .move_post(&idea.id, day("2027-06-15"), None, paris())
        .unwrap();
    // No time and no zone yet: 09:00 in the default zone, summer time = 07:00 UTC.
    assert_eq!(
        scheduled.planned_at.as_deref(),
        Some("2027-06-15T07:00:00Z")
    );
    assert_eq!(scheduled.zone.as_deref(), Some("Europe/Paris"));
    assert!(t.store.backlog(&PostFilter::default()).unwrap().is_empty());

    let mut as_scheduled = input(
        &t.store,
        "Behind the scenes",
        Some("2027-06-15"),
        Some("09:00"),
    );
    as_scheduled.status = PostStatus::Scheduled;
    t.store.update_post(&idea.id, &as_scheduled).unwrap();
    let back = t.store.unschedule_post(&idea.id).unwrap();
    assert_eq!(back.planned_at, None);
    assert_eq!(back.local_date, None);
    assert_eq!(
        back.status,
        PostStatus::Draft,
        "a scheduled post without a date is a draft again"
    );
    assert_eq!(
        titles(&t.store.backlog(&PostFilter::default()).unwrap()),
        ["Behind the scenes"]
    );
}

#[test]
fn month_ranges_across_month_boundaries_and_daylight_saving() {
    let mut t = temp_store();
    for (title, date, time) in [
        ("last of March", "2027-03-31", "23:30"), // 21:30 UTC (CEST)
        ("first of April", "2027-04-01", "00:30"), // 2027-03-31 22:30 UTC
        ("end of April", "2027-04-30", "23:59"),  // 21:59 UTC
        ("first of May", "2027-05-01", "00:00"),  // 2027-04-30 22:00 UTC
        ("before the change", "2027-03-28", "01:30"), // 00:30 UTC (CET)
        ("after the change", "2027-03-28", "03:30"), // 01:30 UTC (CEST)
    ] {
        t.store
            .create_post(&input(&t.store, title, Some(date), Some(time)))
            .unwrap();
    }
    let all = PostFilter::default();
    // April as seen from Paris: from 1 April 00:00 CEST to 1 May 00:00 CEST.
    let april = t
        .store
        .posts_in_range(
            utc("2027-03-31T22:00:00Z"),
            utc("2027-04-30T22:00:00Z"),
            &all,
        )
        .unwrap();
    assert_eq!(titles(&april), ["first of April", "end of April"]);
    // March in Paris starts at 1 March 00:00 CET (UTC+1) and ends in summer time.
    let march = t
        .store
        .posts_in_range(
            utc("2027-02-28T23:00:00Z"),
            utc("2027-03-31T22:00:00Z"),
            &all,
        )
        .unwrap();
    assert_eq!(
        titles(&march),
        ["before the change", "after the change", "last of March"]
    );
    // The 28th in Paris lasts 23 hours: 2027-03-27T23:00Z to 2027-03-28T22:00Z.
    let short_day = t
        .store
        .posts_in_range(
            utc("2027-03-27T23:00:00Z"),
            utc("2027-03-28T22:00:00Z"),
            &all,
        )
        .unwrap();
    assert_eq!(
        titles(&short_day),
        ["before the change", "after the change"]
    );
}

#[test]
fn filters_by_network_status_and_theme() {
    let mut t = temp_store();
    let x = network_id(&t.store, "X");
    let mut a = input(&t.store, "A", Some("2027-09-01"), Some("10:00"));
    a.theme = "recipes".into();
    let mut b = input(&t.store, "B", Some("2027-09-02"), Some("10:00"));
    b.network_id = x.clone();
    b.status = PostStatus::Approved;
    b.theme = "events".into();
    let mut c = input(&t.store, "C", None, None);
    c.network_id = x.clone();
    for p in [&a, &b, &c] {
        t.store.create_post(p).unwrap();
    }
    let range = |store: &Store, f: &PostFilter| {
        titles(
            &store
                .posts_in_range(utc("2027-08-01T00:00:00Z"), utc("2027-10-01T00:00:00Z"), f)
                .unwrap(),
        )
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>()
    };
    let by_network = PostFilter {
        network_ids: vec![x.clone()],
        ..Default::default()
    };
    assert_eq!(range(&t.store, &by_network), ["B"]);
    assert_eq!(titles(&t.store.backlog(&by_network).unwrap()), ["C"]);
    let by_status = PostFilter {
        statuses: vec![PostStatus::Draft],
        ..Default::default()
    };
    assert_eq!(range(&t.store, &by_status), ["A"]);
    let by_theme = PostFilter {
        themes: vec!["events".into(), "recipes".into()],
        ..Default::default()
    };
    assert_eq!(range(&t.store, &by_theme), ["A", "B"]);
    let none = PostFilter {
        network_ids: vec![x],
        statuses: vec![PostStatus::Draft],
        themes: vec![],
    };
    assert!(range(&t.store, &none).is_empty());
    assert_eq!(t.store.themes().unwrap(), ["events", "recipes"]);
}

#[test]
fn html_in_text_is_stored_verbatim() {
    let mut t = temp_store();
    let mut new = input(&t.store, "<img src=x onerror=alert(1)>", None, None);
    new.body = "<script>alert('x')</script> & \"quotes\"".into();
    let post = t.store.create_post(&new).unwrap();
    let read = t.store.post(&post.id).unwrap();
    assert_eq!(read.title, "<img src=x onerror=alert(1)>");
    assert_eq!(read.body, "<script>alert('x')</script> & \"quotes\"");
}

#[test]
fn the_charter_appendix_takes_posts_by_their_own_local_day() {
    let mut t = temp_store();
    let mut at = |title: &str, date: &str, time: &str, zone: &str| {
        let mut post = input(&t.store, title, Some(date), Some(time));
        post.zone = Some(zone.into());
        t.store.create_post(&post).unwrap();
    };
    // 2027-03-01 00:30 in Auckland is 2027-02-28 11:30 UTC: still March 1st
    // for its author, so it is in.
    at("auckland first", "2027-03-01", "00:30", "Pacific/Auckland");
    // 2027-03-31 23:00 in Los Angeles is 2027-04-01 06:00 UTC: in.
    at("la last", "2027-03-31", "23:00", "America/Los_Angeles");
    at("paris middle", "2027-03-15", "09:00", "Europe/Paris");
    // The day before and the day after the range: out.
    at("before", "2027-02-28", "23:59", "Europe/Paris");
    at("after", "2027-04-01", "00:00", "America/Los_Angeles");
    let posts = t.store.posts_on_days("2027-03-01", "2027-03-31").unwrap();
    assert_eq!(
        titles(&posts),
        ["auckland first", "paris middle", "la last"]
    );

    let err = t
        .store
        .posts_on_days("2027-03-31", "2027-03-01")
        .unwrap_err();
    assert!(
        matches!(err, Error::Validation { field: "end", .. }),
        "{err:?}"
    );
    // 2027-01-01 to 2029-01-02 is 732 days apart, one more than allowed.
    let err = t
        .store
        .posts_on_days("2027-01-01", "2029-01-02")
        .unwrap_err();
    assert!(
        matches!(err, Error::Validation { field: "end", .. }),
        "{err:?}"
    );
    assert!(t.store.posts_on_days("2027-01-01", "2029-01-01").is_ok());
}
