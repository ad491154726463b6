//! Where exported documents go, and opening them. The UI never names a path
//! to write: the PDF goes either to the workspace's exports folder or to
//! the place the user picks in the native "Save as" dialog, which the shell
//! opens itself. Opening is limited to files the app wrote, so these
//! commands cannot become a way to launch arbitrary files.

use std::path::{Path, PathBuf};

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use tribu_core::error::Reason;
use tribu_core::Error;
use tribu_pdf::Document;

use super::{commands, CmdResult, Cx};
use crate::state::AppState;

/// The day a document is made, on the computer's calendar.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Writes a typeset document: into the exports folder under its own name,
/// or, with `save_as` (the dialog's title), where the user chooses. `None`
/// when the user cancels the dialog. The file is written through a
/// temporary file and a rename.
pub fn deliver(cx: &Cx, document: &Document, save_as: Option<&str>) -> CmdResult<Option<String>> {
    let exports = tribu_core::workspace::exports_dir().map_err(|e| e.payload())?;
    let path = if let Some(title) = save_as {
        let chosen = cx
            .app
            .dialog()
            .file()
            .set_title(title)
            .set_directory(&exports)
            .set_file_name(&document.file_name)
            .add_filter("PDF", &["pdf"])
            .blocking_save_file();
        let Some(chosen) = chosen else {
            return Ok(None);
        };
        let path = chosen.into_path().map_err(|e| {
            Error::validation(
                "save_as",
                Reason::ChosenFileUnusable,
                format!("the chosen file cannot be used: {e}"),
            )
            .payload()
        })?;
        with_pdf_extension(path)
    } else {
        exports.join(&document.file_name)
    };
    tribu_pdf::write_atomically(&path, &document.bytes).map_err(|e| Error::from(e).payload())?;
    cx.remember_export(path.clone());
    tracing::info!(path = %path.display(), "document exported");
    Ok(Some(path.display().to_string()))
}

/// GTK's dialog does not add the filter's extension to a typed name.
fn with_pdf_extension(path: PathBuf) -> PathBuf {
    let is_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if is_pdf {
        path
    } else {
        let mut name = path.clone().into_os_string();
        name.push(".pdf");
        PathBuf::from(name)
    }
}

commands! {
    /// Opens a file Tribu exported with the system's default application.
    fn export_open(cx, path: String) -> () {
        let path = exported(cx.state, &path)?;
        open(cx.app, &path)
    }

    /// Opens the folder that holds a file Tribu exported.
    fn export_open_folder(cx, path: String) -> () {
        let path = exported(cx.state, &path)?;
        let folder = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        open(cx.app, &folder)
    }
}

fn open(app: &AppHandle, path: &Path) -> CmdResult<()> {
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| Error::Io(format!("{} could not be opened: {e}", path.display())).payload())
}

/// `path` if the app wrote it (this session, or in the exports folder).
fn exported(state: &AppState, path: &str) -> CmdResult<PathBuf> {
    let path = PathBuf::from(path);
    let in_exports = tribu_core::workspace::exports_dir()
        .ok()
        .zip(path.parent())
        .is_some_and(|(exports, parent)| parent == exports);
    if in_exports || state.wrote_export(&path) {
        Ok(path)
    } else {
        Err(Error::validation(
            "path",
            Reason::NotAnExport,
            format!("{} is not a document Tribu exported", path.display()),
        )
        .payload())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_name_gets_the_pdf_extension_once() {
        assert_eq!(
            with_pdf_extension("/tmp/charte".into()),
            PathBuf::from("/tmp/charte.pdf")
        );
        assert_eq!(
            with_pdf_extension("/tmp/charte.PDF".into()),
            PathBuf::from("/tmp/charte.PDF")
        );
        assert_eq!(
            with_pdf_extension("/tmp/charte.v2".into()),
            PathBuf::from("/tmp/charte.v2.pdf")
        );
    }

    #[test]
    fn only_files_the_app_wrote_can_be_opened() {
        let state = AppState::on_store(Err(Error::Io("no store in this test".into())));
        assert!(exported(&state, "/etc/passwd").is_err());
        assert!(exported(&state, "/home/someone/run.sh").is_err());
        state.remember_export(PathBuf::from("/home/someone/charte.pdf"));
        assert!(exported(&state, "/home/someone/charte.pdf").is_ok());
    }
}
