//! The device this copy of Tribu runs on, as the journal stamps actions
//! with it: a random id made once per data folder and kept in it, so a
//! brand file copied to another laptop records that laptop's changes
//! under another device.

use std::path::Path;

const FILE: &str = "device-id";

/// The device id kept in `data_dir`, made and saved on first use. A folder
/// that cannot be written still gets an id for this run (the journal then
/// shows a new device after a restart, which loses nothing).
pub fn id(data_dir: &Path) -> String {
    let path = data_dir.join(FILE);
    if let Ok(text) = std::fs::read_to_string(&path) {
        let text = text.trim();
        if uuid::Uuid::parse_str(text).is_ok() {
            return text.to_string();
        }
    }
    let id = uuid::Uuid::now_v7().to_string();
    let temp = data_dir.join(format!(".{FILE}.part"));
    let saved = std::fs::create_dir_all(data_dir)
        .and_then(|()| std::fs::write(&temp, &id))
        .and_then(|()| std::fs::File::open(&temp)?.sync_all())
        .and_then(|()| std::fs::rename(&temp, &path));
    if let Err(e) = saved {
        let _ = std::fs::remove_file(&temp);
        tracing::warn!(error = %e, "device id not saved");
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let first = id(dir.path());
        assert!(uuid::Uuid::parse_str(&first).is_ok());
        assert_eq!(id(dir.path()), first);
        std::fs::write(dir.path().join(FILE), "not an id").unwrap();
        let remade = id(dir.path());
        assert_ne!(remade, first, "a damaged file gets a new id");
        assert!(uuid::Uuid::parse_str(&remade).is_ok());
    }
}
