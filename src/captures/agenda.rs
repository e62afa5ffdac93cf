//! The captures' items on the agenda: meetings ahead with contacts, from
//! the calendars captured.

use diesel::prelude::*;

use super::store;
use crate::agenda::model::{AgendaItem, ItemType};
use crate::db::schema::contacts as c;
use crate::db::DbConn;
use crate::time::{self, Micros};

/// One `meeting_upcoming` item per contact of each event starting within
/// `now..end`, soonest first; at most `limit` events.
pub fn items(
    conn: &mut DbConn,
    user_id: &str,
    now: Micros,
    end: Micros,
    limit: i64,
) -> QueryResult<Vec<AgendaItem>> {
    let today = time::to_datetime(now).date_naive();
    let mut out = Vec::new();
    for event in store::upcoming(conn, user_id, now, end, limit)? {
        let ids: Vec<String> = serde_json::from_str(&event.contact_ids).unwrap_or_default();
        let people: Vec<(String, String)> = c::table
            .filter(c::user_id.eq(user_id))
            .filter(c::id.eq_any(&ids))
            .filter(c::trashed_at.is_null())
            .select((c::id, c::display_name))
            .order((c::display_name, c::id))
            .load(conn)?;
        let starts = time::to_datetime(event.starts_at);
        let until = (starts.date_naive() - today).num_days();
        for (id, name) in people {
            out.push(AgendaItem {
                type_: ItemType::MeetingUpcoming,
                contact_id: id,
                display_name: name,
                date: starts.date_naive().to_string(),
                days_overdue: None,
                days_until: Some(until),
                reason: format!("“{}” at {} UTC", event.summary, starts.format("%H:%M")),
                interaction_id: None,
                ledger_entry_id: None,
                introduction_id: None,
                need_id: None,
                other_contact_id: None,
            });
        }
    }
    Ok(out)
}
