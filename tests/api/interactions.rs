use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

fn ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).to_rfc3339()
}

async fn log(app: &TestApp, s: &Session, contact_ids: &[&Value], days_ago: i64) -> Value {
    let res = app
        .post("/v1/interactions")
        .auth(s)
        .json(json!({
            "kind": "call", "direction": "outbound", "summary": "Catch-up",
            "occurred_at": ago(days_ago), "contact_ids": contact_ids,
        }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

async fn contact(app: &TestApp, s: &Session, id: &Value) -> Value {
    app.get(&format!("/v1/contacts/{}", id.as_str().unwrap()))
        .auth(s)
        .send()
        .await
        .json()
}

fn days_between(a: &Value, b: &Value) -> f64 {
    let a = chrono::DateTime::parse_from_rfc3339(a.as_str().unwrap()).unwrap();
    let b = chrono::DateTime::parse_from_rfc3339(b.as_str().unwrap()).unwrap();
    (b - a).num_seconds() as f64 / 86_400.0
}

#[actix_web::test]
async fn an_interaction_is_logged_read_and_listed() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let cleo = app.contact(&s, json!({"display_name": "Cleo"})).await;
    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(json!({
            "kind": "video_call", "direction": "inbound", "summary": " Intro call ",
            "notes": "Talked about Rust", "contact_ids": [cleo["id"], ben["id"]],
            "follow_up_on": "2030-01-02"
        }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let i = res.json();
    let id = i["id"].as_str().unwrap();
    assert_eq!(
        res.header("location").unwrap(),
        format!("/v1/interactions/{id}")
    );
    assert_eq!(res.header("etag").as_deref(), Some("\"1\""));
    assert_eq!(i["summary"], "Intro call");
    assert_eq!(i["contact_ids"], json!([cleo["id"], ben["id"]]));
    assert_eq!(i["counts_as_touch"], true);
    assert_eq!(
        app.get(&format!("/v1/interactions/{id}"))
            .auth(&s)
            .send()
            .await
            .json(),
        i
    );

    log(&app, &s, &[&ben["id"]], 3).await;
    let all = app.get("/v1/interactions").auth(&s).send().await.json();
    let summaries: Vec<&str> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["summary"].as_str().unwrap())
        .collect();
    assert_eq!(summaries, ["Intro call", "Catch-up"], "newest first");
    let cleos = app
        .get(&format!(
            "/v1/contacts/{}/interactions",
            cleo["id"].as_str().unwrap()
        ))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(cleos["items"].as_array().unwrap().len(), 1);
    let calls = app
        .get("/v1/interactions?kind=call")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(calls["items"].as_array().unwrap().len(), 1);
    let inbound = app
        .get(&format!(
            "/v1/interactions?direction=inbound&contact_id={}",
            ben["id"].as_str().unwrap()
        ))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(inbound["items"][0]["id"], i["id"]);
}

#[actix_web::test]
async fn since_is_inclusive_until_exclusive_and_pages_are_complete() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let mut times = Vec::new();
    for d in 1..=7 {
        times.push(
            log(&app, &s, &[&ben["id"]], d).await["occurred_at"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    // times[0] is the newest (1 day ago), times[6] the oldest.
    let url = format!(
        "/v1/interactions?since={}&until={}",
        urlencode(&times[4]),
        urlencode(&times[1])
    );
    let page = app.get(&url).auth(&s).send().await.json();
    let got: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["occurred_at"].as_str().unwrap())
        .collect();
    assert_eq!(
        got,
        [times[2].as_str(), times[3].as_str(), times[4].as_str()]
    );

    let mut seen = Vec::new();
    let mut next = String::new();
    loop {
        let url = format!(
            "/v1/contacts/{}/interactions?limit=2{next}",
            ben["id"].as_str().unwrap()
        );
        let page = app.get(&url).auth(&s).send().await.json();
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["occurred_at"].as_str().unwrap().to_string()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => next = format!("&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, times);
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

#[actix_web::test]
async fn bad_interactions_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let eve = app.user("eve@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let eves = app.contact(&eve, json!({"display_name": "Eve's"})).await;
    let tomorrow_and_more = (Utc::now() + Duration::hours(25)).to_rfc3339();
    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(json!({
            "kind": "pigeon", "direction": "sideways", "summary": "x".repeat(201),
            "occurred_at": tomorrow_and_more, "contact_ids": [], "follow_up_on": "soon",
            "counts_as_touch": "yes", "id": "mine"
        }))
        .send()
        .await;
    let mut fields = res.invalid_fields();
    fields.sort();
    assert_eq!(
        fields,
        [
            "contact_ids",
            "counts_as_touch",
            "direction",
            "follow_up_on",
            "id",
            "kind",
            "occurred_at",
            "summary"
        ]
    );

    let base = json!({"kind": "call", "direction": "outbound", "summary": "x"});
    let with = |ids: Value| {
        let mut b = base.clone();
        b["contact_ids"] = ids;
        b
    };
    let dup = app
        .post("/v1/interactions")
        .auth(&s)
        .json(with(json!([ben["id"], ben["id"]])))
        .send()
        .await;
    assert_eq!(
        dup.invalid_fields(),
        ["contact_ids[1]"],
        "the second naming"
    );
    let foreign = app
        .post("/v1/interactions")
        .auth(&s)
        .json(with(json!([ben["id"], eves["id"]])))
        .send()
        .await;
    let unknown = app
        .post("/v1/interactions")
        .auth(&s)
        .json(with(json!([
            ben["id"],
            "01a00000-0000-7000-8000-000000000000"
        ])))
        .send()
        .await;
    // Another user's contact reads exactly like one that does not exist.
    assert_eq!(foreign.invalid_fields(), ["contact_ids[1]"]);
    assert_eq!(foreign.json()["errors"], unknown.json()["errors"]);

    let list = app.get("/v1/interactions").auth(&s).send().await.json();
    assert!(list["items"].as_array().unwrap().is_empty());
    assert_eq!(contact(&app, &s, &ben["id"]).await["version"], 1);
    let bad_query = app
        .get("/v1/interactions?kind=pigeon&since=yesterday&limit=0")
        .auth(&s)
        .send()
        .await;
    let mut fields = bad_query.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["kind", "limit", "since"]);
}

#[actix_web::test]
async fn another_users_interaction_is_not_found() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let eve = app.user("eve@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let i = log(&app, &s, &[&ben["id"]], 1).await;
    let url = format!("/v1/interactions/{}", i["id"].as_str().unwrap());
    app.assert_hidden_from(&eve, &url, json!({"summary": "mine"}))
        .await;
    app.get(&format!(
        "/v1/contacts/{}/interactions",
        ben["id"].as_str().unwrap()
    ))
    .auth(&eve)
    .send()
    .await
    .problem(404, "not_found");
    let theirs = app
        .get(&format!(
            "/v1/interactions?contact_id={}",
            ben["id"].as_str().unwrap()
        ))
        .auth(&eve)
        .send()
        .await
        .json();
    assert!(theirs["items"].as_array().unwrap().is_empty());
    assert_eq!(app.get(&url).auth(&s).send().await.json(), i);
}

#[actix_web::test]
async fn etags_and_preconditions_guard_interactions() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let i = log(&app, &s, &[&ben["id"]], 1).await;
    let url = format!("/v1/interactions/{}", i["id"].as_str().unwrap());
    assert_eq!(
        app.get(&url)
            .auth(&s)
            .header("if-none-match", "\"1\"")
            .send()
            .await
            .status,
        304
    );
    let ok = app
        .patch(&url)
        .auth(&s)
        .header("if-match", "\"1\"")
        .json(json!({"summary": "Lunch"}))
        .send()
        .await;
    assert_eq!(ok.status, 200);
    assert_eq!(ok.json()["version"], 2);
    app.patch(&url)
        .auth(&s)
        .header("if-match", "\"1\"")
        .json(json!({"summary": "Dinner"}))
        .send()
        .await
        .problem(412, "precondition_failed");
    app.delete(&url)
        .auth(&s)
        .header("if-match", "\"1\"")
        .send()
        .await
        .problem(412, "precondition_failed");
    assert_eq!(
        app.get(&url).auth(&s).send().await.json()["summary"],
        "Lunch"
    );
    assert_eq!(
        app.delete(&url)
            .auth(&s)
            .header("if-match", "\"2\"")
            .send()
            .await
            .status,
        204
    );
    app.get(&url)
        .auth(&s)
        .send()
        .await
        .problem(404, "not_found");
}

#[actix_web::test]
async fn touches_move_the_clock_of_every_participant() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app
        .contact(&s, json!({"display_name": "Ben", "cadence_days": 30}))
        .await;
    let cleo = app
        .contact(&s, json!({"display_name": "Cleo", "cadence_days": 10}))
        .await;
    // Never touched: due a cadence after creation.
    assert!((days_between(&ben["created_at"], &ben["next_due_at"]) - 30.0).abs() < 1e-6);
    assert_eq!(ben["last_interaction_at"], Value::Null);

    let older = log(&app, &s, &[&ben["id"], &cleo["id"]], 20).await;
    let newer = log(&app, &s, &[&ben["id"]], 5).await;
    let b = contact(&app, &s, &ben["id"]).await;
    assert_eq!(b["last_interaction_at"], newer["occurred_at"]);
    assert!((days_between(&b["last_interaction_at"], &b["next_due_at"]) - 30.0).abs() < 1e-6);
    let c = contact(&app, &s, &cleo["id"]).await;
    assert_eq!(c["last_interaction_at"], older["occurred_at"]);
    assert!(
        c["version"].as_i64().unwrap() > 1,
        "derived changes bump the version"
    );

    // Moving the newest back in time: the latest is now the other one.
    let url = format!("/v1/interactions/{}", newer["id"].as_str().unwrap());
    let moved = app
        .patch(&url)
        .auth(&s)
        .json(json!({"occurred_at": ago(40)}))
        .send()
        .await
        .json();
    assert_eq!(
        contact(&app, &s, &ben["id"]).await["last_interaction_at"],
        older["occurred_at"]
    );

    // Deleting the latest falls back to the one before.
    app.delete(&format!(
        "/v1/interactions/{}",
        older["id"].as_str().unwrap()
    ))
    .auth(&s)
    .send()
    .await;
    assert_eq!(
        contact(&app, &s, &ben["id"]).await["last_interaction_at"],
        moved["occurred_at"]
    );
    let c = contact(&app, &s, &cleo["id"]).await;
    assert_eq!(c["last_interaction_at"], Value::Null);
    assert_eq!(c["next_due_at"], Value::String(shift(&c["created_at"], 10)));

    // Not a touch: it is recorded but moves no clock.
    let note = app
        .post("/v1/interactions")
        .auth(&s)
        .json(
            json!({"kind": "email", "direction": "inbound", "summary": "Newsletter",
                     "contact_ids": [cleo["id"]], "counts_as_touch": false}),
        )
        .send()
        .await
        .json();
    assert_eq!(
        contact(&app, &s, &cleo["id"]).await["last_interaction_at"],
        Value::Null
    );
    // … until it is made one.
    app.patch(&format!(
        "/v1/interactions/{}",
        note["id"].as_str().unwrap()
    ))
    .auth(&s)
    .json(json!({"counts_as_touch": true}))
    .send()
    .await;
    assert_eq!(
        contact(&app, &s, &cleo["id"]).await["last_interaction_at"],
        note["occurred_at"]
    );

    // Changing the participants recomputes the one who left.
    app.patch(&format!(
        "/v1/interactions/{}",
        note["id"].as_str().unwrap()
    ))
    .auth(&s)
    .json(json!({"contact_ids": [ben["id"]]}))
    .send()
    .await;
    assert_eq!(
        contact(&app, &s, &cleo["id"]).await["last_interaction_at"],
        Value::Null
    );
    assert_eq!(
        contact(&app, &s, &ben["id"]).await["last_interaction_at"],
        note["occurred_at"]
    );
}

fn shift(t: &Value, days: i64) -> String {
    let t = chrono::DateTime::parse_from_rfc3339(t.as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
        + Duration::days(days);
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

#[actix_web::test]
async fn snooze_and_archive_shape_the_due_date() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app
        .contact(&s, json!({"display_name": "Ben", "cadence_days": 7}))
        .await;
    let url = format!("/v1/contacts/{}", ben["id"].as_str().unwrap());
    let snoozed = app
        .patch(&url)
        .auth(&s)
        .json(json!({"snoozed_until": "2099-03-04"}))
        .send()
        .await
        .json();
    assert_eq!(snoozed["next_due_at"], "2099-03-04T00:00:00.000000Z");
    let unsnoozed = app
        .patch(&url)
        .auth(&s)
        .json(json!({"snoozed_until": null}))
        .send()
        .await
        .json();
    assert_eq!(
        unsnoozed["next_due_at"],
        Value::String(shift(&ben["created_at"], 7))
    );
    let archived = app
        .patch(&url)
        .auth(&s)
        .json(json!({"archived": true}))
        .send()
        .await
        .json();
    assert_eq!(archived["next_due_at"], Value::Null);
    let back = app
        .patch(&url)
        .auth(&s)
        .json(json!({"archived": false, "cadence_days": null}))
        .send()
        .await
        .json();
    assert_eq!(back["next_due_at"], Value::Null, "no cadence, never due");
    assert_eq!(back["effective_cadence_days"], Value::Null);
}

#[actix_web::test]
async fn a_trashed_contact_keeps_its_interactions() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let i = log(&app, &s, &[&ben["id"]], 2).await;
    let url = format!("/v1/contacts/{}", ben["id"].as_str().unwrap());
    app.delete(&url).auth(&s).send().await;
    // A trashed contact cannot join a new interaction…
    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(json!({"kind": "call", "direction": "outbound", "summary": "x", "contact_ids": [ben["id"]]}))
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["contact_ids[0]"]);
    // …but keeps the ones it had, and shows them once restored.
    app.post(&format!("{url}/restore")).auth(&s).send().await;
    let list = app
        .get(&format!("{url}/interactions"))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(list["items"][0]["id"], i["id"]);
    assert_eq!(
        contact(&app, &s, &ben["id"]).await["last_interaction_at"],
        i["occurred_at"]
    );
}

#[actix_web::test]
async fn interactions_and_their_contacts_reach_the_change_feed() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app
        .contact(&s, json!({"display_name": "Ben", "cadence_days": 5}))
        .await;
    let i = log(&app, &s, &[&ben["id"]], 1).await;
    app.delete(&format!("/v1/interactions/{}", i["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await;
    let feed = app.get("/v1/changes?since=0").auth(&s).send().await.json();
    let entries: Vec<(String, String)> = feed["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["type"].as_str().unwrap().to_string(),
                c["op"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let as_str: Vec<(&str, &str)> = entries
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        as_str,
        [
            ("contact", "upsert"),
            ("interaction", "upsert"),
            ("contact", "upsert"),
            ("interaction", "delete"),
            ("contact", "upsert"),
        ]
    );
    assert_eq!(
        feed["changes"][2]["data"]["last_interaction_at"],
        i["occurred_at"]
    );
    assert_eq!(
        feed["changes"][4]["data"]["last_interaction_at"],
        Value::Null
    );
}
