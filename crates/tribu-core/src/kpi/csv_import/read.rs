//! Splitting a CSV text into records: the separator its header uses, the
//! fields of each record and the line it starts on.

/// A record of the file: its first line number and its fields.
#[derive(Debug)]
pub(super) struct Record {
    pub line: u32,
    pub fields: Vec<String>,
    pub unclosed_quote: bool,
}

impl Record {
    fn is_empty(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// A file split into its header and the records after it.
pub(super) struct Table {
    pub delimiter: char,
    /// The first record that is not empty, as written (untrimmed).
    pub header: Option<Record>,
    /// The records after the header, empty ones left out.
    pub rows: Vec<Record>,
    /// Empty records anywhere in the file.
    pub empty_lines: u32,
}

/// Reads `text` (a byte order mark is dropped) into its header and rows.
pub(super) fn read_table(text: &str) -> Table {
    let text = strip_bom(text);
    let delimiter = detect_delimiter(text);
    let mut empty_lines = 0;
    let mut rows = read_records(text, delimiter).into_iter().filter(|r| {
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
}
