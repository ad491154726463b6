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

mod fr {
    use super::*;
    use FrequencyPeriod::{Day, Month, Week};
    use PostFormat as F;

    pub(super) const BRAND: &str = "[à compléter : nom de la marque]";
    pub(super) const HASHTAG: &str = "[à compléter : mot-dièse de la marque]";
    const PERSON: &str = "[à compléter : nom]";
    const CONTACT: &str = "[à compléter : téléphone et e-mail]";
    const WATCH: &str = "Niveau 1 – Vigilance";
    const ALERT: &str = "Niveau 2 – Alerte";
    const CRISIS: &str = "Niveau 3 – Crise";

    pub(super) fn starter(names: &Names) -> Starter {
        let Names { brand, hashtag } = names;
        Starter {
            mission: format!(
                "[à compléter : en une phrase, la raison d’être de la marque et les personnes \
                 qu’elle sert]. Sur les réseaux sociaux, {brand} réunit celles et ceux que son \
                 offre intéresse vraiment, les aide à en tirer le meilleur et les écoute pour \
                 progresser."
            ),
            values: strings(&["Écoute", "Sincérité", "Simplicité", "Exigence"]),
            keywords: vec![
                keyword(
                    brand,
                    "Marque",
                    "Toujours écrit de la même façon, sans abréviation ni surnom.",
                ),
                keyword(
                    hashtag,
                    "Marque",
                    "Le mot-dièse de la marque, repris sur chaque réseau où l’on en utilise.",
                ),
                keyword(
                    "[à compléter : produit ou service phare]",
                    "Offre",
                    "Le nom exact de ce que nous voulons faire connaître en premier.",
                ),
                keyword(
                    "savoir-faire",
                    "Valeurs",
                    "Pour parler de la fabrication, des métiers et des coulisses.",
                ),
                keyword(
                    "conseils",
                    "Contenus",
                    "Le fil de nos publications pratiques ; un mot que la communauté tape aussi \
                     dans les moteurs de recherche.",
                ),
                keyword(
                    "service client",
                    "Service",
                    "Toujours accompagné de la façon de le joindre.",
                ),
                keyword(
                    "communauté",
                    "Valeurs",
                    "Les personnes qui nous suivent : nous parlons de membres ou de clients, \
                     jamais de « cibles ».",
                ),
            ],
            banned_terms: vec![
                banned(
                    "pas cher",
                    "Tire l’offre vers le bas : parler de « juste prix » ou donner le prix.",
                ),
                banned(
                    "[à compléter : nom d’un concurrent]",
                    "Nous ne citons pas la concurrence, ni pour la critiquer ni pour nous \
                     comparer.",
                ),
                banned(
                    "[à compléter : nom de code d’un projet interne]",
                    "Confidentiel jusqu’à l’annonce officielle.",
                ),
                banned(
                    "sans aucun risque",
                    "Une promesse qu’aucun produit ne tient ; elle serait retenue contre la marque \
                     au premier incident.",
                ),
                banned(
                    "débile",
                    "Insultant : jamais à propos d’une personne, d’une question ou d’un avis, \
                     même pour plaisanter.",
                ),
            ],
            objectives: vec![
                objective(
                    "Notoriété",
                    format!(
                        "Faire connaître {brand} au-delà de ses clients actuels. Indicateurs : \
                         portée, impressions, abonnés, mentions de la marque. Les cibles chiffrées \
                         se fixent après un mois de mesures, à partir du niveau de départ."
                    ),
                ),
                objective(
                    "Engagement",
                    "Faire réagir et converser plutôt que diffuser. Indicateur principal : le taux \
                     d’engagement, soit les interactions (réactions, commentaires, partages, \
                     enregistrements) divisées par la portée, toujours calculé de la même façon. \
                     À suivre aussi : commentaires et partages par publication.",
                ),
                objective(
                    "Fidélisation",
                    "Donner aux membres des raisons de revenir. Indicateurs : taux de rétention, \
                     part des membres qui interagissent plusieurs fois par mois, fréquence des \
                     interactions.",
                ),
                objective(
                    "Croissance de la communauté",
                    "Attirer des personnes réellement intéressées plutôt qu’un grand nombre \
                     d’abonnés. Indicateurs : nouveaux membres par mois, taux de croissance, \
                     désabonnements.",
                ),
                objective(
                    "Trafic et ventes",
                    "Amener les membres vers le site, qui reste le cœur de notre présence en \
                     ligne. Indicateurs : clics sur les liens, visites venues des réseaux, \
                     conversions.",
                ),
                objective(
                    "Qualité de service",
                    "Répondre vite et bien. Indicateurs : délai moyen de première réponse, part \
                     des messages traités dans le délai prévu par le protocole de réponse.",
                ),
            ],
            faq: vec![
                faq(
                    "Comment joindre votre service client ?",
                    format!(
                        "Merci pour votre message ! L’équipe {brand} vous répond [à compléter : \
                         jours et horaires], en message privé ici même ou par e-mail à \
                         [à compléter : adresse]. Si votre demande concerne une commande, \
                         indiquez-nous son numéro : nous irons plus vite."
                    ),
                    &["contact", "service client"],
                ),
                faq(
                    "Quand vais-je recevoir ma commande ?",
                    "Les commandes sont préparées sous [à compléter : délai de préparation], puis \
                     confiées au transporteur. Vous recevez un lien de suivi par e-mail au moment \
                     de l’expédition. Si rien n’arrive à la date annoncée, écrivez-nous en message \
                     privé avec votre numéro de commande : nous faisons le point avec le \
                     transporteur.",
                    &["livraison", "commande"],
                ),
                faq(
                    "Puis-je retourner un produit et être remboursé ?",
                    "Bien sûr. Vous disposez de [à compléter : nombre] jours après réception pour \
                     nous renvoyer un article ; la marche à suivre est ici : [à compléter : lien]. \
                     Le remboursement part dès que le colis nous parvient, et nous vous le \
                     confirmons par e-mail.",
                    &["retours", "remboursement"],
                ),
                faq(
                    "Où trouver vos produits ?",
                    format!(
                        "Toute la gamme {brand} est en vente sur notre site. Vous nous trouverez \
                         aussi chez des revendeurs partenaires, dont la liste est tenue à jour \
                         ici : [à compléter : lien]."
                    ),
                    &["achat", "points de vente"],
                ),
                faq(
                    "Travaillez-vous avec des créateurs de contenu ou des partenaires ?",
                    format!(
                        "Merci de penser à {brand} ! Présentez-nous votre projet en quelques \
                         lignes, avec vos réseaux et votre audience, à [à compléter : adresse \
                         e-mail]. Nous étudions chaque proposition et répondons à toutes, même \
                         quand la réponse est non."
                    ),
                    &["partenariats"],
                ),
                faq(
                    "Que faites-vous de mes données personnelles ?",
                    "Nous les utilisons uniquement pour traiter vos commandes et, si vous l’avez \
                     accepté, pour vous envoyer nos nouvelles. Vous pouvez à tout moment les \
                     consulter, les corriger ou demander leur suppression en écrivant à \
                     [à compléter : adresse]. Tous les détails figurent dans notre politique de \
                     confidentialité, sur notre site.",
                    &["données personnelles", "RGPD"],
                ),
            ],
            editorial_line: EditorialLine {
                tone: s(
                    "Chaleureux, simple et direct, comme une conversation au comptoir d’une \
                     boutique : des phrases courtes, des mots de tous les jours, de l’humour quand \
                     le sujet s’y prête et jamais aux dépens de quelqu’un. Face à une critique, \
                     nous restons calmes, factuels et polis, même quand l’échange se tend. Les \
                     émojis restent rares et ne remplacent jamais un mot.",
                ),
                address: Some(AddressForm::Vous),
                core_message: format!(
                    "{brand} vous conseille et vous accompagne, avant comme après l’achat, avec \
                     des produits dont nous sommes fiers."
                ),
                pillars: strings(&[
                    "Conseils et tutoriels",
                    "Coulisses et savoir-faire",
                    "Paroles de clients",
                    "Nouveautés et temps forts",
                    "Nos engagements",
                ]),
            },
            response_protocol: response_protocol(),
            crisis: crisis(brand),
            principles: principles(),
        }
    }

    fn response_protocol() -> Vec<ResponseRule> {
        vec![
            rule(
                "Signal de crise (message qui se propage vite, sécurité mise en cause, compte \
                 piraté)",
                Priority::Immediate,
                Some(15),
                "Community manager, puis responsable de la communication",
                "Ne pas répondre seul ni sur le fond. Capturer les messages, prévenir le \
                 responsable de la communication, déterminer le niveau du plan de crise et, \
                 s’il le faut, activer le mode crise pour suspendre les publications prévues. \
                 Publier ensuite le message d’attente validé.",
            ),
            rule(
                "Contact presse",
                Priority::High,
                Some(60),
                "Responsable de la communication",
                "Remercier, demander en message privé le nom du média, le sujet et l’échéance, \
                 puis transmettre sans rien commenter sur le fond. Le community manager ne parle \
                 jamais à la place du porte-parole.",
            ),
            rule(
                "Réclamation justifiée (erreur, retard, produit abîmé)",
                Priority::High,
                Some(60),
                "Community manager, avec le service client",
                "Reconnaître le problème et s’excuser sans détour, dire ce qui va être fait et \
                 quand, poursuivre en message privé pour les données personnelles. Une fois le \
                 problème réglé, le dire publiquement sous le message d’origine. Prévoir un geste \
                 si le client a subi un préjudice.",
            ),
            rule(
                "Demande d’un prospect (devis, disponibilité, tarif)",
                Priority::High,
                Some(120),
                "Community manager, puis équipe commerciale",
                "Répondre précisément à la question posée, donner le bon lien ou le bon contact, \
                 proposer de poursuivre en privé ; relancer une fois si rien ne revient sous 48 \
                 heures.",
            ),
            rule(
                "Question sur un produit ou une commande",
                Priority::Normal,
                Some(240),
                "Community manager",
                "Partir de la réponse type de la FAQ, l’adapter à la personne et à sa question, et \
                 ajouter un lien vers une source vérifiable. Si la réponse demande une \
                 vérification, le dire et donner un délai.",
            ),
            rule(
                "Critique non fondée",
                Priority::Normal,
                Some(240),
                "Community manager",
                "Répondre une fois, courtoisement, avec des faits et un lien vers une information \
                 que chacun peut vérifier. Si d’autres membres rétablissent les faits, les laisser \
                 faire et veiller au ton de l’échange.",
            ),
            rule(
                "Insulte, propos haineux ou troll",
                Priority::High,
                Some(30),
                "Community manager",
                "Ne pas entrer dans la polémique. Garder une capture, puis masquer ou supprimer \
                 selon la charte de modération du réseau. Un troll reçoit au plus une réponse \
                 factuelle ; au-delà, appliquer l’échelle des sanctions. Les menaces sont \
                 signalées au réseau et au responsable de la communication.",
            ),
            rule(
                "Suggestion ou idée d’amélioration",
                Priority::Low,
                Some(1440),
                "Community manager",
                "Remercier, dire à qui l’idée est transmise, et revenir vers la personne si elle \
                 est retenue.",
            ),
            rule(
                "Commentaire positif ou avis élogieux",
                Priority::Low,
                Some(1440),
                "Community manager",
                "Remercier la personne par son nom, avec une réponse écrite pour elle et jamais un \
                 message recopié. Demander son accord avant de partager son témoignage.",
            ),
            rule(
                "Spam ou publicité non sollicitée",
                Priority::Low,
                None,
                "Community manager",
                "Aucune réponse : masquer ou supprimer, puis signaler le compte au réseau.",
            ),
        ]
    }

    fn crisis(brand: &str) -> CrisisPlan {
        CrisisPlan {
            levels: vec![
                level(
                    WATCH,
                    "Un sujet négatif revient dans plusieurs messages mais reste sur un seul \
                     réseau, chez des comptes peu suivis. Le community manager le traite selon le \
                     protocole de réponse et fait le point deux fois par jour. Les publications \
                     prévues partent, après relecture de celles des 48 heures à venir.",
                ),
                level(
                    ALERT,
                    "La critique gagne plusieurs réseaux, est reprise par un compte influent ou \
                     touche un sujet sensible (santé, sécurité, discrimination, données \
                     personnelles). Le responsable de la communication est prévenu dans l’heure, \
                     les publications prévues sont suspendues, un message d’attente est prêt.",
                ),
                level(
                    CRISIS,
                    "Les médias ou les autorités s’en mêlent, la sécurité de personnes est en jeu \
                     ou la réputation de l’entreprise est gravement atteinte. La direction pilote, \
                     une seule voix s’exprime au nom de la marque et un point de situation est \
                     publié au moins toutes les deux heures.",
                ),
            ],
            scenarios: vec![
                scenario(
                    "Produit défectueux ou dangereux",
                    "Plusieurs clients décrivent le même défaut ; photos d’un incident ou d’une \
                     blessure ; question d’une autorité ou d’un journaliste.",
                    CRISIS,
                ),
                scenario(
                    "Réclamation devenue virale",
                    "Une plainte partagée bien au-delà de nos abonnés, reprise par un compte \
                     influent ; appel au boycott.",
                    ALERT,
                ),
                scenario(
                    "Publication de la marque jugée blessante",
                    "Commentaires choqués sous l’une de nos publications, captures d’écran qui \
                     circulent, demandes d’excuses.",
                    ALERT,
                ),
                scenario(
                    "Panne du site, de la boutique ou des livraisons",
                    "Afflux de questions identiques ; clients qui ne peuvent plus commander ou \
                     n’ont rien reçu.",
                    WATCH,
                ),
                scenario(
                    "Compte de la marque piraté",
                    "Publications ou messages que l’équipe n’a pas écrits, mot de passe refusé, \
                     alerte de connexion depuis un appareil inconnu.",
                    CRISIS,
                ),
                scenario(
                    "Fuite de données personnelles",
                    "Clients qui reçoivent des messages frauduleux à notre nom, alerte d’un \
                     prestataire, données publiées en ligne.",
                    CRISIS,
                ),
                scenario(
                    "Salarié ou partenaire mis en cause",
                    "Propos ou comportement d’une personne liée à la marque relayés sur les \
                     réseaux.",
                    ALERT,
                ),
            ],
            roles: vec![
                role(
                    "Community manager : veille et premières réponses",
                    PERSON,
                    CONTACT,
                ),
                role("Suppléant du community manager", PERSON, CONTACT),
                role(
                    "Responsable de la communication et porte-parole",
                    PERSON,
                    CONTACT,
                ),
                role("Direction", PERSON, CONTACT),
                role("Service client", PERSON, CONTACT),
                role("Conseil juridique", PERSON, CONTACT),
            ],
            escalation: vec![
                step(
                    "Community manager",
                    "Dès le premier signal, pendant toutes les heures de veille",
                    "Situe le niveau de gravité, rassemble les faits (captures, liens, heures, \
                     volume) et continue de traiter les messages courants selon le protocole.",
                ),
                step(
                    "Responsable de la communication",
                    "Dans l’heure au niveau 2, ou dès qu’un doute existe au niveau 1",
                    "Valide chaque message public, désigne qui répond, décide de suspendre les \
                     publications prévues et du rythme des points de situation.",
                ),
                step(
                    "Direction",
                    "Au niveau 3",
                    "Arrête la position officielle de l’entreprise, les excuses et les mesures \
                     (rappel de produit, remboursement, geste commercial) ; choisit le \
                     porte-parole.",
                ),
                step(
                    "Conseil juridique",
                    "Menace de poursuites, diffamation, données personnelles, sécurité des \
                     personnes",
                    "Ce qui peut être dit publiquement et les suites à donner : signalement, \
                     plainte, notification à la CNIL dans les 72 heures en cas de violation de \
                     données personnelles.",
                ),
            ],
            rapid_steps: strings(&[
                "Vérifier que plus rien ne part : le mode crise est activé, et les publications \
                 programmées ailleurs (outils tiers, campagnes publicitaires) sont suspendues \
                 elles aussi.",
                "Rassembler les faits : ce qui s’est passé, depuis quand, sur quels réseaux, \
                 combien de messages, quels comptes relaient ; garder les captures.",
                "Situer le niveau de gravité et prévenir la personne que la chaîne d’escalade \
                 désigne pour ce niveau.",
                "Publier un message d’attente dans l’heure, là où tout a commencé, et l’épingler \
                 si le réseau le permet.",
                "Rédiger une version unique des faits, la faire valider et la transmettre à toutes \
                 les personnes qui répondent, service client compris.",
                "Répondre aux messages avec cette version, calmement et avec empathie ; ne rien \
                 supprimer en dehors des cas prévus par la charte de modération.",
                "Donner des nouvelles à heures fixes jusqu’à la résolution, même sans élément \
                 nouveau.",
                "Annoncer la fin de la crise et ce qui a été fait, puis relire les publications \
                 suspendues avant de les laisser repartir.",
            ]),
            holding_statements: vec![
                holding(
                    "Problème sur un produit",
                    "Nous avons bien vu vos messages au sujet de [produit] et nous les prenons \
                     très au sérieux. Nous vérifions ce qui s’est passé et revenons vers vous ici \
                     avant [heure]. D’ici là, par précaution, n’utilisez pas [produit].",
                ),
                holding(
                    "Panne de service",
                    "[Service] est momentanément indisponible, et nous en sommes désolés. Nos \
                     équipes travaillent à le rétablir ; nous vous tiendrons informés ici, au plus \
                     tard à [heure].",
                ),
                holding(
                    "Publication mal reçue",
                    "Notre publication sur [sujet] a blessé plusieurs d’entre vous. Ce n’était pas \
                     notre intention : nous l’avons retirée et nous lisons chacun de vos messages. \
                     Nous revenons vers vous très vite.",
                ),
                holding(
                    "Compte piraté",
                    format!(
                        "Le compte {brand} a été utilisé par une personne extérieure à l’équipe. \
                         Les messages publiés depuis [heure] ne viennent pas de nous : ne cliquez \
                         sur aucun lien. Nous reprenons la main et vous tenons informés."
                    ),
                ),
            ],
            review: s(
                "Dans les deux semaines qui suivent la fin de la crise, un bilan réunit toutes les \
                 personnes impliquées : chronologie, messages qui ont apaisé ou envenimé la \
                 situation, délais de réponse réels comparés au protocole, effet sur les \
                 indicateurs. Il se conclut par des décisions écrites : plan de crise, FAQ, \
                 protocole de réponse et termes interdits mis à jour. Le plan est relu chaque \
                 année, avec un exercice sur un scénario fictif pour vérifier que chacun connaît \
                 son rôle.",
            ),
        }
    }

    fn principles() -> Vec<Principle> {
        vec![
            principle(
                "Écouter",
                "Lire les commentaires, les avis et les mentions avant de décider quoi publier ; \
                 les questions qui reviennent rejoignent la FAQ.",
            ),
            principle(
                "Parler vrai",
                "Écrire comme on parle à un client en face de soi, sans slogan ni jargon \
                 publicitaire.",
            ),
            principle(
                "Être généreux",
                "Partager des conseils utiles sans rien demander en retour, mettre les membres en \
                 avant et leur laisser la parole.",
            ),
            principle(
                "Être transparent",
                "Dire ce que nous savons, reconnaître une erreur dès qu’elle est avérée, expliquer \
                 ce que nous ne pouvons pas dire et pourquoi.",
            ),
            principle(
                "Être cohérent",
                "Rien ne part à la légère : chaque publication suit cette charte et a été \
                 validée.",
            ),
            principle(
                "Montrer l’exemple",
                "La marque respecte elle-même les règles qu’elle demande à la communauté, et \
                 remercie les membres qui donnent le ton.",
            ),
            principle(
                "Être réactif",
                "Tenir les délais du protocole de réponse, et prévenir quand une réponse prendra \
                 plus de temps.",
            ),
            principle(
                "S’entourer",
                "Savoir à qui confier une question technique, juridique ou commerciale, et \
                 prévoir un suppléant quand le community manager est absent.",
            ),
            principle(
                "Rester agile",
                "Revoir les chiffres chaque mois, abandonner les formats qui ne font réagir \
                 personne, essayer d’autres horaires.",
            ),
            principle(
                "Faire de la veille",
                "Suivre les mentions de la marque, l’actualité du secteur, les tendances et les \
                 dates clés à venir.",
            ),
        ]
    }

    pub(super) fn guideline(network: &Network, names: &Names) -> NetworkGuideline {
        let hashtag = &names.hashtag;
        let name = &network.name;
        let plan = match network.kind {
            NetworkKind::Facebook => Plan {
                purpose: s(
                    "Entretenir le lien avec les clients déjà conquis : actualités, \
                     conseils, événements, réponses aux questions.",
                ),
                audience: s(
                    "Clients et voisins de la marque, plutôt de 30 à 60 ans, qui suivent \
                     la page pour rester informés.",
                ),
                formats: &[F::Text, F::Photo, F::Video, F::Poll, F::Live, F::Contest],
                frequency: per(3, Week),
                slots: &["mar. 12:30", "jeu. 19:00", "sam. 10:00"],
                max_hashtags: Some(2),
                hashtag_policy: format!(
                    "{hashtag} suffit le plus souvent, avec au plus un second mot-dièse pour une \
                     campagne ou un événement : sur Facebook, ils aident peu à se faire trouver."
                ),
            },
            NetworkKind::Instagram => Plan {
                purpose: s(
                    "Donner à voir l’univers de la marque : produits en situation, \
                     coulisses, créations des clients ; des stories presque chaque jour, en plus \
                     des publications.",
                ),
                audience: s(
                    "20 à 40 ans, sensibles à l’image et à l’inspiration, qui regardent \
                     surtout sur mobile.",
                ),
                formats: &[F::Photo, F::Video, F::Story, F::Live, F::Contest],
                frequency: per(4, Week),
                slots: &["lun. 18:30", "mer. 12:30", "ven. 18:30", "dim. 11:00"],
                max_hashtags: Some(8),
                hashtag_policy: format!(
                    "De trois à huit en fin de légende : {hashtag}, puis des mots-dièse précis \
                     sur le sujet de la publication. Le réseau en accepte trente, mais une longue \
                     liste générique ressemble à du spam."
                ),
            },
            NetworkKind::X => Plan {
                purpose: s(
                    "Relayer vite les nouvelles, réagir à l’actualité du secteur et \
                     répondre publiquement aux sollicitations.",
                ),
                audience: s("Journalistes, professionnels du secteur et clients très connectés."),
                formats: &[F::Text, F::Photo, F::Video, F::Poll],
                frequency: per(1, Day),
                slots: &["08:30", "12:30", "18:00"],
                max_hashtags: Some(2),
                hashtag_policy: s(
                    "Un ou deux au plus, glissés dans la phrase plutôt qu’ajoutés \
                     à la fin : 280 caractères passent vite.",
                ),
            },
            NetworkKind::Linkedin => Plan {
                purpose: s(
                    "Montrer l’entreprise derrière la marque : expertise, équipe, \
                     recrutements, résultats.",
                ),
                audience: s(
                    "Professionnels du secteur, partenaires, candidats et journalistes \
                     économiques.",
                ),
                formats: &[
                    F::Article,
                    F::Text,
                    F::Photo,
                    F::Video,
                    F::Infographic,
                    F::Poll,
                ],
                frequency: per(2, Week),
                slots: &["mar. 08:30", "jeu. 12:00"],
                max_hashtags: Some(3),
                hashtag_policy: format!(
                    "Trois au plus, en fin de texte : {hashtag} et des mots-dièse du métier, \
                     jamais une liste de mots à la mode."
                ),
            },
            NetworkKind::Youtube => Plan {
                purpose: s(
                    "Héberger les vidéos qui durent : tutoriels, démonstrations, \
                     présentations de produits, rediffusions des directs.",
                ),
                audience: s(
                    "Personnes qui cherchent comment faire, ou qui comparent avant \
                     d’acheter.",
                ),
                formats: &[F::Video, F::Live],
                frequency: per(2, Month),
                slots: &["mer. 17:00", "sam. 10:00"],
                max_hashtags: Some(3),
                hashtag_policy: format!(
                    "Trois au plus dans la description, dont {hashtag} : ce sont eux qui \
                     s’affichent au-dessus du titre. Le titre et la description comptent \
                     davantage pour être trouvé ; y placer les mots clés du corpus."
                ),
            },
            NetworkKind::Tiktok => Plan {
                purpose: s(
                    "Toucher un public plus jeune avec des vidéos courtes, spontanées et \
                     incarnées par l’équipe.",
                ),
                audience: s("15 à 30 ans, qui découvrent les marques au fil des tendances."),
                formats: &[F::Video, F::Live],
                frequency: per(3, Week),
                slots: &["mar. 18:00", "jeu. 19:00", "sam. 14:00"],
                max_hashtags: Some(5),
                hashtag_policy: format!(
                    "De trois à cinq : {hashtag}, un ou deux sur le sujet, et une tendance du \
                     moment seulement si elle a un vrai rapport avec la vidéo."
                ),
            },
            NetworkKind::Pinterest => Plan {
                purpose: s(
                    "Inspirer et renvoyer vers le site : chaque épingle mène à une page \
                     produit ou à un article.",
                ),
                audience: s(
                    "Personnes qui préparent un projet (maison, cadeau, événement) et \
                     enregistrent des idées.",
                ),
                formats: &[F::Photo, F::Infographic, F::Video],
                frequency: per(3, Week),
                slots: &["mar. 20:00", "sam. 15:00"],
                max_hashtags: Some(3),
                hashtag_policy: s("Peu utiles : la recherche s’appuie sur le titre et la \
                     description de l’épingle. Deux ou trois au plus, descriptifs."),
            },
            NetworkKind::Blog => Plan {
                purpose: s(
                    "Publier les contenus de fond qui répondent aux questions des clients \
                     et nourrissent le référencement naturel ; les réseaux y renvoient.",
                ),
                audience: s(
                    "Clients et prospects qui cherchent une réponse détaillée, souvent \
                     depuis un moteur de recherche.",
                ),
                formats: &[F::Article, F::Infographic, F::Podcast],
                frequency: per(2, Month),
                slots: &["mar. 09:00"],
                max_hashtags: None,
                hashtag_policy: s(
                    "Pas de mots-dièse dans les articles : des catégories et des \
                     étiquettes qui reprennent les mots clés du corpus.",
                ),
            },
            NetworkKind::Forum => Plan {
                purpose: s(
                    "Réunir l’entraide entre membres, l’aide sur les produits et les idées \
                     d’amélioration.",
                ),
                audience: s(
                    "Clients fidèles et utilisateurs avancés, dont certains deviennent \
                     modérateurs bénévoles.",
                ),
                formats: &[F::Text, F::Poll],
                frequency: per(1, Week),
                slots: &["lun. 10:00"],
                max_hashtags: None,
                hashtag_policy: s(
                    "Pas de mots-dièse : des catégories claires et des titres de \
                     sujets explicites. La marque passe chaque jour répondre aux questions \
                     restées sans réponse.",
                ),
            },
            NetworkKind::Newsletter => Plan {
                purpose: s(
                    "Donner rendez-vous aux abonnés : le meilleur du mois, les nouveautés \
                     en avant-première, les offres qui leur sont réservées.",
                ),
                audience: s(
                    "Personnes qui ont choisi de recevoir nos nouvelles : clients et \
                     fidèles.",
                ),
                formats: &[F::Newsletter],
                frequency: per(1, Month),
                slots: &["jeu. 09:00"],
                max_hashtags: None,
                hashtag_policy: format!(
                    "Pas de mots-dièse dans le courriel ; {hashtag} est rappelé en pied de lettre \
                     pour inviter à partager."
                ),
            },
            NetworkKind::Custom => Plan {
                purpose: format!(
                    "Sur {name} : [à compléter : ce que ce canal apporte que les autres \
                     n’apportent pas]."
                ),
                audience: format!("[à compléter : qui suit {name}]."),
                formats: &[F::Text, F::Photo],
                frequency: per(1, Week),
                slots: &[],
                max_hashtags: None,
                hashtag_policy: format!(
                    "Suivre les usages propres à {name} ; reprendre {hashtag} si les mots-dièse \
                     y ont cours."
                ),
            },
        };
        plan.for_network(network)
    }

    const RULES: &str = "Chacun peut donner son avis, critiques comprises, tant qu’il reste \
        courtois et ne vise personne. De son côté, la marque répond dans les délais du protocole, \
        ne supprime jamais une critique parce qu’elle dérange et signale ouvertement ses propres \
        corrections.";
    const HIDDEN: &str = "Masqués : le spam, les liens publicitaires, les messages hors sujet \
        répétés et les données personnelles publiées par erreur (adresse, téléphone, numéro de \
        commande), en invitant l’auteur à poursuivre en message privé. Supprimés : insultes, \
        menaces, harcèlement, propos racistes, sexistes ou discriminatoires, contenus illégaux, \
        usurpations d’identité, ainsi que les messages d’un troll qui reste insatisfait après une \
        réponse factuelle. Avant toute suppression, garder une capture (auteur, date, texte).";
    const ESCALATION: &str = "Prévenir le responsable de la communication dans l’heure pour une \
        menace, une mise en cause de la sécurité d’un produit, un message de journaliste ou une \
        publication qui se propage vite ; le conseil juridique pour une menace de poursuites ou \
        une diffamation. Dès le niveau 2, le plan de crise s’applique.";

    fn ladder(restriction: &str, last: &str) -> String {
        format!(
            "1. Rappel de la règle, en public ou en message privé. 2. Message masqué ou supprimé, \
             avec un avertissement en privé. 3. {restriction}. 4. {last}. Menaces, propos haineux \
             et comptes de spam passent directement à la dernière étape et sont signalés au \
             réseau."
        )
    }

    pub(super) fn moderation(network: &Network, _names: &Names) -> ModerationCharter {
        let name = &network.name;
        let m = match network.kind {
            NetworkKind::Facebook => Moderation {
                rules: s(
                    "Les règles sont résumées dans la section « À propos » de la page, et \
                     dans celles du groupe s’il y en a un.",
                ),
                hidden: s(
                    "Sur Facebook, un commentaire masqué reste visible de son auteur et de \
                     ses amis : c’est la bonne réponse au spam et aux provocations, sans attiser \
                     la colère. Le filtre de mots de la page reprend les termes interdits.",
                ),
                sanctions: ladder(
                    "Exclusion temporaire du groupe, ou restriction du compte",
                    "Bannissement de la page",
                ),
                escalation: s(
                    "Un avis négatif laissé sur la page reçoit une réponse publique dans la \
                     journée ; s’il évoque un danger ou un litige, il suit la chaîne ci-dessous.",
                ),
            },
            NetworkKind::Instagram => Moderation {
                rules: s(
                    "Les règles tiennent en une phrase dans la bio, avec un lien vers la \
                     charte complète.",
                ),
                hidden: s(
                    "Le filtre des commentaires offensants est activé, et la liste des \
                     mots masqués reprend les termes interdits et les insultes courantes.",
                ),
                sanctions: ladder(
                    "Restriction du compte : ses commentaires ne sont plus visibles que de lui",
                    "Blocage",
                ),
                escalation: s(
                    "Un message privé qui évoque un danger ou une détresse est transmis \
                     sans attendre.",
                ),
            },
            NetworkKind::X => Moderation {
                rules: s(
                    "Une question publique reçoit une réponse publique ; l’échange passe en \
                     message privé dès que des informations personnelles sont nécessaires.",
                ),
                hidden: s(
                    "Les réponses des autres comptes ne peuvent pas être supprimées : elles \
                     peuvent être masquées sous nos publications, et leurs auteurs mis en \
                     sourdine, bloqués ou signalés.",
                ),
                sanctions: ladder("Mise en sourdine du compte", "Blocage et signalement"),
                escalation: s(
                    "Une publication sur la marque qui circule vite est signalée dans \
                     l’heure, même si elle n’est pas encore négative.",
                ),
            },
            NetworkKind::Linkedin => Moderation {
                rules: s(
                    "Les échanges restent professionnels ; les demandes de clients sont \
                     orientées vers le service client, les candidatures vers la page carrières.",
                ),
                hidden: s(
                    "Les administrateurs de la page suppriment le démarchage, les offres \
                     commerciales non sollicitées et les attaques personnelles.",
                ),
                sanctions: ladder("Signalement du compte à LinkedIn", "Blocage"),
                escalation: s(
                    "Les questions sur l’emploi vont aux ressources humaines, celles sur \
                     les résultats de l’entreprise à la direction.",
                ),
            },
            NetworkKind::Youtube => Moderation {
                rules: s(
                    "Les règles sont rappelées dans la description de la chaîne et \
                     épinglées dans le chat pendant chaque direct.",
                ),
                hidden: s(
                    "Les commentaires susceptibles d’être inappropriés sont retenus pour \
                     examen, et la liste des mots bloqués reprend les termes interdits. Un \
                     modérateur suit le chat de chaque direct.",
                ),
                sanctions: ladder(
                    "Exclusion temporaire du chat pendant un direct",
                    "Masquage de l’utilisateur sur la chaîne",
                ),
                escalation: s(
                    "Une vidéo qui reçoit soudain beaucoup de réactions négatives est \
                     signalée le jour même.",
                ),
            },
            NetworkKind::Tiktok => Moderation {
                rules: s(
                    "Une grande partie du public est jeune : aucune donnée personnelle n’est \
                     demandée en commentaire, et les jeux-concours respectent les règles du \
                     réseau.",
                ),
                hidden: s(
                    "Le filtrage des commentaires est activé, avec les termes interdits \
                     parmi les mots-clés filtrés.",
                ),
                sanctions: ladder("Blocage du compte", "Signalement à TikTok"),
                escalation: s(
                    "Une vidéo qui nous cite ou nous parodie et prend de l’ampleur est \
                     signalée le jour même : sur TikTok, tout va très vite.",
                ),
            },
            NetworkKind::Pinterest => Moderation {
                rules: s(
                    "Les commentaires y sont rares : chacun reçoit une réponse, surtout les \
                     questions sur un produit.",
                ),
                hidden: s(
                    "Les commentaires publicitaires ou injurieux sont supprimés sous nos \
                     épingles.",
                ),
                sanctions: ladder("Blocage du compte", "Signalement à Pinterest"),
                escalation: s(
                    "Une épingle qui détourne nos visuels ou notre marque est signalée \
                     au responsable de la communication.",
                ),
            },
            NetworkKind::Blog => Moderation {
                rules: s(
                    "La charte de modération est en lien sous le formulaire de commentaire. \
                     Un commentaire est publié dès qu’il apporte à la discussion, même \
                     critique.",
                ),
                hidden: s(
                    "Le premier commentaire d’un auteur et tout commentaire contenant un \
                     lien attendent une validation avant publication.",
                ),
                sanctions: ladder(
                    "Validation systématique des commentaires de l’auteur",
                    "Blocage de l’adresse ou du compte",
                ),
                escalation: s(
                    "Un commentaire qui relève une erreur dans un article entraîne sa \
                     correction, datée et signalée en fin d’article.",
                ),
            },
            NetworkKind::Forum => Moderation {
                rules: s(
                    "La charte est épinglée en tête du forum et acceptée à l’inscription. Les \
                     membres s’entraident ; la marque intervient sur les questions de produits, \
                     et des membres volontaires peuvent devenir modérateurs.",
                ),
                hidden: s(
                    "Les sujets mal placés sont déplacés, les doublons fusionnés, et les \
                     fils qui tournent en rond verrouillés avec un message d’explication.",
                ),
                sanctions: ladder(
                    "Suspension de sept jours, puis de trente jours",
                    "Bannissement définitif",
                ),
                escalation: s(
                    "Les problèmes techniques qui reviennent dans plusieurs sujets sont \
                     transmis chaque semaine à l’équipe produit, et la FAQ est complétée.",
                ),
            },
            NetworkKind::Newsletter => Moderation {
                rules: s(
                    "Les réponses des abonnés arrivent en privé : elles sont traitées comme \
                     des messages privés, dans les délais du protocole. Une désinscription prend \
                     effet aussitôt, et personne n’est réinscrit sans l’avoir demandé.",
                ),
                hidden: s(
                    "Rien n’est public : les réponses injurieuses sont archivées sans suite, \
                     et les adresses qui signalent la lettre comme indésirable sont retirées de \
                     la liste.",
                ),
                sanctions: s(
                    "Pas d’échelle de sanctions publique : une adresse abusive est \
                     retirée de la liste et ses messages sont filtrés ; une menace est transmise \
                     au responsable de la communication.",
                ),
                escalation: s(
                    "Une réponse qui relève une erreur dans la lettre (prix, lien, date) \
                     est remontée aussitôt, et un correctif part si l’erreur a des conséquences \
                     pour les abonnés.",
                ),
            },
            NetworkKind::Custom => Moderation {
                rules: format!(
                    "Les règles sont publiées sur {name}, là où les membres les voient en \
                     arrivant."
                ),
                hidden: format!(
                    "Selon les outils que propose {name} : masquer quand c’est possible, \
                     supprimer sinon."
                ),
                sanctions: ladder(
                    &format!("Restriction temporaire, si {name} le permet"),
                    "Blocage ou exclusion",
                ),
                escalation: String::new(),
            },
        };
        let (hidden, rules) = match network.kind {
            // Nothing of a newsletter is public: the shared rules do not apply as such.
            NetworkKind::Newsletter => (m.hidden, m.rules),
            _ => (joined(&[HIDDEN, &m.hidden]), joined(&[RULES, &m.rules])),
        };
        ModerationCharter {
            network_id: network.id.clone(),
            rules,
            hidden_or_deleted: hidden,
            sanctions: m.sanctions,
            escalation: joined(&[&m.escalation, ESCALATION]),
        }
    }
}

mod en {
    use super::*;
    use FrequencyPeriod::{Day, Month, Week};
    use PostFormat as F;

    pub(super) const BRAND: &str = "[to fill in: brand name]";
    pub(super) const HASHTAG: &str = "[to fill in: brand hashtag]";
    const PERSON: &str = "[to fill in: name]";
    const CONTACT: &str = "[to fill in: phone and email]";
    const WATCH: &str = "Level 1 – Watch";
    const ALERT: &str = "Level 2 – Alert";
    const CRISIS: &str = "Level 3 – Crisis";

    pub(super) fn starter(names: &Names) -> Starter {
        let Names { brand, hashtag } = names;
        Starter {
            mission: format!(
                "[to fill in: in one sentence, why the brand exists and who it serves]. \
                 On social media, {brand} brings together the people who genuinely care about \
                 what it offers, helps them get the most out of it and listens to them so as to \
                 keep getting better."
            ),
            values: strings(&["Listening", "Honesty", "Simplicity", "High standards"]),
            keywords: vec![
                keyword(
                    brand,
                    "Brand",
                    "Always spelled the same way, with no abbreviations or nicknames.",
                ),
                keyword(
                    hashtag,
                    "Brand",
                    "Our hashtag, used on every network where hashtags matter.",
                ),
                keyword(
                    "[to fill in: flagship product or service]",
                    "Offer",
                    "The exact name of what we most want people to know about.",
                ),
                keyword(
                    "craftsmanship",
                    "Values",
                    "For posts about how things are made and the people who make them.",
                ),
                keyword(
                    "tips",
                    "Content",
                    "Our how-to posts; also a word the community types into search engines.",
                ),
                keyword(
                    "customer service",
                    "Service",
                    "Always followed by how to reach it.",
                ),
                keyword(
                    "community",
                    "Values",
                    "The people who follow us. We call them members or customers, never \
                     “targets”.",
                ),
            ],
            banned_terms: vec![
                banned(
                    "cheap",
                    "Undersells what we make: say “good value”, or just give the price.",
                ),
                banned(
                    "[to fill in: a competitor's name]",
                    "We don't name competitors, whether to criticise them or to compare ourselves.",
                ),
                banned(
                    "[to fill in: internal project code name]",
                    "Confidential until it is officially announced.",
                ),
                banned(
                    "risk-free",
                    "No product can live up to it, and it would be held against us the first time \
                     something goes wrong.",
                ),
                banned(
                    "stupid",
                    "Insulting: never about a person, a question or an opinion, not even as a \
                     joke.",
                ),
            ],
            objectives: vec![
                objective(
                    "Awareness",
                    format!(
                        "Get {brand} known beyond its current customers. KPIs: reach, impressions, \
                         followers, brand mentions. Set numeric targets after a month of \
                         measurement, starting from where you are."
                    ),
                ),
                objective(
                    "Engagement",
                    "Start conversations rather than broadcast. Main KPI: engagement rate, that is \
                     interactions (reactions, comments, shares, saves) divided by reach, always \
                     worked out the same way. Also track comments and shares per post.",
                ),
                objective(
                    "Loyalty",
                    "Give members reasons to come back. KPIs: retention rate, share of members who \
                     interact several times a month, interaction frequency.",
                ),
                objective(
                    "Community growth",
                    "Attract people who are genuinely interested, not just big numbers. KPIs: new \
                     members per month, growth rate, unfollows.",
                ),
                objective(
                    "Traffic and sales",
                    "Send members to the website, the centre of our online presence. KPIs: link \
                     clicks, visits from social media, conversions.",
                ),
                objective(
                    "Service quality",
                    "Answer quickly and well. KPIs: average time to first reply, share of messages \
                     handled within the response protocol's target time.",
                ),
            ],
            faq: vec![
                faq(
                    "How can I reach your customer service?",
                    format!(
                        "Thanks for getting in touch! The {brand} team is here [to fill in: days \
                         and hours], by private message right here or by email at [to fill in: \
                         address]. If it's about an order, include the order number and we'll be \
                         quicker."
                    ),
                    &["contact", "customer service"],
                ),
                faq(
                    "When will my order arrive?",
                    "Orders are packed within [to fill in: processing time] and then handed to the \
                     carrier. You'll get a tracking link by email as soon as your parcel ships. If \
                     it hasn't arrived by the expected date, send us a private message with your \
                     order number and we'll chase it up with the carrier.",
                    &["delivery", "orders"],
                ),
                faq(
                    "Can I return an item and get a refund?",
                    "Of course. You have [to fill in: number] days from delivery to send an item \
                     back; here's how: [to fill in: link]. We refund you as soon as the parcel \
                     reaches us and confirm it by email.",
                    &["returns", "refunds"],
                ),
                faq(
                    "Where can I buy your products?",
                    format!(
                        "The whole {brand} range is on our website. You'll also find us at partner \
                         stores, and we keep the list up to date here: [to fill in: link]."
                    ),
                    &["buying", "stores"],
                ),
                faq(
                    "Do you work with creators or partners?",
                    format!(
                        "Thanks for thinking of {brand}! Tell us about your project in a few \
                         lines, with your channels and your audience, at [to fill in: email \
                         address]. We look at every proposal and reply to all of them, even when \
                         the answer is no."
                    ),
                    &["partnerships"],
                ),
                faq(
                    "What do you do with my personal data?",
                    "We only use it to process your orders and, if you've agreed, to send you our \
                     news. You can see it, correct it or ask us to delete it at any time by \
                     writing to [to fill in: address]. Our privacy policy, on the website, has all \
                     the details.",
                    &["personal data", "privacy"],
                ),
            ],
            editorial_line: EditorialLine {
                tone: s(
                    "Warm, plain and direct, like a chat across a shop counter: short sentences, \
                     everyday words, humour when the subject allows and never at anyone's expense. \
                     When criticised, we stay calm, factual and polite, even if the conversation \
                     gets heated. Emojis are occasional and never stand in for words.",
                ),
                address: None,
                core_message: format!(
                    "{brand} gives you sound advice and stays by your side before and after you \
                     buy, with products we're proud of."
                ),
                pillars: strings(&[
                    "Tips and tutorials",
                    "Behind the scenes",
                    "Customer stories",
                    "News and highlights",
                    "What we stand for",
                ]),
            },
            response_protocol: response_protocol(),
            crisis: crisis(brand),
            principles: principles(),
        }
    }

    fn response_protocol() -> Vec<ResponseRule> {
        vec![
            rule(
                "Crisis signal (fast-spreading post, safety concern, hacked account)",
                Priority::Immediate,
                Some(15),
                "Community manager, then head of communications",
                "Don't handle it alone or argue the substance. Screenshot the messages, alert the \
                 head of communications, decide which level of the crisis plan applies and, if \
                 needed, switch on crisis mode to hold scheduled posts. Then publish the approved \
                 holding statement.",
            ),
            rule(
                "Press enquiry",
                Priority::High,
                Some(60),
                "Head of communications",
                "Thank them, ask by private message for the outlet, the topic and the deadline, \
                 and pass it on without commenting on the substance. The community manager never \
                 speaks for the spokesperson.",
            ),
            rule(
                "Justified complaint (mistake, delay, damaged item)",
                Priority::High,
                Some(60),
                "Community manager with customer service",
                "Acknowledge the problem and apologise plainly, say what will happen and when, \
                 and move to private messages for personal details. Once it's fixed, say so \
                 publicly under the original post. Offer a gesture if the customer lost out.",
            ),
            rule(
                "Prospect enquiry (quote, availability, price)",
                Priority::High,
                Some(120),
                "Community manager, then sales",
                "Answer the actual question, give the right link or contact and offer to continue \
                 privately; follow up once if nothing comes back within 48 hours.",
            ),
            rule(
                "Question about a product or an order",
                Priority::Normal,
                Some(240),
                "Community manager",
                "Start from the FAQ's template answer, tailor it to the person and the question, \
                 and add a link to a source they can check. If it needs looking into, say so and \
                 say when you'll be back.",
            ),
            rule(
                "Unfounded criticism",
                Priority::Normal,
                Some(240),
                "Community manager",
                "Reply once, politely, with facts and a link to information anyone can check. If \
                 other members set the record straight, let them, and keep an eye on the tone.",
            ),
            rule(
                "Insult, hate speech or trolling",
                Priority::High,
                Some(30),
                "Community manager",
                "Don't get drawn in. Take a screenshot, then hide or delete as the network's \
                 moderation charter allows. A troll gets one factual reply at most; after that, \
                 follow the sanctions ladder. Report threats to the network and to the head of \
                 communications.",
            ),
            rule(
                "Suggestion or idea",
                Priority::Low,
                Some(1440),
                "Community manager",
                "Say thank you, tell them who the idea is going to, and get back to them if it's \
                 taken up.",
            ),
            rule(
                "Praise or positive review",
                Priority::Low,
                Some(1440),
                "Community manager",
                "Thank them by name, in a reply written for them rather than a pasted one. Ask \
                 before sharing their words as a testimonial.",
            ),
            rule(
                "Spam or unsolicited advertising",
                Priority::Low,
                None,
                "Community manager",
                "No reply: hide or delete it, then report the account to the network.",
            ),
        ]
    }

    fn crisis(brand: &str) -> CrisisPlan {
        CrisisPlan {
            levels: vec![
                level(
                    WATCH,
                    "A negative topic keeps coming up but stays on one network, among accounts \
                     with few followers. The community manager handles it under the response \
                     protocol and checks on it twice a day. Scheduled posts go ahead once the next \
                     48 hours of them have been reread.",
                ),
                level(
                    ALERT,
                    "Criticism spreads to other networks, is picked up by an influential account \
                     or touches a sensitive subject (health, safety, discrimination, personal \
                     data). The head of communications is told within the hour, scheduled posts \
                     are held and a holding statement is ready.",
                ),
                level(
                    CRISIS,
                    "The media or the authorities are involved, people's safety is at risk or the \
                     company's reputation is seriously damaged. Management takes charge, a single \
                     voice speaks for the brand and an update goes out at least every two hours.",
                ),
            ],
            scenarios: vec![
                scenario(
                    "Faulty or dangerous product",
                    "Several customers report the same defect; photos of an incident or an \
                     injury; questions from a regulator or a journalist.",
                    CRISIS,
                ),
                scenario(
                    "Complaint gone viral",
                    "A complaint shared far beyond our followers or picked up by an influential \
                     account; calls for a boycott.",
                    ALERT,
                ),
                scenario(
                    "Brand post seen as hurtful",
                    "Shocked comments under one of our posts, screenshots going round, calls for \
                     an apology.",
                    ALERT,
                ),
                scenario(
                    "Website, shop or delivery outage",
                    "A flood of identical questions; customers who can't order or haven't \
                     received anything.",
                    WATCH,
                ),
                scenario(
                    "Hacked brand account",
                    "Posts or messages the team didn't write, a rejected password, a login alert \
                     from an unknown device.",
                    CRISIS,
                ),
                scenario(
                    "Personal data leak",
                    "Customers receiving scam messages in our name, a warning from a supplier, \
                     data published online.",
                    CRISIS,
                ),
                scenario(
                    "Employee or partner under fire",
                    "Words or actions of someone linked to the brand being shared on social \
                     media.",
                    ALERT,
                ),
            ],
            roles: vec![
                role(
                    "Community manager: monitoring and first replies",
                    PERSON,
                    CONTACT,
                ),
                role("Community manager's backup", PERSON, CONTACT),
                role("Head of communications and spokesperson", PERSON, CONTACT),
                role("Management", PERSON, CONTACT),
                role("Customer service", PERSON, CONTACT),
                role("Legal counsel", PERSON, CONTACT),
            ],
            escalation: vec![
                step(
                    "Community manager",
                    "At the first signal, whenever someone is monitoring",
                    "Decides the severity level, gathers the facts (screenshots, links, times, \
                     volume) and keeps handling routine messages under the protocol.",
                ),
                step(
                    "Head of communications",
                    "Within the hour at level 2, or as soon as there is doubt at level 1",
                    "Approves every public message, decides who replies, whether scheduled posts \
                     are held and how often updates go out.",
                ),
                step(
                    "Management",
                    "At level 3",
                    "Sets the company's official position, any apology and the measures taken \
                     (product recall, refund, goodwill gesture); chooses the spokesperson.",
                ),
                step(
                    "Legal counsel",
                    "Threat of legal action, defamation, personal data, people's safety",
                    "What can be said in public and what follows: reporting, legal complaint, \
                     notifying the data protection authority within 72 hours of a personal data \
                     breach.",
                ),
            ],
            rapid_steps: strings(&[
                "Make sure nothing goes out: crisis mode is on, and posts scheduled elsewhere \
                 (other tools, ad campaigns) are paused too.",
                "Gather the facts: what happened, since when, on which networks, how many \
                 messages, which accounts are sharing it; keep the screenshots.",
                "Decide the severity level and alert the person the escalation chain names for \
                 it.",
                "Publish a holding statement within the hour where it all started, and pin it if \
                 the network allows.",
                "Write a single version of the facts, get it approved and share it with everyone \
                 who replies, customer service included.",
                "Answer messages with that version, calmly and with empathy; delete nothing beyond \
                 what the moderation charter allows.",
                "Post updates at set times until it's resolved, even when there is nothing new.",
                "Announce that the crisis is over and what was done, then reread the held posts \
                 before letting them go out.",
            ]),
            holding_statements: vec![
                holding(
                    "Product issue",
                    "We've seen your messages about [product] and we're taking them very \
                     seriously. We're looking into what happened and will update you here by \
                     [time]. Until then, as a precaution, please don't use [product].",
                ),
                holding(
                    "Service outage",
                    "[Service] is down at the moment, and we're sorry for the trouble. Our teams \
                     are working to bring it back; we'll update you here by [time] at the latest.",
                ),
                holding(
                    "Post badly received",
                    "Our post about [topic] hurt a number of you. That was never our intention: \
                     we've taken it down and we're reading every message. We'll be back to you \
                     shortly.",
                ),
                holding(
                    "Hacked account",
                    format!(
                        "The {brand} account was used by someone outside our team. Messages posted \
                         since [time] are not from us: please don't click any links. We're \
                         getting the account back and will keep you posted."
                    ),
                ),
            ],
            review: s(
                "Within two weeks of the crisis ending, everyone involved meets for a review: \
                 timeline, which messages calmed things down and which made them worse, actual \
                 response times against the protocol, effect on the KPIs. It ends with written \
                 decisions: updates to the crisis plan, the FAQ, the response protocol and the \
                 banned terms. The plan is reread every year, with a drill on a made-up scenario \
                 to check that everyone knows their role.",
            ),
        }
    }

    fn principles() -> Vec<Principle> {
        vec![
            principle(
                "Listen",
                "Read comments, reviews and mentions before deciding what to post; questions that \
                 keep coming back go into the FAQ.",
            ),
            principle(
                "Talk like a person",
                "Write the way you would talk to a customer standing in front of you, without \
                 slogans or ad-speak.",
            ),
            principle(
                "Be generous",
                "Share useful advice without asking for anything back, showcase members and give \
                 them the floor.",
            ),
            principle(
                "Be transparent",
                "Say what we know, own up to a mistake as soon as it's confirmed, and explain what \
                 we can't say and why.",
            ),
            principle(
                "Be consistent",
                "Nothing goes out on a whim: every post follows this charter and has been \
                 approved.",
            ),
            principle(
                "Lead by example",
                "The brand keeps the rules it asks of the community, and thanks the members who \
                 set the tone.",
            ),
            principle(
                "Be responsive",
                "Meet the response protocol's target times, and say so when an answer will take \
                 longer.",
            ),
            principle(
                "Have the right people around",
                "Know who to hand a technical, legal or sales question to, and have a backup for \
                 when the community manager is away.",
            ),
            principle(
                "Stay agile",
                "Review the numbers every month, drop formats nobody reacts to, try other posting \
                 times.",
            ),
            principle(
                "Keep watch",
                "Follow brand mentions, industry news, trends and upcoming key dates.",
            ),
        ]
    }

    pub(super) fn guideline(network: &Network, names: &Names) -> NetworkGuideline {
        let hashtag = &names.hashtag;
        let name = &network.name;
        let plan = match network.kind {
            NetworkKind::Facebook => Plan {
                purpose: s(
                    "Keep in touch with existing customers: news, tips, events and \
                     answers to their questions.",
                ),
                audience: s(
                    "Customers and neighbours of the brand, mostly aged 30 to 60, who \
                     follow the page to stay informed.",
                ),
                formats: &[F::Text, F::Photo, F::Video, F::Poll, F::Live, F::Contest],
                frequency: per(3, Week),
                slots: &["Tue 12:30", "Thu 19:00", "Sat 10:00"],
                max_hashtags: Some(2),
                hashtag_policy: format!(
                    "{hashtag} is usually enough, plus one more for a campaign or an event at \
                     most: hashtags do little for discovery on Facebook."
                ),
            },
            NetworkKind::Instagram => Plan {
                purpose: s(
                    "Show the brand's world: products in use, behind the scenes, what \
                     customers make with them; stories almost daily, on top of the posts.",
                ),
                audience: s(
                    "Aged 20 to 40, drawn to visuals and inspiration, mostly on their \
                     phones.",
                ),
                formats: &[F::Photo, F::Video, F::Story, F::Live, F::Contest],
                frequency: per(4, Week),
                slots: &["Mon 18:30", "Wed 12:30", "Fri 18:30", "Sun 11:00"],
                max_hashtags: Some(8),
                hashtag_policy: format!(
                    "Three to eight at the end of the caption: {hashtag}, then specific ones about \
                     the post's subject. The network allows thirty, but a long generic list looks \
                     like spam."
                ),
            },
            NetworkKind::X => Plan {
                purpose: s(
                    "Share news fast, react to what's happening in the industry and answer \
                     people in public.",
                ),
                audience: s("Journalists, industry professionals and highly connected \
                     customers."),
                formats: &[F::Text, F::Photo, F::Video, F::Poll],
                frequency: per(1, Day),
                slots: &["08:30", "12:30", "18:00"],
                max_hashtags: Some(2),
                hashtag_policy: s("One or two at most, worked into the sentence rather than \
                     tacked on at the end: 280 characters go quickly."),
            },
            NetworkKind::Linkedin => Plan {
                purpose: s(
                    "Show the company behind the brand: expertise, the team, hiring, \
                     results.",
                ),
                audience: s("Industry professionals, partners, candidates and business \
                     journalists."),
                formats: &[
                    F::Article,
                    F::Text,
                    F::Photo,
                    F::Video,
                    F::Infographic,
                    F::Poll,
                ],
                frequency: per(2, Week),
                slots: &["Tue 08:30", "Thu 12:00"],
                max_hashtags: Some(3),
                hashtag_policy: format!(
                    "Three at most, at the end: {hashtag} and the trade's own hashtags, never a \
                     list of buzzwords."
                ),
            },
            NetworkKind::Youtube => Plan {
                purpose: s(
                    "Host the videos that last: tutorials, demonstrations, product \
                     presentations, live replays.",
                ),
                audience: s(
                    "People looking up how to do something, or comparing before they \
                     buy.",
                ),
                formats: &[F::Video, F::Live],
                frequency: per(2, Month),
                slots: &["Wed 17:00", "Sat 10:00"],
                max_hashtags: Some(3),
                hashtag_policy: format!(
                    "Three at most in the description, {hashtag} among them: those are the ones \
                     shown above the title. The title and description matter more for being \
                     found, so put the keyword corpus there."
                ),
            },
            NetworkKind::Tiktok => Plan {
                purpose: s(
                    "Reach a younger audience with short, spontaneous videos fronted by the \
                     team.",
                ),
                audience: s("Aged 15 to 30, who come across brands through trends."),
                formats: &[F::Video, F::Live],
                frequency: per(3, Week),
                slots: &["Tue 18:00", "Thu 19:00", "Sat 14:00"],
                max_hashtags: Some(5),
                hashtag_policy: format!(
                    "Three to five: {hashtag}, one or two about the subject, and a current trend \
                     only when it truly relates to the video."
                ),
            },
            NetworkKind::Pinterest => Plan {
                purpose: s(
                    "Inspire and send people to the website: every pin leads to a product \
                     page or an article.",
                ),
                audience: s(
                    "People planning something (home, gift, event) and saving ideas for \
                     it.",
                ),
                formats: &[F::Photo, F::Infographic, F::Video],
                frequency: per(3, Week),
                slots: &["Tue 20:00", "Sat 15:00"],
                max_hashtags: Some(3),
                hashtag_policy: s("Of little use: search relies on the pin's title and \
                     description. Two or three at most, descriptive ones."),
            },
            NetworkKind::Blog => Plan {
                purpose: s(
                    "Publish the in-depth content that answers customers' questions and \
                     feeds search rankings; the networks link back to it.",
                ),
                audience: s(
                    "Customers and prospects after a detailed answer, often arriving \
                     from a search engine.",
                ),
                formats: &[F::Article, F::Infographic, F::Podcast],
                frequency: per(2, Month),
                slots: &["Tue 09:00"],
                max_hashtags: None,
                hashtag_policy: s(
                    "No hashtags in articles: categories and tags drawn from the \
                     keyword corpus instead.",
                ),
            },
            NetworkKind::Forum => Plan {
                purpose: s(
                    "Bring together members helping each other, product support and ideas \
                     for improvement.",
                ),
                audience: s(
                    "Loyal customers and power users, some of whom become volunteer \
                     moderators.",
                ),
                formats: &[F::Text, F::Poll],
                frequency: per(1, Week),
                slots: &["Mon 10:00"],
                max_hashtags: None,
                hashtag_policy: s("No hashtags: clear categories and explicit thread titles. \
                     Someone from the brand drops in daily to pick up unanswered questions."),
            },
            NetworkKind::Newsletter => Plan {
                purpose: s(
                    "A regular date with subscribers: the best of the month, early news \
                     and offers kept for them.",
                ),
                audience: s("People who chose to hear from us: customers and loyal fans."),
                formats: &[F::Newsletter],
                frequency: per(1, Month),
                slots: &["Thu 09:00"],
                max_hashtags: None,
                hashtag_policy: format!(
                    "No hashtags in the email itself; {hashtag} appears in the footer as an \
                     invitation to share."
                ),
            },
            NetworkKind::Custom => Plan {
                purpose: format!("[to fill in: what {name} brings that the other channels don't]."),
                audience: format!("[to fill in: who follows {name}]."),
                formats: &[F::Text, F::Photo],
                frequency: per(1, Week),
                slots: &[],
                max_hashtags: None,
                hashtag_policy: format!(
                    "Follow {name}'s own habits; use {hashtag} if hashtags are common there."
                ),
            },
        };
        plan.for_network(network)
    }

    const RULES: &str = "Everyone is welcome to share their view, criticism included, as long as \
        they stay civil and don't target anyone. For its part, the brand replies within the \
        protocol's times, never removes criticism because it's awkward and openly flags its own \
        corrections.";
    const HIDDEN: &str = "Hidden: spam, advertising links, repeated off-topic messages and \
        personal details posted by mistake (address, phone number, order number), with an \
        invitation to continue by private message. Deleted: insults, threats, harassment, racist, \
        sexist or otherwise discriminatory remarks, illegal content, impersonation, and the posts \
        of a troll who is still unhappy after a factual reply. Take a screenshot (author, date, \
        text) before deleting anything.";
    const ESCALATION: &str = "Alert the head of communications within the hour about a threat, \
        a product safety concern, a journalist's message or a post that is spreading fast; alert \
        legal counsel about a threat of legal action or defamation. From level 2 on, the crisis \
        plan takes over.";

    fn ladder(restriction: &str, last: &str) -> String {
        format!(
            "1. A reminder of the rule, in public or by private message. 2. The message hidden or \
             deleted, with a private warning. 3. {restriction}. 4. {last}. Threats, hate \
             speech and spam accounts go straight to the last step and are reported to the \
             network."
        )
    }

    pub(super) fn moderation(network: &Network, _names: &Names) -> ModerationCharter {
        let name = &network.name;
        let m = match network.kind {
            NetworkKind::Facebook => Moderation {
                rules: s(
                    "The rules are summed up in the page's About section, and in the group \
                     rules if there is a group.",
                ),
                hidden: s(
                    "On Facebook a hidden comment stays visible to its author and their \
                     friends, which makes it the right answer to spam and provocation without \
                     fuelling anger. The page's word filter includes the banned terms.",
                ),
                sanctions: ladder(
                    "Account suspended from the group for a while, or restricted",
                    "Account banned from the page",
                ),
                escalation: s(
                    "A negative review of the page gets a public reply the same day; if \
                     it mentions a danger or a dispute, it follows the chain below.",
                ),
            },
            NetworkKind::Instagram => Moderation {
                rules: s(
                    "The rules fit in one line of the bio, with a link to the full \
                     charter.",
                ),
                hidden: s(
                    "The offensive comment filter is on, and the hidden words list \
                     includes the banned terms and common insults.",
                ),
                sanctions: ladder(
                    "Account restricted, so that only its owner sees its comments",
                    "Account blocked",
                ),
                escalation: s(
                    "A private message that mentions danger or distress is passed on \
                     at once.",
                ),
            },
            NetworkKind::X => Moderation {
                rules: s(
                    "A public question gets a public answer; the conversation moves to \
                     private messages as soon as personal details are needed.",
                ),
                hidden: s(
                    "Other accounts' replies can't be deleted: they can be hidden under our \
                     posts, and their authors muted, blocked or reported.",
                ),
                sanctions: ladder("Account muted", "Account blocked and reported"),
                escalation: s(
                    "A post about the brand that is spreading fast is flagged within the \
                     hour, even before it turns negative.",
                ),
            },
            NetworkKind::Linkedin => Moderation {
                rules: s(
                    "Exchanges stay professional; customer requests are pointed to customer \
                     service, job applications to the careers page.",
                ),
                hidden: s(
                    "Page admins delete cold pitches, unsolicited sales offers and personal \
                     attacks.",
                ),
                sanctions: ladder("Account reported to LinkedIn", "Account blocked"),
                escalation: s(
                    "Questions about jobs go to human resources, questions about the \
                     company's results to management.",
                ),
            },
            NetworkKind::Youtube => Moderation {
                rules: s(
                    "The rules are in the channel description and pinned in the chat during \
                     every live stream.",
                ),
                hidden: s(
                    "Potentially inappropriate comments are held for review, and the \
                     blocked words list includes the banned terms. A moderator watches the chat \
                     of every live stream.",
                ),
                sanctions: ladder(
                    "User timed out of the chat during a live stream",
                    "User hidden from the channel",
                ),
                escalation: s(
                    "A video that suddenly draws a wave of negative reactions is \
                     flagged the same day.",
                ),
            },
            NetworkKind::Tiktok => Moderation {
                rules: s(
                    "Much of the audience is young: no personal details are ever asked for \
                     in comments, and contests follow the network's rules.",
                ),
                hidden: s(
                    "Comment filtering is on, with the banned terms among the filtered \
                     keywords.",
                ),
                sanctions: ladder("Account blocked", "Account reported to TikTok"),
                escalation: s(
                    "A video that mentions or parodies us and is taking off is flagged \
                     the same day: on TikTok, everything moves very fast.",
                ),
            },
            NetworkKind::Pinterest => Moderation {
                rules: s(
                    "Comments are rare here: each one gets an answer, especially questions \
                     about a product.",
                ),
                hidden: s("Advertising or abusive comments under our pins are deleted."),
                sanctions: ladder("Account blocked", "Account reported to Pinterest"),
                escalation: s(
                    "A pin that misuses our images or our brand is flagged to the head \
                     of communications.",
                ),
            },
            NetworkKind::Blog => Moderation {
                rules: s(
                    "The moderation charter is linked under the comment form. A comment is \
                     published as soon as it adds to the discussion, critical or not.",
                ),
                hidden: s(
                    "A commenter's first comment, and any comment containing a link, waits \
                     for approval before it appears.",
                ),
                sanctions: ladder(
                    "Every comment from that author held for approval",
                    "Address or account blocked",
                ),
                escalation: s("A comment pointing out a mistake in an article leads to a \
                     correction, dated and noted at the end of the article."),
            },
            NetworkKind::Forum => Moderation {
                rules: s(
                    "The charter is pinned at the top of the forum and accepted on sign-up. \
                     Members help each other; the brand steps in on product questions, and \
                     volunteers can become moderators.",
                ),
                hidden: s(
                    "Misplaced threads are moved, duplicates merged, and threads going round \
                     in circles locked with a note explaining why.",
                ),
                sanctions: ladder(
                    "Member suspended for seven days, then for thirty",
                    "Member banned for good",
                ),
                escalation: s(
                    "Technical problems that come up across several threads are passed \
                     to the product team every week, and the FAQ is updated.",
                ),
            },
            NetworkKind::Newsletter => Moderation {
                rules: s(
                    "Subscribers' replies arrive privately: they are handled like private \
                     messages, within the protocol's times. Unsubscribing takes effect at once, \
                     and nobody is signed up again without asking.",
                ),
                hidden: s(
                    "Nothing here is public: abusive replies are archived without follow-up, \
                     and addresses that mark the newsletter as spam are taken off the list.",
                ),
                sanctions: s(
                    "No public sanctions ladder: an abusive address is removed from the \
                     list and its messages filtered; a threat goes to the head of \
                     communications.",
                ),
                escalation: s(
                    "A reply pointing out a mistake in the newsletter (price, link, \
                     date) is passed on at once, and a correction goes out if the mistake \
                     affects subscribers.",
                ),
            },
            NetworkKind::Custom => Moderation {
                rules: format!(
                    "The rules are posted on {name}, where members see them when they arrive."
                ),
                hidden: format!("Depending on {name}'s tools: hide when possible, delete if not."),
                sanctions: ladder(
                    &format!("Account restricted for a while, if {name} allows it"),
                    "Account blocked or removed",
                ),
                escalation: String::new(),
            },
        };
        let (hidden, rules) = match network.kind {
            // Nothing of a newsletter is public: the shared rules do not apply as such.
            NetworkKind::Newsletter => (m.hidden, m.rules),
            _ => (joined(&[HIDDEN, &m.hidden]), joined(&[RULES, &m.rules])),
        };
        ModerationCharter {
            network_id: network.id.clone(),
            rules,
            hidden_or_deleted: hidden,
            sanctions: m.sanctions,
            escalation: joined(&[&m.escalation, ESCALATION]),
        }
    }
}

#[cfg(test)]
mod tests {
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
            assert!(
                protocol
                    .iter()
                    .all(|r| r.priority == Priority::Low
                        || r.target_minutes.is_some_and(|m| m <= 240))
            );

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
}
