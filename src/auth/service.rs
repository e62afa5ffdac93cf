//! The rules of accounts and sessions: the account check every request's
//! database work runs first, refresh tokens spent once (with a grace for
//! parallel refreshes, and the family revoked on a replay), logout and
//! account deletion. Their refusals are the API's own (`401`, `409`, `429`).

use diesel::QueryResult;

use super::store::{self, find_refresh, revoke_family, store_refresh, user_by_id, UserRow};
use crate::db::{AccountGate, Db, DbConn};
use crate::error::ApiError;
use crate::ids;
use crate::time;

/// A new account; `409 email_taken` when the email has one.
pub fn register(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    password_hash: String,
) -> Result<UserRow, ApiError> {
    store::insert_user(conn, email, name, password_hash)?.ok_or_else(|| {
        ApiError::conflict("email_taken", "an account with this email already exists")
    })
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
    if !store::account_exists(conn, user_id)? {
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
    if !store::lock_account(conn, user_id)? {
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
) -> QueryResult<String> {
    let secret = format!("kith_rt_{}", ids::random_secret(32));
    store_refresh(conn, user_id, family, ttl_days, &secret)?;
    Ok(secret)
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
    if !store::spend_refresh(conn, &row.id, now)? {
        let used_at = store::refresh_used_at(conn, &row.id)?;
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
pub fn revoke(conn: &mut DbConn, secret: &str) -> QueryResult<()> {
    if let Some(row) = find_refresh(conn, secret)? {
        revoke_family(conn, &row.user_id, &row.family_id)?;
    }
    Ok(())
}

/// Deletes the account. Its large tables go a part at a time, each part a
/// transaction of its own (`store::ACCOUNT_TABLES`, `store::ACCOUNT_PARTS`),
/// so that other users' writes go in between: on SQLite every write waits
/// for the one writer, and an account of 10,000 contacts with their
/// history held it for 6–19 s in one transaction. The user's row goes
/// last, with the rest (foreign keys cascade on both databases) and the
/// counters keyed by email or id. Rows the user adds meanwhile go with it.
/// A deletion cut short (the server stopped) has deleted part of the
/// account; deleting it again finishes.
pub async fn delete_account(db: Db, user: UserRow) -> Result<(), ApiError> {
    for table in store::ACCOUNT_TABLES {
        let id = user.id.clone();
        let ids = db
            .read(move |conn| Ok(store::account_ids(conn, table, &id)?))
            .await?;
        for part in ids.chunks(store::part_rows(table)) {
            let (id, part) = (user.id.clone(), part.to_vec());
            db.write_as(user.id.clone(), move |conn| {
                Ok(store::delete_ids(conn, table, &id, &part)?)
            })
            .await?;
        }
    }
    for part in store::ACCOUNT_PARTS {
        loop {
            let id = user.id.clone();
            let deleted = db
                .write_as(user.id.clone(), move |conn| {
                    Ok(store::delete_part(conn, part, &id)?)
                })
                .await?;
            if deleted < store::PART_ROWS {
                break;
            }
        }
    }
    db.write_as(user.id.clone(), move |conn| Ok(delete_user(conn, &user)?))
        .await
}

/// The user's row, which takes every row still left of theirs along, and
/// their counters keyed by email or id.
fn delete_user(conn: &mut DbConn, user: &UserRow) -> QueryResult<()> {
    store::delete_user(conn, &user.id)?;
    for bucket in [
        crate::http::ratelimit::lockout_bucket(&user.email_key),
        format!("refresh:user:{}", user.id),
        format!("user:{}", user.id),
        format!("register:email:{}", user.email_key),
    ] {
        crate::http::ratelimit::forget(conn, &bucket)?;
    }
    Ok(())
}
