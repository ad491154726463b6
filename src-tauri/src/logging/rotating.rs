//! A log file that is rotated by size: once the next line would take it past
//! its limit, `tribu.log` becomes `tribu.log.1`, `.1` becomes `.2` and so on,
//! the oldest beyond the count kept is deleted, and a fresh `tribu.log` is
//! started. The size is checked when the file is opened (at start) and
//! before every write, so a long session is rotated too.
//!
//! Written here rather than taken from a crate: `tracing-appender` rotates
//! by time only (a quiet app would keep a file a day, a chatty one a file of
//! any size); `file-rotate`, which rotates by size, brings a compression
//! dependency we do not use and, with its exact byte limit, cuts a line in
//! two across files. What is needed is some sixty lines: a writer that
//! never splits a write (tracing writes one event per call), so each file
//! holds whole lines and stays under the limit.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub struct RotatingFile {
    path: PathBuf,
    /// Bytes a file may hold.
    limit: u64,
    /// How many rotated files are kept (`.1` the newest).
    keep: usize,
    file: Option<File>,
    /// Bytes in the current file.
    size: u64,
}

impl RotatingFile {
    /// Opens `path` to append to it, rotating it first when it is already
    /// at its limit.
    pub fn open(path: impl Into<PathBuf>, limit: u64, keep: usize) -> io::Result<RotatingFile> {
        let mut log = RotatingFile {
            path: path.into(),
            limit: limit.max(1),
            keep,
            file: None,
            size: 0,
        };
        log.reopen()?;
        if log.size >= log.limit {
            log.rotate()?;
        }
        Ok(log)
    }

    /// `tribu.log.3` for `n` = 3.
    pub fn rotated(path: &Path, n: usize) -> PathBuf {
        let mut name = OsString::from(path.as_os_str());
        name.push(format!(".{n}"));
        PathBuf::from(name)
    }

    fn reopen(&mut self) -> io::Result<()> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        self.size = file.metadata()?.len();
        self.file = Some(file);
        Ok(())
    }

    fn rotate(&mut self) -> io::Result<()> {
        if let Some(file) = self.file.take() {
            // What is buffered by the system goes with the file it belongs to.
            let _ = file.sync_data();
        }
        let shifted = self.shift();
        self.reopen()?;
        if shifted.is_err() {
            // Renaming failed (a file held open elsewhere): keep writing in
            // place and try again after another limit's worth.
            self.size = 0;
        }
        shifted
    }

    /// Drops the oldest file and moves every other one up by one.
    fn shift(&self) -> io::Result<()> {
        if self.keep == 0 {
            return remove_if_there(&self.path);
        }
        remove_if_there(&Self::rotated(&self.path, self.keep))?;
        for n in (1..self.keep).rev() {
            rename_if_there(
                &Self::rotated(&self.path, n),
                &Self::rotated(&self.path, n + 1),
            )?;
        }
        rename_if_there(&self.path, &Self::rotated(&self.path, 1))
    }
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn rename_if_there(from: &Path, to: &Path) -> io::Result<()> {
    match fs::rename(from, to) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

impl Write for RotatingFile {
    /// Writes the whole of `buf` to one file (one log event), rotating first
    /// when it would take a non-empty file past the limit.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.size > 0 && self.size.saturating_add(buf.len() as u64) > self.limit {
            // A failed rotation still leaves a file to write to.
            if let Err(e) = self.rotate() {
                eprintln!("tribu: the log file was not rotated: {e}");
            }
        }
        if self.file.is_none() {
            self.reopen()?;
        }
        let Some(file) = self.file.as_mut() else {
            return Err(io::Error::other("no log file"));
        };
        match file.write_all(buf) {
            Ok(()) => {
                self.size = self.size.saturating_add(buf.len() as u64);
                Ok(buf.len())
            }
            Err(e) => {
                // Part of it may be written: count what the file holds.
                self.size = file.metadata().map_or(self.size, |m| m.len());
                Err(e)
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.file.as_mut() {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line `n`, 30 bytes with its newline.
    fn line(n: usize) -> String {
        format!("{:<29}\n", format!("line {n:02}"))
    }

    fn lines(range: std::ops::RangeInclusive<usize>) -> String {
        range.map(line).collect()
    }

    fn read(path: &Path) -> String {
        fs::read_to_string(path).unwrap()
    }

    #[test]
    fn writing_past_the_limit_keeps_three_old_files_and_drops_the_oldest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tribu.log");
        // 100 bytes: three lines of 30 fit, a fourth would pass.
        let mut log = RotatingFile::open(&path, 100, 3).unwrap();
        for n in 1..=14 {
            log.write_all(line(n).as_bytes()).unwrap();
        }
        log.flush().unwrap();
        assert_eq!(read(&path), lines(13..=14));
        assert_eq!(read(&RotatingFile::rotated(&path, 1)), lines(10..=12));
        assert_eq!(read(&RotatingFile::rotated(&path, 2)), lines(7..=9));
        assert_eq!(read(&RotatingFile::rotated(&path, 3)), lines(4..=6));
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        // Lines 1 to 3 were in the oldest file, dropped: no tribu.log.4.
        assert_eq!(
            names,
            ["tribu.log", "tribu.log.1", "tribu.log.2", "tribu.log.3"]
        );
        for n in 1..=3 {
            let size = fs::metadata(RotatingFile::rotated(&path, n)).unwrap().len();
            assert_eq!(size, 90);
        }
        assert_eq!(fs::metadata(&path).unwrap().len(), 60);
    }

    #[test]
    fn a_file_already_at_its_limit_is_rotated_at_start() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tribu.log");
        // Last run's files: a full log and three old ones.
        fs::write(&path, "x".repeat(150)).unwrap();
        for n in 1..=3 {
            fs::write(RotatingFile::rotated(&path, n), format!("old {n}\n")).unwrap();
        }
        let mut log = RotatingFile::open(&path, 100, 3).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().len(), 0);
        assert_eq!(read(&RotatingFile::rotated(&path, 1)), "x".repeat(150));
        assert_eq!(read(&RotatingFile::rotated(&path, 2)), "old 1\n");
        assert_eq!(read(&RotatingFile::rotated(&path, 3)), "old 2\n");
        assert!(!RotatingFile::rotated(&path, 4).exists());
        log.write_all(b"new\n").unwrap();
        assert_eq!(read(&path), "new\n");
    }

    #[test]
    fn a_file_under_its_limit_is_appended_to() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tribu.log");
        fs::write(&path, line(1)).unwrap();
        let mut log = RotatingFile::open(&path, 100, 3).unwrap();
        log.write_all(line(2).as_bytes()).unwrap();
        log.write_all(line(3).as_bytes()).unwrap();
        assert_eq!(read(&path), lines(1..=3));
        assert!(!RotatingFile::rotated(&path, 1).exists());
        // A line longer than the limit gets a file of its own, whole.
        let long = "y".repeat(250);
        log.write_all(long.as_bytes()).unwrap();
        log.write_all(line(4).as_bytes()).unwrap();
        assert_eq!(read(&path), line(4));
        assert_eq!(read(&RotatingFile::rotated(&path, 1)), long);
        assert_eq!(read(&RotatingFile::rotated(&path, 2)), lines(1..=3));
    }

    #[test]
    fn tracing_events_land_whole_in_the_rotated_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tribu.log");
        let writer = std::sync::Mutex::new(RotatingFile::open(&path, 2_000, 3).unwrap());
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(writer)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            for n in 0..200 {
                tracing::info!(n, "a line of the log that is long enough to count");
            }
        });
        for file in [
            path.clone(),
            RotatingFile::rotated(&path, 1),
            RotatingFile::rotated(&path, 2),
            RotatingFile::rotated(&path, 3),
        ] {
            let text = read(&file);
            assert!(text.len() <= 2_000, "{}", file.display());
            assert!(text.ends_with('\n'));
            assert!(text.lines().all(|l| l.contains("long enough to count n=")));
        }
        assert!(!RotatingFile::rotated(&path, 4).exists());
        assert!(read(&path).contains("n=199"));
    }
}
