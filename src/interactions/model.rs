//! Interactions as rows, as the API shows them, and as clients send them.

use crate::search::text;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::interactions;
use crate::input;
use crate::time::{self, Micros};

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
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Outbound,
    Inbound,
    Mutual,
}

impl InteractionKind {
    /// As stored, and as the API writes it (one of `KINDS`).
    pub fn as_str(self) -> &'static str {
        KINDS[self as usize]
    }
}

impl Direction {
    /// As stored, and as the API writes it (one of `DIRECTIONS`).
    pub fn as_str(self) -> &'static str {
        DIRECTIONS[self as usize]
    }
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
pub struct InteractionCreate {
    pub kind: InteractionKind,
    pub direction: Direction,
    /// Default: now. Not more than 24 hours in the future.
    #[serde(default)]
    #[schema(format = DateTime)]
    pub occurred_at: Option<String>,
    #[serde(deserialize_with = "input::trimmed")]
    #[schema(
        min_length = 1,
        max_length = 200,
        example = "Coffee: her move to platform work"
    )]
    pub summary: String,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(
        max_length = 10000,
        example = "Wants an intro to someone at a payments company."
    )]
    pub notes: Option<String>,
    /// 1–50 distinct ids of your contacts (not in the trash).
    #[schema(min_items = 1, max_items = 50)]
    pub contact_ids: Vec<String>,
    #[serde(default)]
    #[schema(format = Date)]
    pub follow_up_on: Option<String>,
    /// Whether it resets the participants' cadence clock.
    #[serde(default = "counts")]
    #[schema(default = true)]
    pub counts_as_touch: bool,
}

fn counts() -> bool {
    true
}

impl input::Rules for InteractionCreate {
    fn check(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
        rules(body, errors);
    }
}

impl input::Rules for InteractionPatch {
    fn check(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
        rules(body, errors);
    }
}

/// Nothing happened more than a day ahead; each participant is named once.
fn rules(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
    use crate::error::FieldError;
    if let Some(at) = body["occurred_at"]
        .as_str()
        .and_then(|t| input::parse_datetime(t).ok())
    {
        if at.timestamp_micros() > time::now() + time::DAY {
            errors.push(FieldError::new(
                "occurred_at",
                "out_of_range",
                "must not be more than 24 hours in the future",
            ));
        }
    }
    input::named_once(body, "contact_ids", errors);
}

/// A JSON merge patch of an interaction: an absent field is kept; `notes`
/// and `follow_up_on` are cleared by `null`, the others cannot be.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct InteractionPatch {
    #[serde(default)]
    #[schema(nullable = false)]
    pub kind: Option<InteractionKind>,
    #[serde(default)]
    #[schema(nullable = false)]
    pub direction: Option<Direction>,
    /// Not more than 24 hours in the future.
    #[serde(default)]
    #[schema(nullable = false, format = DateTime)]
    pub occurred_at: Option<String>,
    #[serde(default, deserialize_with = "input::some_trimmed")]
    #[schema(
        nullable = false,
        min_length = 1,
        max_length = 200,
        example = "Coffee: her move to platform work"
    )]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 10000, example = "Sent the article she asked for.")]
    pub notes: Option<Option<String>>,
    /// 1–50 distinct ids of your contacts.
    #[serde(default)]
    #[schema(nullable = false, min_items = 1, max_items = 50)]
    pub contact_ids: Option<Vec<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, format = Date)]
    pub follow_up_on: Option<Option<String>>,
    #[serde(default)]
    #[schema(nullable = false)]
    pub counts_as_touch: Option<bool>,
}

/// A page of interactions, newest first.
#[derive(Serialize, ToSchema)]
pub struct InteractionPage {
    pub items: Vec<Interaction>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct InteractionListParams {
    /// Only interactions with this contact.
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub contact_id: Option<String>,
    #[param(inline)]
    pub kind: Option<InteractionKind>,
    #[param(inline)]
    pub direction: Option<Direction>,
    /// Only those at or after this instant (inclusive).
    #[param(format = DateTime)]
    pub since: Option<String>,
    /// Only those before this instant (exclusive).
    #[param(format = DateTime)]
    pub until: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Queryable, Selectable, Insertable, AsChangeset, Debug, Clone, PartialEq)]
#[diesel(table_name = interactions, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct InteractionRow {
    pub id: String,
    pub user_id: String,
    pub kind: String,
    pub direction: String,
    pub occurred_at: Micros,
    pub summary: String,
    pub notes: Option<String>,
    pub follow_up_on: Option<String>,
    pub counts_as_touch: bool,
    /// JSON array of contact ids, in the order given.
    pub contact_ids: String,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub version: i32,
    /// What search looks in (`search::text::compose`), written with the row.
    pub search_text: String,
    /// Its title as search hits sort it (`search::text::key_of`).
    pub search_key: String,
}

impl InteractionRow {
    /// The fields a search hit may name, with their values.
    pub fn search_fields(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("summary", self.summary.clone())];
        out.extend(self.notes.clone().map(|n| ("notes", n)));
        out
    }

    /// Writes what search looks in: its summary (its title) and notes.
    pub fn stamp_search(&mut self) {
        self.search_text = text::compose_fields(&self.search_fields(), &["summary"]);
        self.search_key = text::key_of(&self.summary);
    }

    pub fn participants(&self) -> Vec<String> {
        serde_json::from_str(&self.contact_ids).unwrap_or_default()
    }

    pub fn to_api(&self) -> Interaction {
        Interaction {
            id: self.id.clone(),
            kind: self.kind.clone(),
            direction: self.direction.clone(),
            occurred_at: time::rfc3339(self.occurred_at),
            summary: self.summary.clone(),
            notes: self.notes.clone(),
            contact_ids: self.participants(),
            follow_up_on: self.follow_up_on.clone(),
            counts_as_touch: self.counts_as_touch,
            created_at: time::rfc3339(self.created_at),
            updated_at: time::rfc3339(self.updated_at),
            version: self.version,
        }
    }
}
