//! Database functions for imports: `&mut DbConn` in, `QueryResult` out,
//! every query scoped to one user.

use diesel::prelude::*;

use super::model::ImportRow;
use crate::db::schema::imports;
use crate::db::DbConn;
use crate::time::Micros;

pub fn insert(conn: &mut DbConn, row: &ImportRow) -> QueryResult<()> {
    diesel::insert_into(imports::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<ImportRow>> {
    imports::table
        .filter(imports::user_id.eq(user_id))
        .filter(imports::id.eq(id))
        .select(ImportRow::as_select())
        .first(conn)
        .optional()
}

/// `find`, locking the row for the undo that reads it (PostgreSQL).
pub fn find_for_update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
) -> QueryResult<Option<ImportRow>> {
    crate::for_update!(
        conn,
        imports::table
            .filter(imports::user_id.eq(user_id))
            .filter(imports::id.eq(id))
            .select(ImportRow::as_select())
    )
}

/// The user's imports, newest first, after the id `after`: `limit + 1` at
/// most (ids are time-ordered).
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<ImportRow>> {
    let mut query = imports::table
        .filter(imports::user_id.eq(user_id))
        .select(ImportRow::as_select())
        .into_boxed();
    if let Some(id) = after {
        query = query.filter(imports::id.lt(id.to_string()));
    }
    query.order(imports::id.desc()).limit(limit + 1).load(conn)
}

/// Marks the import undone, unless it already is; whether it marked it.
pub fn mark_undone(conn: &mut DbConn, user_id: &str, id: &str, at: Micros) -> QueryResult<bool> {
    diesel::update(imports::table)
        .filter(imports::user_id.eq(user_id))
        .filter(imports::id.eq(id))
        .filter(imports::undone_at.is_null())
        .set(imports::undone_at.eq(Some(at)))
        .execute(conn)
        .map(|n| n == 1)
}
