//! HTTP handlers for export and import.

use actix_web::{web, HttpResponse};

use super::model::{Export, ImportCounts};
use super::service::{export, import};
use crate::auth::AuthUser;
use crate::error::{ApiError, Problem};
use crate::input::JsonBody;
use crate::state::AppState;

/// Export all my data.
///
/// One JSON document with every record of the account (tokens as metadata
/// only). `POST /v1/import/archive` loads it into an empty account.
#[utoipa::path(
    get, path = "/v1/export", tag = "account", operation_id = "export_account",
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The whole account", body = Export),
        crate::http::problems::Read,
    )
)]
pub async fn get_export(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<HttpResponse, ApiError> {
    // Written to JSON on the database thread: a large account is a large
    // document.
    let body = state
        .db
        .read_as(user.id.clone(), move |conn| Ok(export(conn, &user.id)?))
        .await?;
    let mut res = crate::http::json_response(body);
    res.headers_mut().insert(
        actix_web::http::header::CONTENT_DISPOSITION,
        actix_web::http::header::HeaderValue::from_static(
            "attachment; filename=\"kith-export.json\"",
        ),
    );
    Ok(res)
}

/// Import an archive into an empty account.
///
/// The document `GET /v1/export` produces, at most 20 MiB. It loads whole or
/// not at all: every problem is reported, by its place in the document. A
/// contact link that is no URL (`http://[x`, which kith stored as given
/// before it checked links) is left out.
#[utoipa::path(
    post, path = "/v1/import/archive", tag = "account", operation_id = "import_archive",
    request_body(content = Export, description = "An export document (`format_version` 1), as `GET /v1/export` answers it", content_type = "application/json"),
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "Loaded; how many records per section", body = ImportCounts),
        (status = 409, description = "The account already has data (`account_not_empty`)", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn post_import(
    state: web::Data<AppState>,
    user: AuthUser,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let doc = body.into_inner();
    let counts = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(import(conn, &user.id, doc)?)
        })
        .await?;
    Ok(HttpResponse::Created().json(counts))
}
