//! Database functions for introductions: `&mut DbConn` in, `QueryResult`
//! out.

use diesel::prelude::*;

use super::model::IntroductionRow;
use crate::db::schema::{introductions as it, ledger_entries as le};
use crate::db::search_index::{self, Searched};
use crate::db::DbConn;
use crate::ledger::model::EntryRow;

pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<IntroductionRow>> {
    crate::owned_by_id!(it, IntroductionRow, user_id, id)
        .first(conn)
        .optional()
}

/// `find` for a write that changes the introduction (see `for_update!`).
pub fn find_for_update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
) -> QueryResult<Option<IntroductionRow>> {
    crate::for_update!(conn, crate::owned_by_id!(it, IntroductionRow, user_id, id))
}

/// Inserts the row, its search text written with it.
pub fn insert(conn: &mut DbConn, row: &mut IntroductionRow) -> QueryResult<()> {
    row.stamp_search();
    diesel::insert_into(it::table).values(&*row).execute(conn)?;
    search_index::add(conn, Searched::Introductions, &row.search_text)
}

/// Writes the row back, its search text written with it.
pub fn update(conn: &mut DbConn, row: &mut IntroductionRow) -> QueryResult<()> {
    row.stamp_search();
    diesel::update(it::table.find(&row.id))
        .set(&*row)
        .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::delete(it::table.find(id)).execute(conn)?;
    Ok(())
}

/// The ids of the user's introductions in which any of `contact_ids` is one
/// of the people, in id order.
pub fn ids_involving(
    conn: &mut DbConn,
    user_id: &str,
    contact_ids: &[String],
) -> QueryResult<Vec<String>> {
    it::table
        .filter(it::user_id.eq(user_id))
        .filter(
            it::introducer_id
                .eq_any(contact_ids)
                .or(it::person_a_id.eq_any(contact_ids))
                .or(it::person_b_id.eq_any(contact_ids).nullable()),
        )
        .select(it::id)
        .order(it::id)
        .load(conn)
}

/// The ledger entries an introduction made.
pub fn entries_of(conn: &mut DbConn, row: &IntroductionRow) -> QueryResult<Vec<EntryRow>> {
    le::table
        .filter(le::user_id.eq(&row.user_id))
        .filter(le::introduction_id.eq(&row.id))
        .select(EntryRow::as_select())
        .load(conn)
}

/// The user's introductions newest first (keyset on created_at, id) after
/// `after`, `limit + 1` of them at most.
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    status: Option<&str>,
    contact_id: Option<&str>,
    limit: i64,
    after: Option<(i64, String)>,
) -> QueryResult<Vec<IntroductionRow>> {
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
    if let Some((k, id)) = after {
        q = crate::keyset_after!(q, it::created_at, k, it::id, id, lt, lt);
    }
    q.order((it::created_at.desc(), it::id.desc()))
        .limit(limit + 1)
        .select(IntroductionRow::as_select())
        .load(conn)
}

/// Writes the search text of up to `limit` rows without one, after the
/// id `after`; the last id written (`search::service::fill_missing`).
pub fn fill_search(conn: &mut DbConn, after: &str, limit: i64) -> QueryResult<Option<String>> {
    crate::search_fill!(conn, it, IntroductionRow, after, limit)
}

/// Search hits among the user's rows (`search::sql::search_page!`).
pub fn search(
    conn: &mut DbConn,
    user_id: &str,
    q: &crate::search::text::Query,
    from: Option<&crate::search::sql::From>,
    limit: i64,
) -> QueryResult<Vec<(i32, String, IntroductionRow)>> {
    // The table by its SQL name: the FTS5 index is named after it.
    use crate::db::schema::introductions;
    crate::search_page!(
        conn,
        introductions::table.filter(introductions::user_id.eq(user_id)),
        introductions,
        introductions::search_key,
        IntroductionRow,
        q,
        from,
        limit
    )
}
