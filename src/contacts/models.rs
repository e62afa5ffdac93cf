//! The contact row as stored, and its conversion to the API shape.

use diesel::prelude::*;

use super::dto::Contact;
use crate::db::schema::contacts;
use crate::time::{self, Micros};

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

impl ContactRow {
    pub fn to_api(&self) -> Contact {
        Contact {
            id: self.id.clone(),
            display_name: self.display_name.clone(),
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            emails: serde_json::from_str(&self.emails).unwrap_or_default(),
            phones: serde_json::from_str(&self.phones).unwrap_or_default(),
            company: self.company.clone(),
            title: self.title.clone(),
            location: self.location.clone(),
            notes: self.notes.clone(),
            tags: serde_json::from_str(&self.tags).unwrap_or_default(),
            birthday: self.birthday.clone(),
            how_we_met: self.how_we_met.clone(),
            met_via: self.met_via.clone(),
            cadence_days: self.cadence_days,
            snoozed_until: self.snoozed_until.clone(),
            archived: self.archived,
            trashed_at: self.trashed_at.map(time::rfc3339),
            created_at: time::rfc3339(self.created_at),
            updated_at: time::rfc3339(self.updated_at),
            version: self.version,
            effective_cadence_days: self.cadence_effective,
            last_interaction_at: self.last_interaction_at.map(time::rfc3339),
            next_due_at: self.next_due_at.map(time::rfc3339),
            balance: self.balance,
            closeness: self.closeness,
        }
    }
}
