use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

async fn feed(app: &TestApp, s: &Session, query: &str) -> Value {
    let res = app.get(&format!("/v1/changes{query}")).auth(s).send().await;
    assert_eq!(res.status, 200, "{}", res.text());
    res.json()
}

#[actix_web::test]
async fn the_feed_replays_every_write_in_order() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let id = ben["id"].as_str().unwrap();
    let url = format!("/v1/contacts/{id}");
    app.patch(&url)
        .auth(&s)
        .json(json!({"title": "CTO"}))
        .send()
        .await;
    app.delete(&url).auth(&s).send().await;
    let restored = app
        .post(&format!("{url}/restore"))
        .auth(&s)
        .send()
        .await
        .json();

    let f = feed(&app, &s, "?since=0").await;
    let changes = f["changes"].as_array().unwrap();
    let ops: Vec<&str> = changes.iter().map(|c| c["op"].as_str().unwrap()).collect();
    assert_eq!(ops, ["upsert", "upsert", "delete", "upsert"]);
    let seqs: Vec<i64> = changes.iter().map(|c| c["seq"].as_i64().unwrap()).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    assert!(changes
        .iter()
        .all(|c| c["type"] == "contact" && c["id"] == id));
    assert_eq!(changes[0]["data"], ben);
    assert_eq!(changes[1]["data"]["title"], "CTO");
    assert_eq!(changes[2]["data"], Value::Null);
    assert_eq!(changes[3]["data"], restored);
    assert_eq!(f["next_since"], seqs[3]);
    assert_eq!(f["has_more"], false);

    // Reading on from the end gives nothing new.
    let rest = feed(&app, &s, &format!("?since={}", seqs[3])).await;
    assert!(rest["changes"].as_array().unwrap().is_empty());
    assert_eq!(rest["next_since"], seqs[3]);
}

#[actix_web::test]
async fn the_feed_pages_and_belongs_to_its_user() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let eve = app.user("eve@example.com").await;
    for i in 0..5 {
        app.contact(&s, json!({"display_name": format!("C{i}")}))
            .await;
    }
    let first = feed(&app, &s, "?since=0&limit=2").await;
    assert_eq!(first["changes"].as_array().unwrap().len(), 2);
    assert_eq!(first["has_more"], true);
    let mut names = Vec::new();
    let mut since = 0;
    loop {
        let page = feed(&app, &s, &format!("?since={since}&limit=2")).await;
        for c in page["changes"].as_array().unwrap() {
            names.push(c["data"]["display_name"].as_str().unwrap().to_string());
        }
        since = page["next_since"].as_i64().unwrap();
        if page["has_more"] == false {
            break;
        }
    }
    assert_eq!(names, ["C0", "C1", "C2", "C3", "C4"]);

    let theirs = feed(&app, &eve, "?since=0").await;
    assert!(theirs["changes"].as_array().unwrap().is_empty());
    let bad = app
        .get("/v1/changes?since=-1&limit=0")
        .auth(&s)
        .send()
        .await;
    let mut fields = bad.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["limit", "since"]);
}
