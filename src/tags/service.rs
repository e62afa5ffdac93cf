//! The rules of tags. Changing a tag changes its contacts: each is saved
//! (new version, change feed) with its derived fields refreshed, and found
//! by its new tags, in the same transaction.

use super::model::Tag;
use super::store;
use crate::changes;
use crate::contacts::derived;
use crate::contacts::service::{save, save_edited};
use crate::contacts::store::sync_tags;
use crate::db::DbConn;
use crate::domain::{Error, Result};

pub const RESOURCE: &str = "tag";

fn record(conn: &mut DbConn, user_id: &str, name: &str) -> Result<Option<Tag>> {
    let tag = store::find(conn, user_id, name)?;
    changes::record(conn, user_id, RESOURCE, name, tag.as_ref())?;
    Ok(tag)
}

/// Sets the default cadence and refreshes the tag's contacts.
pub fn put(conn: &mut DbConn, user_id: &str, name: &str, cadence: Option<i32>) -> Result<Tag> {
    store::set_cadence(conn, user_id, name, cadence)?;
    for mut row in store::contacts_with(conn, user_id, name)? {
        if derived::refresh(conn, &mut row)? {
            save(conn, &mut row)?;
        }
    }
    record(conn, user_id, name)?.ok_or_else(|| Error::Internal("tag vanished".into()))
}

/// Rewrites the tag list of every contact carrying `old` with `edit`.
fn retag(
    conn: &mut DbConn,
    user_id: &str,
    old: &str,
    edit: impl Fn(Vec<String>) -> Vec<String>,
) -> Result<()> {
    for mut row in store::contacts_with(conn, user_id, old)? {
        let before = row.clone();
        let tags: Vec<String> = serde_json::from_str(&row.tags).unwrap_or_default();
        row.tags =
            serde_json::to_string(&edit(tags)).map_err(|e| Error::Internal(e.to_string()))?;
        derived::refresh(conn, &mut row)?;
        sync_tags(conn, &row)?;
        save_edited(conn, &before, &mut row)?;
    }
    Ok(())
}

/// Renames `old` to `new`, merging into `new` when it exists (its cadence
/// wins; `old`'s is kept when `new` has none).
pub fn rename(conn: &mut DbConn, user_id: &str, old: &str, new: &str) -> Result<Tag> {
    let Some(from) = store::find(conn, user_id, old)? else {
        return Err(Error::NotFound);
    };
    if old == new {
        return Ok(from);
    }
    let target = store::find(conn, user_id, new)?;
    let cadence = target
        .as_ref()
        .and_then(|t| t.default_cadence_days)
        .or(from.default_cadence_days);
    // A tag kept only by its settings (no contact has it) lives on as `new`.
    let had_settings = store::delete_settings(conn, user_id, old)?;
    if cadence.is_some() || target.is_some() || had_settings {
        store::set_cadence(conn, user_id, new, cadence)?;
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
    record(conn, user_id, new)?.ok_or_else(|| Error::Internal("tag vanished".into()))
}

/// Removes the tag from every contact and forgets its settings.
pub fn delete(conn: &mut DbConn, user_id: &str, name: &str) -> Result<()> {
    if store::find(conn, user_id, name)?.is_none() {
        return Err(Error::NotFound);
    }
    store::delete_settings(conn, user_id, name)?;
    retag(conn, user_id, name, |tags| {
        tags.into_iter().filter(|t| t != name).collect()
    })?;
    changes::record::<()>(conn, user_id, RESOURCE, name, None)?;
    Ok(())
}
