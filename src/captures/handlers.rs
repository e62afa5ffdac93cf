//! HTTP handlers for captures and the addresses that are yours.

use actix_web::{web, HttpRequest, HttpResponse};

use super::model::{
    Addresses, Capture, CapturePage, CaptureParams, EmailAddress, MessageBatch, SuggestionList,
    SuggestionParams,
};
use super::{service, store};
use crate::auth::AuthUser;
use crate::error::{ApiError, Problem};
use crate::http::{newest_first, newest_first_cursor, PageParams};
use crate::input::{self, Json};
use crate::state::AppState;

/// Your own addresses.
///
/// A message from one of them is `outbound`; none of them is matched to a
/// contact. Without any set, your login email.
#[utoipa::path(
    get, path = "/v1/me/addresses", tag = "captures", operation_id = "get_my_addresses",
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "Your addresses", body = Addresses),
        crate::http::problems::Read,
    )
)]
pub async fn get_addresses(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<HttpResponse, ApiError> {
    let addresses = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::addresses(conn, &user.id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Addresses {
        addresses: addresses.into_iter().map(EmailAddress).collect(),
    }))
}

/// Set your own addresses.
///
/// Replaces them all (stored in lower case); your login email is one only
/// if you name it.
#[utoipa::path(
    put, path = "/v1/me/addresses", tag = "captures", operation_id = "set_my_addresses",
    request_body(content = Addresses, content_type = "application/json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "Your addresses", body = Addresses),
        crate::http::problems::Write,
    )
)]
pub async fn set_addresses(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<Addresses>,
) -> Result<HttpResponse, ApiError> {
    let emails: Vec<String> = body.addresses.into_iter().map(|e| e.0).collect();
    let addresses = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::set_addresses(conn, &user.id, &emails)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Addresses {
        addresses: addresses.into_iter().map(EmailAddress).collect(),
    }))
}

/// Log messages as interactions.
///
/// Up to 1,000 messages' headers (what a script reading a mailbox or an
/// email API sends; bodies are never taken). A message with a participant
/// (other than your own addresses) among your contacts, by email ignoring
/// case, becomes one `email` interaction with every such contact (the
/// first 50), at its date, `outbound` when one of your addresses sent it
/// and `inbound` otherwise, its subject as the summary (`Email` with
/// `store_subject=false`). Interactions reset cadence clocks as any do. The
/// same `source_id` twice is logged once (`duplicates`); with
/// `collapse=thread_day`, a thread's messages on one day are one
/// interaction. Addresses that match no contact are counted for
/// `GET /v1/captures/suggestions`. The capture is kept and can be undone.
#[utoipa::path(
    post, path = "/v1/captures/messages", tag = "captures", operation_id = "capture_messages",
    params(CaptureParams, crate::http::idempotency::IdempotencyKey),
    request_body(content = MessageBatch, content_type = "application/json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "The capture, with the interactions it logged", body = Capture,
            headers(("Location" = String, description = "The capture's URL")),
            links(
                ("get" = (operation_id = "get_capture", parameters(("id" = "$response.body#/id")))),
                ("undo" = (operation_id = "undo_capture", parameters(("id" = "$response.body#/id")))),
            )),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn capture_messages(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    Json(body): Json<MessageBatch>,
) -> Result<HttpResponse, ApiError> {
    let p: CaptureParams = input::params(&req)?;
    let capture = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::messages(
                conn,
                &user.id,
                body.messages,
                p.store_subject.unwrap_or(true),
                p.collapse,
            )?)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/v1/captures/{}", capture.id),
        ))
        .json(capture))
}

/// List captures.
///
/// Newest first.
#[utoipa::path(
    get, path = "/v1/captures", tag = "captures", operation_id = "list_captures",
    params(PageParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of captures", body = CapturePage),
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
    let items = rows.iter().map(|r| r.to_api()).collect();
    Ok(HttpResponse::Ok().json(CapturePage { items, next_cursor }))
}

/// Get a capture.
#[utoipa::path(
    get, path = "/v1/captures/{id}", tag = "captures", operation_id = "get_capture",
    params(("id" = String, Path, description = "Capture id")),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The capture", body = Capture),
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
            store::find(conn, &user.id, &id)?.ok_or_else(ApiError::not_found)
        })
        .await?;
    Ok(HttpResponse::Ok().json(row.to_api()))
}

/// Undo a capture.
///
/// Deletes the interactions it logged that still stand (the contacts'
/// last touch and next due date follow); its messages may then be captured
/// again. The capture stays listed, with `undone_at`; a second undo is a
/// `409`.
#[utoipa::path(
    delete, path = "/v1/captures/{id}", tag = "captures", operation_id = "undo_capture",
    params(("id" = String, Path, description = "Capture id")),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The capture, undone", body = Capture),
        (status = 409, description = "The capture was undone already (`capture_undone`)", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::WriteOne,
    )
)]
pub async fn undo(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let capture = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::undo(conn, &user.id, &id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(capture))
}

/// People you write with who are not contacts yet.
///
/// Addresses seen in at least `min_count` captured messages that match no
/// contact of yours (and are not yours, nor dismissed): the 100 most
/// frequent, most frequent first.
#[utoipa::path(
    get, path = "/v1/captures/suggestions", tag = "captures", operation_id = "list_capture_suggestions",
    params(SuggestionParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The suggestions", body = SuggestionList),
        crate::http::problems::List,
    )
)]
pub async fn suggestions(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: SuggestionParams = input::params(&req)?;
    let min_count = p.min_count.unwrap_or(2);
    let items = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::suggestions(conn, &user.id, min_count)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(SuggestionList { items }))
}

/// Never suggest this address again.
#[utoipa::path(
    post, path = "/v1/captures/suggestions/{email}/dismiss", tag = "captures", operation_id = "dismiss_capture_suggestion",
    params(
        ("email" = String, Path, description = "The address", format = "email", max_length = 254),
        crate::http::idempotency::IdempotencyKey,
    ),
    security(("bearer" = ["write"])),
    responses(
        (status = 204, description = "Dismissed"),
        (status = 422, description = "Not an email address, or a bad Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::ActVersioned,
    )
)]
pub async fn dismiss(
    state: web::Data<AppState>,
    user: AuthUser,
    email: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let email = email.into_inner();
    if !crate::input::is_email(&email) {
        return Err(ApiError::field(
            "email",
            "invalid_format",
            "must be an email address like ana@example.com",
        ));
    }
    state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::dismiss(conn, &user.id, &email)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
