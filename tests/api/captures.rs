//! Captures: message headers logged as interactions (`POST
//! /v1/captures/messages`), your own addresses, undo, suggestions.

use actix_web::http::Method;
use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

async fn capture(app: &TestApp, s: &Session, query: &str, messages: Value) -> Value {
    let res = app
        .post(&format!("/v1/captures/messages{query}"))
        .auth(s)
        .json(json!({ "messages": messages }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

#[actix_web::test]
async fn messages_with_contacts_become_email_interactions_once() {
    let app = TestApp::spawn().await;
    let s = app.user("me@example.com").await;
    let ana = app
        .contact(
            &s,
            json!({"display_name": "Ana", "emails": [{"address": "Ana@Example.com"}]}),
        )
        .await;
    let ben = app
        .contact(&s, json!({"display_name": "Ben", "emails": [{"address": "ben@example.com"}], "cadence_days": 30}))
        .await;
    // My login email is mine until I name others.
    let mine = app.get("/v1/me/addresses").auth(&s).send().await.json();
    assert_eq!(mine, json!({"addresses": ["me@example.com"]}));
    let res = app
        .req(Method::PUT, "/v1/me/addresses")
        .auth(&s)
        .json(json!({"addresses": ["ME@example.com", "me@work.example"]}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(
        res.json(),
        json!({"addresses": ["me@example.com", "me@work.example"]})
    );

    let first = capture(
        &app,
        &s,
        "",
        json!([
            {"source_id": "m1", "from": "me@work.example", "to": ["ana@example.com"], "cc": ["ben@example.com", "stranger@example.com"],
             "date": "2026-11-30T09:15:00Z", "subject": "Lunch next week?"},
            {"source_id": "m2", "from": "ANA@example.com", "to": ["me@example.com"],
             "date": "2026-11-30T10:00:00Z", "subject": "Re: Lunch next week?"},
            {"source_id": "m3", "from": "stranger@example.com", "to": ["me@example.com"], "date": "2026-11-29T10:00:00Z"},
        ]),
    )
    .await;
    assert_eq!(
        (
            &first["received"],
            &first["logged"],
            &first["duplicates"],
            &first["unmatched"]
        ),
        (&json!(3), &json!(2), &json!(0), &json!(1))
    );
    let logged = first["interactions"].as_array().unwrap();
    assert_eq!(logged[0]["kind"], "email");
    assert_eq!(logged[0]["direction"], "outbound");
    assert_eq!(logged[0]["summary"], "Lunch next week?");
    assert_eq!(logged[0]["contact_ids"], json!([ana["id"], ben["id"]]));
    assert_eq!(logged[1]["direction"], "inbound");
    assert_eq!(logged[1]["contact_ids"], json!([ana["id"]]));
    let ben_now = app
        .get(&format!("/v1/contacts/{}", ben["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(ben_now["last_interaction_at"], logged[0]["occurred_at"]);
    assert!(
        ben_now["next_due_at"].is_string(),
        "the cadence clock moved"
    );

    // The same messages again: nothing new. Without subjects, and a
    // thread's day collapsed into one interaction.
    let again = capture(
        &app,
        &s,
        "?store_subject=false&collapse=thread_day",
        json!([
            {"source_id": "m1", "from": "me@work.example", "to": ["ana@example.com"], "date": "2026-11-30T09:15:00Z"},
            {"source_id": "t1", "thread_id": "T", "from": "ben@example.com", "to": ["me@example.com"], "date": "2026-11-28T08:00:00Z", "subject": "Secret"},
            {"source_id": "t2", "thread_id": "T", "from": "me@example.com", "to": ["ben@example.com"], "date": "2026-11-28T18:00:00Z"},
            {"source_id": "m4", "from": "stranger@example.com", "to": ["me@example.com"], "date": "2026-11-27T10:00:00Z"},
        ]),
    )
    .await;
    assert_eq!(
        (&again["logged"], &again["duplicates"], &again["unmatched"]),
        (&json!(1), &json!(2), &json!(1))
    );
    assert_eq!(again["interactions"][0]["summary"], "Email");

    // The stranger was in three messages: a suggestion, until dismissed.
    let sug = app
        .get("/v1/captures/suggestions")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(sug["items"].as_array().unwrap().len(), 1, "{sug}");
    assert_eq!(sug["items"][0]["email"], "stranger@example.com");
    assert_eq!(sug["items"][0]["count"], 3);
    assert_eq!(sug["items"][0]["first_seen"], "2026-11-27T10:00:00.000000Z");
    let res = app
        .post("/v1/captures/suggestions/stranger@example.com/dismiss")
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 204);
    let sug = app
        .get("/v1/captures/suggestions?min_count=1")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(sug["items"], json!([]));

    // Undo: the first capture's interactions are gone, Ben's clock with them.
    let url = format!("/v1/captures/{}", first["id"].as_str().unwrap());
    let res = app.delete(&url).auth(&s).send().await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert!(res.json()["undone_at"].is_string());
    app.delete(&url)
        .auth(&s)
        .send()
        .await
        .problem(409, "capture_undone");
    let id = logged[0]["id"].as_str().unwrap();
    app.get(&format!("/v1/interactions/{id}"))
        .auth(&s)
        .send()
        .await
        .problem(404, "not_found");
    let ben_now = app
        .get(&format!("/v1/contacts/{}", ben["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(
        ben_now["last_interaction_at"],
        again["interactions"][0]["occurred_at"]
    );
    let list = app.get("/v1/captures?limit=1").auth(&s).send().await.json();
    assert_eq!(list["items"][0]["id"], again["id"]);
    assert!(list["next_cursor"].is_string());

    // Another user sees none of it and matches none of my contacts.
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
    let theirs = capture(
        &app,
        &eve,
        "",
        json!([{"source_id": "m1", "from": "ana@example.com", "to": ["eve@example.com"], "date": "2026-11-30T09:15:00Z"}]),
    )
    .await;
    assert_eq!(
        (&theirs["logged"], &theirs["unmatched"]),
        (&json!(0), &json!(1))
    );
}

#[actix_web::test]
async fn bad_messages_are_refused_whole() {
    let app = TestApp::spawn().await;
    let s = app.user("bad-capture@example.com").await;
    let res = app
        .post("/v1/captures/messages")
        .auth(&s)
        .json(json!({"messages": [
            {"source_id": "a", "from": "not-an-email", "date": "2026-11-30T09:15:00Z"},
            {"source_id": "b", "from": "a@example.com", "date": "2999-01-01T00:00:00Z"},
        ]}))
        .send()
        .await;
    let mut fields = res.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["messages[0].from", "messages[1].date"]);
    let list = app.get("/v1/captures").auth(&s).send().await.json();
    assert_eq!(list["items"], json!([]));
    let res = app
        .req(Method::PUT, "/v1/me/addresses")
        .auth(&s)
        .json(json!({"addresses": []}))
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["addresses"]);
}
