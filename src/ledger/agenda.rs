//! The ledger's items on the agenda: promises due, favors to return, asks
//! to nudge.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::agenda::model::{AgendaItem, ItemType};
use crate::db::schema::{contacts as c, ledger_balances as lb, ledger_entries as le};
use crate::db::DbConn;

/// Days without giving after which a negative balance asks to be returned.
pub const RETURN_AFTER_DAYS: i64 = 90;

fn when(date: NaiveDate, today: NaiveDate) -> (Option<i64>, Option<i64>) {
    let delta = (date - today).num_days();
    ((delta < 0).then_some(-delta), (delta >= 0).then_some(delta))
}

fn by(date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => "today".into(),
        1 => "tomorrow".into(),
        d if d < 0 => format!("by {} ({} days ago)", date.format("%-d %B"), -d),
        _ => format!("by {}", date.format("%A %-d %B")),
    }
}

pub fn items(
    conn: &mut DbConn,
    user_id: &str,
    today: NaiveDate,
    end: NaiveDate,
    limit: i64,
) -> QueryResult<Vec<AgendaItem>> {
    let mut out = Vec::new();
    // Promises due by the end of the window, and asks already past due: two
    // walks of (user_id, status, due_on) in due order.
    for (direction, before) in [("given", end), ("received", today)] {
        let open: Vec<(String, String, String, String, String)> = le::table
            .inner_join(c::table)
            .filter(le::user_id.eq(user_id))
            .filter(le::status.eq("open"))
            .filter(le::due_on.lt(before.to_string()))
            .filter(le::direction.eq(direction))
            .filter(c::trashed_at.is_null())
            .order(le::due_on.asc())
            .select((
                le::id,
                le::contact_id,
                c::display_name,
                le::description,
                le::due_on.assume_not_null(),
            ))
            .limit(limit)
            .load(conn)?;
        for (id, contact_id, name, description, due) in open {
            let Ok(date) = NaiveDate::parse_from_str(&due, "%Y-%m-%d") else {
                continue;
            };
            let (days_overdue, days_until) = when(date, today);
            let (type_, reason) = if direction == "given" {
                (
                    ItemType::PromiseDue,
                    format!(
                        "you told {name} you would: {description}, {}",
                        by(date, today)
                    ),
                )
            } else {
                (
                    ItemType::AskPending,
                    format!(
                        "you asked {name}: {description}; it was due {} — a polite nudge?",
                        date.format("%-d %B")
                    ),
                )
            };
            out.push(AgendaItem {
                type_,
                contact_id,
                display_name: name,
                date: due,
                days_overdue,
                days_until,
                reason,
                interaction_id: None,
                ledger_entry_id: Some(id),
                introduction_id: None,
                need_id: None,
                other_contact_id: None,
            });
        }
    }

    let quiet_since = (today - chrono::Duration::days(RETURN_AFTER_DAYS)).to_string();
    let owed: Vec<(String, String, i32, Option<String>)> = lb::table
        .inner_join(c::table)
        .filter(lb::user_id.eq(user_id))
        .filter(lb::balance.lt(0))
        .filter(
            lb::last_given_on
                .is_null()
                .or(lb::last_given_on.lt(quiet_since)),
        )
        .filter(c::trashed_at.is_null())
        .filter(c::archived.eq(false))
        .order((lb::balance.asc(), lb::contact_id.asc()))
        .select((
            lb::contact_id,
            c::display_name,
            lb::balance,
            lb::last_given_on,
        ))
        .limit(limit)
        .load(conn)?;
    for (contact_id, name, balance, last_given) in owed {
        let since = match last_given {
            Some(d) => format!("you last did something for them on {d}"),
            None => "you have never done anything for them".into(),
        };
        out.push(AgendaItem {
            type_: ItemType::FavorToReturn,
            contact_id,
            display_name: name.clone(),
            date: today.to_string(),
            days_overdue: None,
            days_until: Some(0),
            reason: format!(
                "{name} has done {} more for you than you for them; {since}",
                -balance
            ),
            interaction_id: None,
            ledger_entry_id: None,
            introduction_id: None,
            need_id: None,
            other_contact_id: None,
        });
    }
    Ok(out)
}
