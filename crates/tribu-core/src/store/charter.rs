use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::journal::{ActionKind, ActionLabel};
use super::{networks, now_millis, Store};
use crate::charter::{validated, Charter, CharterSection};
use crate::error::{Error, Result};

/// A section's content as stored: the JSON of its data alone.
fn content_json(section: &CharterSection) -> Result<String> {
    let value = serde_json::to_value(section).map_err(|e| Error::Storage(e.to_string()))?;
    Ok(value["data"].to_string())
}

fn parse_section(name: &str, data: &str) -> Result<CharterSection> {
    let unreadable =
        |e: serde_json::Error| Error::corrupt(format_args!("charter section {name}"), e);
    let data: serde_json::Value = serde_json::from_str(data).map_err(unreadable)?;
    serde_json::from_value(serde_json::json!({ "section": name, "data": data })).map_err(unreadable)
}

fn put_section(tx: &Transaction, name: &str, data: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO charter_section (section, data, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(section) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        params![name, data, now_millis()],
    )?;
    Ok(())
}

/// The charter as stored, read through `conn` (a transaction, for crisis mode).
pub(super) fn load(conn: &Connection) -> Result<Charter> {
    let mut stmt = conn.prepare_cached("SELECT section, data FROM charter_section")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut charter = Charter::default();
    for row in rows {
        let (name, data) = row?;
        charter.set(parse_section(&name, &data)?);
    }
    Ok(charter)
}

/// Writes `section` in `tx` unless it already holds exactly that; its
/// networks must exist.
fn write_section(tx: &Transaction, section: &CharterSection) -> Result<()> {
    for id in section.network_ids() {
        networks::require(tx, id)?;
    }
    let name = section.name();
    let data = content_json(section)?;
    let previous: Option<String> = tx
        .query_row(
            "SELECT data FROM charter_section WHERE section = ?1",
            [name],
            |r| r.get(0),
        )
        .optional()?;
    if previous.as_deref() == Some(data.as_str()) {
        return Ok(());
    }
    put_section(tx, name, &data)
}

impl Store {
    /// Fills the charter from the starter in `language` for this brand and
    /// its networks, as one action (one step to undo); returns the charter.
    pub fn apply_starter_charter(
        &mut self,
        language: crate::charter::CharterLanguage,
    ) -> Result<Charter> {
        let brand = self.brand()?.name;
        let networks = self.networks()?;
        let sections = crate::charter::starter_charter(language, &brand, &networks)
            .into_iter()
            .map(validated)
            .collect::<Result<Vec<_>>>()?;
        let label = ActionLabel::new(ActionKind::CharterStarter, "").detail(language.as_str());
        self.act(|tx| {
            for section in &sections {
                write_section(tx, section)?;
            }
            Ok(((), label))
        })?;
        self.charter()
    }

    /// The workspace's charter; sections never written are empty.
    pub fn charter(&self) -> Result<Charter> {
        load(&self.conn)
    }

    /// Replaces one section (the journal keeps what it held, for undo).
    pub fn save_charter_section(&mut self, section: CharterSection) -> Result<Charter> {
        let section = validated(section)?;
        let label = ActionLabel::new(ActionKind::CharterSection, "").detail(section.name());
        self.act(|tx| write_section(tx, &section).map(|()| ((), label)))?;
        self.charter()
    }
}
