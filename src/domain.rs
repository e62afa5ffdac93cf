//! What the services answer, without HTTP: the outcome of applying a
//! resource's rules. `From<Error> for ApiError` below is the one place where
//! it becomes problem+json.

use actix_web::http::StatusCode;

use crate::error::{ApiError, FieldError};

#[derive(Debug)]
pub enum Error {
    /// No such resource of this user (or the account is gone).
    NotFound,
    /// The client named a version that is no longer current (`If-Match`).
    Stale,
    /// Fields that break a rule the schema cannot say (references, pairs).
    Invalid(Vec<FieldError>),
    /// The change would break a uniqueness rule: a stable code and why.
    Conflict(&'static str, &'static str),
    /// A state the rules say cannot happen (a `500`; the reason is logged,
    /// never answered).
    Internal(String),
    /// Reported as the database error it is (`500`, or `503` when the
    /// connection was lost).
    Database(diesel::result::Error),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// One invalid field.
    pub fn field(field: &str, code: &'static str, message: impl Into<String>) -> Error {
        Error::Invalid(vec![FieldError::new(field, code, message)])
    }
}

impl From<diesel::result::Error> for Error {
    fn from(e: diesel::result::Error) -> Error {
        Error::Database(e)
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        match e {
            Error::NotFound => ApiError::not_found(),
            Error::Stale => ApiError::precondition_failed(),
            Error::Invalid(errors) => ApiError::validation(errors),
            Error::Conflict(code, detail) => ApiError::new(StatusCode::CONFLICT, code, detail),
            Error::Internal(why) => ApiError::internal(why),
            Error::Database(e) => ApiError::from(e),
        }
    }
}

/// A keyset page read one row beyond `limit`: cuts it to `limit` and tells
/// whether more rows follow.
pub fn cut_page<T>(rows: &mut Vec<T>, limit: i64) -> bool {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit.max(0) as usize);
    more
}

/// In a merge of contacts `from` into `to`: `to` where `id` is one of
/// `from`.
pub fn merge_id(id: &mut String, from: &[String], to: &str) {
    if from.contains(id) {
        *id = to.to_string();
    }
}

/// The versions a write may change (the client's `If-Match`): any, or only
/// those named.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Expected {
    #[default]
    Any,
    Versions(Vec<i32>),
}

impl Expected {
    /// `Err(Stale)` unless `version` is one the client expects.
    pub fn check(&self, version: i32) -> Result<()> {
        match self {
            Expected::Versions(named) if !named.contains(&version) => Err(Error::Stale),
            _ => Ok(()),
        }
    }
}

/// Copies each named field that a change set holds (`Some(v)`) onto a row:
/// `set_present!(row, changes; name, title)` is
/// `if let Some(v) = changes.name { row.name = v; }` for each. A create or a
/// merge-patch applies its fields with it; an absent field keeps the row's.
#[macro_export]
macro_rules! set_present {
    ($row:expr, $changes:expr; $($f:ident),* $(,)?) => {
        $(if let Some(v) = $changes.$f { $row.$f = v; })*
    };
}
