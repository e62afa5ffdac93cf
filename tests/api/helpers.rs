//! The test harness: every test starts the real server on its own fresh
//! database and talks HTTP to it. SQLite by default; PostgreSQL when
//! `KITH_TEST_DATABASE_URL` points at a server (each test then gets a
//! database of its own on it).

use std::time::Duration;

use actix_web::http::Method;
use diesel::{Connection, RunQueryDsl};
use kith::config::Settings;
use kith::startup::Application;
use secrecy::SecretString;
use serde_json::{json, Value};

pub const JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123";

pub struct TestApp {
    pub base: String,
    pub client: awc::Client,
    pub settings: Settings,
    pub dir: Scratch,
}

/// A test's own place: a temporary folder and, on PostgreSQL, a database
/// of its own (named with the admin URL that made it), both gone when it
/// is dropped, so that test runs do not fill the test server. A restart
/// hands it to the next server (`TestApp::start`).
pub struct Scratch {
    dir: tempfile::TempDir,
    database: Option<(String, String)>,
}

impl Scratch {
    /// A temporary folder alone: for another server on a test's database.
    pub fn folder() -> Scratch {
        let dir = tempfile::tempdir().expect("temp dir");
        Scratch {
            dir,
            database: None,
        }
    }

    pub fn path(&self) -> &std::path::Path {
        self.dir.path()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let Some((admin, name)) = &self.database else {
            return;
        };
        // The servers of the test may still hold connections to it.
        if let Ok(mut conn) = diesel::PgConnection::establish(admin) {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn);
        }
    }
}

/// A fresh database for a test: a file in its folder, or on the
/// PostgreSQL server `KITH_TEST_DATABASE_URL` names, a database of its own.
fn fresh_database(dir: tempfile::TempDir) -> (String, Scratch) {
    let (url, database) = match std::env::var("KITH_TEST_DATABASE_URL") {
        Ok(admin) if !admin.is_empty() => {
            let name = format!("kith_test_{}", uuid::Uuid::new_v4().simple());
            let mut conn = diesel::PgConnection::establish(&admin)
                .expect("connect to the PostgreSQL test server");
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .expect("create a test database");
            let base = admin
                .rsplit_once('/')
                .map(|(b, _)| b)
                .expect("a URL with a database name");
            (format!("{base}/{name}"), Some((admin, name)))
        }
        _ => (
            format!("sqlite://{}", dir.path().join("kith.db").display()),
            None,
        ),
    };
    (url, Scratch { dir, database })
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(|_| {}).await
    }

    /// A server on a fresh database, with `tweak` applied to its settings.
    pub async fn spawn_with(tweak: impl FnOnce(&mut Settings)) -> TestApp {
        let (database_url, dir) = fresh_database(tempfile::tempdir().expect("temp dir"));
        let mut settings = Settings {
            database_url,
            listen: "127.0.0.1:0".into(),
            jwt_secret: Some(SecretString::from(JWT_SECRET.to_string())),
            pool_size: 4,
            workers: 2,
            data_dir: Some(dir.path().to_path_buf()),
            ..Settings::default()
        };
        tweak(&mut settings);
        TestApp::start(settings, dir).await
    }

    /// Starts a server with exactly these settings (e.g. a restart on the
    /// same database).
    pub async fn start(settings: Settings, dir: Scratch) -> TestApp {
        let app = Application::build(settings.clone()).expect("the application builds");
        let base = format!("http://127.0.0.1:{}", app.port());
        actix_web::rt::spawn(app.run_until_stopped());
        let client = awc::Client::builder()
            .timeout(Duration::from_secs(60))
            .disable_redirects()
            .finish();
        TestApp {
            base,
            client,
            settings,
            dir,
        }
    }

    pub fn req(&self, method: Method, path: &str) -> Req<'_> {
        Req {
            app: self,
            method,
            path: path.to_string(),
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn get(&self, path: &str) -> Req<'_> {
        self.req(Method::GET, path)
    }

    pub fn post(&self, path: &str) -> Req<'_> {
        self.req(Method::POST, path)
    }

    pub fn patch(&self, path: &str) -> Req<'_> {
        self.req(Method::PATCH, path)
    }

    pub fn delete(&self, path: &str) -> Req<'_> {
        self.req(Method::DELETE, path)
    }

    /// Registers a new user and returns its session.
    pub async fn user(&self, email: &str) -> Session {
        let res = self
            .post("/v1/auth/register")
            .json(json!({"email": email, "password": "correct horse battery", "name": "Test User"}))
            .send()
            .await;
        assert_eq!(res.status, 201, "register: {}", res.text());
        let body = res.json();
        Session {
            id: body["user"]["id"].as_str().expect("user id").to_string(),
            token: body["access_token"]
                .as_str()
                .expect("access token")
                .to_string(),
            refresh: body["refresh_token"]
                .as_str()
                .expect("refresh token")
                .to_string(),
        }
    }

    /// Deletes the account of `s` (registered by `user`); it must succeed.
    pub async fn delete_account(&self, s: &Session) {
        let res = self
            .delete("/v1/me")
            .auth(s)
            .json(json!({"password": "correct horse battery"}))
            .send()
            .await;
        assert_eq!(res.status, 204, "delete the account: {}", res.text());
    }

    /// Creates a contact for `s` and returns its body.
    pub async fn contact(&self, s: &Session, body: Value) -> Value {
        self.created(s, "/v1/contacts", body).await
    }

    /// Creates what `url` creates for `s` (201) and returns its body.
    pub async fn created(&self, s: &Session, url: &str, body: Value) -> Value {
        let res = self.post(url).auth(s).json(body).send().await;
        assert_eq!(res.status, 201, "create at {url}: {}", res.text());
        res.json()
    }
}

/// An archive with every section `POST /v1/import/archive` requires,
/// empty but for those `sections` gives.
pub fn archive(sections: Value) -> Value {
    let mut doc = json!({
        "format_version": 1,
        "exported_at": "2026-03-14T09:30:00Z",
        "user": {"id": "u1", "email": "old@example.com", "name": "Old", "created_at": "2026-01-01T00:00:00Z"},
        "contacts": [], "interactions": [], "ledger": [], "relationships": [],
        "introductions": [], "tags": [], "tokens": [],
    });
    for (k, v) in sections.as_object().expect("sections").clone() {
        doc[k] = v;
    }
    doc
}

pub struct Session {
    pub id: String,
    pub token: String,
    pub refresh: String,
}

pub struct Req<'a> {
    app: &'a TestApp,
    method: Method,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
}

impl<'a> Req<'a> {
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn auth(self, s: &Session) -> Self {
        let t = format!("Bearer {}", s.token);
        self.header("authorization", &t)
    }

    pub fn bearer(self, token: &str) -> Self {
        let t = format!("Bearer {token}");
        self.header("authorization", &t)
    }

    pub fn json(self, v: Value) -> Self {
        self.raw("application/json", serde_json::to_vec(&v).expect("json"))
    }

    pub fn raw(mut self, content_type: &str, body: Vec<u8>) -> Self {
        self.headers
            .push(("content-type".into(), content_type.into()));
        self.body = Some(body);
        self
    }

    pub async fn send(self) -> Resp {
        let url = format!("{}{}", self.app.base, self.path);
        let mut r = self.app.client.request(self.method, url);
        for (k, v) in &self.headers {
            r = r.insert_header((k.as_str(), v.as_str()));
        }
        let mut res = match self.body {
            Some(b) => r.send_body(b).await,
            None => r.send().await,
        }
        .expect("the request is answered");
        let body = res.body().limit(64 << 20).await.expect("the body is read");
        Resp {
            status: res.status().as_u16(),
            headers: res.headers().clone(),
            body: body.to_vec(),
        }
    }
}

pub struct Resp {
    pub status: u16,
    pub headers: actix_web::http::header::HeaderMap,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    /// Asserts a successful write: `200` or `201`.
    #[track_caller]
    pub fn written(&self) {
        assert!(
            self.status == 200 || self.status == 201,
            "{}: {}",
            self.status,
            self.text()
        );
    }

    /// Asserts a problem+json answer with this status and code; returns it.
    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) -> Value {
        assert_eq!(self.status, status, "status of: {}", self.text());
        assert_eq!(
            self.header("content-type").as_deref(),
            Some("application/problem+json"),
            "content type of: {}",
            self.text()
        );
        let p = self.json();
        assert_eq!(p["code"], code, "code of: {p}");
        assert_eq!(p["status"], status);
        assert!(
            p["request_id"].as_str().is_some_and(|s| !s.is_empty()),
            "request id in {p}"
        );
        assert_eq!(
            self.header("x-request-id").as_deref(),
            p["request_id"].as_str()
        );
        p
    }

    /// The fields named by a 422's `errors`.
    #[track_caller]
    pub fn invalid_fields(&self) -> Vec<String> {
        let p = self.problem(422, "validation_failed");
        p["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .map(|e| e["field"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}

impl TestApp {
    /// Someone else's resource at `url` reads, changes and deletes exactly
    /// like one that does not exist: `404 not_found` to `s` for `GET`, for
    /// `PATCH` with `patch`, and for `DELETE`.
    pub async fn assert_hidden_from(&self, s: &Session, url: &str, patch: Value) {
        self.get(url).auth(s).send().await.problem(404, "not_found");
        self.patch(url)
            .auth(s)
            .json(patch)
            .send()
            .await
            .problem(404, "not_found");
        self.delete(url)
            .auth(s)
            .send()
            .await
            .problem(404, "not_found");
    }

    /// `PUT /v1/tags/{name}`, expecting success.
    pub async fn put_tag(&self, s: &Session, name: &str, body: Value) -> Value {
        let res = self
            .req(Method::PUT, &format!("/v1/tags/{name}"))
            .auth(s)
            .json(body)
            .send()
            .await;
        assert_eq!(res.status, 200, "put tag: {}", res.text());
        res.json()
    }
}

/// An image of `w`×`h` pixels encoded as `format`, for photo tests.
pub fn image_bytes(w: u32, h: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    }));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).expect("encodes");
    out.into_inner()
}

/// On SQLite, checks that each FTS5 search index holds exactly the rows of
/// its table as they are (FTS5's own `integrity-check`, which compares the
/// index with the table); a row missing from the index fails it. Whether
/// it checked anything: PostgreSQL's trigram indexes follow their rows.
pub fn search_indexes_match_their_tables(app: &TestApp) -> bool {
    let mut conn = kith::db::DbTarget::parse(&app.settings.database_url)
        .unwrap()
        .connect()
        .unwrap();
    if !matches!(conn, kith::db::DbConn::Sqlite(_)) {
        return false;
    }
    for t in [
        "contacts",
        "interactions",
        "ledger_entries",
        "introductions",
    ] {
        let check = format!("INSERT INTO {t}_fts({t}_fts, rank) VALUES ('integrity-check', 1)");
        if let Err(e) = diesel::sql_query(check).execute(&mut conn) {
            panic!("the search index of {t} does not match the table: {e}");
        }
    }
    true
}
