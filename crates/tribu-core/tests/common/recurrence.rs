//! Helpers of the recurrence tests: a weekly post in one line, occurrences
//! as rows to compare.

use chrono::NaiveDate;
use tribu_core::model::PostStatus;
use tribu_core::schedule::Occurrence;
use tribu_core::Store;

use super::{input, utc};

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn recurring(store: &mut Store, title: &str, date: &str, time: &str, rule: &str) -> String {
    let mut new = input(store, title, Some(date), Some(time));
    new.status = PostStatus::Scheduled;
    new.rrule = Some(rule.into());
    store.create_post(&new).unwrap().id
}

/// (occurrence date, UTC instant, local time) of each occurrence.
pub fn listed(occurrences: &[Occurrence]) -> Vec<(String, String, String)> {
    occurrences
        .iter()
        .map(|o| {
            (
                o.occurrence_date.clone(),
                o.planned_at.clone(),
                o.local_time.clone(),
            )
        })
        .collect()
}

pub fn dates(store: &Store, id: &str, start: &str, end: &str) -> Vec<String> {
    store
        .occurrences(id, utc(start), utc(end))
        .unwrap()
        .into_iter()
        .map(|o| o.local_date)
        .collect()
}

pub fn row(date: &str, at: &str, time: &str) -> (String, String, String) {
    (date.into(), at.into(), time.into())
}
