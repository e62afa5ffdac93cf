//! Each contact's JSON is stored with its row and answered by reads (pages
//! and by id); writes answer and record it through serde. The two must never
//! disagree, whichever write moved the contact last, and a row whose stored
//! JSON is missing or stale must still read as its columns say.

use std::collections::HashMap;
use std::time::Duration;

use diesel::RunQueryDsl;
use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

/// Every contact of the user (live, archived and trashed) as the change
/// feed last recorded it, by id; trashed ones as their last upsert.
async fn last_recorded(app: &TestApp, s: &Session) -> HashMap<String, Value> {
    let mut out = HashMap::new();
    let mut since = 0;
    loop {
        let page = app
            .get(&format!("/v1/changes?since={since}&limit=1000"))
            .auth(s)
            .send()
            .await
            .json();
        for c in page["changes"].as_array().unwrap() {
            if c["type"] == "contact" && c["op"] == "upsert" {
                out.insert(c["id"].as_str().unwrap().to_string(), c["data"].clone());
            }
        }
        since = page["next_since"].as_i64().unwrap();
        if page["has_more"] == false {
            return out;
        }
    }
}

async fn page_items(app: &TestApp, s: &Session, query: &str) -> Vec<Value> {
    let res = app
        .get(&format!("/v1/contacts?limit=200{query}"))
        .auth(s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    res.json()["items"].as_array().unwrap().clone()
}

/// Every contact reads, in a page and by id, exactly as its last write
/// answered it (as the feed recorded it). Returns how many contacts were
/// checked.
async fn assert_reads_as_written(app: &TestApp, s: &Session) -> usize {
    let recorded = last_recorded(app, s).await;
    let mut seen = std::collections::HashSet::new();
    for query in ["", "&archived=true", "&trashed=true", "&sort=-next_due_at"] {
        for item in page_items(app, s, query).await {
            let id = item["id"].as_str().unwrap();
            let by_id = app.get(&format!("/v1/contacts/{id}")).auth(s).send().await;
            assert_eq!(by_id.status, 200);
            assert_eq!(
                by_id.header("etag"),
                Some(format!("\"{}\"", item["version"])),
                "{id}"
            );
            assert_eq!(by_id.json(), item, "{id}{query}: by id and in a page");
            if item["trashed_at"].is_null() {
                assert_eq!(recorded.get(id), Some(&item), "{id}: as last written");
            }
            seen.insert(id.to_string());
        }
    }
    seen.len()
}

/// A connection to the test's database, behind the server's back.
fn connect(app: &TestApp) -> kith::db::DbConn {
    kith::db::DbTarget::parse(&app.settings.database_url)
        .unwrap()
        .connect()
        .unwrap()
}

/// Runs SQL on the test's database directly.
pub fn sql(app: &TestApp, statement: &str) {
    diesel::sql_query(statement)
        .execute(&mut connect(app))
        .unwrap();
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// The count a `SELECT COUNT(*) AS n …` answers.
pub fn count(app: &TestApp, statement: &str) -> i64 {
    diesel::sql_query(statement)
        .load::<Count>(&mut connect(app))
        .unwrap()[0]
        .n
}

/// A server started again on `app`'s database, once its start-up backfill
/// has stored every contact's JSON (and so its search text and rows), or
/// 10 s have passed.
pub async fn restarted_after_backfill(app: TestApp) -> TestApp {
    let settings = app.settings.clone();
    let TestApp { dir, .. } = app;
    let app = TestApp::start(settings, dir).await;
    for _ in 0..200 {
        if unrendered(&app) == 0 {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    app
}

pub fn unrendered(app: &TestApp) -> i64 {
    count(
        app,
        "SELECT COUNT(*) AS n FROM contacts WHERE api_json IS NULL",
    )
}

#[actix_web::test]
async fn every_write_of_a_contact_reads_back_as_it_answered() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let cleo = app
        .contact(
            &s,
            json!({
                "display_name": "Cléo \"Q\" Okafor\\", "company": "Acme\tLtd",
                "emails": [{"address": "cleo@example.com", "label": "wörk"}],
                "notes": "line one\nline \u{1F600} two", "tags": ["rust"],
                "birthday": "--02-29", "met_via": ben["id"], "closeness": 2
            }),
        )
        .await;
    let dara = app
        .contact(&s, json!({"display_name": "Dara", "tags": ["investors"]}))
        .await;
    let url = |c: &Value| format!("/v1/contacts/{}", c["id"].as_str().unwrap());

    // A patch, an interaction with two people, then its edit (derived times).
    let res = app
        .patch(&url(&cleo))
        .auth(&s)
        .json(json!({"title": "CTO", "cadence_days": 30}))
        .send()
        .await;
    assert_eq!(res.status, 200);
    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(json!({
            "kind": "coffee", "direction": "mutual", "summary": "Hiring",
            "contact_ids": [ben["id"], cleo["id"]], "follow_up_on": "2030-01-01"
        }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let coffee = format!("/v1/interactions/{}", res.json()["id"].as_str().unwrap());
    let res = app
        .patch(&coffee)
        .auth(&s)
        .json(json!({"occurred_at": "2026-01-02T03:04:05.678901Z"}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    // A favor done (balance), a tag's cadence (effective cadence), an
    // introduction made (Cleo introduced me to Dara: Dara's `met_via`), the
    // trash and back.
    let res = app
        .post("/v1/ledger")
        .auth(&s)
        .json(
            json!({"contact_id": ben["id"], "direction": "given", "kind": "advice",
                     "description": "Reviewed his deck", "status": "done", "weight": 3}),
        )
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    app.put_tag(&s, "investors", json!({"default_cadence_days": 14}))
        .await;
    let res = app
        .post("/v1/introductions")
        .auth(&s)
        .json(json!({"introducer_id": cleo["id"], "person_b_id": dara["id"]}))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let intro = format!("/v1/introductions/{}", res.json()["id"].as_str().unwrap());
    let res = app
        .patch(&intro)
        .auth(&s)
        .json(json!({"status": "made"}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(app.delete(&url(&dara)).auth(&s).send().await.status, 204);
    assert_eq!(
        assert_reads_as_written(&app, &s).await,
        3,
        "Dara in the trash"
    );
    let res = app
        .post(&format!("{}/restore", url(&dara)))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(app.delete(&coffee).auth(&s).send().await.status, 204);

    let ben_now = app.get(&url(&ben)).auth(&s).send().await.json();
    assert_eq!(ben_now["balance"], 3, "the favor moved Ben's balance");
    let dara_now = app.get(&url(&dara)).auth(&s).send().await.json();
    assert_eq!(dara_now["effective_cadence_days"], 14);
    assert_eq!(
        dara_now["met_via"], cleo["id"],
        "Cleo introduced me to Dara"
    );
    assert_eq!(assert_reads_as_written(&app, &s).await, 3);

    // An archive loaded into another account writes every contact anew.
    let archive = app.get("/v1/export").auth(&s).send().await.json();
    let copy = app.user("copy@example.com").await;
    let res = app
        .post("/v1/import/archive")
        .auth(&copy)
        .json(archive)
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    assert_eq!(assert_reads_as_written(&app, &copy).await, 3);
}

#[actix_web::test]
async fn contacts_without_their_json_read_from_their_rows_and_get_it_back() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let mut ids = Vec::new();
    for name in ["Ana", "Ben", "Cleo", "Dara"] {
        let c = app
            .contact(&s, json!({"display_name": name, "cadence_days": 7}))
            .await;
        ids.push(c["id"].as_str().unwrap().to_string());
    }
    let before = page_items(&app, &s, "").await;
    assert_eq!(before.len(), 4);

    // As after a migration that resets the column, and as if a write had
    // moved a row without its JSON: neither may reach a reader.
    sql(
        &app,
        &format!(
            "UPDATE contacts SET api_json = NULL, api_json_version = NULL WHERE id IN ('{}', '{}')",
            ids[0], ids[1]
        ),
    );
    sql(
        &app,
        &format!(
            "UPDATE contacts SET api_json = '{{\"id\":\"stale\"}}', api_json_version = version - 1 WHERE id = '{}'",
            ids[2]
        ),
    );
    assert_eq!(unrendered(&app), 2);
    assert_eq!(page_items(&app, &s, "").await, before);
    assert_eq!(assert_reads_as_written(&app, &s).await, 4);

    // A server starting on the database stores the missing JSON again.
    let app = restarted_after_backfill(app).await;
    assert_eq!(unrendered(&app), 0, "every contact has its JSON again");
    assert_eq!(page_items(&app, &s, "").await, before);
    assert_eq!(assert_reads_as_written(&app, &s).await, 4);
}

/// Many requests for contacts at once, answered by a single connection (on
/// PostgreSQL, lookups waiting together share one query): each gets its own
/// answer — its user's contact with its ETag, `404` for another user's id
/// or an unknown one, `401` for a deleted account's token — and a contact
/// whose stored JSON is stale reads from its row even among the others.
#[actix_web::test]
async fn concurrent_reads_by_id_each_answer_their_own() {
    let app = TestApp::spawn_with(|s| s.pool_size = 1).await;
    let ana = app.user("ana@example.com").await;
    let ben = app.user("ben@example.com").await;
    let gone = app.user("gone@example.com").await;
    let mut owned: Vec<(&Session, Value)> = Vec::new();
    for n in 0..6 {
        for s in [&ana, &ben] {
            let c = app
                .contact(
                    s,
                    json!({"display_name": format!("Person {n}"), "cadence_days": n + 1}),
                )
                .await;
            owned.push((s, c));
        }
    }
    let theirs = app.contact(&gone, json!({"display_name": "Kept"})).await;
    app.delete_account(&gone).await;
    let stale = owned[0].1["id"].as_str().unwrap().to_string();
    sql(
        &app,
        &format!(
            "UPDATE contacts SET api_json = '{{\"id\":\"stale\"}}', api_json_version = version - 1 WHERE id = '{stale}'"
        ),
    );

    // (token, id, expected status, expected body)
    let mut asks: Vec<(&Session, String, u16, Option<&Value>)> = Vec::new();
    for (owner, c) in &owned {
        let id = c["id"].as_str().unwrap().to_string();
        let other = if std::ptr::eq(*owner, &ana) {
            &ben
        } else {
            &ana
        };
        asks.push((owner, id.clone(), 200, Some(c)));
        asks.push((other, id.clone(), 404, None));
        asks.push((&gone, id, 401, None));
    }
    asks.push((&ana, theirs["id"].as_str().unwrap().to_string(), 404, None));
    asks.push((
        &ana,
        "01234567-89ab-7def-8123-456789abcdef".into(),
        404,
        None,
    ));
    for round in 0..4 {
        let sends = asks
            .iter()
            .map(|(s, id, _, _)| app.get(&format!("/v1/contacts/{id}")).auth(s).send());
        let answers = futures_util::future::join_all(sends).await;
        for ((s, id, status, body), res) in asks.iter().zip(answers) {
            assert_eq!(
                res.status,
                *status,
                "round {round}: {id} for {}: {}",
                s.id,
                res.text()
            );
            match body {
                Some(c) => {
                    assert_eq!(&res.json(), *c, "round {round}: {id}");
                    assert_eq!(res.header("etag"), Some(format!("\"{}\"", c["version"])));
                }
                None => {
                    let code = if *status == 401 {
                        "invalid_token"
                    } else {
                        "not_found"
                    };
                    assert_eq!(res.json()["code"], code, "round {round}: {id}");
                }
            }
        }
    }
}
