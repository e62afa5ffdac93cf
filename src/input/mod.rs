//! Reading request input: a JSON body into the type whose schema is its
//! document (`Json<T>`, checked by `schema.rs` and the type's `Rules`), a
//! query string into the type whose `IntoParams` is its document
//! (`params`). Every problem is collected, and the request fails once with a
//! 422 naming each field.

mod repeated;
pub mod schema;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;

use crate::error::{ApiError, FieldError};

/// A JSON body (`application/json`, as `web::Json` reads it), refused with
/// `422` when any of its strings or keys holds U+0000 (PostgreSQL cannot
/// store it, so it must never reach a query, nor, through a shared
/// statement, another request's answer) or when an object gives a key more
/// than once (`repeated`).
pub struct JsonBody(Value);

impl JsonBody {
    pub fn into_inner(self) -> Value {
        self.0
    }
}

impl actix_web::FromRequest for JsonBody {
    type Error = actix_web::Error;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<JsonBody, actix_web::Error>>;

    fn from_request(
        req: &actix_web::HttpRequest,
        payload: &mut actix_web::dev::Payload,
    ) -> Self::Future {
        let json = actix_web::web::Json::<repeated::Noted>::from_request(req, payload);
        Box::pin(async move {
            let repeated::Noted {
                mut value,
                repeated,
            } = json.await?.into_inner();
            whole_numbers(&mut value);
            let mut found = Vec::new();
            nul_at(&value, "", &mut found);
            if found.is_empty() && repeated.is_empty() {
                return Ok(JsonBody(value));
            }
            let errors = found
                .into_iter()
                .map(|at| {
                    let at = if at.is_empty() {
                        "body".to_string()
                    } else {
                        at
                    };
                    FieldError::new(
                        at.as_str(),
                        "invalid_characters",
                        "text may not contain the NUL character (U+0000)",
                    )
                })
                .chain(repeated.iter().map(|at| {
                    FieldError::new(
                        at.as_str(),
                        "duplicate",
                        "given more than once in one object: a key names one value",
                    )
                }))
                .collect();
            Err(ApiError::validation(errors).into())
        })
    }
}

/// A request body of type `T`: checked against `T`'s schema, which is its
/// OpenAPI document (every broken rule reported at once, `422`), then read
/// with serde, whose helpers below store text trimmed.
pub struct Json<T>(pub T);

/// The rules of a body that its schema cannot state (a time at most a day
/// ahead, ids named once), checked on the JSON beside the schema's, so that
/// every broken rule is still reported at once. Most bodies have none:
/// `impl Rules for X {}`.
pub trait Rules {
    fn check(_body: &Value, _errors: &mut Vec<FieldError>) {}
}

/// A list of ids in `body[field]` names each once: the first repeat is a
/// `duplicate` at its index.
pub fn named_once(body: &Value, field: &str, errors: &mut Vec<FieldError>) {
    if let Some(ids) = body[field].as_array() {
        let mut seen = std::collections::HashSet::new();
        if let Some((n, id)) = ids.iter().enumerate().find(|(_, id)| !seen.insert(*id)) {
            errors.push(FieldError::new(
                format!("{field}[{n}]"),
                "duplicate",
                format!("{id} is named twice"),
            ));
        }
    }
}

/// `value` read as a `T`: checked against `T`'s schema and rules (every
/// broken one at once), then deserialized. For bodies inside bodies, such
/// as an archive, too.
pub fn from_value<T: serde::de::DeserializeOwned + utoipa::ToSchema + Rules + 'static>(
    value: Value,
) -> Result<T, ApiError> {
    let mut errors = schema::Schema::of::<T>().check(&value);
    let mut ruled = Vec::new();
    T::check(&value, &mut ruled);
    // Where a field's rule and its schema both find fault, the rule says
    // it in its own words (`must be YYYY-MM-DD, …`, not the schema's
    // pattern): one error per field.
    errors.retain(|e| !ruled.iter().any(|r| r.field == e.field));
    errors.extend(ruled);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    serde_json::from_value(value).map_err(|e| ApiError::field("body", "invalid", e.to_string()))
}

impl<T: serde::de::DeserializeOwned + utoipa::ToSchema + Rules + 'static> actix_web::FromRequest
    for Json<T>
{
    type Error = actix_web::Error;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<Json<T>, actix_web::Error>>;

    fn from_request(
        req: &actix_web::HttpRequest,
        payload: &mut actix_web::dev::Payload,
    ) -> Self::Future {
        let body = JsonBody::from_request(req, payload);
        Box::pin(async move {
            let value = body.await?.into_inner();
            Ok(Json(from_value(value)?))
        })
    }
}

/// Text as stored: trimmed.
pub fn trimmed<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    <String as serde::Deserialize>::deserialize(d).map(|s| s.trim().to_string())
}

/// Text as stored where case does not count (tag names): trimmed, lower case.
pub fn lowercase<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    trimmed(d).map(|s| s.to_lowercase())
}

/// Optional text: trimmed, and an empty string reads as none.
pub fn opt_trimmed<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    <Option<String> as serde::Deserialize>::deserialize(d)
        .map(|o| o.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()))
}

/// A field of a merge patch that may not be cleared, with `#[serde(default)]`
/// and `#[schema(nullable = false)]` (the schema refuses `null`): trimmed.
pub fn some_trimmed<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    trimmed(d).map(Some)
}

/// A field of a merge patch that may be cleared, with `#[serde(default)]`:
/// absent is `None` (keep), `null` is `Some(None)` (clear).
pub fn patch<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(d).map(Some)
}

/// A text field of a merge patch that may be cleared, with `#[serde(default)]`:
/// absent is `None` (keep), `null` or empty text is `Some(None)` (clear).
pub fn patch_text<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<String>>, D::Error> {
    opt_trimmed(d).map(Some)
}

/// JSON Schema counts `30.0` as an integer and serde does not: a whole
/// number written with a fraction is read as the integer it is. (Any other
/// number stays as sent; a field that takes numbers takes integers too.)
fn whole_numbers(v: &mut Value) {
    match v {
        Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap_or(f64::NAN);
            if f.fract() == 0.0 && f.abs() < 9.0e15 {
                *v = Value::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        Value::Object(map) => map.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

/// Every place in `v` (field paths like `emails[0].address`) where a
/// string or key holds U+0000.
fn nul_at(v: &Value, at: &str, found: &mut Vec<String>) {
    match v {
        Value::String(s) if s.contains('\0') => found.push(at.to_string()),
        Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                nul_at(item, &format!("{at}[{n}]"), found);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let here = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                if key.contains('\0') {
                    found.push(here);
                } else {
                    nul_at(item, &here, found);
                }
            }
        }
        _ => {}
    }
}

/// The result of parsing one value: an error code and message on failure.
pub type Parsed<T> = Result<T, (&'static str, String)>;

// ---------------------------------------------------------------------------
// Value parsers

fn type_err<T>(what: &str) -> Parsed<T> {
    Err(("invalid_type", format!("must be {what}")))
}

pub fn parse_date(s: &str) -> Parsed<NaiveDate> {
    if s.len() != 10 {
        return Err(("invalid_format", "must be a date YYYY-MM-DD".into()));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| ("invalid_format", "must be a date YYYY-MM-DD".to_string()))
}

pub fn parse_datetime(s: &str) -> Parsed<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            (
                "invalid_format",
                "must be an RFC 3339 date-time".to_string(),
            )
        })
}

pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    s.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !local
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '@' || c == '"')
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && domain.contains('.')
        && domain.split('.').all(label_ok)
}

/// An opaque resource id: a short string of safe characters.
pub fn id(v: &Value) -> Parsed<String> {
    match v {
        Value::String(s) if is_id(s) => Ok(s.clone()),
        Value::String(_) => Err(("invalid_format", "must be a resource id".into())),
        _ => type_err("a resource id string"),
    }
}

pub fn is_id(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

// ---------------------------------------------------------------------------
// Query strings

/// The query string read into `T`, whose `IntoParams` is its document: each
/// parameter checked against its schema as it was sent (every broken one
/// reported at once, by name), then its text trimmed; a blank free-text
/// value (a search, a cursor) reads as absent. Integers and booleans are read
/// from their text first; an empty one is not a number or a boolean. The
/// check sees what the client sent, not the trimmed text, so a value the
/// document refuses (`tag=%0Cvip`, `phone=%20555`) is refused here too.
pub fn params<T>(req: &actix_web::HttpRequest) -> Result<T, ApiError>
where
    T: utoipa::IntoParams + serde::de::DeserializeOwned + 'static,
{
    params_of(req.query_string())
}

/// `params` of a query string.
pub fn params_of<T>(query_string: &str) -> Result<T, ApiError>
where
    T: utoipa::IntoParams + serde::de::DeserializeOwned + 'static,
{
    let schema = schema::Schema::of_params::<T>();
    let mut object = serde_json::Map::new();
    let mut repeated = Vec::new();
    for (name, raw) in query_pairs(query_string)? {
        if object.contains_key(&name) {
            // `?a=1&a=2`: no parameter of this API is a list.
            repeated.push(FieldError::new(&name, "invalid_type", "must be given once"));
            continue;
        }
        if raw.trim().is_empty() && schema.is_free_text(&name) {
            continue;
        }
        let value = match schema.property_type(&name) {
            Some("integer") => raw
                .parse::<i64>()
                .map_or_else(|_| Value::from(raw), Value::from),
            Some("boolean") => match raw.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => Value::from(raw),
            },
            _ => Value::from(raw),
        };
        object.insert(name, value);
    }
    let mut object = Value::Object(object);
    let mut errors = schema.check(&object);
    errors.extend(repeated);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    // Checked as sent, read trimmed.
    for value in object
        .as_object_mut()
        .into_iter()
        .flat_map(|m| m.values_mut())
    {
        if let Value::String(text) = value {
            if text.trim().len() != text.len() {
                *text = text.trim().to_string();
            }
        }
    }
    serde_json::from_value(object)
        .map_err(|e| ApiError::field("query", "invalid_value", e.to_string()))
}

/// The pairs of a query string; `400` when it cannot be read, `422` when a
/// name or value holds U+0000 (PostgreSQL cannot store it: refused before
/// any query).
fn query_pairs(query_string: &str) -> Result<Vec<(String, String)>, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query_string)
        .map_err(|_| ApiError::bad_request("malformed_query", "the query string cannot be read"))?;
    if let Some((name, _)) = pairs
        .iter()
        .find(|(k, v)| k.contains('\0') || v.contains('\0'))
    {
        return Err(ApiError::field(
            &name.replace('\0', ""),
            "invalid_characters",
            "a query parameter may not contain the NUL character (U+0000)",
        ));
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_patch_tells_absent_from_null() {
        #[derive(serde::Deserialize)]
        struct P {
            #[serde(default, deserialize_with = "patch_text")]
            a: Option<Option<String>>,
            #[serde(default, deserialize_with = "patch_text")]
            b: Option<Option<String>>,
        }
        let p: P = serde_json::from_value(json!({"a": null})).unwrap();
        assert_eq!((p.a, p.b), (Some(None), None));
    }

    #[test]
    fn a_date_must_be_a_real_calendar_day() {
        assert!(parse_date("2024-02-29").is_ok());
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("2023-2-1").is_err());
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        assert!(is_email("ana@example.com"));
        assert!(is_email("a.b+tag@mail.example.org"));
        assert!(!is_email("ana@localhost"));
        assert!(!is_email("@example.com"));
        assert!(!is_email("ana example@example.com"));
        assert!(!is_email("ana@exa_mple.com"));
    }

    #[derive(utoipa::IntoParams, serde::Deserialize)]
    #[into_params(parameter_in = Query)]
    struct Page {
        #[param(minimum = 1, maximum = 200)]
        limit: Option<i64>,
        #[param(max_length = 5)]
        q: Option<String>,
        archived: Option<bool>,
    }

    #[test]
    fn query_parameters_are_read_by_their_schema() {
        let p: Page =
            params_of("limit=20&q=%20ab%20&archived=true").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            (p.limit, p.q.as_deref(), p.archived),
            (Some(20), Some("ab"), Some(true))
        );
        let p: Page = params_of("q=").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(p.q, None, "empty text reads as absent");
        let p: Page = params_of("q=%20%09").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(p.q, None, "blank text reads as absent");
        assert!(
            params_of::<Page>("limit=%2020").is_err(),
            "a number is checked as sent, spaces and all"
        );
        assert!(
            params_of::<Page>("q=%20abcde").is_err(),
            "the length counts what was sent"
        );
        assert!(
            params_of::<Page>("limit=").is_err(),
            "an empty number is not one"
        );
    }

    #[test]
    fn a_parameter_given_twice_is_refused() {
        let Err(e) = params_of::<Page>("limit=2&limit=3") else {
            panic!("accepted")
        };
        assert_eq!(e.errors[0].field, "limit");
    }

    #[test]
    fn every_broken_query_parameter_is_named() {
        let Err(e) = params_of::<Page>("limit=201&q=abcdef&archived=yes") else {
            panic!("accepted")
        };
        let mut named: Vec<(&str, &str)> = e
            .errors
            .iter()
            .map(|f| (f.field.as_str(), f.code))
            .collect();
        named.sort();
        assert_eq!(
            named,
            [
                ("archived", "invalid_type"),
                ("limit", "out_of_range"),
                ("q", "too_long")
            ]
        );
    }
}
