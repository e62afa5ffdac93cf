//! The connection threads ("lanes"): a fixed set of threads, each owning one
//! connection, that run the database work of requests so that no actix worker
//! ever blocks. Two speed measures live here and nowhere else: the SQLite
//! writer's group commit (the jobs waiting for it share one transaction, each
//! in its own savepoint) and PostgreSQL's batched lookups (requests waiting
//! for one row each share one statement). `Db` in `mod.rs` is the interface.

use actix_web::http::StatusCode;
use diesel::prelude::*;
use diesel::r2d2::R2D2Connection;

use super::{optimize, search_index, DbConn, DbTarget};
use crate::error::ApiError;

const OPTIMIZE_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// How long the SQLite writer waits for a job before it takes a step of
/// tidying the search indexes (`search_index::tidy`), and again between
/// steps: a step takes a few milliseconds, so the writer spends at most
/// a fifth of a core on it and a job that comes meanwhile waits one step.
const TIDY_AFTER: std::time::Duration = std::time::Duration::from_millis(20);

/// A unit of work for a connection thread: it gets the thread's connection,
/// or the reason there is none, and hands back how to deliver its answer
/// once its writes are committed (at once, outside a group commit).
pub(super) type Job = Box<dyn FnOnce(Result<&mut DbConn, NoConnection>) -> Done + Send>;

/// A lane without a connection: each job answers `503` for itself, in its
/// request's span (so the log line carries its request id).
pub(super) struct NoConnection;

impl From<NoConnection> for ApiError {
    fn from(_: NoConnection) -> ApiError {
        ApiError::unavailable("no database connection")
    }
}

/// A job run: how to deliver its answer, and whether it found the
/// connection cut (answered `503`: the thread then opens a new one).
pub(super) struct Done {
    deliver: Delivery,
    lost: bool,
}

/// Sends a job's answer: given `Err` when the transaction holding the job's
/// writes failed to commit, so nothing it wrote was kept.
type Delivery = Box<dyn FnOnce(Result<(), ApiError>) + Send>;

/// At most this many write jobs share one SQLite transaction.
const GROUP_COMMIT_MAX: usize = 32;

/// A fixed set of threads, each owning one connection, taking jobs from one
/// queue. A request's query runs on one of them and the answer comes back
/// through a oneshot channel, so no actix worker ever blocks on the
/// database. Under load a thread drains the queue without sleeping between
/// jobs, which is far cheaper than waking a blocking-pool thread and
/// checking a connection out of a pool for every request.
#[derive(Clone)]
pub(super) struct Lanes {
    /// Jobs waiting and jobs running on this lane (`lane` label: `read`,
    /// `write` or `pg`), registered once when the lane starts.
    queued: metrics::Gauge,
    running: metrics::Gauge,
    queue: crossbeam_channel::Sender<Job>,
    pub(super) lookups: crossbeam_channel::Sender<Lookup>,
}

/// At most this many lookups share one query.
const LOOKUP_BATCH_MAX: usize = 64;

/// How to read rows of one kind by owner and id, many in one query: for
/// each `(user id, id)` key, in order, the row's version and its JSON as
/// the API writes it, or `None` when the user has no such row.
pub struct LookupKind {
    pub read: LookupFn,
}

pub type LookupFn = fn(&mut DbConn, &[(&str, &str)]) -> QueryResult<Vec<Option<(i32, String)>>>;

/// How `Db::read_as`, `write_as` and `lookup_as` check that the account a
/// request acts for still exists: given to `Db::open` by its caller (the
/// accounts live above this layer), so a deleted account's tokens stop
/// working at once, in the same call as the work they ask for.
#[derive(Clone, Copy)]
pub struct AccountGate {
    /// `Err` (the answer to give) when the account is gone.
    pub check: fn(&mut DbConn, &str) -> Result<(), ApiError>,
    /// `check` for a write: it may also lock the account until the commit.
    pub lock: fn(&mut DbConn, &str) -> Result<(), ApiError>,
}

/// A request waiting for one row (see `Db::lookup_as`).
pub(super) struct Lookup {
    pub(super) kind: &'static LookupKind,
    pub(super) user_id: String,
    pub(super) id: String,
    pub(super) reply: tokio::sync::oneshot::Sender<Result<(i32, String), ApiError>>,
    /// The request's span: what is logged about this lookup carries its id.
    pub(super) span: tracing::Span,
}

/// How a lane's thread takes its jobs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// One job after another.
    Single,
    /// Every job waiting in the queue (up to `GROUP_COMMIT_MAX`) runs inside
    /// one transaction, each in its own savepoint, and all are answered
    /// after the one commit: the SQLite writer.
    GroupCommit,
}

impl Lanes {
    /// `threads` threads take jobs; the first `lookup_threads` of them
    /// take lookups as well (none: `Db::lookup_as` sends these lanes jobs).
    /// `setup` runs on each connection a thread opens (empty: nothing).
    pub(super) fn start(
        target: &DbTarget,
        threads: u32,
        lookup_threads: u32,
        name: &'static str,
        mode: Mode,
        gate: AccountGate,
        setup: &'static str,
    ) -> Result<Lanes, String> {
        let (queue, jobs) = crossbeam_channel::unbounded::<Job>();
        let (lookups, waiting) = crossbeam_channel::unbounded::<Lookup>();
        for n in 0..threads.max(1) {
            let jobs = jobs.clone();
            let waiting = (n < lookup_threads).then(|| waiting.clone());
            let target = target.clone();
            // The first connection of each thread is opened here, so a
            // database that cannot be reached stops the start.
            let first = connect(&target, setup)?;
            let lane = Lane {
                target,
                setup,
                mode,
                gate,
            };
            std::thread::Builder::new()
                .name(format!("kith-db-{name}-{n}"))
                .spawn(move || serve_jobs(&lane, Some(first), &jobs, waiting.as_ref()))
                .map_err(|e| format!("cannot start a database thread: {e}"))?;
        }
        Ok(Lanes {
            queued: metrics::gauge!("kith_db_jobs_queued", "lane" => name),
            running: metrics::gauge!("kith_db_jobs_running", "lane" => name),
            queue,
            lookups,
        })
    }

    pub(super) async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let span = tracing::Span::current();
        let queued = &self.queued;
        let running = self.running.clone();
        queued.increment(1.0);
        let waiting = queued.clone();
        let job: Job = Box::new(move |conn| {
            waiting.decrement(1.0);
            running.increment(1.0);
            let result = {
                let _entered = span.enter();
                conn.map_err(ApiError::from).and_then(f)
            };
            running.decrement(1.0);
            let lost = is_lost(&result);
            let deliver: Delivery = Box::new(move |committed: Result<(), ApiError>| {
                // The receiver may be gone (client hung up): nothing to do.
                let _ = tx.send(committed.and(result));
            });
            Done { deliver, lost }
        });
        if self.queue.send(job).is_err() {
            queued.decrement(1.0);
            return Err(ApiError::internal("the database threads have stopped"));
        }
        // A dropped sender means the job panicked: the thread survives it
        // (see `serve_jobs`), the request answers 500.
        rx.await
            .map_err(|_| ApiError::internal("a database job panicked"))?
    }
}

/// What a connection thread needs to know to open its connection and run
/// its jobs.
struct Lane {
    target: DbTarget,
    setup: &'static str,
    mode: Mode,
    gate: AccountGate,
}

/// A new connection, with `setup` run on it.
fn connect(target: &DbTarget, setup: &str) -> Result<DbConn, String> {
    use diesel::connection::SimpleConnection;
    let mut conn = target.connect()?;
    if !setup.is_empty() {
        conn.batch_execute(setup)
            .map_err(|e| format!("cannot set up a database connection: {e}"))?;
    }
    Ok(conn)
}

/// The loop of one connection thread. A broken connection (PostgreSQL
/// restarted, say) is dropped and opened again on the next job; a job that
/// panics loses its connection too, as it may have left it mid-transaction
/// (a group's other jobs are then rolled back with it and answer 500).
///
/// Lookups (PostgreSQL) wait in their own queue: a thread that takes one
/// takes every other lookup waiting (up to `LOOKUP_BATCH_MAX`) and answers
/// them all from one query. Under load a round trip, and the server's work
/// for a statement, then serve many requests instead of one; a lone lookup
/// is answered as soon as a thread is free, as before.
fn serve_jobs(
    lane: &Lane,
    first: Option<DbConn>,
    jobs: &crossbeam_channel::Receiver<Job>,
    lookups: Option<&crossbeam_channel::Receiver<Lookup>>,
) {
    let (mode, gate) = (lane.mode, lane.gate);
    let mut conn = first;
    let mut batch: Vec<Job> = Vec::with_capacity(GROUP_COMMIT_MAX);
    let mut asked: Vec<Lookup> = Vec::with_capacity(LOOKUP_BATCH_MAX);
    let mut optimized = std::time::Instant::now();
    // Whether the search indexes may want tidying: at the start, and after
    // any write (the SQLite writer only).
    let mut untidy = mode == Mode::GroupCommit;
    loop {
        match lookups {
            Some(lookups) => crossbeam_channel::select! {
                recv(jobs) -> job => match job {
                    Ok(job) => batch.push(job),
                    Err(_) => return,
                },
                recv(lookups) -> lookup => match lookup {
                    Ok(lookup) => asked.push(lookup),
                    Err(_) => return,
                },
            },
            None if untidy => match jobs.recv_timeout(TIDY_AFTER) {
                Ok(job) => batch.push(job),
                Err(crossbeam_channel::RecvTimeoutError::Timeout) => {
                    untidy = conn.as_mut().is_some_and(tidy);
                    continue;
                }
                Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return,
            },
            None => match jobs.recv() {
                Ok(job) => batch.push(job),
                Err(_) => return,
            },
        }
        untidy = mode == Mode::GroupCommit;
        if mode == Mode::GroupCommit && optimized.elapsed() > OPTIMIZE_EVERY {
            if let Some(c) = conn.as_mut() {
                optimize(c);
            }
            optimized = std::time::Instant::now();
        }
        if let Some(lookups) = lookups.filter(|_| !asked.is_empty()) {
            asked.extend(lookups.try_iter().take(LOOKUP_BATCH_MAX - asked.len()));
        }
        if mode == Mode::GroupCommit && !batch.is_empty() {
            batch.extend(jobs.try_iter().take(GROUP_COMMIT_MAX - batch.len()));
        }
        if conn.as_mut().is_some_and(|c| c.is_broken()) {
            conn = None;
        }
        if conn.is_none() {
            match connect(&lane.target, lane.setup) {
                Ok(c) => conn = Some(c),
                Err(e) => {
                    tracing::warn!(error = %e, "cannot reconnect to the database");
                }
            }
        }
        // `Ok(true)`: a job found the connection cut.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let Some(c) = conn.as_mut() else {
                for job in batch.drain(..) {
                    (job(Err(NoConnection)).deliver)(Ok(()));
                }
                for lookup in asked.drain(..) {
                    let answer = lookup.span.in_scope(|| Err(NoConnection.into()));
                    let _ = lookup.reply.send(answer);
                }
                return false;
            };
            let mut lost = !asked.is_empty() && answer_lookups(c, &mut asked, gate);
            if mode == Mode::Single || batch.len() <= 1 {
                for job in batch.drain(..) {
                    let done = job(Ok(&mut *c));
                    lost |= done.lost;
                    (done.deliver)(Ok(()));
                }
                return lost;
            }
            // Each job's own `transaction` nests as a savepoint in this one,
            // so a job that fails undoes only its own writes; the rows they
            // insert enter their search indexes together at the end (FTS5
            // writes what it holds at each savepoint: a segment per job).
            metrics::histogram!("kith_db_group_commit_size").record(batch.len() as f64);
            let mut deliveries: Vec<Delivery> = Vec::with_capacity(batch.len());
            let committed = c.transaction::<_, diesel::result::Error, _>(|c| {
                search_index::deferred(c, |c| {
                    for job in batch.drain(..) {
                        let done = job(Ok(&mut *c));
                        lost |= done.lost;
                        deliveries.push(done.deliver);
                    }
                    Ok(())
                })
            });
            let failed = committed.err().map(|e| e.to_string());
            for deliver in deliveries {
                deliver(match &failed {
                    None => Ok(()),
                    Some(e) => Err(ApiError::unavailable(format!("group commit failed: {e}"))),
                });
            }
            lost || failed.is_some()
        }));
        if matches!(outcome, Ok(true)) {
            conn = None;
        }
        if outcome.is_err() {
            // Dropped replies answer 500 (see `Lanes::run`, `Db::lookup_as`).
            batch.clear();
            asked.clear();
            conn = None;
        }
    }
}

/// One step of `search_index::tidy`: whether more may be left. A step that
/// fails is logged and tried again after the next write.
fn tidy(conn: &mut DbConn) -> bool {
    search_index::tidy(conn).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "merging the search indexes failed");
        false
    })
}

/// A lookup's answer: the row, or for a key the user has no row for `404`,
/// or `401` when the account itself is gone (its token outlived it). A row
/// found proves the account exists, as every owned row goes with its
/// account, so only a miss checks it.
pub(super) fn found_or_missing(
    conn: &mut DbConn,
    gate: AccountGate,
    user_id: &str,
    row: Option<(i32, String)>,
) -> Result<(i32, String), ApiError> {
    row.ok_or_else(|| {
        (gate.check)(conn, user_id)
            .err()
            .unwrap_or_else(ApiError::not_found)
    })
}

/// Answers every lookup in `asked`, one query per kind.
/// True when an answer found the connection cut.
fn answer_lookups(conn: &mut DbConn, asked: &mut Vec<Lookup>, gate: AccountGate) -> bool {
    let mut lost = false;
    while let Some(kind) = asked.first().map(|l| l.kind) {
        let (same, rest): (Vec<Lookup>, Vec<Lookup>) =
            asked.drain(..).partition(|l| std::ptr::eq(l.kind, kind));
        *asked = rest;
        let keys: Vec<(&str, &str)> = same
            .iter()
            .map(|l| (l.user_id.as_str(), l.id.as_str()))
            .collect();
        let found = (kind.read)(conn, &keys);
        drop(keys);
        match found {
            Ok(rows) => {
                for (lookup, row) in same.into_iter().zip(rows) {
                    let answer = lookup
                        .span
                        .in_scope(|| found_or_missing(conn, gate, &lookup.user_id, row));
                    // The receiver may be gone (client hung up).
                    lost |= is_lost(&answer);
                    let _ = lookup.reply.send(answer);
                }
            }
            // One request's bad key must not fail the others that shared
            // the statement: each is asked again on its own.
            Err(e) if same.len() > 1 => {
                for lookup in same {
                    // In each request's span: its log shows what befell it.
                    lookup.span.in_scope(|| {
                        tracing::warn!(error = %e, "a batched lookup failed; asked again alone");
                    });
                    let key = [(lookup.user_id.as_str(), lookup.id.as_str())];
                    let answer = lookup.span.in_scope(|| match (kind.read)(conn, &key) {
                        Ok(mut rows) => {
                            found_or_missing(conn, gate, &lookup.user_id, rows.pop().flatten())
                        }
                        Err(e) => Err(ApiError::from(e)),
                    });
                    lost |= is_lost(&answer);
                    let _ = lookup.reply.send(answer);
                }
            }
            Err(e) => {
                // One lookup (a batch was retried alone above).
                if let Some(lookup) = same.into_iter().next() {
                    let answer = lookup.span.in_scope(|| ApiError::from(e));
                    lost |= answer.status == StatusCode::SERVICE_UNAVAILABLE;
                    let _ = lookup.reply.send(Err(answer));
                }
            }
        }
    }
    lost
}

fn is_lost<T>(answer: &Result<T, ApiError>) -> bool {
    matches!(answer, Err(e) if e.status == StatusCode::SERVICE_UNAVAILABLE)
}
