use super::*;
use crate::charter::{validated, Charter};
use crate::lint::check_draft;
use crate::model::NetworkInput;
use crate::Store;
use serde_json::Value;

const BRAND: &str = "Atelier Lin";
const SECTIONS: [&str; 11] = [
    "identity",
    "keywords",
    "banned_terms",
    "objectives",
    "faq",
    "editorial_line",
    "guidelines",
    "moderation",
    "response_protocol",
    "crisis",
    "principles",
];

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("workspace.tribu")).unwrap();
    (dir, store)
}

fn charter_of(sections: &[CharterSection]) -> Charter {
    let mut charter = Charter::default();
    for section in sections {
        charter.set(section.clone());
    }
    charter
}

/// Every section validates unchanged (nothing to trim, nothing dropped).
fn assert_valid(sections: &[CharterSection]) {
    for section in sections {
        let checked = validated(section.clone())
            .unwrap_or_else(|e| panic!("{} does not validate: {e:?}", section.name()));
        assert_eq!(
            &checked,
            section,
            "{} changes when validated",
            section.name()
        );
    }
}

fn ids<'a>(list: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    list.collect()
}

#[test]
fn starter_charters_save_with_the_builtin_networks() {
    for &language in CharterLanguage::ALL {
        let (_dir, mut store) = open();
        let networks = store.networks().unwrap();
        assert_eq!(
            networks.len(),
            crate::model::network::BUILTIN_NETWORKS.len()
        );
        let sections = starter_charter(language, BRAND, &networks);
        assert_eq!(
            sections.iter().map(|s| s.name()).collect::<Vec<_>>(),
            SECTIONS
        );
        assert_valid(&sections);
        for section in &sections {
            store.save_charter_section(section.clone()).unwrap();
        }

        let charter = store.charter().unwrap();
        assert_eq!(
            charter,
            charter_of(&sections),
            "{language:?} reads back as written"
        );
        let network_ids = ids(networks.iter().map(|n| n.id.as_str()));
        assert_eq!(
            ids(charter.guidelines.iter().map(|g| g.network_id.as_str())),
            network_ids
        );
        assert_eq!(
            ids(charter.moderation.iter().map(|m| m.network_id.as_str())),
            network_ids
        );
        assert_eq!(charter.identity.brand, BRAND);
        assert_eq!(charter.identity.language, Some(language));

        // What the domain asks of a charter.
        assert_eq!(charter.crisis.levels.len(), 3);
        assert!(charter.crisis.scenarios.len() >= 3);
        assert!(!charter.crisis.roles.is_empty());
        assert!(!charter.crisis.escalation.is_empty());
        assert!(!charter.crisis.rapid_steps.is_empty());
        assert!(!charter.crisis.holding_statements.is_empty());
        assert!(!charter.crisis.review.is_empty());
        assert!(charter.faq.len() >= 5);
        assert_eq!(charter.principles.len(), 10);
        assert!(!charter.objectives.is_empty());
        assert!(!charter.banned_terms.is_empty());
        let protocol = &charter.response_protocol;
        assert!(protocol.iter().any(|r| r.priority == Priority::Immediate));
        assert!(protocol
            .iter()
            .all(|r| r.priority == Priority::Low || r.target_minutes.is_some_and(|m| m <= 240)));

        // Each kind of network has its own guideline and moderation.
        let purposes: HashSet<&str> = charter
            .guidelines
            .iter()
            .map(|g| g.purpose.as_str())
            .collect();
        assert_eq!(purposes.len(), networks.len(), "{language:?}");
        let hidden: HashSet<&str> = charter
            .moderation
            .iter()
            .map(|m| m.hidden_or_deleted.as_str())
            .collect();
        assert_eq!(hidden.len(), networks.len(), "{language:?}");
        for (network, guideline) in networks.iter().zip(&charter.guidelines) {
            assert!(!guideline.formats.is_empty(), "{}", network.name);
            let slots_parse = guideline.preferred_slots.iter().all(|slot| {
                let time = slot.rsplit(' ').next().unwrap();
                chrono::NaiveTime::parse_from_str(time, "%H:%M").is_ok()
            });
            assert!(
                slots_parse,
                "{}: {:?}",
                network.name, guideline.preferred_slots
            );
            if network.kind == NetworkKind::X {
                assert!(guideline.max_hashtags.is_some_and(|max| max <= 2));
            }
        }
        // The brand's hashtag is in the corpus.
        assert!(charter.keywords.iter().any(|k| k.term == "#AtelierLin"));
    }
}

#[test]
fn starter_without_networks_has_no_guidelines_nor_moderation() {
    for &language in CharterLanguage::ALL {
        let sections = starter_charter(language, BRAND, &[]);
        assert_eq!(
            sections.iter().map(|s| s.name()).collect::<Vec<_>>(),
            SECTIONS
        );
        assert_valid(&sections);
        let charter = charter_of(&sections);
        assert!(charter.guidelines.is_empty());
        assert!(charter.moderation.is_empty());
        assert!(!charter.faq.is_empty() && !charter.crisis.levels.is_empty());

        let (_dir, mut store) = open();
        for section in sections {
            store.save_charter_section(section).unwrap();
        }
        assert_eq!(store.charter().unwrap(), charter);
    }
}

#[test]
fn french_and_english_starters_differ_and_french_says_vous() {
    let fr = charter_of(&starter_charter(CharterLanguage::Fr, BRAND, &[]));
    let en = charter_of(&starter_charter(CharterLanguage::En, BRAND, &[]));
    assert_ne!(fr.faq[0].question, en.faq[0].question);
    assert_ne!(fr.crisis, en.crisis);
    assert_ne!(fr.principles, en.principles);
    assert_eq!(fr.editorial_line.address, Some(AddressForm::Vous));
    assert_eq!(en.editorial_line.address, None);
}

#[test]
fn starter_answers_keep_the_starter_rules() {
    // What goes out to the audience nearly as written (FAQ answers, holding
    // statements) passes the draft checks of every built-in network: no
    // banned term, no "tu" in French; a holding statement fits on X.
    let (_dir, store) = open();
    let networks = store.networks().unwrap();
    for &language in CharterLanguage::ALL {
        let charter = charter_of(&starter_charter(language, BRAND, &networks));
        for network in &networks {
            let rules = charter.draft_rules(network);
            let mut answers = rules.clone();
            answers.char_limit = None;
            let texts = charter.faq.iter().map(|f| (&f.answer, &answers)).chain(
                charter
                    .crisis
                    .holding_statements
                    .iter()
                    .map(|h| (&h.text, &rules)),
            );
            for (text, rules) in texts {
                let report = check_draft(text, rules);
                assert!(
                    report.warnings.is_empty(),
                    "{language:?} on {}: {text}: {:?}",
                    network.name,
                    report.warnings
                );
            }
        }
    }
}

/// Every string of the sections, object keys aside.
fn texts(sections: &[CharterSection]) -> Vec<String> {
    fn walk(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(sections).unwrap(), &mut out);
    out
}

#[test]
fn starter_typography_follows_each_language() {
    let (_dir, store) = open();
    let networks = store.networks().unwrap();
    let fr = texts(&starter_charter(CharterLanguage::Fr, BRAND, &networks));
    for text in &fr {
        let chars: Vec<char> = text.chars().collect();
        // ’ and « », plain spaces: the PDF makes the spaces no-break.
        assert!(
            !text.contains(['\'', '"', '“', '”', '\u{a0}', '\u{202f}']),
            "{text}"
        );
        assert!(!text.contains("  "), "{text}");
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            if ":;?!".contains(c) {
                assert!(!before.is_some_and(char::is_alphabetic), "{text}");
            }
            if c == '«' {
                assert_eq!(after, Some(' '), "{text}");
            }
            if c == '»' {
                assert_eq!(before, Some(' '), "{text}");
            }
        }
    }
    let en = texts(&starter_charter(CharterLanguage::En, BRAND, &networks));
    for text in &en {
        assert!(!text.contains(['’', '«', '»', '"', '\u{a0}']), "{text}");
        assert!(!text.contains("  "), "{text}");
        for mark in [" :", " ;", " ?", " !"] {
            assert!(!text.contains(mark), "{text}");
        }
    }
}

#[test]
fn starter_names_a_custom_network() {
    let (_dir, mut store) = open();
    let custom = store
        .create_network(&NetworkInput {
            name: "Mastodon".into(),
            color: "#6364ff".into(),
            char_limit: Some(500),
        })
        .unwrap();
    assert_eq!(custom.kind, NetworkKind::Custom);
    for &language in CharterLanguage::ALL {
        let sections = starter_charter(language, BRAND, std::slice::from_ref(&custom));
        assert_valid(&sections);
        let charter = charter_of(&sections);
        assert!(charter.guidelines[0].purpose.contains("Mastodon"));
        assert!(charter.moderation[0].rules.contains("Mastodon"));
        for section in sections {
            store.save_charter_section(section).unwrap();
        }
        assert_eq!(store.charter().unwrap().guidelines[0].network_id, custom.id);
    }
}

#[test]
fn starter_without_a_brand_name_leaves_it_to_fill_in() {
    for (language, brand, hashtag) in [
        (CharterLanguage::Fr, fr::BRAND, fr::HASHTAG),
        (CharterLanguage::En, en::BRAND, en::HASHTAG),
    ] {
        let sections = starter_charter(language, "  ", &[]);
        assert_valid(&sections);
        let charter = charter_of(&sections);
        assert_eq!(charter.identity.brand, "");
        assert_eq!(charter.keywords[0].term, brand);
        assert_eq!(charter.keywords[1].term, hashtag);
        assert!(charter.faq.iter().any(|f| f.answer.contains(brand)));
    }
}

#[test]
fn starter_brand_named_like_an_example_keyword_is_listed_once() {
    let sections = starter_charter(CharterLanguage::Fr, "Communauté", &[]);
    assert_valid(&sections);
    let charter = charter_of(&sections);
    let folded: Vec<String> = charter.keywords.iter().map(|k| fold(&k.term)).collect();
    assert_eq!(folded.iter().filter(|t| *t == "communaute").count(), 1);
    assert_eq!(charter.keywords[0].term, "Communauté");
}

#[test]
fn starter_hashtag_of_a_brand() {
    assert_eq!(
        hashtag_of("Atelier du Lin").as_deref(),
        Some("#AtelierDuLin")
    );
    assert_eq!(hashtag_of("L’Atelier").as_deref(), Some("#LAtelier"));
    assert_eq!(hashtag_of("café crème").as_deref(), Some("#CaféCrème"));
    assert_eq!(hashtag_of(" — "), None);
    assert_eq!(hashtag_of(&"a".repeat(61)), None);
}
