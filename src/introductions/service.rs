//! The rules of introductions: the people are distinct live contacts of the
//! user (you may be the introducer or the one introduced, not both); a
//! write names the version it changes. Making one (and unmaking it) changes
//! other resources in the same transaction: the two know each other, the
//! favor is in the ledger, whoever introduced you is who you met them
//! via, and the needs it was proposed for are met.

use super::model::{Changes, IntroductionRow};
use super::store;
use crate::changes;
use crate::contacts::{service as contacts, store as contact_store};
use crate::db::DbConn;
use crate::domain::{cut_page, merge_id, Error, Expected, Result};
use crate::error::FieldError;
use crate::ids;
use crate::ledger::model::EntryRow;
use crate::ledger::service as ledger;
use crate::needs::service as needs;
use crate::relationships::service as relationships;
use crate::time;

pub const RESOURCE: &str = "introduction";

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<IntroductionRow> {
    store::find(conn, user_id, id)?.ok_or(Error::NotFound)
}

/// `get` for a write that changes the introduction.
fn get_for_update(conn: &mut DbConn, user_id: &str, id: &str) -> Result<IntroductionRow> {
    store::find_for_update(conn, user_id, id)?.ok_or(Error::NotFound)
}

/// Not both "me"; every id a distinct live contact of the user.
fn check_people(conn: &mut DbConn, row: &IntroductionRow) -> Result<()> {
    if row.introducer_id.is_none() && row.person_a_id.is_none() {
        // Either meets the rule, so both are named.
        let message = "either introducer_id or person_a_id must name a contact (you cannot introduce yourself)";
        return Err(Error::Invalid(
            ["introducer_id", "person_a_id"]
                .into_iter()
                .map(|field| crate::error::FieldError::new(field, "required", message))
                .collect(),
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
        Err(Error::Invalid(errors))
    }
}

fn name(conn: &mut DbConn, user_id: &str, id: &str) -> Result<String> {
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
fn make_effects(conn: &mut DbConn, row: &IntroductionRow) -> Result<()> {
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
                &mut favor(row, a, "given", format!("Introduced {a_name} to {b_name}")),
            )?;
            ledger::insert(
                conn,
                &mut favor(row, b, "given", format!("Introduced {b_name} to {a_name}")),
            )?;
        }
        (Some(x), None) => {
            ledger::insert(
                conn,
                &mut favor(row, x, "received", format!("Introduced you to {b_name}")),
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
    needs::introduction_made(conn, uid, &row.id)?;
    Ok(())
}

/// Removes the ledger entries an introduction made and reopens the needs
/// it met (and nothing else); `gone`: it is being deleted, and no need
/// names it any more.
fn undo_effects(conn: &mut DbConn, row: &IntroductionRow, gone: bool) -> Result<()> {
    let entries = store::entries_of(conn, row)?;
    for e in entries {
        ledger::delete_row(conn, &e)?;
    }
    needs::introduction_undone(conn, &row.user_id, &row.id, gone)?;
    Ok(())
}

fn apply(row: &mut IntroductionRow, c: Changes) {
    crate::set_present!(
        row,
        c;
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

fn record(conn: &mut DbConn, row: &IntroductionRow) -> Result<()> {
    changes::record(conn, &row.user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    Ok(())
}

/// A new introduction (made ones set their effects in motion).
pub fn create(conn: &mut DbConn, user_id: &str, c: Changes) -> Result<IntroductionRow> {
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
        search_text: String::new(),
        search_key: String::new(),
    };
    apply(&mut row, c);
    check_people(conn, &row)?;
    store::insert(conn, &mut row)?;
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
    expected: &Expected,
    c: Changes,
) -> Result<IntroductionRow> {
    let mut row = get_for_update(conn, user_id, id)?;
    expected.check(row.version)?;
    let (was_made, before) = (row.status == "made", row.people());
    let people_changed =
        c.introducer_id.is_some() || c.person_a_id.is_some() || c.person_b_id.is_some();
    let unchanged = row.clone();
    apply(&mut row, c);
    // A patch that changes nothing leaves the version (and the feed) as is.
    if row == unchanged {
        return Ok(row);
    }
    if people_changed {
        check_people(conn, &row)?;
    }
    let is_made = row.status == "made";
    let redo = was_made && is_made && row.people() != before;
    if was_made && (!is_made || redo) {
        undo_effects(conn, &row, false)?;
    }
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
    store::update(conn, &mut row)?;
    record(conn, &row)?;
    if is_made && (!was_made || redo) {
        make_effects(conn, &row)?;
    }
    Ok(row)
}

pub fn delete(conn: &mut DbConn, user_id: &str, id: &str, expected: &Expected) -> Result<()> {
    let row = get_for_update(conn, user_id, id)?;
    expected.check(row.version)?;
    remove(conn, &row)
}

/// Deletes an introduction with the ledger entries it made, and records it.
fn remove(conn: &mut DbConn, row: &IntroductionRow) -> Result<()> {
    undo_effects(conn, row, true)?;
    store::delete(conn, &row.id)?;
    changes::record::<()>(conn, &row.user_id, RESOURCE, &row.id, None)?;
    Ok(())
}

/// Puts `to` in the place of the contacts `from` among the people of the
/// user's introductions (a merge). What a made one set in motion moves with
/// the contacts themselves. One in which `to` would then be two of the
/// people is deleted, as `DELETE` does. Returns (moved, deleted).
pub fn replace_contacts(
    conn: &mut DbConn,
    user_id: &str,
    from: &[String],
    to: &str,
) -> Result<(usize, usize)> {
    let (mut moved, mut deleted) = (0, 0);
    for id in store::ids_involving(conn, user_id, from)? {
        let Some(mut row) = store::find_for_update(conn, user_id, &id)? else {
            continue;
        };
        for p in [&mut row.introducer_id, &mut row.person_a_id]
            .into_iter()
            .flatten()
        {
            merge_id(p, from, to);
        }
        merge_id(&mut row.person_b_id, from, to);
        let named = [row.introducer_id.as_deref(), row.person_a_id.as_deref()]
            .into_iter()
            .chain([Some(row.person_b_id.as_str())]);
        if named.filter(|p| *p == Some(to)).count() > 1 {
            remove(conn, &row)?;
            deleted += 1;
        } else {
            row.version += 1;
            row.updated_at = time::now().max(row.updated_at + 1);
            store::update(conn, &mut row)?;
            record(conn, &row)?;
            moved += 1;
        }
    }
    Ok((moved, deleted))
}

/// A page of the user's introductions, newest first, after `after`; and
/// whether more follow.
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    status: Option<&str>,
    contact_id: Option<&str>,
    limit: i64,
    after: Option<(i64, String)>,
) -> Result<(Vec<IntroductionRow>, bool)> {
    let mut rows = store::list(conn, user_id, status, contact_id, limit, after)?;
    let more = cut_page(&mut rows, limit);
    Ok((rows, more))
}
