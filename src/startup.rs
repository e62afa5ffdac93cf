//! Builds the application: state, middleware and routes; binds the listener.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpServer};
use utoipa::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::jwt::JwtKeys;
use crate::config::{redact_url, Settings};
use crate::db::Db;
use crate::http::{self, method_not_allowed};
use crate::openapi::ApiDoc;
use crate::{
    agenda, archive, auth, changes, contacts, idempotency, interactions, introductions, ledger,
    network, ops, ratelimit, relationships, tags,
};

pub struct AppState {
    pub db: Db,
    pub jwt: JwtKeys,
    pub settings: Settings,
}

pub struct Application {
    port: u16,
    server: Server,
    db: Db,
}

impl Application {
    /// Opens and migrates the database, binds the listener (port 0 picks a
    /// free one) and builds the server; `run_until_stopped` serves.
    pub fn build(settings: Settings) -> Result<Application, String> {
        let target = settings.db_target()?;
        let db = Db::open(&target, settings.pool_size)?;
        let secret = settings.resolve_jwt_secret()?;
        let jwt = JwtKeys::new(&secret, settings.access_token_ttl_secs)?;
        let listener = TcpListener::bind(&settings.listen)
            .map_err(|e| format!("cannot listen on {}: {e}", settings.listen))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        tracing::info!(
            address = %settings.listen,
            port,
            database = %redact_url(&settings.database_url),
            "kith is listening on http://{}",
            listener.local_addr().map_or_else(|_| settings.listen.clone(), |a| a.to_string())
        );
        let workers = settings.workers;
        let state = web::Data::new(AppState {
            db: db.clone(),
            jwt,
            settings,
        });
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(http::json_config())
                .app_data(web::PayloadConfig::new(archive::MAX_ARCHIVE_BYTES))
                .wrap(from_fn(idempotency::middleware))
                .wrap(from_fn(ratelimit::per_user))
                .wrap(http::cors(&state.settings.cors_origins))
                .wrap(from_fn(http::request_context))
                .configure(routes)
                .default_service(web::to(http::not_found))
        })
        .workers(workers)
        .shutdown_timeout(10)
        .listen(listener)
        .map_err(|e| e.to_string())?
        .run();
        Ok(Application { port, server, db })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGINT/SIGTERM, then finishes in-flight requests.
    /// Contacts left without their stored JSON by a migration get it in the
    /// background meanwhile (reads write it from the row until then).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        actix_web::rt::spawn(crate::contacts::queries::fill_missing_json(self.db));
        self.server.await
    }
}

fn routes(cfg: &mut web::ServiceConfig) {
    // Resources are tried in order, and a path with a parameter is a regex:
    // the API comes first, the documentation (a catch-all regex) last.
    cfg.service(
        web::resource("/healthz")
            .route(web::get().to(ops::healthz))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/readyz")
            .route(web::get().to(ops::readyz))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/auth/register")
            .route(web::post().to(auth::handlers::register))
            .default_service(method_not_allowed("POST")),
    )
    .service(
        web::resource("/v1/auth/login")
            .route(web::post().to(auth::handlers::login))
            .default_service(method_not_allowed("POST")),
    )
    .service(
        web::resource("/v1/auth/refresh")
            .route(web::post().to(auth::handlers::refresh))
            .default_service(method_not_allowed("POST")),
    )
    .service(
        web::resource("/v1/auth/logout")
            .route(web::post().to(auth::handlers::logout))
            .default_service(method_not_allowed("POST")),
    )
    .service(
        web::resource("/v1/me")
            .route(web::get().to(auth::handlers::me))
            .route(web::delete().to(auth::handlers::delete_me))
            .default_service(method_not_allowed("GET, DELETE")),
    )
    .service(
        web::resource("/v1/contacts")
            .route(web::get().to(contacts::handlers::list))
            .route(web::post().to(contacts::handlers::create))
            .default_service(method_not_allowed("GET, POST")),
    )
    .service(
        web::resource("/v1/contacts/{id}")
            .route(web::get().to(contacts::handlers::get))
            .route(web::patch().to(contacts::handlers::update))
            .route(web::delete().to(contacts::handlers::delete))
            .default_service(method_not_allowed("GET, PATCH, DELETE")),
    )
    .service(
        web::resource("/v1/contacts/{id}/restore")
            .route(web::post().to(contacts::handlers::restore))
            .default_service(method_not_allowed("POST")),
    )
    .service(
        web::resource("/v1/contacts/{id}/interactions")
            .route(web::get().to(interactions::handlers::list_for_contact))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/interactions")
            .route(web::get().to(interactions::handlers::list))
            .route(web::post().to(interactions::handlers::create))
            .default_service(method_not_allowed("GET, POST")),
    )
    .service(
        web::resource("/v1/interactions/{id}")
            .route(web::get().to(interactions::handlers::get))
            .route(web::patch().to(interactions::handlers::update))
            .route(web::delete().to(interactions::handlers::delete))
            .default_service(method_not_allowed("GET, PATCH, DELETE")),
    )
    .service(
        web::resource("/v1/tags")
            .route(web::get().to(tags::handlers::list))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/tags/{name}")
            .route(web::put().to(tags::handlers::put))
            .route(web::patch().to(tags::handlers::rename))
            .route(web::delete().to(tags::handlers::delete))
            .default_service(method_not_allowed("PUT, PATCH, DELETE")),
    )
    .service(
        web::resource("/v1/agenda")
            .route(web::get().to(agenda::handlers::get))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/agenda/feed")
            .route(web::post().to(agenda::handlers::create_feed))
            .route(web::delete().to(agenda::handlers::delete_feed))
            .default_service(method_not_allowed("POST, DELETE")),
    )
    .service(
        web::resource("/v1/agenda/feed/{file}")
            .route(web::get().to(agenda::handlers::get_feed))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/ledger")
            .route(web::get().to(ledger::handlers::list))
            .route(web::post().to(ledger::handlers::create))
            .default_service(method_not_allowed("GET, POST")),
    )
    .service(
        web::resource("/v1/ledger/balances")
            .route(web::get().to(ledger::handlers::list_balances))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/ledger/{id}")
            .route(web::get().to(ledger::handlers::get))
            .route(web::patch().to(ledger::handlers::update))
            .route(web::delete().to(ledger::handlers::delete))
            .default_service(method_not_allowed("GET, PATCH, DELETE")),
    )
    .service(
        web::resource("/v1/contacts/{id}/ledger")
            .route(web::get().to(ledger::handlers::list_for_contact))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/contacts/{id}/balance")
            .route(web::get().to(ledger::handlers::contact_balance))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/relationships")
            .route(web::post().to(relationships::handlers::create))
            .default_service(method_not_allowed("POST")),
    )
    .service(
        web::resource("/v1/relationships/{id}")
            .route(web::get().to(relationships::handlers::get))
            .route(web::patch().to(relationships::handlers::update))
            .route(web::delete().to(relationships::handlers::delete))
            .default_service(method_not_allowed("GET, PATCH, DELETE")),
    )
    .service(
        web::resource("/v1/contacts/{id}/relationships")
            .route(web::get().to(relationships::handlers::list_for_contact))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/introductions")
            .route(web::get().to(introductions::handlers::list))
            .route(web::post().to(introductions::handlers::create))
            .default_service(method_not_allowed("GET, POST")),
    )
    .service(
        web::resource("/v1/introductions/{id}")
            .route(web::get().to(introductions::handlers::get))
            .route(web::patch().to(introductions::handlers::update))
            .route(web::delete().to(introductions::handlers::delete))
            .default_service(method_not_allowed("GET, PATCH, DELETE")),
    )
    .service(
        web::resource("/v1/network/reach")
            .route(web::get().to(network::handlers::reach))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/network/stats")
            .route(web::get().to(network::handlers::stats))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/network/graph")
            .route(web::get().to(network::handlers::graph))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/tokens")
            .route(web::get().to(auth::tokens::list))
            .route(web::post().to(auth::tokens::create))
            .default_service(method_not_allowed("GET, POST")),
    )
    .service(
        web::resource("/v1/tokens/{id}")
            .route(web::delete().to(auth::tokens::delete))
            .default_service(method_not_allowed("DELETE")),
    )
    .service(
        web::resource("/v1/export")
            .route(web::get().to(archive::get_export))
            .default_service(method_not_allowed("GET")),
    )
    .service(
        web::resource("/v1/import/archive")
            .app_data(http::json_config().limit(archive::MAX_ARCHIVE_BYTES))
            .route(web::post().to(archive::post_import))
            .default_service(method_not_allowed("POST")),
    )
    .service(
        web::resource("/v1/changes")
            .route(web::get().to(changes::list))
            .default_service(method_not_allowed("GET")),
    )
    .service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", ApiDoc::openapi()))
    .route(
        "/docs",
        web::get().to(|| async {
            actix_web::HttpResponse::PermanentRedirect()
                .insert_header((actix_web::http::header::LOCATION, "/docs/"))
                .finish()
        }),
    );
}
