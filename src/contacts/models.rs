//! The contact row as stored, and its conversion to the API shape.

use diesel::prelude::*;
use serde_json::value::RawValue;

use super::dto::Contact;
use crate::db::schema::contacts;
use crate::time::{Micros, Timestamp};

#[derive(Queryable, Selectable, Insertable, AsChangeset, Identifiable, Debug, Clone)]
#[diesel(table_name = contacts, treat_none_as_null = true)]
pub struct ContactRow {
    pub id: String,
    pub user_id: String,
    pub display_name: String,
    /// `display_name` lower-cased: the `name` sort key.
    pub name_key: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    /// JSON array of `Email`.
    pub emails: String,
    /// JSON array of `Phone`.
    pub phones: String,
    pub company: Option<String>,
    /// `company` lower-cased: the `company` filter key.
    pub company_key: Option<String>,
    pub title: Option<String>,
    pub location: Option<String>,
    pub notes: Option<String>,
    /// JSON array of tag names (also kept in `contact_tags` for filtering).
    pub tags: String,
    pub birthday: Option<String>,
    pub how_we_met: Option<String>,
    pub met_via: Option<String>,
    pub cadence_days: Option<i32>,
    pub snoozed_until: Option<String>,
    pub archived: bool,
    pub trashed_at: Option<Micros>,
    pub search_text: String,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub version: i32,
    /// Derived: `cadence_days`, else the shortest cadence among its tags.
    pub cadence_effective: Option<i32>,
    /// Derived: the latest touch among its interactions.
    pub last_interaction_at: Option<Micros>,
    /// Derived: when the next touch is due (see `derived.rs`).
    pub next_due_at: Option<Micros>,
    /// Derived: `MM-DD` of the birthday.
    pub birthday_md: Option<String>,
    /// Derived: weights of done favors given minus those received.
    pub balance: i32,
    /// How well you know them, 1–5.
    pub closeness: Option<i32>,
    /// Derived: `YYYY-MM-DD|interaction id` of the latest interaction that
    /// asked for a follow-up and has no later touch of the contact.
    pub follow_up: Option<String>,
}

/// The columns the API shows, and `name_key` for the `name` cursor: what a
/// read that answers contacts loads. (The search text, the longest column,
/// and the other keys kept for queries stay in the database.)
#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = contacts)]
pub struct ContactView {
    pub id: String,
    pub display_name: String,
    pub name_key: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub emails: String,
    pub phones: String,
    pub company: Option<String>,
    pub title: Option<String>,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub tags: String,
    pub birthday: Option<String>,
    pub how_we_met: Option<String>,
    pub met_via: Option<String>,
    pub cadence_days: Option<i32>,
    pub snoozed_until: Option<String>,
    pub archived: bool,
    pub trashed_at: Option<Micros>,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub version: i32,
    pub cadence_effective: Option<i32>,
    pub last_interaction_at: Option<Micros>,
    pub next_due_at: Option<Micros>,
    pub balance: i32,
    pub closeness: Option<i32>,
}

/// The API shape of a stored contact: one mapping for the full row and the
/// view, which share these fields.
macro_rules! contact_to_api {
    ($row:expr) => {{
        let row = $row;
        Contact {
            id: &row.id,
            display_name: &row.display_name,
            given_name: row.given_name.as_deref(),
            family_name: row.family_name.as_deref(),
            emails: raw_list(&row.emails),
            phones: raw_list(&row.phones),
            company: row.company.as_deref(),
            title: row.title.as_deref(),
            location: row.location.as_deref(),
            notes: row.notes.as_deref(),
            tags: raw_list(&row.tags),
            birthday: row.birthday.as_deref(),
            how_we_met: row.how_we_met.as_deref(),
            met_via: row.met_via.as_deref(),
            cadence_days: row.cadence_days,
            snoozed_until: row.snoozed_until.as_deref(),
            archived: row.archived,
            trashed_at: row.trashed_at.map(Timestamp),
            created_at: Timestamp(row.created_at),
            updated_at: Timestamp(row.updated_at),
            version: row.version,
            effective_cadence_days: row.cadence_effective,
            last_interaction_at: row.last_interaction_at.map(Timestamp),
            next_due_at: row.next_due_at.map(Timestamp),
            balance: row.balance,
            closeness: row.closeness,
        }
    }};
}

impl ContactRow {
    pub fn to_api(&self) -> Contact<'_> {
        contact_to_api!(self)
    }
}

impl ContactView {
    pub fn to_api(&self) -> Contact<'_> {
        contact_to_api!(self)
    }
}

/// A stored JSON list as it will be written out. kith writes these columns
/// itself with serde, so they are always valid; an empty list stands in
/// should one ever not be.
fn raw_list(stored: &str) -> &RawValue {
    serde_json::from_str(stored)
        .or_else(|_| serde_json::from_str("[]"))
        .unwrap_or_else(|_| unreachable!("[] is valid JSON"))
}
