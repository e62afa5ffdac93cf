//! The rules of search: the start-up backfill of search texts, and one
//! search across contacts, interactions, ledger entries and introductions.

use diesel::QueryResult;

use super::model::{HitType, SearchHit};
use super::sql::{From, Ids};
use super::text::{snippet, Query};
use crate::db::{Db, DbConn};
use crate::{contacts, interactions, introductions, ledger};

/// Where a page of hits starts: after the hit of this rank, key, type and
/// id (what a cursor holds).
pub type After = (i32, String, HitType, String);

/// A hit with what orders it.
struct Ranked {
    rank: i32,
    key: String,
    hit: SearchHit,
}

/// One page of the user's hits for `q` among `types` after `after`, best
/// first (rank, then title key, then type, then id), and where the next
/// page starts if more follow.
pub fn search(
    conn: &mut DbConn,
    user_id: &str,
    q: &Query,
    types: &[HitType],
    limit: i64,
    after: Option<&After>,
) -> QueryResult<(Vec<SearchHit>, Option<After>)> {
    let mut found: Vec<Ranked> = Vec::new();
    for &kind in types {
        // Each type's rows after the cursor's place in the merged order.
        let from = after.map(|(rank, key, at, id)| From {
            rank: *rank,
            key: key.clone(),
            ids: match kind.cmp(at) {
                std::cmp::Ordering::Greater => Ids::All,
                std::cmp::Ordering::Equal => Ids::After(id.clone()),
                std::cmp::Ordering::Less => Ids::None,
            },
        });
        let from = from.as_ref();
        let n = limit + 1;
        match kind {
            HitType::Contact => {
                for (rank, key, row) in contacts::store::search(conn, user_id, q, from, n)? {
                    let fields = contacts::search::fields_of(&row);
                    found.push(ranked(q, kind, rank, key, row.id, row.display_name, fields));
                }
            }
            HitType::Interaction => {
                for (rank, key, row) in interactions::store::search(conn, user_id, q, from, n)? {
                    let fields = row.search_fields();
                    found.push(ranked(q, kind, rank, key, row.id, row.summary, fields));
                }
            }
            HitType::LedgerEntry => {
                for (rank, key, row) in ledger::store::search(conn, user_id, q, from, n)? {
                    let fields = row.search_fields();
                    found.push(ranked(q, kind, rank, key, row.id, row.description, fields));
                }
            }
            HitType::Introduction => {
                let rows = introductions::store::search(conn, user_id, q, from, n)?;
                let ids: Vec<String> = rows
                    .iter()
                    .flat_map(|(_, _, r)| r.person_a_id.iter().chain([&r.person_b_id]))
                    .cloned()
                    .collect();
                let names = contacts::store::names(conn, user_id, &ids)?;
                let name = |id: &String| names.get(id).cloned().unwrap_or_default();
                for (rank, key, row) in rows {
                    let a = row.person_a_id.as_ref().map_or("you".to_string(), name);
                    let title = format!("{a} and {}", name(&row.person_b_id));
                    let fields = row.search_fields();
                    found.push(ranked(q, kind, rank, key, row.id, title, fields));
                }
            }
        }
    }
    found.sort_by(|a, b| {
        (a.rank, &a.key, a.hit.kind, &a.hit.id).cmp(&(b.rank, &b.key, b.hit.kind, &b.hit.id))
    });
    let more = found.len() as i64 > limit;
    found.truncate(limit.max(0) as usize);
    let next = found
        .last()
        .filter(|_| more)
        .map(|r| (r.rank, r.key.clone(), r.hit.kind, r.hit.id.clone()));
    Ok((found.into_iter().map(|r| r.hit).collect(), next))
}

/// A hit: the first of `fields` the query is found in, and the passage.
fn ranked(
    q: &Query,
    kind: HitType,
    rank: i32,
    key: String,
    id: String,
    title: String,
    fields: Vec<(&'static str, String)>,
) -> Ranked {
    let matched = fields
        .iter()
        .find_map(|(field, value)| Some((*field, snippet(value, q.find_in(value)?))));
    // Found only across fields (the text joins them): name the first.
    let (field, snippet) = matched.unwrap_or_else(|| match fields.first() {
        Some((field, value)) => (*field, snippet(value, (0, 0))),
        None => ("", String::new()),
    });
    Ranked {
        rank,
        key,
        hit: SearchHit {
            kind,
            id,
            title,
            snippet,
            field: field.to_string(),
        },
    }
}

/// A table's backfill step: writes up to `limit` search texts after an id,
/// and answers the last id written.
type FillStep = fn(&mut DbConn, &str, i64) -> QueryResult<Option<String>>;

/// Writes the search text of every introduction that has none (after the
/// migration that added it), a batch per write so that no request waits
/// long behind it; then the words of interactions and ledger entries,
/// which write their search text as well where it is missing.
pub async fn fill_missing(db: Db) {
    const BATCH: i64 = 500;
    let tables: [(&str, FillStep); 1] =
        [("introductions", crate::introductions::store::fill_search)];
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
    fill_words(db).await;
}

/// A words table's backfill step: writes the words of up to `limit` rows
/// after its mark, and answers whether rows remain.
type WordsStep = fn(&mut DbConn, i64) -> QueryResult<bool>;

/// The backfill steps of the words tables (`search::words`).
pub const WORD_FILLS: [(&str, WordsStep); 2] = [
    ("interactions", crate::interactions::store::fill_words),
    ("ledger entries", crate::ledger::store::fill_words),
];

/// Writes the words of every row written before the words tables were
/// (after migration 000032; the rows without a search text, from before
/// 000014, get it on the way), a batch per write; until a table's are
/// written, its searches read the rows themselves.
async fn fill_words(db: Db) {
    const BATCH: i64 = 500;
    for (name, step) in WORD_FILLS {
        let mut batches = 0;
        loop {
            match db.write(move |conn| Ok(step(conn, BATCH)?)).await {
                Ok(true) => batches += 1,
                Ok(false) => break,
                Err(e) => {
                    tracing::warn!(error = %e, table = name, "cannot write search words");
                    break;
                }
            }
        }
        if batches > 0 {
            tracing::info!(
                table = name,
                "wrote the search words of rows written before"
            );
        }
    }
}
