//! Contact bodies as the API reads and writes them.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use utoipa::{IntoParams, ToSchema};

use crate::input;
use crate::time::Timestamp;

/// An email address of a contact.
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Email {
    #[serde(deserialize_with = "input::trimmed")]
    #[schema(format = "email", max_length = 254, example = "ana@example.com")]
    pub address: String,
    /// Free text such as `work` or `home`.
    #[serde(default, deserialize_with = "input::opt_trimmed")]
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
    #[serde(default, deserialize_with = "input::opt_trimmed")]
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

impl Contact<'_> {
    /// Writes the contact as its derived `Serialize` does, byte for byte
    /// (tested below), without escaping the keys: pages and reads by id
    /// write contacts this way.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        crate::json_object!(out, self;
            id: str, display_name: str, given_name: opt_str, family_name: opt_str,
            emails: raw, phones: raw, company: opt_str, title: opt_str,
            location: opt_str, notes: opt_str, tags: raw, birthday: opt_str,
            how_we_met: opt_str, met_via: opt_str, cadence_days: opt_int,
            snoozed_until: opt_str, archived: bool, trashed_at: opt_time,
            created_at: time, updated_at: time, version: int,
            effective_cadence_days: opt_int, last_interaction_at: opt_time,
            next_due_at: opt_time, balance: int, closeness: opt_int,
        );
    }
}

/// The fields of a new contact. Only `display_name` is required. Text is
/// stored trimmed; empty text reads as none.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactCreate {
    #[serde(deserialize_with = "input::trimmed")]
    #[schema(min_length = 1, max_length = 200, example = "Ana Lima")]
    pub display_name: String,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 200)]
    pub given_name: Option<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 200)]
    pub family_name: Option<String>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub emails: Option<Vec<Email>>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub phones: Option<Vec<Phone>>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 200)]
    pub company: Option<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 200)]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 200)]
    pub location: Option<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
    /// Tags of 1–50 characters (no `/`); stored in lower case, each once.
    #[serde(default)]
    #[schema(max_items = 50)]
    pub tags: Option<Vec<String>>,
    /// `YYYY-MM-DD` (a past day from 1800 on), or `--MM-DD` when the year is unknown.
    #[serde(default)]
    #[schema(
        pattern = r"^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$",
        example = "1990-04-17"
    )]
    pub birthday: Option<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 2000)]
    pub how_we_met: Option<String>,
    /// The id of another of your contacts.
    #[serde(default)]
    #[schema(max_length = 64)]
    pub met_via: Option<String>,
    #[serde(default)]
    #[schema(minimum = 1, maximum = 3650)]
    pub cadence_days: Option<i32>,
    #[serde(default)]
    #[schema(format = Date)]
    pub snoozed_until: Option<String>,
    #[serde(default)]
    pub archived: Option<bool>,
    /// How well you know them, 1–5.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 5)]
    pub closeness: Option<i32>,
}

/// A JSON merge patch of a contact: an absent field is kept, `null` clears
/// it (an empty list for `emails`, `phones` and `tags`); `display_name` and
/// `archived` cannot be cleared.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactPatch {
    #[serde(default, deserialize_with = "input::some_trimmed")]
    #[schema(nullable = false, min_length = 1, max_length = 200)]
    pub display_name: Option<String>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub given_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub family_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<Vec<Email>>, max_items = 20)]
    pub emails: Option<Option<Vec<Email>>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<Vec<Phone>>, max_items = 20)]
    pub phones: Option<Option<Vec<Phone>>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub company: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub title: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub location: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 10000)]
    pub notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<Vec<String>>, max_items = 50)]
    pub tags: Option<Option<Vec<String>>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, pattern = r"^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]
    pub birthday: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub how_we_met: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, max_length = 64)]
    pub met_via: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<i32>, minimum = 1, maximum = 3650)]
    pub cadence_days: Option<Option<i32>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, format = Date)]
    pub snoozed_until: Option<Option<String>>,
    #[serde(default)]
    #[schema(nullable = false)]
    pub archived: Option<bool>,
    /// How well you know them, 1–5.
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<i32>, minimum = 1, maximum = 5)]
    pub closeness: Option<Option<i32>>,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(s: &str) -> &RawValue {
        serde_json::from_str(s).unwrap()
    }

    fn written(c: &Contact) -> String {
        let mut out = Vec::new();
        c.write_json(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_contact_with_every_field_set_is_written_as_serde_writes_it() {
        let c = Contact {
            id: "01a2-\"quoted\"",
            display_name: "Ana \"Nana\" Lima\t🦀",
            given_name: Some("Ana\nMaria"),
            family_name: Some("Lima\\"),
            emails: raw(r#"[{"address":"ana@example.com","label":"work"}]"#),
            phones: raw(r#"[{"number":"+351 912","label":null}]"#),
            company: Some("Initech\u{1}"),
            title: Some("CTO"),
            location: Some("Lisboa"),
            notes: Some("line one\r\nline two \u{7f} ünï"),
            tags: raw(r#"["rust","ops"]"#),
            birthday: Some("--04-17"),
            how_we_met: Some("RustConf"),
            met_via: Some("01b3"),
            cadence_days: Some(30),
            snoozed_until: Some("2026-12-24"),
            archived: true,
            trashed_at: Some(Timestamp(1_700_000_000_000_001)),
            created_at: Timestamp(-1),
            updated_at: Timestamp(i64::MAX),
            version: i32::MAX,
            effective_cadence_days: Some(7),
            last_interaction_at: Some(Timestamp(0)),
            next_due_at: Some(Timestamp(1_800_000_000_999_999)),
            balance: -5,
            closeness: Some(5),
        };
        assert_eq!(written(&c), serde_json::to_string(&c).unwrap());
    }

    #[test]
    fn a_contact_with_only_what_is_required_is_written_as_serde_writes_it() {
        let c = Contact {
            id: "01a2",
            display_name: "",
            given_name: None,
            family_name: None,
            emails: raw("[]"),
            phones: raw("[]"),
            company: None,
            title: None,
            location: None,
            notes: None,
            tags: raw("[]"),
            birthday: None,
            how_we_met: None,
            met_via: None,
            cadence_days: None,
            snoozed_until: None,
            archived: false,
            trashed_at: None,
            created_at: Timestamp(0),
            updated_at: Timestamp(0),
            version: 1,
            effective_cadence_days: None,
            last_interaction_at: None,
            next_due_at: None,
            balance: 0,
            closeness: None,
        };
        assert_eq!(written(&c), serde_json::to_string(&c).unwrap());
    }
}
