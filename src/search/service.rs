//! The rules of search: the start-up backfill of search texts, and one
//! search across contacts, interactions, ledger entries and introductions.

use crate::db::{Db, DbConn};
use diesel::QueryResult;

/// A table's backfill step: writes up to `limit` search texts after an id,
/// and answers the last id written.
type FillStep = fn(&mut DbConn, &str, i64) -> QueryResult<Option<String>>;

/// Writes the search text of every interaction, ledger entry and
/// introduction that has none (after the migration that added it), a
/// batch per write so that no request waits long behind it.
pub async fn fill_missing(db: Db) {
    const BATCH: i64 = 500;
    let tables: [(&str, FillStep); 3] = [
        ("interactions", crate::interactions::store::fill_search),
        ("ledger entries", crate::ledger::store::fill_search),
        ("introductions", crate::introductions::store::fill_search),
    ];
    for (name, step) in tables {
        let mut after = String::new();
        let mut batches = 0;
        loop {
            let from = after.clone();
            match db.write(move |conn| Ok(step(conn, &from, BATCH)?)).await {
                Ok(Some(last)) => {
                    after = last;
                    batches += 1;
                }
                Ok(None) => break,
                Err(e) => {
                    tracing::warn!(error = %e, table = name, "cannot write search texts");
                    break;
                }
            }
        }
        if batches > 0 {
            tracing::info!(table = name, "wrote the search text of rows that had none");
        }
    }
}
