//! Database functions for needs: `&mut DbConn` in, `QueryResult` out,
//! every query scoped to one user.

use diesel::prelude::*;

use super::model::NeedRow;
use crate::db::schema::{contacts as c, need_tags as nt, needs as n};
use crate::db::DbConn;
use crate::time::Micros;

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
                n::contact_id.eq(&row.contact_id),
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
                n::match_keys.eq(&row.match_keys),
                n::introduction_id.eq(&row.introduction_id),
                n::met_at.eq(row.met_at),
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

/// How many of a contact's needs are open.
pub fn count_open(conn: &mut DbConn, user_id: &str, contact_id: &str) -> QueryResult<i64> {
    n::table
        .filter(n::user_id.eq(user_id))
        .filter(n::contact_id.eq(contact_id))
        .filter(n::status.eq("open"))
        .count()
        .get_result(conn)
}

/// The ids of the needs of these contacts, in id order.
pub fn ids_of_contacts(
    conn: &mut DbConn,
    user_id: &str,
    contacts: &[String],
) -> QueryResult<Vec<String>> {
    n::table
        .filter(n::user_id.eq(user_id))
        .filter(n::contact_id.eq_any(contacts))
        .order(n::id.asc())
        .select(n::id)
        .load(conn)
}

/// The ids of the needs linked to an introduction proposed for them.
pub fn ids_of_introduction(
    conn: &mut DbConn,
    user_id: &str,
    introduction_id: &str,
) -> QueryResult<Vec<String>> {
    n::table
        .filter(n::user_id.eq(user_id))
        .filter(n::introduction_id.eq(introduction_id))
        .order(n::id.asc())
        .select(n::id)
        .load(conn)
}

/// The ids of the needs a record met (`kind`: `met_by`'s type, as
/// stored).
pub fn ids_met_by(
    conn: &mut DbConn,
    user_id: &str,
    kind: &str,
    id: &str,
) -> QueryResult<Vec<String>> {
    n::table
        .filter(n::user_id.eq(user_id))
        .filter(n::met_by_type.eq(kind))
        .filter(n::met_by_id.eq(id))
        .order(n::id.asc())
        .select(n::id)
        .load(conn)
}

/// An open need as matching reads it.
#[derive(Queryable, Debug)]
pub struct OpenNeed {
    pub id: String,
    /// `None`: the user's own.
    pub contact_id: Option<String>,
    /// Its match keys, space-separated (see `keys`).
    pub keys: String,
    pub created_at: Micros,
    /// Its contact's closeness.
    pub closeness: Option<i32>,
    pub kind: String,
    pub until_on: Option<String>,
}

impl OpenNeed {
    /// Whether it is of `kind`, still stands on `today` and is the user's
    /// own (`mine: Some(true)`), a contact's (`Some(false)`) or either.
    pub fn stands(&self, kind: &str, today: &str, mine: Option<bool>) -> bool {
        self.kind == kind
            && self.until_on.as_deref().is_none_or(|until| until >= today)
            && mine.is_none_or(|mine| mine == self.contact_id.is_none())
    }
}

/// The user's open needs that belong to the user or to a contact outside
/// the trash, in id order (sorted here: on PostgreSQL, sorting 10,000 ids
/// by the database's collation took a fifth of the query).
pub fn open_for_matching(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<OpenNeed>> {
    let mut open: Vec<OpenNeed> = n::table
        .left_join(c::table)
        .filter(n::user_id.eq(user_id))
        .filter(n::status.eq("open"))
        .filter(n::contact_id.is_null().or(c::trashed_at.is_null()))
        .select((
            n::id,
            n::contact_id,
            n::match_keys,
            n::created_at,
            c::closeness.nullable(),
            n::kind,
            n::until_on,
        ))
        .load(conn)?;
    open.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    Ok(open)
}

/// The user's needs with these ids.
pub fn by_ids(conn: &mut DbConn, user_id: &str, ids: &[&str]) -> QueryResult<Vec<NeedRow>> {
    n::table
        .filter(n::user_id.eq(user_id))
        .filter(n::id.eq_any(ids))
        .select(NeedRow::as_select())
        .load(conn)
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

/// (need id, contact id, contact name, topic, until).
pub type Expiring = (String, String, String, String, String);

/// Contacts' open asks whose last day falls in `[from, to)`, soonest
/// first.
pub fn expiring(
    conn: &mut DbConn,
    user_id: &str,
    from: &str,
    to: &str,
    limit: i64,
) -> QueryResult<Vec<Expiring>> {
    n::table
        .inner_join(c::table)
        .filter(n::user_id.eq(user_id))
        .filter(n::status.eq("open"))
        .filter(n::kind.eq("ask"))
        .filter(n::until_on.ge(from.to_string()))
        .filter(n::until_on.lt(to.to_string()))
        .filter(c::trashed_at.is_null())
        .order((n::until_on.asc(), n::id.asc()))
        .select((
            n::id,
            c::id,
            c::display_name,
            n::topic,
            n::until_on.assume_not_null(),
        ))
        .limit(limit)
        .load(conn)
}
