//! The rules of imports: each row of a file is a contact as a create takes
//! it (validated the same way), matched against the user's contacts (any
//! email, then any phone number's digits, then its external ids, LinkedIn
//! first) and created, updated or skipped as `on_duplicate` says, each row
//! on its own (as if in a savepoint apiece: `db::each_alone`): a bad row
//! fails with its reason and the others go in. An import is kept with its
//! report and what undoing it needs; a dry run does everything and rolls it
//! back.

use diesel::Connection;
use serde_json::{Map, Value};

use super::formats::{Format, Record};
use super::model::{
    Import, ImportItem, ImportRow, ImportUndo, ItemStatus, NotUndone, OnDuplicate, UndoData,
    Updated,
};
use super::store;
use crate::contacts::model::{ContactChanges, ContactPatch, ExternalIdsChange};
use crate::contacts::service::{self as contacts, Match};
use crate::db::{each_alone, search_index, DbConn};
use crate::domain::{Error, Expected, Result};
use crate::error::ApiError;
use crate::ids;
use crate::photos::image::Photo;
use crate::time::{self, Timestamp};

/// Why a transaction ends without committing.
enum Abort {
    /// A dry run: everything is rolled back on purpose.
    DryRun,
    Failed(Error),
}

impl From<diesel::result::Error> for Abort {
    fn from(e: diesel::result::Error) -> Abort {
        Abort::Failed(Error::Database(e))
    }
}

/// Imports the rows read from a file of `format`; the report (kept as an
/// import unless `dry_run`).
pub fn run(
    conn: &mut DbConn,
    user_id: &str,
    format: Format,
    on_duplicate: OnDuplicate,
    rows: Vec<Row>,
    dry_run: bool,
) -> Result<Import> {
    let mut report = Import {
        id: None,
        format,
        on_duplicate,
        dry_run,
        created_at: Timestamp(time::now()),
        undone_at: None,
        created: 0,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        failed: 0,
        items: Vec::with_capacity(rows.len()),
    };
    let mut undo = UndoData::default();
    let outcome = conn.transaction(|c| {
        // Each row as if in a savepoint of its own; their index entries all
        // at once.
        let written = search_index::deferred(c, |c| {
            Ok::<_, Abort>(each_alone(c, &rows, |c, row| match &row.ready {
                Ok(ready) => write(c, user_id, on_duplicate, ready).map(Ok),
                Err(why) => Ok(Err(why.clone())),
            }))
        })?;
        for (row, done) in rows.iter().zip(written) {
            let done = done.unwrap_or_else(|e| Err(reason(&ApiError::from(e))));
            let item = match done {
                Ok((status, id, changed, before)) => {
                    match (status, before) {
                        (ItemStatus::Created, _) => undo.created.push(id.clone()),
                        (ItemStatus::Updated, Some(u)) => undo.updated.push(u),
                        _ => {}
                    }
                    ImportItem {
                        line: row.line,
                        status,
                        contact_id: Some(id),
                        changed_fields: changed,
                        error: None,
                    }
                }
                Err(why) => ImportItem {
                    line: row.line,
                    status: ItemStatus::Failed,
                    contact_id: None,
                    changed_fields: Vec::new(),
                    error: Some(why),
                },
            };
            *match item.status {
                ItemStatus::Created => &mut report.created,
                ItemStatus::Updated => &mut report.updated,
                ItemStatus::Unchanged => &mut report.unchanged,
                ItemStatus::Skipped => &mut report.skipped,
                ItemStatus::Failed => &mut report.failed,
            } += 1;
            report.items.push(item);
        }
        if dry_run {
            return Err(Abort::DryRun);
        }
        let id = ids::new_id();
        store::insert(
            c,
            &ImportRow {
                id: id.clone(),
                user_id: user_id.to_string(),
                format: format.as_str().to_string(),
                on_duplicate: on_duplicate.as_str().to_string(),
                created_at: report.created_at.0,
                undone_at: None,
                created: report.created,
                updated: report.updated,
                unchanged: report.unchanged,
                skipped: report.skipped,
                failed: report.failed,
                items: serde_json::to_string(&report.items).unwrap_or_else(|_| "[]".into()),
                undo: serde_json::to_string(&undo).unwrap_or_else(|_| "{}".into()),
            },
        )?;
        Ok(id)
    });
    match outcome {
        Ok(id) => report.id = Some(id),
        Err(Abort::DryRun) => {}
        Err(Abort::Failed(e)) => return Err(e),
    }
    Ok(report)
}

/// A record of the file, read and checked as a contact: what it writes, or
/// why it cannot be one. Made before the import's write (`Row::from`), off
/// the writer, which all of a server's writes share.
pub struct Row {
    line: u64,
    ready: std::result::Result<Ready, String>,
}

/// A record's contact as a create and as an update (with the fields it
/// sets), and its photo.
struct Ready {
    create: ContactChanges,
    update: ContactChanges,
    fields: Vec<String>,
    photo: Option<Photo>,
}

impl From<Record> for Row {
    fn from(record: Record) -> Row {
        let ready = record.contact.and_then(|body| {
            let fields: Vec<String> = body
                .as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            let (create, update) = ContactChanges::upsert_of(body).map_err(|e| reason(&e))?;
            Ok(Ready {
                create,
                update,
                fields,
                photo: record.photo,
            })
        });
        Row {
            line: record.line,
            ready,
        }
    }
}

/// Writes one record (as `apply` does), with its photo.
fn write(
    conn: &mut DbConn,
    user_id: &str,
    on_duplicate: OnDuplicate,
    ready: &Ready,
) -> Result<Applied> {
    let (create, update) = (ready.create.clone(), ready.update.clone());
    let mut applied = apply(conn, user_id, on_duplicate, create, update, &ready.fields)?;
    let (status, id, changed, _) = &mut applied;
    if let (Some(p), ItemStatus::Created | ItemStatus::Updated) = (&ready.photo, *status) {
        crate::photos::service::put(conn, user_id, id, &Expected::Any, p)?;
        changed.push("photo".into());
        changed.sort();
    }
    Ok(applied)
}

/// A problem in one line: its fields and what is wrong with each.
fn reason(e: &ApiError) -> String {
    if e.errors.is_empty() {
        return e.detail.clone();
    }
    e.errors
        .iter()
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect::<Vec<_>>()
        .join("; ")
}

type Applied = (ItemStatus, String, Vec<String>, Option<Updated>);

/// Creates the row's contact, or does with the one it matches what
/// `on_duplicate` says.
fn apply(
    conn: &mut DbConn,
    user_id: &str,
    on_duplicate: OnDuplicate,
    mut create: ContactChanges,
    update: ContactChanges,
    fields: &[String],
) -> Result<Applied> {
    let external: Vec<(String, String)> = match &create.external_ids {
        Some(ExternalIdsChange::Replace(ids)) => {
            // LinkedIn's profile first: the id a person is surest of.
            let mut ids: Vec<(String, String)> = ids.clone().into_iter().collect();
            ids.sort_by_key(|(source, _)| source != "linkedin");
            ids
        }
        _ => Vec::new(),
    };
    let ways = [Match::Email, Match::Phone].into_iter().chain(
        external
            .iter()
            .map(|(s, v)| Match::External(s.clone(), v.clone())),
    );
    let mut found = None;
    for how in ways {
        found = contacts::matching(conn, user_id, &how, &create)?;
        if found.is_some() {
            break;
        }
    }
    let mut set: Vec<String> = fields.to_vec();
    set.sort();
    let Some(id) = found else {
        let row = contacts::create(conn, user_id, create)?;
        return Ok((ItemStatus::Created, row.id, set, None));
    };
    match on_duplicate {
        OnDuplicate::Skip => Ok((ItemStatus::Skipped, id, Vec::new(), None)),
        OnDuplicate::Create => {
            // The new contact leaves the external ids to the one holding them.
            let mut free = std::collections::BTreeMap::new();
            for (source, value) in external {
                if !contacts::external_id_held(conn, user_id, (&source, &value))? {
                    free.insert(source, value);
                }
            }
            create.external_ids = Some(ExternalIdsChange::Replace(free));
            let row = contacts::create(conn, user_id, create)?;
            Ok((ItemStatus::Created, row.id, set, None))
        }
        OnDuplicate::Update => {
            let before = contacts::get(conn, user_id, &id)?;
            let before_json = api_json(&before);
            let after = contacts::update(conn, user_id, &id, &Expected::Any, update)?;
            if after.version == before.version {
                return Ok((ItemStatus::Unchanged, id, Vec::new(), None));
            }
            let after_json = api_json(&after);
            let changed: Vec<String> = set
                .into_iter()
                .filter(|f| before_json.get(f) != after_json.get(f))
                .collect();
            let replaced: Map<String, Value> = changed
                .iter()
                .map(|f| {
                    (
                        f.clone(),
                        before_json.get(f).cloned().unwrap_or(Value::Null),
                    )
                })
                .collect();
            let updated = Updated {
                contact_id: id.clone(),
                version: after.version,
                before: replaced,
            };
            Ok((ItemStatus::Updated, id, changed, Some(updated)))
        }
    }
}

fn api_json(row: &crate::contacts::model::ContactRow) -> Map<String, Value> {
    match serde_json::to_value(row.to_api()) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<ImportRow> {
    store::find(conn, user_id, id)?.ok_or(Error::NotFound)
}

/// Undoes an import: trashes the contacts it created; changes back the
/// fields it changed of a contact not written since; says which it could
/// not undo. An import is undone once.
pub fn undo(conn: &mut DbConn, user_id: &str, id: &str) -> Result<ImportUndo> {
    let row = store::find_for_update(conn, user_id, id)?.ok_or(Error::NotFound)?;
    if row.undone_at.is_some() {
        return Err(Error::Conflict(
            "import_undone",
            "this import was undone already",
        ));
    }
    let data: UndoData = serde_json::from_str(&row.undo).unwrap_or_default();
    let mut out = ImportUndo::default();
    let not = |contact_id: &str, reason: &str, out: &mut ImportUndo| {
        out.not_undone.push(NotUndone {
            contact_id: contact_id.to_string(),
            reason: reason.to_string(),
        })
    };
    for contact_id in data.created {
        match contacts::trash(conn, user_id, &contact_id, &Expected::Any) {
            Ok(()) => out.trashed.push(contact_id),
            Err(Error::NotFound) => not(&contact_id, "gone", &mut out),
            Err(e) => return Err(e),
        }
    }
    for u in data.updated {
        let external = u.before.get("external_ids").cloned();
        let patch: ContactPatch = match serde_json::from_value(Value::Object(u.before)) {
            Ok(p) => p,
            Err(e) => return Err(Error::Internal(format!("stored undo of an import: {e}"))),
        };
        let mut changes = ContactChanges::from(patch);
        if let Some(ids) = external {
            let ids = serde_json::from_value(ids).unwrap_or_default();
            changes.external_ids = Some(ExternalIdsChange::Replace(ids));
        }
        let expected = Expected::Versions(vec![u.version]);
        match contacts::update(conn, user_id, &u.contact_id, &expected, changes) {
            Ok(_) => out.reverted.push(u.contact_id),
            Err(Error::Stale) => not(&u.contact_id, "changed_since", &mut out),
            Err(Error::NotFound) => not(&u.contact_id, "gone", &mut out),
            Err(Error::Conflict("contact_trashed", _)) => not(&u.contact_id, "in_trash", &mut out),
            Err(e) => return Err(e),
        }
    }
    store::mark_undone(conn, user_id, id, time::now())?;
    Ok(out)
}
