//! How long the scheduler waits before trying a failed pass again: one
//! second, doubled after each failure in a row up to a cap, and back to one
//! second once a pass succeeds. A transient error (a busy or unreadable
//! file) then costs a few seconds of delay, and a lasting one a retry and a
//! log line every few minutes, never silence until the next change.

use std::time::Duration;

/// The delay after the first failure.
pub const FIRST: Duration = Duration::from_secs(1);
/// The longest delay between two tries.
pub const CAP: Duration = Duration::from_secs(5 * 60);

#[derive(Debug, Clone)]
pub struct Backoff {
    first: Duration,
    cap: Duration,
    next: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff::new(FIRST, CAP)
    }
}

impl Backoff {
    pub fn new(first: Duration, cap: Duration) -> Self {
        let first = first.min(cap);
        Backoff {
            first,
            cap,
            next: first,
        }
    }

    /// The delay to wait after one more failure in a row.
    pub fn next_delay(&mut self) -> Duration {
        let delay = self.next;
        self.next = self.next.saturating_mul(2).min(self.cap);
        delay
    }

    /// After a success: the next failure waits the first delay again.
    pub fn reset(&mut self) {
        self.next = self.first;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(backoff: &mut Backoff, n: usize) -> Vec<u64> {
        (0..n).map(|_| backoff.next_delay().as_secs()).collect()
    }

    #[test]
    fn doubles_from_one_second_up_to_five_minutes() {
        let mut backoff = Backoff::default();
        assert_eq!(
            secs(&mut backoff, 12),
            [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]
        );
    }

    #[test]
    fn a_success_starts_again_from_the_first_delay() {
        let mut backoff = Backoff::default();
        assert_eq!(secs(&mut backoff, 4), [1, 2, 4, 8]);
        backoff.reset();
        assert_eq!(secs(&mut backoff, 3), [1, 2, 4]);
        // Resetting twice, or before any failure, changes nothing.
        backoff.reset();
        backoff.reset();
        assert_eq!(secs(&mut backoff, 1), [1]);
    }

    #[test]
    fn never_overflows_nor_passes_its_cap() {
        let mut backoff = Backoff::new(Duration::from_secs(3), Duration::MAX);
        for _ in 0..200 {
            backoff.next_delay();
        }
        assert_eq!(backoff.next_delay(), Duration::MAX);
        // A first delay above the cap is the cap.
        let mut backoff = Backoff::new(Duration::from_secs(10), Duration::from_secs(4));
        assert_eq!(secs(&mut backoff, 2), [4, 4]);
    }
}
