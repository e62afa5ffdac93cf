//! The agenda as an iCalendar feed (RFC 5545) that calendar apps subscribe
//! to, behind an unguessable read-only secret stored only as a hash.

use diesel::prelude::*;
use icalendar::{Calendar, Component, Event, EventLike};

use super::model::{AgendaItem, ItemType};
use crate::db::schema::agenda_feeds;
use crate::db::DbConn;
use crate::{ids, time};

/// Days of agenda a feed carries.
pub const FEED_DAYS: i64 = 60;

/// A new feed secret for the user, replacing any earlier one.
pub fn rotate(conn: &mut DbConn, user_id: &str) -> QueryResult<String> {
    let secret = ids::random_secret(32);
    diesel::delete(agenda_feeds::table.find(user_id)).execute(conn)?;
    diesel::insert_into(agenda_feeds::table)
        .values((
            agenda_feeds::user_id.eq(user_id),
            agenda_feeds::secret_hash.eq(ids::sha256_hex(secret.as_bytes())),
            agenda_feeds::created_at.eq(time::now()),
        ))
        .execute(conn)?;
    Ok(secret)
}

pub fn revoke(conn: &mut DbConn, user_id: &str) -> QueryResult<()> {
    diesel::delete(agenda_feeds::table.find(user_id)).execute(conn)?;
    Ok(())
}

/// The user a feed secret belongs to.
pub fn owner(conn: &mut DbConn, secret: &str) -> QueryResult<Option<String>> {
    agenda_feeds::table
        .filter(agenda_feeds::secret_hash.eq(ids::sha256_hex(secret.as_bytes())))
        .select(agenda_feeds::user_id)
        .first(conn)
        .optional()
}

/// The calendar: one all-day event per item, with a stable UID so that
/// calendar apps update events instead of duplicating them.
pub fn render(items: &[AgendaItem], now: chrono::DateTime<chrono::Utc>) -> String {
    let mut cal = Calendar::new();
    cal.name("kith agenda");
    for item in items {
        let Ok(date) = chrono::NaiveDate::parse_from_str(&item.date, "%Y-%m-%d") else {
            continue;
        };
        // Something overdue belongs on today's page of a calendar, not on a
        // day already gone by.
        let date = date.max(now.date_naive());
        let kind = serde_json::to_value(item.type_)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        // What the item stems from, so that two items of one kind for one
        // contact are two events (a meeting: its day).
        let source = item
            .interaction_id
            .as_deref()
            .or(item.ledger_entry_id.as_deref())
            .or(item.introduction_id.as_deref())
            .or(item.need_id.as_deref())
            .or(item.other_contact_id.as_deref())
            .or((item.type_ == ItemType::MeetingUpcoming).then_some(item.date.as_str()))
            .unwrap_or("-");
        let uid = format!("{kind}-{}-{source}@kith", item.contact_id);
        cal.push(
            Event::new()
                .uid(&uid)
                .timestamp(now)
                .summary(&format!(
                    "{}: {}",
                    item.display_name,
                    kind.replace('_', " ")
                ))
                .description(&item.reason)
                .starts(date)
                .ends(date + chrono::Duration::days(1))
                .done(),
        );
    }
    cal.done().to_string()
}
