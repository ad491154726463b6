//! The charter: its sections, the draft check against it, its PDF.

use tribu_core::charter::{Charter, CharterLanguage, CharterSection};
use tribu_core::lint::{check_draft, DraftReport};
use tribu_core::time::parse_instant;
use tribu_core::DraftWarningCount;

use super::{commands, exports};

commands! {
    /// The whole charter; sections never written come back empty.
    fn charter_get(cx) -> Charter {
        cx.with(|store| store.charter())
    }

    /// Replaces one whole section (lists in the user's order); resolves
    /// with the whole charter.
    fn charter_save_section(cx, section: CharterSection) -> Charter {
        cx.with(|store| store.save_charter_section(section))
    }

    /// Fills the charter from the French or English starter, written for
    /// the brand and each of its networks, as one action to undo. Resolves
    /// with the whole charter.
    fn charter_apply_starter(cx, language: CharterLanguage) -> Charter {
        cx.with(|store| store.apply_starter_charter(language))
    }

    /// Checks a draft against the charter and the network's rules; advisory
    /// only.
    fn draft_check(cx, text: String, network_id: String) -> DraftReport {
        cx.with(|store| {
            let rules = store.charter()?.draft_rules(&store.network(&network_id)?);
            Ok(check_draft(&text, &rules))
        })
    }

    /// Typesets the charter, with the calendar from `calendarFirst` to
    /// `calendarLast` (`YYYY-MM-DD`, both included) as an appendix when
    /// given. Writes it into the exports folder (replacing an export of the
    /// same day), or where the user picks in the system's dialog when
    /// `saveAs` gives that dialog's title; resolves with the path, or null
    /// when the dialog is cancelled.
    fn charter_export_pdf(
        cx,
        calendar_first: Option<String>,
        calendar_last: Option<String>,
        save_as: Option<String>,
    ) -> Option<String> {
        let range = calendar_first.as_deref().zip(calendar_last.as_deref());
        let source = cx.with(|store| tribu_pdf::CharterSource::read(store, range))?;
        let document = source.typeset(exports::today()).map_err(|e| e.payload())?;
        exports::deliver(&cx, &document, save_as.as_deref())
    }

    /// Posts planned in [start, end) whose text raises charter warnings,
    /// with how many, for the calendar's badges.
    fn posts_draft_warnings(cx, start: String, end: String) -> Vec<DraftWarningCount> {
        cx.with(|store| {
            store.draft_warning_counts(parse_instant("start", &start)?, parse_instant("end", &end)?)
        })
    }
}
