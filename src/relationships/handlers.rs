//! HTTP handlers for relationships.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::queries::{self, NewRelationship};
use super::{Relationship, RelationshipViewPage, KINDS};
use crate::auth::AuthUser;
use crate::contacts::queries as contact_queries;
use crate::error::{ApiError, Problem};
use crate::http::PageParams;
use crate::http::{created, versioned, IfMatch};
use crate::input::{self, Body, JsonBody, Query};
use crate::state::AppState;

const READ_ONLY: &[&str] = &["id", "created_at", "updated_at", "version"];

/// Relate two contacts.
///
/// Stored once and seen from both sides (`mentor_of` reads as `mentee_of`
/// from the other). The same relationship twice, or its inverse, is a `409`.
#[utoipa::path(
    post, path = "/v1/relationships", tag = "network", operation_id = "create_relationship",
    request_body(content = super::RelationshipCreate, content_type = "application/json"),
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
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing or invalid token", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already related this way (`relationship_exists`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body over 1 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let mut b = Body::new(
        body.into_inner(),
        &["contact_id", "other_id", "kind", "strength", "note"],
        READ_ONLY,
    )?;
    let contact_id = b.required("contact_id", input::id);
    let other_id = b.required("other_id", input::id);
    let kind = b.required("kind", input::one_of(KINDS));
    let strength = b
        .patch("strength", input::integer(1, 5))
        .into_option()
        .map_or(3, |s| s as i32);
    let note = b
        .patch("note", input::opt_text(2000))
        .into_option()
        .flatten();
    b.finish()?;
    let (Some(contact_id), Some(other_id), Some(kind)) = (contact_id, other_id, kind) else {
        return Err(ApiError::internal("validated fields missing"));
    };
    let n = NewRelationship {
        contact_id,
        other_id,
        kind,
        strength,
        note,
    };
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            queries::create(conn, &user.id, n)
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
        ("If-None-Match" = Option<String>, Header, description = "An ETag you hold: `304` when it is current."),
    ),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The relationship", body = Relationship, headers(("ETag" = String, description = "Its version"))),
        (status = 304, description = "Not modified since the ETag you hold"),
        (status = 401, description = "Missing or invalid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such relationship", body = Problem, content_type = "application/problem+json"),
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

/// Update a relationship (JSON merge patch): kind, strength, note.
#[utoipa::path(
    patch, path = "/v1/relationships/{id}", tag = "network", operation_id = "update_relationship",
    params(
        ("id" = String, Path, description = "Relationship id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold."),
    ),
    request_body(content = super::RelationshipPatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The updated relationship", body = Relationship, headers(("ETag" = String, description = "Its new version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing or invalid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such relationship", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The change would duplicate another relationship", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let mut read_only = READ_ONLY.to_vec();
    read_only.extend(["contact_id", "other_id"]);
    let mut b = Body::new(body.into_inner(), &["kind", "strength", "note"], &read_only)?;
    let kind = b.not_null("kind", input::one_of(KINDS));
    let strength = b
        .not_null("strength", input::integer(1, 5))
        .map(|s| s as i32);
    let note = b
        .patch("note", input::opt_text(2000))
        .into_update()
        .map(Option::flatten);
    b.finish()?;
    let if_match = IfMatch::from_request(&req);
    let id = id.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            queries::update(conn, &user.id, &id, &if_match, kind, strength, note)
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
        (status = 401, description = "Missing or invalid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such relationship", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
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

/// A contact's relationships, seen from its side.
#[utoipa::path(
    get, path = "/v1/contacts/{id}/relationships", tag = "network", operation_id = "list_contact_relationships",
    params(("id" = String, Path, description = "Contact id"), PageParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of relationships", body = RelationshipViewPage),
        (status = 401, description = "Missing or invalid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameters", body = Problem, content_type = "application/problem+json"),
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
    let (items, next_cursor) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            contact_queries::get(conn, &user.id, &contact_id)?;
            queries::for_contact(conn, &user.id, &contact_id, limit, cursor.as_deref())
        })
        .await?;
    Ok(HttpResponse::Ok().json(RelationshipViewPage { items, next_cursor }))
}
