use actix_web::http::Method;
use diesel::{QueryableByName, RunQueryDsl};
use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

async fn token(app: &TestApp, s: &Session, scope: &str) -> Value {
    let res = app
        .post("/v1/tokens")
        .auth(s)
        .json(json!({"name": format!("{scope} script"), "scope": scope}))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

#[actix_web::test]
async fn personal_access_tokens_carry_their_scope() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let read = token(&app, &s, "read").await;
    let write = token(&app, &s, "write").await;
    let secret = read["token"].as_str().unwrap();
    assert!(
        secret.starts_with("kith_pat_") && secret.len() == 9 + 43,
        "{secret}"
    );
    assert_eq!(read["scope"], "read");
    assert_eq!(read["last_used_at"], Value::Null);

    // A read token reads, and may not write.
    assert_eq!(
        app.get("/v1/contacts").bearer(secret).send().await.status,
        200
    );
    app.post("/v1/contacts")
        .bearer(secret)
        .json(json!({"display_name": "Ben"}))
        .send()
        .await
        .problem(403, "insufficient_scope");
    // A write token writes.
    let w = write["token"].as_str().unwrap();
    let c = app
        .post("/v1/contacts")
        .bearer(w)
        .json(json!({"display_name": "Ben"}))
        .send()
        .await;
    assert_eq!(c.status, 201);
    let url = format!("/v1/contacts/{}", c.json()["id"].as_str().unwrap());
    app.patch(&url)
        .bearer(secret)
        .json(json!({"title": "x"}))
        .send()
        .await
        .problem(403, "insufficient_scope");
    app.delete(&url)
        .bearer(secret)
        .send()
        .await
        .problem(403, "insufficient_scope");
    assert_eq!(
        app.patch(&url)
            .bearer(w)
            .json(json!({"title": "CTO"}))
            .send()
            .await
            .status,
        200
    );

    // Tokens cannot manage tokens or delete the account.
    app.get("/v1/tokens")
        .bearer(w)
        .send()
        .await
        .problem(403, "session_required");
    app.post("/v1/tokens")
        .bearer(w)
        .json(json!({"name": "x", "scope": "write"}))
        .send()
        .await
        .problem(403, "session_required");
    app.delete("/v1/me")
        .bearer(w)
        .json(json!({"password": "correct horse battery"}))
        .send()
        .await
        .problem(403, "session_required");

    // The list shows metadata, never secrets, with the last use.
    let list = app.get("/v1/tokens").auth(&s).send().await;
    assert!(!list.text().contains("kith_pat_"));
    let items = list.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    assert!(items[0]["last_used_at"].is_string());
    assert!(items[0].get("token").is_none());

    // Revoked: refused at once.
    let del = app
        .delete(&format!("/v1/tokens/{}", read["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await;
    assert_eq!(del.status, 204);
    app.get("/v1/contacts")
        .bearer(secret)
        .send()
        .await
        .problem(401, "invalid_token");
    app.get("/v1/contacts")
        .bearer("kith_pat_madeup")
        .send()
        .await
        .problem(401, "invalid_token");

    // Another user cannot see or revoke them.
    let eve = app.user("eve@example.com").await;
    let theirs = app.get("/v1/tokens").auth(&eve).send().await.json();
    assert!(theirs["items"].as_array().unwrap().is_empty());
    app.delete(&format!("/v1/tokens/{}", write["id"].as_str().unwrap()))
        .auth(&eve)
        .send()
        .await
        .problem(404, "not_found");
    assert_eq!(app.get("/v1/me").bearer(w).send().await.status, 200);
}

#[actix_web::test]
async fn an_expired_token_is_refused_and_bad_tokens_are_not_made() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let soon = (chrono::Utc::now() + chrono::Duration::milliseconds(800)).to_rfc3339();
    let t = app
        .post("/v1/tokens")
        .auth(&s)
        .json(json!({"name": "brief", "scope": "read", "expires_at": soon}))
        .send()
        .await;
    assert_eq!(t.status, 201, "{}", t.text());
    let secret = t.json()["token"].as_str().unwrap().to_string();
    assert!(t.json()["expires_at"].as_str().is_some());
    actix_web::rt::time::sleep(std::time::Duration::from_millis(1200)).await;
    app.get("/v1/contacts")
        .bearer(&secret)
        .send()
        .await
        .problem(401, "invalid_token");

    let past = (chrono::Utc::now() - chrono::Duration::days(1)).to_rfc3339();
    let bad = app
        .post("/v1/tokens")
        .auth(&s)
        .json(json!({"name": "", "scope": "admin", "expires_at": past}))
        .send()
        .await;
    let mut fields = bad.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["expires_at", "name", "scope"]);
}

/// A frontend with tracing or error reporting adds its own headers to every
/// call (and an app its own); the preflight for any of them must pass, or
/// every call from it fails.
#[actix_web::test]
async fn preflights_for_tracing_headers_pass() {
    let app = TestApp::spawn().await;
    let pre = app
        .req(Method::OPTIONS, "/v1/contacts")
        .header("origin", "https://app.example")
        .header("access-control-request-method", "GET")
        .header(
            "access-control-request-headers",
            "authorization, traceparent, tracestate, baggage, sentry-trace, x-requested-with, x-app-version",
        )
        .send()
        .await;
    assert_eq!(pre.status, 200, "{}", pre.text());
    let allowed = pre
        .header("access-control-allow-headers")
        .unwrap()
        .to_lowercase();
    for h in [
        "traceparent",
        "tracestate",
        "baggage",
        "sentry-trace",
        "x-requested-with",
    ] {
        assert!(allowed.contains(h), "{h} in {allowed}");
    }
}

#[actix_web::test]
async fn browsers_get_cors_answers() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let pre = app
        .req(Method::OPTIONS, "/v1/contacts")
        .header("origin", "https://app.example")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization, content-type, idempotency-key",
        )
        .send()
        .await;
    assert_eq!(pre.status, 200, "{}", pre.text());
    assert_eq!(
        pre.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    assert!(pre
        .header("access-control-allow-methods")
        .unwrap()
        .contains("POST"));
    assert!(pre
        .header("access-control-allow-headers")
        .unwrap()
        .to_lowercase()
        .contains("idempotency-key"));
    assert!(pre.header("access-control-allow-credentials").is_none());

    let res = app
        .post("/v1/contacts")
        .auth(&s)
        .header("origin", "https://app.example")
        .json(json!({"display_name": "Ben"}))
        .send()
        .await;
    assert_eq!(
        res.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    let exposed = res
        .header("access-control-expose-headers")
        .unwrap()
        .to_lowercase();
    for h in ["etag", "location", "retry-after", "ratelimit-remaining"] {
        assert!(exposed.contains(h), "{h} not exposed: {exposed}");
    }
}

#[actix_web::test]
async fn cors_can_be_limited_to_named_origins() {
    let app = TestApp::spawn_with(|s| {
        s.cors_origins = "https://app.example, https://admin.example".into()
    })
    .await;
    let ok = app
        .req(Method::OPTIONS, "/v1/contacts")
        .header("origin", "https://admin.example")
        .header("access-control-request-method", "GET")
        .send()
        .await;
    assert_eq!(
        ok.header("access-control-allow-origin").as_deref(),
        Some("https://admin.example")
    );
    let other = app
        .req(Method::OPTIONS, "/v1/contacts")
        .header("origin", "https://evil.example")
        .header("access-control-request-method", "GET")
        .send()
        .await;
    assert!(other.header("access-control-allow-origin").is_none());
    assert!(other.status >= 400);
}

#[actix_web::test]
async fn logins_are_limited_per_address_and_accounts_lock_after_failures() {
    let app = TestApp::spawn_with(|s| {
        s.rate_login_per_minute = 30;
        s.login_lockout_failures = 3;
    })
    .await;
    app.user("ana@example.com").await;
    app.user("ben@example.com").await;
    let login = |email: &str, pw: &str| json!({"email": email, "password": pw});
    for _ in 0..3 {
        let r = app
            .post("/v1/auth/login")
            .json(login("ana@example.com", "wrong password"))
            .send()
            .await;
        r.problem(401, "invalid_credentials");
    }
    // Locked: even the right password waits.
    let locked = app
        .post("/v1/auth/login")
        .json(login("ana@example.com", "correct horse battery"))
        .send()
        .await;
    locked.problem(429, "rate_limited");
    let wait: i64 = locked.header("retry-after").unwrap().parse().unwrap();
    assert!(wait > 0 && wait <= 15 * 60);
    // Another account is not affected.
    assert_eq!(
        app.post("/v1/auth/login")
            .json(login("ben@example.com", "correct horse battery"))
            .send()
            .await
            .status,
        200
    );

    // Per address: the 31st login attempt within the minute is refused.
    let limited = TestApp::spawn_with(|s| s.rate_login_per_minute = 5).await;
    limited.user("cleo@example.com").await;
    for _ in 0..5 {
        let r = limited
            .post("/v1/auth/login")
            .json(login("cleo@example.com", "correct horse battery"))
            .send()
            .await;
        assert_eq!(r.status, 200);
    }
    let r = limited
        .post("/v1/auth/login")
        .json(login("cleo@example.com", "correct horse battery"))
        .send()
        .await;
    r.problem(429, "rate_limited");
    assert!(r.header("retry-after").is_some());
}

/// Forty wrong passwords for one account at once: the lockout lets exactly
/// as many be checked as it allows, the others are refused unchecked.
#[actix_web::test]
async fn parallel_wrong_passwords_are_checked_no_more_than_the_lockout_allows() {
    let app = TestApp::spawn_with(|s| {
        s.rate_login_per_minute = 1000;
        s.login_lockout_failures = 10;
    })
    .await;
    app.user("ana@example.com").await;
    let tries = (0..40).map(|_| {
        app.post("/v1/auth/login")
            .json(json!({"email": "ana@example.com", "password": "wrong password"}))
            .send()
    });
    let answers = futures_util::future::join_all(tries).await;
    let checked = answers.iter().filter(|r| r.status == 401).count();
    let refused = answers.iter().filter(|r| r.status == 429).count();
    assert_eq!(
        (checked, refused),
        (10, 30),
        "401s and 429s of 40 parallel tries"
    );
}

/// Twenty registrations from one address at once against a limit of five:
/// five pass, however the requests interleave.
#[actix_web::test]
async fn parallel_registrations_pass_a_limit_no_more_than_it_allows() {
    let app = TestApp::spawn_with(|s| s.rate_register_per_minute = 5).await;
    let sends = (0..20).map(|n| {
        app.post("/v1/auth/register")
            .json(json!({"email": format!("user{n}@example.com"), "password": "correct horse battery", "name": "U"}))
            .send()
    });
    let answers = futures_util::future::join_all(sends).await;
    let created = answers.iter().filter(|r| r.status == 201).count();
    let refused = answers.iter().filter(|r| r.status == 429).count();
    assert_eq!(
        (created, refused),
        (5, 15),
        "201s and 429s of 20 parallel registrations"
    );
}

#[actix_web::test]
async fn registrations_are_limited_per_address() {
    let app = TestApp::spawn_with(|s| s.rate_register_per_minute = 2).await;
    app.user("a@example.com").await;
    app.user("b@example.com").await;
    let r = app
        .post("/v1/auth/register")
        .json(json!({"email": "c@example.com", "password": "correct horse battery", "name": "C"}))
        .send()
        .await;
    r.problem(429, "rate_limited");
}

#[actix_web::test]
async fn the_default_limits_do_not_hinder_normal_use() {
    let app = TestApp::spawn().await;
    for n in 0..30 {
        app.user(&format!("user{n}@example.com")).await;
    }
    for _ in 0..30 {
        let r = app
            .post("/v1/auth/login")
            .json(json!({"email": "user0@example.com", "password": "correct horse battery"}))
            .send()
            .await;
        assert_eq!(r.status, 200);
    }
}

#[actix_web::test]
async fn a_per_user_limit_can_be_turned_on() {
    let app = TestApp::spawn_with(|s| s.rate_per_user_per_minute = 3).await;
    let s = app.user("ana@example.com").await;
    for left in [2, 1, 0] {
        let r = app.get("/v1/contacts").auth(&s).send().await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header("ratelimit-limit").as_deref(), Some("3"));
        assert_eq!(r.header("ratelimit-remaining"), Some(left.to_string()));
        assert!(r.header("ratelimit-reset").is_some());
    }
    let r = app.get("/v1/contacts").auth(&s).send().await;
    r.problem(429, "rate_limited");
    assert!(r.header("retry-after").is_some());
    // Off by default.
    let free = TestApp::spawn().await;
    let s = free.user("ana@example.com").await;
    assert!(free
        .get("/v1/contacts")
        .auth(&s)
        .send()
        .await
        .header("ratelimit-limit")
        .is_none());
}

async fn seed(app: &TestApp, s: &Session) {
    let a = app.contact(s, json!({"display_name": "Ana", "emails": [{"address": "ana@x.io", "label": "work"}], "tags": ["vip"], "birthday": "--02-29", "closeness": 4})).await;
    let b = app
        .contact(
            s,
            json!({"display_name": "Ben", "met_via": a["id"], "cadence_days": 30}),
        )
        .await;
    let c = app
        .contact(s, json!({"display_name": "Cleo", "archived": true}))
        .await;
    app.delete(&format!("/v1/contacts/{}", c["id"].as_str().unwrap()))
        .auth(s)
        .send()
        .await;
    app.put_tag(s, "vip", json!({"default_cadence_days": 14}))
        .await;
    let photo = crate::helpers::image_bytes(40, 30, image::ImageFormat::Jpeg);
    let res = app
        .req(
            actix_web::http::Method::PUT,
            &format!("/v1/contacts/{}/photo", a["id"].as_str().unwrap()),
        )
        .auth(s)
        .raw("image/jpeg", photo)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let i = app
        .post("/v1/interactions")
        .auth(s)
        .json(json!({"kind": "meal", "direction": "mutual", "summary": "Dinner", "contact_ids": [a["id"], b["id"]],
                     "occurred_at": "2026-03-01T19:00:00Z", "follow_up_on": "2026-03-10"}))
        .send()
        .await
        .json();
    let got = app
        .post("/v1/ledger")
        .auth(s)
        .json(json!({"contact_id": a["id"], "direction": "received", "kind": "advice", "description": "Pricing", "interaction_id": i["id"], "weight": 3}))
        .send()
        .await
        .json();
    app.post("/v1/ledger")
        .auth(s)
        .json(json!({"contact_id": b["id"], "direction": "given", "kind": "help", "description": "Moving", "repays_id": got["id"]}))
        .send()
        .await;
    app.post("/v1/relationships")
        .auth(s)
        .json(
            json!({"contact_id": a["id"], "other_id": b["id"], "kind": "mentor_of", "strength": 5}),
        )
        .send()
        .await;
    let d = app.contact(s, json!({"display_name": "Dan"})).await;
    let intro = app
        .post("/v1/introductions")
        .auth(s)
        .json(json!({"person_a_id": b["id"], "person_b_id": d["id"], "status": "made", "made_on": "2026-04-01", "outcome": "hired"}))
        .send()
        .await
        .json();
    for need in [
        json!({"contact_id": a["id"], "kind": "ask", "topic": "Angel investors", "tags": ["fintech"], "until": "2099-01-31"}),
        json!({"kind": "offer", "topic": "Reviewing pitch decks", "description": "Evenings"}),
    ] {
        let res = app.post("/v1/needs").auth(s).json(need).send().await;
        assert_eq!(res.status, 201, "{}", res.text());
    }
    let met = app
        .post("/v1/needs")
        .auth(s)
        .json(json!({"contact_id": b["id"], "kind": "ask", "topic": "A designer"}))
        .send()
        .await
        .json();
    let res = app
        .patch(&format!("/v1/needs/{}", met["id"].as_str().unwrap()))
        .auth(s)
        .json(json!({"status": "met", "met_by": {"type": "introduction", "id": intro["id"]}}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    token(app, s, "read").await;
}

/// Replaces every id by its first-seen index, so two exports of the same
/// data under different ids compare equal.
fn normalise(v: &Value, ids: &mut Vec<String>) -> Value {
    match v {
        Value::String(s) if s.len() == 36 && s.matches('-').count() == 4 => {
            json!(id_number(s, ids))
        }
        // A URL with an id in its path (a photo's).
        Value::String(s) if s.starts_with("/v1/") => json!(s
            .split('/')
            .map(
                |part| match part.len() == 36 && part.matches('-').count() == 4 {
                    true => id_number(part, ids),
                    false => part.to_string(),
                }
            )
            .collect::<Vec<_>>()
            .join("/")),
        Value::Array(a) => Value::Array(a.iter().map(|x| normalise(x, ids)).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| (k.clone(), normalise(x, ids)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn id_number(s: &str, ids: &mut Vec<String>) -> String {
    let n = ids.iter().position(|i| i == s).unwrap_or_else(|| {
        ids.push(s.to_string());
        ids.len() - 1
    });
    format!("id#{n}")
}

/// The lists of an export, one per kind of record.
const EXPORT_SECTIONS: [&str; 9] = [
    "contacts",
    "interactions",
    "ledger",
    "relationships",
    "introductions",
    "tags",
    "tokens",
    "photos",
    "needs",
];

#[actix_web::test]
async fn an_export_imports_into_a_new_account_unchanged() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    seed(&app, &s).await;
    let first = app.get("/v1/export").auth(&s).send().await;
    assert_eq!(first.status, 200);
    let first = first.json();
    assert_eq!(first["format_version"], 1);
    for section in EXPORT_SECTIONS {
        assert!(
            !first[section].as_array().unwrap().is_empty(),
            "{section} is empty"
        );
    }
    assert!(
        !serde_json::to_string(&first).unwrap().contains("kith_pat_"),
        "no secrets in exports"
    );

    let other = app.user("copy@example.com").await;
    let empty = app.get("/v1/export").auth(&other).send().await.json();
    for section in EXPORT_SECTIONS {
        assert!(
            empty[section].as_array().unwrap().is_empty(),
            "another account's {section} leaked"
        );
    }
    let res = app
        .post("/v1/import/archive")
        .auth(&other)
        .json(first.clone())
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    assert_eq!(
        res.json(),
        json!({"contacts": 4, "interactions": 1, "ledger": 4, "relationships": 2, "introductions": 1, "tags": 1, "photos": 1, "needs": 3})
    );
    let second = app.get("/v1/export").auth(&other).send().await.json();

    let strip = |mut doc: Value| {
        for k in ["exported_at", "user", "tokens"] {
            doc.as_object_mut().unwrap().remove(k);
        }
        normalise(&doc, &mut Vec::new())
    };
    assert_eq!(strip(second), strip(first.clone()));
    // Every row the archive wrote is in the search indexes (SQLite).
    crate::helpers::search_indexes_match_their_tables(&app);

    // Only into an empty account.
    app.post("/v1/import/archive")
        .auth(&other)
        .json(first)
        .send()
        .await
        .problem(409, "account_not_empty");
}

#[actix_web::test]
async fn a_bad_archive_loads_nothing_and_says_where() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let doc = crate::helpers::archive(json!({
        "contacts": [{"id": "c1", "display_name": "Ok"}, {"id": "c2", "display_name": "", "emails": [{"address": "nope"}]}],
        "interactions": [{"kind": "call", "direction": "outbound", "summary": "x", "contact_ids": ["c404"]}],
    }));
    let res = app
        .post("/v1/import/archive")
        .auth(&s)
        .json(doc)
        .send()
        .await;
    let mut fields = res.invalid_fields();
    fields.sort();
    assert_eq!(
        fields,
        [
            "contacts[1].display_name",
            "contacts[1].emails[0].address",
            "interactions[0].contact_ids[0]"
        ]
    );
    let list = app.get("/v1/contacts").auth(&s).send().await.json();
    assert!(
        list["items"].as_array().unwrap().is_empty(),
        "nothing was loaded"
    );
    let wrong = app
        .post("/v1/import/archive")
        .auth(&s)
        .json(json!({"format_version": 7}))
        .send()
        .await;
    assert_eq!(wrong.invalid_fields(), ["format_version"]);

    // Archives may be large, up to 20 MiB; not larger.
    let mut big = b"{\"format_version\": 1, \"contacts\": [], \"pad\": \"".to_vec();
    big.extend(std::iter::repeat_n(b'a', (20 << 20) + 1));
    big.extend(b"\"}");
    app.post("/v1/import/archive")
        .auth(&s)
        .raw("application/json", big)
        .send()
        .await
        .problem(413, "payload_too_large");

    // A link that is no URL, which kith stored as given before it checked
    // links, is left out: an older archive still loads.
    let doc = crate::helpers::archive(json!({
        "contacts": [{"id": "c1", "display_name": "Ana", "links": [{"url": "http://[x"}, {"url": "https://ana.example/", "label": "blog"}]}],
    }));
    let res = app
        .post("/v1/import/archive")
        .auth(&s)
        .json(doc)
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let list = app.get("/v1/contacts").auth(&s).send().await.json();
    assert_eq!(
        list["items"][0]["links"],
        json!([{"url": "https://ana.example/", "label": "blog"}])
    );
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct TableName {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
}

/// Rows that still mention the user, in every table of the database.
fn rows_of(database_url: &str, user_id: &str, email_key: &str) -> Vec<(String, i64)> {
    let mut conn = kith::db::DbTarget::parse(database_url)
        .unwrap()
        .connect()
        .unwrap();
    let (tables_sql, user_col_sql): (&str, fn(&str) -> String) = match conn {
        kith::db::DbConn::Sqlite(_) => (
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__diesel_schema_migrations'",
            |t| format!("SELECT COUNT(*) AS n FROM pragma_table_info('{t}') WHERE name = 'user_id'"),
        ),
        kith::db::DbConn::Postgresql(_) => (
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'",
            |t| format!("SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_name = '{t}' AND column_name = 'user_id'"),
        ),
    };
    let tables: Vec<TableName> = diesel::sql_query(tables_sql).load(&mut conn).unwrap();
    assert!(tables.len() >= 15, "found only {} tables", tables.len());
    let mut out = Vec::new();
    for TableName { name } in tables {
        if name.contains("_fts_") {
            continue; // an FTS5 index's own tables: checked through it below
        }
        if name.ends_with("_fts") {
            // A search index holds the user's text only while the rows it
            // indexes do: the check fails if it still has a deleted row's.
            let check = format!("INSERT INTO {name}({name}, rank) VALUES ('integrity-check', 1)");
            diesel::sql_query(check).execute(&mut conn).unwrap();
            continue;
        }
        let has_user: Vec<Count> = diesel::sql_query(user_col_sql(&name))
            .load(&mut conn)
            .unwrap();
        let sql = match name.as_str() {
            _ if has_user[0].n > 0 => format!("SELECT COUNT(*) AS n FROM {name} WHERE user_id = '{user_id}'"),
            "users" => format!("SELECT COUNT(*) AS n FROM users WHERE id = '{user_id}'"),
            // Table names and an id to go on from: nobody's data.
            "search_words_backlog" => "SELECT COUNT(*) AS n FROM search_words_backlog WHERE 1 = 0".to_string(),
            // Rows waiting for their search index until their transaction
            // commits: empty whenever none is under way.
            "search_waiting" => "SELECT COUNT(*) AS n FROM search_waiting".to_string(),
            "rate_limits" => format!("SELECT COUNT(*) AS n FROM rate_limits WHERE bucket LIKE '%{user_id}%' OR bucket LIKE '%{email_key}%'"),
            other => panic!("table {other} has no way to tell its user: add it here"),
        };
        let n: Vec<Count> = diesel::sql_query(sql).load(&mut conn).unwrap();
        out.push((name, n[0].n));
    }
    out
}

#[actix_web::test]
async fn deleting_an_account_removes_every_row_and_stops_its_tokens() {
    let app = TestApp::spawn_with(|s| s.rate_per_user_per_minute = 1000).await;
    let s = app.user("ana@example.com").await;
    seed(&app, &s).await;
    let pat = token(&app, &s, "write").await["token"]
        .as_str()
        .unwrap()
        .to_string();
    let z = app
        .post("/v1/contacts")
        .auth(&s)
        .header("idempotency-key", "k1")
        .json(json!({"display_name": "Z"}))
        .send()
        .await
        .json();
    app.post("/v1/agenda/feed").auth(&s).send().await;
    app.post("/v1/auth/login")
        .json(json!({"email": "ana@example.com", "password": "wrong password"}))
        .send()
        .await;
    let eve = app.user("eve@example.com").await;
    app.contact(&eve, json!({"display_name": "Eve's"})).await;

    let before = rows_of(&app.settings.database_url, &s.id, "ana@example.com");
    assert!(
        before.iter().filter(|(_, n)| *n > 0).count() >= 12,
        "{before:?}"
    );

    let wrong = app
        .delete("/v1/me")
        .auth(&s)
        .json(json!({"password": "not it at all"}))
        .send()
        .await;
    wrong.problem(403, "wrong_password");
    assert_eq!(
        rows_of(&app.settings.database_url, &s.id, "ana@example.com"),
        before,
        "nothing deleted"
    );

    app.delete_account(&s).await;
    for (table, n) in rows_of(&app.settings.database_url, &s.id, "ana@example.com") {
        assert_eq!(n, 0, "{table} still has rows of the deleted user");
    }
    app.get("/v1/me")
        .auth(&s)
        .send()
        .await
        .problem(401, "invalid_token");
    // Reads that check the account only when they find none of its rows.
    for read in [
        "/v1/contacts",
        "/v1/contacts?fields=id,display_name",
        "/v1/agenda",
        "/v1/ledger/balances",
        "/v1/contacts?q=z",
        "/v1/search?q=z",
    ] {
        app.get(read)
            .auth(&s)
            .send()
            .await
            .problem(401, "invalid_token");
    }
    // A contact it had: the token is refused, not the id unknown.
    app.get(&format!("/v1/contacts/{}", z["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await
        .problem(401, "invalid_token");
    app.post("/v1/contacts")
        .auth(&s)
        .json(json!({"display_name": "x"}))
        .send()
        .await
        .problem(401, "invalid_token");
    app.get("/v1/contacts")
        .bearer(&pat)
        .send()
        .await
        .problem(401, "invalid_token");
    app.post("/v1/auth/refresh")
        .json(json!({"refresh_token": s.refresh}))
        .send()
        .await
        .problem(401, "invalid_refresh_token");
    app.post("/v1/auth/login")
        .json(json!({"email": "ana@example.com", "password": "correct horse battery"}))
        .send()
        .await
        .problem(401, "invalid_credentials");
    // Others are untouched.
    let theirs = app.get("/v1/contacts").auth(&eve).send().await.json();
    assert_eq!(theirs["items"].as_array().unwrap().len(), 1);
}

/// An account larger than a part of its deletion (`ACCOUNT_PARTS`) is
/// deleted part by part, whole, and nobody else's rows go with it.
#[actix_web::test]
async fn a_large_account_is_deleted_whole_part_by_part() {
    let app = TestApp::spawn().await;
    let eve = app.user("eve@example.com").await;
    seed(&app, &eve).await;
    let eves = rows_of(&app.settings.database_url, &eve.id, "eve@example.com");
    let target = kith::db::DbTarget::parse(&app.settings.database_url).unwrap();
    let rows = 2 * kith::auth::store::PART_ROWS + 100;
    let opts = kith::seed::SeedOptions {
        contacts: rows,
        interactions: rows,
        ledger: rows,
        relationships: rows,
        needs: 40,
        second_user: false,
        ..kith::seed::SeedOptions::default()
    };
    actix_web::rt::task::spawn_blocking(move || kith::seed::run(&target, &opts))
        .await
        .unwrap()
        .unwrap();
    let login = app
        .post("/v1/auth/login")
        .json(json!({"email": "bench@example.com", "password": "bench-password-123"}))
        .send()
        .await
        .json();
    let token = login["access_token"].as_str().unwrap().to_string();
    let me = app.get("/v1/me").bearer(&token).send().await.json();
    let id = me["id"].as_str().unwrap().to_string();
    let before = rows_of(&app.settings.database_url, &id, "bench@example.com");
    for table in [
        "contacts",
        "interactions",
        "ledger_entries",
        "relationships",
    ] {
        let n = before.iter().find(|(t, _)| t == table).map_or(0, |r| r.1);
        assert!(
            n as usize > 2 * kith::auth::store::PART_ROWS,
            "{table}: {n}"
        );
    }
    let gone = app
        .delete("/v1/me")
        .bearer(&token)
        .json(json!({"password": "bench-password-123"}))
        .send()
        .await;
    assert_eq!(gone.status, 204, "{}", gone.text());
    for (table, n) in rows_of(&app.settings.database_url, &id, "bench@example.com") {
        assert_eq!(n, 0, "{table} still has rows of the deleted user");
    }
    assert_eq!(
        rows_of(&app.settings.database_url, &eve.id, "eve@example.com"),
        eves,
        "another user's rows are untouched"
    );
}

/// A correctly signed access token that is not valid yet (`nbf`) or says it
/// was issued in the future (`iat`) is refused like an expired one.
#[actix_web::test]
async fn tokens_not_yet_valid_are_refused() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let now = chrono::Utc::now().timestamp();
    let forge = |iat: i64, nbf: i64| {
        let claims = json!({"iss": "kith", "aud": "kith-api", "sub": s.id, "iat": iat, "nbf": nbf, "exp": now + 900, "typ": "access"});
        jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            &claims,
            &jsonwebtoken::EncodingKey::from_secret(crate::helpers::JWT_SECRET.as_bytes()).unwrap(),
        )
        .unwrap()
    };
    let valid = forge(now, now);
    assert_eq!(app.get("/v1/me").bearer(&valid).send().await.status, 200);
    for (iat, nbf) in [(now, now + 3600), (now + 3600, now)] {
        app.get("/v1/me")
            .bearer(&forge(iat, nbf))
            .send()
            .await
            .problem(401, "invalid_token");
    }
}
