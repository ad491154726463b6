//! The CSV files being imported: read and decoded in Rust when the user
//! picks one, then kept here under a token while the import dialog maps and
//! previews them, so the webview never receives the file and the import
//! reads what the preview read. Nothing here holds the store's lock: the
//! commands read what they need from the store first (the networks), then
//! parse with no lock held.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tribu_core::kpi::{CsvAnalysis, CsvFile, CsvFileInfo, CsvMapping};
use tribu_core::model::Network;
use tribu_core::{Error, Result};

/// Files kept at most: one dialog is open at a time; the one before stays
/// for a moment in case its last call is still on its way.
const KEPT: usize = 2;

/// A file and the analysis of the last mapping it was previewed with.
struct Loaded {
    file: CsvFile,
    last: Mutex<Option<Last>>,
}

struct Last {
    mapping: CsvMapping,
    networks: Vec<Network>,
    analysis: Arc<CsvAnalysis>,
}

#[derive(Default)]
pub struct CsvFiles {
    files: Mutex<Vec<(String, Arc<Loaded>)>>,
    next: AtomicU64,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl CsvFiles {
    /// Reads the file at `path` (20 MB at most) and keeps it.
    pub fn open(&self, path: &Path) -> Result<CsvFileInfo> {
        let file = CsvFile::open(path)?;
        Ok(self.keep(file))
    }

    /// Keeps `file` under a new token.
    pub fn keep(&self, file: CsvFile) -> CsvFileInfo {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let token = format!("csv-{}-{n}", std::process::id());
        let info = CsvFileInfo {
            token: token.clone(),
            name: file.name().to_string(),
            header: file.header().to_vec(),
            lines: file.line_count(),
        };
        let loaded = Arc::new(Loaded {
            file,
            last: Mutex::new(None),
        });
        let mut files = lock(&self.files);
        files.push((token, loaded));
        let excess = files.len().saturating_sub(KEPT);
        files.drain(..excess);
        info
    }

    /// Forgets the file of `token` (the dialog is closed).
    pub fn close(&self, token: &str) {
        lock(&self.files).retain(|(t, _)| t != token);
    }

    fn get(&self, token: &str) -> Result<Arc<Loaded>> {
        lock(&self.files)
            .iter()
            .find(|(t, _)| t == token)
            .map(|(_, f)| Arc::clone(f))
            .ok_or(Error::NotFound { what: "CSV file" })
    }

    /// Runs `read` on the file of `token` (no lock held meanwhile).
    pub fn with_file<T>(&self, token: &str, read: impl FnOnce(&CsvFile) -> T) -> Result<T> {
        let loaded = self.get(token)?;
        Ok(read(&loaded.file))
    }

    /// The file of `token` read with `mapping` against `networks`, and the
    /// file; the analysis is made once for a mapping and a list of networks.
    pub fn analyse<T>(
        &self,
        token: &str,
        mapping: &CsvMapping,
        networks: Vec<Network>,
        then: impl FnOnce(&CsvFile, &CsvAnalysis) -> T,
    ) -> Result<T> {
        let loaded = self.get(token)?;
        let cached = lock(&loaded.last)
            .as_ref()
            .filter(|last| last.mapping == *mapping && last.networks == networks)
            .map(|last| Arc::clone(&last.analysis));
        let analysis = match cached {
            Some(analysis) => analysis,
            None => {
                let analysis = Arc::new(loaded.file.analyse(mapping, &networks)?);
                *lock(&loaded.last) = Some(Last {
                    mapping: mapping.clone(),
                    networks,
                    analysis: Arc::clone(&analysis),
                });
                analysis
            }
        };
        Ok(then(&loaded.file, &analysis))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_kept_under_its_token_until_closed_or_replaced() {
        let files = CsvFiles::default();
        let text = "date;network;followers\n05/03/2026;X;12\n";
        let first = files.keep(CsvFile::from_text("a.csv", text));
        assert_eq!(first.header, ["date", "network", "followers"]);
        assert_eq!(first.lines, 1);
        let second = files.keep(CsvFile::from_text("b.csv", text));
        assert_ne!(first.token, second.token);
        assert_eq!(
            files
                .with_file(&first.token, |f| f.name().to_string())
                .unwrap(),
            "a.csv"
        );
        let third = files.keep(CsvFile::from_text("c.csv", text));
        assert!(
            files.with_file(&first.token, |_| ()).is_err(),
            "two are kept"
        );
        files.close(&third.token);
        assert!(files.with_file(&third.token, |_| ()).is_err());
        assert!(files.with_file(&second.token, |_| ()).is_ok());
    }
}
