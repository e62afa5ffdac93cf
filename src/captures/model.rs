//! Captured messages as the API takes and answers them, and the rows they
//! are kept in.

use std::collections::BTreeMap;

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::captures;
use crate::input;
use crate::interactions::model::Interaction;
use crate::time::{self, Timestamp};

/// The most messages one capture takes.
pub const MAX_MESSAGES: usize = 1000;

/// The most addresses that are yours.
pub const MAX_ADDRESSES: usize = 20;

/// The emails that are yours: a message from one of them is `outbound`,
/// and none of them is ever matched to a contact.
#[derive(Serialize, Deserialize, ToSchema, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Addresses {
    /// 1–20 distinct emails; without any set, your login email.
    #[schema(
        value_type = std::collections::BTreeSet<String>,
        min_items = 1,
        max_items = 20,
        example = json!(["ana@example.com", "ana@work.example"])
    )]
    pub addresses: Vec<EmailAddress>,
}

/// An email address (schema: `format: email`).
#[derive(Serialize, Deserialize, ToSchema, Debug, Clone, PartialEq)]
#[schema(format = "email", max_length = 254, example = "ana@example.com")]
pub struct EmailAddress(pub String);

impl input::Rules for Addresses {
    fn check(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
        input::named_once(body, "addresses", errors);
    }
}

/// One message, as a script reading a mailbox or an email API sends it:
/// headers only, never a body.
#[derive(Deserialize, ToSchema, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct MessageIn {
    /// The message's id where it came from (its `Message-ID`, say): the
    /// same id twice is logged once.
    #[schema(
        min_length = 1,
        max_length = 500,
        example = "<CAF=abc123@mail.example.com>"
    )]
    pub source_id: String,
    pub from: EmailAddress,
    #[serde(default)]
    #[schema(max_items = 100)]
    pub to: Vec<EmailAddress>,
    #[serde(default)]
    #[schema(max_items = 100)]
    pub cc: Vec<EmailAddress>,
    /// When it was sent: at most a day ahead.
    #[schema(format = DateTime, example = "2026-11-30T09:15:00Z")]
    pub date: String,
    /// Becomes the interaction's summary (unless `store_subject=false`).
    #[serde(default)]
    #[schema(max_length = 500, example = "Lunch next week?")]
    pub subject: Option<String>,
    /// The conversation it belongs to, for `collapse=thread_day`.
    #[serde(default)]
    #[schema(max_length = 500, example = "thread-42")]
    pub thread_id: Option<String>,
    #[serde(default)]
    #[schema(schema_with = names_schema)]
    pub names: BTreeMap<String, String>,
}

/// The most names one message gives, and the longest.
pub const MAX_NAMES: usize = 200;
pub const MAX_NAME: usize = 200;

fn names_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, SchemaFormat, Type};
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .additional_properties(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .max_length(Some(MAX_NAME)),
        ))
        .property_names(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::Custom("email".into())))
                .max_length(Some(254)),
        ))
        .max_properties(Some(MAX_NAMES))
        .description(Some(
            "The display names the headers give, by address (at most 200, each at most \
             200 characters): a suggestion shows the last one seen.",
        ))
        .examples([serde_json::json!({"dev@example.com": "Dev Rao"})])
        .build()
}

/// Messages to log as interactions.
#[derive(Deserialize, ToSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct MessageBatch {
    /// 1–1,000 messages.
    #[schema(min_items = 1, max_items = 1000)]
    pub messages: Vec<MessageIn>,
}

impl input::Rules for MessageBatch {
    fn check(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
        let Some(messages) = body["messages"].as_array() else {
            return;
        };
        let limit = time::now() + time::DAY;
        for (n, m) in messages.iter().enumerate() {
            let at = m["date"]
                .as_str()
                .and_then(|d| input::parse_datetime(d).ok());
            if at.is_some_and(|at| at.timestamp_micros() > limit) {
                errors.push(crate::error::FieldError::new(
                    format!("messages[{n}].date"),
                    "out_of_range",
                    "must not be more than 24 hours in the future",
                ));
            }
        }
    }
}

/// How messages become interactions.
#[derive(Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Collapse {
    /// A thread's messages on one day (UTC) are one interaction.
    ThreadDay,
}

#[derive(IntoParams, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct CaptureParams {
    /// `false`: the interaction's summary is `Email`, not the subject.
    pub store_subject: Option<bool>,
    /// Without it, each message is an interaction of its own.
    #[param(inline)]
    pub collapse: Option<Collapse>,
}

/// How a calendar's events become interactions.
#[derive(IntoParams, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct CalendarParams {
    /// Past events from this day on (UTC; default 365 days ago).
    #[param(format = Date, example = "2026-01-01")]
    pub since: Option<String>,
    /// `false`: the interaction's summary is `Meeting`, not the event's.
    pub store_subject: Option<bool>,
}

/// A capture and what it logged.
#[derive(Serialize, ToSchema, Debug)]
pub struct Capture {
    pub id: String,
    /// `messages`, `calendar`, or `suggestion` (an accepted suggestion,
    /// logging what was captured with the address).
    #[schema(example = "messages")]
    pub kind: String,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// When it was undone; `null` while its interactions stand.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub undone_at: Option<Timestamp>,
    /// Messages (or, from a calendar, event occurrences) sent.
    pub received: i32,
    /// Interactions logged.
    pub logged: i32,
    /// Messages already captured (or, collapsed, of a thread and day
    /// already logged).
    pub duplicates: i32,
    /// Messages with no participant among your contacts.
    pub unmatched: i32,
    /// Messages of a mailbox that could not be read (each failed alone).
    pub failed: i32,
    /// In the answer to the capture only: why each of them failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<CaptureFailure>>,
    /// From a calendar: future events with contacts, now on the agenda as
    /// `meeting_upcoming` items.
    pub upcoming: i32,
    /// The interactions it logged, by id.
    pub interaction_ids: Vec<String>,
    /// In the answer to the capture only: the interactions it logged.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = json!([]))]
    pub interactions: Option<Vec<Interaction>>,
}

/// A message of a mailbox that could not be read: it failed alone.
#[derive(Serialize, ToSchema, Debug, Clone, PartialEq)]
pub struct CaptureFailure {
    /// Its place in the mailbox, from 0.
    pub index: usize,
    #[schema(example = "no From address")]
    pub error: String,
}

/// A page of captures.
#[derive(Serialize, ToSchema)]
pub struct CapturePage {
    pub items: Vec<Capture>,
    pub next_cursor: Option<String>,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone)]
#[diesel(table_name = captures, treat_none_as_default_value = false)]
pub struct CaptureRow {
    pub id: String,
    pub user_id: String,
    pub kind: String,
    pub created_at: i64,
    pub undone_at: Option<i64>,
    pub received: i32,
    pub logged: i32,
    pub duplicates: i32,
    pub unmatched: i32,
    pub interaction_ids: String,
    pub upcoming: i32,
    pub failed: i32,
}

impl CaptureRow {
    pub fn to_api(&self) -> Capture {
        Capture {
            id: self.id.clone(),
            kind: self.kind.clone(),
            created_at: Timestamp(self.created_at),
            undone_at: self.undone_at.map(Timestamp),
            received: self.received,
            logged: self.logged,
            duplicates: self.duplicates,
            unmatched: self.unmatched,
            upcoming: self.upcoming,
            failed: self.failed,
            failures: None,
            interaction_ids: serde_json::from_str(&self.interaction_ids).unwrap_or_default(),
            interactions: None,
        }
    }
}

/// Someone you write with who is not a contact yet.
#[derive(Serialize, ToSchema, Debug, PartialEq)]
pub struct Suggestion {
    #[schema(example = "dev@example.com")]
    pub email: String,
    /// The name the headers last gave it.
    #[schema(example = "Dev Rao")]
    pub name: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub first_seen: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub last_seen: Timestamp,
    /// In how many captured messages and events.
    pub count: i32,
}

/// An accepted suggestion: the new contact, and the capture that logged
/// what was already captured with the address.
#[derive(Serialize, ToSchema, Debug)]
pub struct Accepted<'a> {
    pub contact: crate::contacts::model::Contact<'a>,
    pub capture: Capture,
}

#[derive(Serialize, ToSchema)]
pub struct SuggestionList {
    /// The 100 most frequent at most, most frequent first.
    pub items: Vec<Suggestion>,
}

#[derive(IntoParams, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct SuggestionParams {
    /// Only addresses seen in at least this many messages (default 2).
    #[param(minimum = 1, maximum = 1000000)]
    pub min_count: Option<i32>,
}

/// The `{email}` of a suggestion's path. The pattern states what no
/// address has (control characters, spaces, quotes, a second `@`); the
/// handler checks the rest (`input::is_email`).
#[derive(IntoParams, Deserialize)]
#[into_params(parameter_in = Path)]
pub struct SuggestionPath {
    /// The address
    #[param(
        format = "email",
        max_length = 254,
        pattern = r#"^[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"@]+@[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"@]+$"#,
        example = "ana@example.com"
    )]
    pub email: String,
}

/// A captured message or event that matched no contact by `email`, kept
/// for when the address is accepted as a contact.
#[derive(Queryable, Selectable, Insertable, Debug, Clone)]
#[diesel(table_name = crate::db::schema::capture_pending, treat_none_as_default_value = false)]
pub struct PendingRow {
    pub user_id: String,
    pub email: String,
    pub source_key: String,
    pub capture_id: String,
    pub occurred_at: i64,
    pub kind: String,
    pub direction: String,
    pub summary: String,
}

/// A future calendar event with contacts (`contact_ids`, JSON).
#[derive(Queryable, Selectable, Insertable, Debug, Clone)]
#[diesel(table_name = crate::db::schema::capture_upcoming, treat_none_as_default_value = false)]
pub struct UpcomingRow {
    pub user_id: String,
    pub source_key: String,
    pub capture_id: String,
    pub starts_at: i64,
    pub summary: String,
    pub contact_ids: String,
}
