//! The charter's draft checks over a whole calendar range, for the warning
//! badge on each post. Counted on demand rather than stored, so a change to
//! the charter shows on the calendar the next time it loads, with no stale
//! counts to keep in step.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Store;
use crate::error::Result;
use crate::lint::{check_draft, DraftRules};

/// How many charter warnings a planned post's text raises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftWarningCount {
    pub post_id: String,
    pub warnings: u32,
}

impl Store {
    /// Posts planned in `[start, end)` whose text raises at least one
    /// warning, with how many. Posts with none are left out: the calendar
    /// only marks the others.
    pub fn draft_warning_counts(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Result<Vec<DraftWarningCount>> {
        let charter = self.charter()?;
        let rules: HashMap<String, DraftRules> = self
            .networks()?
            .iter()
            .map(|n| (n.id.clone(), charter.draft_rules(n)))
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, network_id, body FROM post
             WHERE planned_at >= ?1 AND planned_at < ?2 AND body <> ''
             ORDER BY planned_at, id",
        )?;
        let mut rows = stmt.query((start.timestamp(), end.timestamp()))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let network_id: String = row.get(1)?;
            let Some(rules) = rules.get(&network_id) else {
                continue;
            };
            let body: String = row.get(2)?;
            let warnings = check_draft(&body, rules).warnings.len() as u32;
            if warnings > 0 {
                out.push(DraftWarningCount {
                    post_id: row.get(0)?,
                    warnings,
                });
            }
        }
        Ok(out)
    }
}
