//! HTTP handlers for contacts.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::domain::{self, ContactChanges};
use super::dto::{Contact, ContactCreate, ContactListParams, ContactPage, ContactPatch};
use super::models::ContactJson;
use super::queries::{self, ListFilter, Sort};
use crate::auth::AuthUser;
use crate::error::{ApiError, Problem};
use crate::http::{created, versioned, versioned_json, IfMatch};
use crate::input::{Json, Query};
use crate::state::AppState;

/// Create a contact.
#[utoipa::path(
    post, path = "/v1/contacts", tag = "contacts", operation_id = "create_contact",
    request_body(content = ContactCreate, content_type = "application/json"),
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "Created", body = Contact,
            headers(("Location" = String, description = "The new contact's URL"), ("ETag" = String, description = "Its version")),
            links(
                ("get" = (operation_id = "get_contact", parameters(("id" = "$response.body#/id")))),
                ("update" = (operation_id = "update_contact", parameters(("id" = "$response.body#/id")))),
                ("delete" = (operation_id = "delete_contact", parameters(("id" = "$response.body#/id")))),
            )),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    Json(new): Json<ContactCreate>,
) -> Result<HttpResponse, ApiError> {
    let changes = ContactChanges::from(new);
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
        &format!("/v1/contacts/{}", row.id),
    ))
}

/// Get a contact.
///
/// Trashed contacts stay readable, with `trashed_at` set.
#[utoipa::path(
    get, path = "/v1/contacts/{id}", tag = "contacts", operation_id = "get_contact",
    params(
        ("id" = String, Path, description = "Contact id"),
        ("If-None-Match" = Option<String>, Header, description = "An ETag you hold: `304` when it is current."),
    ),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The contact", body = Contact, headers(("ETag" = String, description = "Its version"))),
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
    let (version, json) = state.db.lookup_as(&queries::BY_ID, user.id, id).await?;
    Ok(versioned_json(
        &req,
        StatusCode::OK,
        version,
        json.into_bytes(),
    ))
}

/// Update a contact (JSON merge patch).
///
/// An absent field is kept, `null` clears it. Accepts `application/json` and
/// `application/merge-patch+json`. With `If-Match`, a stale version is a `412`.
#[utoipa::path(
    patch, path = "/v1/contacts/{id}", tag = "contacts", operation_id = "update_contact",
    params(
        ("id" = String, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold: the update only applies to that version."),
    ),
    request_body(content = ContactPatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The updated contact", body = Contact, headers(("ETag" = String, description = "Its new version"))),
        (status = 409, description = "The contact is in the trash (`contact_trashed`)", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::WriteVersioned,
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
    Json(patch): Json<ContactPatch>,
) -> Result<HttpResponse, ApiError> {
    let changes = ContactChanges::from(patch);
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

/// Move a contact to the trash.
///
/// It stays readable by id and can be restored. Its change-feed entry is a `delete`.
#[utoipa::path(
    delete, path = "/v1/contacts/{id}", tag = "contacts", operation_id = "delete_contact",
    params(
        ("id" = String, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold."),
    ),
    security(("bearer" = ["write"])),
    responses(
        (status = 204, description = "In the trash"),
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
            queries::trash(conn, &user.id, &id, &if_match)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Restore a contact from the trash.
#[utoipa::path(
    post, path = "/v1/contacts/{id}/restore", tag = "contacts", operation_id = "restore_contact",
    params(
        ("id" = String, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold."),
        crate::http::idempotency::IdempotencyKey,
    ),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The restored contact", body = Contact, headers(("ETag" = String, description = "Its version"))),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused with another request", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::ActVersioned,
    )
)]
pub async fn restore(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let if_match = IfMatch::from_request(&req);
    let id = id.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            queries::restore(conn, &user.id, &id, &if_match)
        })
        .await?;
    Ok(versioned(&req, StatusCode::OK, row.version, &row.to_api()))
}

/// List contacts.
///
/// Leaves archived and trashed contacts out unless asked. Keyset-paginated:
/// paging while others insert never repeats or skips a contact.
#[utoipa::path(
    get, path = "/v1/contacts", tag = "contacts", operation_id = "list_contacts",
    params(ContactListParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of contacts", body = ContactPage),
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
    let sort = Sort::parse(
        &q.one_of("sort", Sort::ALLOWED)
            .unwrap_or_else(|| "name".into()),
    );
    let filter = ListFilter {
        q: q.text("q", 200),
        tag: q.text("tag", 50).and_then(|t| domain::tag_name(&t).ok()),
        company: q.text("company", 200),
        archived: q.boolean("archived").unwrap_or(false),
        trashed: q.boolean("trashed").unwrap_or(false),
        due_by: q.boolean("due").filter(|d| *d).map(|_| crate::time::now()),
        due_before: q
            .get("due_before", crate::input::parse_date)
            .map(crate::time::start_of),
    };
    q.finish()?;
    // The page is written to JSON where its rows were read: only the bytes
    // cross to the worker thread.
    let body = state
        .db
        .read_as(user.id.clone(), move |conn| {
            let (rows, next_cursor) =
                queries::list(conn, &user.id, &filter, &sort, limit, cursor.as_deref())?;
            Ok(page_json(&rows, next_cursor.as_deref()))
        })
        .await?;
    Ok(crate::http::json_response(body))
}

/// A `ContactPage` as serde would write it, from contacts already written.
fn page_json(rows: &[ContactJson], next_cursor: Option<&str>) -> Vec<u8> {
    let items = rows.iter().filter_map(ContactJson::json);
    let mut out = Vec::with_capacity(items.clone().map(|j| j.len() + 1).sum::<usize>() + 64);
    out.extend_from_slice(b"{\"items\":[");
    for (i, json) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(json.as_bytes());
    }
    out.extend_from_slice(b"],\"next_cursor\":");
    crate::json::opt_str(&mut out, next_cursor);
    out.push(b'}');
    out
}
