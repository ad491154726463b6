//! Loading the KPI panel: the KPIs, the published posts of the period with
//! their results and the observations of the KPIs' metrics, read in one
//! snapshot and handed to `crate::kpi::dashboard` to compute.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, Timelike};
use chrono_tz::Tz;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, Row};

use super::aliased;
use super::objectives::{read_kpi, KPI_COLUMNS};
use super::results::{read_counts, RESULT_COLUMNS};
use crate::error::{Error, Result};
use crate::kpi::dashboard::{
    build_dashboard, earliest_day, shows_kpi, Dashboard, DashboardData, DashboardQuery,
    KpiWithObjective, ObservationSet, DEFAULT_MIN_REACH, DEFAULT_MIN_SAMPLE,
};
use crate::kpi::metric::Metric;
use crate::kpi::results::PublishedPost;
use crate::store::{networks, Store};
use crate::time::{format_date, from_unix, parse_zone};

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

/// A stored value of the post read by `row` (its id first) that does not
/// read back.
fn unreadable_post(row: &Row, what: &str) -> Error {
    let id: String = row.get(0).unwrap_or_default();
    Error::corrupt(format_args!("post {id}"), what)
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
        aliased(RESULT_COLUMNS, "r")
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
                let tz = parse_zone(zone_ref).map_err(|_| unreadable_post(row, "zone"))?;
                zones.insert(zone_ref.to_string(), tz);
                tz
            }
        };
        let local = from_unix(planned)?.with_timezone(&tz);
        let date = local.date_naive();
        if date < from || date > to {
            continue;
        }
        let has_result: bool = row.get(7)?;
        out.push(PublishedPost {
            id: row.get(0)?,
            format: row.get(3)?,
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
    args.push(Value::Text(format_date(to)));
    args.push(Value::Text(format_date(from)));
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
            .map_err(|_| Error::corrupt("observation", "network (not UTF-8)"))
    };
    while let Some(row) = rows.next()? {
        let metric_bytes = row.get_ref(0)?.as_bytes().map_err(rusqlite::Error::from)?;
        if metric.as_ref().is_none_or(|(b, _)| b != metric_bytes) {
            if let Some((_, done)) = metric.take() {
                set.rows.insert(done, std::mem::take(&mut run));
            }
            let parsed: Metric = row.get(0)?;
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
        let day = stored_day(day_bytes).ok_or_else(|| Error::corrupt("observation", "day"))?;
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
    /// The whole KPI panel for `query`'s period, read in one snapshot with a
    /// few queries (the KPIs, the published posts with their results, the
    /// observations of the KPIs' metrics, the charter when the query gives
    /// no frequencies), then computed in memory.
    pub fn kpi_dashboard(&self, query: &DashboardQuery) -> Result<Dashboard> {
        let period = query.period()?;
        let network = query.network_id.as_deref().filter(|n| !n.trim().is_empty());
        let tx = self.conn.unchecked_transaction()?;
        if let Some(id) = network {
            networks::require(&tx, id)?;
        }
        let kpis: Vec<KpiWithObjective> = tx
            .prepare_cached(&format!(
                "SELECT {}, o.title
                 FROM kpi k JOIN objective o ON o.id = k.objective_id
                 ORDER BY o.position, o.created_at, k.position, k.name",
                aliased(KPI_COLUMNS, "k")
            ))?
            .query_map([], |row| {
                Ok(KpiWithObjective {
                    kpi: read_kpi(row)?,
                    objective_title: row.get(11)?,
                })
            })?
            .filter(|k: &rusqlite::Result<KpiWithObjective>| {
                k.as_ref().map_or(true, |k| shows_kpi(&k.kpi, network))
            })
            .collect::<rusqlite::Result<_>>()?;
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
