//! The rules of relationships: both ends are distinct live contacts of the
//! user; a pair holds one relationship of a kind, whichever way round it was
//! written (`mentor_of` one way is `mentee_of` the other); a write names the
//! version it changes; every change is recorded for the change feed.

use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::model::{
    inverse, pair_key, OtherContact, RelationshipCreate, RelationshipPatch, RelationshipRow,
    RelationshipView,
};
use super::store;
use crate::changes;
use crate::db::DbConn;
use crate::domain::{cut_page, merge_id, Error, Expected, Result};
use crate::error::FieldError;
use crate::{ids, time};

pub const RESOURCE: &str = "relationship";

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<RelationshipRow> {
    store::find(conn, user_id, id)?.ok_or(Error::NotFound)
}

pub fn create(
    conn: &mut DbConn,
    user_id: &str,
    new: RelationshipCreate,
) -> Result<RelationshipRow> {
    check_ends(conn, user_id, &new.contact_id, &new.other_id)?;
    let now = time::now();
    let kind = new.kind.as_str().to_string();
    let row = RelationshipRow {
        id: ids::new_id(),
        user_id: user_id.to_string(),
        pair_key: pair_key(&new.contact_id, &new.other_id, &kind),
        contact_id: new.contact_id,
        other_id: new.other_id,
        kind,
        strength: new.strength,
        note: new.note,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    save(conn, &row, true)?;
    Ok(row)
}

pub fn update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    expected: &Expected,
    patch: RelationshipPatch,
) -> Result<RelationshipRow> {
    let mut row = store::find_for_update(conn, user_id, id)?.ok_or(Error::NotFound)?;
    expected.check(row.version)?;
    let unchanged = row.clone();
    if let Some(kind) = patch.kind {
        row.kind = kind.as_str().to_string();
    }
    if let Some(strength) = patch.strength {
        row.strength = strength;
    }
    if let Some(note) = patch.note {
        row.note = note;
    }
    row.pair_key = pair_key(&row.contact_id, &row.other_id, &row.kind);
    // A patch that changes nothing leaves the version (and the feed) as is.
    if row == unchanged {
        return Ok(row);
    }
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
    save(conn, &row, false)?;
    Ok(row)
}

pub fn delete(conn: &mut DbConn, user_id: &str, id: &str, expected: &Expected) -> Result<()> {
    let row = store::find_for_update(conn, user_id, id)?.ok_or(Error::NotFound)?;
    expected.check(row.version)?;
    store::delete(conn, &row.id)?;
    changes::record::<()>(conn, user_id, RESOURCE, &row.id, None)?;
    Ok(())
}

/// Puts `to` in the place of the contacts `from` in the user's relationships
/// (a merge). One that would relate `to` to itself, or repeat a
/// relationship `to` already has, is deleted. Returns (moved, deleted).
pub fn replace_contacts(
    conn: &mut DbConn,
    user_id: &str,
    from: &[String],
    to: &str,
) -> Result<(usize, usize)> {
    let (mut moved, mut deleted) = (0, 0);
    for id in store::ids_of_contacts(conn, user_id, from)? {
        let Some(mut row) = store::find_for_update(conn, user_id, &id)? else {
            continue;
        };
        merge_id(&mut row.contact_id, from, to);
        merge_id(&mut row.other_id, from, to);
        row.pair_key = pair_key(&row.contact_id, &row.other_id, &row.kind);
        if row.contact_id == row.other_id
            || store::pair_taken(conn, user_id, &row.pair_key, &row.id)?
        {
            store::delete(conn, &row.id)?;
            changes::record::<()>(conn, user_id, RESOURCE, &row.id, None)?;
            deleted += 1;
        } else {
            row.version += 1;
            row.updated_at = time::now().max(row.updated_at + 1);
            save(conn, &row, false)?;
            moved += 1;
        }
    }
    Ok((moved, deleted))
}

/// Up to `limit` of a live or trashed contact's relationships, seen from its
/// side, after the relationship id `after`; and whether more follow.
pub fn of_contact(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
    after: Option<&str>,
    limit: i64,
) -> Result<(Vec<RelationshipView>, bool)> {
    let mut rows = store::page_of_contact(conn, user_id, contact_id, after, limit + 1)?;
    let more = cut_page(&mut rows, limit);
    let others: Vec<String> = rows
        .iter()
        .map(|row| {
            if row.contact_id == contact_id {
                row.other_id.clone()
            } else {
                row.contact_id.clone()
            }
        })
        .collect();
    let names = crate::contacts::store::names(conn, user_id, &others)?;
    let views = rows
        .into_iter()
        .zip(others)
        .map(|(row, other)| {
            let forward = row.contact_id == contact_id;
            RelationshipView {
                id: row.id,
                contact_id: contact_id.to_string(),
                other: OtherContact {
                    display_name: names.get(&other).cloned().unwrap_or_default(),
                    id: other,
                },
                kind: if forward {
                    row.kind
                } else {
                    inverse(&row.kind).to_string()
                },
                strength: row.strength,
                note: row.note,
            }
        })
        .collect();
    Ok((views, more))
}

/// Relates `a` and `b` as `knows` unless they are related already (an
/// introduction that was made does this).
pub fn ensure_known(conn: &mut DbConn, user_id: &str, a: &str, b: &str, note: &str) -> Result<()> {
    if store::related(conn, user_id, a, b)? {
        return Ok(());
    }
    let new = RelationshipCreate {
        contact_id: a.to_string(),
        other_id: b.to_string(),
        kind: super::model::RelationshipKind::Knows,
        strength: 3,
        note: Some(note.to_string()),
    };
    create(conn, user_id, new).map(|_| ())
}

/// Both ends must be distinct live contacts of the user.
fn check_ends(conn: &mut DbConn, user_id: &str, a: &str, b: &str) -> Result<()> {
    if a == b {
        return Err(Error::field(
            "other_id",
            "self_reference",
            "a contact cannot be related to itself",
        ));
    }
    let live = store::live_contacts(conn, user_id, [a, b])?;
    let errors: Vec<FieldError> = [("contact_id", a), ("other_id", b)]
        .into_iter()
        .filter(|(_, id)| !live.iter().any(|l| l == id))
        .map(|(field, _)| {
            FieldError::new(
                field,
                "unknown_contact",
                "no live contact of yours has this id",
            )
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errors))
    }
}

const DUPLICATE: Error = Error::Conflict(
    "relationship_exists",
    "these two contacts already have this relationship (or its inverse)",
);

/// Saves `row` and records the change; a pair that is taken (checked
/// first, and by the unique index when two writes race) is a conflict.
fn save(conn: &mut DbConn, row: &RelationshipRow, insert: bool) -> Result<()> {
    if store::pair_taken(conn, &row.user_id, &row.pair_key, &row.id)? {
        return Err(DUPLICATE);
    }
    match store::save(conn, row, insert) {
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            return Err(DUPLICATE)
        }
        other => other?,
    }
    changes::record(conn, &row.user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relationship_and_its_inverse_share_a_key() {
        assert_eq!(
            pair_key("a", "b", "mentor_of"),
            pair_key("b", "a", "mentee_of")
        );
        assert_eq!(pair_key("a", "b", "friend"), pair_key("b", "a", "friend"));
        assert_ne!(
            pair_key("a", "b", "mentor_of"),
            pair_key("b", "a", "mentor_of")
        );
    }
}
