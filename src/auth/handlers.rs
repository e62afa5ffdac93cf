//! HTTP handlers for registration, login, token refresh, logout, `/v1/me`
//! and account deletion.

use actix_web::{web, HttpRequest, HttpResponse};

use super::dto::{AuthResponse, LoginRequest, Profile, RefreshRequest, RegisterRequest, User};
use super::service::{self, Rotation};
use super::store::{self, UserRow};
use super::{password, AuthUser};
use crate::error::{ApiError, Problem};
use crate::http::ratelimit;
use crate::input::Json;
use crate::state::AppState;

fn user_out(u: &UserRow) -> User {
    u.to_api()
}

fn tokens(
    state: &AppState,
    user: &UserRow,
    refresh_token: String,
) -> Result<AuthResponse, ApiError> {
    let access_token = state
        .jwt
        .issue(&user.id, chrono::Utc::now().timestamp())
        .map_err(ApiError::internal)?;
    Ok(AuthResponse {
        user: user_out(user),
        access_token,
        refresh_token,
        token_type: "Bearer",
        expires_in: state.jwt.ttl_secs,
    })
}

async fn hash_off_thread(pw: String) -> Result<String, ApiError> {
    web::block(move || password::hash(&pw))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)
}

/// Verifies off the workers; an unknown account costs a real verification
/// too, so timing tells nothing.
async fn verify_off_thread(pw: String, hash: Option<String>) -> Result<bool, ApiError> {
    web::block(move || {
        let known = hash.is_some();
        let ok = password::verify(
            &pw,
            hash.as_deref().unwrap_or_else(|| password::dummy_hash()),
        );
        known && ok
    })
    .await
    .map_err(ApiError::internal)
}

/// Create an account.
///
/// Returns the account and a first pair of tokens. The email must not be in
/// use (compared ignoring case); the password needs at least 10 characters.
#[utoipa::path(
    post, path = "/v1/auth/register", tag = "auth", operation_id = "register",
    request_body = super::dto::RegisterRequest,
    responses(
        (status = 201, description = "Account created", body = AuthResponse),
        (status = 409, description = "The email is taken (`email_taken`)", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Public,
    )
)]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    Json(RegisterRequest {
        email,
        password: pw,
        name,
    }): Json<RegisterRequest>,
) -> Result<HttpResponse, ApiError> {
    let ip = ratelimit::client_ip(&req, state.settings.trust_proxy);
    let limit = state.settings.rate_register_per_minute;
    let key = store::email_key(&email);
    state
        .db
        .write(move |conn| {
            ratelimit::check(conn, &format!("register:ip:{ip}"), limit)?;
            ratelimit::check(conn, &format!("register:email:{key}"), limit)
        })
        .await?;
    let hash = hash_off_thread(pw).await?;
    let ttl = state.settings.refresh_token_ttl_days;
    let (user, refresh) = state
        .db
        .write(move |conn| {
            let user = service::register(conn, &email, &name, hash)?;
            let refresh = service::issue_refresh(conn, &user.id, None, ttl)?;
            Ok((user, refresh))
        })
        .await?;
    Ok(HttpResponse::Created().json(tokens(&state, &user, refresh)?))
}

/// Log in.
///
/// A wrong password and an unknown email give the same `401`. After 10
/// failed logins for one account within 15 minutes, its logins answer `429`
/// until the oldest failure is 15 minutes old.
#[utoipa::path(
    post, path = "/v1/auth/login", tag = "auth", operation_id = "login",
    request_body = super::dto::LoginRequest,
    responses(
        (status = 200, description = "Logged in", body = AuthResponse),
        (status = 401, description = "Wrong email or password (`invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Public,
    )
)]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    Json(LoginRequest {
        email,
        password: pw,
    }): Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let ip = ratelimit::client_ip(&req, state.settings.trust_proxy);
    let limit = state.settings.rate_login_per_minute;
    let max_failures = state.settings.login_lockout_failures;
    let window = state.settings.login_lockout_minutes * 60 * 1_000_000;
    let key = store::email_key(&email);
    let k = key.clone();
    let user = state
        .db
        .write(move |conn| {
            ratelimit::check(conn, &format!("login:ip:{ip}"), limit)?;
            ratelimit::count_login_attempt(conn, &k, max_failures, window)?;
            Ok(store::user_by_email(conn, &email)?)
        })
        .await?;
    let ok = verify_off_thread(pw, user.as_ref().map(|u| u.password_hash.clone())).await?;
    let Some(user) = user.filter(|_| ok) else {
        return Err(ApiError::unauthorized(
            "invalid_credentials",
            "wrong email or password",
        ));
    };
    let ttl = state.settings.refresh_token_ttl_days;
    let uid = user.id.clone();
    let refresh = state
        .db
        .write(move |conn| {
            ratelimit::clear_login_attempts(conn, &key)?;
            Ok(service::issue_refresh(conn, &uid, None, ttl)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(tokens(&state, &user, refresh)?))
}

/// Exchange a refresh token for a new pair.
///
/// The presented token is spent. Presented again within
/// `KITH_REFRESH_REUSE_GRACE_SECS` (30 s by default) of its rotation — two
/// tabs or threads refreshing at once — it gets the same successor; later,
/// it answers `401` and revokes every token descended from the same login.
#[utoipa::path(
    post, path = "/v1/auth/refresh", tag = "auth", operation_id = "refresh_token",
    request_body = super::dto::RefreshRequest,
    responses(
        (status = 200, description = "A new pair of tokens", body = AuthResponse),
        (status = 401, description = "Unknown, expired, revoked or reused token (`invalid_refresh_token`)", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Public,
    )
)]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    Json(RefreshRequest {
        refresh_token: secret,
    }): Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let ttl = state.settings.refresh_token_ttl_days;
    let ip = ratelimit::client_ip(&req, state.settings.trust_proxy);
    let limit = state.settings.rate_refresh_per_minute;
    let grace = state.settings.refresh_reuse_grace_secs;
    let mac = state.jwt.refresh_mac.clone();
    let outcome = state
        .db
        .write(move |conn| {
            ratelimit::check(conn, &format!("refresh:ip:{ip}"), limit)?;
            let refresh = service::Refresh {
                secret: &secret,
                ttl_days: ttl,
                per_minute: limit,
                grace_secs: grace,
                mac: &mac,
            };
            service::rotate_refresh(conn, refresh)
        })
        .await?;
    match outcome {
        Rotation::Rotated {
            user,
            refresh_token,
        } => Ok(HttpResponse::Ok().json(tokens(&state, &user, refresh_token)?)),
        Rotation::Invalid | Rotation::Reused => Err(ApiError::unauthorized(
            "invalid_refresh_token",
            "the refresh token is unknown, expired, revoked or already used; log in again",
        )),
    }
}

/// Log out.
///
/// Revokes the refresh token and every token of its login. Answers `204`
/// whether or not the token was known.
#[utoipa::path(
    post, path = "/v1/auth/logout", tag = "auth", operation_id = "logout",
    request_body = super::dto::RefreshRequest,
    responses(
        (status = 204, description = "Logged out"),
        crate::http::problems::Public,
    )
)]
pub async fn logout(
    state: web::Data<AppState>,
    Json(RefreshRequest {
        refresh_token: secret,
    }): Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    state
        .db
        .write(move |conn| Ok(service::revoke(conn, &secret)?))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The account of the caller.
#[utoipa::path(
    get, path = "/v1/me", tag = "auth", operation_id = "get_me",
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The account", body = User),
        crate::http::problems::Read,
    )
)]
pub async fn me(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    let row = state
        .db
        .read_as(user.id.clone(), move |conn| {
            store::user_by_id(conn, &user.id)?.ok_or_else(ApiError::not_found)
        })
        .await?;
    Ok(HttpResponse::Ok().json(user_out(&row)))
}

/// Set the account's name and time zone.
#[utoipa::path(
    put, path = "/v1/me", tag = "auth", operation_id = "put_me",
    request_body(content = Profile, content_type = "application/json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The account", body = User),
        crate::http::problems::Write,
    )
)]
pub async fn put_me(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(profile): Json<Profile>,
) -> Result<HttpResponse, ApiError> {
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            let tz = profile.time_zone.as_deref().unwrap_or("UTC");
            store::set_profile(conn, &user.id, &profile.name, tz)?;
            store::user_by_id(conn, &user.id)?.ok_or_else(ApiError::not_found)
        })
        .await?;
    Ok(HttpResponse::Ok().json(user_out(&row)))
}

/// Confirm account deletion with the password.
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeleteAccount {
    #[schema(
        min_length = 1,
        max_length = 1024,
        example = "correct horse battery staple"
    )]
    pub password: String,
}

impl crate::input::Rules for DeleteAccount {}

/// Delete my account and every record of it.
///
/// Needs a login and the password. The account's tokens go first, then its
/// records, a part at a time (other users' requests go in between), then
/// the account: `204` when all of it is gone. A deletion cut short (the
/// server stopped) has deleted part of the records; sending it again
/// finishes.
#[utoipa::path(
    delete, path = "/v1/me", tag = "auth", operation_id = "delete_me",
    request_body(content = DeleteAccount, content_type = "application/json"),
    security(("bearer" = ["session"])),
    responses(
        (status = 204, description = "Deleted"),
        crate::http::problems::Write,
    )
)]
pub async fn delete_me(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(DeleteAccount { password: pw }): Json<DeleteAccount>,
) -> Result<HttpResponse, ApiError> {
    user.require_session()?;
    let uid = user.id.clone();
    let row = state
        .db
        .read_as(user.id.clone(), move |conn| {
            store::user_by_id(conn, &uid)?.ok_or_else(ApiError::not_found)
        })
        .await?;
    if !verify_off_thread(pw, Some(row.password_hash.clone())).await? {
        return Err(ApiError::forbidden(
            "wrong_password",
            "the password is wrong; nothing was deleted",
        ));
    }
    // Its own task: a client that stops waiting does not stop it half way.
    actix_web::rt::spawn(service::delete_account(state.db.clone(), row))
        .await
        .map_err(|_| ApiError::internal("the account's deletion stopped"))??;
    Ok(HttpResponse::NoContent().finish())
}
