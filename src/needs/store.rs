//! Database functions for needs: `&mut DbConn` in, `QueryResult` out,
//! every query scoped to one user.

use diesel::prelude::*;

use super::model::NeedRow;
use crate::db::schema::{need_tags as nt, needs as n};
use crate::db::DbConn;

pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<NeedRow>> {
    crate::owned_by_id!(n, NeedRow, user_id, id)
        .first(conn)
        .optional()
}

/// `find` for a write that changes it (see `for_update!`).
pub fn find_for_update(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<NeedRow>> {
    crate::for_update!(conn, crate::owned_by_id!(n, NeedRow, user_id, id))
}

/// Writes the row (new or changed) and its tag rows.
pub fn save(conn: &mut DbConn, row: &NeedRow, new: bool) -> QueryResult<()> {
    if new {
        diesel::insert_into(n::table).values(row).execute(conn)?;
    } else {
        diesel::update(n::table.find(&row.id))
            .set((
                n::topic.eq(&row.topic),
                n::tags.eq(&row.tags),
                n::description.eq(&row.description),
                n::until_on.eq(&row.until_on),
                n::status.eq(&row.status),
                n::met_by_type.eq(&row.met_by_type),
                n::met_by_id.eq(&row.met_by_id),
                n::search_text.eq(&row.search_text),
                n::updated_at.eq(row.updated_at),
                n::version.eq(row.version),
            ))
            .execute(conn)?;
        diesel::delete(nt::table.filter(nt::need_id.eq(&row.id))).execute(conn)?;
    }
    for tag in row.tags() {
        diesel::insert_into(nt::table)
            .values((
                nt::user_id.eq(&row.user_id),
                nt::need_id.eq(&row.id),
                nt::tag.eq(tag),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::delete(nt::table.filter(nt::need_id.eq(id))).execute(conn)?;
    diesel::delete(n::table.find(id)).execute(conn).map(|_| ())
}

/// What a list asks for.
pub struct Filter {
    /// Only this contact's.
    pub contact: Option<String>,
    /// `Some(true)`: only the user's own; `Some(false)`: only contacts'.
    pub mine: Option<bool>,
    pub kind: Option<&'static str>,
    pub status: Option<&'static str>,
    pub tag: Option<String>,
    /// Folded words, each of which the search text must hold.
    pub words: Vec<String>,
}

/// The user's needs matching `filter`, newest first, after the id `after`:
/// `limit + 1` at most.
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    filter: &Filter,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<NeedRow>> {
    let mut query = n::table
        .filter(n::user_id.eq(user_id))
        .select(NeedRow::as_select())
        .into_boxed();
    if let Some(id) = &filter.contact {
        query = query.filter(n::contact_id.eq(id.clone()));
    }
    match filter.mine {
        Some(true) => query = query.filter(n::contact_id.is_null()),
        Some(false) => query = query.filter(n::contact_id.is_not_null()),
        None => {}
    }
    if let Some(kind) = filter.kind {
        query = query.filter(n::kind.eq(kind));
    }
    if let Some(status) = filter.status {
        query = query.filter(n::status.eq(status));
    }
    if let Some(tag) = &filter.tag {
        query = query.filter(
            n::id.eq_any(
                nt::table
                    .filter(nt::user_id.eq(user_id))
                    .filter(nt::tag.eq(tag.clone()))
                    .select(nt::need_id),
            ),
        );
    }
    for word in &filter.words {
        // `%`, `_` and `\` in a word are literal.
        let escaped = word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        query = query.filter(n::search_text.like(format!("%{escaped}%")).escape('\\'));
    }
    if let Some(id) = after {
        query = query.filter(n::id.lt(id.to_string()));
    }
    query.order(n::id.desc()).limit(limit + 1).load(conn)
}
