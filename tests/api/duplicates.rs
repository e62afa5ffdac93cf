//! `GET /v1/contacts/duplicates`: groups of contacts that look like one
//! person, by email, phone digits, name and company, or profile URL.

use serde_json::{json, Value};

use crate::helpers::TestApp;

#[actix_web::test]
async fn duplicates_are_grouped_by_email_phone_and_name_at_a_company() {
    let app = TestApp::spawn().await;
    let s = app.user("dupes@example.com").await;
    let mut ids = std::collections::HashMap::new();
    for body in [
        json!({"display_name": "Ana Lima", "emails": [{"address": "ana@example.com"}]}),
        json!({"display_name": "Ana M. Lima", "emails": [{"address": "ANA@example.com"}]}),
        json!({"display_name": "Ben Ode", "phones": [{"number": "+1 (555) 010-3"}]}),
        json!({"display_name": "Benjamin Ode", "phones": [{"number": "15550103"}]}),
        json!({"display_name": "Cleo Park", "company": "Hooli"}),
        json!({"display_name": "cleo park", "company": "HOOLI"}),
        json!({"display_name": "Dana Wu"}),
        json!({"display_name": "Dana Wu"}),
        json!({"display_name": "Jin Park", "links": [{"url": "https://www.linkedin.com/in/jinpark/"}]}),
        json!({"display_name": "J. Park", "links": [{"url": "https://LinkedIn.com/in/JinPark?trk=x", "label": "linkedin"}]}),
        json!({"display_name": "Trashed Ana", "emails": [{"address": "ana@example.com"}]}),
    ] {
        let c = app.contact(&s, body.clone()).await;
        ids.insert(
            c["display_name"].as_str().unwrap().to_string(),
            c["id"].clone(),
        );
    }
    let trashed = ids["Trashed Ana"].as_str().unwrap();
    app.delete(&format!("/v1/contacts/{trashed}"))
        .auth(&s)
        .send()
        .await;
    // Another user's Ana never joins a group of mine.
    let eve = app.user("dupes-eve@example.com").await;
    app.contact(
        &eve,
        json!({"display_name": "Eve's Ana", "emails": [{"address": "ana@example.com"}]}),
    )
    .await;

    let mut groups: Vec<Value> = Vec::new();
    let mut url = "/v1/contacts/duplicates?limit=1".to_string();
    loop {
        let res = app.get(&url).auth(&s).send().await;
        assert_eq!(res.status, 200, "{}", res.text());
        let page = res.json();
        groups.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => url = format!("/v1/contacts/duplicates?limit=1&cursor={c}"),
            None => break,
        }
    }
    let names = |g: &Value| -> Vec<String> {
        g["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["display_name"].as_str().unwrap().to_string())
            .collect()
    };
    let got: Vec<(String, String, Vec<String>)> = groups
        .iter()
        .map(|g| {
            (
                g["reason"].as_str().unwrap().into(),
                g["key"].as_str().unwrap().into(),
                names(g),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "email".into(),
                "ana@example.com".into(),
                vec!["Ana Lima".into(), "Ana M. Lima".into()]
            ),
            (
                "name_and_company".into(),
                "cleo park / hooli".into(),
                vec!["Cleo Park".into(), "cleo park".into()]
            ),
            (
                "phone".into(),
                "15550103".into(),
                vec!["Ben Ode".into(), "Benjamin Ode".into()]
            ),
            (
                "profile_url".into(),
                "linkedin.com/in/jinpark".into(),
                vec!["J. Park".into(), "Jin Park".into()]
            ),
        ]
    );
    assert_eq!(groups[0]["contacts"][0]["id"], ids["Ana Lima"]);

    let eves = app
        .get("/v1/contacts/duplicates")
        .auth(&eve)
        .send()
        .await
        .json();
    assert_eq!(eves["items"], json!([]));
    let res = app
        .get("/v1/contacts/duplicates?cursor=not-a-cursor")
        .auth(&s)
        .send()
        .await;
    res.problem(422, "validation_failed");
}
