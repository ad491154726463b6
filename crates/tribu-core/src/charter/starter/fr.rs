//! The French starter: every section's text, and the guideline and
//! moderation charter of each kind of network.

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
