//! What an operator watches: counters, gauges and histograms recorded with
//! the `metrics` facade and written by `GET /metrics` in the Prometheus text
//! format (`metrics-exporter-prometheus`, without a listener of its own).
//!
//! The names, each recorded in one place:
//! - `kith_http_requests_total{route, method, status}` and
//!   `kith_http_request_duration_seconds{route, method}` (`http::request_context`;
//!   `route` is the matched template, `/v1/contacts/{id}`, or `unmatched`);
//! - `kith_db_jobs_queued{lane}`, `kith_db_jobs_running{lane}` and
//!   `kith_db_group_commit_size` (`db/lanes.rs`);
//! - `kith_idempotency_keys_in_progress` (`http::idempotency`);
//! - `kith_rate_limit_refusals_total` (`http::ratelimit`);
//! - `kith_changes_recorded_total` (`changes::store::record`: the change
//!   feed's head moving, counted in the transaction that writes it).

use std::sync::OnceLock;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

/// Latency buckets in seconds: 0.5 ms to 10 s.
const SECONDS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// Group-commit sizes: 1 to the lanes' maximum.
const SIZES: &[f64] = &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the recorder (once per process; later calls reuse it).
pub fn install() {
    HANDLE.get_or_init(|| {
        let built = PrometheusBuilder::new()
            .set_buckets_for_metric(
                metrics_exporter_prometheus::Matcher::Suffix("_seconds".into()),
                SECONDS,
            )
            .and_then(|b| {
                b.set_buckets_for_metric(
                    metrics_exporter_prometheus::Matcher::Full("kith_db_group_commit_size".into()),
                    SIZES,
                )
            })
            .and_then(PrometheusBuilder::install_recorder);
        match built {
            Ok(handle) => Some(handle),
            Err(e) => {
                tracing::warn!(error = %e, "metrics are not recorded");
                None
            }
        }
    });
}

/// The Prometheus text of every metric recorded so far.
pub fn render() -> String {
    HANDLE
        .get()
        .and_then(Option::as_ref)
        .map(PrometheusHandle::render)
        .unwrap_or_default()
}
