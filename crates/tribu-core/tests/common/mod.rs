//! Helpers shared by the core's integration tests: a store on a real
//! temporary SQLite file, and a post input with sensible defaults (those of
//! the KPI tests in [`kpi`]).

#![allow(dead_code)]

pub mod files;
pub mod kpi;
pub mod recurrence;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tribu_core::charter::{Frequency, FrequencyPeriod, NetworkGuideline};
use tribu_core::model::{PostFormat, PostInput, PostStatus};
use tribu_core::schedule::FixedClock;
use tribu_core::Store;

pub struct TempStore {
    pub store: Store,
    pub dir: tempfile::TempDir,
}

pub fn temp_store() -> TempStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("workspace.tribu")).expect("store opens");
    TempStore { store, dir }
}

/// A store whose clock stands at `at` until the test moves it.
pub fn clocked_store(at: &str) -> (TempStore, Arc<FixedClock>) {
    let mut t = temp_store();
    let clock = Arc::new(FixedClock::new(utc(at)));
    t.store.set_clock(clock.clone());
    (t, clock)
}

pub fn utc(s: &str) -> DateTime<Utc> {
    s.parse().expect("an RFC 3339 instant")
}

pub fn network_id(store: &Store, name: &str) -> String {
    store
        .networks()
        .unwrap()
        .into_iter()
        .find(|n| n.name == name)
        .unwrap_or_else(|| panic!("network {name}"))
        .id
}

pub fn input(store: &Store, title: &str, date: Option<&str>, time: Option<&str>) -> PostInput {
    PostInput {
        title: title.into(),
        body: String::new(),
        network_id: network_id(store, "Instagram"),
        format: PostFormat::Photo,
        status: PostStatus::Draft,
        date: date.map(Into::into),
        time: time.map(Into::into),
        zone: Some("Europe/Paris".into()),
        theme: String::new(),
        campaign: String::new(),
        notes: String::new(),
        asset_links: vec![],
        reminder_minutes: None,
        rrule: None,
    }
}

/// A charter guideline for `network_id` that only asks for `count` posts a
/// week.
pub fn weekly_guideline(network_id: &str, count: u32) -> NetworkGuideline {
    NetworkGuideline {
        network_id: network_id.into(),
        purpose: String::new(),
        audience: String::new(),
        formats: vec![],
        frequency: Some(Frequency {
            count,
            per: FrequencyPeriod::Week,
        }),
        preferred_slots: vec![],
        max_hashtags: None,
        hashtag_policy: String::new(),
    }
}
