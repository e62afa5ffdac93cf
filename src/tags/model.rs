//! Tags as the API reads and writes them.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::input;

/// A tag in use, or one that carries a cadence.
#[derive(Serialize, ToSchema, Debug, Clone, PartialEq)]
pub struct Tag {
    /// Lower case, 1–50 characters, no `/`.
    #[schema(example = "investors")]
    pub name: String,
    /// Contacts (outside the trash) carrying it.
    pub contact_count: i64,
    /// The cadence this tag gives contacts without one of their own.
    pub default_cadence_days: Option<i32>,
}

/// All tags.
#[derive(Serialize, ToSchema)]
pub struct TagList {
    pub items: Vec<Tag>,
}

/// Set a tag's default cadence.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TagPut {
    /// Days (1–3650), or `null` for none.
    #[schema(required = true, minimum = 1, maximum = 3650)]
    pub default_cadence_days: Option<i32>,
}

/// Rename a tag (merging into an existing one of that name).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TagRename {
    /// Stored trimmed and in lower case.
    #[serde(deserialize_with = "input::lowercase")]
    #[schema(
        min_length = 1,
        max_length = 50,
        pattern = r"^[^/\x00-\x1f\x7f-\x9f]*[^/\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x00-\x1f\x7f-\x9f][^/\x00-\x1f\x7f-\x9f]*$",
        example = "mentors"
    )]
    pub name: String,
}

impl input::Rules for TagPut {}
impl input::Rules for TagRename {}

/// A tag's name as a body gives it (schema only): 1–50 characters, no `/`
/// or control characters.
#[derive(ToSchema)]
#[schema(
    min_length = 1,
    max_length = 50,
    pattern = r"^[^/\x00-\x1f\x7f-\x9f]*[^/\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x00-\x1f\x7f-\x9f][^/\x00-\x1f\x7f-\x9f]*$"
)]
pub struct TagName(pub String);
