//! Scheduling: reminders and overdue notices, recurring posts, the audience's
//! time zone, the posting rhythm per network, public holidays and crisis mode.
//!
//! The rules live here as plain functions of their inputs and of an instant
//! (`now`), never of the system clock, so they are tested at any moment; the
//! store (`crate::store`) loads and saves what they need. The desktop shell's
//! background task sleeps until `Store::next_due`, calls `Store::take_due` and
//! shows [`reminders::notifications_for`].

pub mod clock;
pub mod crisis;
pub mod holidays;
pub mod recurrence;
pub mod reminders;
pub mod rhythm;
pub mod settings;
pub mod zones;

pub use clock::{Clock, FixedClock, SystemClock};
pub use crisis::{CrisisLogEntry, CrisisLogKind, CrisisState, CrisisStep};
pub use holidays::{easter_sunday, french_holidays, Holiday};
pub use recurrence::{
    occurrences, parse_rule, Exception, ExceptionKind, Occurrence, OccurrenceScope,
    OccurrenceSummary, Rule, Series,
};
pub use reminders::{
    is_catch_up, notifications_for, DueBatch, DueItem, DueKind, DueNotice, Notification,
};
pub use rhythm::{rhythm, Gap, RhythmReport, RhythmState, RhythmTarget, TargetSource, WeekRhythm};
pub use settings::ScheduleSettings;
pub use zones::{display_time, system_zone, DisplayTime};
