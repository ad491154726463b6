//! Showing one notification. On Linux it goes straight to the desktop's
//! notification service (through `notify-rust`, which the notification
//! plugin uses too), because the plugin does not report a click there; a
//! click opens the brand on the post. Elsewhere the plugin shows it.

use std::path::Path;

use tauri::AppHandle;

#[cfg(target_os = "linux")]
pub fn show(
    app: &AppHandle,
    title: &str,
    body: &str,
    locale: &str,
    brand: &Path,
    post_id: Option<String>,
) {
    let open_label = if locale.starts_with("fr") {
        "Ouvrir"
    } else {
        "Open"
    };
    let shown = notify_rust::Notification::new()
        .appname("Tribu")
        .summary(title)
        .body(&body_markup(body))
        .icon("app.tribu.desktop")
        .action("default", open_label)
        .show();
    let handle = match shown {
        Ok(handle) => handle,
        Err(e) => {
            tracing::warn!(error = %e, "notification not shown");
            return;
        }
    };
    let app = app.clone();
    let brand = brand.to_path_buf();
    // Waiting for the click blocks until the notification goes away.
    let spawned = std::thread::Builder::new()
        .name("notification".into())
        .spawn(move || {
            handle.wait_for_action(|action| {
                if action == "default" {
                    crate::window::open_brand(&app, &brand, post_id.as_deref());
                }
            });
        });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "notification clicks not followed");
    }
}

/// `body` as the body of a freedesktop notification, which the daemons read
/// as markup (`<b>`, `<i>`, `&amp;`...): a network named `<b>&Co` is shown
/// as written, not bold nor cut at a broken entity. The summary (`title`)
/// is plain text by the specification, and daemons such as dunst escape it
/// themselves: escaping it here would show `&amp;`.
#[cfg(target_os = "linux")]
fn body_markup(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for c in body.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(not(target_os = "linux"))]
pub fn show(
    app: &AppHandle,
    title: &str,
    body: &str,
    _locale: &str,
    _brand: &Path,
    _post_id: Option<String>,
) {
    use tauri_plugin_notification::NotificationExt;
    let shown = app.notification().builder().title(title).body(body).show();
    if let Err(e) = shown {
        tracing::warn!(error = %e, "notification not shown");
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn markup_in_the_body_is_shown_as_written() {
        assert_eq!(
            body_markup("Planned on <b>Tom & Jerry</b> for 3 Mar 2027 at 09:00 (Europe/Paris)."),
            "Planned on &lt;b&gt;Tom &amp; Jerry&lt;/b&gt; for 3 Mar 2027 at 09:00 (Europe/Paris)."
        );
        // An entity the user typed is text too; accents and quotes pass.
        assert_eq!(
            body_markup("Prévu sur « R&amp;D » l'été"),
            "Prévu sur « R&amp;amp;D » l'été"
        );
        assert_eq!(body_markup(""), "");
    }

    /// The text a reminder is built with, network name included, reaches
    /// the daemon escaped.
    #[test]
    fn a_reminder_body_names_its_network_escaped() {
        use tribu_core::schedule::{notifications_for, DueBatch, DueKind, DueNotice};
        let batch = DueBatch {
            reminders: vec![DueNotice {
                post_id: "p1".into(),
                kind: DueKind::Reminder,
                title: "<b>Soldes & co</b>".into(),
                network_id: "n1".into(),
                network_name: "<i>Insta & Co</i>".into(),
                planned_at: "2027-03-03T08:00:00Z".into(),
                zone: "Europe/Paris".into(),
                local_date: "2027-03-03".into(),
                local_time: "09:00".into(),
                occurrence_date: None,
                due_at: "2027-03-03T07:30:00Z".into(),
                minutes_until: 30,
            }],
            overdue: Vec::new(),
        };
        let now = "2027-03-03T07:30:00Z".parse().unwrap();
        let notices = notifications_for(&batch, now, "en");
        assert_eq!(notices.len(), 1);
        assert_eq!(
            body_markup(&notices[0].body),
            "Planned on &lt;i&gt;Insta &amp; Co&lt;/i&gt; for 3 Mar 2027 at 09:00 (Europe/Paris)."
        );
    }
}
