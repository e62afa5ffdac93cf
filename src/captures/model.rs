//! Captured messages as the API takes and answers them, and the rows they
//! are kept in.

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

/// A capture and what it logged.
#[derive(Serialize, ToSchema, Debug)]
pub struct Capture {
    pub id: String,
    /// `messages`.
    #[schema(example = "messages")]
    pub kind: String,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// When it was undone; `null` while its interactions stand.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub undone_at: Option<Timestamp>,
    /// Messages sent.
    pub received: i32,
    /// Interactions logged.
    pub logged: i32,
    /// Messages already captured (or, collapsed, of a thread and day
    /// already logged).
    pub duplicates: i32,
    /// Messages with no participant among your contacts.
    pub unmatched: i32,
    /// The interactions it logged, by id.
    pub interaction_ids: Vec<String>,
    /// In the answer to the capture only: the interactions it logged.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = json!([]))]
    pub interactions: Option<Vec<Interaction>>,
}

/// A page of captures.
#[derive(Serialize, ToSchema)]
pub struct CapturePage {
    pub items: Vec<Capture>,
    pub next_cursor: Option<String>,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone)]
#[diesel(table_name = captures)]
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
    #[schema(value_type = String, format = DateTime)]
    pub first_seen: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub last_seen: Timestamp,
    /// In how many captured messages.
    pub count: i32,
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
