//! Database functions for ledger entries. Every write refreshes the balance
//! of each contact it touches, in the same transaction.

use diesel::prelude::*;

use super::balances;
use super::domain::{can_move, EntryChanges};
use super::dto::LedgerEntry;
use crate::changes;
use crate::contacts::store as contact_store;
use crate::db::schema::{interaction_contacts as ic, interactions, ledger_entries as le};
use crate::db::DbConn;
use crate::error::ApiError;
use crate::http::{decode_cursor, encode_cursor, next_cursor, IfMatch};
use crate::ids;
use crate::time::{self, Micros};

pub const RESOURCE: &str = "ledger_entry";

#[derive(Queryable, Selectable, Insertable, AsChangeset, Debug, Clone)]
#[diesel(table_name = le, treat_none_as_null = true)]
pub struct EntryRow {
    pub id: String,
    pub user_id: String,
    pub contact_id: String,
    pub direction: String,
    pub kind: String,
    pub description: String,
    pub weight: i32,
    pub status: String,
    pub occurred_on: Option<String>,
    pub due_on: Option<String>,
    pub completed_on: Option<String>,
    pub interaction_id: Option<String>,
    pub repays_id: Option<String>,
    pub introduction_id: Option<String>,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub version: i32,
}

impl EntryRow {
    pub fn to_api(&self) -> LedgerEntry {
        LedgerEntry {
            id: self.id.clone(),
            contact_id: self.contact_id.clone(),
            direction: self.direction.clone(),
            kind: self.kind.clone(),
            description: self.description.clone(),
            weight: self.weight,
            status: self.status.clone(),
            occurred_on: self.occurred_on.clone(),
            due_on: self.due_on.clone(),
            completed_on: self.completed_on.clone(),
            interaction_id: self.interaction_id.clone(),
            repays_id: self.repays_id.clone(),
            introduction_id: self.introduction_id.clone(),
            created_at: time::rfc3339(self.created_at),
            updated_at: time::rfc3339(self.updated_at),
            version: self.version,
        }
    }

    /// A fresh entry of the user with nothing set yet.
    pub fn blank(user_id: &str) -> EntryRow {
        let now = time::now();
        EntryRow {
            id: ids::new_id(),
            user_id: user_id.to_string(),
            contact_id: String::new(),
            direction: String::new(),
            kind: String::new(),
            description: String::new(),
            weight: 1,
            status: "done".into(),
            occurred_on: None,
            due_on: None,
            completed_on: None,
            interaction_id: None,
            repays_id: None,
            introduction_id: None,
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }
}

pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<EntryRow>> {
    crate::owned_by_id!(le, EntryRow, user_id, id)
        .first(conn)
        .optional()
}

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<EntryRow, ApiError> {
    find(conn, user_id, id)?.ok_or_else(ApiError::not_found)
}

/// `get` for a write that changes the entry (see `for_update!`).
fn get_for_update(conn: &mut DbConn, user_id: &str, id: &str) -> Result<EntryRow, ApiError> {
    crate::for_update!(conn, crate::owned_by_id!(le, EntryRow, user_id, id))?
        .ok_or_else(ApiError::not_found)
}

/// The references of an entry must be the user's own: the contact (outside
/// the trash when newly named), an interaction that includes that contact,
/// and an entry of the other direction to repay. Unknown ids and another
/// user's ids get the same answer.
fn check_references(
    conn: &mut DbConn,
    row: &EntryRow,
    contact_is_new: bool,
) -> Result<(), ApiError> {
    let contact = contact_store::find(conn, &row.user_id, &row.contact_id)?.ok_or_else(|| {
        ApiError::field(
            "contact_id",
            "unknown_contact",
            "no contact of yours has this id",
        )
    })?;
    if contact_is_new && contact.trashed_at.is_some() {
        return Err(ApiError::field(
            "contact_id",
            "contact_trashed",
            "this contact is in the trash",
        ));
    }
    if let Some(iid) = &row.interaction_id {
        let own: i64 = interactions::table
            .filter(interactions::user_id.eq(&row.user_id))
            .filter(interactions::id.eq(iid))
            .count()
            .get_result(conn)?;
        if own == 0 {
            return Err(ApiError::field(
                "interaction_id",
                "unknown_interaction",
                "no interaction of yours has this id",
            ));
        }
        let with_contact: i64 = ic::table
            .filter(ic::interaction_id.eq(iid))
            .filter(ic::contact_id.eq(&row.contact_id))
            .count()
            .get_result(conn)?;
        if with_contact == 0 {
            return Err(ApiError::field(
                "interaction_id",
                "contact_not_in_interaction",
                "this interaction does not include the entry's contact",
            ));
        }
    }
    if let Some(rid) = &row.repays_id {
        if *rid == row.id {
            return Err(ApiError::field(
                "repays_id",
                "self_reference",
                "an entry cannot repay itself",
            ));
        }
        let repaid = find(conn, &row.user_id, rid)?.ok_or_else(|| {
            ApiError::field(
                "repays_id",
                "unknown_entry",
                "no ledger entry of yours has this id",
            )
        })?;
        if repaid.direction == row.direction {
            return Err(ApiError::field(
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
fn apply(row: &mut EntryRow, c: EntryChanges, creating: bool) -> Result<(), ApiError> {
    let today = time::today().to_string();
    let old_status = row.status.clone();
    if let Some(s) = &c.status {
        if !creating && !can_move(&old_status, s) {
            return Err(ApiError::field(
                "status",
                "invalid_transition",
                format!("an entry cannot move from {old_status} to {s}"),
            ));
        }
    }
    let due_given = matches!(c.due_on, Some(Some(_)));
    macro_rules! set {
        ($($f:ident),*) => { $(if let Some(v) = c.$f { row.$f = v; })* };
    }
    set!(
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
        return Err(ApiError::field(
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
pub fn insert(conn: &mut DbConn, row: &EntryRow) -> Result<(), ApiError> {
    diesel::insert_into(le::table).values(row).execute(conn)?;
    record(conn, row)?;
    balances::refresh(conn, &row.user_id, &row.contact_id)
}

pub fn create(conn: &mut DbConn, user_id: &str, c: EntryChanges) -> Result<EntryRow, ApiError> {
    let mut row = EntryRow::blank(user_id);
    apply(&mut row, c, true)?;
    check_references(conn, &row, true)?;
    insert(conn, &row)?;
    Ok(row)
}

fn save(conn: &mut DbConn, row: &mut EntryRow) -> QueryResult<()> {
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
    diesel::update(le::table.find(&row.id))
        .set(&*row)
        .execute(conn)?;
    record(conn, row)
}

pub fn update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    if_match: &IfMatch,
    c: EntryChanges,
) -> Result<EntryRow, ApiError> {
    let mut row = get_for_update(conn, user_id, id)?;
    if_match.check(row.version)?;
    let old_contact = row.contact_id.clone();
    apply(&mut row, c, false)?;
    check_references(conn, &row, row.contact_id != old_contact)?;
    save(conn, &mut row)?;
    balances::refresh(conn, user_id, &row.contact_id)?;
    if old_contact != row.contact_id {
        balances::refresh(conn, user_id, &old_contact)?;
    }
    Ok(row)
}

/// Deletes an entry; entries that repaid it no longer point at it.
pub fn delete_row(conn: &mut DbConn, row: &EntryRow) -> Result<(), ApiError> {
    let repayers: Vec<EntryRow> = le::table
        .filter(le::user_id.eq(&row.user_id))
        .filter(le::repays_id.eq(&row.id))
        .select(EntryRow::as_select())
        .load(conn)?;
    for mut r in repayers {
        r.repays_id = None;
        save(conn, &mut r)?;
    }
    diesel::delete(le::table.find(&row.id)).execute(conn)?;
    changes::record::<()>(conn, &row.user_id, RESOURCE, &row.id, None)?;
    balances::refresh(conn, &row.user_id, &row.contact_id)
}

pub fn delete(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    if_match: &IfMatch,
) -> Result<(), ApiError> {
    let row = get_for_update(conn, user_id, id)?;
    if_match.check(row.version)?;
    delete_row(conn, &row)
}

/// Entries that point at a deleted interaction lose the link (new version).
pub fn unlink_interaction(
    conn: &mut DbConn,
    user_id: &str,
    interaction_id: &str,
) -> QueryResult<()> {
    let linked: Vec<EntryRow> = le::table
        .filter(le::user_id.eq(user_id))
        .filter(le::interaction_id.eq(interaction_id))
        .select(EntryRow::as_select())
        .load(conn)?;
    for mut r in linked {
        r.interaction_id = None;
        save(conn, &mut r)?;
    }
    Ok(())
}

#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    pub contact_id: Option<String>,
    pub direction: Option<String>,
    pub status: Option<String>,
    pub kind: Option<String>,
    /// Only open entries due before this date.
    pub overdue_before: Option<String>,
}

/// A page of entries, newest first (keyset on created_at, id).
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    f: &ListFilter,
    limit: i64,
    cursor: Option<&str>,
) -> Result<(Vec<EntryRow>, Option<String>), ApiError> {
    const SORT: &str = "-created_at";
    let mut q = le::table.filter(le::user_id.eq(user_id)).into_boxed();
    if let Some(v) = &f.contact_id {
        q = q.filter(le::contact_id.eq(v.clone()));
    }
    if let Some(v) = &f.direction {
        q = q.filter(le::direction.eq(v.clone()));
    }
    if let Some(v) = &f.status {
        q = q.filter(le::status.eq(v.clone()));
    }
    if let Some(v) = &f.kind {
        q = q.filter(le::kind.eq(v.clone()));
    }
    if let Some(d) = &f.overdue_before {
        q = q
            .filter(le::status.eq("open"))
            .filter(le::due_on.lt(d.clone()));
    }
    if let Some(c) = cursor {
        let (k, id): (i64, String) = decode_cursor(c, SORT)?;
        q = q.filter(
            le::created_at
                .lt(k)
                .or(le::created_at.eq(k).and(le::id.lt(id))),
        );
    }
    let mut rows = q
        .order((le::created_at.desc(), le::id.desc()))
        .limit(limit + 1)
        .select(EntryRow::as_select())
        .load(conn)?;
    let next = next_cursor(&mut rows, limit, |r| {
        encode_cursor(SORT, r.created_at, &r.id)
    });
    Ok((rows, next))
}
