//! The charter typeset for real, its text read back with pdftotext
//! (poppler-utils) as a reader of the PDF would get it.

mod common;

use std::path::Path;

use common::{gap_after, pages, text_of, word_boxes};

use tribu_core::charter::*;
use tribu_core::lint::AddressForm;
use tribu_core::model::{Network, NetworkKind, PostFormat};
use tribu_pdf::{charter_pdf, write_atomically, CalendarAppendix, CalendarLine, CharterExport};

const MARKUP: &str = r"#set page(width: 1cm) $x^2$ *gras* _it_ @ref <label> \ [x]";

fn networks() -> Vec<Network> {
    vec![Network {
        id: "net-ig".into(),
        name: "Instagram".into(),
        kind: NetworkKind::Instagram,
        color: "#c13584".into(),
        char_limit: Some(2200),
        builtin: true,
    }]
}

// Section by section reads like the charter itself.
#[allow(clippy::field_reassign_with_default)]
fn full_charter() -> Charter {
    let mut c = Charter::default();
    c.identity = Identity {
        brand: "Atelier Lin".into(),
        mission: format!("Mission avec du code : {MARKUP}"),
        values: vec!["Durabilité".into()],
        language: Some(CharterLanguage::Fr),
    };
    c.keywords = vec![Keyword {
        term: "lin lavé".into(),
        category: "produit".into(),
        note: "SEO".into(),
    }];
    c.banned_terms = vec![BannedTerm {
        term: "pas cher".into(),
        reason: "dévalorise la marque".into(),
    }];
    c.objectives = vec![Objective {
        title: "Notoriété".into(),
        description: "Plus d'abonnés".into(),
    }];
    c.faq = vec![FaqEntry {
        question: "Délais de livraison ?".into(),
        answer: "Trois jours ouvrés.".into(),
        tags: vec![],
    }];
    c.editorial_line = EditorialLine {
        tone: "Chaleureux".into(),
        address: Some(AddressForm::Vous),
        core_message: "Le lin pour longtemps".into(),
        pillars: vec!["Coulisses".into()],
    };
    c.guidelines = vec![NetworkGuideline {
        network_id: "net-ig".into(),
        purpose: "Inspirer".into(),
        audience: "Trentenaires".into(),
        formats: vec![PostFormat::Photo],
        frequency: Some(Frequency {
            count: 3,
            per: FrequencyPeriod::Week,
        }),
        preferred_slots: vec!["mardi midi".into()],
        max_hashtags: Some(5),
        hashtag_policy: "En fin de texte".into(),
    }];
    c.moderation = vec![ModerationCharter {
        network_id: "net-ig".into(),
        rules: "Respect mutuel".into(),
        hidden_or_deleted: "Spam supprimé".into(),
        sanctions: "Blocage".into(),
        escalation: "Direction".into(),
    }];
    c.response_protocol = vec![ResponseRule {
        interaction: "Contact presse".into(),
        priority: Priority::Immediate,
        target_minutes: Some(60),
        who_answers: "Responsable".into(),
        answer: "Orienter vers le kit presse".into(),
    }];
    c.crisis = CrisisPlan {
        levels: vec![SeverityLevel {
            name: "Alerte".into(),
            description: "Critiques".into(),
        }],
        scenarios: vec![CrisisScenario {
            name: "Rappel produit".into(),
            triggers: "Plaintes".into(),
            level: "Alerte".into(),
        }],
        roles: vec![CrisisRole {
            role: "Porte-parole".into(),
            person: "Camille".into(),
            contact: "camille@exemple.fr".into(),
        }],
        escalation: vec![EscalationStep {
            who: "Community manager".into(),
            when: "Immédiatement".into(),
            decides: "Direction".into(),
        }],
        rapid_steps: vec!["Suspendre les publications".into()],
        holding_statements: vec![HoldingStatement {
            situation: "Rappel".into(),
            text: "Nous examinons la situation.".into(),
        }],
        review: "Bilan sous quinze jours".into(),
    };
    c.principles = vec![Principle {
        title: "Écouter".into(),
        description: "Avant de parler".into(),
    }];
    c
}

fn export(charter: &Charter, calendar: Option<CalendarAppendix>) -> Vec<u8> {
    let networks = networks();
    charter_pdf(&CharterExport {
        charter,
        networks: &networks,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        version: "1.2".into(),
        calendar,
    })
    .expect("the charter typesets")
}

#[test]
fn every_section_is_in_the_pdf_and_markup_stays_literal() {
    let pdf = export(
        &full_charter(),
        Some(CalendarAppendix {
            first: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            last: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            lines: vec![CalendarLine {
                date: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                time: "09:00".into(),
                network_id: "net-ig".into(),
                title: "Coulisses de l'atelier".into(),
                status: "scheduled".into(),
            }],
        }),
    );
    assert!(pdf.starts_with(b"%PDF-"));
    // To look at it: TRIBU_PDF_SAMPLE=/tmp/charter.pdf cargo test -p tribu-pdf
    if let Some(out) = std::env::var_os("TRIBU_PDF_SAMPLE") {
        std::fs::write(out, &pdf).unwrap();
    }
    let text = text_of(&pdf);
    for expected in [
        "Charte de community management",
        "Atelier Lin",
        "Version 1.2",
        "21/11/2026",
        "Sommaire",
        MARKUP,
        "Durabilité",
        "lin lavé",
        "pas cher",
        "dévalorise la marque",
        "Notoriété",
        "Délais de livraison ?",
        "Trois jours ouvrés.",
        "Chaleureux",
        "vouvoiement",
        "Le lin pour longtemps",
        "Coulisses",
        "Instagram",
        "Inspirer",
        "3 par semaine",
        "mardi midi",
        "Respect mutuel",
        "Spam supprimé",
        "Contact presse",
        "Immédiate",
        "60 min",
        "Orienter vers le kit presse",
        "Rappel produit",
        "Camille",
        "camille@exemple.fr",
        "Suspendre les publications",
        "Nous examinons la situation.",
        "Bilan sous quinze jours",
        "Écouter",
        "Annexe : calendrier éditorial",
        "01/12/2026 – 31/12/2026",
        "Coulisses de l'atelier",
        "01/12/2026 09:00",
        // The status is translated, not shown as its code "scheduled".
        "Programmée",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in: {text}");
    }
}

#[test]
fn an_empty_charter_and_a_huge_one_export_without_error() {
    let empty = text_of(&export(&Charter::default(), None));
    assert!(empty.contains("Charte de community management"));
    assert!(
        !empty.contains("Questions fréquentes"),
        "empty sections are left out"
    );
    let quiet_month = Some(CalendarAppendix {
        first: chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(),
        last: chrono::NaiveDate::from_ymd_opt(2026, 8, 31).unwrap(),
        lines: vec![],
    });
    let quiet = text_of(&export(&Charter::default(), quiet_month));
    assert!(quiet.contains("01/08/2026 – 31/08/2026"), "{quiet}");
    assert!(quiet.contains("Aucune publication prévue sur cette période."));

    let mut big = full_charter();
    big.identity.language = Some(CharterLanguage::En);
    big.identity.mission = "Long mission. ".repeat(2000);
    big.faq = (1..=500)
        .map(|i| FaqEntry {
            question: format!("Question {i} 🌿 مرحبا"),
            answer: format!("Answer {i} with {MARKUP}"),
            tags: vec!["tag".into()],
        })
        .collect();
    let pdf = export(&big, None);
    let text = text_of(&pdf);
    assert!(text.contains("Community management charter"));
    assert!(text.contains("Question 500"));
    assert!(text.contains("Answer 500 with"));
    assert!(
        pages(&pdf) > 20,
        "500 entries take many pages, got {}",
        pages(&pdf)
    );
}

#[test]
fn a_failed_write_leaves_no_file_and_a_good_one_replaces_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let bad = blocker.join("charter.pdf");
    assert!(write_atomically(&bad, b"%PDF-1.7").is_err());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing left behind"
    );

    let good = dir.path().join("exports/charter.pdf");
    write_atomically(&good, b"old").unwrap();
    write_atomically(&good, b"%PDF-new").unwrap();
    assert_eq!(std::fs::read(&good).unwrap(), b"%PDF-new");
    let names: Vec<_> = std::fs::read_dir(good.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        [std::ffi::OsString::from("charter.pdf")],
        "no temporary file remains"
    );
    assert!(Path::new(&good).exists());
}

#[test]
fn french_high_punctuation_sits_behind_a_narrow_space() {
    // "Délais de livraison ?" as typed, with an ordinary space before "?".
    let words = word_boxes(&export(&full_charter(), None));
    let word_space = gap_after(&words, "de", "livraison");
    let before_question_mark = gap_after(&words, "livraison", "?");
    // A narrow no-break space is about half a word space; an ordinary one
    // would be the same width as the word space.
    assert!(
        before_question_mark < 0.7 * word_space,
        "gap before ? {before_question_mark} pt, word space {word_space} pt"
    );

    // An English charter keeps the text as typed.
    let mut english = full_charter();
    english.identity.language = Some(CharterLanguage::En);
    let words = word_boxes(&export(&english, None));
    let word_space = gap_after(&words, "de", "livraison");
    let before_question_mark = gap_after(&words, "livraison", "?");
    assert!(
        (before_question_mark - word_space).abs() < 0.1,
        "gap before ? {before_question_mark} pt, word space {word_space} pt"
    );
}

#[test]
fn a_word_longer_than_its_line_or_cell_breaks_and_stays_on_the_page() {
    // One word of 10,000 characters, and a 200-character term in a table cell.
    let word = "0123456789WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW".repeat(100);
    let term = "W".repeat(200);
    let mut charter = full_charter();
    charter.identity.mission = word.clone();
    charter.keywords.push(Keyword {
        term: term.clone(),
        category: "Produit".into(),
        note: String::new(),
    });
    let pdf = export(&charter, None);
    // A4 is 595.28 pt wide: every word of every page within it.
    for (text, left, right) in word_boxes(&pdf) {
        assert!(
            left >= 0.0 && right <= 595.3,
            "{text:.40}… runs off the page ({left}–{right} pt)"
        );
    }
    // All of it printed: the breaks are soft hyphens, which a reader drops.
    let flat: String = common::raw_text_of(&pdf)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect();
    assert!(
        flat.contains(&word),
        "the 10,000 characters are all printed"
    );
    assert!(flat.contains(&term));
    // Ordinary words and links keep their own breaks.
    assert!(text_of(&pdf).contains("Le lin pour longtemps"));
}
