//! The id of the request being handled, for logs and problem bodies: set by
//! `http::request_context` for the life of each request.

tokio::task_local! {
    pub(super) static REQUEST_ID: String;
}

/// The id of the request being handled (empty outside a request).
pub fn current_request_id() -> String {
    REQUEST_ID.try_with(|id| id.clone()).unwrap_or_default()
}

/// `future` with the request id and log span of the request being handled,
/// for work a request hands to a task of its own.
pub fn carried<F: std::future::Future>(future: F) -> impl std::future::Future<Output = F::Output> {
    use tracing::Instrument;
    REQUEST_ID
        .scope(current_request_id(), future)
        .instrument(tracing::Span::current())
}

/// A client's own `X-Request-Id` is kept when it is this sane.
pub(super) fn accept_request_id(value: &str) -> bool {
    (1..=64).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}
