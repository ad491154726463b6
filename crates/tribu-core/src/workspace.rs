//! Where workspaces live on disk.

use std::path::PathBuf;

use crate::error::{Error, Result};

/// Environment variable that points Tribu at another data folder (tests use it).
pub const DATA_DIR_ENV: &str = "TRIBU_DATA_DIR";

/// The data folder: `$TRIBU_DATA_DIR`, else the OS data dir's `tribu`
/// (`~/.local/share/tribu` on Linux).
pub fn data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join("tribu"))
        .ok_or_else(|| Error::Io(format!("no data folder on this system: set {DATA_DIR_ENV}")))
}

/// Where exported documents (charter PDFs, reports) are written.
pub fn exports_dir() -> Result<PathBuf> {
    Ok(data_dir()?.join("exports"))
}

/// The brand a new user starts with, and the one an existing user had
/// before brands existed.
pub fn default_workspace_file(data_dir: &std::path::Path) -> PathBuf {
    crate::brands::workspaces_dir(data_dir).join("default.tribu")
}

/// What the window learns about the open workspace when it starts.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceInfo {
    /// The SQLite file.
    pub path: String,
    /// The interface language the user chose (`fr`, `en`), if any.
    pub locale: Option<String>,
    /// The operating system's locale, e.g. `fr-FR`, used when none was chosen.
    pub system_locale: Option<String>,
    pub brand: crate::store::BrandInfo,
    /// Read-only, and why: the banner.
    pub access: crate::store::Access,
    /// Grows each time a brand is opened in this run: two openings of the
    /// same file are told apart.
    pub session: u32,
}
