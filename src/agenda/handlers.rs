//! HTTP handlers for the agenda and its iCalendar feed.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::model::Agenda;
use super::{feed, store};
use crate::auth::AuthUser;
use crate::error::{ApiError, Problem};
use crate::input;
use crate::state::AppState;
use crate::time;

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct AgendaParams {
    /// The window in days from now, 1–90 (default 7).
    #[param(minimum = 1, maximum = 90)]
    pub days: Option<i64>,
    /// At most this many items, 1–500 (default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
}

/// The agenda.
///
/// What needs attention within the window: overdue contacts (ranked by how
/// overdue they are relative to their cadence), contacts due, follow-ups,
/// birthdays, favors and introductions to follow up, and meetings ahead
/// from captured calendars — each with its reason.
#[utoipa::path(
    get, path = "/v1/agenda", tag = "agenda", operation_id = "get_agenda",
    params(AgendaParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The agenda", body = Agenda),
        crate::http::problems::List,
    )
)]
pub async fn get(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: AgendaParams = input::params(&req)?;
    let days = p.days.unwrap_or(7);
    let limit = p.limit.unwrap_or(100);
    let now = time::now();
    // Every statement of the agenda walks an index of the user's contacts or
    // introductions in its order, whatever the values: planned once.
    let (items, truncated) = state
        .db
        .read_owned(user.id.clone(), move |conn| {
            let (items, truncated) = store::agenda(conn, &user.id, now, days, limit)?;
            let found = !items.is_empty();
            Ok(((items, truncated), found))
        })
        .await?;
    Ok(HttpResponse::Ok().json(Agenda {
        generated_at: time::rfc3339(now),
        items,
        truncated,
    }))
}

/// Where to subscribe.
#[derive(Serialize, ToSchema)]
pub struct FeedUrl {
    /// An absolute URL carrying a read-only secret: anyone holding it can
    /// read your agenda, so share it only with your calendar app.
    pub url: String,
}

fn base_url(state: &AppState, req: &HttpRequest) -> String {
    match &state.settings.public_url {
        Some(u) => u.trim_end_matches('/').to_string(),
        None => {
            let info = req.connection_info();
            format!("{}://{}", info.scheme(), info.host())
        }
    }
}

/// Create the agenda's calendar feed.
///
/// Returns a new subscription URL; an earlier one stops working.
#[utoipa::path(
    post, path = "/v1/agenda/feed", tag = "agenda", operation_id = "create_agenda_feed",
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "The subscription URL", body = FeedUrl),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused with another request", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Act,
    )
)]
pub async fn create_feed(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let secret = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(feed::rotate(conn, &user.id)?)
        })
        .await?;
    let url = format!("{}/v1/agenda/feed/{secret}.ics", base_url(&state, &req));
    Ok(HttpResponse::Created().json(FeedUrl { url }))
}

/// Revoke the agenda's calendar feed.
#[utoipa::path(
    delete, path = "/v1/agenda/feed", tag = "agenda", operation_id = "delete_agenda_feed",
    security(("bearer" = ["write"])),
    responses(
        (status = 204, description = "Revoked: the URL now answers 404"),
        crate::http::problems::Act,
    )
)]
pub async fn delete_feed(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<HttpResponse, ApiError> {
    state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(feed::revoke(conn, &user.id)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The agenda as iCalendar.
///
/// Needs no token: the secret in the path is the credential. The next
/// 60 days, one all-day event per item.
#[utoipa::path(
    get, path = "/v1/agenda/feed/{secret}.ics", tag = "agenda", operation_id = "get_agenda_feed",
    params(("secret" = String, Path, description = "The feed secret from `POST /v1/agenda/feed`")),
    responses(
        (status = 200, description = "The calendar", body = String, content_type = "text/calendar"),
        (status = 404, description = "Unknown or revoked feed", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_feed(
    state: web::Data<AppState>,
    secret: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let secret = secret.into_inner();
    let now = time::now();
    // A calendar shows what fits; the feed has no way to say it was cut.
    let (items, _truncated) = state
        .db
        .read(move |conn| {
            let user = feed::owner(conn, &secret)?.ok_or_else(ApiError::not_found)?;
            Ok(store::agenda(
                conn,
                &user,
                now,
                feed::FEED_DAYS,
                store::MAX_ITEMS,
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("cache-control", "private, max-age=300"))
        .body(feed::render(&items, time::to_datetime(now))))
}
