//! Reading the files people export their contacts as, into contacts as
//! `POST /v1/contacts` takes them. No database here: each format turns
//! bytes into `Record`s, one per row or card, each a contact body or the
//! reason it cannot be one.

pub mod google;
pub mod linkedin;
pub mod outlook;
mod table;
pub mod vcard;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

/// A format kith imports.
#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// LinkedIn's `Connections.csv` (2018 and current exports).
    Linkedin,
    /// Google Contacts CSV (current and older exports).
    Google,
    /// Outlook CSV.
    Outlook,
    /// vCard 2.1, 3.0 or 4.0 (Apple, Google, Outlook and phone exports).
    Vcard,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Linkedin => "linkedin",
            Format::Google => "google",
            Format::Outlook => "outlook",
            Format::Vcard => "vcard",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        [
            Format::Linkedin,
            Format::Google,
            Format::Outlook,
            Format::Vcard,
        ]
        .into_iter()
        .find(|f| f.as_str() == s)
    }

    /// The format a file's content is in, from its first lines.
    pub fn detect(text: &str) -> Option<Format> {
        let head: String = text.lines().take(12).collect::<Vec<_>>().join("\n");
        if vcard::looks_like(text) {
            return Some(Format::Vcard);
        }
        if linkedin::header_line(text).is_some() {
            return Some(Format::Linkedin);
        }
        if head.contains("E-mail 1 - Value") || head.contains("Group Membership") {
            return Some(Format::Google);
        }
        if head.contains("E-mail Address") && head.contains("Job Title") {
            return Some(Format::Outlook);
        }
        None
    }

    /// The file's records, or why it cannot be read at all.
    pub fn read(self, text: &str) -> Result<Vec<Record>, String> {
        match self {
            Format::Linkedin => linkedin::read(text),
            Format::Google => google::read(text),
            Format::Outlook => outlook::read(text),
            Format::Vcard => vcard::read(text),
        }
    }
}

/// One row of a file: where it is (its first line, from 1) and the contact
/// it holds, or why it holds none.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: u64,
    pub contact: Result<Value, String>,
    /// The photo a card carries, checked and made into thumbnails.
    pub photo: Option<crate::photos::image::Photo>,
}

/// The text of a file: UTF-8 without a byte order mark.
pub fn text_of(bytes: &[u8]) -> Result<&str, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "the file is not UTF-8 text (byte {} is not); export it as UTF-8",
            e.valid_up_to()
        )
    })
}

/// A contact body being built from a row: fields are set only when they
/// have text.
#[derive(Default)]
pub struct Body(Map<String, Value>);

impl Body {
    pub fn text(&mut self, field: &str, value: &str) {
        let v = value.trim();
        if !v.is_empty() {
            self.0.insert(field.into(), Value::String(v.into()));
        }
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).and_then(Value::as_str)
    }

    /// `emails`, `phones` or `links`: each value once, with its label when
    /// it has one.
    pub fn list(&mut self, field: &str, key: &str, values: Vec<(String, Option<String>)>) {
        let mut items: Vec<Value> = Vec::new();
        for (v, label) in values {
            let v = v.trim().to_string();
            if v.is_empty() || items.iter().any(|i| i[key] == v.as_str()) {
                continue;
            }
            let mut item = Map::new();
            item.insert(key.into(), Value::String(v));
            // A label is at most 50 characters; a longer one is left out.
            if let Some(l) = label
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty() && l.chars().count() <= 50)
            {
                item.insert("label".into(), Value::String(l));
            }
            items.push(Value::Object(item));
        }
        if !items.is_empty() {
            self.0.insert(field.into(), Value::Array(items));
        }
    }

    /// Web addresses (`http` and `https` URLs with a host only; others are
    /// left out).
    pub fn links(&mut self, urls: Vec<(String, Option<String>)>) {
        let urls = urls
            .into_iter()
            .map(|(u, label)| {
                let u = u.trim();
                // The scheme in lower case (`HTTPS://` is the same address).
                let u = match u.split_once("://") {
                    Some((scheme, rest)) => format!("{}://{rest}", scheme.to_ascii_lowercase()),
                    None => u.to_string(),
                };
                (u, label)
            })
            .filter(|(u, _)| crate::contacts::model::is_link(u))
            .collect();
        self.list("links", "url", urls);
    }

    /// Any other field, as it is.
    pub fn set(&mut self, field: &str, value: Value) {
        self.0.insert(field.into(), value);
    }

    pub fn tags(&mut self, names: Vec<String>) {
        let mut tags: Vec<Value> = Vec::new();
        for n in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            if !tags
                .iter()
                .any(|t| t.as_str().is_some_and(|t| t.eq_ignore_ascii_case(n)))
            {
                tags.push(Value::String(n.to_string()));
            }
        }
        if !tags.is_empty() {
            self.0.insert("tags".into(), Value::Array(tags));
        }
    }

    pub fn external_id(&mut self, source: &str, value: &str) {
        let ids = self
            .0
            .entry("external_ids")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(ids) = ids {
            ids.insert(source.into(), Value::String(value.into()));
        }
    }

    /// The body, named by its given, middle and family names (or by
    /// `fallback` when it has none); `None` without any name.
    pub fn named(mut self, fallback: Option<&str>) -> Result<Value, String> {
        if self.get("display_name").is_none() {
            let parts: Vec<&str> = ["given_name", "middle_name", "family_name"]
                .iter()
                .filter_map(|f| self.get(f))
                .collect();
            let name = match parts.join(" ") {
                n if !n.trim().is_empty() => n,
                _ => fallback.unwrap_or_default().trim().to_string(),
            };
            if name.is_empty() {
                return Err("no name: the row has no name, email or company".into());
            }
            self.text("display_name", &name);
        }
        self.0.remove("middle_name");
        Ok(Value::Object(self.0))
    }
}

/// A date as exports write it: `2024-10-09`, `09 Oct 2024`, `6-Feb-26`,
/// `1/8/18, 6:14 PM`, `7/1/1990`; as `YYYY-MM-DD`. Two-digit years are
/// 19xx when they would be in the future.
pub fn loose_date(s: &str) -> Option<String> {
    let s = s.split(',').next().unwrap_or("").trim();
    let this_year = chrono::Utc::now().date_naive();
    // Two-digit years first: `%Y` would read `18` as the year 18.
    for f in ["%d-%b-%y", "%m/%d/%y"] {
        if let Ok(mut d) = NaiveDate::parse_from_str(s, f) {
            if d > this_year {
                d = d.with_year_minus(100)?;
            }
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    for f in ["%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%m/%d/%Y", "%d-%b-%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    None
}

trait MinusCentury: Sized {
    fn with_year_minus(self, years: i32) -> Option<Self>;
}

impl MinusCentury for NaiveDate {
    fn with_year_minus(self, years: i32) -> Option<NaiveDate> {
        use chrono::Datelike;
        self.with_year(self.year() - years)
    }
}

/// A LinkedIn profile URL in one form: `https://www.linkedin.com/in/<id>`,
/// lower case, without query, fragment or trailing slash; `None` when it is
/// not one.
pub fn linkedin_url(s: &str) -> Option<String> {
    let s = s.trim().to_lowercase();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(&s);
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let rest = rest
        .strip_prefix("www.")
        .or_else(|| {
            rest.split_once('.')
                .filter(|(sub, _)| sub.len() == 2)
                .map(|(_, r)| r)
        })
        .unwrap_or(rest);
    let path = rest.strip_prefix("linkedin.com/in/")?;
    let id = path.trim_end_matches('/');
    (!id.is_empty() && !id.contains('/')).then(|| format!("https://www.linkedin.com/in/{id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_exports_write() {
        assert_eq!(loose_date("09 Oct 2024").as_deref(), Some("2024-10-09"));
        assert_eq!(loose_date("1/8/18, 6:14 PM").as_deref(), Some("2018-01-08"));
        assert_eq!(loose_date("6-Feb-26").as_deref(), Some("2026-02-06"));
        assert_eq!(loose_date("6-Feb-99").as_deref(), Some("1999-02-06"));
        assert_eq!(loose_date("7/1/1990").as_deref(), Some("1990-07-01"));
        assert_eq!(loose_date("2024-10-09").as_deref(), Some("2024-10-09"));
        assert_eq!(loose_date("0/0/00"), None);
        assert_eq!(loose_date(""), None);
    }

    #[test]
    fn linkedin_urls_in_one_form() {
        let one = Some("https://www.linkedin.com/in/ana-lima".to_string());
        for u in [
            "https://www.linkedin.com/in/ana-lima",
            "http://linkedin.com/in/Ana-Lima/",
            "https://pt.linkedin.com/in/ana-lima?trk=x",
            "www.linkedin.com/in/ana-lima#about",
        ] {
            assert_eq!(linkedin_url(u), one, "{u}");
        }
        assert_eq!(linkedin_url("https://example.com/in/ana"), None);
        assert_eq!(
            linkedin_url("https://www.linkedin.com/company/x/about"),
            None
        );
    }
}
