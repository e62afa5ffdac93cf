//! The SQL that finds and ranks rows by their search text, for any table
//! with a `search_text` column (`$table` names its schema module). Both
//! databases evaluate the same `LIKE … ESCAPE '\'` patterns on the same
//! text, so they find the same rows; on SQLite an FTS5 trigram index
//! (`<table>_fts`) picks the candidates first, on PostgreSQL a `pg_trgm`
//! index serves the `LIKE` itself (`db::search_index`).

/// Rows whose search text is like any of `$patterns`, as one boxed
/// condition on `$table` for backend `$db` (false when there is none).
/// With `$text`, the text as that expression gives it: a `LIKE` that only
/// confirms candidates found otherwise names it so that PostgreSQL cannot
/// answer it from its trigram index (`contacts::store::list_rest`).
#[macro_export]
macro_rules! search_like_any {
    ($table:ident, $db:ty, $patterns:expr) => {
        $crate::search_like_any!($table, $db, $patterns, $table::search_text)
    };
    ($table:ident, $db:ty, $patterns:expr, $text:expr) => {{
        type Cond = Box<
            dyn diesel::BoxableExpression<$table::table, $db, SqlType = diesel::sql_types::Bool>,
        >;
        let mut found: Option<Cond> = None;
        for p in $patterns {
            let one = $text.like(p).escape('\\');
            found = Some(match found {
                None => Box::new(one),
                Some(f) => Box::new(f.or(one)),
            });
        }
        found.unwrap_or_else(|| {
            Box::new($crate::db::prepared::expr::<diesel::sql_types::Bool, _>(
                $crate::db::prepared::sql("1 = 0"),
            ))
        })
    }};
}

/// `$query` (boxed, on `$table`) narrowed to the rows that match `$q`
/// (a `search::text::Query`).
#[macro_export]
macro_rules! search_matching {
    ($query:expr, $table:ident, $db:ty, $q:expr) => {{
        let q: &$crate::search::text::Query = $q;
        let mut query = $query.filter($crate::search_like_any!($table, $db, q.patterns()));
        if <$db as $crate::db::search_index::Engine>::FTS5 {
            if let Some(m) = q.fts5() {
                // The index's candidates: the `LIKE` above confirms each.
                query = query.filter($crate::db::prepared::expr::<diesel::sql_types::Bool, _>(
                    $crate::db::prepared::sql(concat!(
                        stringify!($table),
                        ".rowid IN (SELECT rowid FROM ",
                        stringify!($table),
                        "_fts WHERE ",
                        stringify!($table),
                        "_fts MATCH ?)"
                    ))
                    .bind::<diesel::sql_types::Text, _>(m),
                ));
            }
        }
        query
    }};
}

/// The rank of a matching row of `$table` for `$q` (an index in
/// `search::text::RANKS`: 0 is best), as a boxed SQL expression, for rows
/// known to rank `$from` or worse (the patterns of better ranks are not
/// evaluated).
#[macro_export]
macro_rules! search_rank {
    ($table:ident, $db:ty, $q:expr, $from:expr) => {{
        let [exact, prefix, word] = $q.rank_patterns_from($from);
        let rank: Box<
            dyn diesel::BoxableExpression<$table::table, $db, SqlType = diesel::sql_types::Integer>,
        > = Box::new(
            diesel::dsl::case_when::<_, _, diesel::sql_types::Integer>(
                $crate::search_like_any!($table, $db, exact),
                0,
            )
            .when($crate::search_like_any!($table, $db, prefix), 1)
            .when($crate::search_like_any!($table, $db, word), 2)
            .otherwise(3),
        );
        rank
    }};
}

/// Writes the search text of up to `$limit` rows of `$table` (as `$row`,
/// which has `stamp_search`) that have none yet, in id order after
/// `$after`; the last id written, if any. For the start-up backfill after
/// a migration adds the column.
#[macro_export]
macro_rules! search_fill {
    ($conn:expr, $table:ident, $row:ty, $after:expr, $limit:expr) => {{
        let mut rows: Vec<$row> = $table::table
            .filter($table::search_text.eq(""))
            .filter($table::id.gt($after))
            .order($table::id.asc())
            .select(<$row>::as_select())
            .limit($limit)
            .load($conn)?;
        for row in &mut rows {
            row.stamp_search();
            diesel::update($table::table.find(&row.id))
                .filter($table::search_text.eq(""))
                .set((
                    $table::search_text.eq(&row.search_text),
                    $table::search_key.eq(&row.search_key),
                ))
                .execute($conn)?;
        }
        Ok(rows.last().map(|r| r.id.clone()))
    }};
}

/// Where one type's part of a search page starts: after rank `rank` and
/// key `key`, and among rows of that rank and key, as `ids` says.
#[derive(Clone, Debug)]
pub struct From {
    pub rank: i32,
    pub key: String,
    pub ids: Ids,
}

/// Which rows of the starting rank and key a page takes.
#[derive(Clone, Debug)]
pub enum Ids {
    /// All of them (the type sorts after the cursor's).
    All,
    /// Those after this id (the cursor's own type).
    After(String),
    /// None (the type sorts before the cursor's).
    None,
}

/// Up to `$limit` rows of `$query` (boxed for backend `$db`, on `$table`,
/// already narrowed to the rows that match `$q`) from `$from` (an
/// `Option<&From>`) in the order of rank, then `$key`, then id; each as
/// `(rank, key, $row)`, loaded on `$conn` (the backend's own connection).
/// The contact list by relevance and every type of `GET /v1/search` page so.
#[macro_export]
macro_rules! search_ranked {
    ($conn:expr, $query:expr, $table:ident, $db:ty, $key:expr, $row:ty, $q:expr, $from:expr, $limit:expr) => {{
        use $crate::search::sql::Ids;
        let q: &$crate::search::text::Query = $q;
        let from: Option<&$crate::search::sql::From> = $from;
        let mut query = $query;
        let mut rank_from = 0;
        if let Some(f) = from {
            type Cond = Box<
                dyn diesel::BoxableExpression<
                    $table::table,
                    $db,
                    SqlType = diesel::sql_types::Bool,
                >,
            >;
            rank_from = f.rank;
            // Of rank `f.rank` or worse: a row matching no better rank's
            // pattern (cheaper than computing each row's rank to compare).
            let better = q.better_than(f.rank);
            if !better.is_empty() {
                query = query.filter(diesel::dsl::not($crate::search_like_any!(
                    $table, $db, better
                )));
            }
            let key = f.key.clone();
            let same_key: Option<Cond> = match &f.ids {
                // Every key is at least the empty one.
                Ids::All if key.is_empty() => None,
                Ids::All => Some(Box::new($key.ge(key))),
                Ids::After(id) => Some(Box::new(
                    $key.gt(key.clone())
                        .or($key.eq(key).and($table::id.gt(id.clone()))),
                )),
                Ids::None => Some(Box::new($key.gt(key))),
            };
            // Of rank `f.rank` itself only from the key on; worse ones all.
            if let Some(same_key) = same_key {
                let this_or_better = q.better_than(f.rank + 1);
                const LAST: i32 = $crate::search::text::RANKS.len() as i32 - 1;
                query = if f.rank >= LAST {
                    query.filter(same_key)
                } else {
                    query.filter(
                        diesel::dsl::not($crate::search_like_any!($table, $db, this_or_better))
                            .or(same_key),
                    )
                };
            }
        }
        query
            .select((
                $crate::search_rank!($table, $db, q, rank_from),
                $key,
                <$row>::as_select(),
            ))
            // `ORDER BY 1`: by the rank selected, not computed again.
            .order((
                $crate::db::prepared::expr::<diesel::sql_types::Integer, _>(
                    $crate::db::prepared::sql("1"),
                )
                .asc(),
                $key.asc(),
                $table::id.asc(),
            ))
            .limit($limit)
            .load::<(i32, String, $row)>($conn)
    }};
}

/// Up to `$limit` rows of `$base` (a query on `$table`, not yet boxed)
/// that match `$q`, as `search_ranked!` pages them.
#[macro_export]
macro_rules! search_page {
    ($conn:expr, $base:expr, $table:ident, $key:expr, $row:ty, $q:expr, $from:expr, $limit:expr) => {{
        let q: &$crate::search::text::Query = $q;
        $crate::per_backend!($conn, |c, DB| {
            let query = $crate::search_matching!($base.into_boxed::<DB>(), $table, DB, q);
            $crate::search_ranked!(c, query, $table, DB, $key, $row, q, $from, $limit)
        })
    }};
}
