//! HTTP handlers for captures and the addresses that are yours.

use actix_web::{web, HttpRequest, HttpResponse};

use super::model::{
    Accepted, Addresses, CalendarParams, Capture, CaptureFailure, CapturePage, CaptureParams,
    EmailAddress, MessageBatch, MessageIn, SuggestionList, SuggestionParams, SuggestionPath,
};
use super::{calendar, mail, service, store};
use crate::auth::AuthUser;
use crate::error::{ApiError, Problem};
use crate::http::{media_type, newest_first, newest_first_cursor, read_body, PageParams};
use crate::input::{self, Json};
use crate::state::AppState;
use crate::time;

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

/// Raw mail (schema only): one message as sent (`message/rfc822`), or a
/// mailbox of them (`application/mbox`, at most 10,000).
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct MailFile(Vec<u8>);

/// Log messages as interactions.
///
/// The body is JSON (below), or raw mail: one message (`message/rfc822`)
/// or a mailbox (`application/mbox`, at most 10,000 messages), at most
/// 20 MiB, whose headers are
/// read as the JSON form's fields (`Message-ID` as `source_id`, the first
/// of `References` as the thread, the names the headers give). A message
/// without `From` or `Date` (or dated over a day ahead) refuses a single
/// message; in a mailbox it fails alone (`failed`, `failures`).
///
/// As JSON, up to 1,000 messages' headers (what a script reading a mailbox
/// or an email API sends; bodies are never taken). A message with a participant
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
    request_body(content(
        (MessageBatch = "application/json"),
        (MailFile = "message/rfc822"),
        (MailFile = "application/mbox"),
    )),
    security(("bearer" = ["write"]), ("bearer" = ["capture"])),
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
    payload: web::Payload,
) -> Result<HttpResponse, actix_web::Error> {
    let p: CaptureParams = input::params(&req)?;
    let (messages, failed) = read_messages(&req, payload).await?;
    let capture = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::messages(
                conn,
                &user.id,
                messages,
                failed,
                p.store_subject.unwrap_or(true),
                p.collapse,
            )?)
        })
        .await?;
    Ok(created(capture))
}

/// `201` with the capture and its URL.
fn created(capture: Capture) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/v1/captures/{}", capture.id),
        ))
        .json(capture)
}

/// The most bytes of raw mail one capture reads.
const MAX_MAIL_BYTES: usize = 20 << 20;

/// The messages of a capture's body: JSON as `MessageBatch` says, or raw
/// mail (one message, or a mailbox) read off this worker.
async fn read_messages(
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<(Vec<MessageIn>, Vec<CaptureFailure>), actix_web::Error> {
    use actix_web::FromRequest;
    let mbox = match media_type(req).as_str() {
        "message/rfc822" => false,
        "application/mbox" => true,
        _ => {
            let mut payload = payload.into_inner();
            let Json(body) = Json::<MessageBatch>::from_request(req, &mut payload).await?;
            return Ok((body.messages, Vec::new()));
        }
    };
    let mut payload = payload;
    let raw = read_body(&mut payload, MAX_MAIL_BYTES, "a capture's mail").await?;
    let read = web::block(move || match mbox {
        true => mail::read_mbox(&raw),
        false => mail::read_message(&raw).map(|m| (vec![m], Vec::new())),
    })
    .await
    .map_err(ApiError::internal)?;
    Ok(read.map_err(|why| ApiError::field("body", "unreadable_mail", why))?)
}

/// A calendar file (schema only): iCalendar, RFC 5545.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct CalendarFile(Vec<u8>);

/// The most bytes of calendar one capture reads.
const MAX_CALENDAR_BYTES: usize = 10 << 20;

/// Days ahead a calendar's future events are kept for the agenda (its
/// longest window).
const UPCOMING_DAYS: i64 = 90;

/// Log calendar events as meetings.
///
/// An iCalendar file (`text/calendar`, at most 10 MiB, at most 10,000
/// occurrences in the window): each past `VEVENT` since `since` whose
/// organizer or attendees (those who did not decline) include your
/// contacts becomes one `meeting` interaction with them at its start —
/// `outbound` when you organized it, `inbound` when someone else did,
/// `mutual` without an organizer. Recurring events are expanded (their
/// exceptions and moved occurrences as the file says); cancelled events
/// and occurrences are skipped. An occurrence is known by its `UID` and
/// recurrence id: sending the file again logs nothing twice. Events in the
/// next 90 days with contacts go on the agenda as `meeting_upcoming`
/// items (`upcoming`); addresses matching no contact count towards the
/// suggestions.
#[utoipa::path(
    post, path = "/v1/captures/calendar", tag = "captures", operation_id = "capture_calendar",
    params(CalendarParams, crate::http::idempotency::IdempotencyKey),
    request_body(content(
        (CalendarFile = "text/calendar", example = json!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//example//EN\r\nBEGIN:VEVENT\r\nUID:standup-1@example.com\r\nDTSTAMP:20261101T090000Z\r\nDTSTART:20261102T090000Z\r\nDTEND:20261102T091500Z\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:Weekly sync\r\nORGANIZER;CN=Dev Rao:mailto:dev@example.com\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")),
    )),
    security(("bearer" = ["write"]), ("bearer" = ["capture"])),
    responses(
        (status = 201, description = "The capture, with the interactions it logged", body = Capture,
            headers(("Location" = String, description = "The capture's URL")),
            links(
                ("get" = (operation_id = "get_capture", parameters(("id" = "$response.body#/id")))),
                ("undo" = (operation_id = "undo_capture", parameters(("id" = "$response.body#/id")))),
            )),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Over 10 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not `text/calendar`", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn capture_calendar(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    mut payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let p: CalendarParams = input::params(&req)?;
    if media_type(&req) != "text/calendar" {
        return Err(ApiError::new(
            actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the calendar as text/calendar",
        ));
    }
    let now = time::now();
    let since =
        match &p.since {
            Some(day) => time::start_of(input::parse_date(day).map_err(|_| {
                ApiError::field("since", "invalid_format", "a date like 2026-01-01")
            })?),
            None => now - 365 * time::DAY,
        };
    if since > now {
        return Err(ApiError::field(
            "since",
            "out_of_range",
            "must not be in the future",
        ));
    }
    let raw = read_body(&mut payload, MAX_CALENDAR_BYTES, "a calendar").await?;
    let until = now + UPCOMING_DAYS * time::DAY;
    let events = web::block(move || {
        let text = String::from_utf8_lossy(&raw);
        calendar::read_calendar(&text, since, until)
    })
    .await
    .map_err(ApiError::internal)?
    .map_err(|why| ApiError::field("body", "unreadable_calendar", why))?;
    let capture = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::calendar(
                conn,
                &user.id,
                events,
                p.store_subject.unwrap_or(true),
            )?)
        })
        .await?;
    Ok(created(capture))
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
        SuggestionPath,
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
    path: web::Path<SuggestionPath>,
) -> Result<HttpResponse, ApiError> {
    let email = email_in_path(path.into_inner().email)?;
    state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::dismiss(conn, &user.id, &email)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The `{email}` of a suggestion's path.
fn email_in_path(email: String) -> Result<String, ApiError> {
    match input::is_email(&email) {
        true => Ok(email),
        false => Err(ApiError::field(
            "email",
            "invalid_format",
            "must be an email address like ana@example.com",
        )),
    }
}

/// Make this address a contact.
///
/// Creates a contact with the address and the name the headers last gave
/// it, and logs what was already captured with it: each message or past
/// event becomes an interaction with the new contact (one already logged
/// with other contacts gains it; counted as `duplicates`). The answer's
/// capture (`kind` `suggestion`) can be undone like any other; the contact
/// stays. `404` for an address no capture has seen; `409` when a contact
/// already has it.
#[utoipa::path(
    post, path = "/v1/captures/suggestions/{email}/accept", tag = "captures", operation_id = "accept_capture_suggestion",
    params(
        SuggestionPath,
        crate::http::idempotency::IdempotencyKey,
    ),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "The new contact, and what was logged with it", body = Accepted,
            headers(("Location" = String, description = "The contact's URL")),
            links(("contact" = (operation_id = "get_contact", parameters(("id" = "$response.body#/contact/id")))))),
        (status = 409, description = "A contact already has this email, or a request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not an email address, or a bad Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::ActVersioned,
    )
)]
pub async fn accept(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<SuggestionPath>,
) -> Result<HttpResponse, ApiError> {
    let email = email_in_path(path.into_inner().email)?;
    let (contact, capture) = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::accept(conn, &user.id, &email)?)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/v1/contacts/{}", contact.id),
        ))
        .json(Accepted {
            contact: contact.to_api(),
            capture,
        }))
}
