//! Relationships as rows, as the API shows them, and as clients send them.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::schema::relationships as r;
use crate::input;
use crate::time::{self, Micros};

/// The kinds, as stored.
pub const KINDS: &[&str] = &[
    "colleague",
    "friend",
    "family",
    "partner",
    "knows",
    "mentor_of",
    "mentee_of",
];

/// The kind as seen from the other contact.
pub fn inverse(kind: &str) -> &str {
    match kind {
        "mentor_of" => "mentee_of",
        "mentee_of" => "mentor_of",
        k => k,
    }
}

/// Symmetric kinds read the same from both sides; `mentor_of` and
/// `mentee_of` are each other's inverse.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipKind {
    Colleague,
    Friend,
    Family,
    Partner,
    Knows,
    MentorOf,
    MenteeOf,
}

impl RelationshipKind {
    /// As stored, and as the API writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationshipKind::Colleague => "colleague",
            RelationshipKind::Friend => "friend",
            RelationshipKind::Family => "family",
            RelationshipKind::Partner => "partner",
            RelationshipKind::Knows => "knows",
            RelationshipKind::MentorOf => "mentor_of",
            RelationshipKind::MenteeOf => "mentee_of",
        }
    }
}

/// How two of your contacts are related.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct Relationship {
    pub id: String,
    pub contact_id: String,
    pub other_id: String,
    /// Seen from `contact_id`: `mentor_of` means `contact_id` mentors `other_id`.
    #[schema(value_type = RelationshipKind)]
    pub kind: String,
    /// 1 (weak) to 5 (strong).
    pub strength: i32,
    pub note: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
    pub version: i32,
}

/// The other side of a relationship.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct OtherContact {
    pub id: String,
    pub display_name: String,
}

/// A relationship seen from one contact.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct RelationshipView {
    pub id: String,
    /// The contact it is seen from.
    pub contact_id: String,
    pub other: OtherContact,
    /// Seen from `contact_id`.
    #[schema(value_type = RelationshipKind)]
    pub kind: String,
    pub strength: i32,
    pub note: Option<String>,
}

/// A page of relationships seen from one contact.
#[derive(Serialize, ToSchema)]
pub struct RelationshipViewPage {
    pub items: Vec<RelationshipView>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A new relationship.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RelationshipCreate {
    #[schema(max_length = 64)]
    pub contact_id: String,
    /// Another contact than `contact_id`.
    #[schema(max_length = 64)]
    pub other_id: String,
    pub kind: RelationshipKind,
    #[serde(default = "default_strength")]
    #[schema(minimum = 1, maximum = 5, default = 3)]
    pub strength: i32,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 2000, example = "Worked together at Initech")]
    pub note: Option<String>,
}

fn default_strength() -> i32 {
    3
}

impl input::Rules for RelationshipCreate {}
impl input::Rules for RelationshipPatch {}

/// A JSON merge patch of a relationship: an absent field is kept, a `null`
/// note is cleared.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RelationshipPatch {
    #[serde(default)]
    #[schema(nullable = false)]
    pub kind: Option<RelationshipKind>,
    #[serde(default)]
    #[schema(nullable = false, minimum = 1, maximum = 5)]
    pub strength: Option<i32>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 2000, example = "Co-founded a startup in 2024")]
    pub note: Option<Option<String>>,
}

#[derive(Queryable, Selectable, Insertable, AsChangeset, Debug, Clone, PartialEq)]
#[diesel(table_name = r, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct RelationshipRow {
    pub id: String,
    pub user_id: String,
    pub contact_id: String,
    pub other_id: String,
    pub kind: String,
    pub strength: i32,
    pub note: Option<String>,
    pub pair_key: String,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub version: i32,
}

impl RelationshipRow {
    pub fn to_api(&self) -> Relationship {
        Relationship {
            id: self.id.clone(),
            contact_id: self.contact_id.clone(),
            other_id: self.other_id.clone(),
            kind: self.kind.clone(),
            strength: self.strength,
            note: self.note.clone(),
            created_at: time::rfc3339(self.created_at),
            updated_at: time::rfc3339(self.updated_at),
            version: self.version,
        }
    }
}

/// The pair and kind as seen from the lower id: a relationship and its
/// inverse seen from the other side share it.
pub fn pair_key(a: &str, b: &str, kind: &str) -> String {
    if a <= b {
        format!("{a}|{b}|{kind}")
    } else {
        format!("{b}|{a}|{}", inverse(kind))
    }
}
