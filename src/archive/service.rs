//! The rules of export and import: the export holds every record of the
//! account (tokens as metadata only); an archive loads only into an empty
//! account, validated as the API validates each record, whole or not at
//! all.

use std::collections::HashMap;

use diesel::prelude::*;
use serde_json::{Map, Value};

use crate::auth::tokens;
use crate::contacts::model::{self as contact_model, ContactRow};
use crate::contacts::{derived, service as contacts, store as contact_store};
use crate::db::schema::{
    contacts as c, interactions as i, introductions as it, ledger_entries as le,
    relationships as r, tags as t,
};
use crate::db::DbConn;
use crate::domain::{Error, Result};
use crate::error::{ApiError, FieldError};
use crate::interactions::model::{InteractionCreate, InteractionRow};
use crate::interactions::service as interactions;
use crate::introductions::model::IntroductionRow;
use crate::introductions::model::STATUSES as INTRO_STATUSES;
use crate::ledger::model::EntryRow;
use crate::relationships::model::KINDS as RELATIONSHIP_KINDS;
use crate::relationships::model::{pair_key, RelationshipRow};
use crate::{changes, input, time};

use super::model::{ArchivePhoto, Export, ImportCounts, FORMAT_VERSION};
use base64::Engine;

/// The account's archive, written to JSON (it borrows from the rows it reads).
pub fn export(conn: &mut DbConn, user_id: &str) -> Result<Vec<u8>> {
    let user = crate::auth::store::user_by_id(conn, user_id)?.ok_or(Error::NotFound)?;
    let contact_rows: Vec<ContactRow> = c::table
        .filter(c::user_id.eq(user_id))
        .order((c::created_at.asc(), c::id.asc()))
        .load(conn)?;
    let interaction_rows: Vec<InteractionRow> = i::table
        .filter(i::user_id.eq(user_id))
        .order((i::created_at.asc(), i::id.asc()))
        .select(InteractionRow::as_select())
        .load(conn)?;
    let entry_rows: Vec<EntryRow> = le::table
        .filter(le::user_id.eq(user_id))
        .order((le::created_at.asc(), le::id.asc()))
        .select(EntryRow::as_select())
        .load(conn)?;
    let relationship_rows: Vec<RelationshipRow> = r::table
        .filter(r::user_id.eq(user_id))
        .order((r::created_at.asc(), r::id.asc()))
        .select(RelationshipRow::as_select())
        .load(conn)?;
    let introduction_rows: Vec<IntroductionRow> = it::table
        .filter(it::user_id.eq(user_id))
        .order((it::created_at.asc(), it::id.asc()))
        .select(IntroductionRow::as_select())
        .load(conn)?;
    let need_rows: Vec<crate::needs::model::NeedRow> = crate::db::schema::needs::table
        .filter(crate::db::schema::needs::user_id.eq(user_id))
        .order(crate::db::schema::needs::id.asc())
        .select(crate::needs::model::NeedRow::as_select())
        .load(conn)?;
    serde_json::to_vec(&Export {
        needs: need_rows.iter().map(|r| r.to_api()).collect(),
        format_version: FORMAT_VERSION,
        exported_at: time::rfc3339(time::now()),
        user: user.to_api(),
        contacts: contact_rows.iter().map(ContactRow::to_api).collect(),
        interactions: interaction_rows
            .iter()
            .map(InteractionRow::to_api)
            .collect(),
        ledger: entry_rows.iter().map(EntryRow::to_api).collect(),
        relationships: relationship_rows
            .iter()
            .map(RelationshipRow::to_api)
            .collect(),
        introductions: introduction_rows
            .iter()
            .map(IntroductionRow::to_api)
            .collect(),
        tags: crate::tags::store::list(conn, user_id)?,
        tokens: tokens::list_for(conn, user_id)?,
        photos: crate::photos::store::originals(conn, user_id)?
            .into_iter()
            .map(|(contact_id, content_type, data)| ArchivePhoto {
                contact_id,
                content_type,
                data: base64::engine::general_purpose::STANDARD.encode(data),
            })
            .collect(),
    })
    .map_err(|e| Error::Internal(e.to_string()))
}

/// Reads an archive section by section, naming every problem by its place
/// (`contacts[3].emails[0].address`).
struct Reader {
    errors: Vec<FieldError>,
}

impl Reader {
    fn section<'a>(&mut self, doc: &'a Map<String, Value>, name: &str) -> &'a [Value] {
        match doc.get(name) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.errors
                    .push(FieldError::new(name, "invalid_type", "must be an array"));
                &[]
            }
        }
    }

    fn fail(&mut self, at: String, err: ApiError) {
        if err.errors.is_empty() {
            self.errors.push(FieldError::new(at, err.code, err.detail));
        } else {
            for e in err.errors {
                let field = if e.field == "body" {
                    at.clone()
                } else {
                    format!("{at}.{}", e.field)
                };
                self.errors.push(FieldError { field, ..e });
            }
        }
    }

    fn error(&mut self, at: String, code: &'static str, message: &str) {
        self.errors.push(FieldError::new(at, code, message));
    }
}

fn obj(v: &Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

/// Removes `keys` from `m`, returning them.
fn take(m: &mut Map<String, Value>, keys: &[&str]) -> HashMap<String, Value> {
    keys.iter()
        .filter_map(|k| m.remove(*k).map(|v| (k.to_string(), v)))
        .collect()
}

fn str_of(m: &HashMap<String, Value>, k: &str) -> Option<String> {
    m.get(k).and_then(Value::as_str).map(str::to_owned)
}

fn micros_of(m: &HashMap<String, Value>, k: &str) -> Option<i64> {
    str_of(m, k)
        .and_then(|s| input::parse_datetime(&s).ok())
        .map(|t| t.timestamp_micros())
}

fn version_of(m: &HashMap<String, Value>) -> i32 {
    m.get("version")
        .and_then(Value::as_i64)
        .map_or(1, |v| v.clamp(1, i64::from(i32::MAX)) as i32)
}

struct Ids(HashMap<String, String>);

impl Ids {
    fn map(&self, old: &Value) -> Option<String> {
        old.as_str().and_then(|o| self.0.get(o)).cloned()
    }
}

/// The fields the `Export` schema requires: every section an export writes.
fn required_sections() -> Vec<String> {
    use utoipa::openapi::schema::Schema;
    use utoipa::openapi::RefOr;
    match <Export as utoipa::PartialSchema>::schema() {
        RefOr::T(Schema::Object(o)) => o.required,
        _ => Vec::new(),
    }
}

/// Loads an export into the (empty) account. Everything is validated as the
/// API validates it; ids are new, references are remapped, times and
/// versions are kept; derived fields and balances are recomputed.
pub fn import(conn: &mut DbConn, user_id: &str, doc: Value) -> Result<ImportCounts> {
    let Value::Object(doc) = doc else {
        return Err(Error::field(
            "body",
            "invalid_type",
            "the archive must be a JSON object",
        ));
    };
    if doc.get("format_version").and_then(Value::as_i64) != Some(FORMAT_VERSION) {
        return Err(Error::field(
            "format_version",
            "unsupported",
            "this server reads format_version 1",
        ));
    }
    // An archive has every section an export writes (`null` for none is
    // read as empty), as the document's `Export` schema requires.
    let missing: Vec<FieldError> = required_sections()
        .into_iter()
        .filter(|name| !doc.contains_key(name))
        .map(|name| FieldError::new(name, "required", "is required"))
        .collect();
    if !missing.is_empty() {
        return Err(Error::Invalid(missing));
    }
    if !account_is_empty(conn, user_id)? {
        return Err(Error::Conflict(
            "account_not_empty",
            "archives load only into an account without data",
        ));
    }
    let mut rd = Reader { errors: Vec::new() };
    let mut counts = ImportCounts::default();
    let now = time::now();

    // Contacts first (met_via once all exist).
    let mut contact_ids = Ids(HashMap::new());
    let mut contact_meta: Vec<(String, HashMap<String, Value>)> = Vec::new();
    for (n, item) in rd.section(&doc, "contacts").iter().enumerate() {
        let mut m = obj(item);
        let meta = take(
            &mut m,
            &[
                "id",
                "trashed_at",
                "created_at",
                "updated_at",
                "version",
                "effective_cadence_days",
                "last_interaction_at",
                "next_due_at",
                "balance",
                "open_needs",
                "met_via",
                "merged_into",
                "photo_url",
            ],
        );
        // A link no URL, stored before kith checked links, is left out.
        if let Some(Value::Array(links)) = m.get_mut("links") {
            links.retain(|l| !l["url"].as_str().is_some_and(contact_model::opens_nothing));
        }
        match crate::input::from_value::<crate::contacts::model::ContactCreate>(Value::Object(m))
            .map(contact_model::ContactChanges::from)
        {
            Ok(changes) => {
                let mut row = contacts::new_row(user_id, changes);
                row.created_at = micros_of(&meta, "created_at").unwrap_or(now);
                row.updated_at = micros_of(&meta, "updated_at").unwrap_or(row.created_at);
                row.trashed_at = micros_of(&meta, "trashed_at");
                row.version = version_of(&meta);
                contact_store::insert(conn, &mut row)?;
                contact_store::insert_tags(conn, &row)?;
                contact_store::insert_lookups(conn, &row)?;
                if let Some(old) = str_of(&meta, "id") {
                    contact_ids.0.insert(old, row.id.clone());
                }
                contact_meta.push((row.id, meta));
                counts.contacts += 1;
            }
            Err(e) => rd.fail(format!("contacts[{n}]"), e),
        }
    }
    for (n, (id, meta)) in contact_meta.iter().enumerate() {
        for field in ["met_via", "merged_into"] {
            let Some(old) = meta.get(field).filter(|v| !v.is_null()) else {
                continue;
            };
            match contact_ids.map(old) {
                Some(new) => {
                    let row = diesel::update(c::table.find(id));
                    match field {
                        "met_via" => row.set(c::met_via.eq(new)).execute(conn)?,
                        _ => row.set(c::merged_into.eq(new)).execute(conn)?,
                    };
                }
                None => rd.error(
                    format!("contacts[{n}].{field}"),
                    "unknown_contact",
                    "not a contact of this archive",
                ),
            }
        }
    }

    for (n, item) in rd.section(&doc, "tags").iter().enumerate() {
        let name = item
            .get("name")
            .and_then(Value::as_str)
            .map(contact_model::tag_name);
        let cadence = item.get("default_cadence_days").and_then(Value::as_i64);
        match (name, cadence) {
            (Some(Ok(name)), cadence) if cadence.is_none_or(|c| (1..=3650).contains(&c)) => {
                if let Some(cd) = cadence {
                    diesel::insert_into(t::table)
                        .values((
                            t::user_id.eq(user_id),
                            t::name.eq(&name),
                            t::default_cadence_days.eq(cd as i32),
                        ))
                        .execute(conn)?;
                    let tag = crate::tags::store::find(conn, user_id, &name)?;
                    changes::record(
                        conn,
                        user_id,
                        crate::tags::service::RESOURCE,
                        &name,
                        tag.as_ref(),
                    )?;
                }
                counts.tags += 1;
            }
            _ => rd.error(
                format!("tags[{n}]"),
                "invalid_value",
                "a tag needs a valid name and a cadence of 1–3650 or null",
            ),
        }
    }

    let mut interaction_ids = Ids(HashMap::new());
    for (n, item) in rd.section(&doc, "interactions").iter().enumerate() {
        let mut m = obj(item);
        let meta = take(&mut m, &["id", "created_at", "updated_at", "version"]);
        if let Some(Value::Array(ids)) = m.get_mut("contact_ids") {
            for id in ids.iter_mut() {
                *id = contact_ids.map(id).map_or(Value::Null, Value::String);
            }
        }
        let read = crate::input::from_value::<InteractionCreate>(Value::Object(m))
            .map(|new| interactions::new_row(user_id, new));
        match read {
            Ok(mut row) => {
                row.created_at = micros_of(&meta, "created_at").unwrap_or(now);
                row.updated_at = micros_of(&meta, "updated_at").unwrap_or(row.created_at);
                row.version = version_of(&meta);
                crate::interactions::store::insert(conn, &mut row)?;
                changes::record(
                    conn,
                    user_id,
                    interactions::RESOURCE,
                    &row.id,
                    Some(&row.to_api()),
                )?;
                if let Some(old) = str_of(&meta, "id") {
                    interaction_ids.0.insert(old, row.id);
                }
                counts.interactions += 1;
            }
            Err(e) => rd.fail(format!("interactions[{n}]"), e),
        }
    }

    let mut introduction_ids = Ids(HashMap::new());
    for (n, item) in rd.section(&doc, "introductions").iter().enumerate() {
        let m = obj(item);
        let person = |k: &str| {
            m.get(k)
                .filter(|v| !v.is_null())
                .map(|v| contact_ids.map(v).ok_or(k.to_string()))
        };
        let (introducer, a, b) = (
            person("introducer_id"),
            person("person_a_id"),
            person("person_b_id"),
        );
        let status = m
            .get("status")
            .and_then(Value::as_str)
            .filter(|s| INTRO_STATUSES.contains(s));
        let bad = [&introducer, &a, &b]
            .into_iter()
            .find_map(|p| p.as_ref().and_then(|r| r.clone().err()));
        match (bad, b, status) {
            (None, Some(Ok(b)), Some(status)) => {
                let meta = take(
                    &mut m.clone(),
                    &["id", "created_at", "updated_at", "version"],
                );
                let text = |k: &str| m.get(k).and_then(Value::as_str).map(str::to_owned);
                let mut row = IntroductionRow {
                    id: crate::ids::new_id(),
                    user_id: user_id.to_string(),
                    introducer_id: introducer.and_then(std::result::Result::ok),
                    person_a_id: a.and_then(std::result::Result::ok),
                    person_b_id: b,
                    note: text("note"),
                    status: status.to_string(),
                    made_on: text("made_on").filter(|d| input::parse_date(d).is_ok()),
                    outcome: text("outcome"),
                    created_at: micros_of(&meta, "created_at").unwrap_or(now),
                    updated_at: micros_of(&meta, "updated_at").unwrap_or(now),
                    version: version_of(&meta),
                    search_text: String::new(),
                    search_key: String::new(),
                };
                crate::introductions::store::insert(conn, &mut row)?;
                changes::record(
                    conn,
                    user_id,
                    crate::introductions::service::RESOURCE,
                    &row.id,
                    Some(&row.to_api()),
                )?;
                if let Some(old) = str_of(&meta, "id") {
                    introduction_ids.0.insert(old, row.id);
                }
                counts.introductions += 1;
            }
            (Some(field), _, _) => rd.error(
                format!("introductions[{n}].{field}"),
                "unknown_contact",
                "not a contact of this archive",
            ),
            _ => rd.error(
                format!("introductions[{n}]"),
                "invalid_value",
                "needs person_b_id and a valid status",
            ),
        }
    }

    let mut entry_ids = Ids(HashMap::new());
    let mut repays: Vec<(String, Value, usize)> = Vec::new();
    for (n, item) in rd.section(&doc, "ledger").iter().enumerate() {
        let mut m = obj(item);
        let meta = take(
            &mut m,
            &[
                "id",
                "created_at",
                "updated_at",
                "version",
                "completed_on",
                "introduction_id",
                "repays_id",
            ],
        );
        if let Some(v) = m.get_mut("contact_id") {
            *v = contact_ids.map(v).map_or(Value::Null, Value::String);
        }
        if let Some(v) = m.get_mut("interaction_id").filter(|v| !v.is_null()) {
            *v = interaction_ids.map(v).map_or(Value::Null, Value::String);
        }
        match crate::input::from_value::<crate::ledger::model::LedgerEntryCreate>(Value::Object(m))
            .map(crate::ledger::model::EntryChanges::from)
        {
            Ok(ch) => {
                let mut row = EntryRow::blank(user_id);
                row.contact_id = ch.contact_id.unwrap_or_default();
                row.direction = ch.direction.unwrap_or_default();
                row.kind = ch.kind.unwrap_or_default();
                row.description = ch.description.unwrap_or_default();
                row.weight = ch.weight.unwrap_or(1);
                row.status = ch.status.unwrap_or_else(|| "done".into());
                row.occurred_on = ch.occurred_on.flatten();
                row.due_on = ch.due_on.flatten();
                row.interaction_id = ch.interaction_id.flatten();
                row.completed_on =
                    str_of(&meta, "completed_on").filter(|d| input::parse_date(d).is_ok());
                row.introduction_id = meta
                    .get("introduction_id")
                    .and_then(|v| introduction_ids.map(v));
                row.created_at = micros_of(&meta, "created_at").unwrap_or(now);
                row.updated_at = micros_of(&meta, "updated_at").unwrap_or(row.created_at);
                row.version = version_of(&meta);
                crate::ledger::store::insert(conn, &mut row)?;
                if let Some(old) = str_of(&meta, "id") {
                    entry_ids.0.insert(old, row.id.clone());
                }
                if let Some(rep) = meta.get("repays_id").filter(|v| !v.is_null()) {
                    repays.push((row.id.clone(), rep.clone(), n));
                }
                counts.ledger += 1;
            }
            Err(e) => rd.fail(format!("ledger[{n}]"), e),
        }
    }
    for (id, old, n) in repays {
        match entry_ids.map(&old) {
            Some(new) => {
                diesel::update(le::table.find(&id))
                    .set(le::repays_id.eq(new))
                    .execute(conn)?;
            }
            None => rd.error(
                format!("ledger[{n}].repays_id"),
                "unknown_entry",
                "not an entry of this archive",
            ),
        }
    }
    let entries: Vec<EntryRow> = le::table
        .filter(le::user_id.eq(user_id))
        .select(EntryRow::as_select())
        .load(conn)?;
    for e in entries {
        changes::record(
            conn,
            user_id,
            crate::ledger::service::RESOURCE,
            &e.id,
            Some(&e.to_api()),
        )?;
    }

    for (n, item) in rd.section(&doc, "relationships").iter().enumerate() {
        let m = obj(item);
        let end = |k: &str| m.get(k).and_then(|v| contact_ids.map(v));
        let kind = m
            .get("kind")
            .and_then(Value::as_str)
            .filter(|k| RELATIONSHIP_KINDS.contains(k));
        let strength = m
            .get("strength")
            .and_then(Value::as_i64)
            .filter(|s| (1..=5).contains(s));
        match (end("contact_id"), end("other_id"), kind, strength) {
            (Some(a), Some(b), Some(kind), Some(strength)) if a != b => {
                let meta = take(&mut m.clone(), &["created_at", "updated_at", "version"]);
                let row = RelationshipRow {
                    id: crate::ids::new_id(),
                    user_id: user_id.to_string(),
                    pair_key: pair_key(&a, &b, kind),
                    contact_id: a,
                    other_id: b,
                    kind: kind.to_string(),
                    strength: strength as i32,
                    note: m.get("note").and_then(Value::as_str).map(str::to_owned),
                    created_at: micros_of(&meta, "created_at").unwrap_or(now),
                    updated_at: micros_of(&meta, "updated_at").unwrap_or(now),
                    version: version_of(&meta),
                };
                let taken: i64 = r::table
                    .filter(r::user_id.eq(user_id))
                    .filter(r::pair_key.eq(&row.pair_key))
                    .count()
                    .get_result(conn)?;
                if taken > 0 {
                    rd.error(
                        format!("relationships[{n}]"),
                        "duplicate",
                        "the same relationship twice",
                    );
                    continue;
                }
                diesel::insert_into(r::table).values(&row).execute(conn)?;
                changes::record(
                    conn,
                    user_id,
                    crate::relationships::service::RESOURCE,
                    &row.id,
                    Some(&row.to_api()),
                )?;
                counts.relationships += 1;
            }
            _ => rd.error(
                format!("relationships[{n}]"),
                "invalid_value",
                "needs two different contacts of this archive, a kind and a strength of 1–5",
            ),
        }
    }

    for (n, item) in rd.section(&doc, "needs").iter().enumerate() {
        let mut m = obj(item);
        let meta = take(
            &mut m,
            &[
                "id",
                "created_at",
                "updated_at",
                "version",
                "status",
                "met_by",
                "met_at",
                "introduction_id",
                "until",
            ],
        );
        if let Some(v) = m.get_mut("contact_id").filter(|v| !v.is_null()) {
            *v = contact_ids.map(v).map_or(Value::Null, Value::String);
            if v.is_null() {
                rd.error(
                    format!("needs[{n}].contact_id"),
                    "unknown_contact",
                    "not a contact of this archive",
                );
                continue;
            }
        }
        match crate::input::from_value::<crate::needs::model::NeedCreate>(Value::Object(m)) {
            Ok(new) => {
                let mut row = crate::needs::service::new_row(user_id, new);
                row.until_on = str_of(&meta, "until").filter(|d| input::parse_date(d).is_ok());
                if let Some(status) = str_of(&meta, "status")
                    .filter(|s| ["open", "met", "dropped"].contains(&s.as_str()))
                {
                    row.status = status;
                }
                let met_by = meta.get("met_by").and_then(|m| {
                    let id = m.get("id")?;
                    let new = match m.get("type")?.as_str()? {
                        "introduction" => introduction_ids.map(id),
                        "interaction" => interaction_ids.map(id),
                        "ledger_entry" => entry_ids.map(id),
                        _ => None,
                    }?;
                    Some((m["type"].as_str()?.to_string(), new))
                });
                if row.status == "met" {
                    (row.met_by_type, row.met_by_id) = met_by.unzip();
                    row.met_at = micros_of(&meta, "met_at");
                }
                row.introduction_id = meta
                    .get("introduction_id")
                    .and_then(|v| introduction_ids.map(v));
                row.created_at = micros_of(&meta, "created_at").unwrap_or(now);
                row.updated_at = micros_of(&meta, "updated_at").unwrap_or(row.created_at);
                row.version = version_of(&meta);
                crate::needs::service::insert(conn, &row)?;
                counts.needs += 1;
            }
            Err(e) => rd.fail(format!("needs[{n}]"), e),
        }
    }

    for (n, item) in rd.section(&doc, "photos").iter().enumerate() {
        let at = |field: &str| format!("photos[{n}].{field}");
        let Some(id) = item.get("contact_id").and_then(|v| contact_ids.map(v)) else {
            rd.error(
                at("contact_id"),
                "unknown_contact",
                "not a contact of this archive",
            );
            continue;
        };
        let content_type = item.get("content_type").and_then(Value::as_str);
        let data = item
            .get("data")
            .and_then(Value::as_str)
            .and_then(|d| base64::engine::general_purpose::STANDARD.decode(d).ok());
        let (Some(content_type), Some(data)) = (content_type, data) else {
            rd.error(
                at("data"),
                "invalid_value",
                "needs a content_type and the image in base64",
            );
            continue;
        };
        match crate::photos::image::process(content_type, data) {
            Ok(photo) => {
                crate::photos::store::replace(conn, user_id, &id, &photo)?;
                diesel::update(c::table.find(&id))
                    .set(c::photo_url.eq(crate::photos::service::url_of(&id, &photo.hash)))
                    .execute(conn)?;
                counts.photos += 1;
            }
            Err(_) => rd.error(
                at("data"),
                "invalid_image",
                "not a JPEG, PNG or WebP image of its content_type",
            ),
        }
    }

    if !rd.errors.is_empty() {
        // The transaction rolls back: an archive loads whole or not at all.
        return Err(Error::Invalid(rd.errors));
    }

    // Derived fields and balances, with the archive's versions kept.
    for (id, _) in &contact_meta {
        if let Some(mut row) = contact_store::find(conn, user_id, id)? {
            derived::refresh(conn, &mut row)?;
            row.balance = crate::ledger::balances::refresh_row(conn, user_id, id)?;
            row.open_needs = crate::needs::store::count_open(conn, user_id, id)? as i32;
            contact_store::update_row(conn, &mut row)?;
            contacts::record_upsert(conn, &row)?;
        }
    }
    Ok(counts)
}

fn account_is_empty(conn: &mut DbConn, user_id: &str) -> QueryResult<bool> {
    let n: i64 = c::table
        .filter(c::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    let m: i64 = i::table
        .filter(i::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    let e: i64 = le::table
        .filter(le::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    let tg: i64 = t::table
        .filter(t::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(n + m + e + tg == 0)
}
