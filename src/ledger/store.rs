//! Database functions for ledger entries: `&mut DbConn` in, `QueryResult`
//! out.

use diesel::prelude::*;

use super::model::EntryRow;
use crate::db::schema::{interaction_contacts as ic, interactions, ledger_entries as le};
use crate::db::search_index::{self, Searched};
use crate::db::DbConn;
use crate::search::words::{self, Words};

pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<EntryRow>> {
    crate::owned_by_id!(le, EntryRow, user_id, id)
        .first(conn)
        .optional()
}

/// `find` for a write that changes the entry (see `for_update!`).
pub fn find_for_update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
) -> QueryResult<Option<EntryRow>> {
    crate::for_update!(conn, crate::owned_by_id!(le, EntryRow, user_id, id))
}

/// Whether `interaction_id` is one of the user's interactions.
pub fn interaction_exists(
    conn: &mut DbConn,
    user_id: &str,
    interaction_id: &str,
) -> QueryResult<bool> {
    let n: i64 = interactions::table
        .filter(interactions::user_id.eq(user_id))
        .filter(interactions::id.eq(interaction_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Whether the interaction includes the contact.
pub fn interaction_includes(
    conn: &mut DbConn,
    interaction_id: &str,
    contact_id: &str,
) -> QueryResult<bool> {
    let n: i64 = ic::table
        .filter(ic::interaction_id.eq(interaction_id))
        .filter(ic::contact_id.eq(contact_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Inserts the row, its search text written with it.
pub fn insert(conn: &mut DbConn, row: &mut EntryRow) -> QueryResult<()> {
    row.stamp_search();
    diesel::insert_into(le::table).values(&*row).execute(conn)?;
    search_index::add(conn, Searched::LedgerEntries, &row.search_text)?;
    write_words(conn, row, true)
}

/// Writes the row back, its search text written with it.
pub fn update(conn: &mut DbConn, row: &mut EntryRow) -> QueryResult<()> {
    row.stamp_search();
    diesel::update(le::table.find(&row.id))
        .set(&*row)
        .execute(conn)?;
    write_words(conn, row, false)
}

/// The row's words as search reads them (`search::words`): in place of
/// those it had, unless it is `fresh`.
pub fn write_words(conn: &mut DbConn, row: &EntryRow, fresh: bool) -> QueryResult<()> {
    let text = (row.search_text.as_str(), row.search_key.as_str());
    words::write(
        conn,
        Words::LedgerEntries,
        &row.user_id,
        &row.id,
        text,
        fresh,
    )
}

pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::delete(le::table.find(id)).execute(conn)?;
    Ok(())
}

/// The ids of the user's entries with any of `contact_ids`, in id order.
pub fn ids_of_contacts(
    conn: &mut DbConn,
    user_id: &str,
    contact_ids: &[String],
) -> QueryResult<Vec<String>> {
    le::table
        .filter(le::user_id.eq(user_id))
        .filter(le::contact_id.eq_any(contact_ids))
        .select(le::id)
        .order(le::id)
        .load(conn)
}

/// The user's entries that repay `id`.
pub fn repaying(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Vec<EntryRow>> {
    le::table
        .filter(le::user_id.eq(user_id))
        .filter(le::repays_id.eq(id))
        .select(EntryRow::as_select())
        .load(conn)
}

/// The user's entries that point at an interaction.
pub fn linked_to(
    conn: &mut DbConn,
    user_id: &str,
    interaction_id: &str,
) -> QueryResult<Vec<EntryRow>> {
    le::table
        .filter(le::user_id.eq(user_id))
        .filter(le::interaction_id.eq(interaction_id))
        .select(EntryRow::as_select())
        .load(conn)
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

/// The user's entries newest first (keyset on created_at, id) after
/// `after`, `limit + 1` of them at most.
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    f: &ListFilter,
    limit: i64,
    after: Option<(i64, String)>,
) -> QueryResult<Vec<EntryRow>> {
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
    if let Some((k, id)) = after {
        q = crate::keyset_after!(q, le::created_at, k, le::id, id, lt, lt);
    }
    q.order((le::created_at.desc(), le::id.desc()))
        .limit(limit + 1)
        .select(EntryRow::as_select())
        .load(conn)
}

/// Writes the words of up to `limit` rows after the mark of their
/// backfill (`search::words::backlog`), and the search text of those
/// without one; whether rows remain (`search::service::fill_missing`).
pub fn fill_words(conn: &mut DbConn, limit: i64) -> QueryResult<bool> {
    let words = |c: &mut DbConn, row: &EntryRow| write_words(c, row, false);
    crate::search_fill_words!(conn, le, EntryRow, Words::LedgerEntries, limit, words)
}

/// Search hits among the user's rows (`search::words::search`, then
/// `search::sql::search_page!`).
pub fn search(
    conn: &mut DbConn,
    user_id: &str,
    q: &crate::search::text::Query,
    from: Option<&crate::search::sql::From>,
    limit: i64,
) -> QueryResult<Vec<(i32, String, EntryRow)>> {
    // The table by its SQL name: the FTS5 index is named after it.
    use crate::db::schema::ledger_entries;
    let ranked = |conn: &mut DbConn, from: Option<&crate::search::sql::From>, limit| {
        crate::search_page!(
            conn,
            ledger_entries::table.filter(ledger_entries::user_id.eq(user_id)),
            ledger_entries,
            ledger_entries::search_key,
            EntryRow,
            q,
            from,
            limit
        )
    };
    let rows = |conn: &mut DbConn, ids: &[String]| {
        le::table
            .filter(le::user_id.eq(user_id))
            .filter(le::id.eq_any(ids))
            .select(EntryRow::as_select())
            .load(conn)
    };
    let id_of: fn(&EntryRow) -> &str = |row| &row.id;
    words::search(
        conn,
        Words::LedgerEntries,
        user_id,
        q,
        from,
        limit,
        ranked,
        rows,
        id_of,
    )
}
