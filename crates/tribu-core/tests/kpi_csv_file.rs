//! CSV files as they are on disk: how they are decoded, the size the import
//! reads, the mappings it refuses, and the preview a page at a time.

mod common;

use std::path::Path;

use common::{network_id, temp_store};
use tribu_core::error::{ErrorCode, Reason};
use tribu_core::kpi::csv_import::file::decode;
use tribu_core::kpi::csv_import::{check_mapping, MAX_FILE_BYTES, PREVIEW_PAGE_SIZE};
use tribu_core::kpi::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn wide(network: Option<u32>, columns: &[(u32, Metric)]) -> CsvMapping {
    CsvMapping {
        date_column: 0,
        network_column: network,
        network_id: None,
        layout: CsvLayout::Wide {
            columns: columns
                .iter()
                .map(|&(column, metric)| MetricColumn { column, metric })
                .collect(),
        },
        date_order: DateOrder::DayFirst,
    }
}

#[test]
fn a_utf8_file_with_a_byte_order_mark_reads_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "abonnés.csv",
        "\u{feff}Date;Réseau;Abonnés\r\n05/03/2026;Instagram;1 234\r\n".as_bytes(),
    );
    let file = CsvFile::open(&path).unwrap();
    assert_eq!(file.name(), "abonnés.csv");
    assert_eq!(file.header(), ["Date", "Réseau", "Abonnés"]);
    assert_eq!(file.line_count(), 1);
}

#[test]
fn a_valid_utf8_file_stays_utf8_even_with_a_replacement_character_in_it() {
    // "Café �" is valid UTF-8 (U+FFFD is EF BF BD): the file is not read
    // again as Windows-1252, as a check for U+FFFD would have done.
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "notes.csv",
        "date;abonnés;notes\n05/03/2026;12;Café \u{fffd}\n".as_bytes(),
    );
    let file = CsvFile::open(&path).unwrap();
    assert_eq!(file.header(), ["date", "abonnés", "notes"]);
    let t = temp_store();
    let mut mapping = wide(None, &[(1, Metric::Followers)]);
    mapping.network_id = Some(network_id(&t.store, "Instagram"));
    let page = file
        .analyse(&mapping, &t.store.networks().unwrap())
        .unwrap()
        .page(&file, 0, false);
    assert_eq!(page.lines[0].cells[2], "Café \u{fffd}");
}

#[test]
fn a_mostly_utf8_file_with_one_invalid_byte_is_read_as_windows_1252_whole() {
    // "Réseau" in UTF-8 (52 C3 A9 ...) and, on the data line, a lone 0xE9:
    // not valid UTF-8, so the whole file is Windows-1252, where C3 is "Ã",
    // A9 is "©" and E9 is "é".
    let mut bytes = b"Date;R\xc3\xa9seau;Abonn\xc3\xa9s\n".to_vec();
    bytes.extend_from_slice(b"05/03/2026;Instagram;12 caf\xe9\n");
    assert!(std::str::from_utf8(&bytes).is_err());
    assert_eq!(
        decode(&bytes),
        "Date;RÃ©seau;AbonnÃ©s\n05/03/2026;Instagram;12 café\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = CsvFile::open(&write(dir.path(), "mixed.csv", &bytes)).unwrap();
    assert_eq!(file.header(), ["Date", "RÃ©seau", "AbonnÃ©s"]);
}

#[test]
fn a_windows_1252_file_reads_its_accents() {
    // As Excel saves "CSV (séparateur : point-virgule)": é is 0xE9, € 0x80.
    let bytes = b"Date;R\xe9seau;Abonn\xe9s;Budget \x80\r\n05/03/2026;Instagram;1200;10\r\n";
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "export.csv", bytes);
    let file = CsvFile::open(&path).unwrap();
    assert_eq!(file.header(), ["Date", "Réseau", "Abonnés", "Budget €"]);
    let mapping = file.guess_mapping().unwrap();
    assert_eq!(mapping.network_column, Some(1), "\"Réseau\" is recognised");
    let t = temp_store();
    let analysis = file
        .analyse(&mapping, &t.store.networks().unwrap())
        .unwrap();
    assert_eq!(analysis.totals().valid_lines, 1);
    assert_eq!(analysis.valid_observations()[0].value, 1200.0);
}

#[test]
fn a_utf16_file_with_its_byte_order_mark_reads_too() {
    // Excel's "Unicode text": UTF-16 little endian, tab-separated.
    let mut bytes = vec![0xff, 0xfe];
    for unit in "Date\tAbonnés\n05/03/2026\t12\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    assert_eq!(decode(&bytes), "Date\tAbonnés\n05/03/2026\t12\n");
}

#[test]
fn a_file_past_the_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let err = CsvFile::open(&path).unwrap_err();
    let payload = err.payload();
    assert_eq!(payload.reason, Some(Reason::FileTooLarge));
    assert_eq!(payload.path.as_deref(), Some(path.to_str().unwrap()));
    // At the limit exactly, it is read.
    file.set_len(MAX_FILE_BYTES).unwrap();
    assert!(CsvFile::open(&path).is_ok());
}

#[test]
fn a_missing_file_or_a_folder_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    for path in [dir.path().join("gone.csv"), dir.path().to_path_buf()] {
        let err = CsvFile::open(&path).unwrap_err().payload();
        assert_eq!(err.reason, Some(Reason::FileUnreadable), "{path:?}");
        assert_eq!(err.code, ErrorCode::Io);
    }
}

#[test]
fn a_column_index_past_the_header_is_a_validation_error_not_an_overflow() {
    let file = CsvFile::from_text("x.csv", "date;network;followers\n05/03/2026;X;12\n");
    let t = temp_store();
    let networks = t.store.networks().unwrap();
    let cases = [
        (
            wide(Some(u32::MAX), &[(2, Metric::Followers)]),
            "networkColumn",
        ),
        (
            CsvMapping {
                date_column: u32::MAX,
                ..wide(Some(1), &[(2, Metric::Followers)])
            },
            "dateColumn",
        ),
        (wide(Some(1), &[(u32::MAX, Metric::Followers)]), "layout"),
        (wide(Some(1), &[(3, Metric::Followers)]), "layout"),
        (
            CsvMapping {
                layout: CsvLayout::Long {
                    metric_column: 2,
                    value_column: u32::MAX,
                },
                ..wide(Some(1), &[])
            },
            "valueColumn",
        ),
    ];
    for (mapping, field) in cases {
        let err = file.analyse(&mapping, &networks).unwrap_err().payload();
        assert_eq!(err.reason, Some(Reason::ColumnOutOfRange), "{mapping:?}");
        assert_eq!(err.field.as_deref(), Some(field));
        assert!(check_mapping(3, &mapping).is_err());
        // The preview of every line (the store's) says so line by line
        // instead of overflowing.
        let preview = preview_csv(
            "date;network;followers\n05/03/2026;X;12\n",
            &mapping,
            &networks,
        );
        assert!(!preview.lines[0].errors.is_empty(), "{mapping:?}");
    }
    assert!(check_mapping(3, &wide(Some(1), &[(2, Metric::Followers)])).is_ok());
}

#[test]
fn the_preview_comes_a_page_at_a_time_and_the_import_takes_every_line() {
    // 120 lines; lines 10, 70 and 120 (as an editor counts) are not numbers.
    let mut text = String::from("date,network,followers\n");
    for i in 0..120u32 {
        let day =
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(i.into());
        let value = if [8, 68, 118].contains(&i) {
            "lots".to_string()
        } else {
            (1000 + i).to_string()
        };
        text.push_str(&format!("{},Instagram,{value}\n", day.format("%Y-%m-%d")));
    }
    let file = CsvFile::from_text("big.csv", &text);
    let mut t = temp_store();
    let mapping = file.guess_mapping().unwrap();
    let analysis = file
        .analyse(&mapping, &t.store.networks().unwrap())
        .unwrap();
    let totals = analysis.totals();
    assert_eq!(
        (totals.lines, totals.valid_lines, totals.invalid_lines),
        (120, 117, 3)
    );
    assert_eq!((totals.errors, totals.problem_lines), (3, 3));
    assert_eq!(totals.observation_count, 117);

    assert_eq!(PREVIEW_PAGE_SIZE, 50);
    let first = analysis.page(&file, 0, false);
    assert_eq!(
        (first.page, first.page_count, first.shown_lines),
        (0, 3, 120)
    );
    assert_eq!(first.lines.len(), 50);
    assert_eq!(first.lines[0].line, 2);
    assert_eq!(first.lines[0].cells, ["2026-01-01", "Instagram", "1000"]);
    let last = analysis.page(&file, 2, false);
    assert_eq!(last.lines.len(), 20);
    assert_eq!(last.lines[19].line, 121);
    // Past the end: the last page.
    assert_eq!(analysis.page(&file, u32::MAX, false).page, 2);

    let problems = analysis.page(&file, 0, true);
    assert_eq!((problems.page_count, problems.shown_lines), (1, 3));
    assert_eq!(
        problems.lines.iter().map(|l| l.line).collect::<Vec<_>>(),
        [10, 70, 120]
    );
    assert_eq!(problems.totals, *totals, "the totals are the whole file's");

    // What an import writes: the valid lines of every page.
    let observations = analysis.valid_observations();
    assert_eq!(observations.len(), 117);
    let report = t.store.import_observations(&observations).unwrap();
    assert_eq!(report.written, 117);
}
