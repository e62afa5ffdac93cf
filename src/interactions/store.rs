//! Database functions for interactions: `&mut DbConn` in, `QueryResult` out.

use std::collections::HashMap;

use diesel::prelude::*;

use super::model::InteractionRow;
use crate::db::schema::{contacts, interaction_contacts as ic, interactions};
use crate::db::search_index::{self, Searched};
use crate::db::DbConn;
use crate::search::words::{self, Words};
use crate::time::Micros;

pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<InteractionRow>> {
    crate::owned_by_id!(interactions, InteractionRow, user_id, id)
        .first(conn)
        .optional()
}

/// `find` for a write that changes the interaction (see `for_update!`).
pub fn find_for_update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
) -> QueryResult<Option<InteractionRow>> {
    crate::for_update!(
        conn,
        crate::owned_by_id!(interactions, InteractionRow, user_id, id)
    )
}

/// Of `ids`, the user's contacts, each with when it was trashed (if it was).
pub fn contacts_among(
    conn: &mut DbConn,
    user_id: &str,
    ids: &[String],
) -> QueryResult<HashMap<String, Option<i64>>> {
    Ok(contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any(ids))
        .select((contacts::id, contacts::trashed_at))
        .load::<(String, Option<i64>)>(conn)?
        .into_iter()
        .collect())
}

/// Inserts the row, its search text written with it.
pub fn insert(conn: &mut DbConn, row: &mut InteractionRow) -> QueryResult<()> {
    row.stamp_search();
    diesel::insert_into(interactions::table)
        .values(&*row)
        .execute(conn)?;
    search_index::add(conn, Searched::Interactions, &row.search_text)?;
    write_words(conn, row, true)?;
    // A new interaction has no participation rows yet.
    insert_participants(conn, row)
}

/// Writes the row back, its search text written with it.
pub fn update(conn: &mut DbConn, row: &mut InteractionRow) -> QueryResult<()> {
    row.stamp_search();
    diesel::update(interactions::table.find(&row.id))
        .set(&*row)
        .execute(conn)?;
    write_words(conn, row, false)?;
    write_participants(conn, row)
}

/// The row's words as search reads them (`search::words`): in place of
/// those it had, unless it is `fresh`.
pub fn write_words(conn: &mut DbConn, row: &InteractionRow, fresh: bool) -> QueryResult<()> {
    let text = (row.search_text.as_str(), row.search_key.as_str());
    words::write(
        conn,
        Words::Interactions,
        &row.user_id,
        &row.id,
        text,
        fresh,
    )
}

pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::delete(ic::table.filter(ic::interaction_id.eq(id))).execute(conn)?;
    diesel::delete(interactions::table.find(id)).execute(conn)?;
    Ok(())
}

/// The ids of the user's interactions in which any of `contact_ids` takes
/// part, in id order.
pub fn ids_involving(
    conn: &mut DbConn,
    user_id: &str,
    contact_ids: &[String],
) -> QueryResult<Vec<String>> {
    ic::table
        .filter(ic::user_id.eq(user_id))
        .filter(ic::contact_id.eq_any(contact_ids))
        .select(ic::interaction_id)
        .distinct()
        .order(ic::interaction_id)
        .load(conn)
}

/// The participation rows of `row` (one per contact), as the agenda and the
/// per-contact lists read them.
fn write_participants(conn: &mut DbConn, row: &InteractionRow) -> QueryResult<()> {
    diesel::delete(ic::table.filter(ic::interaction_id.eq(&row.id))).execute(conn)?;
    insert_participants(conn, row)
}

/// Adds the participation rows of `row`.
fn insert_participants(conn: &mut DbConn, row: &InteractionRow) -> QueryResult<()> {
    // A row per statement: one statement of fixed text, which the
    // connection keeps prepared, costs less than preparing a list of rows
    // each time (docs/BENCHMARKS.md, "Captures").
    for contact_id in row.participants() {
        diesel::insert_into(ic::table)
            .values((
                ic::user_id.eq(&row.user_id),
                ic::interaction_id.eq(&row.id),
                ic::contact_id.eq(contact_id),
                ic::occurred_at.eq(row.occurred_at),
                ic::counts_as_touch.eq(row.counts_as_touch),
                ic::follow_up_on.eq(&row.follow_up_on),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Which interactions a list shows.
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    pub contact_id: Option<String>,
    pub kind: Option<String>,
    pub direction: Option<String>,
    pub since: Option<Micros>,
    pub until: Option<Micros>,
}

/// Up to `limit` of the user's interactions, newest first, after the
/// position (occurred_at, id) `after`. With a contact, the walk runs on that
/// contact's participation index.
pub fn page(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    after: Option<(Micros, String)>,
    limit: i64,
) -> QueryResult<Vec<InteractionRow>> {
    // The same filters on either table: `$at` and `$id` are its columns.
    macro_rules! walk {
        ($query:expr, $at:expr, $id:expr) => {{
            let mut q = $query;
            if let Some(k) = &filter.kind {
                q = q.filter(interactions::kind.eq(k.clone()));
            }
            if let Some(d) = &filter.direction {
                q = q.filter(interactions::direction.eq(d.clone()));
            }
            if let Some(t) = filter.since {
                q = q.filter($at.ge(t));
            }
            if let Some(t) = filter.until {
                q = q.filter($at.lt(t));
            }
            if let Some((k, id)) = after.clone() {
                q = crate::keyset_after!(q, $at, k, $id, id, lt, lt);
            }
            q.order(($at.desc(), $id.desc()))
                .limit(limit)
                .select(InteractionRow::as_select())
                .load::<InteractionRow>(conn)
        }};
    }
    match &filter.contact_id {
        Some(cid) => walk!(
            ic::table
                .inner_join(interactions::table)
                .filter(ic::user_id.eq(user_id))
                .filter(ic::contact_id.eq(cid.clone()))
                .into_boxed(),
            ic::occurred_at,
            ic::interaction_id
        ),
        None => walk!(
            interactions::table
                .filter(interactions::user_id.eq(user_id))
                .into_boxed(),
            interactions::occurred_at,
            interactions::id
        ),
    }
}

/// Writes the words of up to `limit` rows after the mark of their
/// backfill (`search::words::backlog`), and the search text of those
/// without one; whether rows remain (`search::service::fill_missing`).
pub fn fill_words(conn: &mut DbConn, limit: i64) -> QueryResult<bool> {
    let words = |c: &mut DbConn, row: &InteractionRow| write_words(c, row, false);
    crate::search_fill_words!(
        conn,
        interactions,
        InteractionRow,
        Words::Interactions,
        limit,
        words
    )
}

/// Search hits among the user's rows (`search::words::search`, then
/// `search::sql::search_page!`).
pub fn search(
    conn: &mut DbConn,
    user_id: &str,
    q: &crate::search::text::Query,
    from: Option<&crate::search::sql::From>,
    limit: i64,
) -> QueryResult<Vec<(i32, String, InteractionRow)>> {
    let ranked = |conn: &mut DbConn, from: Option<&crate::search::sql::From>, limit| {
        crate::search_page!(
            conn,
            interactions::table.filter(interactions::user_id.eq(user_id)),
            interactions,
            interactions::search_key,
            InteractionRow,
            q,
            from,
            limit
        )
    };
    let rows = |conn: &mut DbConn, ids: &[String]| {
        interactions::table
            .filter(interactions::user_id.eq(user_id))
            .filter(interactions::id.eq_any(ids))
            .select(InteractionRow::as_select())
            .load(conn)
    };
    let id_of: fn(&InteractionRow) -> &str = |row| &row.id;
    words::search(
        conn,
        Words::Interactions,
        user_id,
        q,
        from,
        limit,
        ranked,
        rows,
        id_of,
    )
}
