//! HTTP handlers for imports.

use actix_web::{web, HttpRequest, HttpResponse};

use super::formats::{self, Format};
use super::model::{Import, ImportFile, ImportPage, ImportParams, ImportUndo, MAX_IMPORT_BYTES};
use super::{service, store};
use crate::auth::AuthUser;
use crate::error::{ApiError, Problem};
use crate::http::{newest_first, newest_first_cursor, read_body, PageParams};
use crate::input;
use crate::state::AppState;

/// Import contacts from a file.
///
/// The body is the file as exported: vCards (2.1, 3.0 or 4.0, as Apple,
/// Google, Outlook and phones write them), LinkedIn's `Connections.csv`, a
/// Google Contacts CSV or an Outlook CSV (UTF-8, at most 20 MiB); `format`
/// names it, or it is read from the content. Each row is validated as
/// `POST /v1/contacts` validates a contact, and matched against your
/// contacts by any email (ignoring case), then any phone number (by its
/// digits), then its LinkedIn profile URL or another external id. A row
/// that matches is skipped, updated or created again as `on_duplicate`
/// says; the others are created. A bad row fails alone, with its line and
/// its reason. The import is kept (`GET /v1/imports/{id}`) and can be undone
/// (`DELETE`). LinkedIn rows keep the profile as the external id `linkedin`
/// (so does a card's LinkedIn `URL` or `X-SOCIALPROFILE`) and `Connected
/// On` as `met_on`.
#[utoipa::path(
    post, path = "/v1/imports", tag = "imports", operation_id = "create_import",
    params(ImportParams, crate::http::idempotency::IdempotencyKey),
    request_body(content = ImportFile, content_type = "application/octet-stream",
        description = "The exported file, as it is (any content type is read the same)"),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "The import and its report", body = Import,
            headers(("Location" = String, description = "The import's URL")),
            links(
                ("get" = (operation_id = "get_import", parameters(("id" = "$response.body#/id")))),
                ("undo" = (operation_id = "undo_import", parameters(("id" = "$response.body#/id")))),
            )),
        (status = 200, description = "A dry run's report (nothing written)", body = Import),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    mut payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let p: ImportParams = input::params(&req)?;
    let bytes = read_body(&mut payload, MAX_IMPORT_BYTES, "an import").await?;
    // Reading a large file and checking its records take a while: not on
    // this worker, nor on the writer.
    let format = p.format;
    let read = web::block(move || -> Result<(Format, Vec<service::Row>), ApiError> {
        let text =
            formats::text_of(&bytes).map_err(|why| ApiError::field("body", "not_utf8", why))?;
        if text.trim().is_empty() {
            return Err(ApiError::field("body", "empty", "the file is empty"));
        }
        let format =
            match format.or_else(|| Format::detect(text)) {
                Some(f) => f,
                None => return Err(ApiError::field(
                    "format",
                    "unknown_format",
                    "cannot tell the file's format; name it: vcard, linkedin, google or outlook",
                )),
            };
        let records = format
            .read(text)
            .map_err(|why| ApiError::field("body", "unreadable", why))?;
        Ok((
            format,
            records.into_iter().map(service::Row::from).collect(),
        ))
    });
    let (format, rows) = read.await.map_err(ApiError::internal)??;
    let on_duplicate = p.on_duplicate.unwrap_or_default();
    let dry_run = p.dry_run.unwrap_or(false);
    let import = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::run(
                conn,
                &user.id,
                format,
                on_duplicate,
                rows,
                dry_run,
            )?)
        })
        .await?;
    Ok(match &import.id {
        Some(id) => HttpResponse::Created()
            .insert_header((
                actix_web::http::header::LOCATION,
                format!("/v1/imports/{id}"),
            ))
            .json(import),
        None => HttpResponse::Ok().json(import),
    })
}

/// List imports.
///
/// Newest first, without their items.
#[utoipa::path(
    get, path = "/v1/imports", tag = "imports", operation_id = "list_imports",
    params(PageParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of imports", body = ImportPage),
        crate::http::problems::List,
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (limit, after) = newest_first(input::params(&req)?)?;
    let mut rows = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(store::list(conn, &user.id, after.as_deref(), limit)?)
        })
        .await?;
    let next_cursor = newest_first_cursor(&mut rows, limit, |r| &r.id);
    let items = rows.iter().map(|r| r.summary()).collect();
    Ok(HttpResponse::Ok().json(ImportPage { items, next_cursor }))
}

/// Get an import and its report.
#[utoipa::path(
    get, path = "/v1/imports/{id}", tag = "imports", operation_id = "get_import",
    params(("id" = String, Path, description = "Import id")),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The import", body = Import),
        crate::http::problems::ReadOne,
    )
)]
pub async fn get(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::get(conn, &user.id, &id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(row.to_api()))
}

/// Undo an import.
///
/// Moves the contacts it created to the trash and changes back the fields
/// it changed, on each contact not written since; says which contacts it
/// could not undo and why. The import stays listed, with `undone_at`; a
/// second undo is a `409`.
#[utoipa::path(
    delete, path = "/v1/imports/{id}", tag = "imports", operation_id = "undo_import",
    params(("id" = String, Path, description = "Import id")),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "What was undone", body = ImportUndo),
        (status = 409, description = "The import was undone already (`import_undone`)", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::WriteOne,
    )
)]
pub async fn undo(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let done = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::undo(conn, &user.id, &id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(done))
}
