//! Contact fields parsed from request bodies: each value is checked once,
//! here, and the rest of the code handles only valid contacts.

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

use super::dto::{Email, Phone};
use crate::error::ApiError;
use crate::input::{self, Body, Parsed, Patch};

pub const FIELDS: &[&str] = &[
    "display_name",
    "given_name",
    "family_name",
    "emails",
    "phones",
    "company",
    "title",
    "location",
    "notes",
    "tags",
    "birthday",
    "how_we_met",
    "met_via",
    "cadence_days",
    "snoozed_until",
    "archived",
    "closeness",
];

pub const READ_ONLY: &[&str] = &[
    "id",
    "trashed_at",
    "created_at",
    "updated_at",
    "version",
    "effective_cadence_days",
    "last_interaction_at",
    "next_due_at",
    "balance",
];

const MAX_EMAILS: usize = 20;
const MAX_PHONES: usize = 20;
const MAX_TAGS: usize = 50;

/// Everything a create or a merge-patch says about a contact's fields.
#[derive(Debug, Default)]
pub struct ContactChanges {
    pub display_name: Option<String>,
    pub given_name: Option<Option<String>>,
    pub family_name: Option<Option<String>>,
    pub emails: Option<Vec<Email>>,
    pub phones: Option<Vec<Phone>>,
    pub company: Option<Option<String>>,
    pub title: Option<Option<String>>,
    pub location: Option<Option<String>>,
    pub notes: Option<Option<String>>,
    pub tags: Option<Vec<String>>,
    pub birthday: Option<Option<String>>,
    pub how_we_met: Option<Option<String>>,
    pub met_via: Option<Option<String>>,
    pub cadence_days: Option<Option<i32>>,
    pub snoozed_until: Option<Option<String>>,
    pub archived: Option<bool>,
    pub closeness: Option<Option<i32>>,
}

/// Reads a create (`creating`: `display_name` required) or a merge-patch.
pub fn parse(body: Value, creating: bool) -> Result<ContactChanges, ApiError> {
    let mut b = Body::new(body, FIELDS, READ_ONLY)?;
    let display_name = if creating {
        b.required("display_name", input::text(1, 200))
    } else {
        b.not_null("display_name", input::text(1, 200))
    };
    let text = |b: &mut Body, name: &str, max: usize| {
        b.patch(name, input::opt_text(max))
            .into_update()
            .map(Option::flatten)
    };
    let c = ContactChanges {
        display_name,
        given_name: text(&mut b, "given_name", 200),
        family_name: text(&mut b, "family_name", 200),
        emails: list(&mut b, "emails", MAX_EMAILS, email_item),
        phones: list(&mut b, "phones", MAX_PHONES, phone_item),
        company: text(&mut b, "company", 200),
        title: text(&mut b, "title", 200),
        location: text(&mut b, "location", 200),
        notes: text(&mut b, "notes", 10_000),
        tags: list(&mut b, "tags", MAX_TAGS, tag).map(dedup),
        birthday: b.patch("birthday", birthday).into_update(),
        how_we_met: text(&mut b, "how_we_met", 2000),
        met_via: b.patch("met_via", input::id).into_update(),
        cadence_days: b
            .patch("cadence_days", input::integer(1, 3650))
            .into_update()
            .map(|o| o.map(|n| n as i32)),
        snoozed_until: b
            .patch("snoozed_until", input::date)
            .into_update()
            .map(|o| o.map(|d| d.to_string())),
        archived: if creating {
            b.patch("archived", input::boolean).into_option()
        } else {
            b.not_null("archived", input::boolean)
        },
        closeness: b
            .patch("closeness", input::integer(1, 5))
            .into_update()
            .map(|o| o.map(|n| n as i32)),
    };
    b.finish()?;
    Ok(c)
}

/// A list field: `null` reads as the empty list. Item errors name the item.
fn list<T>(
    b: &mut Body,
    name: &str,
    max: usize,
    item: fn(&Value) -> ItemResult<T>,
) -> Option<Vec<T>> {
    let mut item_errors = Vec::new();
    let parsed = b.patch(name, |v| {
        let Value::Array(items) = v else {
            return Err(("invalid_type", "must be an array".to_string()));
        };
        if items.len() > max {
            return Err(("too_many", format!("must have at most {max} items")));
        }
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            match item(v) {
                Ok(t) => out.push(t),
                Err((sub, code, msg)) => item_errors.push((format!("{name}[{i}]{sub}"), code, msg)),
            }
        }
        Ok(out)
    });
    let failed = !item_errors.is_empty();
    for (field, code, msg) in item_errors {
        b.error(field, code, msg);
    }
    match parsed {
        _ if failed => None,
        Patch::Absent => None,
        Patch::Null => Some(Vec::new()),
        Patch::Value(v) => Some(v),
    }
}

type ItemResult<T> = Result<T, (String, &'static str, String)>;

fn at(sub: &str) -> impl Fn((&'static str, String)) -> (String, &'static str, String) + '_ {
    move |(code, msg)| (sub.to_string(), code, msg)
}

fn object_with<'a>(v: &'a Value, fields: &[&str]) -> ItemResult<&'a Map<String, Value>> {
    let Value::Object(obj) = v else {
        return Err((String::new(), "invalid_type", "must be an object".into()));
    };
    if let Some(k) = obj.keys().find(|k| !fields.contains(&k.as_str())) {
        return Err((format!(".{k}"), "unknown_field", "no such field".into()));
    }
    Ok(obj)
}

fn label(obj: &Map<String, Value>) -> ItemResult<Option<String>> {
    match obj.get("label") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => input::opt_text(50)(v).map_err(at(".label")),
    }
}

fn email_item(v: &Value) -> ItemResult<Email> {
    let obj = object_with(v, &["address", "label"])?;
    let address = match obj.get("address") {
        None | Some(Value::Null) => {
            return Err((
                ".address".into(),
                "required",
                "this field is required".into(),
            ))
        }
        Some(a) => input::email(a).map_err(at(".address"))?,
    };
    Ok(Email {
        address,
        label: label(obj)?,
    })
}

pub fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (3..=32).contains(&s.len())
        && digits >= 3
        && s.starts_with(|c: char| c == '+' || c == '(' || c.is_ascii_digit())
        && s.chars()
            .skip(1)
            .all(|c| c.is_ascii_digit() || " ().-".contains(c))
}

fn phone_item(v: &Value) -> ItemResult<Phone> {
    let obj = object_with(v, &["number", "label"])?;
    let number = match obj.get("number") {
        None | Some(Value::Null) => return Err((".number".into(), "required", "this field is required".into())),
        Some(Value::String(s)) if is_phone(s) => s.clone(),
        Some(Value::String(_)) => {
            return Err((
                ".number".into(),
                "invalid_format",
                "must be a phone number: 3–32 characters, digits with optional +, spaces, dots, dashes, parentheses".into(),
            ))
        }
        Some(_) => return Err((".number".into(), "invalid_type", "must be a string".into())),
    };
    Ok(Phone {
        number,
        label: label(obj)?,
    })
}

/// A tag name: 1–50 characters, no `/` or control characters, lower-cased.
pub fn tag_name(s: &str) -> Parsed<String> {
    let t = s.trim().to_lowercase();
    if t.is_empty() || s.chars().count() > 50 {
        return Err(("invalid_format", "a tag has 1–50 characters".into()));
    }
    if t.chars().any(|c| c == '/' || c.is_control()) {
        return Err((
            "invalid_format",
            "a tag cannot contain / or control characters".into(),
        ));
    }
    Ok(t)
}

fn tag(v: &Value) -> ItemResult<String> {
    match v {
        Value::String(s) => tag_name(s).map_err(at("")),
        _ => Err((String::new(), "invalid_type", "must be a string".into())),
    }
}

fn dedup(tags: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for t in tags {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// `YYYY-MM-DD` (a real day, not in the future, year 1800 or later) or
/// `--MM-DD` (29 February allowed).
pub fn parse_birthday(s: &str) -> Parsed<String> {
    let invalid = || {
        (
            "invalid_format",
            "must be YYYY-MM-DD, or --MM-DD when the year is unknown".to_string(),
        )
    };
    if let Some(md) = s.strip_prefix("--") {
        NaiveDate::parse_from_str(&format!("2000-{md}"), "%Y-%m-%d").map_err(|_| invalid())?;
        if md.len() != 5 {
            return Err(invalid());
        }
        return Ok(s.to_string());
    }
    let d = input::parse_date(s).map_err(|_| invalid())?;
    if d.year() < 1800 || d > crate::time::today() {
        return Err(("out_of_range", "must be a past date from 1800 on".into()));
    }
    Ok(s.to_string())
}

fn birthday(v: &Value) -> Parsed<String> {
    match v {
        Value::String(s) => parse_birthday(s),
        _ => Err(("invalid_type", "must be a string".into())),
    }
}

/// Lower-cased text the `q` filter searches: names, emails, company, notes.
pub fn search_text(
    display_name: &str,
    given: Option<&str>,
    family: Option<&str>,
    emails: &[Email],
    company: Option<&str>,
    notes: Option<&str>,
) -> String {
    let mut parts: Vec<&str> = vec![display_name];
    parts.extend(given);
    parts.extend(family);
    parts.extend(emails.iter().map(|e| e.address.as_str()));
    parts.extend(company);
    parts.extend(notes);
    parts.join("\n").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_birthday_without_a_year_may_be_the_29th_of_february() {
        assert!(parse_birthday("--02-29").is_ok());
        assert!(parse_birthday("--02-30").is_err());
        assert!(parse_birthday("--2-3").is_err());
        assert!(parse_birthday("1990-04-17").is_ok());
        assert!(parse_birthday("3000-01-01").is_err());
    }

    #[test]
    fn phone_numbers_are_digits_with_punctuation() {
        assert!(is_phone("+351 912 345 678"));
        assert!(is_phone("(555) 123-4567"));
        assert!(!is_phone("call me"));
        assert!(!is_phone("12"));
    }

    #[test]
    fn an_invalid_email_is_named_by_its_position() {
        let err = parse(
            json!({"display_name": "A", "emails": [{"address": "a@b.co"}, {"address": "nope"}]}),
            true,
        )
        .unwrap_err();
        assert_eq!(err.errors[0].field, "emails[1].address");
    }

    #[test]
    fn a_create_needs_a_display_name() {
        let err = parse(json!({"company": "Acme"}), true).unwrap_err();
        assert_eq!(err.errors[0].field, "display_name");
        assert_eq!(err.errors[0].code, "required");
    }

    #[test]
    fn tags_are_lower_cased_and_deduplicated() {
        let c = parse(json!({"tags": ["Rust", "rust ", "Go"]}), false).unwrap();
        assert_eq!(c.tags, Some(vec!["rust".to_string(), "go".to_string()]));
    }
}
