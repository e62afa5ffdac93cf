//! Settings, layered: built-in defaults, then a TOML file (`KITH_CONFIG`, or
//! `kith.toml` in the working folder when it exists), then `KITH_…`
//! environment variables, which win. Secrets are wrapped so they never reach
//! a log.

use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::db::DbTarget;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/kith.db";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
const MIN_SECRET_BYTES: usize = 32;

/// What the file may set (every key optional).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    database_url: Option<String>,
    listen: Option<String>,
    jwt_secret: Option<String>,
    access_token_ttl_secs: Option<i64>,
    refresh_token_ttl_days: Option<i64>,
    pool_size: Option<u32>,
    workers: Option<usize>,
    log_format: Option<String>,
    data_dir: Option<String>,
    public_url: Option<String>,
    cors_origins: Option<String>,
    rate_register_per_minute: Option<u32>,
    rate_login_per_minute: Option<u32>,
    rate_refresh_per_minute: Option<u32>,
    refresh_reuse_grace_secs: Option<i64>,
    login_lockout_failures: Option<u32>,
    login_lockout_minutes: Option<i64>,
    rate_per_user_per_minute: Option<u32>,
    trust_proxy: Option<bool>,
    metrics_token: Option<String>,
    idempotency_lease_secs: Option<i64>,
    webhook_allow_private: Option<bool>,
    webhook_poll_ms: Option<u64>,
    webhook_timeout_secs: Option<u64>,
    webhook_reminder_secs: Option<u64>,
    search_pages_kib: Option<usize>,
}

#[derive(Clone)]
pub struct Settings {
    pub database_url: String,
    pub listen: String,
    /// The HMAC key; `None` means "use (or create) the one kept with the data".
    pub jwt_secret: Option<SecretString>,
    pub access_token_ttl_secs: i64,
    pub refresh_token_ttl_days: i64,
    /// Database connections (one thread each); 0: chosen from the cores.
    pub pool_size: u32,
    pub workers: usize,
    pub log_json: bool,
    /// Where generated state (the signing key) is kept; default: beside the
    /// SQLite file, or `./data`.
    pub data_dir: Option<PathBuf>,
    /// The public base URL (for absolute links such as feed URLs); default:
    /// taken from each request's Host.
    pub public_url: Option<String>,
    /// `*` or a comma-separated list of allowed origins.
    pub cors_origins: String,
    /// Per client address and minute (0: no limit).
    pub rate_register_per_minute: u32,
    pub rate_login_per_minute: u32,
    pub rate_refresh_per_minute: u32,
    /// A refresh token presented again within this many seconds of its
    /// rotation gets the same successor (two tabs or threads refreshing at
    /// once); later, reuse revokes its family.
    pub refresh_reuse_grace_secs: i64,
    /// Failed logins of one account that lock its logins…
    pub login_lockout_failures: u32,
    /// …within, and for, this many minutes.
    pub login_lockout_minutes: i64,
    /// Requests per user and minute (0: off, the default).
    pub rate_per_user_per_minute: u32,
    /// Take the client address from `X-Forwarded-For` (behind a proxy you run).
    pub trust_proxy: bool,
    /// How long a request with an `Idempotency-Key` holds the key before a
    /// retry may take it over (its process presumed gone).
    pub idempotency_lease_secs: i64,
    /// When set, `GET /metrics` asks for `Authorization: Bearer <token>`.
    pub metrics_token: Option<SecretString>,
    /// Webhooks may point into private networks (tests, a private network
    /// of your own); off by default.
    pub webhook_allow_private: bool,
    /// How often the delivery worker looks for changes and due deliveries.
    pub webhook_poll_ms: u64,
    /// How long a delivery waits for the endpoint's answer.
    pub webhook_timeout_secs: u64,
    /// How often the agenda's reminders are looked for (0: every pass).
    pub webhook_reminder_secs: u64,
    /// KiB of a user's search pages kept in memory until their next write
    /// (`contacts::kept`), for the 8 users who searched last; 0: none kept.
    pub search_pages_kib: usize,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("database_url", &redact_url(&self.database_url))
            .field("listen", &self.listen)
            .field(
                "jwt_secret",
                &self.jwt_secret.as_ref().map(|_| "[redacted]"),
            )
            .field("pool_size", &self.pool_size)
            .field("workers", &self.workers)
            .finish()
    }
}

/// A database URL with any password replaced, fit for a log line.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: DEFAULT_DATABASE_URL.to_string(),
            listen: DEFAULT_LISTEN.to_string(),
            jwt_secret: None,
            access_token_ttl_secs: 15 * 60,
            refresh_token_ttl_days: 30,
            pool_size: 0,
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            log_json: false,
            data_dir: None,
            public_url: None,
            cors_origins: "*".to_string(),
            rate_register_per_minute: 60,
            rate_login_per_minute: 120,
            rate_refresh_per_minute: 120,
            refresh_reuse_grace_secs: 30,
            login_lockout_failures: 10,
            login_lockout_minutes: 15,
            rate_per_user_per_minute: 0,
            trust_proxy: false,
            metrics_token: None,
            idempotency_lease_secs: 60,
            webhook_allow_private: false,
            webhook_poll_ms: 1000,
            webhook_timeout_secs: 15,
            webhook_reminder_secs: 60,
            search_pages_kib: 1024,
        }
    }
}

impl Settings {
    /// Defaults → file → environment.
    pub fn load() -> Result<Settings, String> {
        let mut s = Settings::default();
        let explicit = std::env::var("KITH_CONFIG").ok();
        let path = explicit.clone().unwrap_or_else(|| "kith.toml".to_string());
        if explicit.is_some() || Path::new(&path).exists() {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read config file {path}: {e}"))?;
            let file: FileSettings =
                toml::from_str(&text).map_err(|e| format!("config file {path}: {e}"))?;
            s.apply_file(file);
        }
        s.apply_env(|k| std::env::var(k).ok())?;
        s.check()?;
        Ok(s)
    }

    fn apply_file(&mut self, f: FileSettings) {
        if let Some(v) = f.database_url {
            self.database_url = v;
        }
        if let Some(v) = f.listen {
            self.listen = v;
        }
        if let Some(v) = f.jwt_secret {
            self.jwt_secret = Some(SecretString::from(v));
        }
        if let Some(v) = f.access_token_ttl_secs {
            self.access_token_ttl_secs = v;
        }
        if let Some(v) = f.refresh_token_ttl_days {
            self.refresh_token_ttl_days = v;
        }
        if let Some(v) = f.pool_size {
            self.pool_size = v;
        }
        if let Some(v) = f.workers {
            self.workers = v;
        }
        if let Some(v) = f.log_format {
            self.log_json = v == "json";
        }
        if let Some(v) = f.data_dir {
            self.data_dir = Some(PathBuf::from(v));
        }
        if let Some(v) = f.public_url {
            self.public_url = Some(v);
        }
        if let Some(v) = f.metrics_token.filter(|v| !v.is_empty()) {
            self.metrics_token = Some(SecretString::from(v));
        }
        crate::set_present!(
            self,
            f;
            cors_origins,
            rate_register_per_minute,
            rate_login_per_minute,
            rate_refresh_per_minute,
            refresh_reuse_grace_secs,
            login_lockout_failures,
            login_lockout_minutes,
            rate_per_user_per_minute,
            trust_proxy,
            idempotency_lease_secs,
            webhook_allow_private,
            webhook_poll_ms,
            webhook_timeout_secs,
            webhook_reminder_secs,
            search_pages_kib
        );
    }

    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<(), String> {
        fn num<T: std::str::FromStr>(name: &str, v: String) -> Result<T, String> {
            v.parse()
                .map_err(|_| format!("{name} must be a number, got {v:?}"))
        }
        if let Some(v) = get("KITH_DATABASE_URL") {
            self.database_url = v;
        }
        if let Some(v) = get("KITH_LISTEN") {
            self.listen = v;
        }
        if let Some(v) = get("KITH_JWT_SECRET") {
            self.jwt_secret = Some(SecretString::from(v));
        }
        if let Some(v) = get("KITH_ACCESS_TOKEN_TTL_SECS") {
            self.access_token_ttl_secs = num("KITH_ACCESS_TOKEN_TTL_SECS", v)?;
        }
        if let Some(v) = get("KITH_REFRESH_TOKEN_TTL_DAYS") {
            self.refresh_token_ttl_days = num("KITH_REFRESH_TOKEN_TTL_DAYS", v)?;
        }
        if let Some(v) = get("KITH_POOL_SIZE") {
            self.pool_size = num("KITH_POOL_SIZE", v)?;
        }
        if let Some(v) = get("KITH_WORKERS") {
            self.workers = num("KITH_WORKERS", v)?;
        }
        if let Some(v) = get("KITH_LOG_FORMAT") {
            self.log_json = v == "json";
        }
        if let Some(v) = get("KITH_DATA_DIR") {
            self.data_dir = Some(PathBuf::from(v));
        }
        if let Some(v) = get("KITH_PUBLIC_URL") {
            self.public_url = Some(v);
        }
        if let Some(v) = get("KITH_CORS_ORIGINS") {
            self.cors_origins = v;
        }
        // Each numeric setting from its variable, refused when not a number.
        macro_rules! env_num {
            ($($f:ident = $name:literal),*) => {
                $(if let Some(v) = get($name) { self.$f = num($name, v)?; })*
            };
        }
        env_num!(
            rate_register_per_minute = "KITH_RATE_REGISTER_PER_MINUTE",
            rate_login_per_minute = "KITH_RATE_LOGIN_PER_MINUTE",
            rate_refresh_per_minute = "KITH_RATE_REFRESH_PER_MINUTE",
            refresh_reuse_grace_secs = "KITH_REFRESH_REUSE_GRACE_SECS",
            login_lockout_failures = "KITH_LOGIN_LOCKOUT_FAILURES",
            login_lockout_minutes = "KITH_LOGIN_LOCKOUT_MINUTES",
            rate_per_user_per_minute = "KITH_RATE_PER_USER_PER_MINUTE",
            idempotency_lease_secs = "KITH_IDEMPOTENCY_LEASE_SECS",
            webhook_poll_ms = "KITH_WEBHOOK_POLL_MS",
            webhook_timeout_secs = "KITH_WEBHOOK_TIMEOUT_SECS",
            webhook_reminder_secs = "KITH_WEBHOOK_REMINDER_SECS",
            search_pages_kib = "KITH_SEARCH_PAGES_KIB"
        );
        if let Some(v) = get("KITH_WEBHOOK_ALLOW_PRIVATE") {
            self.webhook_allow_private = matches!(v.as_str(), "1" | "true" | "yes");
        }
        if let Some(v) = get("KITH_METRICS_TOKEN").filter(|v| !v.is_empty()) {
            self.metrics_token = Some(SecretString::from(v));
        }
        if let Some(v) = get("KITH_TRUST_PROXY") {
            self.trust_proxy = matches!(v.as_str(), "1" | "true" | "yes");
        }
        Ok(())
    }

    pub fn check(&self) -> Result<(), String> {
        DbTarget::parse(&self.database_url).map_err(|e| format!("KITH_DATABASE_URL: {e}"))?;
        if let Some(secret) = &self.jwt_secret {
            if secret.expose_secret().len() < MIN_SECRET_BYTES {
                return Err(format!(
                    "KITH_JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes long; \
                     generate one with: openssl rand -base64 48"
                ));
            }
        }
        if self.access_token_ttl_secs < 1 || self.refresh_token_ttl_days < 1 {
            return Err("token lifetimes must be positive".into());
        }
        if self.workers == 0 {
            return Err("KITH_WORKERS must be at least 1".into());
        }
        if self.idempotency_lease_secs < 1 {
            return Err("KITH_IDEMPOTENCY_LEASE_SECS must be at least 1".into());
        }
        if self.webhook_poll_ms < 10 || self.webhook_timeout_secs < 1 {
            return Err(
                "KITH_WEBHOOK_POLL_MS must be at least 10 and KITH_WEBHOOK_TIMEOUT_SECS at least 1"
                    .into(),
            );
        }
        Ok(())
    }

    pub fn db_target(&self) -> Result<DbTarget, String> {
        DbTarget::parse(&self.database_url)
    }

    /// The folder that keeps generated state: the SQLite file's folder, or
    /// `./data` when the database is PostgreSQL.
    pub fn data_dir(&self) -> PathBuf {
        if let Some(d) = &self.data_dir {
            return d.clone();
        }
        match self.db_target() {
            Ok(DbTarget::Sqlite(p)) => p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            _ => PathBuf::from("data"),
        }
    }

    /// The signing key: the configured one, or one generated once and kept in
    /// the data folder (with a warning: production must set KITH_JWT_SECRET).
    pub fn resolve_jwt_secret(&self) -> Result<SecretString, String> {
        if let Some(s) = &self.jwt_secret {
            return Ok(s.clone());
        }
        let dir = self.data_dir();
        let path = dir.join("jwt-secret");
        tracing::warn!(
            path = %path.display(),
            "KITH_JWT_SECRET is not set: using a generated key kept in the data folder; \
             production deployments must set KITH_JWT_SECRET"
        );
        if let Ok(existing) = std::fs::read_to_string(&path) {
            let existing = existing.trim().to_string();
            if existing.len() >= MIN_SECRET_BYTES {
                return Ok(SecretString::from(existing));
            }
        }
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let secret = crate::ids::random_secret(48);
        write_private(&path, &secret)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(SecretString::from(secret))
    }
}

#[cfg(unix)]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(content.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    std::fs::write(path, content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_wins_over_defaults() {
        let mut s = Settings::default();
        s.apply_env(|k| (k == "KITH_LISTEN").then(|| "0.0.0.0:9000".to_string()))
            .unwrap();
        assert_eq!(s.listen, "0.0.0.0:9000");
    }

    #[test]
    fn a_short_jwt_secret_stops_start_up() {
        let mut s = Settings::default();
        s.apply_env(|k| (k == "KITH_JWT_SECRET").then(|| "short".to_string()))
            .unwrap();
        assert!(s.check().unwrap_err().contains("at least 32 bytes"));
    }

    #[test]
    fn a_logged_database_url_hides_its_password() {
        assert_eq!(
            redact_url("postgres://kith:hunter2@db:5432/kith"),
            "postgres://kith:***@db:5432/kith"
        );
    }

    #[test]
    fn the_data_folder_is_beside_the_sqlite_file() {
        let s = Settings::default();
        assert_eq!(s.data_dir(), PathBuf::from("data"));
    }
}
