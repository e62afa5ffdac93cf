use std::collections::HashSet;

use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

async fn names(app: &TestApp, s: &Session, query: &str) -> Vec<String> {
    let res = app
        .get(&format!("/v1/contacts{query}"))
        .auth(s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    res.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["display_name"].as_str().unwrap().to_string())
        .collect()
}

#[actix_web::test]
async fn a_created_contact_has_its_location_etag_and_normalised_fields() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let res = app
        .post("/v1/contacts")
        .auth(&s)
        .json(json!({
            "display_name": "  Ben Okafor ",
            "given_name": "Ben",
            "emails": [{"address": "ben@example.com", "label": "work"}],
            "phones": [{"number": "+44 20 7946 0958"}],
            "company": "Acme",
            "tags": ["Rust", "rust", "Speakers"],
            "birthday": "--02-29",
            "cadence_days": 30,
            "snoozed_until": "2030-01-01"
        }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let c = res.json();
    let id = c["id"].as_str().unwrap();
    assert_eq!(
        res.header("location").unwrap(),
        format!("/v1/contacts/{id}")
    );
    assert_eq!(res.header("etag").as_deref(), Some("\"1\""));
    assert_eq!(c["display_name"], "Ben Okafor");
    assert_eq!(c["tags"], json!(["rust", "speakers"]));
    assert_eq!(
        c["phones"][0],
        json!({"number": "+44 20 7946 0958", "label": null})
    );
    assert_eq!(c["version"], 1);
    assert_eq!(c["archived"], false);
    assert_eq!(c["trashed_at"], Value::Null);

    let got = app.get(&format!("/v1/contacts/{id}")).auth(&s).send().await;
    assert_eq!(got.status, 200);
    assert_eq!(got.json(), c);
}

#[actix_web::test]
async fn invalid_fields_are_each_named_and_nothing_is_created() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let res = app
        .post("/v1/contacts")
        .auth(&s)
        .json(json!({
            "display_name": "x".repeat(201),
            "emails": [{"address": "ok@example.com"}, {"address": "nope"}],
            "phones": [{"number": "call me"}],
            "links": [{"url": "https://ana.example/"}, {"url": "http://[x"}, {"url": "https://"}],
            "birthday": "1990-02-30",
            "cadence_days": 0,
            "snoozed_until": "tomorrow",
            "archived": "yes",
            "tags": ["a/b"],
            "version": 3,
            "favourite_colour": "blue"
        }))
        .send()
        .await;
    let listed = res.invalid_fields();
    let fields: HashSet<String> = listed.iter().cloned().collect();
    assert_eq!(
        listed.len(),
        fields.len(),
        "each field is named once: {}",
        res.text()
    );
    // In words, not as the schema's pattern.
    assert!(!res.text().contains("must match"), "{}", res.text());
    let birthday = res.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["field"] == "birthday")
        .cloned()
        .unwrap();
    assert_eq!(
        birthday["message"],
        "must be YYYY-MM-DD, or --MM-DD when the year is unknown"
    );
    let expected: HashSet<String> = [
        "display_name",
        "emails[1].address",
        "phones[0].number",
        "links[1].url",
        "links[2].url",
        "birthday",
        "cadence_days",
        "snoozed_until",
        "archived",
        "tags[0]",
        "version",
        "favourite_colour",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(fields, expected);
    assert!(names(&app, &s, "").await.is_empty());

    let blank = app
        .post("/v1/contacts")
        .auth(&s)
        .json(json!({"display_name": "   "}))
        .send()
        .await;
    assert_eq!(blank.invalid_fields(), ["display_name"]);
    let missing = app
        .post("/v1/contacts")
        .auth(&s)
        .json(json!({}))
        .send()
        .await;
    assert_eq!(missing.invalid_fields(), ["display_name"]);
    let not_object = app
        .post("/v1/contacts")
        .auth(&s)
        .json(json!([1]))
        .send()
        .await;
    assert_eq!(not_object.invalid_fields(), ["body"]);

    // A link of the form `http(s)://…` that is no URL: `invalid_url`, on a
    // create, a change and a batch alike.
    let ana = app.contact(&s, json!({"display_name": "Ana"})).await;
    let url = format!("/v1/contacts/{}", ana["id"].as_str().unwrap());
    for (path, body) in [
        (
            "/v1/contacts",
            json!({"display_name": "Ben", "links": [{"url": "http://[x"}]}),
        ),
        (url.as_str(), json!({"links": [{"url": "http://[x"}]})),
    ] {
        let req = if path == url {
            app.patch(path)
        } else {
            app.post(path)
        };
        let p = req
            .auth(&s)
            .json(body)
            .send()
            .await
            .problem(422, "validation_failed");
        assert_eq!(p["errors"][0]["field"], "links[0].url", "{p}");
        assert_eq!(p["errors"][0]["code"], "invalid_url", "{p}");
    }
    let batch = app
        .post("/v1/contacts/batch")
        .auth(&s)
        .json(json!({"items": [{"contact": {"display_name": "Cy", "links": [{"url": "https://:80/"}]}}]}))
        .send()
        .await;
    assert!(batch.text().contains("invalid_url"), "{}", batch.text());
    assert_eq!(names(&app, &s, "").await, ["Ana"]);
    let read = app.get(&url).auth(&s).send().await.json();
    assert_eq!(read["links"], json!([]), "the change was refused whole");
}

#[actix_web::test]
async fn a_merge_patch_keeps_absent_fields_and_clears_nulls() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let c = app
        .contact(
            &s,
            json!({"display_name": "Ben", "company": "Acme", "title": "CTO", "tags": ["a"]}),
        )
        .await;
    let id = c["id"].as_str().unwrap();
    let res = app
        .patch(&format!("/v1/contacts/{id}"))
        .auth(&s)
        .raw(
            "application/merge-patch+json",
            serde_json::to_vec(&json!({"company": null, "location": "Lisbon", "tags": ["b", "c"]}))
                .unwrap(),
        )
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let p = res.json();
    assert_eq!(p["company"], Value::Null);
    assert_eq!(p["title"], "CTO");
    assert_eq!(p["location"], "Lisbon");
    assert_eq!(p["tags"], json!(["b", "c"]));
    assert_eq!(p["version"], 2);
    assert_eq!(res.header("etag").as_deref(), Some("\"2\""));
    assert_ne!(p["updated_at"], c["updated_at"]);

    // Read-only fields and a null display name are refused, and change nothing.
    let bad = app
        .patch(&format!("/v1/contacts/{id}"))
        .auth(&s)
        .json(json!({"display_name": null, "id": "x", "created_at": "2020-01-01T00:00:00Z"}))
        .send()
        .await;
    let mut fields = bad.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["created_at", "display_name", "id"]);
    let now = app
        .get(&format!("/v1/contacts/{id}"))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(now, p);
}

#[actix_web::test]
async fn etags_give_304_and_a_stale_if_match_gives_412() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let c = app.contact(&s, json!({"display_name": "Ben"})).await;
    let url = format!("/v1/contacts/{}", c["id"].as_str().unwrap());

    let not_modified = app
        .get(&url)
        .auth(&s)
        .header("if-none-match", "\"1\"")
        .send()
        .await;
    assert_eq!(not_modified.status, 304);
    assert!(not_modified.body.is_empty());
    assert_eq!(
        app.get(&url)
            .auth(&s)
            .header("if-none-match", "\"7\"")
            .send()
            .await
            .status,
        200
    );

    let ok = app
        .patch(&url)
        .auth(&s)
        .header("if-match", "\"1\"")
        .json(json!({"title": "CTO"}))
        .send()
        .await;
    assert_eq!(ok.status, 200);
    let stale = app
        .patch(&url)
        .auth(&s)
        .header("if-match", "\"1\"")
        .json(json!({"title": "CEO"}))
        .send()
        .await;
    stale.problem(412, "precondition_failed");
    let stale_delete = app
        .delete(&url)
        .auth(&s)
        .header("if-match", "\"1\"")
        .send()
        .await;
    stale_delete.problem(412, "precondition_failed");
    let now = app.get(&url).auth(&s).send().await.json();
    assert_eq!(now["title"], "CTO");
    assert_eq!(now["trashed_at"], Value::Null);
    assert_eq!(now["version"], 2);
}

/// Pages and reads by id answer the JSON stored with the contact; a contact
/// must read the same in pages of every sort as by id, with every field set,
/// text that needs escaping, and every derived time present.
#[actix_web::test]
async fn a_contact_reads_the_same_in_a_page_as_by_id() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let cleo = app
        .contact(
            &s,
            json!({
                "display_name": "Cléo \"Q\" Okafor\\",
                "given_name": "Cléo", "family_name": "Okafor",
                "emails": [{"address": "cleo@example.com", "label": "wörk"}],
                "phones": [{"number": "+351 912 345 678", "label": null}],
                "company": "Acme\tLtd", "title": "CTO", "location": "Lisboa",
                "notes": "line one\nline \u{1F600} two",
                "tags": ["rust", "speakers"], "birthday": "1990-04-17",
                "how_we_met": "RustConf", "met_via": ben["id"],
                "cadence_days": 30, "snoozed_until": "2030-01-01", "closeness": 4
            }),
        )
        .await;
    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(json!({
            "kind": "call", "direction": "outbound", "summary": "Catch-up",
            "occurred_at": "2026-01-02T03:04:05.678901Z", "contact_ids": [cleo["id"]],
        }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let url = format!("/v1/contacts/{}", cleo["id"].as_str().unwrap());
    let by_id = app.get(&url).auth(&s).send().await.json();
    assert_eq!(by_id["last_interaction_at"], "2026-01-02T03:04:05.678901Z");
    assert!(by_id["next_due_at"].is_string());
    for sort in ["name", "-created_at", "next_due_at", "-last_interaction_at"] {
        let page = app
            .get(&format!("/v1/contacts?sort={sort}&q=okafor"))
            .auth(&s)
            .send()
            .await
            .json();
        assert_eq!(page["items"], json!([by_id]), "sort={sort}");
    }

    assert_eq!(app.delete(&url).auth(&s).send().await.status, 204);
    let trashed = app.get(&url).auth(&s).send().await.json();
    assert!(trashed["trashed_at"].is_string());
    let page = app
        .get("/v1/contacts?trashed=true")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(page["items"], json!([trashed]));
}

#[actix_web::test]
async fn the_trash_keeps_contacts_until_they_are_restored() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    app.contact(&s, json!({"display_name": "Cleo"})).await;
    app.contact(&s, json!({"display_name": "Dara", "archived": true}))
        .await;
    let url = format!("/v1/contacts/{}", ben["id"].as_str().unwrap());

    assert_eq!(app.delete(&url).auth(&s).send().await.status, 204);
    assert_eq!(names(&app, &s, "").await, ["Cleo"]);
    assert_eq!(names(&app, &s, "?trashed=true").await, ["Ben"]);
    assert_eq!(names(&app, &s, "?archived=true").await, ["Dara"]);
    let trashed = app.get(&url).auth(&s).send().await.json();
    assert!(trashed["trashed_at"].is_string());
    app.patch(&url)
        .auth(&s)
        .json(json!({"title": "x"}))
        .send()
        .await
        .problem(409, "contact_trashed");

    let restored = app.post(&format!("{url}/restore")).auth(&s).send().await;
    assert_eq!(restored.status, 200);
    assert_eq!(restored.json()["trashed_at"], Value::Null);
    assert_eq!(names(&app, &s, "").await, ["Ben", "Cleo"]);
    assert!(names(&app, &s, "?trashed=true").await.is_empty());
}

#[actix_web::test]
async fn search_ignores_case_on_names_emails_company_and_notes() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    app.contact(&s, json!({"display_name": "Zoë Ávila"})).await;
    app.contact(
        &s,
        json!({"display_name": "Ben", "emails": [{"address": "BEN@Initech.com"}]}),
    )
    .await;
    app.contact(&s, json!({"display_name": "Cleo", "company": "Globex"}))
        .await;
    app.contact(
        &s,
        json!({"display_name": "Dara", "notes": "Met at RustConf, 100% keen"}),
    )
    .await;
    app.contact(&s, json!({"display_name": "Eli", "given_name": "Elias"}))
        .await;

    assert_eq!(names(&app, &s, "?q=ZO%C3%8B").await, ["Zoë Ávila"]);
    assert_eq!(names(&app, &s, "?q=initech").await, ["Ben"]);
    assert_eq!(names(&app, &s, "?q=GLOB").await, ["Cleo"]);
    assert_eq!(names(&app, &s, "?q=rustconf").await, ["Dara"]);
    assert_eq!(names(&app, &s, "?q=elias").await, ["Eli"]);
    // LIKE wildcards are searched for literally.
    assert_eq!(names(&app, &s, "?q=100%25").await, ["Dara"]);
    assert!(names(&app, &s, "?q=1_0").await.is_empty());
    assert!(names(&app, &s, "?q=_").await.is_empty());
}

#[actix_web::test]
async fn tag_and_company_filters_and_sorts() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    app.contact(
        &s,
        json!({"display_name": "bob", "company": "ACME", "tags": ["Go"]}),
    )
    .await;
    app.contact(
        &s,
        json!({"display_name": "Alice", "company": "acme", "tags": ["rust"]}),
    )
    .await;
    app.contact(
        &s,
        json!({"display_name": "Carol", "company": "Initech", "tags": ["rust", "go"]}),
    )
    .await;

    assert_eq!(names(&app, &s, "").await, ["Alice", "bob", "Carol"]);
    assert_eq!(
        names(&app, &s, "?sort=-name").await,
        ["Carol", "bob", "Alice"]
    );
    assert_eq!(
        names(&app, &s, "?sort=created_at").await,
        ["bob", "Alice", "Carol"]
    );
    assert_eq!(
        names(&app, &s, "?sort=-created_at").await,
        ["Carol", "Alice", "bob"]
    );
    assert_eq!(names(&app, &s, "?company=Acme").await, ["Alice", "bob"]);
    assert_eq!(names(&app, &s, "?tag=go").await, ["bob", "Carol"]);
    assert_eq!(
        names(&app, &s, "?tag=rust&company=initech").await,
        ["Carol"]
    );

    let bad = app
        .get("/v1/contacts?limit=201&sort=age&archived=maybe")
        .auth(&s)
        .send()
        .await;
    let mut fields = bad.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["archived", "limit", "sort"]);
    let bad_cursor = app
        .get("/v1/contacts?cursor=nonsense")
        .auth(&s)
        .send()
        .await;
    assert_eq!(bad_cursor.invalid_fields(), ["cursor"]);
}

async fn walk(app: &TestApp, s: &Session, query: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut url = format!("/v1/contacts?limit=3{query}");
        if let Some(c) = &cursor {
            url.push_str(&format!("&cursor={c}"));
        }
        let page = app.get(&url).auth(s).send().await.json();
        for c in page["items"].as_array().unwrap() {
            seen.push(c["display_name"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    seen
}

#[actix_web::test]
async fn paging_visits_every_contact_once_in_every_sort() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    // Duplicate names exercise the id tie-break.
    let mut expected = Vec::new();
    for i in 0..10 {
        let name = format!("Person {}", i % 4);
        app.contact(&s, json!({"display_name": name})).await;
        expected.push(name);
    }
    expected.sort();
    for sort in [
        "name",
        "-name",
        "created_at",
        "-created_at",
        "updated_at",
        "-updated_at",
    ] {
        let mut seen = walk(&app, &s, &format!("&sort={sort}")).await;
        assert_eq!(seen.len(), 10, "sort {sort}");
        seen.sort();
        assert_eq!(seen, expected, "sort {sort}");
    }
    // A cursor belongs to its sort.
    let page = app
        .get("/v1/contacts?limit=3&sort=name")
        .auth(&s)
        .send()
        .await
        .json();
    let c = page["next_cursor"].as_str().unwrap();
    let res = app
        .get(&format!("/v1/contacts?sort=-created_at&cursor={c}"))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["cursor"]);
}

#[actix_web::test]
async fn paging_while_others_insert_never_repeats_or_skips() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let mut originals = HashSet::new();
    for i in 0..12 {
        let name = format!("Original {i:02}");
        app.contact(&s, json!({"display_name": name})).await;
        originals.insert(name);
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut round = 0;
    loop {
        let mut url = "/v1/contacts?limit=4&sort=name".to_string();
        if let Some(c) = &cursor {
            url.push_str(&format!("&cursor={c}"));
        }
        // Insert concurrently with the page request, before and after the cursor.
        let inserts = async {
            for name in [
                format!("A new {round}"),
                format!("Original {round:02}b"),
                format!("Z new {round}"),
            ] {
                app.contact(&s, json!({"display_name": name})).await;
            }
        };
        let (page, ()) = futures_join(app.get(&url).auth(&s).send(), inserts).await;
        let page = page.json();
        for c in page["items"].as_array().unwrap() {
            seen.push(c["display_name"].as_str().unwrap().to_string());
        }
        round += 1;
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no contact twice: {seen:?}");
    for name in &originals {
        assert!(seen.contains(name), "{name} was skipped");
    }
    // Sorted order held across pages.
    let mut sorted = seen.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(seen, sorted);
}

async fn futures_join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    let a = Box::pin(a);
    let b = Box::pin(b);
    futures_util::future::join(a, b).await
}

#[actix_web::test]
async fn met_via_must_be_another_of_my_contacts() {
    let app = TestApp::spawn().await;
    let ana = app.user("ana@example.com").await;
    let eve = app.user("eve@example.com").await;
    let cleo = app.contact(&ana, json!({"display_name": "Cleo"})).await;
    let eves = app
        .contact(&eve, json!({"display_name": "Eve's friend"}))
        .await;

    let ok = app
        .contact(&ana, json!({"display_name": "Ben", "met_via": cleo["id"]}))
        .await;
    assert_eq!(ok["met_via"], cleo["id"]);

    let foreign = app
        .post("/v1/contacts")
        .auth(&ana)
        .json(json!({"display_name": "Dan", "met_via": eves["id"]}))
        .send()
        .await;
    let unknown = app
        .post("/v1/contacts")
        .auth(&ana)
        .json(json!({"display_name": "Dan", "met_via": "01234567-0000-7000-8000-000000000000"}))
        .send()
        .await;
    // Another user's contact and a made-up id are refused alike.
    let (a, b) = (
        foreign.problem(422, "validation_failed"),
        unknown.problem(422, "validation_failed"),
    );
    assert_eq!(a["errors"], b["errors"]);

    let own = format!("/v1/contacts/{}", ok["id"].as_str().unwrap());
    let me_via_me = app
        .patch(&own)
        .auth(&ana)
        .json(json!({"met_via": ok["id"]}))
        .send()
        .await;
    assert_eq!(me_via_me.invalid_fields(), ["met_via"]);
}

#[actix_web::test]
async fn another_users_contact_is_not_found_for_every_verb() {
    let app = TestApp::spawn().await;
    let ana = app.user("ana@example.com").await;
    let eve = app.user("eve@example.com").await;
    let c = app.contact(&ana, json!({"display_name": "Ben"})).await;
    let url = format!("/v1/contacts/{}", c["id"].as_str().unwrap());

    app.assert_hidden_from(&eve, &url, json!({"title": "x"}))
        .await;
    app.post(&format!("{url}/restore"))
        .auth(&eve)
        .send()
        .await
        .problem(404, "not_found");
    assert!(names(&app, &eve, "").await.is_empty());
    assert!(names(&app, &eve, "?trashed=true").await.is_empty());

    let still = app.get(&url).auth(&ana).send().await.json();
    assert_eq!(still, c);
}

/// A list's query parameters are read by their documented schema: every
/// broken one is named at once, and the list is not read.
#[actix_web::test]
async fn every_broken_list_parameter_is_named_at_once() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let r = app
        .get("/v1/contacts?limit=0&sort=age&archived=maybe&due_before=tomorrow")
        .auth(&s)
        .send()
        .await;
    let p = r.problem(422, "validation_failed");
    let mut named: Vec<(String, String)> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    named.sort();
    assert_eq!(
        named,
        [
            ("archived".to_string(), "invalid_type".to_string()),
            ("due_before".to_string(), "invalid_format".to_string()),
            ("limit".to_string(), "out_of_range".to_string()),
            ("sort".to_string(), "invalid_value".to_string()),
        ]
    );
    let r = app
        .get("/v1/ledger/balances?owing=everyone&limit=abc")
        .auth(&s)
        .send()
        .await;
    let p = r.problem(422, "validation_failed");
    assert_eq!(p["errors"].as_array().unwrap().len(), 2, "{p}");
    // Empty text reads as absent, and is trimmed; an empty number is not one.
    app.contact(&s, json!({"display_name": "Ben Ortiz"})).await;
    let r = app
        .get("/v1/contacts?q=%20ben%20&cursor=&company=&sort=-name")
        .auth(&s)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["items"].as_array().unwrap().len(), 1);
    app.get("/v1/contacts?limit=")
        .auth(&s)
        .send()
        .await
        .problem(422, "validation_failed");
}
