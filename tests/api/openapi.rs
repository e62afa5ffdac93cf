use serde_json::Value;

use crate::helpers::TestApp;

/// `openapi/openapi.json` as committed (empty when missing).
fn committed_document() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
        .unwrap_or_default()
}

#[test]
fn the_committed_document_is_current() {
    let generated = kith::openapi::document();
    let committed = committed_document();
    assert!(
        generated == committed,
        "openapi/openapi.json is stale: run `cargo run -q -- openapi > openapi/openapi.json`"
    );
}

#[test]
fn every_operation_is_named_described_and_answers_errors_as_problems() {
    let doc: Value = serde_json::from_str(&kith::openapi::document()).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap_or_default();
            assert!(!id.is_empty(), "{method} {path} has no operationId");
            assert!(op["summary"].is_string(), "{id} has no summary");
            let responses = op["responses"].as_object().unwrap();
            for (status, res) in responses {
                // A shared problem response is named by reference.
                let res = match res["$ref"].as_str() {
                    Some(r) => &doc["components"]["responses"][r.rsplit('/').next().unwrap()],
                    None => res,
                };
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        res["content"]["application/problem+json"].is_object(),
                        "{id} {status} is not documented as problem+json"
                    );
                }
            }
            if path == "/metrics" {
                // Open, or behind the operator's token when one is set.
                assert_eq!(
                    op["security"],
                    serde_json::json!([{}, {"metrics_token": []}]),
                    "{id}"
                );
                continue;
            }
            let public = path.starts_with("/v1/auth/")
                || path.starts_with("/v1/agenda/feed/")
                || !path.starts_with("/v1/");
            if public {
                assert_eq!(op["security"], serde_json::json!([]), "{id} is public");
                continue;
            }
            // What any authenticated request may meet is documented on each.
            for status in ["401", "429", "503"] {
                assert!(
                    responses.contains_key(status),
                    "{id} does not document {status}"
                );
            }
            if method != "get" {
                assert!(responses.contains_key("403"), "{id}: a read token gets 403");
            }
            // Every protected operation names the role it needs.
            let roles = op["security"][0]["bearer"]
                .as_array()
                .unwrap_or_else(|| panic!("{id}: no security"));
            let role = roles.first().and_then(Value::as_str).unwrap_or_default();
            let expected: &[&str] = match method.as_str() {
                "get" => &["read", "session"],
                _ => &["write", "session"],
            };
            assert!(expected.contains(&role), "{id} ({method}) needs {role:?}");
        }
    }
}

/// A client (or a generator) can follow from a created resource to what it
/// can do with it: every collection `POST` whose item has a `GET` links to
/// it, and every link names an operation that takes the parameters it fills.
#[test]
fn created_resources_link_to_their_operations() {
    let doc: Value = serde_json::from_str(&kith::openapi::document()).unwrap();
    let paths = doc["paths"].as_object().unwrap();
    let operations: Vec<(&String, &Value)> = paths
        .iter()
        .flat_map(|(path, item)| item.as_object().unwrap().values().map(move |op| (path, op)))
        .collect();
    let mut linked = 0;
    for (path, op) in &operations {
        for res in op["responses"].as_object().unwrap().values() {
            for (name, link) in res["links"].as_object().into_iter().flatten() {
                let target = link["operationId"].as_str().unwrap();
                let (_, target_op) = operations
                    .iter()
                    .find(|(_, o)| o["operationId"] == target)
                    .unwrap_or_else(|| panic!("{path}: link {name} to unknown {target}"));
                for param in link["parameters"].as_object().unwrap().keys() {
                    assert!(
                        target_op["parameters"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .any(|p| p["name"] == param.as_str() && p["in"] == "path"),
                        "{path}: link {name} fills {param}, which {target} does not take"
                    );
                }
                linked += 1;
            }
        }
    }
    for (path, item) in paths {
        let item_path = format!("{path}/{{id}}");
        if item["post"].is_object() && paths.get(&item_path).is_some_and(|i| i["get"].is_object()) {
            let get_id = paths[&item_path]["get"]["operationId"].clone();
            let links = &item["post"]["responses"]["201"]["links"];
            assert!(
                links
                    .as_object()
                    .into_iter()
                    .flatten()
                    .any(|(_, l)| l["operationId"] == get_id),
                "POST {path} does not link to {get_id}"
            );
        }
    }
    assert!(linked >= 17, "only {linked} links");
}

#[actix_web::test]
async fn the_server_serves_its_document_and_docs_page() {
    let app = TestApp::spawn().await;
    let doc = app.get("/openapi.json").send().await;
    assert_eq!(doc.status, 200);
    assert_eq!(
        doc.header("content-type").as_deref(),
        Some("application/json")
    );
    // The document a client downloads is the one in the repository.
    let committed: Value = serde_json::from_str(&committed_document()).unwrap();
    assert_eq!(doc.json(), committed);
    let docs = app.get("/docs/").send().await;
    assert_eq!(docs.status, 200);
    assert!(docs.text().to_lowercase().contains("swagger"));
    assert_eq!(app.get("/docs").send().await.status, 308);
}

/// Every `pattern` of the document is one the server can check (the input
/// schemas are enforced as documented), and says in words what it asks
/// for when a value breaks it (no client is shown the expression).
#[test]
fn every_pattern_in_the_document_compiles_and_is_said_in_words() {
    fn walk(v: &Value, found: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(p)) = map.get("pattern") {
                    found.push(p.clone());
                }
                map.values().for_each(|v| walk(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let doc: Value = serde_json::from_str(&kith::openapi::document()).unwrap();
    let mut patterns = Vec::new();
    walk(&doc, &mut patterns);
    assert!(!patterns.is_empty());
    for p in patterns {
        assert!(regex::Regex::new(&p).is_ok(), "{p}");
        assert!(
            kith::input::schema::in_words(&p).is_some(),
            "no words for {p}"
        );
    }
}

/// Every query parameter the document names is one the server takes, and
/// one it does not name is refused (`422 unknown_parameter`), so a misspelt
/// filter never silently returns everything.
#[actix_web::test]
async fn the_server_takes_exactly_the_documented_query_parameters() {
    let app = crate::helpers::TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let c = app
        .contact(&s, serde_json::json!({"display_name": "Ben"}))
        .await;
    let contact_id = c["id"].as_str().unwrap().to_string();
    let doc: Value = serde_json::from_str(&kith::openapi::document()).unwrap();
    let today = chrono::Utc::now().date_naive().to_string();
    let now = chrono::Utc::now().to_rfc3339().replace('+', "%2B");
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let Some(op) = item.get("get") else { continue };
        // The change stream never ends (tests/api/changes.rs reads it).
        if path.contains("feed") || path.ends_with("/stream") || !path.starts_with("/v1/") {
            continue;
        }
        let url_path = path.replace("{id}", &contact_id);
        let params: Vec<&Value> = op["parameters"]
            .as_array()
            .map(|ps| ps.iter().filter(|p| p["in"] == "query").collect())
            .unwrap_or_default();
        let mut query = Vec::new();
        for p in &params {
            let name = p["name"].as_str().unwrap();
            let schema = &p["schema"];
            let value = if let Some(first) = schema["enum"].get(0) {
                first.as_str().unwrap().to_string()
            } else if name == "cursor" {
                continue;
            } else if name.ends_with("_id") {
                contact_id.clone()
            } else {
                match (schema["type"].as_str(), schema["format"].as_str()) {
                    (_, Some("date-time")) => now.clone(),
                    (_, Some("date")) => today.clone(),
                    (Some("integer"), _) => {
                        schema["minimum"].as_i64().unwrap_or(1).max(1).to_string()
                    }
                    (Some("boolean"), _) => "true".into(),
                    _ => schema["enum"]
                        .get(0)
                        .and_then(Value::as_str)
                        .unwrap_or("x")
                        .to_string(),
                }
            };
            query.push(format!("{name}={value}"));
        }
        let url = format!("{url_path}?{}", query.join("&"));
        let res = app.get(&url).auth(&s).send().await;
        if res.status == 422 {
            let unknown: Vec<String> = res.json()["errors"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["code"] == "unknown_parameter")
                .map(|e| e["field"].to_string())
                .collect();
            assert!(
                unknown.is_empty(),
                "{url}: documented but refused: {unknown:?}"
            );
        }
        let extra = format!("{url_path}?no_such_filter=1");
        let refused = app.get(&extra).auth(&s).send().await;
        assert_eq!(refused.status, 422, "{extra}: {}", refused.text());
        assert_eq!(refused.invalid_fields(), ["no_such_filter"]);
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} operations checked");
}
