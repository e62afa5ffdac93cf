//! Database functions for introductions, and their consequences: once made,
//! the two people know each other, the favor is in the ledger, and whoever
//! introduced you is who you met them via.

use diesel::prelude::*;

use super::Introduction;
use crate::changes;
use crate::contacts::{service as contacts, store as contact_store};
use crate::db::schema::{introductions as it, ledger_entries as le};
use crate::db::DbConn;
use crate::error::{ApiError, FieldError};
use crate::http::{decode_cursor, encode_cursor, next_cursor, IfMatch};
use crate::ids;
use crate::ledger::queries::{self as ledger, EntryRow};
use crate::relationships::service as relationships;
use crate::time::{self, Micros};

pub const RESOURCE: &str = "introduction";

#[derive(Queryable, Selectable, Insertable, AsChangeset, Debug, Clone)]
#[diesel(table_name = it, treat_none_as_null = true)]
pub struct IntroductionRow {
    pub id: String,
    pub user_id: String,
    pub introducer_id: Option<String>,
    pub person_a_id: Option<String>,
    pub person_b_id: String,
    pub note: Option<String>,
    pub status: String,
    pub made_on: Option<String>,
    pub outcome: Option<String>,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub version: i32,
}

impl IntroductionRow {
    pub fn to_api(&self) -> Introduction {
        Introduction {
            id: self.id.clone(),
            introducer_id: self.introducer_id.clone(),
            person_a_id: self.person_a_id.clone(),
            person_b_id: self.person_b_id.clone(),
            note: self.note.clone(),
            status: self.status.clone(),
            made_on: self.made_on.clone(),
            outcome: self.outcome.clone(),
            created_at: time::rfc3339(self.created_at),
            updated_at: time::rfc3339(self.updated_at),
            version: self.version,
        }
    }

    fn people(&self) -> (Option<String>, Option<String>, String) {
        (
            self.introducer_id.clone(),
            self.person_a_id.clone(),
            self.person_b_id.clone(),
        )
    }
}

#[derive(Debug, Default)]
pub struct Changes {
    pub introducer_id: Option<Option<String>>,
    pub person_a_id: Option<Option<String>>,
    pub person_b_id: Option<String>,
    pub note: Option<Option<String>>,
    pub status: Option<String>,
    pub made_on: Option<Option<String>>,
    pub outcome: Option<Option<String>>,
}

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<IntroductionRow, ApiError> {
    crate::owned_by_id!(it, IntroductionRow, user_id, id)
        .first(conn)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// `get` for a write that changes the introduction (see `for_update!`).
fn get_for_update(conn: &mut DbConn, user_id: &str, id: &str) -> Result<IntroductionRow, ApiError> {
    crate::for_update!(conn, crate::owned_by_id!(it, IntroductionRow, user_id, id))?
        .ok_or_else(ApiError::not_found)
}

/// Not both "me"; every id a distinct live contact of the user.
fn check_people(conn: &mut DbConn, row: &IntroductionRow) -> Result<(), ApiError> {
    if row.introducer_id.is_none() && row.person_a_id.is_none() {
        return Err(ApiError::field(
            "person_a_id",
            "required",
            "either introducer_id or person_a_id must name a contact (you cannot introduce yourself)",
        ));
    }
    let named = [
        ("introducer_id", row.introducer_id.as_deref()),
        ("person_a_id", row.person_a_id.as_deref()),
        ("person_b_id", Some(row.person_b_id.as_str())),
    ];
    let mut errors = Vec::new();
    for (i, (field, id)) in named.iter().enumerate() {
        let Some(id) = id else { continue };
        if named[..i].iter().any(|(_, other)| other == &Some(*id)) {
            errors.push(FieldError::new(
                *field,
                "duplicate",
                "each person must be a different contact",
            ));
            continue;
        }
        match contact_store::find(conn, &row.user_id, id)? {
            Some(c) if c.trashed_at.is_none() => {}
            _ => errors.push(FieldError::new(
                *field,
                "unknown_contact",
                "no live contact of yours has this id",
            )),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

fn name(conn: &mut DbConn, user_id: &str, id: &str) -> Result<String, ApiError> {
    Ok(contact_store::find(conn, user_id, id)?
        .map(|c| c.display_name)
        .unwrap_or_default())
}

fn favor(
    row: &IntroductionRow,
    contact_id: &str,
    direction: &str,
    description: String,
) -> EntryRow {
    let mut e = EntryRow::blank(&row.user_id);
    e.contact_id = contact_id.to_string();
    e.direction = direction.to_string();
    e.kind = "introduction".into();
    e.description = description;
    e.status = "done".into();
    e.occurred_on = row.made_on.clone();
    e.completed_on = row.made_on.clone();
    e.introduction_id = Some(row.id.clone());
    e
}

/// What a made introduction sets in motion.
fn make_effects(conn: &mut DbConn, row: &IntroductionRow) -> Result<(), ApiError> {
    let uid = row.user_id.as_str();
    let b = row.person_b_id.as_str();
    let b_name = name(conn, uid, b)?;
    if let Some(a) = row.person_a_id.as_deref() {
        relationships::ensure_known(conn, uid, a, b, "introduced")?;
    }
    match (row.introducer_id.as_deref(), row.person_a_id.as_deref()) {
        (None, Some(a)) => {
            let a_name = name(conn, uid, a)?;
            ledger::insert(
                conn,
                &favor(row, a, "given", format!("Introduced {a_name} to {b_name}")),
            )?;
            ledger::insert(
                conn,
                &favor(row, b, "given", format!("Introduced {b_name} to {a_name}")),
            )?;
        }
        (Some(x), None) => {
            ledger::insert(
                conn,
                &favor(row, x, "received", format!("Introduced you to {b_name}")),
            )?;
            if let Some(mut b_row) = contact_store::find_for_update(conn, uid, b)? {
                if b_row.met_via.is_none() {
                    b_row.met_via = Some(x.to_string());
                    contacts::save(conn, &mut b_row)?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Removes the ledger entries an introduction made (and nothing else).
fn undo_effects(conn: &mut DbConn, row: &IntroductionRow) -> Result<(), ApiError> {
    let entries: Vec<EntryRow> = le::table
        .filter(le::user_id.eq(&row.user_id))
        .filter(le::introduction_id.eq(&row.id))
        .select(EntryRow::as_select())
        .load(conn)?;
    for e in entries {
        ledger::delete_row(conn, &e)?;
    }
    Ok(())
}

fn apply(row: &mut IntroductionRow, c: Changes) {
    macro_rules! set {
        ($($f:ident),*) => { $(if let Some(v) = c.$f { row.$f = v; })* };
    }
    set!(
        introducer_id,
        person_a_id,
        person_b_id,
        note,
        status,
        made_on,
        outcome
    );
    if row.status == "made" && row.made_on.is_none() {
        row.made_on = Some(time::today().to_string());
    }
}

fn record(conn: &mut DbConn, row: &IntroductionRow) -> Result<(), ApiError> {
    changes::record(conn, &row.user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    Ok(())
}

pub fn create(conn: &mut DbConn, user_id: &str, c: Changes) -> Result<IntroductionRow, ApiError> {
    let now = time::now();
    let mut row = IntroductionRow {
        id: ids::new_id(),
        user_id: user_id.to_string(),
        introducer_id: None,
        person_a_id: None,
        person_b_id: String::new(),
        note: None,
        status: "proposed".into(),
        made_on: None,
        outcome: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    apply(&mut row, c);
    check_people(conn, &row)?;
    diesel::insert_into(it::table).values(&row).execute(conn)?;
    record(conn, &row)?;
    if row.status == "made" {
        make_effects(conn, &row)?;
    }
    Ok(row)
}

pub fn update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    if_match: &IfMatch,
    c: Changes,
) -> Result<IntroductionRow, ApiError> {
    let mut row = get_for_update(conn, user_id, id)?;
    if_match.check(row.version)?;
    let (was_made, before) = (row.status == "made", row.people());
    let people_changed =
        c.introducer_id.is_some() || c.person_a_id.is_some() || c.person_b_id.is_some();
    apply(&mut row, c);
    if people_changed {
        check_people(conn, &row)?;
    }
    let is_made = row.status == "made";
    let redo = was_made && is_made && row.people() != before;
    if was_made && (!is_made || redo) {
        undo_effects(conn, &row)?;
    }
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
    diesel::update(it::table.find(&row.id))
        .set(&row)
        .execute(conn)?;
    record(conn, &row)?;
    if is_made && (!was_made || redo) {
        make_effects(conn, &row)?;
    }
    Ok(row)
}

pub fn delete(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    if_match: &IfMatch,
) -> Result<(), ApiError> {
    let row = get_for_update(conn, user_id, id)?;
    if_match.check(row.version)?;
    undo_effects(conn, &row)?;
    diesel::delete(it::table.find(&row.id)).execute(conn)?;
    changes::record::<()>(conn, user_id, RESOURCE, &row.id, None)?;
    Ok(())
}

pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    status: Option<&str>,
    contact_id: Option<&str>,
    limit: i64,
    cursor: Option<&str>,
) -> Result<(Vec<IntroductionRow>, Option<String>), ApiError> {
    const SORT: &str = "-created_at";
    let mut q = it::table.filter(it::user_id.eq(user_id)).into_boxed();
    if let Some(s) = status {
        q = q.filter(it::status.eq(s.to_string()));
    }
    if let Some(c) = contact_id {
        let c = c.to_string();
        q = q.filter(
            it::introducer_id
                .eq(c.clone())
                .or(it::person_a_id.eq(c.clone()))
                .or(it::person_b_id.eq(c)),
        );
    }
    if let Some(cur) = cursor {
        let (k, id): (i64, String) = decode_cursor(cur, SORT)?;
        q = q.filter(
            it::created_at
                .lt(k)
                .or(it::created_at.eq(k).and(it::id.lt(id))),
        );
    }
    let mut rows = q
        .order((it::created_at.desc(), it::id.desc()))
        .limit(limit + 1)
        .select(IntroductionRow::as_select())
        .load(conn)?;
    let next = next_cursor(&mut rows, limit, |r| {
        encode_cursor(SORT, r.created_at, &r.id)
    });
    Ok((rows, next))
}
