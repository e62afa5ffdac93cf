//! Database functions for webhooks and their deliveries: `&mut DbConn` in,
//! `QueryResult` out.

use diesel::prelude::*;

use super::model::{DeliveryRow, WebhookRow};
use crate::db::schema::{changes, contacts, users, webhook_deliveries as wd, webhooks};
use crate::db::DbConn;
use crate::time::Micros;

pub fn insert(conn: &mut DbConn, row: &WebhookRow) -> QueryResult<()> {
    diesel::insert_into(webhooks::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<WebhookRow>> {
    webhooks::table
        .filter(webhooks::user_id.eq(user_id))
        .filter(webhooks::id.eq(id))
        .select(WebhookRow::as_select())
        .first(conn)
        .optional()
}

/// A webhook by id alone (the delivery worker, which acts for every user).
pub fn by_id(conn: &mut DbConn, id: &str) -> QueryResult<Option<WebhookRow>> {
    webhooks::table
        .find(id)
        .select(WebhookRow::as_select())
        .first(conn)
        .optional()
}

pub fn list(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<WebhookRow>> {
    webhooks::table
        .filter(webhooks::user_id.eq(user_id))
        .select(WebhookRow::as_select())
        .order(webhooks::id)
        .load(conn)
}

pub fn count(conn: &mut DbConn, user_id: &str) -> QueryResult<i64> {
    webhooks::table
        .filter(webhooks::user_id.eq(user_id))
        .count()
        .get_result(conn)
}

/// Writes every field of `row` back.
pub fn update(conn: &mut DbConn, row: &WebhookRow) -> QueryResult<()> {
    diesel::update(webhooks::table.find(&row.id))
        .set((
            webhooks::url.eq(&row.url),
            webhooks::description.eq(&row.description),
            webhooks::events.eq(&row.events),
            webhooks::enabled.eq(row.enabled),
            webhooks::disabled_reason.eq(&row.disabled_reason),
            webhooks::secret.eq(&row.secret),
            webhooks::previous_secret.eq(&row.previous_secret),
            webhooks::previous_secret_expires_at.eq(row.previous_secret_expires_at),
            webhooks::cursor_seq.eq(row.cursor_seq),
            webhooks::failing_since.eq(row.failing_since),
            webhooks::updated_at.eq(row.updated_at),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn delete(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<bool> {
    diesel::delete(
        webhooks::table
            .filter(webhooks::user_id.eq(user_id))
            .filter(webhooks::id.eq(id)),
    )
    .execute(conn)
    .map(|n| n == 1)
}

/// The users with an enabled webhook, and that webhook (several rows for
/// a user with several).
pub fn enabled(conn: &mut DbConn) -> QueryResult<Vec<WebhookRow>> {
    webhooks::table
        .filter(webhooks::enabled.eq(true))
        .select(WebhookRow::as_select())
        .order(webhooks::id)
        .load(conn)
}

/// Enabled webhooks whose user has changes they have not taken yet:
/// (webhook id, user id).
pub fn behind(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<(String, String)>> {
    webhooks::table
        .inner_join(users::table)
        .filter(webhooks::enabled.eq(true))
        .filter(users::change_seq.gt(webhooks::cursor_seq))
        .select((webhooks::id, webhooks::user_id))
        .order(webhooks::id)
        .limit(limit)
        .load(conn)
}

/// One change of the feed as a webhook reads it: (seq, resource type,
/// resource id, data, event, recorded at).
pub type Change = (i64, String, String, Option<String>, Option<String>, i64);

pub fn changes_after(
    conn: &mut DbConn,
    user_id: &str,
    seq: i64,
    limit: i64,
) -> QueryResult<Vec<Change>> {
    changes::table
        .filter(changes::user_id.eq(user_id))
        .filter(changes::seq.gt(seq))
        .order(changes::seq)
        .limit(limit)
        .select((
            changes::seq,
            changes::resource_type,
            changes::resource_id,
            changes::data,
            changes::event,
            changes::created_at,
        ))
        .load(conn)
}

/// The contact a merged contact was merged into.
pub fn merged_into(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<String>> {
    contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq(id))
        .select(contacts::merged_into)
        .first::<Option<String>>(conn)
        .optional()
        .map(Option::flatten)
}

pub fn insert_delivery(conn: &mut DbConn, row: &DeliveryRow) -> QueryResult<()> {
    diesel::insert_into(wd::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Whether any delivery is due at `now` (a read, before taking any).
pub fn any_due(conn: &mut DbConn, now: Micros) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        wd::table
            .filter(wd::status.eq("pending"))
            .filter(wd::next_attempt_at.le(now))
            .filter(wd::lease_until.is_null().or(wd::lease_until.lt(now))),
    ))
    .get_result(conn)
}

/// Takes up to `limit` deliveries due at `now` for this process until
/// `lease_until`: pending, not held by another process, and, for a first
/// attempt, none older of the same webhook waiting for its own first
/// attempt (first attempts go out in the order of the changes). On
/// PostgreSQL rows another process is taking are skipped, not waited for.
pub fn claim(
    conn: &mut DbConn,
    now: Micros,
    lease_until: Micros,
    limit: i64,
) -> QueryResult<Vec<DeliveryRow>> {
    let older = diesel::alias!(wd as older);
    let due = wd::table
        .filter(wd::status.eq("pending"))
        .filter(wd::next_attempt_at.le(now))
        .filter(wd::lease_until.is_null().or(wd::lease_until.lt(now)))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            older
                .filter(older.field(wd::webhook_id).eq(wd::webhook_id))
                .filter(older.field(wd::status).eq("pending"))
                .filter(older.field(wd::attempts).eq(0))
                .filter(older.field(wd::id).lt(wd::id)),
        )))
        .order((wd::next_attempt_at, wd::id))
        .select(wd::id)
        .limit(limit);
    let ids: Vec<String> = match conn {
        DbConn::Sqlite(c) => due.load(c)?,
        DbConn::Postgresql(c) => due.for_update().skip_locked().load(c)?,
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(wd::table.filter(wd::id.eq_any(&ids)))
        .set(wd::lease_until.eq(Some(lease_until)))
        .execute(conn)?;
    wd::table
        .filter(wd::id.eq_any(&ids))
        .select(DeliveryRow::as_select())
        .order(wd::id)
        .load(conn)
}

/// Writes an attempt's outcome back, releasing the delivery.
pub fn finish(conn: &mut DbConn, row: &DeliveryRow) -> QueryResult<()> {
    diesel::update(wd::table.find(&row.id))
        .set((
            wd::status.eq(&row.status),
            wd::attempts.eq(row.attempts),
            wd::next_attempt_at.eq(row.next_attempt_at),
            wd::last_status_code.eq(row.last_status_code),
            wd::last_attempt_at.eq(row.last_attempt_at),
            wd::last_response.eq(&row.last_response),
            wd::last_error.eq(&row.last_error),
            wd::lease_until.eq(None::<i64>),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Gives a taken delivery back, unsent (the process is stopping).
pub fn release(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::update(wd::table.find(id))
        .set(wd::lease_until.eq(None::<i64>))
        .execute(conn)
        .map(|_| ())
}

/// Fails what a disabled webhook still had pending.
pub fn fail_pending(conn: &mut DbConn, webhook_id: &str, why: &str) -> QueryResult<()> {
    diesel::update(
        wd::table
            .filter(wd::webhook_id.eq(webhook_id))
            .filter(wd::status.eq("pending")),
    )
    .set((
        wd::status.eq("failed"),
        wd::next_attempt_at.eq(None::<i64>),
        wd::last_error.eq(why),
        wd::lease_until.eq(None::<i64>),
    ))
    .execute(conn)
    .map(|_| ())
}

pub fn find_delivery(
    conn: &mut DbConn,
    user_id: &str,
    webhook_id: &str,
    id: &str,
) -> QueryResult<Option<DeliveryRow>> {
    wd::table
        .filter(wd::user_id.eq(user_id))
        .filter(wd::webhook_id.eq(webhook_id))
        .filter(wd::id.eq(id))
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()
}

/// A webhook's deliveries, newest first, after the id `after`: `limit + 1`
/// at most.
pub fn deliveries(
    conn: &mut DbConn,
    user_id: &str,
    webhook_id: &str,
    status: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<DeliveryRow>> {
    let mut query = wd::table
        .filter(wd::user_id.eq(user_id))
        .filter(wd::webhook_id.eq(webhook_id))
        .select(DeliveryRow::as_select())
        .into_boxed();
    if let Some(s) = status {
        query = query.filter(wd::status.eq(s.to_string()));
    }
    if let Some(id) = after {
        query = query.filter(wd::id.lt(id.to_string()));
    }
    query.order(wd::id.desc()).limit(limit + 1).load(conn)
}

/// Sends a delivery again now (whatever its state).
pub fn retry(conn: &mut DbConn, id: &str, now: Micros) -> QueryResult<()> {
    diesel::update(wd::table.find(id))
        .set((
            wd::status.eq("pending"),
            wd::next_attempt_at.eq(Some(now)),
            wd::lease_until.eq(None::<i64>),
        ))
        .execute(conn)
        .map(|_| ())
}
