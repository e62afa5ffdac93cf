//! Contacts as the API reads and writes them, the row as stored, and what a
//! create or a merge-patch changes, with the rules of its fields the schema
//! cannot state.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::contacts;
use crate::error::FieldError;
use crate::input::{self, Parsed};
use crate::time::{Micros, Timestamp};

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
        pattern = r"^(?:[+(][ ().\-]*)?[0-9][0-9 ().\-]*[0-9][0-9 ().\-]*[0-9][0-9 ().\-]*$",
        example = "+351 912 345 678"
    )]
    pub number: String,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 50, example = "mobile")]
    pub label: Option<String>,
}

/// A web address of a contact: a profile, a site.
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// An `http` or `https` URL with a host; one that does not parse as a
    /// URL (`http://[x`) is a `422` `invalid_url`.
    #[schema(
        max_length = 2000,
        pattern = r"^https?://[^\x00-\x20\x7f]+$",
        example = "https://www.linkedin.com/in/ana-lima"
    )]
    pub url: String,
    /// Free text such as `linkedin` or `blog`.
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 50, example = "linkedin")]
    pub label: Option<String>,
}

/// A vCard property kith does not read, as one unfolded line (`X-…`, with
/// its group, parameters and value), kept from an import and written back
/// on export (schema only).
#[derive(ToSchema)]
#[schema(
    max_length = 4000,
    pattern = r"^(?:[A-Za-z0-9-]+\.)?[Xx]-[A-Za-z0-9-]+[;:][^\r\n\x00]*$",
    example = "X-PHONETIC-FIRST-NAME:AH-nah"
)]
pub struct VcardExtra(pub String);

/// What a vCard extra is (the `VcardExtra` schema's pattern).
pub fn is_vcard_extra(line: &str) -> bool {
    static FORM: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    line.len() <= 4000
        && FORM
            .get_or_init(|| {
                regex::Regex::new(r"^(?:[A-Za-z0-9-]+\.)?[Xx]-[A-Za-z0-9-]+[;:][^\r\n\x00]*$").ok()
            })
            .as_ref()
            .is_some_and(|r| r.is_match(line))
}

/// Whether `url` is what a link holds: the `Link` schema's pattern, and a
/// URL that parses with a host (`http://[x` has the pattern's form but
/// opens nothing).
pub fn is_link(url: &str) -> bool {
    has_link_form(url) && opens(url)
}

/// The `Link` schema's pattern: `http(s)://`, at most 2,000 characters, no
/// space or control character.
fn has_link_form(url: &str) -> bool {
    (url.starts_with("http://") || url.starts_with("https://"))
        && url.chars().count() <= 2000
        && !url.chars().any(|c| c <= ' ' || c == '\x7f')
}

/// Whether `url` parses as an absolute URL with a host.
fn opens(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| u.host_str().is_some_and(|h| !h.is_empty()))
}

/// A link of the pattern's form that is no URL: refused since kith checks
/// links, and left out of an archive written before (so that it loads).
pub fn opens_nothing(url: &str) -> bool {
    has_link_form(url) && !opens(url)
}

/// A JSON list column of a contact read back (kith writes these with
/// serde, so they read; anything else reads as empty).
pub fn stored_list<T: serde::de::DeserializeOwned>(json: &str) -> Vec<T> {
    serde_json::from_str(json).unwrap_or_default()
}

/// The most links and vCard extras a contact holds.
pub const MAX_LINKS: usize = 20;
pub const MAX_VCARD_EXTRAS: usize = 50;

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
    #[schema(value_type = Vec<Link>)]
    pub links: &'a RawValue,
    /// Read-only: where the contact's photo is (`PUT` there to set one);
    /// `null` without one. Its `v` changes with the photo, so a client may
    /// keep what it read from this URL for good.
    #[schema(example = "/v1/contacts/01J9Z7Y1Q4R8X2V6T3M5N0B7CD/photo?v=9f86d081884c7d65")]
    pub photo_url: Option<&'a str>,
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
    /// The day you met.
    #[schema(format = Date, example = "2024-10-09")]
    pub met_on: Option<&'a str>,
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
    /// The contact this one was merged into; a merged contact stays in the
    /// trash and cannot be restored.
    pub merged_into: Option<&'a str>,
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
    /// The contact's ids in other systems, by source (`{"crm": "42"}`):
    /// each names one contact of yours.
    #[schema(value_type = HashMap<String, String>, example = json!({"crm": "42"}))]
    pub external_ids: &'a RawValue,
    /// vCard properties kith does not read, kept from an import and written
    /// back on export.
    #[schema(value_type = Vec<VcardExtra>)]
    pub vcard_extras: &'a RawValue,
    /// Read-only: their asks and offers still open (`GET /v1/needs?contact_id=`).
    pub open_needs: i32,
}

impl Contact<'_> {
    /// Writes the contact as its derived `Serialize` does, byte for byte
    /// (tested below), without escaping the keys: pages and reads by id
    /// write contacts this way.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        crate::json_object!(out, self;
            id: str, display_name: str, given_name: opt_str, family_name: opt_str,
            emails: raw, phones: raw, links: raw, photo_url: opt_str, company: opt_str, title: opt_str,
            location: opt_str, notes: opt_str, tags: raw, birthday: opt_str,
            how_we_met: opt_str, met_on: opt_str, met_via: opt_str, cadence_days: opt_int,
            snoozed_until: opt_str, archived: bool, trashed_at: opt_time, merged_into: opt_str,
            created_at: time, updated_at: time, version: int,
            effective_cadence_days: opt_int, last_interaction_at: opt_time,
            next_due_at: opt_time, balance: int, closeness: opt_int,
            external_ids: raw, vcard_extras: raw, open_needs: int,
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
    #[schema(max_length = 200, example = "Ana")]
    pub given_name: Option<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 200, example = "Lima")]
    pub family_name: Option<String>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub emails: Option<Vec<Email>>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub phones: Option<Vec<Phone>>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub links: Option<Vec<Link>>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 200, example = "Initech")]
    pub company: Option<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 200, example = "Head of Platform")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 200, example = "Lisbon")]
    pub location: Option<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 10000, example = "Prefers mornings; two kids.")]
    pub notes: Option<String>,
    /// Tags of 1–50 characters (no `/`); stored in lower case, each once.
    #[serde(default)]
    #[schema(value_type = Option<Vec<crate::tags::model::TagName>>, max_items = 50)]
    pub tags: Option<Vec<String>>,
    /// `YYYY-MM-DD` (a past day from 1800 on), or `--MM-DD` when the year is unknown.
    #[serde(default)]
    #[schema(
        pattern = r"^(?:\d{4}|-)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2\d))$",
        example = "1990-04-17"
    )]
    pub birthday: Option<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 2000, example = "RustConf 2025, the hallway track")]
    pub how_we_met: Option<String>,
    /// The day you met: a past day, `YYYY-MM-DD`.
    #[serde(default)]
    #[schema(format = Date, example = "2024-10-09")]
    pub met_on: Option<String>,
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
    #[serde(default)]
    #[schema(schema_with = external_ids_create)]
    pub external_ids: Option<BTreeMap<String, String>>,
    /// vCard properties kith does not read (`X-…` lines), written back on
    /// export.
    #[serde(default)]
    #[schema(value_type = Option<Vec<VcardExtra>>, max_items = 50)]
    pub vcard_extras: Option<Vec<String>>,
}

/// A JSON merge patch of a contact: an absent field is kept, `null` clears
/// it (an empty list for `emails`, `phones` and `tags`); `display_name` and
/// `archived` cannot be cleared.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactPatch {
    #[serde(default, deserialize_with = "input::some_trimmed")]
    #[schema(
        nullable = false,
        min_length = 1,
        max_length = 200,
        example = "Ana Lima"
    )]
    pub display_name: Option<String>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 200, example = "Ana")]
    pub given_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 200, example = "Lima")]
    pub family_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<Vec<Email>>, max_items = 20)]
    pub emails: Option<Option<Vec<Email>>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<Vec<Phone>>, max_items = 20)]
    pub phones: Option<Option<Vec<Phone>>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<Vec<Link>>, max_items = 20)]
    pub links: Option<Option<Vec<Link>>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 200, example = "Initech")]
    pub company: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 200, example = "VP Engineering")]
    pub title: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 200, example = "Porto")]
    pub location: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 10000, example = "Moved to Porto in May.")]
    pub notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<Vec<crate::tags::model::TagName>>, max_items = 50)]
    pub tags: Option<Option<Vec<String>>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(
        value_type = Option<String>,
        pattern = r"^(?:\d{4}|-)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2\d))$",
        example = "--04-17"
    )]
    pub birthday: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 2000, example = "RustConf 2025, the hallway track")]
    pub how_we_met: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, format = Date, example = "2024-10-09")]
    pub met_on: Option<Option<String>>,
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
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(schema_with = external_ids_patch)]
    pub external_ids: Option<Option<BTreeMap<String, Option<String>>>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<Vec<VcardExtra>>, max_items = 50)]
    pub vcard_extras: Option<Option<Vec<String>>>,
}

/// The schema of `external_ids` in a create (`patch`: false) or a patch:
/// an object of at most `MAX_EXTERNAL_IDS` ids by source, each 1–500
/// characters (`null` removes one in a patch).
fn external_ids_schema(patch: bool) -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
    let value = ObjectBuilder::new()
        .min_length(Some(1))
        .max_length(Some(500));
    let value = match patch {
        true => value.schema_type(SchemaType::from_iter([Type::String, Type::Null])),
        false => value.schema_type(Type::String),
    };
    let source = ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(SOURCE_PATTERN));
    let (description, example) = match patch {
        true => (
            "Merged into the contact's ids by source: a value sets that source's id, \
             `null` removes it; `null` for the whole field removes them all.",
            serde_json::json!({"crm": "43", "old_crm": null}),
        ),
        false => (
            "Ids in other systems by source (`a-z`, `0-9`, `_`, `-`, `.`, beginning \
             with a letter; at most 20). Another contact of yours with the same id of \
             a source is a `409`.",
            serde_json::json!({"crm": "42"}),
        ),
    };
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Object, Type::Null]))
        .additional_properties(Some(value))
        .property_names(Some(source))
        .max_properties(Some(MAX_EXTERNAL_IDS))
        .description(Some(description))
        .examples([example])
        .build()
}

fn external_ids_create() -> utoipa::openapi::schema::Object {
    external_ids_schema(false)
}

fn external_ids_patch() -> utoipa::openapi::schema::Object {
    external_ids_schema(true)
}

/// What a source of an external id looks like.
const SOURCE_PATTERN: &str = "^[a-z][a-z0-9_.-]{0,39}$";

/// What a create or a patch says about a contact's external ids.
#[derive(Debug, Clone, PartialEq)]
pub enum ExternalIdsChange {
    /// These and no others.
    Replace(BTreeMap<String, String>),
    /// Set (`Some`) or remove (`None`) these sources' ids, keep the others.
    Merge(BTreeMap<String, Option<String>>),
}

impl ExternalIdsChange {
    /// The ids after the change of `current`, each value trimmed.
    pub fn applied_to(self, mut current: BTreeMap<String, String>) -> BTreeMap<String, String> {
        let changes = match self {
            ExternalIdsChange::Replace(all) => {
                current.clear();
                all.into_iter().map(|(k, v)| (k, Some(v))).collect()
            }
            ExternalIdsChange::Merge(some) => some,
        };
        for (source, value) in changes {
            match value {
                Some(v) => current.insert(source, v.trim().to_string()),
                None => current.remove(&source),
            };
        }
        current
    }
}

/// The most items a batch holds.
pub const MAX_BATCH: usize = 500;

/// The largest batch body: 500 contacts with long notes.
pub const MAX_BATCH_BYTES: usize = 8 << 20;

/// Contacts to create or update in one request (`POST /v1/contacts/batch`;
/// schema only: each item is read on its own, so a bad one fails alone).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ContactBatch {
    /// 1–500 contacts, each applied in order.
    #[schema(min_items = 1, max_items = 500)]
    pub items: Vec<ContactBatchItem>,
}

/// One contact of a batch.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactBatchItem {
    /// How to find the contact to update: `email` (any of the item's
    /// emails), `phone` (any of its phone numbers, by their digits) or an
    /// external id `source:value` (which a created contact then holds).
    /// Without it the item is created.
    #[serde(rename = "match")]
    #[schema(
        max_length = 541,
        pattern = r"^(?:email|phone|[a-z][a-z0-9_.\-]{0,39}:[^\x00]+)$",
        example = "crm:42"
    )]
    pub match_: Option<String>,
    /// The contact: what a create takes. An update sets the fields given
    /// and keeps the others; its external ids are merged.
    pub contact: ContactCreate,
}

/// What became of one item of a batch.
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BatchStatus {
    Created,
    Updated,
    Unchanged,
    Failed,
}

/// One item's result.
#[derive(Serialize, ToSchema, Debug)]
pub struct BatchItemResult {
    /// The item's place in `items`, from 0.
    pub index: usize,
    pub status: BatchStatus,
    /// The contact created, updated or left unchanged.
    pub id: Option<String>,
    /// Why the item failed (its fields are named from the item, as
    /// `contact.emails[0].address`).
    pub error: Option<crate::error::Problem>,
}

/// The result of a batch, item by item.
#[derive(Serialize, ToSchema, Debug, Default)]
pub struct BatchReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub items: Vec<BatchItemResult>,
}

/// Why contacts look like one person.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    /// The same email (ignoring case).
    Email,
    /// The same name (ignoring case) at the same company.
    NameAndCompany,
    /// The same phone number (by its digits).
    Phone,
    /// The same web address among their links (a LinkedIn profile, say),
    /// compared without its scheme, `www.`, query or trailing `/`, ignoring
    /// case.
    ProfileUrl,
}

impl DuplicateReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DuplicateReason::Email => "email",
            DuplicateReason::NameAndCompany => "name_and_company",
            DuplicateReason::Phone => "phone",
            DuplicateReason::ProfileUrl => "profile_url",
        }
    }
}

/// A contact of a duplicate group.
#[derive(Serialize, ToSchema, Debug, Clone, PartialEq)]
pub struct DuplicateMember {
    pub id: String,
    pub display_name: String,
}

/// Contacts (not in the trash) that look like one person, and why.
#[derive(Serialize, ToSchema, Debug, Clone, PartialEq)]
pub struct DuplicateGroup {
    pub reason: DuplicateReason,
    /// What they share: the email, the phone number's digits, or the name
    /// and company (lower case, `name / company`).
    #[schema(example = "ana@example.com")]
    pub key: String,
    /// Two or more, by name.
    pub contacts: Vec<DuplicateMember>,
}

/// A page of duplicate groups, by reason, then key.
#[derive(Serialize, ToSchema)]
pub struct DuplicatePage {
    pub items: Vec<DuplicateGroup>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A page of contacts.
#[derive(Serialize, ToSchema)]
pub struct ContactPage<'a> {
    pub items: Vec<Contact<'a>>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// The order of a contact list: a key, reversed by a leading `-`.
#[derive(Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactSort {
    #[serde(rename = "name")]
    Name,
    #[serde(rename = "-name")]
    NameDesc,
    #[serde(rename = "created_at")]
    CreatedAt,
    #[serde(rename = "-created_at")]
    CreatedAtDesc,
    #[serde(rename = "updated_at")]
    UpdatedAt,
    #[serde(rename = "-updated_at")]
    UpdatedAtDesc,
    #[serde(rename = "last_interaction_at")]
    LastInteractionAt,
    #[serde(rename = "-last_interaction_at")]
    LastInteractionAtDesc,
    #[serde(rename = "next_due_at")]
    NextDueAt,
    #[serde(rename = "-next_due_at")]
    NextDueAtDesc,
}

impl ContactSort {
    pub fn as_str(self) -> &'static str {
        match self {
            ContactSort::Name => "name",
            ContactSort::NameDesc => "-name",
            ContactSort::CreatedAt => "created_at",
            ContactSort::CreatedAtDesc => "-created_at",
            ContactSort::UpdatedAt => "updated_at",
            ContactSort::UpdatedAtDesc => "-updated_at",
            ContactSort::LastInteractionAt => "last_interaction_at",
            ContactSort::LastInteractionAtDesc => "-last_interaction_at",
            ContactSort::NextDueAt => "next_due_at",
            ContactSort::NextDueAtDesc => "-next_due_at",
        }
    }
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct ContactListParams {
    /// A substring of names, company, title, location, emails, tags, notes
    /// or how you met, ignoring case and accents (`jose` finds `José`); a
    /// phone number in any format finds it by its digits. Shorter than three
    /// characters: contacts with a name word that begins with it (`jo` finds
    /// `José Lima`, not `Bojan`). `%`, `_` and `\` are literal. Without
    /// `sort`, the best matches come first: a name equal to `q`, then a
    /// name that begins with it, then a word of any field that begins with
    /// it, then `q` anywhere; ties by name.
    #[param(max_length = 200, example = "ana")]
    pub q: Option<String>,
    /// Only contacts with this tag (ignoring case).
    #[param(
        max_length = 50,
        pattern = r"^[^/\x00-\x1f\x7f-\x9f]*[^/\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x00-\x1f\x7f-\x9f][^/\x00-\x1f\x7f-\x9f]*$"
    )]
    pub tag: Option<String>,
    /// Only contacts at this company (ignoring case).
    #[param(max_length = 200)]
    pub company: Option<String>,
    /// Only contacts with this email among theirs (ignoring case).
    #[param(format = "email", max_length = 254, example = "ana@example.com")]
    pub email: Option<String>,
    /// Only contacts with this phone number among theirs, in any format
    /// (compared by its digits: `+1 (555) 010-3` finds `15550103`).
    #[param(
        max_length = 32,
        pattern = r"^(?:[+(][ ().\-]*)?[0-9][0-9 ().\-]*[0-9][0-9 ().\-]*[0-9][0-9 ().\-]*$",
        example = "+1 555 0103"
    )]
    pub phone: Option<String>,
    /// Only the contact with this external id, as `source:value` (the
    /// query's spaces around it are ignored, so the value is not blank).
    #[param(
        max_length = 541,
        pattern = r"^[a-z][a-z0-9_.\-]{0,39}:[^\x00]*[^\x00\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][^\x00]*$",
        example = "crm:42"
    )]
    pub external_id: Option<String>,
    /// `true`: only archived contacts (default: archived ones are left out).
    pub archived: Option<bool>,
    /// `true`: only the trash.
    pub trashed: Option<bool>,
    /// Only contacts whose next touch is due now (`next_due_at` ≤ now).
    pub due: Option<bool>,
    /// Only contacts due before 00:00 UTC of this date.
    #[param(format = Date)]
    pub due_before: Option<String>,
    /// `name`, `created_at`, `updated_at`, `last_interaction_at`, `next_due_at`;
    /// a leading `-` reverses (default `name`, or by relevance with `q`).
    /// Nulls sort last either way.
    #[param(inline)]
    pub sort: Option<ContactSort>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Queryable, Selectable, Insertable, AsChangeset, Identifiable, Debug, Clone, PartialEq)]
#[diesel(table_name = contacts, treat_none_as_null = true, treat_none_as_default_value = false)]
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
    /// JSON object of the ids in other systems, by source (sorted).
    pub external_ids: String,
    /// The day you met, `YYYY-MM-DD`.
    pub met_on: Option<String>,
    /// The contact this one was merged into (it stays in the trash).
    pub merged_into: Option<String>,
    /// JSON array of `Link`.
    pub links: String,
    /// JSON array of unfolded vCard lines.
    pub vcard_extras: String,
    /// The photo's URL with its hash as `?v=`; `None` without a photo.
    pub photo_url: Option<String>,
    /// Derived: the contact's open needs.
    pub open_needs: i32,
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
    /// this first (`contacts::store::insert` and `update_row`, the seed).
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
            links: raw_list(&row.links),
            photo_url: row.photo_url.as_deref(),
            company: row.company.as_deref(),
            title: row.title.as_deref(),
            location: row.location.as_deref(),
            notes: row.notes.as_deref(),
            tags: raw_list(&row.tags),
            birthday: row.birthday.as_deref(),
            how_we_met: row.how_we_met.as_deref(),
            met_on: row.met_on.as_deref(),
            met_via: row.met_via.as_deref(),
            cadence_days: row.cadence_days,
            snoozed_until: row.snoozed_until.as_deref(),
            archived: row.archived,
            trashed_at: row.trashed_at.map(Timestamp),
            merged_into: row.merged_into.as_deref(),
            created_at: Timestamp(row.created_at),
            updated_at: Timestamp(row.updated_at),
            version: row.version,
            effective_cadence_days: row.cadence_effective,
            last_interaction_at: row.last_interaction_at.map(Timestamp),
            next_due_at: row.next_due_at.map(Timestamp),
            balance: row.balance,
            closeness: row.closeness,
            external_ids: raw_object(&row.external_ids),
            vcard_extras: raw_list(&row.vcard_extras),
            open_needs: row.open_needs,
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

/// A stored JSON object as it will be written out (`{}` should it ever
/// not be one).
fn raw_object(stored: &str) -> &RawValue {
    serde_json::from_str(stored)
        .or_else(|_| serde_json::from_str("{}"))
        .unwrap_or_else(|_| unreachable!("{{}} is valid JSON"))
}

impl ContactRow {
    /// The ids in other systems, by source.
    pub fn external_ids(&self) -> BTreeMap<String, String> {
        serde_json::from_str(&self.external_ids).unwrap_or_default()
    }
}

/// Everything a create or a merge-patch says about a contact's fields.
#[derive(Debug, Default, Clone)]
pub struct ContactChanges {
    pub display_name: Option<String>,
    pub given_name: Option<Option<String>>,
    pub family_name: Option<Option<String>>,
    pub emails: Option<Vec<Email>>,
    pub phones: Option<Vec<Phone>>,
    pub links: Option<Vec<Link>>,
    pub company: Option<Option<String>>,
    pub title: Option<Option<String>>,
    pub location: Option<Option<String>>,
    pub notes: Option<Option<String>>,
    pub tags: Option<Vec<String>>,
    pub birthday: Option<Option<String>>,
    pub how_we_met: Option<Option<String>>,
    pub met_on: Option<Option<String>>,
    pub met_via: Option<Option<String>>,
    pub cadence_days: Option<Option<i32>>,
    pub snoozed_until: Option<Option<String>>,
    pub archived: Option<bool>,
    pub closeness: Option<Option<i32>>,
    pub external_ids: Option<ExternalIdsChange>,
    pub vcard_extras: Option<Vec<String>>,
}

impl From<ContactCreate> for ContactChanges {
    fn from(new: ContactCreate) -> ContactChanges {
        ContactChanges {
            display_name: Some(new.display_name),
            given_name: Some(new.given_name),
            family_name: Some(new.family_name),
            emails: Some(new.emails.unwrap_or_default()),
            phones: Some(new.phones.unwrap_or_default()),
            links: Some(new.links.unwrap_or_default()),
            vcard_extras: Some(new.vcard_extras.unwrap_or_default()),
            company: Some(new.company),
            title: Some(new.title),
            location: Some(new.location),
            notes: Some(new.notes),
            tags: Some(tags(new.tags.unwrap_or_default())),
            birthday: Some(new.birthday),
            how_we_met: Some(new.how_we_met),
            met_on: Some(new.met_on),
            met_via: Some(new.met_via),
            cadence_days: Some(new.cadence_days),
            snoozed_until: Some(new.snoozed_until),
            archived: new.archived,
            closeness: Some(new.closeness),
            external_ids: Some(ExternalIdsChange::Replace(
                new.external_ids.unwrap_or_default(),
            )),
        }
    }
}

impl ContactChanges {
    /// A contact body as a create takes it (its schema and rules), read as
    /// the create it is and as the update it makes of a contact it matches
    /// (the fields it gives set, the others kept): what a batch item and an
    /// import's row both are.
    pub fn upsert_of(
        body: Value,
    ) -> Result<(ContactChanges, ContactChanges), crate::error::ApiError> {
        let create: ContactCreate = input::from_value(body.clone())?;
        let patch: ContactPatch = serde_json::from_value(body)
            .map_err(|e| crate::error::ApiError::field("contact", "invalid", e.to_string()))?;
        Ok((ContactChanges::from(create), ContactChanges::from(patch)))
    }
}

impl From<ContactPatch> for ContactChanges {
    fn from(patch: ContactPatch) -> ContactChanges {
        ContactChanges {
            display_name: patch.display_name,
            given_name: patch.given_name,
            family_name: patch.family_name,
            emails: patch.emails.map(Option::unwrap_or_default),
            phones: patch.phones.map(Option::unwrap_or_default),
            links: patch.links.map(Option::unwrap_or_default),
            vcard_extras: patch.vcard_extras.map(Option::unwrap_or_default),
            company: patch.company,
            title: patch.title,
            location: patch.location,
            notes: patch.notes,
            tags: patch.tags.map(|t| tags(t.unwrap_or_default())),
            birthday: patch.birthday,
            how_we_met: patch.how_we_met,
            met_on: patch.met_on,
            met_via: patch.met_via,
            cadence_days: patch.cadence_days,
            snoozed_until: patch.snoozed_until,
            archived: patch.archived,
            closeness: patch.closeness,
            external_ids: patch.external_ids.map(|ids| match ids {
                Some(some) => ExternalIdsChange::Merge(some),
                None => ExternalIdsChange::Replace(BTreeMap::new()),
            }),
        }
    }
}

/// Tag names as stored: trimmed, lower case, each once.
/// Tag names as stored: trimmed, lower case, each once, in order.
pub fn tags(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for t in names {
        let t = t.trim().to_lowercase();
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

impl input::Rules for ContactCreate {
    fn check(body: &Value, errors: &mut Vec<FieldError>) {
        rules(body, errors);
    }
}

impl input::Rules for ContactBatchItem {
    fn check(body: &Value, errors: &mut Vec<FieldError>) {
        let mut found = Vec::new();
        rules(&body["contact"], &mut found);
        errors.extend(found.into_iter().map(|mut e| {
            e.field = format!("contact.{}", e.field);
            e
        }));
    }
}

impl input::Rules for ContactPatch {
    fn check(body: &Value, errors: &mut Vec<FieldError>) {
        rules(body, errors);
    }
}

/// What the schema cannot say: that a birthday is a real past day. (A
/// tag's form is the `TagName` schema's, a phone number's the `Phone`
/// pattern's.)
fn rules(body: &Value, errors: &mut Vec<FieldError>) {
    // A link of the pattern's form that is no URL (the pattern cannot say
    // what parses); one not of that form is the schema's error already.
    for (n, link) in body["links"].as_array().into_iter().flatten().enumerate() {
        if let Some(url) = link["url"].as_str() {
            if opens_nothing(url) {
                errors.push(FieldError::new(
                    format!("links[{n}].url"),
                    "invalid_url",
                    "must be an http or https URL with a host",
                ));
            }
        }
    }
    if let Some(b) = body["birthday"].as_str() {
        if let Err((code, message)) = parse_birthday(b) {
            errors.push(FieldError::new("birthday", code, message));
        }
    }
    if let Some(d) = body["met_on"].as_str() {
        let today = chrono::Utc::now().date_naive();
        // Its form is the schema's (`format: date`).
        if input::parse_date(d).is_ok_and(|day| day > today) {
            errors.push(FieldError::new(
                "met_on",
                "in_future",
                "must not be in the future",
            ));
        }
    }
    if let Some(ids) = body["external_ids"].as_object() {
        if ids.len() > MAX_EXTERNAL_IDS {
            errors.push(FieldError::new(
                "external_ids",
                "too_many",
                format!("at most {MAX_EXTERNAL_IDS} external ids"),
            ));
        }
        for source in ids.keys().filter(|s| !is_source(s)) {
            errors.push(FieldError::new(
                format!("external_ids.{source}"),
                "invalid_format",
                "a source is 1–40 characters of a-z, 0-9, _, - and ., beginning with a letter",
            ));
        }
    }
}

/// The most external ids a contact holds.
pub const MAX_EXTERNAL_IDS: usize = 20;

/// Whether `s` can name the source of an external id: 1–40 characters of
/// `a-z`, `0-9`, `_`, `-` and `.`, beginning with a letter.
pub fn is_source(s: &str) -> bool {
    let mut chars = s.chars();
    s.len() <= 40
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.".contains(c))
}

/// A tag name: 1–50 characters, no `/` or control characters, lower-cased.
pub fn tag_name(s: &str) -> Parsed<String> {
    let t = s.trim().to_lowercase();
    if t.is_empty() || s.chars().count() > 50 {
        return Err(("invalid_format", "a tag has 1–50 characters".into()));
    }
    if t.chars().any(|c| c == '/' || c.is_control()) {
        return Err((
            "invalid_format",
            "a tag cannot contain / or control characters".into(),
        ));
    }
    Ok(t)
}

/// `YYYY-MM-DD` (a real day, not in the future, year 1800 or later) or
/// `--MM-DD` (29 February allowed).
pub fn parse_birthday(s: &str) -> Parsed<String> {
    let invalid = || {
        (
            "invalid_format",
            "must be YYYY-MM-DD, or --MM-DD when the year is unknown".to_string(),
        )
    };
    if let Some(md) = s.strip_prefix("--") {
        NaiveDate::parse_from_str(&format!("2000-{md}"), "%Y-%m-%d").map_err(|_| invalid())?;
        if md.len() != 5 {
            return Err(invalid());
        }
        return Ok(s.to_string());
    }
    let d = input::parse_date(s).map_err(|_| invalid())?;
    // Up to today somewhere on Earth: UTC+14 is a day ahead of UTC.
    if d.year() < 1800 || d > crate::time::today() + chrono::Days::new(1) {
        return Err(("out_of_range", "must be a past date from 1800 on".into()));
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
            links: raw(r#"[{"url":"https://ana.example/\"x\"","label":"blog"}]"#),
            photo_url: Some("/v1/contacts/01a2/photo?v=9f86d081884c7d65"),
            company: Some("Initech\u{1}"),
            title: Some("CTO"),
            location: Some("Lisboa"),
            notes: Some("line one\r\nline two \u{7f} ünï"),
            tags: raw(r#"["rust","ops"]"#),
            birthday: Some("--04-17"),
            how_we_met: Some("RustConf"),
            met_on: Some("2024-10-09"),
            met_via: Some("01b3"),
            cadence_days: Some(30),
            snoozed_until: Some("2026-12-24"),
            archived: true,
            trashed_at: Some(Timestamp(1_700_000_000_000_001)),
            merged_into: Some("01c4"),
            created_at: Timestamp(-1),
            updated_at: Timestamp(i64::MAX),
            version: i32::MAX,
            effective_cadence_days: Some(7),
            last_interaction_at: Some(Timestamp(0)),
            next_due_at: Some(Timestamp(1_800_000_000_999_999)),
            balance: -5,
            closeness: Some(5),
            external_ids: raw(r#"{"crm":"42","linkedin":"https://www.linkedin.com/in/ana"}"#),
            vcard_extras: raw(r#"["X-PHONETIC-FIRST-NAME:AH-nah"]"#),
            open_needs: 3,
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
            links: raw("[]"),
            photo_url: None,
            company: None,
            title: None,
            location: None,
            notes: None,
            tags: raw("[]"),
            birthday: None,
            met_on: None,
            how_we_met: None,
            met_via: None,
            cadence_days: None,
            snoozed_until: None,
            archived: false,
            trashed_at: None,
            merged_into: None,
            created_at: Timestamp(0),
            updated_at: Timestamp(0),
            version: 1,
            effective_cadence_days: None,
            last_interaction_at: None,
            next_due_at: None,
            balance: 0,
            closeness: None,
            external_ids: raw("{}"),
            vcard_extras: raw("[]"),
            open_needs: 0,
        };
        assert_eq!(written(&c), serde_json::to_string(&c).unwrap());
    }

    #[test]
    fn a_birthday_without_a_year_may_be_the_29th_of_february() {
        assert!(parse_birthday("--02-29").is_ok());
        assert!(parse_birthday("--02-30").is_err());
        assert!(parse_birthday("--2-3").is_err());
        assert!(parse_birthday("1990-04-17").is_ok());
        assert!(parse_birthday("3000-01-01").is_err());
        let kiritimati = chrono::Utc::now()
            .with_timezone(&chrono_tz::Pacific::Kiritimati)
            .date_naive();
        assert!(parse_birthday(&kiritimati.to_string()).is_ok());
        let after = crate::time::today() + chrono::Days::new(2);
        assert!(parse_birthday(&after.to_string()).is_err());
    }

    #[test]
    fn phone_numbers_are_three_digits_or_more_with_punctuation() {
        let phone = |n: &str| {
            input::from_value::<ContactCreate>(
                json!({"display_name": "A", "phones": [{"number": n}]}),
            )
            .is_ok()
        };
        for good in ["+351 912 345 678", "(555) 123-4567", "112", "+1.555.0103"] {
            assert!(phone(good), "{good}");
        }
        for bad in ["call me", "12", "+()", "+1 2", " 112", "1/2/3"] {
            assert!(!phone(bad), "{bad}");
        }
    }

    #[test]
    fn an_invalid_email_is_named_by_its_position() {
        let err = input::from_value::<ContactCreate>(
            json!({"display_name": "A", "emails": [{"address": "a@b.co"}, {"address": "nope"}]}),
        )
        .err()
        .expect("refused");
        assert_eq!(err.errors[0].field, "emails[1].address");
    }

    #[test]
    fn a_create_needs_a_display_name() {
        let err = input::from_value::<ContactCreate>(json!({"company": "Acme"}))
            .err()
            .expect("refused");
        assert_eq!(err.errors[0].field, "display_name");
        assert_eq!(err.errors[0].code, "required");
    }

    #[test]
    fn tags_are_lower_cased_and_deduplicated() {
        let patch = input::from_value::<ContactPatch>(json!({"tags": ["Rust", "rust ", "Go"]}))
            .expect("read");
        let c = ContactChanges::from(patch);
        assert_eq!(c.tags, Some(vec!["rust".to_string(), "go".to_string()]));
    }

    #[test]
    fn every_broken_rule_is_reported_at_once() {
        let err = input::from_value::<ContactCreate>(json!({
            "display_name": "", "tags": ["ok", "a/b"], "phones": [{"number": "+1 2"}],
            "birthday": "3000-01-01", "closeness": 9
        }))
        .err()
        .expect("refused");
        let mut fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        fields.sort();
        assert_eq!(
            fields,
            [
                "birthday",
                "closeness",
                "display_name",
                "phones[0].number",
                "tags[1]"
            ]
        );
    }
}
