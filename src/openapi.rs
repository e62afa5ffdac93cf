//! The OpenAPI document's root: info, tags, the shared schemas and the
//! bearer security scheme; the paths come from the operations (`crate::api`). `kith openapi` prints it; a test keeps the
//! committed `openapi/openapi.json` equal to it.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error;
use crate::http::operations::Operations;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "An access token from `POST /v1/auth/login` (a JWT, 15 minutes), or a \
                         personal access token (`kith_pat_…`) from `POST /v1/tokens`. Each \
                         operation lists the role it needs: `read` (any token), `write` (a login \
                         or a write token) or `session` (a login only).",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "metrics_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The operator's `KITH_METRICS_TOKEN`, when one is set (only for \
                         `GET /metrics`).",
                    ))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "kith",
        description = "A JSON REST API for keeping a professional network alive: contacts, \
interactions that keep a cadence, a reciprocity ledger and introductions.\n\n\
Errors are `application/problem+json` (RFC 9457) with a stable `code` and the `request_id`. \
Lists use keyset pagination (`limit`, `cursor`, `next_cursor`). Mutable resources carry a \
`version`, sent as `ETag`; `If-None-Match` gives `304`, a stale `If-Match` gives `412`. \
Every `POST` accepts an `Idempotency-Key`.",
        license(name = "MIT", identifier = "MIT")
    ),
    servers((url = "/", description = "The server that serves this document")),
    components(schemas(error::Problem, error::FieldError)),
    modifiers(&Security),
    tags(
        (name = "auth", description = "Accounts and tokens"),
        (name = "contacts", description = "The people in your network"),
        (name = "interactions", description = "Emails, calls, coffees: what keeps a cadence"),
        (name = "ledger", description = "Favors given and received, and the balance of each relationship"),
        (name = "network", description = "Relationships, introductions and reach"),
        (name = "tags", description = "Tags and their default cadences"),
        (name = "agenda", description = "Who needs attention, and why"),
        (name = "sync", description = "The change feed for offline clients"),
        (name = "account", description = "Export and import of all your data"),
        (name = "operations", description = "Health and readiness"),
    )
)]
pub struct ApiDoc;

/// The document of `operations`.
pub fn document_of(operations: &Operations) -> utoipa::openapi::OpenApi {
    let mut doc = operations.document(ApiDoc::openapi());
    let components = doc.components.get_or_insert_with(Default::default);
    components
        .responses
        .extend(crate::http::problems::components());
    // Operations that name no role need no token: say so (`security: []`),
    // rather than leave a reader to guess.
    for item in doc.paths.paths.values_mut() {
        for op in [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ]
        .into_iter()
        .flatten()
        {
            op.security.get_or_insert_with(Vec::new);
        }
    }
    doc
}

/// The API's document as pretty JSON, ending with a newline.
pub fn document() -> String {
    let mut s = document_of(&crate::api::operations())
        .to_pretty_json()
        .unwrap_or_default();
    s.push('\n');
    s
}
