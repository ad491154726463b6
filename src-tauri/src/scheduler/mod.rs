//! Reminders in the background: one task on Tauri's tokio runtime that
//! sleeps until the next due notice (a reminder before a planned post, or
//! the moment a post becomes overdue), shows the desktop notifications, and
//! tells the window so the calendar marks late posts. It is woken when posts
//! change; it never polls.
//!
//! The store decides what is due and marks it as sent in the same
//! transaction (`take_due`), so a notice is shown at most once, across
//! restarts and clock jumps. On start, what came due while the app was
//! closed arrives as one batch, which `notifications_for` folds into a
//! single summary rather than a flood.

mod wall_timer;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::Notify;
use tribu_core::schedule::{notifications_for, DueBatch};

use crate::state::AppState;
use wall_timer::WallTimer;

/// The event the window listens to: posts became due or overdue.
pub const DUE_EVENT: &str = "posts-due";

/// Wakes the scheduler so it looks again at what is due next.
#[derive(Clone, Default)]
pub struct Waker(Arc<Notify>);

impl Waker {
    /// A wake-up sent while the task is busy is kept, not lost.
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// Starts the task. It lives as long as the app.
pub fn spawn(app: AppHandle, waker: Waker) {
    tauri::async_runtime::spawn(async move {
        let timer = match WallTimer::new() {
            Ok(timer) => timer,
            Err(e) => {
                tracing::error!(error = %e, "no wall-clock timer: reminders are off");
                return;
            }
        };
        loop {
            let next = match step(app.clone()).await {
                Ok(next) => next,
                Err(message) => {
                    // The store could not be read (no workspace, disk error):
                    // wait for a change rather than spin.
                    tracing::warn!(%message, "scheduler step failed");
                    None
                }
            };
            match next {
                Some(at) => {
                    tokio::select! {
                        _ = waker.0.notified() => {}
                        result = timer.wait_until(at) => {
                            if let Err(e) = result {
                                tracing::error!(error = %e, "wall-clock timer failed");
                                waker.0.notified().await;
                            }
                        }
                    }
                }
                None => waker.0.notified().await,
            }
        }
    });
}

/// Delivers what is due now; returns when the next notice falls due.
async fn step(app: AppHandle) -> Result<Option<DateTime<Utc>>, String> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let now = Utc::now();
        let (batch, locale) = state
            .with(|store| Ok((store.take_due(now)?, store.locale()?)))
            .map_err(|e| e.message)?;
        if !batch.is_empty() {
            notify(&app, &batch, now, locale);
        }
        let next = state
            .with(|store| store.next_due(Utc::now()))
            .map_err(|e| e.message)?;
        Ok(next.and_then(|item| {
            DateTime::parse_from_rfc3339(&item.at)
                .ok()
                .map(|at| at.with_timezone(&Utc))
        }))
    })
    .await
    .map_err(|e| e.to_string())?
}

fn notify(app: &AppHandle, batch: &DueBatch, now: DateTime<Utc>, locale: Option<String>) {
    let locale = locale
        .or_else(sys_locale::get_locale)
        .unwrap_or_else(|| "en".into());
    for notification in notifications_for(batch, now, &locale) {
        let shown = app
            .notification()
            .builder()
            .title(&notification.title)
            .body(&notification.body)
            .show();
        if let Err(e) = shown {
            tracing::warn!(error = %e, "notification not shown");
        }
    }
    tracing::info!(
        reminders = batch.reminders.len(),
        overdue = batch.overdue.len(),
        "due notices delivered"
    );
    if let Err(e) = app.emit(DUE_EVENT, batch.len()) {
        tracing::warn!(error = %e, "the window was not told about due posts");
    }
}
