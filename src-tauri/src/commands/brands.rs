//! Several brands: create, open, switch, rename, duplicate, delete. Each is
//! one workspace file; the list the switcher shows is `brands.json`.

use std::path::{Path, PathBuf};

use tauri_plugin_dialog::DialogExt;
use tribu_core::brands::{self, BrandDefaults, BrandEntry, NewBrand};
use tribu_core::error::Reason;
use tribu_core::store::lock::{self, Acquired};
use tribu_core::workspace::WorkspaceInfo;
use tribu_core::{Error, Store};

use super::{commands, CmdResult, Cx};

commands! {
    /// Every brand the app knows, the most recently opened first.
    fn brands_list(cx) -> Vec<BrandEntry> {
        Ok(cx.registry(|registry, current| registry.entries(Some(current))))
    }

    /// What the new brand dialog starts from.
    fn brand_defaults(cx) -> BrandDefaults {
        let locale = cx.info().ok().and_then(|i| i.locale).unwrap_or_else(|| {
            sys_locale::get_locale().filter(|l| l.starts_with("en")).map_or("fr", |_| "en").into()
        });
        Ok(brands::defaults(&locale))
    }

    /// Creates a brand and opens it.
    fn brand_create(cx, input: NewBrand) -> WorkspaceInfo {
        let dir = brands::workspaces_dir(cx.data_dir());
        let (_, store) = cx
            .registry(|registry, _| brands::create(&dir, registry, &input))
            .map_err(|e| e.payload())?;
        cx.enter_store(store)
    }

    /// Opens the brand of `path` in place of the open one.
    fn brand_switch(cx, path: String) -> WorkspaceInfo {
        let path = PathBuf::from(path);
        if !path.is_file() {
            return Err(Error::file(Reason::BrandMissing, &path, "no file there").payload());
        }
        cx.switch_to(&path)
    }

    /// Opens any `.tribu` file chosen in the system's dialog; `None` when
    /// the dialog is cancelled.
    fn brand_open_file(cx) -> Option<WorkspaceInfo> {
        let chosen = cx
            .app
            .dialog()
            .file()
            .add_filter("Tribu", &["tribu"])
            .blocking_pick_file();
        let Some(chosen) = chosen else {
            return Ok(None);
        };
        let path = chosen.into_path().map_err(|e| {
            Error::validation("path", Reason::ChosenFileUnusable, e.to_string()).payload()
        })?;
        cx.switch_to(&path).map(Some)
    }

    /// Renames the open brand.
    fn brand_rename(cx, name: String) -> WorkspaceInfo {
        let path = cx.current_path();
        let name = tribu_core::store::valid_brand_name(&name).map_err(|e| e.payload())?;
        cx.registry(|registry, _| registry.check_name_free(&name, Some(&path)))
            .map_err(|e| e.payload())?;
        cx.with(|store| store.rename_brand(&name))?;
        let info = cx.info()?;
        cx.update_registry(|registry| registry.update(&path, &info.brand))?;
        cx.announce_switch(&info);
        Ok(info)
    }

    /// Copies the open brand, everything in it, into a new brand named
    /// `name`; the open brand stays open.
    fn brand_duplicate(cx, name: String) -> BrandEntry {
        duplicate(&cx, &name)
    }

    /// Sends a brand's file to the system's trash. The open brand can be
    /// deleted when another one exists: that one opens first.
    fn brand_delete(cx, path: String) -> WorkspaceInfo {
        delete(&cx, Path::new(&path))
    }
}

fn duplicate(cx: &Cx, name: &str) -> CmdResult<BrandEntry> {
    let name = tribu_core::store::valid_brand_name(name).map_err(|e| e.payload())?;
    cx.registry(|registry, _| registry.check_name_free(&name, None))
        .map_err(|e| e.payload())?;
    let source = cx.current_path();
    let target = brands::new_file(&brands::workspaces_dir(cx.data_dir()), &name);
    tribu_core::backup::copy(&source, &target).map_err(|e| e.payload())?;
    let color = cx.registry(|registry, _| registry.free_color());
    let brand = Store::open(&target).and_then(|mut store| {
        let color = color.unwrap_or_else(|| tribu_core::store::brand_color_for(&name));
        store.become_new_brand(&name, color)
    });
    let brand = match brand {
        Ok(brand) => brand,
        Err(e) => {
            remove_workspace_files(&target);
            return Err(e.payload());
        }
    };
    cx.update_registry(|registry| registry.update(&target, &brand))?;
    let entries = cx.registry(|registry, current| registry.entries(Some(current)));
    entries
        .into_iter()
        .find(|e| Path::new(&e.path) == target)
        .ok_or_else(|| Error::NotFound { what: "brand" }.payload())
}

fn delete(cx: &Cx, path: &Path) -> CmdResult<WorkspaceInfo> {
    let path = path.to_path_buf();
    if cx.current_path() == path {
        let other = cx.registry(|registry, _| {
            registry
                .entries(Some(&path))
                .into_iter()
                .find(|e| !e.current && !e.missing)
        });
        let Some(other) = other else {
            return Err(Error::conflict(Reason::LastBrand, "the only brand cannot be deleted").payload());
        };
        cx.switch_to(Path::new(&other.path))?;
    }
    if path.is_file() {
        // Someone else writing it (the command line, another computer)
        // keeps it.
        let held = lock::acquire(&path, chrono::Utc::now()).map_err(|e| e.payload())?;
        let lock = match held {
            Acquired::Held(lock) => lock,
            Acquired::Taken(holder) => {
                return Err(Error::file(
                    Reason::WorkspaceLocked,
                    &path,
                    format!("open by {}@{}", holder.user, holder.host),
                )
                .payload())
            }
        };
        let files: Vec<PathBuf> = ["", "-wal", "-shm"]
            .iter()
            .map(|s| tribu_core::store::file_check::sidecar(&path, s))
            .filter(|p| p.exists())
            .collect();
        trash::delete_all(&files)
            .map_err(|e| Error::file(Reason::WorkspaceUnwritable, &path, e).payload())?;
        drop(lock);
        let _ = std::fs::remove_file(lock::lock_path(&path));
        tracing::info!(path = %path.display(), "brand moved to the trash");
    }
    cx.update_registry(|registry| registry.forget(&path))?;
    cx.info()
}

/// Removes a brand file this command was creating, and what SQLite and the
/// lock left beside it.
fn remove_workspace_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(tribu_core::store::file_check::sidecar(path, suffix));
    }
    let _ = std::fs::remove_file(lock::lock_path(path));
}
