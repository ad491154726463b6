use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::journal::{ActionKind, ActionLabel};
use super::Store;
use crate::error::{Error, Reason, Result};
use crate::schedule::zones::system_zone;
use crate::time::parse_zone;

/// The IANA zone of the brand's audience.
const AUDIENCE_ZONE_KEY: &str = "audience_zone";

/// The language the user chose for the interface and the notifications.
const LOCALE_KEY: &str = "ui.locale";

/// The languages the interface speaks.
pub const LOCALES: [&str; 2] = ["fr", "en"];

/// The setting `key`, read through `conn` (a transaction too).
pub(super) fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Sets `key` to `value` within `tx`.
pub(super) fn put(tx: &Transaction, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Small per-workspace preferences (the interface language, ...), as text.
impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        get(&self.conn, key)
    }

    /// Stores a preference that is not part of the plan (the window's
    /// language): not journaled. Settings of the plan go through their own
    /// methods, which label the action.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| put(tx, key, value))
    }

    /// Stores a setting of the plan as one action labelled `label`.
    pub(super) fn put_setting_as(
        &mut self,
        key: &str,
        value: &str,
        label: ActionLabel,
    ) -> Result<()> {
        self.act(|tx| put(tx, key, value).map(|()| ((), label)))
    }

    /// The zone the audience lives in, where new posts are planned and whose
    /// clock the calendar can show: the one set, else the computer's (Europe/
    /// Paris when the system does not say).
    pub fn audience_zone(&self) -> Result<String> {
        let set = self
            .setting(AUDIENCE_ZONE_KEY)?
            .and_then(|z| parse_zone(&z).ok());
        Ok(set.unwrap_or_else(system_zone).name().to_string())
    }

    /// Sets the audience zone, an IANA name such as `America/Montreal`;
    /// returns it as stored.
    pub fn set_audience_zone(&mut self, zone: &str) -> Result<String> {
        let zone = parse_zone(zone)?;
        let label = ActionLabel::new(ActionKind::AudienceZone, "").detail(zone.name());
        self.put_setting_as(AUDIENCE_ZONE_KEY, zone.name(), label)?;
        Ok(zone.name().to_string())
    }

    /// The interface language the user chose (`fr`, `en`), if any.
    pub fn locale(&self) -> Result<Option<String>> {
        Ok(self
            .setting(LOCALE_KEY)?
            .filter(|l| LOCALES.contains(&l.as_str())))
    }

    pub fn set_locale(&mut self, locale: &str) -> Result<()> {
        if !LOCALES.contains(&locale) {
            return Err(Error::validation(
                "locale",
                Reason::UnknownValue,
                "the interface speaks fr or en",
            ));
        }
        self.set_setting(LOCALE_KEY, locale)
    }
}
