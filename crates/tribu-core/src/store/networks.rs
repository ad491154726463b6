use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::{new_id, Store};
use crate::error::{Error, Result};
use crate::model::network::BUILTIN_NETWORKS;
use crate::model::{Network, NetworkInput, NetworkKind};

const COLUMNS: &str = "id, name, kind, color, char_limit, builtin";

fn from_row(row: &Row) -> rusqlite::Result<(Network, String)> {
    Ok((
        Network {
            id: row.get(0)?,
            name: row.get(1)?,
            kind: NetworkKind::Custom,
            color: row.get(3)?,
            char_limit: row.get(4)?,
            builtin: row.get(5)?,
        },
        row.get(2)?,
    ))
}

fn finish((mut network, kind): (Network, String)) -> Result<Network> {
    network.kind = NetworkKind::parse(&kind)
        .map_err(|_| Error::Storage(format!("unknown network kind {kind}")))?;
    Ok(network)
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
            params![new_id(), name, kind.as_str(), color, limit, position as i64],
        )?;
    }
    Ok(())
}

pub(super) fn get(tx: &rusqlite::Connection, id: &str) -> Result<Option<Network>> {
    tx.query_row(
        &format!("SELECT {COLUMNS} FROM network WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .map(finish)
    .transpose()
}

impl Store {
    pub fn networks(&self) -> Result<Vec<Network>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM network ORDER BY position, name"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        rows.map(|r| finish(r?)).collect()
    }

    pub fn network(&self, id: &str) -> Result<Network> {
        get(&self.conn, id)?.ok_or(Error::NotFound { what: "network" })
    }

    /// Adds a user-defined network after the others.
    pub fn create_network(&mut self, input: &NetworkInput) -> Result<Network> {
        let input = input.validated()?;
        self.write(|tx| {
            let taken: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM network WHERE lower(name) = lower(?1))",
                [&input.name],
                |r| r.get(0),
            )?;
            if taken {
                return Err(Error::validation("name", "duplicate", format!("a network named \"{}\" exists", input.name)));
            }
            let id = new_id();
            tx.execute(
                "INSERT INTO network (id, name, kind, color, char_limit, builtin, position)
                 VALUES (?1, ?2, 'custom', ?3, ?4, 0, (SELECT coalesce(max(position), 0) + 1 FROM network))",
                params![id, input.name, input.color, input.char_limit],
            )?;
            get(tx, &id)?.ok_or(Error::NotFound { what: "network" })
        })
    }

    /// Renames, recolours or changes the limit of any network.
    pub fn update_network(&mut self, id: &str, input: &NetworkInput) -> Result<Network> {
        let input = input.validated()?;
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE network SET name = ?2, color = ?3, char_limit = ?4 WHERE id = ?1",
                params![id, input.name, input.color, input.char_limit],
            )?;
            if changed == 0 {
                return Err(Error::NotFound { what: "network" });
            }
            get(tx, id)?.ok_or(Error::NotFound { what: "network" })
        })
    }

    /// Removes a network no post uses.
    pub fn delete_network(&mut self, id: &str) -> Result<()> {
        self.write(|tx| {
            let used: i64 = tx.query_row(
                "SELECT count(*) FROM post WHERE network_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if used > 0 {
                return Err(Error::Conflict(format!("{used} posts use this network")));
            }
            // Its KPIs and measured figures would be lost with it.
            let (kpis, observations): (i64, i64) = tx.query_row(
                "SELECT (SELECT count(*) FROM kpi WHERE network_id = ?1),
                        (SELECT count(*) FROM observation WHERE network_id = ?1)",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if kpis > 0 {
                return Err(Error::Conflict(format!("{kpis} KPIs measure this network")));
            }
            if observations > 0 {
                return Err(Error::Conflict(format!(
                    "{observations} measured values belong to this network"
                )));
            }
            if tx.execute("DELETE FROM network WHERE id = ?1", [id])? == 0 {
                return Err(Error::NotFound { what: "network" });
            }
            Ok(())
        })
    }
}
