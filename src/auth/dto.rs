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
    /// An IANA time zone: reminders (webhooks' `agenda.*` events) go out on
    /// the day an item becomes due there.
    #[schema(example = "Europe/Berlin")]
    pub time_zone: String,
    /// When the account was created.
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// The account's name and time zone (`PUT /v1/me`): both as given, the
/// time zone `UTC` when left out.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(deserialize_with = "crate::input::trimmed")]
    #[schema(min_length = 1, max_length = 200, example = "Ana Lima")]
    pub name: String,
    #[serde(default)]
    #[schema(schema_with = time_zone_schema)]
    pub time_zone: Option<String>,
}

impl crate::input::Rules for Profile {
    /// A name of the IANA time zone database (the schema says its shape;
    /// the list of ~600 names is the database's).
    fn check(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
        let tz = body["time_zone"].as_str();
        if tz.is_some_and(|tz| tz.parse::<chrono_tz::Tz>().is_err()) {
            errors.push(crate::error::FieldError::new(
                "time_zone",
                "invalid_time_zone",
                "must be a name of the IANA time zone database, like Europe/Berlin",
            ));
        }
    }
}

fn time_zone_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"))
        .max_length(Some(64))
        .description(Some(
            "A name of the IANA time zone database (`Europe/Berlin`, `America/New_York`); \
             `UTC` when left out. Another name is a `422` (`invalid_time_zone`).",
        ))
        .examples(["Europe/Berlin"])
        .build()
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
