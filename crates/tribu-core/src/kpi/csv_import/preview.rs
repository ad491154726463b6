//! The preview: every line of the file read with the mapping, with what it
//! gives or what is wrong with it. The checks of a line run in a fixed order
//! (quotes, date, network, values, duplicates) so its issues read in that
//! order. The analysis of a file keeps each line's result without its
//! cells, which stay in the file's records: a page of the preview takes
//! them from there.

use std::collections::HashMap;
use std::fmt::Display;

use super::cells::{is_missing, parse_day, parse_number, DateError};
use super::file::CsvFile;
use super::networks::NetworkFinder;
use super::read::{Record, Table};
use super::{
    CsvIssue, CsvIssueReason, CsvLayout, CsvLine, CsvMapping, CsvPreview, CsvPreviewPage, CsvTotals,
};
use crate::kpi::metric::Metric;
use crate::kpi::model::{ObservationInput, ObservationSource};
use crate::model::Network;
use crate::time::format_date;

/// Lines in one page of the preview.
pub const PREVIEW_PAGE_SIZE: u32 = 50;

/// Reads `text` with `mapping` against the workspace's `networks`; every
/// line, with its cells. A column the header does not have gives each line
/// a `missing_column` error (the app refuses such a mapping first, see
/// [`super::check_mapping`]).
pub fn preview_csv(text: &str, mapping: &CsvMapping, networks: &[Network]) -> CsvPreview {
    let file = CsvFile::from_text("", text);
    let analysis = analyse(file.table(), file.header(), mapping, networks);
    let totals = &analysis.totals;
    CsvPreview {
        delimiter: analysis.delimiter.to_string(),
        header: analysis.header.clone(),
        lines: analysis
            .lines
            .iter()
            .map(|l| l.with_cells(file.table()))
            .collect(),
        warnings: analysis.warnings.clone(),
        empty_lines: totals.empty_lines,
        valid_lines: totals.valid_lines,
        invalid_lines: totals.invalid_lines,
        observation_count: totals.observation_count,
    }
}

/// What one line gives, without its cells.
#[derive(Debug, Clone)]
struct LineResult {
    /// Its index among the table's rows.
    row: usize,
    line: u32,
    observations: Vec<ObservationInput>,
    errors: Vec<CsvIssue>,
    warnings: Vec<CsvIssue>,
}

impl LineResult {
    fn has_problem(&self) -> bool {
        !self.errors.is_empty() || !self.warnings.is_empty()
    }

    fn with_cells(&self, table: &Table) -> CsvLine {
        CsvLine {
            line: self.line,
            cells: table
                .rows
                .get(self.row)
                .map(|r| r.fields.iter().map(String::from).collect())
                .unwrap_or_default(),
            observations: self.observations.clone(),
            errors: self.errors.clone(),
            warnings: self.warnings.clone(),
        }
    }
}

/// A file read with one mapping: what each line gives, and the totals.
#[derive(Debug, Clone)]
pub struct CsvAnalysis {
    delimiter: char,
    header: Vec<String>,
    warnings: Vec<CsvIssue>,
    lines: Vec<LineResult>,
    totals: CsvTotals,
}

impl CsvAnalysis {
    pub fn totals(&self) -> &CsvTotals {
        &self.totals
    }

    /// The observations of the lines without errors: what to import when
    /// the user confirms.
    pub fn valid_observations(&self) -> Vec<ObservationInput> {
        self.lines
            .iter()
            .filter(|l| l.errors.is_empty())
            .flat_map(|l| l.observations.iter().cloned())
            .collect()
    }

    /// Page `page` (0-based, brought back to the last page past the end)
    /// of the lines, or of the lines with an error or a warning only, with
    /// their cells from `file`, the file this analysis was made of.
    pub fn page(&self, file: &CsvFile, page: u32, only_problems: bool) -> CsvPreviewPage {
        let size = PREVIEW_PAGE_SIZE as usize;
        let shown = |l: &&LineResult| !only_problems || l.has_problem();
        let shown_lines = self.lines.iter().filter(shown).count();
        let page_count = shown_lines.div_ceil(size).max(1);
        let page = (page as usize).min(page_count - 1);
        let lines = self
            .lines
            .iter()
            .filter(shown)
            .skip(page * size)
            .take(size)
            .map(|l| l.with_cells(file.table()))
            .collect();
        CsvPreviewPage {
            delimiter: self.delimiter.to_string(),
            header: self.header.clone(),
            warnings: self.warnings.clone(),
            totals: self.totals.clone(),
            page: page as u32,
            page_size: PREVIEW_PAGE_SIZE,
            page_count: page_count as u32,
            shown_lines: shown_lines as u32,
            lines,
        }
    }
}

/// Reads the rows of `table` (whose trimmed header is `header`) with
/// `mapping` against the workspace's `networks`.
pub(super) fn analyse(
    table: &Table,
    header: &[String],
    mapping: &CsvMapping,
    networks: &[Network],
) -> CsvAnalysis {
    let header_line = table.header.as_ref().map_or(1, |r| r.line);
    let mut warnings: Vec<CsvIssue> = ignored_columns(header, header_line, mapping)
        .into_iter()
        .collect();
    let mut reader = LineReader {
        mapping,
        header,
        finder: NetworkFinder::new(networks),
        fixed_network: mapping
            .network_id
            .as_deref()
            .filter(|id| !id.trim().is_empty()),
        comma_file: table.delimiter == ',',
        dates: HashMap::new(),
        seen: HashMap::new(),
    };
    let mut longer_noted = false;
    let mut lines = Vec::new();
    for (row, record) in table.rows.iter().enumerate() {
        if record.fields.len() > header.len() && !longer_noted {
            longer_noted = true;
            warnings.push(issue(
                header,
                record.line,
                None,
                CsvIssueReason::ExtraColumns,
                format!(
                    "{} columns where the header has {}; the extra ones are ignored (noted once)",
                    record.fields.len(),
                    header.len()
                ),
            ));
        }
        lines.push(reader.line(row, record));
    }

    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let valid_lines = count(lines.iter().filter(|l| l.errors.is_empty()).count());
    let totals = CsvTotals {
        lines: count(lines.len()),
        valid_lines,
        invalid_lines: count(lines.len()).saturating_sub(valid_lines),
        empty_lines: table.empty_lines,
        problem_lines: count(lines.iter().filter(|l| l.has_problem()).count()),
        errors: count(lines.iter().map(|l| l.errors.len()).sum()),
        warnings: count(warnings.len() + lines.iter().map(|l| l.warnings.len()).sum::<usize>()),
        observation_count: count(lines.iter().map(|l| l.observations.len()).sum()),
    };
    CsvAnalysis {
        delimiter: table.delimiter,
        header: header.to_vec(),
        warnings,
        lines,
        totals,
    }
}

fn quoted(text: &str) -> String {
    format!("“{}”", text.trim())
}

/// The header of column `i` (0-based), or "column N" past its end.
fn column_name(header: &[String], i: u32) -> String {
    header
        .get(i as usize)
        .cloned()
        .unwrap_or_else(|| format!("column {}", u64::from(i) + 1))
}

/// An issue of `line`, about `column` when one is concerned.
fn issue(
    header: &[String],
    line: u32,
    column: Option<u32>,
    reason: CsvIssueReason,
    message: impl Display,
) -> CsvIssue {
    CsvIssue {
        line,
        column: column.map(|i| column_name(header, i)),
        reason,
        message: format!("line {line}: {message}"),
    }
}

/// The warning that lists the header's columns the mapping does not read.
fn ignored_columns(header: &[String], header_line: u32, mapping: &CsvMapping) -> Option<CsvIssue> {
    let mut used: Vec<u32> = vec![mapping.date_column];
    used.extend(mapping.network_column);
    match &mapping.layout {
        CsvLayout::Long {
            metric_column,
            value_column,
        } => used.extend([*metric_column, *value_column]),
        CsvLayout::Wide { columns } => used.extend(columns.iter().map(|c| c.column)),
    }
    let ignored: Vec<String> = (0..header.len() as u32)
        .filter(|i| !used.contains(i))
        .map(|i| quoted(&column_name(header, i)))
        .collect();
    (!ignored.is_empty()).then(|| {
        issue(
            header,
            header_line,
            None,
            CsvIssueReason::IgnoredColumns,
            format!("columns not imported: {}", ignored.join(", ")),
        )
    })
}

/// One line being read: its record and the issues found so far.
struct Line<'r> {
    record: &'r Record,
    header: &'r [String],
    errors: Vec<CsvIssue>,
    warnings: Vec<CsvIssue>,
}

impl<'r> Line<'r> {
    fn error(&mut self, column: Option<u32>, reason: CsvIssueReason, message: impl Display) {
        let issue = issue(self.header, self.record.line, column, reason, message);
        self.errors.push(issue);
    }

    fn warn(&mut self, column: Option<u32>, reason: CsvIssueReason, message: impl Display) {
        let issue = issue(self.header, self.record.line, column, reason, message);
        self.warnings.push(issue);
    }

    /// Cell `i`, trimmed; an error when the line is too short to have it.
    fn cell(&mut self, i: u32) -> Option<&'r str> {
        let cell = self.record.fields.get(i as usize).map(|s| s.trim());
        if cell.is_none() {
            let message = format!(
                "{} columns, the column {} (number {}) is missing",
                self.record.fields.len(),
                quoted(&column_name(self.header, i)),
                u64::from(i) + 1
            );
            self.error(Some(i), CsvIssueReason::MissingColumn, message);
        }
        cell
    }
}

/// Reads the lines of one file in order, remembering what a line needs from
/// those before it.
struct LineReader<'a> {
    mapping: &'a CsvMapping,
    header: &'a [String],
    finder: NetworkFinder,
    /// The network of lines that name none, when the user gave one.
    fixed_network: Option<&'a str>,
    /// In a comma-separated file "1,234" is a thousand (see `parse_number`).
    comma_file: bool,
    /// Dates of one export repeat on every line: each text is read once.
    dates: HashMap<String, std::result::Result<String, DateError>>,
    /// The line that gave each (day, network, metric), to tell of a later
    /// line replacing it.
    seen: HashMap<(String, String, Metric), u32>,
}

impl LineReader<'_> {
    fn line(&mut self, row: usize, record: &Record) -> LineResult {
        let mut line = Line {
            record,
            header: self.header,
            errors: Vec::new(),
            warnings: Vec::new(),
        };
        if record.unclosed_quote {
            line.error(
                None,
                CsvIssueReason::UnclosedQuote,
                "a quoted field is not closed before the end of the file",
            );
        }
        let day = self.day(&mut line);
        let network = self.network(&mut line);
        let values = self.values(&mut line);
        let observations = match (line.errors.is_empty(), day, network) {
            (true, Some(day), Some(network)) => self.observations(&mut line, day, network, values),
            _ => Vec::new(),
        };
        let Line {
            errors, warnings, ..
        } = line;
        LineResult {
            row,
            line: record.line,
            observations,
            errors,
            warnings,
        }
    }

    /// The line's day, as stored (`YYYY-MM-DD`).
    fn day(&mut self, line: &mut Line) -> Option<String> {
        let column = self.mapping.date_column;
        let text = line.cell(column)?;
        if text.is_empty() {
            line.error(
                Some(column),
                CsvIssueReason::MissingDate,
                "the date is empty",
            );
            return None;
        }
        let order = self.mapping.date_order;
        let parsed = self
            .dates
            .entry(text.to_string())
            .or_insert_with(|| parse_day(text, order).map(format_date));
        let (reason, message) = match parsed {
            Ok(day) => return Some(day.clone()),
            Err(DateError::Invalid) => (
                CsvIssueReason::InvalidDate,
                format!("{} is not a valid date", quoted(text)),
            ),
            Err(DateError::OutOfRange) => (
                CsvIssueReason::DateOutOfRange,
                format!("{} is outside the years 1970 to 2200", quoted(text)),
            ),
        };
        line.error(Some(column), reason, message);
        None
    }

    /// The id of the line's network: the one its cell names, else the one
    /// given for the file.
    fn network(&self, line: &mut Line) -> Option<String> {
        let (column, text) = match self.mapping.network_column {
            Some(column) => (Some(column), line.cell(column)?),
            None => (None, ""),
        };
        if text.is_empty() {
            if let Some(id) = self.fixed_network {
                return Some(id.to_string());
            }
            line.error(
                column,
                CsvIssueReason::NoNetwork,
                "no network: give the file's network, or fill the network column",
            );
            return None;
        }
        match self.finder.find(text) {
            Some(id) => Some(id.to_string()),
            None => {
                line.error(
                    column,
                    CsvIssueReason::UnknownNetwork,
                    format!("no network named {} in this workspace", quoted(text)),
                );
                None
            }
        }
    }

    /// The values the line gives, in the mapping's order.
    fn values(&self, line: &mut Line) -> Vec<(Metric, f64)> {
        let mut values = Vec::new();
        match &self.mapping.layout {
            CsvLayout::Long {
                metric_column,
                value_column,
            } => {
                let metric = line.cell(*metric_column).and_then(|text| {
                    let found = Metric::from_label(text);
                    if found.is_none() {
                        line.error(
                            Some(*metric_column),
                            CsvIssueReason::UnknownMetric,
                            format!("{} is not a metric Tribu knows", quoted(text)),
                        );
                    }
                    found
                });
                let value = line.cell(*value_column);
                if let (Some(metric), Some(text)) = (metric, value) {
                    if is_missing(text) {
                        line.error(
                            Some(*value_column),
                            CsvIssueReason::MissingValue,
                            "the value is empty",
                        );
                    } else if let Some(v) = self.number(line, *value_column, metric, text) {
                        values.push((metric, v));
                    }
                }
            }
            CsvLayout::Wide { columns } => {
                for c in columns {
                    let Some(text) = line.cell(c.column) else {
                        continue;
                    };
                    if is_missing(text) {
                        continue;
                    }
                    if let Some(v) = self.number(line, c.column, c.metric, text) {
                        values.push((c.metric, v));
                    }
                }
                if line.errors.is_empty() && values.is_empty() {
                    line.warn(None, CsvIssueReason::NoValue, "no value on this line");
                }
            }
        }
        values
    }

    /// The value of `metric` in `text`; an error when it is not a number or
    /// is negative.
    fn number(&self, line: &mut Line, column: u32, metric: Metric, text: &str) -> Option<f64> {
        let (reason, message) = match parse_number(text, self.comma_file) {
            Some(v) if v >= 0.0 => return Some(v),
            Some(_) => (
                CsvIssueReason::Negative,
                format!(
                    "{} is negative; {} cannot be below zero",
                    quoted(text),
                    metric.as_str()
                ),
            ),
            None => (
                CsvIssueReason::InvalidNumber,
                format!("{} is not a number", quoted(text)),
            ),
        };
        line.error(Some(column), reason, message);
        None
    }

    /// The observations of a line without errors; a warning for each one
    /// that replaces an earlier line's.
    fn observations(
        &mut self,
        line: &mut Line,
        day: String,
        network: String,
        values: Vec<(Metric, f64)>,
    ) -> Vec<ObservationInput> {
        let mut observations = Vec::new();
        for (metric, value) in values {
            let key = (day.clone(), network.clone(), metric);
            if let Some(earlier) = self.seen.insert(key, line.record.line) {
                line.warn(
                    None,
                    CsvIssueReason::Duplicate,
                    format!(
                        "replaces the {} of {day} given on line {earlier}",
                        metric.as_str()
                    ),
                );
            }
            observations.push(ObservationInput {
                day: day.clone(),
                network_id: network.clone(),
                metric,
                value,
                source: ObservationSource::Csv,
            });
        }
        observations
    }
}
