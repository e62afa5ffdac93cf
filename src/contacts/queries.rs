//! Database functions for contacts. Each takes the user id: every query is
//! scoped to one user, so another user's id is simply "not found".

use diesel::prelude::*;

use super::derived;
use super::domain::{self, ContactChanges};
use super::dto::Email;
use super::models::{ContactJson, ContactRow};
use crate::changes;
use crate::db::schema::{contact_tags, contacts};
use crate::db::DbConn;
use crate::error::ApiError;
use crate::http::{decode_cursor, encode_cursor, next_cursor, IfMatch};
use crate::ids;
use crate::time;

pub const RESOURCE: &str = "contact";

/// One of the user's contacts, loaded as `$ty` (the full row, or the view).
macro_rules! find_as {
    ($conn:expr, $user_id:expr, $id:expr, $ty:ty) => {
        crate::per_backend!($conn, |c| crate::owned_by_id!(contacts, $ty, $user_id, $id)
            // The id is the primary key: no `LIMIT` to bind.
            .get_result::<$ty>(c)
            .optional())
    };
}

pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<ContactRow>> {
    find_as!(conn, user_id, id, ContactRow)
}

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<ContactRow, ApiError> {
    find(conn, user_id, id)?.ok_or_else(ApiError::not_found)
}

/// `find` for a write that changes the contact (see `for_update!`).
pub fn find_for_update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
) -> QueryResult<Option<ContactRow>> {
    crate::for_update!(conn, crate::owned_by_id!(contacts, ContactRow, user_id, id))
}

fn get_for_update(conn: &mut DbConn, user_id: &str, id: &str) -> Result<ContactRow, ApiError> {
    find_for_update(conn, user_id, id)?.ok_or_else(ApiError::not_found)
}

/// The contact as the API writes it, and its version, if it is the user's:
/// for reads that answer it unchanged.
fn find_json(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<(i32, String)>> {
    let Some(mut found) = find_as!(conn, user_id, id, ContactJson)? else {
        return Ok(None);
    };
    if found.json().is_none() {
        let Some(full) = find(conn, user_id, id)? else {
            return Ok(None);
        };
        found.set_json(&full);
    }
    Ok(Some((found.version, found.into_json().unwrap_or_default())))
}

/// Reads contacts by id for many requests at once (see `Db::lookup_as`).
pub static BY_ID: crate::db::LookupKind = crate::db::LookupKind {
    read: find_json_many,
};

/// `find_json` for every `(user id, id)` key, in order. Many keys
/// (PostgreSQL's batches) are answered from one query, a single one (and
/// every SQLite lookup, which comes alone) from `find_json`'s statement.
fn find_json_many(
    conn: &mut DbConn,
    keys: &[(&str, &str)],
) -> QueryResult<Vec<Option<(i32, String)>>> {
    let rows: Vec<(String, ContactJson)> = match conn {
        DbConn::Postgresql(c) if keys.len() > 1 => {
            let mut ids: Vec<&str> = keys.iter().map(|k| k.1).collect();
            ids.sort_unstable();
            ids.dedup();
            contacts::table
                .filter(IdAmong(ids))
                .select((contacts::user_id, ContactJson::as_select()))
                .load(c)?
        }
        _ => {
            return keys
                .iter()
                .map(|&(user_id, id)| find_json(conn, user_id, id))
                .collect()
        }
    };
    keys.iter()
        .map(|&(user_id, id)| {
            match rows
                .iter()
                .find(|(owner, r)| r.id == id && owner == user_id)
            {
                Some((_, row)) => match row.json() {
                    Some(json) => Ok(Some((row.version, json.to_owned()))),
                    // Rare: written from the full row (see `ContactJson`).
                    None => find_json(conn, user_id, id),
                },
                None => Ok(None),
            }
        })
        .collect()
}

/// `contacts.id = ANY(ARRAY(SELECT unnest($1)))`, PostgreSQL's filter of
/// contacts by a list of ids, written so that its statement is planned
/// once. With `= ANY($1)` (diesel's `eq_any`) PostgreSQL plans it again on
/// every run, as its estimate for the array given (often one id) always
/// beats the generic plan's for an array of unknown length; the subselect
/// hides the array from the estimate, so both plans cost the same and the
/// prepared one is kept. Planning took more of the server's time than the
/// lookups.
struct IdAmong<'a>(Vec<&'a str>);

impl diesel::query_builder::QueryId for IdAmong<'_> {
    type QueryId = IdAmong<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl diesel::Expression for IdAmong<'_> {
    type SqlType = diesel::sql_types::Bool;
}

impl<GB> diesel::expression::ValidGrouping<GB> for IdAmong<'_> {
    type IsAggregate = diesel::expression::is_aggregate::Never;
}

impl diesel::AppearsOnTable<contacts::table> for IdAmong<'_> {}

impl diesel::SelectableExpression<contacts::table> for IdAmong<'_> {}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for IdAmong<'_> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        out.push_sql("\"contacts\".\"id\" = ANY(ARRAY(SELECT unnest(");
        out.push_bind_param::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(&self.0)?;
        out.push_sql(")))");
        Ok(())
    }
}

/// Writes the JSON of rows whose stored JSON is missing or stale from their
/// full rows (see `ContactJson`). A row gone meanwhile keeps no JSON and is
/// left out of the answer.
fn fill_json(conn: &mut DbConn, user_id: &str, rows: &mut [ContactJson]) -> QueryResult<()> {
    let stale: Vec<&str> = rows
        .iter()
        .filter(|r| r.json().is_none())
        .map(|r| r.id.as_str())
        .collect();
    if stale.is_empty() {
        return Ok(());
    }
    let full: std::collections::HashMap<String, ContactRow> = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any(stale))
        .select(ContactRow::as_select())
        .load::<ContactRow>(conn)?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect();
    for row in rows.iter_mut().filter(|r| r.json().is_none()) {
        if let Some(f) = full.get(&row.id) {
            row.set_json(f);
        }
    }
    Ok(())
}

/// Stores the JSON of every contact that has none (after a migration that
/// adds or resets it), a batch per write so that no request waits long
/// behind it.
pub async fn fill_missing_json(db: crate::db::Db) {
    const BATCH: i64 = 500;
    let mut total = 0;
    loop {
        let batch = db.write(|conn| {
            let rows: Vec<ContactRow> = contacts::table
                .filter(contacts::api_json.is_null())
                .select(ContactRow::as_select())
                .limit(BATCH)
                .load(conn)?;
            let n = rows.len();
            for mut row in rows {
                row.stamp_json();
                // Only the JSON: a row written meanwhile keeps its own.
                diesel::update(contacts::table.find(&row.id))
                    .filter(contacts::version.eq(row.version))
                    .set((
                        contacts::api_json.eq(&row.api_json),
                        contacts::api_json_version.eq(row.api_json_version),
                    ))
                    .execute(conn)?;
            }
            Ok(n)
        });
        match batch.await {
            Ok(0) => break,
            Ok(n) => total += n,
            Err(e) => {
                tracing::warn!(error = %e, "cannot store the JSON of contacts that have none");
                return;
            }
        }
    }
    if total > 0 {
        tracing::info!(
            contacts = total,
            "stored the JSON of contacts that had none"
        );
    }
}

/// Inserts a new contact row, its JSON written with it.
pub fn insert(conn: &mut DbConn, row: &mut ContactRow) -> QueryResult<()> {
    row.stamp_json();
    diesel::insert_into(contacts::table)
        .values(&*row)
        .execute(conn)?;
    Ok(())
}

/// Writes a changed row back as it is, its JSON written with it.
pub fn update_row(conn: &mut DbConn, row: &mut ContactRow) -> QueryResult<()> {
    row.stamp_json();
    diesel::update(contacts::table.find(&row.id))
        .set(&*row)
        .execute(conn)?;
    Ok(())
}

/// Checks that `id` is one of the user's contacts, for a reference in
/// `field`. The answer is the same whether the id is unknown or another
/// user's, so it reveals nothing.
pub fn check_reference(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    field: &str,
) -> Result<(), ApiError> {
    let n: i64 = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq(id))
        .count()
        .get_result(conn)?;
    if n == 0 {
        return Err(ApiError::field(
            field,
            "unknown_contact",
            "no contact of yours has this id",
        ));
    }
    Ok(())
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Applies a create or patch to a row, keeping the derived keys in step.
fn apply(row: &mut ContactRow, c: ContactChanges) {
    if let Some(v) = c.display_name {
        row.name_key = v.to_lowercase();
        row.display_name = v;
    }
    macro_rules! set {
        ($($f:ident),*) => { $(if let Some(v) = c.$f { row.$f = v; })* };
    }
    set!(
        given_name,
        family_name,
        title,
        location,
        notes,
        birthday,
        how_we_met,
        met_via,
        cadence_days,
        snoozed_until,
        archived,
        closeness
    );
    if let Some(v) = c.company {
        row.company_key = v.as_deref().map(str::to_lowercase);
        row.company = v;
    }
    if let Some(v) = c.emails {
        row.emails = to_json(&v);
    }
    if let Some(v) = c.phones {
        row.phones = to_json(&v);
    }
    if let Some(v) = c.tags {
        row.tags = to_json(&v);
    }
    let emails: Vec<Email> = serde_json::from_str(&row.emails).unwrap_or_default();
    row.search_text = domain::search_text(
        &row.display_name,
        row.given_name.as_deref(),
        row.family_name.as_deref(),
        &emails,
        row.company.as_deref(),
        row.notes.as_deref(),
    );
}

pub fn sync_tags(conn: &mut DbConn, row: &ContactRow) -> QueryResult<()> {
    diesel::delete(contact_tags::table.filter(contact_tags::contact_id.eq(&row.id)))
        .execute(conn)?;
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

fn check_met_via(conn: &mut DbConn, row: &ContactRow) -> Result<(), ApiError> {
    if let Some(m) = &row.met_via {
        if *m == row.id {
            return Err(ApiError::field(
                "met_via",
                "self_reference",
                "a contact cannot have met you via itself",
            ));
        }
        check_reference(conn, &row.user_id, m, "met_via")?;
    }
    Ok(())
}

/// Records the contact in the change feed as it now is.
pub fn record_upsert(conn: &mut DbConn, row: &ContactRow) -> QueryResult<()> {
    changes::record(conn, &row.user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    Ok(())
}

/// A new row of the user's built from a create (nothing stored yet).
pub fn new_row(user_id: &str, c: ContactChanges) -> ContactRow {
    let now = time::now();
    let mut row = ContactRow {
        id: ids::new_id(),
        user_id: user_id.to_string(),
        display_name: String::new(),
        name_key: String::new(),
        given_name: None,
        family_name: None,
        emails: "[]".into(),
        phones: "[]".into(),
        company: None,
        company_key: None,
        title: None,
        location: None,
        notes: None,
        tags: "[]".into(),
        birthday: None,
        how_we_met: None,
        met_via: None,
        cadence_days: None,
        snoozed_until: None,
        archived: false,
        trashed_at: None,
        search_text: String::new(),
        created_at: now,
        updated_at: now,
        version: 1,
        cadence_effective: None,
        last_interaction_at: None,
        next_due_at: None,
        birthday_md: None,
        balance: 0,
        closeness: None,
        follow_up: None,
        api_json: None,
        api_json_version: None,
    };
    apply(&mut row, c);
    row
}

pub fn create(conn: &mut DbConn, user_id: &str, c: ContactChanges) -> Result<ContactRow, ApiError> {
    let mut row = new_row(user_id, c);
    check_met_via(conn, &row)?;
    derived::refresh(conn, &mut row)?;
    insert(conn, &mut row)?;
    sync_tags(conn, &row)?;
    record_upsert(conn, &row)?;
    Ok(row)
}

/// Writes a changed row back with a new version, and records it.
pub fn save(conn: &mut DbConn, row: &mut ContactRow) -> QueryResult<()> {
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
    update_row(conn, row)?;
    record_upsert(conn, row)
}

pub fn update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    if_match: &IfMatch,
    c: ContactChanges,
) -> Result<ContactRow, ApiError> {
    let mut row = get_for_update(conn, user_id, id)?;
    if_match.check(row.version)?;
    if row.trashed_at.is_some() {
        return Err(ApiError::conflict(
            "contact_trashed",
            "this contact is in the trash; restore it first",
        ));
    }
    let tags_changed = c.tags.is_some();
    apply(&mut row, c);
    check_met_via(conn, &row)?;
    derived::refresh(conn, &mut row)?;
    save(conn, &mut row)?;
    if tags_changed {
        sync_tags(conn, &row)?;
    }
    Ok(row)
}

/// Moves a contact to the trash (a `delete` in the change feed).
pub fn trash(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    if_match: &IfMatch,
) -> Result<(), ApiError> {
    let mut row = get_for_update(conn, user_id, id)?;
    if_match.check(row.version)?;
    if row.trashed_at.is_some() {
        return Ok(());
    }
    let now = time::now();
    row.trashed_at = Some(now);
    row.version += 1;
    row.updated_at = now.max(row.updated_at + 1);
    update_row(conn, &mut row)?;
    changes::record::<()>(conn, user_id, RESOURCE, id, None)?;
    Ok(())
}

pub fn restore(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    if_match: &IfMatch,
) -> Result<ContactRow, ApiError> {
    let mut row = get_for_update(conn, user_id, id)?;
    if_match.check(row.version)?;
    if row.trashed_at.is_none() {
        return Ok(row);
    }
    row.trashed_at = None;
    save(conn, &mut row)?;
    Ok(row)
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
}

#[derive(Clone, Debug)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
    pub name: String,
}

impl Sort {
    pub const ALLOWED: &'static [&'static str] = &[
        "name",
        "-name",
        "created_at",
        "-created_at",
        "updated_at",
        "-updated_at",
        "last_interaction_at",
        "-last_interaction_at",
        "next_due_at",
        "-next_due_at",
    ];

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
            _ => SortKey::Name,
        };
        Sort {
            key,
            descending,
            name: s.to_string(),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    pub q: Option<String>,
    pub tag: Option<String>,
    pub company: Option<String>,
    pub archived: bool,
    pub trashed: bool,
    /// Only contacts with `next_due_at` at or before this instant.
    pub due_by: Option<i64>,
    /// Only contacts with `next_due_at` strictly before this instant.
    pub due_before: Option<i64>,
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern.
pub fn like_pattern(q: &str) -> String {
    let mut p = String::with_capacity(q.len() + 2);
    p.push('%');
    for ch in q.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
    p.push('%');
    p
}

/// The user's contacts that pass `filter`, as views, in a query boxed for
/// backend `$db` (see `list`).
macro_rules! filtered {
    ($db:ty, $user_id:expr, $filter:expr) => {{
        let (user_id, filter): (&str, &ListFilter) = ($user_id, $filter);
        let mut query = contacts::table
            .filter(contacts::user_id.eq(user_id))
            .select(ContactJson::as_select())
            .into_boxed::<$db>();
        if filter.trashed {
            query = query.filter(contacts::trashed_at.is_not_null());
        } else {
            query = query
                .filter(contacts::trashed_at.is_null())
                .filter(contacts::archived.eq(filter.archived));
        }
        if let Some(q) = filter.q.as_deref().filter(|q| !q.is_empty()) {
            query = query.filter(
                contacts::search_text
                    .like(like_pattern(&q.to_lowercase()))
                    .escape('\\'),
            );
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

/// One page of the user's contacts, and the cursor of the next page.
///
/// Keyset pagination on (sort key, id). Nullable keys sort nulls last in both
/// directions: the non-null run is read first on its index, then the nulls
/// by id.
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    sort: &Sort,
    limit: i64,
    cursor: Option<&str>,
) -> Result<(Vec<ContactJson>, Option<String>), ApiError> {
    macro_rules! after {
        ($query:expr, $col:expr, $k:expr, $id:expr) => {
            if sort.descending {
                $query.filter(
                    $col.lt($k.clone())
                        .or($col.eq($k).and(contacts::id.lt($id))),
                )
            } else {
                $query.filter(
                    $col.gt($k.clone())
                        .or($col.eq($k).and(contacts::id.gt($id))),
                )
            }
        };
    }
    macro_rules! ordered {
        ($query:expr, $col:expr) => {
            if sort.descending {
                $query.order(($col.desc(), contacts::id.desc()))
            } else {
                $query.order(($col.asc(), contacts::id.asc()))
            }
        };
    }
    macro_rules! plain {
        ($c:ident, $db:ty, $col:expr, $ty:ty) => {{
            let mut query = filtered!($db, user_id, filter);
            if let Some(c) = cursor {
                let (k, id): ($ty, String) = decode_cursor(c, &sort.name)?;
                query = after!(query, $col, k, id);
            }
            ordered!(query, $col).limit(limit + 1).load($c)?
        }};
    }
    macro_rules! nulls_last {
        ($c:ident, $db:ty, $col:expr) => {{
            let position: Option<(Option<i64>, String)> = match cursor {
                Some(c) => Some(decode_cursor(c, &sort.name)?),
                None => None,
            };
            let mut rows = Vec::new();
            if !matches!(position, Some((None, _))) {
                let mut query = filtered!($db, user_id, filter).filter($col.is_not_null());
                if let Some((Some(k), id)) = position.clone() {
                    query = after!(query, $col, k, id);
                }
                rows = ordered!(query, $col).limit(limit + 1).load($c)?;
            }
            if (rows.len() as i64) <= limit {
                let mut query = filtered!($db, user_id, filter).filter($col.is_null());
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
                let more = limit + 1 - rows.len() as i64;
                rows.extend(query.limit(more).load($c)?);
            }
            rows
        }};
    }
    // On the concrete connection: rows are read without the multi-backend
    // layer (a fifth of a page's reading time).
    let mut rows = crate::per_backend!(conn, |c, DB| match sort.key {
        SortKey::Name => plain!(c, DB, contacts::name_key, String),
        SortKey::CreatedAt => plain!(c, DB, contacts::created_at, i64),
        SortKey::UpdatedAt => plain!(c, DB, contacts::updated_at, i64),
        SortKey::LastInteractionAt => nulls_last!(c, DB, contacts::last_interaction_at),
        SortKey::NextDueAt => nulls_last!(c, DB, contacts::next_due_at),
    });
    fill_json(conn, user_id, &mut rows)?;
    let next = next_cursor(&mut rows, limit, |last| match sort.key {
        SortKey::Name => encode_cursor(&sort.name, &last.name_key, &last.id),
        SortKey::CreatedAt => encode_cursor(&sort.name, last.created_at, &last.id),
        SortKey::UpdatedAt => encode_cursor(&sort.name, last.updated_at, &last.id),
        SortKey::LastInteractionAt => encode_cursor(&sort.name, last.last_interaction_at, &last.id),
        SortKey::NextDueAt => encode_cursor(&sort.name, last.next_due_at, &last.id),
    });
    Ok((rows, next))
}

/// Refreshes the given contacts of a user, saving (new version, change feed)
/// those whose derived fields moved.
pub fn refresh_contacts(conn: &mut DbConn, user_id: &str, ids: &[String]) -> QueryResult<()> {
    // In one order, whatever the request's: two writes locking the same
    // contacts (on PostgreSQL) then cannot wait on each other.
    let mut ids: Vec<&String> = ids.iter().collect();
    ids.sort();
    for id in ids {
        if let Some(mut row) = find_for_update(conn, user_id, id)? {
            if derived::refresh(conn, &mut row)? {
                save(conn, &mut row)?;
            }
        }
    }
    Ok(())
}
