//! HTTP handlers for the change feed.

use actix_web::{web, HttpRequest, HttpResponse};

use super::model::{Change, ChangeOp, ChangePage, ChangeParams, ChangeType};
use super::store;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::input;
use crate::state::AppState;

/// Read the change feed.
///
/// Every create, update and delete of the user's data after `since`, in
/// order. Trashing a contact is a `delete`; restoring it, an `upsert`.
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
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: ChangeParams = input::params(&req)?;
    let since = p.since.unwrap_or(0);
    let limit = p.limit.unwrap_or(100);
    let rows = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(store::after(conn, &user.id, since, limit)?)
        })
        .await?;
    let has_more = rows.len() as i64 > limit;
    let mut out = Vec::with_capacity(rows.len());
    for (seq, type_, id, op, data) in rows.into_iter().take(limit as usize) {
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
        out.push(Change {
            seq,
            type_,
            id,
            op,
            data,
        });
    }
    let next_since = out.last().map_or(since, |c| c.seq);
    Ok(HttpResponse::Ok().json(ChangePage {
        changes: out,
        next_since,
        has_more,
    }))
}
