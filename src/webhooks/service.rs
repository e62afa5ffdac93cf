//! The rules of webhooks: at most 20 per user; a new one takes the changes
//! made after it; the secret is shown once and a rotation keeps the old one
//! signing for 24 hours; each change of the user's feed becomes a delivery
//! for every enabled webhook subscribed to its event; an attempt's outcome
//! decides the next (the retry schedule, `Retry-After`, `410` and five days
//! of failures disabling the endpoint).

use std::time::Duration;

use super::model::{
    subscribed, DeliveryRow, DeliveryStatus, WebhookCreate, WebhookPatch, WebhookRow,
};
use super::{signature, store};
use crate::db::DbConn;
use crate::domain::{Error, Result};
use crate::ids;
use crate::time::{self, Micros, DAY};

/// The most webhooks one user keeps.
pub const MAX_WEBHOOKS: i64 = 20;

/// How long the secret before a rotation still signs.
pub const ROTATION_OVERLAP: Micros = DAY;

/// The waits before each retry (then the delivery fails).
pub const RETRIES: [Duration; 7] = [
    Duration::from_secs(5),
    Duration::from_secs(5 * 60),
    Duration::from_secs(30 * 60),
    Duration::from_secs(2 * 3600),
    Duration::from_secs(5 * 3600),
    Duration::from_secs(10 * 3600),
    Duration::from_secs(10 * 3600),
];

/// An endpoint failing this long is disabled.
pub const FAILING_FOR: Micros = 5 * DAY;

/// The largest payload; a resource larger than this is sent as its id.
pub const MAX_PAYLOAD: usize = 20 * 1024;

fn json_list(events: &[String]) -> String {
    serde_json::to_string(events).unwrap_or_else(|_| "[]".into())
}

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<WebhookRow> {
    store::find(conn, user_id, id)?.ok_or(Error::NotFound)
}

/// A new webhook (its URL already checked) and its secret.
pub fn create(conn: &mut DbConn, user_id: &str, new: WebhookCreate) -> Result<WebhookRow> {
    if store::count(conn, user_id)? >= MAX_WEBHOOKS {
        return Err(Error::Conflict(
            "too_many_webhooks",
            "at most 20 webhooks per account: delete one first",
        ));
    }
    let now = time::now();
    let row = WebhookRow {
        id: ids::new_id(),
        user_id: user_id.to_string(),
        url: new.url,
        description: new.description,
        events: json_list(&new.events),
        enabled: true,
        disabled_reason: None,
        secret: signature::new_secret(),
        previous_secret: None,
        previous_secret_expires_at: None,
        cursor_seq: crate::changes::store::last_change(conn, user_id)?,
        failing_since: None,
        created_at: now,
        updated_at: now,
    };
    store::insert(conn, &row)?;
    Ok(row)
}

/// Applies a patch (its URL already checked). Enabling a disabled webhook
/// clears why it was disabled and starts it from the changes made after.
pub fn update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    patch: WebhookPatch,
) -> Result<WebhookRow> {
    let mut row = get(conn, user_id, id)?;
    let before = row.clone();
    if let Some(url) = patch.url {
        row.url = url;
    }
    if let Some(events) = patch.events {
        row.events = json_list(&events);
    }
    if let Some(description) = patch.description {
        row.description = description;
    }
    match patch.enabled {
        Some(true) if !row.enabled => {
            row.enabled = true;
            row.disabled_reason = None;
            row.failing_since = None;
            row.cursor_seq = crate::changes::store::last_change(conn, user_id)?;
        }
        Some(false) => row.enabled = false,
        _ => {}
    }
    if row != before {
        row.updated_at = time::now().max(row.updated_at + 1);
        store::update(conn, &row)?;
    }
    Ok(row)
}

pub fn delete(conn: &mut DbConn, user_id: &str, id: &str) -> Result<()> {
    match store::delete(conn, user_id, id)? {
        true => Ok(()),
        false => Err(Error::NotFound),
    }
}

/// A new secret; the one it replaces keeps signing for 24 hours.
pub fn rotate(conn: &mut DbConn, user_id: &str, id: &str) -> Result<WebhookRow> {
    let mut row = get(conn, user_id, id)?;
    let now = time::now();
    row.previous_secret = Some(std::mem::replace(&mut row.secret, signature::new_secret()));
    row.previous_secret_expires_at = Some(now + ROTATION_OVERLAP);
    row.updated_at = now.max(row.updated_at + 1);
    store::update(conn, &row)?;
    Ok(row)
}

/// The body of one event: `{type, timestamp, data}`, `data` written as
/// stored (a resource above `MAX_PAYLOAD` is sent as its id).
pub fn payload(event: &str, at: Micros, data: &str, id: &str) -> String {
    let data = match data.len() > MAX_PAYLOAD - 200 {
        true => serde_json::json!({"id": id, "truncated": true}).to_string(),
        false => data.to_string(),
    };
    let head = serde_json::json!({"type": event, "timestamp": time::rfc3339(at)}).to_string();
    // `{"type":…,"timestamp":…` + `,"data":…}`
    format!("{},\"data\":{data}}}", &head[..head.len() - 1])
}

pub fn new_delivery(hook: &WebhookRow, event: &str, payload: String, now: Micros) -> DeliveryRow {
    DeliveryRow {
        id: ids::new_id(),
        user_id: hook.user_id.clone(),
        webhook_id: hook.id.clone(),
        event: event.to_string(),
        payload,
        status: DeliveryStatus::Pending.as_str().to_string(),
        attempts: 0,
        next_attempt_at: Some(now),
        last_status_code: None,
        last_attempt_at: None,
        last_response: None,
        last_error: None,
        lease_until: None,
        created_at: now,
    }
}

/// Queues a `webhook.test` event.
pub fn test(conn: &mut DbConn, user_id: &str, id: &str) -> Result<DeliveryRow> {
    let hook = get(conn, user_id, id)?;
    let now = time::now();
    let data = serde_json::json!({
        "webhook_id": hook.id,
        "message": "a test event from kith: this endpoint receives and verifies webhooks",
    });
    let row = new_delivery(
        &hook,
        "webhook.test",
        payload("webhook.test", now, &data.to_string(), &hook.id),
        now,
    );
    store::insert_delivery(conn, &row)?;
    Ok(row)
}

/// The event a change of the feed is: `<resource>.<created|updated|
/// deleted|restored|merged>`.
fn event_of(resource: &str, data: Option<&str>, recorded: Option<&str>) -> String {
    #[derive(serde::Deserialize)]
    struct Versioned {
        version: Option<i64>,
    }
    let action = match (recorded, data) {
        (Some(e), _) => e,
        (None, None) => "deleted",
        (None, Some(d)) => match serde_json::from_str::<Versioned>(d) {
            Ok(Versioned { version: Some(1) }) => "created",
            _ => "updated",
        },
    };
    format!("{resource}.{action}")
}

/// How many changes one pass turns into deliveries per webhook.
const FAN_OUT_BATCH: i64 = 200;

/// Turns the changes a webhook has not taken yet into its deliveries and
/// moves its cursor past them (in the user's write, so that two processes
/// never take the same changes). Returns how many deliveries it queued.
pub fn fan_out(conn: &mut DbConn, user_id: &str, webhook_id: &str) -> Result<usize> {
    let Some(mut hook) = store::find(conn, user_id, webhook_id)? else {
        return Ok(0);
    };
    if !hook.enabled {
        return Ok(0);
    }
    let events = hook.events();
    let changes = store::changes_after(conn, user_id, hook.cursor_seq, FAN_OUT_BATCH)?;
    let now = time::now();
    let mut queued = 0;
    for (seq, resource, id, data, recorded, at) in &changes {
        let event = event_of(resource, data.as_deref(), recorded.as_deref());
        hook.cursor_seq = *seq;
        if !subscribed(&events, &event) {
            continue;
        }
        let data = match (data, recorded.as_deref()) {
            (Some(d), _) => d.clone(),
            (None, Some("merged")) => serde_json::json!({
                "id": id,
                "merged_into": store::merged_into(conn, user_id, id)?,
            })
            .to_string(),
            (None, _) => serde_json::json!({ "id": id }).to_string(),
        };
        store::insert_delivery(
            conn,
            &new_delivery(&hook, &event, payload(&event, *at, &data, id), now),
        )?;
        queued += 1;
    }
    if !changes.is_empty() {
        store::update(conn, &hook)?;
    }
    Ok(queued)
}

/// What one attempt came to.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    /// The answer's status, when there was one.
    pub status: Option<u16>,
    /// The first 1 KiB of its body.
    pub body: Option<String>,
    /// Why there was no answer (or it was refused before sending).
    pub error: Option<String>,
    /// The answer's `Retry-After`, in seconds.
    pub retry_after: Option<u64>,
}

impl Attempt {
    fn delivered(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// The wait before retry number `n` (from 1), ±10%, at least what the
/// endpoint asked for (up to a day); `None` once the retries are spent.
pub fn next_wait(n: usize, retry_after: Option<u64>, jitter: f64) -> Option<Duration> {
    let base = *RETRIES.get(n.checked_sub(1)?)?;
    let jittered = base.mul_f64(1.0 + 0.2 * (jitter.clamp(0.0, 1.0) - 0.5));
    let asked = Duration::from_secs(retry_after.unwrap_or(0).min(86_400));
    Some(jittered.max(asked))
}

/// Records an attempt's outcome: the delivery is delivered, retried or
/// failed; the webhook's failing streak moves, and a `410` or five days of
/// failures disable it (what it had pending fails with it).
pub fn record_attempt(
    conn: &mut DbConn,
    mut delivery: DeliveryRow,
    attempt: Attempt,
    now: Micros,
) -> Result<DeliveryRow> {
    let Some(mut hook) = store::by_id(conn, &delivery.webhook_id)? else {
        return Ok(delivery);
    };
    delivery.attempts += 1;
    delivery.last_attempt_at = Some(now);
    delivery.last_status_code = attempt.status.map(i32::from);
    delivery.last_response = attempt.body.clone();
    delivery.last_error = attempt.error.clone();
    let mut disable = None;
    if attempt.delivered() {
        delivery.status = DeliveryStatus::Delivered.as_str().into();
        delivery.next_attempt_at = None;
        hook.failing_since = None;
    } else {
        let since = *hook.failing_since.get_or_insert(now);
        if attempt.status == Some(410) {
            disable = Some("the endpoint answered 410 Gone".to_string());
        } else if now - since >= FAILING_FOR {
            disable = Some("every delivery failed for five days".to_string());
        }
        let jitter = (ids::random_bytes(1)[0] as f64) / 255.0;
        match (
            &disable,
            next_wait(delivery.attempts as usize, attempt.retry_after, jitter),
        ) {
            (None, Some(wait)) => {
                delivery.next_attempt_at = Some(now + wait.as_micros() as i64);
            }
            _ => {
                delivery.status = DeliveryStatus::Failed.as_str().into();
                delivery.next_attempt_at = None;
            }
        }
    }
    store::finish(conn, &delivery)?;
    if let Some(why) = disable {
        hook.enabled = false;
        hook.disabled_reason = Some(why.clone());
        hook.updated_at = now.max(hook.updated_at + 1);
        store::fail_pending(conn, &hook.id, &format!("not sent: {why}"))?;
    }
    store::update(conn, &hook)?;
    Ok(delivery)
}

pub fn deliveries(
    conn: &mut DbConn,
    user_id: &str,
    webhook_id: &str,
    status: Option<DeliveryStatus>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<DeliveryRow>> {
    get(conn, user_id, webhook_id)?;
    Ok(store::deliveries(
        conn,
        user_id,
        webhook_id,
        status.map(DeliveryStatus::as_str),
        after,
        limit,
    )?)
}

/// Sends a delivery again now; a `409` while the webhook is disabled.
pub fn retry(conn: &mut DbConn, user_id: &str, webhook_id: &str, id: &str) -> Result<DeliveryRow> {
    let hook = get(conn, user_id, webhook_id)?;
    if !hook.enabled {
        return Err(Error::Conflict(
            "webhook_disabled",
            "the webhook is disabled: enable it first (PATCH enabled=true)",
        ));
    }
    store::find_delivery(conn, user_id, webhook_id, id)?.ok_or(Error::NotFound)?;
    store::retry(conn, id, time::now())?;
    store::find_delivery(conn, user_id, webhook_id, id)?.ok_or(Error::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_follow_the_schedule_with_jitter_and_retry_after() {
        let secs = |n, after, j| next_wait(n, after, j).map(|d| d.as_secs_f64());
        assert_eq!(secs(1, None, 0.5), Some(5.0));
        assert_eq!(secs(1, None, 0.0), Some(4.5));
        assert_eq!(secs(2, None, 1.0), Some(330.0));
        assert_eq!(secs(7, None, 0.5), Some(36_000.0));
        assert_eq!(secs(8, None, 0.5), None);
        assert_eq!(secs(1, Some(120), 0.5), Some(120.0));
        assert_eq!(secs(1, Some(10_000_000), 0.5), Some(86_400.0));
    }

    #[test]
    fn a_change_is_its_resource_and_what_happened() {
        assert_eq!(
            event_of("contact", Some(r#"{"id":"a","version":1}"#), None),
            "contact.created"
        );
        assert_eq!(
            event_of("contact", Some(r#"{"version":3}"#), None),
            "contact.updated"
        );
        assert_eq!(
            event_of("tag", Some(r#"{"name":"x"}"#), None),
            "tag.updated"
        );
        assert_eq!(event_of("interaction", None, None), "interaction.deleted");
        assert_eq!(event_of("contact", None, Some("merged")), "contact.merged");
        assert_eq!(
            event_of("contact", Some("{}"), Some("restored")),
            "contact.restored"
        );
    }

    #[test]
    fn a_payload_is_type_timestamp_and_data_and_a_large_one_is_its_id() {
        let p: serde_json::Value =
            serde_json::from_str(&payload("contact.created", 0, r#"{"id":"c1"}"#, "c1")).unwrap();
        assert_eq!(
            p,
            serde_json::json!({"type": "contact.created", "timestamp": "1970-01-01T00:00:00.000000Z", "data": {"id": "c1"}})
        );
        let big = format!(r#"{{"notes":"{}"}}"#, "x".repeat(30_000));
        let p = payload("contact.updated", 0, &big, "c1");
        assert!(p.len() < 200, "{p}");
        assert!(p.contains(r#""truncated":true"#));
    }
}
