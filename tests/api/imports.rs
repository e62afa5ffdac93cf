//! `POST /v1/imports` with files in the shape of real exports
//! (`tests/fixtures/imports`): LinkedIn 2024 and 2018, Google current and
//! old, Outlook; re-runs, dry runs, updates, undo, bad files, other users.

use serde_json::{json, Value};

use crate::helpers::{Resp, Session, TestApp};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/imports/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

async fn import(app: &TestApp, s: &Session, query: &str, body: Vec<u8>) -> Resp {
    app.post(&format!("/v1/imports{query}"))
        .auth(s)
        .raw("text/csv", body)
        .send()
        .await
}

/// Each item as (line, status, error or "").
fn items(report: &Value) -> Vec<(u64, String, String)> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["line"].as_u64().unwrap(),
                i["status"].as_str().unwrap().to_string(),
                i["error"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

async fn contacts(app: &TestApp, s: &Session) -> Vec<Value> {
    let res = app.get("/v1/contacts?limit=200").auth(s).send().await;
    assert_eq!(res.status, 200, "{}", res.text());
    res.json()["items"].as_array().unwrap().clone()
}

fn named<'a>(all: &'a [Value], name: &str) -> &'a Value {
    all.iter()
        .find(|c| c["display_name"] == name)
        .unwrap_or_else(|| panic!("no {name} among {all:?}"))
}

#[actix_web::test]
async fn a_linkedin_export_comes_in_once_and_bad_rows_fail_alone() {
    let app = TestApp::spawn().await;
    let s = app.user("linkedin@example.com").await;

    // A dry run reports what would happen and writes nothing.
    let res = import(&app, &s, "?dry_run=true", fixture("linkedin-2024.csv")).await;
    assert_eq!(res.status, 200, "{}", res.text());
    let dry = res.json();
    assert_eq!(
        (dry["id"].clone(), dry["dry_run"].clone()),
        (Value::Null, json!(true))
    );
    assert!(contacts(&app, &s).await.is_empty());

    let res = import(&app, &s, "", fixture("linkedin-2024.csv")).await;
    assert_eq!(res.status, 201, "{}", res.text());
    let report = res.json();
    let id = report["id"].as_str().unwrap().to_string();
    assert_eq!(res.header("location"), Some(format!("/v1/imports/{id}")));
    assert_eq!(report["format"], "linkedin");
    let got = items(&report);
    assert_eq!(
        got.iter()
            .map(|(l, s, _)| (*l, s.as_str()))
            .collect::<Vec<_>>(),
        [
            (5, "created"),
            (6, "created"),
            (7, "created"),
            (8, "failed"),
            (9, "failed")
        ]
    );
    assert!(got[3].2.contains("no name"), "{:?}", got[3]);
    assert!(got[4].2.contains("emails[0].address"), "{:?}", got[4]);
    assert_eq!(items(&dry), got, "the dry run said the same");
    assert_eq!(
        (report["created"].clone(), report["failed"].clone()),
        (json!(3), json!(2))
    );
    // The rows that failed left nothing in the search index either.
    crate::helpers::search_indexes_match_their_tables(&app);

    let all = contacts(&app, &s).await;
    let jin = named(&all, "Jin Park, CFA");
    assert_eq!(jin["company"], "Acme, Inc.");
    assert_eq!(jin["title"], "Analyst");
    assert_eq!(jin["met_on"], "2023-03-21");
    assert_eq!(jin["how_we_met"], "Connected on LinkedIn");
    assert_eq!(
        jin["external_ids"],
        json!({"linkedin": "https://www.linkedin.com/in/jinpark"})
    );
    assert_eq!(
        named(&all, "Ana Lima")["emails"][0]["address"],
        "ana@example.com"
    );

    // Again: everything that went in matches (by email or by profile) and is
    // skipped; nothing is created.
    let again = import(&app, &s, "?format=linkedin", fixture("linkedin-2024.csv"))
        .await
        .json();
    assert_eq!(
        (again["created"].clone(), again["skipped"].clone()),
        (json!(0), json!(3))
    );
    assert_eq!(again["items"][1]["contact_id"], jin["id"]);
    assert_eq!(contacts(&app, &s).await.len(), 3);

    // Kept: listed newest first, each with its report.
    let list = app.get("/v1/imports?limit=1").auth(&s).send().await.json();
    assert_eq!(list["items"][0]["id"], again["id"]);
    assert_eq!(list["items"][0].get("items"), None);
    let cursor = list["next_cursor"].as_str().unwrap();
    let rest = app
        .get(&format!("/v1/imports?limit=1&cursor={cursor}"))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(rest["items"][0]["id"], id.as_str());
    assert_eq!(rest["next_cursor"], Value::Null);
    app.get("/v1/imports?cursor=not-a-cursor")
        .auth(&s)
        .send()
        .await
        .problem(422, "validation_failed");
    let one = app
        .get(&format!("/v1/imports/{id}"))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(one["items"], report["items"]);

    // Another user sees none of it and cannot undo it.
    let eve = app.user("linkedin-eve@example.com").await;
    let res = app
        .get(&format!("/v1/imports/{id}"))
        .auth(&eve)
        .send()
        .await;
    res.problem(404, "not_found");
    let res = app
        .delete(&format!("/v1/imports/{id}"))
        .auth(&eve)
        .send()
        .await;
    res.problem(404, "not_found");
    let theirs = app.get("/v1/imports").auth(&eve).send().await.json();
    assert_eq!(theirs["items"], json!([]));
    // Their import of the same file creates their own contacts.
    let report = import(&app, &eve, "", fixture("linkedin-2024.csv"))
        .await
        .json();
    assert_eq!(report["created"], 3);
}

#[actix_web::test]
async fn an_update_import_changes_fields_and_undo_changes_them_back() {
    let app = TestApp::spawn().await;
    let s = app.user("update@example.com").await;
    let first = import(&app, &s, "", fixture("linkedin-2024.csv"))
        .await
        .json();
    let first_id = first["id"].as_str().unwrap();

    // The 2018 file: Ana (by email) has another title; Dev is new.
    let res = import(
        &app,
        &s,
        "?on_duplicate=update",
        fixture("linkedin-2018.csv"),
    )
    .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let report = res.json();
    let ana_id = first["items"][0]["contact_id"].clone();
    assert_eq!(report["items"][0]["status"], "updated");
    assert_eq!(report["items"][0]["contact_id"], ana_id);
    assert_eq!(
        report["items"][0]["changed_fields"],
        json!(["met_on", "title"])
    );
    assert_eq!(report["items"][1]["status"], "created");
    let all = contacts(&app, &s).await;
    let ana = named(&all, "Ana Lima");
    assert_eq!(
        (ana["title"].as_str(), ana["met_on"].as_str()),
        (Some("Chief Technology Officer"), Some("2018-01-08"))
    );
    assert_eq!(ana["company"], "Initech", "kept: the row has the same");
    assert_eq!(
        ana["external_ids"]["linkedin"], "https://www.linkedin.com/in/ana-lima",
        "kept: the 2018 file has no URL"
    );

    // Undo: Dev goes to the trash, Ana's title and date come back.
    let undo_id = report["id"].as_str().unwrap();
    let res = app
        .delete(&format!("/v1/imports/{undo_id}"))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let undone = res.json();
    assert_eq!(undone["trashed"], json!([report["items"][1]["contact_id"]]));
    assert_eq!(undone["reverted"], json!([ana_id]));
    assert_eq!(undone["not_undone"], json!([]));
    let all = contacts(&app, &s).await;
    assert!(all.iter().all(|c| c["display_name"] != "Dev Rao"));
    let ana = named(&all, "Ana Lima");
    assert_eq!(
        (ana["title"].as_str(), ana["met_on"].as_str()),
        (Some("CTO"), Some("2024-10-09"))
    );
    let res = app
        .delete(&format!("/v1/imports/{undo_id}"))
        .auth(&s)
        .send()
        .await;
    res.problem(409, "import_undone");
    let shown = app
        .get(&format!("/v1/imports/{undo_id}"))
        .auth(&s)
        .send()
        .await
        .json();
    assert!(shown["undone_at"].is_string());

    // A contact written after an import keeps what it has; undo says so.
    let again = import(
        &app,
        &s,
        "?on_duplicate=update",
        fixture("linkedin-2018.csv"),
    )
    .await
    .json();
    assert_eq!(
        items(&again)
            .iter()
            .map(|(_, s, _)| s.as_str())
            .collect::<Vec<_>>(),
        ["updated", "created"],
        "Dev is in the trash: not matched, created again"
    );
    let res = app
        .patch(&format!("/v1/contacts/{}", ana_id.as_str().unwrap()))
        .auth(&s)
        .raw(
            "application/merge-patch+json",
            br#"{"notes": "changed since"}"#.to_vec(),
        )
        .send()
        .await;
    assert_eq!(res.status, 200);
    let undone = app
        .delete(&format!("/v1/imports/{}", again["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(
        undone["not_undone"],
        json!([{"contact_id": ana_id, "reason": "changed_since"}])
    );
    assert_eq!(undone["trashed"], json!([again["items"][1]["contact_id"]]));
    let all = contacts(&app, &s).await;
    let ana = named(&all, "Ana Lima");
    assert_eq!(
        (ana["title"].as_str(), ana["notes"].as_str()),
        (Some("Chief Technology Officer"), Some("changed since"))
    );
    // The first import still stands.
    let first_now = app
        .get(&format!("/v1/imports/{first_id}"))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(first_now["undone_at"], Value::Null);
}

#[actix_web::test]
async fn google_and_outlook_exports_are_read_by_their_headers() {
    let app = TestApp::spawn().await;
    let s = app.user("google@example.com").await;
    for (file, format, statuses) in [
        (
            "google-current.csv",
            "google",
            vec![(2, "created"), (4, "failed")],
        ),
        ("google-old.csv", "google", vec![(2, "created")]),
        ("outlook.csv", "outlook", vec![(2, "created")]),
    ] {
        // No `format`: told from the header.
        let res = import(&app, &s, "", fixture(file)).await;
        assert_eq!(res.status, 201, "{file}: {}", res.text());
        let report = res.json();
        assert_eq!(report["format"], format, "{file}");
        let got = items(&report);
        assert_eq!(
            got.iter()
                .map(|(l, s, _)| (*l, s.as_str()))
                .collect::<Vec<_>>(),
            statuses,
            "{file}: {got:?}"
        );
    }
    let all = contacts(&app, &s).await;
    let emma = named(&all, "Emma Stone");
    assert_eq!(
        emma["emails"],
        json!([{"address": "emma@vandelay.example", "label": "work"}, {"address": "emma@home.example", "label": "home"}])
    );
    assert_eq!(emma["phones"].as_array().unwrap().len(), 2);
    assert_eq!(
        (emma["birthday"].as_str(), emma["location"].as_str()),
        (Some("--07-01"), Some("Springfield"))
    );
    assert_eq!(emma["tags"], json!(["investors"]));
    assert_eq!(
        emma["external_ids"]["linkedin"],
        "https://www.linkedin.com/in/emma-stone-v"
    );
    let gita = named(&all, "Gita Rao");
    assert_eq!(
        (gita["company"].as_str(), gita["title"].as_str()),
        (Some("Wayne Enterprises"), Some("Counsel"))
    );
    assert_eq!(gita["tags"], json!(["family"]));
    let hana = named(&all, "Hana Kim");
    assert_eq!(
        (hana["title"].as_str(), hana["birthday"].as_str()),
        (Some("Research Lead"), Some("1990-07-01"))
    );
    assert_eq!(hana["notes"], "Two lines\r\nof notes");
    assert_eq!(hana["tags"], json!(["research", "korea"]));
    assert_eq!(
        hana["external_ids"]["linkedin"],
        "https://www.linkedin.com/in/hana-kim"
    );
    // Hana's profile again, from LinkedIn: found by it, not created twice.
    let linkedin = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nHana,Kim,https://www.linkedin.com/in/hana-kim,,Kaist Labs,Research Lead,01 Jan 2020\n";
    let report = import(&app, &s, "", linkedin.to_vec()).await.json();
    assert_eq!(report["items"][0]["status"], "skipped");
    assert_eq!(report["items"][0]["contact_id"], hana["id"]);
}

#[actix_web::test]
async fn bad_files_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let s = app.user("badfiles@example.com").await;
    let res = import(&app, &s, "", Vec::new()).await;
    res.problem(422, "validation_failed");
    let res = import(&app, &s, "", b"Name;Surname\nA;B\n".to_vec()).await;
    let p = res.problem(422, "validation_failed");
    assert_eq!(p["errors"][0]["field"], "format");
    // Latin-1, not UTF-8.
    let res = import(
        &app,
        &s,
        "?format=linkedin",
        b"First Name,Last Name,Connected On\nJos\xe9,Lima,\n".to_vec(),
    )
    .await;
    let p = res.problem(422, "validation_failed");
    assert_eq!(p["errors"][0]["code"], "not_utf8");
    // A LinkedIn file named as such but without its header.
    let res = import(&app, &s, "?format=linkedin", b"just text\n".to_vec()).await;
    res.problem(422, "validation_failed");
    let res = import(&app, &s, "?format=vcard", fixture("linkedin-2018.csv")).await;
    res.problem(422, "validation_failed");
    let res = import(
        &app,
        &s,
        "?on_duplicate=merge",
        fixture("linkedin-2018.csv"),
    )
    .await;
    res.problem(422, "validation_failed");
    // A truncated file: the row cut inside its quotes fails, the others go in.
    let mut cut = fixture("linkedin-2018.csv");
    cut.extend_from_slice(b"Eve,\"Unclosed,eve@example.com,Co,Role,\"1/1/19");
    let report = import(&app, &s, "", cut).await.json();
    assert_eq!(report["created"], 2);
    // Over 20 MiB: 413, the limit named.
    let big = vec![b'a'; (20 << 20) + 1];
    let res = import(&app, &s, "?format=linkedin", big).await;
    let p = res.problem(413, "payload_too_large");
    assert!(p["detail"].as_str().unwrap().contains("20 MiB"), "{p}");
    let all = contacts(&app, &s).await;
    assert_eq!(all.len(), 2);
}

#[actix_web::test]
async fn vcards_from_apple_google_and_outlook() {
    let app = TestApp::spawn().await;
    let s = app.user("vcard@example.com").await;
    for (file, statuses) in [
        ("apple.vcf", vec![(1, "created"), (18, "created")]),
        ("google.vcf", vec![(1, "created"), (13, "failed")]),
        ("outlook.vcf", vec![(1, "created"), (12, "failed")]),
    ] {
        let res = import(&app, &s, "", fixture(file)).await;
        assert_eq!(res.status, 201, "{file}: {}", res.text());
        let report = res.json();
        assert_eq!(report["format"], "vcard", "{file}");
        let got = items(&report);
        assert_eq!(
            got.iter()
                .map(|(l, s, _)| (*l, s.as_str()))
                .collect::<Vec<_>>(),
            statuses,
            "{file}: {got:?}"
        );
    }
    let all = contacts(&app, &s).await;
    let ana = named(&all, "Ana Lima");
    assert_eq!(
        (
            ana["company"].as_str(),
            ana["birthday"].as_str(),
            ana["location"].as_str()
        ),
        (Some("Initech"), Some("--07-01"), Some("Lisboa"))
    );
    assert_eq!(
        ana["phones"],
        json!([{"number": "+351 912 345 678", "label": "mobile"}])
    );
    assert_eq!(
        ana["notes"],
        "Prefers mornings, two kids. A note long enough that Apple folds it across two lines."
    );
    assert_eq!(
        ana["external_ids"]["linkedin"],
        "https://www.linkedin.com/in/ana-lima"
    );
    assert_eq!(named(&all, "Ben Okafor")["birthday"], "1985-04-15");
    let emma = named(&all, "Emma Stone");
    assert_eq!(
        (emma["birthday"].as_str(), emma["tags"].clone()),
        (Some("--07-01"), json!(["investors"]))
    );
    assert_eq!(
        emma["external_ids"]["linkedin"],
        "https://www.linkedin.com/in/emma-stone-v"
    );
    let j = named(&all, "Jürgen Müller");
    assert_eq!(
        (j["family_name"].as_str(), j["birthday"].as_str()),
        (Some("Müller"), Some("1980-02-03"))
    );
    assert_eq!(j["notes"], "Zwei Zeilen\r\nund mehr");
    // Ana from LinkedIn is the same person (her profile): skipped.
    let report = import(&app, &s, "", fixture("linkedin-2024.csv"))
        .await
        .json();
    assert_eq!(report["items"][0]["status"], "skipped");
    assert_eq!(report["items"][0]["contact_id"], ana["id"]);
}
