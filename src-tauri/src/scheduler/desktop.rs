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
        .body(body)
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
