//! HTTP handlers for interactions.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::model::{
    Interaction, InteractionCreate, InteractionListParams, InteractionPage, InteractionPatch,
    InteractionRow,
};
use super::service;
use super::store::ListFilter;
use crate::auth::AuthUser;
use crate::contacts::service as contact_service;
use crate::error::{ApiError, Problem};
use crate::http::fields;
use crate::http::DEFAULT_LIMIT;
use crate::http::{created, cursor_after, encode_cursor, position, versioned, IfMatch, PageParams};
use crate::input::{self, Json};
use crate::state::AppState;

/// The one order of interaction lists, newest first.
const SORT: &str = "-occurred_at";

/// Log an interaction.
///
/// Resets the cadence clock of every participant when it counts as a touch.
#[utoipa::path(
    post, path = "/v1/interactions", tag = "interactions", operation_id = "create_interaction",
    request_body(content = InteractionCreate, content_type = "application/json"),
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
    Json(new): Json<InteractionCreate>,
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
        &format!("/v1/interactions/{}", row.id),
    ))
}

/// Get an interaction.
#[utoipa::path(
    get, path = "/v1/interactions/{id}", tag = "interactions", operation_id = "get_interaction",
    params(
        ("id" = String, Path, description = "Interaction id"),
        crate::http::fields::FieldsParam,
        ("If-None-Match" = Option<String>, Header, description = "An ETag you hold: `304` when it is current."),
    ),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The interaction", body = Interaction, headers(("ETag" = String, description = "Its version"))),
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
    let (fields, _) = fields::split::<Interaction>(&req)?;
    let id = id.into_inner();
    let row = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::get(conn, &user.id, &id)?)
        })
        .await?;
    fields::versioned(&req, fields.as_ref(), row.version, &row.to_api())
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
    request_body(content = InteractionPatch, content_type = "application/merge-patch+json"),
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
    Json(patch): Json<InteractionPatch>,
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

/// Delete an interaction.
///
/// Its participants fall back to their previous touch; a need it met is
/// open again, and favors that named it name nothing.
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

fn page_response(
    rows: Vec<InteractionRow>,
    more: bool,
    fields: Option<fields::Fields>,
) -> Result<HttpResponse, ApiError> {
    let next_cursor = cursor_after(&rows, more, |last| {
        encode_cursor(SORT, last.occurred_at, &last.id)
    });
    let page = InteractionPage {
        items: rows.iter().map(InteractionRow::to_api).collect(),
        next_cursor,
    };
    fields::page(fields.as_ref(), &page)
}

/// List interactions, newest first.
#[utoipa::path(
    get, path = "/v1/interactions", tag = "interactions", operation_id = "list_interactions",
    params(InteractionListParams, crate::http::fields::FieldsParam),
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
    let (fields, query) = fields::split::<Interaction>(&req)?;
    let p: InteractionListParams = input::params_of(&query)?;
    let (limit, cursor) = (p.limit.unwrap_or(DEFAULT_LIMIT), p.cursor);
    let instant = |t: Option<String>| {
        t.and_then(|t| input::parse_datetime(&t).ok())
            .map(|t| t.timestamp_micros())
    };
    let filter = ListFilter {
        contact_id: p.contact_id,
        kind: p.kind.map(|k| k.as_str().to_string()),
        direction: p.direction.map(|d| d.as_str().to_string()),
        since: instant(p.since),
        until: instant(p.until),
    };
    let after = position(cursor.as_deref(), SORT)?;
    let (rows, more) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::page(conn, &user.id, &filter, after, limit)?)
        })
        .await?;
    page_response(rows, more, fields)
}

/// List a contact's interactions, newest first.
///
/// Works for a contact in the trash too: its interactions are kept.
#[utoipa::path(
    get, path = "/v1/contacts/{id}/interactions", tag = "interactions", operation_id = "list_contact_interactions",
    params(("id" = String, Path, description = "Contact id"), PageParams, crate::http::fields::FieldsParam),
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
    let (fields, query) = fields::split::<Interaction>(&req)?;
    let PageParams { limit, cursor } = input::params_of(&query)?;
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    let after = position(cursor.as_deref(), SORT)?;
    let contact_id = id.into_inner();
    let (rows, more) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            contact_service::get(conn, &user.id, &contact_id)?;
            let filter = ListFilter {
                contact_id: Some(contact_id),
                ..ListFilter::default()
            };
            Ok(service::page(conn, &user.id, &filter, after, limit)?)
        })
        .await?;
    page_response(rows, more, fields)
}
