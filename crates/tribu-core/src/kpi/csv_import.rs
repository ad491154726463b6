//! Importing observations from a network's CSV export, in two steps: a
//! preview that reads every line and says what it found or what is wrong
//! with it, then the import of what the user confirmed
//! (`Store::import_observations`). Nothing here touches the workspace.
//!
//! Two layouts are read:
//! - long: one observation per line (date, network, metric, value);
//! - wide: one line per day (and network), one column per metric
//!   ("followers", "abonnés", "reach", "portée"...).
//!
//! The reader accepts what spreadsheets write: a UTF-8 byte order mark, `,`
//! `;` or tab as the separator (the one the header uses most), quoted fields
//! holding separators, quotes (`""`) or line breaks, CRLF line ends, and
//! empty lines (skipped). Line numbers are those of a text editor: the header
//! is line 1.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::csv_values::{is_missing, label_key, parse_day, parse_number, DateError, DateOrder};
use super::metric::Metric;
use super::model::{ObservationInput, ObservationSource};
use crate::error::{Error, Result};
use crate::model::{Network, NetworkKind};
use crate::time::format_date;

/// Which column holds which metric, in a wide file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MetricColumn {
    /// 0-based index in the header.
    pub column: u32,
    pub metric: Metric,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum CsvLayout {
    /// One observation per line.
    Long {
        metric_column: u32,
        value_column: u32,
    },
    /// One line per day and network, one column per metric; an empty cell
    /// (or `-`, `n/a`) is a metric not measured that day.
    Wide { columns: Vec<MetricColumn> },
}

/// How to read a file's columns; indices are 0-based positions in the header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvMapping {
    pub date_column: u32,
    pub network_column: Option<u32>,
    /// The network of the lines when the file has no network column (an
    /// export of one account), or when a line's network cell is empty.
    pub network_id: Option<String>,
    pub layout: CsvLayout,
    pub date_order: DateOrder,
}

/// Something to tell about a line or the file. `reason` is a stable key the
/// UI translates; `message` an English sentence starting with the line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvIssue {
    pub line: u32,
    /// The header of the column concerned, when one is.
    pub column: Option<String>,
    pub reason: String,
    pub message: String,
}

/// One line of the file and what it gives. A line with an error gives no
/// observation: it is shown to be fixed, never half imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvLine {
    /// 1-based, as in a text editor; the header is line 1.
    pub line: u32,
    pub cells: Vec<String>,
    pub observations: Vec<ObservationInput>,
    pub errors: Vec<CsvIssue>,
    pub warnings: Vec<CsvIssue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreview {
    /// `,`, `;` or a tab.
    pub delimiter: String,
    pub header: Vec<String>,
    /// Every line after the header except the empty ones.
    pub lines: Vec<CsvLine>,
    /// About the whole file: ignored columns, lines longer than the header.
    pub warnings: Vec<CsvIssue>,
    pub empty_lines: u32,
    pub valid_lines: u32,
    pub invalid_lines: u32,
    pub observation_count: u32,
}

impl CsvPreview {
    /// The observations of the lines without errors: what to import when
    /// the user confirms.
    pub fn valid_observations(&self) -> Vec<ObservationInput> {
        self.lines
            .iter()
            .filter(|l| l.errors.is_empty())
            .flat_map(|l| l.observations.iter().cloned())
            .collect()
    }
}

/// What an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// Observations written.
    pub written: u32,
    /// Of those, the ones that replaced a value already stored for the same
    /// metric, network and day.
    pub replaced: u32,
}

/// A record of the file: its first line number and its fields.
#[derive(Debug)]
struct Record {
    line: u32,
    fields: Vec<String>,
    unclosed_quote: bool,
}

impl Record {
    fn is_empty(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The separator the header line uses most, outside quotes: tab, then `;`,
/// then `,` on a tie; `,` when it has none (a one-column file).
fn detect_delimiter(text: &str) -> char {
    let header = strip_bom(text)
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = ['\t', ';', ','];
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(2);
    if counts[best] == 0 {
        ','
    } else {
        candidates[best]
    }
}

/// Splits `text` into records (RFC 4180, leniently: a quote inside an
/// unquoted field is kept as written).
fn read_records(text: &str, delimiter: char) -> Vec<Record> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1u32;
    let mut start_line = 1u32;
    let mut quoted = false;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    let mut pending = false;
    while let Some(c) = chars.next() {
        pending = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    field.push('\n');
                }
                other => field.push(other),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            c if c == delimiter => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\n' | '\r' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                records.push(Record {
                    line: start_line,
                    fields: std::mem::take(&mut fields),
                    unclosed_quote: false,
                });
                line += 1;
                start_line = line;
                at_field_start = true;
                pending = false;
            }
            other => {
                field.push(other);
                at_field_start = false;
            }
        }
    }
    if pending {
        fields.push(field);
        records.push(Record {
            line: start_line,
            fields,
            unclosed_quote: quoted,
        });
    }
    records
}

/// Finds a workspace network from what a file calls it: its id, its name or
/// its kind (`twitter` and `x` both find the X network), ignoring case,
/// accents, spaces and punctuation.
struct NetworkFinder {
    by_key: HashMap<String, String>,
    ids: HashMap<String, String>,
}

impl NetworkFinder {
    fn new(networks: &[Network]) -> NetworkFinder {
        let mut by_key = HashMap::new();
        let mut ids = HashMap::new();
        let mut kinds: HashMap<NetworkKind, Vec<&Network>> = HashMap::new();
        for n in networks {
            ids.insert(n.id.clone(), n.id.clone());
            by_key.insert(label_key(&n.name), n.id.clone());
            kinds.entry(n.kind).or_default().push(n);
        }
        let aliases: &[(NetworkKind, &[&str])] = &[
            (NetworkKind::X, &["twitter", "x"]),
            (NetworkKind::Facebook, &["facebook", "fb"]),
            (NetworkKind::Instagram, &["instagram", "insta", "ig"]),
            (NetworkKind::Linkedin, &["linkedin"]),
            (NetworkKind::Youtube, &["youtube", "yt"]),
            (NetworkKind::Tiktok, &["tiktok"]),
            (NetworkKind::Pinterest, &["pinterest"]),
        ];
        for (kind, names) in aliases {
            // Only a kind the workspace has once: two Instagram accounts must
            // be told apart by name.
            if let Some([one]) = kinds.get(kind).map(Vec::as_slice) {
                for name in *names {
                    by_key.entry(name.to_string()).or_insert(one.id.clone());
                }
            }
        }
        NetworkFinder { by_key, ids }
    }

    fn find(&self, text: &str) -> Option<&str> {
        self.ids
            .get(text.trim())
            .or_else(|| self.by_key.get(&label_key(text)))
            .map(String::as_str)
    }
}

fn quoted(text: &str) -> String {
    format!("“{}”", text.trim())
}

/// Reads `text` with `mapping` against the workspace's `networks`.
pub fn preview_csv(text: &str, mapping: &CsvMapping, networks: &[Network]) -> CsvPreview {
    let text = strip_bom(text);
    let delimiter = detect_delimiter(text);
    let records = read_records(text, delimiter);
    let finder = NetworkFinder::new(networks);
    let mut empty_lines = 0;
    let mut rows = records.into_iter().filter(|r| {
        let empty = r.is_empty();
        if empty {
            empty_lines += 1;
        }
        !empty
    });
    let header_record = rows.next();
    let header_line = header_record.as_ref().map_or(1, |r| r.line);
    let header: Vec<String> = header_record
        .map(|r| r.fields.iter().map(|f| f.trim().to_string()).collect())
        .unwrap_or_default();
    let column_name = |i: u32| {
        header
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| format!("column {}", i + 1))
    };

    let mut used: Vec<u32> = vec![mapping.date_column];
    used.extend(mapping.network_column);
    match &mapping.layout {
        CsvLayout::Long {
            metric_column,
            value_column,
        } => used.extend([*metric_column, *value_column]),
        CsvLayout::Wide { columns } => used.extend(columns.iter().map(|c| c.column)),
    }
    let mut warnings = Vec::new();
    let ignored: Vec<String> = (0..header.len() as u32)
        .filter(|i| !used.contains(i))
        .map(|i| quoted(&column_name(i)))
        .collect();
    if !ignored.is_empty() {
        warnings.push(CsvIssue {
            line: header_line,
            column: None,
            reason: "ignored_columns".into(),
            message: format!(
                "line {header_line}: columns not imported: {}",
                ignored.join(", ")
            ),
        });
    }
    let comma_file = delimiter == ',';
    let fixed_network = mapping
        .network_id
        .as_deref()
        .filter(|id| !id.trim().is_empty());
    let mut lines = Vec::new();
    let mut seen: HashMap<(String, String, Metric), u32> = HashMap::new();
    let mut longer_noted = false;
    // Dates of one export repeat on every line: read each text once.
    let mut dates: HashMap<String, std::result::Result<String, DateError>> = HashMap::new();

    for record in rows {
        let n = record.line;
        let mut errors = Vec::new();
        let mut line_warnings = Vec::new();
        let issue = |column: Option<u32>, reason: &str, message: String| CsvIssue {
            line: n,
            column: column.map(column_name),
            reason: reason.into(),
            message: format!("line {n}: {message}"),
        };
        if record.unclosed_quote {
            errors.push(issue(
                None,
                "unclosed_quote",
                "a quoted field is not closed before the end of the file".into(),
            ));
        }
        if record.fields.len() > header.len() && !longer_noted {
            longer_noted = true;
            warnings.push(issue(
                None,
                "extra_columns",
                format!(
                    "{} columns where the header has {}; the extra ones are ignored (noted once)",
                    record.fields.len(),
                    header.len()
                ),
            ));
        }
        let cell = |i: u32| record.fields.get(i as usize).map(|s| s.trim());
        let needed = |i: u32, errors: &mut Vec<CsvIssue>| match cell(i) {
            Some(v) => Some(v),
            None => {
                errors.push(issue(
                    Some(i),
                    "missing_column",
                    format!(
                        "{} columns, the column {} (number {}) is missing",
                        record.fields.len(),
                        quoted(&column_name(i)),
                        i + 1
                    ),
                ));
                None
            }
        };

        let day = needed(mapping.date_column, &mut errors).and_then(|text| {
            if text.is_empty() {
                errors.push(issue(
                    Some(mapping.date_column),
                    "missing_date",
                    "the date is empty".into(),
                ));
                return None;
            }
            let parsed = dates
                .entry(text.to_string())
                .or_insert_with(|| parse_day(text, mapping.date_order).map(format_date));
            match parsed {
                Ok(day) => Some(day.clone()),
                Err(DateError::Invalid) => {
                    errors.push(issue(
                        Some(mapping.date_column),
                        "invalid_date",
                        format!("{} is not a valid date", quoted(text)),
                    ));
                    None
                }
                Err(DateError::OutOfRange) => {
                    errors.push(issue(
                        Some(mapping.date_column),
                        "date_out_of_range",
                        format!("{} is outside the years 1970 to 2200", quoted(text)),
                    ));
                    None
                }
            }
        });

        let network_cell = match mapping.network_column {
            Some(col) => needed(col, &mut errors).map(|v| (Some(col), v)),
            None => Some((None, "")),
        };
        let network = network_cell.and_then(|(col, text)| {
            if text.is_empty() {
                return match fixed_network {
                    Some(id) => Some(id.to_string()),
                    None => {
                        errors.push(issue(
                            col,
                            "no_network",
                            "no network: give the file's network, or fill the network column"
                                .into(),
                        ));
                        None
                    }
                };
            }
            match finder.find(text) {
                Some(id) => Some(id.to_string()),
                None => {
                    errors.push(issue(
                        col,
                        "unknown_network",
                        format!("no network named {} in this workspace", quoted(text)),
                    ));
                    None
                }
            }
        });

        let mut values: Vec<(Metric, f64)> = Vec::new();
        let mut read_value =
            |col: u32, metric: Metric, text: &str, errors: &mut Vec<CsvIssue>| match parse_number(
                text, comma_file,
            ) {
                Some(v) if v < 0.0 => errors.push(issue(
                    Some(col),
                    "negative",
                    format!(
                        "{} is negative; {} cannot be below zero",
                        quoted(text),
                        metric.as_str()
                    ),
                )),
                Some(v) => values.push((metric, v)),
                None => errors.push(issue(
                    Some(col),
                    "invalid_number",
                    format!("{} is not a number", quoted(text)),
                )),
            };
        match &mapping.layout {
            CsvLayout::Long {
                metric_column,
                value_column,
            } => {
                let metric = needed(*metric_column, &mut errors).and_then(|text| {
                    let found = Metric::from_label(text);
                    if found.is_none() {
                        errors.push(issue(
                            Some(*metric_column),
                            "unknown_metric",
                            format!("{} is not a metric Tribu knows", quoted(text)),
                        ));
                    }
                    found
                });
                let value = needed(*value_column, &mut errors);
                if let (Some(metric), Some(text)) = (metric, value) {
                    if is_missing(text) {
                        errors.push(issue(
                            Some(*value_column),
                            "missing_value",
                            "the value is empty".into(),
                        ));
                    } else {
                        read_value(*value_column, metric, text, &mut errors);
                    }
                }
            }
            CsvLayout::Wide { columns } => {
                for c in columns {
                    if let Some(text) = needed(c.column, &mut errors) {
                        if !is_missing(text) {
                            read_value(c.column, c.metric, text, &mut errors);
                        }
                    }
                }
                if errors.is_empty() && values.is_empty() {
                    line_warnings.push(issue(None, "no_value", "no value on this line".into()));
                }
            }
        }

        let mut observations = Vec::new();
        if let (true, Some(day), Some(network)) = (errors.is_empty(), day, network) {
            for (metric, value) in values {
                if let Some(earlier) = seen.insert((day.clone(), network.clone(), metric), n) {
                    line_warnings.push(issue(
                        None,
                        "duplicate",
                        format!(
                            "replaces the {} of {day} given on line {earlier}",
                            metric.as_str()
                        ),
                    ));
                }
                observations.push(ObservationInput {
                    day: day.clone(),
                    network_id: network.clone(),
                    metric,
                    value,
                    source: ObservationSource::Csv,
                });
            }
        }
        lines.push(CsvLine {
            line: n,
            cells: record.fields,
            observations,
            errors,
            warnings: line_warnings,
        });
    }

    let valid_lines = lines.iter().filter(|l| l.errors.is_empty()).count() as u32;
    CsvPreview {
        delimiter: delimiter.to_string(),
        header,
        invalid_lines: lines.len() as u32 - valid_lines,
        valid_lines,
        observation_count: lines.iter().map(|l| l.observations.len() as u32).sum(),
        lines,
        warnings,
        empty_lines,
    }
}

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
    let text = strip_bom(text);
    let delimiter = detect_delimiter(text);
    let header: Vec<String> = read_records(text, delimiter)
        .into_iter()
        .find(|r| !r.is_empty())
        .map(|r| r.fields.iter().map(|f| label_key(f)).collect())
        .unwrap_or_default();
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
                "no_date_column",
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
                    "no_metric_column",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_keep_quotes_line_breaks_and_line_numbers() {
        let text = "a;b\r\n\"x;y\";\"say \"\"hi\"\"\"\r\n\r\n\"multi\nline\";2\n3;4";
        let records = read_records(text, ';');
        let got: Vec<(u32, Vec<&str>)> = records
            .iter()
            .map(|r| (r.line, r.fields.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            got,
            [
                (1, vec!["a", "b"]),
                (2, vec!["x;y", "say \"hi\""]),
                (3, vec![""]),
                (4, vec!["multi\nline", "2"]),
                (6, vec!["3", "4"]),
            ]
        );
        assert!(read_records("\"open;1", ';')[0].unclosed_quote);
    }

    #[test]
    fn the_header_chooses_the_delimiter() {
        assert_eq!(detect_delimiter("date;réseau;abonnés"), ';');
        assert_eq!(detect_delimiter("\u{feff}date,network,followers"), ',');
        assert_eq!(detect_delimiter("date\tnetwork\treach"), '\t');
        assert_eq!(detect_delimiter("\"a;b\",c,d"), ',');
        assert_eq!(detect_delimiter("date"), ',');
    }

    #[test]
    fn odd_files_give_issues_not_panics() {
        let mapping = CsvMapping {
            date_column: 0,
            network_column: Some(1),
            network_id: None,
            layout: CsvLayout::Long {
                metric_column: 2,
                value_column: 7,
            },
            date_order: DateOrder::DayFirst,
        };
        for text in [
            "",
            "\u{feff}",
            "\r\n\r\n",
            "\"",
            "a;b\n\"",
            "date;x\n;;;;;;;;;;\n\u{202f}\u{a0};é€;−;+;%;1,,2;..;\"\"\"",
            "date,network,metric,value\n2026-13-45T,,,\n\u{1F600},\u{1F600},\u{1F600},\u{1F600}\r",
            "date\tnetwork\n9999999999/99/99\t\"unterminated\n\n",
        ] {
            let preview = preview_csv(text, &mapping, &[]);
            assert!(
                preview.lines.iter().all(|l| !l.errors.is_empty()),
                "{text:?}"
            );
            let _ = guess_mapping(text);
        }
    }

    #[test]
    fn metrics_by_french_and_english_names() {
        assert_eq!(Metric::from_label("Abonnés"), Some(Metric::Followers));
        assert_eq!(Metric::from_label("PORTÉE"), Some(Metric::Reach));
        assert_eq!(
            Metric::from_label("Taux d'engagement (%)"),
            Some(Metric::EngagementRate)
        );
        assert_eq!(
            Metric::from_label("website_visits"),
            Some(Metric::WebsiteVisits)
        );
        assert_eq!(
            Metric::from_label("Mentions J'aime"),
            Some(Metric::Reactions)
        );
        assert_eq!(Metric::from_label("humeur"), None);
    }
}
