//! The indexes behind search (`search::sql`). On SQLite, FTS5 trigram
//! tables: a new row enters by `add`, a changed or deleted one is kept
//! right by triggers (migrations 000014 and 000028). On PostgreSQL,
//! `pg_trgm` GIN indexes on each `search_text`, made at start-up: the
//! extension is trusted, but a database may still refuse it, and then kith
//! warns and searches by scanning.

use std::cell::Cell;

use diesel::connection::SimpleConnection;
use diesel::sql_types::Text;
use diesel::{QueryResult, RunQueryDsl};

use super::{prepared, DbConn};

/// What a backend's search has: SQLite's FTS5 tables beside each
/// searchable table, or not.
pub trait Engine {
    const FTS5: bool;
}

impl Engine for diesel::sqlite::Sqlite {
    const FTS5: bool = true;
}

impl Engine for diesel::pg::Pg {
    const FTS5: bool = false;
}

/// A table with a `search_text` column.
#[derive(Debug, Clone, Copy)]
pub enum Searched {
    Contacts,
    Interactions,
    LedgerEntries,
    Introductions,
}

impl Searched {
    const ALL: [Searched; 4] = [
        Searched::Contacts,
        Searched::Interactions,
        Searched::LedgerEntries,
        Searched::Introductions,
    ];

    fn table(self) -> &'static str {
        match self {
            Searched::Contacts => "contacts",
            Searched::Interactions => "interactions",
            Searched::LedgerEntries => "ledger_entries",
            Searched::Introductions => "introductions",
        }
    }
}

/// Puts the row this connection inserted last (into `table`, whose search
/// text is `search_text`) in the table's FTS5 index; every insert into a
/// searched table is followed by it. On PostgreSQL the index follows the
/// row by itself.
///
/// A statement of its own, not a trigger: a trigger makes the row's insert
/// a statement that writes several tables, SQLite opens a savepoint for
/// such a statement, and FTS5 writes its pending rows to disk at every
/// savepoint — one segment per row, merged again later (a capture's
/// interaction cost 100 µs more). Alone, the rows of a transaction are
/// written to the index together.
pub fn add(conn: &mut DbConn, table: Searched, search_text: &str) -> QueryResult<()> {
    let DbConn::Sqlite(c) = conn else {
        return Ok(());
    };
    if WAITING.get().is_some() {
        WAITING.set(Some(true));
        return prepared::sql(
            "INSERT OR IGNORE INTO search_waiting(searched, row) VALUES (?, last_insert_rowid())",
        )
        .bind::<Text, _>(table.table())
        .execute(c)
        .map(|_| ());
    }
    let sql = match table {
        Searched::Contacts => {
            "INSERT INTO contacts_fts(rowid, search_text) VALUES (last_insert_rowid(), ?)"
        }
        Searched::Interactions => {
            "INSERT INTO interactions_fts(rowid, search_text) VALUES (last_insert_rowid(), ?)"
        }
        Searched::LedgerEntries => {
            "INSERT INTO ledger_entries_fts(rowid, search_text) VALUES (last_insert_rowid(), ?)"
        }
        Searched::Introductions => {
            "INSERT INTO introductions_fts(rowid, search_text) VALUES (last_insert_rowid(), ?)"
        }
    };
    prepared::sql(sql)
        .bind::<Text, _>(search_text)
        .execute(c)
        .map(|_| ())
}

thread_local! {
    /// While `deferred` runs on this thread (`Some`), new rows wait (in
    /// `search_waiting`, migration 000033) instead of entering their index
    /// one by one; `true` once one was added since the last `settle`.
    static WAITING: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Runs `f` (writes in savepoints: the jobs of a group commit, an import's
/// rows) with the index entries of the rows it inserts held back, then puts
/// them in their indexes at once, before `f`'s transaction commits. Inside
/// another `deferred`, `f` alone: the outer one puts them in.
///
/// Why: FTS5 writes the entries it holds to disk at every savepoint, so
/// rows added one by one between savepoints become one index segment each,
/// merged again later (a contact of an import cost 100 µs more, and more
/// as the index grows; `POST /v1/contacts` at 64 connections lost a
/// quarter of its throughput). The waiting rows are a table of the
/// transaction, so a savepoint rolled back takes its rows' waiting entries
/// with it; the delete and update triggers leave a waiting row alone, and
/// `settle` reads each row's text as it is then.
pub fn deferred<T, E: From<diesel::result::Error>>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, E>,
) -> Result<T, E> {
    if !matches!(conn, DbConn::Sqlite(_)) || WAITING.get().is_some() {
        return f(conn);
    }
    /// Ends the waiting however `f` ends.
    struct Waiting;
    impl Drop for Waiting {
        fn drop(&mut self) {
            WAITING.set(None);
        }
    }
    let waiting = Waiting;
    WAITING.set(Some(false));
    let out = f(conn)?;
    settle(conn)?;
    drop(waiting);
    Ok(out)
}

/// Puts the rows waiting (in `deferred`) in their indexes now.
fn settle(conn: &mut DbConn) -> QueryResult<()> {
    let DbConn::Sqlite(c) = conn else {
        return Ok(());
    };
    if WAITING.get() != Some(true) {
        return Ok(());
    }
    // Each row once, in rowid order; a row whose savepoint was rolled back,
    // or that was deleted, is gone from both tables or from its own.
    let mut sql = String::new();
    for t in Searched::ALL.map(Searched::table) {
        sql.push_str(&format!(
            "INSERT INTO {t}_fts(rowid, search_text) SELECT rowid, search_text FROM {t} \
             WHERE rowid IN (SELECT row FROM search_waiting WHERE searched = '{t}') \
             ORDER BY rowid; "
        ));
    }
    sql.push_str("DELETE FROM search_waiting;");
    c.batch_execute(&sql)?;
    WAITING.set(Some(false));
    Ok(())
}

/// The most pages one step of `tidy` merges (a step of the contacts'
/// index took about 5 ms at 100,000 contacts).
const TIDY_PAGES: u32 = 64;

/// One step of tidying the FTS5 indexes (SQLite; on PostgreSQL nothing to
/// do), for the writer to take while it has nothing else to do: a merge
/// of up to `TIDY_PAGES` pages of the first index with a level of two
/// segments or more (migration 000036). Whether it merged anything (then
/// more may be left).
///
/// Why: each commit adds its rows to an index as a segment of their own,
/// and the automatic merges of each write leave up to seven of about the
/// same size on each level (`automerge` 8, migration 000039); every search
/// reads all of them. An index at rest in one or a few large segments
/// answered a search it must read through (`q=ben.silva51581`, found
/// nowhere) at 1.5–1.8 times the rate (docs/BENCHMARKS.md, "Session
/// 33"). A step is a transaction of its own; a crash at any moment leaves
/// the index as the last step left it.
pub fn tidy(conn: &mut DbConn) -> QueryResult<bool> {
    let DbConn::Sqlite(c) = conn else {
        return Ok(false);
    };
    let changes = |c: &mut diesel::SqliteConnection| {
        diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
            "total_changes()",
        ))
        .get_result::<i64>(c)
    };
    for t in Searched::ALL.map(Searched::table) {
        let before = changes(c)?;
        c.batch_execute(&format!(
            "INSERT INTO {t}_fts({t}_fts, rank) VALUES ('merge', {TIDY_PAGES});"
        ))?;
        // FTS5 counts two changes or more for a merge that did work.
        if changes(c)? - before >= 2 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Builds every FTS5 index again from its table (SQLite; on PostgreSQL
/// nothing to do): for rows written in bulk without `add`, by the
/// benchmark seeder.
pub fn rebuild(conn: &mut DbConn) -> QueryResult<()> {
    let DbConn::Sqlite(c) = conn else {
        return Ok(());
    };
    for t in Searched::ALL.map(Searched::table) {
        c.batch_execute(&format!("INSERT INTO {t}_fts({t}_fts) VALUES ('rebuild');"))?;
    }
    Ok(())
}

/// Makes the trigram indexes on PostgreSQL, if they are missing and the
/// extension can be had; warns if not. One process at a time (several may
/// start together on one database).
pub fn ensure(conn: &mut DbConn) {
    let DbConn::Postgresql(c) = conn else {
        return;
    };
    let mut sql = String::from(
        "BEGIN; SELECT pg_advisory_xact_lock(7386501); CREATE EXTENSION IF NOT EXISTS pg_trgm;",
    );
    for t in Searched::ALL.map(Searched::table) {
        sql.push_str(&format!(
            " CREATE INDEX IF NOT EXISTS {t}_search ON {t} USING gin (search_text gin_trgm_ops);"
        ));
    }
    sql.push_str(" COMMIT;");
    if let Err(e) = c.batch_execute(&sql) {
        let _ = c.batch_execute("ROLLBACK");
        tracing::warn!(
            error = %e,
            "no pg_trgm search index (the extension could not be created): search scans every row"
        );
    }
}
