use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

fn today() -> String {
    Utc::now().date_naive().to_string()
}

fn days_from_today(d: i64) -> String {
    (Utc::now() + Duration::days(d)).date_naive().to_string()
}

async fn entry(app: &TestApp, s: &Session, body: Value) -> Value {
    let res = app.post("/v1/ledger").auth(s).json(body).send().await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

async fn balance(app: &TestApp, s: &Session, contact: &Value) -> Value {
    let res = app
        .get(&format!(
            "/v1/contacts/{}/balance",
            contact["id"].as_str().unwrap()
        ))
        .auth(s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    res.json()
}

fn favor(c: &Value, direction: &str, weight: i64) -> Value {
    json!({"contact_id": c["id"], "direction": direction, "kind": "help", "description": "A favor", "weight": weight})
}

#[actix_web::test]
async fn a_favor_is_recorded_with_sensible_defaults() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let res = app
        .post("/v1/ledger")
        .auth(&s)
        .json(json!({"contact_id": ben["id"], "direction": "received", "kind": "advice", "description": " Reviewed my deck "}))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let e = res.json();
    let id = e["id"].as_str().unwrap();
    assert_eq!(res.header("location").unwrap(), format!("/v1/ledger/{id}"));
    assert_eq!(e["status"], "done");
    assert_eq!(e["weight"], 1);
    assert_eq!(e["description"], "Reviewed my deck");
    assert_eq!(e["occurred_on"], today());
    assert_eq!(e["completed_on"], today());
    assert_eq!(
        app.get(&format!("/v1/ledger/{id}"))
            .auth(&s)
            .send()
            .await
            .json(),
        e
    );
    let c = app
        .get(&format!("/v1/contacts/{}", ben["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(c["balance"], -1);
}

#[actix_web::test]
async fn status_moves_follow_the_rules() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let mut body = favor(&ben, "given", 2);
    body["status"] = json!("open");
    body["due_on"] = json!(days_from_today(3));
    let e = entry(&app, &s, body).await;
    assert_eq!(e["occurred_on"], Value::Null);
    assert_eq!(e["completed_on"], Value::Null);
    let url = format!("/v1/ledger/{}", e["id"].as_str().unwrap());
    assert_eq!(
        balance(&app, &s, &ben).await["balance"],
        0,
        "open favors do not count"
    );
    assert_eq!(balance(&app, &s, &ben).await["open_promises"], 1);

    let done = app
        .patch(&url)
        .auth(&s)
        .json(json!({"status": "done"}))
        .send()
        .await
        .json();
    assert_eq!(done["completed_on"], today());
    assert_eq!(done["occurred_on"], today());
    assert_eq!(balance(&app, &s, &ben).await["balance"], 2);

    for bad in ["open", "declined"] {
        let res = app
            .patch(&url)
            .auth(&s)
            .json(json!({"status": bad}))
            .send()
            .await;
        let p = res.problem(422, "validation_failed");
        assert_eq!(p["errors"][0]["code"], "invalid_transition");
    }
    let cancelled = app
        .patch(&url)
        .auth(&s)
        .json(json!({"status": "cancelled"}))
        .send()
        .await
        .json();
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(balance(&app, &s, &ben).await["balance"], 0);
    let res = app
        .patch(&url)
        .auth(&s)
        .json(json!({"status": "done"}))
        .send()
        .await;
    res.problem(422, "validation_failed");

    // A due date belongs to open entries only.
    let mut body = favor(&ben, "given", 1);
    body["due_on"] = json!(days_from_today(1));
    let res = app.post("/v1/ledger").auth(&s).json(body).send().await;
    assert_eq!(res.invalid_fields(), ["due_on"]);
}

#[actix_web::test]
async fn bad_entries_are_refused_without_revealing_other_users_records() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let eve = app.user("eve@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let cleo = app.contact(&s, json!({"display_name": "Cleo"})).await;
    let eves_contact = app.contact(&eve, json!({"display_name": "X"})).await;
    let eves_entry = entry(&app, &eve, favor(&eves_contact, "received", 1)).await;

    let res = app
        .post("/v1/ledger")
        .auth(&s)
        .json(json!({"contact_id": ben["id"], "direction": "up", "kind": "bribe", "description": "",
                     "weight": 6, "status": "maybe", "occurred_on": "someday", "completed_on": "2020-01-01"}))
        .send()
        .await;
    let mut fields = res.invalid_fields();
    fields.sort();
    assert_eq!(
        fields,
        [
            "completed_on",
            "description",
            "direction",
            "kind",
            "occurred_on",
            "status",
            "weight"
        ]
    );

    let mut foreign = favor(&eves_contact, "given", 1);
    let r1 = app
        .post("/v1/ledger")
        .auth(&s)
        .json(foreign.clone())
        .send()
        .await;
    foreign["contact_id"] = json!("01a00000-0000-7000-8000-000000000000");
    let r2 = app.post("/v1/ledger").auth(&s).json(foreign).send().await;
    assert_eq!(r1.invalid_fields(), ["contact_id"]);
    assert_eq!(r1.json()["errors"], r2.json()["errors"]);

    let mut repays_foreign = favor(&ben, "given", 1);
    repays_foreign["repays_id"] = eves_entry["id"].clone();
    let r = app
        .post("/v1/ledger")
        .auth(&s)
        .json(repays_foreign)
        .send()
        .await;
    assert_eq!(r.invalid_fields(), ["repays_id"]);

    // An interaction must be mine and include the entry's contact.
    let i = app
        .post("/v1/interactions")
        .auth(&s)
        .json(json!({"kind": "call", "direction": "outbound", "summary": "x", "contact_ids": [cleo["id"]]}))
        .send()
        .await
        .json();
    let mut wrong = favor(&ben, "given", 1);
    wrong["interaction_id"] = i["id"].clone();
    let r = app.post("/v1/ledger").auth(&s).json(wrong).send().await;
    let p = r.problem(422, "validation_failed");
    assert_eq!(p["errors"][0]["code"], "contact_not_in_interaction");
    let mut right = favor(&cleo, "given", 1);
    right["interaction_id"] = i["id"].clone();
    entry(&app, &s, right).await;

    let list = app.get("/v1/ledger").auth(&s).send().await.json();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    // Eve sees none of it; Ana none of Eve's.
    let url = format!("/v1/ledger/{}", eves_entry["id"].as_str().unwrap());
    app.assert_hidden_from(&s, &url, json!({"weight": 5})).await;
    app.get(&format!(
        "/v1/contacts/{}/balance",
        eves_contact["id"].as_str().unwrap()
    ))
    .auth(&s)
    .send()
    .await
    .problem(404, "not_found");
    app.get(&format!(
        "/v1/contacts/{}/ledger",
        eves_contact["id"].as_str().unwrap()
    ))
    .auth(&s)
    .send()
    .await
    .problem(404, "not_found");
    assert_eq!(app.get(&url).auth(&eve).send().await.json()["weight"], 1);
}

#[actix_web::test]
async fn repaying_across_contacts_pays_it_forward() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let cleo = app.contact(&s, json!({"display_name": "Cleo"})).await;
    let got = entry(&app, &s, favor(&ben, "received", 3)).await;
    let mut fwd = favor(&cleo, "given", 3);
    fwd["repays_id"] = got["id"].clone();
    let paid = entry(&app, &s, fwd).await;
    assert_eq!(paid["repays_id"], got["id"]);
    // Same direction cannot repay.
    let mut same = favor(&cleo, "received", 1);
    same["repays_id"] = got["id"].clone();
    let p = app
        .post("/v1/ledger")
        .auth(&s)
        .json(same)
        .send()
        .await
        .problem(422, "validation_failed");
    assert_eq!(p["errors"][0]["code"], "same_direction");
    // Deleting the repaid entry unlinks the repayment (a new version of it).
    app.delete(&format!("/v1/ledger/{}", got["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await;
    let after = app
        .get(&format!("/v1/ledger/{}", paid["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(after["repays_id"], Value::Null);
    assert_eq!(after["version"], 2);
}

#[actix_web::test]
async fn balances_are_ordered_by_who_owes_whom() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let mut contacts = Vec::new();
    for (name, given, received) in [
        ("Ana", 5, 1),
        ("Ben", 1, 4),
        ("Cleo", 0, 2),
        ("Dan", 2, 2),
        ("Eli", 3, 0),
        // Ties with Cleo and Eli, ordered after them (ids grow with time),
        // across the pages of two; Hal goes to the trash.
        ("Fay", 0, 2),
        ("Gus", 3, 0),
        ("Hal", 0, 1),
    ] {
        let c = app.contact(&s, json!({"display_name": name})).await;
        if given > 0 {
            entry(&app, &s, favor(&c, "given", given)).await;
        }
        if received > 0 {
            entry(&app, &s, favor(&c, "received", received)).await;
        }
        contacts.push(c);
    }
    let hal = format!("/v1/contacts/{}", contacts[7]["id"].as_str().unwrap());
    assert_eq!(app.delete(&hal).auth(&s).send().await.status, 204);
    async fn names(app: &TestApp, s: &Session, q: &str) -> Vec<(String, i64)> {
        let mut out = Vec::new();
        let mut cursor = String::new();
        loop {
            let page = app
                .get(&format!("/v1/ledger/balances?limit=2{q}{cursor}"))
                .auth(s)
                .send()
                .await
                .json();
            for b in page["items"].as_array().unwrap() {
                out.push((
                    b["display_name"].as_str().unwrap().to_string(),
                    b["balance"].as_i64().unwrap(),
                ));
            }
            match page["next_cursor"].as_str() {
                Some(c) => cursor = format!("&cursor={c}"),
                None => return out,
            }
        }
    }
    let owe_them = names(&app, &s, "&owing=them").await;
    let named = |list: &[(&str, i64)]| -> Vec<(String, i64)> {
        list.iter().map(|(n, b)| (n.to_string(), *b)).collect()
    };
    assert_eq!(owe_them, named(&[("Ben", -3), ("Cleo", -2), ("Fay", -2)]));
    let owe_me = names(&app, &s, "&owing=me").await;
    assert_eq!(owe_me, named(&[("Ana", 4), ("Eli", 3), ("Gus", 3)]));
    let all = names(&app, &s, "").await;
    assert_eq!(
        all,
        named(&[
            ("Ben", -3),
            ("Cleo", -2),
            ("Fay", -2),
            ("Dan", 0),
            ("Eli", 3),
            ("Gus", 3),
            ("Ana", 4)
        ])
    );

    let b = balance(&app, &s, &contacts[1]).await;
    assert_eq!(
        (
            b["given"].as_i64(),
            b["received"].as_i64(),
            b["balance"].as_i64()
        ),
        (Some(1), Some(4), Some(-3))
    );
    assert_eq!(b["last_given_on"], today());
    let bad = app
        .get("/v1/ledger/balances?owing=everyone")
        .auth(&s)
        .send()
        .await;
    assert_eq!(bad.invalid_fields(), ["owing"]);
}

#[actix_web::test]
async fn all_take_and_no_give_is_flagged() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    entry(&app, &s, favor(&ben, "received", 2)).await;
    assert_eq!(
        balance(&app, &s, &ben).await["takes_without_giving"],
        false,
        "2 is below the bar"
    );
    entry(&app, &s, favor(&ben, "received", 1)).await;
    assert_eq!(balance(&app, &s, &ben).await["takes_without_giving"], true);
    // Favors done more than 365 days ago do not count.
    let old_friend = app.contact(&s, json!({"display_name": "Old friend"})).await;
    let mut long_ago = favor(&old_friend, "received", 5);
    long_ago["occurred_on"] = json!(days_from_today(-400));
    let e = entry(&app, &s, long_ago).await;
    assert_eq!(e["completed_on"], days_from_today(-400));
    assert_eq!(
        balance(&app, &s, &old_friend).await["takes_without_giving"],
        false
    );
    assert_eq!(balance(&app, &s, &old_friend).await["balance"], -5);
    let mut g = favor(&ben, "given", 1);
    g["status"] = json!("done");
    entry(&app, &s, g).await;
    assert_eq!(balance(&app, &s, &ben).await["takes_without_giving"], false);
}

#[actix_web::test]
async fn the_ledger_joins_the_agenda() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ana = app.contact(&s, json!({"display_name": "Ana"})).await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let cleo = app.contact(&s, json!({"display_name": "Cleo"})).await;
    let mut promise = favor(&ana, "given", 2);
    promise["status"] = json!("open");
    promise["description"] = json!("review her talk");
    promise["due_on"] = json!(days_from_today(2));
    let p = entry(&app, &s, promise).await;
    let mut ask = favor(&ben, "received", 1);
    ask["status"] = json!("open");
    ask["description"] = json!("an intro to Initech");
    ask["due_on"] = json!(days_from_today(-3));
    entry(&app, &s, ask).await;
    let mut not_yet = favor(&ben, "received", 1);
    not_yet["status"] = json!("open");
    not_yet["due_on"] = json!(days_from_today(3));
    entry(&app, &s, not_yet).await;
    entry(&app, &s, favor(&cleo, "received", 2)).await;

    let items = app.get("/v1/agenda?days=7").auth(&s).send().await.json()["items"]
        .as_array()
        .unwrap()
        .clone();
    let kinds: Vec<(&str, &str)> = items
        .iter()
        .map(|i| {
            (
                i["type"].as_str().unwrap(),
                i["display_name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("ask_pending", "Ben"),
            ("favor_to_return", "Cleo"),
            ("promise_due", "Ana")
        ]
    );
    assert_eq!(items[2]["ledger_entry_id"], p["id"]);
    assert!(items[2]["reason"]
        .as_str()
        .unwrap()
        .starts_with("you told Ana you would: review her talk"));
    assert_eq!(items[2]["days_until"], 2);
    assert_eq!(items[0]["days_overdue"], 3);
    assert!(items[1]["reason"]
        .as_str()
        .unwrap()
        .contains("2 more for you"));
}

/// A small deterministic generator, so a failing sequence can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[actix_web::test]
async fn balances_always_equal_the_sums_of_the_entries() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let mut contacts = Vec::new();
    for n in 0..4 {
        contacts.push(
            app.contact(&s, json!({"display_name": format!("C{n}")}))
                .await,
        );
    }
    let mut rng = Lcg(0x5eed);
    let mut ids: Vec<String> = Vec::new();
    let statuses = ["open", "done", "declined", "cancelled"];
    for step in 0..120 {
        let op = rng.next(10);
        if ids.is_empty() || op < 4 {
            let c = &contacts[rng.next(4) as usize];
            let dir = if rng.next(2) == 0 {
                "given"
            } else {
                "received"
            };
            let status = if rng.next(3) == 0 { "open" } else { "done" };
            let mut body = favor(c, dir, 1 + rng.next(5) as i64);
            body["status"] = json!(status);
            ids.push(
                entry(&app, &s, body).await["id"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            );
        } else if op < 8 {
            let id = &ids[rng.next(ids.len() as u64) as usize];
            let patch = match rng.next(4) {
                0 => json!({"weight": 1 + rng.next(5)}),
                1 => json!({"status": statuses[rng.next(4) as usize]}),
                2 => json!({"contact_id": contacts[rng.next(4) as usize]["id"]}),
                _ => json!({"direction": if rng.next(2) == 0 { "given" } else { "received" }}),
            };
            let res = app
                .patch(&format!("/v1/ledger/{id}"))
                .auth(&s)
                .json(patch)
                .send()
                .await;
            assert!(
                res.status == 200 || res.status == 422,
                "step {step}: {}",
                res.text()
            );
        } else {
            let i = rng.next(ids.len() as u64) as usize;
            let id = ids.swap_remove(i);
            assert_eq!(
                app.delete(&format!("/v1/ledger/{id}"))
                    .auth(&s)
                    .send()
                    .await
                    .status,
                204
            );
        }
    }
    // Compare every contact's balance with the sums of its entries.
    let all = app.get("/v1/ledger?limit=200").auth(&s).send().await.json();
    for c in &contacts {
        let (mut given, mut received, mut promises, mut asks) = (0, 0, 0, 0);
        for e in all["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["contact_id"] == c["id"])
        {
            let w = e["weight"].as_i64().unwrap();
            match (
                e["direction"].as_str().unwrap(),
                e["status"].as_str().unwrap(),
            ) {
                ("given", "done") => given += w,
                ("received", "done") => received += w,
                ("given", "open") => promises += 1,
                ("received", "open") => asks += 1,
                _ => {}
            }
        }
        let b = balance(&app, &s, c).await;
        assert_eq!(b["given"], given, "{b}");
        assert_eq!(b["received"], received, "{b}");
        assert_eq!(b["balance"], given - received, "{b}");
        assert_eq!(b["open_promises"], promises, "{b}");
        assert_eq!(b["open_asks"], asks, "{b}");
        let contact = app
            .get(&format!("/v1/contacts/{}", c["id"].as_str().unwrap()))
            .auth(&s)
            .send()
            .await
            .json();
        assert_eq!(contact["balance"], given - received);
    }
}
