//! Rate limits, counted in the database so every replica shares them:
//! fixed one-minute windows per bucket (`login:ip:…`, `user:…`), and the
//! failed-login counter that locks an account's logins for a while.

use actix_web::http::{header, StatusCode};
use actix_web::HttpRequest;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text};

use crate::db::schema::rate_limits as rl;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::time::{self, Micros};

const MINUTE: Micros = 60 * 1_000_000;

/// The outcome of one counted request.
#[derive(Debug, Clone, Copy)]
pub struct Decision {
    pub allowed: bool,
    pub limit: u32,
    pub remaining: u32,
    /// Seconds until the window resets.
    pub reset_secs: i64,
}

/// Counts one request in `bucket` against `limit` per minute.
pub fn hit(conn: &mut DbConn, bucket: &str, limit: u32, now: Micros) -> Result<Decision, ApiError> {
    Ok(hit_within(conn, bucket, limit, MINUTE, now)?)
}

/// Counts one request in `bucket` against `limit` per `window` (a fixed
/// window, starting with the first request after the previous one ended).
/// Every request is counted, refused ones too, in one statement the
/// database runs atomically: parallel requests, on one process or several
/// on one PostgreSQL, can never all read the same count and pass together.
pub fn hit_within(
    conn: &mut DbConn,
    bucket: &str,
    limit: u32,
    window: Micros,
    now: Micros,
) -> QueryResult<Decision> {
    let (start, hits) = count(conn, bucket, now, now - window)?;
    // Now and then, forget buckets idle for a day.
    if now % 64 == 0 {
        diesel::delete(rl::table.filter(rl::window_start.lt(now - IDLE))).execute(conn)?;
    }
    let hits = u32::try_from(hits).unwrap_or(0);
    Ok(Decision {
        allowed: hits <= limit,
        limit,
        remaining: limit.saturating_sub(hits),
        reset_secs: secs_until(start + window, now),
    })
}

/// Buckets whose window started this long ago are forgotten.
const IDLE: Micros = 24 * 60 * MINUTE;

#[derive(QueryableByName)]
struct Counted {
    #[diesel(sql_type = BigInt)]
    window_start: i64,
    #[diesel(sql_type = Integer)]
    hits: i32,
}

/// One more hit in `bucket`: a window started before `stale` starts again
/// at `now` with one hit. Returns the window's start and its hits.
fn count(conn: &mut DbConn, bucket: &str, now: Micros, stale: Micros) -> QueryResult<(i64, i32)> {
    const UPSERT: &str = "INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1) \
        ON CONFLICT (bucket) DO UPDATE SET \
        window_start = CASE WHEN rate_limits.window_start <= ? \
            THEN excluded.window_start ELSE rate_limits.window_start END, \
        hits = CASE WHEN rate_limits.window_start <= ? THEN 1 ELSE rate_limits.hits + 1 END \
        RETURNING window_start, hits";
    let row: Counted = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(UPSERT)
            .bind::<Text, _>(bucket)
            .bind::<BigInt, _>(now)
            .bind::<BigInt, _>(stale)
            .bind::<BigInt, _>(stale)
            .get_result(c)?,
        DbConn::Postgresql(c) => diesel::sql_query(numbered(UPSERT))
            .bind::<Text, _>(bucket)
            .bind::<BigInt, _>(now)
            .bind::<BigInt, _>(stale)
            .bind::<BigInt, _>(stale)
            .get_result(c)?,
    };
    Ok((row.window_start, row.hits))
}

/// `?` placeholders as PostgreSQL's `$1`, `$2`, …
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = 0;
    for ch in sql.chars() {
        if ch == '?' {
            n += 1;
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push(ch);
        }
    }
    out
}

fn secs_until(t: Micros, now: Micros) -> i64 {
    ((t - now) as f64 / 1e6).ceil().max(1.0) as i64
}

pub fn too_many(retry_after_secs: i64, detail: &str) -> ApiError {
    metrics::counter!("kith_rate_limit_refusals_total").increment(1);
    ApiError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", detail)
        .with_header(header::RETRY_AFTER, retry_after_secs.to_string())
}

/// `Err(429)` unless the bucket has room.
pub fn check(conn: &mut DbConn, bucket: &str, limit: u32) -> Result<(), ApiError> {
    if limit == 0 {
        return Ok(());
    }
    let d = hit(conn, bucket, limit, time::now())?;
    if d.allowed {
        Ok(())
    } else {
        Err(too_many(
            d.reset_secs,
            "too many requests; slow down and retry after the time given",
        ))
    }
}

/// The client's address: the socket peer, or the first `X-Forwarded-For`
/// hop when the server is configured to trust its proxy.
pub fn client_ip(req: &HttpRequest, trust_proxy: bool) -> String {
    if trust_proxy {
        if let Some(ip) = req.connection_info().realip_remote_addr() {
            return ip.to_string();
        }
    }
    req.peer_addr()
        .map_or_else(|| "unknown".to_string(), |a| a.ip().to_string())
}

/// Counts a login attempt of the account `email_key` before its password
/// is checked: `Err(429)` once more than `max` attempts were made within
/// `window` without a successful login (which clears the count). Counting
/// first, in one statement, means parallel wrong passwords cannot all be
/// checked before any of them is recorded.
pub fn count_login_attempt(
    conn: &mut DbConn,
    email_key: &str,
    max: u32,
    window: Micros,
) -> Result<(), ApiError> {
    if max == 0 {
        return Ok(());
    }
    let d = hit_within(conn, &lockout_bucket(email_key), max, window, time::now())?;
    if d.allowed {
        Ok(())
    } else {
        Err(too_many(
            d.reset_secs,
            "too many failed logins for this account; try again later",
        ))
    }
}

/// A successful login forgets the account's attempts.
pub fn clear_login_attempts(conn: &mut DbConn, email_key: &str) -> QueryResult<()> {
    forget(conn, &lockout_bucket(email_key))
}

/// Forgets a bucket's count.
pub fn forget(conn: &mut DbConn, bucket: &str) -> QueryResult<()> {
    diesel::delete(rl::table.find(bucket)).execute(conn)?;
    Ok(())
}

pub fn lockout_bucket(email_key: &str) -> String {
    format!("login:account:{email_key}")
}
