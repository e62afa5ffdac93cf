//! Webhooks and their deliveries as the API takes and answers them, and the
//! rows they are kept in.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::{webhook_deliveries, webhooks};
use crate::input;
use crate::time::Timestamp;

/// The events a webhook may subscribe to: one event, every event of a
/// resource (`contact.*`), or every event (`*`).
pub const EVENTS: [&str; 35] = [
    "*",
    "contact.*",
    "contact.created",
    "contact.updated",
    "contact.deleted",
    "contact.restored",
    "contact.merged",
    "interaction.*",
    "interaction.created",
    "interaction.updated",
    "interaction.deleted",
    "ledger_entry.*",
    "ledger_entry.created",
    "ledger_entry.updated",
    "ledger_entry.deleted",
    "relationship.*",
    "relationship.created",
    "relationship.updated",
    "relationship.deleted",
    "introduction.*",
    "introduction.created",
    "introduction.updated",
    "introduction.deleted",
    "tag.*",
    "tag.updated",
    "tag.deleted",
    "need.*",
    "need.created",
    "need.updated",
    "need.deleted",
    "agenda.*",
    "agenda.contact_overdue",
    "agenda.follow_up_due",
    "agenda.promise_due",
    "agenda.birthday",
];

/// Whether a subscription to `events` takes `event`.
pub fn subscribed(events: &[String], event: &str) -> bool {
    events.iter().any(|e| {
        e == "*"
            || e == event
            || e.strip_suffix('*')
                .is_some_and(|prefix| prefix.ends_with('.') && event.starts_with(prefix))
    })
}

fn events_schema() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(EVENTS)),
        )
        .min_items(Some(1))
        .max_items(Some(EVENTS.len()))
        .unique_items(true)
        .description(Some(
            "What to send: event names, `resource.*` for every event of a resource, or `*` for \
             every event.",
        ))
        .examples([serde_json::json!(["contact.created", "agenda.*"])])
        .build()
}

/// The longest URL.
pub const MAX_URL: usize = 2000;

/// A webhook: where kith sends events as they happen.
#[derive(Serialize, ToSchema, Debug)]
pub struct Webhook {
    pub id: String,
    #[schema(example = "https://hooks.example.com/kith")]
    pub url: String,
    #[schema(example = "Chat notifications")]
    pub description: Option<String>,
    #[schema(example = json!(["contact.created", "agenda.*"]))]
    pub events: Vec<String>,
    /// `false` when you disabled it, or kith did (see `disabled_reason`).
    pub enabled: bool,
    /// Why kith disabled it: the endpoint answered `410 Gone`, or failed
    /// for five days.
    #[schema(example = json!(null))]
    pub disabled_reason: Option<String>,
    /// Until when the secret before the last rotation still signs, beside
    /// the new one.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub previous_secret_expires_at: Option<Timestamp>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

/// A webhook just created, or its secret just rotated: with the signing
/// secret, shown this once.
#[derive(Serialize, ToSchema, Debug)]
pub struct WebhookWithSecret {
    #[serde(flatten)]
    pub webhook: Webhook,
    /// `whsec_` and base64 of 32 random bytes: verify each delivery's
    /// `webhook-signature` with it (Standard Webhooks). Shown only now.
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYq=")]
    pub secret: String,
}

/// A new webhook.
#[derive(Deserialize, ToSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct WebhookCreate {
    /// `http` or `https`, outside private networks.
    #[serde(deserialize_with = "input::trimmed")]
    #[schema(
        min_length = 1,
        max_length = 2000,
        pattern = r"^https?://[^\x00-\x20\x7f]+$",
        example = "https://hooks.example.com/kith"
    )]
    pub url: String,
    #[schema(schema_with = events_schema)]
    pub events: Vec<String>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(max_length = 500, example = "Chat notifications")]
    pub description: Option<String>,
}

impl input::Rules for WebhookCreate {
    fn check(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
        input::named_once(body, "events", errors);
    }
}

/// Changes to a webhook (JSON merge patch).
#[derive(Deserialize, ToSchema, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct WebhookPatch {
    #[serde(default, deserialize_with = "input::some_trimmed")]
    #[schema(
        min_length = 1,
        max_length = 2000,
        pattern = r"^https?://[^\x00-\x20\x7f]+$",
        nullable = false,
        example = "https://hooks.example.com/kith-v2"
    )]
    pub url: Option<String>,
    #[serde(default)]
    #[schema(schema_with = events_schema, nullable = false)]
    pub events: Option<Vec<String>>,
    /// `true` enables it again (and clears `disabled_reason`).
    #[serde(default)]
    #[schema(nullable = false)]
    pub enabled: Option<bool>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 500)]
    pub description: Option<Option<String>>,
}

impl input::Rules for WebhookPatch {
    fn check(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
        input::named_once(body, "events", errors);
    }
}

#[derive(Serialize, ToSchema)]
pub struct WebhookList {
    pub items: Vec<Webhook>,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone, PartialEq)]
#[diesel(table_name = webhooks, treat_none_as_default_value = false)]
pub struct WebhookRow {
    pub id: String,
    pub user_id: String,
    pub url: String,
    pub description: Option<String>,
    /// JSON list.
    pub events: String,
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_expires_at: Option<i64>,
    /// The last change of the user's feed turned into deliveries.
    pub cursor_seq: i64,
    /// Since when every delivery has failed (none since succeeded).
    pub failing_since: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl WebhookRow {
    pub fn events(&self) -> Vec<String> {
        serde_json::from_str(&self.events).unwrap_or_default()
    }

    pub fn to_api(&self, now: i64) -> Webhook {
        Webhook {
            id: self.id.clone(),
            url: self.url.clone(),
            description: self.description.clone(),
            events: self.events(),
            enabled: self.enabled,
            disabled_reason: self.disabled_reason.clone(),
            previous_secret_expires_at: self
                .previous_secret_expires_at
                .filter(|t| *t > now)
                .map(Timestamp),
            created_at: Timestamp(self.created_at),
            updated_at: Timestamp(self.updated_at),
        }
    }

    /// The secrets that sign now: the current one, and the one before a
    /// rotation for 24 hours.
    pub fn signing_secrets(&self, now: i64) -> Vec<&str> {
        let mut out = vec![self.secret.as_str()];
        if let (Some(previous), Some(until)) =
            (&self.previous_secret, self.previous_secret_expires_at)
        {
            if until > now {
                out.push(previous);
            }
        }
        out
    }
}

/// Where a delivery stands.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Waiting for its first attempt or its next retry.
    Pending,
    /// The endpoint answered 2xx.
    Delivered,
    /// Every attempt failed, or the endpoint was disabled.
    Failed,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Pending => "pending",
            DeliveryStatus::Delivered => "delivered",
            DeliveryStatus::Failed => "failed",
        }
    }
}

/// One event sent (or to be sent) to a webhook.
#[derive(Serialize, ToSchema, Debug)]
pub struct Delivery {
    /// Also its `webhook-id` header: the same on every attempt.
    pub id: String,
    #[schema(example = "contact.created")]
    pub event: String,
    #[schema(inline)]
    pub status: DeliveryStatus,
    pub attempts: i32,
    /// The last answer's status code; `null` without one (a timeout, a
    /// refused connection).
    #[schema(example = 200)]
    pub last_status_code: Option<i32>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_attempt_at: Option<Timestamp>,
    /// The first 1 KiB of the last answer's body.
    pub last_response: Option<String>,
    /// Why the last attempt failed, when no answer says it.
    #[schema(example = json!(null))]
    pub last_error: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub next_attempt_at: Option<Timestamp>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
}

#[derive(Serialize, ToSchema)]
pub struct DeliveryPage {
    pub items: Vec<Delivery>,
    pub next_cursor: Option<String>,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone)]
#[diesel(table_name = webhook_deliveries, treat_none_as_default_value = false)]
pub struct DeliveryRow {
    pub id: String,
    pub user_id: String,
    pub webhook_id: String,
    pub event: String,
    /// The body sent, as sent on every attempt.
    pub payload: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: Option<i64>,
    pub last_status_code: Option<i32>,
    pub last_attempt_at: Option<i64>,
    pub last_response: Option<String>,
    pub last_error: Option<String>,
    /// Held by one process while it sends it, until then.
    pub lease_until: Option<i64>,
    pub created_at: i64,
}

impl DeliveryRow {
    pub fn to_api(&self) -> Delivery {
        Delivery {
            id: self.id.clone(),
            event: self.event.clone(),
            status: match self.status.as_str() {
                "delivered" => DeliveryStatus::Delivered,
                "failed" => DeliveryStatus::Failed,
                _ => DeliveryStatus::Pending,
            },
            attempts: self.attempts,
            last_status_code: self.last_status_code,
            last_attempt_at: self.last_attempt_at.map(Timestamp),
            last_response: self.last_response.clone(),
            last_error: self.last_error.clone(),
            next_attempt_at: self.next_attempt_at.map(Timestamp),
            created_at: Timestamp(self.created_at),
        }
    }
}

#[derive(IntoParams, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct DeliveryParams {
    /// Only deliveries in this state.
    #[param(inline)]
    pub status: Option<DeliveryStatus>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}
