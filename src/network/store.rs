//! Reach, stats and graph: read queries (`QueryResult`), each with the
//! arithmetic that ranks or counts what it read.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::model::{Edge, Graph, MonthCount, Node, PathKind, Person, ReachItem, Stats, Target};
use crate::contacts::store::ListFilter;
use crate::db::schema::{
    contact_tags, contacts as c, interactions, introductions, ledger_entries as le, needs,
    relationships as r,
};
use crate::db::DbConn;
use crate::time::{self, Micros, DAY};

/// Targets a reach query may consider at most (the filters narrow it).
pub const MAX_TARGETS: i64 = 5_000;

type Row = (String, String, Option<String>, Option<i32>);

/// Live contacts matching the filters (company ignoring case, tag, q).
fn matching(conn: &mut DbConn, user_id: &str, f: &ListFilter, limit: i64) -> QueryResult<Vec<Row>> {
    crate::per_backend!(conn, |conn, DB| {
        let mut q = c::table
            .filter(c::user_id.eq(user_id))
            .filter(c::trashed_at.is_null())
            .select((c::id, c::display_name, c::company, c::closeness))
            .into_boxed::<DB>();
        if let Some(company) = &f.company {
            q = q.filter(c::company_key.eq(company.trim().to_lowercase()));
        }
        if let Some(tag) = &f.tag {
            let tagged = contact_tags::table
                .filter(contact_tags::user_id.eq(user_id))
                .filter(contact_tags::tag.eq(tag.clone()))
                .select(contact_tags::contact_id);
            q = q.filter(c::id.eq_any(tagged));
        }
        if let Some(text) = &f.q {
            use crate::db::schema::contacts;
            q = crate::search_matching!(q, contacts, DB, text);
        }
        q.order((c::name_key.asc(), c::id.asc()))
            .limit(limit)
            .load(conn)
    })
}

/// For each target, its best path: `direct` when your closeness is 3 or
/// more (score = closeness), or `via` the related contact A maximising
/// closeness(A) × strength / 5 (a null closeness counts as 1).
pub fn reach(
    conn: &mut DbConn,
    user_id: &str,
    f: &ListFilter,
    limit: i64,
) -> QueryResult<(Vec<ReachItem>, bool)> {
    let mut targets = matching(conn, user_id, f, MAX_TARGETS + 1)?;
    let capped = targets.len() as i64 > MAX_TARGETS;
    targets.truncate(MAX_TARGETS as usize);
    let ids: Vec<&String> = targets.iter().map(|t| &t.0).collect();
    let mut best: HashMap<String, (f64, Option<Person>)> = HashMap::new();
    for (id, _, _, closeness) in &targets {
        if let Some(cl) = closeness.filter(|c| *c >= 3) {
            best.insert(id.clone(), (f64::from(cl), None));
        }
    }
    // Relationships touching a target, either way round, with the other end.
    let edges: Vec<(String, String, i32)> = r::table
        .filter(r::user_id.eq(user_id))
        .filter(r::contact_id.eq_any(&ids).or(r::other_id.eq_any(&ids)))
        .select((r::contact_id, r::other_id, r::strength))
        .load(conn)?;
    let target_set: std::collections::HashSet<&str> = ids.iter().map(|s| s.as_str()).collect();
    let mut others: Vec<String> = Vec::new();
    let mut candidates: Vec<(String, String, i32)> = Vec::new(); // (target, via, strength)
    for (a, b, s) in edges {
        if target_set.contains(a.as_str()) {
            others.push(b.clone());
            candidates.push((a.clone(), b.clone(), s));
        }
        if target_set.contains(b.as_str()) {
            others.push(a.clone());
            candidates.push((b, a, s));
        }
    }
    others.sort();
    others.dedup();
    let vias: HashMap<String, (String, Option<i32>)> = c::table
        .filter(c::user_id.eq(user_id))
        .filter(c::trashed_at.is_null())
        .filter(c::id.eq_any(&others))
        .select((c::id, c::display_name, c::closeness))
        .load::<(String, String, Option<i32>)>(conn)?
        .into_iter()
        .map(|(id, name, cl)| (id, (name, cl)))
        .collect();
    for (target, via, strength) in candidates {
        let Some((via_name, closeness)) = vias.get(&via) else {
            continue; // the intermediary is in the trash
        };
        let score = f64::from(closeness.unwrap_or(1)) * f64::from(strength) / 5.0;
        let current = best.get(&target).map_or(f64::MIN, |b| b.0);
        let better = score > current
            || (score == current
                && best
                    .get(&target)
                    .and_then(|b| b.1.as_ref())
                    .is_some_and(|p| via_name < &p.display_name));
        if better {
            best.insert(
                target,
                (
                    score,
                    Some(Person {
                        id: via,
                        display_name: via_name.clone(),
                    }),
                ),
            );
        }
    }
    let mut items: Vec<ReachItem> = targets
        .into_iter()
        .filter_map(|(id, name, company, _)| {
            let (score, via) = best.remove(&id)?;
            Some(ReachItem {
                target: Target {
                    id,
                    display_name: name,
                    company,
                },
                path: if via.is_some() {
                    PathKind::Via
                } else {
                    PathKind::Direct
                },
                via,
                score,
            })
        })
        .collect();
    items.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| {
                a.target
                    .display_name
                    .to_lowercase()
                    .cmp(&b.target.display_name.to_lowercase())
            })
            .then_with(|| a.target.id.cmp(&b.target.id))
    });
    let truncated = capped || items.len() as i64 > limit;
    items.truncate(limit as usize);
    Ok((items, truncated))
}

/// The first day of the month `back` months before `today`'s month.
fn month_start(today: NaiveDate, back: i32) -> NaiveDate {
    let months = today.year() * 12 + today.month0() as i32 - back;
    NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(today)
}

pub fn stats(conn: &mut DbConn, user_id: &str, now: Micros) -> QueryResult<Stats> {
    let live = || {
        c::table
            .filter(c::user_id.eq(user_id))
            .filter(c::trashed_at.is_null())
    };
    let contacts: i64 = live().count().get_result(conn)?;
    let active_90d: i64 = live()
        .filter(c::last_interaction_at.ge(now - 90 * DAY))
        .count()
        .get_result(conn)?;
    let dormant_365d: i64 = live()
        .filter(
            c::last_interaction_at
                .is_null()
                .or(c::last_interaction_at.lt(now - 365 * DAY)),
        )
        .count()
        .get_result(conn)?;
    let today = time::to_datetime(now).date_naive();
    let mut new_by_month = Vec::with_capacity(12);
    let mut touches_by_month = Vec::with_capacity(12);
    for back in (0..12).rev() {
        let (from, to) = (
            time::start_of(month_start(today, back)),
            time::start_of(month_start(today, back - 1)),
        );
        let month = month_start(today, back).format("%Y-%m").to_string();
        let added: i64 = live()
            .filter(c::created_at.ge(from))
            .filter(c::created_at.lt(to))
            .count()
            .get_result(conn)?;
        let touches: i64 = interactions::table
            .filter(interactions::user_id.eq(user_id))
            .filter(interactions::occurred_at.ge(from))
            .filter(interactions::occurred_at.lt(to))
            .count()
            .get_result(conn)?;
        new_by_month.push(MonthCount {
            month: month.clone(),
            count: added,
        });
        touches_by_month.push(MonthCount {
            month,
            count: touches,
        });
    }
    let introductions_made: i64 = introductions::table
        .filter(introductions::user_id.eq(user_id))
        .filter(introductions::status.eq("made"))
        .count()
        .get_result(conn)?;
    let favors = |conn: &mut DbConn, direction: &str| -> QueryResult<i64> {
        le::table
            .filter(le::user_id.eq(user_id))
            .filter(le::status.eq("done"))
            .filter(le::direction.eq(direction.to_string()))
            .count()
            .get_result(conn)
    };
    let needs_open: i64 = needs::table
        .filter(needs::user_id.eq(user_id))
        .filter(needs::status.eq("open"))
        .count()
        .get_result(conn)?;
    let needs_met_90d: i64 = needs::table
        .filter(needs::user_id.eq(user_id))
        .filter(needs::status.eq("met"))
        .filter(needs::met_at.ge(now - 90 * DAY))
        .count()
        .get_result(conn)?;
    let introductions_made_90d: i64 = introductions::table
        .filter(introductions::user_id.eq(user_id))
        .filter(introductions::status.eq("made"))
        .filter(introductions::made_on.ge((today - chrono::Duration::days(90)).to_string()))
        .count()
        .get_result(conn)?;
    let back = diesel::alias!(le as back);
    let gave_back = back
        .filter(back.field(le::user_id).eq(user_id))
        .filter(back.field(le::status).eq("done"))
        .filter(back.field(le::direction).eq("received"))
        .select(back.field(le::contact_id));
    let paid_forward: i64 = le::table
        .filter(le::user_id.eq(user_id))
        .filter(le::status.eq("done"))
        .filter(le::direction.eq("given"))
        .filter(diesel::dsl::not(le::contact_id.eq_any(gave_back)))
        .count()
        .get_result(conn)?;
    Ok(Stats {
        needs_open,
        needs_met_90d,
        introductions_made_90d,
        paid_forward,
        contacts,
        active_90d,
        dormant_365d,
        new_by_month,
        touches_by_month,
        introductions_made,
        favors_given: favors(conn, "given")?,
        favors_received: favors(conn, "received")?,
    })
}

pub fn graph(conn: &mut DbConn, user_id: &str, f: &ListFilter, limit: i64) -> QueryResult<Graph> {
    let mut matched = matching(conn, user_id, f, limit + 1)?;
    let truncated = matched.len() as i64 > limit;
    matched.truncate(limit as usize);
    let nodes: Vec<Node> = matched
        .into_iter()
        .map(|(id, display_name, company, closeness)| Node {
            id,
            display_name,
            company,
            closeness,
        })
        .collect();
    let ids: Vec<&String> = nodes.iter().map(|n| &n.id).collect();
    let edges = r::table
        .filter(r::user_id.eq(user_id))
        .filter(r::contact_id.eq_any(&ids))
        .filter(r::other_id.eq_any(&ids))
        .order(r::id.asc())
        .select((r::contact_id, r::other_id, r::kind, r::strength))
        .load::<(String, String, String, i32)>(conn)?
        .into_iter()
        .map(|(source, target, kind, strength)| Edge {
            source,
            target,
            kind,
            strength,
        })
        .collect();
    Ok(Graph {
        nodes,
        edges,
        truncated,
    })
}

/// Two contact ids in order: how a pair is kept.
pub fn pair(a: &str, b: &str) -> (String, String) {
    match a <= b {
        true => (a.to_string(), b.to_string()),
        false => (b.to_string(), a.to_string()),
    }
}

/// The relationships touching any of `ids`: (contact, other, strength).
pub fn edges_touching(
    conn: &mut DbConn,
    user_id: &str,
    ids: &[&str],
) -> QueryResult<Vec<(String, String, i32)>> {
    let mut out = Vec::new();
    // In chunks, so a long list stays within the databases' bound
    // parameters.
    for chunk in ids.chunks(1000) {
        out.extend(
            r::table
                .filter(r::user_id.eq(user_id))
                .filter(r::contact_id.eq_any(chunk))
                .select((r::contact_id, r::other_id, r::strength))
                .load::<(String, String, i32)>(conn)?,
        );
        out.extend(
            r::table
                .filter(r::user_id.eq(user_id))
                .filter(r::other_id.eq_any(chunk))
                .select((r::contact_id, r::other_id, r::strength))
                .load::<(String, String, i32)>(conn)?,
        );
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// The pairs among `ids` that already know each other: related, or two of
/// the people of one introduction (any status).
pub fn known_pairs(
    conn: &mut DbConn,
    user_id: &str,
    ids: &[&str],
) -> QueryResult<std::collections::HashSet<(String, String)>> {
    let mut known = std::collections::HashSet::new();
    let wanted: std::collections::HashSet<&str> = ids.iter().copied().collect();
    for chunk in ids.chunks(1000) {
        // One side in the query, the other checked here: with both in it,
        // PostgreSQL's planner takes a scan of the whole table.
        let related: Vec<(String, String)> = r::table
            .filter(r::user_id.eq(user_id))
            .filter(r::contact_id.eq_any(chunk))
            .select((r::contact_id, r::other_id))
            .load(conn)?;
        known.extend(
            related
                .iter()
                .filter(|(_, b)| wanted.contains(b.as_str()))
                .map(|(a, b)| pair(a, b)),
        );
        let intros: Vec<(Option<String>, Option<String>, String)> = introductions::table
            .filter(introductions::user_id.eq(user_id))
            .filter(introductions::person_b_id.eq_any(chunk))
            .select((
                introductions::introducer_id,
                introductions::person_a_id,
                introductions::person_b_id,
            ))
            .load(conn)?;
        for (x, a, b) in intros {
            for other in [x, a].into_iter().flatten() {
                known.insert(pair(&other, &b));
            }
        }
    }
    Ok(known)
}

/// The pairs the user asked never to see suggested again.
pub fn dismissed(
    conn: &mut DbConn,
    user_id: &str,
) -> QueryResult<std::collections::HashSet<(String, String)>> {
    use crate::db::schema::suggestion_dismissals as d;
    Ok(d::table
        .filter(d::user_id.eq(user_id))
        .select((d::contact_a, d::contact_b))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// Hides a pair (`a` < `b`) for good; true when it was not hidden yet.
pub fn dismiss(
    conn: &mut DbConn,
    user_id: &str,
    a: &str,
    b: &str,
    now: Micros,
) -> QueryResult<bool> {
    use crate::db::schema::suggestion_dismissals as d;
    let n = crate::per_backend!(conn, |c| diesel::insert_into(d::table)
        .values((
            d::user_id.eq(user_id),
            d::contact_a.eq(a),
            d::contact_b.eq(b),
            d::created_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(n > 0)
}

/// Dismissals and introductions made since `since`: what the week's
/// introduction suggestions have been used for.
pub fn acted_since(conn: &mut DbConn, user_id: &str, since: Micros) -> QueryResult<i64> {
    use crate::db::schema::suggestion_dismissals as d;
    let dismissed: i64 = d::table
        .filter(d::user_id.eq(user_id))
        .filter(d::created_at.ge(since))
        .count()
        .get_result(conn)?;
    let proposed: i64 = introductions::table
        .filter(introductions::user_id.eq(user_id))
        .filter(introductions::introducer_id.is_null())
        .filter(introductions::person_a_id.is_not_null())
        .filter(introductions::created_at.ge(since))
        .count()
        .get_result(conn)?;
    Ok(dismissed + proposed)
}

/// A contact who may be suggested: (id, name, company, location, tags as
/// stored, closeness).
pub type Candidate = (
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<i32>,
);

/// The live, unarchived contacts you know well (closeness `min_closeness`
/// or more), closest first: `limit` at most.
pub fn close_contacts(
    conn: &mut DbConn,
    user_id: &str,
    min_closeness: i32,
    limit: i64,
) -> QueryResult<Vec<Candidate>> {
    c::table
        .filter(c::user_id.eq(user_id))
        .filter(c::closeness.ge(min_closeness))
        .filter(c::trashed_at.is_null())
        .filter(c::archived.eq(false))
        .order((c::closeness.desc(), c::id.desc()))
        .select((
            c::id,
            c::display_name,
            c::company,
            c::location,
            c::tags,
            c::closeness,
        ))
        .limit(limit)
        .load(conn)
}

/// The names of the live contacts among `ids`.
pub fn names(
    conn: &mut DbConn,
    user_id: &str,
    ids: &[&str],
) -> QueryResult<HashMap<String, String>> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(1000) {
        out.extend(
            c::table
                .filter(c::user_id.eq(user_id))
                .filter(c::id.eq_any(chunk))
                .filter(c::trashed_at.is_null())
                .select((c::id, c::display_name))
                .load::<(String, String)>(conn)?,
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_count_back_across_years() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 14).unwrap();
        assert_eq!(month_start(d, 0).to_string(), "2026-02-01");
        assert_eq!(month_start(d, 2).to_string(), "2025-12-01");
        assert_eq!(month_start(d, -1).to_string(), "2026-03-01");
        assert_eq!(month_start(d, 11).to_string(), "2025-03-01");
    }
}
