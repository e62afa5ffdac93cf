//! Database functions for relationships.

use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::{inverse, OtherContact, Relationship, RelationshipView};
use crate::changes;
use crate::db::schema::{contacts, relationships as r};
use crate::db::DbConn;
use crate::error::{ApiError, FieldError};
use crate::http::{decode_cursor, encode_cursor, next_cursor, IfMatch};
use crate::ids;
use crate::time::{self, Micros};

pub const RESOURCE: &str = "relationship";

#[derive(Queryable, Selectable, Insertable, AsChangeset, Debug, Clone)]
#[diesel(table_name = r, treat_none_as_null = true)]
pub struct RelationshipRow {
    pub id: String,
    pub user_id: String,
    pub contact_id: String,
    pub other_id: String,
    pub kind: String,
    pub strength: i32,
    pub note: Option<String>,
    pub pair_key: String,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub version: i32,
}

impl RelationshipRow {
    pub fn to_api(&self) -> Relationship {
        Relationship {
            id: self.id.clone(),
            contact_id: self.contact_id.clone(),
            other_id: self.other_id.clone(),
            kind: self.kind.clone(),
            strength: self.strength,
            note: self.note.clone(),
            created_at: time::rfc3339(self.created_at),
            updated_at: time::rfc3339(self.updated_at),
            version: self.version,
        }
    }
}

/// The pair and kind as seen from the lower id: a relationship and its
/// inverse seen from the other side share it.
pub fn pair_key(a: &str, b: &str, kind: &str) -> String {
    if a <= b {
        format!("{a}|{b}|{kind}")
    } else {
        format!("{b}|{a}|{}", inverse(kind))
    }
}

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<RelationshipRow, ApiError> {
    crate::owned_by_id!(r, RelationshipRow, user_id, id)
        .first(conn)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// `get` for a write that changes the relationship (see `for_update!`).
fn get_for_update(conn: &mut DbConn, user_id: &str, id: &str) -> Result<RelationshipRow, ApiError> {
    crate::for_update!(conn, crate::owned_by_id!(r, RelationshipRow, user_id, id))?
        .ok_or_else(ApiError::not_found)
}

/// Both ends must be distinct live contacts of the user.
fn check_ends(conn: &mut DbConn, user_id: &str, a: &str, b: &str) -> Result<(), ApiError> {
    if a == b {
        return Err(ApiError::field(
            "other_id",
            "self_reference",
            "a contact cannot be related to itself",
        ));
    }
    let live: Vec<String> = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any([a, b]))
        .filter(contacts::trashed_at.is_null())
        .select(contacts::id)
        .load(conn)?;
    let mut errors = Vec::new();
    for (field, id) in [("contact_id", a), ("other_id", b)] {
        if !live.iter().any(|l| l == id) {
            errors.push(FieldError::new(
                field,
                "unknown_contact",
                "no live contact of yours has this id",
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

fn duplicate() -> ApiError {
    ApiError::conflict(
        "relationship_exists",
        "these two contacts already have this relationship (or its inverse)",
    )
}

/// Any relationship at all between two contacts, either way round.
pub fn related(conn: &mut DbConn, user_id: &str, a: &str, b: &str) -> QueryResult<bool> {
    let n: i64 = r::table
        .filter(r::user_id.eq(user_id))
        .filter(
            (r::contact_id.eq(a).and(r::other_id.eq(b)))
                .or(r::contact_id.eq(b).and(r::other_id.eq(a))),
        )
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

fn write(conn: &mut DbConn, row: &RelationshipRow, insert: bool) -> Result<(), ApiError> {
    let taken: i64 = r::table
        .filter(r::user_id.eq(&row.user_id))
        .filter(r::pair_key.eq(&row.pair_key))
        .filter(r::id.ne(&row.id))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(duplicate());
    }
    // A savepoint: a concurrent duplicate loses on the unique index without
    // spoiling the transaction.
    let result = conn.transaction(|c| {
        if insert {
            diesel::insert_into(r::table).values(row).execute(c)
        } else {
            diesel::update(r::table.find(&row.id)).set(row).execute(c)
        }
    });
    match result {
        Ok(_) => {}
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            return Err(duplicate())
        }
        Err(e) => return Err(e.into()),
    }
    changes::record(conn, &row.user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    Ok(())
}

pub struct NewRelationship {
    pub contact_id: String,
    pub other_id: String,
    pub kind: String,
    pub strength: i32,
    pub note: Option<String>,
}

pub fn create(
    conn: &mut DbConn,
    user_id: &str,
    n: NewRelationship,
) -> Result<RelationshipRow, ApiError> {
    check_ends(conn, user_id, &n.contact_id, &n.other_id)?;
    let now = time::now();
    let row = RelationshipRow {
        id: ids::new_id(),
        user_id: user_id.to_string(),
        pair_key: pair_key(&n.contact_id, &n.other_id, &n.kind),
        contact_id: n.contact_id,
        other_id: n.other_id,
        kind: n.kind,
        strength: n.strength,
        note: n.note,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    write(conn, &row, true)?;
    Ok(row)
}

pub fn update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    if_match: &IfMatch,
    kind: Option<String>,
    strength: Option<i32>,
    note: Option<Option<String>>,
) -> Result<RelationshipRow, ApiError> {
    let mut row = get_for_update(conn, user_id, id)?;
    if_match.check(row.version)?;
    if let Some(k) = kind {
        row.kind = k;
    }
    if let Some(s) = strength {
        row.strength = s;
    }
    if let Some(n) = note {
        row.note = n;
    }
    row.pair_key = pair_key(&row.contact_id, &row.other_id, &row.kind);
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
    write(conn, &row, false)?;
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
    diesel::delete(r::table.find(&row.id)).execute(conn)?;
    changes::record::<()>(conn, user_id, RESOURCE, &row.id, None)?;
    Ok(())
}

/// A contact's relationships seen from its side, by relationship id.
pub fn for_contact(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
    limit: i64,
    cursor: Option<&str>,
) -> Result<(Vec<RelationshipView>, Option<String>), ApiError> {
    const SORT: &str = "id";
    let mut q = r::table
        .filter(r::user_id.eq(user_id))
        .filter(r::contact_id.eq(contact_id).or(r::other_id.eq(contact_id)))
        .select(RelationshipRow::as_select())
        .into_boxed();
    if let Some(c) = cursor {
        let ((), id): ((), String) = decode_cursor(c, SORT)?;
        q = q.filter(r::id.gt(id));
    }
    let mut rows = q.order(r::id.asc()).limit(limit + 1).load(conn)?;
    let next = next_cursor(&mut rows, limit, |row| encode_cursor(SORT, (), &row.id));
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
    let names: std::collections::HashMap<String, String> = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any(&others))
        .select((contacts::id, contacts::display_name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
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
    Ok((views, next))
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
