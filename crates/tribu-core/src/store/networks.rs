//! The networks of a workspace: the built-in ones seeded in a new file, and
//! those the user adds, renames or deletes.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::journal::{ActionKind, ActionLabel};
use super::{new_id, Store};
use crate::error::{Error, Reason, Result};
use crate::model::network::BUILTIN_NETWORKS;
use crate::model::{Network, NetworkInput};

const COLUMNS: &str = "id, name, kind, color, char_limit, builtin";

fn from_row(row: &Row) -> rusqlite::Result<Network> {
    Ok(Network {
        id: row.get(0)?,
        name: row.get(1)?,
        kind: row.get(2)?,
        color: row.get(3)?,
        char_limit: row.get(4)?,
        builtin: row.get(5)?,
    })
}

/// A new workspace gets the usual networks; an existing one is left alone.
pub(super) fn seed_builtin(tx: &Transaction) -> Result<()> {
    let count: i64 = tx.query_row("SELECT count(*) FROM network", [], |r| r.get(0))?;
    if count > 0 {
        return Ok(());
    }
    for (position, (name, kind, color, limit)) in BUILTIN_NETWORKS.iter().enumerate() {
        tx.execute(
            "INSERT INTO network (id, name, kind, color, char_limit, builtin, position)
             VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)",
            params![new_id(), name, kind, color, limit, position as i64],
        )?;
    }
    Ok(())
}

pub(super) fn get(conn: &Connection, id: &str) -> Result<Option<Network>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM network WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Refuses `id` on the field `network` when the workspace has no such
/// network: what every write naming a network checks first.
pub(super) fn require(conn: &Connection, id: &str) -> Result<()> {
    match get(conn, id)? {
        Some(_) => Ok(()),
        None => Err(Error::validation(
            "network",
            Reason::UnknownNetwork,
            format!("no network with id \"{id}\""),
        )),
    }
}

impl Store {
    pub fn networks(&self) -> Result<Vec<Network>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM network ORDER BY position, name"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn network(&self, id: &str) -> Result<Network> {
        get(&self.conn, id)?.ok_or(Error::NotFound { what: "network" })
    }

    /// Adds a user-defined network after the others.
    pub fn create_network(&mut self, input: &NetworkInput) -> Result<Network> {
        let input = input.validated()?;
        self.act(|tx| {
            let taken: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM network WHERE lower(name) = lower(?1))",
                [&input.name],
                |r| r.get(0),
            )?;
            if taken {
                return Err(Error::validation("name", Reason::Duplicate, format!("a network named \"{}\" exists", input.name)));
            }
            let id = new_id();
            tx.execute(
                "INSERT INTO network (id, name, kind, color, char_limit, builtin, position)
                 VALUES (?1, ?2, 'custom', ?3, ?4, 0, (SELECT coalesce(max(position), 0) + 1 FROM network))",
                params![id, input.name, input.color, input.char_limit],
            )?;
            let network = get(tx, &id)?.ok_or(Error::NotFound { what: "network" })?;
            let label = ActionLabel::new(ActionKind::NetworkCreate, &network.name);
            Ok((network, label))
        })
    }

    /// Renames, recolours or changes the limit of any network.
    pub fn update_network(&mut self, id: &str, input: &NetworkInput) -> Result<Network> {
        let input = input.validated()?;
        self.act(|tx| {
            let changed = tx.execute(
                "UPDATE network SET name = ?2, color = ?3, char_limit = ?4 WHERE id = ?1",
                params![id, input.name, input.color, input.char_limit],
            )?;
            if changed == 0 {
                return Err(Error::NotFound { what: "network" });
            }
            let network = get(tx, id)?.ok_or(Error::NotFound { what: "network" })?;
            let label = ActionLabel::new(ActionKind::NetworkEdit, &network.name);
            Ok((network, label))
        })
    }

    /// Removes a network nothing uses: no post, KPI or measured value, and
    /// no guideline or moderation charter of the charter (which would be
    /// left naming nothing).
    pub fn delete_network(&mut self, id: &str) -> Result<()> {
        self.act(|tx| {
            let network = get(tx, id)?.ok_or(Error::NotFound { what: "network" })?;
            let used: i64 = tx.query_row(
                "SELECT count(*) FROM post WHERE network_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if used > 0 {
                return Err(Error::conflict(
                    Reason::NetworkInUse,
                    format!("{used} posts use this network"),
                ));
            }
            // Its KPIs and measured figures would be lost with it.
            let (kpis, observations): (i64, i64) = tx.query_row(
                "SELECT (SELECT count(*) FROM kpi WHERE network_id = ?1),
                        (SELECT count(*) FROM observation WHERE network_id = ?1)",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if kpis > 0 {
                return Err(Error::conflict(
                    Reason::NetworkInUse,
                    format!("{kpis} KPIs measure this network"),
                ));
            }
            if observations > 0 {
                return Err(Error::conflict(
                    Reason::NetworkInUse,
                    format!("{observations} measured values belong to this network"),
                ));
            }
            let charter = super::charter::load(tx)?;
            let sections: Vec<&str> = charter
                .named_networks()
                .into_iter()
                .filter(|(_, named)| *named == id)
                .map(|(section, _)| section)
                .collect();
            if !sections.is_empty() {
                return Err(Error::conflict(
                    Reason::NetworkInCharter,
                    format!("the charter's {} name this network", sections.join(" and ")),
                ));
            }
            tx.execute("DELETE FROM network WHERE id = ?1", [id])?;
            Ok((
                (),
                ActionLabel::new(ActionKind::NetworkDelete, &network.name),
            ))
        })
    }
}
