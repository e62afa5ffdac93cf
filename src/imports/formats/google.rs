//! Google Contacts CSV: the current export (`First Name,Middle Name,Last
//! Name,…,Labels,E-mail 1 - Label,E-mail 1 - Value,…`) and the older one
//! (`Name,Given Name,…,Group Membership,E-mail 1 - Type,…`). Several values
//! of one column are joined by ` ::: `; `* ` marks the primary one (and
//! Google's own labels, such as `* myContacts`).

use super::table::{self, Row};
use super::{linkedin_url, Body, Record};

pub fn read(text: &str) -> Result<Vec<Record>, String> {
    Ok(table::records(table::rows(text, 1)?, contact))
}

/// The first of the columns that the file has.
fn first<'a>(row: &'a Row, headers: &[&str]) -> &'a str {
    headers
        .iter()
        .find(|h| row.has(h))
        .map_or("", |h| row.get(h))
}

/// The values of a ` ::: ` list, primary first, without their `* `.
fn values(s: &str) -> Vec<(String, bool)> {
    let mut all: Vec<(String, bool)> = s
        .split(":::")
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| match v.strip_prefix("* ") {
            Some(p) => (p.to_string(), true),
            None => (v.to_string(), false),
        })
        .collect();
    all.sort_by_key(|(_, primary)| !primary);
    all
}

/// Every `<kind> N - Value` (1–20) with its label (`- Label` or `- Type`).
fn numbered(row: &Row, kind: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for n in 1..=20 {
        let value = row.get(&format!("{kind} {n} - Value"));
        if value.is_empty() {
            continue;
        }
        let label = first(
            row,
            &[
                &format!("{kind} {n} - Label"),
                &format!("{kind} {n} - Type"),
            ],
        );
        let label = values(label)
            .into_iter()
            .next()
            .map(|(l, _)| l.to_lowercase());
        for (v, _) in values(value) {
            out.push((v, label.clone()));
        }
    }
    out
}

fn contact(row: &Row) -> Result<serde_json::Value, String> {
    let mut b = Body::default();
    b.text("given_name", first(row, &["First Name", "Given Name"]));
    b.text(
        "middle_name",
        first(row, &["Middle Name", "Additional Name"]),
    );
    b.text("family_name", first(row, &["Last Name", "Family Name"]));
    if row.has("Name") {
        b.text("display_name", row.get("Name"));
    }
    b.text(
        "company",
        first(row, &["Organization Name", "Organization 1 - Name"]),
    );
    b.text(
        "title",
        first(row, &["Organization Title", "Organization 1 - Title"]),
    );
    b.text("location", first(row, &["Address 1 - City"]));
    b.text("notes", row.get("Notes"));
    b.text("birthday", row.get("Birthday"));
    let emails = numbered(row, "E-mail");
    let fallback = emails
        .first()
        .map(|(e, _)| e.clone())
        .or_else(|| b.get("company").map(str::to_string));
    b.list("emails", "address", emails);
    b.list("phones", "number", numbered(row, "Phone"));
    b.links(numbered(row, "Website"));
    let labels = first(row, &["Labels", "Group Membership"]);
    b.tags(
        values(labels)
            .into_iter()
            .filter(|(_, google_own)| !google_own)
            .map(|(l, _)| l)
            .collect(),
    );
    for (site, _) in numbered(row, "Website") {
        if let Some(url) = linkedin_url(&site) {
            b.external_id("linkedin", &url);
        }
    }
    b.named(fallback.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_current_export() {
        let file = "First Name,Middle Name,Last Name,Nickname,Organization Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Website 1 - Label,Website 1 - Value\n\
Ana,Maria,Lima,,Initech,CTO,--07-01,Met in Lisbon,Friends ::: * myContacts,* Work,ana@work.example,Home,ana@home.example,Mobile,+351 912 345 678 ::: +351 213 000 000,Profile,https://linkedin.com/in/ana-lima\n";
        let r = read(file).unwrap();
        let ana = r[0].contact.as_ref().unwrap();
        assert_eq!(ana["display_name"], "Ana Maria Lima");
        assert_eq!(ana.get("middle_name"), None);
        assert_eq!(
            ana["emails"],
            json!([{"address": "ana@work.example", "label": "work"}, {"address": "ana@home.example", "label": "home"}])
        );
        assert_eq!(ana["phones"][1]["number"], "+351 213 000 000");
        assert_eq!(ana["tags"], json!(["Friends"]));
        assert_eq!(ana["birthday"], "--07-01");
        assert_eq!(
            ana["external_ids"]["linkedin"],
            "https://www.linkedin.com/in/ana-lima"
        );
    }

    #[test]
    fn the_older_export() {
        let file = "Name,Given Name,Additional Name,Family Name,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title\n\
Ben Ode,Ben,,Ode,1980-02-03,,* My Contacts ::: Investors,* Work,ben@example.com,Mobile,555-0103,Globex,VP\n\
,,,,,,,,,,,,\n\
,,,,,,,,,,,Nameless Co,\n";
        let r = read(file).unwrap();
        assert_eq!(r.len(), 2);
        let ben = r[0].contact.as_ref().unwrap();
        assert_eq!(ben["display_name"], "Ben Ode");
        assert_eq!(ben["tags"], json!(["Investors"]));
        assert_eq!(ben["company"], "Globex");
        assert_eq!(
            r[1].contact.as_ref().unwrap()["display_name"],
            "Nameless Co"
        );
        assert_eq!(r[1].line, 4);
    }
}
