//! Charter export figures for BENCHMARKS.md: a charter of about twenty pages
//! (60 FAQ entries, 8 networks with guidelines and moderation charters)
//! typeset and turned into PDF bytes in this process, the first time (cold:
//! fonts loaded, caches empty) and again (warm).
//!
//! Run: `cargo bench -p tribu-pdf --bench charter` (prints Markdown rows; with
//! an argument, also writes the PDF there).

use std::time::Instant;

use tribu_core::charter::*;
use tribu_core::lint::AddressForm;
use tribu_core::model::{Network, NetworkKind, PostFormat};
use tribu_pdf::{charter_pdf, CharterExport};

const PARAGRAPH: &str =
    "Nous répondons à chaque message avec attention, dans le ton de la marque, \
en vérifiant l'information avant de la partager et en orientant vers la bonne personne quand la \
question dépasse notre rôle.";

fn sample() -> (Charter, Vec<Network>) {
    let networks: Vec<Network> = (0..8)
        .map(|i| Network {
            id: format!("net-{i}"),
            name: [
                "Facebook",
                "Instagram",
                "X",
                "LinkedIn",
                "YouTube",
                "TikTok",
                "Pinterest",
                "Blog",
            ][i]
                .into(),
            kind: NetworkKind::Custom,
            color: "#336699".into(),
            char_limit: Some(2200),
            builtin: true,
        })
        .collect();
    let charter = Charter {
        identity: Identity {
            brand: "Atelier Lin".into(),
            mission: PARAGRAPH.repeat(3),
            values: vec![
                "Proximité".into(),
                "Sincérité".into(),
                "Savoir-faire".into(),
            ],
            language: Some(CharterLanguage::Fr),
        },
        keywords: (1..=40)
            .map(|i| Keyword {
                term: format!("mot-clé {i}"),
                category: "produit".into(),
                note: "SEO".into(),
            })
            .collect(),
        banned_terms: (1..=15)
            .map(|i| BannedTerm {
                term: format!("terme {i}"),
                reason: "hors ton".into(),
            })
            .collect(),
        objectives: (1..=5)
            .map(|i| Objective {
                title: format!("Objectif {i}"),
                description: PARAGRAPH.into(),
            })
            .collect(),
        faq: (1..=60)
            .map(|i| FaqEntry {
                question: format!("Question fréquente numéro {i} ?"),
                answer: PARAGRAPH.into(),
                tags: vec!["service".into()],
            })
            .collect(),
        editorial_line: EditorialLine {
            tone: PARAGRAPH.into(),
            address: Some(AddressForm::Vous),
            core_message: "Le lin, pour longtemps.".into(),
            pillars: vec!["Coulisses".into(), "Conseils".into(), "Communauté".into()],
        },
        guidelines: networks
            .iter()
            .map(|n| NetworkGuideline {
                network_id: n.id.clone(),
                purpose: PARAGRAPH.into(),
                audience: "Adultes de 25 à 45 ans".into(),
                formats: vec![PostFormat::Photo, PostFormat::Video],
                frequency: Some(Frequency {
                    count: 3,
                    per: FrequencyPeriod::Week,
                }),
                preferred_slots: vec!["mardi 12:30".into(), "jeudi 18:00".into()],
                max_hashtags: Some(5),
                hashtag_policy: "En fin de texte".into(),
            })
            .collect(),
        moderation: networks
            .iter()
            .map(|n| ModerationCharter {
                network_id: n.id.clone(),
                rules: PARAGRAPH.into(),
                hidden_or_deleted: PARAGRAPH.into(),
                sanctions: "Avertissement puis blocage".into(),
                escalation: "Responsable communication".into(),
            })
            .collect(),
        response_protocol: (1..=8)
            .map(|i| ResponseRule {
                interaction: format!("Interaction {i}"),
                priority: Priority::High,
                target_minutes: Some(60),
                who_answers: "Community manager".into(),
                answer: PARAGRAPH.into(),
            })
            .collect(),
        crisis: CrisisPlan {
            levels: vec![SeverityLevel {
                name: "Alerte".into(),
                description: PARAGRAPH.into(),
            }],
            scenarios: vec![CrisisScenario {
                name: "Rappel produit".into(),
                triggers: PARAGRAPH.into(),
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
            rapid_steps: vec![
                "Suspendre les publications".into(),
                "Informer la direction".into(),
            ],
            holding_statements: vec![HoldingStatement {
                situation: "Rappel".into(),
                text: PARAGRAPH.into(),
            }],
            review: PARAGRAPH.into(),
        },
        principles: (1..=10)
            .map(|i| Principle {
                title: format!("Principe {i}"),
                description: PARAGRAPH.into(),
            })
            .collect(),
    };
    (charter, networks)
}

/// The same content as an HTML page, for the comparison with LibreOffice
/// (`soffice --headless --convert-to pdf`): headings, paragraphs and tables.
fn html(charter: &Charter, networks: &[Network]) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let table = |head: &[&str], rows: Vec<Vec<String>>| {
        let mut t = String::from("<table border=1><tr>");
        for h in head {
            t += &format!("<th>{}</th>", esc(h));
        }
        t += "</tr>";
        for row in rows {
            t += "<tr>";
            for cell in row {
                t += &format!("<td>{}</td>", esc(&cell));
            }
            t += "</tr>";
        }
        t + "</table>"
    };
    let name = |id: &str| {
        networks
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.name.clone())
            .unwrap_or_default()
    };
    let mut h = format!(
        "<html><body><h1>{}</h1><p>{}</p>",
        esc(&charter.identity.brand),
        esc(&charter.identity.mission)
    );
    h += "<h1>Corpus</h1>";
    h += &table(
        &["Terme", "Catégorie", "Note"],
        charter
            .keywords
            .iter()
            .map(|k| vec![k.term.clone(), k.category.clone(), k.note.clone()])
            .collect(),
    );
    h += "<h1>Termes proscrits</h1>";
    h += &table(
        &["Terme", "Raison"],
        charter
            .banned_terms
            .iter()
            .map(|b| vec![b.term.clone(), b.reason.clone()])
            .collect(),
    );
    for o in &charter.objectives {
        h += &format!("<h2>{}</h2><p>{}</p>", esc(&o.title), esc(&o.description));
    }
    h += "<h1>FAQ</h1>";
    h += &table(
        &["Question", "Réponse"],
        charter
            .faq
            .iter()
            .map(|f| vec![f.question.clone(), f.answer.clone()])
            .collect(),
    );
    h += &format!(
        "<h1>Ligne éditoriale</h1><p>{}</p>",
        esc(&charter.editorial_line.tone)
    );
    for g in &charter.guidelines {
        h += &format!("<h2>{}</h2>", esc(&name(&g.network_id)));
        h += &table(
            &["", ""],
            vec![
                vec!["Rôle".into(), g.purpose.clone()],
                vec!["Public".into(), g.audience.clone()],
                vec!["Hashtags".into(), g.hashtag_policy.clone()],
            ],
        );
    }
    for m in &charter.moderation {
        h += &format!("<h2>{}</h2>", esc(&name(&m.network_id)));
        h += &table(
            &["", ""],
            vec![
                vec!["Règles".into(), m.rules.clone()],
                vec!["Supprimé".into(), m.hidden_or_deleted.clone()],
                vec!["Sanctions".into(), m.sanctions.clone()],
            ],
        );
    }
    h += "<h1>Protocole de réponse</h1>";
    h += &table(
        &["Interaction", "Délai", "Qui", "Réponse"],
        charter
            .response_protocol
            .iter()
            .map(|r| {
                vec![
                    r.interaction.clone(),
                    "60 min".into(),
                    r.who_answers.clone(),
                    r.answer.clone(),
                ]
            })
            .collect(),
    );
    h += &format!(
        "<h1>Plan de crise</h1><p>{}</p>",
        esc(&charter.crisis.review)
    );
    for p in &charter.principles {
        h += &format!("<h2>{}</h2><p>{}</p>", esc(&p.title), esc(&p.description));
    }
    h + "</body></html>"
}

fn main() {
    let (charter, networks) = sample();
    if let Some(path) = std::env::var_os("TRIBU_BENCH_HTML") {
        std::fs::write(path, html(&charter, &networks)).expect("writes the HTML");
    }
    let export = CharterExport {
        charter: &charter,
        networks: &networks,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        version: "1.0".into(),
        calendar: None,
    };
    let t = Instant::now();
    let pdf = charter_pdf(&export).expect("typesets");
    let cold = t.elapsed().as_secs_f64() * 1000.0;
    let mut warm: Vec<f64> = (0..10)
        .map(|_| {
            let t = Instant::now();
            charter_pdf(&export).expect("typesets");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    warm.sort_by(f64::total_cmp);
    // Page objects are `/Type/Page`; the page tree is `/Type/Pages`.
    let text = String::from_utf8_lossy(&pdf);
    let pages = text.matches("/Type/Page").count() - text.matches("/Type/Pages").count();
    if let Some(out) = std::env::args().nth(1).filter(|a| !a.starts_with('-')) {
        std::fs::write(out, &pdf).expect("writes the sample");
    }
    println!("| charter export, release build, one process | pages | cold | warm p50 | warm max |");
    println!("|---|---|---|---|---|");
    println!(
        "| 60 FAQ entries, 8 networks | {pages} | {cold:.0} ms | {:.0} ms | {:.0} ms |",
        warm[warm.len() / 2],
        warm[warm.len() - 1]
    );
}
