//! Personal access tokens for scripts: `kith_pat_` and 43 random base62
//! characters (256 bits), stored only as a SHA-256 hash, scoped `read` or
//! `write`, revocable, with a last-used time.

use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{AuthUser, Scope};
use crate::db::schema::access_tokens as at;
use crate::db::DbConn;
use crate::error::{ApiError, Problem};
use crate::input::{self, Json};
use crate::state::AppState;
use crate::{ids, time};

pub const PREFIX: &str = "kith_pat_";
const SECRET_CHARS: usize = 43;
const TOUCH_EVERY: time::Micros = 60 * 1_000_000;

/// `PREFIX` and 43 base62 characters drawn without bias.
pub fn new_secret() -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = String::with_capacity(PREFIX.len() + SECRET_CHARS);
    out.push_str(PREFIX);
    while out.len() < PREFIX.len() + SECRET_CHARS {
        for b in ids::random_bytes(64) {
            // 248 = 4 × 62: rejecting the rest keeps every character equally likely.
            if b < 248 && out.len() < PREFIX.len() + SECRET_CHARS {
                out.push(ALPHABET[usize::from(b % 62)] as char);
            }
        }
    }
    out
}

/// The user, scope and (when its last-used time is over a minute old) the
/// id of a live token.
pub fn resolve(
    conn: &mut DbConn,
    secret: &str,
) -> QueryResult<Option<(String, Scope, Option<String>)>> {
    type Found = (String, String, String, Option<i64>, Option<i64>);
    let row: Option<Found> = at::table
        .filter(at::token_hash.eq(ids::sha256_hex(secret.as_bytes())))
        .select((
            at::id,
            at::user_id,
            at::scope,
            at::expires_at,
            at::last_used_at,
        ))
        .first(conn)
        .optional()?;
    let now = time::now();
    Ok(row.and_then(|(id, user_id, scope, expires_at, last_used)| {
        if expires_at.is_some_and(|e| e <= now) {
            return None;
        }
        let scope = match scope.as_str() {
            "write" => Scope::Write,
            "capture" => Scope::Capture,
            _ => Scope::Read,
        };
        let stale = last_used
            .is_none_or(|t| t < now - TOUCH_EVERY)
            .then_some(id);
        Some((user_id, scope, stale))
    }))
}

pub fn touch(conn: &mut DbConn, token_id: &str) -> QueryResult<()> {
    diesel::update(at::table.find(token_id))
        .set(at::last_used_at.eq(time::now()))
        .execute(conn)?;
    Ok(())
}

/// A personal access token (never its secret, but once at creation).
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct AccessToken {
    pub id: String,
    pub name: String,
    /// `read` (GET only) or `write` (everything but token management and
    /// account deletion).
    #[schema(value_type = TokenScope, example = "read")]
    pub scope: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    /// `null`: never expires.
    #[schema(format = DateTime)]
    pub expires_at: Option<String>,
    #[schema(format = DateTime)]
    pub last_used_at: Option<String>,
}

/// A new token, with its secret: shown this once.
#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    #[serde(flatten)]
    pub meta: AccessToken,
    /// The secret: send as `Authorization: Bearer <token>`. Shown only here.
    #[schema(example = "kith_pat_3fQ…")]
    pub token: String,
}

/// All tokens of the account.
#[derive(Serialize, ToSchema)]
pub struct TokenList {
    pub items: Vec<AccessToken>,
}

/// A new personal access token.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenCreate {
    #[serde(deserialize_with = "input::trimmed")]
    #[schema(min_length = 1, max_length = 100, example = "backup script")]
    pub name: String,
    pub scope: TokenScope,
    /// A future instant, or `null`/absent for a token that never expires.
    #[serde(default)]
    #[schema(format = DateTime)]
    pub expires_at: Option<String>,
}

/// What a personal access token may do: `read` (GET only), `write`, or
/// `capture` (only `POST /v1/captures/messages` and
/// `POST /v1/captures/calendar`: for a script forwarding mail or calendars,
/// which then cannot read your network).
#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TokenScope {
    Read,
    Write,
    Capture,
}

impl TokenScope {
    /// As stored, and as the API writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::Write => "write",
            TokenScope::Capture => "capture",
        }
    }
}

impl input::Rules for TokenCreate {
    /// An expiry, when given, is in the future.
    fn check(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
        let at = body["expires_at"]
            .as_str()
            .and_then(|t| input::parse_datetime(t).ok());
        if at.is_some_and(|t| t.timestamp_micros() <= time::now()) {
            errors.push(crate::error::FieldError::new(
                "expires_at",
                "out_of_range",
                "must be in the future",
            ));
        }
    }
}

type TokenRow = (String, String, String, i64, Option<i64>, Option<i64>);

fn to_api((id, name, scope, created_at, expires_at, last_used_at): TokenRow) -> AccessToken {
    AccessToken {
        id,
        name,
        scope,
        created_at: time::rfc3339(created_at),
        expires_at: expires_at.map(time::rfc3339),
        last_used_at: last_used_at.map(time::rfc3339),
    }
}

pub fn list_for(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<AccessToken>> {
    Ok(at::table
        .filter(at::user_id.eq(user_id))
        .order((at::created_at.asc(), at::id.asc()))
        .select((
            at::id,
            at::name,
            at::scope,
            at::created_at,
            at::expires_at,
            at::last_used_at,
        ))
        .load::<TokenRow>(conn)?
        .into_iter()
        .map(to_api)
        .collect())
}

/// Create a personal access token.
///
/// For scripts: the secret is in `token` of this answer and nowhere else,
/// ever. Needs a login (a token cannot make tokens).
#[utoipa::path(
    post, path = "/v1/tokens", tag = "auth", operation_id = "create_token",
    request_body(content = TokenCreate, content_type = "application/json"),
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["session"])),
    responses(
        (status = 201, description = "Created; the secret is shown once", body = CreatedToken),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(new): Json<TokenCreate>,
) -> Result<HttpResponse, ApiError> {
    user.require_session()?;
    let name = new.name;
    let scope = new.scope.as_str().to_string();
    let expires_at = new
        .expires_at
        .as_deref()
        .and_then(|t| input::parse_datetime(t).ok())
        .map(|t| t.timestamp_micros());
    let secret = new_secret();
    let hash = ids::sha256_hex(secret.as_bytes());
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            let row: TokenRow = (ids::new_id(), name, scope, time::now(), expires_at, None);
            diesel::insert_into(at::table)
                .values((
                    at::id.eq(&row.0),
                    at::user_id.eq(&user.id),
                    at::name.eq(&row.1),
                    at::scope.eq(&row.2),
                    at::token_hash.eq(hash),
                    at::created_at.eq(row.3),
                    at::expires_at.eq(row.4),
                ))
                .execute(conn)?;
            Ok(row)
        })
        .await?;
    Ok(HttpResponse::Created().json(CreatedToken {
        meta: to_api(row),
        token: secret,
    }))
}

/// List personal access tokens (never their secrets).
#[utoipa::path(
    get, path = "/v1/tokens", tag = "auth", operation_id = "list_tokens",
    security(("bearer" = ["session"])),
    responses(
        (status = 200, description = "The tokens", body = TokenList),
        (status = 403, description = "Needs a login (`session_required`)", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Read,
    )
)]
pub async fn list(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    user.require_session()?;
    let items = state
        .db
        .read_as(user.id.clone(), move |conn| Ok(list_for(conn, &user.id)?))
        .await?;
    Ok(HttpResponse::Ok().json(TokenList { items }))
}

/// Revoke a personal access token, at once.
#[utoipa::path(
    delete, path = "/v1/tokens/{id}", tag = "auth", operation_id = "delete_token",
    params(("id" = String, Path, description = "Token id")),
    security(("bearer" = ["session"])),
    responses(
        (status = 204, description = "Revoked"),
        crate::http::problems::ActOne,
    )
)]
pub async fn delete(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    user.require_session()?;
    let id = id.into_inner();
    state
        .db
        .write_as(user.id.clone(), move |conn| {
            let n = diesel::delete(
                at::table
                    .filter(at::user_id.eq(&user.id))
                    .filter(at::id.eq(&id)),
            )
            .execute(conn)?;
            if n == 0 {
                return Err(ApiError::not_found());
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_the_prefix_and_43_base62_characters() {
        let s = new_secret();
        assert!(s.starts_with(PREFIX));
        let rest = &s[PREFIX.len()..];
        assert_eq!(rest.len(), 43);
        assert!(rest.bytes().all(|b| b.is_ascii_alphanumeric()));
        assert_ne!(new_secret(), s);
    }
}
