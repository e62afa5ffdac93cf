//! Database functions for interactions. Every write also refreshes the
//! derived fields of each contact it touches, in the same transaction.

use std::collections::{BTreeSet, HashMap};

use diesel::prelude::*;

use super::domain::InteractionChanges;
use super::dto::Interaction;
use crate::changes;
use crate::contacts::queries::refresh_contacts;
use crate::db::schema::{contacts, interaction_contacts as ic, interactions};
use crate::db::DbConn;
use crate::error::{ApiError, FieldError};
use crate::http::{decode_cursor, encode_cursor, next_cursor, IfMatch};
use crate::ids;
use crate::time::{self, Micros};

pub const RESOURCE: &str = "interaction";

#[derive(Queryable, Selectable, Insertable, AsChangeset, Debug, Clone)]
#[diesel(table_name = interactions, treat_none_as_null = true)]
pub struct InteractionRow {
    pub id: String,
    pub user_id: String,
    pub kind: String,
    pub direction: String,
    pub occurred_at: Micros,
    pub summary: String,
    pub notes: Option<String>,
    pub follow_up_on: Option<String>,
    pub counts_as_touch: bool,
    /// JSON array of contact ids, in the order given.
    pub contact_ids: String,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub version: i32,
}

impl InteractionRow {
    pub fn participants(&self) -> Vec<String> {
        serde_json::from_str(&self.contact_ids).unwrap_or_default()
    }

    pub fn to_api(&self) -> Interaction {
        Interaction {
            id: self.id.clone(),
            kind: self.kind.clone(),
            direction: self.direction.clone(),
            occurred_at: time::rfc3339(self.occurred_at),
            summary: self.summary.clone(),
            notes: self.notes.clone(),
            contact_ids: self.participants(),
            follow_up_on: self.follow_up_on.clone(),
            counts_as_touch: self.counts_as_touch,
            created_at: time::rfc3339(self.created_at),
            updated_at: time::rfc3339(self.updated_at),
            version: self.version,
        }
    }
}

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<InteractionRow, ApiError> {
    crate::owned_by_id!(interactions, InteractionRow, user_id, id)
        .first(conn)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// `get` for a write that changes the interaction (see `for_update!`).
fn get_for_update(conn: &mut DbConn, user_id: &str, id: &str) -> Result<InteractionRow, ApiError> {
    crate::for_update!(
        conn,
        crate::owned_by_id!(interactions, InteractionRow, user_id, id)
    )?
    .ok_or_else(ApiError::not_found)
}

/// Every id must be one of the user's contacts, outside the trash. An
/// unknown id and another user's id get the same answer.
fn check_participants(conn: &mut DbConn, user_id: &str, ids: &[String]) -> Result<(), ApiError> {
    let found: HashMap<String, Option<i64>> = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any(ids))
        .select((contacts::id, contacts::trashed_at))
        .load::<(String, Option<i64>)>(conn)?
        .into_iter()
        .collect();
    let mut errors = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        match found.get(id) {
            None => errors.push(FieldError::new(
                format!("contact_ids[{i}]"),
                "unknown_contact",
                "no contact of yours has this id",
            )),
            Some(Some(_)) => errors.push(FieldError::new(
                format!("contact_ids[{i}]"),
                "contact_trashed",
                "this contact is in the trash",
            )),
            Some(None) => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

pub fn write_participants(conn: &mut DbConn, row: &InteractionRow) -> QueryResult<()> {
    diesel::delete(ic::table.filter(ic::interaction_id.eq(&row.id))).execute(conn)?;
    for contact_id in row.participants() {
        diesel::insert_into(ic::table)
            .values((
                ic::user_id.eq(&row.user_id),
                ic::interaction_id.eq(&row.id),
                ic::contact_id.eq(contact_id),
                ic::occurred_at.eq(row.occurred_at),
                ic::counts_as_touch.eq(row.counts_as_touch),
                ic::follow_up_on.eq(&row.follow_up_on),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn apply(row: &mut InteractionRow, c: InteractionChanges) {
    macro_rules! set {
        ($($f:ident),*) => { $(if let Some(v) = c.$f { row.$f = v; })* };
    }
    set!(
        kind,
        direction,
        occurred_at,
        summary,
        notes,
        follow_up_on,
        counts_as_touch
    );
    if let Some(ids) = c.contact_ids {
        row.contact_ids = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
    }
}

/// A new row of the user's built from a create (nothing stored yet).
pub fn new_row(user_id: &str, c: InteractionChanges) -> InteractionRow {
    let now = time::now();
    let mut row = InteractionRow {
        id: ids::new_id(),
        user_id: user_id.to_string(),
        kind: String::new(),
        direction: String::new(),
        occurred_at: now,
        summary: String::new(),
        notes: None,
        follow_up_on: None,
        counts_as_touch: true,
        contact_ids: "[]".into(),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    apply(&mut row, c);
    row
}

pub fn create(
    conn: &mut DbConn,
    user_id: &str,
    c: InteractionChanges,
) -> Result<InteractionRow, ApiError> {
    let row = new_row(user_id, c);
    let participants = row.participants();
    check_participants(conn, user_id, &participants)?;
    diesel::insert_into(interactions::table)
        .values(&row)
        .execute(conn)?;
    write_participants(conn, &row)?;
    changes::record(conn, user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    refresh_contacts(conn, user_id, &participants)?;
    Ok(row)
}

pub fn update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    if_match: &IfMatch,
    c: InteractionChanges,
) -> Result<InteractionRow, ApiError> {
    let mut row = get_for_update(conn, user_id, id)?;
    if_match.check(row.version)?;
    let before: BTreeSet<String> = row.participants().into_iter().collect();
    let new_ids = c.contact_ids.clone();
    apply(&mut row, c);
    if let Some(ids) = &new_ids {
        // Only newly named contacts must be live; one already taking part may
        // have been trashed since, and stays.
        let added: Vec<String> = ids
            .iter()
            .filter(|i| !before.contains(*i))
            .cloned()
            .collect();
        check_participants(conn, user_id, &added)?;
    }
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
    diesel::update(interactions::table.find(&row.id))
        .set(&row)
        .execute(conn)?;
    write_participants(conn, &row)?;
    changes::record(conn, user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    let affected: Vec<String> = before
        .into_iter()
        .chain(row.participants())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    refresh_contacts(conn, user_id, &affected)?;
    Ok(row)
}

pub fn delete(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    if_match: &IfMatch,
) -> Result<(), ApiError> {
    let row = get_for_update(conn, user_id, id)?;
    if_match.check(row.version)?;
    crate::ledger::queries::unlink_interaction(conn, user_id, &row.id)?;
    diesel::delete(ic::table.filter(ic::interaction_id.eq(&row.id))).execute(conn)?;
    diesel::delete(interactions::table.find(&row.id)).execute(conn)?;
    changes::record::<()>(conn, user_id, RESOURCE, &row.id, None)?;
    refresh_contacts(conn, user_id, &row.participants())?;
    Ok(())
}

#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    pub contact_id: Option<String>,
    pub kind: Option<String>,
    pub direction: Option<String>,
    pub since: Option<Micros>,
    pub until: Option<Micros>,
}

/// A page of the user's interactions, newest first, keyset on
/// (occurred_at, id). With a contact, the walk runs on that contact's
/// participation index.
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    limit: i64,
    cursor: Option<&str>,
) -> Result<(Vec<InteractionRow>, Option<String>), ApiError> {
    const SORT: &str = "-occurred_at";
    let position: Option<(i64, String)> = match cursor {
        Some(c) => Some(decode_cursor(c, SORT)?),
        None => None,
    };
    macro_rules! common {
        ($query:expr, $at:expr, $id:expr) => {{
            let mut q = $query;
            if let Some(k) = &filter.kind {
                q = q.filter(interactions::kind.eq(k.clone()));
            }
            if let Some(d) = &filter.direction {
                q = q.filter(interactions::direction.eq(d.clone()));
            }
            if let Some(t) = filter.since {
                q = q.filter($at.ge(t));
            }
            if let Some(t) = filter.until {
                q = q.filter($at.lt(t));
            }
            if let Some((k, id)) = position.clone() {
                q = q.filter($at.lt(k).or($at.eq(k).and($id.lt(id))));
            }
            q.order(($at.desc(), $id.desc()))
                .limit(limit + 1)
                .select(InteractionRow::as_select())
                .load::<InteractionRow>(conn)?
        }};
    }
    let mut rows = match &filter.contact_id {
        Some(cid) => common!(
            ic::table
                .inner_join(interactions::table)
                .filter(ic::user_id.eq(user_id))
                .filter(ic::contact_id.eq(cid.clone()))
                .into_boxed(),
            ic::occurred_at,
            ic::interaction_id
        ),
        None => common!(
            interactions::table
                .filter(interactions::user_id.eq(user_id))
                .into_boxed(),
            interactions::occurred_at,
            interactions::id
        ),
    };
    let next = next_cursor(&mut rows, limit, |r| {
        encode_cursor(SORT, r.occurred_at, &r.id)
    });
    Ok((rows, next))
}
