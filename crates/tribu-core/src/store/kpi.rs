//! Objectives, KPIs, observations and post results, and the loading of the
//! KPI panel's data.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Days, NaiveDate, Timelike};
use chrono_tz::Tz;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, Transaction};

use super::{networks, new_id, now_millis, Store};
use crate::error::{Error, Result};
use crate::kpi::csv_import::{preview_csv, CsvMapping, CsvPreview, ImportReport};
use crate::kpi::dashboard::{
    build_dashboard, earliest_day, shows_kpi, Dashboard, DashboardData, DashboardQuery,
    KpiWithObjective, ObservationSet, DEFAULT_MIN_REACH, DEFAULT_MIN_SAMPLE,
};
use crate::kpi::metric::{Direction, Metric};
use crate::kpi::model::{
    Kpi, KpiInput, KpiObjective, KpiObjectiveInput, ObjectiveKind, Observation, ObservationFilter,
    ObservationInput, ObservationSource, PostCounts, PostResult, PostResultInput,
};
use crate::kpi::results::PublishedPost;
use crate::model::PostFormat;
use crate::time::{format_millis, parse_zone};

const OBJECTIVE_COLUMNS: &str = "id, kind, title, notes, position, created_at";
const KPI_COLUMNS: &str = "id, objective_id, name, metric, network_id, target, baseline, \
                           start_date, deadline, direction, position";
const OBSERVATION_COLUMNS: &str = "id, day, network_id, metric, value, source, created_at";
const RESULT_COLUMNS: &str = "reach, impressions, reactions, comments, shares, saves, clicks";

fn corrupt(what: &str, id: &str) -> Error {
    Error::Storage(format!("{what} {id}: unreadable row"))
}

fn read_objective(row: &Row) -> Result<KpiObjective> {
    let id: String = row.get(0)?;
    let kind: String = row.get(1)?;
    Ok(KpiObjective {
        kind: ObjectiveKind::parse(&kind).map_err(|_| corrupt("objective", &id))?,
        title: row.get(2)?,
        notes: row.get(3)?,
        position: row.get(4)?,
        created_at: format_millis(row.get(5)?),
        kpis: Vec::new(),
        id,
    })
}

fn read_kpi(row: &Row) -> Result<Kpi> {
    let id: String = row.get(0)?;
    let metric: String = row.get(3)?;
    let direction: String = row.get(9)?;
    Ok(Kpi {
        metric: Metric::parse(&metric).map_err(|_| corrupt("kpi", &id))?,
        direction: Direction::parse(&direction).map_err(|_| corrupt("kpi", &id))?,
        objective_id: row.get(1)?,
        name: row.get(2)?,
        network_id: row.get(4)?,
        target: row.get(5)?,
        baseline: row.get(6)?,
        start_date: row.get(7)?,
        deadline: row.get(8)?,
        position: row.get(10)?,
        id,
    })
}

fn read_observation(row: &Row) -> Result<Observation> {
    let id: String = row.get(0)?;
    let metric: String = row.get(3)?;
    let source: String = row.get(5)?;
    Ok(Observation {
        metric: Metric::parse(&metric).map_err(|_| corrupt("observation", &id))?,
        source: ObservationSource::parse(&source).map_err(|_| corrupt("observation", &id))?,
        day: row.get(1)?,
        network_id: row.get(2)?,
        value: row.get(4)?,
        created_at: format_millis(row.get(6)?),
        id,
    })
}

/// The counts of `RESULT_COLUMNS`, read from column `first` on.
fn read_counts(row: &Row, first: usize) -> rusqlite::Result<PostCounts> {
    Ok(PostCounts {
        reach: row.get(first)?,
        impressions: row.get(first + 1)?,
        reactions: row.get(first + 2)?,
        comments: row.get(first + 3)?,
        shares: row.get(first + 4)?,
        saves: row.get(first + 5)?,
        clicks: row.get(first + 6)?,
    })
}

fn get_objective(conn: &Connection, id: &str) -> Result<KpiObjective> {
    let mut objective = conn
        .prepare_cached(&format!(
            "SELECT {OBJECTIVE_COLUMNS} FROM objective WHERE id = ?1"
        ))?
        .query_and_then([id], read_objective)?
        .next()
        .ok_or(Error::NotFound { what: "objective" })??;
    objective.kpis = conn
        .prepare_cached(&format!(
            "SELECT {KPI_COLUMNS} FROM kpi WHERE objective_id = ?1 ORDER BY position, name"
        ))?
        .query_and_then([id], read_kpi)?
        .collect::<Result<_>>()?;
    Ok(objective)
}

fn get_kpi(conn: &Connection, id: &str) -> Result<Kpi> {
    conn.prepare_cached(&format!("SELECT {KPI_COLUMNS} FROM kpi WHERE id = ?1"))?
        .query_and_then([id], read_kpi)?
        .next()
        .ok_or(Error::NotFound { what: "KPI" })?
}

fn check_network(conn: &Connection, id: &str) -> Result<()> {
    match networks::get(conn, id)? {
        Some(_) => Ok(()),
        None => Err(Error::validation(
            "network",
            "unknown_network",
            format!("no network with id \"{id}\""),
        )),
    }
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
            "unknown_objective",
            format!("no objective with id \"{id}\""),
        ))
    }
}

/// Prefixes a validation message with the position of the item at fault in
/// a list (1-based), as the charter's lists do.
fn at_item(i: usize, e: Error) -> Error {
    match e {
        Error::Validation {
            field,
            reason,
            message,
        } => Error::Validation {
            field,
            reason,
            message: format!("item {}: {message}", i + 1),
        },
        other => other,
    }
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
            check_network(tx, &o.network_id).map_err(|e| at_item(i, e))?;
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
            params![
                id,
                o.day,
                o.network_id,
                o.metric.as_str(),
                o.value,
                o.source.as_str(),
                now
            ],
            |r| r.get(0),
        )?;
        if stored != id {
            replaced += 1;
        }
        ids.push(stored);
    }
    Ok((ids, replaced))
}

fn get_observation(conn: &Connection, id: &str) -> Result<Observation> {
    conn.prepare_cached(&format!(
        "SELECT {OBSERVATION_COLUMNS} FROM observation WHERE id = ?1"
    ))?
    .query_and_then([id], read_observation)?
    .next()
    .ok_or(Error::NotFound {
        what: "observation",
    })?
}

fn get_result(conn: &Connection, post_id: &str) -> Result<Option<PostResult>> {
    let row = conn
        .prepare_cached(&format!(
            "SELECT {RESULT_COLUMNS}, updated_at FROM post_result WHERE post_id = ?1"
        ))?
        .query_row([post_id], |r| Ok((read_counts(r, 0)?, r.get::<_, i64>(7)?)))
        .optional()?;
    Ok(
        row.map(|(counts, updated)| {
            counts.into_result(post_id.to_string(), format_millis(updated))
        }),
    )
}

/// Writes (or replaces) the result of an existing post.
fn put_result(tx: &Transaction, post_id: &str, counts: &PostCounts, now: i64) -> Result<()> {
    let exists: bool = tx
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM post WHERE id = ?1)")?
        .query_row([post_id], |r| r.get(0))?;
    if !exists {
        return Err(Error::NotFound { what: "post" });
    }
    tx.prepare_cached(&format!(
        "INSERT INTO post_result (post_id, {RESULT_COLUMNS}, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (post_id) DO UPDATE SET reach = excluded.reach,
            impressions = excluded.impressions, reactions = excluded.reactions,
            comments = excluded.comments, shares = excluded.shares,
            saves = excluded.saves, clicks = excluded.clicks,
            updated_at = excluded.updated_at"
    ))?
    .execute(params![
        post_id,
        counts.reach,
        counts.impressions,
        counts.reactions,
        counts.comments,
        counts.shares,
        counts.saves,
        counts.clicks,
        now
    ])?;
    Ok(())
}

/// `YYYY-MM-DD` as stored, read without chrono's format parser: the panel
/// reads tens of thousands of days.
fn stored_day(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |s: &[u8]| {
        s.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(&b[..4])? as i32, num(&b[5..7])?, num(&b[8..])?)
}

/// The published posts whose local date lies in `[from, to]`, with their
/// results. The instant range is widened by a day each side (no zone is
/// more than 14 hours from UTC) and the local date checked exactly.
fn load_published(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<PublishedPost>> {
    let bound = |d: Option<NaiveDate>| {
        d.and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc().timestamp())
    };
    let low = bound(from.checked_sub_days(Days::new(1))).unwrap_or(i64::MIN);
    let high = bound(to.checked_add_days(Days::new(2))).unwrap_or(i64::MAX);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.title, p.network_id, p.format, p.theme, p.planned_at, p.zone,
                r.post_id IS NOT NULL, {}
         FROM post p LEFT JOIN post_result r ON r.post_id = p.id
         WHERE p.status = 'published' AND p.planned_at IS NOT NULL
           AND p.planned_at >= ?1 AND p.planned_at < ?2",
        RESULT_COLUMNS
            .split(", ")
            .map(|c| format!("r.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    let mut rows = stmt.query(params![low, high])?;
    let mut zones: HashMap<String, Tz> = HashMap::new();
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let planned: i64 = row.get(5)?;
        let zone_ref = row.get_ref(6)?.as_str().map_err(rusqlite::Error::from)?;
        let tz = match zones.get(zone_ref) {
            Some(tz) => *tz,
            None => {
                let tz = parse_zone(zone_ref).map_err(|_| corrupt("post zone", zone_ref))?;
                zones.insert(zone_ref.to_string(), tz);
                tz
            }
        };
        let local = DateTime::from_timestamp(planned, 0)
            .ok_or_else(|| Error::Storage(format!("timestamp {planned} out of range")))?
            .with_timezone(&tz);
        let date = local.date_naive();
        if date < from || date > to {
            continue;
        }
        let id: String = row.get(0)?;
        let format = row.get_ref(3)?.as_str().map_err(rusqlite::Error::from)?;
        let has_result: bool = row.get(7)?;
        out.push(PublishedPost {
            format: PostFormat::parse(format).map_err(|_| corrupt("post", &id))?,
            title: row.get(1)?,
            network_id: row.get(2)?,
            theme: row.get(4)?,
            date,
            weekday: local.weekday().num_days_from_monday() as u8,
            hour: local.hour() as u8,
            counts: if has_result {
                Some(read_counts(row, 8)?)
            } else {
                None
            },
            id,
        });
    }
    Ok(out)
}

/// The observations of `metrics` up to `to`: from `from` on, except for
/// stock metrics, whose last level before `from` still counts.
fn load_observations(
    conn: &Connection,
    metrics: &[Metric],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ObservationSet> {
    let mut set = ObservationSet::default();
    if metrics.is_empty() {
        return Ok(set);
    }
    let marks = vec!["?"; metrics.len()].join(", ");
    let stocks: Vec<&str> = metrics
        .iter()
        .filter(|m| m.is_stock())
        .map(|m| m.as_str())
        .collect();
    let stock_marks = vec!["?"; stocks.len().max(1)].join(", ");
    let sql = format!(
        "SELECT metric, network_id, day, value FROM observation
         WHERE metric IN ({marks}) AND day <= ? AND (day >= ? OR metric IN ({stock_marks}))
         ORDER BY metric, network_id, day"
    );
    let mut args: Vec<Value> = metrics
        .iter()
        .map(|m| Value::Text(m.as_str().into()))
        .collect();
    args.push(Value::Text(crate::time::format_date(to)));
    args.push(Value::Text(crate::time::format_date(from)));
    if stocks.is_empty() {
        args.push(Value::Null);
    }
    args.extend(stocks.iter().map(|s| Value::Text(s.to_string())));
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(args))?;
    // Rows come in key order: a metric's rows are contiguous, and within
    // them a network's. Each is parsed and looked up once per run of rows,
    // compared as bytes in between.
    let mut network_index: HashMap<String, usize> = HashMap::new();
    let mut metric: Option<(Vec<u8>, Metric)> = None;
    let mut network: Option<(Vec<u8>, usize)> = None;
    let mut run: Vec<(NaiveDate, usize, f64)> = Vec::new();
    let text = |bytes: &[u8]| {
        std::str::from_utf8(bytes)
            .map(str::to_string)
            .map_err(|_| corrupt("observation", "(not UTF-8)"))
    };
    while let Some(row) = rows.next()? {
        let metric_bytes = row.get_ref(0)?.as_bytes().map_err(rusqlite::Error::from)?;
        if metric.as_ref().is_none_or(|(b, _)| b != metric_bytes) {
            if let Some((_, done)) = metric.take() {
                set.rows.insert(done, std::mem::take(&mut run));
            }
            let name = text(metric_bytes)?;
            let parsed = Metric::parse(&name).map_err(|_| corrupt("observation metric", &name))?;
            metric = Some((metric_bytes.to_vec(), parsed));
            network = None;
        }
        let network_bytes = row.get_ref(1)?.as_bytes().map_err(rusqlite::Error::from)?;
        let index = match &network {
            Some((b, i)) if b == network_bytes => *i,
            _ => {
                let id = text(network_bytes)?;
                let i = match network_index.get(&id) {
                    Some(i) => *i,
                    None => {
                        let i = set.networks.len();
                        set.networks.push(id.clone());
                        network_index.insert(id, i);
                        i
                    }
                };
                network = Some((network_bytes.to_vec(), i));
                i
            }
        };
        let day_bytes = row.get_ref(2)?.as_bytes().map_err(rusqlite::Error::from)?;
        let day = stored_day(day_bytes).ok_or_else(|| corrupt("observation", "day"))?;
        run.push((day, index, row.get(3)?));
    }
    if let Some((_, done)) = metric {
        set.rows.insert(done, run);
    }
    // One metric's networks, each in day order, merged into day order.
    for rows in set.rows.values_mut() {
        rows.sort_by_key(|r| r.0);
    }
    Ok(set)
}

impl Store {
    /// Every objective with its KPIs, in the user's order.
    pub fn kpi_objectives(&self) -> Result<Vec<KpiObjective>> {
        let mut objectives: Vec<KpiObjective> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {OBJECTIVE_COLUMNS} FROM objective ORDER BY position, created_at"
            ))?
            .query_and_then([], read_objective)?
            .collect::<Result<_>>()?;
        let kpis: Vec<Kpi> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {KPI_COLUMNS} FROM kpi ORDER BY position, name"
            ))?
            .query_and_then([], read_kpi)?
            .collect::<Result<_>>()?;
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
        self.write(|tx| {
            let id = new_id();
            tx.execute(
                "INSERT INTO objective (id, kind, title, notes, position, created_at)
                 VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position) + 1, 0) FROM objective), ?5)",
                params![id, input.kind.as_str(), input.title, input.notes, now_millis()],
            )?;
            get_objective(tx, &id)
        })
    }

    pub fn update_kpi_objective(
        &mut self,
        id: &str,
        input: &KpiObjectiveInput,
    ) -> Result<KpiObjective> {
        let input = input.validated()?;
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE objective SET kind = ?2, title = ?3, notes = ?4 WHERE id = ?1",
                params![id, input.kind.as_str(), input.title, input.notes],
            )?;
            if changed == 0 {
                return Err(Error::NotFound { what: "objective" });
            }
            get_objective(tx, id)
        })
    }

    /// Deletes an objective and its KPIs (their observations stay: they
    /// belong to the networks, not to the KPI).
    pub fn delete_kpi_objective(&mut self, id: &str) -> Result<()> {
        self.write(
            |tx| match tx.execute("DELETE FROM objective WHERE id = ?1", [id])? {
                0 => Err(Error::NotFound { what: "objective" }),
                _ => Ok(()),
            },
        )
    }

    pub fn kpi(&self, id: &str) -> Result<Kpi> {
        get_kpi(&self.conn, id)
    }

    /// Adds a KPI at the end of its objective.
    pub fn create_kpi(&mut self, input: &KpiInput) -> Result<Kpi> {
        let input = input.validated()?;
        self.write(|tx| {
            check_objective(tx, &input.objective_id)?;
            if let Some(network) = &input.network_id {
                check_network(tx, network)?;
            }
            let id = new_id();
            tx.execute(
                &format!(
                    "INSERT INTO kpi ({KPI_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                     (SELECT coalesce(max(position) + 1, 0) FROM kpi WHERE objective_id = ?2))"
                ),
                params![
                    id,
                    input.objective_id,
                    input.name,
                    input.metric.as_str(),
                    input.network_id,
                    input.target,
                    input.baseline,
                    input.start_date,
                    input.deadline,
                    input.direction.as_str(),
                ],
            )?;
            get_kpi(tx, &id)
        })
    }

    /// Changes a KPI; moved to another objective, it goes to its end.
    pub fn update_kpi(&mut self, id: &str, input: &KpiInput) -> Result<Kpi> {
        let input = input.validated()?;
        self.write(|tx| {
            let before = get_kpi(tx, id)?;
            check_objective(tx, &input.objective_id)?;
            if let Some(network) = &input.network_id {
                check_network(tx, network)?;
            }
            tx.execute(
                "UPDATE kpi SET objective_id = ?2, name = ?3, metric = ?4, network_id = ?5,
                        target = ?6, baseline = ?7, start_date = ?8, deadline = ?9, direction = ?10,
                        position = CASE WHEN ?2 = objective_id THEN position
                            ELSE (SELECT coalesce(max(position) + 1, 0) FROM kpi WHERE objective_id = ?2) END
                 WHERE id = ?1",
                params![
                    before.id,
                    input.objective_id,
                    input.name,
                    input.metric.as_str(),
                    input.network_id,
                    input.target,
                    input.baseline,
                    input.start_date,
                    input.deadline,
                    input.direction.as_str(),
                ],
            )?;
            get_kpi(tx, id)
        })
    }

    pub fn delete_kpi(&mut self, id: &str) -> Result<()> {
        self.write(
            |tx| match tx.execute("DELETE FROM kpi WHERE id = ?1", [id])? {
                0 => Err(Error::NotFound { what: "KPI" }),
                _ => Ok(()),
            },
        )
    }

    /// Records one value; one already stored for the same metric, network
    /// and day is replaced.
    pub fn add_observation(&mut self, input: &ObservationInput) -> Result<Observation> {
        let input = input.validated()?;
        self.write(|tx| {
            let (ids, _) = write_observations(tx, std::slice::from_ref(&input))?;
            get_observation(tx, &ids[0])
        })
    }

    /// Records many values in one transaction: all of them, or none when one
    /// breaks a rule (its position is in the message).
    pub fn add_observations(&mut self, inputs: &[ObservationInput]) -> Result<Vec<Observation>> {
        let inputs = validated_observations(inputs)?;
        self.write(|tx| {
            let (ids, _) = write_observations(tx, &inputs)?;
            ids.iter().map(|id| get_observation(tx, id)).collect()
        })
    }

    /// Writes the observations of a CSV import the user confirmed (the
    /// preview's valid lines), in one transaction: all or nothing.
    pub fn import_observations(&mut self, inputs: &[ObservationInput]) -> Result<ImportReport> {
        let inputs = validated_observations(inputs)?;
        self.write(|tx| {
            let (ids, replaced) = write_observations(tx, &inputs)?;
            Ok(ImportReport {
                written: ids.len() as u32,
                replaced,
            })
        })
    }

    /// Reads a CSV export against this workspace's networks; writes nothing.
    pub fn preview_csv(&self, text: &str, mapping: &CsvMapping) -> Result<CsvPreview> {
        Ok(preview_csv(text, mapping, &self.networks()?))
    }

    pub fn delete_observation(&mut self, id: &str) -> Result<()> {
        self.write(
            |tx| match tx.execute("DELETE FROM observation WHERE id = ?1", [id])? {
                0 => Err(Error::NotFound {
                    what: "observation",
                }),
                _ => Ok(()),
            },
        )
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
        self.conn
            .prepare_cached(&sql)?
            .query_and_then(params_from_iter(args), read_observation)?
            .collect()
    }

    /// Enters or replaces a post's figures. Any post can hold them; the
    /// panel counts those of published posts.
    pub fn set_post_result(
        &mut self,
        post_id: &str,
        input: &PostResultInput,
    ) -> Result<PostResult> {
        let counts = input.validated()?;
        self.write(|tx| {
            put_result(tx, post_id, &counts, now_millis())?;
            get_result(tx, post_id)?.ok_or(Error::NotFound {
                what: "post result",
            })
        })
    }

    /// Enters the figures of many posts in one transaction (an import of a
    /// network's per-post export): all of them, or none when one breaks a
    /// rule or names no post.
    pub fn set_post_results(&mut self, results: &[(String, PostResultInput)]) -> Result<usize> {
        let checked = results
            .iter()
            .enumerate()
            .map(|(i, (post, input))| {
                Ok((post.as_str(), input.validated().map_err(|e| at_item(i, e))?))
            })
            .collect::<Result<Vec<_>>>()?;
        self.write(|tx| {
            let now = now_millis();
            for (post_id, counts) in &checked {
                put_result(tx, post_id, counts, now)?;
            }
            Ok(checked.len())
        })
    }

    /// A post's figures; None when none were entered.
    pub fn post_result(&self, post_id: &str) -> Result<Option<PostResult>> {
        get_result(&self.conn, post_id)
    }

    pub fn clear_post_result(&mut self, post_id: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM post_result WHERE post_id = ?1", [post_id])?;
            Ok(())
        })
    }

    /// The whole KPI panel for `query`'s period, read in one snapshot with a
    /// few queries (the KPIs, the published posts with their results, the
    /// observations of the KPIs' metrics, the charter when the query gives
    /// no frequencies), then computed in memory.
    pub fn kpi_dashboard(&self, query: &DashboardQuery) -> Result<Dashboard> {
        let period = query.period()?;
        let network = query.network_id.as_deref().filter(|n| !n.trim().is_empty());
        let tx = self.conn.unchecked_transaction()?;
        if let Some(id) = network {
            check_network(&tx, id)?;
        }
        let kpis: Vec<KpiWithObjective> = tx
            .prepare_cached(
                "SELECT k.id, k.objective_id, k.name, k.metric, k.network_id, k.target, k.baseline,
                        k.start_date, k.deadline, k.direction, k.position, o.title
                 FROM kpi k JOIN objective o ON o.id = k.objective_id
                 ORDER BY o.position, o.created_at, k.position, k.name",
            )?
            .query_and_then([], |row| {
                Ok(KpiWithObjective {
                    kpi: read_kpi(row)?,
                    objective_title: row.get(11)?,
                })
            })?
            .filter(|k: &Result<KpiWithObjective>| {
                k.as_ref().map_or(true, |k| shows_kpi(&k.kpi, network))
            })
            .collect::<Result<_>>()?;
        let from = earliest_day(&period, &kpis);
        let posts = load_published(&tx, from, period.end)?;
        let mut metrics: Vec<Metric> = kpis.iter().map(|k| k.kpi.metric).collect();
        metrics.sort_by_key(|m| m.as_str());
        metrics.dedup();
        let observations = load_observations(&tx, &metrics, from, period.end)?;
        let frequencies = match &query.frequencies {
            Some(f) => f.clone(),
            None => self
                .charter()?
                .guidelines
                .into_iter()
                .filter_map(|g| Some((g.network_id, g.frequency?)))
                .collect(),
        };
        drop(tx);
        Ok(build_dashboard(&DashboardData {
            period,
            network_id: network,
            kpis: &kpis,
            posts: &posts,
            observations: &observations,
            frequencies: &frequencies,
            min_reach: query.min_reach.unwrap_or(DEFAULT_MIN_REACH),
            min_sample: query.min_sample.unwrap_or(DEFAULT_MIN_SAMPLE),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_days_read_by_hand_match_chrono() {
        assert_eq!(stored_day(b"2026-03-05"), "2026-03-05".parse().ok());
        assert_eq!(stored_day(b"2026-02-30"), None);
        assert_eq!(stored_day(b"2026-3-05"), None);
        assert_eq!(stored_day(b"2026-03-0x"), None);
    }
}
