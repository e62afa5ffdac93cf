//! Statements a connection prepares once and keeps.
//!
//! diesel keeps a prepared statement per connection for most queries, but
//! never for an `UPDATE`, an `INSERT` of a list of rows or an `IN (…)` list
//! on SQLite: their text may differ from call to call. Preparing one costs
//! SQLite more than running it on a table with many indexes, foreign keys
//! and triggers (an update of a user's feed position: 40 µs prepared each
//! time, 11 µs kept; docs/BENCHMARKS.md, "Captures"). The few statements a
//! large write runs thousands of times are written here as fixed text,
//! which diesel then keeps, keyed by its text. Each `?` in the text is the
//! next `bind`, written as the backend writes its parameters.
//!
//! ```ignore
//! prepared::sql("UPDATE users SET change_seq = change_seq + ? WHERE id = ?")
//!     .bind::<BigInt, _>(n)
//!     .bind::<Text, _>(user_id)
//! ```

use std::marker::PhantomData;

use diesel::backend::Backend;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::query_dsl::RunQueryDsl;
use diesel::serialize::ToSql;
use diesel::sql_types::{HasSqlType, Untyped};
use diesel::QueryResult;

/// A statement of fixed text; `bind` adds its parameters in order.
#[derive(Debug, Clone, Copy)]
pub struct Sql(&'static str);

pub fn sql(text: &'static str) -> Sql {
    Sql(text)
}

/// `text` split at its first `?`: the text before it, and the text after
/// it (empty when it has none). Each bind reads only its own piece, so a
/// statement of many binds is written in one pass over its text.
fn split(text: &'static str) -> (&'static str, &'static str) {
    text.split_once('?').unwrap_or((text, ""))
}

impl Sql {
    pub fn bind<ST, V>(self, value: V) -> Bind<Sql, V, ST> {
        Bind {
            query: self,
            value,
            rest: split(self.0).1,
            sql_type: PhantomData,
        }
    }
}

/// A statement with its binds so far and the last: `value`, of SQL type
/// `ST`, followed by `rest` (the text after its `?`).
#[derive(Debug, Clone, Copy)]
pub struct Bind<Q, V, ST> {
    query: Q,
    value: V,
    rest: &'static str,
    sql_type: PhantomData<ST>,
}

impl<Q, V, ST> Bind<Q, V, ST> {
    pub fn bind<ST2, V2>(self, value: V2) -> Bind<Self, V2, ST2> {
        let rest = split(self.rest).1;
        Bind {
            query: self,
            value,
            rest,
            sql_type: PhantomData,
        }
    }
}

// Its text is its identity: no type-level id, and (unlike `sql_query`) safe
// to keep, so diesel's cache keys it by the text and the binds' types.
impl QueryId for Sql {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q, V, ST> QueryId for Bind<Q, V, ST> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<DB: Backend> QueryFragment<DB> for Sql {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql(split(self.0).0);
        Ok(())
    }
}

impl<DB, Q, V, ST> QueryFragment<DB> for Bind<Q, V, ST>
where
    DB: Backend + HasSqlType<ST>,
    Q: QueryFragment<DB>,
    V: ToSql<ST, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.query.walk_ast(out.reborrow())?;
        out.push_bind_param::<ST, V>(&self.value)?;
        out.push_sql(split(self.rest).0);
        Ok(())
    }
}

impl Query for Sql {
    type SqlType = Untyped;
}

impl<Q, V, ST> Query for Bind<Q, V, ST> {
    type SqlType = Untyped;
}

impl<Conn> RunQueryDsl<Conn> for Sql {}

impl<Conn, Q, V, ST> RunQueryDsl<Conn> for Bind<Q, V, ST> {}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::sql_types::{Integer, Text};
    use diesel::sqlite::Sqlite;

    #[test]
    fn each_question_mark_is_the_next_bind() {
        let query = sql("UPDATE t SET a = ? WHERE id = ? AND b = ?")
            .bind::<Integer, _>(1)
            .bind::<Text, _>("x")
            .bind::<Integer, _>(2);
        let text = diesel::debug_query::<Sqlite, _>(&query).to_string();
        assert!(
            text.starts_with("UPDATE t SET a = ? WHERE id = ? AND b = ? -- binds: [1, \"x\", 2]"),
            "{text}"
        );
    }
}
