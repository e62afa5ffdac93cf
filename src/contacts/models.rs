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
    /// The contact as the API writes it (`render_json`), for reads.
    pub api_json: Option<String>,
    /// The `version` `api_json` was written for.
    pub api_json_version: Option<i32>,
}

/// What a read that answers contacts loads: the stored JSON and the version
/// it was written for, and beside it what a page's cursor and an `ETag`
/// need. (Each column a row reads costs about as much as a short JSON
/// value; the 27 the API shows made up most of a page's time.)
#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = contacts)]
pub struct ContactJson {
    pub id: String,
    pub version: i32,
    pub name_key: String,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub last_interaction_at: Option<Micros>,
    pub next_due_at: Option<Micros>,
    api_json: Option<String>,
    api_json_version: Option<i32>,
}

impl ContactJson {
    /// The contact as the API writes it, unless the stored JSON is missing
    /// or was written for another version of the row.
    pub fn json(&self) -> Option<&str> {
        self.api_json
            .as_deref()
            .filter(|_| self.api_json_version == Some(self.version))
    }

    /// Takes the JSON written from the full row instead.
    pub fn set_json(&mut self, row: &ContactRow) {
        self.api_json = Some(row.render_json());
        self.api_json_version = Some(row.version);
    }

    pub fn into_json(self) -> Option<String> {
        let fresh = self.json().is_some();
        self.api_json.filter(|_| fresh)
    }
}

impl ContactRow {
    /// The JSON the API answers for the row as it is.
    pub fn render_json(&self) -> String {
        let mut out = Vec::with_capacity(1024);
        self.to_api().write_json(&mut out);
        // `write_json` writes UTF-8 text from `&str`s and ASCII only.
        String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into())
    }

    /// Stores the row's JSON with it: every write of a contact row calls
    /// this first (`contacts::queries::insert` and `update_row`, the seed).
    pub fn stamp_json(&mut self) {
        self.api_json = Some(self.render_json());
        self.api_json_version = Some(self.version);
    }

    /// The API shape of the stored contact.
    pub fn to_api(&self) -> Contact<'_> {
        let row = self;
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
