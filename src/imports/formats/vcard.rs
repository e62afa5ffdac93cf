//! vCard 2.1, 3.0 and 4.0 (Apple, Google and Outlook exports), read with
//! the `calcard` crate: each card on its own, so a broken one fails alone
//! with the line it begins on.

use calcard::common::{IanaString, PartialDateTime};
use calcard::vcard::{VCard, VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty};

use std::collections::HashMap;

use serde_json::Value;

use super::{linkedin_url, Body, Record};
use crate::photos::image::{self, Photo, Refused};

/// Whether the text is a vCard file (its first line that is not blank).
pub fn looks_like(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.eq_ignore_ascii_case("BEGIN:VCARD"))
}

pub fn read(text: &str) -> Result<Vec<Record>, String> {
    let cards = split(text);
    if cards.is_empty() {
        return Err("no BEGIN:VCARD in the file".into());
    }
    Ok(cards
        .into_iter()
        .map(|(line, card)| {
            let read = if !ends(card) {
                Err("the card has no END:VCARD: the file is cut short".into())
            } else {
                match VCard::parse(card) {
                    Ok(card) => photo(&card).and_then(|p| Ok((contact(&card)?, p))),
                    Err(e) => Err(format!("not a readable vCard: {e:?}")),
                }
            };
            match read {
                Ok((contact, photo)) => Record {
                    line,
                    contact: Ok(contact),
                    photo,
                },
                Err(why) => Record {
                    line,
                    contact: Err(why),
                    photo: None,
                },
            }
        })
        .collect())
}

/// The card's `PHOTO`, when it carries the image itself (a link to one
/// elsewhere is not fetched), checked and made into thumbnails.
fn photo(card: &VCard) -> Result<Option<Photo>, String> {
    let Some(e) = card.property(&VCardProperty::Photo) else {
        return Ok(None);
    };
    let data = e.values.iter().find_map(|v| match v {
        calcard::vcard::VCardValue::Binary(d) => Some(d.clone()),
        _ => None,
    });
    let Some(data) = data else {
        return Ok(None);
    };
    let content_type = match data.content_type {
        Some(t) if t.contains('/') => t,
        _ => ::image::guess_format(&data.data)
            .map(|f| f.to_mime_type().to_string())
            .unwrap_or_default(),
    };
    match image::process(&content_type, data.data) {
        Ok(p) => Ok(Some(p)),
        Err(Refused::MediaType) => Err(format!(
            "PHOTO: a photo is JPEG, PNG or WebP, not {}",
            if content_type.is_empty() {
                "an unknown type"
            } else {
                &content_type
            }
        )),
        Err(Refused::NotAnImage(why)) => Err(format!("PHOTO: {why}")),
    }
}

/// Each card's text and the line (from 1) its `BEGIN:VCARD` is on.
fn split(text: &str) -> Vec<(u64, &str)> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if line.trim().eq_ignore_ascii_case("BEGIN:VCARD") {
            starts.push((n as u64 + 1, offset));
        }
        offset += line.len();
    }
    let ends = starts.iter().skip(1).map(|(_, o)| *o).chain([text.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|((line, from), to)| (*line, &text[*from..to]))
        .collect()
}

/// Whether a card's text ends it (a file cut inside a card does not).
fn ends(card: &str) -> bool {
    card.lines()
        .map(str::trim)
        .any(|l| l.eq_ignore_ascii_case("END:VCARD"))
}

/// The texts of an entry's values (a structured value's parts each).
fn texts(e: &VCardEntry) -> Vec<String> {
    e.values
        .iter()
        .flat_map(|v| match v {
            calcard::vcard::VCardValue::Component(parts) => parts.clone(),
            other => other.as_text().map(str::to_string).into_iter().collect(),
        })
        .collect()
}

fn first_text(card: &VCard, p: VCardProperty) -> String {
    card.property(&p)
        .map(|e| texts(e).join(" "))
        .unwrap_or_default()
}

/// An entry's `TYPE`s in lower case, and whether it is preferred.
pub fn kinds(e: &VCardEntry) -> (Vec<String>, bool) {
    let mut types = Vec::new();
    let mut pref = e.params.iter().any(|p| p.name == VCardParameterName::Pref);
    for p in e
        .params
        .iter()
        .filter(|p| p.name == VCardParameterName::Type)
    {
        let t = match &p.value {
            VCardParameterValue::Type(t) => t.as_str().to_lowercase(),
            VCardParameterValue::Text(t) => t.to_lowercase(),
            _ => continue,
        };
        if t == "pref" {
            pref = true;
        } else {
            types.push(t);
        }
    }
    (types, pref)
}

/// Emails, phone numbers or web addresses, preferred first, each with a
/// label: Apple's `X-ABLabel` of its group, else its first type (a
/// phone's `cell` reads `mobile`).
fn handles(
    card: &VCard,
    p: VCardProperty,
    labels: &HashMap<String, String>,
) -> Vec<(String, Option<String>)> {
    let phone = p == VCardProperty::Tel;
    let mut all: Vec<(bool, String, Option<String>)> = card
        .properties(&p)
        .map(|e| {
            let (types, pref) = kinds(e);
            let grouped = e
                .group
                .as_ref()
                .and_then(|g| labels.get(&g.to_ascii_lowercase()))
                .cloned();
            let label = grouped.or_else(|| {
                types
                    .into_iter()
                    .find(|t| !SKIPPED_TYPES.contains(&t.as_str()))
                    .map(|t| {
                        if phone && t == "cell" {
                            "mobile".into()
                        } else {
                            t
                        }
                    })
            });
            let value = texts(e).join("");
            let value = value.strip_prefix("tel:").unwrap_or(&value).to_string();
            (pref, value, label)
        })
        .collect();
    all.sort_by_key(|(pref, _, _)| !pref);
    all.into_iter().map(|(_, v, l)| (v, l)).collect()
}

/// Types that say what a value is rather than label it.
pub const SKIPPED_TYPES: [&str; 5] = ["internet", "voice", "x400", "pref", "text"];

/// Apple's labels by group (`item1.X-ABLabel:_$!<Other>!$_` labels
/// `item1.EMAIL`), its own names read in lower case (`other`).
fn group_labels(card: &VCard) -> HashMap<String, String> {
    card.entries
        .iter()
        .filter(|e| is_named(e, AB_LABEL))
        .filter_map(|e| {
            let group = e.group.as_ref()?.to_ascii_lowercase();
            let text = texts(e).join(",");
            let label = match text
                .strip_prefix("_$!<")
                .and_then(|t| t.strip_suffix(">!$_"))
            {
                Some(apple) => apple.to_lowercase(),
                None => text,
            };
            Some((group, label))
        })
        .collect()
}

/// Apple's label of a grouped property.
pub const AB_LABEL: &str = "X-ABLabel";

/// Whether an entry is the property `name` (kith's and others' `X-` ones).
fn is_named(e: &VCardEntry, name: &str) -> bool {
    matches!(&e.name, VCardProperty::Other(n) if n.eq_ignore_ascii_case(name))
}

/// kith's own properties, for the fields vCard has none for: written on
/// export, read on import.
pub const KITH_FIELDS: [(&str, &str); 6] = [
    ("X-KITH-HOW-WE-MET", "how_we_met"),
    ("X-KITH-MET-ON", "met_on"),
    ("X-KITH-CADENCE-DAYS", "cadence_days"),
    ("X-KITH-CLOSENESS", "closeness"),
    ("X-KITH-SNOOZED-UNTIL", "snoozed_until"),
    ("X-KITH-ARCHIVED", "archived"),
];

/// What kith's export has in its `PRODID`.
pub const PRODID_MARK: &str = "//kith//";

/// An external id, as `source:value`.
pub const KITH_EXTERNAL_ID: &str = "X-KITH-EXTERNAL-ID";

/// kith's fields from its own properties (a value that does not read as
/// its field's type is left out).
fn kith_fields(card: &VCard, b: &mut Body) {
    for (name, field) in KITH_FIELDS {
        let Some(text) = card
            .entries
            .iter()
            .find(|e| is_named(e, name))
            .map(|e| texts(e).join(","))
        else {
            continue;
        };
        let value = match field {
            "cadence_days" | "closeness" => text.trim().parse::<i64>().ok().map(Value::from),
            "archived" => Some(Value::Bool(text.trim().eq_ignore_ascii_case("true"))),
            _ => Some(Value::String(text)),
        };
        if let Some(v) = value {
            b.set(field, v);
        }
    }
    for e in card
        .entries
        .iter()
        .filter(|e| is_named(e, KITH_EXTERNAL_ID))
    {
        let text = texts(e).join(",");
        if let Some((source, value)) = text.split_once(':') {
            b.external_id(source, value);
        }
    }
}

/// The `X-` properties kith does not read, each as one unfolded line.
fn extras(card: &VCard) -> Vec<Value> {
    let read = |e: &&VCardEntry| match &e.name {
        VCardProperty::Other(n) => {
            let n = n.to_ascii_uppercase();
            !n.starts_with("X-")
                || n.starts_with("X-KITH-")
                || n == AB_LABEL.to_ascii_uppercase()
                || n == "X-SOCIALPROFILE"
        }
        _ => true,
    };
    card.entries
        .iter()
        .filter(|e| !read(e))
        .filter_map(|e| {
            let mut line = String::new();
            e.write_to(&mut line, true).ok()?;
            let line = line.replace("\r\n ", "").replace("\r\n\t", "");
            let line = line.trim_end().to_string();
            crate::contacts::model::is_vcard_extra(&line).then_some(Value::String(line))
        })
        .take(crate::contacts::model::MAX_VCARD_EXTRAS)
        .collect()
}

/// `BDAY` as kith keeps it: `YYYY-MM-DD`, or `--MM-DD` without a year
/// (Apple writes the year 1604 with `X-APPLE-OMIT-YEAR` for none).
fn birthday(card: &VCard) -> Option<String> {
    let e = card.property(&VCardProperty::Bday)?;
    let omit = e.params.iter().any(|p| {
        matches!(&p.name, VCardParameterName::Other(n) if n.eq_ignore_ascii_case("X-APPLE-OMIT-YEAR"))
    });
    let date = e.values.iter().find_map(|v| match v {
        calcard::vcard::VCardValue::PartialDateTime(d) => Some(d.clone()),
        calcard::vcard::VCardValue::Text(t) => parse_date(t),
        _ => None,
    })?;
    let (month, day) = (date.month?, date.day?);
    match date.year.filter(|y| !omit && *y != 1604) {
        Some(y) => Some(format!("{y:04}-{month:02}-{day:02}")),
        None => Some(format!("--{month:02}-{day:02}")),
    }
}

/// A date written as text: `1990-07-01`, `19900701`, `--0701`, `--07-01`.
fn parse_date(t: &str) -> Option<PartialDateTime> {
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let (year, rest) = match (t.trim().starts_with("--"), digits.len()) {
        (true, 4) => (None, &digits[..]),
        (false, 8) => (digits[..4].parse().ok(), &digits[4..]),
        _ => return None,
    };
    Some(PartialDateTime {
        year,
        month: rest[..2].parse().ok(),
        day: rest[2..4].parse().ok(),
        ..Default::default()
    })
}

fn contact(card: &VCard) -> Result<serde_json::Value, String> {
    let mut b = Body::default();
    b.text("display_name", &first_text(card, VCardProperty::Fn));
    if let Some(n) = card.property(&VCardProperty::N) {
        // Family; given; additional; prefixes; suffixes.
        let parts: Vec<String> = n
            .values
            .iter()
            .map(|v| match v {
                calcard::vcard::VCardValue::Component(p) => p.join(" "),
                other => other.as_text().unwrap_or_default().to_string(),
            })
            .collect();
        b.text("family_name", parts.first().map_or("", String::as_str));
        b.text("given_name", parts.get(1).map_or("", String::as_str));
        b.text("middle_name", parts.get(2).map_or("", String::as_str));
    }
    if let Some(org) = card.property(&VCardProperty::Org) {
        b.text("company", texts(org).first().map_or("", String::as_str));
    }
    b.text("title", &first_text(card, VCardProperty::Title));
    b.text("notes", &first_text(card, VCardProperty::Note));
    if let Some(adr) = card.property(&VCardProperty::Adr) {
        // PO box; extended; street; locality; region; code; country.
        let parts = texts(adr);
        let city = [3, 4, 6]
            .iter()
            .filter_map(|i| parts.get(*i))
            .find(|p| !p.trim().is_empty());
        b.text("location", city.map_or("", String::as_str));
    }
    if let Some(d) = birthday(card) {
        b.text("birthday", &d);
    }
    let labels = group_labels(card);
    let emails = handles(card, VCardProperty::Email, &labels);
    let fallback = emails
        .first()
        .map(|(e, _)| e.clone())
        .or_else(|| b.get("company").map(str::to_string));
    b.list("emails", "address", emails);
    b.list(
        "phones",
        "number",
        handles(card, VCardProperty::Tel, &labels),
    );
    let categories: Vec<String> = card
        .properties(&VCardProperty::Categories)
        .flat_map(texts)
        .flat_map(|c| c.split(',').map(str::to_string).collect::<Vec<_>>())
        // Google's own group of every contact.
        .filter(|c| !c.eq_ignore_ascii_case("myContacts"))
        .collect();
    b.tags(categories);
    let mut links = handles(card, VCardProperty::Url, &labels);
    let social = card.entries.iter().filter(|e| {
        matches!(e.name, VCardProperty::Socialprofile) || is_named(e, "X-SOCIALPROFILE")
    });
    for e in social {
        let (types, _) = kinds(e);
        links.extend(texts(e).into_iter().map(|t| (t, types.first().cloned())));
    }
    // kith's own export says its external ids; others have them in links.
    if !first_text(card, VCardProperty::Prodid).contains(PRODID_MARK) {
        for (url, _) in &links {
            if let Some(url) = linkedin_url(url) {
                b.external_id("linkedin", &url);
            }
        }
    }
    b.links(links);
    kith_fields(card, &mut b);
    let extras = extras(card);
    if !extras.is_empty() {
        b.set("vcard_extras", Value::Array(extras));
    }
    b.named(fallback.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_apple_card_with_folded_lines_types_and_no_birth_year() {
        let file = "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.0//EN\r\nN:Lima;Ana;Maria;;\r\nFN:Ana Maria Lima\r\nORG:Initech;Platform;\r\nTITLE:CTO\r\nEMAIL;type=INTERNET;type=HOME:ana@home.example\r\nEMAIL;type=INTERNET;type=WORK;type=pref:ana@work.example\r\nTEL;type=CELL;type=VOICE;type=pref:+351 912 345 678\r\nitem1.ADR;type=WORK:;;Rua Augusta 1;Lisboa;;1100-048;Portugal\r\nNOTE:Met at the conference\\, second day. Long note folded\r\n  across two lines\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-07-01\r\nX-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/ana-lima\r\nCATEGORIES:Investors,Friends\r\nitem2.EMAIL;type=INTERNET:ana@old.example\r\nitem2.X-ABLabel:_$!<Other>!$_\r\nitem3.URL;type=pref:https://ana.example/blog\r\nitem3.X-ABLabel:Ana's blog\r\nX-PHONETIC-FIRST-NAME:AH-nah\r\nX-ABUID:5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE\\:ABPerson\r\nEND:VCARD\r\n";
        let r = read(file).unwrap();
        assert_eq!(r[0].line, 1);
        let ana = r[0].contact.as_ref().unwrap();
        assert_eq!(ana["display_name"], "Ana Maria Lima");
        assert_eq!(
            (ana["given_name"].as_str(), ana["family_name"].as_str()),
            (Some("Ana"), Some("Lima"))
        );
        assert_eq!(ana["company"], "Initech");
        assert_eq!(
            ana["emails"],
            json!([{"address": "ana@work.example", "label": "work"}, {"address": "ana@home.example", "label": "home"},
                   {"address": "ana@old.example", "label": "other"}])
        );
        assert_eq!(
            ana["links"],
            json!([{"url": "https://ana.example/blog", "label": "Ana's blog"},
                   {"url": "https://www.linkedin.com/in/ana-lima", "label": "linkedin"}])
        );
        assert_eq!(
            ana["vcard_extras"],
            json!([
                "X-PHONETIC-FIRST-NAME:AH-nah",
                "X-ABUID:5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE:ABPerson"
            ])
        );
        assert_eq!(
            ana["phones"],
            json!([{"number": "+351 912 345 678", "label": "mobile"}])
        );
        assert_eq!(ana["location"], "Lisboa");
        assert_eq!(ana["birthday"], "--07-01");
        assert_eq!(
            ana["notes"],
            "Met at the conference, second day. Long note folded across two lines"
        );
        assert_eq!(ana["tags"], json!(["Investors", "Friends"]));
        assert_eq!(
            ana["external_ids"]["linkedin"],
            "https://www.linkedin.com/in/ana-lima"
        );
    }

    #[test]
    fn a_2_1_card_in_quoted_printable_and_a_4_0_card_and_a_broken_one() {
        let file = "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\nTEL;CELL:+49 30 1234567\nBDAY:19800203\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:Ben Ode\nEMAIL;TYPE=work;PREF=1:ben@example.com\nTEL;VALUE=uri;TYPE=\"voice,cell\":tel:+1-555-0103\nBDAY:--0415\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n";
        let r = read(file).unwrap();
        assert_eq!(r.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 8, 15]);
        let j = r[0].contact.as_ref().unwrap();
        assert_eq!(j["display_name"], "Jürgen Müller");
        assert_eq!(j["family_name"], "Müller");
        assert_eq!(j["birthday"], "1980-02-03");
        let ben = r[1].contact.as_ref().unwrap();
        assert_eq!(ben["phones"][0]["number"], "+1-555-0103");
        assert_eq!(ben["birthday"], "--04-15");
        assert!(r[2].contact.as_ref().unwrap_err().contains("no name"));
    }
}
