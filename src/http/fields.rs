//! Sparse fieldsets: `?fields=id,display_name,company` answers only those
//! fields of a resource, or of each item of a page (`id` always). The
//! fields a resource has are its schema's properties — the same list the
//! OpenAPI document gives as the parameter's allowed values — so an unknown
//! one is a `422` naming it. A sparse answer carries the same `ETag` as the
//! full one: the tag names the version, not the representation.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;
use serde_json::value::RawValue;
use utoipa::IntoParams;

use crate::error::{ApiError, FieldError};

/// The parameter, as the document shows it (its allowed values are filled
/// in from the answer's schema: `openapi::sparse_fields`).
#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct FieldsParam {
    /// Only these fields (comma-separated; `id` is always there): the
    /// answer then holds these and no other, so the schema's other required
    /// fields are absent. A name the resource does not have is a `422`
    /// naming it.
    #[param(style = Form, explode = false, value_type = Option<Vec<String>>)]
    pub fields: Option<String>,
}

/// The fields asked for (`id` always), each once; an answer writes them in
/// the resource's own order.
#[derive(Debug, Clone, PartialEq)]
pub struct Fields(Vec<String>);

/// Takes `fields` out of the request's query: the fields asked for (of the
/// resource `T`) and the rest of the query string, for the operation's own
/// parameters.
pub fn split<T: utoipa::ToSchema + 'static>(
    req: &HttpRequest,
) -> Result<(Option<Fields>, String), ApiError> {
    let query = req.query_string();
    if !query
        .split('&')
        .any(|p| p == "fields" || p.starts_with("fields="))
    {
        return Ok((None, query.to_string()));
    }
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query)
        .map_err(|_| ApiError::bad_request("malformed_query", "the query string cannot be read"))?;
    let (asked, rest): (Vec<_>, Vec<_>) = pairs.into_iter().partition(|(k, _)| k == "fields");
    if asked.len() > 1 {
        return Err(ApiError::field(
            "fields",
            "invalid_type",
            "must be given once",
        ));
    }
    let rest = serde_urlencoded::to_string(&rest).unwrap_or_default();
    let raw = asked.into_iter().next().map(|(_, v)| v).unwrap_or_default();
    // The schema is built once per type (building it per request cost
    // more than a page of short fields: docs/BENCHMARKS.md, session 27).
    let schema = crate::input::schema::Schema::of::<T>();
    Ok((Some(parse(&raw, &schema.property_names())?), rest))
}

/// `raw` (comma-separated names) against the resource's `known` fields, as
/// the document's schema for it says: at least one name, each exactly one
/// of the resource's fields (no space around it, none empty), none twice.
pub fn parse(raw: &str, known: &[&str]) -> Result<Fields, ApiError> {
    if raw.is_empty() {
        return Err(ApiError::field(
            "fields",
            "required",
            "name at least one field",
        ));
    }
    let mut asked: Vec<&str> = Vec::new();
    let mut errors = Vec::new();
    for name in raw.split(',') {
        if !known.contains(&name) {
            let shown: String = name.chars().take(64).collect();
            errors.push(FieldError::new(
                "fields",
                "unknown_field",
                format!("no field is named “{shown}”; one of: {}", known.join(", ")),
            ));
        } else if asked.contains(&name) {
            errors.push(FieldError::new(
                "fields",
                "duplicate",
                format!("“{name}” is named twice"),
            ));
        } else {
            asked.push(name);
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    // `id` is always there, first.
    let asked = asked.into_iter().filter(|name| *name != "id");
    let fields = std::iter::once("id").chain(asked).map(str::to_string);
    Ok(Fields(fields.collect()))
}

impl Fields {
    /// Whether `name` is one of the fields asked for.
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|f| f == name)
    }

    /// Whether every field asked for is one of `these`.
    pub fn within(&self, these: &[&str]) -> bool {
        self.0.iter().all(|f| these.contains(&f.as_str()))
    }

    /// One resource's JSON with only these fields (in the resource's
    /// order), read in one pass without building a map.
    pub fn object(&self, json: &[u8]) -> Result<Vec<u8>, ApiError> {
        let mut out = Vec::with_capacity(json.len() / 4 + 16);
        self.write_object(json, &mut out)?;
        Ok(out)
    }

    /// `object`, appended to `out`.
    pub fn write_object(&self, json: &[u8], out: &mut Vec<u8>) -> Result<(), ApiError> {
        use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
        struct Pick<'f, 'o> {
            fields: &'f [String],
            out: &'o mut Vec<u8>,
        }
        impl<'de> Visitor<'de> for Pick<'_, '_> {
            type Value = ();
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                self.out.push(b'{');
                let mut first = true;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if !self.fields.iter().any(|f| *f == key) {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    }
                    let value: &RawValue = map.next_value()?;
                    if !first {
                        self.out.push(b',');
                    }
                    first = false;
                    serde_json::to_writer(&mut *self.out, &key)
                        .map_err(serde::de::Error::custom)?;
                    self.out.push(b':');
                    self.out.extend_from_slice(value.get().as_bytes());
                }
                self.out.push(b'}');
                Ok(())
            }
        }
        let mut de = serde_json::Deserializer::from_slice(json);
        de.deserialize_map(Pick {
            fields: &self.0,
            out,
        })
        .map_err(ApiError::internal)
    }

    /// A page (`{"items": […], …}`) with only these fields of each item;
    /// the page's other keys as they were.
    pub fn page(&self, json: &[u8]) -> Result<Vec<u8>, ApiError> {
        let page: std::collections::BTreeMap<&str, &RawValue> =
            serde_json::from_slice(json).map_err(ApiError::internal)?;
        let items: Vec<&RawValue> = match page.get("items") {
            Some(items) => serde_json::from_str(items.get()).map_err(ApiError::internal)?,
            None => Vec::new(),
        };
        let mut out = Vec::with_capacity(json.len() / 2);
        out.extend_from_slice(b"{\"items\":[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            self.write_object(item.get().as_bytes(), &mut out)?;
        }
        out.push(b']');
        for (key, value) in page.iter().filter(|(k, _)| **k != "items") {
            out.push(b',');
            serde_json::to_writer(&mut out, key).map_err(ApiError::internal)?;
            out.push(b':');
            out.extend_from_slice(value.get().as_bytes());
        }
        out.push(b'}');
        Ok(out)
    }
}

/// A `200` page, sparse when fields were asked for.
pub fn page<T: Serialize>(fields: Option<&Fields>, page: &T) -> Result<HttpResponse, ApiError> {
    page_json(fields, super::to_json(page)?)
}

/// `page` for a page already written as JSON.
pub fn page_json(fields: Option<&Fields>, json: Vec<u8>) -> Result<HttpResponse, ApiError> {
    Ok(super::json_response(match fields {
        Some(f) => f.page(&json)?,
        None => json,
    }))
}

/// A versioned resource (`ETag`, `304`), sparse when fields were asked
/// for.
pub fn versioned<T: Serialize>(
    req: &HttpRequest,
    fields: Option<&Fields>,
    version: i32,
    body: &T,
) -> Result<HttpResponse, ApiError> {
    let json = serde_json::to_vec(body).map_err(ApiError::internal)?;
    versioned_json(req, fields, version, json)
}

/// `versioned` for a resource already written as JSON.
pub fn versioned_json(
    req: &HttpRequest,
    fields: Option<&Fields>,
    version: i32,
    json: Vec<u8>,
) -> Result<HttpResponse, ApiError> {
    let json = match fields {
        Some(f) => f.object(&json)?,
        None => json,
    };
    Ok(super::versioned_json(req, StatusCode::OK, version, json))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<&'static str> {
        vec!["id", "display_name", "company", "tags"]
    }

    #[test]
    fn each_field_once_in_the_resources_order() {
        let f = parse("company,display_name,id", &known()).unwrap();
        assert_eq!(
            f,
            Fields(vec!["id".into(), "company".into(), "display_name".into()])
        );
        let json = br#"{"id":"a","display_name":"Ana \"A\"","company":null,"tags":["x"]}"#;
        assert_eq!(
            String::from_utf8(f.object(json).unwrap()).unwrap(),
            r#"{"id":"a","display_name":"Ana \"A\"","company":null}"#
        );
        let page = br#"{"next_cursor":"c1","items":[{"id":"a","tags":[],"company":"X"},{"id":"b","company":"Y"}]}"#;
        assert_eq!(
            String::from_utf8(f.page(page).unwrap()).unwrap(),
            r#"{"items":[{"id":"a","company":"X"},{"id":"b","company":"Y"}],"next_cursor":"c1"}"#
        );
    }

    #[test]
    fn names_are_read_as_the_document_says() {
        // An array of distinct names, each one of the resource's fields.
        for refused in [
            "",
            " ",
            "company, display_name",
            "company,,id",
            "company,company",
            "id,",
        ] {
            assert!(parse(refused, &known()).is_err(), "{refused:?} was taken");
        }
        let f = parse("id", &known()).unwrap();
        assert_eq!(f, Fields(vec!["id".into()]));
    }

    #[test]
    fn an_unknown_field_is_named() {
        assert!(parse(" ", &known()).is_err());
        let err = parse("display_name,nope", &known()).unwrap_err();
        let body = serde_json::to_value(err.problem()).unwrap();
        assert_eq!(body["errors"][0]["field"], "fields");
        assert_eq!(body["errors"][0]["code"], "unknown_field");
        assert!(body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("“nope”"));
    }
}
