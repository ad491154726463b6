//! Starter charters: a complete first draft of every section, in French or in
//! English, for a new brand. Only what the brand alone knows is left between
//! square brackets ("[à compléter : …]", "[to fill in: …]"); everything else is
//! a sensible default the community manager keeps, adapts or deletes.
//!
//! Guidelines and moderation charters are written per network kind, so that
//! formats, rhythm, hashtags and moderation tools match the platform. French
//! text uses ’ and « » with plain spaces before `: ; ! ?`: the PDF adds the
//! no-break spaces.

use std::collections::HashSet;

use super::{
    BannedTerm, CharterLanguage, CharterSection, CrisisPlan, CrisisRole, CrisisScenario,
    EditorialLine, EscalationStep, FaqEntry, Frequency, FrequencyPeriod, HoldingStatement,
    Identity, Keyword, ModerationCharter, NetworkGuideline, Objective, Principle, Priority,
    ResponseRule, SeverityLevel,
};
use crate::lint::AddressForm;
use crate::model::{Network, NetworkKind, PostFormat};
use crate::text::fold;

/// A charter to start a new brand from, in `language`, naming `brand` and
/// giving guidelines and a moderation charter for each of `networks`.
pub fn starter_charter(
    language: CharterLanguage,
    brand: &str,
    networks: &[Network],
) -> Vec<CharterSection> {
    let names = Names::new(language, brand);
    let (text, guideline, moderation): (Starter, PerNetwork<_>, PerNetwork<_>) = match language {
        CharterLanguage::Fr => (fr::starter(&names), fr::guideline, fr::moderation),
        CharterLanguage::En => (en::starter(&names), en::guideline, en::moderation),
    };
    vec![
        CharterSection::Identity(Identity {
            brand: brand.trim().to_string(),
            mission: text.mission,
            values: text.values,
            language: Some(language),
        }),
        CharterSection::Keywords(distinct(text.keywords)),
        CharterSection::BannedTerms(text.banned_terms),
        CharterSection::Objectives(text.objectives),
        CharterSection::Faq(text.faq),
        CharterSection::EditorialLine(text.editorial_line),
        CharterSection::Guidelines(networks.iter().map(|n| guideline(n, &names)).collect()),
        CharterSection::Moderation(networks.iter().map(|n| moderation(n, &names)).collect()),
        CharterSection::ResponseProtocol(text.response_protocol),
        CharterSection::Crisis(text.crisis),
        CharterSection::Principles(text.principles),
    ]
}

type PerNetwork<T> = fn(&Network, &Names) -> T;

/// The sections that do not depend on the networks.
struct Starter {
    mission: String,
    values: Vec<String>,
    keywords: Vec<Keyword>,
    banned_terms: Vec<BannedTerm>,
    objectives: Vec<Objective>,
    faq: Vec<FaqEntry>,
    editorial_line: EditorialLine,
    response_protocol: Vec<ResponseRule>,
    crisis: CrisisPlan,
    principles: Vec<Principle>,
}

/// How the text names the brand and its hashtag.
struct Names {
    brand: String,
    hashtag: String,
}

impl Names {
    fn new(language: CharterLanguage, brand: &str) -> Names {
        let (brand_placeholder, hashtag_placeholder) = match language {
            CharterLanguage::Fr => (fr::BRAND, fr::HASHTAG),
            CharterLanguage::En => (en::BRAND, en::HASHTAG),
        };
        let brand = brand.trim();
        Names {
            brand: if brand.is_empty() {
                brand_placeholder.to_string()
            } else {
                brand.to_string()
            },
            hashtag: hashtag_of(brand).unwrap_or_else(|| hashtag_placeholder.to_string()),
        }
    }
}

/// "Atelier du Lin" → "#AtelierDuLin"; none when nothing usable is left or
/// the result is too long to be a hashtag anyone types.
fn hashtag_of(brand: &str) -> Option<String> {
    let tag: String = brand
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().into_iter().flat_map(char::to_uppercase);
            first.chain(chars).collect::<String>()
        })
        .collect();
    let length = tag.chars().count();
    (1..=60).contains(&length).then(|| format!("#{tag}"))
}

/// The keywords without a later one that folds to an earlier one (a brand
/// named like one of the example keywords).
fn distinct(mut keywords: Vec<Keyword>) -> Vec<Keyword> {
    let mut seen = HashSet::new();
    keywords.retain(|k| seen.insert(fold(&k.term)));
    keywords
}

fn s(text: &str) -> String {
    text.to_string()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

/// The non-empty parts, one after the other.
fn joined(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn keyword(term: impl Into<String>, category: &str, note: impl Into<String>) -> Keyword {
    Keyword {
        term: term.into(),
        category: s(category),
        note: note.into(),
    }
}

fn banned(term: &str, reason: &str) -> BannedTerm {
    BannedTerm {
        term: s(term),
        reason: s(reason),
    }
}

fn objective(title: &str, description: impl Into<String>) -> Objective {
    Objective {
        title: s(title),
        description: description.into(),
    }
}

fn faq(question: &str, answer: impl Into<String>, tags: &[&str]) -> FaqEntry {
    FaqEntry {
        question: s(question),
        answer: answer.into(),
        tags: strings(tags),
    }
}

fn rule(
    interaction: &str,
    priority: Priority,
    target_minutes: Option<u32>,
    who_answers: &str,
    answer: &str,
) -> ResponseRule {
    ResponseRule {
        interaction: s(interaction),
        priority,
        target_minutes,
        who_answers: s(who_answers),
        answer: s(answer),
    }
}

fn level(name: &str, description: &str) -> SeverityLevel {
    SeverityLevel {
        name: s(name),
        description: s(description),
    }
}

fn scenario(name: &str, triggers: &str, level: &str) -> CrisisScenario {
    CrisisScenario {
        name: s(name),
        triggers: s(triggers),
        level: s(level),
    }
}

fn role(role: &str, person: &str, contact: &str) -> CrisisRole {
    CrisisRole {
        role: s(role),
        person: s(person),
        contact: s(contact),
    }
}

fn step(who: &str, when: &str, decides: &str) -> EscalationStep {
    EscalationStep {
        who: s(who),
        when: s(when),
        decides: s(decides),
    }
}

fn holding(situation: &str, text: impl Into<String>) -> HoldingStatement {
    HoldingStatement {
        situation: s(situation),
        text: text.into(),
    }
}

fn principle(title: &str, description: &str) -> Principle {
    Principle {
        title: s(title),
        description: s(description),
    }
}

fn per(count: u32, per: FrequencyPeriod) -> Option<Frequency> {
    Some(Frequency { count, per })
}

/// A network's guideline before it is given the network's id.
struct Plan {
    purpose: String,
    audience: String,
    formats: &'static [PostFormat],
    frequency: Option<Frequency>,
    slots: &'static [&'static str],
    max_hashtags: Option<u32>,
    hashtag_policy: String,
}

impl Plan {
    fn for_network(self, network: &Network) -> NetworkGuideline {
        NetworkGuideline {
            network_id: network.id.clone(),
            purpose: self.purpose,
            audience: self.audience,
            formats: self.formats.to_vec(),
            frequency: self.frequency,
            preferred_slots: strings(self.slots),
            max_hashtags: self.max_hashtags,
            hashtag_policy: self.hashtag_policy,
        }
    }
}

/// What a network's moderation adds to the rules every network shares.
struct Moderation {
    rules: String,
    hidden: String,
    sanctions: String,
    escalation: String,
}

mod en;
mod fr;
#[cfg(test)]
mod tests;
