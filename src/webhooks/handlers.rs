//! HTTP handlers for webhooks and their delivery logs.

use actix_web::http::header::LOCATION;
use actix_web::{web, HttpRequest, HttpResponse};

use super::model::{
    DeliveryPage, DeliveryParams, Webhook, WebhookCreate, WebhookList, WebhookPatch,
    WebhookWithSecret,
};
use super::{guard, service};
use crate::auth::AuthUser;
use crate::error::{ApiError, Problem};
use crate::http::{newest_first, newest_first_cursor, PageParams};
use crate::input::{self, Json};
use crate::state::AppState;
use crate::time;

/// Checks a webhook's URL: `http(s)`, no credentials, and (unless private
/// networks are allowed) a host that is and resolves only outside them.
async fn check_url(state: &AppState, url: &str) -> Result<(), ApiError> {
    let refuse = |why: &str| ApiError::field("url", "invalid_url", why.to_string());
    let parsed =
        url::Url::parse(url).map_err(|_| refuse("must be an absolute http or https URL"))?;
    if state.settings.webhook_allow_private {
        return match parsed.scheme() {
            "http" | "https" => Ok(()),
            _ => Err(refuse("must be an http or https URL")),
        };
    }
    if let Some(why) = guard::url_refusal(&parsed) {
        return Err(refuse(why));
    }
    if let Some(url::Host::Domain(host)) = parsed.host() {
        let port = parsed.port_or_known_default().unwrap_or(443);
        guard::resolve(host, port, false)
            .await
            .map_err(|why| refuse(&why))?;
    }
    Ok(())
}

/// Create a webhook.
///
/// kith sends the events named in `events` to `url` as they happen, each a
/// `POST` of `{type, timestamp, data}` (`data`: the resource as `GET`
/// shows it; `{id}` for a deletion, with `merged_into` for a merge; a
/// resource over 20 KiB as `{id, truncated}`), signed by the Standard
/// Webhooks specification (`webhook-id`, `webhook-timestamp`,
/// `webhook-signature`) with the secret in this answer — shown only now.
/// Changes made before the webhook are not sent. A `2xx` answer is success;
/// anything else (a redirect too: none is followed) is retried after 5 s,
/// 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (±10%, later when `Retry-After`
/// asks); `410` disables the webhook, as do five days of failures. First
/// attempts go out in the order of the changes. A URL inside a private
/// network (loopback, private, link-local…, by name or address) is refused.
/// At most 20 webhooks.
#[utoipa::path(
    post, path = "/v1/webhooks", tag = "webhooks", operation_id = "create_webhook",
    request_body(content = WebhookCreate, content_type = "application/json"),
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "The webhook, with its signing secret (shown once)", body = WebhookWithSecret,
            headers(("Location" = String, description = "Its URL")),
            links(
                ("get" = (operation_id = "get_webhook", parameters(("id" = "$response.body#/id")))),
                ("test" = (operation_id = "test_webhook", parameters(("id" = "$response.body#/id")))),
            )),
        (status = 409, description = "Already 20 webhooks (`too_many_webhooks`), or a request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(new): Json<WebhookCreate>,
) -> Result<HttpResponse, ApiError> {
    check_url(&state, &new.url).await?;
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::create(conn, &user.id, new)?)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/v1/webhooks/{}", row.id)))
        .json(WebhookWithSecret {
            webhook: row.to_api(time::now()),
            secret: row.secret,
        }))
}

/// List webhooks.
#[utoipa::path(
    get, path = "/v1/webhooks", tag = "webhooks", operation_id = "list_webhooks",
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "Your webhooks (at most 20)", body = WebhookList),
        crate::http::problems::Read,
    )
)]
pub async fn list(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    let rows = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(super::store::list(conn, &user.id)?)
        })
        .await?;
    let now = time::now();
    Ok(HttpResponse::Ok().json(WebhookList {
        items: rows.iter().map(|r| r.to_api(now)).collect(),
    }))
}

/// Get a webhook.
#[utoipa::path(
    get, path = "/v1/webhooks/{id}", tag = "webhooks", operation_id = "get_webhook",
    params(("id" = String, Path, description = "Webhook id")),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The webhook", body = Webhook),
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
    Ok(HttpResponse::Ok().json(row.to_api(time::now())))
}

/// Update a webhook (JSON merge patch): url, events, enabled, description.
///
/// `enabled: true` on a webhook kith disabled clears `disabled_reason`; it
/// then sends the changes made from then on.
#[utoipa::path(
    patch, path = "/v1/webhooks/{id}", tag = "webhooks", operation_id = "update_webhook",
    params(("id" = String, Path, description = "Webhook id")),
    request_body(content = WebhookPatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The updated webhook", body = Webhook),
        crate::http::problems::WriteOne,
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
    Json(patch): Json<WebhookPatch>,
) -> Result<HttpResponse, ApiError> {
    if let Some(url) = &patch.url {
        check_url(&state, url).await?;
    }
    let id = id.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::update(conn, &user.id, &id, patch)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(row.to_api(time::now())))
}

/// Delete a webhook, with its delivery log.
#[utoipa::path(
    delete, path = "/v1/webhooks/{id}", tag = "webhooks", operation_id = "delete_webhook",
    params(("id" = String, Path, description = "Webhook id")),
    security(("bearer" = ["write"])),
    responses(
        (status = 204, description = "Deleted"),
        crate::http::problems::ActOne,
    )
)]
pub async fn delete(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::delete(conn, &user.id, &id)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Rotate a webhook's secret.
///
/// A new secret, shown this once; the one it replaces keeps signing beside
/// it for 24 hours (`webhook-signature` then carries two signatures), so
/// that the receiver can switch without losing an event.
#[utoipa::path(
    post, path = "/v1/webhooks/{id}/rotate-secret", tag = "webhooks", operation_id = "rotate_webhook_secret",
    params(("id" = String, Path, description = "Webhook id"), crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The webhook with its new secret (shown once)", body = WebhookWithSecret),
        (status = 422, description = "A bad Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::ActOne,
    )
)]
pub async fn rotate(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::rotate(conn, &user.id, &id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(WebhookWithSecret {
        webhook: row.to_api(time::now()),
        secret: row.secret,
    }))
}

/// Send a test event.
///
/// Queues a `webhook.test` event (`data`: `{webhook_id, message}`) for the
/// webhook, sent and logged like any other: follow it in the deliveries.
#[utoipa::path(
    post, path = "/v1/webhooks/{id}/test", tag = "webhooks", operation_id = "test_webhook",
    params(("id" = String, Path, description = "Webhook id"), crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 202, description = "Queued: the delivery", body = super::model::Delivery),
        (status = 422, description = "A bad Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::ActOne,
    )
)]
pub async fn test(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::test(conn, &user.id, &id)?)
        })
        .await?;
    Ok(HttpResponse::Accepted().json(row.to_api()))
}

/// A webhook's delivery log.
///
/// Newest first: each event with its state, attempts, the last answer's
/// code and first 1 KiB, and the next attempt.
#[utoipa::path(
    get, path = "/v1/webhooks/{id}/deliveries", tag = "webhooks", operation_id = "list_webhook_deliveries",
    params(("id" = String, Path, description = "Webhook id"), DeliveryParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of deliveries", body = DeliveryPage),
        crate::http::problems::ListOf,
    )
)]
pub async fn deliveries(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let p: DeliveryParams = input::params(&req)?;
    let status = p.status;
    let (limit, after) = newest_first(PageParams {
        limit: p.limit,
        cursor: p.cursor,
    })?;
    let id = id.into_inner();
    let mut rows = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::deliveries(
                conn,
                &user.id,
                &id,
                status,
                after.as_deref(),
                limit,
            )?)
        })
        .await?;
    let next_cursor = newest_first_cursor(&mut rows, limit, |r| &r.id);
    Ok(HttpResponse::Ok().json(DeliveryPage {
        items: rows.iter().map(|r| r.to_api()).collect(),
        next_cursor,
    }))
}

/// Send a delivery again.
///
/// Now, whatever its state (a failed one too); the same `webhook-id`, so a
/// receiver that took it already can drop it. `409` while the webhook is
/// disabled.
#[utoipa::path(
    post, path = "/v1/webhooks/{id}/deliveries/{delivery_id}/retry", tag = "webhooks", operation_id = "retry_webhook_delivery",
    params(
        ("id" = String, Path, description = "Webhook id"),
        ("delivery_id" = String, Path, description = "Delivery id"),
        crate::http::idempotency::IdempotencyKey,
    ),
    security(("bearer" = ["write"])),
    responses(
        (status = 202, description = "Queued again: the delivery", body = super::model::Delivery),
        (status = 409, description = "The webhook is disabled (`webhook_disabled`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A bad Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::ActOne,
    )
)]
pub async fn retry(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, delivery_id) = path.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::retry(conn, &user.id, &id, &delivery_id)?)
        })
        .await?;
    Ok(HttpResponse::Accepted().json(row.to_api()))
}
