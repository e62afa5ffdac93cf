//! Graceful shutdown without resetting a request a client has sent.
//!
//! On `SIGTERM` or `SIGINT` the listener is shut (50 ms after actix stops
//! accepting), so a new connection is refused (the client knows nothing was
//! sent) rather than queued and reset. Requests already on a connection run to their end, and
//! every answer from then on carries `Connection: close`, so a keep-alive
//! client opens no further request on a connection about to close. Once no
//! request has been in flight for a moment (or `SHUTDOWN_TIMEOUT` has
//! passed), the server stops: the connections left are idle ones.

use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServerHandle, ServiceRequest, ServiceResponse};
use actix_web::http::ConnectionType;
use actix_web::middleware::Next;
use actix_web::web;

/// How long in-flight requests may take after the signal.
pub const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(10);
/// How long no request must have been in flight before the server stops.
const QUIET: Duration = Duration::from_millis(300);
const POLL: Duration = Duration::from_millis(20);
/// How long actix's accept thread is given to stop watching the listener.
const ACCEPT_PAUSED: Duration = Duration::from_millis(50);

/// Whether the server is draining, and how many requests are in flight.
#[derive(Default)]
pub struct Drain {
    draining: AtomicBool,
    in_flight: AtomicUsize,
}

/// Counts the request while it runs; once draining, asks the client to
/// close the connection after this answer.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let drain = req.app_data::<web::Data<Drain>>().cloned();
    let _flight = drain.as_deref().map(|d| Flight::new(d));
    let mut res = next.call(req).await?;
    if drain
        .as_ref()
        .is_some_and(|d| d.draining.load(Ordering::Acquire))
    {
        res.response_mut()
            .head_mut()
            .set_connection_type(ConnectionType::Close);
    }
    Ok(res)
}

impl Drain {
    /// Whether the process is stopping: background work takes nothing new.
    pub fn draining(&self) -> bool {
        self.draining.load(Ordering::Acquire)
    }

    /// Counts background work (a webhook delivery) as in flight until the
    /// guard drops, so that stopping waits for it (up to
    /// `SHUTDOWN_TIMEOUT`).
    pub fn flight(&self) -> Flight<'_> {
        Flight::new(self)
    }
}

/// Work in flight, while it lives.
pub struct Flight<'a>(&'a Drain);

impl<'a> Flight<'a> {
    fn new(drain: &'a Drain) -> Flight<'a> {
        drain.in_flight.fetch_add(1, Ordering::AcqRel);
        Flight(drain)
    }
}

impl Drop for Flight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Waits for `SIGTERM` or `SIGINT`, then drains and stops `server`.
/// `listener` is a handle on the server's listening socket.
pub async fn on_signal(drain: web::Data<Drain>, server: ServerHandle, listener: TcpListener) {
    use actix_web::rt::signal::unix::{signal, SignalKind};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        tracing::error!("cannot watch for SIGTERM; stopping on it will not drain");
        return;
    };
    futures_util::future::select(Box::pin(term.recv()), Box::pin(int.recv())).await;
    tracing::info!("stopping: finishing the requests in flight");
    // actix's accept thread stops watching the listener (it answers the
    // pause a moment after `pause` returns), then the listener is shut, so
    // the thread never tries to accept on a shut socket. A connection that
    // arrives in that moment is reset; after it, every one is refused.
    server.pause().await;
    actix_web::rt::time::sleep(ACCEPT_PAUSED).await;
    if let Err(e) = socket2::SockRef::from(&listener).shutdown(std::net::Shutdown::Both) {
        tracing::warn!(error = %e, "cannot shut the listener; new connections wait for the exit");
    }
    // Only now ask keep-alive clients to close: they reconnect to a
    // listener that refuses them, not to one that queues them to reset.
    drain.draining.store(true, Ordering::Release);
    let started = Instant::now();
    let mut quiet_since = Instant::now();
    while started.elapsed() < SHUTDOWN_TIMEOUT && quiet_since.elapsed() < QUIET {
        if drain.in_flight.load(Ordering::Acquire) > 0 {
            quiet_since = Instant::now();
        }
        actix_web::rt::time::sleep(POLL).await;
    }
    server.stop(true).await;
}
