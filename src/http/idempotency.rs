//! `Idempotency-Key` on every authenticated `POST`: the same user, key and
//! request within 24 hours replays the first response (status, headers and
//! body); the same key with another request is a 422; a duplicate that
//! arrives while the first is still running gets a 409. Records live in the
//! database, so every replica shares them.
//!
//! A key in progress holds a lease (`KITH_IDEMPOTENCY_LEASE_SECS`, 60 s): a process that dies with it
//! leaves a key a retry takes over once the lease has run out. The handler
//! runs on a task of its own, so a client that hangs up does not stop it
//! from finishing and storing its answer. The request's writes mark the key
//! committed in their own transaction (`committed_with`): a key whose work
//! committed is never run again, even if its answer was lost with a crash.

use actix_web::body::{to_bytes, BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse, ResponseError};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::schema::idempotency_keys as ik;
use crate::db::{DbConn, TxWork};
use crate::error::ApiError;
use crate::state::AppState;
use crate::{auth, ids, time};

pub const HEADER: &str = "idempotency-key";
const WINDOW: time::Micros = time::DAY;

tokio::task_local! {
    /// The user and key of the request whose handler runs on this task.
    static RUNNING: (String, String);
}

/// The `WriteHook` of the database (see `startup`): a write made by a
/// request with a key marks the key committed, in the write's transaction.
pub fn committed_with() -> Option<TxWork> {
    let (user_id, key) = RUNNING.try_with(Clone::clone).ok()?;
    Some(Box::new(move |conn: &mut DbConn| {
        diesel::update(ik::table.find((&user_id, &key)))
            .set(ik::committed_at.eq(time::now()))
            .execute(conn)
            .map(|_| ())
    }))
}
/// Response headers worth replaying.
const KEPT_HEADERS: [header::HeaderName; 3] =
    [header::CONTENT_TYPE, header::LOCATION, header::ETAG];

enum Begin {
    Fresh,
    Replay(i32, Option<String>, Option<String>),
    Mismatch,
    InProgress,
    /// Its work committed, but the process died before storing its answer.
    Lost,
}

type StoredRow = (
    String,
    Option<i32>,
    Option<String>,
    Option<String>,
    i64,
    Option<i64>,
    Option<i64>,
);

fn load(conn: &mut DbConn, user_id: &str, key: &str) -> QueryResult<Option<StoredRow>> {
    ik::table
        .find((user_id, key))
        .select((
            ik::request_hash,
            ik::status_code,
            ik::response_headers,
            ik::response_body,
            ik::created_at,
            ik::lease_until,
            ik::committed_at,
        ))
        .first(conn)
        .optional()
}

/// Starts a request with a key: a fresh one takes a lease of `lease_for`
/// microseconds.
fn begin(
    conn: &mut DbConn,
    user_id: &str,
    key: &str,
    hash: &str,
    lease_for: time::Micros,
) -> Result<Begin, ApiError> {
    let now = time::now();
    if let Some((stored_hash, status, headers, body, created_at, lease, committed)) =
        load(conn, user_id, key)?
    {
        if created_at > now - WINDOW {
            return Ok(match (status, committed) {
                _ if stored_hash != hash => Begin::Mismatch,
                (Some(s), _) => Begin::Replay(s, headers, body),
                (None, _) if lease.is_some_and(|l| l > now) => Begin::InProgress,
                (None, Some(_)) => Begin::Lost,
                // Its process is gone and nothing of it committed: this
                // request takes the key over (one of several racing wins).
                (None, None) => {
                    let taken = diesel::update(
                        ik::table
                            .find((user_id, key))
                            .filter(ik::status_code.is_null())
                            .filter(ik::committed_at.is_null())
                            .filter(ik::lease_until.is_null().or(ik::lease_until.le(now))),
                    )
                    .set(ik::lease_until.eq(now + lease_for))
                    .execute(conn)?;
                    if taken == 1 {
                        Begin::Fresh
                    } else {
                        Begin::InProgress
                    }
                }
            });
        }
        diesel::delete(ik::table.find((user_id, key))).execute(conn)?;
    }
    // A savepoint, so that losing a race on PostgreSQL leaves the outer
    // transaction usable.
    let inserted = conn.transaction(|c| {
        diesel::insert_into(ik::table)
            .values((
                ik::user_id.eq(user_id),
                ik::idem_key.eq(key),
                ik::request_hash.eq(hash),
                ik::created_at.eq(now),
                ik::lease_until.eq(now + lease_for),
            ))
            .execute(c)
    });
    match inserted {
        Ok(_) => Ok(Begin::Fresh),
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            Ok(Begin::InProgress)
        }
        Err(e) => Err(e.into()),
    }
}

fn problem(err: ApiError, req: ServiceRequest) -> ServiceResponse<BoxBody> {
    req.into_response(err.error_response())
}

pub async fn middleware(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let key = match req.headers().get(HEADER) {
        Some(v) if req.method() == Method::POST => v.to_str().unwrap_or("\u{0}").to_string(),
        _ => {
            return next
                .call(req)
                .await
                .map(ServiceResponse::map_into_boxed_body)
        }
    };
    if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| (0x21..0x7f).contains(&b)) {
        let err = ApiError::field(
            "Idempotency-Key",
            "invalid_format",
            "must be 1–255 visible ASCII characters",
        );
        return Ok(problem(err, req));
    }
    let Ok(user) = auth::authenticate(req.request()).await else {
        // The handler answers 401; nothing to remember.
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(problem(
            ApiError::internal("application state missing"),
            req,
        ));
    };
    let body = match req.extract::<web::Bytes>().await {
        Ok(b) => b,
        Err(e) => return Ok(req.error_response(e)),
    };
    let mut fingerprint = Vec::with_capacity(body.len() + 64);
    fingerprint.extend_from_slice(req.path().as_bytes());
    fingerprint.push(b'?');
    fingerprint.extend_from_slice(req.query_string().as_bytes());
    fingerprint.push(0);
    fingerprint.extend_from_slice(&body);
    let hash = ids::sha256_hex(&fingerprint);

    let (uid, k) = (user.id.clone(), key.clone());
    let lease = state.settings.idempotency_lease_secs * 1_000_000;
    let outcome = state
        .db
        .write(move |conn| begin(conn, &uid, &k, &hash, lease))
        .await;
    match outcome {
        Err(e) => return Ok(problem(e, req)),
        Ok(Begin::Mismatch) => {
            let err = ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "this Idempotency-Key was used with a different request",
            );
            return Ok(problem(err, req));
        }
        Ok(Begin::InProgress) => {
            let err = ApiError::conflict(
                "idempotency_in_progress",
                "a request with this Idempotency-Key is still being processed; retry shortly",
            );
            return Ok(problem(err.with_header(header::RETRY_AFTER, "1"), req));
        }
        Ok(Begin::Lost) => {
            let err = ApiError::conflict(
                "idempotency_answer_lost",
                "the request with this Idempotency-Key was carried out, but its answer was lost \
                 when the server stopped; do not repeat it: its changes are in GET /v1/changes",
            );
            return Ok(problem(err, req));
        }
        Ok(Begin::Replay(status, headers, body)) => {
            let status = StatusCode::from_u16(status as u16).unwrap_or(StatusCode::OK);
            let mut res = HttpResponse::build(status);
            let pairs: Vec<(String, String)> = headers
                .and_then(|h| serde_json::from_str(&h).ok())
                .unwrap_or_default();
            for (name, value) in pairs {
                res.insert_header((name, value));
            }
            res.insert_header(("idempotent-replayed", "true"));
            return Ok(req.into_response(res.body(body.unwrap_or_default())));
        }
        Ok(Begin::Fresh) => {}
    }

    req.set_payload(Payload::from(body));
    // On a task of its own: if the client hangs up, this future is dropped,
    // but the handler still finishes and its answer is stored.
    let running = (user.id.clone(), key.clone());
    let handled = actix_web::rt::spawn(super::request_id::carried(async move {
        let in_progress = metrics::gauge!("kith_idempotency_keys_in_progress");
        in_progress.increment(1.0);
        let res = RUNNING.scope(running, next.call(req)).await;
        let answered = finish(state, user.id, key, res).await;
        in_progress.decrement(1.0);
        answered
    }));
    match handled.await {
        Ok(res) => res,
        Err(_) => Err(ApiError::internal("a request handler panicked").into()),
    }
}

/// Stores the answer of a request that ran with a key, or releases the key
/// when the request failed on our side before its work committed (the
/// client may retry it).
async fn finish<B: MessageBody + 'static>(
    state: web::Data<AppState>,
    uid: String,
    k: String,
    res: Result<ServiceResponse<B>, actix_web::Error>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = match res {
        Ok(res) => res.map_into_boxed_body(),
        Err(e) => {
            release(&state, uid, k).await;
            return Err(e);
        }
    };
    let status = res.status();
    if status.is_server_error() {
        release(&state, uid, k).await;
        return Ok(res);
    }
    let (http_req, response) = res.into_parts();
    let (head, body) = response.into_parts();
    let bytes = to_bytes(body).await.unwrap_or_default();
    let kept: Vec<(String, String)> = KEPT_HEADERS
        .iter()
        .filter_map(|n| {
            head.headers()
                .get(n)
                .and_then(|v| v.to_str().ok())
                .map(|v| (n.as_str().to_string(), v.to_string()))
        })
        .collect();
    let stored_headers = serde_json::to_string(&kept).unwrap_or_default();
    let stored_body = String::from_utf8_lossy(&bytes).into_owned();
    let code = i32::from(status.as_u16());
    state
        .db
        .write(move |conn| {
            diesel::update(ik::table.find((&uid, &k)))
                .set((
                    ik::status_code.eq(code),
                    ik::response_headers.eq(stored_headers),
                    ik::response_body.eq(stored_body),
                ))
                .execute(conn)?;
            Ok(())
        })
        .await?;
    Ok(ServiceResponse::new(
        http_req,
        head.set_body(BoxBody::new(bytes)),
    ))
}

/// Lets a retry run the request again, unless its work committed.
async fn release(state: &AppState, uid: String, k: String) {
    let released = state
        .db
        .write(move |conn| {
            diesel::delete(
                ik::table
                    .find((&uid, &k))
                    .filter(ik::committed_at.is_null()),
            )
            .execute(conn)?;
            Ok(())
        })
        .await;
    if let Err(e) = released {
        tracing::warn!(error = %e.detail, "an idempotency key could not be released; its lease will run out");
    }
}

/// The `Idempotency-Key` header, for the OpenAPI document of every `POST`.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IdempotencyKey {
    /// Retry safely: the same key and body within 24 hours replays the first
    /// response; the same key with another body is a `422`.
    #[param(
        rename = "Idempotency-Key",
        min_length = 1,
        max_length = 255,
        pattern = "^[!-~]+$"
    )]
    pub key: Option<String>,
}
