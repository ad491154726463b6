//! Reminders before a post's planned instant, and the notice that a post's
//! instant passed while it was not published (overdue).
//!
//! Every post with an instant has up to two notices, each sent once per
//! (post, planned instant): a reminder `lead` minutes before, and an overdue
//! notice at the instant itself. A recurring post has a reminder for each
//! occurrence planned after its last change, and no overdue notice (an
//! occurrence has no status of its own to say it was published). The store
//! keeps, on each post, the next notice not yet sent (`due_at`), so the
//! scheduler's "what comes next?" is one index lookup; the rules of which
//! notice comes next are here, free of SQL.
//!
//! Delivery is at most once: the store marks notices as sent in the same
//! transaction that hands them out. A crash between that commit and the
//! system notification loses those notices rather than repeating them at
//! every restart; the calendar still shows the post as overdue, so nothing
//! is lost from sight.

use crate::error::Reason;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::recurrence::{first_from, Series};
use crate::error::{Error, Result};
use crate::model::{string_enum, PostStatus};
use crate::time::parse_date;

string_enum!(
    /// What a notice says: the post is coming, or its instant passed unpublished.
    DueKind, "kind", {
        Reminder => "reminder",
        Overdue => "overdue",
    }
);

/// Minutes before the planned instant, when neither the post nor the
/// workspace says otherwise.
pub const DEFAULT_LEAD_MINUTES: u32 = 30;
/// A week: further ahead, a reminder is a plan, not a reminder.
pub const MAX_LEAD_MINUTES: u32 = 10_080;
/// More notices than this at once become one summary.
pub const CATCH_UP_ITEMS: usize = 3;
/// A notice due longer ago than this was missed (the app was closed or the
/// laptop asleep), not just delivered.
pub const CATCH_UP_MINUTES: i64 = 5;

/// Refuses a lead time outside `0..=10080` minutes (0: at the planned instant).
pub fn check_lead(field: &'static str, minutes: u32) -> Result<u32> {
    if minutes > MAX_LEAD_MINUTES {
        return Err(Error::validation(
            field,
            Reason::OutOfRange,
            format!("a reminder comes at most {MAX_LEAD_MINUTES} minutes (a week) ahead"),
        ));
    }
    Ok(minutes)
}

/// Statuses that still wait for their instant: the others (published,
/// cancelled, suspended by crisis mode) get no notice.
pub fn awaits_publication(status: PostStatus) -> bool {
    !matches!(
        status,
        PostStatus::Published | PostStatus::Cancelled | PostStatus::Suspended
    )
}

/// What the scheduler sleeps until.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueItem {
    pub post_id: String,
    pub kind: DueKind,
    /// When the notice becomes due, UTC RFC 3339.
    pub at: String,
    /// The post's (or occurrence's) planned instant, UTC RFC 3339.
    pub planned_at: String,
    /// Seconds from the `now` asked about to `at`; 0 when already due.
    pub wait_seconds: i64,
}

/// One notice handed out by `Store::take_due`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueNotice {
    pub post_id: String,
    pub kind: DueKind,
    pub title: String,
    pub network_id: String,
    pub network_name: String,
    /// UTC RFC 3339.
    pub planned_at: String,
    pub zone: String,
    /// `YYYY-MM-DD` in `zone`.
    pub local_date: String,
    /// `HH:MM` in `zone`.
    pub local_time: String,
    /// For a recurring post, the occurrence's original local date.
    pub occurrence_date: Option<String>,
    /// When the notice became due, UTC RFC 3339.
    pub due_at: String,
    /// From the moment the notices were taken to the planned instant, rounded
    /// to the minute; negative once the instant has passed.
    pub minutes_until: i64,
}

/// Everything that came due and was not sent yet, now marked as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueBatch {
    pub reminders: Vec<DueNotice>,
    pub overdue: Vec<DueNotice>,
}

impl DueBatch {
    pub fn len(&self) -> usize {
        self.reminders.len() + self.overdue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A system notification, ready to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub title: String,
    pub body: String,
    /// The post it is about; none for a summary of several.
    pub post_id: Option<String>,
}

/// Minutes from `now` to `at`, rounded to the nearest minute.
pub(crate) fn minutes_until(at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    ((at - now).num_seconds() as f64 / 60.0).round() as i64
}

fn stale(notice: &DueNotice, now: DateTime<Utc>) -> bool {
    DateTime::parse_from_rfc3339(&notice.due_at)
        .is_ok_and(|due| due.with_timezone(&Utc) < now - Duration::minutes(CATCH_UP_MINUTES))
}

/// True when the batch should be shown as one summary: more than
/// [`CATCH_UP_ITEMS`] notices at once, or several of which some were due
/// more than [`CATCH_UP_MINUTES`] ago (they piled up while the app was
/// closed). A single late notice keeps its own notification, which says it
/// is late.
pub fn is_catch_up(batch: &DueBatch, now: DateTime<Utc>) -> bool {
    let n = batch.len();
    n > CATCH_UP_ITEMS
        || (n > 1
            && batch
                .reminders
                .iter()
                .chain(&batch.overdue)
                .any(|x| stale(x, now)))
}

/// The notifications to show for `batch`: one per notice, or a single
/// summary for a catch-up. `locale` is `fr…` for French, anything else gives
/// English.
pub fn notifications_for(batch: &DueBatch, now: DateTime<Utc>, locale: &str) -> Vec<Notification> {
    let fr = locale.trim().to_ascii_lowercase().starts_with("fr");
    if batch.is_empty() {
        return Vec::new();
    }
    if is_catch_up(batch, now) {
        return vec![summary(batch, now, fr)];
    }
    batch
        .reminders
        .iter()
        .chain(&batch.overdue)
        .map(|notice| Notification {
            post_id: Some(notice.post_id.clone()),
            ..match notice.kind {
                DueKind::Reminder => reminder_text(notice, fr),
                DueKind::Overdue => overdue_text(notice, fr),
            }
        })
        .collect()
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn summary(batch: &DueBatch, now: DateTime<Utc>, fr: bool) -> Notification {
    let n = batch.len();
    let (r, o) = (batch.reminders.len(), batch.overdue.len());
    let missed = batch
        .reminders
        .iter()
        .chain(&batch.overdue)
        .any(|x| stale(x, now));
    let title = match (fr, missed) {
        (true, true) => format!(
            "{n} {} pendant que Tribu était fermé",
            plural(
                n,
                "publication était prévue",
                "publications étaient prévues"
            )
        ),
        (true, false) => format!(
            "{n} {}",
            plural(n, "publication arrive", "publications arrivent")
        ),
        (false, true) => format!(
            "{n} {} due while Tribu was closed",
            plural(n, "post was", "posts were")
        ),
        (false, false) => format!("{n} {} due", plural(n, "post is", "posts are")),
    };
    let mut parts = Vec::new();
    if fr {
        if r > 0 {
            parts.push(format!("{r} {}", plural(r, "rappel", "rappels")));
        }
        if o > 0 {
            parts.push(format!(
                "{o} {}",
                plural(o, "pas encore publiée", "pas encore publiées")
            ));
        }
        Notification {
            post_id: None,
            title,
            body: format!("{}. Ouvrez le calendrier pour les voir.", parts.join(", ")),
        }
    } else {
        if r > 0 {
            parts.push(format!("{r} {}", plural(r, "reminder", "reminders")));
        }
        if o > 0 {
            parts.push(format!("{o} not published yet"));
        }
        Notification {
            post_id: None,
            title,
            body: format!("{}. Open the calendar to see them.", parts.join(", ")),
        }
    }
}

/// "45 min", "2 h", "1 h 30", "3 days".
fn delay(minutes: i64, fr: bool) -> String {
    let m = minutes.abs();
    if m < 60 {
        format!("{m} min")
    } else if m < 24 * 60 {
        match m % 60 {
            0 => format!("{} h", m / 60),
            rest => format!("{} h {rest:02}", m / 60),
        }
    } else {
        let days = m / (24 * 60);
        match (fr, days) {
            (true, 1) => "1 jour".into(),
            (true, d) => format!("{d} jours"),
            (false, 1) => "1 day".into(),
            (false, d) => format!("{d} days"),
        }
    }
}

fn day_text(date: &str, fr: bool) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match parse_date(date) {
        Ok(d) if fr => d.format("%d/%m/%Y").to_string(),
        Ok(d) => format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year()),
        Err(_) => date.to_string(),
    }
}

fn where_and_when(notice: &DueNotice, fr: bool) -> String {
    let day = day_text(&notice.local_date, fr);
    if fr {
        format!(
            "Prévu sur {} le {day} à {} ({}).",
            notice.network_name, notice.local_time, notice.zone
        )
    } else {
        format!(
            "Planned on {} for {day} at {} ({}).",
            notice.network_name, notice.local_time, notice.zone
        )
    }
}

fn reminder_text(notice: &DueNotice, fr: bool) -> Notification {
    let n = notice.minutes_until;
    let title = match (fr, n.signum()) {
        (true, 1) => format!("Dans {}\u{a0}: {}", delay(n, fr), notice.title),
        (true, 0) => format!("C'est l'heure\u{a0}: {}", notice.title),
        (true, _) => format!("Prévu il y a {}\u{a0}: {}", delay(n, fr), notice.title),
        (false, 1) => format!("In {}: {}", delay(n, fr), notice.title),
        (false, 0) => format!("Now: {}", notice.title),
        (false, _) => format!("{} ago: {}", delay(n, fr), notice.title),
    };
    Notification {
        post_id: None,
        title,
        body: where_and_when(notice, fr),
    }
}

fn overdue_text(notice: &DueNotice, fr: bool) -> Notification {
    if fr {
        Notification {
            post_id: None,
            title: format!("Pas encore publié\u{a0}: {}", notice.title),
            body: format!(
                "{} Marquez-le publié ou déplacez-le.",
                where_and_when(notice, fr)
            ),
        }
    } else {
        Notification {
            post_id: None,
            title: format!("Not published yet: {}", notice.title),
            body: format!(
                "{} Mark it published, or move it.",
                where_and_when(notice, fr)
            ),
        }
    }
}

/// A post as the notice rules see it.
pub(crate) struct DueSubject<'a> {
    pub planned_at: DateTime<Utc>,
    pub status: PostStatus,
    pub lead_minutes: u32,
    /// For a recurring post: its series, and the instant from which its
    /// occurrences are reminded of (its last change).
    pub series: Option<(Series<'a>, DateTime<Utc>)>,
}

/// One notice: when it is due, what it says, and the planned instant it is
/// about (which, with the post and the kind, identifies it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Due {
    pub at: DateTime<Utc>,
    pub kind: DueKind,
    pub planned_at: DateTime<Utc>,
}

/// The first notice of `subject` that `sent` does not know about; `last_sent`
/// is the latest occurrence of a recurring post already reminded of, which
/// the search starts after.
pub(crate) fn next_due(
    subject: &DueSubject,
    last_sent: Option<DateTime<Utc>>,
    mut sent: impl FnMut(DateTime<Utc>, DueKind) -> Result<bool>,
) -> Result<Option<Due>> {
    if !awaits_publication(subject.status) {
        return Ok(None);
    }
    let lead = Duration::minutes(i64::from(subject.lead_minutes));
    match &subject.series {
        None => {
            let planned = subject.planned_at;
            for (at, kind) in [
                (planned - lead, DueKind::Reminder),
                (planned, DueKind::Overdue),
            ] {
                if !sent(planned, kind)? {
                    return Ok(Some(Due {
                        at,
                        kind,
                        planned_at: planned,
                    }));
                }
            }
            Ok(None)
        }
        Some((series, remind_from)) => {
            let from = match last_sent {
                Some(last) if last >= *remind_from => last + Duration::seconds(1),
                _ => *remind_from,
            };
            let next = first_from(series, from, |at| sent(at, DueKind::Reminder))?;
            Ok(next.map(|planned| Due {
                at: planned - lead,
                kind: DueKind::Reminder,
                planned_at: planned,
            }))
        }
    }
}

/// Every notice of `subject` due at or before `now` and not sent, in time
/// order. For an ordinary post whose instant has passed, only the overdue
/// notice is returned (a reminder of something already late says less); the
/// caller marks the skipped reminder as sent too.
pub(crate) fn due_until(
    subject: &DueSubject,
    last_sent: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    mut sent: impl FnMut(DateTime<Utc>, DueKind) -> Result<bool>,
) -> Result<Vec<Due>> {
    let mut out = Vec::new();
    if !awaits_publication(subject.status) {
        return Ok(out);
    }
    let lead = Duration::minutes(i64::from(subject.lead_minutes));
    match &subject.series {
        None => {
            let planned = subject.planned_at;
            for (at, kind) in [
                (planned - lead, DueKind::Reminder),
                (planned, DueKind::Overdue),
            ] {
                if at <= now && !sent(planned, kind)? {
                    out.push(Due {
                        at,
                        kind,
                        planned_at: planned,
                    });
                }
            }
        }
        Some(_) => {
            let mut after = last_sent;
            loop {
                match next_due(subject, after, &mut sent)? {
                    Some(due) if due.at <= now => {
                        after = Some(due.planned_at);
                        out.push(due);
                    }
                    _ => break,
                }
            }
        }
    }
    Ok(out)
}

/// The original local date of the occurrence planned at `at`, for a notice.
pub(crate) fn occurrence_date(series: &Series, at: DateTime<Utc>) -> NaiveDate {
    series
        .exceptions
        .iter()
        .find(|e| e.kind == super::recurrence::ExceptionKind::Moved(at))
        .map(|e| e.occurrence_date)
        .unwrap_or_else(|| crate::time::utc_to_local(at, series.zone).0)
}
