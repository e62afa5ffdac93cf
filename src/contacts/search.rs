//! What search looks in for a contact (`search::text`): its display,
//! given and family names as its names; its company, title, location,
//! emails, tags, notes, how you met and phone numbers (as written and as
//! digits, so `555 0103` finds `+1-555-0103`) as its fields. And the
//! handles `?email=` and `?phone=` find it by.

use super::model::{ContactRow, Email, Phone};
use crate::search::text::{compose_fields, digits, name_rows, tails_of, NameKind};

/// The fields that are a contact's names.
const NAMES: [&str; 3] = ["display_name", "given_name", "family_name"];

/// The search text of a contact: its fields as hits name them, phone
/// numbers also as their digits.
pub fn text_of(row: &ContactRow) -> String {
    let mut fields = fields_of(row);
    let phone_digits: Vec<(&str, String)> = fields
        .iter()
        .filter(|(f, _)| *f == "phones")
        .map(|(f, number)| (*f, digits(number)))
        .collect();
    fields.extend(phone_digits);
    compose_fields(&fields, &NAMES)
}

/// The rows a contact's ranks are read from (`contact_names`): each of
/// its names and each word of them that is not one of its names
/// (`name_rows`); and the tails of its search text (`tails_of`; the row's
/// `search_text` is written first).
pub fn names_of(row: &ContactRow) -> Vec<(NameKind, String)> {
    let fields = fields_of(row);
    let mut rows = name_rows(
        fields
            .iter()
            .filter(|(f, _)| NAMES.contains(f))
            .map(|(_, v)| v.as_str()),
    );
    let tails = tails_of(&row.search_text, &rows);
    rows.extend(tails.into_iter().map(|t| (NameKind::Tail, t)));
    rows
}

/// The fields a search hit may name, each with its value as written (what
/// `text_of` looks in).
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

/// What `?email=`, `?phone=` and `?external_id=` find a contact by: each
/// email in lower case (`email`), each phone number as its digits
/// (`phone`), each external id as `source:value` (`external_id`), once
/// each; and each link as the duplicates listing compares it
/// (`profile_url`).
pub fn handles(row: &ContactRow) -> Vec<(&'static str, String)> {
    let emails: Vec<Email> = serde_json::from_str(&row.emails).unwrap_or_default();
    let phones: Vec<Phone> = serde_json::from_str(&row.phones).unwrap_or_default();
    let external = row.external_ids();
    let links: Vec<crate::contacts::model::Link> =
        serde_json::from_str(&row.links).unwrap_or_default();
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let found = emails
        .iter()
        .map(|e| ("email", email_key(&e.address)))
        .chain(phones.iter().map(|p| ("phone", phone_key(&p.number))))
        .chain(
            external
                .iter()
                .map(|(s, v)| ("external_id", external_id_key(s, v))),
        )
        .chain(links.iter().map(|l| ("profile_url", profile_key(&l.url))));
    for handle in found {
        if !handle.1.is_empty() && !out.contains(&handle) {
            out.push(handle);
        }
    }
    out
}

/// A web address as the duplicates listing compares it: lower case,
/// without its scheme, `www.`, query, fragment or trailing `/`
/// (`HTTPS://www.LinkedIn.com/in/ana/?trk=x` is `linkedin.com/in/ana`).
pub fn profile_key(url: &str) -> String {
    let url = url.trim().to_lowercase();
    let url = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
    let url = url.strip_prefix("www.").unwrap_or(url);
    let url = url.split(['?', '#']).next().unwrap_or_default();
    url.trim_end_matches('/').to_string()
}

/// An email as `?email=` compares it: trimmed, lower case.
pub fn email_key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// A phone number as `?phone=` compares it: its digits.
pub fn phone_key(s: &str) -> String {
    digits(s)
}

/// An external id as `?external_id=` and the lookup rows write it:
/// `source:value`.
pub fn external_id_key(source: &str, value: &str) -> String {
    format!("{source}:{value}")
}
