//! The body and the answer of a merge.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::contacts::model::{Contact, ContactRow};
use crate::input;

/// At most this many contacts merge into one at a time.
pub const MAX_MERGED: usize = 20;

/// The contacts to merge into the one the path names.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    /// 1–20 distinct ids of your contacts outside the trash, other than the
    /// kept one.
    #[schema(
        value_type = std::collections::BTreeSet<String>,
        min_items = 1,
        max_items = 20,
        example = json!(["01J9Z7Y1Q4R8X2V6T3M5N0B7CD"])
    )]
    pub ids: Vec<String>,
}

impl input::Rules for MergeRequest {
    fn check(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
        input::named_once(body, "ids", errors);
    }
}

/// How many of a kind of record moved to the kept contact, and how many were
/// deleted because they would have repeated one it has.
#[derive(Serialize, ToSchema, Debug, Default, Clone, Copy, PartialEq)]
pub struct Moved {
    /// Interactions that now include the kept contact (each contact takes
    /// part once).
    pub interactions: usize,
    /// Ledger entries now with the kept contact.
    pub ledger_entries: usize,
    /// Relationships now of the kept contact.
    pub relationships: usize,
    /// Relationships deleted: between the merged contacts, or the same kind
    /// the kept contact already has with that person.
    pub relationships_deleted: usize,
    /// Introductions now naming the kept contact.
    pub introductions: usize,
    /// Introductions deleted because the kept contact would be two of their
    /// people (with the ledger entries they made).
    pub introductions_deleted: usize,
    /// Contacts met via a merged contact, now met via the kept one.
    pub met_via: usize,
    /// Needs and offers now of the kept contact.
    pub needs: usize,
}

/// The kept contact after the merge, and what moved to it.
#[derive(Serialize, ToSchema)]
pub struct MergeReport<'a> {
    /// The kept contact as `GET` shows it now.
    pub contact: Contact<'a>,
    /// The merged contacts: in the trash, with `merged_into` naming the kept
    /// one.
    pub merged: Vec<String>,
    pub moved: Moved,
}

impl MergeReport<'_> {
    pub fn of<'a>(row: &'a ContactRow, merged: &[String], moved: Moved) -> MergeReport<'a> {
        MergeReport {
            contact: row.to_api(),
            merged: merged.to_vec(),
            moved,
        }
    }
}
