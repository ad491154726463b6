//! Objectives and the KPIs that measure them.

use std::collections::HashMap;

use rusqlite::types::ToSql;
use rusqlite::{params, Connection, Row};

use super::{delete_by_id, get_by_id};
use crate::error::{Error, Reason, Result};
use crate::kpi::model::{Kpi, KpiInput, KpiObjective, KpiObjectiveInput};
use crate::store::journal::{ActionKind, ActionLabel};
use crate::store::{networks, new_id, now_millis, Store};
use crate::time::format_millis;

const OBJECTIVE_COLUMNS: &str = "id, kind, title, notes, position, created_at";
pub(super) const KPI_COLUMNS: &str = "id, objective_id, name, metric, network_id, target, \
                                      baseline, start_date, deadline, direction, position";

/// An objective from its `OBJECTIVE_COLUMNS`, without its KPIs.
fn read_objective(row: &Row) -> rusqlite::Result<KpiObjective> {
    Ok(KpiObjective {
        id: row.get(0)?,
        kind: row.get(1)?,
        title: row.get(2)?,
        notes: row.get(3)?,
        position: row.get(4)?,
        created_at: format_millis(row.get(5)?),
        kpis: Vec::new(),
    })
}

/// A KPI from its `KPI_COLUMNS`, the first columns of the row.
pub(super) fn read_kpi(row: &Row) -> rusqlite::Result<Kpi> {
    Ok(Kpi {
        id: row.get(0)?,
        objective_id: row.get(1)?,
        name: row.get(2)?,
        metric: row.get(3)?,
        network_id: row.get(4)?,
        target: row.get(5)?,
        baseline: row.get(6)?,
        start_date: row.get(7)?,
        deadline: row.get(8)?,
        direction: row.get(9)?,
        position: row.get(10)?,
    })
}

fn get_objective(conn: &Connection, id: &str) -> Result<KpiObjective> {
    let mut objective = get_by_id(
        conn,
        "objective",
        OBJECTIVE_COLUMNS,
        id,
        "objective",
        read_objective,
    )?;
    objective.kpis = conn
        .prepare_cached(&format!(
            "SELECT {KPI_COLUMNS} FROM kpi WHERE objective_id = ?1 ORDER BY position, name"
        ))?
        .query_map([id], read_kpi)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(objective)
}

fn get_kpi(conn: &Connection, id: &str) -> Result<Kpi> {
    get_by_id(conn, "kpi", KPI_COLUMNS, id, "KPI", read_kpi)
}

fn check_objective(conn: &Connection, id: &str) -> Result<()> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM objective WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(Error::validation(
            "objective",
            Reason::UnknownObjective,
            format!("no objective with id \"{id}\""),
        ))
    }
}

/// A KPI row's `?1` to `?10`: its id, then the input in `KPI_COLUMNS`
/// order, for the insert and the update alike.
fn kpi_values<'a>(id: &'a dyn ToSql, input: &'a KpiInput) -> [&'a dyn ToSql; 10] {
    [
        id,
        &input.objective_id,
        &input.name,
        &input.metric,
        &input.network_id,
        &input.target,
        &input.baseline,
        &input.start_date,
        &input.deadline,
        &input.direction,
    ]
}

/// What a KPI's objective and network must be before it is written.
fn check_kpi_refs(conn: &Connection, input: &KpiInput) -> Result<()> {
    check_objective(conn, &input.objective_id)?;
    if let Some(network) = &input.network_id {
        networks::require(conn, network)?;
    }
    Ok(())
}

impl Store {
    /// Every objective with its KPIs, in the user's order.
    pub fn kpi_objectives(&self) -> Result<Vec<KpiObjective>> {
        let mut objectives: Vec<KpiObjective> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {OBJECTIVE_COLUMNS} FROM objective ORDER BY position, created_at"
            ))?
            .query_map([], read_objective)?
            .collect::<rusqlite::Result<_>>()?;
        let kpis: Vec<Kpi> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {KPI_COLUMNS} FROM kpi ORDER BY position, name"
            ))?
            .query_map([], read_kpi)?
            .collect::<rusqlite::Result<_>>()?;
        let index: HashMap<String, usize> = objectives
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        for kpi in kpis {
            if let Some(&i) = index.get(&kpi.objective_id) {
                objectives[i].kpis.push(kpi);
            }
        }
        Ok(objectives)
    }

    pub fn kpi_objective(&self, id: &str) -> Result<KpiObjective> {
        get_objective(&self.conn, id)
    }

    /// Adds an objective after the others.
    pub fn create_kpi_objective(&mut self, input: &KpiObjectiveInput) -> Result<KpiObjective> {
        let input = input.validated()?;
        self.act(|tx| {
            let id = new_id();
            tx.execute(
                "INSERT INTO objective (id, kind, title, notes, position, created_at)
                 VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position) + 1, 0) FROM objective), ?5)",
                params![id, input.kind, input.title, input.notes, now_millis()],
            )?;
            let label = ActionLabel::new(ActionKind::ObjectiveCreate, &input.title);
            Ok((get_objective(tx, &id)?, label))
        })
    }

    pub fn update_kpi_objective(
        &mut self,
        id: &str,
        input: &KpiObjectiveInput,
    ) -> Result<KpiObjective> {
        let input = input.validated()?;
        self.act(|tx| {
            let changed = tx.execute(
                "UPDATE objective SET kind = ?2, title = ?3, notes = ?4 WHERE id = ?1",
                params![id, input.kind, input.title, input.notes],
            )?;
            if changed == 0 {
                return Err(Error::NotFound { what: "objective" });
            }
            let label = ActionLabel::new(ActionKind::ObjectiveEdit, &input.title);
            Ok((get_objective(tx, id)?, label))
        })
    }

    /// Deletes an objective and its KPIs (their observations stay: they
    /// belong to the networks, not to the KPI).
    pub fn delete_kpi_objective(&mut self, id: &str) -> Result<()> {
        let label = (ActionKind::ObjectiveDelete, "title");
        delete_by_id(self, "objective", id, "objective", label)
    }

    pub fn kpi(&self, id: &str) -> Result<Kpi> {
        get_kpi(&self.conn, id)
    }

    /// Adds a KPI at the end of its objective.
    pub fn create_kpi(&mut self, input: &KpiInput) -> Result<Kpi> {
        let input = input.validated()?;
        self.act(|tx| {
            check_kpi_refs(tx, &input)?;
            let id = new_id();
            tx.execute(
                &format!(
                    "INSERT INTO kpi ({KPI_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                     (SELECT coalesce(max(position) + 1, 0) FROM kpi WHERE objective_id = ?2))"
                ),
                kpi_values(&id, &input).as_slice(),
            )?;
            let label = ActionLabel::new(ActionKind::KpiCreate, &input.name);
            Ok((get_kpi(tx, &id)?, label))
        })
    }

    /// Changes a KPI; moved to another objective, it goes to its end.
    pub fn update_kpi(&mut self, id: &str, input: &KpiInput) -> Result<Kpi> {
        let input = input.validated()?;
        self.act(|tx| {
            let before = get_kpi(tx, id)?;
            check_kpi_refs(tx, &input)?;
            tx.execute(
                "UPDATE kpi SET objective_id = ?2, name = ?3, metric = ?4, network_id = ?5,
                        target = ?6, baseline = ?7, start_date = ?8, deadline = ?9, direction = ?10,
                        position = CASE WHEN ?2 = objective_id THEN position
                            ELSE (SELECT coalesce(max(position) + 1, 0) FROM kpi WHERE objective_id = ?2) END
                 WHERE id = ?1",
                kpi_values(&before.id, &input).as_slice(),
            )?;
            let label = ActionLabel::new(ActionKind::KpiEdit, &input.name);
            Ok((get_kpi(tx, id)?, label))
        })
    }

    pub fn delete_kpi(&mut self, id: &str) -> Result<()> {
        delete_by_id(self, "kpi", id, "KPI", (ActionKind::KpiDelete, "name"))
    }
}
