//! Reminders as webhook events: `agenda.contact_overdue`,
//! `agenda.follow_up_due`, `agenda.promise_due` and `agenda.birthday`,
//! each sent once per item and occurrence, on the day it becomes due in the
//! user's time zone (the agenda read at the user's wall-clock time, so its
//! days are theirs). Items that fell due more than a week ago are not sent
//! (a new webhook does not replay a long backlog).

use chrono::NaiveDate;
use diesel::prelude::*;

use super::model::{subscribed, WebhookRow};
use super::service::{new_delivery, payload};
use super::store;
use crate::agenda::model::ItemType;
use crate::db::schema::webhook_reminders as wr;
use crate::db::DbConn;
use crate::domain::Result;
use crate::time::{self, Micros};

/// The agenda's events, and the item types they come from.
const EVENTS: [(&str, ItemType); 4] = [
    ("agenda.contact_overdue", ItemType::Overdue),
    ("agenda.follow_up_due", ItemType::FollowUp),
    ("agenda.promise_due", ItemType::PromiseDue),
    ("agenda.birthday", ItemType::Birthday),
];

/// How far back an item may have fallen due and still be sent.
const BACKLOG_DAYS: i64 = 7;

/// Whether `hook` takes any reminder.
pub fn wants_reminders(hook: &WebhookRow) -> bool {
    let events = hook.events();
    hook.enabled && EVENTS.iter().any(|(e, _)| subscribed(&events, e))
}

/// The user's wall-clock time now, as if it were UTC: the agenda's days
/// are then the user's.
fn local_now(conn: &mut DbConn, user_id: &str, now: Micros) -> Result<Micros> {
    let zone = crate::auth::store::user_by_id(conn, user_id)?
        .and_then(|u| u.time_zone.parse::<chrono_tz::Tz>().ok())
        .unwrap_or(chrono_tz::UTC);
    let local = time::to_datetime(now).with_timezone(&zone).naive_local();
    Ok(local.and_utc().timestamp_micros())
}

/// Queues the reminders that fell due for the user and were not sent yet;
/// how many events it queued.
pub fn queue_due(conn: &mut DbConn, user_id: &str, now: Micros) -> Result<usize> {
    let hooks: Vec<WebhookRow> = store::list(conn, user_id)?
        .into_iter()
        .filter(wants_reminders)
        .collect();
    if hooks.is_empty() {
        return Ok(0);
    }
    let local = local_now(conn, user_id, now)?;
    let today = crate::agenda::store::date_of(local);
    let (items, _) = crate::agenda::store::agenda(conn, user_id, local, 1, 500)?;
    let mut queued = 0;
    for item in items {
        let Some((event, _)) = EVENTS.iter().find(|(_, t)| *t == item.type_) else {
            continue;
        };
        let Ok(date) = NaiveDate::parse_from_str(&item.date, "%Y-%m-%d") else {
            continue;
        };
        let due = match item.type_ {
            ItemType::Birthday => date == today,
            _ => date <= today && (today - date).num_days() <= BACKLOG_DAYS,
        };
        if !due {
            continue;
        }
        let source = item
            .interaction_id
            .as_deref()
            .or(item.ledger_entry_id.as_deref())
            .unwrap_or(&item.contact_id);
        let key = format!("{event}:{source}:{date}");
        if !remember(conn, user_id, &key, now)? {
            continue;
        }
        let data = serde_json::to_string(&item).unwrap_or_else(|_| "{}".into());
        for hook in &hooks {
            if !subscribed(&hook.events(), event) {
                continue;
            }
            let body = payload(event, now, &data, &item.contact_id);
            store::insert_delivery(conn, &new_delivery(hook, event, body, now))?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// Notes a reminder as sent; `false` when it was already.
fn remember(conn: &mut DbConn, user_id: &str, key: &str, now: Micros) -> Result<bool> {
    let sent: i64 = wr::table
        .filter(wr::user_id.eq(user_id))
        .filter(wr::reminder_key.eq(key))
        .count()
        .get_result(conn)?;
    if sent > 0 {
        return Ok(false);
    }
    diesel::insert_into(wr::table)
        .values((
            wr::user_id.eq(user_id),
            wr::reminder_key.eq(key),
            wr::sent_at.eq(now),
        ))
        .execute(conn)?;
    Ok(true)
}
