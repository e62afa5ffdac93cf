//! The words tables beside interactions and favors (migration 000032):
//! each row's words as `search::text::words_of` gives them, beside its
//! title's key, so that the first three ranks of a one-word query are
//! ranges of `<table>_words_lookup` read in title order, however many rows
//! match; and each two words together (`search::text::pair_word`,
//! migration 000037), which a phrase's ranks are read by. A store writes
//! a row's words with its search text; the rows written before the tables
//! were get theirs from the start-up backfill, and until it has finished a
//! table's searches read the rows themselves (`ready`).

use diesel::sql_types::{BigInt, Text};
use diesel::{QueryResult, QueryableByName, RunQueryDsl};

use super::sql::{From, Ids};
use super::text::{beginning_with, name_word, pair_word, words_of, Query};
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

    /// What `search_words_backlog` names the backfill of the table's pairs
    /// of words (`search::text::pair_word`; migration 000037 added them).
    pub fn pairs(self) -> &'static str {
        match self {
            Words::Interactions => "interaction_pairs",
            Words::LedgerEntries => "ledger_entry_pairs",
        }
    }
}

/// The pieces of text joined by the words table of `$t` (`$before` + the
/// table + `$after`, or more pieces for a table named several times), as
/// one static text.
macro_rules! on_words {
    ($t:expr, $before:literal $(, $after:literal)+) => {
        match $t {
            Words::Interactions => concat!($before $(, "interaction_words", $after)+),
            Words::LedgerEntries => concat!($before $(, "ledger_entry_words", $after)+),
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
struct Table {
    #[diesel(sql_type = Text)]
    table_name: String,
}

/// Whether the table's words (`ready`) and its pairs (`Words::pairs`) are
/// all written, in one statement.
fn readiness(conn: &mut DbConn, t: Words) -> QueryResult<(bool, bool)> {
    let query =
        prepared::sql("SELECT table_name FROM search_words_backlog WHERE table_name IN (?, ?)")
            .bind::<Text, _>(t.table())
            .bind::<Text, _>(t.pairs());
    let pending: Vec<Table> = crate::per_backend!(conn, |c| query.load(c))?;
    let done = |name: &str| !pending.iter().any(|p| p.table_name == name);
    Ok((done(t.table()), done(t.pairs())))
}

#[derive(QueryableByName)]
struct After {
    #[diesel(sql_type = Text)]
    after_id: String,
}

/// Where the table's backfill goes on from (the last id done), if it has
/// not finished: that of its words or of its pairs (`Words::pairs`),
/// whichever is behind, as one backfill writes both. On PostgreSQL the
/// markers stay locked until the transaction ends, so that two servers do
/// not fill the same rows.
pub fn backlog(conn: &mut DbConn, t: Words) -> QueryResult<Option<String>> {
    let rows: Vec<After> = match conn {
        DbConn::Sqlite(c) => prepared::sql(
            "SELECT after_id FROM search_words_backlog WHERE table_name IN (?, ?) \
             ORDER BY after_id",
        )
        .bind::<Text, _>(t.table())
        .bind::<Text, _>(t.pairs())
        .load(c)?,
        DbConn::Postgresql(c) => prepared::sql(
            "SELECT after_id FROM search_words_backlog WHERE table_name IN (?, ?) \
             ORDER BY after_id FOR UPDATE",
        )
        .bind::<Text, _>(t.table())
        .bind::<Text, _>(t.pairs())
        .load(c)?,
    };
    Ok(rows.into_iter().next().map(|r| r.after_id))
}

/// Moves the backfill of the table's words and pairs on past `last` (each
/// marker behind it), or ends both (`None`).
pub fn words_done(conn: &mut DbConn, t: Words, last: Option<&str>) -> QueryResult<()> {
    let Some(last) = last else {
        backlog_done(conn, t.table(), None)?;
        return backlog_done(conn, t.pairs(), None);
    };
    let query = prepared::sql(
        "UPDATE search_words_backlog SET after_id = ? \
         WHERE table_name IN (?, ?) AND after_id < ?",
    )
    .bind::<Text, _>(last)
    .bind::<Text, _>(t.table())
    .bind::<Text, _>(t.pairs())
    .bind::<Text, _>(last);
    crate::per_backend!(conn, |c| query.execute(c))?;
    Ok(())
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

/// Where a page starts in ranks `ranks` (as (key, id), a row after which
/// it takes, an empty id taking every row of the key): after the cursor
/// `from` when it is in them (`at` its key as they are ordered), at
/// `start` when it is before them, `None` when they are behind it.
fn start_in(
    from: Option<&From>,
    ranks: std::ops::RangeInclusive<i32>,
    at: &dyn Fn(&str) -> String,
    start: String,
) -> Option<(String, String)> {
    match from {
        Some(f) if ranks.contains(&f.rank) => Some(match &f.ids {
            Ids::All => (at(&f.key), String::new()),
            Ids::After(id) => (at(&f.key), id.clone()),
            Ids::None => (at(&f.key), char::MAX.to_string()),
        }),
        Some(f) if f.rank > *ranks.end() => None,
        _ => Some((start, String::new())),
    }
}

/// Up to `limit` rows of the user's words from `low` to before `high`
/// after the (word, row id) `after`, in the order of the words' index:
/// word, key, row id. The range starts at `after`'s word when that is
/// past `low`, so that a later page (or batch of a walk) seeks its start
/// rather than reads the rows before it.
fn in_order(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    (low, high): (&str, &str),
    (w, id): (&str, &str),
    limit: i64,
) -> QueryResult<Vec<Hit>> {
    let query = prepared::sql(on_words!(
        t,
        "SELECT row_id, search_key FROM ",
        " WHERE user_id = ? AND word >= ? AND word < ? \
         AND (word > ? OR (word = ? AND row_id > ?)) \
         ORDER BY word, search_key, row_id LIMIT ?"
    ))
    .bind::<Text, _>(user_id)
    .bind::<Text, _>(low.max(w))
    .bind::<Text, _>(high)
    .bind::<Text, _>(w)
    .bind::<Text, _>(w)
    .bind::<Text, _>(id)
    .bind::<BigInt, _>(limit);
    crate::per_backend!(conn, |c| query.load(c))
}

/// What `word_rows` reads: rows (id and key) in the order of their keys,
/// and the last up to which no word has more, when one may.
type Listed = (Vec<Hit>, Option<(String, String)>);

/// Up to `limit` of the user's rows of the first three ranks for the
/// query `q`, from `from` (as `search::sql::search_ranked!` pages them),
/// each as (rank, key, id), in the order of rank, key and id; fewer than
/// `limit` when those ranks hold no more. For a one-word query
/// (`Query::word`), a `Query::phrase` and a short query (which matches
/// no other rank); `None` when the word rank of a short query or a
/// phrase gave up (`title_words`).
///
/// Ranks 0 and 1 (a title equal to it, one that begins with it) are the
/// rows of the titles' keys that begin with it, in the order of the keys
/// (each is its key after a mark), so the one equal to it comes first.
/// Rank 2: the rows with a word that begins with it, but those of the
/// ranks above; of a short query, those of a word of the title; of a
/// phrase, those that hold it after a space or a line break
/// (`title_words`, by its pairs when they are all written: `pairs`).
fn page(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    q: &Query,
    from: Option<&From>,
    limit: i64,
    pairs: bool,
) -> QueryResult<Option<Vec<(i32, String, String)>>> {
    let Some(word) = q.one_word().or(q.phrase().map(|(phrase, _)| phrase)) else {
        return Ok(Some(Vec::new()));
    };
    let mut out = Vec::new();
    let (low, high) = beginning_with(&name_word(word));
    if let Some((w, id)) = start_in(from, 0..=1, &|k| name_word(k), low.clone()) {
        let hits = in_order(conn, t, user_id, (&low, &high), (&w, &id), limit)?;
        let rank = |key: &str| if key == word { 0 } else { 1 };
        out.extend(
            hits.into_iter()
                .map(|h| (rank(&h.search_key), h.search_key, h.row_id)),
        );
    }
    let left = limit - out.len() as i64;
    let Some(start) = start_in(from, 2..=2, &str::to_string, String::new()).filter(|_| left > 0)
    else {
        return Ok(Some(out));
    };
    if q.word().is_some() {
        let (low, high) = beginning_with(word);
        let words = words_between(conn, t, user_id, &low, &high)?;
        let after = (start.0.as_str(), start.1.as_str());
        let (mut hits, _) = word_rows(conn, t, user_id, &words, (&low, &high), after, left)?;
        hits.truncate(left as usize);
        out.extend(hits.into_iter().map(|h| (2, h.search_key, h.row_id)));
        return Ok(Some(out));
    }
    Ok(
        title_words(conn, t, user_id, q, start, left, pairs)?.map(|more| {
            out.extend(more);
            out
        }),
    )
}

/// The user's rows with one of `words` (when `FEW_WORDS` or fewer; else
/// with a word from `low` to before `high`) and a key outside `low..high`
/// (a title the query does not begin), after (key, id) `after`, in the
/// order of key and id, each once, up to `limit` of each word (or of the
/// range); and the last row up to which no word has more, when one may
/// (its rows cut at `limit`). A row has several such words, and one
/// place. Each word keeps its rows in the order of their keys, so with a
/// few words the rows are the first of each, merged; with many, one sort
/// of all. The key's bound stands apart from the `OR` that places the row
/// after `after`: PostgreSQL's index seeks to the one, and read each word
/// from its first row for the other (`the r`: 15 ms a batch).
fn word_rows(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    words: &[String],
    (low, high): (&str, &str),
    (key, id): (&str, &str),
    limit: i64,
) -> QueryResult<Listed> {
    let (text, ranges): (&'static str, Vec<(String, String)>) = if words.len() <= FEW_WORDS {
        let one_word = on_words!(
            t,
            "SELECT row_id, search_key FROM ",
            " WHERE user_id = ? AND word = ? AND word < ? \
             AND NOT (search_key >= ? AND search_key < ?) \
             AND search_key >= ? AND (search_key > ? OR row_id > ?) \
             ORDER BY search_key, row_id LIMIT ?"
        );
        (one_word, words.iter().map(|w| beginning_with(w)).collect())
    } else {
        let all_words = on_words!(
            t,
            "SELECT row_id, search_key FROM ",
            " WHERE user_id = ? AND word >= ? AND word < ? \
             AND NOT (search_key >= ? AND search_key < ?) \
             AND search_key >= ? AND (search_key > ? OR row_id > ?) \
             GROUP BY search_key, row_id ORDER BY search_key, row_id LIMIT ?"
        );
        (all_words, vec![(low.to_string(), high.to_string())])
    };
    let mut hits: Vec<Hit> = Vec::new();
    let mut upto: Option<(String, String)> = None;
    for (from, to) in ranges {
        let query = prepared::sql(text)
            .bind::<Text, _>(user_id)
            .bind::<Text, _>(&from)
            .bind::<Text, _>(&to)
            .bind::<Text, _>(low)
            .bind::<Text, _>(high)
            .bind::<Text, _>(key)
            .bind::<Text, _>(key)
            .bind::<Text, _>(id)
            .bind::<BigInt, _>(limit);
        let rows = crate::per_backend!(conn, |c| query.load::<Hit>(c))?;
        if let Some(last) = rows.last().filter(|_| rows.len() as i64 == limit) {
            let end = (last.search_key.clone(), last.row_id.clone());
            upto = [upto, Some(end)].into_iter().flatten().min();
        }
        hits.extend(rows);
    }
    hits.sort_by(|a, b| (&a.search_key, &a.row_id).cmp(&(&b.search_key, &b.row_id)));
    hits.dedup_by(|a, b| a.row_id == b.row_id);
    Ok((hits, upto))
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

/// `$before` + the table of `$t` + `$after`, as one static text.
macro_rules! on_rows {
    ($t:expr, $before:literal, $after:literal) => {
        match $t {
            Words::Interactions => concat!($before, "interactions", $after),
            Words::LedgerEntries => concat!($before, "ledger_entries", $after),
        }
    };
}

/// The most rows of a words table that a short query's word rank reads
/// as its candidates (`title_words`); with more, it walks the titles.
const MANY_WORDS: i64 = 4096;

/// The most titles that walk reads before it leaves the rank to the rows'
/// own ranked query: the words that begin with the query may be those of
/// other fields, and few titles hold one.
const MOST_TITLES: i64 = 32768;

/// `MOST_TITLES` for a phrase, whose rows may each be looked up, by all
/// of its words together.
const MOST_PHRASE: i64 = 512;

/// `MOST_PHRASE` for a phrase's last rank (`inside`), whose rows are
/// found among its later words' only where they are many there (`n the
/// p`, inside `on the pricing page`); where they are few (`x the`) the
/// trigram query is quick, and the rows read before it are lost.
const MOST_INSIDE: i64 = 128;

/// Up to `limit` of the user's rows of the word rank of a short query (a
/// word of the title begins with it, the title does not) or a phrase (a
/// word of any field begins with it, the title does not:
/// `Query::title_word`) after (key, id) `start`, in that order, as (2,
/// key, id); `None` when it gave up, after `MOST_TITLES` rows (a phrase:
/// `MOST_PHRASE`, shared by its words). The rows of the words table with
/// its words are its candidates: a short query's (those that begin with
/// it, of any field) with a few words, each one's in key order; with many
/// words but few rows, all of them; with many rows, the titles' keys read
/// in order from `start` until the page is full. A phrase's: by one of its
/// pairs of words (or words), then another (`phrase_words`); a phrase of
/// two words whose pair begins many, as a short query's many words. Each
/// is decided by its key where the key can tell (a short query's word in
/// the title, a phrase in the title); the others' text is read.
fn title_words(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    q: &Query,
    (key, id): (String, String),
    limit: i64,
    pairs: bool,
) -> QueryResult<Option<Vec<(i32, String, String)>>> {
    if let Some((phrase, _)) = q.phrase() {
        return by_parts(conn, t, user_id, q, (phrase, 2, pairs), (key, id), limit);
    }
    // A short query: the words that begin with it.
    let Some(word) = q.one_word() else {
        return Ok(Some(Vec::new()));
    };
    let (low, high) = beginning_with(word);
    let words = words_between(conn, t, user_id, &low, &high)?;
    let rank = WordRank {
        t,
        user_id,
        q,
        others: &[],
        rank: 2,
    };
    if words.len() <= FEW_WORDS {
        let start = (key.as_str(), id.as_str());
        return rank.merged(conn, &words, (&low, &high), start, limit, MOST_TITLES);
    }
    many_words(conn, &rank, (&low, &high), (key, id), limit, MOST_TITLES)
}

/// Up to `limit` of the user's rows of rank `rank` of the phrase `q` after
/// (key, id) `start`, in that order, as (rank, key, id), read by the words
/// of `phrase` or, when they are all written (`pairs`), its pairs
/// (`phrase_words`): for the word rank (2) the whole
/// phrase, for the last (3, the phrase inside a word) its words after the
/// first, which stand after a space wherever it is. By each of them in
/// turn until one reads the page; `None` when each gave up (after
/// `MOST_PHRASE` rows in all, of the last rank `MOST_INSIDE`); no row when
/// one of them is no row's.
fn by_parts(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    q: &Query,
    (phrase, rank, pairs): (&str, i32, bool),
    (key, id): (String, String),
    limit: i64,
) -> QueryResult<Option<Vec<(i32, String, String)>>> {
    let keys = q
        .phrase()
        .map(|(p, _)| beginning_with(p))
        .unwrap_or_default();
    // The most rows read: by the phrase's parts, and by the titles' keys.
    let (most, titles) = match rank {
        2 => (MOST_PHRASE, MOST_TITLES),
        _ => (MOST_INSIDE, MOST_INSIDE),
    };
    let pairs = pairs && phrase.contains(' ');
    let Some((ways, ranges)) = phrase_words(conn, t, user_id, phrase, pairs)? else {
        return Ok(Some(Vec::new()));
    };
    // A part whose words are many (`the r`: `the report`, `the robotics`,
    // …; `the` inside `t the`): read as a short query's many words are,
    // each row then found by it.
    if let (true, Some(range)) = (ways.is_empty(), ranges.last()) {
        let rank = WordRank {
            t,
            user_id,
            q,
            others: &ranges,
            rank,
        };
        return many_words(conn, &rank, (&range.0, &range.1), (key, id), limit, titles);
    }
    // `MOST_PHRASE` rows in all: a phrase all of whose words a page
    // would read past (`pricing page #5`: 20 ms the old way) costs
    // that much more.
    let most = most / (ways.len().max(1) as i64);
    let start = (key.as_str(), id.as_str());
    for (words, others) in ways {
        let rank = WordRank {
            t,
            user_id,
            q,
            others: &others,
            rank,
        };
        let read = rank.merged(conn, &words, (&keys.0, &keys.1), start, limit, most)?;
        if read.is_some() {
            return Ok(read);
        }
    }
    Ok(None)
}

/// Up to `limit` rows of `rank` after (key, id) `start`, in that order,
/// among those with one of the many words (more than `FEW_WORDS`) from
/// `low` to before `high`: all of them, sorted, when they are at most
/// `MANY_WORDS` rows; else the titles' keys read in order from `start`
/// until the page is full; at most `most` rows either way (`None` when it
/// gives up).
fn many_words(
    conn: &mut DbConn,
    rank: &WordRank,
    (low, high): (&str, &str),
    (key, id): (String, String),
    limit: i64,
    most: i64,
) -> QueryResult<Option<Vec<(i32, String, String)>>> {
    let (t, user_id) = (rank.t, rank.user_id);
    let mut out = Vec::new();
    if count(conn, t, user_id, (low, high), MANY_WORDS + 1)? <= MANY_WORDS {
        let mut hits = in_order(conn, t, user_id, (low, high), ("", ""), MANY_WORDS)?;
        hits.sort_by(|a, b| (&a.search_key, &a.row_id).cmp(&(&b.search_key, &b.row_id)));
        hits.dedup_by(|a, b| a.row_id == b.row_id);
        hits.retain(|h| (&h.search_key, &h.row_id) > (&key, &id));
        // At most `most` of them looked at, as the walk below.
        let cut = hits.len() as i64 > most;
        hits.truncate(most as usize);
        let full = rank.take(conn, hits, limit, &mut out)?;
        return Ok((full || !cut).then_some(out));
    }
    let (low, high) = beginning_with(&name_word(""));
    let mut position = (name_word(&key), id);
    let (mut batch, mut walked) = (limit * 8, 0);
    while walked < most {
        let hits = in_order(
            conn,
            t,
            user_id,
            (&low, &high),
            (&position.0, &position.1),
            batch,
        )?;
        let last = (hits.len() as i64) < batch;
        walked += hits.len() as i64;
        if let Some(h) = hits.last() {
            position = (name_word(&h.search_key), h.row_id.clone());
        }
        if rank.take(conn, hits, limit, &mut out)? || last {
            return Ok(Some(out));
        }
        batch = (batch * 4).min(most - walked).max(1);
    }
    Ok(None)
}

/// How many of the user's words lie from `low` to before `high`, counted
/// up to `most`.
fn count(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    (low, high): (&str, &str),
    most: i64,
) -> QueryResult<i64> {
    let query = prepared::sql(on_words!(
        t,
        "SELECT COUNT(*) AS n FROM (SELECT 1 FROM ",
        " WHERE user_id = ? AND word >= ? AND word < ? LIMIT ?) AS w"
    ))
    .bind::<Text, _>(user_id)
    .bind::<Text, _>(low)
    .bind::<Text, _>(high)
    .bind::<BigInt, _>(most);
    let rows: Vec<Count> = crate::per_backend!(conn, |c| query.load(c))?;
    Ok(rows.first().map_or(0, |r| r.n))
}

/// How the rows of the word rank (2) of a short query or a phrase, or of
/// a phrase's last rank (3, inside a word: `by_parts`) are told: by their
/// key, else by the words table (a phrase's other words, `others`, each a
/// range of words, must all be the row's), else by the row's text.
struct WordRank<'a> {
    t: Words,
    user_id: &'a str,
    q: &'a Query,
    others: &'a [(String, String)],
    rank: i32,
}

impl WordRank<'_> {
    /// Up to `limit` rows of the rank after (key, id) `start`, in that
    /// order, from the rows of `words` (a few: `FEW_WORDS`), each one's in
    /// the order of the keys, merged, a batch of each at a time (the
    /// titles that hold one may be together in that order, which a walk
    /// of every title would read up to); the keys from `low` to before
    /// `high` left out (the better ranks'). After a batch that leaves the
    /// page short, it goes on from where the phrase's other words may next
    /// be together (`next_of_others`), or ends where one has no more.
    /// `None` when it read `most` rows and the page is not full.
    fn merged(
        &self,
        conn: &mut DbConn,
        words: &[String],
        (low, high): (&str, &str),
        (key, id): (&str, &str),
        limit: i64,
        most: i64,
    ) -> QueryResult<Option<Vec<(i32, String, String)>>> {
        let mut out = Vec::new();
        let (mut position, mut batch, mut read) = ((key.to_string(), id.to_string()), limit + 8, 0);
        while read < most {
            let after = (position.0.as_str(), position.1.as_str());
            let (t, user_id) = (self.t, self.user_id);
            let (mut hits, upto) = word_rows(conn, t, user_id, words, (low, high), after, batch)?;
            if let Some(end) = &upto {
                hits.retain(|h| (&h.search_key, &h.row_id) <= (&end.0, &end.1));
            }
            read += hits.len() as i64;
            let full = self.take(conn, hits, limit, &mut out)?;
            match upto {
                Some(end) if !full => position = end,
                _ => return Ok(Some(out)),
            }
            // Past the rows that lack one of the phrase's other words.
            match self.next_of_others(conn, (&position.0, &position.1))? {
                Seek::Past => return Ok(Some(out)),
                Seek::To(next) if next > position.0 => position = (next, String::new()),
                _ => {}
            }
            batch = (batch * 4).min(most);
        }
        Ok(None)
    }

    /// Where a row of the rank may be next after (key, id) `after`: at the
    /// latest of the keys at which each of the phrase's other words (its
    /// ranges, `others`) next has a row, as every row of the rank has all
    /// of them; `Seek::Past` when one has no more. A phrase whose page lies
    /// far into its words' rows (`pricing page #5`: each of `pricing` and
    /// `page` in 4,600 rows by key before the first with a word that begins
    /// with `#5`) leaps to it rather than reading them. A range of more
    /// words than `SEEK_WORDS` does not say.
    fn next_of_others(&self, conn: &mut DbConn, after: (&str, &str)) -> QueryResult<Seek> {
        let mut at = Seek::Unknown;
        for range in self.others {
            match next_key(conn, self.t, self.user_id, range, after)? {
                Seek::Past => return Ok(Seek::Past),
                Seek::To(key) => match &at {
                    Seek::To(k) if *k >= key => {}
                    _ => at = Seek::To(key),
                },
                Seek::Unknown => {}
            }
        }
        Ok(at)
    }

    /// Appends to `out` the rows of `hits` (in order) of the rank, until
    /// it holds `limit`: whether it does. Those whose key cannot tell are
    /// looked up: the phrase's other words for all of them at once (a
    /// words table's rows are narrow: `pricing page #17` looked them up a
    /// page's lack at a time, 200 statements), then their text, as many at
    /// a time as the page lacks.
    fn take(
        &self,
        conn: &mut DbConn,
        hits: Vec<Hit>,
        limit: i64,
        out: &mut Vec<(i32, String, String)>,
    ) -> QueryResult<bool> {
        let hits: Vec<(Option<bool>, Hit)> = hits
            .into_iter()
            .map(|h| (self.by_key(&h.search_key), h))
            .filter(|(word, _)| *word != Some(false))
            .collect();
        let unsure = hits
            .iter()
            .filter(|(word, _)| word.is_none())
            .map(|(_, h)| h.row_id.clone())
            .collect();
        let worded = self.with_others(conn, unsure)?;
        let mut rest = hits
            .into_iter()
            .filter(|(word, h)| word.is_some() || worded.contains(&h.row_id));
        while (out.len() as i64) < limit {
            let chunk: Vec<(Option<bool>, Hit)> =
                rest.by_ref().take(limit as usize - out.len()).collect();
            if chunk.is_empty() {
                return Ok(false);
            }
            let unsure: Vec<String> = chunk
                .iter()
                .filter(|(word, _)| word.is_none())
                .map(|(_, h)| h.row_id.clone())
                .collect();
            let held = self.holding(conn, unsure)?;
            for (word, h) in chunk {
                if word == Some(true) || held.contains(&h.row_id) {
                    out.push((self.rank, h.search_key, h.row_id));
                }
            }
        }
        Ok(true)
    }

    /// Of the rows `ids`, those with every one of `others` among their
    /// words.
    fn with_others(
        &self,
        conn: &mut DbConn,
        mut ids: Vec<String>,
    ) -> QueryResult<std::collections::HashSet<String>> {
        let t = self.t;
        for (low, high) in self.others {
            if ids.is_empty() {
                break;
            }
            let rows: Vec<Id> = match conn {
                DbConn::Sqlite(c) => prepared::sql(on_words!(
                    t,
                    "SELECT DISTINCT row_id AS id FROM ",
                    " WHERE row_id IN (SELECT value FROM json_each(?)) AND word >= ? AND word < ?"
                ))
                .bind::<Text, _>(serde_json::to_string(&ids).unwrap_or_default())
                .bind::<Text, _>(low)
                .bind::<Text, _>(high)
                .load(c)?,
                DbConn::Postgresql(c) => prepared::sql(on_words!(
                    t,
                    "SELECT DISTINCT row_id AS id FROM ",
                    " WHERE row_id = ANY(?) AND word >= ? AND word < ?"
                ))
                .bind::<diesel::sql_types::Array<Text>, _>(&ids)
                .bind::<Text, _>(low)
                .bind::<Text, _>(high)
                .load(c)?,
            };
            ids = rows.into_iter().map(|r| r.id).collect();
        }
        Ok(ids.into_iter().collect())
    }

    /// Whether a row whose title has the key `key` is of the rank, when
    /// the key can tell: of the word rank, `Query::title_word`; of the last,
    /// not when its title begins with the query or holds it after a space
    /// (a better rank), else its text must tell.
    fn by_key(&self, key: &str) -> Option<bool> {
        match self.rank {
            2 => self.q.title_word(key),
            _ => self.q.title_word(key).map(|_| false),
        }
    }

    /// Of the user's rows `ids`, those whose text holds the query where
    /// the rank looks: after a space, a line break or a word mark
    /// (`Query::word_patterns`); for the last rank, anywhere
    /// (`Query::patterns`) but there.
    fn holding(
        &self,
        conn: &mut DbConn,
        ids: Vec<String>,
    ) -> QueryResult<std::collections::HashSet<String>> {
        let words = self.matching(conn, &ids, self.q.word_patterns())?;
        if self.rank == 2 {
            return Ok(words);
        }
        let mut anywhere = self.matching(conn, &ids, self.q.patterns())?;
        anywhere.retain(|id| !words.contains(id));
        Ok(anywhere)
    }

    /// Of the user's rows `ids`, those whose text matches one of
    /// `patterns` (`LIKE … ESCAPE '\'`).
    fn matching(
        &self,
        conn: &mut DbConn,
        ids: &[String],
        patterns: Vec<String>,
    ) -> QueryResult<std::collections::HashSet<String>> {
        let t = self.t;
        let mut held = std::collections::HashSet::new();
        for pattern in patterns.into_iter().filter(|_| !ids.is_empty()) {
            let rows: Vec<Id> = match conn {
                DbConn::Sqlite(c) => prepared::sql(on_rows!(
                    t,
                    "SELECT id FROM ",
                    " WHERE user_id = ? AND id IN (SELECT value FROM json_each(?)) \
                     AND search_text LIKE ? ESCAPE '\\'"
                ))
                .bind::<Text, _>(self.user_id)
                .bind::<Text, _>(serde_json::to_string(ids).unwrap_or_default())
                .bind::<Text, _>(&pattern)
                .load(c)?,
                DbConn::Postgresql(c) => prepared::sql(on_rows!(
                    t,
                    "SELECT id FROM ",
                    " WHERE user_id = ? AND id = ANY(?) AND search_text LIKE ? ESCAPE '\\'"
                ))
                .bind::<Text, _>(self.user_id)
                .bind::<diesel::sql_types::Array<Text>, _>(ids)
                .bind::<Text, _>(&pattern)
                .load(c)?,
            };
            held.extend(rows.into_iter().map(|r| r.id));
        }
        Ok(held)
    }
}

/// Where a walk in key order may go on (`next_key`).
#[derive(Debug, PartialEq, Eq)]
enum Seek {
    /// At this key: no row before it can be of the rank.
    To(String),
    /// No row after the walk's place can be.
    Past,
    /// Not told.
    Unknown,
}

/// The most words of a range `next_key` seeks through: each is two
/// seeks of the words' index.
const SEEK_WORDS: i64 = 256;

#[derive(QueryableByName)]
struct NextKey {
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    key: Option<String>,
}

/// The least key of the user's rows after (key, id) `after` with a word
/// from `low` to before `high`: the range's distinct words (up to
/// `SEEK_WORDS`, one seek each), and each one's first row after `after`
/// (a seek each), in one statement. `Seek::Unknown` when the range has
/// more words.
fn next_key(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    (low, high): &(String, String),
    (key, id): (&str, &str),
) -> QueryResult<Seek> {
    let query = prepared::sql(on_words!(
        t,
        "WITH RECURSIVE ws(word, n) AS (\
           SELECT (SELECT word FROM ",
        " AS w WHERE w.user_id = ? AND w.word >= ? AND w.word < ? \
             ORDER BY w.word LIMIT 1), 1 \
           UNION ALL \
           SELECT (SELECT w.word FROM ",
        " AS w WHERE w.user_id = ? AND w.word > ws.word AND w.word < ? \
             ORDER BY w.word LIMIT 1), ws.n + 1 \
           FROM ws WHERE ws.word IS NOT NULL AND ws.n <= ?) \
         SELECT COUNT(ws.word) AS n, MIN((SELECT w.search_key FROM ",
        " AS w WHERE w.user_id = ? AND w.word = ws.word AND w.search_key >= ? \
             AND (w.search_key > ? OR w.row_id > ?) \
             ORDER BY w.search_key, w.row_id LIMIT 1)) AS key FROM ws"
    ))
    .bind::<Text, _>(user_id)
    .bind::<Text, _>(low)
    .bind::<Text, _>(high)
    .bind::<Text, _>(user_id)
    .bind::<Text, _>(high)
    .bind::<BigInt, _>(SEEK_WORDS)
    .bind::<Text, _>(user_id)
    .bind::<Text, _>(key)
    .bind::<Text, _>(key)
    .bind::<Text, _>(id);
    let rows: Vec<NextKey> = crate::per_backend!(conn, |c| query.load(c))?;
    Ok(match rows.into_iter().next() {
        Some(r) if r.n > SEEK_WORDS => Seek::Unknown,
        Some(NextKey { key: Some(k), .. }) => Seek::To(k),
        _ => Seek::Past,
    })
}

/// A range of words: from the first to before the second.
type Range = (String, String);

/// The words a phrase's rows are read by, and its other words' ranges
/// (`phrase_words`).
type PhraseWords = (Vec<String>, Vec<Range>);

/// The rows a phrase's word rank is found by (`Query::phrase`): with
/// `pairs` (the table holds them, `Words::pairs`) and one space between
/// each of its words, each two words together (`search::text::pair_word`),
/// else each word; each exactly but the last, which is a beginning.
fn phrase_parts(phrase: &str, pairs: bool) -> Vec<(String, bool)> {
    let words: Vec<&str> = phrase.split(' ').collect();
    let parts: Vec<String> = match pairs && !words.contains(&"") {
        true => words.windows(2).map(|w| pair_word(w[0], w[1])).collect(),
        false => words
            .into_iter()
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect(),
    };
    let n = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| (p, i + 1 == n))
        .collect()
}

/// The words a part of a phrase (`phrase_parts`) is found by: itself (as a
/// range from it to it and a mark no word holds), or when it is the last,
/// those that begin with it.
fn part_range(part: &str, last: bool) -> Range {
    match last {
        true => beginning_with(part),
        false => (part.to_string(), format!("{part}\u{1}")),
    }
}

/// A phrase's words or pairs (`phrase_parts`) as its word rank finds them:
/// each but the last exactly (as a range of words: from it to it and a
/// mark no word holds), the last as the beginning of a word. For each of
/// them of at most `FEW_WORDS` words, those words (which the rank's rows
/// are read by) and the others' ranges: the one with fewest rows first
/// (counted up to `MOST_PHRASE`, as many as all of them may read), then
/// the one of fewest words (each a statement a batch: `pricing page #17`,
/// whose `17` begins eleven), a later one first where they tie (a
/// phrase's first words are more often the common ones: `the pricing
/// page`). `None` when the user has none of one, so that no row holds the
/// phrase after a space; else with them every range, in order (a phrase
/// of two words whose pair is the beginning of more than `FEW_WORDS` has
/// no way). Pairs tell where the words stand together (`the r`: `the` and
/// a word that begins with `r` apart in each of 10,000 `… the open-source
/// release` before the first `… the robotics`).
fn phrase_words(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    phrase: &str,
    pairs: bool,
) -> QueryResult<Option<(Vec<PhraseWords>, Vec<Range>)>> {
    let mut ranges: Vec<Range> = Vec::new();
    let mut by: Vec<(i64, usize, Vec<String>)> = Vec::new();
    for (n, (part, last)) in phrase_parts(phrase, pairs).into_iter().enumerate() {
        let (low, high) = part_range(&part, last);
        let rows = count(conn, t, user_id, (&low, &high), MOST_PHRASE + 1)?;
        if rows == 0 {
            return Ok(None);
        }
        let words = match last {
            true => words_between(conn, t, user_id, &low, &high)?,
            false => vec![part],
        };
        if words.len() <= FEW_WORDS {
            by.push((rows, n, words));
        }
        ranges.push((low, high));
    }
    by.sort_by_key(|(rows, n, words)| (*rows, words.len(), std::cmp::Reverse(*n)));
    let ways = by
        .into_iter()
        .map(|(_, n, words)| {
            let others = ranges
                .iter()
                .enumerate()
                .filter(|(m, _)| *m != n)
                .map(|(_, r)| r.clone())
                .collect();
            (words, others)
        })
        .collect();
    Ok(Some((ways, ranges)))
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = Text)]
    id: String,
}

/// Up to `limit` of the user's search hits in table `t` for `q` from
/// `from`, as (rank, key, row): the first three ranks of a one-word query
/// or a phrase, every rank of a short one (which matches no other), and
/// the last of a phrase (`inside`), from the words table once it is
/// ready, the rows of those ranks then read by id (`rows`, with `id_of`),
/// and the rest by the ranked query (`ranked`, as
/// `search::sql::search_page!` pages them).
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
    let short = !q.beyond_names();
    let ranked_by_words = q.word().is_some() || q.phrase().is_some();
    let last = if q.phrase().is_some() { 3 } else { 2 };
    let words = short || (ranked_by_words && from.is_none_or(|f| f.rank <= last));
    if !words {
        return ranked(conn, from, limit);
    }
    let (ready, pairs) = readiness(conn, t)?;
    if !ready {
        return ranked(conn, from, limit);
    }
    let Some(mut hits) = page(conn, t, user_id, q, from, limit, pairs)? else {
        return ranked(conn, from, limit);
    };
    // The words hold no more of the first three ranks: the substrings
    // follow, from their start or the cursor among them.
    let mut rest = None;
    let left = limit - hits.len() as i64;
    if left > 0 && !short {
        let at = match from {
            Some(f) if f.rank == 3 => f.clone(),
            _ => From {
                rank: 3,
                key: String::new(),
                ids: Ids::All,
            },
        };
        match inside(conn, t, user_id, q, &at, left, pairs)? {
            Some(more) => hits.extend(more),
            None => rest = Some(at),
        }
    }
    let ids: Vec<String> = hits.iter().map(|(_, _, id)| id.clone()).collect();
    let mut found: std::collections::HashMap<String, R> = rows(conn, &ids)?
        .into_iter()
        .map(|r| (id_of(&r).to_string(), r))
        .collect();
    let mut out: Vec<(i32, String, R)> = hits
        .into_iter()
        .filter_map(|(rank, key, id)| Some((rank, key, found.remove(&id)?)))
        .collect();
    if let Some(at) = rest {
        let left = limit - out.len() as i64;
        out.extend(ranked(conn, Some(&at), left)?);
    }
    Ok(out)
}

/// Up to `limit` of the user's rows of the last rank of the phrase `q`
/// (inside a word) from `from` (of that rank), as (3, key, id), read by
/// its words after the first (`by_parts`): each stands after a space
/// wherever the phrase is, so a row that holds it has each of them (the
/// last as a beginning) and, with the pairs written (`Words::pairs`), each
/// two of them together; when one of those is no row's, none holds it
/// (`on the a`, which the interactions hold nowhere, each of its trigrams
/// in most rows: 55 ms on SQLite, 235 on PostgreSQL). `None` when it
/// cannot tell (not a phrase, two spaces together) or gave up: the
/// trigram query reads the rank.
fn inside(
    conn: &mut DbConn,
    t: Words,
    user_id: &str,
    q: &Query,
    from: &From,
    limit: i64,
    pairs: bool,
) -> QueryResult<Option<Vec<(i32, String, String)>>> {
    let Some((phrase, _)) = q.phrase() else {
        return Ok(None);
    };
    let words: Vec<&str> = phrase.split(' ').skip(1).collect();
    let start = start_in(Some(from), 3..=3, &str::to_string, String::new());
    let (false, Some(start)) = (words.contains(&""), start) else {
        return Ok(None);
    };
    by_parts(
        conn,
        t,
        user_id,
        q,
        (&words.join(" "), 3, pairs),
        start,
        limit,
    )
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
                $crate::search::words::words_done($conn, $words, last.as_deref())?;
                Ok(last.is_some())
            }
        }
    }};
}
