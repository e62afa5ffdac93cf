use serde_json::json;

use crate::helpers::{TestApp, JWT_SECRET};

#[actix_web::test]
async fn a_new_account_gets_tokens_that_open_me() {
    let app = TestApp::spawn().await;
    let res = app
        .post("/v1/auth/register")
        .json(json!({"email": "Ana@Example.com", "password": "0123456789", "name": "Ana"}))
        .send()
        .await;
    assert_eq!(res.status, 201);
    let body = res.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert_eq!(body["user"]["email"], "Ana@Example.com");
    assert!(body["refresh_token"]
        .as_str()
        .unwrap()
        .starts_with("kith_rt_"));
    let token = body["access_token"].as_str().unwrap();

    let me = app.get("/v1/me").bearer(token).send().await;
    assert_eq!(me.status, 200);
    let me = me.json();
    assert_eq!(me["id"], body["user"]["id"]);
    assert_eq!(me["name"], "Ana");
    assert!(me["created_at"].as_str().unwrap().ends_with('Z'));
    assert!(me.get("password_hash").is_none());
}

#[actix_web::test]
async fn an_email_is_taken_whatever_its_case() {
    let app = TestApp::spawn().await;
    app.user("ana@example.com").await;
    let res = app
        .post("/v1/auth/register")
        .json(json!({"email": "ANA@example.COM", "password": "0123456789", "name": "Other"}))
        .send()
        .await;
    res.problem(409, "email_taken");
}

#[actix_web::test]
async fn registration_rejects_bad_fields_and_creates_nothing() {
    let app = TestApp::spawn().await;
    let res = app
        .post("/v1/auth/register")
        .json(json!({"email": "not-an-email", "password": "short", "name": "", "admin": true}))
        .send()
        .await;
    let mut fields = res.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["admin", "email", "name", "password"]);
    let login = app
        .post("/v1/auth/login")
        .json(json!({"email": "not-an-email", "password": "short"}))
        .send()
        .await;
    login.problem(401, "invalid_credentials");
}

#[actix_web::test]
async fn a_wrong_password_and_an_unknown_email_look_the_same() {
    let app = TestApp::spawn().await;
    app.user("ana@example.com").await;
    let wrong = app
        .post("/v1/auth/login")
        .json(json!({"email": "ana@example.com", "password": "not the password"}))
        .send()
        .await;
    let unknown = app
        .post("/v1/auth/login")
        .json(json!({"email": "nobody@example.com", "password": "not the password"}))
        .send()
        .await;
    let (a, b) = (
        wrong.problem(401, "invalid_credentials"),
        unknown.problem(401, "invalid_credentials"),
    );
    assert_eq!(a["detail"], b["detail"]);

    let ok = app
        .post("/v1/auth/login")
        .json(json!({"email": "ANA@example.com", "password": "correct horse battery"}))
        .send()
        .await;
    assert_eq!(ok.status, 200);
    assert!(ok.json()["access_token"].is_string());
}

#[actix_web::test]
async fn a_refresh_token_is_good_once_and_its_reuse_revokes_the_family() {
    // No grace: any second presentation is a replay.
    let app = TestApp::spawn_with(|s| s.refresh_reuse_grace_secs = 0).await;
    let s = app.user("ana@example.com").await;
    let first = app
        .post("/v1/auth/refresh")
        .json(json!({"refresh_token": s.refresh}))
        .send()
        .await;
    assert_eq!(first.status, 200);
    let next = first.json()["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(next, s.refresh);
    let new_access = first.json()["access_token"].as_str().unwrap().to_string();
    assert_eq!(
        app.get("/v1/me").bearer(&new_access).send().await.status,
        200
    );

    // The spent token again: refused, and the whole family with it.
    let reuse = app
        .post("/v1/auth/refresh")
        .json(json!({"refresh_token": s.refresh}))
        .send()
        .await;
    reuse.problem(401, "invalid_refresh_token");
    let after = app
        .post("/v1/auth/refresh")
        .json(json!({"refresh_token": next}))
        .send()
        .await;
    after.problem(401, "invalid_refresh_token");
}

/// Two tabs (or a mobile app's two threads) refreshing with the same token
/// at once: within the grace both get the same successor, which works, and
/// nothing is revoked.
#[actix_web::test]
async fn refreshes_racing_within_the_grace_get_the_same_successor() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let send = || {
        app.post("/v1/auth/refresh")
            .json(json!({"refresh_token": s.refresh}))
            .send()
    };
    let answers = futures_util::future::join_all((0..4).map(|_| send())).await;
    let again = send().await;
    let mut successors = std::collections::HashSet::new();
    for r in answers.iter().chain([&again]) {
        assert_eq!(r.status, 200, "{}", r.text());
        successors.insert(r.json()["refresh_token"].as_str().unwrap().to_string());
        let access = r.json()["access_token"].as_str().unwrap().to_string();
        assert_eq!(app.get("/v1/me").bearer(&access).send().await.status, 200);
    }
    assert_eq!(successors.len(), 1, "one successor: {successors:?}");
    let next = successors.into_iter().next().unwrap();
    let onward = app
        .post("/v1/auth/refresh")
        .json(json!({"refresh_token": next}))
        .send()
        .await;
    assert_eq!(
        onward.status,
        200,
        "the successor is live: {}",
        onward.text()
    );
}

#[actix_web::test]
async fn logout_revokes_the_refresh_token() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let out = app
        .post("/v1/auth/logout")
        .json(json!({"refresh_token": s.refresh}))
        .send()
        .await;
    assert_eq!(out.status, 204);
    let res = app
        .post("/v1/auth/refresh")
        .json(json!({"refresh_token": s.refresh}))
        .send()
        .await;
    res.problem(401, "invalid_refresh_token");
}

#[actix_web::test]
async fn bad_tokens_are_refused() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let none = app.get("/v1/me").send().await;
    none.problem(401, "missing_token");
    assert_eq!(none.header("www-authenticate").as_deref(), Some("Bearer"));
    app.get("/v1/me")
        .bearer("garbage")
        .send()
        .await
        .problem(401, "invalid_token");
    // A refresh token is never an access token.
    app.get("/v1/me")
        .bearer(&s.refresh)
        .send()
        .await
        .problem(401, "invalid_token");

    // An expired token, signed with the right key.
    let keys =
        kith::auth::jwt::JwtKeys::new(&secrecy::SecretString::from(JWT_SECRET.to_string()), 900)
            .unwrap();
    let an_hour_ago = chrono::Utc::now().timestamp() - 3600;
    let expired = keys.issue(&s.id, an_hour_ago).unwrap();
    app.get("/v1/me")
        .bearer(&expired)
        .send()
        .await
        .problem(401, "invalid_token");
    let fresh = keys.issue(&s.id, chrono::Utc::now().timestamp()).unwrap();
    assert_eq!(app.get("/v1/me").bearer(&fresh).send().await.status, 200);
}

#[actix_web::test]
async fn tokens_survive_a_restart_without_configuration() {
    // No KITH_JWT_SECRET: a key is generated and kept in the data folder.
    let first = TestApp::spawn_with(|s| s.jwt_secret = None).await;
    let s = first.user("ana@example.com").await;
    assert!(first.dir.path().join("jwt-secret").exists());
    let settings = first.settings.clone();
    let TestApp { dir, .. } = first;

    let second = TestApp::start(settings, dir).await;
    assert_eq!(second.get("/v1/me").auth(&s).send().await.status, 200);
}
