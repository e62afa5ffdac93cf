//! The rules of captures: a message with a participant (other than the
//! user's own addresses) among the user's contacts, by email ignoring case,
//! is one `email` interaction with every such contact, `outbound` when the
//! user sent it; the same message twice is logged once; a capture is kept
//! with what it logged and can be undone. Addresses that matched no contact
//! are counted for the suggestions.

use std::collections::BTreeSet;

use super::model::{Capture, CaptureRow, Collapse, MessageIn, Suggestion};
use super::store;
use crate::contacts::search::email_key;
use crate::db::DbConn;
use crate::domain::{Error, Expected, Result};
use crate::interactions::model::{Direction, InteractionCreate, InteractionKind};
use crate::interactions::service as interactions;
use crate::time::{self, Timestamp};
use crate::{ids, input};

/// The user's own addresses: those stored, or the login email.
pub fn addresses(conn: &mut DbConn, user_id: &str) -> Result<Vec<String>> {
    let stored = store::addresses(conn, user_id)?;
    if !stored.is_empty() {
        return Ok(stored);
    }
    let user = crate::auth::store::user_by_id(conn, user_id)?.ok_or(Error::NotFound)?;
    Ok(vec![email_key(&user.email)])
}

pub fn set_addresses(conn: &mut DbConn, user_id: &str, emails: &[String]) -> Result<Vec<String>> {
    let keys: BTreeSet<String> = emails.iter().map(|e| email_key(e)).collect();
    let keys: Vec<String> = keys.into_iter().collect();
    store::set_addresses(conn, user_id, &keys)?;
    Ok(keys)
}

/// The longest summary an interaction takes.
const MAX_SUMMARY: usize = 500;

/// Logs `messages` as interactions; the capture as kept, with them.
pub fn messages(
    conn: &mut DbConn,
    user_id: &str,
    messages: Vec<MessageIn>,
    store_subject: bool,
    collapse: Option<Collapse>,
) -> Result<Capture> {
    let mine: BTreeSet<String> = addresses(conn, user_id)?.into_iter().collect();
    let capture_id = ids::new_id();
    let now = time::now();
    let mut row = CaptureRow {
        id: capture_id.clone(),
        user_id: user_id.to_string(),
        kind: "messages".into(),
        created_at: now,
        undone_at: None,
        received: messages.len() as i32,
        logged: 0,
        duplicates: 0,
        unmatched: 0,
        interaction_ids: String::new(),
    };
    let mut logged = Vec::new();
    for m in messages {
        let at = input::parse_datetime(&m.date)
            .map_err(|_| Error::field("date", "invalid_format", "not a date-time"))?;
        let by_id = format!("id:{}", m.source_id);
        let by_thread = match (collapse, &m.thread_id) {
            (Some(Collapse::ThreadDay), Some(t)) => Some(format!("thread:{t}:{}", at.date_naive())),
            _ => None,
        };
        let mut seen = store::captured(conn, user_id, &by_id)?;
        if let (None, Some(key)) = (&seen, &by_thread) {
            seen = store::captured(conn, user_id, key)?;
        }
        if seen.is_some() {
            row.duplicates += 1;
            continue;
        }
        let from = email_key(&m.from.0);
        let others: BTreeSet<String> = std::iter::once(from.clone())
            .chain(m.to.iter().chain(&m.cc).map(|e| email_key(&e.0)))
            .filter(|e| !mine.contains(e))
            .collect();
        let others: Vec<String> = others.into_iter().collect();
        let holders = store::holders(conn, user_id, &others)?;
        let mut contact_ids: Vec<String> = Vec::new();
        for (_, id) in &holders {
            if !contact_ids.contains(id) {
                contact_ids.push(id.clone());
            }
        }
        let at = at.timestamp_micros();
        for e in others
            .iter()
            .filter(|e| !holders.iter().any(|(h, _)| h == *e))
        {
            store::seen_unmatched(conn, user_id, e, at)?;
        }
        if contact_ids.is_empty() {
            row.unmatched += 1;
            continue;
        }
        // An interaction names at most 50 contacts: the first 50 by email.
        contact_ids.truncate(50);
        let subject = m.subject.as_deref().map(str::trim).unwrap_or_default();
        let summary = match store_subject && !subject.is_empty() {
            true => subject.chars().take(MAX_SUMMARY).collect(),
            false => "Email".to_string(),
        };
        let direction = match mine.contains(&from) {
            true => Direction::Outbound,
            false => Direction::Inbound,
        };
        let interaction = interactions::create(
            conn,
            user_id,
            InteractionCreate {
                kind: InteractionKind::Email,
                direction,
                occurred_at: Some(time::rfc3339(at)),
                summary,
                notes: None,
                contact_ids,
                follow_up_on: None,
                counts_as_touch: true,
            },
        )?;
        for key in std::iter::once(&by_id).chain(&by_thread) {
            store::mark_captured(conn, user_id, key, &capture_id, &interaction.id)?;
        }
        row.logged += 1;
        logged.push(interaction);
    }
    let ids: Vec<&str> = logged.iter().map(|i| i.id.as_str()).collect();
    row.interaction_ids = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
    store::insert(conn, &row)?;
    let mut capture = row.to_api();
    capture.interactions = Some(logged.iter().map(|i| i.to_api()).collect());
    Ok(capture)
}

/// Undoes a capture: the interactions it logged that still stand are
/// deleted (the contacts' derived fields follow), and its messages may be
/// captured again. Undoing twice is a `409`.
pub fn undo(conn: &mut DbConn, user_id: &str, id: &str) -> Result<Capture> {
    let row = store::find(conn, user_id, id)?.ok_or(Error::NotFound)?;
    if !store::mark_undone(conn, user_id, id, time::now())? {
        return Err(Error::Conflict(
            "capture_undone",
            "this capture was already undone",
        ));
    }
    for interaction in row.to_api().interaction_ids {
        match interactions::delete(conn, user_id, &interaction, &Expected::Any) {
            Ok(()) | Err(Error::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    store::forget_captured(conn, user_id, id)?;
    let row = store::find(conn, user_id, id)?.ok_or(Error::NotFound)?;
    Ok(row.to_api())
}

pub fn suggestions(conn: &mut DbConn, user_id: &str, min_count: i32) -> Result<Vec<Suggestion>> {
    let mine: BTreeSet<String> = addresses(conn, user_id)?.into_iter().collect();
    Ok(
        store::suggestions(conn, user_id, min_count, 100 + mine.len() as i64)?
            .into_iter()
            .filter(|(email, ..)| !mine.contains(email))
            .take(100)
            .map(|(email, first, last, count)| Suggestion {
                email,
                first_seen: Timestamp(first),
                last_seen: Timestamp(last),
                count,
            })
            .collect(),
    )
}

pub fn dismiss(conn: &mut DbConn, user_id: &str, email: &str) -> Result<()> {
    Ok(store::dismiss(
        conn,
        user_id,
        &email_key(email),
        time::now(),
    )?)
}
