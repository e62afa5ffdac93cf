//! Database functions for contacts: `&mut DbConn` in, `QueryResult` out.
//! Each takes the user id: every query is scoped to one user, so another
//! user's id is simply "not found".

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;

use diesel::prelude::*;

use super::model::{ContactRow, DuplicateReason};
use super::read_model::{ContactBrief, ContactJson, ContactName, Short};
use crate::db::schema::{contact_handles, contact_names, contact_tags, contacts};
use crate::db::search_index::{self, Searched};
use crate::db::{prepared, DbConn};
use crate::search::text::{NameKind, NameRank, Query};
use crate::time::Micros;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};

pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<ContactRow>> {
    crate::per_backend!(conn, |c| crate::owned_by_id!(
        contacts, ContactRow, user_id, id
    )
    // The id is the primary key: no `LIMIT` to bind.
    .get_result::<ContactRow>(c)
    .optional())
}

/// `find` for a write that changes the contact (see `for_update!`).
pub fn find_for_update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
) -> QueryResult<Option<ContactRow>> {
    crate::for_update!(conn, crate::owned_by_id!(contacts, ContactRow, user_id, id))
}

/// `find_for_update` for many contacts of the user at once, in id order
/// (the order every write takes their locks in); the ids not found are left
/// out.
pub fn find_many_for_update(
    conn: &mut DbConn,
    user_id: &str,
    ids: &[&str],
) -> QueryResult<Vec<ContactRow>> {
    macro_rules! query {
        () => {
            contacts::table
                .filter(contacts::user_id.eq(user_id))
                .filter(contacts::id.eq_any(ids))
                .order(contacts::id)
                .select(ContactRow::as_select())
        };
    }
    match conn {
        DbConn::Sqlite(c) => query!().load(c),
        DbConn::Postgresql(c) => query!().for_no_key_update().load(c),
    }
}

/// The last touch of each of `ids` (of the user's contacts), as stored.
pub fn last_touches(
    conn: &mut DbConn,
    user_id: &str,
    ids: &[&str],
) -> QueryResult<Vec<(String, Option<Micros>)>> {
    contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any(ids))
        .select((contacts::id, contacts::last_interaction_at))
        .load(conn)
}

/// Whether `id` is one of the user's contacts (in the trash or not).
pub fn exists(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<bool> {
    let n: i64 = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq(id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The display names of the user's contacts `ids`.
pub fn names(
    conn: &mut DbConn,
    user_id: &str,
    ids: &[String],
) -> QueryResult<HashMap<String, String>> {
    Ok(contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any(ids))
        .select((contacts::id, contacts::display_name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// The ids of the user's contacts met via any of `ids`, in id order.
pub fn met_via_any(conn: &mut DbConn, user_id: &str, ids: &[String]) -> QueryResult<Vec<String>> {
    contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::met_via.eq_any(ids))
        .select(contacts::id)
        .order(contacts::id)
        .load(conn)
}

/// Up to `limit` of the user's contacts outside the trash, by name then id
/// after `after`: only those with `tag`, and only those among `ids`, when
/// given (an export).
pub fn page_for_export(
    conn: &mut DbConn,
    user_id: &str,
    tag: Option<&str>,
    ids: Option<&[String]>,
    after: Option<&(String, String)>,
    limit: i64,
) -> QueryResult<Vec<ContactRow>> {
    crate::per_backend!(conn, |c, Db| {
        let mut query = contacts::table
            .filter(contacts::user_id.eq(user_id))
            .filter(contacts::trashed_at.is_null())
            .select(ContactRow::as_select())
            .order((contacts::name_key, contacts::id))
            .limit(limit)
            .into_boxed::<Db>();
        if let Some(tag) = tag {
            let tagged = contact_tags::table
                .filter(contact_tags::user_id.eq(user_id))
                .filter(contact_tags::tag.eq(tag.to_lowercase()))
                .select(contact_tags::contact_id);
            query = query.filter(contacts::id.eq_any(tagged));
        }
        if let Some(ids) = ids {
            query = query.filter(contacts::id.eq_any(ids));
        }
        if let Some((name, id)) = after {
            query = crate::keyset_after!(query, contacts::name_key, name, contacts::id, id, gt, gt);
        }
        query.load(c)
    })
}

/// Inserts a new contact row, its JSON written with it.
pub fn insert(conn: &mut DbConn, row: &mut ContactRow) -> QueryResult<()> {
    row.stamp_json();
    diesel::insert_into(contacts::table)
        .values(&*row)
        .execute(conn)?;
    search_index::add(conn, Searched::Contacts, &row.search_text)
}

/// Writes a changed row back as it is, its JSON written with it.
pub fn update_row(conn: &mut DbConn, row: &mut ContactRow) -> QueryResult<()> {
    row.stamp_json();
    diesel::update(contacts::table.find(&row.id))
        .set(&*row)
        .execute(conn)?;
    Ok(())
}

/// Makes `contact_tags` hold exactly the row's tags.
pub fn sync_tags(conn: &mut DbConn, row: &ContactRow) -> QueryResult<()> {
    diesel::delete(contact_tags::table.filter(contact_tags::contact_id.eq(&row.id)))
        .execute(conn)?;
    insert_tags(conn, row)
}

/// Adds the row's tags to `contact_tags` (a new contact has none there).
pub fn insert_tags(conn: &mut DbConn, row: &ContactRow) -> QueryResult<()> {
    let tags: Vec<String> = serde_json::from_str(&row.tags).unwrap_or_default();
    for tag in tags {
        diesel::insert_into(contact_tags::table)
            .values((
                contact_tags::user_id.eq(&row.user_id),
                contact_tags::contact_id.eq(&row.id),
                contact_tags::tag.eq(tag),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Up to `limit` contacts without their stored JSON (a migration reset it).
pub fn without_json(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<ContactRow>> {
    contacts::table
        .filter(contacts::api_json.is_null())
        .select(ContactRow::as_select())
        .limit(limit)
        .load(conn)
}

/// Writes what is derived of the row (its JSON and search text), unless it
/// was written meanwhile (its version moved); whether it wrote.
pub fn write_derived(conn: &mut DbConn, row: &ContactRow) -> QueryResult<bool> {
    diesel::update(contacts::table.find(&row.id))
        .filter(contacts::version.eq(row.version))
        .set((
            contacts::api_json.eq(&row.api_json),
            contacts::api_json_version.eq(row.api_json_version),
            contacts::search_text.eq(&row.search_text),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

/// Writes a refreshed row: its derived fields, version, update time and
/// JSON (stamped here), nothing else (`contacts::service::refresh_contacts`
/// writes thousands in one capture: a fixed statement, kept prepared).
pub fn write_refreshed(conn: &mut DbConn, row: &mut ContactRow) -> QueryResult<()> {
    row.stamp_json();
    let query = prepared::sql(
        "UPDATE contacts SET version = ?, updated_at = ?, cadence_effective = ?, \
         last_interaction_at = ?, next_due_at = ?, birthday_md = ?, follow_up = ?, \
         api_json = ?, api_json_version = ? WHERE id = ?",
    )
    .bind::<Integer, _>(row.version)
    .bind::<BigInt, _>(row.updated_at)
    .bind::<Nullable<Integer>, _>(row.cadence_effective)
    .bind::<Nullable<BigInt>, _>(row.last_interaction_at)
    .bind::<Nullable<BigInt>, _>(row.next_due_at)
    .bind::<Nullable<Text>, _>(&row.birthday_md)
    .bind::<Nullable<Text>, _>(&row.follow_up)
    .bind::<Nullable<Text>, _>(&row.api_json)
    .bind::<Nullable<Integer>, _>(row.api_json_version)
    .bind::<Text, _>(&row.id);
    crate::per_backend!(conn, |c| query.execute(c)).map(|_| ())
}

/// The contact of the user that has the lookup row (`kind`, `value`).
pub fn holding(
    conn: &mut DbConn,
    user_id: &str,
    kind: &str,
    value: &str,
) -> QueryResult<Option<String>> {
    contact_handles::table
        .filter(contact_handles::user_id.eq(user_id))
        .filter(contact_handles::kind.eq(kind))
        .filter(contact_handles::value.eq(value))
        .select(contact_handles::contact_id)
        .first(conn)
        .optional()
}

/// The first of `values` (lookup rows of `kind`) that a contact of the
/// user not in the trash has, as that contact's id.
pub fn live_holder(
    conn: &mut DbConn,
    user_id: &str,
    kind: &str,
    values: &[String],
) -> QueryResult<Option<String>> {
    for value in values {
        let found = contact_handles::table
            .inner_join(contacts::table)
            .filter(contact_handles::user_id.eq(user_id))
            .filter(contact_handles::kind.eq(kind))
            .filter(contact_handles::value.eq(value))
            .filter(contacts::trashed_at.is_null())
            .select(contact_handles::contact_id)
            .order(contact_handles::contact_id)
            .first::<String>(conn)
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// Makes the contact's lookup rows (`insert_lookups`) hold exactly what
/// the row says: its handles when `handles`, its names when `names`.
pub fn sync_lookups(
    conn: &mut DbConn,
    row: &ContactRow,
    (handles, names): (bool, bool),
) -> QueryResult<()> {
    if handles {
        diesel::delete(contact_handles::table.filter(contact_handles::contact_id.eq(&row.id)))
            .execute(conn)?;
        insert_handles(conn, row, super::search::handles(row))?;
    }
    if names {
        rewrite_names(conn, row, super::search::names_of(row))?;
    }
    Ok(())
}

/// Replaces the contact's name rows with `names`.
fn rewrite_names(
    conn: &mut DbConn,
    row: &ContactRow,
    names: Vec<(NameKind, String)>,
) -> QueryResult<()> {
    diesel::delete(contact_names::table.filter(contact_names::contact_id.eq(&row.id)))
        .execute(conn)?;
    insert_names(conn, row, names)
}

/// Makes the contact's name rows follow an edit of its search text from
/// `before` (the row they were written from) to `row`, writing only the
/// rows that differ: a note of 10,000 characters is a thousand rows, and
/// an edit of one of its lines changes the few that begin there. While
/// the start-up backfill may not have written a contact's rows
/// (`tails_written`), or when its name key changed (every row holds it),
/// all of them are written again; and when most of them go, since
/// deleting the contact's rows at once costs less than naming each (a
/// whole new note of 10,000 characters: 19–21 edits/s named, 23 at once,
/// on PostgreSQL). (A change to what `names_of` makes of a row comes with
/// a migration that has the backfill write every contact's rows again, as
/// 000034 does: until then `before`'s rows are not what `names_of` makes
/// of it now.)
pub fn sync_names(conn: &mut DbConn, before: &ContactRow, row: &ContactRow) -> QueryResult<()> {
    let new = super::search::names_of(row);
    if before.name_key != row.name_key || !tails_written(conn)? {
        return rewrite_names(conn, row, new);
    }
    let old = super::search::names_of(before);
    let (old_set, new_set): (HashSet<_>, HashSet<_>) = (old.iter().collect(), new.iter().collect());
    let gone: Vec<&(NameKind, String)> = old.iter().filter(|n| !new_set.contains(n)).collect();
    if gone.len() * 2 > old.len() {
        return rewrite_names(conn, row, new);
    }
    for kind in [NameKind::Name, NameKind::Word, NameKind::Tail] {
        let names: Vec<String> = gone
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, n)| n.clone())
            .collect();
        if names.is_empty() {
            continue;
        }
        let delete = diesel::delete(
            contact_names::table
                .filter(contact_names::contact_id.eq(&row.id))
                .filter(contact_names::kind.eq(kind.as_str()))
                .filter(prepared::one_of(contact_names::name, names)),
        );
        crate::per_backend!(conn, |c| delete.execute(c))?;
    }
    let added = new
        .iter()
        .filter(|n| !old_set.contains(n))
        .cloned()
        .collect();
    insert_names(conn, row, added)
}

/// Adds the contact's lookup rows (a new contact has none): its emails and
/// phone numbers to `contact_handles`, its names and the tails of its
/// search text to `contact_names` (`search::names_of`).
pub fn insert_lookups(conn: &mut DbConn, row: &ContactRow) -> QueryResult<()> {
    insert_handles(conn, row, super::search::handles(row))?;
    insert_names(conn, row, super::search::names_of(row))
}

fn insert_handles(
    conn: &mut DbConn,
    row: &ContactRow,
    handles: Vec<(&'static str, String)>,
) -> QueryResult<()> {
    if let DbConn::Sqlite(c) = conn {
        // One kept statement per row: diesel prepares a list of rows again
        // each time (its text depends on its length), which cost an import
        // more than the rows' writes.
        for (kind, value) in &handles {
            prepared::sql(
                "INSERT INTO contact_handles (user_id, contact_id, kind, value) VALUES (?, ?, ?, ?)",
            )
            .bind::<Text, _>(&row.user_id)
            .bind::<Text, _>(&row.id)
            .bind::<Text, _>(*kind)
            .bind::<Text, _>(value)
            .execute(c)?;
        }
        return Ok(());
    }
    // PostgreSQL: one round trip for the list.
    let handles: Vec<_> = handles
        .into_iter()
        .map(|(kind, value)| {
            (
                contact_handles::user_id.eq(&row.user_id),
                contact_handles::contact_id.eq(&row.id),
                contact_handles::kind.eq(kind),
                contact_handles::value.eq(value),
            )
        })
        .collect();
    if !handles.is_empty() {
        let insert = diesel::insert_into(contact_handles::table).values(handles);
        crate::per_backend!(conn, |c| insert.execute(c))?;
    }
    Ok(())
}

fn insert_names(
    conn: &mut DbConn,
    row: &ContactRow,
    names: Vec<(NameKind, String)>,
) -> QueryResult<()> {
    if let DbConn::Sqlite(c) = conn {
        // One kept statement per row, as `insert_handles`.
        for (kind, name) in &names {
            prepared::sql(
                "INSERT INTO contact_names (user_id, contact_id, kind, name, name_key) \
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind::<Text, _>(&row.user_id)
            .bind::<Text, _>(&row.id)
            .bind::<Text, _>(kind.as_str())
            .bind::<Text, _>(name)
            .bind::<Text, _>(&row.name_key)
            .execute(c)?;
        }
        return Ok(());
    }
    // PostgreSQL: one round trip for the list.
    let names: Vec<_> = names
        .into_iter()
        .map(|(kind, name)| {
            (
                contact_names::user_id.eq(&row.user_id),
                contact_names::contact_id.eq(&row.id),
                contact_names::kind.eq(kind.as_str()),
                contact_names::name.eq(name),
                contact_names::name_key.eq(&row.name_key),
            )
        })
        .collect();
    if !names.is_empty() {
        let insert = diesel::insert_into(contact_names::table).values(names);
        crate::per_backend!(conn, |c| insert.execute(c))?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Listing

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    CreatedAt,
    UpdatedAt,
    LastInteractionAt,
    NextDueAt,
    /// How well the contact matches `q` (`search::text::RANKS`), then name.
    Relevance,
}

#[derive(Clone, Debug)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
    pub name: String,
}

/// The sort of a search without `sort`.
pub const RELEVANCE: &str = "relevance";

impl Sort {
    pub fn parse(s: &str) -> Sort {
        let (descending, key) = match s.strip_prefix('-') {
            Some(k) => (true, k),
            None => (false, s),
        };
        let key = match key {
            "created_at" => SortKey::CreatedAt,
            "updated_at" => SortKey::UpdatedAt,
            "last_interaction_at" => SortKey::LastInteractionAt,
            "next_due_at" => SortKey::NextDueAt,
            RELEVANCE => SortKey::Relevance,
            _ => SortKey::Name,
        };
        Sort {
            key,
            descending,
            name: s.to_string(),
        }
    }
}

/// Which of the user's contacts outside the trash a list takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Archived {
    /// Those not archived (the contact list's default).
    #[default]
    Excluded,
    /// Only the archived ones (`?archived=true`).
    Only,
    /// Both (`GET /v1/search`).
    Included,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListFilter {
    /// Only contacts whose search text matches.
    pub q: Option<Query>,
    pub tag: Option<String>,
    pub company: Option<String>,
    /// Only contacts with this email (compared by `search::email_key`).
    pub email: Option<String>,
    /// Only contacts with this phone number (compared by its digits).
    pub phone: Option<String>,
    /// Only the contact with this `source:value` external id.
    pub external_id: Option<String>,
    /// Outside the trash: whether archived contacts are taken.
    pub archived: Archived,
    pub trashed: bool,
    /// Only contacts with `next_due_at` at or before this instant.
    pub due_by: Option<i64>,
    /// Only contacts with `next_due_at` strictly before this instant.
    pub due_before: Option<i64>,
}

/// The user's contacts that pass `filter`, as views, in a query boxed for
/// backend `$db` (see `list`).
macro_rules! filtered {
    ($db:ty, $user_id:expr, $filter:expr) => {
        filtered!($db, $user_id, $filter, ContactJson)
    };
    ($db:ty, $user_id:expr, $filter:expr, $row:ty) => {{
        let (user_id, filter): (&str, &ListFilter) = ($user_id, $filter);
        let mut query = contacts::table
            .filter(contacts::user_id.eq(user_id))
            .select(<$row>::as_select())
            .into_boxed::<$db>();
        if filter.trashed {
            query = query.filter(contacts::trashed_at.is_not_null());
        } else {
            query = query.filter(contacts::trashed_at.is_null());
            match filter.archived {
                Archived::Excluded => query = query.filter(contacts::archived.eq(false)),
                Archived::Only => query = query.filter(contacts::archived.eq(true)),
                Archived::Included => {}
            }
        }
        if let Some(q) = &filter.q {
            query = crate::search_matching!(query, contacts, $db, q);
        }
        for (kind, value) in [
            (
                "email",
                filter.email.as_deref().map(super::search::email_key),
            ),
            (
                "phone",
                filter.phone.as_deref().map(super::search::phone_key),
            ),
            ("external_id", filter.external_id.clone()),
        ] {
            if let Some(value) = value {
                let found = contact_handles::table
                    .filter(contact_handles::user_id.eq(user_id))
                    .filter(contact_handles::kind.eq(kind))
                    .filter(contact_handles::value.eq(value))
                    .select(contact_handles::contact_id);
                query = query.filter(contacts::id.eq_any(found));
            }
        }
        if let Some(company) = &filter.company {
            query = query.filter(contacts::company_key.eq(company.trim().to_lowercase()));
        }
        if let Some(tag) = &filter.tag {
            let tagged = contact_tags::table
                .filter(contact_tags::user_id.eq(user_id))
                .filter(contact_tags::tag.eq(tag.clone()))
                .select(contact_tags::contact_id);
            query = query.filter(contacts::id.eq_any(tagged));
        }
        if let Some(t) = filter.due_by {
            query = query.filter(contacts::next_due_at.le(t));
        }
        if let Some(t) = filter.due_before {
            query = query.filter(contacts::next_due_at.lt(t));
        }
        query
    }};
}

/// The user's rows of `contact_names` in the range of name rank `$rank`
/// (a `&NameRank`), as a query boxed for backend `$db`.
macro_rules! name_rows {
    ($db:ty, $user_id:expr, $rank:expr) => {{
        let (user_id, rank): (&str, &NameRank) = ($user_id, $rank);
        let mut query = contact_names::table
            .filter(contact_names::user_id.eq(user_id))
            .into_boxed::<$db>();
        // One kind by equality: PostgreSQL keeps an index's order for an
        // equal column, not for a list.
        query = match rank.kinds {
            [one] => query.filter(contact_names::kind.eq(one.as_str())),
            many => query.filter(prepared::one_of(contact_names::kind, kinds_of(many))),
        };
        match (rank.only(), rank.by_head) {
            (Some(only), _) => query.filter(contact_names::name.eq(only)),
            // The heads' index (migration 000034) has the names and words
            // only: the query says so in its words.
            (None, true) => query.filter(prepared::expr::<diesel::sql_types::Bool, _>(
                prepared::sql(HEAD_IS).bind::<Text, _>(rank.from.clone()),
            )),
            (None, false) => query
                .filter(contact_names::name.ge(rank.from.clone()))
                .filter(contact_names::name.lt(rank.to.clone())),
        }
    }};
}

/// Where a page starts: after the row with this sort key and id (what a
/// page's cursor holds).
#[derive(Clone, Debug, PartialEq)]
pub enum After {
    /// After a `name` sort key.
    Name(String, String),
    /// After an instant of `created_at` or `updated_at`.
    Instant(i64, String),
    /// After an instant, or a null, of a nullable key.
    Nullable(Option<i64>, String),
    /// After a rank and a name (`Relevance`).
    Ranked(i32, String, String),
}

/// Up to `$n` rows in `$sort`'s order after `$after` (an `Option<&After>`),
/// read on `$c` (the backend's own connection): keyset pagination on (sort
/// key, id). `$base!(column)` is each statement's boxed query, `$rows!(After
/// variant, rows loaded)` what an arm hands back. Nullable keys sort nulls
/// last in both directions: the non-null run is read first on its index,
/// then the nulls by id.
macro_rules! keyset {
    ($c:ident, $sort:expr, $n:expr, $after:expr, $base:ident, $rows:ident) => {{
        let (sort, n, after): (&Sort, i64, Option<&After>) = ($sort, $n, $after);
        // The keyset condition: rows after `($k, $id)` in the sort's
        // direction (`keyset_after!`: a page of a search that reads each
        // contact's text, `in_sort_order`, read every contact before its
        // cursor without its bound: the 60th page of `no` by `-name`, 49 ms).
        macro_rules! after {
            ($query:expr, $col:expr, $k:expr, $id:expr) => {
                if sort.descending {
                    crate::keyset_after!($query, $col, $k, contacts::id, $id, lt, lt)
                } else {
                    crate::keyset_after!($query, $col, $k, contacts::id, $id, gt, gt)
                }
            };
        }
        // The sort's order on `$col`, then id.
        macro_rules! ordered {
            ($query:expr, $col:expr) => {
                if sort.descending {
                    $query.order(($col.desc(), contacts::id.desc()))
                } else {
                    $query.order(($col.asc(), contacts::id.asc()))
                }
            };
        }
        // A key that is never null: one keyset walk.
        macro_rules! plain {
            ($col:expr, $variant:ident) => {{
                let mut query = $base!($col);
                if let Some(After::$variant(k, id)) = after.cloned() {
                    query = after!(query, $col, k, id);
                }
                let rows = ordered!(query, $col).limit(n).load($c)?;
                $rows!($variant, rows)
            }};
        }
        // A nullable key: its non-null run, then the nulls by id.
        macro_rules! nulls_last {
            ($col:expr) => {{
                let position = match after {
                    Some(After::Nullable(k, id)) => Some((*k, id.clone())),
                    _ => None,
                };
                let mut rows = Vec::new();
                if !matches!(position, Some((None, _))) {
                    let mut query = $base!($col).filter($col.is_not_null());
                    if let Some((Some(k), id)) = position.clone() {
                        query = after!(query, $col, k, id);
                    }
                    rows = ordered!(query, $col).limit(n).load($c)?;
                }
                if (rows.len() as i64) < n {
                    let mut query = $base!($col).filter($col.is_null());
                    if let Some((None, id)) = position {
                        query = if sort.descending {
                            query.filter(contacts::id.lt(id))
                        } else {
                            query.filter(contacts::id.gt(id))
                        };
                    }
                    query = if sort.descending {
                        query.order(contacts::id.desc())
                    } else {
                        query.order(contacts::id.asc())
                    };
                    let more = n - rows.len() as i64;
                    rows.extend(query.limit(more).load($c)?);
                }
                $rows!(Nullable, rows)
            }};
        }
        match sort.key {
            SortKey::Name | SortKey::Relevance => plain!(contacts::name_key, Name),
            SortKey::CreatedAt => plain!(contacts::created_at, Instant),
            SortKey::UpdatedAt => plain!(contacts::updated_at, Instant),
            SortKey::LastInteractionAt => nulls_last!(contacts::last_interaction_at),
            SortKey::NextDueAt => nulls_last!(contacts::next_due_at),
        }
    }};
}

/// The rows (as `$row`) of `list` by a sort key, `limit + 1` at most
/// (`keyset!`).
macro_rules! keyset_page {
    ($row:ty, $conn:expr, $user_id:expr, $filter:expr, $sort:expr, $limit:expr, $after:expr) => {{
        let (user_id, filter): (&str, &ListFilter) = ($user_id, $filter);
        // On the concrete connection: rows are read without the
        // multi-backend layer (a fifth of a page's reading time).
        let rows: Vec<$row> = crate::per_backend!($conn, |c, DB| {
            macro_rules! base {
                ($col:expr) => {
                    filtered!(DB, user_id, filter, $row)
                };
            }
            macro_rules! as_loaded {
                ($variant:ident, $loaded:expr) => {
                    $loaded
                };
            }
            keyset!(c, $sort, $limit + 1, $after, base, as_loaded)
        });
        rows
    }};
}

/// Contacts, each with its rank (see `list`).
pub type Ranked = Vec<(ContactJson, i32)>;

/// The user's contacts after `after` in `sort`, `limit + 1` of them at most
/// (the page and a sign that more follow), each with its rank (0 unless
/// sorted by relevance). A search by relevance reads its name ranks here
/// and hands on `Continue` with their rows when the page is not full and
/// the query may match inside words: `list_rest` reads that last rank (its
/// statements are best planned for their values, the names' once:
/// `Db::read_in_two`).
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    sort: &Sort,
    limit: i64,
    after: Option<&After>,
) -> QueryResult<ControlFlow<Ranked, Ranked>> {
    if let (SortKey::Relevance, Some(q)) = (sort.key, &filter.q) {
        return ranked(conn, user_id, filter, q, limit + 1, after);
    }
    if let Some(rows) = sorted(conn, user_id, filter, sort, limit + 1, after)? {
        return Ok(ControlFlow::Break(rows));
    }
    let rows = keyset_page!(ContactJson, conn, user_id, filter, sort, limit, after);
    Ok(ControlFlow::Break(
        rows.into_iter().map(|r| (r, 0)).collect(),
    ))
}

/// Up to `need` contacts of a search by a sort key (not by relevance)
/// after `after`, when its matches can be read in the sort's order
/// (`by_name`, `walked`); `None` when every match is to be read and sorted.
fn sorted(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    sort: &Sort,
    need: i64,
    after: Option<&After>,
) -> QueryResult<Option<Ranked>> {
    let Some(q) = filter.q.as_ref().filter(|_| sort.key != SortKey::Relevance) else {
        return Ok(None);
    };
    if sort.key == SortKey::Name && !sort.descending {
        let position = match after {
            Some(After::Name(key, id)) => Some((key.clone(), id.clone())),
            _ => None,
        };
        if let Some(rows) = by_name(conn, user_id, filter, q, need, position)? {
            return Ok(Some(rows));
        }
    }
    walked(conn, user_id, filter, q, sort, need, after)
}

/// A row of a contact's short fields that a page can be read as.
pub trait ShortRow: Short + Sized {
    /// `list` as these rows, by a sort key (a search ranked by relevance
    /// reads `list`).
    fn page(
        conn: &mut DbConn,
        user_id: &str,
        filter: &ListFilter,
        sort: &Sort,
        limit: i64,
        after: Option<&After>,
    ) -> QueryResult<Vec<Self>>;
}

macro_rules! short_rows {
    ($($row:ty),*) => {$(
        impl ShortRow for $row {
            fn page(
                conn: &mut DbConn,
                user_id: &str,
                filter: &ListFilter,
                sort: &Sort,
                limit: i64,
                after: Option<&After>,
            ) -> QueryResult<Vec<Self>> {
                Ok(keyset_page!($row, conn, user_id, filter, sort, limit, after))
            }
        }
    )*};
}
short_rows!(ContactBrief, ContactName);

/// The most rows of `contact_names` one read hands on (each contact a
/// bound value of the next read).
const MOST_NAMED: i64 = 4096;

/// Up to `need` of the user's contacts that pass `filter` (and match `q`)
/// after `after`, by rank, then name, each with its rank.
///
/// The ranks a contact's rows in `contact_names` decide (its names, name
/// words and tails: `Query::name_ranks`) are read from there in name
/// order, a few more than the page at a time, so that a page costs its own
/// rows however many contacts match. When they leave the page short and
/// the query may match inside a word, their rows are handed on
/// (`Continue`) for `list_rest` to read the last rank.
fn ranked(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    q: &Query,
    need: i64,
    after: Option<&After>,
) -> QueryResult<ControlFlow<Ranked, Ranked>> {
    let (start_rank, start) = ranked_start(after);
    let names = q.name_ranks(tails_written(conn)?);
    let others = others(filter);
    let mut out: Ranked = Vec::new();
    // Whether the better ranks were read from their start and held no
    // name: then none is left out (the common case of a query no name
    // begins with, which spares a set of every row of its range).
    let mut none_better = start.is_none();
    for rank in names.iter().filter(|r| r.rank >= start_rank) {
        let mut position = start.clone().filter(|_| rank.rank == start_rank);
        let mut batch = need - out.len() as i64 + 8;
        let better = match none_better {
            true => Vec::new(),
            false => NameRank::widest(names.iter().filter(|b| b.rank < rank.rank)),
        };
        let after = position.clone().map(|(key, id)| After::Name(key, id));
        if in_name_order(conn, user_id, &others, q, rank, after, need, &mut out)? {
            if (out.len() as i64) == need {
                return Ok(ControlFlow::Break(out));
            }
            none_better = false;
            continue;
        }
        loop {
            let found = named(conn, user_id, rank, &better, position.as_ref(), batch)?;
            if found.is_empty() {
                break;
            }
            none_better = false;
            // A contact named twice comes twice in a row: taken once.
            let mut ids: Vec<&String> = found.iter().map(|(_, id)| id).collect();
            ids.dedup();
            if take(conn, user_id, &others, &ids, need, rank.rank, &mut out)? {
                return Ok(ControlFlow::Break(out));
            }
            if (found.len() as i64) < batch {
                break;
            }
            position = found.last().cloned();
            batch = (batch * 4).min(MOST_NAMED);
        }
    }
    Ok(match q.beyond_names() {
        true => ControlFlow::Continue(out),
        false => ControlFlow::Break(out),
    })
}

/// The word rank of `ranked` (a word of any field begins with the query)
/// when many rows of `contact_names` begin with it (`company`: every
/// contact's company, whose 100,000 rows took 8 ms to read and sort by
/// name on SQLite, 25 on PostgreSQL): the contacts read in name order
/// from `after`, each one's text saying whether it is of that rank, until
/// `out` holds `need` or the contacts end (`Walk::pages`: a batch eight
/// times the page's, then given up; on PostgreSQL `by_name_text`, every
/// contact at most). Appends them with its rank, and says
/// whether it read the rank so: not another rank, other filters than the
/// archive's, few rows, or a walk given up. (One statement in name order
/// that keeps the contacts whose text holds it, as `in_sort_order`, was
/// planned on PostgreSQL for its values as a scan of every contact and a
/// sort: `company` 78 ms.)
#[allow(clippy::too_many_arguments)]
fn in_name_order(
    conn: &mut DbConn,
    user_id: &str,
    others: &ListFilter,
    q: &Query,
    rank: &NameRank,
    after: Option<After>,
    need: i64,
    out: &mut Ranked,
) -> QueryResult<bool> {
    let words = rank.kinds.iter().any(|k| *k != NameKind::Name);
    if !words || rank.by_head || rank.only().is_some() || !walkable(others) {
        return Ok(false);
    }
    if beginning_with(conn, user_id, &rank.from, MANY_MATCH as i64)? < MANY_MATCH as i64 {
        return Ok(false);
    }
    let text = Holding {
        any: q.rank_patterns()[rank.rank as usize].clone(),
        none: q.better_than(rank.rank),
    };
    let sort = Sort::parse("name");
    // PostgreSQL: from the index that holds each contact's text, until the
    // page is full (`person`, a word of 57,000 `Bench Person …` after
    // 10,000 contacts by name: 66 ms through the rows).
    if let DbConn::Postgresql(_) = conn {
        let how = (&sort, need - out.len() as i64, true);
        let rows = by_name_text(conn, user_id, others, (&text, true), how, after.as_ref())?;
        out.extend(rows.into_iter().flatten().map(|r| (r, rank.rank)));
        return Ok(true);
    }
    let walk = Walk {
        matches: &Matches::every(),
        filter: others,
        sort: &sort,
        text: &text,
        rank: rank.rank,
    };
    walk.pages(conn, user_id, after, need, out)
}

/// Appends to `out` the contacts of `ids` (in that order) that pass
/// `others`, each with `rank`, until `out` holds `need`; whether it does.
/// As many as the page lacks are read at a time, then the next ones if
/// the filters left some out: names read beyond are cheap, contacts not.
fn take(
    conn: &mut DbConn,
    user_id: &str,
    others: &ListFilter,
    ids: &[&String],
    need: i64,
    rank: i32,
    out: &mut Ranked,
) -> QueryResult<bool> {
    take_matching(
        conn,
        user_id,
        others,
        &Holding::default(),
        ids,
        need,
        rank,
        out,
    )
}

/// `$query` (boxed, on contacts, for backend `$db`) narrowed to the
/// contacts whose text holds what `$text` (a `&Holding`) says. The
/// `LIKE`s are written on `search_text || ''`: PostgreSQL would take a
/// query many contacts hold from its trigram index first, where the
/// contacts to confirm are few (by id) or read in an order (by name).
/// With `$column`, on that (`contacts::search_text`: the planner may
/// take the trigram index, as `by_name_text` within a range lets it).
macro_rules! holding_text {
    ($query:expr, $db:ty, $text:expr) => {
        holding_text!($query, $db, $text, contacts::search_text.concat(""))
    };
    ($query:expr, $db:ty, $text:expr, $column:expr) => {{
        let text: &Holding = $text;
        let mut query = $query;
        if !text.any.is_empty() {
            query = query.filter(crate::search_like_any!(
                contacts,
                $db,
                text.any.clone(),
                $column
            ));
        }
        if !text.none.is_empty() {
            query = query.filter(diesel::dsl::not(crate::search_like_any!(
                contacts,
                $db,
                text.none.clone(),
                $column
            )));
        }
        query
    }};
}

/// What a contact's search text must hold to be taken (`take_matching`):
/// one of `any` (when there are any), none of `none`.
#[derive(Default)]
struct Holding {
    any: Vec<String>,
    none: Vec<String>,
}

/// `take`, of the contacts whose text holds what `text` says as well
/// (`ids` may hold more: a search index's candidates).
#[allow(clippy::too_many_arguments)]
fn take_matching(
    conn: &mut DbConn,
    user_id: &str,
    others: &ListFilter,
    text: &Holding,
    ids: &[&String],
    need: i64,
    rank: i32,
    out: &mut Ranked,
) -> QueryResult<bool> {
    let mut rest = ids;
    while !rest.is_empty() && (out.len() as i64) < need {
        let (chunk, after) = rest.split_at(rest.len().min((need as usize) - out.len()));
        rest = after;
        let wanted = chunk.iter().map(|id| id.to_string()).collect();
        let mut rows = rows_by_id(conn, user_id, others, text, wanted)?;
        for id in chunk {
            if let Some(row) = rows.remove(*id) {
                out.push((row, rank));
            }
        }
    }
    Ok(out.len() as i64 == need)
}

/// Of the user's contacts `ids`, those that pass `filter` and whose text
/// holds what `text` says, by id.
fn rows_by_id(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    text: &Holding,
    ids: Vec<String>,
) -> QueryResult<HashMap<String, ContactJson>> {
    // No statement for no contact (a last rank that found none: a round
    // trip on PostgreSQL).
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<ContactJson> = crate::per_backend!(conn, |c, DB| {
        let query = filtered!(DB, user_id, filter).filter(prepared::one_of(contacts::id, ids));
        holding_text!(query, DB, text).load(c)
    })?;
    Ok(rows.into_iter().map(|r| (r.id.clone(), r)).collect())
}

/// A contact's id alone, for a statement that ranks contacts
/// (`list_rest`): their rows are read once the page is known.
#[derive(Queryable, Selectable)]
#[diesel(table_name = contacts)]
struct ContactId {
    id: String,
}

/// Up to `need` of the user's contacts that pass `filter` and match `q`,
/// by name (ascending) after `after` (name key, id), when the rows of
/// `contact_names` hand them in that order: a short query (a name or a
/// name's word that begins with it) of as many characters as the heads'
/// index keeps. `None` for any other search, which reads every candidate
/// of the search index and sorts them (`no` by name, 10,000 contacts: 14
/// ms on SQLite, 22 on PostgreSQL, where this takes 1.2 and 1.7).
///
/// The names and the words are read each in name order, a few more than
/// the page at a time, and merged up to the first of them that was cut
/// short: a contact found by both comes twice in a row, taken once. Only
/// for the live contacts without other filters: a tag, a company or the
/// trash may leave out all but a few of the names' contacts, which the
/// search index's candidates narrowed by them find at once.
fn by_name(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    q: &Query,
    need: i64,
    after: Option<(String, String)>,
) -> QueryResult<Option<Ranked>> {
    let names = q.name_ranks(false);
    let ranks = NameRank::widest(names.iter());
    let others = others(filter);
    let in_order = !q.beyond_names() && ranks.iter().all(|r| r.by_head);
    // The live list, nothing else filtered.
    if !in_order || others != ListFilter::default() {
        return Ok(None);
    }
    let mut out: Ranked = Vec::new();
    let mut position = after;
    let mut batch = need + 8;
    loop {
        let mut found = Vec::new();
        // Where every list read is complete up to: the first last row of
        // a list that filled its batch.
        let mut upto: Option<(String, String)> = None;
        for rank in &ranks {
            let rows = named(conn, user_id, rank, &[], position.as_ref(), batch)?;
            if rows.len() as i64 == batch {
                upto = [upto, rows.last().cloned()].into_iter().flatten().min();
            }
            found.extend(rows);
        }
        found.sort();
        found.dedup();
        if let Some(end) = &upto {
            found.retain(|row| row <= end);
        }
        let ids: Vec<&String> = found.iter().map(|(_, id)| id).collect();
        if take(conn, user_id, &others, &ids, need, 0, &mut out)? || upto.is_none() {
            return Ok(Some(out));
        }
        position = upto;
        batch = (batch * 4).min(MOST_NAMED);
    }
}

/// The fewest contacts a query must match (or a search index say may) for
/// `walked` to read its page in the sort's order: with fewer, reading and
/// sorting them all costs less than a walk that meets one of them in
/// (contacts / matches).
const MANY_MATCH: usize = 1000;

/// The most entries of a sort's index `walked` reads before it leaves the
/// page to the way that reads every match: the search index's candidates
/// on SQLite are every user's, so many may match and few of them be this
/// user's.
const MOST_WALKED: i64 = 32768;

/// Up to `need` of the user's live contacts (nothing else filtered) that
/// match `q`, in `sort`'s order after `after`, when many match (`no` by
/// `-created_at` read and sorted 10,000 contacts for a page of 50). On
/// SQLite the sort's index is walked from `after`, a batch of its entries
/// at a time (its key, id and rowid: no contact's row), and the contacts
/// among the query's matches (`matching`) are read, as many as the page
/// lacks; on PostgreSQL, by name the index that holds each contact's text
/// (`by_name_text`), by another key `in_sort_order` when many names begin
/// with the query, else the next contacts in the sort's order read by id,
/// when they hold the page. `None` when few match or other filters apply:
/// every match is read and sorted.
fn walked(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    q: &Query,
    sort: &Sort,
    need: i64,
    after: Option<&After>,
) -> QueryResult<Option<Ranked>> {
    let others = others(filter);
    if others != ListFilter::default() {
        return Ok(None);
    }
    let text = Holding {
        any: q.patterns(),
        none: Vec::new(),
    };
    if let DbConn::Postgresql(_) = conn {
        let Some(word) = q.one_word() else {
            return Ok(None);
        };
        // When many of the user's names, words and tails begin with the
        // query (`MANY_MATCH` rows of `contact_names`), so that many
        // contacts match.
        let many = beginning_with(conn, user_id, word, MANY_MATCH as i64)? >= MANY_MATCH as i64;
        // By name: from the index that holds each contact's text
        // (`by_name_text`), every contact when many match: their page is
        // then near, and the walk costs a fifth of one through the rows
        // (`omar`, each `Omar …` after 70,000 contacts by name: 85 ms
        // through the rows, 25 from the index; `bench`, 57,000 `Bench
        // Person …` after 10,000: 15 ms, 4 from the index, 52 reading
        // every match).
        if sort.key == SortKey::Name {
            let how = (sort, need, many);
            let rows = by_name_text(conn, user_id, &others, (&text, true), how, after)?;
            return Ok(rows.map(|rows| rows.into_iter().map(|r| (r, 0)).collect()));
        }
        if !many {
            // A query nearly every contact holds inside a word
            // (`example.com`: 100,000 matches read and sorted, 110 ms):
            // the first contacts in the sort's order, each read, when
            // they hold the page (`Walk` with every contact a match: a
            // batch, and one more when the first's share of matches says
            // it fills the page).
            let all = Matches::every();
            let walk = Walk {
                matches: &all,
                filter: &others,
                sort,
                text: &text,
                rank: 0,
            };
            let mut out: Ranked = Vec::new();
            return Ok(walk
                .pages(conn, user_id, after.cloned(), need, &mut out)?
                .then_some(out));
        }
        // Many: one statement in the sort's order.
        let rows = in_sort_order(conn, user_id, (&others, &text), sort, need, after)?;
        return Ok(Some(rows.into_iter().map(|r| (r, 0)).collect()));
    }
    let Some(matches) = matching(conn, user_id, q)? else {
        return Ok(None);
    };
    if matches.len() < MANY_MATCH {
        return Ok(None);
    }
    let walk = Walk {
        matches: &matches,
        filter: &others,
        sort,
        text: &text,
        rank: 0,
    };
    let mut out: Ranked = Vec::new();
    Ok(walk
        .pages(conn, user_id, after.cloned(), need, &mut out)?
        .then_some(out))
}

/// A walk of the live contacts in a sort's order (`walk`) that takes
/// those among `matches` whose text holds what `text` says, each with
/// `rank`.
struct Walk<'a> {
    matches: &'a Matches,
    /// What the contacts taken pass besides: the live list, or the
    /// contacts outside the trash (`walkable`).
    filter: &'a ListFilter,
    sort: &'a Sort,
    text: &'a Holding,
    rank: i32,
}

impl Walk<'_> {
    /// Appends to `out` the contacts the walk takes after `position`, a
    /// batch of the sort's index at a time, until `out` holds `need` or
    /// the contacts end: whether it got so far (not past `MOST_WALKED`
    /// entries; when every contact is a match, each met then being read,
    /// not past the first batch and one more that the first says fills
    /// the page); if not, `out` is as it was.
    fn pages(
        &self,
        conn: &mut DbConn,
        user_id: &str,
        mut position: Option<After>,
        need: i64,
        out: &mut Ranked,
    ) -> QueryResult<bool> {
        let before = out.len();
        let most = self.matches.most_walked();
        let first = need * 8;
        let mut batch = first;
        let mut walked = 0;
        while walked < most {
            let keys = walk(conn, user_id, self.sort, batch, position.as_ref())?;
            let ids: Vec<&String> = keys
                .iter()
                .filter(|k| self.matches.hold(k))
                .map(|k| &k.id)
                .collect();
            if take_matching(
                conn,
                user_id,
                self.filter,
                self.text,
                &ids,
                need,
                self.rank,
                out,
            )? || (keys.len() as i64) < batch
            {
                return Ok(true);
            }
            walked += batch;
            position = keys.last().map(|k| k.after.clone());
            batch = match self.matches.all {
                true if walked > first => break,
                // Every contact a match: one more batch, twice as long as
                // the share of matches met so far says fills the page,
                // when that is at most four times the first (`ima`, one
                // contact in 16, by a sort on PostgreSQL: 25 of the 408
                // met, its 6,400 matches read and sorted otherwise, 14–19
                // ms).
                true => {
                    let (found, lack) = ((out.len() - before) as i64, need - out.len() as i64);
                    match (lack * walked * 2).checked_div(found) {
                        Some(more) if more <= walked * 4 => more.max(1),
                        _ => break,
                    }
                }
                false => (batch * 4).min(most - walked).max(1),
            };
        }
        out.truncate(before);
        Ok(false)
    }
}

/// On PostgreSQL, up to `need` of the user's contacts that pass `filter`
/// and whose text holds what `text` says, in `sort`'s order after
/// `after`: one statement that reads the contacts in that order and keeps
/// those, until the page is full, for a query many contacts match (a page
/// of `ana` reads about three contacts for each it keeps). Its `LIKE` is
/// written on `search_text || ''`, which the trigram index does not
/// cover, so that PostgreSQL walks the sort's index rather than read
/// every match from the trigram index and sort them (`ana`: 33,000
/// contacts, 50 ms). There is no cheap set of matches to walk against as
/// on SQLite: the trigram index confirms each of its matches by its row.
fn in_sort_order(
    conn: &mut DbConn,
    user_id: &str,
    (filter, text): (&ListFilter, &Holding),
    sort: &Sort,
    need: i64,
    after: Option<&After>,
) -> QueryResult<Vec<ContactJson>> {
    Ok(crate::per_backend!(conn, |c, DB| {
        macro_rules! holding {
            ($col:expr) => {
                holding_text!(filtered!(DB, user_id, filter), DB, text)
            };
        }
        macro_rules! as_loaded {
            ($variant:ident, $loaded:expr) => {
                $loaded
            };
        }
        keyset!(c, sort, need, after, holding, as_loaded)
    }))
}

/// The most contacts by name `by_name_text` reads.
const MOST_READ: i64 = 4096;

/// The contacts whose search text (with their name key) the name index
/// holding it keeps (`contacts_live_name_text`, migration 000038: a B-tree
/// entry holds at most 2,704 bytes), and the others, in their own index by
/// name (`contacts_live_name_long`): written as the indexes' conditions,
/// which the planner matches as written.
const TEXTS: [&str; 2] = [
    "octet_length(contacts.search_text) + octet_length(contacts.name_key) <= 2000",
    "octet_length(contacts.search_text) + octet_length(contacts.name_key) > 2000",
];

/// A contact's name key and id, as a walk by name reads them.
#[derive(Queryable, Selectable, PartialEq, Eq, PartialOrd, Ord)]
#[diesel(table_name = contacts)]
struct NameId {
    name_key: String,
    id: String,
}

/// On PostgreSQL, up to `need` of the user's contacts that pass
/// `filter` (the archive's alone: `walkable`) and whose text holds what
/// `text` says, in `sort`'s order (`name` or `-name`) after `after`, when
/// the next `MOST_READ` contacts outside the trash by name hold them;
/// `None` when they hold fewer (every match is then read and sorted).
/// With `all`, read until the page is full or the contacts end.
///
/// With `from_index`, those contacts are read from the name index that
/// holds each one's search text (`TEXTS`), not their rows: a query many
/// contacts hold inside a word is read so where its matches are spread by
/// name (`ima`, inside each `Lima`: a page in 2,300 contacts, 15 ms
/// through the trigram index's 6,400 matches' rows, 2 from the index),
/// and gives way where they are not (`mar`, inside each `Omar`: none in
/// the first 70,000). Without, the planner chooses between that range and
/// the trigram index's matches: for a query few contacts hold
/// (`ben.silva51581`: one candidate, where the range costs 1 ms), as a
/// search by relevance asks for a query of many trigrams
/// (`Query::few_trigrams`).
fn by_name_text(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    (text, from_index): (&Holding, bool),
    (sort, need, all): (&Sort, i64, bool),
    after: Option<&After>,
) -> QueryResult<Option<Vec<ContactJson>>> {
    type Pg = diesel::pg::Pg;
    let DbConn::Postgresql(c) = conn else {
        return Ok(None);
    };
    // The keyset condition (after `after`) and the order of `sort`, on the
    // name index.
    macro_rules! in_order {
        ($query:expr) => {{
            let mut query = $query;
            if let Some(After::Name(k, id)) = after.cloned() {
                query = match sort.descending {
                    true => {
                        crate::keyset_after!(query, contacts::name_key, k, contacts::id, id, lt, lt)
                    }
                    false => {
                        crate::keyset_after!(query, contacts::name_key, k, contacts::id, id, gt, gt)
                    }
                };
            }
            match sort.descending {
                true => query.order((contacts::name_key.desc(), contacts::id.desc())),
                false => query.order((contacts::name_key.asc(), contacts::id.asc())),
            }
        }};
    }
    // The last of those contacts: read from the name index alone (every
    // one, with `all`).
    let last: Option<NameId> = match all {
        true => None,
        false => in_order!(contacts::table
            .filter(contacts::user_id.eq(user_id))
            .filter(contacts::trashed_at.is_null())
            .select(NameId::as_select())
            .into_boxed::<Pg>())
        .offset(MOST_READ - 1)
        .limit(1)
        .load(c)?
        .pop(),
    };
    // Those whose text holds it, up to the last of them: from each index
    // that holds the text (one statement; the second's rows are few), on
    // `search_text || ''`, which the trigram index does not cover; else on
    // the column, as the planner chooses.
    macro_rules! holding {
        ($query:expr, $column:expr) => {{
            let mut query = holding_text!($query, Pg, text, $column);
            if let Some(NameId { name_key: k, id }) = &last {
                query = match sort.descending {
                    true => crate::keyset_after!(
                        query,
                        contacts::name_key,
                        k,
                        contacts::id,
                        id.clone(),
                        gt,
                        ge
                    ),
                    false => crate::keyset_after!(
                        query,
                        contacts::name_key,
                        k,
                        contacts::id,
                        id.clone(),
                        lt,
                        le
                    ),
                };
            }
            in_order!(query).limit(need)
        }};
    }
    let query = || filtered!(Pg, user_id, filter, NameId);
    let mut found: Vec<NameId> = match from_index {
        true => {
            let [short, long] = TEXTS.map(|t| {
                let texts = prepared::expr::<diesel::sql_types::Bool, _>(prepared::sql(t));
                holding!(query().filter(texts), contacts::search_text.concat(""))
            });
            short.union_all(long).load(c)?
        }
        false => holding!(query(), contacts::search_text).load(c)?,
    };
    found.sort();
    if sort.descending {
        found.reverse();
    }
    found.truncate(need as usize);
    let ids: Vec<String> = found.into_iter().map(|f| f.id).collect();
    if (ids.len() as i64) < need && last.is_some() {
        return Ok(None);
    }
    // Their rows, by id, in that order.
    let mut rows = rows_by_id(conn, user_id, filter, &Holding::default(), ids.clone())?;
    Ok(Some(ids.iter().filter_map(|id| rows.remove(id)).collect()))
}

/// A live contact as a walk in a sort's order meets it (`walk`).
struct Walked {
    /// Its rowid, by which the trigram index names it.
    rowid: i64,
    id: String,
    /// Where a walk goes on after it.
    after: After,
}

/// The contacts that match a query, or may (`matching`).
#[derive(Default)]
struct Matches {
    /// By id: exact (a short query's, from `contact_names`).
    ids: HashSet<String>,
    /// By rowid: the trigram index's candidates, of every user.
    rowids: HashSet<i64>,
    /// Every contact may: the trigram index has more candidates than
    /// `many_candidates` (`example.com`: 101,000, 30 ms to read).
    all: bool,
}

impl Matches {
    /// Every contact may match.
    fn every() -> Matches {
        Matches {
            all: true,
            ..Matches::default()
        }
    }

    fn len(&self) -> usize {
        match self.all {
            true => usize::MAX,
            false => self.ids.len() + self.rowids.len(),
        }
    }

    /// How many entries of a sort's index a walk against these reads at
    /// most (`Walk::pages`): with the trigram index's candidates, half as
    /// many as there are, as an entry walked costs a sixth of a candidate
    /// read and sorted (`mar`, 5,052 candidates, inside each `Omar`, the
    /// first of them after 70,000 contacts by name: 32,768 walked in vain
    /// cost 9 ms; `ima`, 6,352, a page of them within the first 2,288);
    /// else `MOST_WALKED`.
    fn most_walked(&self) -> i64 {
        match self.rowids.len() as i64 {
            0 => MOST_WALKED,
            n => (n / 2).min(MOST_WALKED),
        }
    }

    fn hold(&self, contact: &Walked) -> bool {
        self.all || self.rowids.contains(&contact.rowid) || self.ids.contains(&contact.id)
    }
}

/// On SQLite, the contacts that match `q`, or a few more, as its indexes
/// name them without any contact's row: a query of two characters from
/// the heads of its names and words (`contact_names_head`), one word of
/// three or more from the trigram index (its candidates, of every user;
/// past `many_candidates`, every contact, and the walk tries one batch).
/// `None` for other queries: one character begins many more names than a
/// page needs (every name range read: 16,144 rows for `a`, where SQLite's
/// planner walks the sort's order already); the candidates of a query with
/// a space or a phone number's digits are many more than its matches
/// (`company 0007`: 58 matches), which the walk would read.
fn matching(conn: &mut DbConn, user_id: &str, q: &Query) -> QueryResult<Option<Matches>> {
    let mut found = Matches::default();
    if !q.beyond_names() {
        let DbConn::Sqlite(c) = conn else {
            return Ok(None);
        };
        let ranks = q.name_ranks(false);
        let ranks = NameRank::widest(ranks.iter());
        if !ranks.iter().all(|r| r.by_head) {
            return Ok(None);
        }
        for rank in ranks {
            let ids: Vec<String> = name_rows!(diesel::sqlite::Sqlite, user_id, rank)
                .select(contact_names::contact_id)
                .load(c)?;
            found.ids.extend(ids);
        }
        return Ok(Some(found));
    }
    if q.word().is_none() || q.fts5().is_none() {
        return Ok(None);
    }
    Ok(Some(trigram_matches(conn, q)?))
}

/// On SQLite, the trigram index's candidates for `q` as a walk's matches;
/// every contact when there are more than one in eight: the walk's first
/// batch meets eight contacts for each row of the page, so with that many
/// candidates every contact is one.
fn trigram_matches(conn: &mut DbConn, q: &Query) -> QueryResult<Matches> {
    let most = many_candidates(conn, 8)?;
    Ok(match candidates(conn, q, most)? {
        Some(rowids) => Matches {
            rowids: rowids.into_iter().collect(),
            ..Matches::default()
        },
        None => Matches::every(),
    })
}

/// Up to `n` of the user's contacts outside the trash (archived or not)
/// after `after` in `sort`'s order, read from the sort's index alone
/// (`contacts_live_*`: user, key, id, and on SQLite the rowid every index
/// holds, by which its trigram index names a contact), no contact's row.
fn walk(
    conn: &mut DbConn,
    user_id: &str,
    sort: &Sort,
    n: i64,
    after: Option<&After>,
) -> QueryResult<Vec<Walked>> {
    Ok(crate::per_backend!(conn, |c, DB| {
        // PostgreSQL has no rowid, nor candidates named by one.
        let rowid = match <DB as search_index::Engine>::FTS5 {
            true => "contacts.rowid",
            false => "0::BIGINT",
        };
        macro_rules! keys {
            ($col:expr) => {
                contacts::table
                    .filter(contacts::user_id.eq(user_id))
                    .filter(contacts::trashed_at.is_null())
                    .select((
                        prepared::expr::<BigInt, _>(prepared::sql(rowid)),
                        contacts::id,
                        $col,
                    ))
                    .into_boxed::<DB>()
            };
        }
        macro_rules! met {
            ($variant:ident, $loaded:expr) => {{
                let loaded: Vec<(i64, String, _)> = $loaded;
                loaded
                    .into_iter()
                    .map(|(rowid, id, key)| Walked {
                        rowid,
                        after: After::$variant(key, id.clone()),
                        id,
                    })
                    .collect()
            }};
        }
        keyset!(c, sort, n, after, keys, met)
    }))
}

/// Where a page of a search by relevance starts: the rank and the name
/// and id of the contact it follows.
fn ranked_start(after: Option<&After>) -> (i32, Option<(String, String)>) {
    match after {
        Some(After::Ranked(rank, key, id)) => (*rank, Some((key.clone(), id.clone()))),
        _ => (0, None),
    }
}

/// A filter's others than the query: a match by name needs no search text.
fn others(filter: &ListFilter) -> ListFilter {
    ListFilter {
        q: None,
        ..filter.clone()
    }
}

/// Whether a filter without its query (`others`) takes every contact that
/// a walk meets (`walk`: those outside the trash) but, at most, the
/// archived ones: no other filter, so that the walk meets the query's
/// matches as densely as an index counted them.
fn walkable(others: &ListFilter) -> bool {
    let shelf = ListFilter {
        archived: others.archived,
        ..ListFilter::default()
    };
    others.archived != Archived::Only && *others == shelf
}

/// The rest of `list`'s page of a search by relevance after the name ranks'
/// rows (`out`): the last rank, the contacts whose search text holds the
/// query inside a word, by each match's search text (`search_ranked!`),
/// among the search index's candidates or, for a query with a space, the
/// contacts whose rows say they can hold it (`few_hold`).
pub fn list_rest(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    limit: i64,
    after: Option<&After>,
    mut out: Ranked,
) -> QueryResult<Ranked> {
    use crate::search::sql::{From, Ids};
    let Some(q) = filter.q.as_ref().filter(|q| q.beyond_names()) else {
        return Ok(out);
    };
    let (start_rank, start) = ranked_start(after);
    let names = q.name_ranks(tails_written(conn)?);
    let others = others(filter);
    let need = limit + 1;
    let next = names.len() as i32;
    let from = match start {
        Some((key, id)) if start_rank >= next => From {
            rank: start_rank,
            key,
            ids: Ids::After(id),
        },
        _ => From {
            rank: next,
            key: String::new(),
            ids: Ids::All,
        },
    };
    let more = need - out.len() as i64;
    // Where the tails say which contacts can hold the query, and they
    // are few, those are read; else the search index's candidates.
    let tails = names.iter().any(|r| r.kinds.contains(&NameKind::Tail));
    let holders = match q.after_first_space() {
        Some(rest) if tails && few_hold(conn, user_id, rest)? => Some(rest),
        _ => None,
    };
    // The live list (or every contact outside the trash), the last rank
    // alone: its page may be in the next contacts by name.
    const LAST: i32 = crate::search::text::RANKS.len() as i32 - 1;
    let last_only = next == LAST && walkable(&others);
    let mut listed = None;
    // What the last rank's statement below orders by: on PostgreSQL, once
    // the next contacts by name hold too few, not the name itself, so that
    // its planner reads the trigram index's matches and sorts them rather
    // than walk the name index for them (`mar`, inside each `Omar`: its
    // first match after 70,000 names, 110 ms).
    let mut order_key = "contacts.name_key";
    if holders.is_none() && last_only {
        let text = Holding {
            any: q.patterns(),
            none: q.better_than(from.rank),
        };
        let position = name_position(&from);
        if let DbConn::Postgresql(_) = conn {
            let more = need - out.len() as i64;
            let name = (&Sort::parse("name"), more, false);
            let text = (&text, q.few_trigrams());
            let found = by_name_text(conn, user_id, &others, text, name, position.as_ref())?;
            if let Some(rows) = found {
                out.extend(rows.into_iter().map(|r| (r, from.rank)));
                return Ok(out);
            }
            order_key = "(contacts.name_key || '')";
        } else {
            // SQLite: the trigram index's candidates (as `matching` reads
            // them for a sorted search), unless there are few, walked in
            // name order, as a sorted search walks, rather than read and
            // sorted (`ima`, 6,418 candidates, one contact in 16: 10.5 ms
            // read and sorted, 2.0 walked; it read 4,096 at most, and past
            // them walked as for every contact). Past `many_candidates`,
            // the first contacts by name are tried, each a match
            // (`example.com`, 101,000 candidates: 86 ms read and sorted).
            let matches = trigram_matches(conn, q)?;
            if matches.len() < MANY_MATCH {
                listed = Some(serde_json::to_string(&matches.rowids).unwrap_or_default());
            } else {
                let walk = Walk {
                    matches: &matches,
                    filter: &others,
                    sort: &Sort::parse("name"),
                    text: &text,
                    rank: from.rank,
                };
                if walk.pages(conn, user_id, position, need, &mut out)? {
                    return Ok(out);
                }
            }
        }
    }
    // The page's contacts so far rank better: not holders to read again
    // (`company 0408`: the 44 its tails found are all its holders).
    let on_page: Vec<String> = out.iter().map(|(row, _)| row.id.clone()).collect();
    let rows = crate::per_backend!(conn, |c, DB| {
        let query = match holders {
            Some(rest) => {
                let mut held = contact_names::table
                    .filter(contact_names::user_id.eq(user_id))
                    .filter(prepared::one_of(contact_names::kind, kinds_of(HOLDING)))
                    .filter(contact_names::name.ge(rest.to_string()))
                    .filter(contact_names::name.lt(format!("{rest}{}", char::MAX)))
                    .select(contact_names::contact_id)
                    .into_boxed::<DB>();
                if !on_page.is_empty() {
                    held = held.filter(diesel::dsl::not(prepared::one_of(
                        contact_names::contact_id,
                        on_page.clone(),
                    )));
                }
                // The holders are the candidates; the `LIKE` confirms each.
                // Written on `search_text || ''`, which PostgreSQL's trigram
                // index does not cover: on the column its planner took the
                // index's candidates first (`company 0409`: 2.7 ms of 3.5 in
                // the index, where the 49 holders by id take 0.2).
                filtered!(DB, user_id, &others)
                    .filter(crate::search_like_any!(
                        contacts,
                        DB,
                        q.patterns(),
                        contacts::search_text.concat("")
                    ))
                    .filter(contacts::id.eq_any(held))
            }
            // The candidates read already: the `LIKE` confirms each.
            None if listed.is_some() => filtered!(DB, user_id, &others)
                .filter(crate::search_like_any!(contacts, DB, q.patterns()))
                .filter(prepared::expr::<diesel::sql_types::Bool, _>(
                    prepared::sql("contacts.rowid IN (SELECT value FROM json_each(?))")
                        .bind::<Text, _>(listed.clone().unwrap_or_default()),
                )),
            None => filtered!(DB, user_id, filter),
        };
        crate::search_ranked!(
            c,
            query,
            contacts,
            DB,
            prepared::expr::<Text, _>(prepared::sql(order_key)),
            ContactId,
            q,
            Some(&from),
            more
        )
    })?;
    // The page's rows, by id: each match's whole row read only for it
    // (`mar` on PostgreSQL, 5,000 matches: 14 ms with every row's fields,
    // 9 with its id).
    let ids = rows.iter().map(|(_, _, c)| c.id.clone()).collect();
    let mut found = rows_by_id(conn, user_id, &others, &Holding::default(), ids)?;
    out.extend(
        rows.into_iter()
            .filter_map(|(rank, _, c)| Some((found.remove(&c.id)?, rank))),
    );
    Ok(out)
}

/// The fewest candidates of the trigram index that `many_candidates`
/// says are too many to read.
const MANY_CANDIDATES: i64 = 4096;

/// On SQLite, how many candidates of the trigram index are too many to
/// read (`example.com`: 101,000, 30 ms for their rowids alone): one in
/// `per` contacts of every user (the table's last rowid, which SQLite
/// reads at once), and at least `MANY_CANDIDATES`. A query with more is
/// held by so many contacts that a page of them is likely among the first
/// `per` contacts for each row in the page's order (`walked`: a fixed
/// bound had `lima`, one contact in 16, try a batch and fail, 1.6 → 8 ms).
fn many_candidates(conn: &mut DbConn, per: i64) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Last {
        #[diesel(sql_type = Nullable<BigInt>)]
        rowid: Option<i64>,
    }
    let DbConn::Sqlite(c) = conn else {
        return Ok(MANY_CANDIDATES);
    };
    let last: Vec<Last> = prepared::sql("SELECT max(rowid) AS rowid FROM contacts").load(c)?;
    let contacts = last.first().and_then(|l| l.rowid).unwrap_or(0);
    Ok((contacts / per).max(MANY_CANDIDATES))
}

/// On SQLite, the trigram index's candidates for `q` (of every user), when
/// there are at most `most`; `None` when there are more (read no further:
/// FTS5 hands them in rowid order, one at a time).
fn candidates(conn: &mut DbConn, q: &Query, most: i64) -> QueryResult<Option<Vec<i64>>> {
    let (DbConn::Sqlite(c), Some(m)) = (conn, q.fts5()) else {
        return Ok(None);
    };
    #[derive(QueryableByName)]
    struct Candidate {
        #[diesel(sql_type = BigInt)]
        rowid: i64,
    }
    let rows: Vec<Candidate> =
        prepared::sql("SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT ?")
            .bind::<Text, _>(m)
            .bind::<BigInt, _>(most + 1)
            .load(c)?;
    Ok(((rows.len() as i64) <= most).then(|| rows.into_iter().map(|r| r.rowid).collect()))
}

/// Where a walk in name order of the last rank starts: after the cursor's
/// contact, when the page goes on from one of that rank.
fn name_position(from: &crate::search::sql::From) -> Option<After> {
    match &from.ids {
        crate::search::sql::Ids::After(id) => Some(After::Name(from.key.clone(), id.clone())),
        _ => None,
    }
}

/// A row of `contact_names` whose head (`search::text::HEAD_CHARS`) is
/// the bound value, as the index `contact_names_head` keeps heads: of the
/// rows that are not tails.
const HEAD_IS: &str = "(substr(contact_names.name, 1, 2) = ? AND contact_names.kind <> 'tail')";
const _: () = assert!(
    crate::search::text::HEAD_CHARS == 2,
    "HEAD_IS reads two characters"
);

/// The name under which `search_words_backlog` marks the contacts' tails
/// in `contact_names` as not all written (migration 000034 added them).
const ROWS_BACKLOG: &str = "contacts";

thread_local! {
    /// Whether this thread's database was found to hold every contact's
    /// tails (`tails_written`). Each connection thread serves one
    /// database, and once it does, it always will: asked until then.
    static TAILS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether `contact_names` holds every contact's tails
/// (`search::text::tails_of`): not while the start-up backfill of the
/// migration that added them is under way (`service::fill_missing_json`,
/// which writes search text and lookup rows without moving any feed
/// position: a search's page is kept only once it is done).
pub fn tails_written(conn: &mut DbConn) -> QueryResult<bool> {
    if TAILS.get() {
        return Ok(true);
    }
    let ready = crate::search::words::ready(conn, ROWS_BACKLOG)?;
    TAILS.set(ready);
    Ok(ready)
}

/// Marks every contact's tails as written (the backfill found no contact
/// without its JSON, which it writes with them).
pub fn all_tails_written(conn: &mut DbConn) -> QueryResult<()> {
    crate::search::words::backlog_done(conn, ROWS_BACKLOG, None)
}

/// The kinds of rows in `contact_names` (all of them; `few_hold` names
/// them too).
const HOLDING: &[NameKind] = &[NameKind::Name, NameKind::Word, NameKind::Tail];

/// Whether at most `FEW` rows of the user's `contact_names` begin with
/// `rest`. The contacts that hold a query of which `rest` follows the
/// first space are among theirs (`Query::after_first_space`), and reading
/// so few costs less than the search index's candidates (`ana lima 12`:
/// 67 rows begin with `lima 12`).
fn few_hold(conn: &mut DbConn, user_id: &str, rest: &str) -> QueryResult<bool> {
    const FEW: i64 = 512;
    Ok(beginning_with(conn, user_id, rest, FEW + 1)? <= FEW)
}

/// How many rows of the user's `contact_names` begin with `prefix`,
/// counted up to `most`.
fn beginning_with(conn: &mut DbConn, user_id: &str, prefix: &str, most: i64) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let query = prepared::sql(
        "SELECT COUNT(*) AS n FROM (SELECT 1 FROM contact_names \
         WHERE user_id = ? AND kind IN ('name', 'word', 'tail') AND name >= ? AND name < ? \
         LIMIT ?) AS held",
    )
    .bind::<Text, _>(user_id)
    .bind::<Text, _>(prefix)
    .bind::<Text, _>(format!("{prefix}{}", char::MAX))
    .bind::<BigInt, _>(most);
    let n: Vec<Count> = crate::per_backend!(conn, |c| query.load(c))?;
    Ok(n.first().map_or(0, |c| c.n))
}

/// Up to `limit` names of the user's contacts of name rank `rank`, after
/// the (name key, id) `after`, as (name key, id) in that order: those with
/// a name in its range and none in the ranges of `better` (the better
/// ranks that may hold any). A contact with several names in the range
/// comes as many times in a row (the caller takes it once): leaving them
/// in costs a sort of the range, taking them out a hash of it as well (10
/// against 5 ms for the 16,181 names that begin with `no` on PostgreSQL).
/// Every statement is one a connection keeps prepared.
fn named(
    conn: &mut DbConn,
    user_id: &str,
    rank: &NameRank,
    better: &[&NameRank],
    after: Option<&(String, String)>,
    limit: i64,
) -> QueryResult<Vec<(String, String)>> {
    let better_alias = diesel::alias!(contact_names as better);
    crate::per_backend!(conn, |c, DB| {
        let mut query = name_rows!(DB, user_id, rank)
            .select((contact_names::name_key, contact_names::contact_id));
        // Not the contacts of a better rank: one set, read once (a
        // correlated probe per candidate costs more than the set).
        for b in better {
            let kind = better_alias.field(contact_names::kind);
            let name = better_alias.field(contact_names::name);
            let of_better = better_alias
                .filter(better_alias.field(contact_names::user_id).eq(user_id))
                .filter(prepared::one_of(kind, kinds_of(b.kinds)))
                .filter(name.ge(b.from.clone()))
                .filter(name.lt(b.to.clone()))
                .select(better_alias.field(contact_names::contact_id));
            query = query.filter(diesel::dsl::not(
                contact_names::contact_id.eq_any(of_better),
            ));
        }
        if let Some((key, id)) = after {
            query = query.filter(
                contact_names::name_key.gt(key).or(contact_names::name_key
                    .eq(key)
                    .and(contact_names::contact_id.gt(id))),
            );
        }
        query
            .order((
                contact_names::name_key.asc(),
                contact_names::contact_id.asc(),
            ))
            .limit(limit)
            .load(c)
    })
}

/// The kinds of rows of `contact_names`, as the column holds them.
fn kinds_of(kinds: &[NameKind]) -> Vec<String> {
    kinds.iter().map(|k| k.as_str().to_string()).collect()
}

/// Search hits among the user's contacts outside the trash (archived ones
/// too), up to `limit` from `from`, as `GET /v1/search` orders them: the
/// contact list's search by relevance (`list`, then `list_rest`), whose
/// order is the same (rank, name key, id), then each hit's row read by id
/// for its fields. (Its own ranked query read and sorted every match:
/// `ana` 45 ms, `example.com` 110.)
pub fn search(
    conn: &mut DbConn,
    user_id: &str,
    q: &Query,
    from: Option<&crate::search::sql::From>,
    limit: i64,
) -> QueryResult<Vec<(i32, String, ContactRow)>> {
    use crate::search::sql::Ids;
    let filter = ListFilter {
        q: Some(q.clone()),
        archived: Archived::Included,
        ..ListFilter::default()
    };
    // A key's rows all, after an id, or none: ids are never empty, and
    // sort before `char::MAX`.
    let after = from.map(|f| {
        let id = match &f.ids {
            Ids::All => String::new(),
            Ids::After(id) => id.clone(),
            Ids::None => char::MAX.to_string(),
        };
        After::Ranked(f.rank, f.key.clone(), id)
    });
    // `list` reads one row more than its limit.
    let (sort, less) = (Sort::parse(RELEVANCE), limit - 1);
    let ranked = match list(conn, user_id, &filter, &sort, less, after.as_ref())? {
        ControlFlow::Break(ranked) => ranked,
        ControlFlow::Continue(named) => {
            list_rest(conn, user_id, &filter, less, after.as_ref(), named)?
        }
    };
    let ids: Vec<String> = ranked.iter().map(|(row, _)| row.id.clone()).collect();
    let found: Vec<ContactRow> = crate::per_backend!(conn, |c| contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(prepared::one_of(contacts::id, ids.clone()))
        .select(ContactRow::as_select())
        .load(c))?;
    let mut rows: HashMap<String, ContactRow> =
        found.into_iter().map(|r| (r.id.clone(), r)).collect();
    Ok(ranked
        .into_iter()
        .filter_map(|(json, rank)| Some((rank, json.name_key, rows.remove(&json.id)?)))
        .collect())
}

// ---------------------------------------------------------------------------
// Duplicates

/// The keys (after `after`, at most `limit`, in order) that two or more of
/// the user's contacts not in the trash share, for `reason`.
pub fn duplicate_keys(
    conn: &mut DbConn,
    user_id: &str,
    reason: DuplicateReason,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<String>> {
    use diesel::dsl::count_star;
    let after = after.unwrap_or("").to_string();
    match reason {
        DuplicateReason::Email | DuplicateReason::Phone | DuplicateReason::ProfileUrl => {
            contact_handles::table
                .inner_join(contacts::table)
                .filter(contact_handles::user_id.eq(user_id))
                .filter(contact_handles::kind.eq(reason.as_str()))
                .filter(contacts::trashed_at.is_null())
                .filter(contact_handles::value.gt(after))
                .group_by(contact_handles::value)
                .having(count_star().gt(1))
                .select(contact_handles::value)
                .order(contact_handles::value.asc())
                .limit(limit)
                .load(conn)
        }
        DuplicateReason::NameAndCompany => {
            let key = name_and_company();
            contacts::table
                .filter(contacts::user_id.eq(user_id))
                .filter(contacts::trashed_at.is_null())
                .filter(contacts::company_key.is_not_null())
                .filter(name_and_company().gt(after))
                .group_by(key)
                .having(count_star().gt(1))
                .select(key)
                .order(key.asc())
                .limit(limit)
                .load(conn)
        }
    }
}

/// A contact's name and company as the duplicates of `NameAndCompany` key
/// them.
fn name_and_company() -> prepared::Expr<Text, prepared::Sql> {
    prepared::expr(prepared::sql(
        "(contacts.name_key || ' / ' || contacts.company_key)",
    ))
}

/// The contacts not in the trash that share `key` for `reason`, by name.
pub fn duplicate_members(
    conn: &mut DbConn,
    user_id: &str,
    reason: DuplicateReason,
    key: &str,
) -> QueryResult<Vec<(String, String)>> {
    let live = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::trashed_at.is_null())
        .select((contacts::id, contacts::display_name))
        .order((contacts::name_key.asc(), contacts::id.asc()))
        .into_boxed();
    match reason {
        DuplicateReason::Email | DuplicateReason::Phone | DuplicateReason::ProfileUrl => {
            let holders = contact_handles::table
                .filter(contact_handles::user_id.eq(user_id))
                .filter(contact_handles::kind.eq(reason.as_str()))
                .filter(contact_handles::value.eq(key.to_string()))
                .select(contact_handles::contact_id);
            live.filter(contacts::id.eq_any(holders)).load(conn)
        }
        DuplicateReason::NameAndCompany => live
            .filter(name_and_company().eq(key.to_string()))
            .load(conn),
    }
}
