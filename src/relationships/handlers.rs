//! HTTP handlers for relationships.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::model::{Relationship, RelationshipCreate, RelationshipPatch, RelationshipViewPage};
use super::service;
use crate::auth::AuthUser;
use crate::contacts::service as contact_service;
use crate::error::{ApiError, Problem};
use crate::http::fields;
use crate::http::DEFAULT_LIMIT;
use crate::http::{
    created, cursor_after, decode_cursor, encode_cursor, versioned, IfMatch, PageParams,
};
use crate::input::{self, Json};
use crate::state::AppState;

/// Relate two contacts.
///
/// Stored once and seen from both sides (`mentor_of` reads as `mentee_of`
/// from the other). The same relationship twice, or its inverse, is a `409`.
#[utoipa::path(
    post, path = "/v1/relationships", tag = "network", operation_id = "create_relationship",
    request_body(content = RelationshipCreate, content_type = "application/json"),
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "Created", body = Relationship,
            headers(("Location" = String, description = "Its URL"), ("ETag" = String, description = "Its version")),
            links(
                ("get" = (operation_id = "get_relationship", parameters(("id" = "$response.body#/id")))),
                ("update" = (operation_id = "update_relationship", parameters(("id" = "$response.body#/id")))),
                ("delete" = (operation_id = "delete_relationship", parameters(("id" = "$response.body#/id")))),
            )),
        (status = 409, description = "Already related this way (`relationship_exists`)", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    Json(new): Json<RelationshipCreate>,
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
        &format!("/v1/relationships/{}", row.id),
    ))
}

/// Get a relationship.
#[utoipa::path(
    get, path = "/v1/relationships/{id}", tag = "network", operation_id = "get_relationship",
    params(
        ("id" = String, Path, description = "Relationship id"),
        crate::http::fields::FieldsParam,
        ("If-None-Match" = Option<String>, Header, description = "An ETag you hold: `304` when it is current."),
    ),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The relationship", body = Relationship, headers(("ETag" = String, description = "Its version"))),
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
    let (fields, _) = fields::split::<Relationship>(&req)?;
    let id = id.into_inner();
    let row = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::get(conn, &user.id, &id)?)
        })
        .await?;
    fields::versioned(&req, fields.as_ref(), row.version, &row.to_api())
}

/// Update a relationship (JSON merge patch): kind, strength, note.
#[utoipa::path(
    patch, path = "/v1/relationships/{id}", tag = "network", operation_id = "update_relationship",
    params(
        ("id" = String, Path, description = "Relationship id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold."),
    ),
    request_body(content = RelationshipPatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The updated relationship", body = Relationship, headers(("ETag" = String, description = "Its new version"))),
        (status = 409, description = "The change would duplicate another relationship", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::WriteVersioned,
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
    Json(patch): Json<RelationshipPatch>,
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

/// Delete a relationship.
#[utoipa::path(
    delete, path = "/v1/relationships/{id}", tag = "network", operation_id = "delete_relationship",
    params(
        ("id" = String, Path, description = "Relationship id"),
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

/// A contact's relationships, seen from its side.
#[utoipa::path(
    get, path = "/v1/contacts/{id}/relationships", tag = "network", operation_id = "list_contact_relationships",
    params(("id" = String, Path, description = "Contact id"), PageParams, crate::http::fields::FieldsParam),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of relationships", body = RelationshipViewPage),
        crate::http::problems::ListOf,
    )
)]
pub async fn list_for_contact(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    const SORT: &str = "id";
    let (fields, query) = fields::split::<super::model::RelationshipView>(&req)?;
    let PageParams { limit, cursor } = input::params_of(&query)?;
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    let after = match cursor {
        Some(c) => Some(decode_cursor::<()>(&c, SORT)?.1),
        None => None,
    };
    let contact_id = id.into_inner();
    let (items, more) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            contact_service::get(conn, &user.id, &contact_id)?;
            Ok(service::of_contact(
                conn,
                &user.id,
                &contact_id,
                after.as_deref(),
                limit,
            )?)
        })
        .await?;
    let next_cursor = cursor_after(&items, more, |last| encode_cursor(SORT, (), &last.id));
    fields::page(
        fields.as_ref(),
        &RelationshipViewPage { items, next_cursor },
    )
}
