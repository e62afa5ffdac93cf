//! The shape of one representative answer of each resource, as snapshots
//! (`tests/api/snapshots/`, reviewed with `cargo insta review`): a field
//! that appears, disappears or changes type shows up in review. Ids, times
//! and dates are redacted, so both databases give the same snapshots.

use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

/// `v` with every id, secret, time and date replaced by a placeholder.
fn redacted(v: Value) -> Value {
    match v {
        Value::String(s) => Value::String(placeholder(&s).unwrap_or(s)),
        Value::Array(items) => Value::Array(items.into_iter().map(redacted).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = match k.as_str() {
                        "token" | "access_token" | "refresh_token" | "request_id" | "url" => {
                            json!("[secret]")
                        }
                        _ => redacted(v),
                    };
                    (k, v)
                })
                .collect(),
        ),
        other => other,
    }
}

fn placeholder(s: &str) -> Option<String> {
    if uuid::Uuid::parse_str(s).is_ok() {
        return Some("[id]".into());
    }
    if chrono::DateTime::parse_from_rfc3339(s).is_ok() {
        return Some("[time]".into());
    }
    if chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() {
        return Some("[date]".into());
    }
    // Cursors and ETag-like opaque strings.
    (s.len() > 40 && !s.contains(' ')).then(|| "[opaque]".into())
}

async fn created(app: &TestApp, s: &Session, url: &str, body: Value) -> Value {
    let res = app.post(url).auth(s).json(body).send().await;
    assert_eq!(res.status, 201, "{url}: {}", res.text());
    res.json()
}

#[actix_web::test]
async fn each_resource_answers_in_its_documented_shape() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = created(
        &app,
        &s,
        "/v1/contacts",
        json!({"display_name": "Ben Okafor", "given_name": "Ben", "family_name": "Okafor",
               "company": "Acme", "title": "CTO", "location": "Lagos",
               "emails": [{"address": "ben@acme.io", "label": "work"}],
               "phones": [{"number": "+234 1 555 0100", "label": "mobile"}],
               "tags": ["founders"], "cadence_days": 30, "closeness": 4,
               "birthday": "--04-12", "how_we_met": "a conference", "notes": "likes chess"}),
    )
    .await;
    let cleo = created(&app, &s, "/v1/contacts", json!({"display_name": "Cleo"})).await;
    insta::assert_json_snapshot!("contact", redacted(ben.clone()));

    let interaction = created(
        &app,
        &s,
        "/v1/interactions",
        json!({"kind": "call", "direction": "outbound", "summary": "Caught up",
               "contact_ids": [ben["id"], cleo["id"]], "follow_up_on": "2030-01-01"}),
    )
    .await;
    insta::assert_json_snapshot!("interaction", redacted(interaction));

    let entry = created(
        &app,
        &s,
        "/v1/ledger",
        json!({"contact_id": ben["id"], "direction": "received", "kind": "advice", "description": "Reviewed my deck"}),
    )
    .await;
    insta::assert_json_snapshot!("ledger_entry", redacted(entry));

    let relationship = created(
        &app,
        &s,
        "/v1/relationships",
        json!({"contact_id": ben["id"], "other_id": cleo["id"], "kind": "mentor_of"}),
    )
    .await;
    insta::assert_json_snapshot!("relationship", redacted(relationship));

    let introduction = created(
        &app,
        &s,
        "/v1/introductions",
        json!({"person_a_id": ben["id"], "person_b_id": cleo["id"], "note": "both into chess"}),
    )
    .await;
    insta::assert_json_snapshot!("introduction", redacted(introduction));

    let tag = app
        .put_tag(&s, "founders", json!({"default_cadence_days": 14}))
        .await;
    insta::assert_json_snapshot!("tag", redacted(tag));

    let token = created(
        &app,
        &s,
        "/v1/tokens",
        json!({"name": "script", "scope": "read"}),
    )
    .await;
    insta::assert_json_snapshot!("token", redacted(token));

    for (name, url) in [
        ("me", "/v1/me"),
        ("balances", "/v1/ledger/balances"),
        ("agenda", "/v1/agenda"),
        ("changes", "/v1/changes?limit=2"),
    ] {
        let res = app.get(url).auth(&s).send().await;
        assert_eq!(res.status, 200, "{url}: {}", res.text());
        insta::assert_json_snapshot!(name, redacted(res.json()));
    }

    let problem = app
        .post("/v1/relationships")
        .auth(&s)
        .json(json!({"kind": "enemy"}))
        .send()
        .await;
    assert_eq!(problem.status, 422);
    insta::assert_json_snapshot!("problem", redacted(problem.json()));
}
