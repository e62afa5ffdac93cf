//! What an operator watches: `/metrics` and `/readyz`.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde_json::json;

use crate::helpers::TestApp;

/// The value of the sample of `name` whose labels include all of `labels`
/// (0 when there is none).
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    text.lines()
        .filter(|l| l.starts_with(&format!("{name}{{")) || l.starts_with(&format!("{name} ")))
        .filter(|l| {
            labels
                .iter()
                .all(|(k, v)| l.contains(&format!("{k}=\"{v}\"")))
        })
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

#[actix_web::test]
async fn metrics_count_requests_by_route_template_and_status() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let url = format!("/v1/contacts/{}", ben["id"].as_str().unwrap());
    let labels = [
        ("route", "/v1/contacts/{id}"),
        ("method", "GET"),
        ("status", "200"),
    ];
    let before = app.get("/metrics").send().await;
    assert_eq!(before.status, 200);
    assert!(before
        .header("content-type")
        .unwrap()
        .starts_with("text/plain"));
    let before = sample(&before.text(), "kith_http_requests_total", &labels);
    for _ in 0..3 {
        assert_eq!(app.get(&url).auth(&s).send().await.status, 200);
    }
    app.get("/v1/contacts/nope").auth(&s).send().await;
    let text = app.get("/metrics").send().await.text();
    assert!(
        sample(&text, "kith_http_requests_total", &labels) >= before + 3.0,
        "{text}"
    );
    // The template, never the id, is the label.
    assert!(!text.contains(ben["id"].as_str().unwrap()));
    assert!(text.contains("kith_http_request_duration_seconds_bucket"));
    assert!(text.contains("kith_changes_recorded_total"));
    assert!(text.contains("kith_db_jobs_queued"));
}

#[actix_web::test]
async fn a_metrics_token_keeps_metrics_to_the_operator() {
    let app = TestApp::spawn_with(|s| {
        s.metrics_token = Some(secrecy::SecretString::from("operator-secret".to_string()));
    })
    .await;
    app.get("/metrics")
        .send()
        .await
        .problem(401, "invalid_token");
    app.get("/metrics")
        .bearer("another-secret")
        .send()
        .await
        .problem(401, "invalid_token");
    let ok = app.get("/metrics").bearer("operator-secret").send().await;
    assert_eq!(ok.status, 200);
    assert!(ok.text().contains("kith_http_requests_total"));
}

/// A TCP relay to PostgreSQL that can turn into a black hole: connections
/// are accepted but nothing is relayed (a database host gone from the
/// network, not one that refuses).
struct Relay {
    port: u16,
    holed: Arc<AtomicBool>,
}

impl Relay {
    fn to(target: &str) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let holed = Arc::new(AtomicBool::new(false));
        let target = target.to_string();
        let hole = holed.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if hole.load(Ordering::SeqCst) {
                    // Held open, never answered.
                    std::mem::forget(client);
                    continue;
                }
                let Ok(server) = TcpStream::connect(&target) else {
                    continue;
                };
                for (mut from, mut to) in [
                    (client.try_clone().unwrap(), server.try_clone().unwrap()),
                    (server, client),
                ] {
                    let hole = hole.clone();
                    std::thread::spawn(move || {
                        let mut buf = [0u8; 16384];
                        while let Ok(n) = from.read(&mut buf) {
                            if n == 0 || hole.load(Ordering::SeqCst) {
                                break;
                            }
                            if to.write_all(&buf[..n]).is_err() {
                                break;
                            }
                        }
                        let _ = to.shutdown(std::net::Shutdown::Both);
                    });
                }
            }
        });
        Relay { port, holed }
    }
}

/// When the database stops answering (not refusing: gone), `/readyz` says
/// `503` at once instead of waiting on a connection that never comes.
#[actix_web::test]
async fn readiness_answers_503_when_the_database_is_gone() {
    let app = TestApp::spawn().await;
    let url = app.settings.database_url.clone();
    if !url.starts_with("postgres") {
        return; // SQLite has no server to lose.
    }
    // The same database, reached through the relay.
    let (head, rest) = url.split_once("@").unwrap();
    let (hostport, db) = rest.split_once('/').unwrap();
    let relay = Relay::to(hostport);
    let through = format!("{head}@127.0.0.1:{}/{db}", relay.port);
    let app = TestApp::spawn_with(|s| s.database_url = through).await;
    assert_eq!(app.get("/readyz").send().await.status, 200);
    relay.holed.store(true, Ordering::SeqCst);
    // Every connection thread meets the hole (its query fails, its
    // reconnection hangs); the checks after that find no thread free.
    for _ in 0..8 {
        let r = app.get("/readyz").send().await;
        r.problem(503, "unavailable");
    }
}
