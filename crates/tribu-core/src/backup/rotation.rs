//! Which backups to keep. Daily backups thin out with age: the newest of
//! each of the last 7 days that have one, of each of the last 4 weeks, of
//! each of the last 12 months. Backups taken before a restore or an import
//! are kept by the 10 newest. Backups asked for ("Back up now") and those
//! taken before a migration are never removed by rotation.
//!
//! Counting days "that have a backup" rather than calendar days means a
//! laptop left closed for a month still keeps its last week of work.

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, Datelike, Utc};

use super::{parse_name, BackupKind};
use crate::error::{Error, Reason, Result};

const DAYS: usize = 7;
const WEEKS: usize = 4;
const MONTHS: usize = 12;
const EVENTS: usize = 10;

/// Of `backups` (name, time, kind), the names rotation removes.
pub fn to_remove(backups: &[(String, DateTime<Utc>, BackupKind)]) -> Vec<String> {
    let mut sorted: Vec<&(String, DateTime<Utc>, BackupKind)> = backups.iter().collect();
    // Newest first; the name breaks ties the same way every time.
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    let mut keep: HashSet<&str> = HashSet::new();
    let dailies: Vec<_> = sorted.iter().filter(|b| b.2 == BackupKind::Daily).collect();
    let mut newest_per = |bucket: &dyn Fn(&DateTime<Utc>) -> (i32, u32), limit: usize| {
        let mut seen = Vec::new();
        for b in &dailies {
            let key = bucket(&b.1);
            if seen.contains(&key) {
                continue;
            }
            if seen.len() == limit {
                break;
            }
            seen.push(key);
            keep.insert(b.0.as_str());
        }
    };
    newest_per(&|t| (t.year(), t.ordinal()), DAYS);
    newest_per(
        &|t| {
            let week = t.iso_week();
            (week.year(), week.week())
        },
        WEEKS,
    );
    newest_per(&|t| (t.year(), t.month()), MONTHS);
    let events = sorted
        .iter()
        .filter(|b| matches!(b.2, BackupKind::PreRestore | BackupKind::PreImport));
    keep.extend(events.take(EVENTS).map(|b| b.0.as_str()));
    sorted
        .iter()
        .filter(|b| {
            matches!(
                b.2,
                BackupKind::Daily | BackupKind::PreRestore | BackupKind::PreImport
            )
        })
        .filter(|b| !keep.contains(b.0.as_str()))
        .map(|b| b.0.clone())
        .collect()
}

/// Removes from `dir` the backups rotation no longer keeps; returns their names.
pub fn rotate(dir: &Path) -> Result<Vec<String>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::file(Reason::FolderUnwritable, dir, e)),
    };
    let backups: Vec<_> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            parse_name(&name).map(|(at, kind)| (name, at, kind))
        })
        .collect();
    let doomed = to_remove(&backups);
    for name in &doomed {
        std::fs::remove_file(dir.join(name))
            .map_err(|e| Error::file(Reason::FolderUnwritable, dir, e))?;
    }
    if !doomed.is_empty() {
        tracing::info!(removed = doomed.len(), dir = %dir.display(), "backups rotated");
    }
    Ok(doomed)
}
