//! The document's request schemas say exactly what the server requires:
//! every operation with a body is walked, its minimal body (the required
//! fields, filled from the document's own example) is accepted, and the same
//! body without any one required field answers `422` naming that field and
//! changes nothing.

use actix_web::http::Method;
use serde_json::{json, Map, Value};

use crate::helpers::{Session, TestApp};

const PASSWORD: &str = "correct horse battery";

/// A server whose webhooks may point at 127.0.0.1 (where nothing listens:
/// the contract is about the API, not deliveries).
async fn contract_app() -> TestApp {
    TestApp::spawn_with(|s| s.webhook_allow_private = true).await
}

/// One of everything an operation's body or path can name, in `s`'s account.
struct World {
    a: String,
    b: String,
    c: String,
    interaction: String,
    ledger: String,
    relationship: String,
    introduction: String,
    webhook: String,
    need: String,
    offer: String,
    tag: &'static str,
}

impl World {
    async fn new(app: &TestApp, s: &Session) -> World {
        let mut ids = Vec::new();
        for name in ["Ada", "Grace", "Edsger"] {
            let c = app.contact(s, json!({"display_name": name})).await;
            ids.push(c["id"].as_str().unwrap().to_string());
        }
        let created = |path: &'static str, body: Value| async move {
            let res = app.post(path).auth(s).json(body).send().await;
            assert_eq!(res.status, 201, "{path}: {}", res.text());
            res.json()["id"].as_str().unwrap().to_string()
        };
        let (a, b, c) = (ids[0].clone(), ids[1].clone(), ids[2].clone());
        let interaction = created(
            "/v1/interactions",
            json!({"kind": "call", "direction": "outbound", "summary": "Catch-up", "contact_ids": [a]}),
        )
        .await;
        let ledger = created(
            "/v1/ledger",
            json!({"contact_id": a, "direction": "given", "kind": "advice", "description": "CV review"}),
        )
        .await;
        let relationship = created(
            "/v1/relationships",
            json!({"contact_id": b, "other_id": c, "kind": "colleague"}),
        )
        .await;
        let introduction = created(
            "/v1/introductions",
            json!({"person_a_id": b, "person_b_id": c}),
        )
        .await;
        let webhook = created(
            "/v1/webhooks",
            json!({"url": "http://127.0.0.1:9/kith", "events": ["*"]}),
        )
        .await;
        let need = created(
            "/v1/needs",
            json!({"contact_id": a, "kind": "ask", "topic": "A mentor"}),
        )
        .await;
        let offer = created(
            "/v1/needs",
            json!({"contact_id": b, "kind": "offer", "topic": "Mentoring"}),
        )
        .await;
        app.put_tag(s, "mentor", json!({"default_cadence_days": 30}))
            .await;
        World {
            a,
            b,
            c,
            interaction,
            ledger,
            relationship,
            introduction,
            webhook,
            need,
            offer,
            tag: "mentor",
        }
    }

    /// The path with its parameter filled by the resource it names.
    fn path(&self, path: &str) -> String {
        let id = match path.split('/').nth(2) {
            Some("contacts") => &self.a,
            Some("interactions") => &self.interaction,
            Some("ledger") => &self.ledger,
            Some("relationships") => &self.relationship,
            Some("introductions") => &self.introduction,
            Some("webhooks") => &self.webhook,
            Some("needs") => &self.need,
            _ => self.tag,
        };
        path.replace("{id}", id).replace("{name}", id)
    }

    /// A value for a field that must name something real in the account.
    fn field(&self, name: &str, email: &str, s: &Session) -> Option<Value> {
        Some(match name {
            "contact_id" | "person_a_id" => json!(self.a),
            "other_id" | "person_b_id" => json!(self.b),
            "introducer_id" => json!(self.c),
            "contact_ids" => json!([self.a]),
            "ids" => json!([self.b]),
            "ask_id" => json!(self.need),
            "offer_id" => json!(self.offer),
            "email" => json!(email),
            "password" => json!(PASSWORD),
            "refresh_token" => json!(s.refresh),
            _ => return None,
        })
    }
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => &doc["components"]["schemas"][r.rsplit('/').next().unwrap()],
        None => schema,
    }
}

/// The fields `schema` requires: its `required` and, where a `not` forbids
/// that some fields all be absent or null (a `not` without `required`), the
/// first of them (one way to meet it).
fn required(schema: &Value) -> Vec<String> {
    let forbids_none = schema["not"]["required"].is_null();
    let one_of = schema["not"]["properties"]
        .as_object()
        .filter(|_| forbids_none)
        .and_then(|p| p.keys().next());
    schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f.as_str().unwrap().to_string())
        .chain(one_of.cloned())
        .collect()
}

/// The least `schema` takes, from `example`: an object's required fields
/// only, an array empty unless it must hold an item, anything else as the
/// example has it.
fn minimal(doc: &Value, schema: &Value, example: &Value) -> Value {
    let schema = resolve(doc, schema);
    if let Some(alternatives) = schema["oneOf"].as_array() {
        let s = alternatives.iter().find(|s| s["type"] != "null").unwrap();
        return minimal(doc, s, example);
    }
    if schema["properties"].is_object() {
        let fields: Map<String, Value> = required(schema)
            .into_iter()
            .map(|f| {
                let v = minimal(doc, &schema["properties"][&f], &example[&f]);
                (f, v)
            })
            .collect();
        return Value::Object(fields);
    }
    if schema["type"] == "array" && schema["minItems"].as_u64().unwrap_or(0) == 0 {
        return json!([]);
    }
    example.clone()
}

#[actix_web::test]
async fn every_body_takes_its_minimal_form_and_names_each_missing_field() {
    let app = contract_app().await;
    let doc: Value = serde_json::from_str(&kith::openapi::document()).unwrap();
    let mut walked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some((media_type, content)) = op["requestBody"]["content"]
                .as_object()
                .and_then(|c| c.iter().next())
            else {
                continue;
            };
            // A file (an import) is not a JSON body: tests/api/imports.rs.
            if !media_type.contains("json") {
                continue;
            }
            let id = op["operationId"].as_str().unwrap();
            let schema = resolve(&doc, &content["schema"]);
            let example = &content["example"];
            assert!(example.is_object(), "{id} has no example body");

            // A fresh account for each operation, with one of everything
            // (but none for an import, which takes an empty account).
            walked += 1;
            let email = format!("minimal-{walked}@example.com");
            let s = app.user(&email).await;
            let importing = path.starts_with("/v1/import");
            let world = if importing {
                None
            } else {
                Some(World::new(&app, &s).await)
            };
            let email = if path == "/v1/auth/register" {
                format!("registered-{walked}@example.com")
            } else {
                email
            };
            let mut body = minimal(&doc, schema, example);
            for (field, value) in body.as_object_mut().unwrap() {
                let real = world.as_ref().and_then(|w| w.field(field, &email, &s));
                let real = real.or_else(|| match field.as_str() {
                    "email" => Some(json!(email)),
                    "password" => Some(json!(PASSWORD)),
                    _ => None,
                });
                if let Some(real) = real {
                    *value = real;
                }
            }
            let url = world.as_ref().map_or(path.clone(), |w| w.path(path));
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let send = |body: Value| {
                app.req(method.clone(), &url)
                    .auth(&s)
                    .raw(media_type, serde_json::to_vec(&body).unwrap())
                    .send()
            };

            // Without any one required field: 422 naming it.
            for field in body.as_object().unwrap().keys() {
                let mut short = body.clone();
                short.as_object_mut().unwrap().remove(field);
                let res = send(short).await;
                assert_eq!(res.status, 422, "{id} without {field}: {}", res.text());
                assert!(
                    res.invalid_fields().contains(field),
                    "{id} without {field} names it: {}",
                    res.text()
                );
            }
            // Nothing changed: the minimal body still does what it says.
            let res = send(body.clone()).await;
            assert!(
                (200..300).contains(&res.status),
                "{id} takes its minimal body {body}: {} {}",
                res.status,
                res.text()
            );
        }
    }
    assert!(walked >= 19, "walked {walked} operations with a body");
}

/// PATCH schemas require nothing: an empty merge patch is accepted and
/// leaves the resource as it was.
#[actix_web::test]
async fn an_empty_patch_changes_nothing() {
    let app = contract_app().await;
    let s = app.user("empty-patch@example.com").await;
    let world = World::new(&app, &s).await;
    let doc: Value = serde_json::from_str(&kith::openapi::document()).unwrap();
    let mut patched = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let Some(op) = item.get("patch") else {
            continue;
        };
        let schema = resolve(
            &doc,
            &op["requestBody"]["content"]["application/merge-patch+json"]["schema"],
        );
        if path.starts_with("/v1/tags") {
            // A rename: its one field is the new name.
            continue;
        }
        assert!(
            required(schema).is_empty(),
            "{path}: a PATCH requires nothing"
        );
        let url = world.path(path);
        let before = app.get(&url).auth(&s).send().await;
        assert_eq!(before.status, 200, "{url}: {}", before.text());
        let res = app
            .req(Method::PATCH, &url)
            .auth(&s)
            .raw("application/merge-patch+json", b"{}".to_vec())
            .send()
            .await;
        assert_eq!(res.status, 200, "{url}: {}", res.text());
        assert_eq!(
            res.json(),
            before.json(),
            "{url}: an empty patch changes nothing"
        );
        patched += 1;
    }
    assert!(patched >= 5, "patched {patched}");
}

/// JSON Schema counts `30.0` as an integer, so the server does too; a
/// number with a fraction is still no integer.
#[actix_web::test]
async fn a_whole_number_written_with_a_fraction_is_an_integer() {
    let app = TestApp::spawn().await;
    let s = app.user("numbers@example.com").await;
    let c = app
        .contact(&s, json!({"display_name": "Ana", "cadence_days": 30.0}))
        .await;
    assert_eq!(c["cadence_days"], 30);
    let res = app
        .post("/v1/contacts")
        .auth(&s)
        .json(json!({"display_name": "Ben", "cadence_days": 30.5}))
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["cadence_days"]);
}

/// `HEAD` answers as `GET` does, status and headers, without the body
/// (the `Allow` of a 405 names it wherever `GET` is: `mechanics`).
#[actix_web::test]
async fn head_answers_as_get_without_a_body() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ana = app.contact(&s, json!({"display_name": "Ana"})).await;
    let url = format!("/v1/contacts/{}", ana["id"].as_str().unwrap());
    for path in [
        url.as_str(),
        "/v1/contacts?limit=5",
        "/v1/contacts?limit=0",
        "/openapi.json",
        "/healthz",
    ] {
        let get = app.get(path).auth(&s).send().await;
        let head = app.req(Method::HEAD, path).auth(&s).send().await;
        assert_eq!(head.status, get.status, "{path}");
        assert!(!get.body.is_empty(), "{path}");
        assert!(head.body.is_empty(), "{path}: {}", head.text());
        for name in ["content-type", "etag", "content-length", "cache-control"] {
            assert_eq!(head.header(name), get.header(name), "{path}: {name}");
        }
    }
    let etag = app.get(&url).auth(&s).send().await.header("etag").unwrap();
    let same = app
        .req(Method::HEAD, &url)
        .auth(&s)
        .header("if-none-match", &etag)
        .send()
        .await;
    assert_eq!(same.status, 304);
    let anonymous = app.req(Method::HEAD, "/v1/contacts").send().await;
    assert_eq!(anonymous.status, 401);
    assert!(anonymous.body.is_empty());
    // Where there is no GET there is no HEAD either.
    let login = app.req(Method::HEAD, "/v1/auth/login").send().await;
    assert_eq!(login.status, 405);
    assert_eq!(login.header("allow").as_deref(), Some("POST"));
}

/// A value for a query parameter the document allows, or none where the
/// parameter needs a value of its own (a cursor, a photo's version).
fn query_sample(world: &World, name: &str, param: &Value) -> Option<String> {
    let schema = &param["schema"];
    let text = |v: &Value| v.as_str().map(str::to_string).or(Some(v.to_string()));
    if let Some(example) = param.get("example").or(schema.get("example")) {
        return text(example);
    }
    // A name from a list, or a list of them (`fields`): the first.
    if let Some(first) = schema["enum"].get(0).or(schema["items"]["enum"].get(0)) {
        return text(first);
    }
    Some(
        match (schema["type"].as_str(), schema["format"].as_str(), name) {
            (Some("boolean"), _, _) => "true".into(),
            (Some("integer"), _, _) => schema["minimum"].as_i64().unwrap_or(1).to_string(),
            (_, Some("uuid"), _) => world.a.clone(),
            (_, Some("date"), _) => "2026-01-01".into(),
            (_, Some("date-time"), _) => "2026-01-01T00:00:00Z".into(),
            (_, _, "need_id") => world.need.clone(),
            (_, _, "tag") => world.tag.into(),
            (_, _, "company") => "Acme".into(),
            (_, _, "q") => "ada".into(),
            _ => return None,
        },
    )
}

/// Whether the document's schema allows `value` for a query parameter whose
/// bare sample it allows: only free text and patterns can allow a space or
/// a control character around a value; a number, a flag, a name from a
/// list, a date or an id cannot.
fn documented(schema: &Value, value: &str) -> bool {
    let plain =
        schema["type"] == "string" && schema["enum"].is_null() && schema["format"].is_null();
    let fits = schema["maxLength"]
        .as_u64()
        .is_none_or(|max| value.chars().count() as u64 <= max);
    let matches = schema["pattern"]
        .as_str()
        .is_none_or(|p| regex::Regex::new(p).unwrap().is_match(value));
    plain && fits && matches
}

/// Every query parameter is checked as it was sent: a value with a space or
/// a form feed around it is refused exactly when the document refuses it
/// (`?tag=%0Cmentor` once answered 200, its text trimmed before the check),
/// and accepted when the document allows it.
#[actix_web::test]
async fn every_query_parameter_is_checked_as_sent() {
    let app = contract_app().await;
    let s = app.user("query-as-sent@example.com").await;
    let world = World::new(&app, &s).await;
    let doc: Value = serde_json::from_str(&kith::openapi::document()).unwrap();
    let (mut refused, mut allowed) = (0, 0);
    for (path, item) in doc["paths"].as_object().unwrap() {
        // Only reads (a query on a write may act) that answer at once (not
        // the change stream), on paths a world fills (not the feed's secret).
        let Some(op) = item.get("get") else { continue };
        let url = world.path(path);
        if url.contains('{') || url.ends_with("/stream") {
            continue;
        }
        for param in op["parameters"].as_array().into_iter().flatten() {
            let name = param["name"].as_str().unwrap();
            if param["in"] != "query" || name == "wait" {
                continue;
            }
            let Some(sample) = query_sample(&world, name, param) else {
                continue;
            };
            // The other parameters the operation requires, at their samples
            // (and reach's q: it asks for one of company, tag or q).
            let others: Vec<(String, String)> = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "query" && p["name"] != name)
                .filter(|p| {
                    p["required"] == true
                        || (path == "/v1/network/reach"
                            && p["name"] == "q"
                            && name != "tag"
                            && name != "company")
                })
                .filter_map(|p| {
                    let other = p["name"].as_str().unwrap();
                    Some((other.to_string(), query_sample(&world, other, p)?))
                })
                .collect();
            let ask = |value: String| {
                let mut pairs = others.clone();
                pairs.push((name.to_string(), value));
                let query = serde_urlencoded::to_string(pairs).unwrap();
                app.get(&format!("{url}?{query}")).auth(&s).send()
            };
            let bare = ask(sample.clone()).await;
            assert!(
                ![400, 422].contains(&bare.status),
                "{path}?{name}={sample:?} is the document's own value: {}",
                bare.text()
            );
            for value in [
                format!(" {sample}"),
                format!("{sample} "),
                format!("\u{c}{sample}"),
                format!("{sample}\u{c}"),
            ] {
                let res = ask(value.clone()).await;
                if documented(&param["schema"], &value) {
                    allowed += 1;
                    assert!(
                        ![400, 422].contains(&res.status),
                        "{path}?{name}={value:?} is allowed by the document: {}",
                        res.text()
                    );
                } else {
                    refused += 1;
                    assert_eq!(
                        res.status,
                        422,
                        "{path}?{name}={value:?} is refused by the document: {}",
                        res.text()
                    );
                }
            }
        }
    }
    assert!(
        refused >= 200 && allowed >= 20,
        "{refused} refused, {allowed} allowed"
    );
}
