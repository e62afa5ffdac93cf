//! The OpenAPI document's root: info, tags, the shared schemas and the
//! bearer security scheme; the paths come from the operations (`crate::api`). `kith openapi` prints it; a test keeps the
//! committed `openapi/openapi.json` equal to it.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

mod examples;

use crate::error;
use crate::http::operations::Operations;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "An access token from `POST /v1/auth/login` (a JWT, 15 minutes), or a \
                         personal access token (`kith_pat_…`) from `POST /v1/tokens`. Each \
                         operation lists the role it needs: `read` (any token but a capture \
                         token), `write` (a login or a write token), `capture` (a capture token \
                         may call only the operations listing it) or `session` (a login only).",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "metrics_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The operator's `KITH_METRICS_TOKEN`, when one is set (only for \
                         `GET /metrics`).",
                    ))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "kith",
        description = "A JSON REST API for keeping a professional network alive: contacts, \
interactions that keep a cadence, a reciprocity ledger and introductions.\n\n\
Errors are `application/problem+json` (RFC 9457) with a stable `code` and the `request_id`. \
Lists use keyset pagination (`limit`, `cursor`, `next_cursor`). Mutable resources carry a \
`version`, sent as `ETag`; `If-None-Match` gives `304`, a stale `If-Match` gives `412`. \
Every `POST` accepts an `Idempotency-Key`. `HEAD` answers wherever `GET` does, with its \
status and headers and no body. A query parameter given twice, or a key given twice in one \
object of a JSON body, is refused (`422`, naming it).",
        license(name = "MIT", identifier = "MIT")
    ),
    servers((url = "/", description = "The server that serves this document")),
    components(schemas(error::Problem, error::FieldError)),
    modifiers(&Security),
    tags(
        (name = "auth", description = "Accounts and tokens"),
        (name = "contacts", description = "The people in your network"),
        (name = "captures", description = "Interactions logged from message headers and calendars, undone; your own addresses; people you write with who are not contacts yet"),
        (name = "imports", description = "Contacts brought in from LinkedIn, Google and Outlook exports, and undone"),
        (name = "interactions", description = "Emails, calls, coffees: what keeps a cadence"),
        (name = "ledger", description = "Favors given and received, and the balance of each relationship"),
        (name = "network", description = "Relationships, introductions and reach"),
        (name = "search", description = "One search across contacts, interactions, ledger entries and introductions"),
        (name = "tags", description = "Tags and their default cadences"),
        (name = "agenda", description = "Who needs attention, and why"),
        (name = "sync", description = "The change feed for offline clients"),
        (name = "webhooks", description = "Events sent to your endpoints as they happen, signed (Standard Webhooks), retried and logged"),
        (name = "account", description = "Export and import of all your data"),
        (name = "operations", description = "Health and readiness"),
    )
)]
pub struct ApiDoc;

/// The document of `operations`.
pub fn document_of(operations: &Operations) -> utoipa::openapi::OpenApi {
    let mut doc = operations.document(ApiDoc::openapi());
    let components = doc.components.get_or_insert_with(Default::default);
    components
        .responses
        .extend(crate::http::problems::components());
    // Operations that name no role need no token: say so (`security: []`),
    // rather than leave a reader to guess.
    for op in operations_mut(&mut doc) {
        op.security.get_or_insert_with(Vec::new);
    }
    let mut doc = sparse_fields(no_nul(mark_ids(closed_objects(rules(doc)))));
    doc.webhooks = Some(crate::webhooks::docs::webhooks());
    examples::add(change_variants(document_headers(doc)))
}

/// No text kith takes may hold U+0000 (PostgreSQL cannot store it; the
/// request is refused with `422` before any query), and text that must
/// have a character may not be blank: each free-text string of a request
/// body, and each string query or path parameter, says so with a pattern,
/// unless a pattern, format or enum of its own already rules it out.
fn no_nul(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use utoipa::openapi::schema::{ArrayItems, Schema, SchemaType, Type};
    use utoipa::openapi::RefOr;
    const NO_NUL: &str = "^[^\\u0000]*$";
    // And a character other than white space (Rust's `trim`, spelled out:
    // JSON Schema's `\\s` also counts U+FEFF).
    const NOT_BLANK: &str = "^[^\\u0000]*[^\\u0000\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+[^\\u0000]*$";
    fn mark(schema: &mut RefOr<Schema>, refs: &mut Vec<String>) {
        match schema {
            RefOr::Ref(r) => refs.push(r.ref_location.rsplit('/').next().unwrap_or("").into()),
            RefOr::T(Schema::Object(o)) => {
                let is_string = match &o.schema_type {
                    SchemaType::Type(t) => *t == Type::String,
                    SchemaType::Array(ts) => ts.contains(&Type::String),
                    SchemaType::AnyValue => false,
                };
                if is_string && o.pattern.is_none() && o.format.is_none() && o.enum_values.is_none()
                {
                    let must_have_text = o.min_length.is_some_and(|m| m > 0);
                    o.pattern = Some(if must_have_text { NOT_BLANK } else { NO_NUL }.into());
                }
                for p in o.properties.values_mut() {
                    mark(p, refs);
                }
                // The values of a map (`external_ids`) too.
                if let Some(utoipa::openapi::schema::AdditionalProperties::RefOr(v)) =
                    o.additional_properties.as_deref_mut()
                {
                    mark(v, refs);
                }
            }
            RefOr::T(Schema::Array(a)) => {
                if let ArrayItems::RefOrSchema(items) = &mut a.items {
                    mark(items, refs);
                }
            }
            RefOr::T(Schema::OneOf(o)) => o.items.iter_mut().for_each(|s| mark(s, refs)),
            RefOr::T(Schema::AllOf(o)) => o.items.iter_mut().for_each(|s| mark(s, refs)),
            RefOr::T(Schema::AnyOf(o)) => o.items.iter_mut().for_each(|s| mark(s, refs)),
            RefOr::T(_) => {}
        }
    }
    let mut pending = Vec::new();
    for op in operations_mut(&mut doc) {
        for p in op.parameters.iter_mut().flatten() {
            if let RefOr::T(p) = p {
                if let Some(s) = p.schema.as_mut() {
                    mark(s, &mut Vec::new());
                }
            }
        }
        if let Some(RefOr::T(body)) = op.request_body.as_mut() {
            for content in body.content.values_mut() {
                if let RefOr::T(content) = content {
                    if let Some(s) = content.schema.as_mut() {
                        mark(s, &mut pending);
                    }
                }
            }
        }
    }
    let Some(components) = doc.components.as_mut() else {
        return doc;
    };
    let mut done = std::collections::BTreeSet::new();
    while let Some(name) = pending.pop() {
        if !done.insert(name.clone()) {
            continue;
        }
        if let Some(schema) = components.schemas.get_mut(&name) {
            mark(schema, &mut pending);
        }
    }
    doc
}

/// Rules of a request body that its fields alone do not say, as the JSON
/// Schema keywords utoipa's derive has no attribute for.
fn rules(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use utoipa::openapi::schema::Schema;
    use utoipa::openapi::RefOr;
    let rules = [
        (
            "IntroductionCreate",
            "not",
            crate::introductions::model::create_requires_a_side(),
        ),
        (
            "LedgerEntryCreate",
            "not",
            crate::ledger::model::create_due_only_when_open(),
        ),
        (
            "LedgerEntryPatch",
            "not",
            crate::ledger::model::patch_due_only_when_open(),
        ),
    ];
    let Some(components) = doc.components.as_mut() else {
        return doc;
    };
    for (schema, keyword, value) in rules {
        if let Some(RefOr::T(Schema::Object(o))) = components.schemas.get_mut(schema) {
            o.extensions
                .get_or_insert_with(Default::default)
                .insert(keyword.into(), value);
        }
    }
    doc
}

/// `Change` as a client meets it: one variant per resource type, told apart
/// by `type` (a discriminator), each with `data` typed as its resource's
/// `GET` answer (`null` for a delete). The variants are derived from the
/// `Change` schema the code declares, so they cannot drift from it.
fn change_variants(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use crate::changes::model::ChangeType;
    use utoipa::openapi::schema::{
        Discriminator, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, Type,
    };
    use utoipa::openapi::{Ref, RefOr};
    let Some(components) = doc.components.as_mut() else {
        return doc;
    };
    let Some(RefOr::T(Schema::Object(change))) = components.schemas.get("Change").cloned() else {
        return doc;
    };
    let mut one_of = OneOfBuilder::new().description(change.description.clone());
    let mut discriminator = Discriminator::new("type");
    for ty in ChangeType::ALL {
        let value = serde_json::to_value(ty).unwrap_or_default();
        let value = value.as_str().unwrap_or_default().to_string();
        let data = ty.data_schema();
        let name = format!("{data}Change");
        let mut variant = change.clone();
        variant.description = Some(format!("A change to a {}.", value.replace('_', " ")));
        variant.properties.insert(
            "type".into(),
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some([value.clone()]))
                .into(),
        );
        variant.properties.insert(
            "data".into(),
            OneOfBuilder::new()
                .item(Ref::from_schema_name(data))
                .item(ObjectBuilder::new().schema_type(Type::Null))
                .description(Some(format!(
                    "The {} as `GET` returned it after this change; `null` for a delete.",
                    value.replace('_', " ")
                )))
                .into(),
        );
        if ty != ChangeType::Tag {
            if let Some(RefOr::T(Schema::Object(id))) = variant.properties.get_mut("id") {
                id.format = Some(SchemaFormat::Custom("uuid".into()));
            }
        }
        if !variant.required.iter().any(|r| r == "data") {
            variant.required.push("data".into());
        }
        components
            .schemas
            .insert(name.clone(), RefOr::T(Schema::Object(variant)));
        one_of = one_of.item(Ref::from_schema_name(&name));
        discriminator
            .mapping
            .insert(value, format!("#/components/schemas/{name}"));
    }
    let one_of = one_of.discriminator(Some(discriminator));
    components.schemas.insert("Change".into(), one_of.into());
    // Each variant names its one type: the enum of all is not used.
    components.schemas.remove("ChangeType");
    doc
}

/// Every object kith writes or reads has exactly the fields its schema
/// names (bodies refuse unknown fields; answers carry no others), so each
/// says `additionalProperties: false`. Not a problem document, which RFC
/// 9457 lets carry extension members, nor a part of an `allOf`.
fn closed_objects(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use utoipa::openapi::schema::{AdditionalProperties, Schema};
    use utoipa::openapi::RefOr;
    // A part of an `allOf` stays open: the whole has the other parts' fields.
    fn parts(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for item in m
                    .get("allOf")
                    .and_then(|a| a.as_array())
                    .into_iter()
                    .flatten()
                {
                    if let Some(r) = item["$ref"].as_str() {
                        out.push(r.rsplit('/').next().unwrap_or_default().to_string());
                    }
                }
                m.values().for_each(|v| parts(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| parts(v, out)),
            _ => {}
        }
    }
    let mut open = vec!["Problem".to_string()];
    parts(&serde_json::to_value(&doc).unwrap_or_default(), &mut open);
    if let Some(components) = doc.components.as_mut() {
        for (name, schema) in components.schemas.iter_mut() {
            if let RefOr::T(Schema::Object(o)) = schema {
                if !open.contains(name) && o.additional_properties.is_none() {
                    o.additional_properties = Some(Box::new(AdditionalProperties::FreeForm(false)));
                }
            }
        }
    }
    doc
}

/// The response headers every client may meet, documented where they come:
/// `X-Request-Id` on every answer (the id a problem's `request_id` carries
/// and the server's log lines name), `Idempotent-Replayed` on the answers of
/// operations that take an `Idempotency-Key`, and the `RateLimit-*` headers
/// on the successful answers of authenticated operations (sent when a
/// per-user limit is configured).
fn document_headers(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use utoipa::openapi::header::HeaderBuilder;
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    use utoipa::openapi::RefOr;
    fn header(ty: Type, description: &str) -> RefOr<utoipa::openapi::header::Header> {
        RefOr::T(
            HeaderBuilder::new()
                .schema(Some(ObjectBuilder::new().schema_type(ty).build()))
                .description(Some(description))
                .build(),
        )
    }
    let request_id = || {
        header(
            Type::String,
            "This request's id (your own `X-Request-Id` when it is sane): in problem documents and the server's logs",
        )
    };
    if let Some(components) = doc.components.as_mut() {
        for response in components.responses.values_mut() {
            if let RefOr::T(r) = response {
                r.headers.insert("X-Request-Id".into(), request_id());
            }
        }
    }
    for op in operations_mut(&mut doc) {
        let idempotent =
            op.parameters.iter().flatten().any(
                |p| matches!(p, RefOr::T(p) if p.name.eq_ignore_ascii_case("Idempotency-Key")),
            );
        let authenticated = op.security.iter().flatten().any(|requirement| {
            serde_json::to_value(requirement).is_ok_and(|v| v.get("bearer").is_some())
        });
        for (status, response) in op.responses.responses.iter_mut() {
            let RefOr::T(r) = response else {
                continue;
            };
            r.headers.insert("X-Request-Id".into(), request_id());
            if !status.starts_with('2') {
                continue;
            }
            if idempotent {
                r.headers.insert(
                    "Idempotent-Replayed".into(),
                    header(
                        Type::String,
                        "`true` when this is the stored answer of an earlier request with the same Idempotency-Key",
                    ),
                );
            }
            if authenticated {
                for (name, what) in [
                    (
                        "RateLimit-Limit",
                        "Requests allowed per minute (with KITH_RATE_PER_USER_PER_MINUTE)",
                    ),
                    ("RateLimit-Remaining", "Requests left in this minute"),
                    ("RateLimit-Reset", "Seconds until the minute resets"),
                ] {
                    r.headers.insert(name.into(), header(Type::Integer, what));
                }
            }
        }
    }
    doc
}

/// Every resource id is a UUID (`ids::new_id`): the document says so once,
/// here, for each property named `id`, `…_id`, `…_ids` or `met_via`, and for
/// each `id` path or `contact_id` query parameter. Not for a captured
/// message's `source_id` and `thread_id` (another system's), a change's `id`
/// (a tag's is its name) nor a problem's `request_id` (a UUID without
/// hyphens).
fn mark_ids(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use utoipa::openapi::path::ParameterIn;
    use utoipa::openapi::schema::{ArrayItems, Schema, SchemaFormat, SchemaType, Type};
    use utoipa::openapi::RefOr;
    fn is_id(name: &str) -> bool {
        let foreign = matches!(name, "source_id" | "thread_id");
        name == "id" || (name.ends_with("_id") && !foreign) || name == "met_via"
    }
    fn mark(schema: &mut RefOr<Schema>) {
        let RefOr::T(Schema::Object(o)) = schema else {
            return;
        };
        let is_string = match &o.schema_type {
            SchemaType::Type(t) => *t == Type::String,
            SchemaType::Array(ts) => ts.contains(&Type::String),
            SchemaType::AnyValue => false,
        };
        if is_string && o.format.is_none() {
            o.format = Some(SchemaFormat::Custom("uuid".into()));
        }
    }
    if let Some(components) = doc.components.as_mut() {
        for (name, schema) in components.schemas.iter_mut() {
            let RefOr::T(Schema::Object(o)) = schema else {
                continue;
            };
            if name == "Change" || name == "Problem" {
                continue;
            }
            for (prop, s) in o.properties.iter_mut() {
                if is_id(prop) {
                    mark(s);
                } else if prop.ends_with("_ids") {
                    if let RefOr::T(Schema::Array(a)) = s {
                        if let ArrayItems::RefOrSchema(items) = &mut a.items {
                            mark(items);
                        }
                    }
                }
            }
        }
    }
    for op in operations_mut(&mut doc) {
        for p in op.parameters.iter_mut().flatten() {
            let RefOr::T(p) = p else {
                continue;
            };
            let named = (p.name.as_str(), &p.parameter_in);
            if matches!(
                named,
                ("id", ParameterIn::Path) | ("contact_id", ParameterIn::Query)
            ) {
                if let Some(s) = p.schema.as_mut() {
                    mark(s);
                }
            }
        }
    }
    doc
}

/// The `fields` parameter (`http::fields`) lists the fields it may name:
/// the properties of the resource the operation answers (of a page's
/// items), as the handler checks them.
fn sparse_fields(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use utoipa::openapi::schema::{ArrayItems, Schema};
    use utoipa::openapi::RefOr;
    let schemas = doc
        .components
        .as_ref()
        .map(|c| c.schemas.clone())
        .unwrap_or_default();
    let properties = |name: &str| -> Option<Vec<String>> {
        match schemas.get(name)? {
            RefOr::T(Schema::Object(o)) => Some(o.properties.keys().cloned().collect()),
            _ => None,
        }
    };
    let name_of = |r: &RefOr<Schema>| match r {
        RefOr::Ref(r) => r.ref_location.rsplit('/').next().map(str::to_string),
        _ => None,
    };
    for op in operations_mut(&mut doc) {
        let answer = op
            .responses
            .responses
            .get("200")
            .and_then(|r| match r {
                RefOr::T(r) => r.content.get("application/json"),
                _ => None,
            })
            .and_then(|c| match c {
                RefOr::T(c) => c.schema.as_ref(),
                _ => None,
            })
            .and_then(name_of);
        let Some(answer) = answer else { continue };
        // A page: the fields of its items.
        let item = match schemas.get(&answer) {
            Some(RefOr::T(Schema::Object(o))) => match o.properties.get("items") {
                Some(RefOr::T(Schema::Array(a))) => match &a.items {
                    ArrayItems::RefOrSchema(items) => name_of(items),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        let Some(names) = properties(item.as_deref().unwrap_or(&answer)) else {
            continue;
        };
        for p in op.parameters.iter_mut().flatten() {
            let RefOr::T(p) = p else { continue };
            if p.name != "fields" {
                continue;
            }
            let items = utoipa::openapi::schema::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String)
                .enum_values(Some(names.clone()))
                .build();
            p.schema = Some(RefOr::T(Schema::Array(
                utoipa::openapi::schema::ArrayBuilder::new()
                    .items(items)
                    .min_items(Some(1))
                    .unique_items(true)
                    .build(),
            )));
        }
    }
    doc
}

/// Every operation of the document, whatever its method.
fn operations_mut(
    doc: &mut utoipa::openapi::OpenApi,
) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    doc.paths.paths.values_mut().flat_map(|item| {
        [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ]
        .into_iter()
        .flatten()
    })
}

/// The API's document as pretty JSON, ending with a newline.
pub fn document() -> String {
    let mut s = document_of(&crate::api::operations())
        .to_pretty_json()
        .unwrap_or_default();
    s.push('\n');
    s
}
