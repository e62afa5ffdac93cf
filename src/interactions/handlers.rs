//! HTTP handlers for interactions.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::Value;

use super::domain;
use super::dto::{Interaction, InteractionListParams, InteractionPage, DIRECTIONS, KINDS};
use super::queries::{self, ListFilter};
use crate::auth::AuthUser;
use crate::contacts::queries as contact_queries;
use crate::error::{ApiError, Problem};
use crate::http::PageParams;
use crate::http::{created, versioned, IfMatch};
use crate::input::{self, JsonBody, Query};
use crate::state::AppState;

/// Log an interaction.
///
/// Resets the cadence clock of every participant when it counts as a touch.
#[utoipa::path(
    post, path = "/v1/interactions", tag = "interactions", operation_id = "create_interaction",
    request_body(content = super::dto::InteractionCreate, content_type = "application/json"),
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "Logged", body = Interaction,
            headers(("Location" = String, description = "Its URL"), ("ETag" = String, description = "Its version")),
            links(
                ("get" = (operation_id = "get_interaction", parameters(("id" = "$response.body#/id")))),
                ("update" = (operation_id = "update_interaction", parameters(("id" = "$response.body#/id")))),
                ("delete" = (operation_id = "delete_interaction", parameters(("id" = "$response.body#/id")))),
            )),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let changes = domain::parse(body.into_inner(), true)?;
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            queries::create(conn, &user.id, changes)
        })
        .await?;
    Ok(created(
        &req,
        row.version,
        &row.to_api(),
        &format!("/v1/interactions/{}", row.id),
    ))
}

/// Get an interaction.
#[utoipa::path(
    get, path = "/v1/interactions/{id}", tag = "interactions", operation_id = "get_interaction",
    params(
        ("id" = String, Path, description = "Interaction id"),
        ("If-None-Match" = Option<String>, Header, description = "An ETag you hold: `304` when it is current."),
    ),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The interaction", body = Interaction, headers(("ETag" = String, description = "Its version"))),
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
            queries::get(conn, &user.id, &id)
        })
        .await?;
    Ok(versioned(&req, StatusCode::OK, row.version, &row.to_api()))
}

/// Update an interaction (JSON merge patch).
///
/// Moving it in time, changing its participants or whether it counts as a
/// touch recomputes every affected contact.
#[utoipa::path(
    patch, path = "/v1/interactions/{id}", tag = "interactions", operation_id = "update_interaction",
    params(
        ("id" = String, Path, description = "Interaction id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold: the update only applies to that version."),
    ),
    request_body(content = super::dto::InteractionPatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The updated interaction", body = Interaction, headers(("ETag" = String, description = "Its new version"))),
        crate::http::problems::WriteVersioned,
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let changes = domain::parse(body.into_inner(), false)?;
    let if_match = IfMatch::from_request(&req);
    let id = id.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            queries::update(conn, &user.id, &id, &if_match, changes)
        })
        .await?;
    Ok(versioned(&req, StatusCode::OK, row.version, &row.to_api()))
}

/// Delete an interaction.
///
/// Its participants fall back to their previous touch.
#[utoipa::path(
    delete, path = "/v1/interactions/{id}", tag = "interactions", operation_id = "delete_interaction",
    params(
        ("id" = String, Path, description = "Interaction id"),
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
    let if_match = IfMatch::from_request(&req);
    let id = id.into_inner();
    state
        .db
        .write_as(user.id.clone(), move |conn| {
            queries::delete(conn, &user.id, &id, &if_match)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

fn page_response(rows: Vec<queries::InteractionRow>, next_cursor: Option<String>) -> HttpResponse {
    HttpResponse::Ok().json(InteractionPage {
        items: rows.iter().map(|r| r.to_api()).collect(),
        next_cursor,
    })
}

/// List interactions, newest first.
#[utoipa::path(
    get, path = "/v1/interactions", tag = "interactions", operation_id = "list_interactions",
    params(InteractionListParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of interactions", body = InteractionPage),
        crate::http::problems::List,
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let mut q = Query::from_request(&req)?;
    let (limit, cursor) = q.page();
    let filter = ListFilter {
        contact_id: q.get("contact_id", |s| input::id(&Value::from(s))),
        kind: q.one_of("kind", KINDS),
        direction: q.one_of("direction", DIRECTIONS),
        since: q
            .get("since", input::parse_datetime)
            .map(|t| t.timestamp_micros()),
        until: q
            .get("until", input::parse_datetime)
            .map(|t| t.timestamp_micros()),
    };
    q.finish()?;
    let (rows, next) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            queries::list(conn, &user.id, &filter, limit, cursor.as_deref())
        })
        .await?;
    Ok(page_response(rows, next))
}

/// List a contact's interactions, newest first.
///
/// Works for a contact in the trash too: its interactions are kept.
#[utoipa::path(
    get, path = "/v1/contacts/{id}/interactions", tag = "interactions", operation_id = "list_contact_interactions",
    params(("id" = String, Path, description = "Contact id"), PageParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of interactions", body = InteractionPage),
        crate::http::problems::ListOf,
    )
)]
pub async fn list_for_contact(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let mut q = Query::from_request(&req)?;
    let (limit, cursor) = q.page();
    q.finish()?;
    let contact_id = id.into_inner();
    let (rows, next) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            contact_queries::get(conn, &user.id, &contact_id)?;
            let filter = ListFilter {
                contact_id: Some(contact_id),
                ..ListFilter::default()
            };
            queries::list(conn, &user.id, &filter, limit, cursor.as_deref())
        })
        .await?;
    Ok(page_response(rows, next))
}
