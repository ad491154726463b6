//! A CSV file on disk: read once (up to [`MAX_FILE_BYTES`]), decoded,
//! split into records, then kept while the user maps and previews it.
//!
//! Decoding, with `encoding_rs`: a byte order mark says the encoding (UTF-8,
//! or UTF-16 as Excel's "Unicode text" writes); without one the file is
//! UTF-8 when all of its bytes are valid UTF-8, and Windows-1252 (what
//! spreadsheets on Windows save as "CSV") only when they are not. The
//! whole file decides: one stray byte in a UTF-8 file does not make it
//! Windows-1252 line by line.

use std::io::Read;
use std::path::Path;

use encoding_rs::{Encoding, WINDOWS_1252};

use super::preview::{analyse, CsvAnalysis};
use super::read::{read_table, Table};
use super::{guess, CsvLayout, CsvMapping};
use crate::error::{Error, Reason, Result};
use crate::model::Network;

/// The largest file the import reads: 20 MB, years of daily values of
/// every network of a brand, far below what a laptop holds twice in memory.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The text of `bytes`, decoded as the module says.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The decoded text of the file at `path`; refused past [`MAX_FILE_BYTES`]
/// before it is read, and when it is not a file that can be read.
pub fn read_text(path: &Path) -> Result<String> {
    let unreadable = |e: &dyn std::fmt::Display| Error::file(Reason::FileUnreadable, path, e);
    let file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
    let meta = file.metadata().map_err(|e| unreadable(&e))?;
    if !meta.is_file() {
        return Err(unreadable(&"not a regular file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(path, meta.len()));
    }
    // The file may grow between the check and the read: read one byte past
    // the limit at most.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok(decode(&bytes))
}

fn too_large(path: &Path, size: u64) -> Error {
    Error::file(
        Reason::FileTooLarge,
        path,
        format!(
            "{size} bytes, more than the {} MB a CSV import reads",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// A CSV file read and split into records, ready to be previewed with any
/// mapping without being read again.
#[derive(Debug)]
pub struct CsvFile {
    name: String,
    table: Table,
    header: Vec<String>,
}

impl CsvFile {
    /// Reads the file at `path` (see [`read_text`]).
    pub fn open(path: &Path) -> Result<CsvFile> {
        let text = read_text(path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(CsvFile::from_text(name, &text))
    }

    /// A file whose text is already decoded, under `name`.
    pub fn from_text(name: impl Into<String>, text: &str) -> CsvFile {
        let table = read_table(text);
        let header = table
            .header
            .as_ref()
            .map(|r| r.fields.iter().map(|f| f.trim().to_string()).collect())
            .unwrap_or_default();
        CsvFile {
            name: name.into(),
            table,
            header,
        }
    }

    /// The file's name, without its folder.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The header's cells, trimmed.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The lines after the header, empty ones left out.
    pub fn line_count(&self) -> u32 {
        u32::try_from(self.table.rows.len()).unwrap_or(u32::MAX)
    }

    pub(super) fn table(&self) -> &Table {
        &self.table
    }

    /// A first mapping guessed from the header (see [`guess::guess_mapping`]).
    pub fn guess_mapping(&self) -> Result<CsvMapping> {
        guess::guess_header(&self.header)
    }

    /// Refuses a mapping that names a column the header does not have.
    pub fn check_mapping(&self, mapping: &CsvMapping) -> Result<()> {
        check_mapping(self.header.len(), mapping)
    }

    /// Every line read with `mapping` against the workspace's `networks`;
    /// a mapping naming a column the header does not have is refused.
    pub fn analyse(&self, mapping: &CsvMapping, networks: &[Network]) -> Result<CsvAnalysis> {
        self.check_mapping(mapping)?;
        Ok(analyse(&self.table, &self.header, mapping, networks))
    }
}

/// Every column `mapping` reads must be one of the `columns` of the header.
pub fn check_mapping(columns: usize, mapping: &CsvMapping) -> Result<()> {
    let in_header = |i: u32| usize::try_from(i).is_ok_and(|i| i < columns);
    let mut named: Vec<(&'static str, u32)> = vec![("dateColumn", mapping.date_column)];
    if let Some(c) = mapping.network_column {
        named.push(("networkColumn", c));
    }
    match &mapping.layout {
        CsvLayout::Long {
            metric_column,
            value_column,
        } => {
            named.push(("metricColumn", *metric_column));
            named.push(("valueColumn", *value_column));
        }
        CsvLayout::Wide { columns } => named.extend(columns.iter().map(|c| ("layout", c.column))),
    }
    match named.into_iter().find(|(_, c)| !in_header(*c)) {
        None => Ok(()),
        Some((field, column)) => Err(Error::validation(
            field,
            Reason::ColumnOutOfRange,
            format!("column index {column} is not in the header, which has {columns} columns"),
        )),
    }
}
