//! Storage side of the posting rhythm: the per-network targets and the
//! longest silence allowed, and the posts a report counts.

use chrono::{Days, NaiveDate, NaiveTime};
use rusqlite::params;

use super::journal::{ActionKind, ActionLabel};
use super::{networks, posts::read_summary, recurrence::load_exceptions, Store};
use crate::charter::Frequency;
use crate::error::{Error, Reason, Result};
use crate::schedule::recurrence::{occurrences, parse_rule, Series};
use crate::schedule::rhythm::{rhythm, week_start, RhythmReport, RhythmTarget, TargetSource};
use crate::time::{parse_date, parse_instant, parse_zone};

const MAX_GAP_KEY: &str = "max_gap_days";
/// A week without a post on a network is where irregular posting starts.
pub const DEFAULT_MAX_GAP_DAYS: u32 = 7;
const MAX_MAX_GAP_DAYS: u32 = 365;
/// A report covers at most this many days (a year and a bit, for the
/// yearly view with its edge weeks).
const MAX_REPORT_DAYS: i64 = 400;

fn target_key(network_id: &str) -> String {
    format!("rhythm_target:{network_id}")
}

fn check_target(frequency: Frequency) -> Result<Frequency> {
    if !(1..=1_000).contains(&frequency.count) {
        return Err(Error::validation(
            "frequency",
            Reason::OutOfRange,
            "a target counts from 1 to 1,000 posts",
        ));
    }
    Ok(frequency)
}

impl Store {
    /// Days in a row without a post on a network before the rhythm report
    /// calls it a gap (7 unless set).
    pub fn max_gap_days(&self) -> Result<u32> {
        Ok(self
            .setting(MAX_GAP_KEY)?
            .and_then(|v| v.parse().ok())
            .filter(|d| (1..=MAX_MAX_GAP_DAYS).contains(d))
            .unwrap_or(DEFAULT_MAX_GAP_DAYS))
    }

    pub fn set_max_gap_days(&mut self, days: u32) -> Result<()> {
        if !(1..=MAX_MAX_GAP_DAYS).contains(&days) {
            return Err(Error::validation(
                "maxGapDays",
                Reason::OutOfRange,
                format!("a gap lasts from 1 to {MAX_MAX_GAP_DAYS} days"),
            ));
        }
        let label = ActionLabel::new(ActionKind::RhythmGap, "").count(days as usize);
        self.put_setting_as(MAX_GAP_KEY, &days.to_string(), label)
    }

    /// The target set in the workspace for `network_id` (the charter's
    /// guideline, when it has a frequency, wins: see [`Store::rhythm_targets`]).
    pub fn rhythm_target(&self, network_id: &str) -> Result<Option<Frequency>> {
        match self.setting(&target_key(network_id))? {
            None => Ok(None),
            Some(json) => serde_json::from_str(&json).map(Some).map_err(|e| {
                Error::corrupt(
                    format_args!("network {network_id}"),
                    format_args!("rhythm target ({e})"),
                )
            }),
        }
    }

    /// Sets (or, with `None`, removes) the workspace target of a network.
    pub fn set_rhythm_target(&mut self, network_id: &str, target: Option<Frequency>) -> Result<()> {
        let target = target.map(check_target).transpose()?;
        let json = target
            .map(|t| serde_json::to_string(&t))
            .transpose()
            .map_err(|e| Error::Storage(e.to_string()))?;
        self.act(|tx| {
            let network = networks::get(tx, network_id)?.ok_or_else(|| {
                Error::validation("network", Reason::UnknownNetwork, "no such network")
            })?;
            match json {
                Some(json) => tx.execute(
                    "INSERT INTO setting (key, value) VALUES (?1, ?2)
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    params![target_key(network_id), json],
                )?,
                None => tx.execute(
                    "DELETE FROM setting WHERE key = ?1",
                    [target_key(network_id)],
                )?,
            };
            Ok(((), ActionLabel::new(ActionKind::RhythmTarget, network.name)))
        })
    }

    /// The target of every network that has one: its charter guideline's
    /// frequency, else the workspace setting; in the networks' order.
    pub fn rhythm_targets(&self) -> Result<Vec<RhythmTarget>> {
        let charter = self.charter()?;
        let mut out = Vec::new();
        for network in self.networks()? {
            let from_charter = charter
                .guidelines
                .iter()
                .find(|g| g.network_id == network.id)
                .and_then(|g| g.frequency);
            let target = match from_charter {
                Some(f) => Some((f, TargetSource::Charter)),
                None => self
                    .rhythm_target(&network.id)?
                    .map(|f| (f, TargetSource::Setting)),
            };
            if let Some((frequency, source)) = target {
                out.push(RhythmTarget {
                    network_id: network.id,
                    frequency,
                    source,
                });
            }
        }
        Ok(out)
    }

    /// The rhythm report from `start` to `end` (local dates, both included;
    /// whole weeks at both ends are counted). Each post counts on its local
    /// date in its own zone; recurring posts count each occurrence.
    pub fn rhythm_report(&self, start: NaiveDate, end: NaiveDate) -> Result<RhythmReport> {
        if end < start || (end - start).num_days() > MAX_REPORT_DAYS {
            return Err(Error::validation(
                "end",
                Reason::InvalidRange,
                format!("a rhythm report covers 1 to {MAX_REPORT_DAYS} days"),
            ));
        }
        let first = week_start(start);
        let last = week_start(end)
            .checked_add_days(Days::new(6))
            .unwrap_or(end);
        // Local dates in any zone lie within 14 hours of UTC's.
        let margin = chrono::Duration::hours(14);
        let from = first.and_time(NaiveTime::MIN).and_utc() - margin;
        let until = last
            .checked_add_days(Days::new(1))
            .unwrap_or(last)
            .and_time(NaiveTime::MIN)
            .and_utc()
            + margin;
        let networks: Vec<String> = self.networks()?.into_iter().map(|n| n.id).collect();
        let mut posts: Vec<(String, NaiveDate)> = Vec::new();
        // Two queries, each down its own index: the one-off posts of the
        // window, and the recurring posts that start before its end.
        for sql in [
            "AND rrule IS NULL AND planned_at >= ?1",
            "AND rrule IS NOT NULL",
        ] {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT {}, rrule FROM post WHERE planned_at < ?2 AND status <> 'cancelled' {sql}",
                super::posts::SUMMARY_COLUMNS
            ))?;
            let mut rows = stmt.query(params![from.timestamp(), until.timestamp()])?;
            while let Some(row) = rows.next()? {
                let summary = read_summary(row)?;
                let rule: Option<String> = row.get(8)?;
                let Some(rule) = rule else {
                    if let Some(date) = summary.local_date.as_deref() {
                        posts.push((summary.network_id.clone(), parse_date(date)?));
                    }
                    continue;
                };
                let (Some(at), Some(zone)) = (&summary.planned_at, &summary.zone) else {
                    continue;
                };
                let corrupt =
                    |what: &str| Error::corrupt(format_args!("post {}", summary.id), what);
                let rule = parse_rule(&rule).map_err(|_| corrupt("recurrence rule"))?;
                let exceptions = load_exceptions(&self.conn, &summary.id)?;
                let series = Series {
                    post_id: &summary.id,
                    start: parse_instant("plannedAt", at)?,
                    zone: parse_zone(zone).map_err(|_| corrupt("zone"))?,
                    rule: &rule,
                    exceptions: &exceptions,
                };
                for occurrence in occurrences(&series, from, until)? {
                    posts.push((
                        summary.network_id.clone(),
                        parse_date(&occurrence.local_date)?,
                    ));
                }
            }
        }
        posts.retain(|(_, d)| *d >= first && *d <= last);
        let targets = self.rhythm_targets()?;
        Ok(rhythm(
            &networks,
            &targets,
            &posts,
            start,
            end,
            self.max_gap_days()?,
        ))
    }
}
