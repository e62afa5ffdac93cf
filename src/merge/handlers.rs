//! HTTP handler for merging contacts.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::model::{MergeReport, MergeRequest};
use super::service;
use crate::auth::AuthUser;
use crate::error::{ApiError, Problem};
use crate::http::{versioned, IfMatch};
use crate::input::Json;
use crate::state::AppState;

/// Merge contacts into this one.
///
/// The contact the path names is kept. It gains every email, phone, link,
/// tag and external id of the merged contacts (its own id of a source wins) and each
/// field it lacks from the first of them that has it. Every interaction,
/// ledger entry, relationship and introduction that named a merged contact
/// names the kept one instead: a contact takes part in an interaction once,
/// a relationship the kept contact already has (or one between the merged
/// contacts) is deleted, and so is an introduction in which it would be two
/// of the people. Contacts met via a merged one are met via the kept one.
/// The merged contacts go to the trash with `merged_into` naming the kept
/// one, and cannot be restored. Every change is in the change feed; all of
/// it happens or none. `If-Match` names the kept contact's version.
#[utoipa::path(
    post, path = "/v1/contacts/{id}/merge", tag = "contacts", operation_id = "merge_contacts",
    params(
        ("id" = String, Path, description = "The contact to keep"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold of the kept contact."),
        crate::http::idempotency::IdempotencyKey,
    ),
    request_body(content = MergeRequest, content_type = "application/json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The kept contact and what moved to it", body = MergeReport,
            headers(("ETag" = String, description = "The kept contact's new version"))),
        (status = 409, description = "The kept contact is in the trash (`contact_trashed`), or a request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::WriteVersioned,
    )
)]
pub async fn merge(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
    Json(body): Json<MergeRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = IfMatch::from_request(&req).expected();
    let id = id.into_inner();
    let ids = body.ids;
    let (row, moved, merged) = state
        .db
        .write_as(user.id.clone(), move |conn| {
            let (row, moved) = service::merge(conn, &user.id, &id, &expected, &ids)?;
            Ok((row, moved, ids))
        })
        .await?;
    Ok(versioned(
        &req,
        StatusCode::OK,
        row.version,
        &MergeReport::of(&row, &merged, moved),
    ))
}
