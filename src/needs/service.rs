//! The rules of needs: a need is the user's own or a live contact's; its
//! tags are stored in lower case, each once; `met_by` names an
//! introduction, interaction or favor of the user, and only a `met` need
//! has one; a write names the version it changes; every change is recorded
//! for the change feed.

use super::keys;
use super::model::{MetBy, MetByType, NeedCreate, NeedPatch, NeedRow, NeedStatus};
use super::store::{self, Filter};
use crate::changes;
use crate::contacts::model::tags;
use crate::contacts::service::{self as contacts, check_reference};
use crate::contacts::store as contact_store;
use crate::db::DbConn;
use crate::domain::{Error, Expected, Result};
use crate::search::text::fold;
use crate::{ids, time};

pub const RESOURCE: &str = "need";

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<NeedRow> {
    store::find(conn, user_id, id)?.ok_or(Error::NotFound)
}

/// What `q` searches: the topic, description and tags, folded.
fn search_text(row: &NeedRow) -> String {
    let mut text = fold(&row.topic);
    for part in row.description.iter().chain(row.tags().iter()) {
        text.push('\n');
        text.push_str(&fold(part));
    }
    text
}

/// The derived columns: the search text and the match keys.
pub fn derive(row: &mut NeedRow) {
    row.search_text = search_text(row);
    row.match_keys = keys::of(&row.topic, &row.tags());
}

/// Sets a contact's `open_needs` to the count of its open needs (a new
/// version of the contact when it moved).
pub fn refresh_open_needs(conn: &mut DbConn, user_id: &str, contact_id: &str) -> Result<()> {
    let open = store::count_open(conn, user_id, contact_id)? as i32;
    if let Some(mut row) = contact_store::find_for_update(conn, user_id, contact_id)? {
        if row.open_needs != open {
            row.open_needs = open;
            contacts::save(conn, &mut row)?;
        }
    }
    Ok(())
}

/// Writes a changed need as a new version and records it; refreshes its
/// contact's count when its status moved.
fn save_changed(conn: &mut DbConn, row: &mut NeedRow, status_was: &str) -> Result<()> {
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
    store::save(conn, row, false)?;
    changes::record(conn, &row.user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    if row.status != status_was {
        if let Some(contact) = row.contact_id.clone() {
            refresh_open_needs(conn, &row.user_id, &contact)?;
        }
    }
    Ok(())
}

fn json_list(tags: &[String]) -> String {
    serde_json::to_string(tags).unwrap_or_else(|_| "[]".into())
}

/// A new open need of the user's built from a create (nothing stored yet).
pub fn new_row(user_id: &str, new: NeedCreate) -> NeedRow {
    let now = time::now();
    let mut row = NeedRow {
        id: ids::new_id(),
        user_id: user_id.to_string(),
        contact_id: new.contact_id,
        kind: new.kind.as_str().to_string(),
        topic: new.topic,
        tags: json_list(&tags(new.tags.unwrap_or_default())),
        description: new.description,
        until_on: new.until,
        status: NeedStatus::Open.as_str().to_string(),
        met_by_type: None,
        met_by_id: None,
        search_text: String::new(),
        created_at: now,
        updated_at: now,
        version: 1,
        match_keys: String::new(),
        introduction_id: None,
        met_at: None,
    };
    derive(&mut row);
    row
}

pub fn create(conn: &mut DbConn, user_id: &str, new: NeedCreate) -> Result<NeedRow> {
    if let Some(contact) = &new.contact_id {
        check_reference(conn, user_id, contact, "contact_id")?;
    }
    let row = new_row(user_id, new);
    insert(conn, &row)?;
    if let Some(contact) = row.contact_id.clone() {
        refresh_open_needs(conn, user_id, &contact)?;
    }
    Ok(row)
}

/// Stores a new need as it is (an archive's, with its status and times)
/// and records it; its contact's count is the caller's.
pub fn insert(conn: &mut DbConn, row: &NeedRow) -> Result<()> {
    store::save(conn, row, true)?;
    changes::record(conn, &row.user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    Ok(())
}

/// Whether `met_by` names a record of the user.
fn check_met_by(conn: &mut DbConn, user_id: &str, met_by: &MetBy) -> Result<()> {
    let found = match met_by.type_ {
        MetByType::Introduction => {
            crate::introductions::store::find(conn, user_id, &met_by.id)?.is_some()
        }
        MetByType::Interaction => {
            crate::interactions::store::find(conn, user_id, &met_by.id)?.is_some()
        }
        MetByType::LedgerEntry => crate::ledger::store::find(conn, user_id, &met_by.id)?.is_some(),
    };
    match found {
        true => Ok(()),
        false => Err(Error::field(
            "met_by.id",
            "unknown_record",
            "no record of yours of this type has this id",
        )),
    }
}

pub fn update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    expected: &Expected,
    patch: NeedPatch,
) -> Result<NeedRow> {
    let mut row = store::find_for_update(conn, user_id, id)?.ok_or(Error::NotFound)?;
    expected.check(row.version)?;
    let unchanged = row.clone();
    if let Some(topic) = patch.topic {
        row.topic = topic;
    }
    if let Some(t) = patch.tags {
        row.tags = json_list(&tags(t));
    }
    if let Some(description) = patch.description {
        row.description = description;
    }
    if let Some(until) = patch.until {
        row.until_on = until;
    }
    if let Some(status) = patch.status {
        row.status = status.as_str().to_string();
    }
    let names_met_by = matches!(patch.met_by, Some(Some(_)));
    match patch.met_by {
        Some(Some(met_by)) => {
            check_met_by(conn, user_id, &met_by)?;
            row.met_by_type = Some(met_by.type_.as_str().to_string());
            row.met_by_id = Some(met_by.id);
        }
        Some(None) => {
            row.met_by_type = None;
            row.met_by_id = None;
        }
        None => {}
    }
    // Only a met need names what met it: reopened or dropped, it names
    // nothing.
    if row.status != NeedStatus::Met.as_str() {
        if names_met_by {
            return Err(Error::field(
                "met_by",
                "not_met",
                "only a need with status met names what met it",
            ));
        }
        row.met_by_type = None;
        row.met_by_id = None;
    }
    row.met_at = match row.status == NeedStatus::Met.as_str() {
        true => row.met_at.or(Some(time::now())),
        false => None,
    };
    derive(&mut row);
    // A patch that changes nothing leaves the version (and the feed) as is.
    if row == unchanged {
        return Ok(row);
    }
    save_changed(conn, &mut row, &unchanged.status)?;
    Ok(row)
}

pub fn delete(conn: &mut DbConn, user_id: &str, id: &str, expected: &Expected) -> Result<()> {
    let row = store::find_for_update(conn, user_id, id)?.ok_or(Error::NotFound)?;
    expected.check(row.version)?;
    store::delete(conn, &row.id)?;
    changes::record::<()>(conn, user_id, RESOURCE, &row.id, None)?;
    if let Some(contact) = &row.contact_id {
        refresh_open_needs(conn, user_id, contact)?;
    }
    Ok(())
}

/// Gives the needs of the contacts `from` to `to` (a merge); returns how
/// many moved.
pub fn move_needs(conn: &mut DbConn, user_id: &str, from: &[String], to: &str) -> Result<usize> {
    let ids = store::ids_of_contacts(conn, user_id, from)?;
    for id in &ids {
        if let Some(mut row) = store::find_for_update(conn, user_id, id)? {
            row.contact_id = Some(to.to_string());
            // The status stays: the counts are refreshed below.
            let status = row.status.clone();
            save_changed(conn, &mut row, &status)?;
        }
    }
    if !ids.is_empty() {
        for contact in from.iter().map(String::as_str).chain([to]) {
            refresh_open_needs(conn, user_id, contact)?;
        }
    }
    Ok(ids.len())
}

/// Links an ask and an offer to the introduction proposed to meet them.
pub fn link_introduction(
    conn: &mut DbConn,
    needs: &mut [&mut NeedRow],
    introduction_id: &str,
) -> Result<()> {
    for row in needs.iter_mut() {
        row.introduction_id = Some(introduction_id.to_string());
        let status = row.status.clone();
        save_changed(conn, row, &status)?;
    }
    Ok(())
}

/// The introduction was made: the open needs linked to it are met by it.
pub fn introduction_made(conn: &mut DbConn, user_id: &str, introduction_id: &str) -> Result<()> {
    for id in store::ids_of_introduction(conn, user_id, introduction_id)? {
        let Some(mut row) = store::find_for_update(conn, user_id, &id)? else {
            continue;
        };
        if row.status != NeedStatus::Open.as_str() {
            continue;
        }
        row.status = NeedStatus::Met.as_str().to_string();
        row.met_by_type = Some(MetByType::Introduction.as_str().to_string());
        row.met_by_id = Some(introduction_id.to_string());
        row.met_at = Some(time::now());
        save_changed(conn, &mut row, NeedStatus::Open.as_str())?;
    }
    Ok(())
}

/// The interaction or favor `id` was deleted: the needs it met are open
/// again, as when an introduction is unmade, and none names it any more.
pub fn met_by_deleted(conn: &mut DbConn, user_id: &str, kind: MetByType, id: &str) -> Result<()> {
    for need in store::ids_met_by(conn, user_id, kind.as_str(), id)? {
        let Some(mut row) = store::find_for_update(conn, user_id, &need)? else {
            continue;
        };
        let status_was = row.status.clone();
        if reopen_if_met_by(&mut row, kind, id) {
            save_changed(conn, &mut row, &status_was)?;
        }
    }
    Ok(())
}

/// Opens the need again if `kind` `id` is what met it; whether it did.
fn reopen_if_met_by(row: &mut NeedRow, kind: MetByType, id: &str) -> bool {
    let met_by_it =
        row.met_by_type.as_deref() == Some(kind.as_str()) && row.met_by_id.as_deref() == Some(id);
    if met_by_it {
        row.status = NeedStatus::Open.as_str().to_string();
        row.met_by_type = None;
        row.met_by_id = None;
        row.met_at = None;
    }
    met_by_it
}

/// The introduction was unmade (or deleted, `gone`): the needs it met are
/// open again; when it is gone, no need names it any more.
pub fn introduction_undone(
    conn: &mut DbConn,
    user_id: &str,
    introduction_id: &str,
    gone: bool,
) -> Result<()> {
    let kind = MetByType::Introduction;
    let mut ids = store::ids_of_introduction(conn, user_id, introduction_id)?;
    ids.extend(store::ids_met_by(
        conn,
        user_id,
        kind.as_str(),
        introduction_id,
    )?);
    ids.sort();
    ids.dedup();
    for id in ids {
        let Some(mut row) = store::find_for_update(conn, user_id, &id)? else {
            continue;
        };
        let unchanged = row.clone();
        reopen_if_met_by(&mut row, kind, introduction_id);
        if gone && row.introduction_id.as_deref() == Some(introduction_id) {
            row.introduction_id = None;
        }
        if row != unchanged {
            save_changed(conn, &mut row, &unchanged.status)?;
        }
    }
    Ok(())
}

pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    filter: &Filter,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<NeedRow>> {
    Ok(store::list(conn, user_id, filter, after, limit)?)
}
