//! Which brand a workspace is: an id that survives renames and copies of
//! the file (backups are matched to their brand by it), a name and a
//! colour for the switcher. Kept in the `setting` table.

use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::settings::{get, put};
use super::{new_id, Store};
use crate::error::{Error, Reason, Result};

const ID_KEY: &str = "brand.id";
const NAME_KEY: &str = "brand.name";
const COLOR_KEY: &str = "brand.color";

/// The longest brand name the switcher and file names accept.
pub const NAME_MAX: usize = 80;

/// Colours given to brands in turn, readable under white initials.
pub const PALETTE: [&str; 8] = [
    "#4f46e5", "#0f766e", "#b45309", "#be123c", "#7c3aed", "#0369a1", "#15803d", "#a21caf",
];

/// A brand as the switcher shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandInfo {
    pub id: String,
    pub name: String,
    pub color: String,
}

/// Gives a workspace that has none (a new one, or one from before brands)
/// its id, a name (the charter's brand, else a plain default in the
/// workspace's language) and a colour.
pub(super) fn ensure_identity(tx: &Transaction) -> Result<()> {
    let id = match get(tx, ID_KEY)? {
        Some(id) => id,
        None => {
            let id = new_id();
            put(tx, ID_KEY, &id)?;
            id
        }
    };
    if get(tx, NAME_KEY)?.is_none() {
        let from_charter: Option<String> = tx
            .query_row(
                "SELECT json_extract(data, '$.brand') FROM charter_section WHERE section = 'identity'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let name = match from_charter.map(|n| n.trim().to_string()) {
            Some(name) if !name.is_empty() => name,
            _ if get(tx, "ui.locale")?.as_deref() == Some("en") => "My brand".to_string(),
            _ => "Ma marque".to_string(),
        };
        put(tx, NAME_KEY, &name)?;
    }
    if get(tx, COLOR_KEY)?.is_none() {
        put(tx, COLOR_KEY, color_for(&id))?;
    }
    Ok(())
}

/// A colour of the palette picked from the id, the same on every computer.
pub fn color_for(id: &str) -> &'static str {
    let sum: usize = id.bytes().map(usize::from).sum();
    PALETTE[sum % PALETTE.len()]
}

/// A brand name as entered: trimmed, not blank, not too long.
pub fn valid_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::validation(
            "name",
            Reason::Required,
            "a brand needs a name",
        ));
    }
    if name.chars().count() > NAME_MAX {
        return Err(Error::validation(
            "name",
            Reason::TooLong,
            format!("a brand name has at most {NAME_MAX} characters"),
        ));
    }
    Ok(name.to_string())
}

impl Store {
    /// The brand this workspace is.
    pub fn brand(&self) -> Result<BrandInfo> {
        let read = |key| {
            get(&self.conn, key)?
                .ok_or_else(|| Error::corrupt("workspace", format_args!("setting {key}")))
        };
        Ok(BrandInfo {
            id: read(ID_KEY)?,
            name: read(NAME_KEY)?,
            color: read(COLOR_KEY)?,
        })
    }

    /// Renames the brand; returns the name as stored.
    pub fn rename_brand(&mut self, name: &str) -> Result<String> {
        let name = valid_name(name)?;
        self.write(|tx| put(tx, NAME_KEY, &name))?;
        Ok(name)
    }

    /// Makes this workspace a brand of its own (a copy of another one):
    /// a new id, the given name and colour.
    pub fn become_new_brand(&mut self, name: &str, color: &str) -> Result<BrandInfo> {
        let name = valid_name(name)?;
        let id = new_id();
        self.write(|tx| {
            put(tx, ID_KEY, &id)?;
            put(tx, NAME_KEY, &name)?;
            put(tx, COLOR_KEY, color)
        })?;
        self.brand()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_workspace_is_a_brand_with_a_default_name_and_a_palette_colour() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("a.tribu")).unwrap();
        let brand = store.brand().unwrap();
        assert_eq!(brand.name, "Ma marque");
        assert!(PALETTE.contains(&brand.color.as_str()));
        assert_eq!(brand.id.len(), 36, "a UUID: {}", brand.id);
        drop(store);
        let again = Store::open(&dir.path().join("a.tribu")).unwrap();
        assert_eq!(again.brand().unwrap(), brand, "kept across openings");
    }

    #[test]
    fn names_are_trimmed_and_refused_blank_or_too_long() {
        assert_eq!(valid_name("  Soleil  ").unwrap(), "Soleil");
        let blank = valid_name("   ").unwrap_err().payload();
        assert_eq!(
            (blank.field.as_deref(), blank.reason),
            (Some("name"), Some(Reason::Required))
        );
        let long = valid_name(&"é".repeat(81)).unwrap_err().payload();
        assert_eq!(long.reason, Some(Reason::TooLong));
        assert!(valid_name(&"é".repeat(80)).is_ok());
    }
}
