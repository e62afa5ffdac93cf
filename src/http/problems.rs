//! The problem responses, defined once. Each is a named response of the
//! document (`#/components/responses/NotFound`, …); an operation names the
//! set that fits what it takes (`responses((status = 200, …), problems::ReadOne)`)
//! and adds only what is its own (a `409` conflict, a `412` on a stale
//! `If-Match`, a `401` that means wrong credentials).

use std::collections::BTreeMap;

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{Content, Ref, RefOr};
use utoipa::IntoResponses;

/// Every shared problem response: status, name and description.
const SHARED: [(u16, &str, &str); 10] = [
    (400, "BadRequest", "Malformed JSON or an unreadable body"),
    (401, "Unauthorized", "Missing, invalid or expired access token (`WWW-Authenticate: Bearer`)"),
    (403, "Forbidden", "The token may not do this (`insufficient_scope`: a read token; `session_required`: a personal access token where a login is needed)"),
    (404, "NotFound", "No such resource, or not yours"),
    (412, "PreconditionFailed", "`If-Match` names a version that is no longer current: read it again"),
    (413, "PayloadTooLarge", "Body over 1 MiB (archives 20 MiB)"),
    (415, "UnsupportedMediaType", "The body is not JSON"),
    (422, "UnprocessableEntity", "Invalid fields or query parameters: every one is listed in `errors`"),
    (429, "TooManyRequests", "A rate limit was reached; retry after `Retry-After` seconds"),
    (503, "ServiceUnavailable", "The database cannot be reached; retry after `Retry-After` seconds"),
];

/// The shared responses, for the document's `components.responses`.
pub fn components() -> BTreeMap<String, RefOr<Response>> {
    SHARED
        .iter()
        .map(|&(status, name, description)| {
            let mut response = ResponseBuilder::new().description(description).content(
                "application/problem+json",
                Content::new(Some(Ref::from_schema_name("Problem"))),
            );
            if matches!(status, 429 | 503) {
                let seconds = ObjectBuilder::new().schema_type(Type::Integer).build();
                response = response.header(
                    "Retry-After",
                    HeaderBuilder::new()
                        .schema(Some(seconds))
                        .description(Some("Seconds to wait before retrying"))
                        .build(),
                );
            }
            (name.to_string(), RefOr::T(response.build()))
        })
        .collect()
}

fn set(statuses: &[u16]) -> BTreeMap<String, RefOr<Response>> {
    SHARED
        .iter()
        .filter(|(status, _, _)| statuses.contains(status))
        .map(|&(status, name, _)| {
            (
                status.to_string(),
                RefOr::Ref(Ref::from_response_name(name)),
            )
        })
        .collect()
}

/// Declares each problem set: a unit struct whose `IntoResponses` names the
/// shared responses of its statuses (`#/components/responses/…`), for an
/// operation's `responses(…)`.
macro_rules! problem_sets {
    ($($(#[$doc:meta])* $name:ident = [$($status:literal),*];)*) => {$(
        $(#[$doc])*
        pub struct $name;

        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                set(&[$($status),*])
            }
        }
    )*};
}

// `problem_sets!` declares each set as a type for `#[utoipa::path(responses(…))]`.
problem_sets! {
    /// An authenticated read without parameters.
    Read = [401, 429, 503];
    /// An authenticated read of one resource.
    ReadOne = [401, 404, 429, 503];
    /// An authenticated read of one resource, with query parameters
    /// (`fields`).
    ReadOneWith = [401, 404, 422, 429, 503];
    /// A list, with query parameters.
    List = [401, 422, 429, 503];
    /// A list under one resource (a contact's interactions).
    ListOf = [401, 404, 422, 429, 503];
    /// A write with a JSON body.
    Write = [400, 401, 403, 413, 415, 422, 429, 503];
    /// A write with a JSON body to one resource.
    WriteOne = [400, 401, 403, 404, 413, 415, 422, 429, 503];
    /// A write without a body.
    Act = [401, 403, 429, 503];
    /// A write without a body to one resource (a delete, a restore).
    ActOne = [401, 403, 404, 429, 503];
    /// `WriteOne` of a versioned resource: a stale `If-Match` is a `412`.
    WriteVersioned = [400, 401, 403, 404, 412, 413, 415, 422, 429, 503];
    /// `ActOne` of a versioned resource.
    ActVersioned = [401, 403, 404, 412, 429, 503];
    /// A public write with a JSON body (registration, login).
    Public = [400, 413, 415, 422, 429, 503];
}
