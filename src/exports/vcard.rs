//! Contacts written as vCards (4.0, or 3.0 for older address books) with
//! the `calcard` crate: every field kith has, the standard ones as phones
//! read them and the others as kith's own `X-KITH-` properties, so that
//! importing an export gives the contacts back (tested below).

use calcard::common::{Data, PartialDateTime};
use calcard::vcard::{
    VCard, VCardEntry, VCardParameter, VCardParameterName, VCardProperty, VCardValue, VCardVersion,
};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::contacts::model::{stored_list as list, ContactRow, Email, Link, Phone};
use crate::imports::formats::vcard::{
    AB_LABEL, KITH_EXTERNAL_ID, KITH_FIELDS, PRODID_MARK, SKIPPED_TYPES,
};

/// The vCard version written.
#[derive(Deserialize, ToSchema, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Version {
    /// vCard 4.0 (RFC 6350).
    #[default]
    #[serde(rename = "4.0")]
    V4,
    /// vCard 3.0 (RFC 2426), for older address books.
    #[serde(rename = "3.0")]
    V3,
}

/// A photo as a vCard carries it: its media type and bytes.
pub type CardPhoto = (String, Vec<u8>);

/// The contact as one vCard, with its photo (the 256-pixel square, as
/// address books show it) when it has one.
pub fn card(row: &ContactRow, photo: Option<&CardPhoto>, version: Version) -> String {
    let mut card = VCard {
        entries: Vec::new(),
    };
    let e = &mut card.entries;
    let text =
        |name: VCardProperty, value: &str| VCardEntry::new(name).with_value(value.to_string());
    e.push(text(
        VCardProperty::Prodid,
        &format!("-{PRODID_MARK}kith contacts//EN"),
    ));
    e.push(text(VCardProperty::Fn, &row.display_name));
    e.push(
        VCardEntry::new(VCardProperty::N).with_values(
            [
                row.family_name.as_deref(),
                row.given_name.as_deref(),
                None,
                None,
                None,
            ]
            .into_iter()
            .map(|p| VCardValue::Text(p.unwrap_or_default().to_string()))
            .collect(),
        ),
    );
    if let Some(company) = &row.company {
        e.push(text(VCardProperty::Org, company));
    }
    if let Some(title) = &row.title {
        e.push(text(VCardProperty::Title, title));
    }
    if let Some(location) = &row.location {
        // PO box; extended; street; locality; region; code; country.
        let mut parts = vec![VCardValue::Text(String::new()); 7];
        parts[3] = VCardValue::Text(location.clone());
        e.push(VCardEntry::new(VCardProperty::Adr).with_values(parts));
    }
    if let Some(notes) = &row.notes {
        e.push(text(VCardProperty::Note, notes));
    }
    if let Some((content_type, data)) = photo {
        e.push(
            VCardEntry::new(VCardProperty::Photo).with_value(VCardValue::Binary(Data {
                content_type: Some(content_type.clone()),
                data: data.clone(),
            })),
        );
    }
    if let Some(b) = row.birthday.as_deref().and_then(|b| birthday(b, version)) {
        e.push(b);
    }
    let mut groups = 0;
    let emails: Vec<Email> = list(&row.emails);
    let handles = emails
        .iter()
        .map(|m| (m.address.as_str(), m.label.as_deref()));
    labelled(e, &mut groups, VCardProperty::Email, handles, false);
    let phones: Vec<Phone> = list(&row.phones);
    let handles = phones
        .iter()
        .map(|p| (p.number.as_str(), p.label.as_deref()));
    labelled(e, &mut groups, VCardProperty::Tel, handles, true);
    let links: Vec<Link> = list(&row.links);
    let handles = links.iter().map(|l| (l.url.as_str(), l.label.as_deref()));
    labelled(e, &mut groups, VCardProperty::Url, handles, false);
    let tags: Vec<String> = list(&row.tags);
    if !tags.is_empty() {
        e.push(
            VCardEntry::new(VCardProperty::Categories)
                .with_values(tags.into_iter().map(VCardValue::Text).collect()),
        );
    }
    for (name, field) in KITH_FIELDS {
        let value = match field {
            "how_we_met" => row.how_we_met.clone(),
            "met_on" => row.met_on.clone(),
            "cadence_days" => row.cadence_days.map(|d| d.to_string()),
            "closeness" => row.closeness.map(|c| c.to_string()),
            "snoozed_until" => row.snoozed_until.clone(),
            _ => row.archived.then(|| "true".to_string()),
        };
        if let Some(v) = value {
            e.push(text(VCardProperty::Other(name.into()), &v));
        }
    }
    for (source, value) in row.external_ids() {
        e.push(text(
            VCardProperty::Other(KITH_EXTERNAL_ID.into()),
            &format!("{source}:{value}"),
        ));
    }
    let extras: Vec<String> = list(&row.vcard_extras);
    e.extend(extras.iter().flat_map(|line| extra(line)));
    let mut out = String::with_capacity(512);
    let version = match version {
        Version::V4 => VCardVersion::V4_0,
        Version::V3 => VCardVersion::V3_0,
    };
    // Writing to a String cannot fail.
    let _ = card.write_to(&mut out, version);
    out
}

/// `BDAY`: without a year `--MMDD` in 4.0, and Apple's year 1604 with
/// `X-APPLE-OMIT-YEAR` in 3.0 (which has no form for it).
fn birthday(b: &str, version: Version) -> Option<VCardEntry> {
    let (year, md) = match b.strip_prefix("--") {
        Some(md) => (None, md),
        None => (Some(b.get(..4)?.parse::<u16>().ok()?), b.get(5..)?),
    };
    let (month, day) = (md.get(..2)?.parse().ok()?, md.get(3..5)?.parse().ok()?);
    let date = |year| {
        Some(PartialDateTime {
            year,
            month: Some(month),
            day: Some(day),
            ..Default::default()
        })
    };
    let entry = VCardEntry::new(VCardProperty::Bday);
    Some(match (year, version) {
        (None, Version::V3) => entry
            .with_param(VCardParameter::new(
                VCardParameterName::Other("X-APPLE-OMIT-YEAR".into()),
                "1604".to_string(),
            ))
            .with_value(VCardValue::PartialDateTime(date(Some(1604))?)),
        (year, _) => entry.with_value(VCardValue::PartialDateTime(date(year)?)),
    })
}

/// Emails, phones or links, the first preferred when there are several;
/// a label that is a plain type (`work`, `home`; `mobile` as `cell`) as
/// `TYPE`, any other as Apple's `X-ABLabel` of a group.
fn labelled<'a>(
    e: &mut Vec<VCardEntry>,
    groups: &mut usize,
    name: VCardProperty,
    items: impl ExactSizeIterator<Item = (&'a str, Option<&'a str>)>,
    phone: bool,
) {
    let several = items.len() > 1;
    for (n, (value, label)) in items.enumerate() {
        let mut entry = VCardEntry::new(name.clone()).with_value(value.to_string());
        if n == 0 && several {
            entry.add_param(VCardParameter::pref(1u32));
        }
        match label.map(|l| plain_type(l, phone)) {
            None => {}
            Some(Some(t)) => entry.add_param(VCardParameter::typ(t.to_string())),
            Some(None) => {
                *groups += 1;
                let group = format!("item{groups}");
                entry = entry.with_group(Some(group.clone()));
                e.push(entry);
                e.push(
                    VCardEntry::new(VCardProperty::Other(AB_LABEL.into()))
                        .with_group(Some(group))
                        .with_value(label.unwrap_or_default().to_string()),
                );
                continue;
            }
        }
        e.push(entry);
    }
}

/// The `TYPE` a label reads back as, when there is one.
fn plain_type(label: &str, phone: bool) -> Option<&str> {
    if phone && label == "mobile" {
        return Some("cell");
    }
    let plain = !label.is_empty()
        && label
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let reads_back = !(SKIPPED_TYPES.contains(&label) || phone && label == "cell");
    (plain && reads_back).then_some(label)
}

/// A kept `X-` line as the entry it is (a line that no longer reads is
/// left out).
fn extra(line: &str) -> Vec<VCardEntry> {
    let text = format!("BEGIN:VCARD\r\nVERSION:4.0\r\n{line}\r\nEND:VCARD\r\n");
    match VCard::parse(text) {
        Ok(card) => card
            .entries
            .into_iter()
            .filter(|e| {
                !matches!(
                    e.name,
                    VCardProperty::Begin | VCardProperty::End | VCardProperty::Version
                )
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts::model::ContactChanges;
    use crate::contacts::service::new_row;
    use crate::imports::formats::vcard::read;
    use rand::rngs::StdRng;
    use rand::{RngExt, SeedableRng};
    use serde_json::{json, Value};

    /// Text with what vCard must escape or encode: separators, quotes,
    /// backslashes, accents, other scripts and emoji (`line`: newlines too).
    fn text(rng: &mut StdRng, max: usize, line: bool) -> String {
        const PIECES: [&str; 16] = [
            "Ana", "José", "Müller", ",", ";", ":", "\\", "\"", "'", " ", "李", "🦀", "O'Neil",
            "x=y", "\\n", "Ø",
        ];
        let n = rng.random_range(1..=max);
        let mut s: String = (0..n)
            .map(|_| PIECES[rng.random_range(0..PIECES.len())])
            .collect::<Vec<_>>()
            .join(if line && rng.random_bool(0.3) {
                "\n"
            } else {
                ""
            });
        s = s.trim().to_string();
        if s.is_empty() {
            s = "Ana".into();
        }
        s
    }

    fn maybe(rng: &mut StdRng, v: impl FnOnce(&mut StdRng) -> Value) -> Value {
        if rng.random_bool(0.5) {
            v(rng)
        } else {
            Value::Null
        }
    }

    fn label(rng: &mut StdRng) -> Value {
        const LABELS: [&str; 8] = [
            "work",
            "home",
            "mobile",
            "cell",
            "Main Office",
            "other",
            "x400",
            "Ünï",
        ];
        maybe(rng, |rng| json!(LABELS[rng.random_range(0..LABELS.len())]))
    }

    fn date(rng: &mut StdRng, from: i32, to: i32) -> String {
        format!(
            "{}-{:02}-{:02}",
            rng.random_range(from..=to),
            rng.random_range(1..=12),
            rng.random_range(1..=28)
        )
    }

    /// A contact body with every field kith has (but `met_via`, which names
    /// another contact of the same account).
    fn contact(rng: &mut StdRng) -> Value {
        let emails: Vec<Value> = (0..rng.random_range(0..4))
            .map(|i| json!({"address": format!("p{i}.{}@example.com", rng.random_range(0..999)), "label": label(rng)}))
            .collect();
        let phones: Vec<Value> = (0..rng.random_range(0..4))
            .map(|i| json!({"number": format!("+{i} ({}) 555-01{:02}", rng.random_range(100..999), rng.random_range(0..99)), "label": label(rng)}))
            .collect();
        let links: Vec<Value> = (0..rng.random_range(0..3))
            .map(|i| match i {
                0 => json!({"url": "https://www.linkedin.com/in/jin", "label": label(rng)}),
                _ => json!({"url": format!("https://example.com/{i}/a?b=c,d;e"), "label": label(rng)}),
            })
            .collect();
        let tags: Vec<String> = (0..rng.random_range(0..4))
            .map(|i| format!("tag {i} ünï"))
            .collect();
        let birthday = if rng.random_bool(0.5) {
            date(rng, 1900, 2010)
        } else {
            format!(
                "--{:02}-{:02}",
                rng.random_range(1..=12),
                rng.random_range(1..=28)
            )
        };
        let mut ids = serde_json::Map::new();
        if rng.random_bool(0.5) {
            ids.insert("crm".into(), json!(text(rng, 4, false)));
        }
        if rng.random_bool(0.3) {
            ids.insert("linkedin".into(), json!("https://www.linkedin.com/in/ana"));
        }
        let mut body = json!({
            "display_name": text(rng, 5, false),
            "given_name": maybe(rng, |rng| json!(text(rng, 3, false))),
            "family_name": maybe(rng, |rng| json!(text(rng, 3, false))),
            "emails": emails, "phones": phones, "links": links, "tags": tags,
            "company": maybe(rng, |rng| json!(text(rng, 4, false))),
            "title": maybe(rng, |rng| json!(text(rng, 4, false))),
            "location": maybe(rng, |rng| json!(text(rng, 4, false))),
            "notes": maybe(rng, |rng| json!(text(rng, 12, true))),
            "birthday": maybe(rng, |_| json!(birthday)),
            "how_we_met": maybe(rng, |rng| json!(text(rng, 6, true))),
            "met_on": maybe(rng, |rng| json!(date(rng, 1990, 2025))),
            "cadence_days": maybe(rng, |rng| json!(rng.random_range(1..=3650))),
            "snoozed_until": maybe(rng, |rng| json!(date(rng, 2020, 2030))),
            "archived": rng.random_bool(0.3),
            "closeness": maybe(rng, |rng| json!(rng.random_range(1..=5))),
            "external_ids": ids,
            "vcard_extras": if rng.random_bool(0.5) {
                json!(["X-PHONETIC-FIRST-NAME:AH-nah", "item9.X-CUSTOM;TYPE=a:one\\, two"])
            } else {
                json!([])
            },
        });
        // A field left out reads as absent, as a client would send it.
        body.as_object_mut()
            .expect("an object")
            .retain(|_, v| !v.is_null());
        body
    }

    /// The contact a body makes, as the API shows it (ids and times aside).
    fn shown(body: Value) -> Value {
        let (create, _) = ContactChanges::upsert_of(body.clone())
            .unwrap_or_else(|e| panic!("{body}: {}", e.detail));
        let row = new_row("u", create);
        let mut v = serde_json::to_value(row.to_api()).expect("serializes");
        for k in ["id", "created_at", "updated_at"] {
            v.as_object_mut().expect("an object").remove(k);
        }
        v
    }

    #[test]
    fn importing_an_export_gives_every_field_back_in_both_versions() {
        let mut rng = StdRng::seed_from_u64(16);
        for n in 0..400 {
            let body = contact(&mut rng);
            let before = shown(body.clone());
            let row = new_row(
                "u",
                ContactChanges::upsert_of(body.clone()).expect("valid").0,
            );
            for version in [Version::V4, Version::V3] {
                let card = card(&row, None, version);
                let records = read(&card).expect("reads");
                assert_eq!(records.len(), 1, "{card}");
                let back = records[0]
                    .contact
                    .clone()
                    .unwrap_or_else(|e| panic!("contact {n}: {e}\n{card}"));
                assert_eq!(
                    shown(back.clone()),
                    before,
                    "contact {n} in {version:?}:\n{body}\n{card}\n{back}"
                );
            }
        }
    }

    #[test]
    fn a_photo_goes_out_and_comes_back_in_both_versions() {
        let mut png = std::io::Cursor::new(Vec::new());
        ::image::DynamicImage::ImageRgb8(::image::RgbImage::from_pixel(
            300,
            200,
            ::image::Rgb([1, 2, 3]),
        ))
        .write_to(&mut png, ::image::ImageFormat::Png)
        .expect("encodes");
        let photo = ("image/png".to_string(), png.into_inner());
        let row = new_row(
            "u",
            ContactChanges::upsert_of(json!({"display_name": "Ana"}))
                .expect("valid")
                .0,
        );
        for version in [Version::V4, Version::V3] {
            let card = card(&row, Some(&photo), version);
            let back = read(&card).expect("reads").remove(0);
            let got = back.photo.unwrap_or_else(|| panic!("no photo in {card}"));
            assert_eq!(got.original, photo.1, "{version:?}");
            assert_eq!(got.content_type, "image/png");
        }
    }

    #[test]
    fn a_birthday_without_a_year_is_written_as_each_version_can() {
        let row = new_row(
            "u",
            ContactChanges::upsert_of(json!({"display_name": "Ana", "birthday": "--04-17"}))
                .expect("valid")
                .0,
        );
        assert!(card(&row, None, Version::V4).contains("BDAY:--0417\r\n"));
        assert!(
            card(&row, None, Version::V3).contains("BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-17\r\n")
        );
    }
}
