//! Database functions for tags: `&mut DbConn` in, `QueryResult` out.

use diesel::dsl::count_star;
use diesel::prelude::*;

use super::model::Tag;
use crate::contacts::model::ContactRow;
use crate::db::schema::{contact_tags, contacts, tags};
use crate::db::DbConn;

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
    let cadence = cadence(conn, user_id, name)?;
    if any_use == 0 && cadence.is_none() {
        return Ok(None);
    }
    Ok(Some(Tag {
        name: name.to_string(),
        contact_count: count,
        default_cadence_days: cadence.flatten(),
    }))
}

pub fn contacts_with(conn: &mut DbConn, user_id: &str, name: &str) -> QueryResult<Vec<ContactRow>> {
    let ids = contact_tags::table
        .filter(contact_tags::user_id.eq(user_id))
        .filter(contact_tags::tag.eq(name))
        .select(contact_tags::contact_id);
    contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any(ids))
        .load::<ContactRow>(conn)
}

pub fn set_cadence(
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

/// Forgets the tag's settings.
/// Forgets the tag's settings; whether it had any.
pub fn delete_settings(conn: &mut DbConn, user_id: &str, name: &str) -> QueryResult<bool> {
    diesel::delete(
        tags::table
            .filter(tags::user_id.eq(user_id))
            .filter(tags::name.eq(name)),
    )
    .execute(conn)
    .map(|n| n > 0)
}

/// The default cadence of the user's tag `name` (`None`: no such tag).
pub fn cadence(conn: &mut DbConn, user_id: &str, name: &str) -> QueryResult<Option<Option<i32>>> {
    tags::table
        .filter(tags::user_id.eq(user_id))
        .filter(tags::name.eq(name))
        .select(tags::default_cadence_days)
        .first(conn)
        .optional()
}
