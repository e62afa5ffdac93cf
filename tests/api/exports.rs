//! vCard exports: one contact (`GET /v1/contacts/{id}/vcard`) and many
//! (`GET /v1/export/vcard`), read back by `POST /v1/imports`.

use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

fn id(v: &Value) -> &str {
    v["id"].as_str().unwrap()
}

/// A contact as another account would hold it after an import: what the
/// user gave, without ids, times, versions and what kith derives.
fn given(c: &Value) -> Value {
    let mut c = c.clone();
    for k in [
        "id",
        "created_at",
        "updated_at",
        "version",
        "last_interaction_at",
        "next_due_at",
        "effective_cadence_days",
    ] {
        c.as_object_mut().unwrap().remove(k);
    }
    c
}

async fn all(app: &TestApp, s: &Session) -> Vec<Value> {
    let res = app
        .get("/v1/contacts?limit=200&archived=true")
        .auth(s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    res.json()["items"].as_array().unwrap().clone()
}

#[actix_web::test]
async fn an_export_reads_as_vcards_and_imports_into_another_account_as_it_was() {
    let app = TestApp::spawn().await;
    let s = app.user("vcard@example.com").await;
    let ana = app
        .contact(
            &s,
            json!({
                "display_name": "Ana Lima", "given_name": "Ana", "family_name": "Lima",
                "emails": [{"address": "ana@work.example", "label": "work"},
                           {"address": "ana@home.example", "label": "Lake house"}],
                "phones": [{"number": "+351 912 345 678", "label": "mobile"}],
                "links": [{"url": "https://www.linkedin.com/in/ana-lima", "label": "linkedin"}],
                "company": "Initech; Lisbon, PT", "title": "CTO", "location": "Lisboa",
                "notes": "Two kids.\nPrefers mornings, never Fridays; \\o/",
                "tags": ["vip", "rust"], "birthday": "--04-17",
                "how_we_met": "RustConf", "met_on": "2024-10-09", "cadence_days": 30,
                "closeness": 4, "snoozed_until": "2030-01-01",
                "external_ids": {"crm": "42", "linkedin": "https://www.linkedin.com/in/ana-lima"},
                "vcard_extras": ["X-PHONETIC-FIRST-NAME:AH-nah"],
            }),
        )
        .await;
    let ben = app
        .contact(
            &s,
            json!({"display_name": "Ben Ode", "birthday": "1980-02-03", "archived": true}),
        )
        .await;
    let cleo = app.contact(&s, json!({"display_name": "Cleo Park"})).await;
    let gone = app.contact(&s, json!({"display_name": "Trashed"})).await;
    app.delete(&format!("/v1/contacts/{}", id(&gone)))
        .auth(&s)
        .send()
        .await;

    // One contact, with its version as the ETag.
    let url = format!("/v1/contacts/{}/vcard", id(&ana));
    let res = app.get(&url).auth(&s).send().await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(
        res.header("content-type").unwrap(),
        "text/vcard; charset=utf-8"
    );
    let etag = res.header("etag").unwrap();
    assert_eq!(etag, format!("\"{}\"", ana["version"]));
    let card = res.text();
    assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"), "{card}");
    assert!(card.contains("FN:Ana Lima\r\n"), "{card}");
    assert!(card.contains("BDAY:--0417\r\n"), "{card}");
    let again = app
        .get(&url)
        .auth(&s)
        .header("If-None-Match", &etag)
        .send()
        .await;
    assert_eq!(again.status, 304);
    let v3 = app
        .get(&format!("{url}?version=3.0"))
        .auth(&s)
        .send()
        .await
        .text();
    assert!(v3.contains("VERSION:3.0\r\n"), "{v3}");
    let bad = app.get(&format!("{url}?version=2.1")).auth(&s).send().await;
    assert_eq!(bad.invalid_fields(), ["version"]);

    // Many: by name, the trash left out; by tag; by ids.
    let res = app.get("/v1/export/vcard").auth(&s).send().await;
    assert_eq!(res.status, 200, "{}", res.text());
    let file = res.text();
    let names: Vec<&str> = file.lines().filter_map(|l| l.strip_prefix("FN:")).collect();
    assert_eq!(names, ["Ana Lima", "Ben Ode", "Cleo Park"]);
    let vip = app
        .get("/v1/export/vcard?tag=VIP")
        .auth(&s)
        .send()
        .await
        .text();
    assert_eq!(vip.matches("BEGIN:VCARD").count(), 1);
    assert!(vip.contains("FN:Ana Lima"));
    let eve = app.user("vcard-eve@example.com").await;
    let theirs = app.contact(&eve, json!({"display_name": "Eve's"})).await;
    let picked = app
        .get(&format!(
            "/v1/export/vcard?ids={},{},{}",
            id(&ben),
            id(&cleo),
            id(&theirs)
        ))
        .auth(&s)
        .send()
        .await
        .text();
    let names: Vec<&str> = picked
        .lines()
        .filter_map(|l| l.strip_prefix("FN:"))
        .collect();
    assert_eq!(
        names,
        ["Ben Ode", "Cleo Park"],
        "another user's id is left out"
    );
    let too_many = vec!["x"; 101].join(",");
    let res = app
        .get(&format!("/v1/export/vcard?ids={too_many}"))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["ids"]);
    // Another user's contact is not found.
    app.get(&format!("/v1/contacts/{}/vcard", id(&theirs)))
        .auth(&s)
        .send()
        .await
        .problem(404, "not_found");

    // The file imports into another account with every field as it was.
    let other = app.user("vcard-other@example.com").await;
    let res = app
        .post("/v1/imports")
        .auth(&other)
        .raw("text/vcard", file.into_bytes())
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    assert_eq!(res.json()["created"], 3, "{}", res.text());
    let mine: Vec<Value> = all(&app, &s).await.iter().map(given).collect();
    let theirs: Vec<Value> = all(&app, &other).await.iter().map(given).collect();
    assert_eq!(theirs, mine);
}
