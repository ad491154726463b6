//! A timer on the wall clock. Tokio's sleep counts monotonic time, which
//! stops while a laptop is suspended: a reminder due during the suspension
//! would come late by the length of the nap. On Linux a `timerfd` on
//! `CLOCK_REALTIME` with an absolute deadline fires at the wall-clock
//! instant, and `TFD_TIMER_CANCEL_ON_SET` also wakes it when the clock is
//! set or jumps (resume, NTP, a manual change), so the scheduler looks again.

#[cfg(target_os = "linux")]
mod linux {
    use std::io;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

    use chrono::{DateTime, Utc};
    use tokio::io::unix::AsyncFd;
    use tokio::io::Interest;

    pub struct WallTimer {
        fd: AsyncFd<OwnedFd>,
    }

    impl WallTimer {
        pub fn new() -> io::Result<WallTimer> {
            // SAFETY: plain system call; the descriptor is owned right away.
            let raw = unsafe {
                libc::timerfd_create(libc::CLOCK_REALTIME, libc::TFD_NONBLOCK | libc::TFD_CLOEXEC)
            };
            if raw < 0 {
                return Err(io::Error::last_os_error());
            }
            // SAFETY: `raw` is a fresh descriptor nothing else owns.
            let fd = unsafe { OwnedFd::from_raw_fd(raw) };
            // SAFETY: the timer owns `fd`, which stays open and the same
            // descriptor for as long as the AsyncFd lives.
            let fd = unsafe { AsyncFd::register_with_interest(fd, Interest::READABLE) }?;
            Ok(WallTimer { fd })
        }

        /// Returns once the wall clock reads `at` (at once if it is past),
        /// or earlier if the clock is set.
        pub async fn wait_until(&self, at: DateTime<Utc>) -> io::Result<()> {
            let deadline = libc::itimerspec {
                it_interval: libc::timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                },
                it_value: libc::timespec {
                    // A deadline of zero would disarm the timer.
                    tv_sec: at.timestamp().max(1),
                    tv_nsec: at.timestamp_subsec_nanos().into(),
                },
            };
            let flags = libc::TFD_TIMER_ABSTIME | libc::TFD_TIMER_CANCEL_ON_SET;
            // SAFETY: valid descriptor and a valid itimerspec.
            let set = unsafe {
                libc::timerfd_settime(self.fd.as_raw_fd(), flags, &deadline, std::ptr::null_mut())
            };
            if set < 0 {
                return Err(io::Error::last_os_error());
            }
            loop {
                let mut ready = self.fd.readable().await?;
                let read = ready.try_io(|fd| {
                    let mut expirations = [0u8; 8];
                    // SAFETY: reading 8 bytes into an 8-byte buffer.
                    let n =
                        unsafe { libc::read(fd.as_raw_fd(), expirations.as_mut_ptr().cast(), 8) };
                    if n < 0 {
                        Err(io::Error::last_os_error())
                    } else {
                        Ok(())
                    }
                });
                match read {
                    Ok(Ok(())) => return Ok(()),
                    // The clock was set: time to look again.
                    Ok(Err(e)) if e.raw_os_error() == Some(libc::ECANCELED) => return Ok(()),
                    Ok(Err(e)) => return Err(e),
                    Err(_would_block) => continue,
                }
            }
        }
    }
}

#[cfg(target_os = "linux")]
pub use linux::WallTimer;

/// Elsewhere, tokio's timer, re-armed at least every minute so that a
/// suspension delays a reminder by a minute at most.
#[cfg(not(target_os = "linux"))]
pub struct WallTimer;

#[cfg(not(target_os = "linux"))]
impl WallTimer {
    pub fn new() -> std::io::Result<WallTimer> {
        Ok(WallTimer)
    }

    pub async fn wait_until(&self, at: chrono::DateTime<chrono::Utc>) -> std::io::Result<()> {
        let wait = (at - chrono::Utc::now()).to_std().unwrap_or_default();
        tokio::time::sleep(wait.min(std::time::Duration::from_secs(60))).await;
        Ok(())
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::time::Instant;

    #[tokio::test]
    async fn fires_at_the_wall_clock_instant_and_at_once_for_a_past_one() {
        let timer = WallTimer::new().unwrap();
        let started = Instant::now();
        timer
            .wait_until(chrono::Utc::now() + chrono::Duration::milliseconds(300))
            .await
            .unwrap();
        let waited = started.elapsed().as_millis();
        assert!((250..2000).contains(&waited), "waited {waited} ms");

        let started = Instant::now();
        timer
            .wait_until(chrono::Utc::now() - chrono::Duration::hours(1))
            .await
            .unwrap();
        assert!(started.elapsed().as_millis() < 200);
    }
}
