//! The rules of needs: a need is the user's own or a live contact's; its
//! tags are stored in lower case, each once; `met_by` names an
//! introduction, interaction or favor of the user, and only a `met` need
//! has one; a write names the version it changes; every change is recorded
//! for the change feed.

use super::model::{MetBy, MetByType, NeedCreate, NeedPatch, NeedRow, NeedStatus};
use super::store::{self, Filter};
use crate::changes;
use crate::contacts::model::tags;
use crate::contacts::service::check_reference;
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

fn json_list(tags: &[String]) -> String {
    serde_json::to_string(tags).unwrap_or_else(|_| "[]".into())
}

pub fn create(conn: &mut DbConn, user_id: &str, new: NeedCreate) -> Result<NeedRow> {
    if let Some(contact) = &new.contact_id {
        check_reference(conn, user_id, contact, "contact_id")?;
    }
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
    };
    row.search_text = search_text(&row);
    store::save(conn, &row, true)?;
    changes::record(conn, user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    Ok(row)
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
    row.search_text = search_text(&row);
    // A patch that changes nothing leaves the version (and the feed) as is.
    if row == unchanged {
        return Ok(row);
    }
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
    store::save(conn, &row, false)?;
    changes::record(conn, user_id, RESOURCE, &row.id, Some(&row.to_api()))?;
    Ok(row)
}

pub fn delete(conn: &mut DbConn, user_id: &str, id: &str, expected: &Expected) -> Result<()> {
    let row = store::find_for_update(conn, user_id, id)?.ok_or(Error::NotFound)?;
    expected.check(row.version)?;
    store::delete(conn, &row.id)?;
    changes::record::<()>(conn, user_id, RESOURCE, &row.id, None)?;
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
