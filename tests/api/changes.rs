use serde_json::{json, Value};

use crate::helpers::{Scratch, Session, TestApp};

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

#[actix_web::test]
async fn a_long_poll_answers_when_a_change_lands() {
    let app = TestApp::spawn().await;
    let s = app.user("poll@example.com").await;
    let since = feed(&app, &s, "").await["next_since"].as_i64().unwrap();
    // Nothing new: the wait ends empty.
    let empty = feed(&app, &s, &format!("?since={since}&wait=1")).await;
    assert_eq!(
        (&empty["changes"], &empty["next_since"]),
        (&json!([]), &json!(since))
    );
    // A write while it waits (30 s) ends it with the change.
    let query = format!("?since={since}&wait=30");
    let waiting = feed(&app, &s, &query);
    let writing = async {
        actix_web::rt::time::sleep(std::time::Duration::from_millis(200)).await;
        app.contact(&s, json!({"display_name": "Ana"})).await
    };
    let (page, ana) = futures_util::future::join(waiting, writing).await;
    assert_eq!(page["changes"][0]["id"], ana["id"], "{page}");
    assert_eq!(page["changes"][0]["data"]["display_name"], "Ana");
}

#[actix_web::test]
async fn a_write_through_another_server_ends_a_long_poll() {
    let first = TestApp::spawn().await;
    if first.settings.database_url.starts_with("sqlite") {
        return; // several servers share one PostgreSQL; SQLite serves one
    }
    let second = TestApp::start(first.settings.clone(), Scratch::folder()).await;
    let s = first.user("two@example.com").await;
    let waiting = feed(&second, &s, "?since=0&wait=30");
    let writing = async {
        actix_web::rt::time::sleep(std::time::Duration::from_millis(200)).await;
        first.contact(&s, json!({"display_name": "Ben"})).await
    };
    let (page, ben) = futures_util::future::join(waiting, writing).await;
    assert_eq!(page["changes"][0]["id"], ben["id"], "{page}");
}

/// Reads a stream until it holds `n` events; their ids and types.
async fn events<S>(body: &mut S, n: usize) -> Vec<(i64, String)>
where
    S: futures_util::Stream<Item = Result<actix_web::web::Bytes, awc::error::PayloadError>> + Unpin,
{
    use futures_util::StreamExt;
    let mut text = String::new();
    loop {
        let got: Vec<(i64, String)> = text
            .split("\n\n")
            .filter(|e| e.starts_with("id: "))
            .map(|e| {
                let seq = e[4..e.find('\n').unwrap()].parse().unwrap();
                let data: Value =
                    serde_json::from_str(e.split("data: ").nth(1).unwrap().trim()).unwrap();
                (
                    seq,
                    data["data"]["display_name"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                )
            })
            .collect();
        if got.len() >= n && text.ends_with("\n\n") {
            return got;
        }
        let chunk = actix_web::rt::time::timeout(std::time::Duration::from_secs(15), body.next())
            .await
            .expect("an event in time")
            .expect("the stream is open")
            .unwrap();
        text.push_str(&String::from_utf8_lossy(&chunk));
    }
}

#[actix_web::test]
async fn a_stream_sends_each_change_and_resumes_from_the_last_event() {
    let app = TestApp::spawn().await;
    let s = app.user("stream@example.com").await;
    app.contact(&s, json!({"display_name": "Ana"})).await;
    let open = |last: Option<i64>| {
        let mut req = app
            .client
            .get(format!("{}/v1/changes/stream", app.base))
            .bearer_auth(&s.token);
        if let Some(id) = last {
            req = req.insert_header(("last-event-id", id.to_string()));
        }
        req.send()
    };
    let mut stream = open(None).await.unwrap();
    assert_eq!(stream.status(), 200);
    assert_eq!(
        stream.headers().get("content-type").unwrap(),
        "text/event-stream"
    );
    let first = events(&mut stream, 1).await;
    assert_eq!(first[0].1, "Ana");
    app.contact(&s, json!({"display_name": "Ben"})).await;
    let both = events(&mut stream, 1).await;
    assert_eq!(
        both[0].1, "Ben",
        "the new change arrives on the open stream"
    );
    drop(stream);

    // Reconnecting with the last id sent resumes after it.
    app.contact(&s, json!({"display_name": "Cleo"})).await;
    let mut resumed = open(Some(both[0].0)).await.unwrap();
    let next = events(&mut resumed, 1).await;
    assert_eq!(next[0].1, "Cleo");

    // Five streams at most per account.
    let mut open_ones = vec![resumed];
    for _ in 0..4 {
        open_ones.push(open(None).await.unwrap());
    }
    let refused = open(None).await.unwrap();
    assert_eq!(refused.status(), 429);
    drop(open_ones);
}
