//! Builds the application: state, middleware and routes; binds the listener.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpServer};
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::jwt::JwtKeys;
use crate::config::{redact_url, Settings};
use crate::db::Db;
use crate::http;
use crate::http::operations::Operations;
use crate::state::AppState;
use crate::{api, archive, auth, openapi};

pub struct Application {
    port: u16,
    server: Server,
    db: Db,
    settings: Settings,
    drain: web::Data<http::drain::Drain>,
    waiters: web::Data<crate::changes::waiters::Waiters>,
    listener: TcpListener,
}

impl Application {
    /// Opens and migrates the database, binds the listener (port 0 picks a
    /// free one) and builds the server; `run_until_stopped` serves.
    pub fn build(settings: Settings) -> Result<Application, String> {
        crate::metrics::install();
        let target = settings.db_target()?;
        let db = Db::open(&target, settings.pool_size, auth::service::ACCOUNT_GATE)?
            .with_write_hook(http::idempotency::committed_with);
        let secret = settings.resolve_jwt_secret()?;
        let jwt = JwtKeys::new(&secret, settings.access_token_ttl_secs)?;
        let listener = TcpListener::bind(&settings.listen)
            .map_err(|e| format!("cannot listen on {}: {e}", settings.listen))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let listener_handle = listener.try_clone().map_err(|e| e.to_string())?;
        let drain = web::Data::new(http::drain::Drain::default());
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
            settings: settings.clone(),
        });
        let operations = std::sync::Arc::new(api::operations());
        // Written once: the document as a tree is several MiB, and each
        // worker would keep a copy of it and write it again per request.
        let document = web::Bytes::from(
            serde_json::to_vec(&openapi::document_of(&operations))
                .map_err(|e| format!("cannot write the OpenAPI document: {e}"))?,
        );
        let app_drain = drain.clone();
        let waiters = web::Data::new(crate::changes::waiters::Waiters::default());
        let app_waiters = waiters.clone();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(http::json_config())
                .app_data(web::PayloadConfig::new(archive::model::MAX_ARCHIVE_BYTES))
                .wrap(from_fn(http::head_as_get))
                .wrap(from_fn(http::idempotency::middleware))
                .wrap(from_fn(auth::request_limit::per_user))
                .wrap(http::cors(&state.settings.cors_origins))
                .wrap(from_fn(http::request_context))
                .app_data(app_drain.clone())
                .app_data(app_waiters.clone())
                .wrap(from_fn(http::drain::middleware))
                .configure(|cfg| routes(cfg, &operations, document.clone()))
                .default_service(web::to(http::not_found))
        })
        .workers(workers)
        // Signals are ours: `http::drain` shuts the listener first.
        .disable_signals()
        .shutdown_timeout(http::drain::SHUTDOWN_TIMEOUT.as_secs())
        .listen(listener)
        .map_err(|e| e.to_string())?
        .run();
        Ok(Application {
            port,
            server,
            db,
            settings,
            drain,
            waiters,
            listener: listener_handle,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGINT/SIGTERM, then finishes in-flight requests
    /// (`http::drain`).
    /// Contacts left without their stored JSON by a migration get it in the
    /// background meanwhile (reads write it from the row until then), and
    /// rows without a search text theirs.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        actix_web::rt::spawn(crate::contacts::service::fill_missing_json(self.db.clone()));
        actix_web::rt::spawn(crate::search::service::fill_missing(self.db.clone()));
        // Background tasks log in a span of their own (what they log is
        // about no request).
        use tracing::Instrument;
        actix_web::rt::spawn(
            crate::changes::waiters::run(self.db.clone(), self.waiters.clone().into_inner())
                .instrument(tracing::error_span!("task", task = "change_waiters")),
        );
        actix_web::rt::spawn(
            crate::webhooks::worker::run(self.db, self.settings, self.drain.clone())
                .instrument(tracing::error_span!("task", task = "webhooks")),
        );
        actix_web::rt::spawn(http::drain::on_signal(
            self.drain,
            self.server.handle(),
            self.listener,
        ));
        self.server.await
    }
}

/// The API's operations (see `crate::api`), then the documentation: a
/// catch-all pattern, so it comes last.
fn routes(cfg: &mut web::ServiceConfig, operations: &Operations, document: web::Bytes) {
    operations.configure(cfg);
    // No validator badge: the page calls nothing but this server.
    let config = utoipa_swagger_ui::Config::new(["/openapi.json"]).validator_url("none");
    cfg.service(SwaggerUi::new("/docs/{_:.*}").config(config))
        .route(
            "/openapi.json",
            web::get().to(move || {
                let document = document.clone();
                async move {
                    actix_web::HttpResponse::Ok()
                        .content_type(actix_web::http::header::ContentType::json())
                        .body(document)
                }
            }),
        )
        .route(
            "/docs",
            web::get().to(|| async {
                actix_web::HttpResponse::PermanentRedirect()
                    .insert_header((actix_web::http::header::LOCATION, "/docs/"))
                    .finish()
            }),
        );
}
