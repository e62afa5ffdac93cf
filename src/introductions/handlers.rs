//! HTTP handlers for introductions.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::model::{
    Introduction, IntroductionCreate, IntroductionListParams, IntroductionPage, IntroductionPatch,
};
use super::service;
use crate::auth::AuthUser;
use crate::error::{ApiError, Problem};
use crate::http::fields;
use crate::http::DEFAULT_LIMIT;
use crate::http::{created, cursor_after, encode_cursor, position, versioned, IfMatch};
use crate::input::{self, Json};
use crate::state::AppState;

/// Record an introduction.
///
/// Once `made`: A and B (when both are contacts) get a `knows` relationship
/// unless related already; if you introduced, a `given` introduction favor
/// is recorded for A and for B; if a contact introduced you, a `received`
/// favor from them, and they become B's `met_via` when it was empty.
#[utoipa::path(
    post, path = "/v1/introductions", tag = "network", operation_id = "create_introduction",
    request_body(content = IntroductionCreate, content_type = "application/json"),
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "Recorded", body = Introduction,
            headers(("Location" = String, description = "Its URL"), ("ETag" = String, description = "Its version")),
            links(
                ("get" = (operation_id = "get_introduction", parameters(("id" = "$response.body#/id")))),
                ("update" = (operation_id = "update_introduction", parameters(("id" = "$response.body#/id")))),
                ("delete" = (operation_id = "delete_introduction", parameters(("id" = "$response.body#/id")))),
            )),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    Json(new): Json<IntroductionCreate>,
) -> Result<HttpResponse, ApiError> {
    let c = new.into();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::create(conn, &user.id, c)?)
        })
        .await?;
    Ok(created(
        &req,
        row.version,
        &row.to_api(),
        &format!("/v1/introductions/{}", row.id),
    ))
}

/// Get an introduction.
#[utoipa::path(
    get, path = "/v1/introductions/{id}", tag = "network", operation_id = "get_introduction",
    params(
        ("id" = String, Path, description = "Introduction id"),
        crate::http::fields::FieldsParam,
        ("If-None-Match" = Option<String>, Header, description = "An ETag you hold: `304` when it is current."),
    ),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The introduction", body = Introduction, headers(("ETag" = String, description = "Its version"))),
        (status = 304, description = "Not modified since the ETag you hold"),
        crate::http::problems::ReadOneWith,
    )
)]
pub async fn get(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (fields, _) = fields::split::<Introduction>(&req)?;
    let id = id.into_inner();
    let row = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::get(conn, &user.id, &id)?)
        })
        .await?;
    fields::versioned(&req, fields.as_ref(), row.version, &row.to_api())
}

/// Update an introduction (JSON merge patch).
///
/// Moving it away from `made` removes the ledger favors it recorded (and
/// nothing else); moving it to `made` sets `made_on` (default today, UTC).
#[utoipa::path(
    patch, path = "/v1/introductions/{id}", tag = "network", operation_id = "update_introduction",
    params(
        ("id" = String, Path, description = "Introduction id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold."),
    ),
    request_body(content = IntroductionPatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The updated introduction", body = Introduction, headers(("ETag" = String, description = "Its new version"))),
        crate::http::problems::WriteVersioned,
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
    Json(patch): Json<IntroductionPatch>,
) -> Result<HttpResponse, ApiError> {
    let c = patch.into();
    let expected = IfMatch::from_request(&req).expected();
    let id = id.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::update(conn, &user.id, &id, &expected, c)?)
        })
        .await?;
    Ok(versioned(&req, StatusCode::OK, row.version, &row.to_api()))
}

/// Delete an introduction, and the ledger favors it recorded.
#[utoipa::path(
    delete, path = "/v1/introductions/{id}", tag = "network", operation_id = "delete_introduction",
    params(
        ("id" = String, Path, description = "Introduction id"),
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

/// List introductions, newest first.
#[utoipa::path(
    get, path = "/v1/introductions", tag = "network", operation_id = "list_introductions",
    params(IntroductionListParams, crate::http::fields::FieldsParam),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of introductions", body = IntroductionPage),
        crate::http::problems::List,
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (fields, query) = fields::split::<Introduction>(&req)?;
    let p: IntroductionListParams = input::params_of(&query)?;
    let (limit, cursor) = (p.limit.unwrap_or(DEFAULT_LIMIT), p.cursor);
    let status = p.status.map(|s| s.as_str().to_string());
    let contact_id = p.contact_id;
    const SORT: &str = "-created_at";
    let after = position(cursor.as_deref(), SORT)?;
    let (rows, more) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::list(
                conn,
                &user.id,
                status.as_deref(),
                contact_id.as_deref(),
                limit,
                after,
            )?)
        })
        .await?;
    let next_cursor = cursor_after(&rows, more, |last| {
        encode_cursor(SORT, last.created_at, &last.id)
    });
    let page = IntroductionPage {
        items: rows.iter().map(|r| r.to_api()).collect(),
        next_cursor,
    };
    fields::page(fields.as_ref(), &page)
}
