//! Database access: one code path for SQLite and PostgreSQL through diesel's
//! `MultiConnection`, pools, migrations, and the helpers that keep every
//! database call off the actix workers.

mod checkpoint;
mod each_alone;
mod lanes;
pub mod prepared;
pub mod schema;
pub mod search_index;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::ApiError;
pub use each_alone::each_alone;
use lanes::{found_or_missing, Lanes, Lookup, Mode};
pub use lanes::{AccountGate, LookupFn, LookupKind};

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
                // A page cache of 32 MiB (the default is 2 MiB): a large write
                // (an import of 10,000 contacts) otherwise spills its pages to
                // the WAL and reads them back (docs/BENCHMARKS.md, "Imports").
                // Temporary files in memory: a group commit's savepoints copy
                // each page they first change to a statement journal, which
                // is otherwise a file (written, never synced: a cost of the
                // kernel's alone; docs/BENCHMARKS.md, "Search").
                // The file mapped (up to SQLite's most, 2 GiB): a read takes
                // a page the kernel holds where it lies, without copying it
                // into the cache first (searches at 64 connections 15-35 %
                // faster on the 100,000-contact seed; reads by id the same
                // once the kernel holds the file, 5-10 % slower before;
                // docs/decisions.md). Writes still go through the cache.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                     PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY; \
                     PRAGMA mmap_size = 2147418112;",
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

/// Keeps SQLite's planner statistics current: `PRAGMA optimize` analyzes a
/// table only when it has never been analyzed, an index of it has no
/// statistics yet (a migration added it), or its size changed tenfold; with
/// current statistics it returns at once. Run when the database opens and
/// every hour by the writer. Plans that choose between an index that filters
/// and one that sorts, or between a list of ids and the user's index, depend
/// on these numbers; a sampled analysis (`analysis_limit`) was tried and
/// misjudged how many contacts one user has, so analyses are full (about
/// 0.2 s for 100,000 contacts). PostgreSQL's autovacuum does this by itself.
pub(super) fn optimize(conn: &mut DbConn) {
    if let DbConn::Sqlite(c) = conn {
        if let Err(e) = c.batch_execute("PRAGMA optimize = 0x10002;") {
            tracing::warn!(error = %e, "PRAGMA optimize failed");
        }
    }
}

/// The connection threads of one database. SQLite gets one writer thread:
/// SQLite allows a single writer anyway, and serialising writes in the
/// process means a transaction that reads before it writes can never meet
/// "database is locked" from a sibling connection. PostgreSQL reads and
/// writes share one set of threads.
#[derive(Clone)]
pub struct Db {
    read: Lanes,
    write: Lanes,
    /// For reads whose statements are planned once (see `read_owned`).
    planned: Lanes,
    gate: AccountGate,
    in_write: WriteHook,
    pub backend: Backend,
    /// SQLite's WAL checkpoints, on a thread of their own while `Db` lives.
    _checkpoints: Option<checkpoint::Checkpoints>,
}

/// Work to commit with a write, in its transaction.
pub type TxWork = Box<dyn FnOnce(&mut DbConn) -> QueryResult<()> + Send>;

/// Asked on the requesting task whenever a write is asked for: what else to
/// commit with it (set by the caller of `Db::open` with `with_write_hook`;
/// the idempotency keys use it to record that a request's work committed).
pub type WriteHook = fn() -> Option<TxWork>;

fn nothing_more() -> Option<TxWork> {
    None
}

impl Db {
    pub fn open(target: &DbTarget, pool_size: u32, gate: AccountGate) -> Result<Db, String> {
        // One direct connection first: it migrates, and reports a real error.
        let mut conn = target.connect()?;
        migrate(&mut conn)?;
        search_index::ensure(&mut conn);
        optimize(&mut conn);
        drop(conn);
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get() as u32);
        match target.backend() {
            // A SQLite read is CPU work in this process: one reader per core.
            Backend::Sqlite => {
                let readers = auto(pool_size, cores);
                let read = Lanes::start(target, readers, 0, "read", Mode::Single, gate, "")?;
                Ok(Db {
                    planned: read.clone(),
                    read,
                    write: Lanes::start(
                        target,
                        1,
                        0,
                        "write",
                        Mode::GroupCommit,
                        gate,
                        checkpoint::BACKSTOP,
                    )?,
                    gate,
                    in_write: nothing_more,
                    backend: Backend::Sqlite,
                    _checkpoints: Some(checkpoint::Checkpoints::start(target)?),
                })
            }
            Backend::Postgres => {
                // A PostgreSQL query mostly waits on the server: more
                // connections than cores keep both sides busy. Lookups go
                // to one thread per core only: each thread wakes the
                // server's process and itself for every statement, and
                // lookups waiting together share one, so fewer threads
                // share more (on 2 cores, lookups on all four answered
                // `GET /v1/contacts/{id}` a quarter slower than on two).
                let threads = auto(pool_size, (2 * cores).max(4));
                let lookups = cores.min(threads);
                let lanes = Lanes::start(target, threads, 0, "pg", Mode::Single, gate, "")?;
                // PostgreSQL plans a prepared statement again at each
                // execution while it expects a better plan from the values
                // (always, for a statement with a bound `LIMIT`): planning
                // was 40% of the server's work for a page of contacts
                // (docs/BENCHMARKS.md, "PostgreSQL profile"). These
                // connections use the plan made without values, once.
                let planned = Lanes::start(
                    target,
                    threads,
                    lookups,
                    "pg-planned",
                    Mode::Single,
                    gate,
                    "SET plan_cache_mode = force_generic_plan",
                )?;
                Ok(Db {
                    planned,
                    read: lanes.clone(),
                    write: lanes,
                    gate,
                    in_write: nothing_more,
                    backend: Backend::Postgres,
                    _checkpoints: None,
                })
            }
        }
    }

    /// Every write also commits what `hook` gives (see `WriteHook`).
    pub fn with_write_hook(mut self, hook: WriteHook) -> Db {
        self.in_write = hook;
        self
    }

    /// Runs `f` on a read connection, on a database thread.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        self.read.run(f).await
    }

    /// Runs `f` inside one transaction on the writer, on a database thread.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let more = (self.in_write)();
        self.write
            .run(move |conn| {
                conn.transaction(|c| {
                    hold_write_lock(c)?;
                    let out = f(c)?;
                    if let Some(more) = more {
                        more(c)?;
                    }
                    Ok(out)
                })
            })
            .await
    }

    /// `read` on behalf of an authenticated user: in the same call, checks
    /// the account still exists, so a deleted account's tokens stop working
    /// at once.
    pub async fn read_as<T, F>(&self, user_id: String, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let check = self.gate.check;
        self.read(move |conn| {
            check(conn, &user_id)?;
            f(conn)
        })
        .await
    }

    /// `read_as` for reads of the user's own rows whose statements have one
    /// good plan whatever the values bound (a keyset page walking the index
    /// that orders it, a lookup by key): on PostgreSQL they run where
    /// statements are planned once. `f` also says whether it found any of
    /// the user's rows: one found proves the account exists (every row goes
    /// with its account), so the account is checked only when none was.
    pub async fn read_owned<T, F>(&self, user_id: String, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<(T, bool), ApiError> + Send + 'static,
        T: Send + 'static,
    {
        self.found_on(&self.planned, user_id, f).await
    }

    /// `read_owned` for reads whose plans do depend on the values bound:
    /// the account is checked only when `f` found none of the user's rows,
    /// and each statement is planned for its values.
    pub async fn read_found<T, F>(&self, user_id: String, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<(T, bool), ApiError> + Send + 'static,
        T: Send + 'static,
    {
        self.found_on(&self.read, user_id, f).await
    }

    /// A read in two parts, as `read_owned` and then `read_found`: `first`
    /// where statements are planned once, and when it hands on `Continue`,
    /// `then` (given what it handed on) where each statement is planned for
    /// its values. Each says whether it found any of the user's rows, as
    /// there. On SQLite, whose statements are planned once for all, both
    /// run in one job.
    pub async fn read_in_two<T, S, F, G>(
        &self,
        user_id: String,
        first: F,
        then: G,
    ) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<ControlFlow<(T, bool), S>, ApiError> + Send + 'static,
        G: FnOnce(&mut DbConn, S) -> Result<(T, bool), ApiError> + Send + 'static,
        T: Send + 'static,
        S: Send + 'static,
    {
        if self.backend == Backend::Sqlite {
            let both = move |conn: &mut DbConn| match first(conn)? {
                ControlFlow::Break(done) => Ok(done),
                ControlFlow::Continue(rest) => then(conn, rest),
            };
            return self.found_on(&self.read, user_id, both).await;
        }
        // What the first part hands on is checked by the second.
        let first = move |conn: &mut DbConn| {
            Ok(match first(conn)? {
                ControlFlow::Break((answer, found)) => (ControlFlow::Break(answer), found),
                ControlFlow::Continue(rest) => (ControlFlow::Continue(rest), true),
            })
        };
        match self.found_on(&self.planned, user_id.clone(), first).await? {
            ControlFlow::Break(answer) => Ok(answer),
            ControlFlow::Continue(rest) => {
                self.found_on(&self.read, user_id, move |conn| then(conn, rest))
                    .await
            }
        }
    }

    async fn found_on<T, F>(&self, lanes: &Lanes, user_id: String, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<(T, bool), ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let check = self.gate.check;
        lanes
            .run(move |conn| {
                let (answer, found) = f(conn)?;
                if !found {
                    check(conn, &user_id)?;
                }
                Ok(answer)
            })
            .await
    }

    /// The user's row `id` of `kind`, as its version and JSON, or `404`
    /// (`401` when the account is gone): a read of one row the user owns,
    /// which concurrent requests share (see `serve_jobs`).
    pub async fn lookup_as(
        &self,
        kind: &'static LookupKind,
        user_id: String,
        id: String,
    ) -> Result<(i32, String), ApiError> {
        if self.backend == Backend::Sqlite {
            // A SQLite read is CPU work in this process: a batch on one
            // reader would leave the other cores' readers idle.
            let gate = self.gate;
            return self
                .planned
                .run(move |conn| {
                    let row = (kind.read)(conn, &[(&user_id, &id)])?.pop().flatten();
                    found_or_missing(conn, gate, &user_id, row)
                })
                .await;
        }
        let (reply, rx) = tokio::sync::oneshot::channel();
        self.planned
            .lookups
            .send(Lookup {
                kind,
                user_id,
                id,
                reply,
                span: tracing::Span::current(),
            })
            .map_err(|_| ApiError::internal("the database threads have stopped"))?;
        rx.await
            .map_err(|_| ApiError::internal("a database lookup panicked"))?
    }

    /// `write` on behalf of an authenticated user (see `read_as`); on
    /// PostgreSQL the account's row stays locked until the commit (see
    /// `for_update!`).
    pub async fn write_as<T, F>(&self, user_id: String, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let lock = self.gate.lock;
        self.write(move |conn| {
            lock(conn, &user_id)?;
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

/// Takes SQLite's write lock first thing in a writer's transaction, as
/// `BEGIN IMMEDIATE` would (diesel's `transaction` begins deferred). With
/// another writer on the same file (a second server), a transaction that
/// read before its first write failed with "database is locked" when the
/// other committed in between (SQLite cannot move its snapshot forward);
/// holding the lock from the start, it waits for the other
/// (`busy_timeout`) instead. A delete of no row: nothing is written.
fn hold_write_lock(conn: &mut DbConn) -> QueryResult<()> {
    match conn {
        DbConn::Sqlite(c) => prepared::sql("DELETE FROM __diesel_schema_migrations WHERE 0")
            .execute(c)
            .map(|_| ()),
        DbConn::Postgresql(_) => Ok(()),
    }
}

/// The configured pool size, or `automatic` when it is 0.
fn auto(configured: u32, automatic: u32) -> u32 {
    if configured == 0 {
        automatic
    } else {
        configured
    }
}

/// Runs the same diesel expression on the concrete connection of either
/// backend. Through `DbConn` itself, diesel renders a query's SQL on every
/// execution to find its prepared statement; on the concrete connection a
/// query with a static shape finds it by type, and rows are read without
/// the multi-backend layer. For the hottest queries. `|c, DB|` also names
/// the concrete backend type, for queries that are boxed.
#[macro_export]
macro_rules! per_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConn::Sqlite($c) => $body,
            $crate::db::DbConn::Postgresql($c) => $body,
        }
    };
    ($conn:expr, |$c:ident, $db:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConn::Sqlite($c) => {
                #[allow(dead_code)]
                type $db = diesel::sqlite::Sqlite;
                $body
            }
            $crate::db::DbConn::Postgresql($c) => {
                #[allow(dead_code)]
                type $db = diesel::pg::Pg;
                $body
            }
        }
    };
}

/// `$query` narrowed to the rows after `($k, $id)` of a keyset page
/// ordered by `$key` (`lt`: descending, `gt`: ascending), then by `$id_col`
/// (`lt` or `gt` as well). The condition begins with the bound it implies
/// (`$key <= $k`, or `>=`), which PostgreSQL starts the index's range at:
/// from the `OR` alone it reads the index from its start, and every row
/// before the cursor with it (the 400th page of interactions: 13 ms, the
/// first 1).
#[macro_export]
macro_rules! keyset_after {
    ($query:expr, $key:expr, $k:expr, $id_col:expr, $id:expr, lt, $id_op:ident) => {
        $crate::keyset_after!(@ $query, $key, $k, $id_col, $id, lt, le, $id_op)
    };
    ($query:expr, $key:expr, $k:expr, $id_col:expr, $id:expr, gt, $id_op:ident) => {
        $crate::keyset_after!(@ $query, $key, $k, $id_col, $id, gt, ge, $id_op)
    };
    (@ $query:expr, $key:expr, $k:expr, $id_col:expr, $id:expr, $op:ident, $bound:ident, $id_op:ident) => {
        $query
            .filter($key.$bound($k.clone()))
            .filter($key.$op($k.clone()).or($key.eq($k).and($id_col.$id_op($id))))
    };
}

/// The user's row `$id` of `$table` (a schema module with `user_id` and
/// `id` columns) as `$row`, as a query: every resource reads its rows so.
#[macro_export]
macro_rules! owned_by_id {
    ($table:ident, $row:ty, $user_id:expr, $id:expr) => {
        $table::table
            .filter($table::user_id.eq($user_id))
            .filter($table::id.eq($id))
            .select(<$row>::as_select())
    };
}

/// Loads the row a write is about to change (at most one: a query by
/// primary key), as `Option`. On PostgreSQL it is locked until the
/// transaction ends (`FOR NO KEY UPDATE`, the lock an `UPDATE` of it takes
/// anyway): a concurrent write of the same row waits for this one, then
/// reads what it wrote, so no update is lost and a stale `If-Match` answers
/// `412`. Every write locks its account's row first (`Db::write_as`), so a
/// user's writes take their locks in one order and cannot deadlock. SQLite
/// has one writer: nothing can change a row between a write's read and its
/// update.
#[macro_export]
macro_rules! for_update {
    ($conn:expr, $query:expr) => {{
        use diesel::OptionalExtension as _;
        match $conn {
            $crate::db::DbConn::Sqlite(c) => $query.get_result(c).optional(),
            $crate::db::DbConn::Postgresql(c) => {
                $query.for_no_key_update().get_result(c).optional()
            }
        }
    }};
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::dsl::sql;
    use diesel::sql_types::BigInt;

    fn no_check(_: &mut DbConn, _: &str) -> Result<(), ApiError> {
        Ok(())
    }

    /// These tests act for no account.
    const ANYONE: AccountGate = AccountGate {
        check: no_check,
        lock: no_check,
    };

    fn rows(db: &Db) -> i64 {
        actix_web::rt::System::new()
            .block_on(db.read(|c| Ok(rows_in(c))))
            .unwrap()
    }

    type Pending<'a> =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<i64, ApiError>> + 'a>>;

    /// Holds the writer until every job below is queued, so they run as one
    /// group: each job inserts a row and every third one then fails. The
    /// failed jobs' rows must be gone, every other row kept.
    #[test]
    fn a_failed_job_in_a_group_commit_undoes_only_its_own_writes() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&DbTarget::Sqlite(dir.path().join("t.db")), 1, ANYONE).unwrap();
        let (release, held) = std::sync::mpsc::channel::<()>();
        let outcomes = actix_web::rt::System::new().block_on(async {
            let gate = db.write(move |c| {
                c.batch_execute("CREATE TABLE scratch (n INTEGER NOT NULL)")?;
                held.recv().ok();
                Ok(0i64)
            });
            let jobs = (1..=12).map(|n: i64| {
                db.write(move |c| {
                    c.batch_execute(&format!("INSERT INTO scratch VALUES ({n})"))?;
                    if n % 3 == 0 {
                        return Err(ApiError::conflict("test", "this job fails"));
                    }
                    Ok(n)
                })
            });
            let mut all: Vec<Pending> = vec![Box::pin(gate)];
            all.extend(jobs.map(|j| Box::pin(j) as Pending));
            all.push(Box::pin(async move {
                release.send(()).ok();
                Ok(-1)
            }));
            futures_util::future::join_all(all).await
        });
        let failed = outcomes.iter().filter(|o| o.is_err()).count();
        assert_eq!(failed, 4, "jobs 3, 6, 9 and 12 fail, the others succeed");
        for (n, o) in outcomes.iter().enumerate().skip(1).take(12) {
            assert_eq!(o.is_ok(), n % 3 != 0, "job {n}");
        }
        assert_eq!(
            rows(&db),
            8,
            "the 8 successful jobs' rows, none of the failed ones'"
        );
    }

    #[test]
    fn a_panicking_job_answers_500_and_the_writer_carries_on() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&DbTarget::Sqlite(dir.path().join("t.db")), 1, ANYONE).unwrap();
        let system = actix_web::rt::System::new();
        system
            .block_on(db.write(|c| Ok(c.batch_execute("CREATE TABLE scratch (n INTEGER)")?)))
            .unwrap();
        let panicked = system.block_on(db.write(|c| {
            c.batch_execute("INSERT INTO scratch VALUES (1)")?;
            if rows_in(c) > 0 {
                panic!("a bug in a handler");
            }
            Ok(())
        }));
        assert_eq!(panicked.unwrap_err().status.as_u16(), 500);
        system
            .block_on(db.write(|c| Ok(c.batch_execute("INSERT INTO scratch VALUES (2)")?)))
            .unwrap();
        assert_eq!(rows(&db), 1, "the panicking job's row was rolled back");
    }

    /// Writes well below the writer's own checkpoint threshold still reach
    /// the database file: the checkpoint thread copies them there, so the
    /// writer never has to (before, the WAL grew to 1,000 pages first and
    /// the commit that crossed it copied them).
    #[test]
    fn the_wal_is_checkpointed_by_its_own_thread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let db = Db::open(&DbTarget::Sqlite(path.clone()), 1, ANYONE).unwrap();
        let system = actix_web::rt::System::new();
        system
            .block_on(
                db.write(|c| Ok(c.batch_execute("CREATE TABLE scratch (n INTEGER, b BLOB)")?)),
            )
            .unwrap();
        let file_size = || std::fs::metadata(&path).unwrap().len();
        let before = file_size();
        // About 2 MiB in 50 commits: 500 pages, half the old threshold.
        for n in 0..50 {
            system
                .block_on(db.write(move |c| {
                    Ok(c.batch_execute(&format!(
                        "INSERT INTO scratch VALUES ({n}, randomblob(40000))"
                    ))?)
                }))
                .unwrap();
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while file_size() < before + 2_000_000 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(
            file_size() >= before + 2_000_000,
            "the database file holds the writes ({} bytes, {before} before)",
            file_size()
        );
        assert_eq!(rows(&db), 50);
    }

    /// The writer merges the search indexes' segments while it has nothing
    /// else to do: rows added one commit at a time leave an FTS5 index in
    /// several segments, which every search reads, and idle the writer
    /// makes them one; every row is found as before.
    #[test]
    fn the_idle_writer_merges_the_search_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let target = DbTarget::Sqlite(dir.path().join("t.db"));
        let segments = |c: &mut DbConn| {
            diesel::select(sql::<BigInt>(
                "(SELECT count(DISTINCT segid) FROM interactions_fts_idx)",
            ))
            .get_result::<i64>(c)
            .unwrap()
        };
        let mut c = target.connect().unwrap();
        migrate(&mut c).unwrap();
        // Forty commits of one entry each (as forty writes far apart).
        for n in 0..40 {
            c.batch_execute(&format!(
                "INSERT INTO interactions_fts(rowid, search_text) VALUES ({n}, 'tidy row {n}')"
            ))
            .unwrap();
        }
        let before = segments(&mut c);
        assert!(before > 1, "{before} segments");
        let _db = Db::open(&target, 1, ANYONE).unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while segments(&mut c) > 1 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert_eq!(segments(&mut c), 1, "{before} segments before");
        let found = diesel::select(sql::<BigInt>(
            "(SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH 'idy')",
        ))
        .get_result::<i64>(&mut c)
        .unwrap();
        assert_eq!(found, 40);
    }

    fn rows_in(c: &mut DbConn) -> i64 {
        diesel::select(sql::<BigInt>("(SELECT count(*) FROM scratch)"))
            .get_result::<i64>(c)
            .unwrap()
    }
}
