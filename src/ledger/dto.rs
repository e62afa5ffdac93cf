//! Ledger bodies as the API reads and writes them.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub const DIRECTIONS: &[&str] = &["given", "received"];
pub const KINDS: &[&str] = &[
    "advice",
    "introduction",
    "referral",
    "recommendation",
    "help",
    "time",
    "gift",
    "money",
    "other",
];
pub const STATUSES: &[&str] = &["open", "done", "declined", "cancelled"];

/// `given`: you did it for them; `received`: they did it for you.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FavorDirection {
    Given,
    Received,
}

/// What kind of favor.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FavorKind {
    Advice,
    Introduction,
    Referral,
    Recommendation,
    Help,
    Time,
    Gift,
    Money,
    Other,
}

/// `open`: asked or promised, not yet delivered; `done`: delivered;
/// `declined`; `cancelled`. Moves: open → done, declined or cancelled;
/// done → cancelled.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FavorStatus {
    Open,
    Done,
    Declined,
    Cancelled,
}

/// A favor, given or received, asked, promised or delivered.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct LedgerEntry {
    pub id: String,
    pub contact_id: String,
    #[schema(value_type = FavorDirection)]
    pub direction: String,
    #[schema(value_type = FavorKind)]
    pub kind: String,
    #[schema(example = "Reviewed her conference talk")]
    pub description: String,
    /// How big the favor was, 1–5.
    pub weight: i32,
    #[schema(value_type = FavorStatus)]
    pub status: String,
    /// When it was asked, promised or done.
    #[schema(format = Date)]
    pub occurred_on: Option<String>,
    /// For open entries: when it is due.
    #[schema(format = Date)]
    pub due_on: Option<String>,
    /// Read-only: the day it was done.
    #[schema(format = Date)]
    pub completed_on: Option<String>,
    /// The interaction it happened in.
    pub interaction_id: Option<String>,
    /// The earlier entry of the other direction that this one repays.
    pub repays_id: Option<String>,
    /// Read-only: the introduction that recorded this entry.
    pub introduction_id: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
    /// Increases with every change; also sent as the `ETag`.
    pub version: i32,
}

/// A new ledger entry.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct LedgerEntryCreate {
    contact_id: String,
    direction: FavorDirection,
    kind: FavorKind,
    #[schema(min_length = 1, max_length = 500)]
    description: String,
    /// Default 1.
    #[schema(minimum = 1, maximum = 5, value_type = i32)]
    weight: Option<i32>,
    /// Default `done`.
    #[schema(value_type = FavorStatus)]
    status: Option<FavorStatus>,
    /// Default: today (UTC) when done.
    #[schema(format = Date)]
    occurred_on: Option<String>,
    /// Only for open entries.
    #[schema(format = Date)]
    due_on: Option<String>,
    interaction_id: Option<String>,
    repays_id: Option<String>,
}

/// A JSON merge patch of a ledger entry.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct LedgerEntryPatch {
    #[schema(value_type = String)]
    contact_id: Option<String>,
    #[schema(value_type = FavorDirection)]
    direction: Option<FavorDirection>,
    #[schema(value_type = FavorKind)]
    kind: Option<FavorKind>,
    #[schema(min_length = 1, max_length = 500, value_type = String)]
    description: Option<String>,
    #[schema(minimum = 1, maximum = 5, value_type = i32)]
    weight: Option<i32>,
    #[schema(value_type = FavorStatus)]
    status: Option<FavorStatus>,
    #[schema(format = Date)]
    occurred_on: Option<String>,
    #[schema(format = Date)]
    due_on: Option<String>,
    interaction_id: Option<String>,
    repays_id: Option<String>,
}

/// A page of ledger entries, newest first.
#[derive(Serialize, ToSchema)]
pub struct LedgerPage {
    pub items: Vec<LedgerEntry>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct LedgerListParams {
    contact_id: Option<String>,
    #[param(inline)]
    direction: Option<FavorDirection>,
    #[param(inline)]
    status: Option<FavorStatus>,
    #[param(inline)]
    kind: Option<FavorKind>,
    /// `true`: only open entries past their due date.
    overdue: Option<bool>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}

/// The balance of one relationship.
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq)]
pub struct Balance {
    pub contact_id: String,
    pub display_name: String,
    /// Weights of done favors you gave.
    pub given: i64,
    /// Weights of done favors you received.
    pub received: i64,
    /// `given − received`: positive, they owe you; negative, you owe them.
    pub balance: i64,
    /// Open favors you promised or were asked for.
    pub open_promises: i64,
    /// Open favors you asked for.
    pub open_asks: i64,
    #[schema(format = Date)]
    pub last_given_on: Option<String>,
    #[schema(format = Date)]
    pub last_received_on: Option<String>,
}

/// One contact's balance, with the "all take" signal.
#[derive(Serialize, ToSchema)]
pub struct ContactBalance {
    #[serde(flatten)]
    pub balance: Balance,
    /// Over the last 365 days you received favors weighing 3 or more from
    /// them and gave them nothing.
    pub takes_without_giving: bool,
}

/// A page of balances.
#[derive(Serialize, ToSchema)]
pub struct BalancePage {
    pub items: Vec<Balance>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct BalanceParams {
    /// `them`: only negative balances, most negative first; `me`: only
    /// positive ones, most positive first. Without: everyone with an entry,
    /// lowest balance first.
    #[param(pattern = "^(me|them)$")]
    owing: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}
