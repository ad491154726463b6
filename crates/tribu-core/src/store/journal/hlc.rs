//! A hybrid logical clock: wall-clock milliseconds with a counter, so that
//! the stamps one device issues always grow (even when its clock steps
//! back) and stamps from several devices order the way their changes were
//! made, as far as clocks allow. Team sharing will compare two changes to
//! one field by these stamps; on one laptop they order the journal.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Hlc {
    pub millis: i64,
    pub counter: u32,
}

impl Hlc {
    /// The stamp of an event happening now, after `self` (the last issued):
    /// the wall clock when it is ahead, else the last one's time with the
    /// counter one up.
    pub fn tick(self, now_millis: i64) -> Hlc {
        if now_millis > self.millis {
            Hlc {
                millis: now_millis,
                counter: 0,
            }
        } else {
            self.bump()
        }
    }

    /// The stamp after receiving `remote` from another device: later than
    /// both `self` and `remote`, and than the wall clock.
    pub fn observe(self, remote: Hlc, now_millis: i64) -> Hlc {
        let latest = self.max(remote);
        if now_millis > latest.millis {
            Hlc {
                millis: now_millis,
                counter: 0,
            }
        } else {
            latest.bump()
        }
    }

    fn bump(self) -> Hlc {
        match self.counter.checked_add(1) {
            Some(counter) => Hlc {
                millis: self.millis,
                counter,
            },
            // Four billion stamps in one millisecond: borrow the next one.
            None => Hlc {
                millis: self.millis + 1,
                counter: 0,
            },
        }
    }

    /// Reads the text form; `None` for anything else.
    pub fn parse(text: &str) -> Option<Hlc> {
        let (millis, counter) = text.split_once('-')?;
        if millis.len() != 15 || counter.is_empty() {
            return None;
        }
        Some(Hlc {
            millis: millis.parse().ok()?,
            counter: counter.parse().ok()?,
        })
    }
}

/// `000001767225600000-00000`-like text whose order as text is the order of
/// the stamps (15 digits of milliseconds, then the counter on 10).
impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:015}-{:010}", self.millis, self.counter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wall_clock_leads_when_it_is_ahead() {
        let last = Hlc {
            millis: 1_000,
            counter: 7,
        };
        assert_eq!(
            last.tick(1_500),
            Hlc {
                millis: 1_500,
                counter: 0
            }
        );
    }

    #[test]
    fn a_clock_that_stands_still_or_steps_back_still_gives_growing_stamps() {
        let last = Hlc {
            millis: 1_000,
            counter: 7,
        };
        let same = last.tick(1_000);
        let back = same.tick(400);
        assert_eq!(
            same,
            Hlc {
                millis: 1_000,
                counter: 8
            }
        );
        assert_eq!(
            back,
            Hlc {
                millis: 1_000,
                counter: 9
            }
        );
        assert!(last < same && same < back);
    }

    #[test]
    fn a_remote_stamp_ahead_of_us_is_passed() {
        let ours = Hlc {
            millis: 1_000,
            counter: 0,
        };
        let theirs = Hlc {
            millis: 5_000,
            counter: 3,
        };
        assert_eq!(
            ours.observe(theirs, 2_000),
            Hlc {
                millis: 5_000,
                counter: 4
            }
        );
        assert_eq!(
            ours.observe(theirs, 9_000),
            Hlc {
                millis: 9_000,
                counter: 0
            }
        );
    }

    #[test]
    fn text_orders_as_the_stamps_and_reads_back() {
        let a = Hlc {
            millis: 999,
            counter: 12,
        };
        let b = Hlc {
            millis: 1_000,
            counter: 2,
        };
        assert_eq!(a.to_string(), "000000000000999-0000000012");
        assert!(a.to_string() < b.to_string());
        assert_eq!(Hlc::parse(&a.to_string()), Some(a));
        assert_eq!(Hlc::parse("12-3"), None);
        assert_eq!(Hlc::parse("000000000000999-x"), None);
    }

    #[test]
    fn the_counter_never_overflows() {
        let full = Hlc {
            millis: 10,
            counter: u32::MAX,
        };
        assert_eq!(
            full.tick(10),
            Hlc {
                millis: 11,
                counter: 0
            }
        );
    }
}
