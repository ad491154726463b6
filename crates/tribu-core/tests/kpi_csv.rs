//! The CSV import of a network's export: the guessed mapping, the preview
//! of every line, and the import of what the user confirmed.

mod common;

use common::kpi::all_observations;
use common::{network_id, temp_store};
use tribu_core::error::Reason;
use tribu_core::kpi::*;
use tribu_core::{Error, Store};

fn networks(store: &Store) -> Vec<tribu_core::model::Network> {
    store.networks().unwrap()
}

#[test]
fn french_wide_export_with_bom_semicolons_quotes_crlf_and_empty_lines() {
    let t = temp_store();
    let ig = network_id(&t.store, "Instagram");
    let fb = network_id(&t.store, "Facebook");
    let text = "\u{feff}Date;Réseau;Abonnés;Portée;\"Taux d'engagement (%)\";Notes\r\n\
                05/03/2026;Instagram;\"1 234\";\"1 234,5\";\"12,5 %\";\"Lancement; \"\"teaser\"\"\"\r\n\
                \r\n\
                2026-03-06;instagram;1\u{202f}240;980;3,5;\r\n\
                07.03.2026;FACEBOOK;5600;2\u{a0}100;\"4,0 %\";ok\r\n\
                ;;;;;\r\n\
                08/03/26;Facebook;5 610;1.234,5;;\r\n";
    let mapping = guess_mapping(text).unwrap();
    assert_eq!(
        mapping,
        CsvMapping {
            date_column: 0,
            network_column: Some(1),
            network_id: None,
            layout: CsvLayout::Wide {
                columns: vec![
                    MetricColumn {
                        column: 2,
                        metric: Metric::Followers
                    },
                    MetricColumn {
                        column: 3,
                        metric: Metric::Reach
                    },
                    MetricColumn {
                        column: 4,
                        metric: Metric::EngagementRate
                    },
                ]
            },
            date_order: DateOrder::DayFirst,
        }
    );
    let preview = preview_csv(text, &mapping, &networks(&t.store));
    assert_eq!(preview.delimiter, ";");
    assert_eq!(
        preview.header[0], "Date",
        "the BOM is not part of the first header"
    );
    assert_eq!(
        preview.empty_lines, 2,
        "line 3 and the line of separators only"
    );
    assert_eq!(
        preview.lines.iter().map(|l| l.line).collect::<Vec<_>>(),
        [2, 4, 5, 7]
    );
    assert_eq!((preview.valid_lines, preview.invalid_lines), (4, 0));
    assert_eq!(preview.warnings.len(), 1);
    assert_eq!(preview.warnings[0].reason.as_str(), "ignored_columns");
    assert!(preview.warnings[0].message.contains("“Notes”"));
    assert_eq!(preview.lines[0].cells[5], "Lancement; \"teaser\"");

    let values = |line: usize| -> Vec<(String, String, Metric, f64)> {
        preview.lines[line]
            .observations
            .iter()
            .map(|o| (o.day.clone(), o.network_id.clone(), o.metric, o.value))
            .collect()
    };
    assert_eq!(
        values(0),
        [
            ("2026-03-05".into(), ig.clone(), Metric::Followers, 1234.0),
            ("2026-03-05".into(), ig.clone(), Metric::Reach, 1234.5),
            (
                "2026-03-05".into(),
                ig.clone(),
                Metric::EngagementRate,
                12.5
            ),
        ]
    );
    assert_eq!(
        values(1),
        [
            ("2026-03-06".into(), ig.clone(), Metric::Followers, 1240.0),
            ("2026-03-06".into(), ig.clone(), Metric::Reach, 980.0),
            ("2026-03-06".into(), ig.clone(), Metric::EngagementRate, 3.5),
        ]
    );
    assert_eq!(
        values(2)[0],
        ("2026-03-07".into(), fb.clone(), Metric::Followers, 5600.0)
    );
    assert_eq!(values(2)[1].3, 2100.0);
    // The empty rate cell is a value not measured: two observations.
    assert_eq!(
        values(3),
        [
            ("2026-03-08".into(), fb.clone(), Metric::Followers, 5610.0),
            ("2026-03-08".into(), fb.clone(), Metric::Reach, 1234.5),
        ]
    );
    assert_eq!(preview.observation_count, 11);
    assert!(preview.lines.iter().all(|l| l
        .observations
        .iter()
        .all(|o| o.source == ObservationSource::Csv)));
}

#[test]
fn english_long_export_with_line_errors() {
    let t = temp_store();
    let x = network_id(&t.store, "X");
    let ig = network_id(&t.store, "Instagram");
    let text = "date,network,metric,value\n\
                2026-03-05T10:00:00Z,X,followers,\"1,234.5\"\n\
                2026/03/06,Twitter,reach,\"1,234\"\n\
                2026-03-07,Mastodon,reach,10\n\
                31/02/2026,Instagram,reach,10\n\
                2026-03-08,Instagram,reach\n\
                2026-03-09,Instagram,clicks,-3\n\
                2026-03-10,Instagram,humeur,3\n\
                2026-03-11,Instagram,comments,12,extra,columns\n\
                2026-03-12,Instagram,comments,abc\n\
                2026-03-13,Instagram,comments,7,more\n\
                2026-03-13,instagram,Comments,8\n";
    let mapping = guess_mapping(text).unwrap();
    assert_eq!(
        mapping.layout,
        CsvLayout::Long {
            metric_column: 2,
            value_column: 3
        }
    );
    let preview = preview_csv(text, &mapping, &networks(&t.store));
    assert_eq!(preview.delimiter, ",");
    let line = |n: u32| preview.lines.iter().find(|l| l.line == n).unwrap();
    let error = |n: u32| {
        let l = line(n);
        assert!(l.observations.is_empty(), "line {n} has an error: no value");
        assert_eq!(l.errors.len(), 1, "line {n}: {:?}", l.errors);
        (l.errors[0].reason.as_str(), l.errors[0].message.as_str())
    };

    // An ISO instant gives its date; an English thousands separator in a
    // comma-separated file.
    let o = &line(2).observations[0];
    assert_eq!(
        (o.day.as_str(), o.network_id.as_str(), o.metric, o.value),
        ("2026-03-05", x.as_str(), Metric::Followers, 1234.5)
    );
    let o = &line(3).observations[0];
    assert_eq!(
        (o.day.as_str(), o.network_id.as_str(), o.value),
        ("2026-03-06", x.as_str(), 1234.0)
    );

    assert_eq!(
        error(4),
        (
            "unknown_network",
            "line 4: no network named “Mastodon” in this workspace"
        )
    );
    assert_eq!(
        error(5),
        ("invalid_date", "line 5: “31/02/2026” is not a valid date")
    );
    assert_eq!(error(6).0, "missing_column");
    assert!(
        error(6)
            .1
            .starts_with("line 6: 3 columns, the column “value”"),
        "{}",
        error(6).1
    );
    assert_eq!(
        error(7),
        (
            "negative",
            "line 7: “-3” is negative; clicks cannot be below zero"
        )
    );
    assert_eq!(
        error(8),
        (
            "unknown_metric",
            "line 8: “humeur” is not a metric Tribu knows"
        )
    );
    assert_eq!(
        error(10),
        ("invalid_number", "line 10: “abc” is not a number")
    );
    assert_eq!(
        line(9).observations[0].value,
        12.0,
        "extra columns are ignored"
    );

    // Extra columns are noted once, for the first line that has them.
    let extra: Vec<&CsvIssue> = preview
        .warnings
        .iter()
        .filter(|w| w.reason == CsvIssueReason::ExtraColumns)
        .collect();
    assert_eq!(extra.len(), 1);
    assert_eq!(extra[0].line, 9);

    // Two values for the same day, network and metric: the later one wins,
    // with a warning.
    assert_eq!(line(12).warnings[0].reason.as_str(), "duplicate");
    assert!(line(12).warnings[0].message.contains("line 11"));

    assert_eq!((preview.valid_lines, preview.invalid_lines), (5, 6));
    let valid = preview.valid_observations();
    assert_eq!(valid.len(), 5);
    assert!(valid
        .iter()
        .all(|o| o.network_id == x || o.network_id == ig));
}

#[test]
fn tab_separated_file_of_one_network_with_us_dates() {
    let t = temp_store();
    let li = network_id(&t.store, "LinkedIn");
    let text = "Day\tFollowers\tClics\n03/05/2026\t1,234\t12\n03/06/2026\t1 240\t\n";
    let mut mapping = guess_mapping(text).unwrap();
    assert_eq!(mapping.network_column, None);

    // Without a network, every line says so.
    let preview = preview_csv(text, &mapping, &networks(&t.store));
    assert_eq!(preview.delimiter, "\t");
    assert_eq!(preview.lines[0].errors[0].reason.as_str(), "no_network");

    mapping.network_id = Some(li.clone());
    mapping.date_order = DateOrder::MonthFirst;
    let preview = t.store.preview_csv(text, &mapping).unwrap();
    assert_eq!(preview.invalid_lines, 0);
    let first = &preview.lines[0].observations;
    // March 5 read month first; "1,234" in a tab file: a lone comma is the
    // decimal mark.
    assert_eq!(first[0].day, "2026-03-05");
    assert_eq!(first[0].network_id, li);
    assert_eq!(first[0].value, 1.234);
    assert_eq!(first[1].metric, Metric::Clicks);
    assert_eq!(preview.lines[1].observations.len(), 1);
}

#[test]
fn a_file_without_a_date_or_metric_column_is_refused_by_the_guess() {
    assert!(matches!(
        guess_mapping("réseau;abonnés\nInstagram;12"),
        Err(Error::Validation {
            reason: Reason::NoDateColumn,
            ..
        })
    ));
    assert!(matches!(
        guess_mapping("date;humeur\n2026-03-01;bonne"),
        Err(Error::Validation {
            reason: Reason::NoMetricColumn,
            ..
        })
    ));
}

#[test]
fn a_confirmed_import_writes_exactly_the_valid_lines() {
    let mut t = temp_store();
    let ig = network_id(&t.store, "Instagram");
    let text = "date;réseau;abonnés;portée\n\
                01/03/2026;Instagram;1000;500\n\
                02/03/2026;Instagram;-4;510\n\
                03/03/2026;Inconnu;1010;520\n\
                04/03/2026;Instagram;1020;\n";
    let mapping = guess_mapping(text).unwrap();
    let preview = t.store.preview_csv(text, &mapping).unwrap();
    assert_eq!((preview.valid_lines, preview.invalid_lines), (2, 2));
    assert!(
        all_observations(&t.store).is_empty(),
        "a preview writes nothing"
    );

    let valid = preview.valid_observations();
    // Line 2: followers and reach; line 5: followers only.
    assert_eq!(
        t.store.import_observations(&valid).unwrap(),
        ImportReport {
            written: 3,
            replaced: 0
        }
    );
    let stored: Vec<(String, Metric, f64, ObservationSource)> = all_observations(&t.store)
        .into_iter()
        .map(|o| {
            assert_eq!(o.network_id, ig);
            (o.day, o.metric, o.value, o.source)
        })
        .collect();
    assert_eq!(
        stored,
        [
            (
                "2026-03-01".into(),
                Metric::Followers,
                1000.0,
                ObservationSource::Csv
            ),
            (
                "2026-03-01".into(),
                Metric::Reach,
                500.0,
                ObservationSource::Csv
            ),
            (
                "2026-03-04".into(),
                Metric::Followers,
                1020.0,
                ObservationSource::Csv
            ),
        ]
    );

    // The same file again replaces instead of counting twice.
    assert_eq!(
        t.store.import_observations(&valid).unwrap(),
        ImportReport {
            written: 3,
            replaced: 3
        }
    );
    assert_eq!(all_observations(&t.store).len(), 3);
}
