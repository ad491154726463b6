//! A first mapping of a file, guessed from its header, for the user to
//! correct before the preview.

use super::read::read_table;
use super::{CsvLayout, CsvMapping, DateOrder, MetricColumn};
use crate::error::{Error, Reason, Result};
use crate::kpi::metric::Metric;
use crate::text::label_key;

/// Header names of the date, network, metric and value columns, folded.
const DATE_NAMES: &[&str] = &["date", "jour", "day", "dates", "datum"];
const NETWORK_NAMES: &[&str] = &[
    "network",
    "reseau",
    "reseausocial",
    "reseaux",
    "plateforme",
    "platform",
    "channel",
    "canal",
];
const METRIC_NAMES: &[&str] = &[
    "metric",
    "metrique",
    "indicateur",
    "kpi",
    "mesure",
    "measure",
];
const VALUE_NAMES: &[&str] = &["value", "valeur", "nombre", "count", "montant"];

/// A mapping guessed from the header of `text` (the first non-empty line):
/// the date column (`date`, `jour`, `day`, or a header starting with
/// "date"), the network column if any (`network`, `réseau`, `plateforme`...),
/// then the long layout when there are metric and value columns
/// (`metric`/`indicateur`, `value`/`valeur`), else the wide layout with every
/// column named like a metric (`followers`, `abonnés`, `portée`...). Dates
/// are read day first. The UI shows it for the user to correct.
pub fn guess_mapping(text: &str) -> Result<CsvMapping> {
    let header: Vec<String> = read_table(text)
        .header
        .map(|r| r.fields.iter().map(String::from).collect())
        .unwrap_or_default();
    guess_header(&header)
}

/// The guess of [`guess_mapping`] from the header's cells.
pub(super) fn guess_header(header: &[String]) -> Result<CsvMapping> {
    let header: Vec<String> = header.iter().map(|f| label_key(f)).collect();
    let find = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.contains(&h.as_str()))
            .map(|i| i as u32)
    };
    let date_column = find(DATE_NAMES)
        .or_else(|| {
            header
                .iter()
                .position(|h| h.starts_with("date"))
                .map(|i| i as u32)
        })
        .ok_or_else(|| {
            Error::validation(
                "dateColumn",
                Reason::NoDateColumn,
                "no column is named like a date (date, jour, day)",
            )
        })?;
    let network_column = find(NETWORK_NAMES);
    let layout = match (find(METRIC_NAMES), find(VALUE_NAMES)) {
        (Some(metric_column), Some(value_column)) => CsvLayout::Long {
            metric_column,
            value_column,
        },
        _ => {
            let mut columns: Vec<MetricColumn> = Vec::new();
            for (i, h) in header.iter().enumerate() {
                let i = i as u32;
                if i == date_column || Some(i) == network_column {
                    continue;
                }
                if let Some(metric) = Metric::from_label(h) {
                    if !columns.iter().any(|c| c.metric == metric) {
                        columns.push(MetricColumn { column: i, metric });
                    }
                }
            }
            if columns.is_empty() {
                return Err(Error::validation(
                    "layout",
                    Reason::NoMetricColumn,
                    "no column is named like a metric (followers, abonnés, reach, portée...) \
                     nor a metric and a value column",
                ));
            }
            CsvLayout::Wide { columns }
        }
    };
    Ok(CsvMapping {
        date_column,
        network_column,
        network_id: None,
        layout,
        date_order: DateOrder::DayFirst,
    })
}
