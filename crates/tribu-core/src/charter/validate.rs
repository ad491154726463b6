//! The rules a charter section obeys before it is written: text trimmed,
//! required fields present, lengths bounded, no duplicate terms, one guideline
//! and one moderation charter per network, scenarios on known levels.

use crate::error::Reason;
use std::collections::HashSet;

use super::*;
use crate::error::{Error, Result};
use crate::text::fold;

/// Short fields (names, terms) and long ones (answers, rules).
const SHORT: usize = 200;
const LONG: usize = 20_000;
/// Far above what a charter holds (a 500-entry FAQ is a large one).
const MAX_ITEMS: usize = 5_000;

fn clean(field: &'static str, value: &str, max: usize, item: Option<usize>) -> Result<String> {
    let trimmed = value.trim();
    if trimmed.chars().count() > max {
        return Err(Error::validation(
            field,
            Reason::TooLong,
            format!("{}{field} is longer than {max} characters", at(item)),
        ));
    }
    Ok(trimmed.to_string())
}

fn required(field: &'static str, value: &str, max: usize, item: Option<usize>) -> Result<String> {
    let cleaned = clean(field, value, max, item)?;
    if cleaned.is_empty() {
        return Err(Error::validation(
            field,
            Reason::Required,
            format!("{}{field} is required", at(item)),
        ));
    }
    Ok(cleaned)
}

fn at(item: Option<usize>) -> String {
    item.map(|i| format!("item {}: ", i + 1))
        .unwrap_or_default()
}

/// Trims every entry of a list of short texts and drops the empty ones.
fn short_list(field: &'static str, values: &[String], item: Option<usize>) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for v in values {
        let v = clean(field, v, SHORT, item)?;
        if !v.is_empty() {
            out.push(v);
        }
    }
    Ok(out)
}

fn bounded<T>(field: &'static str, list: &[T]) -> Result<()> {
    if list.len() > MAX_ITEMS {
        return Err(Error::validation(
            field,
            Reason::TooMany,
            format!("more than {MAX_ITEMS} items"),
        ));
    }
    Ok(())
}

/// Refuses a second entry whose key folds (case, accents) to an earlier one's.
fn unique<'a>(field: &'static str, keys: impl Iterator<Item = &'a str>) -> Result<()> {
    let mut seen = HashSet::new();
    for (i, key) in keys.enumerate() {
        if !seen.insert(fold(key)) {
            return Err(Error::validation(
                field,
                Reason::Duplicate,
                format!("item {}: \"{key}\" is already listed", i + 1),
            ));
        }
    }
    Ok(())
}

fn each<T>(
    field: &'static str,
    list: Vec<T>,
    check: impl Fn(T, Option<usize>) -> Result<T>,
) -> Result<Vec<T>> {
    bounded(field, &list)?;
    list.into_iter()
        .enumerate()
        .map(|(i, v)| check(v, Some(i)))
        .collect()
}

/// `section` with its text cleaned, or the first rule it breaks.
pub fn validated(section: CharterSection) -> Result<CharterSection> {
    use CharterSection as S;
    Ok(match section {
        S::Identity(v) => S::Identity(Identity {
            brand: clean("brand", &v.brand, SHORT, None)?,
            mission: clean("mission", &v.mission, LONG, None)?,
            values: short_list("values", &v.values, None)?,
            language: v.language,
        }),
        S::Keywords(list) => {
            let list = each("keywords", list, |k, i| {
                Ok(Keyword {
                    term: required("term", &k.term, SHORT, i)?,
                    category: clean("category", &k.category, SHORT, i)?,
                    note: clean("note", &k.note, LONG, i)?,
                })
            })?;
            unique("term", list.iter().map(|k| k.term.as_str()))?;
            S::Keywords(list)
        }
        S::BannedTerms(list) => {
            let list = each("bannedTerms", list, |b, i| {
                Ok(BannedTerm {
                    term: required("term", &b.term, SHORT, i)?,
                    reason: clean("reason", &b.reason, LONG, i)?,
                })
            })?;
            unique("term", list.iter().map(|b| b.term.as_str()))?;
            S::BannedTerms(list)
        }
        S::Objectives(list) => S::Objectives(each("objectives", list, |o, i| {
            Ok(Objective {
                title: required("title", &o.title, SHORT, i)?,
                description: clean("description", &o.description, LONG, i)?,
            })
        })?),
        S::Faq(list) => S::Faq(each("faq", list, |f, i| {
            Ok(FaqEntry {
                question: required("question", &f.question, LONG, i)?,
                answer: clean("answer", &f.answer, LONG, i)?,
                tags: short_list("tags", &f.tags, i)?,
            })
        })?),
        S::EditorialLine(v) => S::EditorialLine(EditorialLine {
            tone: clean("tone", &v.tone, LONG, None)?,
            address: v.address,
            core_message: clean("coreMessage", &v.core_message, LONG, None)?,
            pillars: short_list("pillars", &v.pillars, None)?,
        }),
        S::Guidelines(list) => {
            let list = each("guidelines", list, |g, i| {
                if g.frequency.is_some_and(|f| f.count == 0) {
                    return Err(Error::validation(
                        "frequency",
                        Reason::Invalid,
                        format!("{}a frequency counts at least one post", at(i)),
                    ));
                }
                Ok(NetworkGuideline {
                    network_id: required("network", &g.network_id, 64, i)?,
                    purpose: clean("purpose", &g.purpose, LONG, i)?,
                    audience: clean("audience", &g.audience, LONG, i)?,
                    formats: g.formats,
                    frequency: g.frequency,
                    preferred_slots: short_list("preferredSlots", &g.preferred_slots, i)?,
                    max_hashtags: g.max_hashtags,
                    hashtag_policy: clean("hashtagPolicy", &g.hashtag_policy, LONG, i)?,
                })
            })?;
            unique("network", list.iter().map(|g| g.network_id.as_str()))?;
            S::Guidelines(list)
        }
        S::Moderation(list) => {
            let list = each("moderation", list, |m, i| {
                Ok(ModerationCharter {
                    network_id: required("network", &m.network_id, 64, i)?,
                    rules: clean("rules", &m.rules, LONG, i)?,
                    hidden_or_deleted: clean("hiddenOrDeleted", &m.hidden_or_deleted, LONG, i)?,
                    sanctions: clean("sanctions", &m.sanctions, LONG, i)?,
                    escalation: clean("escalation", &m.escalation, LONG, i)?,
                })
            })?;
            unique("network", list.iter().map(|m| m.network_id.as_str()))?;
            S::Moderation(list)
        }
        S::ResponseProtocol(list) => {
            S::ResponseProtocol(each("responseProtocol", list, |r, i| {
                Ok(ResponseRule {
                    interaction: required("interaction", &r.interaction, SHORT, i)?,
                    priority: r.priority,
                    target_minutes: r.target_minutes,
                    who_answers: clean("whoAnswers", &r.who_answers, SHORT, i)?,
                    answer: clean("answer", &r.answer, LONG, i)?,
                })
            })?)
        }
        S::Crisis(plan) => S::Crisis(crisis(plan)?),
        S::Principles(list) => S::Principles(each("principles", list, |p, i| {
            Ok(Principle {
                title: required("title", &p.title, SHORT, i)?,
                description: clean("description", &p.description, LONG, i)?,
            })
        })?),
    })
}

fn crisis(plan: CrisisPlan) -> Result<CrisisPlan> {
    let levels = each("levels", plan.levels, |l, i| {
        Ok(SeverityLevel {
            name: required("level", &l.name, SHORT, i)?,
            description: clean("description", &l.description, LONG, i)?,
        })
    })?;
    unique("level", levels.iter().map(|l| l.name.as_str()))?;
    let known: HashSet<String> = levels.iter().map(|l| fold(&l.name)).collect();
    let scenarios = each("scenarios", plan.scenarios, |s, i| {
        let level = clean("level", &s.level, SHORT, i)?;
        if !level.is_empty() && !known.contains(&fold(&level)) {
            return Err(Error::validation(
                "level",
                Reason::UnknownLevel,
                format!("{}no severity level named \"{level}\"", at(i)),
            ));
        }
        Ok(CrisisScenario {
            name: required("scenario", &s.name, SHORT, i)?,
            triggers: clean("triggers", &s.triggers, LONG, i)?,
            level,
        })
    })?;
    Ok(CrisisPlan {
        levels,
        scenarios,
        roles: each("roles", plan.roles, |r, i| {
            Ok(CrisisRole {
                role: required("role", &r.role, SHORT, i)?,
                person: clean("person", &r.person, SHORT, i)?,
                contact: clean("contact", &r.contact, SHORT, i)?,
            })
        })?,
        escalation: each("escalation", plan.escalation, |e, i| {
            Ok(EscalationStep {
                who: required("who", &e.who, SHORT, i)?,
                when: clean("when", &e.when, LONG, i)?,
                decides: clean("decides", &e.decides, LONG, i)?,
            })
        })?,
        rapid_steps: {
            bounded("rapidSteps", &plan.rapid_steps)?;
            let mut steps = Vec::new();
            for (i, step) in plan.rapid_steps.iter().enumerate() {
                let step = clean("rapidSteps", step, LONG, Some(i))?;
                if !step.is_empty() {
                    steps.push(step);
                }
            }
            steps
        },
        holding_statements: each("holdingStatements", plan.holding_statements, |h, i| {
            Ok(HoldingStatement {
                situation: required("situation", &h.situation, SHORT, i)?,
                text: clean("text", &h.text, LONG, i)?,
            })
        })?,
        review: clean("review", &plan.review, LONG, None)?,
    })
}
