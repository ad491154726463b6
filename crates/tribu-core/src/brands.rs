//! The brands the app knows, each one workspace file: `brands.json` in the
//! data folder lists them with the name and colour last seen (the switcher
//! and the reminders of brands that are not open read it without opening
//! every file) and which one was open last.
//!
//! The list is a convenience, never the only copy of anything: each brand's
//! name lives in its own file, and a lost or unreadable list is rebuilt
//! from the `workspaces/` folder.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Reason, Result};
use crate::store::{BrandInfo, Store};

const FILE: &str = "brands.json";
const EXTENSION: &str = "tribu";

/// One brand of the switcher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandEntry {
    pub path: String,
    pub name: String,
    pub color: String,
    /// The brand open in the window.
    pub current: bool,
    /// Its file is no longer where it was (moved, on an unplugged disk).
    pub missing: bool,
    /// RFC 3339.
    pub opened_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Known {
    path: PathBuf,
    name: String,
    color: String,
    opened_at: Option<DateTime<Utc>>,
}

/// The list, as read from and written to `brands.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Registry {
    last: Option<PathBuf>,
    brands: Vec<Known>,
}

/// The folder new brands are created in.
pub fn workspaces_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("workspaces")
}

impl Registry {
    /// Reads the list of `data_dir`; rebuilds it from the workspaces folder
    /// when it is missing or unreadable (the unreadable one is kept aside
    /// as `brands.json.unreadable`). The `default.tribu` of a version before
    /// brands is found that way and becomes the first brand.
    pub fn load(data_dir: &Path) -> Registry {
        let path = data_dir.join(FILE);
        match std::fs::read(&path) {
            Ok(bytes) => match serde_json::from_slice::<Registry>(&bytes) {
                Ok(registry) => return registry,
                Err(e) => {
                    tracing::warn!(error = %e, "brand list unreadable: rebuilt from the folder");
                    let _ = std::fs::rename(&path, data_dir.join(format!("{FILE}.unreadable")));
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => tracing::warn!(error = %e, "brand list not read: rebuilt from the folder"),
        }
        Registry::scan(&workspaces_dir(data_dir))
    }

    /// Every `.tribu` file of `dir`, named after its file until opened.
    fn scan(dir: &Path) -> Registry {
        let mut brands: Vec<Known> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == EXTENSION))
                    .map(|path| Known {
                        name: path
                            .file_stem()
                            .map(|s| s.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                        color: crate::store::brand_color_for(&path.to_string_lossy()).into(),
                        path,
                        opened_at: None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        brands.sort_by(|a, b| a.path.cmp(&b.path));
        let last = brands
            .iter()
            .find(|b| b.path.file_stem().is_some_and(|s| s == "default"))
            .or(brands.first())
            .map(|b| b.path.clone());
        Registry { last, brands }
    }

    /// Writes the list through a temporary file and a rename.
    pub fn save(&self, data_dir: &Path) -> Result<()> {
        std::fs::create_dir_all(data_dir)
            .map_err(|e| Error::file(Reason::FolderUnwritable, data_dir, e))?;
        let json = serde_json::to_vec_pretty(self).map_err(|e| Error::Io(e.to_string()))?;
        let path = data_dir.join(FILE);
        let temp = data_dir.join(format!(".{FILE}.part"));
        let written = std::fs::write(&temp, &json)
            .and_then(|()| std::fs::File::open(&temp)?.sync_all())
            .and_then(|()| std::fs::rename(&temp, &path));
        written.map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            Error::file(Reason::FolderUnwritable, &path, e)
        })
    }

    /// The brand to open at launch.
    pub fn last(&self) -> Option<&Path> {
        self.last.as_deref()
    }

    /// Records that `path`, the brand `brand`, was just opened.
    pub fn opened(&mut self, path: &Path, brand: &BrandInfo, now: DateTime<Utc>) {
        self.update(path, brand);
        if let Some(known) = self.brands.iter_mut().find(|b| b.path == path) {
            known.opened_at = Some(now);
        }
        self.last = Some(path.to_path_buf());
    }

    /// Adds `path` or refreshes its name and colour.
    pub fn update(&mut self, path: &Path, brand: &BrandInfo) {
        match self.brands.iter_mut().find(|b| b.path == path) {
            Some(known) => {
                known.name = brand.name.clone();
                known.color = brand.color.clone();
            }
            None => self.brands.push(Known {
                path: path.to_path_buf(),
                name: brand.name.clone(),
                color: brand.color.clone(),
                opened_at: None,
            }),
        }
    }

    pub fn forget(&mut self, path: &Path) {
        self.brands.retain(|b| b.path != path);
        if self.last.as_deref() == Some(path) {
            self.last = None;
        }
    }

    /// Every brand's file.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.brands.iter().map(|b| b.path.clone()).collect()
    }

    /// The name last seen for the brand at `path`.
    pub fn name_of(&self, path: &Path) -> Option<&str> {
        self.brands
            .iter()
            .find(|b| b.path == path)
            .map(|b| b.name.as_str())
    }

    /// The switcher's list, the most recently opened first.
    pub fn entries(&self, current: Option<&Path>) -> Vec<BrandEntry> {
        let mut known: Vec<&Known> = self.brands.iter().collect();
        known.sort_by(|a, b| {
            b.opened_at
                .cmp(&a.opened_at)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        known
            .into_iter()
            .map(|b| BrandEntry {
                path: b.path.display().to_string(),
                name: b.name.clone(),
                color: b.color.clone(),
                current: current == Some(b.path.as_path()),
                missing: !b.path.is_file(),
                opened_at: b
                    .opened_at
                    .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            })
            .collect()
    }

    /// Refuses a name another brand has (letter case and spaces aside).
    pub fn check_name_free(&self, name: &str, except: Option<&Path>) -> Result<()> {
        let wanted = name.trim().to_lowercase();
        let taken = self
            .brands
            .iter()
            .filter(|b| Some(b.path.as_path()) != except)
            .any(|b| b.name.trim().to_lowercase() == wanted);
        if taken {
            return Err(Error::validation(
                "name",
                Reason::Duplicate,
                "another brand has this name",
            ));
        }
        Ok(())
    }

    /// A colour of the palette that no brand has yet, if any is left.
    pub fn free_color(&self) -> Option<&'static str> {
        crate::store::BRAND_PALETTE
            .iter()
            .find(|c| !self.brands.iter().any(|b| b.color.eq_ignore_ascii_case(c)))
            .copied()
    }
}

/// A file name for a new brand called `name` in `dir`, not yet taken:
/// `Café Lune` → `cafe-lune.tribu`, then `cafe-lune-2.tribu`.
pub fn new_file(dir: &Path, name: &str) -> PathBuf {
    let slug = slug(name);
    let mut path = dir.join(format!("{slug}.{EXTENSION}"));
    let mut n = 2;
    while path.exists() || crate::store::file_check::sidecar(&path, "-wal").exists() {
        path = dir.join(format!("{slug}-{n}.{EXTENSION}"));
        n += 1;
    }
    path
}

/// Lower-case ASCII letters and digits joined by dashes; accents dropped.
pub fn slug(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in name.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if ('\u{300}'..='\u{36f}').contains(&c) {
            // The accent of a letter split off by NFD: é → e.
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').chars().take(60).collect::<String>();
    if out.is_empty() {
        "brand".into()
    } else {
        out
    }
}

/// What a brand is about to hold, as the new brand dialog says it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewBrand {
    pub name: String,
    /// `fr` or `en`: the interface and the notifications.
    pub locale: String,
    /// Kinds of the built-in networks to start with.
    pub networks: Vec<String>,
    /// The audience's IANA zone.
    pub zone: String,
    pub charter: StarterCharter,
}

/// The charter a new brand starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StarterCharter {
    Fr,
    En,
    Empty,
}

/// A network a new brand may start with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BuiltinNetwork {
    pub kind: String,
    pub name: String,
    pub color: String,
}

/// What the new brand dialog starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandDefaults {
    pub networks: Vec<BuiltinNetwork>,
    /// The computer's zone, for the audience.
    pub zone: String,
    pub locale: String,
}

/// The dialog's defaults, in `locale` (`fr` or `en`).
pub fn defaults(locale: &str) -> BrandDefaults {
    BrandDefaults {
        networks: crate::model::network::BUILTIN_NETWORKS
            .iter()
            .map(|(name, kind, color, _)| BuiltinNetwork {
                kind: kind.as_str().into(),
                name: (*name).into(),
                color: (*color).into(),
            })
            .collect(),
        zone: crate::schedule::zones::system_zone().name().into(),
        locale: if locale == "en" { "en" } else { "fr" }.into(),
    }
}

/// Creates the brand's file in `dir` and fills it as `input` says; the
/// name must be free in `registry`. Everything is checked before the file
/// exists; a failure after that removes it.
pub fn create(dir: &Path, registry: &Registry, input: &NewBrand) -> Result<(PathBuf, Store)> {
    let name = crate::store::valid_brand_name(&input.name)?;
    registry.check_name_free(&name, None)?;
    if !crate::store::LOCALES.contains(&input.locale.as_str()) {
        return Err(Error::validation(
            "locale",
            Reason::UnknownValue,
            "the interface speaks fr or en",
        ));
    }
    crate::time::parse_zone(&input.zone)?;
    let path = new_file(dir, &name);
    let filled = (|| {
        let mut store = Store::open(&path)?;
        let color = registry
            .free_color()
            .unwrap_or_else(|| crate::store::brand_color_for(&path.to_string_lossy()));
        store.become_new_brand(&name, color)?;
        store.set_locale(&input.locale)?;
        store.set_audience_zone(&input.zone)?;
        for network in store.networks()? {
            if !input.networks.iter().any(|k| *k == network.kind.as_str()) {
                store.delete_network(&network.id)?;
            }
        }
        let language = match input.charter {
            StarterCharter::Fr => Some(crate::charter::CharterLanguage::Fr),
            StarterCharter::En => Some(crate::charter::CharterLanguage::En),
            StarterCharter::Empty => None,
        };
        if let Some(language) = language {
            store.apply_starter_charter(language)?;
        }
        store.take_changes()?;
        Ok(store)
    })();
    match filled {
        Ok(store) => Ok((path, store)),
        Err(e) => {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(crate::store::file_check::sidecar(&path, suffix));
            }
            let _ = std::fs::remove_file(crate::store::lock::lock_path(&path));
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(slug("Café Lune"), "cafe-lune");
        assert_eq!(slug("  L'Atelier  n°2 "), "l-atelier-n-2");
        assert_eq!(slug("???"), "brand");
    }

    #[test]
    fn new_files_never_reuse_a_name() {
        let dir = tempfile::tempdir().unwrap();
        let first = new_file(dir.path(), "Soleil");
        assert_eq!(first, dir.path().join("soleil.tribu"));
        std::fs::write(&first, b"").unwrap();
        assert_eq!(
            new_file(dir.path(), "soleil"),
            dir.path().join("soleil-2.tribu")
        );
    }
}
