//! Reminders in the background: one task on Tauri's tokio runtime that
//! sleeps until the next due notice (a reminder before a planned post, or
//! the moment a post becomes overdue), shows the desktop notifications, and
//! tells the window so the calendar marks late posts. It is woken when posts
//! change.
//!
//! It reminds of every brand the app knows, not only the open one: each
//! other brand's file is opened for the moment its next notice falls due
//! (and read again every quarter of an hour, in case another program
//! changed it). A notification names its brand; choosing it opens the
//! brand on the post.
//!
//! The store decides what is due and marks it as sent in the same
//! transaction (`take_due`), so a notice is shown at most once, across
//! restarts and clock jumps. On start, what came due while the app was
//! closed arrives as one batch, which `notifications_for` folds into a
//! single summary rather than a flood.

mod desktop;
mod wall_timer;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tauri::{AppHandle, Emitter, Manager};
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
        let mut others = Others::default();
        loop {
            let (next, kept) = match step(app.clone(), others).await {
                Ok(done) => done,
                Err(message) => {
                    // The task itself failed: start the other brands afresh.
                    tracing::warn!(%message, "scheduler step failed");
                    (None, Others::default())
                }
            };
            others = kept;
            // Other brands may have been changed by another program: look
            // at them again now and then, whatever is due.
            let next = Some(next.map_or(others.rescan_at, |at| at.min(others.rescan_at)));
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

/// Delivers what is due now in every brand; returns when the next notice
/// falls due, and what is known of the brands that are not open.
async fn step(
    app: AppHandle,
    mut others: Others,
) -> Result<(Option<DateTime<Utc>>, Others), String> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let now = Utc::now();
        let open = state.current_path();
        let mut next = None;
        // The open brand. It may have failed to open: nothing is due there.
        let due = state.with(|store| {
            Ok((store.take_due(now)?, store.locale()?, store.brand()?.name))
        });
        match due {
            Ok((batch, locale, brand)) => {
                if !batch.is_empty() {
                    notify(&app, &batch, now, locale, &brand, &open);
                    if let Err(e) = app.emit(DUE_EVENT, batch.len()) {
                        tracing::warn!(error = %e, "the window was not told about due posts");
                    }
                }
                next = state
                    .with(|store| store.next_due(Utc::now()))
                    .ok()
                    .flatten()
                    .and_then(|item| parse_instant(&item.at));
            }
            Err(e) => tracing::debug!(message = %e.message, "no open brand to remind of"),
        }
        if others.rescan_at <= now {
            others = Others::default();
        }
        others.forget(&open);
        // A brand just left told when its next notice falls due as it closed.
        others
            .known
            .extend(state.take_left().into_iter().filter(|(path, _)| *path != open));
        for path in state.registry(|registry, _| registry.paths()) {
            if path == open || !path.is_file() || !others.is_due(&path, now) {
                if let Some(at) = others.next_of(&path) {
                    next = Some(next.map_or(at, |n: DateTime<Utc>| n.min(at)));
                }
                continue;
            }
            let visited = state.visit(&path, |store| {
                let batch = store.take_due(now)?;
                let next = store.next_due(now)?;
                Ok((batch, store.locale()?, store.brand()?.name, next))
            });
            match visited {
                Some(Ok((batch, locale, brand, due))) => {
                    if !batch.is_empty() {
                        notify(&app, &batch, now, locale, &brand, &path);
                    }
                    let at = due.and_then(|item| parse_instant(&item.at));
                    others.known.insert(path, at);
                    if let Some(at) = at {
                        next = Some(next.map_or(at, |n: DateTime<Utc>| n.min(at)));
                    }
                }
                // Locked by another program, damaged, moved: that program
                // reminds of it, or the next look will.
                Some(Err(e)) => {
                    tracing::info!(error = %e, path = %path.display(), "brand not visited for reminders");
                    others.known.insert(path, None);
                }
                None => {}
            }
        }
        Ok((next, others))
    })
    .await
    .map_err(|e| e.to_string())?
}

/// What the scheduler knows of the brands that are not open: when each
/// one's next notice falls due, as last read from its file.
struct Others {
    known: HashMap<PathBuf, Option<DateTime<Utc>>>,
    /// When to read every brand again (another program may have changed one).
    rescan_at: DateTime<Utc>,
}

/// How long what is known of a brand that is not open is trusted.
const RESCAN_MINUTES: i64 = 15;

impl Default for Others {
    fn default() -> Self {
        Others {
            known: HashMap::new(),
            rescan_at: Utc::now() + chrono::Duration::minutes(RESCAN_MINUTES),
        }
    }
}

impl Others {
    /// The open brand is the window's to remind of.
    fn forget(&mut self, path: &Path) {
        self.known.remove(path);
    }

    /// Not read yet, or its next notice is due.
    fn is_due(&self, path: &Path, now: DateTime<Utc>) -> bool {
        match self.known.get(path) {
            None => true,
            Some(Some(at)) => *at <= now,
            Some(None) => false,
        }
    }

    fn next_of(&self, path: &Path) -> Option<DateTime<Utc>> {
        self.known.get(path).copied().flatten()
    }
}

fn parse_instant(at: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|at| at.with_timezone(&Utc))
}

/// Shows the notifications of `batch`, each titled with its brand; choosing
/// one opens that brand on the post.
fn notify(
    app: &AppHandle,
    batch: &DueBatch,
    now: DateTime<Utc>,
    locale: Option<String>,
    brand: &str,
    path: &Path,
) {
    let locale = locale
        .or_else(sys_locale::get_locale)
        .unwrap_or_else(|| "en".into());
    for notification in notifications_for(batch, now, &locale) {
        let title = format!("{brand} · {}", notification.title);
        desktop::show(
            app,
            &title,
            &notification.body,
            &locale,
            path,
            notification.post_id,
        );
    }
    tracing::info!(
        brand,
        reminders = batch.reminders.len(),
        overdue = batch.overdue.len(),
        "due notices delivered"
    );
}
