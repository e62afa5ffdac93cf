//! The rules of ledger entries: the contact, the interaction and the repaid
//! entry are the user's own (the interaction includes the contact, the
//! repaid entry is of the other direction); status moves only forward, and
//! a done entry gets its dates; a write names the version it changes. Every
//! write records the change and refreshes the balance of each contact it
//! touches, in the same transaction.

use diesel::QueryResult;

use super::balances;
use super::model::{can_move, EntryChanges, EntryRow};
use super::store::{self, ListFilter};
use crate::changes;
use crate::contacts::store as contact_store;
use crate::db::DbConn;
use crate::domain::{cut_page, Error, Expected, Result};
use crate::needs::model::MetByType;
use crate::time;

pub const RESOURCE: &str = "ledger_entry";

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<EntryRow> {
    store::find(conn, user_id, id)?.ok_or(Error::NotFound)
}

/// `get` for a write that changes the entry.
fn get_for_update(conn: &mut DbConn, user_id: &str, id: &str) -> Result<EntryRow> {
    store::find_for_update(conn, user_id, id)?.ok_or(Error::NotFound)
}

/// The references of an entry must be the user's own: the contact (outside
/// the trash when newly named), an interaction that includes that contact,
/// and an entry of the other direction to repay. Unknown ids and another
/// user's ids get the same answer.
fn check_references(conn: &mut DbConn, row: &EntryRow, contact_is_new: bool) -> Result<()> {
    let contact = contact_store::find(conn, &row.user_id, &row.contact_id)?.ok_or_else(|| {
        Error::field(
            "contact_id",
            "unknown_contact",
            "no contact of yours has this id",
        )
    })?;
    if contact_is_new && contact.trashed_at.is_some() {
        return Err(Error::field(
            "contact_id",
            "contact_trashed",
            "this contact is in the trash",
        ));
    }
    if let Some(iid) = &row.interaction_id {
        if !store::interaction_exists(conn, &row.user_id, iid)? {
            return Err(Error::field(
                "interaction_id",
                "unknown_interaction",
                "no interaction of yours has this id",
            ));
        }
        if !store::interaction_includes(conn, iid, &row.contact_id)? {
            return Err(Error::field(
                "interaction_id",
                "contact_not_in_interaction",
                "this interaction does not include the entry's contact",
            ));
        }
    }
    if let Some(rid) = &row.repays_id {
        if *rid == row.id {
            return Err(Error::field(
                "repays_id",
                "self_reference",
                "an entry cannot repay itself",
            ));
        }
        let repaid = store::find(conn, &row.user_id, rid)?.ok_or_else(|| {
            Error::field(
                "repays_id",
                "unknown_entry",
                "no ledger entry of yours has this id",
            )
        })?;
        if repaid.direction == row.direction {
            return Err(Error::field(
                "repays_id",
                "same_direction",
                "an entry repays one of the other direction",
            ));
        }
    }
    Ok(())
}

/// Applies a create or patch, enforcing the status moves and the dates that
/// follow from them.
fn apply(row: &mut EntryRow, c: EntryChanges, creating: bool) -> Result<()> {
    let today = time::today().to_string();
    let old_status = row.status.clone();
    if let Some(s) = &c.status {
        if !creating && !can_move(&old_status, s) {
            return Err(Error::field(
                "status",
                "invalid_transition",
                format!("an entry cannot move from {old_status} to {s}"),
            ));
        }
    }
    let due_given = matches!(c.due_on, Some(Some(_)));
    crate::set_present!(
        row,
        c;
        contact_id,
        direction,
        kind,
        description,
        weight,
        status,
        occurred_on,
        due_on,
        interaction_id,
        repays_id
    );
    if due_given && row.status != "open" {
        return Err(Error::field(
            "due_on",
            "not_open",
            "only open entries have a due date",
        ));
    }
    let became_done = row.status == "done" && (creating || old_status != "done");
    if became_done {
        if row.occurred_on.is_none() {
            row.occurred_on = Some(today.clone());
        }
        row.completed_on = Some(if creating {
            row.occurred_on.clone().unwrap_or(today)
        } else {
            today
        });
    }
    Ok(())
}

fn record(conn: &mut DbConn, row: &EntryRow) -> QueryResult<()> {
    changes::record(conn, &row.user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    Ok(())
}

/// Inserts a fully formed row (used by introductions too).
pub fn insert(conn: &mut DbConn, row: &mut EntryRow) -> Result<()> {
    store::insert(conn, row)?;
    record(conn, row)?;
    Ok(balances::refresh(conn, &row.user_id, &row.contact_id)?)
}

pub fn create(conn: &mut DbConn, user_id: &str, c: EntryChanges) -> Result<EntryRow> {
    let mut row = EntryRow::blank(user_id);
    apply(&mut row, c, true)?;
    check_references(conn, &row, true)?;
    insert(conn, &mut row)?;
    Ok(row)
}

fn save(conn: &mut DbConn, row: &mut EntryRow) -> QueryResult<()> {
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
    store::update(conn, row)?;
    record(conn, row)
}

pub fn update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    expected: &Expected,
    c: EntryChanges,
) -> Result<EntryRow> {
    let mut row = get_for_update(conn, user_id, id)?;
    expected.check(row.version)?;
    let old_contact = row.contact_id.clone();
    let unchanged = row.clone();
    apply(&mut row, c, false)?;
    // A patch that changes nothing leaves the version (and the feed) as is.
    if row == unchanged {
        return Ok(row);
    }
    check_references(conn, &row, row.contact_id != old_contact)?;
    save(conn, &mut row)?;
    balances::refresh(conn, user_id, &row.contact_id)?;
    if old_contact != row.contact_id {
        balances::refresh(conn, user_id, &old_contact)?;
    }
    Ok(row)
}

/// Deletes an entry; entries that repaid it no longer point at it.
pub fn delete_row(conn: &mut DbConn, row: &EntryRow) -> Result<()> {
    let repayers = store::repaying(conn, &row.user_id, &row.id)?;
    for mut r in repayers {
        r.repays_id = None;
        save(conn, &mut r)?;
    }
    let kind = MetByType::LedgerEntry;
    crate::needs::service::met_by_deleted(conn, &row.user_id, kind, &row.id)?;
    store::delete(conn, &row.id)?;
    changes::record::<()>(conn, &row.user_id, RESOURCE, &row.id, None)?;
    Ok(balances::refresh(conn, &row.user_id, &row.contact_id)?)
}

pub fn delete(conn: &mut DbConn, user_id: &str, id: &str, expected: &Expected) -> Result<()> {
    let row = get_for_update(conn, user_id, id)?;
    expected.check(row.version)?;
    delete_row(conn, &row)
}

/// Moves every entry with one of the contacts `from` to `to` (a merge), and
/// recomputes the balances of them all. Returns how many moved.
pub fn move_entries(
    conn: &mut DbConn,
    user_id: &str,
    from: &[String],
    to: &str,
) -> QueryResult<usize> {
    let ids = store::ids_of_contacts(conn, user_id, from)?;
    for id in &ids {
        if let Some(mut row) = store::find_for_update(conn, user_id, id)? {
            row.contact_id = to.to_string();
            save(conn, &mut row)?;
        }
    }
    for contact_id in from.iter().map(String::as_str).chain([to]) {
        balances::refresh(conn, user_id, contact_id)?;
    }
    Ok(ids.len())
}

/// Entries that point at a deleted interaction lose the link (new version).
pub fn unlink_interaction(
    conn: &mut DbConn,
    user_id: &str,
    interaction_id: &str,
) -> QueryResult<()> {
    let linked = store::linked_to(conn, user_id, interaction_id)?;
    for mut r in linked {
        r.interaction_id = None;
        save(conn, &mut r)?;
    }
    Ok(())
}

/// A page of the user's entries, newest first, after `after`; and whether
/// more follow.
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    limit: i64,
    after: Option<(i64, String)>,
) -> Result<(Vec<EntryRow>, bool)> {
    let mut rows = store::list(conn, user_id, filter, limit, after)?;
    let more = cut_page(&mut rows, limit);
    Ok((rows, more))
}
