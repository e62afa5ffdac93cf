//! Relationships between two contacts: stored once, seen from both sides.

pub mod handlers;
pub mod queries;

use crate::http::operations::Operations;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

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
#[derive(Serialize, Deserialize, ToSchema)]
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
#[allow(dead_code)]
pub struct RelationshipCreate {
    contact_id: String,
    /// Another contact than `contact_id`.
    other_id: String,
    kind: RelationshipKind,
    /// Default 3.
    #[schema(minimum = 1, maximum = 5, value_type = i32)]
    strength: Option<i32>,
    #[schema(max_length = 2000)]
    note: Option<String>,
}

/// A JSON merge patch of a relationship.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct RelationshipPatch {
    #[schema(value_type = RelationshipKind)]
    kind: Option<RelationshipKind>,
    #[schema(minimum = 1, maximum = 5, value_type = i32)]
    strength: Option<i32>,
    #[schema(max_length = 2000)]
    note: Option<String>,
}

/// The relationships' operations.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_create, handlers::create)
        .add(handlers::__path_get, handlers::get)
        .add(handlers::__path_update, handlers::update)
        .add(handlers::__path_delete, handlers::delete)
        .add(
            handlers::__path_list_for_contact,
            handlers::list_for_contact,
        );
}
