//! Operations endpoints: liveness, readiness and metrics.

use std::time::Duration;

use actix_web::{web, HttpRequest, HttpResponse};
use secrecy::ExposeSecret;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{ApiError, Problem};
use crate::http::operations::Operations;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok` or `ready`.
    #[schema(example = "ok")]
    pub status: &'static str,
}

/// Liveness: the process answers.
#[utoipa::path(
    get, path = "/healthz", tag = "operations", operation_id = "get_health",
    responses((status = 200, description = "The process is up", body = Health))
)]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok" })
}

/// Readiness: the database answers a query.
#[utoipa::path(
    get, path = "/readyz", tag = "operations", operation_id = "get_readiness",
    responses(
        (status = 200, description = "Ready to serve", body = Health),
        (status = 503, description = "The database cannot be reached", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    // A database that does not answer within a second is not ready: a load
    // balancer asking must not wait on a connection attempt.
    let ready = actix_web::rt::time::timeout(Duration::from_secs(1), state.db.ping()).await;
    if ready == Ok(true) {
        Ok(HttpResponse::Ok().json(Health { status: "ready" }))
    } else {
        Err(ApiError::unavailable("readiness check failed"))
    }
}

/// Metrics in the Prometheus text format.
///
/// Requests by route template, method and status, and their latency;
/// database jobs queued and running per lane, group-commit sizes;
/// idempotency keys in progress; rate-limit refusals; changes recorded
/// (docs/OPERATIONS.md). With `KITH_METRICS_TOKEN` set it asks for
/// `Authorization: Bearer <that token>`; without, it is open like
/// `/healthz`.
#[utoipa::path(
    get, path = "/metrics", tag = "operations", operation_id = "get_metrics",
    security((), ("metrics_token" = [])),
    responses(
        (status = 200, description = "The metrics", body = String, content_type = "text/plain; version=0.0.4",
            example = json!("# TYPE kith_http_requests_total counter\nkith_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 3\n")),
        (status = 401, description = "`KITH_METRICS_TOKEN` is set and this is not it", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn metrics(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    if let Some(token) = &state.settings.metrics_token {
        let given = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        // Compared as digests: the time taken tells nothing of the token.
        let expected = crate::ids::sha256_hex(token.expose_secret().as_bytes());
        if crate::ids::sha256_hex(given.as_bytes()) != expected {
            return Err(ApiError::unauthorized(
                "invalid_token",
                "GET /metrics needs the metrics token",
            ));
        }
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(crate::metrics::render()))
}

/// Health, readiness and metrics.
pub fn operations(ops: &mut Operations) {
    ops.add(__path_healthz, healthz)
        .add(__path_readyz, readyz)
        .add(__path_metrics, metrics);
}
