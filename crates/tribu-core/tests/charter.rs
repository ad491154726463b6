mod common;

use common::{network_id, temp_store};
use tribu_core::charter::*;
use tribu_core::error::Reason;
use tribu_core::lint::AddressForm;
use tribu_core::model::PostFormat;
use tribu_core::{Error, Store};

fn keyword(term: &str) -> Keyword {
    Keyword {
        term: term.into(),
        category: "produit".into(),
        note: String::new(),
    }
}

/// One example of every section, as a community manager would fill it.
fn every_section(store: &Store) -> Vec<CharterSection> {
    let instagram = network_id(store, "Instagram");
    vec![
        CharterSection::Identity(Identity {
            brand: " Atelier Lin ".into(),
            mission: "Habiller la maison de lin durable.".into(),
            values: vec!["Durabilité".into(), " ".into(), "Savoir-faire".into()],
            language: Some(CharterLanguage::Fr),
        }),
        CharterSection::Keywords(vec![keyword("lin lavé"), keyword("fait main")]),
        CharterSection::BannedTerms(vec![BannedTerm {
            term: "pas cher".into(),
            reason: "dévalorise".into(),
        }]),
        CharterSection::Objectives(vec![Objective {
            title: "Notoriété".into(),
            description: "+20 % d'abonnés".into(),
        }]),
        CharterSection::Faq(vec![FaqEntry {
            question: "Quels délais de livraison ?".into(),
            answer: "Trois à cinq jours ouvrés.".into(),
            tags: vec!["livraison".into()],
        }]),
        CharterSection::EditorialLine(EditorialLine {
            tone: "Chaleureux".into(),
            address: Some(AddressForm::Vous),
            core_message: "Le lin, pour longtemps.".into(),
            pillars: vec!["Coulisses".into(), "Conseils".into()],
        }),
        CharterSection::Guidelines(vec![NetworkGuideline {
            network_id: instagram.clone(),
            purpose: "Inspirer".into(),
            audience: "25-45 ans".into(),
            formats: vec![PostFormat::Photo, PostFormat::Story],
            frequency: Some(Frequency {
                count: 3,
                per: FrequencyPeriod::Week,
            }),
            preferred_slots: vec!["mar. 12:30".into()],
            max_hashtags: Some(5),
            hashtag_policy: "Cinq au plus, en fin de texte".into(),
        }]),
        CharterSection::Moderation(vec![ModerationCharter {
            network_id: instagram,
            rules: "Respect".into(),
            hidden_or_deleted: "Spam et insultes supprimés".into(),
            sanctions: "Blocage après deux avertissements".into(),
            escalation: "Responsable communication".into(),
        }]),
        CharterSection::ResponseProtocol(vec![ResponseRule {
            interaction: "Contact presse".into(),
            priority: Priority::Immediate,
            target_minutes: Some(60),
            who_answers: "Responsable communication".into(),
            answer: "Remercier, orienter vers le dossier de presse".into(),
        }]),
        CharterSection::Crisis(CrisisPlan {
            levels: vec![SeverityLevel {
                name: "Alerte".into(),
                description: "Critiques en hausse".into(),
            }],
            scenarios: vec![CrisisScenario {
                name: "Produit défectueux".into(),
                triggers: "Plaintes répétées".into(),
                level: "alerte".into(),
            }],
            roles: vec![CrisisRole {
                role: "Porte-parole".into(),
                person: "Camille".into(),
                contact: "06 00 00 00 00".into(),
            }],
            escalation: vec![EscalationStep {
                who: "Community manager".into(),
                when: "Tout de suite".into(),
                decides: "Rien seul".into(),
            }],
            rapid_steps: vec!["Suspendre les publications".into(), "".into()],
            holding_statements: vec![HoldingStatement {
                situation: "Rappel".into(),
                text: "Nous examinons la situation.".into(),
            }],
            review: "Retour d'expérience sous quinze jours".into(),
        }),
        CharterSection::Principles(vec![Principle {
            title: "Écouter".into(),
            description: "Avant de parler".into(),
        }]),
    ]
}

#[test]
fn every_section_is_stored_and_read_back_cleaned() {
    let mut t = temp_store();
    assert!(t.store.charter().unwrap().is_empty());
    for section in every_section(&t.store) {
        t.store.save_charter_section(section).unwrap();
    }
    let path = t.store.path().to_path_buf();
    drop(t.store);
    let store = Store::open(&path).unwrap();
    let charter = store.charter().unwrap();
    assert!(!charter.is_empty());
    assert_eq!(charter.identity.brand, "Atelier Lin", "trimmed");
    assert_eq!(
        charter.identity.values,
        ["Durabilité", "Savoir-faire"],
        "blank values dropped"
    );
    assert_eq!(charter.keywords.len(), 2);
    assert_eq!(charter.banned_terms[0].term, "pas cher");
    assert_eq!(charter.objectives[0].title, "Notoriété");
    assert_eq!(charter.faq[0].answer, "Trois à cinq jours ouvrés.");
    assert_eq!(charter.editorial_line.address, Some(AddressForm::Vous));
    assert_eq!(
        charter.guidelines[0].frequency,
        Some(Frequency {
            count: 3,
            per: FrequencyPeriod::Week
        })
    );
    assert_eq!(
        charter.guidelines[0].formats,
        [PostFormat::Photo, PostFormat::Story]
    );
    assert_eq!(
        charter.moderation[0].sanctions,
        "Blocage après deux avertissements"
    );
    assert_eq!(charter.response_protocol[0].priority, Priority::Immediate);
    assert_eq!(charter.response_protocol[0].target_minutes, Some(60));
    assert_eq!(charter.crisis.scenarios[0].level, "alerte");
    assert_eq!(charter.crisis.rapid_steps, ["Suspendre les publications"]);
    assert_eq!(charter.principles[0].title, "Écouter");
}

#[test]
fn list_order_is_kept() {
    let mut t = temp_store();
    let words = ["zeste", "atelier", "lin"];
    let charter = t
        .store
        .save_charter_section(CharterSection::Keywords(
            words.iter().map(|w| keyword(w)).collect(),
        ))
        .unwrap();
    let terms: Vec<_> = charter.keywords.iter().map(|k| k.term.as_str()).collect();
    assert_eq!(terms, words);
}

#[test]
fn bad_sections_are_refused_and_change_nothing() {
    let mut t = temp_store();
    t.store
        .save_charter_section(CharterSection::Keywords(vec![keyword("lin")]))
        .unwrap();
    let before = t.store.charter().unwrap();
    let expect = |result: tribu_core::Result<Charter>, field: &str, reason: &str| match result {
        Err(Error::Validation {
            field: f,
            reason: r,
            ..
        }) => assert_eq!((f, r.to_string().as_str()), (field, reason)),
        other => panic!("expected {field}/{reason}, got {other:?}"),
    };
    expect(
        t.store.save_charter_section(CharterSection::Keywords(vec![
            keyword("Lin lavé"),
            keyword("lin LAVÉ"),
        ])),
        "term",
        "duplicate",
    );
    expect(
        t.store
            .save_charter_section(CharterSection::Keywords(vec![keyword("  ")])),
        "term",
        "required",
    );
    expect(
        t.store
            .save_charter_section(CharterSection::Keywords(vec![keyword(&"x".repeat(201))])),
        "term",
        "too_long",
    );
    let faq = FaqEntry {
        question: String::new(),
        answer: "a".into(),
        tags: vec![],
    };
    expect(
        t.store.save_charter_section(CharterSection::Faq(vec![faq])),
        "question",
        "required",
    );
    let guideline = common::weekly_guideline;
    expect(
        t.store
            .save_charter_section(CharterSection::Guidelines(vec![guideline("nope", 2)])),
        "network",
        "unknown_network",
    );
    let x = network_id(&t.store, "X");
    expect(
        t.store
            .save_charter_section(CharterSection::Guidelines(vec![guideline(&x, 0)])),
        "frequency",
        "invalid",
    );
    expect(
        t.store
            .save_charter_section(CharterSection::Guidelines(vec![
                guideline(&x, 1),
                guideline(&x, 2),
            ])),
        "network",
        "duplicate",
    );
    let plan = CrisisPlan {
        scenarios: vec![CrisisScenario {
            name: "Bad buzz".into(),
            triggers: String::new(),
            level: "rouge".into(),
        }],
        ..Default::default()
    };
    expect(
        t.store.save_charter_section(CharterSection::Crisis(plan)),
        "level",
        "unknown_level",
    );
    assert_eq!(t.store.charter().unwrap(), before);
}

#[test]
fn the_last_change_can_be_undone_section_by_section() {
    let two_keywords = || CharterSection::Keywords(vec![keyword("lin"), keyword("atelier")]);
    let mut t = temp_store();
    t.store
        .save_charter_section(CharterSection::Keywords(vec![keyword("lin")]))
        .unwrap();
    t.store.save_charter_section(two_keywords()).unwrap();
    let tone = EditorialLine {
        tone: "Direct".into(),
        ..Default::default()
    };
    t.store
        .save_charter_section(CharterSection::EditorialLine(tone))
        .unwrap();
    // Saving the same content again is not a change.
    t.store.save_charter_section(two_keywords()).unwrap();

    t.store.undo(None).unwrap();
    let after_first_undo = t.store.charter().unwrap();
    assert_eq!(
        after_first_undo.editorial_line,
        EditorialLine::default(),
        "the editorial line did not exist before"
    );
    assert_eq!(after_first_undo.keywords.len(), 2);
    t.store.undo(None).unwrap();
    let after_second = t.store.charter().unwrap();
    assert_eq!(after_second.keywords, [keyword("lin")]);
    t.store.undo(None).unwrap();
    let after_third = t.store.charter().unwrap();
    assert!(after_third.is_empty());
    assert!(matches!(
        t.store.undo(None),
        Err(Error::Conflict {
            reason: Reason::NothingToUndo,
            ..
        })
    ));
}

#[test]
fn five_hundred_faq_entries_and_unusual_text_are_kept() {
    let mut t = temp_store();
    let entries: Vec<FaqEntry> = (1..=500)
        .map(|i| FaqEntry {
            question: format!("Question {i} 🌿 #set page(width: 1cm) *gras* <b>"),
            answer: "مرحبا بكم".into(),
            tags: vec![],
        })
        .collect();
    let charter = t
        .store
        .save_charter_section(CharterSection::Faq(entries))
        .unwrap();
    assert_eq!(charter.faq.len(), 500);
    assert_eq!(
        charter.faq[499].question,
        "Question 500 🌿 #set page(width: 1cm) *gras* <b>"
    );
    assert_eq!(charter.faq[0].answer, "مرحبا بكم");
}

#[test]
fn a_draft_is_checked_against_the_charter_and_its_network() {
    use tribu_core::lint::{check_draft, DraftWarning};
    let mut t = temp_store();
    for section in every_section(&t.store) {
        t.store.save_charter_section(section).unwrap();
    }
    let charter = t.store.charter().unwrap();
    let networks = t.store.networks().unwrap();
    let instagram = networks.iter().find(|n| n.name == "Instagram").unwrap();
    let rules = charter.draft_rules(instagram);
    assert_eq!(rules.char_limit, Some(2200));
    assert_eq!(rules.max_hashtags, Some(5));
    let draft = "Du lin lavé PAS CHER : tu vas adorer ! #a #b #c #d #e #f";
    let report = check_draft(draft, &rules);
    assert_eq!(report.keywords_used, ["lin lavé"]);
    assert_eq!(
        report.warnings,
        [
            DraftWarning::BannedTerm {
                term: "pas cher".into(),
                occurrences: 1
            },
            DraftWarning::TooManyHashtags { count: 6, max: 5 },
            DraftWarning::AddressMismatch {
                expected: AddressForm::Vous,
                found: vec!["tu".into()]
            },
        ]
    );
    // X has no guideline here: no hashtag maximum, but its 280 characters.
    let x = networks.iter().find(|n| n.name == "X").unwrap();
    assert_eq!(charter.draft_rules(x).max_hashtags, None);
    assert_eq!(charter.draft_rules(x).char_limit, Some(280));
}

#[test]
fn the_calendar_counts_each_posts_warnings_and_follows_charter_changes() {
    use chrono::{TimeZone, Utc};
    use tribu_core::DraftWarningCount;
    let mut t = temp_store();
    for section in every_section(&t.store) {
        t.store.save_charter_section(section).unwrap();
    }
    let mut planned = |title: &str, date: &str, body: &str| {
        let mut post = common::input(&t.store, title, Some(date), Some("10:00"));
        post.body = body.into();
        t.store.create_post(&post).unwrap().id
    };
    // Banned term + 6 hashtags over Instagram's 5 + "tu" against "vous": 3.
    let three = planned(
        "three",
        "2027-03-10",
        "Pas cher, tu vas voir #a #b #c #d #e #f",
    );
    // Only the banned term: 1.
    let one = planned("one", "2027-03-11", "Vraiment pas cher.");
    // Clean: left out.
    planned("clean", "2027-03-12", "Du lin lavé, fait main.");
    // Outside the range: left out whatever it says.
    planned("april", "2027-04-02", "pas cher");
    let start = Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0).unwrap();
    let end = Utc.with_ymd_and_hms(2027, 4, 1, 0, 0, 0).unwrap();
    let counts = t.store.draft_warning_counts(start, end).unwrap();
    assert_eq!(
        counts,
        [
            DraftWarningCount {
                post_id: three.clone(),
                warnings: 3
            },
            DraftWarningCount {
                post_id: one,
                warnings: 1
            },
        ]
    );
    // Dropping the banned term from the charter clears it at the next load.
    t.store
        .save_charter_section(CharterSection::BannedTerms(vec![]))
        .unwrap();
    let counts = t.store.draft_warning_counts(start, end).unwrap();
    assert_eq!(
        counts,
        [DraftWarningCount {
            post_id: three,
            warnings: 2
        }]
    );
}

#[test]
fn the_starter_fills_the_charter_for_the_brand_and_each_section_undoes_alone() {
    let mut t = common::temp_store();
    t.store.rename_brand("Maison Lin").unwrap();
    let networks = t.store.networks().unwrap().len();
    let charter = t
        .store
        .apply_starter_charter(tribu_core::charter::CharterLanguage::Fr)
        .unwrap();
    assert_eq!(charter.identity.brand, "Maison Lin");
    assert_eq!(charter.guidelines.len(), networks);
    assert_eq!(charter.moderation.len(), networks);
    assert!(!charter.principles.is_empty());
    // The starter is one action: one undo takes all of it back, the brand's
    // name stays (it is not the charter's).
    let step = t.store.undo(None).unwrap();
    assert_eq!(
        step.label.kind,
        tribu_core::store::ActionKind::CharterStarter
    );
    assert!(t.store.charter().unwrap().is_empty());
    assert_eq!(t.store.brand().unwrap().name, "Maison Lin");
}
