//! Accounts and authentication: passwords, access tokens, refresh tokens and
//! the `AuthUser` extractor every protected handler takes.

pub mod dto;
pub mod handlers;
pub mod jwt;
pub mod password;
pub mod queries;

use std::future::{ready, Ready};

use actix_web::http::header;
use actix_web::{dev::Payload, web, FromRequest, HttpRequest};

use crate::error::ApiError;
use crate::startup::AppState;

/// The user a request acts for. Taking it in a handler's signature is what
/// makes the handler require authentication.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: String,
}

fn bearer(req: &HttpRequest) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Resolves the bearer token of a request to its user.
pub fn authenticate(req: &HttpRequest) -> Result<AuthUser, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::internal("application state missing"))?;
    let token = bearer(req).ok_or_else(|| {
        ApiError::unauthorized(
            "missing_token",
            "send an access token: Authorization: Bearer <token>",
        )
    })?;
    state
        .jwt
        .verify(token)
        .map(|id| AuthUser { id })
        .ok_or_else(|| {
            ApiError::unauthorized(
                "invalid_token",
                "the access token is invalid or has expired",
            )
        })
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Ready<Result<AuthUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(authenticate(req))
    }
}
