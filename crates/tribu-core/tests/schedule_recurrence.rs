//! Recurring posts on a real workspace file: rules, their local times
//! across clock changes, their ends, and the rules refused. Paris: UTC+1 in
//! winter, UTC+2 from 28 March 2027 (02:00 → 03:00) to 31 October 2027
//! (03:00 → 02:00).

mod common;

use common::recurrence::{dates, listed, recurring, row};
use common::{clocked_store, input, utc};
use tribu_core::error::Reason;
use tribu_core::model::{PostFilter, PostStatus};
use tribu_core::Error;

#[test]
fn weekly_keeps_its_local_time_across_both_changes() {
    let (mut t, _) = clocked_store("2027-01-01T00:00:00Z");
    let id = recurring(
        &mut t.store,
        "Newsletter",
        "2027-03-22",
        "09:00",
        "FREQ=WEEKLY;BYDAY=MO",
    );
    let around =
        |start: &str, end: &str| listed(&t.store.occurrences(&id, utc(start), utc(end)).unwrap());
    // 09:00 Paris: 08:00Z in winter (22 March), 07:00Z in summer (29 March,
    // 25 October: the change back is on 31 October), 08:00Z again on 1 November.
    assert_eq!(
        around("2027-03-20T00:00:00Z", "2027-03-31T00:00:00Z"),
        vec![
            row("2027-03-22", "2027-03-22T08:00:00Z", "09:00"),
            row("2027-03-29", "2027-03-29T07:00:00Z", "09:00"),
        ]
    );
    assert_eq!(
        around("2027-10-24T00:00:00Z", "2027-11-03T00:00:00Z"),
        vec![
            row("2027-10-25", "2027-10-25T07:00:00Z", "09:00"),
            row("2027-11-01", "2027-11-01T08:00:00Z", "09:00"),
        ]
    );
    // The one-off posts' query does not list it; the recurring one does.
    let range = (utc("2027-03-20T00:00:00Z"), utc("2027-03-31T00:00:00Z"));
    assert!(t
        .store
        .posts_in_range(range.0, range.1, &PostFilter::default())
        .unwrap()
        .is_empty());
    let shown = t
        .store
        .recurring_posts_in_range(range.0, range.1, &PostFilter::default())
        .unwrap();
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[1].post.id, id);
    assert_eq!(shown[1].occurrence_date, "2027-03-29");
    assert_eq!(
        shown[1].post.planned_at.as_deref(),
        Some("2027-03-29T07:00:00Z")
    );
    assert_eq!(shown[1].post.title, "Newsletter");
    let drafts_only = PostFilter {
        statuses: vec![PostStatus::Draft],
        ..PostFilter::default()
    };
    assert!(t
        .store
        .recurring_posts_in_range(range.0, range.1, &drafts_only)
        .unwrap()
        .is_empty());
}

#[test]
fn a_skipped_local_time_is_shifted_by_the_gap() {
    let (mut t, _) = clocked_store("2027-01-01T00:00:00Z");
    // Sundays 02:30. On 28 March 02:00-03:00 does not exist in Paris: that
    // occurrence comes at 03:30 summer time, 01:30Z, rather than vanishing.
    let id = recurring(
        &mut t.store,
        "Night post",
        "2027-03-21",
        "02:30",
        "FREQ=WEEKLY",
    );
    assert_eq!(
        listed(
            &t.store
                .occurrences(
                    &id,
                    utc("2027-03-20T00:00:00Z"),
                    utc("2027-04-05T00:00:00Z")
                )
                .unwrap()
        ),
        vec![
            row("2027-03-21", "2027-03-21T01:30:00Z", "02:30"),
            row("2027-03-28", "2027-03-28T01:30:00Z", "03:30"),
            row("2027-04-04", "2027-04-04T00:30:00Z", "02:30"),
        ]
    );
}

#[test]
fn monthly_on_the_31st_skips_short_months() {
    let (mut t, _) = clocked_store("2027-01-01T00:00:00Z");
    // RFC 5545: a month without a 31st has no occurrence.
    let on_31 = recurring(
        &mut t.store,
        "Month end",
        "2027-01-31",
        "09:00",
        "FREQ=MONTHLY",
    );
    assert_eq!(
        dates(
            &t.store,
            &on_31,
            "2027-01-01T00:00:00Z",
            "2028-01-01T00:00:00Z"
        ),
        [
            "2027-01-31",
            "2027-03-31",
            "2027-05-31",
            "2027-07-31",
            "2027-08-31",
            "2027-10-31",
            "2027-12-31"
        ]
    );
    // BYMONTHDAY=-1 is "the last day of every month".
    let last = recurring(
        &mut t.store,
        "Last day",
        "2027-01-31",
        "09:00",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
    );
    assert_eq!(
        dates(
            &t.store,
            &last,
            "2027-01-01T00:00:00Z",
            "2027-05-01T00:00:00Z"
        ),
        ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]
    );
    // The second Tuesday of each month.
    let second = recurring(
        &mut t.store,
        "Tuesday",
        "2027-01-12",
        "09:00",
        "FREQ=MONTHLY;BYDAY=2TU",
    );
    assert_eq!(
        dates(
            &t.store,
            &second,
            "2027-01-01T00:00:00Z",
            "2027-04-01T00:00:00Z"
        ),
        ["2027-01-12", "2027-02-09", "2027-03-09"]
    );
}

#[test]
fn count_until_and_endless_rules() {
    let (mut t, _) = clocked_store("2027-01-01T00:00:00Z");
    let year = ("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
    let three = recurring(
        &mut t.store,
        "Three",
        "2027-06-01",
        "09:00",
        "FREQ=DAILY;COUNT=3",
    );
    assert_eq!(
        dates(&t.store, &three, year.0, year.1),
        ["2027-06-01", "2027-06-02", "2027-06-03"]
    );
    // UNTIL a day: through that local day. 1 June 2027 is a Tuesday.
    let until_day = recurring(
        &mut t.store,
        "Until",
        "2027-06-01",
        "09:00",
        "FREQ=WEEKLY;UNTIL=20270621",
    );
    assert_eq!(
        dates(&t.store, &until_day, year.0, year.1),
        ["2027-06-01", "2027-06-08", "2027-06-15"]
    );
    // UNTIL an instant: 15 June 09:00 Paris is 07:00Z, included.
    let until_instant = recurring(
        &mut t.store,
        "Until",
        "2027-06-01",
        "09:00",
        "FREQ=WEEKLY;UNTIL=20270615T070000Z",
    );
    assert_eq!(
        dates(&t.store, &until_instant, year.0, year.1),
        ["2027-06-01", "2027-06-08", "2027-06-15"]
    );
    // Every other day, forever: only the range asked for is expanded, even
    // 160 years on. 1 January 2027 + 2k days lands on 2190-01-02 (59,536
    // days later, an even number), then every other day.
    let endless = recurring(
        &mut t.store,
        "Endless",
        "2027-01-01",
        "09:00",
        "FREQ=DAILY;INTERVAL=2",
    );
    assert_eq!(
        dates(
            &t.store,
            &endless,
            "2190-01-01T00:00:00Z",
            "2190-01-08T00:00:00Z"
        ),
        ["2190-01-02", "2190-01-04", "2190-01-06"]
    );
    assert!(dates(
        &t.store,
        &endless,
        "2201-01-01T00:00:00Z",
        "2202-01-01T00:00:00Z"
    )
    .is_empty());
}

#[test]
fn invalid_rules_say_why_and_write_nothing() {
    let (mut t, _) = clocked_store("2027-01-01T00:00:00Z");
    let cases = [
        ("FREQ=FORTNIGHTLY", "unknown_frequency"),
        ("FREQ=HOURLY", "unsupported_frequency"),
        ("INTERVAL=2", "missing_frequency"),
        ("WEEKLY", "malformed_rule"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20270101", "count_and_until"),
        ("FREQ=WEEKLY;INTERVAL=0", "invalid_interval"),
        ("FREQ=DAILY;COUNT=0", "invalid_count"),
        ("FREQ=DAILY;UNTIL=22010101", "date_out_of_range"),
        ("FREQ=DAILY;UNTIL=19691231", "date_out_of_range"),
        ("FREQ=DAILY;UNTIL=tomorrow", "invalid_until"),
        ("FREQ=DAILY;BYHOUR=9", "unsupported_part"),
        ("FREQ=DAILY;COLOR=RED", "unknown_part"),
        ("FREQ=DAILY;FREQ=WEEKLY", "duplicate_part"),
        ("FREQ=WEEKLY;BYDAY=2TU", "invalid_by_day"),
        ("FREQ=WEEKLY;BYDAY=XX", "invalid_by_day"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "invalid_rule"),
        ("FREQ=WEEKLY;BYMONTHDAY=5", "invalid_rule"),
        // No 30 February, ever; and a rule that ends before the post's date.
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "no_occurrence"),
        ("FREQ=DAILY;UNTIL=20270501", "no_occurrence"),
    ];
    for (rule, reason) in cases {
        let mut new = input(&t.store, "Bad rule", Some("2027-06-01"), Some("09:00"));
        new.rrule = Some(rule.into());
        match t.store.create_post(&new) {
            Err(Error::Validation {
                field: "rrule",
                reason: r,
                ..
            }) => assert_eq!(r.to_string(), reason, "{rule}"),
            other => panic!("{rule}: expected {reason}, got {other:?}"),
        }
    }
    // A rule needs a start.
    let mut idea = input(&t.store, "Idea", None, None);
    idea.rrule = Some("FREQ=WEEKLY".into());
    assert!(matches!(
        t.store.create_post(&idea),
        Err(Error::Validation {
            reason: Reason::RequiredForRecurrence,
            ..
        })
    ));
    // A blank rule is no rule.
    idea.rrule = Some("  ".into());
    assert_eq!(t.store.create_post(&idea).unwrap().rrule, None);
    let all = t
        .store
        .recurring_posts_in_range(
            utc("1970-01-01T00:00:00Z"),
            utc("2100-01-01T00:00:00Z"),
            &PostFilter::default(),
        )
        .unwrap();
    assert!(all.is_empty());
}
