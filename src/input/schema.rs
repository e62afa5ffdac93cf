//! A request body checked against the schema of the type it is read into:
//! that type's `ToSchema` is both its OpenAPI document and its rules, so a
//! bound is written once (`#[schema(max_length = 200)]`) and the document
//! cannot disagree with the server. Every field that breaks a rule is
//! reported at once, by its path (`emails[1].address`).
//!
//! The subset of JSON Schema that utoipa writes for our types: `type` (with
//! `null`), `enum`, `minimum`/`maximum`, `minLength` (counted after
//! trimming, as text is stored trimmed)/`maxLength`, the `date` and
//! `date-time` and `email` formats, `pattern`, `minItems`/`maxItems`/`items`, `required`,
//! `properties`, `additionalProperties`, `$ref`, `oneOf`/`anyOf`/`allOf`.

use std::any::TypeId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::error::FieldError;

/// A type's schema as JSON, with the named schemas it refers to.
pub struct Schema {
    root: Value,
    named: HashMap<String, Value>,
}

impl Schema {
    /// The schema of `T`, built once per type.
    pub fn of<T: ToSchema + 'static>() -> Arc<Schema> {
        static BUILT: OnceLock<Mutex<HashMap<TypeId, Arc<Schema>>>> = OnceLock::new();
        let built = BUILT.get_or_init(Default::default);
        let mut built = built
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        built
            .entry(TypeId::of::<T>())
            .or_insert_with(|| {
                let mut refs = Vec::new();
                T::schemas(&mut refs);
                Arc::new(Schema {
                    root: serde_json::to_value(T::schema()).unwrap_or_default(),
                    named: refs
                        .into_iter()
                        .map(|(name, s)| (name, serde_json::to_value(s).unwrap_or_default()))
                        .collect(),
                })
            })
            .clone()
    }

    /// The names of the root object's properties, in the schema's order
    /// (none when the root is not an object).
    pub fn property_names(&self) -> Vec<&str> {
        self.root
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The query parameters of `T` as the schema of one object: each
    /// parameter a property (built once per type).
    pub fn of_params<T: utoipa::IntoParams + 'static>() -> Arc<Schema> {
        static BUILT: OnceLock<Mutex<HashMap<TypeId, Arc<Schema>>>> = OnceLock::new();
        let built = BUILT.get_or_init(Default::default);
        let mut built = built
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        built
            .entry(TypeId::of::<T>())
            .or_insert_with(|| {
                let params = T::into_params(|| Some(utoipa::openapi::path::ParameterIn::Query));
                let required: Vec<String> = params
                    .iter()
                    .filter(|p| p.required == utoipa::openapi::Required::True)
                    .map(|p| p.name.clone())
                    .collect();
                let properties: Map<String, Value> = params
                    .into_iter()
                    .map(|p| {
                        let schema = p
                            .schema
                            .map(|s| serde_json::to_value(s).unwrap_or_default())
                            .unwrap_or_default();
                        (p.name, schema)
                    })
                    .collect();
                Arc::new(Schema {
                    root: serde_json::json!({
                        "type": "object", "properties": properties, "required": required
                    }),
                    named: HashMap::new(),
                })
            })
            .clone()
    }

    /// The `type` a property of the root object names (`integer`, …).
    pub fn property_type(&self, name: &str) -> Option<&str> {
        let types = self.root.get("properties")?.get(name)?.get("type")?;
        match types {
            Value::String(t) => Some(t),
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null"),
            _ => None,
        }
    }

    /// Whether a property of the root object is free text: a string with no
    /// `enum`, `pattern`, `format` or `minLength` (an empty value of it says
    /// nothing; one that must have text is refused when it has none, as
    /// the document's pattern says).
    pub fn is_free_text(&self, name: &str) -> bool {
        let Some(p) = self.root.get("properties").and_then(|p| p.get(name)) else {
            return false;
        };
        self.property_type(name) == Some("string")
            && ["enum", "pattern", "format", "minLength"]
                .iter()
                .all(|k| p.get(k).is_none())
    }

    /// Every rule `value` breaks.
    pub fn check(&self, value: &Value) -> Vec<FieldError> {
        let mut errors = Vec::new();
        self.walk(&self.root, value, "", &mut errors);
        errors
    }

    fn walk(&self, schema: &Value, value: &Value, at: &str, errors: &mut Vec<FieldError>) {
        let Value::Object(rules) = schema else {
            return;
        };
        let place = || {
            if at.is_empty() {
                "body".to_string()
            } else {
                at.to_string()
            }
        };
        if let Some(name) = rules.get("$ref").and_then(Value::as_str) {
            let name = name.rsplit('/').next().unwrap_or_default();
            if let Some(named) = self.named.get(name) {
                self.walk(named, value, at, errors);
            }
            return;
        }
        if let Some(Value::Array(all)) = rules.get("allOf") {
            for s in all {
                self.walk(s, value, at, errors);
            }
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(options)) = rules.get(key) {
                let mut first = None;
                for s in options {
                    let mut found = Vec::new();
                    self.walk(s, value, at, &mut found);
                    if found.is_empty() {
                        first = None;
                        break;
                    }
                    // The errors of the option that is not `null` say most.
                    if first.is_none() || !is_null_schema(s) {
                        first = Some(found);
                    }
                }
                if let Some(found) = first {
                    errors.extend(found);
                    return;
                }
            }
        }
        if let Some(types) = rules.get("type") {
            if !type_allows(types, value) {
                let (code, message) = match value {
                    Value::Null => ("not_null", "this field cannot be null".to_string()),
                    _ => ("invalid_type", format!("must be {}", type_words(types))),
                };
                errors.push(FieldError::new(place(), code, message));
                return;
            }
        }
        if let Some(Value::Array(allowed)) = rules.get("enum") {
            if !value.is_null() && !allowed.contains(value) {
                let words: Vec<String> = allowed
                    .iter()
                    .map(|a| a.as_str().map_or_else(|| a.to_string(), str::to_string))
                    .collect();
                errors.push(FieldError::new(
                    place(),
                    "invalid_value",
                    format!("must be one of: {}", words.join(", ")),
                ));
                return;
            }
        }
        match value {
            Value::String(s) => check_string(rules, s, place, errors),
            Value::Number(n) => check_number(rules, n, place, errors),
            Value::Array(items) => self.check_array(rules, items, at, errors),
            Value::Object(fields) => self.check_object(rules, fields, at, errors),
            _ => {}
        }
    }

    fn check_array(
        &self,
        rules: &Map<String, Value>,
        items: &[Value],
        at: &str,
        errors: &mut Vec<FieldError>,
    ) {
        let place = || {
            if at.is_empty() {
                "body".to_string()
            } else {
                at.to_string()
            }
        };
        if let Some(max) = rules.get("maxItems").and_then(Value::as_u64) {
            if items.len() as u64 > max {
                errors.push(FieldError::new(
                    place(),
                    "too_many",
                    format!("must have at most {max} items"),
                ));
            }
        }
        if let Some(min) = rules.get("minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < min {
                errors.push(FieldError::new(
                    place(),
                    "too_few",
                    format!("must have at least {min} items"),
                ));
            }
        }
        if let Some(each) = rules.get("items") {
            for (n, item) in items.iter().enumerate() {
                self.walk(each, item, &format!("{at}[{n}]"), errors);
            }
        }
    }

    fn check_object(
        &self,
        rules: &Map<String, Value>,
        fields: &Map<String, Value>,
        at: &str,
        errors: &mut Vec<FieldError>,
    ) {
        let path = |key: &str| {
            if at.is_empty() {
                key.to_string()
            } else {
                format!("{at}.{key}")
            }
        };
        let empty = Map::new();
        let properties = rules
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        if let Some(Value::Array(required)) = rules.get("required") {
            for name in required.iter().filter_map(Value::as_str) {
                if !fields.contains_key(name) {
                    errors.push(FieldError::new(
                        path(name),
                        "required",
                        "this field is required",
                    ));
                }
            }
        }
        for (key, value) in fields {
            match (properties.get(key), rules.get("additionalProperties")) {
                (Some(rule), _) => self.walk(rule, value, &path(key), errors),
                (None, Some(Value::Bool(false))) => {
                    errors.push(FieldError::new(path(key), "unknown_field", "no such field"));
                }
                (None, Some(rule @ Value::Object(_))) => self.walk(rule, value, &path(key), errors),
                (None, _) => {}
            }
        }
    }
}

fn is_null_schema(s: &Value) -> bool {
    s.get("type").and_then(Value::as_str) == Some("null")
}

fn type_allows(types: &Value, value: &Value) -> bool {
    let one = |t: &str| match t {
        "null" => value.is_null(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => true,
    };
    match types {
        Value::String(t) => one(t),
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(one),
        _ => true,
    }
}

fn type_words(types: &Value) -> String {
    let word = |t: &str| match t {
        "string" => "a string",
        "boolean" => "true or false",
        "integer" => "an integer",
        "number" => "a number",
        "array" => "an array",
        "object" => "an object",
        _ => "null",
    };
    match types {
        Value::String(t) => word(t).to_string(),
        Value::Array(ts) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .map(word)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "valid".to_string(),
    }
}

/// What a pattern of kith's document asks for, in words: the message of a
/// value that does not match it (the pattern itself is in the document;
/// `tests/api/openapi.rs` keeps every pattern of it here).
pub fn in_words(pattern: &str) -> Option<&'static str> {
    Some(match pattern {
        r#"^(?:[+(][ ().\-]*)?[0-9][0-9 ().\-]*[0-9][0-9 ().\-]*[0-9][0-9 ().\-]*$"# => "must be a phone number: at least three digits, with spaces, +, (, ), . or - between them",
        r#"^(?:[A-Za-z0-9-]+\.)?[Xx]-[A-Za-z0-9-]+[;:][^\r\n\x00]*$"# => "must be a vCard extension property like X-MASCOT:value",
        r#"^(?:\d{4}|-)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2\d))$"# => "must be YYYY-MM-DD, or --MM-DD when the year is unknown",
        r#"^(?:email|phone|[a-z][a-z0-9_.\-]{0,39}:[^\x00]+)$"# => "must be email, phone, or a source and an id like crm:42",
        r#"^(contact|interaction|ledger_entry|introduction)(,(contact|interaction|ledger_entry|introduction))*$"# => "must be types separated by commas: contact, interaction, ledger_entry, introduction",
        r#"^[!-~]+$"# => "must be visible ASCII characters, without spaces",
        r#"^[0-9A-Za-z_-]+(?:,[0-9A-Za-z_-]+)*$"# => "must be names separated by commas, without spaces",
        r#"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"# => "must be an id (a UUID like 01a24853-e7f5-75c7-8ea7-47c694745c2d)",
        r#"^[0-9a-f]+$"# => "must be lower-case hexadecimal digits",
        r#"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"# => "must be a time zone name like Europe/Berlin",
        r#"^[^/\x00-\x1f\x7f-\x9f]*[^/\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x00-\x1f\x7f-\x9f][^/\x00-\x1f\x7f-\x9f]*$"# => "must have a character other than a space, and no / or control characters",
        r#"^[^\u0000]*$"# => "text may not contain the NUL character (U+0000)",
        r#"^[^\u0000]*[^\u0000\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+[^\u0000]*$"# => "must not be blank",
        r#"^[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"@]+@[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"@]+$"# => "must be an email address like ana@example.com",
        r#"^[a-z][a-z0-9_.-]{0,39}$"# => "a source is 1–40 characters of a-z, 0-9, _, - and ., beginning with a letter",
        r#"^[a-z][a-z0-9_.\-]{0,39}:[^\x00]*[^\x00\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][^\x00]*$"# => "must be a source and an id, like crm:42 (a source is 1–40 characters of a-z, 0-9, _, - and ., beginning with a letter; the id not blank)",
        r#"^https?://[^\x00-\x20\x7f]+$"# => "must be an http or https URL",
        _ => return None,
    })
}

fn check_string(
    rules: &Map<String, Value>,
    s: &str,
    place: impl Fn() -> String,
    errors: &mut Vec<FieldError>,
) {
    // Both bounds count what was sent, as the document's do; a text that
    // must have a character may not be blank either (it is stored trimmed),
    // as the document's pattern for it says (`openapi::no_nul`).
    if let Some(max) = rules.get("maxLength").and_then(Value::as_u64) {
        if s.chars().count() as u64 > max {
            errors.push(FieldError::new(
                place(),
                "too_long",
                format!("must have at most {max} characters"),
            ));
            return;
        }
    }
    if let Some(min) = rules.get("minLength").and_then(Value::as_u64) {
        if (s.chars().count() as u64) < min || (min > 0 && s.trim().is_empty()) {
            let message = match min {
                _ if s.trim().is_empty() => "must not be blank".to_string(),
                1 => "must have at least 1 character".to_string(),
                _ => format!("must have at least {min} characters"),
            };
            errors.push(FieldError::new(place(), "too_short", message));
            return;
        }
    }
    if let Some(pattern) = rules.get("pattern").and_then(Value::as_str) {
        if !matches(pattern, s) {
            errors.push(FieldError::new(
                place(),
                "invalid_format",
                in_words(pattern).map_or_else(|| format!("must match {pattern}"), str::to_string),
            ));
            return;
        }
    }
    let well_formed = match rules.get("format").and_then(Value::as_str) {
        Some("date") => super::parse_date(s).is_ok(),
        Some("date-time") => super::parse_datetime(s).is_ok(),
        Some("email") => super::is_email(s),
        _ => true,
    };
    if !well_formed {
        let what = match rules.get("format").and_then(Value::as_str) {
            Some("date") => "must be a date YYYY-MM-DD",
            Some("email") => "must be an email address like ana@example.com",
            _ => "must be an RFC 3339 date-time",
        };
        errors.push(FieldError::new(place(), "invalid_format", what));
    }
}

/// Whether `s` matches the schema's `pattern` (compiled once; a pattern the
/// regex crate cannot read matches everything, and the document test finds it).
fn matches(pattern: &str, s: &str) -> bool {
    static COMPILED: OnceLock<Mutex<HashMap<String, Option<regex::Regex>>>> = OnceLock::new();
    let compiled = COMPILED.get_or_init(Default::default);
    let mut compiled = compiled
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    compiled
        .entry(pattern.to_string())
        .or_insert_with(|| regex::Regex::new(pattern).ok())
        .as_ref()
        .is_none_or(|re| re.is_match(s))
}

fn check_number(
    rules: &Map<String, Value>,
    n: &serde_json::Number,
    place: impl Fn() -> String,
    errors: &mut Vec<FieldError>,
) {
    let Some(n) = n.as_f64() else {
        return;
    };
    let min = rules.get("minimum").and_then(Value::as_f64);
    let max = rules.get("maximum").and_then(Value::as_f64);
    if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
        let message = match (min, max) {
            (Some(a), Some(b)) => format!("must be between {a} and {b}"),
            (Some(a), None) => format!("must be at least {a}"),
            (None, Some(b)) => format!("must be at most {b}"),
            (None, None) => "is out of range".to_string(),
        };
        errors.push(FieldError::new(place(), "out_of_range", message));
    }
}
