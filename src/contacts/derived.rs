//! The derived fields of a contact — effective cadence, last touch, next due
//! date, birthday key — kept right in the same transaction as every write
//! that changes them.

use std::collections::{BTreeSet, HashMap};

use diesel::dsl::max;
use diesel::prelude::*;

use super::model::ContactRow;
use crate::db::schema::{contacts, interaction_contacts as ic, tags};
use crate::db::DbConn;
use crate::time::{self, Micros, DAY};

/// `base` (the last touch, or creation) plus the cadence, moved to 00:00 UTC
/// of `snoozed_until` when that is later; `None` without a cadence or when
/// archived.
pub fn next_due(
    created_at: Micros,
    last_touch: Option<Micros>,
    cadence_days: Option<i32>,
    snoozed_until: Option<&str>,
    archived: bool,
) -> Option<Micros> {
    let cadence = cadence_days.filter(|_| !archived)?;
    let due = last_touch.unwrap_or(created_at) + i64::from(cadence) * DAY;
    let snooze = snoozed_until
        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .map(time::start_of);
    Some(snooze.map_or(due, |s| due.max(s)))
}

/// `MM-DD` of a `YYYY-MM-DD` or `--MM-DD` birthday.
pub fn birthday_md(birthday: Option<&str>) -> Option<String> {
    birthday
        .and_then(|b| b.get(b.len().saturating_sub(5)..))
        .map(str::to_owned)
}

pub fn last_touch(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
) -> QueryResult<Option<Micros>> {
    ic::table
        .filter(ic::user_id.eq(user_id))
        .filter(ic::contact_id.eq(contact_id))
        .filter(ic::counts_as_touch.eq(true))
        .select(max(ic::occurred_at))
        .first(conn)
}

/// The shortest default cadence among `names`: a kept statement per name
/// (a contact has few tags), as SQLite prepares a list (`IN (…)`) again at
/// every call.
pub fn tag_cadence(conn: &mut DbConn, user_id: &str, names: &[String]) -> QueryResult<Option<i32>> {
    let mut shortest = None;
    for name in names {
        let days = crate::tags::store::cadence(conn, user_id, name)?;
        shortest = shortest.into_iter().chain(days.flatten()).min();
    }
    Ok(shortest)
}

/// The latest interaction with a follow-up date and no later touch of the
/// contact: (its follow-up date, its id).
pub fn open_follow_up(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
    last_touch: Option<Micros>,
) -> QueryResult<Option<(String, String)>> {
    let mut q = ic::table
        .filter(ic::user_id.eq(user_id))
        .filter(ic::contact_id.eq(contact_id))
        .filter(ic::follow_up_on.is_not_null())
        .into_boxed();
    if let Some(t) = last_touch {
        q = q.filter(ic::occurred_at.ge(t));
    }
    q.order((ic::occurred_at.desc(), ic::interaction_id.desc()))
        .select((ic::follow_up_on.assume_not_null(), ic::interaction_id))
        .first(conn)
        .optional()
}

/// Recomputes every derived field of `row` in place; true when one changed.
pub fn refresh(conn: &mut DbConn, row: &mut ContactRow) -> QueryResult<bool> {
    recompute(conn, row, true)
}

/// `refresh` for a contact not stored yet: it takes part in no interaction,
/// so its last touch and follow-up are none without asking (two queries
/// fewer for every create).
pub fn refresh_new(conn: &mut DbConn, row: &mut ContactRow) -> QueryResult<bool> {
    recompute(conn, row, false)
}

fn recompute(conn: &mut DbConn, row: &mut ContactRow, stored: bool) -> QueryResult<bool> {
    let cadence = match row.cadence_days {
        Some(c) => Some(c),
        None => tag_cadence(conn, &row.user_id, &row_tags(row))?,
    };
    let last = match stored {
        true => last_touch(conn, &row.user_id, &row.id)?,
        false => None,
    };
    let follow = match stored {
        true => open_follow_up(conn, &row.user_id, &row.id, last)?,
        false => None,
    };
    Ok(derive(row, cadence, last, follow))
}

/// `refresh` for many stored contacts of one user: their last touches,
/// open follow-ups and tags' cadences read in three queries for all of
/// them; for each row, whether a field moved.
pub fn refresh_many(
    conn: &mut DbConn,
    user_id: &str,
    rows: &mut [ContactRow],
) -> QueryResult<Vec<bool>> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    // Each contact's own `max`, which the database reads off the end of
    // the contact's index range; `GROUP BY contact_id` over all of them
    // read every participation instead (10 ms for a contact with 20,000).
    // On PostgreSQL the index serves `ic.contact_id = contacts.id` because
    // both columns compare in the ids' collation, "C" (migration 000030;
    // before it, this scanned every participation: 4 s for one interaction
    // on 1,000,000 of them).
    let touch = ic::table
        .filter(ic::user_id.eq(contacts::user_id))
        .filter(ic::contact_id.eq(contacts::id))
        .filter(ic::counts_as_touch.eq(true))
        .select(max(ic::occurred_at))
        .single_value();
    let last: HashMap<String, Micros> = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any(&ids))
        .select((contacts::id, touch))
        .load::<(String, Option<Micros>)>(conn)?
        .into_iter()
        .filter_map(|(id, at)| Some((id, at?)))
        .collect();
    // Every follow-up of theirs; for each contact the latest (by time, then
    // id) not before its last touch, as `open_follow_up` picks it.
    let follow_ups: Vec<(String, Micros, String, String)> = ic::table
        .filter(ic::user_id.eq(user_id))
        .filter(ic::contact_id.eq_any(&ids))
        .filter(ic::follow_up_on.is_not_null())
        .select((
            ic::contact_id,
            ic::occurred_at,
            ic::interaction_id,
            ic::follow_up_on.assume_not_null(),
        ))
        .load(conn)?;
    let mut open: HashMap<String, (Micros, String, String)> = HashMap::new();
    for (contact, at, interaction, on) in follow_ups {
        if last.get(&contact).is_some_and(|l| at < *l) {
            continue;
        }
        let later = |(a, i, _): &(Micros, String, String)| (at, &interaction) > (*a, i);
        if open.get(&contact).is_none_or(later) {
            open.insert(contact, (at, interaction, on));
        }
    }
    let names: BTreeSet<String> = rows
        .iter()
        .filter(|r| r.cadence_days.is_none())
        .flat_map(row_tags)
        .collect();
    let names: Vec<String> = names.into_iter().collect();
    let cadences: HashMap<String, i32> = match names.is_empty() {
        true => HashMap::new(),
        false => tags::table
            .filter(tags::user_id.eq(user_id))
            .filter(tags::name.eq_any(&names))
            .filter(tags::default_cadence_days.is_not_null())
            .select((tags::name, tags::default_cadence_days.assume_not_null()))
            .load(conn)?
            .into_iter()
            .collect(),
    };
    Ok(rows
        .iter_mut()
        .map(|row| {
            let cadence = row.cadence_days.or_else(|| {
                row_tags(row)
                    .iter()
                    .filter_map(|t| cadences.get(t).copied())
                    .min()
            });
            let last = last.get(&row.id).copied();
            let follow = open.remove(&row.id).map(|(_, id, on)| (on, id));
            derive(row, cadence, last, follow)
        })
        .collect())
}

fn row_tags(row: &ContactRow) -> Vec<String> {
    serde_json::from_str(&row.tags).unwrap_or_default()
}

/// Sets the derived fields of `row` from its cadence, last touch and open
/// follow-up (its date, the interaction's id); true when one moved.
fn derive(
    row: &mut ContactRow,
    cadence: Option<i32>,
    last: Option<Micros>,
    follow: Option<(String, String)>,
) -> bool {
    let due = next_due(
        row.created_at,
        last,
        cadence,
        row.snoozed_until.as_deref(),
        row.archived,
    );
    let md = birthday_md(row.birthday.as_deref());
    let follow = follow.map(|(date, id)| format!("{date}|{id}"));
    // A changed follow-up moves no field the API shows, but the row must
    // still be written: callers write it when anything here moved.
    let changed = (cadence, last, due, &md, &follow)
        != (
            row.cadence_effective,
            row.last_interaction_at,
            row.next_due_at,
            &row.birthday_md,
            &row.follow_up,
        );
    row.cadence_effective = cadence;
    row.last_interaction_at = last;
    row.next_due_at = due;
    row.birthday_md = md;
    row.follow_up = follow;
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Micros = 1_700_000_000_000_000;

    #[test]
    fn due_is_the_last_touch_plus_the_cadence() {
        assert_eq!(
            next_due(T0, Some(T0 + DAY), Some(30), None, false),
            Some(T0 + 31 * DAY)
        );
    }

    #[test]
    fn a_contact_never_touched_is_due_a_cadence_after_creation() {
        assert_eq!(next_due(T0, None, Some(7), None, false), Some(T0 + 7 * DAY));
    }

    #[test]
    fn no_cadence_or_archived_means_never_due() {
        assert_eq!(next_due(T0, None, None, None, false), None);
        assert_eq!(next_due(T0, None, Some(7), None, true), None);
    }

    #[test]
    fn a_later_snooze_moves_the_due_date_to_its_midnight() {
        // T0 is 2023-11-14T22:13:20Z.
        let due = next_due(T0, None, Some(1), Some("2024-01-10"), false);
        assert_eq!(
            due.map(time::rfc3339).as_deref(),
            Some("2024-01-10T00:00:00.000000Z")
        );
        // An earlier snooze changes nothing.
        assert_eq!(
            next_due(T0, None, Some(1), Some("2020-01-01"), false),
            Some(T0 + DAY)
        );
    }

    #[test]
    fn the_birthday_key_ignores_the_year() {
        assert_eq!(birthday_md(Some("1990-04-17")).as_deref(), Some("04-17"));
        assert_eq!(birthday_md(Some("--02-29")).as_deref(), Some("02-29"));
        assert_eq!(birthday_md(None), None);
    }
}
