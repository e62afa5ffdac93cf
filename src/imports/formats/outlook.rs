//! Outlook CSV: `"First Name","Middle Name","Last Name",…,"E-mail Address",
//! "E-mail 2 Address",…,"Mobile Phone",…,"Birthday",…,"Categories"`.
//! (`Title` there is Mr or Dr; the job title is `Job Title`.)

use super::table::{self, Row};
use super::{linkedin_url, loose_date, Body, Record};

const EMAILS: [&str; 3] = ["E-mail Address", "E-mail 2 Address", "E-mail 3 Address"];
const PHONES: [(&str, &str); 6] = [
    ("Mobile Phone", "mobile"),
    ("Business Phone", "work"),
    ("Business Phone 2", "work"),
    ("Home Phone", "home"),
    ("Home Phone 2", "home"),
    ("Other Phone", "other"),
];

pub fn read(text: &str) -> Result<Vec<Record>, String> {
    Ok(table::records(table::rows(text, 1)?, contact))
}

fn contact(row: &Row) -> Result<serde_json::Value, String> {
    let mut b = Body::default();
    b.text("given_name", row.get("First Name"));
    b.text("middle_name", row.get("Middle Name"));
    b.text("family_name", row.get("Last Name"));
    b.text("company", row.get("Company"));
    b.text("title", row.get("Job Title"));
    b.text("notes", row.get("Notes"));
    let city = ["Business City", "Home City"]
        .into_iter()
        .map(|h| row.get(h))
        .find(|c| !c.is_empty())
        .unwrap_or("");
    b.text("location", city);
    let birthday = row.get("Birthday");
    if let Some(d) = loose_date(birthday) {
        b.text("birthday", &d);
    }
    let emails: Vec<(String, Option<String>)> = EMAILS
        .iter()
        .map(|h| (row.get(h).to_string(), None))
        .collect();
    let fallback = emails
        .iter()
        .map(|(e, _)| e.clone())
        .find(|e| !e.is_empty())
        .or_else(|| b.get("company").map(str::to_string));
    b.list("emails", "address", emails);
    let phones = PHONES
        .iter()
        .map(|(h, label)| (row.get(h).to_string(), Some(label.to_string())))
        .collect();
    b.list("phones", "number", phones);
    b.tags(
        row.get("Categories")
            .split(';')
            .map(str::to_string)
            .collect(),
    );
    if let Some(url) = linkedin_url(row.get("Web Page")) {
        b.external_id("linkedin", &url);
    }
    b.named(fallback.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_outlook_export() {
        let file = "\"First Name\",\"Middle Name\",\"Last Name\",\"Title\",\"Job Title\",\"Company\",\"E-mail Address\",\"E-mail 2 Address\",\"Mobile Phone\",\"Business Phone\",\"Birthday\",\"Notes\",\"Categories\",\"Business City\"\r\n\
\"Cleo\",\"\",\"Park\",\"Dr.\",\"Head of Research\",\"Hooli\",\"cleo@hooli.example\",\"\",\"+1 555 0104\",\"\",\"7/1/1990\",\"Two lines\r\nof notes\",\"Investors;Friends\",\"Palo Alto\"\r\n\
\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"0/0/00\",\"\",\"\",\"\"\r\n";
        let r = read(file).unwrap();
        // Outlook writes `0/0/00` for no birthday: a row without a name.
        assert_eq!(r.len(), 2);
        assert!(r[1].contact.as_ref().unwrap_err().contains("no name"));
        let cleo = r[0].contact.as_ref().unwrap();
        assert_eq!(
            cleo,
            &json!({"given_name": "Cleo", "family_name": "Park", "company": "Hooli",
                    "title": "Head of Research", "notes": "Two lines\r\nof notes", "location": "Palo Alto",
                    "birthday": "1990-07-01", "emails": [{"address": "cleo@hooli.example"}],
                    "phones": [{"number": "+1 555 0104", "label": "mobile"}],
                    "tags": ["Investors", "Friends"], "display_name": "Cleo Park"})
        );
    }
}
