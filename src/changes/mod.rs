//! The per-user change feed that lets an offline client keep an exact copy:
//! every write appends, in its own transaction, one entry per resource it
//! creates, changes or deletes, numbered by the user's own sequence.

use actix_web::{web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::auth::AuthUser;
use crate::db::schema::{changes, users};
use crate::db::DbConn;
use crate::error::ApiError;
use crate::http::operations::Operations;
use crate::input::Query;
use crate::state::AppState;
use crate::time;

/// Appends one change for `resource_type`/`id`: an upsert carrying `data`
/// (the resource as `GET` returns it), or a delete when `data` is `None`.
/// Taking the next number locks the user's row, so a user's changes are
/// numbered in commit order.
pub fn record<T: Serialize>(
    conn: &mut DbConn,
    user_id: &str,
    resource_type: &str,
    resource_id: &str,
    data: Option<&T>,
) -> QueryResult<i64> {
    diesel::update(users::table.find(user_id))
        .set(users::change_seq.eq(users::change_seq + 1))
        .execute(conn)?;
    let seq: i64 = users::table
        .find(user_id)
        .select(users::change_seq)
        .first(conn)?;
    let data = match data {
        Some(d) => Some(
            serde_json::to_string(d)
                .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?,
        ),
        None => None,
    };
    diesel::insert_into(changes::table)
        .values((
            changes::user_id.eq(user_id),
            changes::seq.eq(seq),
            changes::resource_type.eq(resource_type),
            changes::resource_id.eq(resource_id),
            changes::op.eq(if data.is_some() { "upsert" } else { "delete" }),
            changes::data.eq(data),
            changes::created_at.eq(time::now()),
        ))
        .execute(conn)?;
    Ok(seq)
}

/// One change.
#[derive(Serialize, ToSchema)]
pub struct Change {
    /// Position in the user's sequence; strictly increasing.
    pub seq: i64,
    /// The resource type: `contact`, …
    #[serde(rename = "type")]
    pub type_: String,
    /// The resource id.
    pub id: String,
    /// `upsert` (created, changed or restored) or `delete` (deleted or trashed).
    #[schema(example = "upsert")]
    pub op: String,
    /// The resource as `GET` returned it after this change; `null` for a delete.
    pub data: Option<serde_json::Value>,
}

/// A page of the change feed.
#[derive(Serialize, ToSchema)]
pub struct ChangePage {
    pub changes: Vec<Change>,
    /// Pass as `since` to read on.
    pub next_since: i64,
    /// Whether more changes follow right away.
    pub has_more: bool,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ChangeParams {
    /// The last `seq` the client has seen; `0` reads from the beginning.
    #[param(minimum = 0)]
    since: Option<i64>,
    /// How many changes at most (1–1000, default 100).
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<i64>,
}

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
    let mut q = Query::from_request(&req)?;
    let since = q.int("since", 0, i64::MAX).unwrap_or(0);
    let limit = q.int("limit", 1, 1000).unwrap_or(100);
    q.finish()?;
    let rows: Vec<(i64, String, String, String, Option<String>)> = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(changes::table
                .filter(changes::user_id.eq(&user.id))
                .filter(changes::seq.gt(since))
                .order(changes::seq.asc())
                .limit(limit + 1)
                .select((
                    changes::seq,
                    changes::resource_type,
                    changes::resource_id,
                    changes::op,
                    changes::data,
                ))
                .load(conn)?)
        })
        .await?;
    let has_more = rows.len() as i64 > limit;
    let mut out = Vec::with_capacity(rows.len());
    for (seq, type_, id, op, data) in rows.into_iter().take(limit as usize) {
        let data = match data {
            Some(d) => Some(serde_json::from_str(&d).map_err(ApiError::internal)?),
            None => None,
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

/// The change feed.
pub fn operations(ops: &mut Operations) {
    ops.add(__path_list, list);
}
