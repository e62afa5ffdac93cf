//! Database functions for the change feed: `&mut DbConn` in, `QueryResult`
//! out.

use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{changes, users};
use crate::db::{prepared, DbConn};
use crate::time;
use diesel::sql_types::{BigInt, Text};

/// Appends one change for `resource_type`/`id`: an upsert carrying `data`
/// (the resource as `GET` returns it), or a delete when `data` is `None`.
/// Taking the next number locks the user's row, so a user's changes are
/// numbered in commit order.
pub fn record<T: Serialize>(
    conn: &mut DbConn,
    user_id: &str,
    resource_type: &str,
    resource_id: &str,
    data: Option<&T>,
) -> QueryResult<i64> {
    let data = match data {
        Some(d) => Some(
            serde_json::to_string(d)
                .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?,
        ),
        None => None,
    };
    record_json(conn, user_id, resource_type, resource_id, data.as_deref())
}

/// `record` with the resource already written as JSON (a contact's stored
/// JSON, say).
pub fn record_json(
    conn: &mut DbConn,
    user_id: &str,
    resource_type: &str,
    resource_id: &str,
    data: Option<&str>,
) -> QueryResult<i64> {
    let seq = advance(conn, user_id, 1)?;
    metrics::counter!("kith_changes_recorded_total").increment(1);
    let row = NewChange::new(user_id, seq, resource_type, resource_id, data, time::now());
    diesel::insert_into(changes::table)
        .values(&row)
        .execute(conn)?;
    Ok(seq)
}

/// One row of the feed as `record_json` and `record_upserts` write it.
#[derive(Insertable)]
#[diesel(table_name = changes, treat_none_as_default_value = false)]
struct NewChange<'a> {
    user_id: &'a str,
    seq: i64,
    resource_type: &'a str,
    resource_id: &'a str,
    op: &'static str,
    data: Option<&'a str>,
    created_at: i64,
}

impl<'a> NewChange<'a> {
    /// An upsert carrying `data`, or a delete when it is `None`.
    fn new(
        user_id: &'a str,
        seq: i64,
        resource_type: &'a str,
        resource_id: &'a str,
        data: Option<&'a str>,
        created_at: i64,
    ) -> Self {
        let op = if data.is_some() { "upsert" } else { "delete" };
        NewChange {
            user_id,
            seq,
            resource_type,
            resource_id,
            op,
            data,
            created_at,
        }
    }
}

/// Moves the user's feed position on by `n`: where it stands now. One
/// statement takes the numbers and the lock on the user's row (kept
/// prepared: every write runs it).
fn advance(conn: &mut DbConn, user_id: &str, n: i64) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Position {
        #[diesel(sql_type = BigInt)]
        change_seq: i64,
    }
    let query = prepared::sql(
        "UPDATE users SET change_seq = change_seq + ? WHERE id = ? RETURNING change_seq",
    )
    .bind::<BigInt, _>(n)
    .bind::<Text, _>(user_id);
    let position: Position = crate::per_backend!(conn, |c| query.get_result(c))?;
    Ok(position.change_seq)
}

/// `record_json` for many upserts of one resource type: the numbers taken
/// in one statement, the rows written in one insert per 500.
pub fn record_upserts(
    conn: &mut DbConn,
    user_id: &str,
    resource_type: &str,
    upserts: &[(&str, &str)],
) -> QueryResult<()> {
    let n = upserts.len() as i64;
    if n == 0 {
        return Ok(());
    }
    let last = advance(conn, user_id, n)?;
    metrics::counter!("kith_changes_recorded_total").increment(n.unsigned_abs());
    let now = time::now();
    let rows: Vec<NewChange> = (last - n + 1..)
        .zip(upserts)
        .map(|(seq, (id, data))| NewChange::new(user_id, seq, resource_type, id, Some(data), now))
        .collect();
    for chunk in rows.chunks(500) {
        let insert = diesel::insert_into(changes::table).values(chunk);
        crate::per_backend!(conn, |c| insert.execute(c))?;
    }
    Ok(())
}

/// The number of the user's last change: where the user's feed stands.
/// Every write of the user's data moves it, in its transaction. `0` for an
/// account that is gone (a read then finds none of its rows, and answers
/// as reads of a gone account do).
pub fn last_change(conn: &mut DbConn, user_id: &str) -> QueryResult<i64> {
    position(conn, user_id).map(Option::unwrap_or_default)
}

/// `last_change`, or `None` for an account that is gone.
pub fn position(conn: &mut DbConn, user_id: &str) -> QueryResult<Option<i64>> {
    users::table
        .find(user_id)
        .select(users::change_seq)
        .first(conn)
        .optional()
}

/// Names what the user's last recorded change was where its op does not
/// say it (`restored`, `merged`; see webhooks' events). In the transaction
/// that recorded it, whose lock on the user's row keeps it the last.
pub fn name_last(conn: &mut DbConn, user_id: &str, event: &str) -> QueryResult<()> {
    let seq: i64 = users::table
        .find(user_id)
        .select(users::change_seq)
        .first(conn)?;
    diesel::update(
        changes::table
            .filter(changes::user_id.eq(user_id))
            .filter(changes::seq.eq(seq)),
    )
    .set(changes::event.eq(Some(event)))
    .execute(conn)
    .map(|_| ())
}

/// One stored change: its number, resource type, id, op and data (JSON).
pub type ChangeRow = (i64, String, String, String, Option<String>);

/// The user's changes after `since`, in order, `limit + 1` at most.
pub fn after(
    conn: &mut DbConn,
    user_id: &str,
    since: i64,
    limit: i64,
) -> QueryResult<Vec<ChangeRow>> {
    changes::table
        .filter(changes::user_id.eq(user_id))
        .filter(changes::seq.gt(since))
        .order(changes::seq.asc())
        .limit(limit + 1)
        .select((
            changes::seq,
            changes::resource_type,
            changes::resource_id,
            changes::op,
            changes::data,
        ))
        .load(conn)
}

/// Where each of these users' feeds stands: (user id, last change).
pub fn positions(conn: &mut DbConn, user_ids: &[String]) -> QueryResult<Vec<(String, i64)>> {
    users::table
        .filter(users::id.eq_any(user_ids))
        .select((users::id, users::change_seq))
        .load(conn)
}
