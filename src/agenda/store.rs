//! Computing the agenda from indexed queries: overdue and due contacts on
//! `(user_id, next_due_at)`, follow-ups on `(user_id, follow_up)` of contacts,
//! birthdays on `(user_id, birthday_md)`.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::model::{AgendaItem, ItemType};
use crate::db::schema::{contacts, interactions};
use crate::db::DbConn;
use crate::time::{self, Micros, DAY};

pub const MAX_ITEMS: i64 = 500;

pub fn date_of(t: Micros) -> NaiveDate {
    time::to_datetime(t).date_naive()
}

fn whole_days(micros: Micros) -> i64 {
    micros.div_euclid(DAY)
}

/// `days` ago, in words, appended to `out`.
fn push_ago(out: &mut String, days: i64) {
    use std::fmt::Write;
    match days {
        0 => out.push_str("today"),
        1 => out.push_str("1 day ago"),
        n => {
            let _ = write!(out, "{n} days ago");
        }
    }
}

/// A date as the API writes it (`YYYY-MM-DD`), in one allocation: an
/// agenda writes one per item.
fn iso_date(date: NaiveDate) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(10);
    let _ = write!(out, "{date}");
    out
}

/// The next time `month`/`day` comes round on or after `from`; 29 February
/// falls on 28 February in other years.
pub fn next_occurrence(month: u32, day: u32, from: NaiveDate) -> Option<NaiveDate> {
    (from.year()..=from.year() + 1)
        .filter_map(|y| {
            NaiveDate::from_ymd_opt(y, month, day).or_else(|| {
                (month == 2 && day == 29)
                    .then(|| NaiveDate::from_ymd_opt(y, 2, 28))
                    .flatten()
            })
        })
        .find(|d| *d >= from)
}

type DueRow = (
    String,
    String,
    Option<Micros>,
    Micros,
    Option<i32>,
    Option<Micros>,
);

/// Contacts due in `[from, to)`, by due date.
fn due_rows(
    conn: &mut DbConn,
    user_id: &str,
    from: Micros,
    to: Micros,
    limit: i64,
) -> QueryResult<Vec<DueRow>> {
    contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::next_due_at.ge(from))
        .filter(contacts::next_due_at.lt(to))
        .filter(contacts::trashed_at.is_null())
        .order((contacts::next_due_at.asc(), contacts::id.asc()))
        .select(DUE_COLUMNS)
        .limit(limit)
        .load(conn)
}

const DUE_COLUMNS: (
    contacts::id,
    contacts::display_name,
    contacts::last_interaction_at,
    contacts::created_at,
    contacts::cadence_effective,
    contacts::next_due_at,
) = (
    contacts::id,
    contacts::display_name,
    contacts::last_interaction_at,
    contacts::created_at,
    contacts::cadence_effective,
    contacts::next_due_at,
);

diesel::define_sql_function! {
    /// SQL's `COALESCE` of two instants.
    fn coalesce(x: diesel::sql_types::Nullable<BigInt>, y: BigInt) -> BigInt;
}

/// What a cadence counts from: the expression of the
/// `(user_id, cadence_effective, …)` index. Written with diesel's types,
/// not as SQL text, so that each statement using it is prepared once.
fn base() -> coalesce<contacts::last_interaction_at, contacts::created_at> {
    coalesce(contacts::last_interaction_at, contacts::created_at)
}

/// The distinct cadences of the user's contacts, the smallest first, at
/// most `most`: one statement, each step a jump on the
/// `(user_id, cadence_effective, …)` index.
fn cadences(conn: &mut DbConn, user_id: &str, most: usize) -> QueryResult<Vec<i32>> {
    let query = DistinctCadences {
        user_id,
        most: most as i64,
    };
    crate::per_backend!(conn, |c| query.load(c))
}

/// The statement of `cadences`, written out as SQL (diesel has no
/// recursive queries) but with a type of its own, so that it is prepared
/// once like the statements diesel writes (`sql_query` text is prepared
/// and planned again at each execution).
#[derive(Clone, Copy)]
struct DistinctCadences<'a> {
    user_id: &'a str,
    most: i64,
}

impl diesel::query_builder::QueryId for DistinctCadences<'_> {
    type QueryId = DistinctCadences<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl diesel::query_builder::Query for DistinctCadences<'_> {
    type SqlType = diesel::sql_types::Integer;
}

impl<C: Connection> RunQueryDsl<C> for DistinctCadences<'_> {}

impl<DB> diesel::query_builder::QueryFragment<DB> for DistinctCadences<'_>
where
    DB: diesel::backend::Backend
        + diesel::sql_types::HasSqlType<diesel::sql_types::Text>
        + diesel::sql_types::HasSqlType<BigInt>,
    str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
    i64: diesel::serialize::ToSql<BigInt, DB>,
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        out.push_sql(
            "WITH RECURSIVE c(v) AS (SELECT (SELECT min(cadence_effective) FROM contacts \
             WHERE user_id = ",
        );
        out.push_bind_param::<diesel::sql_types::Text, _>(self.user_id)?;
        out.push_sql(
            ") UNION ALL SELECT (SELECT min(cadence_effective) FROM contacts WHERE user_id = ",
        );
        out.push_bind_param::<diesel::sql_types::Text, _>(self.user_id)?;
        out.push_sql(
            " AND cadence_effective > c.v) FROM c WHERE c.v IS NOT NULL) \
             SELECT v FROM c WHERE v IS NOT NULL LIMIT ",
        );
        out.push_bind_param::<BigInt, _>(&self.most)?;
        Ok(())
    }
}

/// Distinct cadences above which the per-cadence walk gives way to a sort.
const MAX_CADENCES: usize = 64;

/// The `limit` most overdue contacts, by (now − last touch) / cadence.
///
/// Within one cadence that order is the order of the last touch, which an
/// index holds; so each distinct cadence is walked on the index for its
/// `limit` oldest overdue contacts, and the few candidates are ranked here.
fn overdue_rows(
    conn: &mut DbConn,
    user_id: &str,
    now: Micros,
    limit: i64,
) -> QueryResult<Vec<DueRow>> {
    let cadences = cadences(conn, user_id, MAX_CADENCES + 1)?;
    let ratio = |r: &DueRow| (now - r.2.unwrap_or(r.3)) as f64 / f64::from(r.4.unwrap_or(1).max(1));
    let mut rows: Vec<DueRow> = Vec::new();
    if cadences.len() > MAX_CADENCES {
        rows = contacts::table
            .filter(contacts::user_id.eq(user_id))
            .filter(contacts::next_due_at.lt(now))
            .filter(contacts::trashed_at.is_null())
            .select(DUE_COLUMNS)
            .load(conn)?;
    } else {
        // A k-way merge: each cadence is read in small batches in its own
        // order (oldest touch first), and the best head is taken until the
        // page is full, so few more rows than the page are ever read. A
        // cadence read again (it leads the page) reads what the page still
        // needs at once: each statement costs the server as much as some
        // forty rows (docs/BENCHMARKS.md, "PostgreSQL profile").
        const BATCH: i64 = 24;
        struct Walk {
            cadence: i32,
            buffer: std::collections::VecDeque<DueRow>,
            after: Option<i64>,
            seen: std::collections::HashSet<String>,
            done: bool,
        }
        let mut walks: Vec<Walk> = cadences
            .into_iter()
            .map(|cadence| Walk {
                cadence,
                buffer: Default::default(),
                after: None,
                seen: Default::default(),
                done: false,
            })
            .collect();
        while (rows.len() as i64) < limit {
            let needed = limit - rows.len() as i64;
            let refill: Vec<usize> = (0..walks.len())
                .filter(|&i| walks[i].buffer.is_empty() && !walks[i].done)
                .collect();
            let steps: Vec<Step> = refill
                .iter()
                .map(|&i| Step {
                    cadence: walks[i].cadence,
                    latest_base: now - i64::from(walks[i].cadence) * DAY,
                    after: walks[i].after,
                    n: match walks[i].after {
                        None => BATCH,
                        Some(_) => needed.max(BATCH),
                    },
                })
                .collect();
            let batches = walk_steps(conn, user_id, now, &steps)?;
            for ((i, step), batch) in refill.into_iter().zip(&steps).zip(batches) {
                let w = &mut walks[i];
                w.done = (batch.len() as i64) < step.n;
                for r in batch {
                    w.after = Some(r.2.unwrap_or(r.3));
                    if w.seen.insert(r.0.clone()) {
                        w.buffer.push_back(r);
                    }
                }
                if w.buffer.is_empty() {
                    w.done = true;
                }
            }
            let best = walks
                .iter()
                .enumerate()
                .filter_map(|(i, w)| w.buffer.front().map(|r| (i, ratio(r))))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let Some((i, _)) = best else { break };
            if let Some(r) = walks[i].buffer.pop_front() {
                rows.push(r);
            }
        }
    }
    rows.sort_by(|a, b| ratio(b).total_cmp(&ratio(a)).then_with(|| a.0.cmp(&b.0)));
    rows.truncate(limit as usize);
    Ok(rows)
}

/// The next read of one cadence's walk: up to `n` of its overdue contacts
/// whose last touch is before `latest_base`, from `after` on, oldest first.
struct Step {
    cadence: i32,
    latest_base: Micros,
    after: Option<Micros>,
    n: i64,
}

/// The rows of each step, in the steps' order. SQLite runs a statement
/// per step; PostgreSQL runs all of them as one (each statement is a round
/// trip, and costs its server as much as some forty rows).
fn walk_steps(
    conn: &mut DbConn,
    user_id: &str,
    now: Micros,
    steps: &[Step],
) -> QueryResult<Vec<Vec<DueRow>>> {
    if steps.is_empty() {
        return Ok(Vec::new());
    }
    let conn = match conn {
        DbConn::Postgresql(c) => return walk_steps_pg(c, user_id, now, steps),
        DbConn::Sqlite(c) => c,
    };
    steps
        .iter()
        .map(|step| {
            let mut q = contacts::table
                .filter(contacts::user_id.eq(user_id))
                .filter(contacts::cadence_effective.eq(step.cadence))
                .filter(base().lt(step.latest_base))
                .filter(contacts::next_due_at.lt(now))
                .filter(contacts::trashed_at.is_null())
                .select(DUE_COLUMNS)
                .into_boxed();
            if let Some(after) = step.after {
                q = q.filter(base().ge(after));
            }
            q.order(base()).limit(step.n).load(conn)
        })
        .collect()
}

/// `walk_steps` on PostgreSQL: the steps as arrays, each walked on the
/// `(user_id, cadence_effective, …)` index by a `LATERAL` subquery, in one
/// statement of fixed text (planned once, `Db::read_owned`).
fn walk_steps_pg(
    conn: &mut diesel::PgConnection,
    user_id: &str,
    now: Micros,
    steps: &[Step],
) -> QueryResult<Vec<Vec<DueRow>>> {
    use diesel::sql_types::{Array, Integer};
    const WALKS: &str = "SELECT w.id, w.display_name, w.last_interaction_at, w.created_at, \
         w.cadence_effective, w.next_due_at \
         FROM unnest(?, ?, ?, ?) AS k(cadence, latest_base, after, n) \
         CROSS JOIN LATERAL (SELECT c.id, c.display_name, c.last_interaction_at, c.created_at, \
         c.cadence_effective, c.next_due_at FROM contacts c \
         WHERE c.user_id = ? AND c.cadence_effective = k.cadence \
         AND COALESCE(c.last_interaction_at, c.created_at) < k.latest_base \
         AND COALESCE(c.last_interaction_at, c.created_at) >= k.after \
         AND c.next_due_at < ? AND c.trashed_at IS NULL \
         ORDER BY COALESCE(c.last_interaction_at, c.created_at) LIMIT k.n) w";
    let cadences: Vec<i32> = steps.iter().map(|s| s.cadence).collect();
    let latest: Vec<i64> = steps.iter().map(|s| s.latest_base).collect();
    let after: Vec<i64> = steps.iter().map(|s| s.after.unwrap_or(i64::MIN)).collect();
    let n: Vec<i64> = steps.iter().map(|s| s.n).collect();
    let rows: Vec<PgDue> = crate::db::prepared::sql(WALKS)
        .bind::<Array<Integer>, _>(&cadences)
        .bind::<Array<BigInt>, _>(&latest)
        .bind::<Array<BigInt>, _>(&after)
        .bind::<Array<BigInt>, _>(&n)
        .bind::<diesel::sql_types::Text, _>(user_id)
        .bind::<BigInt, _>(now)
        .load(conn)?;
    // A walk's rows come together and in its order (a nested loop over the
    // steps); each has its step's cadence.
    let mut out: Vec<Vec<DueRow>> = steps.iter().map(|_| Vec::new()).collect();
    for r in rows {
        if let Some(i) = cadences
            .iter()
            .position(|c| Some(*c) == r.cadence_effective)
        {
            out[i].push((
                r.id,
                r.display_name,
                r.last_interaction_at,
                r.created_at,
                r.cadence_effective,
                r.next_due_at,
            ));
        }
    }
    Ok(out)
}

/// A row of `walk_steps_pg`, by name.
#[derive(QueryableByName)]
struct PgDue {
    #[diesel(sql_type = diesel::sql_types::Text)]
    id: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    display_name: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
    last_interaction_at: Option<Micros>,
    #[diesel(sql_type = BigInt)]
    created_at: Micros,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
    cadence_effective: Option<i32>,
    #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
    next_due_at: Option<Micros>,
}

fn cadence_reason(
    last: Option<Micros>,
    created: Micros,
    cadence: Option<i32>,
    now: Micros,
) -> String {
    use std::fmt::Write;
    // Written into one string: an agenda writes one per overdue item.
    let mut out = String::with_capacity(80);
    match last {
        Some(t) => {
            out.push_str("last talked ");
            push_ago(&mut out, whole_days(now - t));
        }
        None => {
            out.push_str("never in touch since you added them ");
            push_ago(&mut out, whole_days(now - created));
        }
    }
    if let Some(c) = cadence {
        let _ = write!(out, "; you aim for every {c} days");
    }
    out
}

/// Every agenda item for `user_id` from `now` over `days` days.
pub fn agenda(
    conn: &mut DbConn,
    user_id: &str,
    now: Micros,
    days: i64,
    limit: i64,
) -> QueryResult<(Vec<AgendaItem>, bool)> {
    // Each source is read one row beyond what can still show: more rows
    // than `limit` in all means the agenda was cut.
    let today = date_of(now);
    let window_end = now + days * DAY;
    let end_date = today + chrono::Duration::days(days);

    let mut overdue = Vec::new();
    for (id, name, last, created, cadence, due) in overdue_rows(conn, user_id, now, limit + 1)? {
        let due = due.unwrap_or(now);
        overdue.push(AgendaItem {
            type_: ItemType::Overdue,
            contact_id: id,
            display_name: name,
            date: iso_date(date_of(due)),
            days_overdue: Some(whole_days(now - due)),
            days_until: None,
            reason: cadence_reason(last, created, cadence, now),
            interaction_id: None,
            ledger_entry_id: None,
            introduction_id: None,
            need_id: None,
            other_contact_id: None,
        });
    }

    // Overdue items come first: when they fill the page, nothing else shows.
    if overdue.len() as i64 >= limit {
        let truncated = overdue.len() as i64 > limit;
        overdue.truncate(limit as usize);
        return Ok((overdue, truncated));
    }
    let total = limit;
    let limit = limit - overdue.len() as i64 + 1;
    let mut dated = Vec::new();
    for (id, name, last, created, cadence, due) in due_rows(conn, user_id, now, window_end, limit)?
    {
        let due = due.unwrap_or(now);
        let until = whole_days(due - now);
        dated.push(AgendaItem {
            type_: ItemType::Due,
            contact_id: id,
            display_name: name,
            date: iso_date(date_of(due)),
            days_overdue: None,
            days_until: Some(until),
            reason: format!(
                "due {}: {}",
                if until == 0 {
                    "today".to_string()
                } else {
                    format!("in {until} days")
                },
                cadence_reason(last, created, cadence, now)
            ),
            interaction_id: None,
            ledger_entry_id: None,
            introduction_id: None,
            need_id: None,
            other_contact_id: None,
        });
    }

    dated.extend(follow_ups(conn, user_id, today, end_date, limit)?);
    dated.extend(birthdays(conn, user_id, today, end_date)?);
    dated.extend(crate::ledger::agenda::items(
        conn, user_id, today, end_date, limit,
    )?);
    dated.extend(introduction_follow_ups(conn, user_id, today, limit)?);
    dated.extend(crate::captures::agenda::items(
        conn, user_id, now, window_end, limit,
    )?);
    dated.extend(crate::network::agenda::items(
        conn, user_id, now, end_date, limit,
    )?);
    dated.sort_by(|a, b| {
        (&a.date, &a.display_name, &a.contact_id).cmp(&(&b.date, &b.display_name, &b.contact_id))
    });

    overdue.extend(dated);
    let truncated = overdue.len() as i64 > total;
    overdue.truncate(total as usize);
    Ok((overdue, truncated))
}

fn follow_ups(
    conn: &mut DbConn,
    user_id: &str,
    today: NaiveDate,
    end: NaiveDate,
    limit: i64,
) -> QueryResult<Vec<AgendaItem>> {
    // `follow_up` is "YYYY-MM-DD|interaction id": comparing it with the end
    // date compares dates.
    let rows: Vec<(String, String, String)> = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::follow_up.lt(end.to_string()))
        .filter(contacts::trashed_at.is_null())
        .filter(contacts::archived.eq(false))
        .order(contacts::follow_up.asc())
        .select((
            contacts::id,
            contacts::display_name,
            contacts::follow_up.assume_not_null(),
        ))
        .limit(limit)
        .load(conn)?;
    let ids: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.2.split_once('|').map(|(_, id)| id))
        .collect();
    let details: std::collections::HashMap<String, (String, Micros)> = interactions::table
        .filter(interactions::user_id.eq(user_id))
        .filter(interactions::id.eq_any(&ids))
        .select((
            interactions::id,
            interactions::summary,
            interactions::occurred_at,
        ))
        .load::<(String, String, Micros)>(conn)?
        .into_iter()
        .map(|(id, summary, at)| (id, (summary, at)))
        .collect();
    let mut out = Vec::new();
    for (contact_id, name, follow_up) in rows {
        let Some((on, interaction_id)) = follow_up.split_once('|') else {
            continue;
        };
        let (Ok(date), Some((summary, occurred_at))) = (
            NaiveDate::parse_from_str(on, "%Y-%m-%d"),
            details.get(interaction_id),
        ) else {
            continue;
        };
        let delta = (date - today).num_days();
        out.push(AgendaItem {
            type_: ItemType::FollowUp,
            contact_id,
            display_name: name,
            date: on.to_string(),
            days_overdue: (delta < 0).then_some(-delta),
            days_until: (delta >= 0).then_some(delta),
            reason: format!("follow up on “{summary}” from {}", date_of(*occurred_at)),
            interaction_id: Some(interaction_id.to_string()),
            ledger_entry_id: None,
            introduction_id: None,
            need_id: None,
            other_contact_id: None,
        });
    }
    Ok(out)
}

fn birthdays(
    conn: &mut DbConn,
    user_id: &str,
    today: NaiveDate,
    end: NaiveDate,
) -> QueryResult<Vec<AgendaItem>> {
    let last = end - chrono::Duration::days(1);
    let (from_md, to_md) = (
        today.format("%m-%d").to_string(),
        last.format("%m-%d").to_string(),
    );
    let mut q = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::trashed_at.is_null())
        .filter(contacts::archived.eq(false))
        .select((
            contacts::id,
            contacts::display_name,
            contacts::birthday.assume_not_null(),
        ))
        .into_boxed();
    // 29 February is read on 28 February in other years: always fetch it.
    q = if from_md <= to_md {
        q.filter(
            contacts::birthday_md
                .between(from_md, to_md)
                .or(contacts::birthday_md.eq("02-29")),
        )
    } else {
        q.filter(
            contacts::birthday_md
                .ge(from_md)
                .or(contacts::birthday_md.le(to_md))
                .or(contacts::birthday_md.eq("02-29")),
        )
    };
    let rows: Vec<(String, String, String)> = q.load(conn)?;
    let mut out = Vec::new();
    for (id, name, birthday) in rows {
        let md = &birthday[birthday.len() - 5..];
        let (Ok(m), Ok(d)) = (md[..2].parse::<u32>(), md[3..].parse::<u32>()) else {
            continue;
        };
        let Some(next) = next_occurrence(m, d, today).filter(|n| *n < end) else {
            continue;
        };
        let until = (next - today).num_days();
        let when = if until == 0 {
            "today".to_string()
        } else {
            format!("on {}", next.format("%-d %B"))
        };
        let reason = match birthday.get(..4).and_then(|y| y.parse::<i32>().ok()) {
            Some(year) => format!("turns {} {when}", next.year() - year),
            None => format!("birthday {when}"),
        };
        out.push(AgendaItem {
            type_: ItemType::Birthday,
            contact_id: id,
            display_name: name,
            date: iso_date(next),
            days_overdue: None,
            days_until: Some(until),
            reason,
            interaction_id: None,
            ledger_entry_id: None,
            introduction_id: None,
            need_id: None,
            other_contact_id: None,
        });
    }
    Ok(out)
}

/// Days after an introduction when its outcome is worth asking about.
pub const INTRODUCTION_FOLLOW_UP_DAYS: i64 = 30;

fn introduction_follow_ups(
    conn: &mut DbConn,
    user_id: &str,
    today: NaiveDate,
    limit: i64,
) -> QueryResult<Vec<AgendaItem>> {
    use crate::db::schema::introductions as it;
    let cutoff = (today - chrono::Duration::days(INTRODUCTION_FOLLOW_UP_DAYS)).to_string();
    type IntroRow = (String, Option<String>, Option<String>, String, String);
    let rows: Vec<IntroRow> = it::table
        .filter(it::user_id.eq(user_id))
        .filter(it::status.eq("made"))
        .filter(it::outcome.is_null())
        .filter(it::made_on.le(cutoff))
        .order((it::made_on.asc(), it::id.asc()))
        .select((
            it::id,
            it::introducer_id,
            it::person_a_id,
            it::person_b_id,
            it::made_on.assume_not_null(),
        ))
        .limit(limit)
        .load(conn)?;
    let mut out = Vec::new();
    for (id, introducer, a, b, made_on) in rows {
        let mut names = std::collections::HashMap::new();
        let wanted: Vec<String> = [introducer.clone(), a.clone(), Some(b.clone())]
            .into_iter()
            .flatten()
            .collect();
        let found: Vec<(String, String, Option<i64>)> = contacts::table
            .filter(contacts::user_id.eq(user_id))
            .filter(contacts::id.eq_any(&wanted))
            .select((contacts::id, contacts::display_name, contacts::trashed_at))
            .load(conn)?;
        for (cid, name, trashed) in found {
            names.insert(cid, (name, trashed.is_some()));
        }
        let Some((b_name, false)) = names.get(&b).cloned() else {
            continue;
        };
        let name_of =
            |id: &Option<String>| id.as_ref().and_then(|i| names.get(i)).map(|n| n.0.clone());
        let reason = match (name_of(&a), name_of(&introducer)) {
            (Some(a_name), _) => format!("ask {a_name} how meeting {b_name} went"),
            (None, Some(x_name)) => {
                format!("how did meeting {b_name} go? {x_name} introduced you on {made_on}")
            }
            (None, None) => format!("how did meeting {b_name} go?"),
        };
        let Ok(date) = NaiveDate::parse_from_str(&made_on, "%Y-%m-%d") else {
            continue;
        };
        out.push(AgendaItem {
            type_: ItemType::IntroductionFollowUp,
            contact_id: b,
            display_name: b_name,
            date: made_on,
            days_overdue: Some((today - date).num_days()),
            days_until: None,
            reason,
            interaction_id: None,
            ledger_entry_id: None,
            introduction_id: Some(id),
            need_id: None,
            other_contact_id: None,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reasons_and_dates_read_as_written() {
        let now = 1_000 * DAY + DAY / 2;
        let reason = |last, cadence| cadence_reason(last, now - 40 * DAY, cadence, now);
        assert_eq!(reason(Some(now), None), "last talked today");
        assert_eq!(
            reason(Some(now - DAY), Some(7)),
            "last talked 1 day ago; you aim for every 7 days"
        );
        assert_eq!(
            reason(Some(now - 45 * DAY), Some(30)),
            "last talked 45 days ago; you aim for every 30 days"
        );
        assert_eq!(
            reason(None, Some(14)),
            "never in touch since you added them 40 days ago; you aim for every 14 days"
        );
        assert_eq!(iso_date(d(2026, 3, 9)), "2026-03-09");
        assert_eq!(iso_date(d(987, 12, 31)), "0987-12-31");
    }

    #[test]
    fn a_leap_day_birthday_falls_on_the_28th_in_other_years() {
        assert_eq!(next_occurrence(2, 29, d(2025, 2, 1)), Some(d(2025, 2, 28)));
        assert_eq!(next_occurrence(2, 29, d(2028, 2, 1)), Some(d(2028, 2, 29)));
    }

    #[test]
    fn a_birthday_already_past_this_year_comes_next_year() {
        assert_eq!(next_occurrence(1, 2, d(2026, 12, 30)), Some(d(2027, 1, 2)));
        assert_eq!(
            next_occurrence(12, 30, d(2026, 12, 30)),
            Some(d(2026, 12, 30))
        );
    }

    #[test]
    fn whole_days_round_down() {
        assert_eq!(whole_days(DAY * 3 - 1), 2);
        assert_eq!(whole_days(DAY * 3), 3);
    }
}
