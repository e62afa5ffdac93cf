//! Needs and offers: what people ask for and can give.

use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

async fn need(app: &TestApp, s: &Session, body: Value) -> Value {
    let res = app.post("/v1/needs").auth(s).json(body).send().await;
    assert_eq!(res.status, 201, "{}", res.text());
    assert!(res.header("etag").is_some());
    res.json()
}

async fn ids(app: &TestApp, s: &Session, query: &str) -> Vec<String> {
    let page = app.get(&format!("/v1/needs{query}")).auth(s).send().await;
    assert_eq!(page.status, 200, "{}", page.text());
    page.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

#[actix_web::test]
async fn needs_and_offers_are_recorded_found_met_and_deleted() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let ask = need(
        &app,
        &s,
        json!({"contact_id": ben["id"], "kind": "ask", "topic": "A mentor in product",
               "tags": ["Product", "product ", "Mentoring"], "description": "Moving from engineering",
               "until": "2999-01-01"}),
    )
    .await;
    assert_eq!(
        (
            &ask["status"],
            &ask["tags"],
            &ask["contact_id"],
            &ask["version"]
        ),
        (
            &json!("open"),
            &json!(["product", "mentoring"]),
            &ben["id"],
            &json!(1)
        )
    );
    let offer = need(
        &app,
        &s,
        json!({"kind": "offer", "topic": "Mentoría de producto", "tags": ["product"]}),
    )
    .await;
    assert_eq!(offer["contact_id"], Value::Null, "mine");
    let (ask_id, offer_id) = (ask["id"].as_str().unwrap(), offer["id"].as_str().unwrap());

    // Filters narrow; `q` ignores case and accents.
    assert_eq!(ids(&app, &s, "").await, [offer_id, ask_id], "newest first");
    assert_eq!(ids(&app, &s, "?kind=ask").await, [ask_id]);
    assert_eq!(ids(&app, &s, "?mine=true").await, [offer_id]);
    assert_eq!(ids(&app, &s, "?mine=false").await, [ask_id]);
    let res = app.get("/v1/needs?contact_id=me").auth(&s).send().await;
    assert_eq!(res.invalid_fields(), ["contact_id"]);
    assert_eq!(
        ids(
            &app,
            &s,
            &format!("?contact_id={}", ben["id"].as_str().unwrap())
        )
        .await,
        [ask_id]
    );
    assert_eq!(ids(&app, &s, "?tag=Mentoring").await, [ask_id]);
    assert_eq!(ids(&app, &s, "?q=MENTORIA").await, [offer_id]);
    assert_eq!(ids(&app, &s, "?q=engineering%20product").await, [ask_id]);
    assert_eq!(
        ids(&app, &s, "?q=100%25").await,
        Vec::<String>::new(),
        "% is literal"
    );
    let page = app.get("/v1/needs?limit=1").auth(&s).send().await.json();
    let cursor = page["next_cursor"].as_str().unwrap();
    assert_eq!(
        ids(&app, &s, &format!("?limit=1&cursor={cursor}")).await,
        [ask_id]
    );

    // Met by an interaction of mine; only a met need names what met it.
    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(json!({"kind": "call", "direction": "outbound", "summary": "Intro to Cleo", "contact_ids": [ben["id"]]}))
        .send()
        .await;
    let call = res.json();
    let url = format!("/v1/needs/{ask_id}");
    let patch = |body: Value| {
        app.patch(&url)
            .auth(&s)
            .header("content-type", "application/merge-patch+json")
            .json(body)
    };
    let res = patch(json!({"met_by": {"type": "interaction", "id": call["id"]}}))
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["met_by"], "{}", res.text());
    let res = patch(json!({"status": "met", "met_by": {"type": "ledger_entry", "id": call["id"]}}))
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["met_by.id"]);
    let res = patch(json!({"status": "met", "met_by": {"type": "interaction", "id": call["id"]}}))
        .header("if-match", "\"1\"")
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let met = res.json();
    assert_eq!(
        (&met["status"], &met["version"]),
        (&json!("met"), &json!(2))
    );
    assert_eq!(
        met["met_by"],
        json!({"type": "interaction", "id": call["id"]})
    );
    patch(json!({"topic": "stale"}))
        .header("if-match", "\"1\"")
        .send()
        .await
        .problem(412, "precondition_failed");
    assert_eq!(ids(&app, &s, "?status=open").await, [offer_id]);
    // Open again: it names nothing.
    let reopened = patch(json!({"status": "open"})).send().await.json();
    assert_eq!(reopened["met_by"], Value::Null);

    // The change feed carries them.
    let feed = app
        .get("/v1/changes?since=0&limit=1000")
        .auth(&s)
        .send()
        .await
        .json();
    let needs: Vec<&Value> = feed["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["type"] == "need")
        .collect();
    assert_eq!(needs.len(), 4, "two created, met, reopened");

    // Another user sees none of it, and cannot name my contact.
    let eve = app.user("eve@example.com").await;
    app.get(&url)
        .auth(&eve)
        .send()
        .await
        .problem(404, "not_found");
    app.delete(&url)
        .auth(&eve)
        .send()
        .await
        .problem(404, "not_found");
    app.patch(&url)
        .auth(&eve)
        .header("content-type", "application/merge-patch+json")
        .json(json!({"status": "dropped"}))
        .send()
        .await
        .problem(404, "not_found");
    assert!(ids(&app, &eve, "").await.is_empty());
    let res = app
        .post("/v1/needs")
        .auth(&eve)
        .json(json!({"contact_id": ben["id"], "kind": "ask", "topic": "x"}))
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["contact_id"]);

    // Bad input changes nothing.
    for (body, field) in [
        (json!({"kind": "maybe", "topic": "x"}), "kind"),
        (json!({"kind": "ask", "topic": "   "}), "topic"),
        (
            json!({"kind": "ask", "topic": "x", "until": "2001-01-01"}),
            "until",
        ),
        (
            json!({"kind": "ask", "topic": "x", "tags": ["a/b"]}),
            "tags[0]",
        ),
    ] {
        let res = app.post("/v1/needs").auth(&s).json(body).send().await;
        assert_eq!(res.invalid_fields(), [field], "{}", res.text());
    }
    assert_eq!(ids(&app, &s, "").await.len(), 2);

    assert_eq!(app.delete(&url).auth(&s).send().await.status, 204);
    app.get(&url)
        .auth(&s)
        .send()
        .await
        .problem(404, "not_found");
}

/// A need met by an interaction or a favor that is then deleted is open
/// again, naming nothing (as when the introduction that met it is unmade).
#[actix_web::test]
async fn a_need_met_by_a_deleted_interaction_or_favor_is_open_again() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let ask = need(
        &app,
        &s,
        json!({"contact_id": ben["id"], "kind": "ask", "topic": "A lawyer"}),
    )
    .await;
    let url = format!("/v1/needs/{}", ask["id"].as_str().unwrap());
    let call = app
        .post("/v1/interactions")
        .auth(&s)
        .json(json!({"kind": "call", "direction": "outbound", "summary": "Found one", "contact_ids": [ben["id"]]}))
        .send()
        .await
        .json();
    let favor = app
        .post("/v1/ledger")
        .auth(&s)
        .json(json!({"contact_id": ben["id"], "direction": "given", "kind": "introduction", "description": "Sent a lawyer's card"}))
        .send()
        .await
        .json();
    for (kind, record, path) in [
        ("interaction", &call, "interactions"),
        ("ledger_entry", &favor, "ledger"),
    ] {
        let res = app
            .patch(&url)
            .auth(&s)
            .header("content-type", "application/merge-patch+json")
            .json(json!({"status": "met", "met_by": {"type": kind, "id": record["id"]}}))
            .send()
            .await;
        assert_eq!(res.status, 200, "{}", res.text());
        let version = res.json()["version"].as_i64().unwrap();
        let gone = format!("/v1/{path}/{}", record["id"].as_str().unwrap());
        assert_eq!(app.delete(&gone).auth(&s).send().await.status, 204);
        let now = app.get(&url).auth(&s).send().await.json();
        assert_eq!(
            (&now["status"], &now["met_by"], &now["met_at"]),
            (&json!("open"), &Value::Null, &Value::Null),
            "{kind}: {now}"
        );
        assert_eq!(now["version"], version + 1, "a new version: {now}");
    }
    assert_eq!(
        ids(&app, &s, "?status=open").await,
        [ask["id"].as_str().unwrap()]
    );
}
