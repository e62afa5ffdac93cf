//! LinkedIn's `Connections.csv`. Current exports begin with a few `Notes:`
//! lines, then `First Name,Last Name,URL,Email Address,Company,Position,
//! Connected On` with dates like `09 Oct 2024`; older ones have no notes,
//! no `URL` and dates like `1/8/18, 6:14 PM`; a spreadsheet that saved it
//! again writes `6-Feb-26`.

use super::table;
use super::{linkedin_url, loose_date, Body, Record};

/// The line (from 1) and byte offset of the header row, if the file has one.
pub fn header_line(text: &str) -> Option<(u64, usize)> {
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate().take(50) {
        let l = line.trim_start_matches('\u{feff}').trim_start_matches('"');
        if l.starts_with("First Name") && line.contains("Connected On") {
            return Some((n as u64 + 1, offset));
        }
        offset += line.len();
    }
    None
}

pub fn read(text: &str) -> Result<Vec<Record>, String> {
    let (line, offset) =
        header_line(text).ok_or("no LinkedIn header row (First Name,Last Name,…,Connected On)")?;
    Ok(table::records(table::rows(&text[offset..], line)?, contact))
}

fn contact(row: &table::Row) -> Result<serde_json::Value, String> {
    let mut b = Body::default();
    b.text("given_name", row.get("First Name"));
    b.text("family_name", row.get("Last Name"));
    b.text("company", row.get("Company"));
    b.text("title", row.get("Position"));
    let email = row.get("Email Address");
    b.list("emails", "address", vec![(email.to_string(), None)]);
    if let Some(url) = linkedin_url(row.get("URL")) {
        b.external_id("linkedin", &url);
        b.links(vec![(url, Some("linkedin".into()))]);
    }
    b.text("how_we_met", "Connected on LinkedIn");
    let connected = row.get("Connected On");
    if !connected.is_empty() {
        match loose_date(connected) {
            Some(d) => b.text("met_on", &d),
            None => return Err(format!("Connected On: not a date: {connected:?}")),
        }
    }
    let fallback = Some(email).filter(|e| !e.is_empty());
    b.named(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_current_export_with_notes_bom_crlf_and_quoted_commas() {
        let file = "\u{feff}Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nJin,\"Park, CFA\",https://www.linkedin.com/in/jinpark,,\"Acme, Inc.\",Analyst,09 Oct 2024\r\nAna,Lima,https://www.linkedin.com/in/ana-lima/,ana@example.com,Initech,CTO,6-Feb-26\r\n";
        let records = read(file).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].line, 5);
        assert_eq!(
            records[0].contact.as_ref().unwrap(),
            &json!({"given_name": "Jin", "family_name": "Park, CFA", "company": "Acme, Inc.",
                    "title": "Analyst", "external_ids": {"linkedin": "https://www.linkedin.com/in/jinpark"},
                    "links": [{"url": "https://www.linkedin.com/in/jinpark", "label": "linkedin"}],
                    "how_we_met": "Connected on LinkedIn", "met_on": "2024-10-09",
                    "display_name": "Jin Park, CFA"})
        );
        let ana = records[1].contact.as_ref().unwrap();
        assert_eq!(ana["emails"], json!([{"address": "ana@example.com"}]));
        assert_eq!(ana["met_on"], "2026-02-06");
        assert_eq!(records[1].line, 6);
    }

    #[test]
    fn a_2018_export_and_a_bad_row() {
        let file = "First Name,Last Name,Email Address,Company,Position,Connected On\nBen,Ode,ben@example.com,Globex,VP,\"1/8/18, 6:14 PM\"\n,,,,,\nCleo,Park,,,,yesterday\n";
        let records = read(file).unwrap();
        assert_eq!(records.len(), 2);
        let ben = records[0].contact.as_ref().unwrap();
        assert_eq!(ben["met_on"], "2018-01-08");
        assert_eq!(ben.get("external_ids"), None);
        assert_eq!(records[1].line, 4);
        assert!(records[1]
            .contact
            .as_ref()
            .unwrap_err()
            .contains("Connected On"));
    }
}
