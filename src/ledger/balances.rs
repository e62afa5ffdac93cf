//! Balances: one row per contact with entries, recomputed from that
//! contact's entries on every write, so pages are index walks and always
//! equal the sums of the entries.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};

use super::model::{Balance, ContactBalance};
use crate::contacts::{service as contacts, store as contact_store};
use crate::db::schema::{contacts as c, ledger_balances as lb, ledger_entries as le};
use crate::db::{prepared, DbConn};
use crate::domain::{cut_page, Result};

/// What one entry contributes: direction, status, weight, and the day it was
/// done (completed, else occurred).
pub struct Contribution<'a> {
    pub direction: &'a str,
    pub status: &'a str,
    pub weight: i64,
    pub done_on: Option<&'a str>,
}

#[derive(Debug, Default, PartialEq, Eq, Clone)]
pub struct Sums {
    pub given: i64,
    pub received: i64,
    pub open_promises: i64,
    pub open_asks: i64,
    pub last_given_on: Option<String>,
    pub last_received_on: Option<String>,
}

impl Sums {
    pub fn balance(&self) -> i64 {
        self.given - self.received
    }
}

pub fn sums<'a>(entries: impl IntoIterator<Item = Contribution<'a>>) -> Sums {
    let mut s = Sums::default();
    for e in entries {
        match (e.direction, e.status) {
            ("given", "done") => {
                s.given += e.weight;
                s.last_given_on = s.last_given_on.max(e.done_on.map(str::to_owned));
            }
            ("received", "done") => {
                s.received += e.weight;
                s.last_received_on = s.last_received_on.max(e.done_on.map(str::to_owned));
            }
            ("given", "open") => s.open_promises += 1,
            ("received", "open") => s.open_asks += 1,
            _ => {}
        }
    }
    s
}

type EntryFacts = (String, String, i32, Option<String>, Option<String>);

fn entry_facts(conn: &mut DbConn, user_id: &str, contact_id: &str) -> QueryResult<Vec<EntryFacts>> {
    le::table
        .filter(le::user_id.eq(user_id))
        .filter(le::contact_id.eq(contact_id))
        .select((
            le::direction,
            le::status,
            le::weight,
            le::completed_on,
            le::occurred_on,
        ))
        .load(conn)
}

fn contributions(facts: &[EntryFacts]) -> impl Iterator<Item = Contribution<'_>> {
    facts
        .iter()
        .map(|(d, s, w, completed, occurred)| Contribution {
            direction: d,
            status: s,
            weight: i64::from(*w),
            done_on: completed.as_deref().or(occurred.as_deref()),
        })
}

/// Recomputes a contact's balance row and the contact's `balance` field.
pub fn refresh(conn: &mut DbConn, user_id: &str, contact_id: &str) -> QueryResult<()> {
    let balance = refresh_row(conn, user_id, contact_id)?;
    if let Some(mut row) = contact_store::find_for_update(conn, user_id, contact_id)? {
        if row.balance != balance {
            row.balance = balance;
            contacts::save(conn, &mut row)?;
        }
    }
    Ok(())
}

/// Recomputes a contact's balance row; returns the balance.
pub fn refresh_row(conn: &mut DbConn, user_id: &str, contact_id: &str) -> QueryResult<i32> {
    let facts = entry_facts(conn, user_id, contact_id)?;
    let s = sums(contributions(&facts));
    diesel::delete(lb::table.find((user_id, contact_id))).execute(conn)?;
    if !facts.is_empty() {
        diesel::insert_into(lb::table)
            .values((
                lb::user_id.eq(user_id),
                lb::contact_id.eq(contact_id),
                lb::given.eq(s.given as i32),
                lb::received.eq(s.received as i32),
                lb::balance.eq(s.balance() as i32),
                lb::open_promises.eq(s.open_promises as i32),
                lb::open_asks.eq(s.open_asks as i32),
                lb::last_given_on.eq(&s.last_given_on),
                lb::last_received_on.eq(&s.last_received_on),
            ))
            .execute(conn)?;
    }
    Ok(s.balance() as i32)
}

type BalanceRow = (
    String,
    String,
    i32,
    i32,
    i32,
    i32,
    i32,
    Option<String>,
    Option<String>,
);

fn to_balance(r: BalanceRow) -> Balance {
    let (
        contact_id,
        display_name,
        given,
        received,
        balance,
        open_promises,
        open_asks,
        last_given_on,
        last_received_on,
    ) = r;
    Balance {
        contact_id,
        display_name,
        given: i64::from(given),
        received: i64::from(received),
        balance: i64::from(balance),
        open_promises: i64::from(open_promises),
        open_asks: i64::from(open_asks),
        last_given_on,
        last_received_on,
    }
}

/// The columns a `BalanceRow` is read from (a balance and its contact's
/// name), in its order.
macro_rules! balance_columns {
    () => {
        (
            lb::contact_id,
            c::display_name,
            lb::given,
            lb::received,
            lb::balance,
            lb::open_promises,
            lb::open_asks,
            lb::last_given_on,
            lb::last_received_on,
        )
    };
}

/// `Some("them")`: negative balances, lowest first; `Some("me")`: positive
/// ones, highest first; `None`: all, lowest first. Contacts in the trash are
/// left out. Keyset on (balance, contact_id), after `after`; and whether
/// more follow.
pub fn page(
    conn: &mut DbConn,
    user_id: &str,
    owing: Option<&str>,
    limit: i64,
    after: Option<(i32, String)>,
) -> QueryResult<(Vec<Balance>, bool)> {
    if let DbConn::Postgresql(c) = conn {
        return page_pg(c, user_id, owing, limit, after);
    }
    let descending = owing == Some("me");
    let mut q = lb::table
        .inner_join(c::table)
        .filter(lb::user_id.eq(user_id))
        .filter(c::trashed_at.is_null())
        .select(balance_columns!())
        .into_boxed();
    q = match owing {
        Some("them") => q.filter(lb::balance.lt(0)),
        Some("me") => q.filter(lb::balance.gt(0)),
        _ => q,
    };
    if let Some((k, id)) = after {
        q = if descending {
            crate::keyset_after!(q, lb::balance, k, lb::contact_id, id, lt, gt)
        } else {
            crate::keyset_after!(q, lb::balance, k, lb::contact_id, id, gt, gt)
        };
    }
    q = if descending {
        q.order((lb::balance.desc(), lb::contact_id.asc()))
    } else {
        q.order((lb::balance.asc(), lb::contact_id.asc()))
    };
    let mut rows: Vec<BalanceRow> = q.limit(limit + 1).load(conn)?;
    let more = cut_page(&mut rows, limit);
    Ok((rows.into_iter().map(to_balance).collect(), more))
}

/// `page` on PostgreSQL, whose reads of a user's own rows are planned once
/// (`Db::read_owned`). Planned without its values, the join of balances
/// with contacts is a hash join over both tables; here each balance of the
/// walk looks its contact up by key (`LATERAL … OFFSET 0` keeps the
/// planner from making it a join again), which is the plan for any user
/// and any page. The keyset is an index condition, so a later page starts
/// where the last one ended (in the order of `owing=me`, balances down and
/// ids up, from the start of its balance). The text is fixed per `owing`;
/// a first page binds the lowest (or highest) balance and `''`.
fn page_pg(
    conn: &mut diesel::PgConnection,
    user_id: &str,
    owing: Option<&str>,
    limit: i64,
    after: Option<(i32, String)>,
) -> QueryResult<(Vec<Balance>, bool)> {
    macro_rules! walk {
        ($filter:literal, $keyset:literal, $order:literal) => {
            concat!(
                "SELECT lb.contact_id, c.display_name, lb.given, lb.received, lb.balance, ",
                "lb.open_promises, lb.open_asks, lb.last_given_on, lb.last_received_on ",
                "FROM ledger_balances lb CROSS JOIN LATERAL (SELECT c.display_name ",
                "FROM contacts c WHERE c.id = lb.contact_id AND c.trashed_at IS NULL OFFSET 0) c ",
                "WHERE lb.user_id = ? ",
                $filter,
                $keyset,
                " ORDER BY ",
                $order,
                " LIMIT ?"
            )
        };
    }
    let (text, first) = match owing {
        Some("me") => (
            walk!(
                "AND lb.balance > 0",
                " AND lb.balance <= ? AND (lb.balance < ? OR lb.contact_id > ?)",
                "lb.balance DESC, lb.contact_id ASC"
            ),
            i32::MAX,
        ),
        Some("them") => (
            walk!(
                "AND lb.balance < 0",
                " AND lb.balance >= ? AND (lb.balance, lb.contact_id) > (?, ?)",
                "lb.balance ASC, lb.contact_id ASC"
            ),
            i32::MIN,
        ),
        _ => (
            walk!(
                "",
                " AND lb.balance >= ? AND (lb.balance, lb.contact_id) > (?, ?)",
                "lb.balance ASC, lb.contact_id ASC"
            ),
            i32::MIN,
        ),
    };
    let (k, id) = after.unwrap_or((first, String::new()));
    let mut rows: Vec<PgBalance> = prepared::sql(text)
        .bind::<Text, _>(user_id)
        .bind::<Integer, _>(k)
        .bind::<Integer, _>(k)
        .bind::<Text, _>(&id)
        .bind::<BigInt, _>(limit + 1)
        .load(conn)?;
    let more = cut_page(&mut rows, limit);
    Ok((
        rows.into_iter().map(|r| to_balance(r.into())).collect(),
        more,
    ))
}

/// A row of `page_pg`, by name.
#[derive(QueryableByName)]
struct PgBalance {
    #[diesel(sql_type = Text)]
    contact_id: String,
    #[diesel(sql_type = Text)]
    display_name: String,
    #[diesel(sql_type = Integer)]
    given: i32,
    #[diesel(sql_type = Integer)]
    received: i32,
    #[diesel(sql_type = Integer)]
    balance: i32,
    #[diesel(sql_type = Integer)]
    open_promises: i32,
    #[diesel(sql_type = Integer)]
    open_asks: i32,
    #[diesel(sql_type = Nullable<Text>)]
    last_given_on: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    last_received_on: Option<String>,
}

impl From<PgBalance> for BalanceRow {
    fn from(r: PgBalance) -> BalanceRow {
        (
            r.contact_id,
            r.display_name,
            r.given,
            r.received,
            r.balance,
            r.open_promises,
            r.open_asks,
            r.last_given_on,
            r.last_received_on,
        )
    }
}

/// One contact's balance (zeros when it has no entries) and whether, over
/// the last 365 days, they gave favors weighing 3 or more and got nothing.
pub fn for_contact(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
    today: NaiveDate,
) -> Result<ContactBalance> {
    let contact = contacts::get(conn, user_id, contact_id)?;
    let facts = entry_facts(conn, user_id, contact_id)?;
    let all = sums(contributions(&facts));
    let since = (today - chrono::Duration::days(365)).to_string();
    let recent =
        sums(contributions(&facts).filter(|c| c.done_on.is_some_and(|d| d >= since.as_str())));
    Ok(ContactBalance {
        balance: Balance {
            contact_id: contact.id,
            display_name: contact.display_name,
            given: all.given,
            received: all.received,
            balance: all.balance(),
            open_promises: all.open_promises,
            open_asks: all.open_asks,
            last_given_on: all.last_given_on,
            last_received_on: all.last_received_on,
        },
        takes_without_giving: recent.received >= 3 && recent.given == 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e<'a>(direction: &'a str, status: &'a str, weight: i64, on: &'a str) -> Contribution<'a> {
        Contribution {
            direction,
            status,
            weight,
            done_on: Some(on),
        }
    }

    #[test]
    fn only_done_entries_count_towards_the_balance() {
        let s = sums([
            e("given", "done", 3, "2026-01-02"),
            e("given", "done", 1, "2026-03-01"),
            e("received", "done", 5, "2026-02-01"),
            e("given", "open", 4, "2026-04-01"),
            e("received", "open", 2, "2026-04-01"),
            e("received", "cancelled", 5, "2026-04-01"),
            e("given", "declined", 5, "2026-04-01"),
        ]);
        assert_eq!(s.given, 4);
        assert_eq!(s.received, 5);
        assert_eq!(s.balance(), -1);
        assert_eq!((s.open_promises, s.open_asks), (1, 1));
        assert_eq!(s.last_given_on.as_deref(), Some("2026-03-01"));
        assert_eq!(s.last_received_on.as_deref(), Some("2026-02-01"));
    }
}
