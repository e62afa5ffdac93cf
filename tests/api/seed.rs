use serde_json::{json, Value};

use crate::helpers::TestApp;

/// The benchmark seeder writes derived fields and balances itself; the API
/// must agree with them.
#[actix_web::test]
async fn seeded_data_agrees_with_the_api() {
    let app = TestApp::spawn().await;
    let target = kith::db::DbTarget::parse(&app.settings.database_url).unwrap();
    let opts = kith::seed::SeedOptions {
        contacts: 60,
        interactions: 400,
        ledger: 400,
        relationships: 100,
        ..kith::seed::SeedOptions::default()
    };
    let summary = actix_web::rt::task::spawn_blocking(move || kith::seed::run(&target, &opts))
        .await
        .unwrap()
        .unwrap();
    assert!(summary.contains("60 contacts"), "{summary}");
    crate::helpers::search_indexes_match_their_tables(&app);

    let login = app
        .post("/v1/auth/login")
        .json(json!({"email": "bench@example.com", "password": "bench-password-123"}))
        .send()
        .await;
    assert_eq!(login.status, 200);
    let token = login.json()["access_token"].as_str().unwrap().to_string();
    let contacts = app
        .get("/v1/contacts?limit=10&sort=-last_interaction_at")
        .bearer(&token)
        .send()
        .await
        .json();
    for c in contacts["items"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        let entries = app
            .get(&format!("/v1/contacts/{id}/ledger?limit=200"))
            .bearer(&token)
            .send()
            .await
            .json();
        let mut balance = 0;
        for e in entries["items"].as_array().unwrap() {
            if e["status"] == "done" {
                let w = e["weight"].as_i64().unwrap();
                balance += if e["direction"] == "given" { w } else { -w };
            }
        }
        let b = app
            .get(&format!("/v1/contacts/{id}/balance"))
            .bearer(&token)
            .send()
            .await
            .json();
        assert_eq!(b["balance"], balance, "{c}");
        assert_eq!(c["balance"], balance);
        let touches = app
            .get(&format!("/v1/contacts/{id}/interactions?limit=200"))
            .bearer(&token)
            .send()
            .await
            .json();
        let last = touches["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["counts_as_touch"] == true)
            .map(|i| i["occurred_at"].clone())
            .next()
            .unwrap_or(Value::Null);
        assert_eq!(c["last_interaction_at"], last, "{c}");
    }
    // The second, small user sees only their own network.
    let other = app
        .post("/v1/auth/login")
        .json(json!({"email": "second-bench@example.com", "password": "bench-password-123"}))
        .send()
        .await
        .json();
    let theirs = app
        .get("/v1/contacts?limit=200")
        .bearer(other["access_token"].as_str().unwrap())
        .send()
        .await
        .json();
    let mine: Vec<&Value> = contacts["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["id"])
        .collect();
    let items = theirs["items"].as_array().unwrap();
    assert!(
        !items.is_empty() && items.len() <= 10,
        "{} contacts",
        items.len()
    );
    assert!(items.iter().all(|c| !mine.contains(&&c["id"])));
}
