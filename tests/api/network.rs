use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

async fn rel(
    app: &TestApp,
    s: &Session,
    a: &Value,
    b: &Value,
    kind: &str,
    strength: i64,
) -> crate::helpers::Resp {
    app.post("/v1/relationships")
        .auth(s)
        .json(
            json!({"contact_id": a["id"], "other_id": b["id"], "kind": kind, "strength": strength}),
        )
        .send()
        .await
}

async fn seen_from(app: &TestApp, s: &Session, c: &Value) -> Vec<Value> {
    let res = app
        .get(&format!(
            "/v1/contacts/{}/relationships",
            c["id"].as_str().unwrap()
        ))
        .auth(s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    res.json()["items"].as_array().unwrap().clone()
}

#[actix_web::test]
async fn a_relationship_reads_from_both_sides_and_only_once() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let mia = app.contact(&s, json!({"display_name": "Mia"})).await;
    let tom = app.contact(&s, json!({"display_name": "Tom"})).await;
    let res = rel(&app, &s, &mia, &tom, "mentor_of", 4).await;
    assert_eq!(res.status, 201, "{}", res.text());
    let r = res.json();
    assert_eq!(r["kind"], "mentor_of");
    assert!(res
        .header("location")
        .unwrap()
        .ends_with(r["id"].as_str().unwrap()));

    let from_tom = seen_from(&app, &s, &tom).await;
    assert_eq!(from_tom.len(), 1);
    assert_eq!(from_tom[0]["kind"], "mentee_of");
    assert_eq!(from_tom[0]["contact_id"], tom["id"]);
    assert_eq!(
        from_tom[0]["other"],
        json!({"id": mia["id"], "display_name": "Mia"})
    );
    assert_eq!(seen_from(&app, &s, &mia).await[0]["kind"], "mentor_of");

    // The same again, or its inverse from the other side: a conflict.
    rel(&app, &s, &mia, &tom, "mentor_of", 3)
        .await
        .problem(409, "relationship_exists");
    rel(&app, &s, &tom, &mia, "mentee_of", 3)
        .await
        .problem(409, "relationship_exists");
    // Tom mentoring Mia is another relationship; so is being friends.
    assert_eq!(rel(&app, &s, &tom, &mia, "mentor_of", 3).await.status, 201);
    assert_eq!(rel(&app, &s, &tom, &mia, "friend", 3).await.status, 201);
    rel(&app, &s, &mia, &tom, "friend", 5)
        .await
        .problem(409, "relationship_exists");
    assert_eq!(seen_from(&app, &s, &mia).await.len(), 3);

    let self_link = rel(&app, &s, &mia, &mia, "friend", 3).await;
    assert_eq!(self_link.invalid_fields(), ["other_id"]);
    let bad = app
        .post("/v1/relationships")
        .auth(&s)
        .json(
            json!({"contact_id": mia["id"], "other_id": tom["id"], "kind": "enemy", "strength": 9}),
        )
        .send()
        .await;
    let mut fields = bad.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["kind", "strength"]);

    let url = format!("/v1/relationships/{}", r["id"].as_str().unwrap());
    let patched = app
        .patch(&url)
        .auth(&s)
        .json(json!({"strength": 2, "note": "since 2019"}))
        .send()
        .await
        .json();
    assert_eq!(
        (patched["strength"].as_i64(), patched["version"].as_i64()),
        (Some(2), Some(2))
    );
    // Changing it into a duplicate of another is a conflict too.
    app.patch(&url)
        .auth(&s)
        .json(json!({"kind": "friend"}))
        .send()
        .await
        .problem(409, "relationship_exists");
    assert_eq!(app.delete(&url).auth(&s).send().await.status, 204);
    assert_eq!(seen_from(&app, &s, &tom).await.len(), 2);
}

#[actix_web::test]
async fn relationships_are_private() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let eve = app.user("eve@example.com").await;
    let a = app.contact(&s, json!({"display_name": "A"})).await;
    let b = app.contact(&s, json!({"display_name": "B"})).await;
    let x = app.contact(&eve, json!({"display_name": "X"})).await;
    let r = rel(&app, &s, &a, &b, "friend", 3).await.json();
    let url = format!("/v1/relationships/{}", r["id"].as_str().unwrap());
    app.assert_hidden_from(&eve, &url, json!({"strength": 1}))
        .await;
    app.get(&format!(
        "/v1/contacts/{}/relationships",
        a["id"].as_str().unwrap()
    ))
    .auth(&eve)
    .send()
    .await
    .problem(404, "not_found");
    let mixed = rel(&app, &s, &a, &x, "friend", 3).await;
    assert_eq!(mixed.invalid_fields(), ["other_id"]);
    assert_eq!(app.get(&url).auth(&s).send().await.json()["strength"], 3);
}

async fn intro(app: &TestApp, s: &Session, body: Value) -> Value {
    let res = app
        .post("/v1/introductions")
        .auth(s)
        .json(body)
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

async fn entries_of(app: &TestApp, s: &Session) -> Vec<Value> {
    app.get("/v1/ledger?limit=200").auth(s).send().await.json()["items"]
        .as_array()
        .unwrap()
        .clone()
}

#[actix_web::test]
async fn my_introduction_links_both_and_records_two_favors() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let cleo = app.contact(&s, json!({"display_name": "Cleo"})).await;
    let i = intro(
        &app,
        &s,
        json!({"person_a_id": ben["id"], "person_b_id": cleo["id"], "note": "both into Rust"}),
    )
    .await;
    assert_eq!(i["status"], "proposed");
    assert_eq!(i["made_on"], Value::Null);
    assert!(
        entries_of(&app, &s).await.is_empty(),
        "proposed has no effects"
    );

    let url = format!("/v1/introductions/{}", i["id"].as_str().unwrap());
    let made = app
        .patch(&url)
        .auth(&s)
        .json(json!({"status": "made"}))
        .send()
        .await
        .json();
    assert_eq!(made["made_on"], Utc::now().date_naive().to_string());
    let from_ben = seen_from(&app, &s, &ben).await;
    assert_eq!(from_ben.len(), 1);
    assert_eq!(from_ben[0]["kind"], "knows");
    let entries = entries_of(&app, &s).await;
    assert_eq!(entries.len(), 2);
    for e in &entries {
        assert_eq!(
            (
                e["direction"].as_str(),
                e["kind"].as_str(),
                e["status"].as_str()
            ),
            (Some("given"), Some("introduction"), Some("done"))
        );
        assert_eq!(e["introduction_id"], i["id"]);
    }
    let bal = app
        .get(&format!(
            "/v1/contacts/{}/balance",
            cleo["id"].as_str().unwrap()
        ))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(bal["balance"], 1);

    // Away from made: the favors go, the relationship stays.
    app.patch(&url)
        .auth(&s)
        .json(json!({"status": "declined"}))
        .send()
        .await;
    assert!(entries_of(&app, &s).await.is_empty());
    assert_eq!(seen_from(&app, &s, &ben).await.len(), 1);
    // Made again, then deleted: the favors come and go with it.
    app.patch(&url)
        .auth(&s)
        .json(json!({"status": "made"}))
        .send()
        .await;
    assert_eq!(entries_of(&app, &s).await.len(), 2);
    assert_eq!(
        seen_from(&app, &s, &ben).await.len(),
        1,
        "no second relationship"
    );
    assert_eq!(app.delete(&url).auth(&s).send().await.status, 204);
    assert!(entries_of(&app, &s).await.is_empty());
    let bal = app
        .get(&format!(
            "/v1/contacts/{}/balance",
            cleo["id"].as_str().unwrap()
        ))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(bal["balance"], 0);
}

#[actix_web::test]
async fn being_introduced_records_what_i_received_and_whom_i_met_via() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let xena = app.contact(&s, json!({"display_name": "Xena"})).await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let other = app.contact(&s, json!({"display_name": "Other"})).await;
    let cleo = app
        .contact(&s, json!({"display_name": "Cleo", "met_via": other["id"]}))
        .await;

    intro(&app, &s, json!({"introducer_id": xena["id"], "person_b_id": ben["id"], "status": "made", "made_on": "2026-01-15"})).await;
    let b = app
        .get(&format!("/v1/contacts/{}", ben["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(b["met_via"], xena["id"]);
    let entries = entries_of(&app, &s).await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["contact_id"], xena["id"]);
    assert_eq!(entries[0]["direction"], "received");
    assert_eq!(entries[0]["occurred_on"], "2026-01-15");

    // met_via is only filled when empty.
    intro(
        &app,
        &s,
        json!({"introducer_id": xena["id"], "person_b_id": cleo["id"], "status": "made"}),
    )
    .await;
    let c = app
        .get(&format!("/v1/contacts/{}", cleo["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(c["met_via"], other["id"]);

    // A contact introducing two others: they get linked, no favor is mine.
    let before = entries_of(&app, &s).await.len();
    intro(&app, &s, json!({"introducer_id": xena["id"], "person_a_id": ben["id"], "person_b_id": other["id"], "status": "made"})).await;
    assert_eq!(entries_of(&app, &s).await.len(), before);
    assert_eq!(
        seen_from(&app, &s, &other).await[0]["other"]["id"],
        ben["id"]
    );
}

#[actix_web::test]
async fn introductions_check_their_people() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let eve = app.user("eve@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let x = app.contact(&eve, json!({"display_name": "X"})).await;
    let nobody = app
        .post("/v1/introductions")
        .auth(&s)
        .json(json!({"person_b_id": ben["id"]}))
        .send()
        .await;
    assert_eq!(nobody.invalid_fields(), ["introducer_id", "person_a_id"]);
    let twice = app
        .post("/v1/introductions")
        .auth(&s)
        .json(json!({"person_a_id": ben["id"], "person_b_id": ben["id"]}))
        .send()
        .await;
    assert_eq!(twice.invalid_fields(), ["person_b_id"]);
    let foreign = app
        .post("/v1/introductions")
        .auth(&s)
        .json(json!({"person_a_id": x["id"], "person_b_id": ben["id"]}))
        .send()
        .await;
    assert_eq!(foreign.invalid_fields(), ["person_a_id"]);
    let bad = app
        .post("/v1/introductions")
        .auth(&s)
        .json(json!({"person_a_id": ben["id"], "status": "maybe"}))
        .send()
        .await;
    let mut fields = bad.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["person_b_id", "status"]);
    let list = app.get("/v1/introductions").auth(&s).send().await.json();
    assert!(list["items"].as_array().unwrap().is_empty());

    let cleo = app.contact(&s, json!({"display_name": "Cleo"})).await;
    let i = intro(
        &app,
        &s,
        json!({"person_a_id": ben["id"], "person_b_id": cleo["id"]}),
    )
    .await;
    let url = format!("/v1/introductions/{}", i["id"].as_str().unwrap());
    app.assert_hidden_from(&eve, &url, json!({"status": "made"}))
        .await;
    let by_contact = app
        .get(&format!(
            "/v1/introductions?contact_id={}&status=proposed",
            cleo["id"].as_str().unwrap()
        ))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(by_contact["items"][0]["id"], i["id"]);
    let made = app
        .get("/v1/introductions?status=made")
        .auth(&s)
        .send()
        .await
        .json();
    assert!(made["items"].as_array().unwrap().is_empty());
}

#[actix_web::test]
async fn a_month_old_introduction_without_outcome_asks_for_one() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ana = app.contact(&s, json!({"display_name": "Ana"})).await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let long_ago = (Utc::now() - Duration::days(31)).date_naive().to_string();
    let recent = (Utc::now() - Duration::days(5)).date_naive().to_string();
    let i = intro(&app, &s, json!({"person_a_id": ana["id"], "person_b_id": ben["id"], "status": "made", "made_on": long_ago})).await;
    let cleo = app.contact(&s, json!({"display_name": "Cleo"})).await;
    intro(&app, &s, json!({"person_a_id": ana["id"], "person_b_id": cleo["id"], "status": "made", "made_on": recent})).await;

    let items = app.get("/v1/agenda").auth(&s).send().await.json()["items"]
        .as_array()
        .unwrap()
        .clone();
    let follow: Vec<&Value> = items
        .iter()
        .filter(|i| i["type"] == "introduction_follow_up")
        .collect();
    assert_eq!(follow.len(), 1);
    assert_eq!(follow[0]["contact_id"], ben["id"]);
    assert_eq!(follow[0]["introduction_id"], i["id"]);
    assert_eq!(follow[0]["reason"], "ask Ana how meeting Ben went");
    assert_eq!(follow[0]["days_overdue"], 31);

    app.patch(&format!("/v1/introductions/{}", i["id"].as_str().unwrap()))
        .auth(&s)
        .json(json!({"outcome": "They are working together"}))
        .send()
        .await;
    let items = app.get("/v1/agenda").auth(&s).send().await.json()["items"]
        .as_array()
        .unwrap()
        .clone();
    assert!(items.iter().all(|i| i["type"] != "introduction_follow_up"));
}

#[actix_web::test]
async fn reach_finds_the_best_path_to_each_target() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let c = |name: &str, company: &str, closeness: Value| json!({"display_name": name, "company": company, "closeness": closeness});
    let direct = app.contact(&s, c("Dana Direct", "Acme", json!(4))).await;
    let via_t = app.contact(&s, c("Dana Via", "Acme", json!(1))).await;
    let weak_t = app.contact(&s, c("Walt Weak", "ACME", Value::Null)).await;
    let both = app.contact(&s, c("Bo Both", "acme", json!(3))).await;
    app.contact(&s, c("Nobody Knows", "Acme", json!(2))).await;
    let elsewhere = app
        .contact(&s, c("Elsa Elsewhere", "Initech", json!(5)))
        .await;
    let friend = app.contact(&s, c("Fran Friend", "Globex", json!(5))).await;
    let acq = app
        .contact(&s, c("Al Acquaintance", "Globex", json!(2)))
        .await;
    let vague = app.contact(&s, c("Val Vague", "Globex", Value::Null)).await;
    rel(&app, &s, &friend, &via_t, "colleague", 4).await; // 5 × 4 / 5 = 4.0
    rel(&app, &s, &via_t, &acq, "friend", 5).await; // 2 × 5 / 5 = 2.0 (worse)
    rel(&app, &s, &vague, &weak_t, "knows", 5).await; // 1 × 5 / 5 = 1.0
    rel(&app, &s, &friend, &both, "mentor_of", 5).await; // 5.0 beats direct 3
    rel(&app, &s, &friend, &elsewhere, "friend", 5).await;

    let res = app
        .get("/v1/network/reach?company=acme")
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let items = res.json()["items"].as_array().unwrap().clone();
    let got: Vec<(String, String, Option<String>, f64)> = items
        .iter()
        .map(|i| {
            (
                i["target"]["display_name"].as_str().unwrap().to_string(),
                i["path"].as_str().unwrap().to_string(),
                i["via"]["display_name"].as_str().map(str::to_owned),
                i["score"].as_f64().unwrap(),
            )
        })
        .collect();
    let f = Some("Fran Friend".to_string());
    assert_eq!(
        got,
        [
            ("Bo Both".to_string(), "via".to_string(), f.clone(), 5.0),
            ("Dana Direct".to_string(), "direct".to_string(), None, 4.0),
            ("Dana Via".to_string(), "via".to_string(), f, 4.0),
            (
                "Walt Weak".to_string(),
                "via".to_string(),
                Some("Val Vague".to_string()),
                1.0
            ),
        ]
    );
    assert_eq!(items[1]["target"]["id"], direct["id"]);
    assert_eq!(items[1]["via"], Value::Null);
    assert_eq!(items[0]["target"]["company"], "acme");

    let limited = app
        .get("/v1/network/reach?company=acme&limit=2")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(limited["items"].as_array().unwrap().len(), 2);
    let none = app.get("/v1/network/reach").auth(&s).send().await;
    assert_eq!(none.invalid_fields(), ["company"]);
    // A blank `company` is refused as the document says (it must have
    // text), not read as absent, whatever else the query asks.
    let blank = app
        .get("/v1/network/reach?company=%20&q=acme")
        .auth(&s)
        .send()
        .await;
    assert_eq!(blank.invalid_fields(), ["company"]);
    let eve = app.user("eve@example.com").await;
    let theirs = app
        .get("/v1/network/reach?company=acme")
        .auth(&eve)
        .send()
        .await
        .json();
    assert!(theirs["items"].as_array().unwrap().is_empty());
}

#[actix_web::test]
async fn stats_count_a_known_network() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let a = app.contact(&s, json!({"display_name": "A"})).await;
    let b = app.contact(&s, json!({"display_name": "B"})).await;
    let c = app.contact(&s, json!({"display_name": "C"})).await;
    let gone = app.contact(&s, json!({"display_name": "Gone"})).await;
    app.delete(&format!("/v1/contacts/{}", gone["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await;
    let log = |who: &Value, days: i64| {
        json!({"kind": "call", "direction": "outbound", "summary": "x",
               "occurred_at": (Utc::now() - Duration::days(days)).to_rfc3339(), "contact_ids": [who["id"]]})
    };
    for (who, days) in [(&a, 10), (&a, 0), (&b, 400)] {
        assert_eq!(
            app.post("/v1/interactions")
                .auth(&s)
                .json(log(who, days))
                .send()
                .await
                .status,
            201
        );
    }
    for (who, dir) in [(&a, "given"), (&a, "given"), (&b, "received")] {
        app.post("/v1/ledger").auth(&s).json(json!({"contact_id": who["id"], "direction": dir, "kind": "help", "description": "x"})).send().await;
    }
    app.post("/v1/ledger").auth(&s).json(json!({"contact_id": c["id"], "direction": "given", "kind": "help", "description": "x", "status": "open"})).send().await;
    intro(
        &app,
        &s,
        json!({"person_a_id": b["id"], "person_b_id": c["id"], "status": "made"}),
    )
    .await;

    let st = app.get("/v1/network/stats").auth(&s).send().await.json();
    assert_eq!(st["contacts"], 3);
    assert_eq!(st["active_90d"], 1);
    assert_eq!(st["dormant_365d"], 2, "B touched 400 days ago, C never");
    assert_eq!(st["introductions_made"], 1);
    // The introduction added two given favors of its own.
    assert_eq!(st["favors_given"], 4);
    assert_eq!(st["favors_received"], 1);
    let new = st["new_by_month"].as_array().unwrap();
    let touches = st["touches_by_month"].as_array().unwrap();
    assert_eq!((new.len(), touches.len()), (12, 12));
    let this_month = Utc::now().format("%Y-%m").to_string();
    assert_eq!(new[11], json!({"month": this_month, "count": 3}));
    assert!(new[..11].iter().all(|m| m["count"] == 0));
    assert!(
        new.windows(2)
            .all(|w| w[0]["month"].as_str() < w[1]["month"].as_str()),
        "oldest first"
    );
    let ten_days_ago = (Utc::now() - Duration::days(10))
        .format("%Y-%m")
        .to_string();
    let total: i64 = touches.iter().map(|m| m["count"].as_i64().unwrap()).sum();
    assert_eq!(total, 2, "the 400-day-old touch is outside the year");
    let expected_now = if ten_days_ago == this_month { 2 } else { 1 };
    assert_eq!(touches[11]["count"], expected_now);
}

#[actix_web::test]
async fn the_graph_has_nodes_and_the_edges_among_them() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let a = app
        .contact(
            &s,
            json!({"display_name": "A", "tags": ["team"], "closeness": 4}),
        )
        .await;
    let b = app
        .contact(&s, json!({"display_name": "B", "tags": ["team"]}))
        .await;
    let c = app.contact(&s, json!({"display_name": "C"})).await;
    rel(&app, &s, &a, &b, "colleague", 4).await;
    rel(&app, &s, &b, &c, "friend", 2).await;
    let all = app.get("/v1/network/graph").auth(&s).send().await.json();
    assert_eq!(all["nodes"].as_array().unwrap().len(), 3);
    assert_eq!(all["edges"].as_array().unwrap().len(), 2);
    assert_eq!(
        all["nodes"][0],
        json!({"id": a["id"], "display_name": "A", "company": null, "closeness": 4})
    );
    let team = app
        .get("/v1/network/graph?tag=team")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(team["nodes"].as_array().unwrap().len(), 2);
    assert_eq!(
        team["edges"],
        json!([{"source": a["id"], "target": b["id"], "kind": "colleague", "strength": 4}])
    );
    let one = app
        .get("/v1/network/graph?limit=1")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(one["nodes"].as_array().unwrap().len(), 1);
    assert!(one["edges"].as_array().unwrap().is_empty());
    let bad = app
        .get("/v1/network/graph?limit=2001")
        .auth(&s)
        .send()
        .await;
    assert_eq!(bad.invalid_fields(), ["limit"]);

    // Another user's graph and numbers hold none of it.
    let eve = app.user("eve@example.com").await;
    let theirs = app.get("/v1/network/graph").auth(&eve).send().await.json();
    assert_eq!(
        theirs,
        json!({"nodes": [], "edges": [], "truncated": false})
    );
    let stats = app.get("/v1/network/stats").auth(&eve).send().await.json();
    assert_eq!(
        (stats["contacts"].as_i64(), stats["favors_given"].as_i64()),
        (Some(0), Some(0))
    );
}

/// A relationship body is checked against its documented schema: every
/// broken rule is reported at once, by field; a patch may leave out any
/// field, may clear the note with `null`, and may not null the others.
#[actix_web::test]
async fn relationship_bodies_follow_their_schema() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let a = app.contact(&s, json!({"display_name": "Ana"})).await;
    let b = app.contact(&s, json!({"display_name": "Ben"})).await;

    let bad = app
        .post("/v1/relationships")
        .auth(&s)
        .json(json!({"contact_id": 5, "kind": "enemy", "strength": 9, "note": "x".repeat(2001), "since": 2020}))
        .send()
        .await;
    let mut fields = bad.invalid_fields();
    fields.sort();
    assert_eq!(
        fields,
        [
            "contact_id",
            "kind",
            "note",
            "other_id",
            "since",
            "strength"
        ]
    );

    let created = app
        .post("/v1/relationships")
        .auth(&s)
        .json(json!({"contact_id": a["id"], "other_id": b["id"], "kind": "mentor_of", "note": "  met at a talk  "}))
        .send()
        .await;
    assert_eq!(created.status, 201, "{}", created.text());
    let r = created.json();
    assert_eq!(r["strength"], 3, "the documented default");
    assert_eq!(r["note"], "met at a talk", "stored trimmed");
    let url = format!("/v1/relationships/{}", r["id"].as_str().unwrap());

    let nulls = app
        .patch(&url)
        .auth(&s)
        .json(json!({"kind": null, "strength": null}))
        .send()
        .await;
    let mut fields = nulls.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["kind", "strength"]);

    let cleared = app
        .patch(&url)
        .auth(&s)
        .json(json!({"note": null}))
        .send()
        .await;
    assert_eq!(cleared.status, 200, "{}", cleared.text());
    let cleared = cleared.json();
    assert_eq!(cleared["note"], Value::Null);
    assert_eq!(cleared["kind"], "mentor_of", "absent fields are kept");
    assert_eq!(cleared["strength"], 3);
}

/// Reach and the graph cut at `limit` say so; answers that fit do not.
#[actix_web::test]
async fn reach_and_the_graph_say_when_they_were_cut() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    for name in ["Ben", "Cleo", "Dan"] {
        app.contact(
            &s,
            json!({"display_name": name, "company": "Acme", "closeness": 4}),
        )
        .await;
    }
    let get = |url: &'static str| {
        let (app, s) = (&app, &s);
        async move {
            let r = app.get(url).auth(s).send().await;
            assert_eq!(r.status, 200, "{}", r.text());
            r.json()
        }
    };
    let reach = get("/v1/network/reach?company=acme&limit=2").await;
    assert_eq!(reach["items"].as_array().unwrap().len(), 2);
    assert_eq!(reach["truncated"], true);
    let reach = get("/v1/network/reach?company=acme&limit=3").await;
    assert_eq!(reach["items"].as_array().unwrap().len(), 3);
    assert_eq!(reach["truncated"], false);
    let graph = get("/v1/network/graph?limit=2").await;
    assert_eq!(graph["nodes"].as_array().unwrap().len(), 2);
    assert_eq!(graph["truncated"], true);
    let graph = get("/v1/network/graph?limit=3").await;
    assert_eq!(graph["truncated"], false);
}
