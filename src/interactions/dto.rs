//! Interaction bodies as the API reads and writes them.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub const KINDS: &[&str] = &[
    "email",
    "call",
    "video_call",
    "message",
    "meeting",
    "meal",
    "coffee",
    "event",
    "social",
    "letter",
    "other",
];
pub const DIRECTIONS: &[&str] = &["outbound", "inbound", "mutual"];

/// What kind of contact it was.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    Email,
    Call,
    VideoCall,
    Message,
    Meeting,
    Meal,
    Coffee,
    Event,
    Social,
    Letter,
    Other,
}

/// Who reached out: `outbound` (you), `inbound` (they), `mutual`.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Outbound,
    Inbound,
    Mutual,
}

/// One time you were in touch with one or more contacts.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct Interaction {
    pub id: String,
    #[schema(value_type = InteractionKind)]
    pub kind: String,
    #[schema(value_type = Direction)]
    pub direction: String,
    /// When it happened.
    #[schema(format = DateTime)]
    pub occurred_at: String,
    #[schema(example = "Coffee at the conference")]
    pub summary: String,
    pub notes: Option<String>,
    /// The contacts who took part, in the order given.
    pub contact_ids: Vec<String>,
    /// A date to follow up on, if any.
    #[schema(format = Date)]
    pub follow_up_on: Option<String>,
    /// Whether it resets the participants' cadence clock.
    pub counts_as_touch: bool,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
    /// Increases with every change; also sent as the `ETag`.
    pub version: i32,
}

/// A new interaction.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct InteractionCreate {
    kind: InteractionKind,
    direction: Direction,
    /// Default: now. Not more than 24 hours in the future.
    #[schema(format = DateTime)]
    occurred_at: Option<String>,
    /// 1–200 characters.
    #[schema(min_length = 1, max_length = 200)]
    summary: String,
    #[schema(max_length = 10000)]
    notes: Option<String>,
    /// 1–50 distinct ids of your contacts (not in the trash).
    #[schema(min_items = 1, max_items = 50)]
    contact_ids: Vec<String>,
    #[schema(format = Date)]
    follow_up_on: Option<String>,
    /// Default `true`.
    #[schema(value_type = bool)]
    counts_as_touch: Option<bool>,
}

/// A JSON merge patch of an interaction.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct InteractionPatch {
    #[schema(value_type = InteractionKind)]
    kind: Option<InteractionKind>,
    #[schema(value_type = Direction)]
    direction: Option<Direction>,
    #[schema(format = DateTime, value_type = String)]
    occurred_at: Option<String>,
    #[schema(min_length = 1, max_length = 200, value_type = String)]
    summary: Option<String>,
    #[schema(max_length = 10000)]
    notes: Option<String>,
    #[schema(min_items = 1, max_items = 50, value_type = Vec<String>)]
    contact_ids: Option<Vec<String>>,
    #[schema(format = Date)]
    follow_up_on: Option<String>,
    #[schema(value_type = bool)]
    counts_as_touch: Option<bool>,
}

/// A page of interactions, newest first.
#[derive(Serialize, ToSchema)]
pub struct InteractionPage {
    pub items: Vec<Interaction>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct InteractionListParams {
    /// Only interactions with this contact.
    contact_id: Option<String>,
    #[param(inline)]
    kind: Option<InteractionKind>,
    #[param(inline)]
    direction: Option<Direction>,
    /// Only those at or after this instant (inclusive).
    #[param(format = DateTime)]
    since: Option<String>,
    /// Only those before this instant (exclusive).
    #[param(format = DateTime)]
    until: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}
