//! HTTP handlers for needs and offers.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::model::{Need, NeedCreate, NeedPage, NeedParams, NeedPatch};
use super::service;
use super::store::Filter;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::http::{created, newest_first, newest_first_cursor, versioned, IfMatch, PageParams};
use crate::input::{self, Json};
use crate::search::text::fold;
use crate::state::AppState;

/// Record a need or an offer.
///
/// What a contact of yours (or you, without `contact_id`) is looking for
/// (`ask`) or can give (`offer`): a topic, tags and, for an ask that
/// expires, the last day it stands. It starts `open`.
#[utoipa::path(
    post, path = "/v1/needs", tag = "network", operation_id = "create_need",
    request_body(content = NeedCreate, content_type = "application/json"),
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "Created", body = Need,
            headers(("Location" = String, description = "Its URL"), ("ETag" = String, description = "Its version")),
            links(
                ("get" = (operation_id = "get_need", parameters(("id" = "$response.body#/id")))),
                ("update" = (operation_id = "update_need", parameters(("id" = "$response.body#/id")))),
                ("delete" = (operation_id = "delete_need", parameters(("id" = "$response.body#/id")))),
            )),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = crate::error::Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    Json(new): Json<NeedCreate>,
) -> Result<HttpResponse, ApiError> {
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::create(conn, &user.id, new)?)
        })
        .await?;
    Ok(created(
        &req,
        row.version,
        &row.to_api(),
        &format!("/v1/needs/{}", row.id),
    ))
}

/// List needs and offers.
///
/// Newest first; every filter narrows.
#[utoipa::path(
    get, path = "/v1/needs", tag = "network", operation_id = "list_needs",
    params(NeedParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of needs", body = NeedPage),
        crate::http::problems::List,
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: NeedParams = input::params(&req)?;
    let (limit, after) = newest_first(PageParams {
        limit: p.limit,
        cursor: p.cursor,
    })?;
    let filter = Filter {
        contact: p.contact_id,
        mine: p.mine,
        kind: p.kind.map(|k| k.as_str()),
        status: p.status.map(|s| s.as_str()),
        tag: p.tag.map(|t| t.trim().to_lowercase()),
        words: p
            .q
            .as_deref()
            .map(|q| fold(q).split_whitespace().map(str::to_string).collect())
            .unwrap_or_default(),
    };
    let mut rows = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::list(
                conn,
                &user.id,
                &filter,
                after.as_deref(),
                limit,
            )?)
        })
        .await?;
    let next_cursor = newest_first_cursor(&mut rows, limit, |r| &r.id);
    Ok(HttpResponse::Ok().json(NeedPage {
        items: rows.iter().map(|r| r.to_api()).collect(),
        next_cursor,
    }))
}

/// Get a need or an offer.
#[utoipa::path(
    get, path = "/v1/needs/{id}", tag = "network", operation_id = "get_need",
    params(
        ("id" = String, Path, description = "Need id"),
        ("If-None-Match" = Option<String>, Header, description = "An ETag you hold: `304` when it is current."),
    ),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The need", body = Need, headers(("ETag" = String, description = "Its version"))),
        (status = 304, description = "Not modified since the ETag you hold"),
        crate::http::problems::ReadOne,
    )
)]
pub async fn get(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::get(conn, &user.id, &id)?)
        })
        .await?;
    Ok(versioned(&req, StatusCode::OK, row.version, &row.to_api()))
}

/// Update a need (JSON merge patch).
///
/// Mark it `met` (naming what met it in `met_by`, an introduction,
/// interaction or favor of yours) or `dropped`, or `open` again; change its
/// topic, tags, description or last day. A need is open again by itself
/// when what met it is deleted (or the introduction unmade).
#[utoipa::path(
    patch, path = "/v1/needs/{id}", tag = "network", operation_id = "update_need",
    params(
        ("id" = String, Path, description = "Need id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold."),
    ),
    request_body(content = NeedPatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The updated need", body = Need, headers(("ETag" = String, description = "Its new version"))),
        crate::http::problems::WriteVersioned,
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
    Json(patch): Json<NeedPatch>,
) -> Result<HttpResponse, ApiError> {
    let expected = IfMatch::from_request(&req).expected();
    let id = id.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::update(conn, &user.id, &id, &expected, patch)?)
        })
        .await?;
    Ok(versioned(&req, StatusCode::OK, row.version, &row.to_api()))
}

/// Delete a need or an offer.
#[utoipa::path(
    delete, path = "/v1/needs/{id}", tag = "network", operation_id = "delete_need",
    params(
        ("id" = String, Path, description = "Need id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold."),
    ),
    security(("bearer" = ["write"])),
    responses(
        (status = 204, description = "Deleted"),
        crate::http::problems::ActVersioned,
    )
)]
pub async fn delete(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let expected = IfMatch::from_request(&req).expected();
    let id = id.into_inner();
    state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::delete(conn, &user.id, &id, &expected)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
