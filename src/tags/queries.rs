//! Database functions for tags. Changing a tag changes its contacts: each is
//! saved (new version, change feed) with its derived fields refreshed.

use diesel::dsl::count_star;
use diesel::prelude::*;

use super::Tag;
use crate::changes;
use crate::contacts::derived;
use crate::contacts::models::ContactRow;
use crate::contacts::queries::{save, sync_tags};
use crate::db::schema::{contact_tags, contacts, tags};
use crate::db::DbConn;
use crate::error::ApiError;

pub const RESOURCE: &str = "tag";

pub fn list(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<Tag>> {
    let counts: Vec<(String, i64)> = contact_tags::table
        .inner_join(contacts::table)
        .filter(contact_tags::user_id.eq(user_id))
        .filter(contacts::trashed_at.is_null())
        .group_by(contact_tags::tag)
        .select((contact_tags::tag, count_star()))
        .load(conn)?;
    let cadences: Vec<(String, Option<i32>)> = tags::table
        .filter(tags::user_id.eq(user_id))
        .select((tags::name, tags::default_cadence_days))
        .load(conn)?;
    let mut out: std::collections::BTreeMap<String, Tag> = std::collections::BTreeMap::new();
    for (name, n) in counts {
        out.insert(
            name.clone(),
            Tag {
                name,
                contact_count: n,
                default_cadence_days: None,
            },
        );
    }
    for (name, cadence) in cadences {
        out.entry(name.clone())
            .or_insert(Tag {
                name,
                contact_count: 0,
                default_cadence_days: None,
            })
            .default_cadence_days = cadence;
    }
    Ok(out.into_values().collect())
}

/// The tag, or `None` when no contact carries it and it has no settings.
pub fn find(conn: &mut DbConn, user_id: &str, name: &str) -> QueryResult<Option<Tag>> {
    let count: i64 = contact_tags::table
        .inner_join(contacts::table)
        .filter(contact_tags::user_id.eq(user_id))
        .filter(contact_tags::tag.eq(name))
        .filter(contacts::trashed_at.is_null())
        .count()
        .get_result(conn)?;
    let any_use: i64 = contact_tags::table
        .filter(contact_tags::user_id.eq(user_id))
        .filter(contact_tags::tag.eq(name))
        .count()
        .get_result(conn)?;
    let cadence: Option<Option<i32>> = tags::table
        .filter(tags::user_id.eq(user_id))
        .filter(tags::name.eq(name))
        .select(tags::default_cadence_days)
        .first(conn)
        .optional()?;
    if any_use == 0 && cadence.is_none() {
        return Ok(None);
    }
    Ok(Some(Tag {
        name: name.to_string(),
        contact_count: count,
        default_cadence_days: cadence.flatten(),
    }))
}

fn contacts_with(conn: &mut DbConn, user_id: &str, name: &str) -> QueryResult<Vec<ContactRow>> {
    let ids = contact_tags::table
        .filter(contact_tags::user_id.eq(user_id))
        .filter(contact_tags::tag.eq(name))
        .select(contact_tags::contact_id);
    contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any(ids))
        .load::<ContactRow>(conn)
}

fn set_cadence(
    conn: &mut DbConn,
    user_id: &str,
    name: &str,
    cadence: Option<i32>,
) -> QueryResult<()> {
    let updated = diesel::update(
        tags::table
            .filter(tags::user_id.eq(user_id))
            .filter(tags::name.eq(name)),
    )
    .set(tags::default_cadence_days.eq(cadence))
    .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(tags::table)
            .values((
                tags::user_id.eq(user_id),
                tags::name.eq(name),
                tags::default_cadence_days.eq(cadence),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn record(conn: &mut DbConn, user_id: &str, name: &str) -> Result<Option<Tag>, ApiError> {
    let tag = find(conn, user_id, name)?;
    changes::record(conn, user_id, RESOURCE, name, tag.as_ref())?;
    Ok(tag)
}

/// Sets the default cadence and refreshes the tag's contacts.
pub fn put(
    conn: &mut DbConn,
    user_id: &str,
    name: &str,
    cadence: Option<i32>,
) -> Result<Tag, ApiError> {
    set_cadence(conn, user_id, name, cadence)?;
    for mut row in contacts_with(conn, user_id, name)? {
        if derived::refresh(conn, &mut row)? {
            save(conn, &mut row)?;
        }
    }
    record(conn, user_id, name)?.ok_or_else(|| ApiError::internal("tag vanished"))
}

/// Rewrites the tag list of every contact carrying `old` with `edit`.
fn retag(
    conn: &mut DbConn,
    user_id: &str,
    old: &str,
    edit: impl Fn(Vec<String>) -> Vec<String>,
) -> Result<(), ApiError> {
    for mut row in contacts_with(conn, user_id, old)? {
        let tags: Vec<String> = serde_json::from_str(&row.tags).unwrap_or_default();
        row.tags = serde_json::to_string(&edit(tags)).map_err(ApiError::internal)?;
        derived::refresh(conn, &mut row)?;
        sync_tags(conn, &row)?;
        save(conn, &mut row)?;
    }
    Ok(())
}

/// Renames `old` to `new`, merging into `new` when it exists (its cadence
/// wins; `old`'s is kept when `new` has none).
pub fn rename(conn: &mut DbConn, user_id: &str, old: &str, new: &str) -> Result<Tag, ApiError> {
    let Some(from) = find(conn, user_id, old)? else {
        return Err(ApiError::not_found());
    };
    if old == new {
        return Ok(from);
    }
    let target = find(conn, user_id, new)?;
    let cadence = target
        .as_ref()
        .and_then(|t| t.default_cadence_days)
        .or(from.default_cadence_days);
    diesel::delete(
        tags::table
            .filter(tags::user_id.eq(user_id))
            .filter(tags::name.eq(old)),
    )
    .execute(conn)?;
    if cadence.is_some() || target.is_some() {
        set_cadence(conn, user_id, new, cadence)?;
    }
    retag(conn, user_id, old, |tags| {
        let mut out: Vec<String> = Vec::with_capacity(tags.len());
        for t in tags {
            let t = if t == old { new.to_string() } else { t };
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    })?;
    changes::record::<()>(conn, user_id, RESOURCE, old, None)?;
    record(conn, user_id, new)?.ok_or_else(|| ApiError::internal("tag vanished"))
}

/// Removes the tag from every contact and forgets its settings.
pub fn delete(conn: &mut DbConn, user_id: &str, name: &str) -> Result<(), ApiError> {
    if find(conn, user_id, name)?.is_none() {
        return Err(ApiError::not_found());
    }
    diesel::delete(
        tags::table
            .filter(tags::user_id.eq(user_id))
            .filter(tags::name.eq(name)),
    )
    .execute(conn)?;
    retag(conn, user_id, name, |tags| {
        tags.into_iter().filter(|t| t != name).collect()
    })?;
    changes::record::<()>(conn, user_id, RESOURCE, name, None)?;
    Ok(())
}
