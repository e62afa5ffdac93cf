//! What a create or a merge-patch of a contact changes, and the rules of
//! its fields the schema cannot state.

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use super::dto::{ContactCreate, ContactPatch, Email, Phone};
use crate::error::FieldError;
use crate::input::{self, Parsed};

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

impl From<ContactCreate> for ContactChanges {
    fn from(new: ContactCreate) -> ContactChanges {
        ContactChanges {
            display_name: Some(new.display_name),
            given_name: Some(new.given_name),
            family_name: Some(new.family_name),
            emails: Some(new.emails.unwrap_or_default()),
            phones: Some(new.phones.unwrap_or_default()),
            company: Some(new.company),
            title: Some(new.title),
            location: Some(new.location),
            notes: Some(new.notes),
            tags: Some(tags(new.tags.unwrap_or_default())),
            birthday: Some(new.birthday),
            how_we_met: Some(new.how_we_met),
            met_via: Some(new.met_via),
            cadence_days: Some(new.cadence_days),
            snoozed_until: Some(new.snoozed_until),
            archived: new.archived,
            closeness: Some(new.closeness),
        }
    }
}

impl From<ContactPatch> for ContactChanges {
    fn from(patch: ContactPatch) -> ContactChanges {
        ContactChanges {
            display_name: patch.display_name,
            given_name: patch.given_name,
            family_name: patch.family_name,
            emails: patch.emails.map(Option::unwrap_or_default),
            phones: patch.phones.map(Option::unwrap_or_default),
            company: patch.company,
            title: patch.title,
            location: patch.location,
            notes: patch.notes,
            tags: patch.tags.map(|t| tags(t.unwrap_or_default())),
            birthday: patch.birthday,
            how_we_met: patch.how_we_met,
            met_via: patch.met_via,
            cadence_days: patch.cadence_days,
            snoozed_until: patch.snoozed_until,
            archived: patch.archived,
            closeness: patch.closeness,
        }
    }
}

/// Tag names as stored: trimmed, lower case, each once.
fn tags(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for t in names {
        let t = t.trim().to_lowercase();
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

impl input::Rules for ContactCreate {
    fn check(body: &Value, errors: &mut Vec<FieldError>) {
        rules(body, errors);
    }
}

impl input::Rules for ContactPatch {
    fn check(body: &Value, errors: &mut Vec<FieldError>) {
        rules(body, errors);
    }
}

/// What the schema cannot say: each tag's form, that a phone number has
/// three digits at least, and that a birthday is a real past day.
fn rules(body: &Value, errors: &mut Vec<FieldError>) {
    if let Some(items) = body["tags"].as_array() {
        for (i, t) in items.iter().enumerate() {
            let broken = match t {
                Value::String(s) => tag_name(s).err(),
                _ => Some(("invalid_type", "must be a string".to_string())),
            };
            if let Some((code, message)) = broken {
                errors.push(FieldError::new(format!("tags[{i}]"), code, message));
            }
        }
    }
    if let Some(items) = body["phones"].as_array() {
        for (i, p) in items.iter().enumerate() {
            if p["number"].as_str().is_some_and(|n| !is_phone(n)) {
                errors.push(FieldError::new(
                    format!("phones[{i}].number"),
                    "invalid_format",
                    "must be a phone number: 3–32 characters, digits with optional +, spaces, dots, dashes, parentheses",
                ));
            }
        }
    }
    if let Some(b) = body["birthday"].as_str() {
        if let Err((code, message)) = parse_birthday(b) {
            errors.push(FieldError::new("birthday", code, message));
        }
    }
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
        let err = input::from_value::<ContactCreate>(
            json!({"display_name": "A", "emails": [{"address": "a@b.co"}, {"address": "nope"}]}),
        )
        .err()
        .expect("refused");
        assert_eq!(err.errors[0].field, "emails[1].address");
    }

    #[test]
    fn a_create_needs_a_display_name() {
        let err = input::from_value::<ContactCreate>(json!({"company": "Acme"}))
            .err()
            .expect("refused");
        assert_eq!(err.errors[0].field, "display_name");
        assert_eq!(err.errors[0].code, "required");
    }

    #[test]
    fn tags_are_lower_cased_and_deduplicated() {
        let patch = input::from_value::<ContactPatch>(json!({"tags": ["Rust", "rust ", "Go"]}))
            .expect("read");
        let c = ContactChanges::from(patch);
        assert_eq!(c.tags, Some(vec!["rust".to_string(), "go".to_string()]));
    }

    #[test]
    fn every_broken_rule_is_reported_at_once() {
        let err = input::from_value::<ContactCreate>(json!({
            "display_name": "", "tags": ["ok", "a/b"], "phones": [{"number": "+1 2"}],
            "birthday": "3000-01-01", "closeness": 9
        }))
        .err()
        .expect("refused");
        let mut fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        fields.sort();
        assert_eq!(
            fields,
            [
                "birthday",
                "closeness",
                "display_name",
                "phones[0].number",
                "tags[1]"
            ]
        );
    }
}
