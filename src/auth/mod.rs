//! Accounts and authentication: passwords, access tokens (JWT), refresh
//! tokens, personal access tokens, and the `AuthUser` extractor every
//! protected handler takes.

pub mod dto;
pub mod handlers;
pub mod jwt;
pub mod password;
pub mod request_limit;
pub mod service;
pub mod store;
pub mod tokens;

use actix_web::http::{header, Method};
use actix_web::{dev::Payload, web, FromRequest, HttpMessage, HttpRequest};
use futures_util::future::LocalBoxFuture;

use crate::error::ApiError;
use crate::http::operations::Operations;
use crate::state::AppState;

/// What a personal access token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Read,
    Write,
    /// Posting captures only (`CAPTURE_PATHS`): a mail or calendar script
    /// never holds read access to the network.
    Capture,
}

/// The operations (all `POST`) a `capture` token may call, and no other.
pub const CAPTURE_PATHS: [&str; 2] = ["/v1/captures/messages", "/v1/captures/calendar"];

/// How a request proved who it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    /// A JWT from login or refresh: everything.
    Session,
    /// A personal access token: its scope.
    Token(Scope),
}

/// The user a request acts for. Taking it in a handler's signature is what
/// makes the handler require authentication; a `read` token is refused on
/// every method but GET.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: String,
    pub credential: Credential,
}

impl AuthUser {
    /// Token management and account deletion need a login, not a token.
    pub fn require_session(&self) -> Result<(), ApiError> {
        match self.credential {
            Credential::Session => Ok(()),
            Credential::Token(_) => Err(ApiError::forbidden(
                "session_required",
                "this needs a login (an access token from /v1/auth/login), not a personal access token",
            )),
        }
    }
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

fn invalid() -> ApiError {
    ApiError::unauthorized(
        "invalid_token",
        "the access token is invalid or has expired",
    )
}

/// Resolves the bearer token of a request to its user (a JWT without a
/// database call, a personal access token with one), once per request.
pub async fn authenticate(req: &HttpRequest) -> Result<AuthUser, ApiError> {
    if let Some(user) = req.extensions().get::<AuthUser>() {
        return Ok(user.clone());
    }
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::internal("application state missing"))?;
    let token = bearer(req).ok_or_else(|| {
        ApiError::unauthorized(
            "missing_token",
            "send an access token: Authorization: Bearer <token>",
        )
    })?;
    let user = if token.starts_with(tokens::PREFIX) {
        let found = state
            .db
            .read(move |conn| Ok(tokens::resolve(conn, &token)?))
            .await?;
        let (user_id, scope, stale) = found.ok_or_else(invalid)?;
        if let Some(token_id) = stale {
            // Last-used time, at most once a minute per token.
            state
                .db
                .write(move |conn| Ok(tokens::touch(conn, &token_id)?))
                .await?;
        }
        AuthUser {
            id: user_id,
            credential: Credential::Token(scope),
        }
    } else {
        let id = state.jwt.verify(&token).ok_or_else(invalid)?;
        AuthUser {
            id,
            credential: Credential::Session,
        }
    };
    let reads_only = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if user.credential == Credential::Token(Scope::Read) && !reads_only {
        return Err(ApiError::forbidden(
            "insufficient_scope",
            "this token may only read; writes need a write token",
        ));
    }
    let capturing = *req.method() == Method::POST
        && req
            .match_pattern()
            .is_some_and(|p| CAPTURE_PATHS.contains(&p.as_str()));
    if user.credential == Credential::Token(Scope::Capture) && !capturing {
        return Err(ApiError::forbidden(
            "insufficient_scope",
            "this token may only post captures (POST /v1/captures/messages and /v1/captures/calendar)",
        ));
    }
    req.extensions_mut().insert(user.clone());
    Ok(user)
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<AuthUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { authenticate(&req).await })
    }
}

/// Accounts, sessions and personal access tokens.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_register, handlers::register)
        .add(handlers::__path_login, handlers::login)
        .add(handlers::__path_refresh, handlers::refresh)
        .add(handlers::__path_logout, handlers::logout)
        .add(handlers::__path_me, handlers::me)
        .add(handlers::__path_put_me, handlers::put_me)
        .add(handlers::__path_delete_me, handlers::delete_me)
        .add(tokens::__path_list, tokens::list)
        .add(tokens::__path_create, tokens::create)
        .add(tokens::__path_delete, tokens::delete);
}
