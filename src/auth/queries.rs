//! Database functions for users and refresh tokens.

use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::schema::{refresh_tokens, users};
use crate::db::{AccountGate, DbConn};
use crate::error::ApiError;
use crate::ids;
use crate::time::{self, Micros, DAY};

#[derive(Queryable, Selectable, Insertable, Debug, Clone)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub email_key: String,
    pub name: String,
    pub password_hash: String,
    pub change_seq: i64,
    pub created_at: Micros,
    pub updated_at: Micros,
}

#[derive(Queryable, Selectable, Insertable, Debug)]
#[diesel(table_name = refresh_tokens)]
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

pub fn insert_user(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    password_hash: String,
) -> Result<UserRow, ApiError> {
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
    };
    match diesel::insert_into(users::table).values(&row).execute(conn) {
        Ok(_) => Ok(row),
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Err(
            ApiError::conflict("email_taken", "an account with this email already exists"),
        ),
        Err(e) => Err(e.into()),
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

/// A token whose account is gone is as good as an invalid one.
fn no_account() -> ApiError {
    ApiError::unauthorized(
        "invalid_token",
        "the access token is invalid or has expired",
    )
}

/// The account check every request's database work runs first (see
/// `Db::read_as`).
pub const ACCOUNT_GATE: AccountGate = AccountGate {
    check: check_account,
    lock: lock_account,
};

/// `401` when the account behind a token no longer exists.
pub fn check_account(conn: &mut DbConn, user_id: &str) -> Result<(), ApiError> {
    let n: i64 = crate::per_backend!(conn, |c| users::table
        .filter(users::id.eq(user_id))
        .count()
        .get_result(c))?;
    if n == 0 {
        return Err(no_account());
    }
    Ok(())
}

/// `check_account` for a write: on PostgreSQL it also locks the account's
/// row until the transaction ends. Every change of a user's data records a
/// change, which updates this row anyway; taking it first gives all of a
/// user's writes one lock order (the account, then the rows they change),
/// so two of them cannot deadlock, e.g. an edit of a contact against an
/// interaction that refreshes it.
pub fn lock_account(conn: &mut DbConn, user_id: &str) -> Result<(), ApiError> {
    let found: Option<String> = crate::for_update!(
        conn,
        users::table.filter(users::id.eq(user_id)).select(users::id)
    )?;
    if found.is_none() {
        return Err(no_account());
    }
    Ok(())
}

/// A new refresh token in `family` (a new family when `None`): `secret`,
/// or a random one. Returns the secret; only its hash is stored.
pub fn issue_refresh(
    conn: &mut DbConn,
    user_id: &str,
    family: Option<String>,
    ttl_days: i64,
) -> Result<String, ApiError> {
    let secret = format!("kith_rt_{}", ids::random_secret(32));
    store_refresh(conn, user_id, family, ttl_days, &secret)?;
    Ok(secret)
}

fn store_refresh(
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

/// The successor of a refresh token: derived from it with the server's key
/// (`mac`), so a token presented again within the grace gets the very same
/// successor, while one who only stole the old token cannot compute it.
pub fn successor(mac: &hmac::Hmac<sha2::Sha256>, secret: &str) -> String {
    use base64::Engine;
    use hmac::Mac;
    let digest = mac
        .clone()
        .chain_update(secret.as_bytes())
        .finalize()
        .into_bytes();
    format!(
        "kith_rt_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
    )
}

fn revoke_family(conn: &mut DbConn, user_id: &str, family_id: &str) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(time::now()))
    .execute(conn)
}

fn find_refresh(conn: &mut DbConn, secret: &str) -> QueryResult<Option<RefreshRow>> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(ids::sha256_hex(secret.as_bytes())))
        .select(RefreshRow::as_select())
        .first(conn)
        .optional()
}

pub enum Rotation {
    /// The token was good: here is its user and the next token of its family.
    Rotated {
        user: UserRow,
        refresh_token: String,
    },
    /// Unknown, expired or revoked.
    Invalid,
    /// Already spent: the whole family has now been revoked.
    Reused,
}

/// How a refresh token is spent.
pub struct Refresh<'a> {
    pub secret: &'a str,
    pub ttl_days: i64,
    pub per_minute: u32,
    /// Seconds after its rotation during which a token presented again gets
    /// the same successor instead of revoking its family.
    pub grace_secs: i64,
    pub mac: &'a hmac::Hmac<sha2::Sha256>,
}

/// Spends a refresh token and issues its successor. Runs in a write
/// transaction; the `used_at IS NULL` guard makes a concurrent second use of
/// the same token lose, and count as a presentation again: within the grace
/// it gets the same successor (two tabs refreshing at once), after it the
/// whole family is revoked (a stolen token replayed).
pub fn rotate_refresh(conn: &mut DbConn, r: Refresh<'_>) -> Result<Rotation, ApiError> {
    let Some(row) = find_refresh(conn, r.secret)? else {
        return Ok(Rotation::Invalid);
    };
    crate::http::ratelimit::check(conn, &format!("refresh:user:{}", row.user_id), r.per_minute)?;
    let now = time::now();
    if row.revoked_at.is_some() || row.expires_at <= now {
        return Ok(Rotation::Invalid);
    }
    let next = successor(r.mac, r.secret);
    let spent = diesel::update(
        refresh_tokens::table
            .find(&row.id)
            .filter(refresh_tokens::used_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)?;
    if spent == 0 {
        let used_at: Option<i64> = refresh_tokens::table
            .find(&row.id)
            .select(refresh_tokens::used_at)
            .first(conn)?;
        let within_grace = used_at.is_some_and(|t| now - t <= r.grace_secs * 1_000_000);
        let live_successor = find_refresh(conn, &next)?
            .is_some_and(|s| s.revoked_at.is_none() && s.expires_at > now);
        if within_grace && live_successor {
            return Ok(match user_by_id(conn, &row.user_id)? {
                Some(user) => Rotation::Rotated {
                    user,
                    refresh_token: next,
                },
                None => Rotation::Invalid,
            });
        }
        revoke_family(conn, &row.user_id, &row.family_id)?;
        return Ok(Rotation::Reused);
    }
    let Some(user) = user_by_id(conn, &row.user_id)? else {
        return Ok(Rotation::Invalid);
    };
    store_refresh(conn, &user.id, Some(row.family_id), r.ttl_days, &next)?;
    Ok(Rotation::Rotated {
        user,
        refresh_token: next,
    })
}

/// Logs out: revokes the family of `secret` (nothing when it is unknown).
pub fn revoke(conn: &mut DbConn, secret: &str) -> Result<(), ApiError> {
    if let Some(row) = find_refresh(conn, secret)? {
        revoke_family(conn, &row.user_id, &row.family_id)?;
    }
    Ok(())
}

/// Deletes the account: every row of the user goes with it (foreign keys
/// cascade on both databases), and so do its counters keyed by email or id.
pub fn delete_account(conn: &mut DbConn, user: &UserRow) -> Result<(), ApiError> {
    use crate::db::schema::rate_limits;
    diesel::delete(users::table.find(&user.id)).execute(conn)?;
    for bucket in [
        crate::http::ratelimit::lockout_bucket(&user.email_key),
        format!("refresh:user:{}", user.id),
        format!("user:{}", user.id),
        format!("register:email:{}", user.email_key),
    ] {
        diesel::delete(rate_limits::table.find(bucket)).execute(conn)?;
    }
    Ok(())
}
