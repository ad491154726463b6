//! Observations: the values measured per day and network, typed by hand or
//! imported from a network's CSV export.

use std::collections::HashSet;

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, Row, Transaction};

use super::{at_item, get_by_id};
use crate::error::Result;
use crate::kpi::csv_import::{preview_csv, CsvMapping, CsvPreview, ImportReport};
use crate::kpi::model::{Observation, ObservationFilter, ObservationInput};
use crate::store::journal::{ActionKind, ActionLabel};
use crate::store::{networks, new_id, now_millis, Store};
use crate::time::format_millis;

const OBSERVATION_COLUMNS: &str = "id, day, network_id, metric, value, source, created_at";

fn read_observation(row: &Row) -> rusqlite::Result<Observation> {
    Ok(Observation {
        id: row.get(0)?,
        day: row.get(1)?,
        network_id: row.get(2)?,
        metric: row.get(3)?,
        value: row.get(4)?,
        source: row.get(5)?,
        created_at: format_millis(row.get(6)?),
    })
}

fn get_observation(conn: &Connection, id: &str) -> Result<Observation> {
    get_by_id(
        conn,
        "observation",
        OBSERVATION_COLUMNS,
        id,
        "observation",
        read_observation,
    )
}

/// Validates every input before anything is written.
fn validated_observations(inputs: &[ObservationInput]) -> Result<Vec<ObservationInput>> {
    inputs
        .iter()
        .enumerate()
        .map(|(i, o)| o.validated().map_err(|e| at_item(i, e)))
        .collect()
}

/// Writes checked observations; an existing value for the same metric,
/// network and day is replaced. Returns their ids and how many replaced one.
fn write_observations(
    tx: &Transaction,
    observations: &[ObservationInput],
) -> Result<(Vec<String>, u32)> {
    let mut known = HashSet::new();
    for (i, o) in observations.iter().enumerate() {
        if known.insert(o.network_id.as_str()) {
            networks::require(tx, &o.network_id).map_err(|e| at_item(i, e))?;
        }
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO observation (id, day, network_id, metric, value, source, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (metric, network_id, day) DO UPDATE
            SET value = excluded.value, source = excluded.source, created_at = excluded.created_at
         RETURNING id",
    )?;
    let now = now_millis();
    let mut ids = Vec::with_capacity(observations.len());
    let mut replaced = 0;
    for o in observations {
        let id = new_id();
        let stored: String = stmt.query_row(
            params![id, o.day, o.network_id, o.metric, o.value, o.source, now],
            |r| r.get(0),
        )?;
        if stored != id {
            replaced += 1;
        }
        ids.push(stored);
    }
    Ok((ids, replaced))
}

impl Store {
    /// Records one value; one already stored for the same metric, network
    /// and day is replaced.
    pub fn add_observation(&mut self, input: &ObservationInput) -> Result<Observation> {
        let input = input.validated()?;
        self.act(|tx| {
            let (ids, _) = write_observations(tx, std::slice::from_ref(&input))?;
            let id = ids.first().ok_or(crate::error::Error::NotFound {
                what: "observation",
            })?;
            let label = ActionLabel::new(ActionKind::ObservationAdd, input.metric.as_str())
                .detail(&input.day);
            Ok((get_observation(tx, id)?, label))
        })
    }

    /// Records many values in one transaction: all of them, or none when one
    /// breaks a rule (its position is in the message).
    pub fn add_observations(&mut self, inputs: &[ObservationInput]) -> Result<Vec<Observation>> {
        let inputs = validated_observations(inputs)?;
        self.act(|tx| {
            let (ids, _) = write_observations(tx, &inputs)?;
            let label = ActionLabel::new(ActionKind::ObservationsAdd, "").count(ids.len());
            let written = ids
                .iter()
                .map(|id| get_observation(tx, id))
                .collect::<Result<_>>()?;
            Ok((written, label))
        })
    }

    /// Writes the observations of a CSV import the user confirmed (the
    /// preview's valid lines), in one transaction: all or nothing, and one
    /// step to undo.
    pub fn import_observations(&mut self, inputs: &[ObservationInput]) -> Result<ImportReport> {
        let inputs = validated_observations(inputs)?;
        self.act(|tx| {
            let (ids, replaced) = write_observations(tx, &inputs)?;
            let label = ActionLabel::new(ActionKind::ObservationsImport, "").count(ids.len());
            let report = ImportReport {
                written: ids.len() as u32,
                replaced,
            };
            Ok((report, label))
        })
    }

    /// Reads a CSV export against this workspace's networks; writes nothing.
    pub fn preview_csv(&self, text: &str, mapping: &CsvMapping) -> Result<CsvPreview> {
        Ok(preview_csv(text, mapping, &self.networks()?))
    }

    pub fn delete_observation(&mut self, id: &str) -> Result<()> {
        self.act(|tx| {
            let observation = get_observation(tx, id)?;
            tx.execute("DELETE FROM observation WHERE id = ?1", [id])?;
            let label =
                ActionLabel::new(ActionKind::ObservationDelete, observation.metric.as_str())
                    .detail(&observation.day);
            Ok(((), label))
        })
    }

    /// Observations matching `filter`, by day, then metric and network.
    pub fn observations(&self, filter: &ObservationFilter) -> Result<Vec<Observation>> {
        let (start, end) = filter.bounds()?;
        let mut sql = format!("SELECT {OBSERVATION_COLUMNS} FROM observation WHERE 1 = 1");
        let mut args = Vec::new();
        let mut condition = |clause: &str, value: String| {
            sql.push_str(clause);
            args.push(Value::Text(value));
        };
        if let Some(metric) = filter.metric {
            condition(" AND metric = ?", metric.as_str().into());
        }
        if let Some(network) = filter.network_id.as_deref().filter(|n| !n.is_empty()) {
            condition(" AND network_id = ?", network.into());
        }
        if let Some(start) = start {
            condition(" AND day >= ?", start);
        }
        if let Some(end) = end {
            condition(" AND day <= ?", end);
        }
        sql.push_str(" ORDER BY day, metric, network_id");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_map(params_from_iter(args), read_observation)?
            .collect::<rusqlite::Result<_>>()?)
    }
}
