//! HTTP mechanics shared by every resource: request ids and the problem+json
//! safety net, conditional requests (ETag / If-Match / If-None-Match), the
//! JSON body configuration, 405 with `Allow`, and keyset-pagination cursors.

use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, HttpResponse};
use base64::Engine;
use serde::{de::DeserializeOwned, Serialize};
use tracing::Instrument;

use crate::error::{ApiError, PROBLEM_JSON};

pub mod drain;
pub mod fields;
pub mod idempotency;
pub mod operations;
pub mod problems;
pub mod ratelimit;
pub mod request_id;

use request_id::{accept_request_id, REQUEST_ID};

/// `HEAD` is `GET` without the body (RFC 9110, section 9.3.2): the request
/// is routed as a `GET`, whose status and headers (`ETag`,
/// `Content-Length`…) it answers; the connection, which read a `HEAD`,
/// sends no body. The innermost middleware, so that logs and metrics name
/// the method sent.
pub async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.method() == actix_web::http::Method::HEAD {
        req.head_mut().method = actix_web::http::Method::GET;
    }
    next.call(req).await
}

/// The outermost middleware: gives every request an id (its own
/// `X-Request-Id` when it is sane), a log span, and makes sure every error
/// response, actix's own included, is problem+json carrying that id.
pub async fn request_context(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| accept_request_id(v))
        .map(str::to_owned)
        .unwrap_or_else(|| crate::ids::request_id().simple().to_string());
    // At the highest level, so that the span (and the id it carries) is on
    // whenever any line is logged, whatever the filter (`RUST_LOG=warn`).
    let span = tracing::error_span!("request", request_id = %id);
    let authenticated = req.headers().contains_key(header::AUTHORIZATION);
    let method = req.method().clone();
    let path = loggable_path(req.path());
    let started = Instant::now();

    let id_for_scope = id.clone();
    let result = REQUEST_ID
        .scope(id_for_scope, async move {
            // No resource has a NUL (U+0000) in its path, and PostgreSQL
            // cannot take one in a query: such an id is not looked up.
            if req.path().contains("%00") {
                let res = actix_web::ResponseError::error_response(&ApiError::not_found());
                return Ok(req.into_response(res));
            }
            // Inner services answer errors as responses; an `Err` here is
            // left to actix, which renders it with the same ResponseError.
            next.call(req)
                .await
                .map(|res| ensure_problem(res.map_into_boxed_body()))
        })
        .instrument(span.clone())
        .await;
    let mut res = result?;

    let headers = res.headers_mut();
    if let Ok(v) = header::HeaderValue::from_str(&id) {
        headers.insert(header::HeaderName::from_static("x-request-id"), v);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    if authenticated && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
    }
    let status = res.status().as_u16();
    let elapsed = started.elapsed();
    let micros = elapsed.as_micros() as u64;
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_string());
    let route = loggable_path(&route);
    metrics::counter!(
        "kith_http_requests_total",
        "route" => route.clone(),
        "method" => method.to_string(),
        "status" => status.to_string()
    )
    .increment(1);
    metrics::histogram!(
        "kith_http_request_duration_seconds",
        "route" => route,
        "method" => method.to_string()
    )
    .record(elapsed.as_secs_f64());
    span.in_scope(|| {
        tracing::info!(%method, %path, status, micros, "handled");
    });
    Ok(res)
}

/// The path as it may be logged: a calendar feed's path carries its secret.
fn loggable_path(path: &str) -> String {
    match path.strip_prefix("/v1/agenda/feed/") {
        Some(rest) if !rest.is_empty() => "/v1/agenda/feed/[secret]".to_string(),
        _ => path.to_string(),
    }
}

/// A request's media type: its `Content-Type` without parameters, in lower
/// case (empty without one).
pub fn media_type(req: &HttpRequest) -> String {
    let value = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Replaces a non-problem error body (actix's plain-text 404/405/413/…) with
/// the problem document for its status, keeping the headers a client needs.
fn ensure_problem(res: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
    let status = res.status();
    if status.as_u16() < 400 {
        return res;
    }
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON));
    if is_problem {
        return res;
    }
    let (req, old) = res.into_parts();
    let mut new = actix_web::ResponseError::error_response(&ApiError::from_status(status));
    for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(v) = old.headers().get(&name) {
            new.headers_mut().insert(name, v.clone());
        }
    }
    ServiceResponse::new(req, new)
}

/// The JSON body configuration: at most 1 MiB, `application/json` or any
/// `+json` type (merge-patch included), problem+json on every failure.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(1 << 20)
        .error_handler(|err, _req| {
            use actix_web::error::JsonPayloadError as E;
            let api = match &err {
                E::Overflow { .. } | E::OverflowKnownLength { .. } => ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    "the JSON body is too large (1 MiB; archives 20 MiB)",
                ),
                E::ContentType => ApiError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "send the body as application/json",
                ),
                E::Deserialize(e) => ApiError::bad_request(
                    "malformed_json",
                    format!("the body is not valid JSON: {e}"),
                ),
                _ => ApiError::bad_request("unreadable_body", "the request body could not be read"),
            };
            api.into()
        })
}

/// CORS for third-party frontends: `*` (the default; no credentials, which
/// is safe for bearer tokens) or a comma-separated list of origins.
pub fn cors(origins: &str) -> actix_cors::Cors {
    let mut cors = actix_cors::Cors::default()
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
        // Any request header a frontend adds (tracing, error reporting, its
        // own): bearer tokens, not cookies, carry the credentials, so
        // mirroring the requested headers opens nothing.
        .allow_any_header()
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            header::RETRY_AFTER,
            header::HeaderName::from_static("ratelimit-limit"),
            header::HeaderName::from_static("ratelimit-remaining"),
            header::HeaderName::from_static("ratelimit-reset"),
            header::HeaderName::from_static("x-request-id"),
            header::HeaderName::from_static("idempotent-replayed"),
        ])
        .max_age(3600);
    if origins.trim() == "*" {
        cors = cors.allow_any_origin().send_wildcard();
    } else {
        for origin in origins.split(',').map(str::trim).filter(|o| !o.is_empty()) {
            cors = cors.allowed_origin(origin);
        }
    }
    cors
}

/// A 405 for `methods`, with the `Allow` header; mounted as each resource's
/// default service.
pub fn method_not_allowed(methods: String) -> actix_web::Route {
    let allow = header::HeaderValue::from_str(&methods).ok();
    web::to(move || {
        let allow = allow.clone();
        async move {
            let mut res = actix_web::ResponseError::error_response(&ApiError::from_status(
                StatusCode::METHOD_NOT_ALLOWED,
            ));
            if let Some(allow) = allow {
                res.headers_mut().insert(header::ALLOW, allow);
            }
            res
        }
    })
}

/// Unknown routes.
pub async fn not_found() -> Result<HttpResponse, ApiError> {
    Err(ApiError::not_found())
}

// ---------------------------------------------------------------------------
// Conditional requests

pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

fn etag_list_matches(value: &str, version: i32, weak: bool) -> bool {
    let want = etag(version);
    value.split(',').map(str::trim).any(|tag| {
        if tag == "*" {
            return true;
        }
        match tag.strip_prefix("W/") {
            Some(t) => weak && t == want,
            None => tag == want,
        }
    })
}

/// The `If-Match` header of a write, checked inside its transaction.
#[derive(Clone, Debug, Default)]
pub struct IfMatch(Option<String>);

impl IfMatch {
    pub fn from_request(req: &HttpRequest) -> IfMatch {
        IfMatch(
            req.headers()
                .get(header::IF_MATCH)
                .map(|v| v.to_str().unwrap_or("").to_string()),
        )
    }

    /// The versions the header names (strong tags only), for a service.
    pub fn expected(&self) -> crate::domain::Expected {
        use crate::domain::Expected;
        let Some(value) = &self.0 else {
            return Expected::Any;
        };
        let tags: Vec<&str> = value.split(',').map(str::trim).collect();
        if tags.contains(&"*") {
            return Expected::Any;
        }
        Expected::Versions(
            tags.iter()
                .filter_map(|t| t.strip_prefix('"')?.strip_suffix('"')?.parse().ok())
                .collect(),
        )
    }

    /// `412` when the header is present and does not name `version`.
    pub fn check(&self, version: i32) -> Result<(), ApiError> {
        match &self.0 {
            Some(v) if !etag_list_matches(v, version, false) => {
                Err(ApiError::precondition_failed())
            }
            _ => Ok(()),
        }
    }
}

/// A `200` JSON response carrying the `ETag` of `version`, or `304` when the
/// request's `If-None-Match` already names it.
pub fn versioned<T: Serialize>(
    req: &HttpRequest,
    status: StatusCode,
    version: i32,
    body: &T,
) -> HttpResponse {
    versioned_with(req, status, version, |res| res.json(body))
}

/// `versioned` for a body already written as JSON.
pub fn versioned_json(
    req: &HttpRequest,
    status: StatusCode,
    version: i32,
    body: Vec<u8>,
) -> HttpResponse {
    versioned_with(req, status, version, |res| {
        res.content_type(header::ContentType::json()).body(body)
    })
}

/// A body that is not JSON (a file, a photo), read whole up to `limit`
/// bytes: beyond it a `413` naming the limit (`what` is what the body is).
pub async fn read_body(
    payload: &mut web::Payload,
    limit: usize,
    what: &str,
) -> Result<web::BytesMut, ApiError> {
    use futures_util::StreamExt;
    let mut bytes = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::bad_request("body_unreadable", e.to_string()))?;
        if bytes.len() + chunk.len() > limit {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!("{what} is at most {} MiB", limit >> 20),
            ));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// `versioned` for a body of another media type (a vCard, a photo).
pub fn versioned_bytes(
    req: &HttpRequest,
    version: i32,
    content_type: &str,
    body: Vec<u8>,
) -> HttpResponse {
    versioned_with(req, StatusCode::OK, version, |res| {
        res.content_type(content_type).body(body)
    })
}

fn versioned_with(
    req: &HttpRequest,
    status: StatusCode,
    version: i32,
    finish: impl FnOnce(&mut actix_web::HttpResponseBuilder) -> HttpResponse,
) -> HttpResponse {
    let tag = etag(version);
    if req.method() == Method::GET {
        if let Some(inm) = req
            .headers()
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
        {
            if etag_list_matches(inm, version, true) {
                return HttpResponse::NotModified()
                    .insert_header((header::ETAG, tag))
                    .finish();
            }
        }
    }
    finish(HttpResponse::build(status).insert_header((header::ETAG, tag)))
}

/// A body written to JSON ahead of the response (on a database thread, say).
pub fn to_json<T: Serialize>(body: &T) -> Result<Vec<u8>, ApiError> {
    // Room for a page of contacts, so the buffer is rarely grown and copied.
    let mut out = Vec::with_capacity(48 << 10);
    serde_json::to_writer(&mut out, body).map_err(ApiError::internal)?;
    Ok(out)
}

/// A `200` with a body already written by `to_json`.
pub fn json_response(body: impl Into<actix_web::web::Bytes>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(header::ContentType::json())
        .body(body.into())
}

/// A `201` carrying the new resource, its `ETag` and its `Location`.
pub fn created<T: Serialize>(
    req: &HttpRequest,
    version: i32,
    body: &T,
    location: &str,
) -> HttpResponse {
    let mut res = versioned(req, StatusCode::CREATED, version, body);
    if let Ok(v) = header::HeaderValue::from_str(location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

// ---------------------------------------------------------------------------
// Keyset pagination

/// An opaque cursor: the sort it belongs to and the last item's sort key and id.
#[derive(Serialize, serde::Deserialize)]
struct CursorData<K> {
    s: String,
    k: K,
    i: String,
}

/// A page's size when the client names none.
pub const DEFAULT_LIMIT: i64 = 50;

/// The query parameters of a plain keyset-paged list.
#[derive(utoipa::IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The sort of a list newest first by id (ids are time-ordered).
const NEWEST_FIRST: &str = "-id";

/// A list newest first by id: the page size, and the id the page continues
/// after.
pub fn newest_first(p: PageParams) -> Result<(i64, Option<String>), ApiError> {
    let after = match p.cursor {
        Some(c) => Some(decode_cursor::<()>(&c, NEWEST_FIRST)?.1),
        None => None,
    };
    Ok((p.limit.unwrap_or(DEFAULT_LIMIT), after))
}

/// Ends a page of a list newest first by id, read with `limit + 1` rows:
/// the next page's cursor.
pub fn newest_first_cursor<T>(
    rows: &mut Vec<T>,
    limit: i64,
    id: impl Fn(&T) -> &str,
) -> Option<String> {
    next_cursor(rows, limit, |last| {
        encode_cursor(NEWEST_FIRST, (), id(last))
    })
}

pub fn encode_cursor<K: Serialize>(sort: &str, key: K, id: &str) -> String {
    let data = CursorData {
        s: sort.to_string(),
        k: key,
        i: id.to_string(),
    };
    let json = serde_json::to_vec(&data).unwrap_or_default();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

/// Ends a keyset page read with `limit + 1` rows: drops the extra row and
/// returns the cursor of the last kept one (`None` on the last page).
pub fn next_cursor<T>(
    rows: &mut Vec<T>,
    limit: i64,
    cursor_of: impl FnOnce(&T) -> String,
) -> Option<String> {
    let more = crate::domain::cut_page(rows, limit);
    cursor_after(rows, more, cursor_of)
}

/// The cursor of a page whose rows are cut already (`domain::cut_page`):
/// after its last row, when more follow.
pub fn cursor_after<T>(
    rows: &[T],
    more: bool,
    cursor_of: impl FnOnce(&T) -> String,
) -> Option<String> {
    rows.last().filter(|_| more).map(cursor_of)
}

/// Where a page starts: after the position `cursor` names (none: at the
/// start); a cursor not made for `sort` is a 422 on `cursor`.
pub fn position<K: DeserializeOwned>(
    cursor: Option<&str>,
    sort: &str,
) -> Result<Option<(K, String)>, ApiError> {
    cursor.map(|c| decode_cursor(c, sort)).transpose()
}

/// Decodes a cursor made for `sort`; anything else is a 422 on `cursor`.
pub fn decode_cursor<K: DeserializeOwned>(
    cursor: &str,
    sort: &str,
) -> Result<(K, String), ApiError> {
    let invalid = || ApiError::field("cursor", "invalid", "not a cursor of this list and sort");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| invalid())?;
    let data: CursorData<K> = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
    if data.s != sort {
        return Err(invalid());
    }
    Ok((data.k, data.i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_secrets_never_reach_the_log() {
        assert_eq!(
            loggable_path("/v1/agenda/feed/s3cr3t.ics"),
            "/v1/agenda/feed/[secret]"
        );
        assert_eq!(loggable_path("/v1/contacts"), "/v1/contacts");
    }

    #[test]
    fn an_etag_list_matches_its_version() {
        assert!(etag_list_matches("\"3\"", 3, false));
        assert!(etag_list_matches("\"1\", \"3\"", 3, false));
        assert!(etag_list_matches("*", 9, false));
        assert!(
            !etag_list_matches("W/\"3\"", 3, false),
            "If-Match compares strongly"
        );
        assert!(etag_list_matches("W/\"3\"", 3, true));
        assert!(!etag_list_matches("\"4\"", 3, true));
    }

    #[test]
    fn a_cursor_round_trips_only_for_its_sort() {
        let c = encode_cursor("name", "ana", "id-1");
        let (k, id): (String, String) = decode_cursor(&c, "name").unwrap_or_default();
        assert_eq!((k.as_str(), id.as_str()), ("ana", "id-1"));
        assert!(decode_cursor::<String>(&c, "-name").is_err());
        assert!(decode_cursor::<String>("garbage", "name").is_err());
    }
}
