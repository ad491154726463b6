//! Documents made from a workspace as it stands, for the app's export
//! buttons and any other front end. Reading is apart from typesetting so a
//! caller can read under its lock and typeset (the slow part) outside it.

use chrono::NaiveDate;
use tribu_core::charter::{Charter, CharterLanguage};
use tribu_core::kpi::{Dashboard, DashboardQuery};
use tribu_core::model::Network;
use tribu_core::time::parse_date;
use tribu_core::Store;

use crate::{
    charter_pdf, kpi_report_pdf, CalendarAppendix, CalendarLine, CharterExport, KpiReport,
};

/// A typeset document and the name it is saved under by default.
pub struct Document {
    pub bytes: Vec<u8>,
    pub file_name: String,
}

/// What the charter export reads from the workspace.
pub struct CharterSource {
    charter: Charter,
    networks: Vec<Network>,
    calendar: Option<CalendarAppendix>,
}

impl CharterSource {
    /// The charter, and with `calendar` (first and last day, `YYYY-MM-DD`,
    /// both included) the posts planned on those days as an appendix.
    pub fn read(store: &Store, calendar: Option<(&str, &str)>) -> tribu_core::Result<Self> {
        let calendar = match calendar {
            Some((first, last)) => Some(CalendarAppendix {
                first: parse_date(first)?,
                last: parse_date(last)?,
                lines: store
                    .posts_on_days(first, last)?
                    .iter()
                    .filter_map(CalendarLine::of)
                    .collect(),
            }),
            None => None,
        };
        Ok(CharterSource {
            charter: store.charter()?,
            networks: store.networks()?,
            calendar,
        })
    }

    /// The charter as of `today`, versioned by that day: `charter-<day>.pdf`.
    pub fn typeset(self, today: NaiveDate) -> tribu_core::Result<Document> {
        let export = CharterExport {
            charter: &self.charter,
            networks: &self.networks,
            date: today,
            version: today.format("%Y.%m.%d").to_string(),
            calendar: self.calendar,
        };
        Ok(Document {
            bytes: charter_pdf(&export)?,
            file_name: format!("charter-{}.pdf", today.format("%Y-%m-%d")),
        })
    }
}

/// What the KPI report reads from the workspace.
pub struct KpiReportSource {
    dashboard: Dashboard,
    networks: Vec<Network>,
    brand: String,
    language: CharterLanguage,
}

impl KpiReportSource {
    /// The dashboard of `query`, under the charter's brand and in its language.
    pub fn read(store: &Store, query: &DashboardQuery) -> tribu_core::Result<Self> {
        let identity = store.charter()?.identity;
        Ok(KpiReportSource {
            dashboard: store.kpi_dashboard(query)?,
            networks: store.networks()?,
            brand: identity.brand,
            language: identity.language.unwrap_or(CharterLanguage::Fr),
        })
    }

    /// The report made `today`: `kpi-report-<day>.pdf`.
    pub fn typeset(self, today: NaiveDate) -> tribu_core::Result<Document> {
        let report = KpiReport {
            dashboard: &self.dashboard,
            networks: &self.networks,
            brand: &self.brand,
            language: self.language,
            date: today,
        };
        Ok(Document {
            bytes: kpi_report_pdf(&report)?,
            file_name: format!("kpi-report-{}.pdf", today.format("%Y-%m-%d")),
        })
    }
}
