//! The rules of a merge: the kept contact and the merged ones are the
//! user's and outside the trash; the kept one gains every email, phone, tag
//! and external id of the others and the fields it lacks; every
//! interaction, ledger entry, relationship and introduction that named a
//! merged contact names the kept one (without naming it twice), and so do
//! the contacts met via one, and their needs are the kept one's; the merged ones go to the trash with
//! `merged_into`, for good. All in one transaction, every change recorded.

use std::collections::BTreeMap;

use super::model::{Moved, MAX_MERGED};
use crate::contacts::model::{
    stored_list as list, ContactChanges, ContactRow, Email, ExternalIdsChange, Link, Phone,
    MAX_LINKS, MAX_VCARD_EXTRAS,
};
use crate::contacts::search::{email_key, phone_key};
use crate::contacts::{service as contacts, store as contact_store};
use crate::db::DbConn;
use crate::domain::{Error, Expected, Result};
use crate::error::FieldError;
use crate::{interactions, introductions, ledger, needs, relationships};

/// The most a contact holds of each list (as its schema says; links and
/// vCard extras are the model's).
const MAX_EMAILS: usize = 20;
const MAX_PHONES: usize = 20;
const MAX_TAGS: usize = 50;

/// Merges the contacts `ids` into `id`; returns the kept contact as it now
/// is and what moved.
pub fn merge(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    expected: &Expected,
    ids: &[String],
) -> Result<(ContactRow, Moved)> {
    debug_assert!(ids.len() <= MAX_MERGED);
    let (kept, merged) = lock(conn, user_id, id, expected, ids)?;
    let changes = combined(&kept, &merged)?;
    let mut moved = Moved {
        interactions: interactions::service::replace_contacts(conn, user_id, ids, id)?,
        ledger_entries: ledger::service::move_entries(conn, user_id, ids, id)?,
        ..Moved::default()
    };
    (moved.relationships, moved.relationships_deleted) =
        relationships::service::replace_contacts(conn, user_id, ids, id)?;
    (moved.introductions, moved.introductions_deleted) =
        introductions::service::replace_contacts(conn, user_id, ids, id)?;
    moved.met_via = contacts::replace_met_via(conn, user_id, ids, id)?;
    moved.needs = needs::service::move_needs(conn, user_id, ids, id)?;
    for other in ids {
        contacts::trash_merged(conn, user_id, other, id)?;
    }
    let row = contacts::update(conn, user_id, id, &Expected::Any, changes)?;
    Ok((row, moved))
}

/// Locks the kept contact and the merged ones (in id order, so that two
/// merges cannot wait on each other) and checks them.
fn lock(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    expected: &Expected,
    ids: &[String],
) -> Result<(ContactRow, Vec<ContactRow>)> {
    let mut order: Vec<&str> = ids.iter().map(String::as_str).chain([id]).collect();
    order.sort_unstable();
    let mut rows = BTreeMap::new();
    for i in order {
        if let Some(row) = contact_store::find_for_update(conn, user_id, i)? {
            rows.insert(i.to_string(), row);
        }
    }
    let kept = rows.remove(id).ok_or(Error::NotFound)?;
    expected.check(kept.version)?;
    if kept.trashed_at.is_some() {
        return Err(Error::Conflict(
            "contact_trashed",
            "this contact is in the trash; restore it first",
        ));
    }
    let mut errors = Vec::new();
    let mut merged = Vec::with_capacity(ids.len());
    for (n, i) in ids.iter().enumerate() {
        let field = format!("ids[{n}]");
        match rows.remove(i) {
            _ if i == id => errors.push(FieldError::new(
                field,
                "self_reference",
                "the kept contact cannot be merged into itself",
            )),
            None => errors.push(FieldError::new(
                field,
                "unknown_contact",
                "no contact of yours has this id",
            )),
            Some(row) if row.trashed_at.is_some() => errors.push(FieldError::new(
                field,
                "contact_trashed",
                "this contact is in the trash; restore it first",
            )),
            Some(row) => merged.push(row),
        }
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    Ok((kept, merged))
}

/// What the kept contact becomes: every email, phone, link, tag, vCard
/// extra and external id of the others after its own (each once; its own
/// id of a source wins), and each field it lacks from the first of the
/// others that has it.
fn combined(kept: &ContactRow, merged: &[ContactRow]) -> Result<ContactChanges> {
    let all = || std::iter::once(kept).chain(merged);
    let emails: Vec<Email> = union(all().flat_map(|r| list(&r.emails)), |e: &Email| {
        email_key(&e.address)
    });
    let phones: Vec<Phone> = union(all().flat_map(|r| list(&r.phones)), |p: &Phone| {
        phone_key(&p.number)
    });
    let links: Vec<Link> = union(all().flat_map(|r| list(&r.links)), |l: &Link| l.url.clone());
    let tags: Vec<String> = union(all().flat_map(|r| list(&r.tags)), String::clone);
    let extras: Vec<String> = union(all().flat_map(|r| list(&r.vcard_extras)), String::clone);
    let mut external_ids = BTreeMap::new();
    for row in all() {
        for (source, value) in row.external_ids() {
            external_ids.entry(source).or_insert(value);
        }
    }
    let mut errors = Vec::new();
    for (field, n, max) in [
        ("emails", emails.len(), MAX_EMAILS),
        ("phones", phones.len(), MAX_PHONES),
        ("links", links.len(), MAX_LINKS),
        ("vcard_extras", extras.len(), MAX_VCARD_EXTRAS),
        ("tags", tags.len(), MAX_TAGS),
        (
            "external_ids",
            external_ids.len(),
            crate::contacts::model::MAX_EXTERNAL_IDS,
        ),
    ] {
        if n > max {
            errors.push(FieldError::new(
                "ids",
                "too_many",
                format!("the merged contact would have {n} {field}; at most {max}"),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let merged_ids: Vec<&str> = merged.iter().map(|r| r.id.as_str()).collect();
    // Whoever introduced you to one of them, unless it is one of them.
    let met_via = all()
        .filter_map(|r| r.met_via.as_deref())
        .find(|m| *m != kept.id && !merged_ids.contains(m));
    let fill = |get: fn(&ContactRow) -> Option<&String>| -> Option<Option<String>> {
        match get(kept) {
            Some(_) => None,
            None => merged.iter().find_map(get).cloned().map(Some),
        }
    };
    Ok(ContactChanges {
        given_name: fill(|r| r.given_name.as_ref()),
        family_name: fill(|r| r.family_name.as_ref()),
        company: fill(|r| r.company.as_ref()),
        title: fill(|r| r.title.as_ref()),
        location: fill(|r| r.location.as_ref()),
        notes: fill(|r| r.notes.as_ref()),
        birthday: fill(|r| r.birthday.as_ref()),
        how_we_met: fill(|r| r.how_we_met.as_ref()),
        met_on: fill(|r| r.met_on.as_ref()),
        met_via: Some(met_via.map(str::to_string)),
        cadence_days: kept
            .cadence_days
            .is_none()
            .then(|| merged.iter().find_map(|r| r.cadence_days))
            .flatten()
            .map(Some),
        closeness: kept
            .closeness
            .is_none()
            .then(|| merged.iter().find_map(|r| r.closeness))
            .flatten()
            .map(Some),
        emails: Some(emails),
        phones: Some(phones),
        links: Some(links),
        vcard_extras: Some(extras),
        tags: Some(tags),
        external_ids: Some(ExternalIdsChange::Replace(external_ids)),
        ..ContactChanges::default()
    })
}

/// `items` in order, each key once (the first wins).
fn union<T, K: PartialEq>(items: impl Iterator<Item = T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut keys = Vec::new();
    let mut out = Vec::new();
    for item in items {
        let k = key(&item);
        if !keys.contains(&k) {
            keys.push(k);
            out.push(item);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts::service::new_row;

    fn contact(body: serde_json::Value) -> ContactRow {
        let (create, _) = ContactChanges::upsert_of(body).expect("a valid contact");
        new_row("u", create)
    }

    #[test]
    fn the_kept_contact_gains_every_handle_once_and_the_fields_it_lacks() {
        let kept = contact(serde_json::json!({
            "display_name": "Ana Lima",
            "emails": [{"address": "ana@example.com"}],
            "phones": [{"number": "+1 555 0103"}],
            "tags": ["rust"],
            "company": "Initech",
            "external_ids": {"crm": "1"},
        }));
        let other = contact(serde_json::json!({
            "display_name": "A. Lima",
            "emails": [{"address": "ANA@example.com"}, {"address": "ana@home.example"}],
            "phones": [{"number": "15550103"}, {"number": "+1 555 0199"}],
            "tags": ["rust", "lisbon"],
            "company": "Other Co",
            "title": "CTO",
            "external_ids": {"crm": "2", "linkedin": "https://www.linkedin.com/in/ana"},
        }));
        let c = combined(&kept, &[other]).expect("within the limits");
        let addresses: Vec<String> = c.emails.unwrap().into_iter().map(|e| e.address).collect();
        assert_eq!(addresses, ["ana@example.com", "ana@home.example"]);
        let numbers: Vec<String> = c.phones.unwrap().into_iter().map(|p| p.number).collect();
        assert_eq!(numbers, ["+1 555 0103", "+1 555 0199"]);
        assert_eq!(c.tags.unwrap(), ["rust", "lisbon"]);
        assert_eq!(c.company, None, "the kept company stays");
        assert_eq!(c.title, Some(Some("CTO".to_string())));
        let Some(ExternalIdsChange::Replace(ids)) = c.external_ids else {
            panic!("external ids replaced")
        };
        assert_eq!(ids["crm"], "1");
        assert_eq!(ids["linkedin"], "https://www.linkedin.com/in/ana");
    }

    #[test]
    fn a_merge_over_a_list_limit_is_refused() {
        let emails = |from: usize| {
            (from..from + 15)
                .map(|i| serde_json::json!({"address": format!("a{i}@example.com")}))
                .collect::<Vec<_>>()
        };
        let kept = contact(serde_json::json!({"display_name": "A", "emails": emails(0)}));
        let other = contact(serde_json::json!({"display_name": "B", "emails": emails(100)}));
        assert!(matches!(combined(&kept, &[other]), Err(Error::Invalid(_))));
    }
}
