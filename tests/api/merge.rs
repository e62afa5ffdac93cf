//! `POST /v1/contacts/{id}/merge`: one contact keeps everything of its
//! duplicates, and every record that named them names it.

use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

fn id(v: &Value) -> &str {
    v["id"].as_str().unwrap()
}

async fn made(app: &TestApp, s: &Session, url: &str, body: Value) -> Value {
    let res = app.post(url).auth(s).json(body).send().await;
    assert_eq!(res.status, 201, "{url}: {}", res.text());
    res.json()
}

async fn read(app: &TestApp, s: &Session, url: &str) -> Value {
    let res = app.get(url).auth(s).send().await;
    assert_eq!(res.status, 200, "{url}: {}", res.text());
    res.json()
}

fn ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).to_rfc3339()
}

#[actix_web::test]
async fn a_merge_keeps_every_handle_and_moves_every_record_to_the_kept_contact() {
    let app = TestApp::spawn().await;
    let s = app.user("merge@example.com").await;
    let ana = app
        .contact(
            &s,
            json!({"display_name": "Ana Lima", "emails": [{"address": "ana@example.com"}],
                   "tags": ["rust"], "external_ids": {"crm": "1"}}),
        )
        .await;
    let dup = app
        .contact(
            &s,
            json!({"display_name": "A. Lima",
                   "emails": [{"address": "ANA@example.com"}, {"address": "ana@home.example"}],
                   "phones": [{"number": "+1 555 0103"}], "tags": ["lisbon", "rust"],
                   "title": "CTO", "external_ids": {"crm": "2", "linkedin": "https://www.linkedin.com/in/ana"}}),
        )
        .await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let cleo = app.contact(&s, json!({"display_name": "Cleo"})).await;

    let both = json!({"kind": "call", "direction": "outbound", "summary": "All of us",
                      "occurred_at": ago(1), "contact_ids": [ana["id"], dup["id"]]});
    let both = made(&app, &s, "/v1/interactions", both).await;
    let with_ben = json!({"kind": "email", "direction": "inbound", "summary": "Ben and A.",
                          "occurred_at": ago(3), "contact_ids": [dup["id"], ben["id"]]});
    let with_ben = made(&app, &s, "/v1/interactions", with_ben).await;
    made(
        &app,
        &s,
        "/v1/ledger",
        json!({"contact_id": dup["id"], "direction": "given", "kind": "help",
               "description": "Reviewed her talk", "weight": 2}),
    )
    .await;
    let rel = |a: &Value, b: &Value, kind: &str| json!({"contact_id": a["id"], "other_id": b["id"], "kind": kind, "strength": 3});
    made(&app, &s, "/v1/relationships", rel(&dup, &ben, "friend")).await;
    made(&app, &s, "/v1/relationships", rel(&ben, &ana, "friend")).await;
    made(&app, &s, "/v1/relationships", rel(&ana, &dup, "colleague")).await;
    made(&app, &s, "/v1/relationships", rel(&dup, &cleo, "mentor_of")).await;
    let kept_intro = made(
        &app,
        &s,
        "/v1/introductions",
        json!({"person_a_id": dup["id"], "person_b_id": cleo["id"]}),
    )
    .await;
    made(
        &app,
        &s,
        "/v1/introductions",
        json!({"person_a_id": ana["id"], "person_b_id": dup["id"]}),
    )
    .await;
    let need = made(
        &app,
        &s,
        "/v1/needs",
        json!({"contact_id": dup["id"], "kind": "ask", "topic": "A Rust mentor"}),
    )
    .await;
    let cleo_url = format!("/v1/contacts/{}", id(&cleo));
    app.patch(&cleo_url)
        .auth(&s)
        .json(json!({"met_via": dup["id"]}))
        .send()
        .await;
    let since = read(&app, &s, "/v1/changes?since=0&limit=1000").await["next_since"].clone();

    let ana_url = format!("/v1/contacts/{}", id(&ana));
    let version = read(&app, &s, &ana_url).await["version"].clone();
    let res = app
        .post(&format!("{ana_url}/merge"))
        .auth(&s)
        .header("If-Match", &format!("\"{version}\""))
        .json(json!({"ids": [dup["id"]]}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let report = res.json();
    assert_eq!(report["merged"], json!([dup["id"]]));
    assert_eq!(
        report["moved"],
        json!({"interactions": 2, "ledger_entries": 1, "relationships": 1,
               "relationships_deleted": 2, "introductions": 1,
               "introductions_deleted": 1, "met_via": 1, "needs": 1})
    );
    let kept = &report["contact"];
    assert_eq!(
        res.header("etag").unwrap(),
        format!("\"{}\"", kept["version"])
    );
    assert_eq!(kept, &read(&app, &s, &ana_url).await, "as GET shows it");
    assert_eq!(
        kept["emails"],
        json!([{"address": "ana@example.com", "label": null},
               {"address": "ana@home.example", "label": null}])
    );
    assert_eq!(
        kept["phones"],
        json!([{"number": "+1 555 0103", "label": null}])
    );
    assert_eq!(kept["tags"], json!(["rust", "lisbon"]));
    assert_eq!(kept["title"], "CTO", "a field it lacked");
    assert_eq!(kept["display_name"], "Ana Lima", "its own stays");
    assert_eq!(
        kept["external_ids"],
        json!({"crm": "1", "linkedin": "https://www.linkedin.com/in/ana"})
    );
    assert_eq!(kept["balance"], 2, "the favor moved with its entry");
    assert_eq!(kept["open_needs"], 1, "the ask moved with its contact");
    let need = read(&app, &s, &format!("/v1/needs/{}", id(&need))).await;
    assert_eq!(need["contact_id"], ana["id"]);
    assert_eq!(kept["last_interaction_at"], both["occurred_at"]);

    // The merged contact is in the trash for good, naming the kept one.
    let dup_url = format!("/v1/contacts/{}", id(&dup));
    let gone = read(&app, &s, &dup_url).await;
    assert!(gone["trashed_at"].is_string());
    assert_eq!(gone["merged_into"], ana["id"]);
    assert_eq!(gone["external_ids"], json!({}));
    let refused = app
        .post(&format!("{dup_url}/restore"))
        .auth(&s)
        .send()
        .await;
    refused.problem(409, "contact_merged");
    // Its external id is the kept contact's now.
    let found = read(
        &app,
        &s,
        "/v1/contacts?external_id=linkedin:https://www.linkedin.com/in/ana",
    )
    .await;
    assert_eq!(found["items"][0]["id"], ana["id"]);

    // Each interaction names the kept contact, once.
    let both = read(&app, &s, &format!("/v1/interactions/{}", id(&both))).await;
    assert_eq!(both["contact_ids"], json!([ana["id"]]));
    let with_ben = read(&app, &s, &format!("/v1/interactions/{}", id(&with_ben))).await;
    assert_eq!(with_ben["contact_ids"], json!([ana["id"], ben["id"]]));
    let ledger = read(&app, &s, &format!("/v1/ledger?contact_id={}", id(&ana))).await;
    assert_eq!(ledger["items"].as_array().unwrap().len(), 1);

    // One friendship with Ben (not two), none with itself, the mentoring kept.
    let rels = read(&app, &s, &format!("{ana_url}/relationships")).await;
    let mut seen: Vec<(String, String)> = rels["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["other"]["display_name"].as_str().unwrap().to_string(),
                r["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            ("Ben".to_string(), "friend".to_string()),
            ("Cleo".to_string(), "mentor_of".to_string())
        ]
    );
    // The introduction to Cleo names Ana; the one between the two is gone.
    let intros = read(&app, &s, "/v1/introductions").await;
    let intros = intros["items"].as_array().unwrap();
    assert_eq!(intros.len(), 1);
    assert_eq!(intros[0]["id"], kept_intro["id"]);
    assert_eq!(intros[0]["person_a_id"], ana["id"]);
    assert_eq!(read(&app, &s, &cleo_url).await["met_via"], ana["id"]);

    // The change feed shows all of it, the merged contact last as a delete.
    let feed = read(&app, &s, &format!("/v1/changes?since={since}&limit=1000")).await;
    let changes = feed["changes"].as_array().unwrap();
    let kinds: std::collections::BTreeSet<(&str, &str)> = changes
        .iter()
        .map(|c| (c["type"].as_str().unwrap(), c["op"].as_str().unwrap()))
        .collect();
    for expected in [
        ("contact", "upsert"),
        ("contact", "delete"),
        ("interaction", "upsert"),
        ("ledger_entry", "upsert"),
        ("relationship", "upsert"),
        ("relationship", "delete"),
        ("introduction", "upsert"),
        ("introduction", "delete"),
    ] {
        assert!(kinds.contains(&expected), "{expected:?} in {kinds:?}");
    }
    let last_of_dup = changes.iter().rev().find(|c| c["id"] == dup["id"]).unwrap();
    assert_eq!(last_of_dup["op"], "delete");
    let last_of_ana = changes.iter().rev().find(|c| c["id"] == ana["id"]).unwrap();
    assert_eq!(&last_of_ana["data"], kept);
}

#[actix_web::test]
async fn a_refused_merge_names_each_bad_id_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let s = app.user("merge-refused@example.com").await;
    let eve = app.user("merge-eve@example.com").await;
    let ana = app.contact(&s, json!({"display_name": "Ana"})).await;
    let dup = app.contact(&s, json!({"display_name": "Ana 2"})).await;
    let trashed = app.contact(&s, json!({"display_name": "Old Ana"})).await;
    app.delete(&format!("/v1/contacts/{}", id(&trashed)))
        .auth(&s)
        .send()
        .await;
    let theirs = app.contact(&eve, json!({"display_name": "Eve's"})).await;
    let url = format!("/v1/contacts/{}/merge", id(&ana));
    let merge = |url: String, body: Value| {
        let app = &app;
        let s = &s;
        async move { app.post(&url).auth(s).json(body).send().await }
    };

    let res = merge(
        url.clone(),
        json!({"ids": [theirs["id"], ana["id"], trashed["id"], "nope"]}),
    )
    .await;
    res.problem(422, "validation_failed");
    assert_eq!(
        res.invalid_fields(),
        ["ids[0]", "ids[1]", "ids[2]", "ids[3]"]
    );
    let codes: Vec<String> = res.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        codes,
        [
            "unknown_contact",
            "self_reference",
            "contact_trashed",
            "unknown_contact"
        ]
    );
    let twice = merge(url.clone(), json!({"ids": [dup["id"], dup["id"]]})).await;
    assert_eq!(twice.invalid_fields(), ["ids[1]"]);
    let none = merge(url.clone(), json!({"ids": []})).await;
    assert_eq!(none.invalid_fields(), ["ids"]);
    // Another user's contact to keep is not found, nor is it touched.
    merge(
        format!("/v1/contacts/{}/merge", id(&theirs)),
        json!({"ids": [dup["id"]]}),
    )
    .await
    .problem(404, "not_found");
    // Keeping a trashed contact is refused.
    merge(
        format!("/v1/contacts/{}/merge", id(&trashed)),
        json!({"ids": [dup["id"]]}),
    )
    .await
    .problem(409, "contact_trashed");
    app.post(&url)
        .auth(&s)
        .header("If-Match", "\"99\"")
        .json(json!({"ids": [dup["id"]]}))
        .send()
        .await
        .problem(412, "precondition_failed");

    for c in [&ana, &dup] {
        let now = read(&app, &s, &format!("/v1/contacts/{}", id(c))).await;
        assert_eq!(&now, c, "unchanged");
    }
    let theirs_now = read_as(&eve, &app, &theirs).await;
    assert_eq!(theirs_now, theirs);
}

async fn read_as(s: &Session, app: &TestApp, c: &Value) -> Value {
    read(app, s, &format!("/v1/contacts/{}", id(c))).await
}
