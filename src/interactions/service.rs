//! The rules of interactions: the participants are distinct contacts of the
//! user, outside the trash (one already taking part may be trashed later and
//! stays); nothing happens more than a day ahead; a write names the version
//! it changes; every write records the change and refreshes the derived
//! fields (last touch, next due, follow-up) of every contact it touches, in
//! the same transaction.

use std::collections::BTreeSet;

use diesel::QueryResult;

use super::model::{InteractionCreate, InteractionPatch, InteractionRow};
use super::store::{self, ListFilter};
use crate::changes;
use crate::contacts::service::refresh_contacts;
use crate::db::DbConn;
use crate::domain::{cut_page, merge_id, Error, Expected, Result};
use crate::error::FieldError;
use crate::needs::model::MetByType;
use crate::time::{self, Micros};
use crate::{ids, input};

pub const RESOURCE: &str = "interaction";

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<InteractionRow> {
    store::find(conn, user_id, id)?.ok_or(Error::NotFound)
}

/// The row a create makes (nothing stored yet).
pub fn new_row(user_id: &str, new: InteractionCreate) -> InteractionRow {
    let now = time::now();
    InteractionRow {
        id: ids::new_id(),
        user_id: user_id.to_string(),
        kind: new.kind.as_str().to_string(),
        direction: new.direction.as_str().to_string(),
        occurred_at: new.occurred_at.as_deref().map_or(now, instant),
        summary: new.summary,
        notes: new.notes,
        follow_up_on: new.follow_up_on,
        counts_as_touch: new.counts_as_touch,
        contact_ids: json_ids(&new.contact_ids),
        created_at: now,
        updated_at: now,
        version: 1,
        search_text: String::new(),
        search_key: String::new(),
    }
}

pub fn create(conn: &mut DbConn, user_id: &str, new: InteractionCreate) -> Result<InteractionRow> {
    let row = create_unrefreshed(conn, user_id, new)?;
    refresh_contacts(conn, user_id, &row.participants())?;
    Ok(row)
}

/// `create` for many interactions in one write (a capture): the caller
/// refreshes the participants' derived fields once, after the last
/// (`contacts::service::refresh_contacts`), in the same transaction.
pub fn create_unrefreshed(
    conn: &mut DbConn,
    user_id: &str,
    new: InteractionCreate,
) -> Result<InteractionRow> {
    check_participants(conn, user_id, &new.contact_ids)?;
    create_with_live(conn, user_id, new)
}

/// `create_unrefreshed` with contacts the caller has just read, in this
/// transaction, as the user's and outside the trash.
fn create_with_live(
    conn: &mut DbConn,
    user_id: &str,
    new: InteractionCreate,
) -> Result<InteractionRow> {
    let row = insert_unrecorded(conn, user_id, new)?;
    changes::record(conn, user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    Ok(row)
}

/// Stores a new interaction with contacts the caller has just read, in this
/// transaction, as the user's and outside the trash (a capture's matches:
/// they are not read again), without its change: the caller records the
/// changes of all it created with `record_created`, in the same
/// transaction.
pub fn insert_unrecorded(
    conn: &mut DbConn,
    user_id: &str,
    new: InteractionCreate,
) -> Result<InteractionRow> {
    let mut row = new_row(user_id, new);
    store::insert(conn, &mut row)?;
    Ok(row)
}

/// Records the creation of `rows` in the change feed, in their order (a
/// few statements for all of them).
pub fn record_created(conn: &mut DbConn, user_id: &str, rows: &[InteractionRow]) -> Result<()> {
    let json: Vec<String> = rows
        .iter()
        .map(|r| serde_json::to_string(&r.to_api()))
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    let upserts: Vec<(&str, &str)> = rows
        .iter()
        .zip(&json)
        .map(|(r, j)| (r.id.as_str(), j.as_str()))
        .collect();
    changes::record_upserts(conn, user_id, RESOURCE, &upserts)?;
    Ok(())
}

pub fn update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    expected: &Expected,
    patch: InteractionPatch,
) -> Result<InteractionRow> {
    let occurred_at = patch.occurred_at.as_deref().map(instant);
    let mut row = store::find_for_update(conn, user_id, id)?.ok_or(Error::NotFound)?;
    expected.check(row.version)?;
    let before: BTreeSet<String> = row.participants().into_iter().collect();
    let unchanged = row.clone();
    if let Some(ids) = &patch.contact_ids {
        // Only newly named contacts must be live.
        let added: Vec<String> = ids
            .iter()
            .filter(|i| !before.contains(*i))
            .cloned()
            .collect();
        check_participants(conn, user_id, &added)?;
        row.contact_ids = json_ids(ids);
    }
    if let Some(kind) = patch.kind {
        row.kind = kind.as_str().to_string();
    }
    if let Some(direction) = patch.direction {
        row.direction = direction.as_str().to_string();
    }
    if let Some(t) = occurred_at {
        row.occurred_at = t;
    }
    if let Some(summary) = patch.summary {
        row.summary = summary;
    }
    if let Some(notes) = patch.notes {
        row.notes = notes;
    }
    if let Some(follow_up_on) = patch.follow_up_on {
        row.follow_up_on = follow_up_on;
    }
    if let Some(counts) = patch.counts_as_touch {
        row.counts_as_touch = counts;
    }
    // A patch that changes nothing leaves the version (and the feed) as is.
    if row == unchanged {
        return Ok(row);
    }
    save(conn, &mut row)?;
    let affected: Vec<String> = before
        .into_iter()
        .chain(row.participants())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    refresh_contacts(conn, user_id, &affected)?;
    Ok(row)
}

/// Writes a changed row back with a new version, and records it.
fn save(conn: &mut DbConn, row: &mut InteractionRow) -> QueryResult<()> {
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
    store::update(conn, row)?;
    changes::record(conn, &row.user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    Ok(())
}

/// Puts `to` in the place of the contacts `from` in every interaction they
/// take part in (a merge), each contact taking part once, and refreshes the
/// derived fields of them all. Returns how many interactions changed.
pub fn replace_contacts(
    conn: &mut DbConn,
    user_id: &str,
    from: &[String],
    to: &str,
) -> Result<usize> {
    let ids = store::ids_involving(conn, user_id, from)?;
    for id in &ids {
        let Some(mut row) = store::find_for_update(conn, user_id, id)? else {
            continue;
        };
        let mut participants: Vec<String> = Vec::new();
        for mut p in row.participants() {
            merge_id(&mut p, from, to);
            if !participants.contains(&p) {
                participants.push(p);
            }
        }
        row.contact_ids = json_ids(&participants);
        save(conn, &mut row)?;
    }
    let affected: Vec<String> = from.iter().cloned().chain([to.to_string()]).collect();
    refresh_contacts(conn, user_id, &affected)?;
    Ok(ids.len())
}

/// Adds a contact to an interaction (a captured message whose address
/// became a contact), unless it takes part already or the interaction
/// names 50; whether the interaction stands.
pub fn add_contact(conn: &mut DbConn, user_id: &str, id: &str, contact_id: &str) -> Result<bool> {
    let Some(mut row) = store::find_for_update(conn, user_id, id)? else {
        return Ok(false);
    };
    let mut participants = row.participants();
    if participants.iter().any(|p| p == contact_id) || participants.len() >= 50 {
        return Ok(true);
    }
    participants.push(contact_id.to_string());
    row.contact_ids = json_ids(&participants);
    save(conn, &mut row)?;
    refresh_contacts(conn, user_id, &[contact_id.to_string()])?;
    Ok(true)
}

pub fn delete(conn: &mut DbConn, user_id: &str, id: &str, expected: &Expected) -> Result<()> {
    let row = store::find_for_update(conn, user_id, id)?.ok_or(Error::NotFound)?;
    expected.check(row.version)?;
    crate::ledger::service::unlink_interaction(conn, user_id, &row.id)?;
    crate::needs::service::met_by_deleted(conn, user_id, MetByType::Interaction, &row.id)?;
    store::delete(conn, &row.id)?;
    changes::record::<()>(conn, user_id, RESOURCE, &row.id, None)?;
    refresh_contacts(conn, user_id, &row.participants())?;
    Ok(())
}

/// Up to `limit` interactions, newest first, after the position `after`;
/// and whether more follow.
pub fn page(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    after: Option<(Micros, String)>,
    limit: i64,
) -> Result<(Vec<InteractionRow>, bool)> {
    let mut rows = store::page(conn, user_id, filter, after, limit + 1)?;
    let more = cut_page(&mut rows, limit);
    Ok((rows, more))
}

/// A time the schema found well formed (and the model's rules at most a
/// day ahead), as stored.
fn instant(t: &str) -> Micros {
    input::parse_datetime(t).map_or(0, |t| t.timestamp_micros())
}

fn json_ids(ids: &[String]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// Every id must be one of the user's contacts, outside the trash. An
/// unknown id and another user's id get the same answer.
fn check_participants(conn: &mut DbConn, user_id: &str, ids: &[String]) -> Result<()> {
    let found = store::contacts_among(conn, user_id, ids)?;
    let errors: Vec<FieldError> = ids
        .iter()
        .enumerate()
        .filter_map(|(i, id)| match found.get(id) {
            None => Some(FieldError::new(
                format!("contact_ids[{i}]"),
                "unknown_contact",
                "no contact of yours has this id",
            )),
            Some(Some(_)) => Some(FieldError::new(
                format!("contact_ids[{i}]"),
                "contact_trashed",
                "this contact is in the trash",
            )),
            Some(None) => None,
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::{Direction, InteractionKind, DIRECTIONS, KINDS};
    use super::*;
    use serde_json::json;

    fn read(
        body: serde_json::Value,
    ) -> std::result::Result<InteractionCreate, crate::error::ApiError> {
        input::from_value::<InteractionCreate>(body)
    }

    #[test]
    fn a_participant_named_twice_is_refused() {
        let err = read(json!({"kind": "call", "direction": "outbound", "summary": "x", "contact_ids": ["a", "a"]}))
            .err()
            .expect("refused");
        assert_eq!(
            (err.errors[0].field.as_str(), err.errors[0].code),
            ("contact_ids[1]", "duplicate")
        );
    }

    #[test]
    fn the_far_future_is_refused_with_every_other_fault() {
        let later = (chrono::Utc::now() + chrono::Duration::hours(25)).to_rfc3339();
        let err = read(json!({"kind": "pigeon", "direction": "outbound", "summary": "x", "contact_ids": ["a"], "occurred_at": later}))
            .err()
            .expect("refused");
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["kind", "occurred_at"]);
    }

    #[test]
    fn a_new_interaction_counts_as_a_touch_unless_told() {
        let new = read(
            json!({"kind": "coffee", "direction": "mutual", "summary": "x", "contact_ids": ["a"]}),
        )
        .expect("read");
        let row = new_row("user", new);
        assert!(row.counts_as_touch);
        assert!(row.occurred_at > 0);
    }

    #[test]
    fn kinds_and_directions_are_stored_as_the_api_names_them() {
        for k in KINDS {
            let kind: InteractionKind = serde_json::from_value(json!(k)).unwrap();
            assert_eq!(kind.as_str(), *k);
        }
        for d in DIRECTIONS {
            let direction: Direction = serde_json::from_value(json!(d)).unwrap();
            assert_eq!(direction.as_str(), *d);
        }
    }
}
