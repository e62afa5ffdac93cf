//! The rules of captures: a message with a participant (other than the
//! user's own addresses) among the user's contacts, by email ignoring case,
//! is one `email` interaction with every such contact, `outbound` when the
//! user sent it; the same message twice is logged once; a capture is kept
//! with what it logged and can be undone. Addresses that matched no contact
//! are counted for the suggestions.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::calendar::EventIn;
use super::model::{
    Capture, CaptureFailure, CaptureRow, Collapse, MessageIn, PendingRow, Suggestion, UpcomingRow,
};
use super::store;
use crate::contacts::model::{ContactChanges, ContactRow, Email};
use crate::contacts::search::email_key;
use crate::contacts::service as contacts;
use crate::db::DbConn;
use crate::domain::{Error, Expected, Result};
use crate::interactions::model::{Direction, InteractionCreate, InteractionKind, InteractionRow};
use crate::interactions::service as interactions;
use crate::time::{self, Micros, Timestamp};
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

/// One message or calendar event as a capture logs it.
struct Sighting {
    /// Its own key, then (collapsed) the key of its thread and day.
    keys: Vec<String>,
    at: Micros,
    /// Who sent it (or organized it), as `email_key` writes it.
    sender: Option<String>,
    /// Everyone on it, the sender too.
    people: Vec<String>,
    names: BTreeMap<String, String>,
    kind: InteractionKind,
    summary: String,
}

/// A capture being made: its row, and what it logged.
struct Capturing {
    row: CaptureRow,
    mine: BTreeSet<String>,
    logged: Vec<InteractionRow>,
    /// Of the keys of what it captures, those captured already (before
    /// it, or by it).
    captured: HashSet<String>,
    /// The contacts outside the trash holding each address it names (none:
    /// not a contact's), in id order.
    holders: HashMap<String, Vec<String>>,
}

/// How many keys or addresses one lookup names.
const LOOKUP: usize = 500;

impl Capturing {
    /// A capture of `sightings` (and of the addresses in `upcoming`), with
    /// their keys and addresses looked up once for all.
    fn new(
        conn: &mut DbConn,
        user_id: &str,
        kind: &str,
        received: usize,
        now: Micros,
        sightings: &[Sighting],
        upcoming: &[&[String]],
    ) -> Result<Capturing> {
        let mut capture = Capturing {
            row: CaptureRow {
                id: ids::new_id(),
                user_id: user_id.to_string(),
                kind: kind.to_string(),
                created_at: now,
                undone_at: None,
                received: received as i32,
                logged: 0,
                duplicates: 0,
                unmatched: 0,
                interaction_ids: String::new(),
                upcoming: 0,
                failed: 0,
            },
            mine: addresses(conn, user_id)?.into_iter().collect(),
            logged: Vec::new(),
            captured: HashSet::new(),
            holders: HashMap::new(),
        };
        let keys: BTreeSet<&str> = sightings
            .iter()
            .flat_map(|s| s.keys.iter().map(String::as_str))
            .collect();
        let keys: Vec<&str> = keys.into_iter().collect();
        for chunk in keys.chunks(LOOKUP) {
            let seen = store::captured_among(conn, user_id, chunk)?;
            capture.captured.extend(seen);
        }
        let people: BTreeSet<&str> = sightings
            .iter()
            .flat_map(|s| s.people.iter())
            .chain(upcoming.iter().flat_map(|p| p.iter()))
            .filter(|e| !capture.mine.contains(*e))
            .map(String::as_str)
            .collect();
        let people: Vec<&str> = people.into_iter().collect();
        for chunk in people.chunks(LOOKUP) {
            for (email, id) in store::holders(conn, user_id, chunk)? {
                capture.holders.entry(email).or_default().push(id);
            }
        }
        Ok(capture)
    }

    /// Whether one of `keys` was captured already.
    fn seen(&self, keys: &[String]) -> bool {
        keys.iter().any(|k| self.captured.contains(k))
    }

    /// The contacts among `people` (not the user's own addresses), and
    /// the addresses that matched none (each looked up by `new`).
    fn match_people(&self, people: &[String]) -> (Vec<String>, Vec<String>) {
        let others: BTreeSet<&String> = people.iter().filter(|e| !self.mine.contains(*e)).collect();
        let mut contact_ids: Vec<String> = Vec::new();
        let mut unmatched = Vec::new();
        for email in others {
            match self.holders.get(email) {
                Some(ids) => {
                    for id in ids {
                        if !contact_ids.contains(id) {
                            contact_ids.push(id.clone());
                        }
                    }
                }
                None => unmatched.push(email.clone()),
            }
        }
        // An interaction names at most 50 contacts: the first 50 by email.
        contact_ids.truncate(50);
        (contact_ids, unmatched)
    }

    fn direction(&self, sender: Option<&String>) -> Direction {
        match sender {
            Some(s) if self.mine.contains(s) => Direction::Outbound,
            Some(_) => Direction::Inbound,
            None => Direction::Mutual,
        }
    }

    /// Logs one message or past event: an interaction with the contacts on
    /// it, unless it was captured already; the addresses that matched no
    /// contact are kept for the suggestions.
    fn log(&mut self, conn: &mut DbConn, s: Sighting) -> Result<()> {
        if self.seen(&s.keys) {
            self.row.duplicates += 1;
            return Ok(());
        }
        let user_id = self.row.user_id.clone();
        let (contact_ids, unmatched) = self.match_people(&s.people);
        let direction = self.direction(s.sender.as_ref());
        for email in &unmatched {
            let pending = PendingRow {
                user_id: user_id.clone(),
                email: email.clone(),
                source_key: s.keys[0].clone(),
                capture_id: self.row.id.clone(),
                occurred_at: s.at,
                kind: s.kind.as_str().to_string(),
                direction: direction.as_str().to_string(),
                summary: s.summary.clone(),
            };
            store::seen_unmatched(conn, &pending, s.names.get(email).map(String::as_str))?;
        }
        if contact_ids.is_empty() {
            self.row.unmatched += 1;
            return Ok(());
        }
        let interaction = interactions::insert_unrecorded(
            conn,
            &user_id,
            InteractionCreate {
                kind: s.kind,
                direction,
                occurred_at: Some(time::rfc3339(s.at)),
                summary: s.summary,
                notes: None,
                contact_ids,
                follow_up_on: None,
                counts_as_touch: true,
            },
        )?;
        for key in s.keys {
            store::mark_captured(conn, &user_id, &key, &self.row.id, &interaction.id)?;
            self.captured.insert(key);
        }
        self.row.logged += 1;
        self.logged.push(interaction);
        Ok(())
    }

    /// Refreshes the derived fields of every contact the capture touched
    /// (once each), stores the capture; as the API answers it, with what it
    /// logged.
    fn finish(mut self, conn: &mut DbConn) -> Result<Capture> {
        interactions::record_created(conn, &self.row.user_id, &self.logged)?;
        // Each contact's newest touch here (captures set no follow-ups).
        let mut touched: BTreeMap<String, Micros> = BTreeMap::new();
        for i in &self.logged {
            for id in i.participants() {
                let at = touched.entry(id).or_insert(i.occurred_at);
                *at = (*at).max(i.occurred_at);
            }
        }
        contacts::refresh_touched(conn, &self.row.user_id, &touched)?;
        let ids: Vec<&str> = self.logged.iter().map(|i| i.id.as_str()).collect();
        self.row.interaction_ids = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
        store::insert(conn, &self.row)?;
        let mut capture = self.row.to_api();
        capture.interactions = Some(self.logged.iter().map(|i| i.to_api()).collect());
        Ok(capture)
    }
}

fn summary(text: Option<&str>, store_subject: bool, otherwise: &str) -> String {
    let text = text.map(str::trim).unwrap_or_default();
    match store_subject && !text.is_empty() {
        true => text.chars().take(MAX_SUMMARY).collect(),
        false => otherwise.to_string(),
    }
}

/// Logs `messages` as interactions; the capture as kept, with them and
/// with the messages of a mailbox that could not be read (`failed`).
pub fn messages(
    conn: &mut DbConn,
    user_id: &str,
    messages: Vec<MessageIn>,
    failed: Vec<CaptureFailure>,
    store_subject: bool,
    collapse: Option<Collapse>,
) -> Result<Capture> {
    let received = messages.len() + failed.len();
    let now = time::now();
    let mut sightings = Vec::with_capacity(messages.len());
    for (n, m) in messages.into_iter().enumerate() {
        let field = format!("messages[{n}].date");
        let at = input::parse_datetime(&m.date)
            .map_err(|_| Error::field(&field, "invalid_format", "not a date-time"))?;
        // Checked here too for raw mail, which no schema read.
        if at.timestamp_micros() > now + time::DAY {
            return Err(Error::field(
                &field,
                "out_of_range",
                "must not be more than 24 hours in the future",
            ));
        }
        let mut keys = vec![format!("id:{}", m.source_id)];
        if let (Some(Collapse::ThreadDay), Some(t)) = (collapse, &m.thread_id) {
            keys.push(format!("thread:{t}:{}", at.date_naive()));
        }
        let sender = email_key(&m.from.0);
        let people = std::iter::once(sender.clone())
            .chain(m.to.iter().chain(&m.cc).map(|e| email_key(&e.0)))
            .collect();
        let names = m
            .names
            .iter()
            .map(|(e, n)| (email_key(e), n.trim().to_string()))
            .filter(|(_, n)| !n.is_empty())
            .collect();
        let sighting = Sighting {
            keys,
            at: at.timestamp_micros(),
            sender: Some(sender),
            people,
            names,
            kind: InteractionKind::Email,
            summary: summary(m.subject.as_deref(), store_subject, "Email"),
        };
        sightings.push(sighting);
    }
    let mut capture = Capturing::new(conn, user_id, "messages", received, now, &sightings, &[])?;
    capture.row.failed = failed.len() as i32;
    for sighting in sightings {
        capture.log(conn, sighting)?;
    }
    let mut answer = capture.finish(conn)?;
    answer.failures = Some(failed);
    Ok(answer)
}

/// Logs a calendar's past events as `meeting` interactions, and puts its
/// future events with contacts on the agenda; the capture as kept.
pub fn calendar(
    conn: &mut DbConn,
    user_id: &str,
    events: Vec<EventIn>,
    store_subject: bool,
) -> Result<Capture> {
    let received = events.len();
    let now = time::now();
    // Future events go on the agenda; past ones are logged.
    let mut upcoming = Vec::new();
    let mut sightings = Vec::new();
    for e in events {
        let sender = e.organizer.as_deref().map(email_key);
        let people: Vec<String> = sender
            .iter()
            .cloned()
            .chain(e.attendees.iter().map(|a| email_key(a)))
            .collect();
        let summary = summary(e.summary.as_deref(), store_subject, "Meeting");
        let key = format!("event:{}", e.key);
        if e.starts_at > now {
            upcoming.push((key, e.starts_at, summary, people));
            continue;
        }
        let names = e
            .names
            .iter()
            .map(|(k, v)| (email_key(k), v.clone()))
            .collect();
        sightings.push(Sighting {
            keys: vec![key],
            at: e.starts_at,
            sender,
            people,
            names,
            kind: InteractionKind::Meeting,
            summary,
        });
    }
    let upcoming_people: Vec<&[String]> = upcoming.iter().map(|u| u.3.as_slice()).collect();
    let mut capture = Capturing::new(
        conn,
        user_id,
        "calendar",
        received,
        now,
        &sightings,
        &upcoming_people,
    )?;
    for (source_key, starts_at, summary, people) in upcoming {
        let (contact_ids, _) = capture.match_people(&people);
        if contact_ids.is_empty() {
            continue;
        }
        store::save_upcoming(
            conn,
            &UpcomingRow {
                user_id: user_id.to_string(),
                source_key,
                capture_id: capture.row.id.clone(),
                starts_at,
                summary,
                contact_ids: serde_json::to_string(&contact_ids).unwrap_or_default(),
            },
        )?;
        capture.row.upcoming += 1;
    }
    for sighting in sightings {
        capture.log(conn, sighting)?;
    }
    capture.finish(conn)
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
    store::forget_pending(conn, user_id, id)?;
    store::forget_upcoming(conn, user_id, id)?;
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
            .map(|(email, name, first, last, count)| Suggestion {
                email,
                name,
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

/// Accepts a suggestion: a contact for `email` (named as the headers last
/// named it), and what was captured with the address logged with it — a
/// message already logged with other contacts gains this one. A `404` for
/// an address never seen; a `409` for one a contact holds.
pub fn accept(conn: &mut DbConn, user_id: &str, email: &str) -> Result<(ContactRow, Capture)> {
    let email = email_key(email);
    if !store::holders(conn, user_id, std::slice::from_ref(&email))?.is_empty() {
        return Err(Error::Conflict(
            "already_a_contact",
            "a contact of yours already has this email",
        ));
    }
    let known = store::suggestion(conn, user_id, &email)?.ok_or(Error::NotFound)?;
    let contact = contacts::create(
        conn,
        user_id,
        ContactChanges {
            display_name: Some(known.unwrap_or_else(|| email.clone())),
            emails: Some(vec![Email {
                address: email.clone(),
                label: None,
            }]),
            ..Default::default()
        },
    )?;
    let pending = store::pending(conn, user_id, &email)?;
    let mut capture = Capturing::new(
        conn,
        user_id,
        "suggestion",
        pending.len(),
        time::now(),
        &[],
        &[],
    )?;
    for p in pending {
        // Logged already with other contacts: this one joins it.
        if let Some(existing) = store::captured(conn, user_id, &p.source_key)? {
            interactions::add_contact(conn, user_id, &existing, &contact.id)?;
            capture.row.duplicates += 1;
            continue;
        }
        let interaction = interactions::create_unrefreshed(
            conn,
            user_id,
            InteractionCreate {
                kind: match p.kind.as_str() {
                    "meeting" => InteractionKind::Meeting,
                    _ => InteractionKind::Email,
                },
                direction: match p.direction.as_str() {
                    "outbound" => Direction::Outbound,
                    "mutual" => Direction::Mutual,
                    _ => Direction::Inbound,
                },
                occurred_at: Some(time::rfc3339(p.occurred_at)),
                summary: p.summary,
                notes: None,
                contact_ids: vec![contact.id.clone()],
                follow_up_on: None,
                counts_as_touch: true,
            },
        )?;
        store::mark_captured(
            conn,
            user_id,
            &p.source_key,
            &capture.row.id,
            &interaction.id,
        )?;
        capture.row.logged += 1;
        capture.logged.push(interaction);
    }
    store::forget_address(conn, user_id, &email)?;
    let capture = capture.finish(conn)?;
    let contact = contacts::get(conn, user_id, &contact.id)?;
    Ok((contact, capture))
}
