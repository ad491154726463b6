//! The Backups dialog, and the fatal screen's way back: list, back up now,
//! restore.

use tribu_core::backup::{self, BackupInfo, BackupKind};
use tribu_core::workspace::WorkspaceInfo;

use super::commands;

commands! {
    /// The backups of the open brand, or of the file that could not be
    /// opened, newest first. With the brand open, only its own backups
    /// (another brand's file of the same name keeps its own).
    fn backups_list(cx) -> Vec<BackupInfo> {
        let all = backup::list(&cx.backups_dir()).map_err(|e| e.payload())?;
        let brand = cx.info().ok().map(|i| i.brand.id);
        Ok(match brand {
            Some(id) => all
                .into_iter()
                .filter(|b| b.brand_id.as_deref().is_none_or(|b| b == id))
                .collect(),
            None => all,
        })
    }

    /// "Back up now".
    fn backup_now(cx) -> BackupInfo {
        cx.back_up(BackupKind::Manual)
    }

    /// Restores a backup of the list, after backing up the current state.
    fn backup_restore(cx, file: String) -> WorkspaceInfo {
        cx.restore(&file)
    }
}
