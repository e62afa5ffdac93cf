//! What search looks in for a contact (`search::text`): its display,
//! given and family names as its names; its company, title, location,
//! emails, tags, notes, how you met and phone numbers (as written and as
//! digits, so `555 0103` finds `+1-555-0103`) as its fields. And the
//! handles `?email=` and `?phone=` find it by.

use super::model::{ContactRow, Email, Phone};
use crate::search::text::{compose, digits};

/// The search text of a contact.
pub fn text_of(row: &ContactRow) -> String {
    let emails: Vec<Email> = serde_json::from_str(&row.emails).unwrap_or_default();
    let phones: Vec<Phone> = serde_json::from_str(&row.phones).unwrap_or_default();
    let tags: Vec<String> = serde_json::from_str(&row.tags).unwrap_or_default();
    let phone_digits: Vec<String> = phones.iter().map(|p| digits(&p.number)).collect();
    let names = [
        Some(row.display_name.as_str()),
        row.given_name.as_deref(),
        row.family_name.as_deref(),
    ];
    let fields = [
        row.company.as_deref(),
        row.title.as_deref(),
        row.location.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(emails.iter().map(|e| e.address.as_str()))
    .chain(tags.iter().map(String::as_str))
    .chain(row.notes.as_deref())
    .chain(row.how_we_met.as_deref())
    .chain(phones.iter().map(|p| p.number.as_str()))
    .chain(phone_digits.iter().map(String::as_str));
    compose(names.into_iter().flatten(), fields)
}

/// The fields a search hit may name, each with its value as written: the
/// same as `text_of` looks in, in the same order.
pub fn fields_of(row: &ContactRow) -> Vec<(&'static str, String)> {
    let emails: Vec<Email> = serde_json::from_str(&row.emails).unwrap_or_default();
    let phones: Vec<Phone> = serde_json::from_str(&row.phones).unwrap_or_default();
    let tags: Vec<String> = serde_json::from_str(&row.tags).unwrap_or_default();
    let mut out = vec![("display_name", row.display_name.clone())];
    let optional = [
        ("given_name", &row.given_name),
        ("family_name", &row.family_name),
        ("company", &row.company),
        ("title", &row.title),
        ("location", &row.location),
    ];
    out.extend(
        optional
            .into_iter()
            .filter_map(|(f, v)| Some((f, v.clone()?))),
    );
    out.extend(emails.into_iter().map(|e| ("emails", e.address)));
    out.extend(tags.into_iter().map(|t| ("tags", t)));
    let more = [("notes", &row.notes), ("how_we_met", &row.how_we_met)];
    out.extend(more.into_iter().filter_map(|(f, v)| Some((f, v.clone()?))));
    out.extend(phones.into_iter().map(|p| ("phones", p.number)));
    out
}

/// What `?email=` and `?phone=` find a contact by: each email in lower
/// case (`email`), each phone number as its digits (`phone`), once each.
pub fn handles(row: &ContactRow) -> Vec<(&'static str, String)> {
    let emails: Vec<Email> = serde_json::from_str(&row.emails).unwrap_or_default();
    let phones: Vec<Phone> = serde_json::from_str(&row.phones).unwrap_or_default();
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let found = emails
        .iter()
        .map(|e| ("email", email_key(&e.address)))
        .chain(phones.iter().map(|p| ("phone", phone_key(&p.number))));
    for handle in found {
        if !handle.1.is_empty() && !out.contains(&handle) {
            out.push(handle);
        }
    }
    out
}

/// An email as `?email=` compares it: trimmed, lower case.
pub fn email_key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// A phone number as `?phone=` compares it: its digits.
pub fn phone_key(s: &str) -> String {
    digits(s)
}
