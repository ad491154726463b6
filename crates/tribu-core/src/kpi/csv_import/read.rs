//! Splitting a CSV text into records with the `csv` crate: the separator its
//! header uses, the fields of each record and the line it starts on.
//!
//! The `csv` crate reads the fields (quotes, doubled quotes, separators and
//! line breaks inside quotes, CRLF, blank lines skipped); what it does not
//! say is kept here: the line a record starts on as a text editor counts it
//! (its own positions lag behind CRLF ends and blank lines), how many lines
//! were empty, and whether the file ends inside an open quote.

use csv::StringRecord;

/// A record of the file: its first line number and its fields.
#[derive(Debug)]
pub(super) struct Record {
    pub line: u32,
    pub fields: StringRecord,
    pub unclosed_quote: bool,
}

impl Record {
    fn is_empty(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// A file split into its header and the records after it.
#[derive(Debug)]
pub(super) struct Table {
    pub delimiter: char,
    /// The first record that is not empty, as written (untrimmed).
    pub header: Option<Record>,
    /// The records after the header, empty ones left out.
    pub rows: Vec<Record>,
    /// Empty lines anywhere in the file (blank, or separators only).
    pub empty_lines: u32,
}

/// Reads `text` (a byte order mark is dropped) into its header and rows.
pub(super) fn read_table(text: &str) -> Table {
    let text = strip_bom(text);
    let delimiter = detect_delimiter(text);
    let (records, blank_lines) = read_records(text, delimiter);
    let mut empty_lines = blank_lines;
    let mut rows = records.into_iter().filter(|r| {
        let empty = r.is_empty();
        if empty {
            empty_lines += 1;
        }
        !empty
    });
    let header = rows.next();
    let rows: Vec<Record> = rows.collect();
    Table {
        delimiter,
        header,
        rows,
        empty_lines,
    }
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The separator the header line uses most, outside quotes: tab, then `;`,
/// then `,` on a tie; `,` when it has none (a one-column file). (The `csv`
/// crate does not guess separators.)
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

/// Counts lines as a text editor does: `\r\n`, `\n` and a lone `\r` each
/// end one. Asked for offsets in increasing order, it reads the text once.
struct Lines<'t> {
    bytes: &'t [u8],
    at: usize,
    line: u32,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of the byte at `offset` (not before the last one asked).
    fn line_at(&mut self, offset: usize) -> u32 {
        let end = offset.min(self.bytes.len());
        while self.at < end {
            match self.bytes[self.at] {
                b'\n' => self.line = self.line.saturating_add(1),
                b'\r' if self.bytes.get(self.at + 1) != Some(&b'\n') => {
                    self.line = self.line.saturating_add(1)
                }
                _ => {}
            }
            self.at += 1;
        }
        self.line
    }
}

/// The lines of `text`: the last one counts only when something follows
/// the last line break.
fn line_count(text: &str) -> u32 {
    let mut lines = Lines::new(text);
    let last = lines.line_at(text.len());
    if text.ends_with(['\n', '\r']) || text.is_empty() {
        last - 1
    } else {
        last
    }
}

/// Whether `raw`, the text of a file's last record to its end, leaves a
/// quoted field open: quotes open a field only at its start, as the `csv`
/// crate reads them, and `""` inside one is a quote.
fn ends_in_open_quote(raw: &[u8], delimiter: u8) -> bool {
    let mut quoted = false;
    let mut at_field_start = true;
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if quoted {
            if b == b'"' {
                if raw.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && at_field_start {
            quoted = true;
            at_field_start = false;
        } else {
            at_field_start = b == delimiter || b == b'\n' || b == b'\r';
        }
        i += 1;
    }
    quoted
}

/// Line breaks inside a quoted field read as `\n`, whatever the file uses.
fn normalized(record: StringRecord) -> StringRecord {
    if !record.iter().any(|f| f.contains('\r')) {
        return record;
    }
    record
        .iter()
        .map(|f| f.replace("\r\n", "\n").replace('\r', "\n"))
        .collect()
}

/// Splits `text` into records (RFC 4180, leniently: a quote inside an
/// unquoted field is kept as written, lines may have any number of fields);
/// also gives the number of blank lines, which the reader skips.
fn read_records(text: &str, delimiter: char) -> (Vec<Record>, u32) {
    // The delimiter is one of tab, `;` and `,`: one byte.
    let delimiter = u8::try_from(delimiter).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let bytes = text.as_bytes();
    let mut lines = Lines::new(text);
    let mut records = Vec::new();
    let mut blank_lines = 0u32;
    // The line the previous record ended on (0 before the first one).
    let mut last_line = 0u32;
    let mut last_start = 0usize;
    let mut fields = StringRecord::new();
    // Reading from a `&str` with flexible records, the reader meets neither
    // invalid UTF-8 nor I/O errors: an error would end the file.
    while let Ok(true) = reader.read_record(&mut fields) {
        // The reader's position is where it started looking: skip the line
        // ends (of the previous record, and blank lines) to the record.
        let from = fields.position().map_or(0, |p| p.byte() as usize);
        let start = from
            + bytes[from.min(bytes.len())..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        // Where it stopped, less the line end it read past.
        let mut end = (reader.position().byte() as usize).min(bytes.len());
        while end > start && matches!(bytes[end - 1], b'\r' | b'\n') {
            end -= 1;
        }
        let line = lines.line_at(start);
        blank_lines += line.saturating_sub(last_line + 1);
        last_line = lines.line_at(end);
        last_start = start;
        records.push(Record {
            line,
            fields: normalized(std::mem::take(&mut fields)),
            unclosed_quote: false,
        });
    }
    blank_lines += line_count(text).saturating_sub(last_line);
    if let Some(last) = records.last_mut() {
        last.unclosed_quote = ends_in_open_quote(&bytes[last_start..], delimiter);
    }
    (records, blank_lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_and_fields(text: &str, delimiter: char) -> (Vec<(u32, Vec<String>)>, u32) {
        let (records, blank) = read_records(text, delimiter);
        let got = records
            .iter()
            .map(|r| (r.line, r.fields.iter().map(String::from).collect()))
            .collect();
        (got, blank)
    }

    #[test]
    fn records_keep_quotes_line_breaks_and_line_numbers() {
        let text = "a;b\r\n\"x;y\";\"say \"\"hi\"\"\"\r\n\r\n\"multi\nline\";2\n3;4";
        let (got, blank) = lines_and_fields(text, ';');
        let expected: Vec<(u32, Vec<String>)> = vec![
            (1, vec!["a".into(), "b".into()]),
            (2, vec!["x;y".into(), "say \"hi\"".into()]),
            (4, vec!["multi\nline".into(), "2".into()]),
            (6, vec!["3".into(), "4".into()]),
        ];
        assert_eq!(got, expected);
        assert_eq!(blank, 1, "line 3");
        let (records, _) = read_records("\"open;1", ';');
        assert!(records[0].unclosed_quote);
        let (records, _) = read_records("a;b\n\"x\";\"y\"", ';');
        assert!(records.iter().all(|r| !r.unclosed_quote));
    }

    #[test]
    fn crlf_inside_quotes_lone_cr_and_blank_lines_count_as_an_editor_does() {
        // Line 1 "a", 2 blank, 3-4 the quoted field, 5 "z", 6 blank.
        let (got, blank) = lines_and_fields("a\r\n\r\n\"m\r\nn\"\r\nz\r\n\r\n", ',');
        let expected: Vec<(u32, Vec<String>)> = vec![
            (1, vec!["a".into()]),
            (3, vec!["m\nn".into()]),
            (5, vec!["z".into()]),
        ];
        assert_eq!(got, expected);
        assert_eq!(blank, 2);
        // Old Mac line ends.
        let (got, blank) = lines_and_fields("a\rb\r\rc", ',');
        assert_eq!(
            got.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            [1, 2, 4],
            "{got:?}"
        );
        assert_eq!(blank, 1);
        // Blank lines before the first record and after the last.
        let (got, blank) = lines_and_fields("\n\na;b\n1;2\n\n\n", ';');
        assert_eq!(got.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [3, 4]);
        assert_eq!(blank, 4);
    }

    #[test]
    fn tabs_and_commas_separate_too() {
        let (got, _) = lines_and_fields("date\tnetwork\n2026-03-01\t\"a\tb\"\n", '\t');
        assert_eq!(got[1].1, ["2026-03-01", "a\tb"]);
        let (got, _) = lines_and_fields("date,value\r\n2026-03-01,\"1,5\"\r\n", ',');
        assert_eq!(got[1].1, ["2026-03-01", "1,5"]);
    }

    #[test]
    fn the_header_chooses_the_delimiter() {
        assert_eq!(detect_delimiter("date;réseau;abonnés"), ';');
        assert_eq!(detect_delimiter("\u{feff}date,network,followers"), ',');
        assert_eq!(detect_delimiter("date\tnetwork\treach"), '\t');
        assert_eq!(detect_delimiter("\"a;b\",c,d"), ',');
        assert_eq!(detect_delimiter("date"), ',');
    }
}
