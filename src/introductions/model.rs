//! Introductions as the API reads and writes them, the row as stored, and
//! what a create or a patch changes.

use crate::search::text;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::introductions as it;
use crate::input;
use crate::time::{self, Micros};

pub const STATUSES: &[&str] = &["proposed", "made", "declined"];

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum IntroductionStatus {
    Proposed,
    Made,
    Declined,
}

impl IntroductionStatus {
    /// As stored, and as the API writes it (one of `STATUSES`).
    pub fn as_str(self) -> &'static str {
        STATUSES[self as usize]
    }
}

/// An introduction: the introducer (you, when `null`) puts person A (you,
/// when `null`) in touch with person B.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct Introduction {
    pub id: String,
    /// The contact who made the introduction; `null`: you did.
    pub introducer_id: Option<String>,
    /// `null`: you were introduced.
    pub person_a_id: Option<String>,
    pub person_b_id: String,
    pub note: Option<String>,
    #[schema(value_type = IntroductionStatus)]
    pub status: String,
    /// The day it was made.
    #[schema(format = Date)]
    pub made_on: Option<String>,
    /// How it went.
    pub outcome: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
    pub version: i32,
}

/// A new introduction.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IntroductionCreate {
    /// `null` or absent: you introduce.
    #[serde(default)]
    #[schema(max_length = 64)]
    pub introducer_id: Option<String>,
    /// `null` or absent: you are introduced (then `introducer_id` is required).
    #[serde(default)]
    #[schema(max_length = 64)]
    pub person_a_id: Option<String>,
    #[schema(max_length = 64)]
    pub person_b_id: String,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(
        max_length = 2000,
        example = "Both are hiring Rust engineers in Lisbon"
    )]
    pub note: Option<String>,
    /// Default `proposed`.
    #[serde(default)]
    #[schema(nullable = false)]
    pub status: Option<IntroductionStatus>,
    /// Default: today (UTC) when made.
    #[serde(default)]
    #[schema(format = Date)]
    pub made_on: Option<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 2000, example = "They met for lunch")]
    pub outcome: Option<String>,
}

/// What `IntroductionCreate` requires beyond its fields, in JSON Schema:
/// someone is on the other side of `person_b_id`, the contact who
/// introduces (`introducer_id`) or the one introduced (`person_a_id`); not
/// both absent or `null`. (Said with `not` rather than an `anyOf` of two
/// `required`, which client generators read as two body types.)
pub fn create_requires_a_side() -> serde_json::Value {
    serde_json::json!({
        "properties": {
            "introducer_id": {"type": "null"},
            "person_a_id": {"type": "null"},
        }
    })
}

/// A JSON merge patch of an introduction: an absent field is kept, `null`
/// clears it (`person_b_id` and `status` cannot be cleared).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IntroductionPatch {
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, max_length = 64)]
    pub introducer_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, max_length = 64)]
    pub person_a_id: Option<Option<String>>,
    #[serde(default)]
    #[schema(nullable = false, max_length = 64)]
    pub person_b_id: Option<String>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 2000, example = "Both are hiring Rust engineers in Lisbon")]
    pub note: Option<Option<String>>,
    #[serde(default)]
    #[schema(nullable = false)]
    pub status: Option<IntroductionStatus>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, format = Date)]
    pub made_on: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 2000, example = "They met for lunch")]
    pub outcome: Option<Option<String>>,
}

impl input::Rules for IntroductionCreate {}
impl input::Rules for IntroductionPatch {}

impl From<IntroductionCreate> for Changes {
    fn from(new: IntroductionCreate) -> Changes {
        Changes {
            introducer_id: Some(new.introducer_id),
            person_a_id: Some(new.person_a_id),
            person_b_id: Some(new.person_b_id),
            note: Some(new.note),
            status: new.status.map(|s| s.as_str().to_string()),
            made_on: Some(new.made_on),
            outcome: Some(new.outcome),
        }
    }
}

impl From<IntroductionPatch> for Changes {
    fn from(patch: IntroductionPatch) -> Changes {
        Changes {
            introducer_id: patch.introducer_id,
            person_a_id: patch.person_a_id,
            person_b_id: patch.person_b_id,
            note: patch.note,
            status: patch.status.map(|s| s.as_str().to_string()),
            made_on: patch.made_on,
            outcome: patch.outcome,
        }
    }
}

/// A page of introductions, newest first.
#[derive(Serialize, ToSchema)]
pub struct IntroductionPage {
    pub items: Vec<Introduction>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct IntroductionListParams {
    #[param(inline)]
    pub status: Option<IntroductionStatus>,
    /// Only introductions this contact takes part in (in any role).
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub contact_id: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Queryable, Selectable, Insertable, AsChangeset, Debug, Clone, PartialEq)]
#[diesel(table_name = it, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct IntroductionRow {
    pub id: String,
    pub user_id: String,
    pub introducer_id: Option<String>,
    pub person_a_id: Option<String>,
    pub person_b_id: String,
    pub note: Option<String>,
    pub status: String,
    pub made_on: Option<String>,
    pub outcome: Option<String>,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub version: i32,
    /// What search looks in (`search::text::compose`), written with the row.
    pub search_text: String,
    /// Its title as search hits sort it (`search::text::key_of`).
    pub search_key: String,
}

impl IntroductionRow {
    /// The fields a search hit may name, with their values.
    pub fn search_fields(&self) -> Vec<(&'static str, String)> {
        self.note.clone().map(|n| ("note", n)).into_iter().collect()
    }

    /// Writes what search looks in: its note.
    pub fn stamp_search(&mut self) {
        self.search_text = text::compose_fields(&self.search_fields(), &[]);
        self.search_key = text::key_of(self.note.as_deref().unwrap_or_default());
    }

    pub fn to_api(&self) -> Introduction {
        Introduction {
            id: self.id.clone(),
            introducer_id: self.introducer_id.clone(),
            person_a_id: self.person_a_id.clone(),
            person_b_id: self.person_b_id.clone(),
            note: self.note.clone(),
            status: self.status.clone(),
            made_on: self.made_on.clone(),
            outcome: self.outcome.clone(),
            created_at: time::rfc3339(self.created_at),
            updated_at: time::rfc3339(self.updated_at),
            version: self.version,
        }
    }

    pub fn people(&self) -> (Option<String>, Option<String>, String) {
        (
            self.introducer_id.clone(),
            self.person_a_id.clone(),
            self.person_b_id.clone(),
        )
    }
}

#[derive(Debug, Default)]
pub struct Changes {
    pub introducer_id: Option<Option<String>>,
    pub person_a_id: Option<Option<String>>,
    pub person_b_id: Option<String>,
    pub note: Option<Option<String>>,
    pub status: Option<String>,
    pub made_on: Option<Option<String>>,
    pub outcome: Option<Option<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_stored_as_the_api_names_them() {
        for s in STATUSES {
            let status: IntroductionStatus = serde_json::from_value(serde_json::json!(s)).unwrap();
            assert_eq!(status.as_str(), *s);
        }
    }
}
