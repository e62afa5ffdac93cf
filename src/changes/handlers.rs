//! HTTP handlers for the change feed.

use actix_web::{web, HttpRequest, HttpResponse};

use std::time::{Duration, Instant};

use tokio::sync::watch;

use super::model::{Change, ChangeOp, ChangePage, ChangeParams, ChangeType, StreamParams};
use super::store;
use super::waiters::{StreamSlot, Waiters};
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::http::drain::Drain;
use crate::input;
use crate::state::AppState;

/// A stored change as the API writes it.
fn to_change((seq, type_, id, op, data): store::ChangeRow) -> Result<Change, ApiError> {
    let data = match data {
        Some(d) => Some(serde_json::from_str(&d).map_err(ApiError::internal)?),
        None => None,
    };
    let type_ = ChangeType::parse(&type_)
        .ok_or_else(|| ApiError::internal(format!("a change of unknown type {type_}")))?;
    let op = if op == "delete" {
        ChangeOp::Delete
    } else {
        ChangeOp::Upsert
    };
    Ok(Change {
        seq,
        type_,
        id,
        op,
        data,
    })
}

/// The user's changes after `since`: `limit + 1` at most.
async fn read(
    state: &AppState,
    user_id: &str,
    since: i64,
    limit: i64,
) -> Result<Vec<store::ChangeRow>, ApiError> {
    let user = user_id.to_string();
    state
        .db
        .read_as(user.clone(), move |conn| {
            Ok(store::after(conn, &user, since, limit)?)
        })
        .await
}

/// Read the change feed.
///
/// Every create, update and delete of the user's data after `since`, in
/// order. Trashing a contact is a `delete`; restoring it, an `upsert`. With
/// `wait`, an empty answer waits for the next change (a long poll; a write
/// through any server on the same database ends the wait within about
/// 50 ms).
#[utoipa::path(
    get, path = "/v1/changes", tag = "sync", operation_id = "list_changes",
    params(ChangeParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "Changes after `since`", body = ChangePage),
        crate::http::problems::List,
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    waiters: web::Data<Waiters>,
    drain: web::Data<Drain>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: ChangeParams = input::params(&req)?;
    let since = p.since.unwrap_or(0);
    let limit = p.limit.unwrap_or(100);
    let wait = p.wait.unwrap_or(0);
    let deadline = Instant::now() + Duration::from_secs(wait);
    // Watching before reading: a change landing in between still wakes.
    let mut moved = (wait > 0).then(|| waiters.watch(&user.id));
    let mut rows = read(&state, &user.id, since, limit).await?;
    while let Some(moved) = moved
        .as_mut()
        .filter(|_| rows.is_empty() && !drain.draining())
    {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        match tokio::time::timeout(left.min(Duration::from_secs(1)), moved.changed()).await {
            Ok(Ok(())) => rows = read(&state, &user.id, since, limit).await?,
            Ok(Err(_)) => break,
            Err(_) => {}
        }
    }
    let has_more = rows.len() as i64 > limit;
    let changes = rows
        .into_iter()
        .take(limit as usize)
        .map(to_change)
        .collect::<Result<Vec<_>, _>>()?;
    let next_since = changes.last().map_or(since, |c| c.seq);
    Ok(HttpResponse::Ok().json(ChangePage {
        changes,
        next_since,
        has_more,
    }))
}

/// A stream's state between events.
struct Streaming {
    state: web::Data<AppState>,
    drain: web::Data<Drain>,
    user_id: String,
    cursor: i64,
    moved: watch::Receiver<i64>,
    quiet: Duration,
    _slot: StreamSlot,
}

/// How long a stream stays quiet before a comment keeps it open.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// Stream the change feed (Server-Sent Events).
///
/// The changes after `since` (or the `Last-Event-ID` a reconnecting
/// `EventSource` sends), then each new one as it lands: an event `change`
/// whose `id` is the change's `seq` and whose `data` is the change as
/// `GET /v1/changes` writes it. A comment every 15 s keeps a quiet stream
/// open. At most 5 open streams per account (`429`); streams end when the
/// server stops (reconnect with `Last-Event-ID`).
#[utoipa::path(
    get, path = "/v1/changes/stream", tag = "sync", operation_id = "stream_changes",
    params(
        StreamParams,
        ("Last-Event-ID" = Option<String>, Header, description = "The last `seq` received (sent by `EventSource` when it reconnects)"),
    ),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The stream: `id: <seq>`, `event: change`, `data: <Change as JSON>`", content_type = "text/event-stream", body = String,
            example = json!("id: 42\nevent: change\ndata: {\"seq\":42,\"type\":\"contact\",\"id\":\"01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f\",\"op\":\"delete\",\"data\":null}\n\n")),
        crate::http::problems::List,
    )
)]
pub async fn stream(
    state: web::Data<AppState>,
    waiters: web::Data<Waiters>,
    drain: web::Data<Drain>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: StreamParams = input::params(&req)?;
    let resumed = req
        .headers()
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|seq| *seq >= 0);
    let cursor = resumed.or(p.since).unwrap_or(0);
    let waiters = waiters.into_inner();
    let slot = waiters.open_stream(&user.id).ok_or_else(|| {
        ApiError::new(
            actix_web::http::StatusCode::TOO_MANY_REQUESTS,
            "too_many_streams",
            "at most 5 open change streams per account: close one first",
        )
        .with_header(actix_web::http::header::RETRY_AFTER, "5")
    })?;
    let streaming = Streaming {
        moved: waiters.watch(&user.id),
        state,
        drain,
        user_id: user.id,
        cursor,
        quiet: Duration::ZERO,
        _slot: slot,
    };
    let events = futures_util::stream::unfold(streaming, |mut s| async move {
        loop {
            if s.drain.draining() {
                return None;
            }
            let rows = match read(&s.state, &s.user_id, s.cursor, 100).await {
                Ok(rows) => rows,
                Err(_) => return None,
            };
            if !rows.is_empty() {
                let mut out = String::new();
                for row in rows.into_iter().take(100) {
                    let Ok(change) = to_change(row) else {
                        return None;
                    };
                    s.cursor = change.seq;
                    let json = serde_json::to_string(&change).unwrap_or_default();
                    out.push_str(&format!(
                        "id: {}\nevent: change\ndata: {json}\n\n",
                        change.seq
                    ));
                }
                s.quiet = Duration::ZERO;
                return Some((Ok::<_, actix_web::Error>(web::Bytes::from(out)), s));
            }
            let tick = Duration::from_secs(1);
            match tokio::time::timeout(tick, s.moved.changed()).await {
                Ok(Ok(())) => continue,
                Ok(Err(_)) => return None,
                Err(_) => s.quiet += tick,
            }
            if s.quiet >= HEARTBEAT {
                s.quiet = Duration::ZERO;
                return Some((Ok(web::Bytes::from_static(b": keep-alive\n\n")), s));
            }
        }
    });
    Ok(HttpResponse::Ok()
        .content_type("text/event-stream")
        .insert_header(("cache-control", "no-cache"))
        .insert_header(("x-accel-buffering", "no"))
        .streaming(events))
}
