//! Tribu's documents as PDF (the charter, the KPI report), typeset by Typst
//! embedded as a library: no `typst` binary, no network, no Typst packages.
//! Data goes to the template as JSON, never spliced into markup.

mod chart;
mod from_store;
mod kpi_report;
mod numbers;
mod typography;
mod world;

use std::io::Write;
use std::path::Path;

use serde::Serialize;
use tribu_core::charter::{Charter, CharterLanguage};
use tribu_core::model::{Network, PostSummary};

pub use from_store::{CharterSource, Document, KpiReportSource};
pub use kpi_report::{kpi_report_pdf, KpiReport};
pub use numbers::{NumberFormat, MISSING};
pub use world::DocumentWorld;

const CHARTER_TEMPLATE: &str = include_str!("../templates/charter.typ");

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The template could not be typeset; the messages say why.
    #[error("the document could not be typeset: {0}")]
    Typeset(String),
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

impl From<PdfError> for tribu_core::Error {
    fn from(e: PdfError) -> Self {
        match e {
            PdfError::Typeset(_) => tribu_core::Error::Typesetting(e.to_string()),
            PdfError::Write(_) => tribu_core::Error::Io(e.to_string()),
        }
    }
}

/// One post of the optional calendar appendix.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CalendarLine {
    /// The post's local date and `HH:MM` time, in its own zone.
    pub date: chrono::NaiveDate,
    pub time: String,
    pub network_id: String,
    pub title: String,
    pub status: String,
}

impl CalendarLine {
    /// The post at its own local date and time, as its author planned it;
    /// `None` for an idea with no date.
    pub fn of(post: &PostSummary) -> Option<Self> {
        let date =
            chrono::NaiveDate::parse_from_str(post.local_date.as_deref()?, "%Y-%m-%d").ok()?;
        Some(CalendarLine {
            date,
            time: post.local_time.clone().unwrap_or_default(),
            network_id: post.network_id.clone(),
            title: post.title.clone(),
            status: post.status.as_str().to_string(),
        })
    }
}

/// A line of the appendix as the template prints it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CalendarRow<'a> {
    when: String,
    network_id: &'a str,
    title: &'a str,
    status: &'a str,
}

/// The optional appendix: the posts planned from `first` to `last`.
#[derive(Debug, Clone)]
pub struct CalendarAppendix {
    pub first: chrono::NaiveDate,
    pub last: chrono::NaiveDate,
    pub lines: Vec<CalendarLine>,
}

/// What the cover and the appendix need besides the charter.
#[derive(Debug, Clone)]
pub struct CharterExport<'a> {
    pub charter: &'a Charter,
    pub networks: &'a [Network],
    pub date: chrono::NaiveDate,
    pub version: String,
    pub calendar: Option<CalendarAppendix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CharterData<'a> {
    lang: &'static str,
    date: String,
    version: &'a str,
    charter: &'a Charter,
    networks: std::collections::BTreeMap<&'a str, &'a str>,
    calendar: Option<Vec<CalendarRow<'a>>>,
    /// "from – to" of the appendix, in the charter's date format.
    calendar_period: Option<String>,
}

/// The charter as PDF bytes.
pub fn charter_pdf(export: &CharterExport) -> Result<Vec<u8>, PdfError> {
    let lang = match export.charter.identity.language {
        Some(CharterLanguage::En) => "en",
        _ => "fr",
    };
    let format_date = |d: chrono::NaiveDate| match lang {
        "fr" => d.format("%d/%m/%Y").to_string(),
        _ => d.format("%Y-%m-%d").to_string(),
    };
    let date = format_date(export.date);
    let data = CharterData {
        lang,
        date,
        version: &export.version,
        charter: export.charter,
        networks: export
            .networks
            .iter()
            .map(|n| (n.id.as_str(), n.name.as_str()))
            .collect(),
        calendar: export.calendar.as_ref().map(|c| {
            c.lines
                .iter()
                .map(|line| CalendarRow {
                    when: format!("{} {}", format_date(line.date), line.time),
                    network_id: &line.network_id,
                    title: &line.title,
                    status: &line.status,
                })
                .collect()
        }),
        calendar_period: export
            .calendar
            .as_ref()
            .map(|c| format!("{} – {}", format_date(c.first), format_date(c.last))),
    };
    let mut value = serde_json::to_value(&data).map_err(|e| PdfError::Typeset(e.to_string()))?;
    if lang == "fr" {
        typography::frenchify(&mut value);
    }
    let json = serde_json::to_vec(&value).map_err(|e| PdfError::Typeset(e.to_string()))?;
    typeset(CHARTER_TEMPLATE, json, export.date)
}

fn typeset(template: &str, data: Vec<u8>, today: chrono::NaiveDate) -> Result<Vec<u8>, PdfError> {
    let world = DocumentWorld::new(template, data, today);
    let document = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .map_err(|errors| typeset_error(&world, &errors))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| typeset_error(&world, &errors))
}

/// Typst's diagnostics, joined into one message for the window, each with
/// the template line it points at.
fn typeset_error(world: &DocumentWorld, errors: &[typst::diag::SourceDiagnostic]) -> PdfError {
    use typst::{World, WorldExt};
    let place = |span: typst::syntax::DiagSpan| -> Option<String> {
        let id = span.id()?;
        let start = world.range(span)?.start;
        let line = world.source(id).ok()?.lines().byte_to_line(start)? + 1;
        Some(format!("{}:{line}", id.get().vpath().get_without_slash()))
    };
    PdfError::Typeset(
        errors
            .iter()
            .map(|e| match place(e.span) {
                Some(at) => format!("{} ({at})", e.message),
                None => e.message.to_string(),
            })
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename, so a failure never leaves a partial PDF behind.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), PdfError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| PdfError::Write(format!("{}: {e}", dir.display())))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.part", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|_| f.sync_all()))
        .and_then(|_| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        PdfError::Write(format!("{}: {e}", path.display()))
    })
}
