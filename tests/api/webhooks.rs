//! Webhooks: changes sent to a real receiver on 127.0.0.1 as they happen,
//! signed by the Standard Webhooks specification; retries, redirects,
//! `410`, timeouts; rotation; the delivery log; private networks refused;
//! two servers on one database sending each delivery once.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use base64::Engine;
use chrono::Datelike;
use hmac::{KeyInit, Mac};
use serde_json::{json, Value};

use crate::helpers::{Scratch, Session, TestApp};

/// One request the receiver took.
#[derive(Clone, Debug)]
struct Received {
    path: String,
    id: String,
    timestamp: String,
    signature: String,
    body: String,
}

/// An HTTP server on 127.0.0.1 that records what it is sent and answers by
/// path: `/ok` 200, `/gone` 410, `/moved` 302 to `/ok`, `/busy` 503 with
/// `Retry-After: 120`, `/fail` 500 with a 2 KiB body, `/slow` after 3 s,
/// `/flaky` 500 the first time and 200 after.
struct Receiver {
    base: String,
    got: Arc<Mutex<Vec<Received>>>,
}

async fn receive(
    req: HttpRequest,
    body: web::Bytes,
    got: web::Data<Mutex<Vec<Received>>>,
) -> HttpResponse {
    let header = |n: &str| {
        req.headers()
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    got.lock().unwrap().push(Received {
        path: req.path().to_string(),
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    match req.path() {
        "/ok" => HttpResponse::Ok().body("thanks"),
        "/gone" => HttpResponse::Gone().finish(),
        "/moved" => HttpResponse::Found()
            .insert_header(("location", "/ok"))
            .finish(),
        "/busy" => HttpResponse::ServiceUnavailable()
            .insert_header(("retry-after", "120"))
            .finish(),
        "/flaky"
            if got
                .lock()
                .unwrap()
                .iter()
                .filter(|r| r.path == "/flaky")
                .count()
                == 1 =>
        {
            HttpResponse::InternalServerError().body("not yet")
        }
        "/flaky" => HttpResponse::Ok().body("now"),
        "/slow" => {
            actix_web::rt::time::sleep(Duration::from_secs(3)).await;
            HttpResponse::Ok().finish()
        }
        _ => HttpResponse::InternalServerError().body("e".repeat(2048)),
    }
}

impl Receiver {
    async fn start() -> Receiver {
        let got = web::Data::new(Mutex::new(Vec::new()));
        let data = got.clone();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .default_service(web::to(receive))
        })
        .workers(1)
        .disable_signals()
        .listen(listener)
        .unwrap()
        .run();
        actix_web::rt::spawn(server);
        Receiver {
            base: format!("http://127.0.0.1:{port}"),
            got: got.into_inner(),
        }
    }

    fn at(&self, path: &str) -> Vec<Received> {
        self.got
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }

    /// Waits (up to 15 s) until `path` got `n` requests.
    async fn wait_for(&self, path: &str, n: usize) -> Vec<Received> {
        self.wait_up_to(path, n, 300).await
    }

    /// Waits (up to 120 s) until `path` got `n` requests.
    async fn wait_for_long(&self, path: &str, n: usize) -> Vec<Received> {
        self.wait_up_to(path, n, 2400).await
    }

    async fn wait_up_to(&self, path: &str, n: usize, polls: usize) -> Vec<Received> {
        for _ in 0..polls {
            let got = self.at(path);
            if got.len() >= n {
                return got;
            }
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{path} got {:?}, expected {n}", self.at(path));
    }
}

/// A server whose webhooks may reach 127.0.0.1, looking every 50 ms and
/// waiting 1 s for an answer.
async fn app() -> TestApp {
    TestApp::spawn_with(|s| {
        s.webhook_allow_private = true;
        s.webhook_poll_ms = 50;
        s.webhook_timeout_secs = 1;
    })
    .await
}

async fn webhook(app: &TestApp, s: &Session, url: &str, events: Value) -> Value {
    let res = app
        .post("/v1/webhooks")
        .auth(s)
        .json(json!({"url": url, "events": events, "description": "test"}))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

fn verifies(secret: &str, r: &Received) -> usize {
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{}.{}.{}", r.id, r.timestamp, r.body).as_bytes());
    let expected = format!(
        "v1,{}",
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    );
    r.signature.split(' ').filter(|s| *s == expected).count()
}

/// Waits (up to 15 s) until the webhook's newest delivery matches `done`.
async fn delivery_when(
    app: &TestApp,
    s: &Session,
    hook: &Value,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let url = format!("/v1/webhooks/{}/deliveries", hook["id"].as_str().unwrap());
    for _ in 0..300 {
        let page = app.get(&url).auth(s).send().await.json();
        if let Some(d) = page["items"].get(0).filter(|d| done(d)) {
            return d.clone();
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{url}: {}", app.get(&url).auth(s).send().await.text());
}

#[actix_web::test]
async fn changes_reach_a_webhook_signed_and_in_order() {
    let app = app().await;
    let rx = Receiver::start().await;
    let s = app.user("ana@example.com").await;
    let hook = webhook(
        &app,
        &s,
        &format!("{}/ok", rx.base),
        json!([
            "contact.created",
            "contact.deleted",
            "contact.restored",
            "interaction.created"
        ]),
    )
    .await;
    let secret = hook["secret"].as_str().unwrap().to_string();
    assert!(secret.starts_with("whsec_"), "{secret}");
    let hook_url = format!("/v1/webhooks/{}", hook["id"].as_str().unwrap());
    let shown = app.get(&hook_url).auth(&s).send().await.json();
    assert_eq!(shown["secret"], Value::Null, "the secret is shown once");
    assert_eq!(shown["enabled"], true);

    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let ben_url = format!("/v1/contacts/{}", ben["id"].as_str().unwrap());
    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(json!({"kind": "call", "direction": "outbound", "summary": "Catch-up", "contact_ids": [ben["id"]]}))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    assert_eq!(app.delete(&ben_url).auth(&s).send().await.status, 204);
    let res = app
        .post(&format!("{ben_url}/restore"))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());

    let got = rx.wait_for("/ok", 4).await;
    let bodies: Vec<Value> = got
        .iter()
        .map(|r| serde_json::from_str(&r.body).unwrap())
        .collect();
    let types: Vec<&str> = bodies.iter().map(|b| b["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        [
            "contact.created",
            "interaction.created",
            "contact.deleted",
            "contact.restored"
        ]
    );
    assert_eq!(bodies[0]["data"]["display_name"], "Ben");
    assert_eq!(bodies[2]["data"], json!({"id": ben["id"]}));
    assert!(bodies[0]["timestamp"].is_string());
    for r in &got {
        assert_eq!(verifies(&secret, r), 1, "{r:?}");
        assert!(r.timestamp.parse::<i64>().is_ok());
    }
    let mut ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 4);

    // The log shows each delivered, with the answer (the receiver can see
    // the last request a moment before kith records its answer).
    let last = got[3].id.clone();
    delivery_when(&app, &s, &hook, |d| {
        d["id"] == last.as_str() && d["status"] == "delivered"
    })
    .await;
    let log = app
        .get(&format!("{hook_url}/deliveries"))
        .auth(&s)
        .send()
        .await
        .json();
    let items = log["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert_eq!(items[0]["id"], got[3].id.as_str(), "newest first");
    assert!(items
        .iter()
        .all(|d| d["status"] == "delivered" && d["last_status_code"] == 200));
    assert_eq!(items[0]["last_response"], "thanks");
    let delivered = app
        .get(&format!("{hook_url}/deliveries?status=pending"))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(delivered["items"], json!([]));

    // A test event; then a rotation: both secrets sign for a day.
    let res = app.post(&format!("{hook_url}/test")).auth(&s).send().await;
    assert_eq!(res.status, 202, "{}", res.text());
    let got = rx.wait_for("/ok", 5).await;
    let test: Value = serde_json::from_str(&got[4].body).unwrap();
    assert_eq!(test["type"], "webhook.test");
    assert_eq!(test["data"]["webhook_id"], hook["id"]);
    let res = app
        .post(&format!("{hook_url}/rotate-secret"))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let rotated = res.json();
    let new_secret = rotated["secret"].as_str().unwrap();
    assert_ne!(new_secret, secret);
    assert!(rotated["previous_secret_expires_at"].is_string());
    app.contact(&s, json!({"display_name": "Cleo"})).await;
    let got = rx.wait_for("/ok", 6).await;
    assert_eq!(got[5].signature.split(' ').count(), 2);
    assert_eq!(
        (verifies(new_secret, &got[5]), verifies(&secret, &got[5])),
        (1, 1)
    );

    // Another user sees none of it, and their changes never reach it.
    let eve = app.user("eve@example.com").await;
    for (method, url) in [
        (actix_web::http::Method::GET, hook_url.clone()),
        (actix_web::http::Method::DELETE, hook_url.clone()),
        (actix_web::http::Method::POST, format!("{hook_url}/test")),
        (
            actix_web::http::Method::POST,
            format!("{hook_url}/rotate-secret"),
        ),
        (
            actix_web::http::Method::GET,
            format!("{hook_url}/deliveries"),
        ),
        (
            actix_web::http::Method::POST,
            format!("{hook_url}/deliveries/{}/retry", got[0].id),
        ),
    ] {
        app.req(method, &url)
            .auth(&eve)
            .send()
            .await
            .problem(404, "not_found");
    }
    app.patch(&hook_url)
        .auth(&eve)
        .header("content-type", "application/merge-patch+json")
        .json(json!({"enabled": false}))
        .send()
        .await
        .problem(404, "not_found");
    let list = app.get("/v1/webhooks").auth(&eve).send().await.json();
    assert_eq!(list["items"], json!([]));
    app.contact(&eve, json!({"display_name": "Mallory"})).await;
    app.contact(&s, json!({"display_name": "Dev"})).await;
    let got = rx.wait_for("/ok", 7).await;
    let last: Value = serde_json::from_str(&got[6].body).unwrap();
    assert_eq!(last["data"]["display_name"], "Dev");
    actix_web::rt::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(rx.at("/ok").len(), 7, "Mallory never reached it");
}

#[actix_web::test]
async fn failed_deliveries_are_retried_disabled_and_logged() {
    let app = app().await;
    let rx = Receiver::start().await;
    let s = app.user("ana@example.com").await;
    let busy = webhook(&app, &s, &format!("{}/busy", rx.base), json!(["*"])).await;
    let moved = webhook(
        &app,
        &s,
        &format!("{}/moved", rx.base),
        json!(["contact.*"]),
    )
    .await;
    let gone = webhook(
        &app,
        &s,
        &format!("{}/gone", rx.base),
        json!(["contact.created"]),
    )
    .await;
    let slow = webhook(
        &app,
        &s,
        &format!("{}/slow", rx.base),
        json!(["contact.created"]),
    )
    .await;
    let fail = webhook(
        &app,
        &s,
        &format!("{}/fail", rx.base),
        json!(["contact.created"]),
    )
    .await;
    app.contact(&s, json!({"display_name": "Ben"})).await;

    // 503 with Retry-After: 120 waits at least that long.
    let d = delivery_when(&app, &s, &busy, |d| d["attempts"] == 1).await;
    assert_eq!(
        (&d["status"], &d["last_status_code"]),
        (&json!("pending"), &json!(503))
    );
    let at = |v: &Value| chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap();
    assert!(
        at(&d["next_attempt_at"]) - at(&d["last_attempt_at"]) >= chrono::Duration::seconds(120)
    );

    // A redirect is a failure, not followed.
    let d = delivery_when(&app, &s, &moved, |d| d["attempts"] == 1).await;
    assert_eq!(d["last_status_code"], 302);
    assert!(
        d["last_error"].as_str().unwrap().contains("redirect"),
        "{d}"
    );
    assert!(at(&d["next_attempt_at"]) - at(&d["last_attempt_at"]) >= chrono::Duration::seconds(4));
    assert!(rx.at("/ok").is_empty());

    // 410 disables the endpoint, with the reason.
    let d = delivery_when(&app, &s, &gone, |d| d["status"] == "failed").await;
    assert_eq!(d["last_status_code"], 410);
    let gone_url = format!("/v1/webhooks/{}", gone["id"].as_str().unwrap());
    let g = app.get(&gone_url).auth(&s).send().await.json();
    assert_eq!(g["enabled"], false);
    assert!(
        g["disabled_reason"].as_str().unwrap().contains("410"),
        "{g}"
    );
    let res = app
        .post(&format!(
            "{gone_url}/deliveries/{}/retry",
            d["id"].as_str().unwrap()
        ))
        .auth(&s)
        .send()
        .await;
    res.problem(409, "webhook_disabled");

    // No answer in time; an answer's first 1 KiB is kept.
    let d = delivery_when(&app, &s, &slow, |d| d["attempts"] == 1).await;
    assert_eq!(d["last_status_code"], Value::Null);
    assert!(d["last_error"].as_str().unwrap().contains("in time"), "{d}");
    let d = delivery_when(&app, &s, &fail, |d| d["attempts"] == 1).await;
    assert_eq!(d["last_status_code"], 500);
    assert_eq!(d["last_response"].as_str().unwrap().len(), 1024);

    // A retry asked for goes out now, with the same webhook-id.
    let fail_url = format!("/v1/webhooks/{}", fail["id"].as_str().unwrap());
    let res = app
        .post(&format!(
            "{fail_url}/deliveries/{}/retry",
            d["id"].as_str().unwrap()
        ))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 202, "{}", res.text());
    delivery_when(&app, &s, &fail, |d| d["attempts"] == 2).await;
    let sent = rx.wait_for("/fail", 2).await;
    assert_eq!(sent[0].id, sent[1].id);

    // Disabled by hand, enabled again: only later changes are sent.
    let busy_url = format!("/v1/webhooks/{}", busy["id"].as_str().unwrap());
    for enabled in [false, true] {
        let res = app
            .patch(&busy_url)
            .auth(&s)
            .header("content-type", "application/merge-patch+json")
            .json(json!({"enabled": enabled, "url": format!("{}/ok", rx.base)}))
            .send()
            .await;
        assert_eq!(res.status, 200, "{}", res.text());
        assert_eq!(res.json()["enabled"], enabled);
    }
    app.contact(&s, json!({"display_name": "Cleo"})).await;
    let got = rx.wait_for("/ok", 1).await;
    let body: Value = serde_json::from_str(&got[0].body).unwrap();
    assert_eq!(body["data"]["display_name"], "Cleo");
}

#[actix_web::test]
async fn webhooks_into_private_networks_are_refused() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://localhost:9/hook",
        "http://[::1]/hook",
        "http://[::ffff:169.254.169.254]/latest",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.8/hook",
        "http://100.64.1.1/hook",
        "http://2130706433/hook",
        "https://user:secret@hooks.example.com/hook",
        "http://nowhere.invalid/hook",
    ] {
        let res = app
            .post("/v1/webhooks")
            .auth(&s)
            .json(json!({"url": url, "events": ["*"]}))
            .send()
            .await;
        assert_eq!(res.invalid_fields(), ["url"], "{url}: {}", res.text());
        assert!(
            !res.text().contains("secret"),
            "the URL's password is not echoed"
        );
    }
    let res = app
        .post("/v1/webhooks")
        .auth(&s)
        .json(json!({"url": "https://hooks.example.com/", "events": ["contact.nothing"]}))
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["events[0]"], "{}", res.text());
    let list = app.get("/v1/webhooks").auth(&s).send().await.json();
    assert_eq!(list["items"], json!([]));
}

/// Several processes share one PostgreSQL (SQLite serves one process).
#[actix_web::test]
async fn two_servers_on_one_database_send_each_delivery_once() {
    let first = app().await;
    if first.settings.database_url.starts_with("sqlite") {
        return;
    }
    let second_dir = Scratch::folder();
    let second = TestApp::start(first.settings.clone(), second_dir).await;
    let rx = Receiver::start().await;
    let s = first.user("ana@example.com").await;
    webhook(
        &first,
        &s,
        &format!("{}/ok", rx.base),
        json!(["contact.created"]),
    )
    .await;
    // 1,000 contacts, half through each server.
    for (b, on) in [(0, &first), (1, &second)] {
        let items: Vec<Value> = (0..500)
            .map(|n| json!({"contact": {"display_name": format!("Person {}", b * 500 + n)}}))
            .collect();
        let res = on
            .post("/v1/contacts/batch")
            .auth(&s)
            .json(json!({"items": items}))
            .send()
            .await;
        assert_eq!(res.status, 200, "{}", res.text());
    }
    rx.wait_for_long("/ok", 1000).await;
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    let got = rx.at("/ok");
    let mut ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!((got.len(), ids.len()), (1000, 1000), "each once");
    let names: Vec<String> = got
        .iter()
        .map(|r| {
            serde_json::from_str::<Value>(&r.body).unwrap()["data"]["display_name"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let expected: Vec<String> = (0..1000).map(|n| format!("Person {n}")).collect();
    assert_eq!(names, expected, "in the order of the changes");
}

#[actix_web::test]
async fn a_name_resolving_inside_is_refused_at_delivery_too() {
    // Created where private networks were allowed (its worker then idle)…
    let before = TestApp::spawn_with(|s| {
        s.webhook_allow_private = true;
        s.webhook_poll_ms = 3_600_000;
    })
    .await;
    let rx = Receiver::start().await;
    let s = before.user("ana@example.com").await;
    let port = rx.base.rsplit(':').next().unwrap().to_string();
    let hook = webhook(
        &before,
        &s,
        &format!("http://localhost:{port}/ok"),
        json!(["*"]),
    )
    .await;
    // …then served where they are not: the delivery is refused on the
    // address the name resolves to.
    let mut settings = before.settings.clone();
    settings.webhook_allow_private = false;
    settings.webhook_poll_ms = 50;
    let after = TestApp::start(settings, Scratch::folder()).await;
    after.contact(&s, json!({"display_name": "Ben"})).await;
    let d = delivery_when(&after, &s, &hook, |d| d["attempts"] == 1).await;
    assert!(
        d["last_error"]
            .as_str()
            .unwrap()
            .contains("private network"),
        "{d}"
    );
    assert_eq!(d["last_status_code"], Value::Null);
    assert!(rx.at("/ok").is_empty());
}

/// Today in a time zone, as `YYYY-MM-DD`.
fn today_in(zone: chrono_tz::Tz) -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&zone).date_naive()
}

#[actix_web::test]
async fn reminders_go_out_once_on_the_users_own_day() {
    let app = TestApp::spawn_with(|s| {
        s.webhook_allow_private = true;
        s.webhook_poll_ms = 50;
        s.webhook_reminder_secs = 0;
    })
    .await;
    let rx = Receiver::start().await;
    // Kiritimati (UTC+14) is always one or two days ahead of Pago Pago
    // (UTC-11): its today is never Pago Pago's.
    let kiri_today = today_in(chrono_tz::Pacific::Kiritimati);
    let mut hooks = Vec::new();
    for (email, zone) in [
        ("kiri@example.com", "Pacific/Kiritimati"),
        ("pago@example.com", "Pacific/Pago_Pago"),
    ] {
        let s = app.user(email).await;
        let res = app
            .req(actix_web::http::Method::PUT, "/v1/me")
            .auth(&s)
            .json(json!({"name": "Me", "time_zone": zone}))
            .send()
            .await;
        assert_eq!(res.status, 200, "{}", res.text());
        assert_eq!(res.json()["time_zone"], zone);
        let res = app
            .req(actix_web::http::Method::PUT, "/v1/me")
            .auth(&s)
            .json(json!({"name": "Me", "time_zone": "Mars/Olympus_Mons"}))
            .send()
            .await;
        assert_eq!(res.invalid_fields(), ["time_zone"]);
        let me = app.get("/v1/me").auth(&s).send().await.json();
        assert_eq!(me["time_zone"], zone, "a refused change changes nothing");
        // Born 28 years before Kiritimati's today (a multiple of four
        // years, so 29 February stays a date).
        let born = kiri_today.with_year(kiri_today.year() - 28).unwrap();
        let birthday = app
            .contact(
                &s,
                json!({"display_name": "Bea", "birthday": born.to_string()}),
            )
            .await;
        let ted = app.contact(&s, json!({"display_name": "Ted"})).await;
        let res = app
            .post("/v1/interactions")
            .auth(&s)
            .json(
                json!({"kind": "call", "direction": "outbound", "summary": "Plans",
                         "contact_ids": [ted["id"]], "follow_up_on": kiri_today.to_string(),
                         "counts_as_touch": false}),
            )
            .send()
            .await;
        assert_eq!(res.status, 201, "{}", res.text());
        let res = app
            .post("/v1/ledger")
            .auth(&s)
            .json(json!({"contact_id": ted["id"], "direction": "given", "kind": "advice",
                         "description": "Review the deck", "status": "open", "due_on": kiri_today.to_string()}))
            .send()
            .await;
        assert_eq!(res.status, 201, "{}", res.text());
        // Overdue for two days in either zone: last talked three days ago,
        // every day aimed for.
        let cleo = app
            .contact(&s, json!({"display_name": "Cleo", "cadence_days": 1}))
            .await;
        let three_days_ago = (chrono::Utc::now() - chrono::Duration::days(3)).to_rfc3339();
        let res = app
            .post("/v1/interactions")
            .auth(&s)
            .json(
                json!({"kind": "call", "direction": "outbound", "summary": "Hi",
                         "contact_ids": [cleo["id"]], "occurred_at": three_days_ago}),
            )
            .send()
            .await;
        assert_eq!(res.status, 201, "{}", res.text());
        let path = if zone.contains("Kiritimati") {
            "ok"
        } else {
            "fail"
        };
        let hook = webhook(
            &app,
            &s,
            &format!("{}/{path}", rx.base),
            json!(["agenda.*"]),
        )
        .await;
        hooks.push((s, birthday, hook));
    }
    let types = |got: &[Received]| {
        let mut types: Vec<String> = got
            .iter()
            .map(|r| {
                serde_json::from_str::<Value>(&r.body).unwrap()["type"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        types.sort();
        types
    };
    let got = rx.wait_for("/ok", 4).await;
    assert_eq!(
        types(&got),
        [
            "agenda.birthday",
            "agenda.contact_overdue",
            "agenda.follow_up_due",
            "agenda.promise_due"
        ]
    );
    let birthday: Value = got
        .iter()
        .map(|r| serde_json::from_str::<Value>(&r.body).unwrap())
        .find(|b| b["type"] == "agenda.birthday")
        .unwrap();
    assert_eq!(birthday["data"]["contact_id"], hooks[0].1["id"]);
    assert_eq!(birthday["data"]["date"], kiri_today.to_string());
    // Many passes later: still once each; Pago Pago only hears of Cleo,
    // as the other items' day has not come there yet.
    let pago = rx.wait_for("/fail", 1).await;
    // A restart on the same database sends none of them again.
    let _restarted = TestApp::start(app.settings.clone(), Scratch::folder()).await;
    actix_web::rt::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(rx.at("/ok").len(), 4);
    assert_eq!(
        types(&rx.at("/fail")),
        ["agenda.contact_overdue"],
        "{pago:?}"
    );
}

#[actix_web::test]
async fn merges_held_deliveries_and_five_days_of_failures() {
    let app = app().await;
    let rx = Receiver::start().await;
    let s = app.user("ana@example.com").await;
    let me = app.get("/v1/me").auth(&s).send().await.json();
    let hook = webhook(
        &app,
        &s,
        &format!("{}/ok", rx.base),
        json!(["contact.merged"]),
    )
    .await;
    let kept = app.contact(&s, json!({"display_name": "Dev Rao"})).await;
    let gone = app.contact(&s, json!({"display_name": "D. Rao"})).await;
    let res = app
        .post(&format!(
            "/v1/contacts/{}/merge",
            kept["id"].as_str().unwrap()
        ))
        .auth(&s)
        .json(json!({"ids": [gone["id"]]}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let got = rx.wait_for("/ok", 1).await;
    let merged: Value = serde_json::from_str(&got[0].body).unwrap();
    assert_eq!(merged["type"], "contact.merged");
    assert_eq!(
        merged["data"],
        json!({"id": gone["id"], "merged_into": kept["id"]})
    );

    // A delivery a process took and then died with: not sent while its
    // lease holds, sent by this one once it ran out.
    let now = chrono::Utc::now().timestamp_micros();
    crate::contact_json::sql(
        &app,
        &format!(
            "INSERT INTO webhook_deliveries (id, user_id, webhook_id, event, payload, status, attempts, \
             next_attempt_at, lease_until, created_at) VALUES ('held-by-a-dead-process', '{}', '{}', \
             'contact.merged', '{{\"type\":\"contact.merged\"}}', 'pending', 0, {now}, {}, {now})",
            me["id"].as_str().unwrap(),
            hook["id"].as_str().unwrap(),
            now + 3_600_000_000
        ),
    );
    actix_web::rt::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(rx.at("/ok").len(), 1, "held by another process");
    crate::contact_json::sql(
        &app,
        &format!(
            "UPDATE webhook_deliveries SET lease_until = {} WHERE id = 'held-by-a-dead-process'",
            now - 1
        ),
    );
    let got = rx.wait_for("/ok", 2).await;
    assert_eq!(got[1].id, "held-by-a-dead-process");

    // An endpoint failing for five days is disabled at its next failure.
    let failing = webhook(
        &app,
        &s,
        &format!("{}/fail", rx.base),
        json!(["contact.created"]),
    )
    .await;
    crate::contact_json::sql(
        &app,
        &format!(
            "UPDATE webhooks SET failing_since = {} WHERE id = '{}'",
            now - 6 * 86_400_000_000,
            failing["id"].as_str().unwrap()
        ),
    );
    app.contact(&s, json!({"display_name": "Cleo"})).await;
    delivery_when(&app, &s, &failing, |d| d["status"] == "failed").await;
    let f = app
        .get(&format!("/v1/webhooks/{}", failing["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(f["enabled"], false);
    assert!(
        f["disabled_reason"].as_str().unwrap().contains("five days"),
        "{f}"
    );
}

#[actix_web::test]
async fn a_failure_is_retried_and_a_restart_still_delivers() {
    let app = app().await;
    let rx = Receiver::start().await;
    let s = app.user("ana@example.com").await;
    // 500, then 200 on the retry 5 s later.
    let flaky = webhook(
        &app,
        &s,
        &format!("{}/flaky", rx.base),
        json!(["contact.created"]),
    )
    .await;
    app.contact(&s, json!({"display_name": "Ben"})).await;
    let d = delivery_when(&app, &s, &flaky, |d| d["attempts"] == 1).await;
    assert_eq!(
        (&d["status"], &d["last_status_code"]),
        (&json!("pending"), &json!(500))
    );
    // The retry is due 5 s after the failure; waits up to 30 s for it, as a
    // loaded machine may take its time.
    let mut d = d;
    for _ in 0..600 {
        if d["status"] == "delivered" {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        d = delivery_when(&app, &s, &flaky, |_| true).await;
    }
    assert_eq!(
        (&d["status"], &d["attempts"], &d["last_response"]),
        (&json!("delivered"), &json!(2), &json!("now"))
    );
    let sent = rx.at("/flaky");
    assert_eq!(sent[0].id, sent[1].id, "the same webhook-id on the retry");

    // A change committed by a server that stopped before sending it is
    // sent by the next one to start on the database.
    let stopped = TestApp::spawn_with(|s| {
        s.webhook_allow_private = true;
        s.webhook_poll_ms = 3_600_000;
    })
    .await;
    let t = stopped.user("ted@example.com").await;
    webhook(
        &stopped,
        &t,
        &format!("{}/ok", rx.base),
        json!(["contact.created"]),
    )
    .await;
    stopped
        .contact(&t, json!({"display_name": "Committed"}))
        .await;
    actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    assert!(rx.at("/ok").is_empty(), "not sent yet");
    let mut settings = stopped.settings.clone();
    settings.webhook_poll_ms = 50;
    let _restarted = TestApp::start(settings, Scratch::folder()).await;
    let got = rx.wait_for("/ok", 1).await;
    let body: Value = serde_json::from_str(&got[0].body).unwrap();
    assert_eq!(body["data"]["display_name"], "Committed");
}

#[actix_web::test]
async fn a_rolled_back_write_sends_nothing() {
    let app = app().await;
    let rx = Receiver::start().await;
    let s = app.user("ana@example.com").await;
    webhook(
        &app,
        &s,
        &format!("{}/ok", rx.base),
        json!(["contact.created"]),
    )
    .await;
    // A dry-run import creates its contacts, then rolls them back.
    let csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
               Ana,Lima,https://www.linkedin.com/in/ana-lima,ana@example.com,Initech,CTO,09 Oct 2024\n\
               Ben,Okafor,https://www.linkedin.com/in/ben-okafor,,Initech,CEO,10 Oct 2024\n";
    let res = app
        .post("/v1/imports?dry_run=true")
        .auth(&s)
        .raw("text/csv", csv.as_bytes().to_vec())
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["created"], 2);
    app.contact(&s, json!({"display_name": "Real"})).await;
    let got = rx.wait_for("/ok", 1).await;
    actix_web::rt::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(rx.at("/ok").len(), 1, "{got:?}");
    let body: Value = serde_json::from_str(&got[0].body).unwrap();
    assert_eq!(body["data"]["display_name"], "Real");
}
