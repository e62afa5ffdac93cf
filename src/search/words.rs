//! The words tables beside interactions and favors (migration 000032):
//! each row's words as `search::text::words_of` gives them, beside its
//! title's key, so that the first three ranks of a one-word query are
//! ranges of `<table>_words_lookup` read in title order, however many rows
//! match. A store writes a row's words with its search text; the rows
//! written before the tables were get theirs from the start-up backfill,
//! and until it has finished a table's searches read the rows themselves
//! (`ready`).

use diesel::sql_types::{BigInt, Text};
use diesel::{QueryResult, QueryableByName, RunQueryDsl};

use super::sql::{From, Ids};
use super::text::{beginning_with, name_word, words_of, Query};
use crate::db::{prepared, DbConn};

/// A table with a words table beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Interactions,
    LedgerEntries,
}

impl Words {
    /// The table, as `search_words_backlog` names it.
    pub fn table(self) -> &'static str {
        match self {
            Words::Interactions => "interactions",
            Words::LedgerEntries => "ledger_entries",
        }
    }
}

/// `$before` + the words table of `$t` + `$after`, as one static text.
macro_rules! on_words {
    ($t:expr, $before:literal, $after:literal) => {
        match $t {
            Words::Interactions => concat!($before, "interaction_words", $after),
            Words::LedgerEntries => concat!($before, "ledger_entry_words", $after),
        }
    };
}

/// Writes the words of the user's row `id` from its search text and key:
/// in place of those it had unless it is `fresh` (just inserted).
pub fn write(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    id: &str,
    (text, key): (&str, &str),
    fresh: bool,
) -> QueryResult<()> {
    if !fresh {
        let delete = prepared::sql(on_words!(t, "DELETE FROM ", " WHERE row_id = ?"));
        crate::per_backend!(conn, |c| delete.bind::<Text, _>(id).execute(c))?;
    }
    let words = words_of(text, key);
    match conn {
        // A kept statement per word: one `json_each` statement for all of
        // them cost a capture more (docs/BENCHMARKS.md, "Search").
        DbConn::Sqlite(c) => {
            for w in &words {
                prepared::sql(on_words!(
                    t,
                    "INSERT INTO ",
                    " (row_id, word, user_id, search_key) VALUES (?, ?, ?, ?)"
                ))
                .bind::<Text, _>(id)
                .bind::<Text, _>(w)
                .bind::<Text, _>(user_id)
                .bind::<Text, _>(key)
                .execute(c)?;
            }
        }
        // One round trip for all of them.
        DbConn::Postgresql(c) => {
            prepared::sql(on_words!(
                t,
                "INSERT INTO ",
                " (row_id, word, user_id, search_key) SELECT ?, unnest(?), ?, ?"
            ))
            .bind::<Text, _>(id)
            .bind::<diesel::sql_types::Array<Text>, _>(&words)
            .bind::<Text, _>(user_id)
            .bind::<Text, _>(key)
            .execute(c)?;
        }
    }
    Ok(())
}

/// Inserts the words of many new rows, each given as (user id, id, search
/// text, key), a few thousand words per statement (a bulk load's).
pub fn insert_many(
    conn: &mut DbConn,
    t: Words,
    rows: &[(&str, &str, &str, &str)],
) -> QueryResult<()> {
    let lists: Vec<Vec<String>> = rows
        .iter()
        .map(|(_, _, text, key)| words_of(text, key))
        .collect();
    let words: Vec<[&str; 4]> = rows
        .iter()
        .zip(&lists)
        .flat_map(|(&(user_id, id, _, key), list)| {
            list.iter().map(move |w| [id, w.as_str(), user_id, key])
        })
        .collect();
    for chunk in words.chunks(4096) {
        match conn {
            DbConn::Sqlite(c) => prepared::sql(on_words!(
                t,
                "INSERT INTO ",
                " (row_id, word, user_id, search_key) \
                 SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)"
            ))
            .bind::<Text, _>(serde_json::to_string(chunk).unwrap_or_default())
            .execute(c)?,
            DbConn::Postgresql(c) => {
                let column = |n: usize| chunk.iter().map(|w| w[n]).collect::<Vec<&str>>();
                prepared::sql(on_words!(
                    t,
                    "INSERT INTO ",
                    " (row_id, word, user_id, search_key) SELECT * FROM unnest(?, ?, ?, ?)"
                ))
                .bind::<diesel::sql_types::Array<Text>, _>(column(0))
                .bind::<diesel::sql_types::Array<Text>, _>(column(1))
                .bind::<diesel::sql_types::Array<Text>, _>(column(2))
                .bind::<diesel::sql_types::Array<Text>, _>(column(3))
                .execute(c)?
            }
        };
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Whether every row of the table has its search rows: its backfill, if a
/// migration named it in `search_words_backlog`, is done (the words of
/// `Words`; a contact's rows of every `NameKind`, `contacts`).
pub fn ready(conn: &mut DbConn, table: &str) -> QueryResult<bool> {
    let query =
        prepared::sql("SELECT COUNT(*) AS n FROM search_words_backlog WHERE table_name = ?")
            .bind::<Text, _>(table);
    let rows: Vec<Count> = crate::per_backend!(conn, |c| query.load(c))?;
    Ok(rows.first().is_none_or(|r| r.n == 0))
}

#[derive(QueryableByName)]
struct After {
    #[diesel(sql_type = Text)]
    after_id: String,
}

/// Where the table's backfill goes on from (the last id done), if it has
/// not finished; on PostgreSQL the marker stays locked until the
/// transaction ends, so that two servers do not fill the same rows.
pub fn backlog(conn: &mut DbConn, t: Words) -> QueryResult<Option<String>> {
    let rows: Vec<After> = match conn {
        DbConn::Sqlite(c) => {
            prepared::sql("SELECT after_id FROM search_words_backlog WHERE table_name = ?")
                .bind::<Text, _>(t.table())
                .load(c)?
        }
        DbConn::Postgresql(c) => prepared::sql(
            "SELECT after_id FROM search_words_backlog WHERE table_name = ? FOR UPDATE",
        )
        .bind::<Text, _>(t.table())
        .load(c)?,
    };
    Ok(rows.into_iter().next().map(|r| r.after_id))
}

/// Moves the table's backfill on past `last`, or ends it (`None`).
pub fn backlog_done(conn: &mut DbConn, table: &str, last: Option<&str>) -> QueryResult<()> {
    match last {
        Some(last) => {
            let query =
                prepared::sql("UPDATE search_words_backlog SET after_id = ? WHERE table_name = ?")
                    .bind::<Text, _>(last)
                    .bind::<Text, _>(table);
            crate::per_backend!(conn, |c| query.execute(c))?;
        }
        None => {
            let query = prepared::sql("DELETE FROM search_words_backlog WHERE table_name = ?")
                .bind::<Text, _>(table);
            crate::per_backend!(conn, |c| query.execute(c))?;
        }
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Hit {
    #[diesel(sql_type = Text)]
    row_id: String,
    #[diesel(sql_type = Text)]
    search_key: String,
}

/// Up to `limit` of the user's rows of the first three ranks for the word
/// `word` (`Query::word`), from `from` (as `search::sql::search_ranked!`
/// pages them), each as (rank, key, id), in the order of rank, key and
/// id; fewer than `limit` when those ranks hold no more.
pub fn page(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    word: &str,
    from: Option<&From>,
    limit: i64,
) -> QueryResult<Vec<(i32, String, String)>> {
    // Where a rank starts: after the cursor's key and id when the cursor
    // is in it (`at` the key), else from its start.
    let after =
        |ranks: std::ops::RangeInclusive<i32>, at: &dyn Fn(&str) -> String, start: String| {
            match from {
                Some(f) if ranks.contains(&f.rank) => Some(match &f.ids {
                    Ids::All => (at(&f.key), String::new()),
                    Ids::After(id) => (at(&f.key), id.clone()),
                    Ids::None => (at(&f.key), char::MAX.to_string()),
                }),
                Some(f) if f.rank > *ranks.end() => None,
                _ => Some((start, String::new())),
            }
        };
    let mut out = Vec::new();
    // Ranks 0 and 1: the rows of the names that begin with the word, in
    // the order of the keys (each is its key after a mark), so the one
    // equal to it comes first.
    let (low, high) = beginning_with(&name_word(word));
    if let Some((w, id)) = after(0..=1, &|k| name_word(k), low.clone()) {
        let query = prepared::sql(on_words!(
            t,
            "SELECT row_id, search_key FROM ",
            " WHERE user_id = ? AND word >= ? AND word < ? \
             AND (word > ? OR (word = ? AND row_id > ?)) \
             ORDER BY word, row_id LIMIT ?"
        ))
        .bind::<Text, _>(user_id)
        .bind::<Text, _>(&low)
        .bind::<Text, _>(&high)
        .bind::<Text, _>(&w)
        .bind::<Text, _>(&w)
        .bind::<Text, _>(&id)
        .bind::<BigInt, _>(limit);
        let hits: Vec<Hit> = crate::per_backend!(conn, |c| query.load(c))?;
        let rank = |key: &str| if key == word { 0 } else { 1 };
        out.extend(
            hits.into_iter()
                .map(|h| (rank(&h.search_key), h.search_key, h.row_id)),
        );
    }
    // Rank 2: the rows with a word that begins with it, but those of the
    // ranks above; a row has several such words, and one place. Each word
    // keeps its rows in the order of their keys, so with a few words the
    // page is the first rows of each, merged; with many, one sort of all.
    let (low, high) = beginning_with(word);
    let left = limit - out.len() as i64;
    if let Some((key, id)) = after(2..=2, &str::to_string, String::new()).filter(|_| left > 0) {
        let words = words_between(conn, t, user_id, &low, &high)?;
        let (text, ranges): (&'static str, Vec<(&str, &str)>) = if words.len() <= FEW_WORDS {
            let one_word = on_words!(
                t,
                "SELECT row_id, search_key FROM ",
                " WHERE user_id = ? AND word = ? AND word < ? \
                 AND NOT (search_key >= ? AND search_key < ?) \
                 AND (search_key > ? OR (search_key = ? AND row_id > ?)) \
                 ORDER BY search_key, row_id LIMIT ?"
            );
            (
                one_word,
                words.iter().map(|w| (w.as_str(), high.as_str())).collect(),
            )
        } else {
            let all_words = on_words!(
                t,
                "SELECT row_id, search_key FROM ",
                " WHERE user_id = ? AND word >= ? AND word < ? \
                 AND NOT (search_key >= ? AND search_key < ?) \
                 AND (search_key > ? OR (search_key = ? AND row_id > ?)) \
                 GROUP BY search_key, row_id ORDER BY search_key, row_id LIMIT ?"
            );
            (all_words, vec![(low.as_str(), high.as_str())])
        };
        let mut hits: Vec<Hit> = Vec::new();
        for (from, to) in ranges {
            let query = prepared::sql(text)
                .bind::<Text, _>(user_id)
                .bind::<Text, _>(from)
                .bind::<Text, _>(to)
                .bind::<Text, _>(&low)
                .bind::<Text, _>(&high)
                .bind::<Text, _>(&key)
                .bind::<Text, _>(&key)
                .bind::<Text, _>(&id)
                .bind::<BigInt, _>(left);
            hits.extend(crate::per_backend!(conn, |c| query.load::<Hit>(c))?);
        }
        hits.sort_by(|a, b| (&a.search_key, &a.row_id).cmp(&(&b.search_key, &b.row_id)));
        hits.dedup_by(|a, b| a.row_id == b.row_id);
        hits.truncate(left as usize);
        out.extend(hits.into_iter().map(|h| (2, h.search_key, h.row_id)));
    }
    Ok(out)
}

/// How many words of a prefix rank 2 reads one by one.
const FEW_WORDS: usize = 16;

#[derive(QueryableByName)]
struct Word {
    #[diesel(sql_type = Text)]
    word: String,
}

/// The user's distinct words from `low` to before `high`, in order, up to
/// one more than `FEW_WORDS`: a seek of the index for each.
fn words_between(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    low: &str,
    high: &str,
) -> QueryResult<Vec<String>> {
    let mut words: Vec<String> = Vec::new();
    while words.len() <= FEW_WORDS {
        // After the last word found; the first time, from `low` on.
        let (text, after) = match words.last() {
            Some(w) => (
                on_words!(
                    t,
                    "SELECT word FROM ",
                    " WHERE user_id = ? AND word > ? AND word < ? ORDER BY word LIMIT 1"
                ),
                w.as_str(),
            ),
            None => (
                on_words!(
                    t,
                    "SELECT word FROM ",
                    " WHERE user_id = ? AND word >= ? AND word < ? ORDER BY word LIMIT 1"
                ),
                low,
            ),
        };
        let query = prepared::sql(text)
            .bind::<Text, _>(user_id)
            .bind::<Text, _>(after)
            .bind::<Text, _>(high);
        let next: Vec<Word> = crate::per_backend!(conn, |c| query.load(c))?;
        match next.into_iter().next() {
            Some(w) => words.push(w.word),
            None => break,
        }
    }
    Ok(words)
}

/// Up to `limit` of the user's search hits in table `t` for `q` from
/// `from`, as (rank, key, row): the first three ranks of a one-word query
/// from the words table once it is ready, the rows of those ranks then
/// read by id (`rows`, with `id_of`), and the rest by the ranked query
/// (`ranked`, as `search::sql::search_page!` pages them).
#[allow(clippy::too_many_arguments)]
pub fn search<R>(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    q: &Query,
    from: Option<&From>,
    limit: i64,
    ranked: impl FnOnce(&mut DbConn, Option<&From>, i64) -> QueryResult<Vec<(i32, String, R)>>,
    rows: impl FnOnce(&mut DbConn, &[String]) -> QueryResult<Vec<R>>,
    id_of: fn(&R) -> &str,
) -> QueryResult<Vec<(i32, String, R)>> {
    let word = match q.word() {
        Some(w) if from.is_none_or(|f| f.rank < 3) && ready(conn, t.table())? => w,
        _ => return ranked(conn, from, limit),
    };
    let hits = page(conn, t, user_id, word, from, limit)?;
    let ids: Vec<String> = hits.iter().map(|(_, _, id)| id.clone()).collect();
    let mut found: std::collections::HashMap<String, R> = rows(conn, &ids)?
        .into_iter()
        .map(|r| (id_of(&r).to_string(), r))
        .collect();
    let mut out: Vec<(i32, String, R)> = hits
        .into_iter()
        .filter_map(|(rank, key, id)| Some((rank, key, found.remove(&id)?)))
        .collect();
    let left = limit - out.len() as i64;
    if left > 0 {
        // The words hold no more: the substrings follow, from their start.
        let rest = From {
            rank: 3,
            key: String::new(),
            ids: Ids::All,
        };
        out.extend(ranked(conn, Some(&rest), left)?);
    }
    Ok(out)
}

/// Writes the words of up to `$limit` rows of `$table` (as `$row`) after
/// the mark of the backfill of `$words` (`search::words::backlog`), with
/// `$write(conn, &row)`, their search text and key first written again
/// when they read otherwise now (`stamp_search`), and moves the mark on:
/// whether rows remain. On PostgreSQL the rows stay locked until the
/// transaction ends, so that a write of one waits and then writes its
/// words after these.
#[macro_export]
macro_rules! search_fill_words {
    ($conn:expr, $table:ident, $row:ty, $words:expr, $limit:expr, $write:expr) => {{
        match $crate::search::words::backlog($conn, $words)? {
            None => Ok(false),
            Some(after) => {
                let query = $table::table
                    .filter($table::id.gt(after))
                    .order($table::id.asc())
                    .limit($limit);
                let mut rows: Vec<$row> = match &mut *$conn {
                    $crate::db::DbConn::Sqlite(c) => query.select(<$row>::as_select()).load(c)?,
                    $crate::db::DbConn::Postgresql(c) => query
                        .select(<$row>::as_select())
                        .for_no_key_update()
                        .load(c)?,
                };
                for row in &mut rows {
                    let was = (row.search_text.clone(), row.search_key.clone());
                    row.stamp_search();
                    if was != (row.search_text.clone(), row.search_key.clone()) {
                        diesel::update($table::table.find(&row.id))
                            .set((
                                $table::search_text.eq(&row.search_text),
                                $table::search_key.eq(&row.search_key),
                            ))
                            .execute($conn)?;
                    }
                    $write(&mut *$conn, &*row)?;
                }
                let last = rows
                    .last()
                    .filter(|_| rows.len() as i64 == $limit)
                    .map(|r| r.id.clone());
                $crate::search::words::backlog_done($conn, $words.table(), last.as_deref())?;
                Ok(last.is_some())
            }
        }
    }};
}
