//! The delivery worker, one per process: it turns new changes into
//! deliveries, takes the deliveries that are due (a lease, so that several
//! processes on one PostgreSQL never send one delivery at once; a process
//! that dies mid-delivery loses its lease and another sends it), sends each
//! signed, and records the outcome. A delivery may reach its endpoint more
//! than once, never zero times; `webhook-id` lets the receiver drop the
//! repeat. The HTTP client follows no redirects, reads no proxy settings
//! from the environment, and resolves names only to allowed addresses.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use super::model::DeliveryRow;
use super::service::{self, Attempt};
use super::{guard, reminders, signature, store};
use actix_web::web;

use crate::config::Settings;
use crate::db::Db;
use crate::http::drain::Drain;
use crate::time;

/// How long a process holds a delivery it is sending: well beyond the
/// answer's timeout.
const LEASE_SECS: i64 = 120;

/// Deliveries taken per pass.
const BATCH: i64 = 32;

/// The longest answer kept in the delivery log.
const MAX_ANSWER: usize = 1024;

/// The HTTP client deliveries go out with.
pub fn client(settings: &Settings) -> reqwest::Client {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(Duration::from_secs(settings.webhook_timeout_secs))
        .connect_timeout(Duration::from_secs(settings.webhook_timeout_secs.min(10)))
        .user_agent(concat!("kith-webhooks/", env!("CARGO_PKG_VERSION")))
        .dns_resolver(guard::Resolver {
            allow_private: settings.webhook_allow_private,
        });
    let builder = match rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
    {
        Ok(tls) => builder
            .tls_backend_preconfigured(tls.with_root_certificates(roots).with_no_client_auth()),
        Err(_) => builder,
    };
    builder.build().unwrap_or_default()
}

/// Runs until the process stops. Once it is stopping (`SIGTERM`), it
/// takes nothing new: a pass in flight finishes the deliveries it is
/// sending (stopping waits for it), gives back the ones it took and had
/// not started, and the loop ends.
pub async fn run(db: Db, settings: Settings, drain: web::Data<Drain>) {
    let client = client(&settings);
    let every = Duration::from_millis(settings.webhook_poll_ms);
    let remind_every = Duration::from_secs(settings.webhook_reminder_secs);
    let mut reminded: Option<std::time::Instant> = None;
    while !drain.draining() {
        if reminded.is_none_or(|at| at.elapsed() >= remind_every) {
            reminded = Some(std::time::Instant::now());
            if let Err(e) = remind(&db).await {
                tracing::warn!(error = %e, "webhook worker: reminders failed; trying again");
            }
        }
        let flight = drain.flight();
        if let Err(e) = pass(&db, &client, settings.webhook_allow_private, &drain).await {
            tracing::warn!(error = %e, "webhook worker: a pass failed; trying again");
        }
        drop(flight);
        tokio::time::sleep(every).await;
    }
}

/// Queues the reminders due for every user with a webhook that takes them.
async fn remind(db: &Db) -> Result<(), crate::error::ApiError> {
    let hooks = db.read(|conn| Ok(store::enabled(conn)?)).await?;
    let mut users: Vec<String> = hooks
        .iter()
        .filter(|h| reminders::wants_reminders(h))
        .map(|h| h.user_id.clone())
        .collect();
    users.sort();
    users.dedup();
    for user_id in users {
        let user = user_id.clone();
        db.write_as(user_id, move |conn| {
            Ok(reminders::queue_due(conn, &user, time::now())?)
        })
        .await?;
    }
    Ok(())
}

/// One pass: new changes into deliveries, then every due delivery sent.
async fn pass(
    db: &Db,
    client: &reqwest::Client,
    allow_private: bool,
    drain: &Drain,
) -> Result<(), crate::error::ApiError> {
    for (webhook_id, user_id) in db.read(|conn| Ok(store::behind(conn, 100)?)).await? {
        let user = user_id.clone();
        db.write_as(user_id, move |conn| {
            Ok(service::fan_out(conn, &user, &webhook_id)?)
        })
        .await?;
    }
    while !drain.draining() {
        let now = time::now();
        // Taking is a write: only when a read finds something due.
        if !db.read(move |conn| Ok(store::any_due(conn, now)?)).await? {
            return Ok(());
        }
        let claimed = db
            .write(move |conn| {
                Ok(store::claim(
                    conn,
                    now,
                    now + LEASE_SECS * 1_000_000,
                    BATCH,
                )?)
            })
            .await?;
        if claimed.is_empty() {
            return Ok(());
        }
        // One endpoint's deliveries one after another, in order; endpoints
        // side by side.
        let mut by_hook: BTreeMap<String, Vec<DeliveryRow>> = BTreeMap::new();
        for d in claimed {
            by_hook.entry(d.webhook_id.clone()).or_default().push(d);
        }
        let sends = by_hook.into_values().map(|deliveries| async move {
            for d in deliveries {
                if drain.draining() {
                    // Stopping: given back for another process (or the
                    // next start) to send.
                    let id = d.id.clone();
                    if let Err(e) = db.write(move |conn| Ok(store::release(conn, &id)?)).await {
                        tracing::warn!(error = %e, "webhook worker: a delivery was not given back");
                    }
                    continue;
                }
                let attempt = send(db, client, &d, allow_private).await;
                let user_id = d.user_id.clone();
                let done = db
                    .write_as(user_id, move |conn| {
                        Ok(service::record_attempt(conn, d, attempt, time::now())?)
                    })
                    .await;
                if let Err(e) = done {
                    tracing::warn!(error = %e, "webhook worker: an outcome was not recorded");
                }
            }
        });
        futures_util::future::join_all(sends).await;
    }
    Ok(())
}

/// Sends one delivery, signed with every secret that signs now.
async fn send(db: &Db, client: &reqwest::Client, d: &DeliveryRow, allow_private: bool) -> Attempt {
    let refused = |why: &str| Attempt {
        status: None,
        body: None,
        error: Some(why.to_string()),
        retry_after: None,
    };
    let id = d.webhook_id.clone();
    let hook = match db.read(move |conn| Ok(store::by_id(conn, &id)?)).await {
        Ok(Some(h)) if h.enabled => h,
        Ok(_) => return refused("the webhook is disabled"),
        Err(_) => return refused("the webhook could not be read"),
    };
    let url = match url::Url::parse(&hook.url) {
        Ok(u) => u,
        Err(_) => return refused("not a URL"),
    };
    if let Some(why) = guard::url_refusal(&url).filter(|_| !allow_private) {
        return refused(why);
    }
    let now = time::now();
    let timestamp = now / 1_000_000;
    let secrets = hook.signing_secrets(now);
    let signature = signature::header(&secrets, &d.id, timestamp, d.payload.as_bytes());
    let sent = client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", &d.id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(d.payload.clone())
        .send()
        .await;
    let mut res = match sent {
        Ok(res) => res,
        Err(e) => return refused(&describe(&e)),
    };
    let status = res.status().as_u16();
    let retry_after = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(retry_after_secs);
    let mut body = Vec::new();
    while body.len() < MAX_ANSWER {
        match res.chunk().await {
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            _ => break,
        }
    }
    body.truncate(MAX_ANSWER);
    Attempt {
        status: Some(status),
        body: Some(String::from_utf8_lossy(&body).replace('\0', "")),
        error: (300..400)
            .contains(&status)
            .then(|| "a redirect, which is not followed".to_string()),
        retry_after,
    }
}

/// A `Retry-After` in seconds: a number of seconds, or an HTTP date.
fn retry_after_secs(v: &str) -> Option<u64> {
    if let Ok(secs) = v.trim().parse::<u64>() {
        return Some(secs);
    }
    let at = chrono::DateTime::parse_from_rfc2822(v.trim()).ok()?;
    let secs = at.timestamp() - chrono::Utc::now().timestamp();
    Some(secs.max(0) as u64)
}

/// Why a request had no answer, without internals (no addresses).
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "the endpoint did not answer in time".into()
    } else if e.is_connect() {
        // The resolver's refusal, somewhere down the chain of causes.
        let mut cause = std::error::Error::source(e);
        let mut refused = false;
        while let Some(c) = cause {
            refused |= c.to_string().contains(guard::PRIVATE);
            cause = c.source();
        }
        if refused {
            format!("refused: the host {}", guard::PRIVATE)
        } else {
            "the endpoint could not be reached".into()
        }
    } else {
        "the request failed".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_seconds_or_a_date() {
        assert_eq!(retry_after_secs("120"), Some(120));
        assert_eq!(retry_after_secs("Wed, 21 Oct 2015 07:28:00 GMT"), Some(0));
        assert_eq!(retry_after_secs("soon"), None);
    }
}
