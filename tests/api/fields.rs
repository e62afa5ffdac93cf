//! Sparse fieldsets: `?fields=` on every read of contacts, interactions,
//! ledger entries, relationships and introductions.

use serde_json::{json, Value};

use crate::helpers::TestApp;

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

fn sorted(names: &[&str]) -> Vec<String> {
    let mut k: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    k.sort();
    k
}

#[actix_web::test]
async fn reads_answer_only_the_fields_asked_for() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app
        .contact(
            &s,
            json!({"display_name": "Ben", "company": "Initech", "tags": ["rust"]}),
        )
        .await;
    let cleo = app.contact(&s, json!({"display_name": "Cleo"})).await;
    let post = |url: &'static str, body: Value| {
        let app = &app;
        let s = &s;
        async move {
            let res = app.post(url).auth(s).json(body).send().await;
            assert_eq!(res.status, 201, "{url}: {}", res.text());
            res.json()
        }
    };
    let interaction = post(
        "/v1/interactions",
        json!({"kind": "call", "direction": "outbound", "summary": "Hi", "contact_ids": [ben["id"]]}),
    )
    .await;
    let entry = post(
        "/v1/ledger",
        json!({"contact_id": ben["id"], "direction": "given", "kind": "advice", "description": "CV"}),
    )
    .await;
    let rel = post(
        "/v1/relationships",
        json!({"contact_id": ben["id"], "other_id": cleo["id"], "kind": "friend"}),
    )
    .await;
    let intro = post(
        "/v1/introductions",
        json!({"person_a_id": ben["id"], "person_b_id": cleo["id"]}),
    )
    .await;
    let id = |v: &Value| v["id"].as_str().unwrap().to_string();
    let cases = [
        (
            format!("/v1/contacts/{}", id(&ben)),
            "display_name,company",
            false,
        ),
        ("/v1/contacts".to_string(), "display_name,company", true),
        (
            format!("/v1/interactions/{}", id(&interaction)),
            "summary,kind",
            false,
        ),
        ("/v1/interactions".to_string(), "summary,kind", true),
        (
            format!("/v1/contacts/{}/interactions", id(&ben)),
            "summary,kind",
            true,
        ),
        (
            format!("/v1/ledger/{}", id(&entry)),
            "description,direction",
            false,
        ),
        ("/v1/ledger".to_string(), "description,direction", true),
        (
            format!("/v1/contacts/{}/ledger", id(&ben)),
            "description,direction",
            true,
        ),
        (
            format!("/v1/relationships/{}", id(&rel)),
            "kind,strength",
            false,
        ),
        (
            format!("/v1/contacts/{}/relationships", id(&ben)),
            "kind,other",
            true,
        ),
        (
            format!("/v1/introductions/{}", id(&intro)),
            "status,note",
            false,
        ),
        ("/v1/introductions".to_string(), "status,note", true),
    ];
    for (url, fields, page) in cases {
        let full = app.get(&url).auth(&s).send().await;
        assert_eq!(full.status, 200, "{url}: {}", full.text());
        let sep = if url.contains('?') { '&' } else { '?' };
        let sparse = app
            .get(&format!("{url}{sep}fields={fields}"))
            .auth(&s)
            .send()
            .await;
        assert_eq!(sparse.status, 200, "{url}: {}", sparse.text());
        let mut want: Vec<&str> = fields.split(',').collect();
        want.push("id");
        let (full_body, sparse_body) = (full.json(), sparse.json());
        let (one, whole) = match page {
            true => (
                sparse_body["items"][0].clone(),
                full_body["items"][0].clone(),
            ),
            false => (sparse_body.clone(), full_body.clone()),
        };
        assert_eq!(keys(&one), sorted(&want), "{url}: {sparse_body}");
        for k in &want {
            assert_eq!(one[*k], whole[*k], "{url}: {k} as in the full answer");
        }
        if page {
            assert_eq!(
                sparse_body["items"].as_array().unwrap().len(),
                full_body["items"].as_array().unwrap().len()
            );
            assert!(sparse_body.get("next_cursor").is_some(), "{sparse_body}");
        } else {
            // The same version, the same ETag; a conditional read works.
            let tag = full.header("etag").unwrap();
            assert_eq!(sparse.header("etag").unwrap(), tag, "{url}");
            let res = app
                .get(&format!("{url}{sep}fields={fields}"))
                .auth(&s)
                .header("If-None-Match", &tag)
                .send()
                .await;
            assert_eq!(res.status, 304, "{url}");
        }
        // An unknown field is named, and nothing else changes.
        let res = app
            .get(&format!("{url}{sep}fields={fields},nope"))
            .auth(&s)
            .send()
            .await;
        let problem = res.problem(422, "validation_failed");
        assert_eq!(problem["errors"][0]["field"], "fields", "{url}");
        assert_eq!(problem["errors"][0]["code"], "unknown_field", "{url}");
    }

    // `id` alone; and filters and pages still work beside `fields`.
    let only = app
        .get("/v1/contacts?fields=id&limit=1&sort=name")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(only["items"], json!([{"id": ben["id"]}]));
    let next = only["next_cursor"].as_str().unwrap();
    let second = app
        .get(&format!(
            "/v1/contacts?fields=display_name&limit=1&sort=name&cursor={next}"
        ))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(
        second["items"],
        json!([{"id": cleo["id"], "display_name": "Cleo"}])
    );
    let res = app
        .get("/v1/contacts?fields=id&fields=company")
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["fields"]);

    // Another user's record stays unknown, whatever the fields.
    let other = app.user("zed@example.com").await;
    let res = app
        .get(&format!("/v1/contacts/{}?fields=display_name", id(&ben)))
        .auth(&other)
        .send()
        .await;
    assert_eq!(res.status, 404);
}

/// Pages asking only for a contact's short fields read them from their own
/// columns; what they answer must be what the full contact says, in its
/// order, through every sort and page, beside pages that ask for more.
#[actix_web::test]
async fn short_contact_fields_answer_as_the_full_contact_on_every_page() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let people = [
        json!({"display_name": "Zoë \"Zed\" Ångström", "given_name": "Zoë", "family_name": "Ångström",
               "company": "Back\\slash & Co", "title": "Tab\there", "tags": ["rust"]}),
        json!({"display_name": "ana lima", "cadence_days": 7}),
        json!({"display_name": "Ana Lima", "company": "Initech", "cadence_days": 30}),
        json!({"display_name": "Bo", "title": "CTO"}),
        json!({"display_name": "Émile"}),
    ];
    for p in people {
        app.contact(&s, p).await;
    }
    let first = app
        .get("/v1/contacts?sort=name&limit=1")
        .auth(&s)
        .send()
        .await
        .json();
    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(
            json!({"kind": "call", "direction": "outbound", "summary": "Hi",
                     "contact_ids": [first["items"][0]["id"]]}),
        )
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let short = "display_name,given_name,family_name,company,title,created_at,updated_at,version,last_interaction_at,next_due_at";
    let order: Vec<&str> = std::iter::once("id").chain(short.split(',')).collect();
    for sort in [
        "name",
        "-name",
        "created_at",
        "-updated_at",
        "last_interaction_at",
        "next_due_at",
        "-next_due_at",
    ] {
        for fields in [
            short,
            "display_name",
            "next_due_at,company",
            "display_name,tags",
        ] {
            let (mut cursor, mut pages) = (None::<String>, 0);
            loop {
                let after = cursor
                    .as_ref()
                    .map(|c| format!("&cursor={c}"))
                    .unwrap_or_default();
                let url = format!("/v1/contacts?sort={sort}&limit=2{after}");
                let full = app.get(&url).auth(&s).send().await.json();
                let res = app
                    .get(&format!("{url}&fields={fields}"))
                    .auth(&s)
                    .send()
                    .await;
                assert_eq!(res.status, 200, "{url}: {}", res.text());
                let text = res.text();
                let sparse = res.json();
                let mut want: Vec<&str> = fields.split(',').collect();
                want.push("id");
                let items = sparse["items"].as_array().unwrap();
                assert_eq!(
                    items.len(),
                    full["items"].as_array().unwrap().len(),
                    "{url}"
                );
                for (one, whole) in items.iter().zip(full["items"].as_array().unwrap()) {
                    assert_eq!(keys(one), sorted(&want), "{url} {fields}: {one}");
                    for k in &want {
                        assert_eq!(one[*k], whole[*k], "{url} {fields}: {k}");
                    }
                }
                // In the contact's own order.
                let at: Vec<usize> = order
                    .iter()
                    .filter(|k| want.contains(k))
                    .filter_map(|k| text.find(&format!("\"{k}\":")))
                    .collect();
                assert!(at.windows(2).all(|w| w[0] < w[1]), "{fields}: {text}");
                assert_eq!(sparse["next_cursor"], full["next_cursor"], "{url} {fields}");
                pages += 1;
                match sparse["next_cursor"].as_str() {
                    Some(c) => cursor = Some(c.to_string()),
                    None => break,
                }
            }
            assert_eq!(pages, 3, "{sort} {fields}: five contacts, two a page");
        }
    }
}
