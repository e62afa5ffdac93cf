//! Request and response bodies of the auth endpoints.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::input;

/// Create an account.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    /// The login email; unique, compared ignoring case.
    #[serde(deserialize_with = "input::trimmed")]
    #[schema(format = "email", max_length = 254, example = "ana@example.com")]
    pub email: String,
    /// At least 10 characters.
    #[schema(
        min_length = 10,
        max_length = 1024,
        example = "correct horse battery staple"
    )]
    pub password: String,
    /// The name shown for the account.
    #[serde(deserialize_with = "input::trimmed")]
    #[schema(min_length = 1, max_length = 200, example = "Ana Lima")]
    pub name: String,
}

/// Log in with email and password.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[schema(min_length = 1, max_length = 254, example = "ana@example.com")]
    pub email: String,
    #[schema(
        min_length = 1,
        max_length = 1024,
        example = "correct horse battery staple"
    )]
    pub password: String,
}

/// A refresh token, to rotate or to revoke.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// The refresh token from the last login or refresh.
    #[schema(
        min_length = 1,
        max_length = 200,
        example = "kith_rt_3f9c2a7b1d8e4f60a5c9"
    )]
    pub refresh_token: String,
}

impl input::Rules for RegisterRequest {}
impl input::Rules for LoginRequest {}
impl input::Rules for RefreshRequest {}

/// The account.
#[derive(Serialize, ToSchema)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    /// When the account was created.
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// A fresh pair of tokens.
#[derive(Serialize, ToSchema)]
pub struct AuthResponse {
    pub user: User,
    /// A JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// An opaque token for `POST /v1/auth/refresh`; each is good for one use.
    pub refresh_token: String,
    /// Always `Bearer`.
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
}
