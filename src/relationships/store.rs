//! Database functions for relationships: `&mut DbConn` in, `QueryResult` out.

use diesel::prelude::*;

use super::model::RelationshipRow;
use crate::db::schema::{contacts, relationships as r};
use crate::db::DbConn;

/// The user's relationship `id`.
pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<RelationshipRow>> {
    crate::owned_by_id!(r, RelationshipRow, user_id, id)
        .first(conn)
        .optional()
}

/// `find` for a write that changes it (see `for_update!`).
pub fn find_for_update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
) -> QueryResult<Option<RelationshipRow>> {
    crate::for_update!(conn, crate::owned_by_id!(r, RelationshipRow, user_id, id))
}

/// Which of `ids` are live (not trashed) contacts of the user.
pub fn live_contacts(conn: &mut DbConn, user_id: &str, ids: [&str; 2]) -> QueryResult<Vec<String>> {
    contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any(ids))
        .filter(contacts::trashed_at.is_null())
        .select(contacts::id)
        .load(conn)
}

/// Whether another relationship than `except_id` has `pair_key`.
pub fn pair_taken(
    conn: &mut DbConn,
    user_id: &str,
    pair_key: &str,
    except_id: &str,
) -> QueryResult<bool> {
    let n: i64 = r::table
        .filter(r::user_id.eq(user_id))
        .filter(r::pair_key.eq(pair_key))
        .filter(r::id.ne(except_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
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

/// Inserts or updates `row` in a savepoint, so that losing a race on the
/// unique pair index leaves the transaction usable.
pub fn save(conn: &mut DbConn, row: &RelationshipRow, insert: bool) -> QueryResult<()> {
    conn.transaction(|c| {
        if insert {
            diesel::insert_into(r::table).values(row).execute(c)
        } else {
            diesel::update(r::table.find(&row.id)).set(row).execute(c)
        }
    })
    .map(|_| ())
}

pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::delete(r::table.find(id)).execute(conn).map(|_| ())
}

/// The ids of the user's relationships with any of `contact_ids` on either
/// side, in id order.
pub fn ids_of_contacts(
    conn: &mut DbConn,
    user_id: &str,
    contact_ids: &[String],
) -> QueryResult<Vec<String>> {
    r::table
        .filter(r::user_id.eq(user_id))
        .filter(
            r::contact_id
                .eq_any(contact_ids)
                .or(r::other_id.eq_any(contact_ids)),
        )
        .select(r::id)
        .order(r::id)
        .load(conn)
}

/// Up to `limit` of a contact's relationships, either side, by id after
/// `after`.
pub fn page_of_contact(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<RelationshipRow>> {
    let mut q = r::table
        .filter(r::user_id.eq(user_id))
        .filter(r::contact_id.eq(contact_id).or(r::other_id.eq(contact_id)))
        .select(RelationshipRow::as_select())
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(r::id.gt(after.to_string()));
    }
    q.order(r::id.asc()).limit(limit).load(conn)
}
