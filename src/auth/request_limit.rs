//! The general per-user request limit (off unless configured): a
//! middleware, as it must know the authenticated user before any handler
//! runs. The counters themselves are `ratelimit`'s.

use actix_web::http::header;

use crate::http::ratelimit;
use crate::state::AppState;
use crate::time;

/// The general per-user limit (off unless configured): counts every
/// authenticated request and answers with `RateLimit-*` headers.
pub async fn per_user(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    use actix_web::ResponseError;
    let state = req.app_data::<actix_web::web::Data<AppState>>().cloned();
    let limit = state
        .as_ref()
        .map_or(0, |s| s.settings.rate_per_user_per_minute);
    if limit == 0 || !req.headers().contains_key(header::AUTHORIZATION) {
        return next
            .call(req)
            .await
            .map(actix_web::dev::ServiceResponse::map_into_boxed_body);
    }
    let (Some(state), Ok(user)) = (state, super::authenticate(req.request()).await) else {
        // The handler answers the authentication error.
        return next
            .call(req)
            .await
            .map(actix_web::dev::ServiceResponse::map_into_boxed_body);
    };
    let bucket = format!("user:{}", user.id);
    let decision = match state
        .db
        .write(move |conn| ratelimit::hit(conn, &bucket, limit, time::now()))
        .await
    {
        Ok(d) => d,
        Err(e) => return Ok(req.into_response(e.error_response())),
    };
    let mut res = if decision.allowed {
        next.call(req).await?.map_into_boxed_body()
    } else {
        let err = ratelimit::too_many(
            decision.reset_secs,
            "request limit reached for this account; retry after the time given",
        );
        req.into_response(err.error_response())
    };
    let headers = res.headers_mut();
    for (name, value) in [
        ("ratelimit-limit", decision.limit.to_string()),
        ("ratelimit-remaining", decision.remaining.to_string()),
        ("ratelimit-reset", decision.reset_secs.to_string()),
    ] {
        if let Ok(v) = header::HeaderValue::from_str(&value) {
            headers.insert(header::HeaderName::from_static(name), v);
        }
    }
    Ok(res)
}
