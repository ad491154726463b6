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
//!
//! A pass that fails (the open brand's file busy or unreadable for a
//! moment) is tried again after 1 s, 2 s, 4 s... up to five minutes
//! (`backoff.rs`), each failure logged with its delay, and the delay starts
//! again from one second after a pass that succeeds.

mod backoff;
mod desktop;
mod wall_timer;

use std::collections::HashMap;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tauri::{AppHandle, Emitter, Manager};
use tokio::sync::Notify;
use tribu_core::schedule::{notifications_for, DueBatch};

use crate::state::AppState;
use backoff::Backoff;
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
        let sleeper = Sleeper { waker, timer };
        let brands = Brands {
            app,
            others: Others::default(),
        };
        run(brands, &sleeper).await;
    });
}

/// One look at what is due: delivers it, and says when to look next.
trait Pass {
    /// When the next notice falls due, or why this pass failed.
    fn pass(&mut self) -> impl Future<Output = Result<DateTime<Utc>, String>> + Send;
}

/// How the task waits between two passes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Wait {
    /// Until the wall clock reads this instant.
    Until(DateTime<Utc>),
    /// After a failed pass: this long, then try again.
    Retry(Duration),
}

/// What the task sleeps on: the wall clock or a retry delay, and the waker
/// (a change), whichever comes first.
struct Sleeper {
    waker: Waker,
    timer: WallTimer,
}

impl Sleeper {
    async fn sleep(&self, wait: Wait) {
        match wait {
            Wait::Until(at) => {
                tokio::select! {
                    _ = self.waker.0.notified() => {}
                    result = self.timer.wait_until(at) => {
                        if let Err(e) = result {
                            // Tokio's monotonic timer then, re-armed every
                            // minute: late after a suspension, never quiet.
                            tracing::error!(error = %e, "wall-clock timer failed");
                            let left = (at - Utc::now()).to_std().unwrap_or_default();
                            tokio::select! {
                                _ = self.waker.0.notified() => {}
                                _ = tokio::time::sleep(left.min(Duration::from_secs(60))) => {}
                            }
                        }
                    }
                }
            }
            // A few seconds to minutes: the monotonic clock is right for it.
            Wait::Retry(delay) => {
                tokio::select! {
                    _ = self.waker.0.notified() => {}
                    _ = tokio::time::sleep(delay) => {}
                }
            }
        }
    }
}

/// The task's loop: a pass, then a wait until the next notice or a change.
/// A failed pass is tried again after a delay that doubles with each
/// failure in a row ([`Backoff`]) and starts again from one second after a
/// success, so one transient error never silences the reminders.
async fn run(mut pass: impl Pass, sleeper: &Sleeper) {
    let mut backoff = Backoff::default();
    loop {
        let wait = match pass.pass().await {
            Ok(next) => {
                backoff.reset();
                Wait::Until(next)
            }
            Err(error) => {
                let delay = backoff.next_delay();
                tracing::warn!(%error, ?delay, "reminder pass failed, trying again after the delay");
                Wait::Retry(delay)
            }
        };
        sleeper.sleep(wait).await;
    }
}

/// The real pass over every brand the app knows.
struct Brands {
    app: AppHandle,
    others: Others,
}

impl Pass for Brands {
    async fn pass(&mut self) -> Result<DateTime<Utc>, String> {
        let app = self.app.clone();
        // Taken for the pass; a pass that panics leaves it afresh.
        let mut others = std::mem::take(&mut self.others);
        let (others, outcome) = tauri::async_runtime::spawn_blocking(move || {
            let outcome = step(&app, &mut others);
            (others, outcome)
        })
        .await
        .map_err(|e| format!("the reminder pass stopped: {e}"))?;
        self.others = others;
        outcome
    }
}

/// Delivers what is due now in every brand; returns when the next notice
/// falls due (or the next look at the other brands), or what went wrong
/// with the open brand once the others were looked at.
fn step(app: &AppHandle, others: &mut Others) -> Result<DateTime<Utc>, String> {
    let state = app.state::<AppState>();
    let now = Utc::now();
    let open = state.current_path();
    let mut next = None;
    let mut failed = None;
    // The open brand. It may have failed to open, or be another program's
    // to write (read-only here): nothing is due there then.
    let due = state.with(|store| {
        if store.access().read_only {
            return Ok(None);
        }
        Ok(Some((
            store.take_due(now)?,
            store.locale()?,
            store.brand()?.name,
        )))
    });
    match due {
        Ok(Some((batch, locale, brand))) => {
            if !batch.is_empty() {
                notify(app, &batch, now, locale, &brand, &open);
                if let Err(e) = app.emit(DUE_EVENT, batch.len()) {
                    tracing::warn!(error = %e, "the window was not told about due posts");
                }
            }
            match state.with(|store| store.next_due(Utc::now())) {
                Ok(item) => next = item.and_then(|item| parse_instant(&item.at)),
                Err(e) => failed = Some(e.message),
            }
        }
        Ok(None) => tracing::debug!("the open brand is read-only: not reminded of here"),
        // Open, yet unreadable or unwritable for now: try again soon.
        Err(e) if state.is_open() => failed = Some(e.message),
        Err(e) => tracing::debug!(message = %e.message, "no open brand to remind of"),
    }
    if others.rescan_at <= now {
        *others = Others::default();
    }
    others.forget(&open);
    // A brand just left told when its next notice falls due as it closed.
    others.known.extend(
        state
            .take_left()
            .into_iter()
            .filter(|(path, _)| *path != open),
    );
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
                    notify(app, &batch, now, locale, &brand, &path);
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
    match failed {
        Some(message) => Err(message),
        // Other brands may have been changed by another program: look at
        // them again now and then, whatever is due.
        None => Ok(next.map_or(others.rescan_at, |at| at.min(others.rescan_at))),
    }
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

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::sync::Mutex;

    use tokio::time::Instant;

    use super::*;

    /// A pass that answers from a script and notes when it ran.
    struct Script {
        outcomes: VecDeque<Result<DateTime<Utc>, String>>,
        ran: Arc<Mutex<Vec<Instant>>>,
    }

    impl Pass for Script {
        async fn pass(&mut self) -> Result<DateTime<Utc>, String> {
            self.ran.lock().unwrap().push(Instant::now());
            // Once the script is over: nothing due for a long while.
            self.outcomes
                .pop_front()
                .unwrap_or_else(|| Ok(Utc::now() + chrono::Duration::days(30)))
        }
    }

    /// Seconds (of tokio's paused clock) between one pass and the next.
    fn gaps(ran: &Mutex<Vec<Instant>>) -> Vec<u64> {
        let ran = ran.lock().unwrap();
        ran.windows(2)
            .map(|w| (w[1] - w[0]).as_secs_f64().round() as u64)
            .collect()
    }

    /// A failed pass is tried again after 1 s, then 2 s, 4 s..., with no
    /// change announced; a success ends the back-off, and the next failure
    /// waits one second again. The clock is tokio's, paused: it jumps to
    /// the next timer whenever the task waits.
    #[tokio::test(start_paused = true)]
    async fn a_failed_pass_is_tried_again_without_a_change() {
        let ran = Arc::new(Mutex::new(Vec::new()));
        let far = Utc::now() + chrono::Duration::days(30);
        let script = Script {
            outcomes: VecDeque::from([
                Err("database is locked".to_string()),
                Err("database is locked".to_string()),
                Err("database is locked".to_string()),
                // Nothing due for a month: only a change wakes it now.
                Ok(far),
                Err("disk I/O error".to_string()),
            ]),
            ran: Arc::clone(&ran),
        };
        let waker = Waker::default();
        let sleeper = Sleeper {
            waker: waker.clone(),
            timer: WallTimer::new().unwrap(),
        };
        let change_at = Duration::from_secs(60);
        let poke = async {
            tokio::time::sleep(change_at).await;
            waker.wake();
        };
        let started = Instant::now();
        let (stopped, ()) = tokio::join!(
            tokio::time::timeout(Duration::from_secs(600), run(script, &sleeper)),
            poke
        );
        assert!(stopped.is_err(), "the loop never ends by itself");
        // 0 s fails, 1 s fails, 3 s fails, 7 s succeeds; then quiet until
        // the change at 60 s, which fails and is retried 1 s later (61 s),
        // not 8 s later: the success reset the back-off.
        assert_eq!(gaps(&ran), [1, 2, 4, 53, 1]);
        let first = ran.lock().unwrap()[0];
        assert!(first - started < Duration::from_millis(10));
    }

    /// Without any failure, nothing runs again before the next notice or a
    /// change: the retry delay is only for failures.
    #[tokio::test(start_paused = true)]
    async fn a_pass_that_succeeds_waits_for_its_notice() {
        let ran = Arc::new(Mutex::new(Vec::new()));
        let script = Script {
            outcomes: VecDeque::new(),
            ran: Arc::clone(&ran),
        };
        let sleeper = Sleeper {
            waker: Waker::default(),
            timer: WallTimer::new().unwrap(),
        };
        let stopped = tokio::time::timeout(Duration::from_secs(3600), run(script, &sleeper)).await;
        assert!(stopped.is_err());
        assert_eq!(ran.lock().unwrap().len(), 1);
    }
}
