//! The agenda's paying-it-forward items: asks you can help with
//! (`can_help`), contacts who should meet (`intro_suggestion`, at most three
//! a week) and asks about to expire (`need_expiring`).

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::service::{self, MatchFilter};
use super::store;
use crate::agenda::model::{AgendaItem, ItemType};
use crate::db::DbConn;
use crate::time::{self, Micros};

/// The best matches of your offers with contacts' asks the agenda shows.
pub const CAN_HELP: usize = 5;
/// Introduction suggestions a week.
pub const INTROS_A_WEEK: i64 = 3;

fn item(
    type_: ItemType,
    contact_id: String,
    name: String,
    date: NaiveDate,
    today: NaiveDate,
) -> AgendaItem {
    AgendaItem {
        type_,
        contact_id,
        display_name: name,
        date: date.to_string(),
        days_overdue: None,
        days_until: Some((date - today).num_days().max(0)),
        reason: String::new(),
        interaction_id: None,
        ledger_entry_id: None,
        introduction_id: None,
        need_id: None,
        other_contact_id: None,
    }
}

pub fn items(
    conn: &mut DbConn,
    user_id: &str,
    now: Micros,
    end: NaiveDate,
    limit: i64,
) -> QueryResult<Vec<AgendaItem>> {
    let today = time::to_datetime(now).date_naive();
    let mut out = Vec::new();
    let mine = MatchFilter {
        offers_mine: Some(true),
        asks_mine: Some(false),
        ..MatchFilter::default()
    };
    let (matches, _) = service::matches(conn, user_id, now, &mine, CAN_HELP)?;
    for m in matches {
        let Some(contact) = m.asker.id.clone() else {
            continue;
        };
        let mut i = item(
            ItemType::CanHelp,
            contact,
            m.asker.display_name.clone(),
            today,
            today,
        );
        let why = m
            .reasons
            .first()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        i.reason = format!(
            "asks for “{}”; you offer “{}”{why}",
            m.ask.topic, m.offer.topic
        );
        i.need_id = Some(m.ask.id);
        out.push(i);
    }

    let monday = today - chrono::Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let left = INTROS_A_WEEK - store::acted_since(conn, user_id, time::start_of(monday))?;
    if left > 0 {
        let (pairs, _) = service::suggestions(conn, user_id, None, left as usize)?;
        for s in pairs {
            let (Some(a), Some(b)) = (s.a.id.clone(), s.b.id.clone()) else {
                continue;
            };
            let mut i = item(
                ItemType::IntroSuggestion,
                a,
                s.a.display_name.clone(),
                today,
                today,
            );
            i.reason = format!(
                "introduce {} to {}: {}",
                s.a.display_name,
                s.b.display_name,
                s.reasons.join("; ")
            );
            i.other_contact_id = Some(b);
            out.push(i);
        }
    }

    for (need, contact, name, topic, until) in
        crate::needs::store::expiring(conn, user_id, &today.to_string(), &end.to_string(), limit)?
    {
        let Ok(date) = NaiveDate::parse_from_str(&until, "%Y-%m-%d") else {
            continue;
        };
        let mut i = item(ItemType::NeedExpiring, contact, name, date, today);
        let days = (date - today).num_days();
        let when = match days {
            0 => "today".to_string(),
            1 => "tomorrow".to_string(),
            n => format!("in {n} days"),
        };
        i.reason = format!(
            "asks for “{topic}” until {} ({when})",
            date.format("%-d %B")
        );
        i.need_id = Some(need);
        out.push(i);
    }
    Ok(out)
}
