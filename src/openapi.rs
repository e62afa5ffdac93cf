//! The OpenAPI document's root: every path, the shared schemas and the
//! bearer security scheme. `kith openapi` prints it; a test keeps the
//! committed `openapi/openapi.json` equal to it.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::{
    agenda, archive, auth, changes, contacts, error, interactions, introductions, ledger, network,
    ops, relationships, tags,
};

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
        license(name = "MIT")
    ),
    paths(
        ops::healthz,
        ops::readyz,
        auth::handlers::register,
        auth::handlers::login,
        auth::handlers::refresh,
        auth::handlers::logout,
        auth::handlers::me,
        auth::handlers::delete_me,
        auth::tokens::create,
        auth::tokens::list,
        auth::tokens::delete,
        archive::get_export,
        archive::post_import,
        contacts::handlers::list,
        contacts::handlers::create,
        contacts::handlers::get,
        contacts::handlers::update,
        contacts::handlers::delete,
        contacts::handlers::restore,
        interactions::handlers::list,
        interactions::handlers::create,
        interactions::handlers::get,
        interactions::handlers::update,
        interactions::handlers::delete,
        interactions::handlers::list_for_contact,
        ledger::handlers::list,
        ledger::handlers::create,
        ledger::handlers::get,
        ledger::handlers::update,
        ledger::handlers::delete,
        ledger::handlers::list_for_contact,
        ledger::handlers::list_balances,
        ledger::handlers::contact_balance,
        relationships::handlers::create,
        relationships::handlers::get,
        relationships::handlers::update,
        relationships::handlers::delete,
        relationships::handlers::list_for_contact,
        introductions::handlers::list,
        introductions::handlers::create,
        introductions::handlers::get,
        introductions::handlers::update,
        introductions::handlers::delete,
        network::handlers::reach,
        network::handlers::stats,
        network::handlers::graph,
        tags::handlers::list,
        tags::handlers::put,
        tags::handlers::rename,
        tags::handlers::delete,
        agenda::handlers::get,
        agenda::handlers::create_feed,
        agenda::handlers::delete_feed,
        agenda::handlers::get_feed,
        changes::list,
    ),
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

/// The document as pretty JSON, ending with a newline.
pub fn document() -> String {
    let mut s = ApiDoc::openapi().to_pretty_json().unwrap_or_default();
    s.push('\n');
    s
}
