//! Importing observations from a network's CSV export, in two steps: a
//! preview that reads every line and says what it found or what is wrong
//! with it, then the import of what the user confirmed
//! (`Store::import_observations`). Nothing here touches the workspace.
//!
//! The file is read and decoded here ([`file`]: UTF-8 with or without a
//! byte order mark, Windows-1252 when it is not valid UTF-8, 20 MB at most),
//! once: a [`CsvFile`] keeps its records while the user maps it, and each
//! mapping gives a [`CsvAnalysis`] of every line, shown a page at a time.
//!
//! Two layouts are read:
//! - long: one observation per line (date, network, metric, value);
//! - wide: one line per day (and network), one column per metric
//!   ("followers", "abonnés", "reach", "portée"...).
//!
//! The reader (the `csv` crate) accepts what spreadsheets write: a UTF-8 byte order mark, `,`
//! `;` or tab as the separator (the one the header uses most), quoted fields
//! holding separators, quotes (`""`) or line breaks, CRLF line ends, and
//! empty lines (skipped). Line numbers are those of a text editor: the header
//! is line 1.
//!
//! The steps, one module each: [`file`] reads and decodes the file,
//! [`read`] splits the text into records,
//! [`guess`] proposes a mapping from the header, [`preview`] reads each line
//! with the mapping the user confirmed, [`cells`] reads the dates and numbers
//! of a cell, and [`networks`] finds the network a cell names.

pub mod cells;
pub mod file;
mod guess;
mod networks;
mod preview;
mod read;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::metric::Metric;
use super::model::ObservationInput;
use crate::model::string_enum;

pub use cells::DateOrder;
pub use file::{check_mapping, CsvFile, MAX_FILE_BYTES};
pub use guess::guess_mapping;
pub use preview::{preview_csv, CsvAnalysis, PREVIEW_PAGE_SIZE};

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

string_enum!(
    /// What is told about a line or the file: the stable key of the sentence
    /// the UI shows (`kpi.csv.reason.<key>` in `ui/src/lib/i18n/*.json`).
    CsvIssueReason, "reason", {
        /// Header columns the mapping does not read (a file warning).
        IgnoredColumns => "ignored_columns",
        /// A quoted field still open at the end of the file.
        UnclosedQuote => "unclosed_quote",
        /// A line longer than the header (a file warning, given once).
        ExtraColumns => "extra_columns",
        /// A line too short to hold a column the mapping reads.
        MissingColumn => "missing_column",
        MissingDate => "missing_date",
        InvalidDate => "invalid_date",
        /// A real date outside the years Tribu plans in.
        DateOutOfRange => "date_out_of_range",
        /// No network cell and no network given for the file.
        NoNetwork => "no_network",
        UnknownNetwork => "unknown_network",
        Negative => "negative",
        InvalidNumber => "invalid_number",
        UnknownMetric => "unknown_metric",
        /// An empty value cell in a long file.
        MissingValue => "missing_value",
        /// A wide line with every metric cell empty (a warning).
        NoValue => "no_value",
        /// A value for a metric, network and day an earlier line gave (a
        /// warning: the later one wins).
        Duplicate => "duplicate",
    }
);

/// Something to tell about a line or the file; `message` is an English
/// sentence starting with the line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvIssue {
    pub line: u32,
    /// The header of the column concerned, when one is.
    pub column: Option<String>,
    pub reason: CsvIssueReason,
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

/// The counts of a whole file read with one mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvTotals {
    /// Lines after the header, empty ones left out.
    pub lines: u32,
    pub valid_lines: u32,
    pub invalid_lines: u32,
    pub empty_lines: u32,
    /// Lines with an error or a warning: the lines to check.
    pub problem_lines: u32,
    /// Errors of every line.
    pub errors: u32,
    /// Warnings of every line and of the file.
    pub warnings: u32,
    /// The values the valid lines give: what an import writes.
    pub observation_count: u32,
}

/// One page of the preview of a file: its header, its warnings and its
/// totals, and the lines of the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreviewPage {
    /// `,`, `;` or a tab.
    pub delimiter: String,
    pub header: Vec<String>,
    /// About the whole file: ignored columns, lines longer than the header.
    pub warnings: Vec<CsvIssue>,
    pub totals: CsvTotals,
    /// 0-based.
    pub page: u32,
    pub page_size: u32,
    /// Pages of the lines shown (at least one, maybe empty).
    pub page_count: u32,
    /// The lines shown over every page: all of them, or the lines to check.
    pub shown_lines: u32,
    pub lines: Vec<CsvLine>,
}

/// A CSV file read for an import, as the dialog knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvFileInfo {
    /// Names the file, kept by the app, in the later calls.
    pub token: String,
    /// Its name, without its folder.
    pub name: String,
    pub header: Vec<String>,
    /// Lines after the header, empty ones left out.
    pub lines: u32,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_reach_the_ui_by_their_snake_case_names() {
        for reason in CsvIssueReason::ALL {
            let json = serde_json::to_value(reason).unwrap();
            assert_eq!(json, reason.as_str(), "{reason:?}");
        }
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
}
