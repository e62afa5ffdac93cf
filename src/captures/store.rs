//! Database functions for captures: `&mut DbConn` in, `QueryResult` out,
//! every query scoped to one user.

use diesel::prelude::*;

use super::model::{CaptureRow, PendingRow, UpcomingRow};
use crate::db::schema::{
    capture_addresses as ca, capture_pending as cp, capture_upcoming as cu,
    captured_messages as cm, captures, contact_handles as h, contacts, user_addresses as ua,
};
use crate::db::{prepared, DbConn};
use crate::time::Micros;
use diesel::sql_types::{BigInt, Nullable, Text};

/// The user's own addresses as stored (none: the login email stands).
pub fn addresses(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<String>> {
    ua::table
        .filter(ua::user_id.eq(user_id))
        .select(ua::email)
        .order(ua::email)
        .load(conn)
}

pub fn set_addresses(conn: &mut DbConn, user_id: &str, emails: &[String]) -> QueryResult<()> {
    diesel::delete(ua::table.filter(ua::user_id.eq(user_id))).execute(conn)?;
    for e in emails {
        diesel::insert_into(ua::table)
            .values((ua::user_id.eq(user_id), ua::email.eq(e)))
            .execute(conn)?;
    }
    Ok(())
}

/// Of `emails` (as `contacts::search::email_key` writes them), the user's
/// contacts outside the trash holding one: (email, contact id).
pub fn holders<E: AsRef<str>>(
    conn: &mut DbConn,
    user_id: &str,
    emails: &[E],
) -> QueryResult<Vec<(String, String)>> {
    let emails: Vec<&str> = emails.iter().map(AsRef::as_ref).collect();
    h::table
        .inner_join(contacts::table)
        .filter(h::user_id.eq(user_id))
        .filter(h::kind.eq("email"))
        .filter(h::value.eq_any(emails))
        .filter(contacts::trashed_at.is_null())
        .select((h::value, h::contact_id))
        .order((h::value, h::contact_id))
        .load(conn)
}

/// Which of `keys` were captured already.
pub fn captured_among(conn: &mut DbConn, user_id: &str, keys: &[&str]) -> QueryResult<Vec<String>> {
    cm::table
        .filter(cm::user_id.eq(user_id))
        .filter(cm::source_key.eq_any(keys))
        .select(cm::source_key)
        .load(conn)
}

/// The interaction a message (or its thread and day) was logged as.
pub fn captured(conn: &mut DbConn, user_id: &str, key: &str) -> QueryResult<Option<String>> {
    cm::table
        .filter(cm::user_id.eq(user_id))
        .filter(cm::source_key.eq(key))
        .select(cm::interaction_id)
        .first(conn)
        .optional()
}

pub fn mark_captured(
    conn: &mut DbConn,
    user_id: &str,
    key: &str,
    capture_id: &str,
    interaction_id: &str,
) -> QueryResult<()> {
    diesel::insert_into(cm::table)
        .values((
            cm::user_id.eq(user_id),
            cm::source_key.eq(key),
            cm::capture_id.eq(capture_id),
            cm::interaction_id.eq(interaction_id),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Forgets the messages a capture logged (an undo), so that they can be
/// captured again.
pub fn forget_captured(conn: &mut DbConn, user_id: &str, capture_id: &str) -> QueryResult<()> {
    diesel::delete(
        cm::table
            .filter(cm::user_id.eq(user_id))
            .filter(cm::capture_id.eq(capture_id)),
    )
    .execute(conn)
    .map(|_| ())
}

/// Keeps a message or event that matched no contact by `pending.email`,
/// and counts it for the suggestions, once however often it is sent: the
/// address's first and last sighting widen to take it in, and its name is
/// the one its latest sighting gave (or the one it had).
///
/// Two statements of fixed text, which stay prepared: a capture runs them
/// for most of its messages.
pub fn seen_unmatched(
    conn: &mut DbConn,
    pending: &PendingRow,
    name: Option<&str>,
) -> QueryResult<()> {
    let p = pending;
    let kept = prepared::sql(
        "INSERT INTO capture_pending (user_id, email, source_key, capture_id, occurred_at, \
         kind, direction, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (user_id, email, source_key) DO NOTHING",
    )
    .bind::<Text, _>(&p.user_id)
    .bind::<Text, _>(&p.email)
    .bind::<Text, _>(&p.source_key)
    .bind::<Text, _>(&p.capture_id)
    .bind::<BigInt, _>(p.occurred_at)
    .bind::<Text, _>(&p.kind)
    .bind::<Text, _>(&p.direction)
    .bind::<Text, _>(&p.summary);
    if crate::per_backend!(&mut *conn, |c| kept.execute(c))? == 0 {
        return Ok(()); // this message was counted for the address before
    }
    let counted = prepared::sql(
        "INSERT INTO capture_addresses AS a (user_id, email, first_seen, last_seen, seen, \
         dismissed, name) VALUES (?, ?, ?, ?, 1, FALSE, ?) \
         ON CONFLICT (user_id, email) DO UPDATE SET seen = a.seen + 1, \
         first_seen = CASE WHEN excluded.first_seen < a.first_seen \
             THEN excluded.first_seen ELSE a.first_seen END, \
         last_seen = CASE WHEN excluded.last_seen > a.last_seen \
             THEN excluded.last_seen ELSE a.last_seen END, \
         name = CASE WHEN excluded.last_seen >= a.last_seen \
             THEN COALESCE(excluded.name, a.name) ELSE COALESCE(a.name, excluded.name) END",
    )
    .bind::<Text, _>(&p.user_id)
    .bind::<Text, _>(&p.email)
    .bind::<BigInt, _>(p.occurred_at)
    .bind::<BigInt, _>(p.occurred_at)
    .bind::<Nullable<Text>, _>(name);
    crate::per_backend!(conn, |c| counted.execute(c))?;
    Ok(())
}

/// An address seen in captures (dismissed or not), with the name the
/// headers last gave it.
pub fn suggestion(
    conn: &mut DbConn,
    user_id: &str,
    email: &str,
) -> QueryResult<Option<Option<String>>> {
    ca::table
        .filter(ca::user_id.eq(user_id))
        .filter(ca::email.eq(email))
        .filter(ca::seen.gt(0))
        .select(ca::name)
        .first(conn)
        .optional()
}

/// What was captured with `email` before it was a contact, oldest first.
pub fn pending(conn: &mut DbConn, user_id: &str, email: &str) -> QueryResult<Vec<PendingRow>> {
    cp::table
        .filter(cp::user_id.eq(user_id))
        .filter(cp::email.eq(email))
        .select(PendingRow::as_select())
        .order((cp::occurred_at.asc(), cp::source_key.asc()))
        .load(conn)
}

/// Forgets what was pending for an address (it is a contact now), and the
/// address's counts.
pub fn forget_address(conn: &mut DbConn, user_id: &str, email: &str) -> QueryResult<()> {
    diesel::delete(
        cp::table
            .filter(cp::user_id.eq(user_id))
            .filter(cp::email.eq(email)),
    )
    .execute(conn)?;
    diesel::delete(
        ca::table
            .filter(ca::user_id.eq(user_id))
            .filter(ca::email.eq(email))
            .filter(ca::dismissed.eq(false)),
    )
    .execute(conn)?;
    Ok(())
}

/// Forgets what a capture left pending (an undo): each address it counted
/// is counted once less.
pub fn forget_pending(conn: &mut DbConn, user_id: &str, capture_id: &str) -> QueryResult<()> {
    let of_capture = cp::table
        .filter(cp::user_id.eq(user_id))
        .filter(cp::capture_id.eq(capture_id));
    let emails: Vec<String> = of_capture.select(cp::email).load(conn)?;
    for email in &emails {
        diesel::update(
            ca::table
                .filter(ca::user_id.eq(user_id))
                .filter(ca::email.eq(email)),
        )
        .set(ca::seen.eq(ca::seen - 1))
        .execute(conn)?;
    }
    diesel::delete(of_capture).execute(conn)?;
    Ok(())
}

/// Puts a future event on the agenda, or moves it (the same event sent
/// again).
pub fn save_upcoming(conn: &mut DbConn, row: &UpcomingRow) -> QueryResult<()> {
    diesel::delete(
        cu::table
            .filter(cu::user_id.eq(&row.user_id))
            .filter(cu::source_key.eq(&row.source_key)),
    )
    .execute(conn)?;
    diesel::insert_into(cu::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Takes a capture's future events off the agenda (an undo).
pub fn forget_upcoming(conn: &mut DbConn, user_id: &str, capture_id: &str) -> QueryResult<()> {
    diesel::delete(
        cu::table
            .filter(cu::user_id.eq(user_id))
            .filter(cu::capture_id.eq(capture_id)),
    )
    .execute(conn)
    .map(|_| ())
}

/// Future events starting within `from..to`, soonest first.
pub fn upcoming(
    conn: &mut DbConn,
    user_id: &str,
    from: Micros,
    to: Micros,
    limit: i64,
) -> QueryResult<Vec<UpcomingRow>> {
    cu::table
        .filter(cu::user_id.eq(user_id))
        .filter(cu::starts_at.ge(from))
        .filter(cu::starts_at.lt(to))
        .select(UpcomingRow::as_select())
        .order((cu::starts_at.asc(), cu::source_key.asc()))
        .limit(limit)
        .load(conn)
}

/// An address seen in captures: (email, name, first seen, last seen,
/// count).
pub type SeenAddress = (String, Option<String>, i64, i64, i32);

/// Addresses seen in at least `min_count` messages, not dismissed and not
/// held by a contact now: (email, name, first seen, last seen, count),
/// most frequent first.
pub fn suggestions(
    conn: &mut DbConn,
    user_id: &str,
    min_count: i32,
    limit: i64,
) -> QueryResult<Vec<SeenAddress>> {
    let held = h::table
        .filter(h::user_id.eq(user_id))
        .filter(h::kind.eq("email"))
        .select(h::value);
    ca::table
        .filter(ca::user_id.eq(user_id))
        .filter(ca::seen.ge(min_count))
        .filter(ca::dismissed.eq(false))
        .filter(ca::email.ne_all(held))
        .select((ca::email, ca::name, ca::first_seen, ca::last_seen, ca::seen))
        .order((ca::seen.desc(), ca::email.asc()))
        .limit(limit)
        .load(conn)
}

/// Hides an address from the suggestions for good (one never seen too).
pub fn dismiss(conn: &mut DbConn, user_id: &str, email: &str, at: Micros) -> QueryResult<()> {
    let n = diesel::update(
        ca::table
            .filter(ca::user_id.eq(user_id))
            .filter(ca::email.eq(email)),
    )
    .set(ca::dismissed.eq(true))
    .execute(conn)?;
    if n == 0 {
        diesel::insert_into(ca::table)
            .values((
                ca::user_id.eq(user_id),
                ca::email.eq(email),
                ca::first_seen.eq(at),
                ca::last_seen.eq(at),
                ca::seen.eq(0),
                ca::dismissed.eq(true),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn insert(conn: &mut DbConn, row: &CaptureRow) -> QueryResult<()> {
    diesel::insert_into(captures::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<CaptureRow>> {
    captures::table
        .filter(captures::user_id.eq(user_id))
        .filter(captures::id.eq(id))
        .select(CaptureRow::as_select())
        .first(conn)
        .optional()
}

/// The user's captures, newest first, after the id `after`: `limit + 1` at
/// most (ids are time-ordered).
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<CaptureRow>> {
    let mut query = captures::table
        .filter(captures::user_id.eq(user_id))
        .select(CaptureRow::as_select())
        .into_boxed();
    if let Some(id) = after {
        query = query.filter(captures::id.lt(id.to_string()));
    }
    query.order(captures::id.desc()).limit(limit + 1).load(conn)
}

/// Marks the capture undone, unless it already is; whether it marked it.
pub fn mark_undone(conn: &mut DbConn, user_id: &str, id: &str, at: Micros) -> QueryResult<bool> {
    diesel::update(captures::table)
        .filter(captures::user_id.eq(user_id))
        .filter(captures::id.eq(id))
        .filter(captures::undone_at.is_null())
        .set(captures::undone_at.eq(Some(at)))
        .execute(conn)
        .map(|n| n == 1)
}
