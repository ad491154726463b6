//! What a KPI measures, and how values of each metric combine over a period.

use super::model::PostCounts;
use crate::model::string_enum;
use crate::text::label_key;

string_enum!(
    /// What is counted. How values add up over a period depends on the
    /// metric: see [`Metric::aggregation`].
    Metric, "metric", {
        /// People who follow the account: a level read at a moment (stock).
        Followers => "followers",
        /// People who saw the content at least once (per post, then summed).
        Reach => "reach",
        /// Times the content was shown, the same person counted each time.
        Impressions => "impressions",
        /// Interactions: reactions + comments + shares + saves (clicks are
        /// traffic, counted apart).
        Engagements => "engagements",
        /// Engagements / reach × 100, computed from the posts' results
        /// (observed values are used only when no post result exists).
        EngagementRate => "engagement_rate",
        /// Clicks on links, towards the site or a shop.
        Clicks => "clicks",
        Comments => "comments",
        Shares => "shares",
        Saves => "saves",
        /// Likes and the other reactions.
        Reactions => "reactions",
        /// Times the brand is named or tagged by others.
        Mentions => "mentions",
        /// Private messages received.
        Messages => "messages",
        /// Average time to answer an interaction, in minutes (lower is better).
        ResponseTimeMinutes => "response_time_minutes",
        /// Sales, sign-ups or any goal completed after a visit from a network.
        Conversions => "conversions",
        /// Visits of the website coming from the networks.
        WebsiteVisits => "website_visits",
    }
);

string_enum!(
    /// How the values of a metric combine over a period.
    Aggregation, "aggregation", {
        /// A level: the last value known at the end of the period counts
        /// (followers). Per network levels add up across networks.
        Last => "last",
        /// Counts of events: the values of the period add up (reach, clicks...).
        Sum => "sum",
        /// Averages: the mean of the values of the period (response time).
        Mean => "mean",
        /// A rate of sums: Σ engagements / Σ reach × 100 (engagement rate).
        Rate => "rate",
    }
);

string_enum!(
    /// Whether a KPI's target lies above (more followers) or below (a shorter
    /// response time) its starting point.
    Direction, "direction", {
        Up => "up",
        Down => "down",
    }
);

impl Metric {
    pub fn aggregation(self) -> Aggregation {
        match self {
            Metric::Followers => Aggregation::Last,
            Metric::EngagementRate => Aggregation::Rate,
            Metric::ResponseTimeMinutes => Aggregation::Mean,
            _ => Aggregation::Sum,
        }
    }

    /// A level read at a moment (followers): its current value is the last
    /// observation, not a sum.
    pub fn is_stock(self) -> bool {
        self.aggregation() == Aggregation::Last
    }

    /// A count of events (reach, impressions, clicks...): its value over a
    /// period is the sum of the period's values, and a KPI on it counts from
    /// zero at its start date towards its target.
    pub fn is_flow(self) -> bool {
        self.aggregation() == Aggregation::Sum
    }

    /// Whether a post's result carries the metric (reach, impressions and
    /// the interactions, hence the engagement rate).
    pub fn in_post_results(self) -> bool {
        matches!(
            self,
            Metric::Reach
                | Metric::Impressions
                | Metric::Engagements
                | Metric::EngagementRate
                | Metric::Clicks
                | Metric::Comments
                | Metric::Shares
                | Metric::Saves
                | Metric::Reactions
        )
    }

    /// The metric a CSV header or cell names, in English or French
    /// ("Abonnés", "portée", "Taux d'engagement (%)"), or by its own name.
    pub fn from_label(text: &str) -> Option<Metric> {
        let key = label_key(text);
        Metric::ALL
            .iter()
            .copied()
            .find(|m| m.aliases().contains(&key.as_str()))
    }

    /// The metric's `(num, den)` parts in a post's result, when results carry
    /// it: the count (den 1), or (engagements, reach) for the rate.
    pub fn from_post(self, c: &PostCounts) -> Option<(f64, f64)> {
        let count = |n: Option<u32>| n.map(|n| (f64::from(n), 1.0));
        match self {
            Metric::Reach => count(c.reach),
            Metric::Impressions => count(c.impressions),
            Metric::Reactions => count(c.reactions),
            Metric::Comments => count(c.comments),
            Metric::Shares => count(c.shares),
            Metric::Saves => count(c.saves),
            Metric::Clicks => count(c.clicks),
            Metric::Engagements => c.engagements().map(|e| (e as f64, 1.0)),
            Metric::EngagementRate => Some((c.engagements()? as f64, f64::from(c.reach?))),
            _ => None,
        }
    }

    /// The direction a new KPI on this metric usually takes.
    pub fn usual_direction(self) -> Direction {
        match self {
            Metric::ResponseTimeMinutes => Direction::Down,
            _ => Direction::Up,
        }
    }

    /// Names a CSV export or a person may give the metric, folded (no case,
    /// accents or punctuation: see [`label_key`]), English and
    /// French.
    pub(crate) fn aliases(self) -> &'static [&'static str] {
        match self {
            Metric::Followers => &["followers", "abonnes", "fans", "subscribers", "abonnements"],
            Metric::Reach => &["reach", "portee", "couverture"],
            Metric::Impressions => &["impressions", "affichages"],
            Metric::Engagements => &["engagements", "engagement", "interactions"],
            Metric::EngagementRate => &[
                "engagementrate",
                "tauxdengagement",
                "tauxengagement",
                "engagementratepercent",
            ],
            Metric::Clicks => &[
                "clicks",
                "clics",
                "linkclicks",
                "clicssurlien",
                "clicssurliens",
            ],
            Metric::Comments => &["comments", "commentaires"],
            Metric::Shares => &["shares", "partages", "reposts", "retweets"],
            Metric::Saves => &["saves", "enregistrements", "sauvegardes"],
            Metric::Reactions => &["reactions", "likes", "jaime", "mentionsjaime"],
            Metric::Mentions => &["mentions"],
            Metric::Messages => &["messages", "messagesprives", "dm", "directmessages"],
            Metric::ResponseTimeMinutes => &[
                "responsetimeminutes",
                "responsetime",
                "tempsdereponse",
                "tempsdereponseminutes",
                "delaidereponse",
            ],
            Metric::Conversions => &["conversions"],
            Metric::WebsiteVisits => &[
                "websitevisits",
                "sitevisits",
                "visites",
                "visitesdusite",
                "visitessite",
                "visitesdusiteweb",
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_metric_has_one_kind_and_its_own_name_as_alias() {
        for m in Metric::ALL {
            let folded: String = m.as_str().chars().filter(|c| *c != '_').collect();
            assert!(m.aliases().contains(&folded.as_str()), "{m:?}");
            assert!(!(m.is_stock() && m.is_flow()));
        }
        assert!(Metric::Followers.is_stock());
        assert!(Metric::Reach.is_flow());
        assert!(!Metric::EngagementRate.is_flow() && !Metric::EngagementRate.is_stock());
    }

    #[test]
    fn metrics_by_french_and_english_names() {
        assert_eq!(Metric::from_label("Abonnés"), Some(Metric::Followers));
        assert_eq!(Metric::from_label("PORTÉE"), Some(Metric::Reach));
        assert_eq!(
            Metric::from_label("Taux d'engagement (%)"),
            Some(Metric::EngagementRate)
        );
        assert_eq!(
            Metric::from_label("website_visits"),
            Some(Metric::WebsiteVisits)
        );
        assert_eq!(
            Metric::from_label("Mentions J'aime"),
            Some(Metric::Reactions)
        );
        assert_eq!(Metric::from_label("humeur"), None);
    }

    #[test]
    fn no_alias_names_two_metrics() {
        let mut seen = std::collections::HashSet::new();
        for m in Metric::ALL {
            for a in m.aliases() {
                assert!(seen.insert(*a), "{a} twice");
            }
        }
    }
}
