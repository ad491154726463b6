//! The English starter: every section's text, and the guideline and
//! moderation charter of each kind of network.

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
