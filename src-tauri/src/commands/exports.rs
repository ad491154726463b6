//! Where exported documents go, and opening them. The UI never names a path
//! to write: the PDF goes either to the workspace's exports folder or to
//! the place the user picks in the native "Save as" dialog, which the shell
//! opens itself. Opening is limited to the PDF files the app wrote, so these
//! commands cannot become a way to launch arbitrary files.

use std::path::{Path, PathBuf};

use tauri::AppHandle;
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};
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
        match choose_pdf(cx, title, &exports, &document.file_name)? {
            Some(path) => path,
            None => return Ok(None),
        }
    } else {
        exports.join(&document.file_name)
    };
    tribu_pdf::write_atomically(&path, &document.bytes).map_err(|e| Error::from(e).payload())?;
    cx.remember_export(&path);
    tracing::info!(path = %path.display(), "document exported");
    Ok(Some(path.display().to_string()))
}

/// Where the user wants the PDF, from the "Save as" dialog: in `directory`
/// under `file_name` unless changed, as a PDF. GTK asks before replacing
/// the file it was given; when the name typed lacks `.pdf`, the file with
/// it added may exist although GTK did not ask: Tribu asks then, and back
/// to the dialog on "Cancel". `None`: the user cancelled the dialog.
fn choose_pdf(
    cx: &Cx,
    title: &str,
    directory: &Path,
    file_name: &str,
) -> CmdResult<Option<PathBuf>> {
    let mut directory = directory.to_path_buf();
    let mut file_name = file_name.to_string();
    loop {
        let chosen = cx
            .app
            .dialog()
            .file()
            .set_title(title)
            .set_directory(&directory)
            .set_file_name(&file_name)
            .add_filter("PDF", &["pdf"])
            .blocking_save_file();
        let Some(chosen) = chosen else {
            return Ok(None);
        };
        let chosen = chosen.into_path().map_err(|e| {
            Error::validation(
                "save_as",
                Reason::ChosenFileUnusable,
                format!("the chosen file cannot be used: {e}"),
            )
            .payload()
        })?;
        let target = pdf_target(chosen);
        if !target.replaces_unasked || confirm_replace(cx, &target.path) {
            return Ok(Some(target.path));
        }
        if let Some(parent) = target.path.parent() {
            directory = parent.to_path_buf();
        }
        if let Some(name) = target.path.file_name() {
            file_name = name.to_string_lossy().into_owned();
        }
    }
}

/// Where a name chosen in the dialog is written.
#[derive(Debug, PartialEq)]
struct SaveTarget {
    /// The chosen path, with `.pdf` added when it lacks it (GTK's dialog
    /// does not add the filter's extension to a typed name).
    path: PathBuf,
    /// `.pdf` was added and a file has that name: the dialog's own check
    /// looked at the name without it, so nobody was asked.
    replaces_unasked: bool,
}

fn pdf_target(chosen: PathBuf) -> SaveTarget {
    let is_pdf = chosen
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if is_pdf {
        return SaveTarget {
            path: chosen,
            replaces_unasked: false,
        };
    }
    let mut name = chosen.into_os_string();
    name.push(".pdf");
    let path = PathBuf::from(name);
    // A link or a folder by that name counts as well: it would be replaced.
    let replaces_unasked = std::fs::symlink_metadata(&path).is_ok();
    SaveTarget {
        path,
        replaces_unasked,
    }
}

/// Asks, in a native dialog in the window's language, whether to replace
/// the file at `path`.
fn confirm_replace(cx: &Cx, path: &Path) -> bool {
    let locale = cx
        .info()
        .ok()
        .and_then(|info| info.locale)
        .or_else(sys_locale::get_locale)
        .unwrap_or_default();
    let texts = replace_texts(&locale, path);
    cx.app
        .dialog()
        .message(texts.message)
        .title(texts.title)
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            texts.replace,
            texts.cancel,
        ))
        .blocking_show()
}

struct ReplaceTexts {
    title: String,
    message: String,
    replace: String,
    cancel: String,
}

/// The question about replacing `path`, in French unless `locale` is English.
fn replace_texts(locale: &str, path: &Path) -> ReplaceTexts {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    if locale.starts_with("en") {
        ReplaceTexts {
            title: "Replace the file?".into(),
            message: format!(
                "A file named “{name}” already exists in {folder}. Replacing it overwrites its contents."
            ),
            replace: "Replace".into(),
            cancel: "Cancel".into(),
        }
    } else {
        ReplaceTexts {
            title: "Remplacer le fichier ?".into(),
            message: format!(
                "Un fichier nommé « {name} » existe déjà dans {folder}. Le remplacer écrase son contenu."
            ),
            replace: "Remplacer".into(),
            cancel: "Annuler".into(),
        }
    }
}

commands! {
    /// Opens a PDF file Tribu exported with the system's default application.
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

/// The canonical path of `path` (links and `..` resolved) when it is a
/// regular PDF file that Tribu wrote this session.
fn exported(state: &AppState, path: &str) -> CmdResult<PathBuf> {
    let refuse = |why: String| {
        Error::validation("path", Reason::NotAnExport, format!("{path}: {why}")).payload()
    };
    let canonical = Path::new(path)
        .canonicalize()
        .map_err(|e| refuse(format!("cannot be resolved: {e}")))?;
    let regular = std::fs::metadata(&canonical).is_ok_and(|m| m.is_file());
    let pdf = canonical
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if !regular || !pdf {
        return Err(refuse(format!("{} is not a PDF file", canonical.display())));
    }
    if !state.wrote_export(&canonical) {
        return Err(refuse(format!(
            "{} is not a document Tribu exported",
            canonical.display()
        )));
    }
    Ok(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_name_gets_the_pdf_extension_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let target = |name: &str| pdf_target(d.join(name));
        assert_eq!(
            target("charte"),
            SaveTarget {
                path: d.join("charte.pdf"),
                replaces_unasked: false
            }
        );
        assert_eq!(target("charte.PDF").path, d.join("charte.PDF"));
        assert_eq!(target("charte.v2").path, d.join("charte.v2.pdf"));
    }

    #[test]
    fn adding_pdf_onto_an_existing_file_needs_a_confirmation() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("charte.pdf"), b"%PDF-1.7 the old one").unwrap();
        let typed = pdf_target(d.join("charte"));
        assert_eq!(typed.path, d.join("charte.pdf"));
        assert!(typed.replaces_unasked, "GTK asked about “charte” only");
        // Typed with its extension, GTK's own check asked already.
        assert!(!pdf_target(d.join("charte.pdf")).replaces_unasked);
        // A folder or a dangling link of that name would be replaced too.
        std::fs::create_dir(d.join("dossier.pdf")).unwrap();
        assert!(pdf_target(d.join("dossier")).replaces_unasked);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(d.join("nowhere"), d.join("lien.pdf")).unwrap();
            assert!(pdf_target(d.join("lien")).replaces_unasked);
        }
        assert!(!pdf_target(d.join("nouvelle")).replaces_unasked);
    }

    #[test]
    fn the_question_speaks_the_window_s_language() {
        let path = Path::new("/home/lea/charte.pdf");
        let fr = replace_texts("fr", path);
        assert_eq!(fr.replace, "Remplacer");
        assert!(fr.message.contains("« charte.pdf »"), "{}", fr.message);
        assert!(fr.message.contains("/home/lea"));
        let en = replace_texts("en-GB", path);
        assert_eq!(
            (en.replace.as_str(), en.cancel.as_str()),
            ("Replace", "Cancel")
        );
        assert!(en.message.contains("“charte.pdf”"));
    }

    #[test]
    fn only_regular_pdf_files_the_app_wrote_can_be_opened() {
        let state = AppState::on_store(Err(Error::Io("no store in this test".into())));
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().canonicalize().unwrap();
        let exports = d.join("exports");
        std::fs::create_dir(&exports).unwrap();
        let written = exports.join("charte.pdf");
        std::fs::write(&written, b"%PDF-1.7").unwrap();
        state.remember_export(&written);
        let s = |p: &Path| p.display().to_string();

        // The file Tribu wrote, also by a path with `..` that comes back to it.
        assert_eq!(exported(&state, &s(&written)).unwrap(), written);
        let around = exports.join("..").join("exports").join("charte.pdf");
        assert_eq!(exported(&state, &s(&around)).unwrap(), written);

        // A PDF Tribu did not write, even in the exports folder.
        let other = exports.join("autre.pdf");
        std::fs::write(&other, b"%PDF-1.7").unwrap();
        assert!(exported(&state, &s(&other)).is_err());
        // `..` out of the exports folder.
        let outside = d.join("dehors.pdf");
        std::fs::write(&outside, b"%PDF-1.7").unwrap();
        assert!(exported(&state, &s(&exports.join("..").join("dehors.pdf"))).is_err());
        assert!(exported(&state, &format!("{}/../../../../etc/passwd", s(&exports))).is_err());
        // Not PDF files, even remembered.
        let script = exports.join("run.sh");
        std::fs::write(&script, b"#!/bin/sh").unwrap();
        state.remember_export(&script);
        assert!(exported(&state, &s(&script)).is_err());
        let folder = exports.join("dossier.pdf");
        std::fs::create_dir(&folder).unwrap();
        state.remember_export(&folder);
        assert!(exported(&state, &s(&folder)).is_err());
        assert!(exported(&state, "/etc/passwd").is_err());
        assert!(exported(&state, &s(&exports.join("absent.pdf"))).is_err());

        #[cfg(unix)]
        {
            // A link named like a PDF that leads elsewhere.
            let link = exports.join("lien.pdf");
            std::os::unix::fs::symlink("/etc/passwd", &link).unwrap();
            assert!(exported(&state, &s(&link)).is_err());
            // The exported file replaced by a link to another file.
            let swapped = exports.join("rapport.pdf");
            std::fs::write(&swapped, b"%PDF-1.7").unwrap();
            state.remember_export(&swapped);
            assert!(exported(&state, &s(&swapped)).is_ok());
            std::fs::remove_file(&swapped).unwrap();
            std::os::unix::fs::symlink(&outside, &swapped).unwrap();
            assert!(exported(&state, &s(&swapped)).is_err());
        }
    }
}
