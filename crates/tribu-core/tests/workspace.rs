mod common;

use common::temp_store;
use tribu_core::error::Reason;
use tribu_core::model::{KeyDateInput, KeyDateKind, KeyDateRecurrence, NetworkInput, NetworkKind};
use tribu_core::{Error, Store};

#[test]
fn a_new_workspace_has_the_usual_networks_with_their_limits() {
    let t = temp_store();
    let networks = t.store.networks().unwrap();
    let names: Vec<_> = networks.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Facebook",
            "Instagram",
            "X",
            "LinkedIn",
            "YouTube",
            "TikTok",
            "Pinterest",
            "Blog",
            "Forum",
            "Newsletter"
        ]
    );
    let limit = |name: &str| networks.iter().find(|n| n.name == name).unwrap().char_limit;
    assert_eq!(limit("X"), Some(280));
    assert_eq!(limit("LinkedIn"), Some(3000));
    assert_eq!(limit("Instagram"), Some(2200));
    assert_eq!(limit("Blog"), None);
    assert!(networks.iter().all(|n| n.builtin && n.id.len() == 36));
    // UUID v7: the version nibble is 7.
    assert!(networks.iter().all(|n| n.id.as_bytes()[14] == b'7'));
}

#[test]
fn custom_networks_are_added_checked_and_removed() {
    let mut t = temp_store();
    let mastodon = t
        .store
        .create_network(&NetworkInput {
            name: "Mastodon".into(),
            color: "#6364FF".into(),
            char_limit: Some(500),
        })
        .unwrap();
    assert_eq!(mastodon.kind, NetworkKind::Custom);
    assert_eq!(mastodon.color, "#6364ff");
    assert_eq!(t.store.networks().unwrap().last().unwrap().name, "Mastodon");

    let dup = t.store.create_network(&NetworkInput {
        name: "mastodon".into(),
        color: "#000000".into(),
        char_limit: None,
    });
    assert!(matches!(
        dup,
        Err(Error::Validation {
            field: "name",
            reason: Reason::Duplicate,
            ..
        })
    ));
    let bad_colour = t.store.create_network(&NetworkInput {
        name: "Bluesky".into(),
        color: "blue".into(),
        char_limit: None,
    });
    assert!(matches!(
        bad_colour,
        Err(Error::Validation { field: "color", .. })
    ));
    let zero = t.store.create_network(&NetworkInput {
        name: "Bluesky".into(),
        color: "#0085ff".into(),
        char_limit: Some(0),
    });
    assert!(matches!(
        zero,
        Err(Error::Validation {
            field: "charLimit",
            ..
        })
    ));
    assert_eq!(t.store.networks().unwrap().len(), 11);

    let mut post = common::input(&t.store, "Toot", None, None);
    post.network_id = mastodon.id.clone();
    let post = t.store.create_post(&post).unwrap();
    assert!(matches!(
        t.store.delete_network(&mastodon.id),
        Err(Error::Conflict {
            reason: Reason::NetworkInUse,
            ..
        })
    ));
    t.store.delete_post(&post.id).unwrap();
    t.store.delete_network(&mastodon.id).unwrap();
    assert_eq!(t.store.networks().unwrap().len(), 10);
}

#[test]
fn key_dates_by_range() {
    let mut t = temp_store();
    for (date, label) in [
        ("2027-06-30", "Summer sales"),
        ("2027-07-01", "Store opening"),
        ("2027-07-31", "End of July"),
        ("2027-08-01", "August"),
    ] {
        t.store
            .create_key_date(&KeyDateInput {
                date: date.into(),
                label: label.into(),
                kind: KeyDateKind::Event,
                recurrence: KeyDateRecurrence::None,
            })
            .unwrap();
    }
    let july = t
        .store
        .key_dates_in_range("2027-07-01".parse().unwrap(), "2027-07-31".parse().unwrap())
        .unwrap();
    let labels: Vec<_> = july.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(labels, ["Store opening", "End of July"]);
    let bad = t.store.create_key_date(&KeyDateInput {
        date: "2027-13-01".into(),
        label: "x".into(),
        kind: KeyDateKind::Other,
        recurrence: KeyDateRecurrence::None,
    });
    assert!(matches!(bad, Err(Error::Validation { field: "date", .. })));
    let empty = t.store.create_key_date(&KeyDateInput {
        date: "2027-07-02".into(),
        label: " ".into(),
        kind: KeyDateKind::Other,
        recurrence: KeyDateRecurrence::None,
    });
    assert!(matches!(
        empty,
        Err(Error::Validation { field: "label", .. })
    ));
    t.store.delete_key_date(&july[0].id).unwrap();
    assert!(matches!(
        t.store.delete_key_date(&july[0].id),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn settings_round_trip() {
    let mut t = temp_store();
    assert_eq!(t.store.setting("ui.locale").unwrap(), None);
    t.store.set_setting("ui.locale", "fr").unwrap();
    t.store.set_setting("ui.locale", "en").unwrap();
    assert_eq!(t.store.setting("ui.locale").unwrap().as_deref(), Some("en"));
}

#[test]
fn the_interface_speaks_french_or_english() {
    let mut t = temp_store();
    assert_eq!(t.store.locale().unwrap(), None);
    t.store.set_locale("fr").unwrap();
    assert_eq!(t.store.locale().unwrap().as_deref(), Some("fr"));
    assert!(matches!(
        t.store.set_locale("de"),
        Err(Error::Validation {
            field: "locale",
            reason: Reason::UnknownValue,
            ..
        })
    ));
    assert_eq!(t.store.locale().unwrap().as_deref(), Some("fr"), "kept");
    // A value some other version wrote is not a language the UI knows.
    t.store.set_setting("ui.locale", "klingon").unwrap();
    assert_eq!(t.store.locale().unwrap(), None);
}

#[test]
fn each_write_is_announced_once_by_topic_and_a_refused_one_not_at_all() {
    use tribu_core::store::Topic;
    let mut t = temp_store();
    assert!(
        t.store.take_changes().unwrap().is_empty(),
        "opening is no change"
    );
    let network = t.store.networks().unwrap()[0].clone();
    let post = common::input(&t.store, "Soldes", Some("2027-01-12"), Some("09:00"));
    t.store.create_post(&post).unwrap();
    t.store.set_locale("en").unwrap();
    // Two writes since the last look, each topic named once, in order
    // (the post's creation is also a line of the history; the window's
    // language is not).
    assert_eq!(
        t.store.take_changes().unwrap().topics,
        [Topic::Posts, Topic::Settings, Topic::Journal]
    );
    assert!(
        t.store.take_changes().unwrap().is_empty(),
        "handed out once"
    );
    // Reading is no change.
    t.store.themes().unwrap();
    t.store.backlog(&Default::default()).unwrap();
    assert!(t.store.take_changes().unwrap().is_empty());
    // A write refused halfway (the first post inserted, the second on a
    // network that does not exist) is rolled back and announces nothing.
    let mut stray = common::input(&t.store, "Nowhere", Some("2027-01-13"), Some("09:00"));
    stray.network_id = "no-such-network".into();
    let good = common::input(&t.store, "Fine", Some("2027-01-13"), Some("10:00"));
    assert!(t.store.create_posts(&[good, stray]).is_err());
    assert!(t.store.take_changes().unwrap().is_empty());
    // Deleting a network is a change of networks (and of the history).
    let spare = t
        .store
        .create_network(&NetworkInput {
            name: "Spare".into(),
            color: "#123456".into(),
            char_limit: None,
        })
        .unwrap();
    t.store.take_changes().unwrap();
    t.store.delete_network(&spare.id).unwrap();
    assert_eq!(
        t.store.take_changes().unwrap().topics,
        [Topic::Networks, Topic::Journal]
    );
    assert_ne!(network.id, spare.id);
}

#[test]
fn an_unwritable_data_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // A regular file where a folder should be: cannot be created, even as root.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    match Store::open(&blocker.join("workspaces/default.tribu")) {
        Err(err @ Error::File { .. }) => {
            // The UI words the reason and shows the folder apart.
            let json = serde_json::to_value(err.payload()).unwrap();
            assert_eq!(json["code"], "io");
            assert_eq!(json["reason"], "folder_unwritable");
            assert_eq!(
                json["path"],
                blocker.join("workspaces").display().to_string()
            );
        }
        Err(other) => panic!("expected a file error, got {other}"),
        Ok(_) => panic!("expected a file error, got a store"),
    }
    assert_eq!(
        std::fs::read_to_string(&blocker).unwrap(),
        "x",
        "nothing overwritten"
    );
}

#[test]
fn error_payload_carries_field_and_reason() {
    let payload = Error::validation("title", Reason::Required, "title is required").payload();
    let json = serde_json::to_value(&payload).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"code": "validation", "message": "title is required", "field": "title", "reason": "required"})
    );
    let not_found = serde_json::to_value(Error::NotFound { what: "post" }.payload()).unwrap();
    assert_eq!(
        not_found,
        serde_json::json!({"code": "not_found", "message": "post not found"})
    );
}

#[test]
fn a_commit_by_another_connection_announces_every_topic() {
    use tribu_core::store::Topic;
    let t = temp_store();
    let path = t.store.path().to_path_buf();
    let mut app = t.store;
    // Another program writing the same file (a script, a sync tool).
    let writer = rusqlite::Connection::open(&path).unwrap();
    app.take_changes().unwrap();
    writer
        .execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES ('ui.locale', 'en')",
            [],
        )
        .unwrap();
    // The app cannot tell what the other one wrote: every view refetches.
    assert_eq!(app.take_changes().unwrap().topics, Topic::ALL);
    assert!(app.take_changes().unwrap().is_empty(), "once");
    // Its own writes still name their topics alone.
    app.set_locale("fr").unwrap();
    assert_eq!(app.take_changes().unwrap().topics, [Topic::Settings]);
    // And a second opener (read-only while the app holds the file) sees
    // the app's write as foreign.
    let mut other = Store::open(&path).unwrap();
    assert!(other.access().read_only);
    other.take_changes().unwrap();
    app.set_locale("en").unwrap();
    assert_eq!(other.take_changes().unwrap().topics, Topic::ALL);
}
