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
use diesel::expression::{
    is_aggregate, AppearsOnTable, Expression, SelectableExpression, TypedExpressionType,
    ValidGrouping,
};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::query_dsl::RunQueryDsl;
use diesel::serialize::ToSql;
use diesel::sql_types::{Array, Bool, HasSqlType, Text, Untyped};
use diesel::sqlite::Sqlite;
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

/// A condition or value of fixed text with its binds (`sql(…).bind(…)`),
/// of SQL type `ST`, for a query diesel builds: unlike `diesel::dsl::sql`,
/// it leaves the statement one diesel keeps prepared.
#[derive(Debug, Clone, Copy)]
pub struct Expr<ST, Q> {
    query: Q,
    sql_type: PhantomData<ST>,
}

pub fn expr<ST, Q>(query: Q) -> Expr<ST, Q> {
    Expr {
        query,
        sql_type: PhantomData,
    }
}

impl<ST: TypedExpressionType, Q> Expression for Expr<ST, Q> {
    type SqlType = ST;
}

impl<DB: Backend, ST, Q: QueryFragment<DB>> QueryFragment<DB> for Expr<ST, Q> {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.query.walk_ast(out)
    }
}

impl<ST, Q> QueryId for Expr<ST, Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<QS, ST: TypedExpressionType, Q> AppearsOnTable<QS> for Expr<ST, Q> {}

impl<QS, ST: TypedExpressionType, Q> SelectableExpression<QS> for Expr<ST, Q> {}

impl<GB, ST, Q> ValidGrouping<GB> for Expr<ST, Q> {
    type IsAggregate = is_aggregate::Never;
}

/// `column` equal to one of `values`, as a statement diesel keeps prepared
/// whatever their number (its own `eq_any` of a list is a new statement
/// on SQLite at each length, prepared again each time): on SQLite the
/// values are one bound JSON array; on PostgreSQL one bound array, read
/// through a subselect (`= ANY(ARRAY(SELECT unnest($1)))`). With
/// `= ANY($1)` PostgreSQL plans the statement again on every run, as its
/// estimate for the array given (often one id) always beats the generic
/// plan's for an array of unknown length; the subselect hides the array
/// from the estimate, so both plans cost the same and the prepared one is
/// kept (planning took more of the server's time than the lookups of a
/// batch of contacts by id).
#[derive(Debug, Clone)]
pub struct OneOf<C> {
    column: C,
    values: Vec<String>,
    /// The values as SQLite binds them, written when first bound.
    json: std::sync::OnceLock<String>,
}

pub fn one_of<C>(column: C, values: Vec<String>) -> OneOf<C> {
    OneOf {
        column,
        values,
        json: std::sync::OnceLock::new(),
    }
}

impl<C> Expression for OneOf<C> {
    type SqlType = Bool;
}

impl<C: QueryFragment<Sqlite>> QueryFragment<Sqlite> for OneOf<C> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        self.column.walk_ast(out.reborrow())?;
        out.push_sql(" IN (SELECT value FROM json_each(");
        let json = self
            .json
            .get_or_init(|| serde_json::to_string(&self.values).unwrap_or_default());
        out.push_bind_param::<Text, _>(json)?;
        out.push_sql("))");
        Ok(())
    }
}

impl<C: QueryFragment<Pg>> QueryFragment<Pg> for OneOf<C> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.column.walk_ast(out.reborrow())?;
        out.push_sql(" = ANY(ARRAY(SELECT unnest(");
        out.push_bind_param::<Array<Text>, _>(&self.values)?;
        out.push_sql(")))");
        Ok(())
    }
}

impl<C> QueryId for OneOf<C> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<QS, C: AppearsOnTable<QS>> AppearsOnTable<QS> for OneOf<C> {}

impl<QS, C: SelectableExpression<QS>> SelectableExpression<QS> for OneOf<C> {}

impl<GB, C> ValidGrouping<GB> for OneOf<C> {
    type IsAggregate = is_aggregate::Never;
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::sql_types::Integer;

    #[test]
    fn a_query_with_one_of_or_expr_is_kept_prepared_on_both_databases() {
        use crate::db::schema::contacts;
        use diesel::prelude::*;
        let ids = || vec!["a".to_string(), "b".to_string()];
        let head = || {
            expr::<Bool, _>(sql("substr(contacts.display_name, 1, 2) = ?").bind::<Text, _>("an"))
        };
        let ours = |ids| {
            contacts::table
                .filter(one_of(contacts::id, ids))
                .filter(head())
                .select(contacts::id)
        };
        assert!(QueryFragment::<Sqlite>::is_safe_to_cache_prepared(&ours(ids()), &Sqlite).unwrap());
        assert!(QueryFragment::<Pg>::is_safe_to_cache_prepared(&ours(ids()), &Pg).unwrap());
        let text = diesel::debug_query::<Sqlite, _>(&ours(ids())).to_string();
        assert!(
            text.contains("IN (SELECT value FROM json_each(?))"),
            "{text}"
        );
        assert!(text.contains(r#"binds: ["[\"a\",\"b\"]", "an"]"#), "{text}");
        let text = diesel::debug_query::<Pg, _>(&ours(ids())).to_string();
        assert!(text.contains("= ANY(ARRAY(SELECT unnest($1)))"), "{text}");
        // What they stand for: diesel's list is prepared again each time.
        let theirs = contacts::table
            .filter(contacts::id.eq_any(ids()))
            .select(contacts::id);
        assert!(!QueryFragment::<Sqlite>::is_safe_to_cache_prepared(&theirs, &Sqlite).unwrap());
    }

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
