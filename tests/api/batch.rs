//! A contact's ids in other systems (`external_ids`), and creating or
//! updating many contacts in one request (`POST /v1/contacts/batch`).

use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

/// The display names `url` lists (one page), in order.
async fn listed(app: &TestApp, s: &Session, url: &str) -> Vec<String> {
    let res = app.get(url).auth(s).send().await;
    assert_eq!(res.status, 200, "{url}: {}", res.text());
    res.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["display_name"].as_str().unwrap().to_string())
        .collect()
}

async fn patch(app: &TestApp, s: &Session, id: &str, body: Value) -> crate::helpers::Resp {
    app.patch(&format!("/v1/contacts/{id}"))
        .auth(s)
        .raw(
            "application/merge-patch+json",
            body.to_string().into_bytes(),
        )
        .send()
        .await
}

#[actix_web::test]
async fn external_ids_are_kept_found_merged_and_unique_per_account() {
    let app = TestApp::spawn().await;
    let s = app.user("external@example.com").await;
    let ana = app
        .contact(
            &s,
            json!({"display_name": "Ana", "external_ids": {"crm": " 42 ", "linkedin": "https://www.linkedin.com/in/ana"}}),
        )
        .await;
    let id = ana["id"].as_str().unwrap();
    assert_eq!(
        ana["external_ids"],
        json!({"crm": "42", "linkedin": "https://www.linkedin.com/in/ana"})
    );
    assert_eq!(
        listed(&app, &s, "/v1/contacts?external_id=crm:42").await,
        ["Ana"]
    );
    assert!(listed(&app, &s, "/v1/contacts?external_id=crm:43")
        .await
        .is_empty());
    // The query's spaces around a value are ignored; a blank id is refused
    // as the document's pattern says.
    assert_eq!(
        listed(&app, &s, "/v1/contacts?external_id=crm:42%20").await,
        ["Ana"]
    );
    let doc = app.get("/openapi.json").send().await.json();
    let param = doc["paths"]["/v1/contacts"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "external_id")
        .unwrap();
    let documented = regex::Regex::new(param["schema"]["pattern"].as_str().unwrap()).unwrap();
    assert!(documented.is_match("crm:42 "));
    for (sent, blank) in [
        ("crm:%20", "crm: "),
        ("crm:", "crm:"),
        ("crm:%C2%A0", "crm:\u{a0}"),
    ] {
        let url = format!("/v1/contacts?external_id={sent}");
        let res = app.get(&url).auth(&s).send().await;
        assert_eq!(res.invalid_fields(), ["external_id"], "{url}");
        assert!(!documented.is_match(blank), "the document allows {blank:?}");
    }

    // Another contact cannot hold the same id of a source; another user can.
    let res = app
        .post("/v1/contacts")
        .auth(&s)
        .json(json!({"display_name": "Ana again", "external_ids": {"crm": "42"}}))
        .send()
        .await;
    res.problem(409, "external_id_taken");
    let eve = app.user("external-eve@example.com").await;
    app.contact(
        &eve,
        json!({"display_name": "Eve's Ana", "external_ids": {"crm": "42"}}),
    )
    .await;
    assert_eq!(
        listed(&app, &s, "/v1/contacts?external_id=crm:42").await,
        ["Ana"]
    );
    assert_eq!(
        listed(&app, &eve, "/v1/contacts?external_id=crm:42").await,
        ["Eve's Ana"]
    );

    // Parallel creates with one new id: one contact gets it, the others a
    // 409 (never a 500), also when PostgreSQL runs them at once.
    let sends = (0..8).map(|n| {
        app.post("/v1/contacts")
            .auth(&s)
            .json(json!({"display_name": format!("Racer {n}"), "external_ids": {"race": "1"}}))
            .send()
    });
    let mut codes: Vec<u16> = futures_util::future::join_all(sends)
        .await
        .iter()
        .map(|r| r.status)
        .collect();
    codes.sort();
    assert_eq!(codes, [201, 409, 409, 409, 409, 409, 409, 409]);
    assert_eq!(
        listed(&app, &s, "/v1/contacts?external_id=race:1")
            .await
            .len(),
        1
    );

    // A patch merges by source: a value sets, null removes.
    let res = patch(
        &app,
        &s,
        id,
        json!({"external_ids": {"crm": "43", "linkedin": null, "hubspot": "7"}}),
    )
    .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(
        res.json()["external_ids"],
        json!({"crm": "43", "hubspot": "7"})
    );
    assert!(listed(&app, &s, "/v1/contacts?external_id=crm:42")
        .await
        .is_empty());
    assert_eq!(
        listed(&app, &s, "/v1/contacts?external_id=crm:43").await,
        ["Ana"]
    );
    let res = patch(&app, &s, id, json!({"external_ids": null})).await;
    assert_eq!(res.json()["external_ids"], json!({}));

    // A bad source or value is a 422 that changes nothing.
    for bad in [
        json!({"external_ids": {"CRM": "1"}}),
        json!({"external_ids": {"crm": ""}}),
        json!({"external_ids": {"crm": 42}}),
        json!({"external_ids": ["crm:1"]}),
    ] {
        patch(&app, &s, id, bad.clone())
            .await
            .problem(422, "validation_failed");
    }
    let res = app
        .get("/v1/contacts?external_id=no-colon")
        .auth(&s)
        .send()
        .await;
    res.problem(422, "validation_failed");
    let now = app.get(&format!("/v1/contacts/{id}")).auth(&s).send().await;
    assert_eq!(now.json()["version"], 3);
}

async fn batch(app: &TestApp, s: &Session, query: &str, items: Value) -> crate::helpers::Resp {
    app.post(&format!("/v1/contacts/batch{query}"))
        .auth(s)
        .json(json!({ "items": items }))
        .send()
        .await
}

fn statuses(report: &Value) -> Vec<String> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap().to_string())
        .collect()
}

#[actix_web::test]
async fn a_batch_creates_updates_and_fails_item_by_item() {
    let app = TestApp::spawn().await;
    let s = app.user("batch@example.com").await;
    let ben = app
        .contact(
            &s,
            json!({"display_name": "Ben", "company": "Initech", "emails": [{"address": "ben@example.com"}],
                   "phones": [{"number": "+1 (555) 010-3"}]}),
        )
        .await;
    let ben_id = ben["id"].as_str().unwrap().to_string();
    // Another user's contact with the same email is never matched.
    let eve = app.user("batch-eve@example.com").await;
    app.contact(
        &eve,
        json!({"display_name": "Eve's Cleo", "emails": [{"address": "cleo@example.com"}]}),
    )
    .await;

    let items = json!([
        {"contact": {"display_name": "Ana"}},
        {"match": "email", "contact": {"display_name": "Ben Ode", "emails": [{"address": "BEN@example.com"}], "title": "CTO"}},
        {"match": "phone", "contact": {"display_name": "Ben Ode", "phones": [{"number": "+1 555 0103"}], "title": "CTO"}},
        {"match": "crm:7", "contact": {"display_name": "Dana", "external_ids": {"hubspot": "9"}}},
        {"contact": {"display_name": "Future", "birthday": "2999-01-01"}},
        {"match": "email", "contact": {"display_name": "Cleo", "emails": [{"address": "cleo@example.com"}]}},
    ]);
    let res = batch(&app, &s, "", items.clone()).await;
    assert_eq!(res.status, 200, "{}", res.text());
    let report = res.json();
    assert_eq!(
        statuses(&report),
        ["created", "updated", "updated", "created", "failed", "created"]
    );
    assert_eq!(
        (
            report["created"].clone(),
            report["updated"].clone(),
            report["unchanged"].clone(),
            report["failed"].clone()
        ),
        (json!(3), json!(2), json!(0), json!(1))
    );
    assert_eq!(report["items"][1]["id"], ben_id);
    assert_eq!(report["items"][2]["id"], ben_id);
    let failed = &report["items"][4];
    assert_eq!(failed["id"], Value::Null);
    assert_eq!(failed["error"]["status"], 422);
    assert_eq!(failed["error"]["errors"][0]["field"], "contact.birthday");
    crate::helpers::search_indexes_match_their_tables(&app);

    // The update set what the item gave and kept the rest.
    let got = app
        .get(&format!("/v1/contacts/{ben_id}"))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(
        (
            got["display_name"].as_str(),
            got["title"].as_str(),
            got["company"].as_str()
        ),
        (Some("Ben Ode"), Some("CTO"), Some("Initech"))
    );
    // The contact created by an external id holds it beside its own.
    let dana = report["items"][3]["id"].as_str().unwrap();
    let got = app
        .get(&format!("/v1/contacts/{dana}"))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(got["external_ids"], json!({"crm": "7", "hubspot": "9"}));

    // The same batch again changes nothing it already did.
    let again = batch(&app, &s, "", items).await.json();
    assert_eq!(
        statuses(&again),
        [
            "created",
            "unchanged",
            "unchanged",
            "unchanged",
            "failed",
            "unchanged"
        ]
    );
    assert_eq!(again["items"][3]["id"], dana);
    let mine = listed(&app, &s, "/v1/contacts?limit=100").await;
    assert_eq!(mine, ["Ana", "Ana", "Ben Ode", "Cleo", "Dana"]);
    assert_eq!(listed(&app, &eve, "/v1/contacts").await, ["Eve's Cleo"]);

    // A trashed contact is not matched by email: a new one is created.
    let cleo = again["items"][5]["id"].as_str().unwrap();
    app.delete(&format!("/v1/contacts/{cleo}"))
        .auth(&s)
        .send()
        .await;
    let res = batch(
        &app,
        &s,
        "",
        json!([{"match": "email", "contact": {"display_name": "Cleo", "emails": [{"address": "cleo@example.com"}]}}]),
    )
    .await;
    let report = res.json();
    assert_eq!(statuses(&report), ["created"]);
    assert_ne!(report["items"][0]["id"], cleo);
}

#[actix_web::test]
async fn an_atomic_batch_is_all_or_nothing_and_bad_bodies_change_nothing() {
    let app = TestApp::spawn().await;
    let s = app.user("atomic@example.com").await;
    app.contact(
        &s,
        json!({"display_name": "Held", "external_ids": {"crm": "1"}}),
    )
    .await;
    let items = json!([
        {"contact": {"display_name": "Fine"}},
        {"contact": {"display_name": "Bad birthday", "birthday": "2999-01-01"}},
        {"contact": {"display_name": "Taken", "external_ids": {"crm": "1"}}},
    ]);
    let res = batch(&app, &s, "?atomic=true", items.clone()).await;
    let p = res.problem(422, "validation_failed");
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["items[1].contact.birthday", "items[2]"]);
    assert_eq!(listed(&app, &s, "/v1/contacts").await, ["Held"]);
    // Only conflicts: a 409.
    let res = batch(&app, &s, "?atomic=true", json!([items[0], items[2]])).await;
    res.problem(409, "batch_conflict");
    assert_eq!(listed(&app, &s, "/v1/contacts").await, ["Held"]);
    // Without `atomic` the good one goes in; the taken id fails alone.
    let report = batch(&app, &s, "", items).await.json();
    assert_eq!(statuses(&report), ["created", "failed", "failed"]);
    assert_eq!(report["items"][2]["error"]["code"], "external_id_taken");
    assert_eq!(listed(&app, &s, "/v1/contacts").await, ["Fine", "Held"]);

    // A body that breaks the schema writes nothing, whatever `atomic` says,
    // and names each field.
    let res = batch(
        &app,
        &s,
        "",
        json!([{"contact": {"display_name": "Fine too"}}, {"contact": {"company": "No name"}},
               {"match": "fax", "contact": {"display_name": "X", "emails": [{"address": "nope"}]}}]),
    )
    .await;
    let p = res.problem(422, "validation_failed");
    let mut fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "items[1].contact.display_name",
            "items[2].contact.emails[0].address",
            "items[2].match"
        ]
    );
    assert_eq!(listed(&app, &s, "/v1/contacts").await, ["Fine", "Held"]);

    // The envelope: an object with 1–500 items, nothing else.
    let many: Vec<Value> = (0..501)
        .map(|n| json!({"contact": {"display_name": format!("P{n}")}}))
        .collect();
    for body in [
        json!({"items": []}),
        json!({"items": many}),
        json!({"items": {}}),
        json!({"items": [], "extra": 1}),
        json!([]),
        json!({}),
    ] {
        let res = app
            .post("/v1/contacts/batch")
            .auth(&s)
            .json(body)
            .send()
            .await;
        res.problem(422, "validation_failed");
    }
    assert_eq!(listed(&app, &s, "/v1/contacts").await, ["Fine", "Held"]);

    // An Idempotency-Key replays the answer instead of applying it again.
    let send = || {
        app.post("/v1/contacts/batch")
            .auth(&s)
            .header("Idempotency-Key", "batch-1")
            .json(json!({"items": [{"contact": {"display_name": "Once"}}]}))
            .send()
    };
    let first = send().await.json();
    let second = send().await.json();
    assert_eq!(first, second);
    assert_eq!(
        listed(&app, &s, "/v1/contacts").await,
        ["Fine", "Held", "Once"]
    );

    // Another user's batch never touches these contacts.
    let eve = app.user("atomic-eve@example.com").await;
    let report = batch(
        &app,
        &eve,
        "",
        json!([{"match": "crm:1", "contact": {"display_name": "Eve's"}}]),
    )
    .await
    .json();
    assert_eq!(statuses(&report), ["created"]);
    assert_eq!(
        listed(&app, &s, "/v1/contacts").await,
        ["Fine", "Held", "Once"]
    );
}
