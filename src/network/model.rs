//! The network's answers: reach, stats and the graph.

use serde::Serialize;
use utoipa::ToSchema;

/// A contact as the network endpoints show it.
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq)]
pub struct Person {
    pub id: String,
    pub display_name: String,
}

/// A target of a reach query.
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq)]
pub struct Target {
    pub id: String,
    pub display_name: String,
    pub company: Option<String>,
}

/// `direct`: you know them well enough; `via`: through an intermediary.
#[derive(Serialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PathKind {
    Direct,
    Via,
}

/// The best way to reach one target.
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq)]
pub struct ReachItem {
    pub target: Target,
    pub path: PathKind,
    /// The intermediary, for a `via` path.
    pub via: Option<Person>,
    /// `direct`: your closeness to the target; `via`: closeness(A) ×
    /// strength(A–target) / 5. Higher is better.
    pub score: f64,
}

/// Who can introduce you, best first.
#[derive(Serialize, ToSchema)]
pub struct Reach {
    pub items: Vec<ReachItem>,
    /// More targets have a path than `limit` let through (or the filters
    /// matched more than 5,000 contacts, the most a query considers):
    /// narrow the filters or raise `limit`.
    pub truncated: bool,
}

/// A count for one calendar month.
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq)]
pub struct MonthCount {
    /// `YYYY-MM`.
    #[schema(example = "2026-11")]
    pub month: String,
    pub count: i64,
}

/// How the network is doing.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct Stats {
    /// Contacts outside the trash.
    pub contacts: i64,
    /// Touched in the last 90 days.
    pub active_90d: i64,
    /// Not touched for 365 days, or never.
    pub dormant_365d: i64,
    /// Contacts added per month, the last 12 months, oldest first.
    pub new_by_month: Vec<MonthCount>,
    /// Interactions per month, the last 12 months, oldest first.
    pub touches_by_month: Vec<MonthCount>,
    /// Introductions with status `made`.
    pub introductions_made: i64,
    /// Done favors you gave.
    pub favors_given: i64,
    /// Done favors you received.
    pub favors_received: i64,
    /// Asks and offers still open (yours and your contacts').
    pub needs_open: i64,
    /// Needs met in the last 90 days.
    pub needs_met_90d: i64,
    /// Introductions made in the last 90 days.
    pub introductions_made_90d: i64,
    /// Done favors you gave to contacts who have given you nothing back
    /// yet: kindness paid forward.
    pub paid_forward: i64,
}

/// A node of the graph.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct Node {
    pub id: String,
    pub display_name: String,
    pub company: Option<String>,
    pub closeness: Option<i32>,
}

/// An edge of the graph (a relationship, from `source`'s side).
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub kind: String,
    pub strength: i32,
}

/// Contacts and the relationships among them.
#[derive(Serialize, ToSchema)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// More contacts match than `limit` nodes: the graph shows the first by
    /// name, and the edges among them.
    pub truncated: bool,
}

/// A person of a match: a contact of yours, or you (`id` `null`).
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq)]
pub struct MatchPerson {
    /// `null`: you.
    pub id: Option<String>,
    #[schema(example = "Ana Lima")]
    pub display_name: String,
    /// How well you know them, 1–5; `null` for you or when unset.
    pub closeness: Option<i32>,
}

/// An open ask that an open offer can meet.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct Match {
    pub ask: crate::needs::model::Need,
    pub offer: crate::needs::model::Need,
    /// Whose ask it is.
    pub asker: MatchPerson,
    /// Whose offer it is.
    pub offerer: MatchPerson,
    /// Higher is better: 2 per shared tag and 1 per shared topic word,
    /// times how close both people are to you (their closeness summed over
    /// 10; you count 5, an unset closeness 1), times 1 plus the days the
    /// ask has waited over 90 (at most 2).
    #[schema(example = 5.4)]
    pub score: f64,
    /// The tags both carry.
    #[schema(example = json!(["mentoring"]))]
    pub shared_tags: Vec<String>,
    /// The topic words both use (as stems: `mentors` and `mentoring` are
    /// `mentor`).
    #[schema(example = json!(["product", "manager"]))]
    pub shared_words: Vec<String>,
    /// Why, in plain language.
    #[schema(example = json!(["both tagged mentoring", "both about product, manager", "Ana Lima has waited 12 days"]))]
    pub reasons: Vec<String>,
}

/// The best matches first.
#[derive(Serialize, ToSchema)]
pub struct Matches {
    pub items: Vec<Match>,
    /// More matches stand than `limit` let through.
    pub truncated: bool,
}

/// Propose the introduction that meets an ask with an offer.
#[derive(serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MatchIntroduce {
    /// An open ask of a contact of yours.
    #[schema(max_length = 64, example = "01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f")]
    pub ask_id: String,
    /// An open offer of another contact of yours.
    #[schema(max_length = 64, example = "01936f4e-9b3c-7d4e-8f5a-6b7c8d9e0f1a")]
    pub offer_id: String,
    /// The introduction's note; default: what the ask and the offer are.
    #[serde(default, deserialize_with = "crate::input::opt_trimmed")]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// A pair of contacts who might gain from meeting.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct IntroductionSuggestion {
    /// The pair, in id order.
    pub a: MatchPerson,
    pub b: MatchPerson,
    /// Higher is better: 1 per shared tag, 1.5 for the same company, 1 for
    /// the same location, 1.5 per mutual contact both are close to (at most
    /// three), times their closeness to you summed over 10.
    #[schema(example = 3.2)]
    pub score: f64,
    #[schema(example = json!(["rust"]))]
    pub shared_tags: Vec<String>,
    pub same_company: Option<String>,
    pub same_location: Option<String>,
    /// Contacts both are close to (strength 3 or more).
    pub mutual: Vec<Person>,
    /// Why, in plain language.
    #[schema(example = json!(["both tagged rust", "both in Lisbon", "both close to Dev Rao"]))]
    pub reasons: Vec<String>,
}

/// The best suggestions first.
#[derive(Serialize, ToSchema)]
pub struct IntroductionSuggestions {
    pub items: Vec<IntroductionSuggestion>,
    /// More pairs stand than `limit` let through.
    pub truncated: bool,
}

/// A pair never to suggest again.
#[derive(serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IntroductionSuggestionDismiss {
    /// One of the pair (in either order).
    #[schema(max_length = 64, example = "01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f")]
    pub contact_id: String,
    /// The other.
    #[schema(max_length = 64, example = "01936f4e-9b3c-7d4e-8f5a-6b7c8d9e0f1a")]
    pub other_id: String,
}

impl crate::input::Rules for MatchIntroduce {}
impl crate::input::Rules for IntroductionSuggestionDismiss {}
