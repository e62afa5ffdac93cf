//! Database access: one code path for SQLite and PostgreSQL through diesel's
//! `MultiConnection`, pools, migrations, and the helpers that keep every
//! database call off the actix workers.

pub mod schema;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::R2D2Connection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::ApiError;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to either backend. Queries written against it run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where the database lives, parsed from `KITH_DATABASE_URL`.
#[derive(Clone, Debug)]
pub enum DbTarget {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DbTarget {
    /// `sqlite://relative/path`, `sqlite:///absolute/path` or `postgres://…`.
    pub fn parse(url: &str) -> Result<DbTarget, String> {
        if let Some(rest) = url.strip_prefix("sqlite://") {
            if rest.is_empty() {
                return Err("sqlite:// needs a file path, e.g. sqlite://data/kith.db".into());
            }
            Ok(DbTarget::Sqlite(PathBuf::from(rest)))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(DbTarget::Postgres(url.to_string()))
        } else {
            Err("the database URL must start with sqlite:// or postgres://".into())
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            DbTarget::Sqlite(_) => Backend::Sqlite,
            DbTarget::Postgres(_) => Backend::Postgres,
        }
    }

    /// Opens one connection, reporting the backend's own error message.
    pub fn connect(&self) -> Result<DbConn, String> {
        match self {
            DbTarget::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
                }
                let path_str = path
                    .to_str()
                    .ok_or_else(|| "the SQLite path is not valid UTF-8".to_string())?;
                let mut conn = diesel::SqliteConnection::establish(path_str)
                    .map_err(|e| format!("cannot open SQLite database {path_str}: {e}"))?;
                // busy_timeout first: switching to WAL itself may wait for a lock.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                )
                .map_err(|e| format!("cannot configure SQLite: {e}"))?;
                Ok(DbConn::Sqlite(conn))
            }
            DbTarget::Postgres(url) => diesel::PgConnection::establish(url)
                .map(DbConn::Postgresql)
                .map_err(|e| format!("cannot connect to PostgreSQL: {e}")),
        }
    }

    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            DbTarget::Sqlite(p) => Some(p),
            DbTarget::Postgres(_) => None,
        }
    }
}

/// Runs every pending migration of the connection's backend.
pub fn migrate(conn: &mut DbConn) -> Result<usize, String> {
    let applied = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        DbConn::Postgresql(c) => c.run_pending_migrations(PG_MIGRATIONS).map(|v| v.len()),
    };
    applied.map_err(|e| format!("migration failed: {e}"))
}

struct Manager(DbTarget);

#[derive(Debug)]
struct ConnectError(String);

impl std::fmt::Display for ConnectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConnectError {}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConn;
    type Error = ConnectError;

    fn connect(&self) -> Result<DbConn, ConnectError> {
        self.0.connect().map_err(ConnectError)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), ConnectError> {
        conn.ping().map_err(|e| ConnectError(e.to_string()))
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        conn.is_broken()
    }
}

type Pool = r2d2::Pool<Manager>;

/// The pools of one database. SQLite gets one writer connection: SQLite
/// allows a single writer anyway, and serialising writes in the process means
/// a transaction that reads before it writes can never meet "database is
/// locked" from a sibling connection. PostgreSQL reads and writes share a pool.
#[derive(Clone)]
pub struct Db {
    read: Pool,
    write: Pool,
    /// Permits to enter the blocking pool, one per connection: requests
    /// queue here, in async land, instead of as blocked threads fighting
    /// over the pool (which costs far more than the queries on 2 cores).
    read_gate: Arc<Semaphore>,
    write_gate: Arc<Semaphore>,
    pub backend: Backend,
}

impl Db {
    pub fn open(target: &DbTarget, pool_size: u32) -> Result<Db, String> {
        // One direct connection first: it migrates, and reports a real error.
        let mut conn = target.connect()?;
        migrate(&mut conn)?;
        drop(conn);
        let build = |size: u32| {
            r2d2::Pool::builder()
                .max_size(size)
                .min_idle(Some(1))
                .test_on_check_out(false)
                .connection_timeout(Duration::from_secs(10))
                .build(Manager(target.clone()))
                .map_err(|e| format!("cannot open the connection pool: {e}"))
        };
        match target.backend() {
            Backend::Sqlite => Ok(Db {
                read: build(pool_size.max(1))?,
                write: build(1)?,
                read_gate: Arc::new(Semaphore::new(pool_size.max(1) as usize)),
                write_gate: Arc::new(Semaphore::new(1)),
                backend: Backend::Sqlite,
            }),
            Backend::Postgres => {
                let size = pool_size.max(2);
                let pool = build(size)?;
                let gate = Arc::new(Semaphore::new(size as usize));
                Ok(Db {
                    read: pool.clone(),
                    write: pool,
                    read_gate: gate.clone(),
                    write_gate: gate,
                    backend: Backend::Postgres,
                })
            }
        }
    }

    /// Runs `f` on a pooled read connection, on the blocking thread pool.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let _permit = self.read_gate.acquire().await.map_err(ApiError::internal)?;
        let pool = self.read.clone();
        let span = tracing::Span::current();
        actix_web::web::block(move || {
            let _entered = span.enter();
            let mut pooled = pool.get().map_err(ApiError::unavailable)?;
            f(&mut pooled)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Runs `f` inside one transaction on the writer, on the blocking pool.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let _permit = self
            .write_gate
            .acquire()
            .await
            .map_err(ApiError::internal)?;
        let pool = self.write.clone();
        let span = tracing::Span::current();
        actix_web::web::block(move || {
            let _entered = span.enter();
            let mut pooled = pool.get().map_err(ApiError::unavailable)?;
            let conn: &mut DbConn = &mut pooled;
            conn.transaction(f)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// `read` on behalf of an authenticated user: in the same call, checks
    /// the account still exists, so a deleted account's tokens stop working
    /// at once.
    pub async fn read_as<T, F>(&self, user_id: String, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        self.read(move |conn| {
            crate::auth::queries::check_account(conn, &user_id)?;
            f(conn)
        })
        .await
    }

    /// `write` on behalf of an authenticated user (see `read_as`).
    pub async fn write_as<T, F>(&self, user_id: String, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        self.write(move |conn| {
            crate::auth::queries::check_account(conn, &user_id)?;
            f(conn)
        })
        .await
    }

    /// True when a fresh query reaches the database.
    pub async fn ping(&self) -> bool {
        self.read(|conn| {
            conn.batch_execute("SELECT 1")
                .map_err(ApiError::unavailable)
        })
        .await
        .is_ok()
    }
}
