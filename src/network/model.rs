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
