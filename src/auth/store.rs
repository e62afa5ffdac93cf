//! Database functions for users and refresh tokens: `&mut DbConn` in,
//! `QueryResult` out.

use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::schema::{refresh_tokens, users};
use crate::db::DbConn;
use crate::ids;
use crate::time::{self, Micros, DAY};

#[derive(Queryable, Selectable, Insertable, Debug, Clone)]
#[diesel(table_name = users, treat_none_as_default_value = false)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub email_key: String,
    pub name: String,
    pub password_hash: String,
    pub change_seq: i64,
    pub created_at: Micros,
    pub updated_at: Micros,
    /// An IANA name (`Europe/Berlin`); `UTC` unless set.
    pub time_zone: String,
}

impl UserRow {
    /// The account as the API writes it.
    pub fn to_api(&self) -> super::dto::User {
        super::dto::User {
            id: self.id.clone(),
            email: self.email.clone(),
            name: self.name.clone(),
            time_zone: self.time_zone.clone(),
            created_at: time::rfc3339(self.created_at),
        }
    }
}

#[derive(Queryable, Selectable, Insertable, Debug)]
#[diesel(table_name = refresh_tokens, treat_none_as_default_value = false)]
pub struct RefreshRow {
    pub id: String,
    pub user_id: String,
    pub family_id: String,
    pub token_hash: String,
    pub created_at: Micros,
    pub expires_at: Micros,
    pub used_at: Option<Micros>,
    pub revoked_at: Option<Micros>,
}

pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Inserts a new user; `None` when an account has this email already.
pub fn insert_user(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    password_hash: String,
) -> QueryResult<Option<UserRow>> {
    let now = time::now();
    let row = UserRow {
        id: ids::new_id(),
        email: email.to_string(),
        email_key: email_key(email),
        name: name.to_string(),
        password_hash,
        change_seq: 0,
        created_at: now,
        updated_at: now,
        time_zone: "UTC".into(),
    };
    match diesel::insert_into(users::table).values(&row).execute(conn) {
        Ok(_) => Ok(Some(row)),
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn user_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::email_key.eq(email_key(email)))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn user_by_id(conn: &mut DbConn, id: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// Sets the account's name and time zone.
pub fn set_profile(
    conn: &mut DbConn,
    user_id: &str,
    name: &str,
    time_zone: &str,
) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((
            users::name.eq(name),
            users::time_zone.eq(time_zone),
            users::updated_at.eq(time::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Whether the account exists.
pub fn account_exists(conn: &mut DbConn, user_id: &str) -> QueryResult<bool> {
    let n: i64 = crate::per_backend!(conn, |c| users::table
        .filter(users::id.eq(user_id))
        .count()
        .get_result(c))?;
    Ok(n > 0)
}

/// `account_exists` that, on PostgreSQL, also locks the account's row until
/// the transaction ends.
pub fn lock_account(conn: &mut DbConn, user_id: &str) -> QueryResult<bool> {
    let found: Option<String> = crate::for_update!(
        conn,
        users::table.filter(users::id.eq(user_id)).select(users::id)
    )?;
    Ok(found.is_some())
}

/// Marks a refresh token spent unless it was already: whether it was not.
pub fn spend_refresh(conn: &mut DbConn, id: &str, now: Micros) -> QueryResult<bool> {
    let spent = diesel::update(
        refresh_tokens::table
            .find(id)
            .filter(refresh_tokens::used_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)?;
    Ok(spent > 0)
}

/// When a refresh token was spent.
pub fn refresh_used_at(conn: &mut DbConn, id: &str) -> QueryResult<Option<Micros>> {
    refresh_tokens::table
        .find(id)
        .select(refresh_tokens::used_at)
        .first(conn)
}

/// Deletes the user (every row of theirs goes with it: foreign keys
/// cascade on both databases).
pub fn delete_user(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::delete(users::table.find(id)).execute(conn)?;
    Ok(())
}

/// How many rows of one table a part of an account's deletion deletes at
/// most.
pub const PART_ROWS: usize = 500;

/// How many rows of `table` (one of `ACCOUNT_TABLES`) a part deletes: a
/// fifth of `PART_ROWS` for interactions and ledger entries, whose search
/// words go with them (about seven rows each, scattered over the words'
/// lookup index, so a part of 500 rewrote thousands of its pages and
/// another user's write waited for it; docs/BENCHMARKS.md, "Deleting an
/// account in parts").
pub fn part_rows(table: &str) -> usize {
    match table {
        "interactions" | "ledger_entries" => PART_ROWS / 5,
        _ => PART_ROWS,
    }
}

/// The account's tables with an `id` key that grow with it, in the order
/// its deletion takes them: its tokens first, then the rows that refer to
/// others before those (a deleted interaction takes its participations
/// along, a contact its names, handles, tags, photos and balances).
pub const ACCOUNT_TABLES: [&str; 9] = [
    "access_tokens",
    "refresh_tokens",
    "webhook_deliveries",
    "ledger_entries",
    "interactions",
    "introductions",
    "relationships",
    "needs",
    "contacts",
];

/// The statements that delete a part of the account's other large tables,
/// keyed by the user first (both `?` are the user's id), run again until
/// they delete fewer than `PART_ROWS` rows. The user's row then cascades
/// to what is left of the account, which is small.
pub const ACCOUNT_PARTS: [&str; 4] = [
    "DELETE FROM changes WHERE user_id = ? AND seq IN \
     (SELECT seq FROM changes WHERE user_id = ? ORDER BY seq LIMIT 500)",
    "DELETE FROM captured_messages WHERE user_id = ? AND source_key IN \
     (SELECT source_key FROM captured_messages WHERE user_id = ? ORDER BY source_key LIMIT 500)",
    "DELETE FROM capture_pending WHERE user_id = ? AND (email, source_key) IN \
     (SELECT email, source_key FROM capture_pending WHERE user_id = ? \
     ORDER BY email, source_key LIMIT 500)",
    "DELETE FROM capture_addresses WHERE user_id = ? AND email IN \
     (SELECT email FROM capture_addresses WHERE user_id = ? ORDER BY email LIMIT 500)",
];

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = diesel::sql_types::Text)]
    id: String,
}

/// The ids of the user's rows of `table` (one of `ACCOUNT_TABLES`), in the
/// order they were written (SQLite's rowid; the ids on PostgreSQL): deleted
/// in that order, a part of them touches neighbouring pages of the table,
/// where rows in another order touch a page each (measured: 2.5 times the
/// time for interactions on SQLite).
pub fn account_ids(
    conn: &mut DbConn,
    table: &'static str,
    user_id: &str,
) -> QueryResult<Vec<String>> {
    let order = match conn {
        DbConn::Sqlite(_) => "rowid",
        DbConn::Postgresql(_) => "id",
    };
    let text = format!("SELECT id FROM {table} WHERE user_id = ? ORDER BY {order}");
    let rows: Vec<Id> = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(text)
            .bind::<diesel::sql_types::Text, _>(user_id)
            .load(c)?,
        DbConn::Postgresql(c) => diesel::sql_query(text.replace('?', "$1"))
            .bind::<diesel::sql_types::Text, _>(user_id)
            .load(c)?,
    };
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// Deletes the user's rows of `table` (one of `ACCOUNT_TABLES`) among
/// `ids`: how many went.
pub fn delete_ids(
    conn: &mut DbConn,
    table: &'static str,
    user_id: &str,
    ids: &[String],
) -> QueryResult<usize> {
    use diesel::sql_types::{Array, Text};
    match conn {
        DbConn::Sqlite(c) => {
            let list = serde_json::to_string(ids).unwrap_or_default();
            diesel::sql_query(format!(
                "DELETE FROM {table} WHERE id IN (SELECT value FROM json_each(?)) AND user_id = ?"
            ))
            .bind::<Text, _>(list)
            .bind::<Text, _>(user_id)
            .execute(c)
        }
        DbConn::Postgresql(c) => diesel::sql_query(format!(
            "DELETE FROM {table} WHERE id = ANY($1) AND user_id = $2"
        ))
        .bind::<Array<Text>, _>(ids)
        .bind::<Text, _>(user_id)
        .execute(c),
    }
}

/// Runs one of `ACCOUNT_PARTS` for the user: how many rows it deleted.
pub fn delete_part(conn: &mut DbConn, part: &'static str, user_id: &str) -> QueryResult<usize> {
    let query = crate::db::prepared::sql(part)
        .bind::<diesel::sql_types::Text, _>(user_id)
        .bind::<diesel::sql_types::Text, _>(user_id);
    crate::per_backend!(conn, |c| query.execute(c))
}

pub fn store_refresh(
    conn: &mut DbConn,
    user_id: &str,
    family: Option<String>,
    ttl_days: i64,
    secret: &str,
) -> QueryResult<()> {
    let now = time::now();
    let row = RefreshRow {
        id: ids::new_id(),
        user_id: user_id.to_string(),
        family_id: family.unwrap_or_else(ids::new_id),
        token_hash: ids::sha256_hex(secret.as_bytes()),
        created_at: now,
        expires_at: now + ttl_days * DAY,
        used_at: None,
        revoked_at: None,
    };
    diesel::insert_into(refresh_tokens::table)
        .values(&row)
        .execute(conn)?;
    Ok(())
}

pub fn revoke_family(conn: &mut DbConn, user_id: &str, family_id: &str) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(time::now()))
    .execute(conn)
}

pub fn find_refresh(conn: &mut DbConn, secret: &str) -> QueryResult<Option<RefreshRow>> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(ids::sha256_hex(secret.as_bytes())))
        .select(RefreshRow::as_select())
        .first(conn)
        .optional()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_part_of_an_account_deletes_at_most_part_rows() {
        for part in ACCOUNT_PARTS {
            assert!(part.ends_with(&format!("LIMIT {PART_ROWS})")), "{part}");
            assert_eq!(part.matches('?').count(), 2, "{part}");
        }
    }
}
