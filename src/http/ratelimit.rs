//! Rate limits, counted in the database so every replica shares them:
//! fixed one-minute windows per bucket (`login:ip:…`, `user:…`), and the
//! failed-login counter that locks an account's logins for a while.

use actix_web::http::{header, StatusCode};
use actix_web::HttpRequest;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::schema::{login_failures as lf, rate_limits as rl};
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
    let row: Option<(i64, i32)> = rl::table
        .find(bucket)
        .select((rl::window_start, rl::hits))
        .first(conn)
        .optional()?;
    let (start, hits) = match row {
        Some((start, hits)) if now < start + MINUTE => {
            if hits as u32 >= limit {
                return Ok(Decision {
                    allowed: false,
                    limit,
                    remaining: 0,
                    reset_secs: secs_until(start + MINUTE, now),
                });
            }
            diesel::update(rl::table.find(bucket))
                .set(rl::hits.eq(hits + 1))
                .execute(conn)?;
            (start, hits + 1)
        }
        Some(_) => {
            diesel::update(rl::table.find(bucket))
                .set((rl::window_start.eq(now), rl::hits.eq(1)))
                .execute(conn)?;
            (now, 1)
        }
        None => {
            let inserted = conn.transaction(|c| {
                diesel::insert_into(rl::table)
                    .values((
                        rl::bucket.eq(bucket),
                        rl::window_start.eq(now),
                        rl::hits.eq(1),
                    ))
                    .execute(c)
            });
            match inserted {
                Ok(_) => {}
                // A concurrent first hit on PostgreSQL: count again on its row.
                Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                    return hit(conn, bucket, limit, now);
                }
                Err(e) => return Err(e.into()),
            }
            // Now and then, forget buckets idle for an hour.
            if now % 64 == 0 {
                diesel::delete(rl::table.filter(rl::window_start.lt(now - 60 * MINUTE)))
                    .execute(conn)?;
            }
            (now, 1)
        }
    };
    Ok(Decision {
        allowed: true,
        limit,
        remaining: limit.saturating_sub(hits as u32),
        reset_secs: secs_until(start + MINUTE, now),
    })
}

fn secs_until(t: Micros, now: Micros) -> i64 {
    ((t - now) as f64 / 1e6).ceil().max(1.0) as i64
}

pub fn too_many(retry_after_secs: i64, detail: &str) -> ApiError {
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

/// `Err(429)` while an account has `max` failed logins within `window`.
pub fn check_lockout(
    conn: &mut DbConn,
    email_key: &str,
    max: u32,
    window: Micros,
) -> Result<(), ApiError> {
    if max == 0 {
        return Ok(());
    }
    let now = time::now();
    let recent: Vec<i64> = lf::table
        .filter(lf::email_key.eq(email_key))
        .filter(lf::at.gt(now - window))
        .order(lf::at.asc())
        .select(lf::at)
        .load(conn)?;
    if recent.len() as u32 >= max {
        let oldest = recent[recent.len() - max as usize];
        return Err(too_many(
            secs_until(oldest + window, now),
            "too many failed logins for this account; try again later",
        ));
    }
    Ok(())
}

pub fn record_failure(conn: &mut DbConn, email_key: &str, window: Micros) -> Result<(), ApiError> {
    let now = time::now();
    diesel::delete(
        lf::table
            .filter(lf::email_key.eq(email_key))
            .filter(lf::at.le(now - window)),
    )
    .execute(conn)?;
    diesel::insert_into(lf::table)
        .values((lf::email_key.eq(email_key), lf::at.eq(now)))
        .execute(conn)?;
    Ok(())
}

pub fn clear_failures(conn: &mut DbConn, email_key: &str) -> Result<(), ApiError> {
    diesel::delete(lf::table.filter(lf::email_key.eq(email_key))).execute(conn)?;
    Ok(())
}
