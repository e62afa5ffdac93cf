//! An example on every operation: each JSON request body and each
//! successful JSON answer gets one, composed from the examples the schemas
//! and their fields declare (`#[schema(example = …)]`) and, where a field
//! declares none, from its type, format, enum or default. Composed, not
//! written per operation, so an example follows its schema when the schema
//! changes; `@redocly/cli lint` (in CI) checks each against its schema.

use serde_json::{json, Map, Value};
use utoipa::openapi::{OpenApi, RefOr};

/// How deep a composed example follows nested schemas.
const DEPTH: usize = 8;

/// Gives every operation's JSON bodies without an example one.
pub fn add(mut doc: OpenApi) -> OpenApi {
    let view = serde_json::to_value(&doc).unwrap_or_default();
    let schemas = &view["components"]["schemas"];
    for op in super::operations_mut(&mut doc) {
        let bodies = op
            .request_body
            .iter_mut()
            .filter_map(|b| match b {
                RefOr::T(b) => Some(b),
                RefOr::Ref(_) => None,
            })
            .flat_map(|b| b.content.iter_mut())
            .chain(
                op.responses
                    .responses
                    .iter_mut()
                    .filter(|(status, _)| status.starts_with('2'))
                    .filter_map(|(_, r)| match r {
                        RefOr::T(r) => Some(r),
                        RefOr::Ref(_) => None,
                    })
                    .flat_map(|r| r.content.iter_mut()),
            );
        for (media_type, content) in bodies {
            let RefOr::T(content) = content else {
                continue;
            };
            if !media_type.contains("json") || content.example.is_some() {
                continue;
            }
            let Some(schema) = content.schema.as_ref() else {
                continue;
            };
            let schema = serde_json::to_value(schema).unwrap_or_default();
            content.example = Some(example_of(&schema, schemas, 0));
        }
    }
    doc
}

/// An example of `schema`, whose `$ref`s point into `schemas`.
pub fn example_of(schema: &Value, schemas: &Value, depth: usize) -> Value {
    if depth > DEPTH {
        return Value::Null;
    }
    if let Some(e) = schema.get("example") {
        return e.clone();
    }
    if let Some(e) = schema["examples"].get(0) {
        return e.clone();
    }
    if let Some(name) = schema["$ref"].as_str().and_then(|r| r.rsplit('/').next()) {
        return example_of(&schemas[name], schemas, depth + 1);
    }
    // An object's own `anyOf` (a rule about its fields) is no alternative.
    for key in ["oneOf", "anyOf"]
        .iter()
        .filter(|_| !schema["properties"].is_object())
    {
        if let Some(items) = schema[*key].as_array() {
            let first = items.iter().find(|s| s["type"] != "null");
            return first.map_or(Value::Null, |s| example_of(s, schemas, depth + 1));
        }
    }
    if let Some(items) = schema["allOf"].as_array() {
        let mut merged = Map::new();
        for s in items {
            match example_of(s, schemas, depth + 1) {
                Value::Object(o) => merged.extend(o),
                other => return other,
            }
        }
        return Value::Object(merged);
    }
    if let Some(first) = schema["enum"].get(0) {
        return first.clone();
    }
    if let Some(d) = schema.get("default") {
        return d.clone();
    }
    let ty = match &schema["type"] {
        Value::Array(types) => types.iter().find(|t| *t != "null").cloned(),
        t => Some(t.clone()),
    };
    match ty.as_ref().and_then(Value::as_str) {
        Some("object") => {
            let properties = schema["properties"].as_object();
            Value::Object(
                properties
                    .into_iter()
                    .flatten()
                    .map(|(name, s)| (name.clone(), example_of(s, schemas, depth + 1)))
                    .collect(),
            )
        }
        Some("array") => json!([example_of(&schema["items"], schemas, depth + 1)]),
        Some("string") => match schema["format"].as_str() {
            Some("uuid") => json!("01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f"),
            Some("date-time") => json!("2026-03-14T09:30:00Z"),
            Some("date") => json!("2026-03-14"),
            Some("email") => json!("ada@example.com"),
            Some("uri") => json!("https://example.com/"),
            _ => json!(text(schema)),
        },
        Some("integer") | Some("number") => {
            schema.get("minimum").cloned().unwrap_or_else(|| json!(1))
        }
        Some("boolean") => json!(true),
        _ => Value::Null,
    }
}

/// Plain text within the string's length bounds.
fn text(schema: &Value) -> String {
    let min = schema["minLength"].as_u64().unwrap_or(0) as usize;
    let max = schema["maxLength"].as_u64().unwrap_or(u64::MAX) as usize;
    let mut s = String::from("example");
    while s.len() < min {
        s.push('x');
    }
    s.truncate(max.max(1));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_references_and_prefers_declared_examples() {
        let schemas = json!({
            "Email": {"type": "object", "properties": {
                "address": {"type": "string", "example": "ada@example.com"},
                "primary": {"type": "boolean"}}},
            "Kind": {"type": "string", "enum": ["call", "email"]},
        });
        let schema = json!({"type": "object", "properties": {
            "id": {"type": "string", "format": "uuid"},
            "emails": {"type": "array", "items": {"$ref": "#/components/schemas/Email"}},
            "kind": {"$ref": "#/components/schemas/Kind"},
            "note": {"type": ["string", "null"]},
            "limit": {"type": "integer", "minimum": 1, "default": 50},
            "manager": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Kind"}]},
        }});
        assert_eq!(
            example_of(&schema, &schemas, 0),
            json!({
                "id": "01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f",
                "emails": [{"address": "ada@example.com", "primary": true}],
                "kind": "call",
                "note": "example",
                "limit": 50,
                "manager": "call",
            })
        );
    }

    #[test]
    fn a_schema_that_refers_to_itself_ends() {
        let schemas = json!({"Node": {"type": "object", "properties": {
            "next": {"$ref": "#/components/schemas/Node"}}}});
        let example = example_of(&json!({"$ref": "#/components/schemas/Node"}), &schemas, 0);
        assert!(example.to_string().contains("null"));
    }
}
