//! Checks a draft against the charter's rules: banned terms, corpus keywords
//! used, the network's length limit, the number of hashtags and the form of
//! address (tu / vous). They produce warnings, never refusals: the community
//! manager decides.
//!
//! Terms match on whole words, ignoring case and accents ("GÉNIAL" matches
//! "genial", "gratuit" does not match "gratuite"); a term of several words
//! matches those words in a row, whatever spaces or punctuation lie between.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::string_enum;
use crate::text::fold;

string_enum!(
    /// How the brand addresses its audience.
    AddressForm, "address", {
        Tu => "tu",
        Vous => "vous",
    }
);

/// What a draft is checked against.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftRules {
    pub banned_terms: Vec<String>,
    pub keywords: Vec<String>,
    pub char_limit: Option<u32>,
    pub max_hashtags: Option<u32>,
    pub address: Option<AddressForm>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum DraftWarning {
    BannedTerm {
        term: String,
        occurrences: u32,
    },
    OverLimit {
        length: u32,
        limit: u32,
    },
    TooManyHashtags {
        count: u32,
        max: u32,
    },
    /// Words of the other form of address, as written in the draft.
    AddressMismatch {
        expected: AddressForm,
        found: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftReport {
    pub warnings: Vec<DraftWarning>,
    /// Corpus keywords the draft uses, as the charter spells them.
    pub keywords_used: Vec<String>,
    /// Characters (Unicode scalar values), as the editor's counter shows.
    pub length: u32,
    pub hashtags: u32,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// A word of the draft: folded for matching, and as written for messages.
struct Word<'a> {
    folded: String,
    written: &'a str,
}

/// Splits `text` into words: runs of letters and digits. A short word right
/// before an apostrophe keeps it, so the elided "t'" of "t'aime" is a word of
/// its own that the address check can see.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let word = &text[s..i];
            let elided = is_apostrophe(c) && word.chars().count() <= 2;
            let written = if elided {
                &text[s..i + c.len_utf8()]
            } else {
                word
            };
            let folded = if elided {
                format!("{}'", fold(word))
            } else {
                fold(word)
            };
            out.push(Word { folded, written });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            folded: fold(&text[s..]),
            written: &text[s..],
        });
    }
    out
}

/// How many times the words of `term` occur in a row in `draft`.
fn occurrences(draft: &[Word], term: &str) -> u32 {
    let needle: Vec<String> = words(term).into_iter().map(|w| w.folded).collect();
    if needle.is_empty() || needle.len() > draft.len() {
        return 0;
    }
    draft
        .windows(needle.len())
        .filter(|window| window.iter().zip(&needle).all(|(w, n)| &w.folded == n))
        .count() as u32
}

/// `#` starting a word, followed by a letter, digit or underscore ("C#" is
/// not a hashtag, "#MonLin" is).
fn count_hashtags(text: &str) -> u32 {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    for (i, &c) in chars.iter().enumerate() {
        let starts_word = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        let followed = chars
            .get(i + 1)
            .is_some_and(|n| n.is_alphanumeric() || *n == '_');
        if c == '#' && starts_word && followed {
            count += 1;
        }
    }
    count
}

const TU_WORDS: &[&str] = &["tu", "te", "t'", "toi", "ton", "ta", "tes"];
const VOUS_WORDS: &[&str] = &["vous", "votre", "vos"];

pub fn check_draft(text: &str, rules: &DraftRules) -> DraftReport {
    let draft = words(text);
    let mut warnings = Vec::new();

    for term in &rules.banned_terms {
        let n = occurrences(&draft, term);
        if n > 0 {
            warnings.push(DraftWarning::BannedTerm {
                term: term.trim().to_string(),
                occurrences: n,
            });
        }
    }

    let length = text.chars().count() as u32;
    if let Some(limit) = rules.char_limit.filter(|&limit| length > limit) {
        warnings.push(DraftWarning::OverLimit { length, limit });
    }

    let hashtags = count_hashtags(text);
    if let Some(max) = rules.max_hashtags.filter(|&max| hashtags > max) {
        warnings.push(DraftWarning::TooManyHashtags {
            count: hashtags,
            max,
        });
    }

    if let Some(expected) = rules.address {
        let other = match expected {
            AddressForm::Tu => VOUS_WORDS,
            AddressForm::Vous => TU_WORDS,
        };
        let mut found: Vec<String> = Vec::new();
        for word in draft.iter().filter(|w| other.contains(&w.folded.as_str())) {
            if !found.iter().any(|f| fold(f) == word.folded) {
                found.push(word.written.to_string());
            }
        }
        if !found.is_empty() {
            warnings.push(DraftWarning::AddressMismatch { expected, found });
        }
    }

    let keywords_used = rules
        .keywords
        .iter()
        .filter(|k| occurrences(&draft, k) > 0)
        .map(|k| k.trim().to_string())
        .collect();

    DraftReport {
        warnings,
        keywords_used,
        length,
        hashtags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn banned(text: &str, terms: &[&str]) -> Vec<(String, u32)> {
        let rules = DraftRules {
            banned_terms: terms.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        };
        check_draft(text, &rules)
            .warnings
            .into_iter()
            .filter_map(|w| match w {
                DraftWarning::BannedTerm { term, occurrences } => Some((term, occurrences)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn banned_terms_match_whole_words_without_case_or_accents() {
        assert_eq!(
            banned("C'est GÉNIAL, vraiment génial !", &["genial"]),
            [("genial".to_string(), 2)]
        );
        // "gratuit" is not a word of "gratuite" nor of "gratuitement".
        assert!(banned("Offre gratuite, livrée gratuitement", &["gratuit"]).is_empty());
        // Accents are ignored both ways: the banned "gratuité" catches "GRATUITE".
        assert_eq!(
            banned("Offre GRATUITE", &["gratuité"]),
            [("gratuité".to_string(), 1)]
        );
        // Several words match in a row, whatever lies between them.
        assert_eq!(
            banned("Pas  cher ! pas, CHER. pas très cher", &["pas cher"]),
            [("pas cher".to_string(), 2)]
        );
        assert!(banned("", &["x"]).is_empty());
        assert!(banned("texte", &["", "  "]).is_empty());
    }

    #[test]
    fn length_and_hashtags_against_the_network() {
        let rules = DraftRules {
            char_limit: Some(10),
            max_hashtags: Some(2),
            ..Default::default()
        };
        // 12 characters (an accented letter counts as one); C# is not a hashtag.
        let report = check_draft("Été #a #b #c", &rules);
        assert_eq!(report.length, 12);
        assert_eq!(report.hashtags, 3);
        assert_eq!(
            report.warnings,
            [
                DraftWarning::OverLimit {
                    length: 12,
                    limit: 10
                },
                DraftWarning::TooManyHashtags { count: 3, max: 2 }
            ]
        );
        assert_eq!(
            check_draft("C# et #_ok et # seul", &DraftRules::default()).hashtags,
            1
        );
        assert!(
            check_draft("1234567890", &rules).warnings.is_empty(),
            "at the limit is fine"
        );
    }

    #[test]
    fn form_of_address_against_the_editorial_line() {
        let vous = DraftRules {
            address: Some(AddressForm::Vous),
            ..Default::default()
        };
        let report = check_draft(
            "Merci ! Ton avis compte : on t’écoute, TU peux voter. Et toi ?",
            &vous,
        );
        assert_eq!(
            report.warnings,
            [DraftWarning::AddressMismatch {
                expected: AddressForm::Vous,
                found: vec!["Ton".into(), "t’".into(), "TU".into(), "toi".into()],
            }]
        );
        // "tutoriel" and "tonne" start like pronouns but are other words.
        assert!(check_draft("Un tutoriel d'une tonne", &vous)
            .warnings
            .is_empty());
        let tu = DraftRules {
            address: Some(AddressForm::Tu),
            ..Default::default()
        };
        let report = check_draft("Donnez-nous votre avis, vous et vos amis", &tu);
        assert_eq!(
            report.warnings,
            [DraftWarning::AddressMismatch {
                expected: AddressForm::Tu,
                found: vec!["votre".into(), "vous".into(), "vos".into()],
            }]
        );
        assert!(check_draft("Donne-nous ton avis", &tu).warnings.is_empty());
    }

    #[test]
    fn keywords_used_keep_the_charter_spelling() {
        let rules = DraftRules {
            keywords: vec!["Lin lavé".into(), "atelier".into(), "Fait main".into()],
            ..Default::default()
        };
        let report = check_draft("Nos draps en LIN LAVE, cousus à l'Atelier.", &rules);
        assert_eq!(report.keywords_used, ["Lin lavé", "atelier"]);
    }
}
