//! Contact bodies as the API reads and writes them.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use utoipa::{IntoParams, ToSchema};

use crate::time::Timestamp;

/// An email address of a contact.
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Email {
    #[schema(format = "email", max_length = 254, example = "ana@example.com")]
    pub address: String,
    /// Free text such as `work` or `home`.
    #[schema(max_length = 50, example = "work")]
    pub label: Option<String>,
}

/// A phone number of a contact.
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// Digits with optional `+`, spaces, dots, dashes and parentheses.
    #[schema(
        min_length = 3,
        max_length = 32,
        pattern = r"^[+(0-9][0-9 ().\-]*$",
        example = "+351 912 345 678"
    )]
    pub number: String,
    #[schema(max_length = 50, example = "mobile")]
    pub label: Option<String>,
}

/// A person in your network.
// It borrows from the stored row: the JSON lists (emails, phones, tags) are
// written out as stored, and no field is copied on the way to the response.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct Contact<'a> {
    pub id: &'a str,
    #[schema(example = "Ana Lima")]
    pub display_name: &'a str,
    pub given_name: Option<&'a str>,
    pub family_name: Option<&'a str>,
    #[schema(value_type = Vec<Email>)]
    pub emails: &'a RawValue,
    #[schema(value_type = Vec<Phone>)]
    pub phones: &'a RawValue,
    pub company: Option<&'a str>,
    pub title: Option<&'a str>,
    pub location: Option<&'a str>,
    pub notes: Option<&'a str>,
    /// Lower-case tag names.
    #[schema(value_type = Vec<String>)]
    pub tags: &'a RawValue,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
    #[schema(example = "--04-17")]
    pub birthday: Option<&'a str>,
    pub how_we_met: Option<&'a str>,
    /// The contact who introduced you.
    pub met_via: Option<&'a str>,
    /// How often you aim to be in touch, in days.
    pub cadence_days: Option<i32>,
    /// No reminders before this date.
    #[schema(format = Date)]
    pub snoozed_until: Option<&'a str>,
    pub archived: bool,
    /// When the contact was moved to the trash; `null` when it is not there.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub trashed_at: Option<Timestamp>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
    /// Increases with every change; also sent as the `ETag`.
    pub version: i32,
    /// Read-only: `cadence_days`, else the shortest `default_cadence_days`
    /// among the contact's tags, else `null`.
    pub effective_cadence_days: Option<i32>,
    /// Read-only: the latest `occurred_at` among interactions that count as a
    /// touch and include this contact.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_interaction_at: Option<Timestamp>,
    /// Read-only: `last_interaction_at` (or `created_at`) plus the effective
    /// cadence, no earlier than 00:00 UTC of `snoozed_until`; `null` without a
    /// cadence or when archived.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub next_due_at: Option<Timestamp>,
    /// Read-only: the weights of done favors you gave them minus those you
    /// received. Positive: they owe you; negative: you owe them.
    pub balance: i32,
    /// How well you know them: 1 (barely) to 5 (very well).
    pub closeness: Option<i32>,
}

/// The fields of a new contact. Only `display_name` is required.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ContactCreate {
    /// Trimmed; 1–200 characters.
    #[schema(min_length = 1, max_length = 200, example = "Ana Lima")]
    display_name: String,
    #[schema(max_length = 200)]
    given_name: Option<String>,
    #[schema(max_length = 200)]
    family_name: Option<String>,
    /// At most 20.
    #[schema(max_items = 20)]
    emails: Option<Vec<Email>>,
    /// At most 20.
    #[schema(max_items = 20)]
    phones: Option<Vec<Phone>>,
    #[schema(max_length = 200)]
    company: Option<String>,
    #[schema(max_length = 200)]
    title: Option<String>,
    #[schema(max_length = 200)]
    location: Option<String>,
    #[schema(max_length = 10000)]
    notes: Option<String>,
    /// At most 50 tags of 1–50 characters (no `/`); stored in lower case.
    #[schema(max_items = 50)]
    tags: Option<Vec<String>>,
    /// `YYYY-MM-DD` or `--MM-DD`.
    #[schema(
        pattern = r"^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$",
        example = "1990-04-17"
    )]
    birthday: Option<String>,
    #[schema(max_length = 2000)]
    how_we_met: Option<String>,
    /// The id of another of your contacts.
    met_via: Option<String>,
    #[schema(minimum = 1, maximum = 3650)]
    cadence_days: Option<i32>,
    #[schema(format = Date)]
    snoozed_until: Option<String>,
    archived: Option<bool>,
    /// How well you know them, 1–5.
    #[schema(minimum = 1, maximum = 5)]
    closeness: Option<i32>,
}

/// A JSON merge patch of a contact: an absent field is kept, `null` clears it.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ContactPatch {
    #[schema(min_length = 1, max_length = 200, value_type = String)]
    display_name: Option<String>,
    #[schema(max_length = 200)]
    given_name: Option<String>,
    #[schema(max_length = 200)]
    family_name: Option<String>,
    #[schema(max_items = 20)]
    emails: Option<Vec<Email>>,
    #[schema(max_items = 20)]
    phones: Option<Vec<Phone>>,
    #[schema(max_length = 200)]
    company: Option<String>,
    #[schema(max_length = 200)]
    title: Option<String>,
    #[schema(max_length = 200)]
    location: Option<String>,
    #[schema(max_length = 10000)]
    notes: Option<String>,
    #[schema(max_items = 50)]
    tags: Option<Vec<String>>,
    #[schema(pattern = r"^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]
    birthday: Option<String>,
    #[schema(max_length = 2000)]
    how_we_met: Option<String>,
    met_via: Option<String>,
    #[schema(minimum = 1, maximum = 3650)]
    cadence_days: Option<i32>,
    #[schema(format = Date)]
    snoozed_until: Option<String>,
    #[schema(value_type = bool)]
    archived: Option<bool>,
    /// How well you know them, 1–5.
    #[schema(minimum = 1, maximum = 5)]
    closeness: Option<i32>,
}

/// A page of contacts.
#[derive(Serialize, ToSchema)]
pub struct ContactPage<'a> {
    pub items: Vec<Contact<'a>>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ContactListParams {
    /// Case-insensitive substring of names, emails, company or notes.
    #[param(max_length = 200)]
    q: Option<String>,
    /// Only contacts with this tag (ignoring case).
    #[param(max_length = 50)]
    tag: Option<String>,
    /// Only contacts at this company (ignoring case).
    #[param(max_length = 200)]
    company: Option<String>,
    /// `true`: only archived contacts (default: archived ones are left out).
    archived: Option<bool>,
    /// `true`: only the trash.
    trashed: Option<bool>,
    /// Only contacts whose next touch is due now (`next_due_at` ≤ now).
    due: Option<bool>,
    /// Only contacts due before 00:00 UTC of this date.
    #[param(format = Date)]
    due_before: Option<String>,
    /// `name`, `created_at`, `updated_at`, `last_interaction_at`, `next_due_at`;
    /// a leading `-` reverses (default `name`). Nulls sort last either way.
    #[param(pattern = "^-?(name|created_at|updated_at|last_interaction_at|next_due_at)$")]
    sort: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}
