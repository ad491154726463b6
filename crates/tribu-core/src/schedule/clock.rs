//! Where "now" comes from. Everything that depends on the time of day takes
//! an instant or a [`Clock`], so tests can stand at any moment, jump forward
//! (a laptop waking up) or backward (a clock being corrected).

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The operating system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that says what it is told: it stays at one instant until it is
/// set or advanced.
#[derive(Debug)]
pub struct FixedClock {
    at: Mutex<DateTime<Utc>>,
}

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> FixedClock {
        FixedClock { at: Mutex::new(at) }
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.lock() = at;
    }

    /// Moves the clock by `by`, forward or (negative) backward.
    pub fn advance(&self, by: Duration) {
        let mut at = self.lock();
        *at += by;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DateTime<Utc>> {
        // A poisoned lock still holds a valid instant.
        self.at.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.lock()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_moves_only_when_told() {
        let start: DateTime<Utc> = "2027-03-22T08:00:00Z".parse().unwrap();
        let clock = FixedClock::new(start);
        assert_eq!(clock.now(), start);
        clock.advance(Duration::hours(3));
        assert_eq!(
            clock.now(),
            "2027-03-22T11:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        clock.advance(Duration::hours(-5));
        assert_eq!(
            clock.now(),
            "2027-03-22T06:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        clock.set(start);
        assert_eq!(clock.now(), start);
        assert!(SystemClock.now() > start - Duration::days(3650));
    }
}
