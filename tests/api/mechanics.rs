use serde_json::{json, Value};

use crate::helpers::{Scratch, TestApp};

#[actix_web::test]
async fn actix_own_errors_are_problem_documents() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;

    app.get("/v1/no-such-thing")
        .send()
        .await
        .problem(404, "not_found");
    let wrong_method = app
        .req(actix_web::http::Method::PUT, "/v1/contacts")
        .auth(&s)
        .send()
        .await;
    wrong_method.problem(405, "method_not_allowed");
    assert_eq!(
        wrong_method.header("allow").as_deref(),
        Some("GET, HEAD, POST")
    );

    let malformed = app
        .post("/v1/contacts")
        .auth(&s)
        .raw("application/json", b"{\"display_name\": ".to_vec())
        .send()
        .await;
    malformed.problem(400, "malformed_json");
    let wrong_type = app
        .post("/v1/contacts")
        .auth(&s)
        .raw("text/plain", b"{}".to_vec())
        .send()
        .await;
    wrong_type.problem(415, "unsupported_media_type");

    let mut big = b"{\"display_name\": \"x\", \"notes\": \"".to_vec();
    big.extend(std::iter::repeat_n(b'a', (1 << 20) + 10));
    big.extend(b"\"}");
    let too_big = app
        .post("/v1/contacts")
        .auth(&s)
        .raw("application/json", big)
        .send()
        .await;
    too_big.problem(413, "payload_too_large");
    let list = app.get("/v1/contacts").auth(&s).send().await.json();
    assert!(list["items"].as_array().unwrap().is_empty());
}

#[actix_web::test]
async fn every_response_carries_a_request_id_and_safe_headers() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let res = app
        .get("/healthz")
        .header("x-request-id", "trace-abc-123")
        .send()
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(res.json()["status"], "ok");
    assert_eq!(res.header("x-request-id").as_deref(), Some("trace-abc-123"));
    assert_eq!(
        res.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    assert!(res.header("server").is_none());

    let authed = app.get("/v1/contacts").auth(&s).send().await;
    assert_eq!(authed.header("cache-control").as_deref(), Some("no-store"));
    // An id that is not sane is replaced, not echoed.
    let res = app
        .get("/healthz")
        .header("x-request-id", "bad id\twith spaces")
        .send()
        .await;
    assert_ne!(
        res.header("x-request-id").as_deref(),
        Some("bad id\twith spaces")
    );
}

#[actix_web::test]
async fn readiness_checks_the_database() {
    let app = TestApp::spawn().await;
    let res = app.get("/readyz").send().await;
    assert_eq!(res.status, 200);
    assert_eq!(res.json()["status"], "ready");
}

#[actix_web::test]
async fn a_retried_post_replays_the_first_response() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let body = json!({"display_name": "Ben"});
    let first = app
        .post("/v1/contacts")
        .auth(&s)
        .header("idempotency-key", "k-1")
        .json(body.clone())
        .send()
        .await;
    assert_eq!(first.status, 201);
    let again = app
        .post("/v1/contacts")
        .auth(&s)
        .header("idempotency-key", "k-1")
        .json(body.clone())
        .send()
        .await;
    assert_eq!(again.status, 201);
    assert_eq!(again.json(), first.json());
    assert_eq!(again.header("location"), first.header("location"));
    assert_eq!(again.header("etag"), first.header("etag"));
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));

    let other = app
        .post("/v1/contacts")
        .auth(&s)
        .header("idempotency-key", "k-1")
        .json(json!({"display_name": "Cleo"}))
        .send()
        .await;
    other.problem(422, "idempotency_key_reused");

    // Keys belong to their user: another user's same key is a fresh request.
    let eve = app.user("eve@example.com").await;
    let eves = app
        .post("/v1/contacts")
        .auth(&eve)
        .header("idempotency-key", "k-1")
        .json(body)
        .send()
        .await;
    assert_eq!(eves.status, 201);
    assert_ne!(eves.json()["id"], first.json()["id"]);

    let list = app.get("/v1/contacts").auth(&s).send().await.json();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn concurrent_duplicates_never_create_twice() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let sends = (0..8).map(|_| {
        Box::pin(
            app.post("/v1/contacts")
                .auth(&s)
                .header("idempotency-key", "same-key")
                .json(json!({"display_name": "Ben"}))
                .send(),
        )
    });
    let results = futures_util::future::join_all(sends).await;
    let mut ids = std::collections::HashSet::new();
    for r in &results {
        match r.status {
            201 => {
                ids.insert(r.json()["id"].as_str().unwrap().to_string());
            }
            409 => {
                r.problem(409, "idempotency_in_progress");
            }
            other => panic!("unexpected {other}: {}", r.text()),
        }
    }
    assert_eq!(ids.len(), 1);
    let list = app.get("/v1/contacts").auth(&s).send().await.json();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn a_failed_validation_is_replayed_too() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let bad_key = app
        .post("/v1/contacts")
        .auth(&s)
        .header("idempotency-key", "")
        .json(json!({"display_name": "Ben"}))
        .send()
        .await;
    assert_eq!(bad_key.invalid_fields(), ["Idempotency-Key"]);
    let r1 = app
        .post("/v1/contacts")
        .auth(&s)
        .header("idempotency-key", "v")
        .json(json!({}))
        .send()
        .await;
    let r2 = app
        .post("/v1/contacts")
        .auth(&s)
        .header("idempotency-key", "v")
        .json(json!({}))
        .send()
        .await;
    assert_eq!(r1.invalid_fields(), ["display_name"]);
    assert_eq!(r2.status, 422);
    assert_eq!(r2.json()["errors"], r1.json()["errors"]);
}

/// Concurrent edits of `url`, each setting `field` to its own text: of
/// eight naming `If-Match: "1"`, exactly one applies and the others get
/// `412`; eight without one all apply, one after another, each answered
/// with its own version.
async fn racing_edits(app: &TestApp, s: &crate::helpers::Session, url: &str, field: &str) {
    let guarded = (0..8).map(|n| {
        Box::pin(
            app.patch(url)
                .auth(s)
                .header("if-match", "\"1\"")
                .json(json!({ field: format!("guarded {n}") }))
                .send(),
        )
    });
    let results = futures_util::future::join_all(guarded).await;
    let won: Vec<&crate::helpers::Resp> = results.iter().filter(|r| r.status == 200).collect();
    assert_eq!(won.len(), 1, "{url}: exactly one edit of version 1 applies");
    for r in results.iter().filter(|r| r.status != 200) {
        r.problem(412, "precondition_failed");
    }
    let now = app.get(url).auth(s).send().await.json();
    assert_eq!(now["version"], 2, "{url}");
    assert_eq!(now[field], won[0].json()[field], "{url}");

    let free = (0..8).map(|n| {
        Box::pin(
            app.patch(url)
                .auth(s)
                .json(json!({ field: format!("free {n}") }))
                .send(),
        )
    });
    let results = futures_util::future::join_all(free).await;
    let mut versions: Vec<i64> = results
        .iter()
        .map(|r| {
            assert_eq!(r.status, 200, "{url}: {}", r.text());
            r.json()["version"].as_i64().unwrap()
        })
        .collect();
    versions.sort();
    assert_eq!(
        versions,
        (3..=10).collect::<Vec<i64>>(),
        "{url}: one version each"
    );
    assert_eq!(
        app.get(url).auth(s).send().await.json()["version"],
        10,
        "{url}"
    );
}

/// Writes that race for one resource never lose each other (on
/// PostgreSQL, where writes run in parallel, the row is locked from its
/// read to the commit).
#[actix_web::test]
async fn concurrent_edits_neither_lose_nor_share_a_version() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let ben_id = ben["id"].as_str().unwrap();
    racing_edits(&app, &s, &format!("/v1/contacts/{ben_id}"), "title").await;

    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(json!({"kind": "call", "direction": "outbound", "summary": "Hi", "contact_ids": [ben_id]}))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let call = format!("/v1/interactions/{}", res.json()["id"].as_str().unwrap());
    racing_edits(&app, &s, &call, "summary").await;

    let res = app
        .post("/v1/ledger")
        .auth(&s)
        .json(json!({"contact_id": ben_id, "direction": "given", "kind": "advice", "description": "Deck"}))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let favor = format!("/v1/ledger/{}", res.json()["id"].as_str().unwrap());
    racing_edits(&app, &s, &favor, "description").await;
}

/// Interactions that share contacts, written at once while those contacts
/// are edited, all succeed: the writes wait for one another instead of
/// deadlocking (on PostgreSQL, where they run in parallel).
#[actix_web::test]
async fn concurrent_writes_sharing_contacts_all_succeed() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let mut ids = Vec::new();
    for name in ["Ana", "Ben", "Cleo"] {
        let c = app.contact(&s, json!({"display_name": name})).await;
        ids.push(c["id"].as_str().unwrap().to_string());
    }
    let mut sends: Vec<_> = (0..12)
        .map(|n| {
            let mut people = ids.clone();
            people.rotate_left(n % 3);
            Box::pin(
                app.post("/v1/interactions")
                    .auth(&s)
                    .json(json!({"kind": "call", "direction": "outbound",
                                 "summary": format!("call {n}"), "contact_ids": people}))
                    .send(),
            )
        })
        .collect();
    for n in 0..6 {
        sends.push(Box::pin(
            app.patch(&format!("/v1/contacts/{}", ids[n % 3]))
                .auth(&s)
                .json(json!({"title": format!("edit {n}")}))
                .send(),
        ));
    }
    for r in futures_util::future::join_all(sends).await {
        r.written();
    }
    let page = app
        .get("/v1/interactions?limit=50")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(page["items"].as_array().unwrap().len(), 12);
}

/// PostgreSQL cannot store U+0000: a NUL in a path, a query parameter or a
/// body is refused before any query, and a user sending such ids never
/// disturbs another user's reads (a shared statement once failed for all).
#[actix_web::test]
async fn a_nul_character_is_refused_before_any_query() {
    let app = TestApp::spawn().await;
    let ana = app.user("ana@example.com").await;
    let ben = app.user("ben@example.com").await;

    for path in [
        "/v1/contacts/%00",
        "/v1/contacts/abc%00def",
        "/v1/interactions/%00",
        "/v1/ledger/%00",
        "/v1/tags/%00",
    ] {
        app.get(path)
            .auth(&ana)
            .send()
            .await
            .problem(404, "not_found");
    }
    let cursor = app.get("/v1/contacts?cursor=%00").auth(&ana).send().await;
    cursor.problem(422, "validation_failed");
    assert_eq!(cursor.invalid_fields(), ["cursor"]);

    let created = app
        .post("/v1/contacts")
        .auth(&ana)
        .json(json!({"display_name": "A\u{0}na", "emails": [{"address": "x@y.io", "label": "w\u{0}"}]}))
        .send()
        .await;
    created.problem(422, "validation_failed");
    assert_eq!(
        created.invalid_fields(),
        ["display_name", "emails[0].label"]
    );
    let list = app.get("/v1/contacts").auth(&ana).send().await.json();
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        0,
        "nothing was created"
    );

    let login = app
        .post("/v1/auth/login")
        .json(json!({"email": "ana@example.com\u{0}", "password": "correct horse battery"}))
        .send()
        .await;
    login.problem(422, "validation_failed");
    assert_eq!(login.invalid_fields(), ["email"]);

    // Ana sends NUL ids while Ben reads his own contact: every read of his answers.
    let cleo = app.contact(&ben, json!({"display_name": "Cleo"})).await;
    let own = format!("/v1/contacts/{}", cleo["id"].as_str().unwrap());
    let bad = (0..24).map(|_| app.get("/v1/contacts/%00").auth(&ana).send());
    let good = (0..24).map(|_| app.get(&own).auth(&ben).send());
    let (bad, good) = futures_util::future::join(
        futures_util::future::join_all(bad),
        futures_util::future::join_all(good),
    )
    .await;
    assert!(bad.iter().all(|r| r.status == 404));
    assert!(
        good.iter().all(|r| r.status == 200),
        "{:?}",
        good.iter().map(|r| r.status).collect::<Vec<_>>()
    );
}

/// A key a dead process left in progress: once its lease has run out, a
/// retry takes it over and runs the request; while it holds, a retry waits
/// (409); a key whose work committed before the process died is never run
/// again, and says so.
#[actix_web::test]
async fn keys_left_by_a_dead_process_are_taken_over_or_explained() {
    use diesel::prelude::*;
    use kith::db::schema::idempotency_keys as ik;
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let body = json!({"display_name": "Ben"});
    let mut fingerprint = b"/v1/contacts?\0".to_vec();
    fingerprint.extend(serde_json::to_vec(&body).unwrap());
    let hash = kith::ids::sha256_hex(&fingerprint);
    let now = kith::time::now();
    let mut conn = kith::db::DbTarget::parse(&app.settings.database_url)
        .unwrap()
        .connect()
        .unwrap();
    for (key, lease, committed) in [
        ("expired", now - 1, None),
        ("held", now + 60_000_000, None),
        ("committed", now - 1, Some(now - 2)),
    ] {
        diesel::insert_into(ik::table)
            .values((
                ik::user_id.eq(&s.id),
                ik::idem_key.eq(key),
                ik::request_hash.eq(&hash),
                ik::created_at.eq(now - 5_000_000),
                ik::lease_until.eq(lease),
                ik::committed_at.eq(committed),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    let send = |key: &'static str| {
        app.post("/v1/contacts")
            .auth(&s)
            .header("idempotency-key", key)
            .json(body.clone())
            .send()
    };
    let first = send("expired").await;
    assert_eq!(first.status, 201, "{}", first.text());
    let again = send("expired").await;
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(again.json()["id"], first.json()["id"]);
    send("held").await.problem(409, "idempotency_in_progress");
    send("committed")
        .await
        .problem(409, "idempotency_answer_lost");
    let list = app.get("/v1/contacts").auth(&s).send().await.json();
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        1,
        "one contact, from the taken-over key"
    );
}

/// A client that hangs up (a reset connection) while its request runs:
/// the work and the answer are still kept, so its retry gets the answer,
/// not a key stuck in progress, and nothing is done twice. The request is
/// an archive import, slow enough to be cut off in the middle.
#[actix_web::test]
async fn a_client_that_hangs_up_gets_its_answer_on_retry() {
    use std::io::Write;
    use std::os::fd::AsRawFd;
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let contacts: Vec<_> = (0..3000)
        .map(|n| json!({"id": uuid::Uuid::now_v7().to_string(), "display_name": format!("Contact {n}"), "notes": "x".repeat(200)}))
        .collect();
    let body = serde_json::to_vec(&crate::helpers::archive(json!({"contacts": contacts}))).unwrap();
    let addr = app.base.trim_start_matches("http://").to_string();
    let mut raw = format!(
        "POST /v1/import/archive HTTP/1.1\r\nhost: {addr}\r\nauthorization: Bearer {}\r\n\
         idempotency-key: hang-up\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        s.token,
        body.len()
    )
    .into_bytes();
    raw.extend(&body);
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    stream.write_all(&raw).unwrap();
    actix_web::rt::time::sleep(std::time::Duration::from_millis(30)).await;
    // Close with a reset (SO_LINGER 0), as a client killed mid-request does.
    let linger = libc::linger {
        l_onoff: 1,
        l_linger: 0,
    };
    let set = unsafe {
        libc::setsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_LINGER,
            std::ptr::addr_of!(linger).cast(),
            std::mem::size_of::<libc::linger>() as libc::socklen_t,
        )
    };
    assert_eq!(set, 0);
    drop(stream);

    let mut answer = None;
    for _ in 0..600 {
        let r = app
            .post("/v1/import/archive")
            .auth(&s)
            .header("idempotency-key", "hang-up")
            .raw("application/json", body.clone())
            .send()
            .await;
        if r.status != 409 {
            answer = Some(r);
            break;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let answer = answer.expect("the key is not stuck in progress");
    assert_eq!(answer.status, 201, "{}", answer.text());
    assert_eq!(
        answer.header("idempotent-replayed").as_deref(),
        Some("true"),
        "the first request's answer"
    );
    assert_eq!(answer.json()["contacts"], 3000);
}

/// PostgreSQL ends kith's sessions under it (a restart, a failover, an
/// administrator): requests meeting a cut connection answer `503` with
/// `Retry-After`, never `500`, and kith reconnects by itself.
#[actix_web::test]
async fn requests_on_connections_the_database_cut_answer_503() {
    use diesel::prelude::*;
    let app = TestApp::spawn().await;
    if !app.settings.database_url.starts_with("postgres") {
        return; // SQLite has no server to lose.
    }
    let s = app.user("ana@example.com").await;
    app.contact(&s, json!({"display_name": "Ben"})).await;
    let mut admin = diesel::PgConnection::establish(&app.settings.database_url).unwrap();
    let cut: Vec<bool> = diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(
        "pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    ))
    .load(&mut admin)
    .unwrap();
    assert!(!cut.is_empty(), "kith's sessions were ended");
    // Each connection meets the cut once; on a busy machine the lanes take
    // a few requests more to come back, so ask (a bounded number of times)
    // until an answer follows the cut.
    let mut statuses = Vec::new();
    for _ in 0..60 {
        let r = app.get("/v1/contacts").auth(&s).send().await;
        if r.status == 503 {
            r.problem(503, "unavailable");
            assert_eq!(r.header("retry-after").as_deref(), Some("1"));
        }
        statuses.push(r.status);
        if statuses.len() >= 12 && r.status == 200 {
            break;
        }
        if r.status == 503 {
            actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
    assert!(
        statuses.iter().all(|s| [200, 503].contains(s)),
        "{statuses:?}"
    );
    assert!(
        statuses.contains(&503),
        "a cut connection was met: {statuses:?}"
    );
    assert_eq!(statuses.last(), Some(&200), "reconnected: {statuses:?}");
}

/// On PostgreSQL every column that holds a resource's id compares in the
/// ids' own collation ("C"): an index serves a comparison only in its own
/// collation, so a column left in the database's default made statements
/// that compare it with an id scan the whole table (a contact's last touch
/// once took 4 s on 1,000,000 interactions). A migration that adds such a
/// column without `COLLATE "C"` fails here. (`user_id` columns, and a
/// refresh token's `family_id`, are compared with bound values only, which
/// take the column's collation.)
#[actix_web::test]
async fn every_id_column_compares_in_the_ids_collation() {
    use diesel::prelude::*;
    let app = TestApp::spawn().await;
    if !app.settings.database_url.starts_with("postgres") {
        return; // SQLite compares text as bytes, with no collations to tell apart.
    }
    #[derive(QueryableByName, Debug)]
    struct Column {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        collation: String,
    }
    let mut conn = diesel::PgConnection::establish(&app.settings.database_url).unwrap();
    let columns: Vec<Column> = diesel::sql_query(
        "SELECT table_name || '.' || column_name AS name, \
                COALESCE(collation_name, 'default') AS collation \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() AND data_type = 'text' \
           AND (column_name = 'id' OR column_name LIKE '%\\_id' \
                OR column_name IN ('met_via', 'merged_into')) \
           AND column_name NOT IN ('user_id', 'family_id') \
         ORDER BY 1",
    )
    .load(&mut conn)
    .unwrap();
    assert!(
        columns
            .iter()
            .any(|c| c.name == "interaction_contacts.contact_id"),
        "the query found the id columns: {columns:?}"
    );
    let other: Vec<&Column> = columns.iter().filter(|c| c.collation != "C").collect();
    assert!(
        other.is_empty(),
        "id columns in another collation: {other:?}"
    );
}

/// Every foreign key, but those to `users`, has an index that begins with
/// its column, on both databases. Deleting an account deletes its
/// contacts, interactions and entries by cascade, and each deleted row
/// looks for the rows that refer to it: without such an index each look is
/// a scan of the whole referring table, everyone's rows included: on
/// PostgreSQL an account of 1,000 contacts beside one of 100,000 took 448 s
/// to delete (0.4 s with the indexes). (A key to `users` is looked up once per
/// account deleted: a scan there costs once, not once per row.) A partial
/// index serves when it holds every row whose column is set.
#[actix_web::test]
async fn every_foreign_key_is_looked_up_by_an_index() {
    use diesel::prelude::*;
    let app = TestApp::spawn().await;
    #[derive(QueryableByName, Debug)]
    struct Key {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        indexed: i64,
    }
    let mut conn = kith::db::DbTarget::parse(&app.settings.database_url)
        .unwrap()
        .connect()
        .unwrap();
    let sql = match conn {
        kith::db::DbConn::Sqlite(_) => {
            "SELECT t.name || '.' || f.\"from\" AS name, \
                    EXISTS (SELECT 1 FROM pragma_index_list(t.name) AS l \
                            JOIN pragma_index_info(l.name) AS i ON i.seqno = 0 \
                            WHERE i.name = f.\"from\" AND (l.partial = 0 OR \
                              (SELECT s.sql FROM sqlite_master s WHERE s.name = l.name) \
                              LIKE '%WHERE ' || f.\"from\" || ' IS NOT NULL')) AS indexed \
             FROM sqlite_master AS t JOIN pragma_foreign_key_list(t.name) AS f \
             WHERE t.type = 'table' AND f.\"table\" <> 'users' ORDER BY 1"
        }
        kith::db::DbConn::Postgresql(_) => {
            "SELECT c.conrelid::regclass::text || '.' || a.attname AS name, \
                    EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid \
                            AND i.indkey[0] = c.conkey[1] AND (i.indpred IS NULL OR \
                              pg_get_expr(i.indpred, i.indrelid) = '(' || a.attname || ' IS NOT NULL)'))::int::int8 AS indexed \
             FROM pg_constraint c \
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
             WHERE c.contype = 'f' AND c.confrelid <> 'users'::regclass ORDER BY 1"
        }
    };
    let keys: Vec<Key> = diesel::sql_query(sql).load(&mut conn).unwrap();
    assert!(
        keys.iter()
            .any(|k| k.name == "interaction_contacts.contact_id"),
        "the query found the foreign keys: {keys:?}"
    );
    let scanned: Vec<&str> = keys
        .iter()
        .filter(|k| k.indexed == 0)
        .map(|k| k.name.as_str())
        .collect();
    assert!(
        scanned.is_empty(),
        "foreign keys found by a scan: {scanned:?}"
    );
}

/// A JSON body whose object gives a key twice is refused at each such
/// key's path, and changes nothing: kith and anything in front of it that
/// reads the first of two values can never disagree on what was sent. The
/// same key in two objects is no repeat.
#[actix_web::test]
async fn a_key_given_twice_in_one_object_is_refused() {
    let app = TestApp::spawn().await;
    let s = app.user("twice@example.com").await;
    let res = app
        .post("/v1/contacts")
        .auth(&s)
        .raw(
            "application/json",
            br#"{"display_name": "Ana", "display_name": "Ben",
                 "emails": [{"address": "a@x.io"}, {"address": "b@x.io", "address": "c@x.io"}]}"#
                .to_vec(),
        )
        .send()
        .await;
    res.problem(422, "validation_failed");
    assert_eq!(res.invalid_fields(), ["display_name", "emails[1].address"]);
    assert_eq!(
        res.json()["errors"][0]["code"],
        "duplicate",
        "{}",
        res.text()
    );
    let list = app.get("/v1/contacts").auth(&s).send().await.json();
    assert_eq!(list["items"], json!([]), "nothing was created");

    let ana = app
        .contact(
            &s,
            json!({"display_name": "Ana", "emails": [{"address": "a@x.io"}, {"address": "b@x.io"}]}),
        )
        .await;
    assert_eq!(ana["emails"].as_array().unwrap().len(), 2);
    let path = format!("/v1/contacts/{}", ana["id"].as_str().unwrap());
    let res = app
        .patch(&path)
        .auth(&s)
        .raw(
            "application/merge-patch+json",
            br#"{"company": "Acme", "company": "Initech"}"#.to_vec(),
        )
        .send()
        .await;
    res.problem(422, "validation_failed");
    assert_eq!(res.invalid_fields(), ["company"]);
    let now = app.get(&path).auth(&s).send().await.json();
    assert_eq!(now["company"], Value::Null, "nothing was changed");
}

/// Two servers on one database (on SQLite, two writers on one file, as two
/// processes would be): writes through both at once all succeed, none
/// lost. A SQLite transaction that reads before it writes fails with
/// "database is locked" when the other writer commits between its read
/// and its write, unless it takes the write lock first.
#[actix_web::test]
async fn writes_through_two_servers_at_once_all_succeed() {
    let app = TestApp::spawn().await;
    let other = TestApp::start(app.settings.clone(), Scratch::folder()).await;
    let s = app.user("ana@example.com").await;
    let sends = (0..60).map(|n| {
        let server = if n % 2 == 0 { &app } else { &other };
        Box::pin(
            server
                .post("/v1/contacts")
                .auth(&s)
                .json(json!({"display_name": format!("Both {n}"), "tags": ["both"]}))
                .send(),
        )
    });
    for r in futures_util::future::join_all(sends).await {
        r.written();
    }
    let page = app
        .get("/v1/contacts?limit=100")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(page["items"].as_array().unwrap().len(), 60);
}

/// Another process holding SQLite's write lock past `busy_timeout` (10 s):
/// a write answers `503` with `Retry-After` and writes nothing; once the
/// lock is gone, writes succeed again. (PostgreSQL has no file lock.)
#[actix_web::test]
async fn a_write_locked_out_by_another_process_answers_503_then_succeeds() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let mut tool = kith::db::DbTarget::parse(&app.settings.database_url)
        .unwrap()
        .connect()
        .unwrap();
    if !matches!(tool, kith::db::DbConn::Sqlite(_)) {
        return;
    }
    use diesel::connection::SimpleConnection;
    tool.batch_execute("BEGIN IMMEDIATE").unwrap();
    let res = app
        .post("/v1/contacts")
        .auth(&s)
        .json(json!({"display_name": "Locked Out"}))
        .send()
        .await;
    res.problem(503, "unavailable");
    assert_eq!(res.header("retry-after").as_deref(), Some("1"));
    tool.batch_execute("ROLLBACK").unwrap();
    let res = app
        .post("/v1/contacts")
        .auth(&s)
        .json(json!({"display_name": "Let In"}))
        .send()
        .await;
    res.written();
    let page = app.get("/v1/contacts").auth(&s).send().await.json();
    let names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Let In"]);
}
