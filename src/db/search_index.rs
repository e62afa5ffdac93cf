//! The indexes behind search (`search::sql`). On SQLite, FTS5 trigram
//! tables kept by triggers (migration 000014). On PostgreSQL, `pg_trgm`
//! GIN indexes on each `search_text`, made at start-up: the extension is
//! trusted, but a database may still refuse it, and then kith warns and
//! searches by scanning.

use diesel::connection::SimpleConnection;

use super::DbConn;

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

/// The tables with a `search_text` column.
const SEARCHED: [&str; 4] = [
    "contacts",
    "interactions",
    "ledger_entries",
    "introductions",
];

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
    for t in SEARCHED {
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
