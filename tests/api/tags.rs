use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

async fn contact(app: &TestApp, s: &Session, c: &Value) -> Value {
    app.get(&format!("/v1/contacts/{}", c["id"].as_str().unwrap()))
        .auth(s)
        .send()
        .await
        .json()
}

async fn tag_list(app: &TestApp, s: &Session) -> Value {
    app.get("/v1/tags").auth(s).send().await.json()["items"].clone()
}

#[actix_web::test]
async fn a_tag_cadence_is_inherited_by_contacts_without_one() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app
        .contact(
            &s,
            json!({"display_name": "Ben", "tags": ["investors", "friends"]}),
        )
        .await;
    let cleo = app
        .contact(
            &s,
            json!({"display_name": "Cleo", "tags": ["friends"], "cadence_days": 100}),
        )
        .await;
    assert_eq!(ben["effective_cadence_days"], Value::Null);

    let put = app
        .put_tag(&s, "Friends", json!({"default_cadence_days": 60}))
        .await;
    assert_eq!(
        put,
        json!({"name": "friends", "contact_count": 2, "default_cadence_days": 60})
    );
    assert_eq!(contact(&app, &s, &ben).await["effective_cadence_days"], 60);
    assert_eq!(
        contact(&app, &s, &cleo).await["effective_cadence_days"],
        100,
        "its own cadence wins"
    );

    // The shortest among its tags.
    app.put_tag(&s, "investors", json!({"default_cadence_days": 14}))
        .await;
    let b = contact(&app, &s, &ben).await;
    assert_eq!(b["effective_cadence_days"], 14);
    assert!(b["next_due_at"].is_string());

    // Changing a tag's cadence moves its contacts.
    app.put_tag(&s, "investors", json!({"default_cadence_days": null}))
        .await;
    assert_eq!(contact(&app, &s, &ben).await["effective_cadence_days"], 60);

    // A new contact with the tag inherits at once; dropping the tag drops it.
    let dan = app
        .contact(&s, json!({"display_name": "Dan", "tags": ["friends"]}))
        .await;
    assert_eq!(dan["effective_cadence_days"], 60);
    let d = app
        .patch(&format!("/v1/contacts/{}", dan["id"].as_str().unwrap()))
        .auth(&s)
        .json(json!({"tags": []}))
        .send()
        .await
        .json();
    assert_eq!(d["effective_cadence_days"], Value::Null);
    assert_eq!(d["next_due_at"], Value::Null);

    let tags = tag_list(&app, &s).await;
    assert_eq!(
        tags,
        json!([
            {"name": "friends", "contact_count": 2, "default_cadence_days": 60},
            {"name": "investors", "contact_count": 1, "default_cadence_days": null},
        ])
    );

    // An interaction with several contacts refreshes each by its own
    // cadence: Ben's from his tag (shortest of his tags now 14), Cleo's own.
    app.put_tag(&s, "investors", json!({"default_cadence_days": 14}))
        .await;
    let at = "2026-01-10T12:00:00Z";
    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(
            json!({"kind": "call", "direction": "mutual", "summary": "Catch-up",
                     "occurred_at": at, "contact_ids": [ben["id"], cleo["id"], dan["id"]]}),
        )
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let due = |c: &Value| (c["last_interaction_at"].clone(), c["next_due_at"].clone());
    assert_eq!(
        due(&contact(&app, &s, &ben).await),
        (
            json!("2026-01-10T12:00:00.000000Z"),
            json!("2026-01-24T12:00:00.000000Z")
        )
    );
    assert_eq!(
        due(&contact(&app, &s, &cleo).await),
        (
            json!("2026-01-10T12:00:00.000000Z"),
            json!("2026-04-20T12:00:00.000000Z")
        )
    );
    assert_eq!(
        due(&contact(&app, &s, &dan).await),
        (json!("2026-01-10T12:00:00.000000Z"), Value::Null),
        "no tag, no cadence"
    );
}

#[actix_web::test]
async fn renaming_a_tag_moves_and_merges_it() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app
        .contact(
            &s,
            json!({"display_name": "Ben", "tags": ["vc", "investors"]}),
        )
        .await;
    let cleo = app
        .contact(&s, json!({"display_name": "Cleo", "tags": ["vc"]}))
        .await;
    app.put_tag(&s, "vc", json!({"default_cadence_days": 21}))
        .await;

    let res = app
        .patch("/v1/tags/vc")
        .auth(&s)
        .json(json!({"name": "Investors"}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(
        res.json(),
        json!({"name": "investors", "contact_count": 2, "default_cadence_days": 21})
    );
    assert_eq!(contact(&app, &s, &ben).await["tags"], json!(["investors"]));
    assert_eq!(contact(&app, &s, &cleo).await["tags"], json!(["investors"]));
    assert_eq!(contact(&app, &s, &cleo).await["effective_cadence_days"], 21);
    let filtered = app.get("/v1/contacts?tag=vc").auth(&s).send().await.json();
    assert!(filtered["items"].as_array().unwrap().is_empty());
    let filtered = app
        .get("/v1/contacts?tag=investors")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(filtered["items"].as_array().unwrap().len(), 2);

    app.patch("/v1/tags/nope")
        .auth(&s)
        .json(json!({"name": "x"}))
        .send()
        .await
        .problem(404, "not_found");
    let bad = app
        .patch("/v1/tags/investors")
        .auth(&s)
        .json(json!({"name": "a/b"}))
        .send()
        .await;
    assert_eq!(bad.invalid_fields(), ["name"]);

    // A tag that no contact has, kept by its settings alone, is renamed too.
    app.put_tag(&s, "someday", json!({"default_cadence_days": null}))
        .await;
    let renamed = app
        .patch("/v1/tags/someday")
        .auth(&s)
        .json(json!({"name": "later"}))
        .send()
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.text());
    assert_eq!(renamed.json()["name"], "later");
    let names: Vec<Value> = tag_list(&app, &s)
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].clone())
        .collect();
    assert!(names.contains(&json!("later")) && !names.contains(&json!("someday")));
}

#[actix_web::test]
async fn deleting_a_tag_removes_it_everywhere() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app
        .contact(&s, json!({"display_name": "Ben", "tags": ["old", "keep"]}))
        .await;
    app.put_tag(&s, "old", json!({"default_cadence_days": 5}))
        .await;
    assert_eq!(contact(&app, &s, &ben).await["effective_cadence_days"], 5);
    assert_eq!(app.delete("/v1/tags/old").auth(&s).send().await.status, 204);
    let b = contact(&app, &s, &ben).await;
    assert_eq!(b["tags"], json!(["keep"]));
    assert_eq!(b["effective_cadence_days"], Value::Null);
    assert_eq!(
        tag_list(&app, &s).await,
        json!([{"name": "keep", "contact_count": 1, "default_cadence_days": null}])
    );
    app.delete("/v1/tags/old")
        .auth(&s)
        .send()
        .await
        .problem(404, "not_found");
}

#[actix_web::test]
async fn tags_are_per_user_and_validated() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let eve = app.user("eve@example.com").await;
    app.contact(
        &s,
        json!({"display_name": "Ben", "tags": ["secret-project"]}),
    )
    .await;
    assert_eq!(tag_list(&app, &eve).await, json!([]));
    app.delete("/v1/tags/secret-project")
        .auth(&eve)
        .send()
        .await
        .problem(404, "not_found");
    app.patch("/v1/tags/secret-project")
        .auth(&eve)
        .json(json!({"name": "mine"}))
        .send()
        .await
        .problem(404, "not_found");
    assert_eq!(tag_list(&app, &s).await[0]["contact_count"], 1);

    let bad = app
        .req(actix_web::http::Method::PUT, "/v1/tags/friends")
        .auth(&s)
        .json(json!({"default_cadence_days": 0, "colour": "red"}))
        .send()
        .await;
    let mut fields = bad.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["colour", "default_cadence_days"]);
    let missing = app
        .req(actix_web::http::Method::PUT, "/v1/tags/friends")
        .auth(&s)
        .json(json!({}))
        .send()
        .await;
    assert_eq!(missing.invalid_fields(), ["default_cadence_days"]);
}
