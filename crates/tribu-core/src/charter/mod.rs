//! The community-management charter of a workspace, as structured data: one
//! section per part of the document a community manager keeps (identity,
//! keyword corpus, banned terms, objectives, FAQ, editorial line, per-network
//! guidelines and moderation, response protocol, crisis plan, principles).
//! The store saves one section at a time; lists keep the user's order.

mod starter;
mod validate;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lint::{AddressForm, DraftRules};
use crate::model::{string_enum, Network, PostFormat};

pub use starter::starter_charter;
pub use validate::validated;

string_enum!(
    /// The language the charter is written in (typography and hyphenation of the PDF).
    CharterLanguage, "language", {
        Fr => "fr",
        En => "en",
    }
);

string_enum!(
    /// How fast an interaction must be handled.
    Priority, "priority", {
        Immediate => "immediate",
        High => "high",
        Normal => "normal",
        Low => "low",
    }
);

string_enum!(
    /// The period a posting frequency counts over.
    FrequencyPeriod, "period", {
        Day => "day",
        Week => "week",
        Month => "month",
    }
);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Identity {
    pub brand: String,
    pub mission: String,
    pub values: Vec<String>,
    pub language: Option<CharterLanguage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Keyword {
    pub term: String,
    pub category: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BannedTerm {
    pub term: String,
    /// Why it is banned (offensive, confidential, a competitor's name...).
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Objective {
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FaqEntry {
    pub question: String,
    /// The template answer.
    pub answer: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct EditorialLine {
    pub tone: String,
    pub address: Option<AddressForm>,
    pub core_message: String,
    /// Topics and content pillars.
    pub pillars: Vec<String>,
}

/// "3 a week".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Frequency {
    pub count: u32,
    pub per: FrequencyPeriod,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkGuideline {
    pub network_id: String,
    pub purpose: String,
    pub audience: String,
    pub formats: Vec<PostFormat>,
    pub frequency: Option<Frequency>,
    /// Free text slots such as "Tue 12:30".
    pub preferred_slots: Vec<String>,
    pub max_hashtags: Option<u32>,
    pub hashtag_policy: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ModerationCharter {
    pub network_id: String,
    /// The rules of the game, for members and for the brand.
    pub rules: String,
    /// What is hidden or deleted, and when.
    pub hidden_or_deleted: String,
    pub sanctions: String,
    pub escalation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResponseRule {
    /// The kind of interaction: a justified complaint, a question, a press contact...
    pub interaction: String,
    pub priority: Priority,
    /// Target time to answer, in minutes.
    pub target_minutes: Option<u32>,
    pub who_answers: String,
    /// The elements of the answer, or its template.
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SeverityLevel {
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrisisScenario {
    pub name: String,
    pub triggers: String,
    /// Name of one of the plan's severity levels.
    pub level: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrisisRole {
    pub role: String,
    pub person: String,
    pub contact: String,
}

/// One link of the escalation chain, in order: who is told, who decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EscalationStep {
    pub who: String,
    pub when: String,
    pub decides: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HoldingStatement {
    pub situation: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CrisisPlan {
    pub levels: Vec<SeverityLevel>,
    pub scenarios: Vec<CrisisScenario>,
    pub roles: Vec<CrisisRole>,
    pub escalation: Vec<EscalationStep>,
    /// The rapid-response steps, in order.
    pub rapid_steps: Vec<String>,
    pub holding_statements: Vec<HoldingStatement>,
    /// How the post-crisis review is run.
    pub review: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Principle {
    pub title: String,
    pub description: String,
}

/// One section with its whole content: what the editor saves at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "section", content = "data", rename_all = "snake_case")]
pub enum CharterSection {
    Identity(Identity),
    Keywords(Vec<Keyword>),
    BannedTerms(Vec<BannedTerm>),
    Objectives(Vec<Objective>),
    Faq(Vec<FaqEntry>),
    EditorialLine(EditorialLine),
    Guidelines(Vec<NetworkGuideline>),
    Moderation(Vec<ModerationCharter>),
    ResponseProtocol(Vec<ResponseRule>),
    Crisis(CrisisPlan),
    Principles(Vec<Principle>),
}

/// The whole charter; a section never written is empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Charter {
    pub identity: Identity,
    pub keywords: Vec<Keyword>,
    pub banned_terms: Vec<BannedTerm>,
    pub objectives: Vec<Objective>,
    pub faq: Vec<FaqEntry>,
    pub editorial_line: EditorialLine,
    pub guidelines: Vec<NetworkGuideline>,
    pub moderation: Vec<ModerationCharter>,
    pub response_protocol: Vec<ResponseRule>,
    pub crisis: CrisisPlan,
    pub principles: Vec<Principle>,
}

impl CharterSection {
    /// Every network a section refers to, to check that they exist.
    pub(crate) fn network_ids(&self) -> Vec<&str> {
        match self {
            CharterSection::Guidelines(list) => {
                list.iter().map(|g| g.network_id.as_str()).collect()
            }
            CharterSection::Moderation(list) => {
                list.iter().map(|m| m.network_id.as_str()).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The section's name, as stored and as the UI's `data-section` says it.
    pub fn name(&self) -> &'static str {
        match self {
            CharterSection::Identity(_) => "identity",
            CharterSection::Keywords(_) => "keywords",
            CharterSection::BannedTerms(_) => "banned_terms",
            CharterSection::Objectives(_) => "objectives",
            CharterSection::Faq(_) => "faq",
            CharterSection::EditorialLine(_) => "editorial_line",
            CharterSection::Guidelines(_) => "guidelines",
            CharterSection::Moderation(_) => "moderation",
            CharterSection::ResponseProtocol(_) => "response_protocol",
            CharterSection::Crisis(_) => "crisis",
            CharterSection::Principles(_) => "principles",
        }
    }
}

impl Charter {
    /// Puts `section` in its place.
    pub fn set(&mut self, section: CharterSection) {
        match section {
            CharterSection::Identity(v) => self.identity = v,
            CharterSection::Keywords(v) => self.keywords = v,
            CharterSection::BannedTerms(v) => self.banned_terms = v,
            CharterSection::Objectives(v) => self.objectives = v,
            CharterSection::Faq(v) => self.faq = v,
            CharterSection::EditorialLine(v) => self.editorial_line = v,
            CharterSection::Guidelines(v) => self.guidelines = v,
            CharterSection::Moderation(v) => self.moderation = v,
            CharterSection::ResponseProtocol(v) => self.response_protocol = v,
            CharterSection::Crisis(v) => self.crisis = v,
            CharterSection::Principles(v) => self.principles = v,
        }
    }

    /// Every network the charter names, with the section that names it.
    pub fn named_networks(&self) -> Vec<(&'static str, &str)> {
        let guidelines = self
            .guidelines
            .iter()
            .map(|g| ("guidelines", g.network_id.as_str()));
        let moderation = self
            .moderation
            .iter()
            .map(|m| ("moderation", m.network_id.as_str()));
        guidelines.chain(moderation).collect()
    }

    /// True when nothing has been written: the editor then offers templates.
    pub fn is_empty(&self) -> bool {
        *self == Charter::default()
    }

    /// What a draft for `network` is checked against: the charter's banned
    /// terms and keywords, the editorial line's form of address, the
    /// network's length limit and its guideline's hashtag maximum.
    pub fn draft_rules(&self, network: &Network) -> DraftRules {
        DraftRules {
            banned_terms: self.banned_terms.iter().map(|b| b.term.clone()).collect(),
            keywords: self.keywords.iter().map(|k| k.term.clone()).collect(),
            char_limit: network.char_limit,
            max_hashtags: self
                .guidelines
                .iter()
                .find(|g| g.network_id == network.id)
                .and_then(|g| g.max_hashtags),
            address: self.editorial_line.address,
        }
    }
}
