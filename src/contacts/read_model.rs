//! The contacts' read model: each contact's API JSON stored in its row
//! (`api_json`, written with every write of the row), so that reads answer
//! it without building it again, and many lookups by id share one query.

use diesel::prelude::*;

use super::model::ContactRow;
use crate::db::schema::contacts;
use crate::db::DbConn;
use crate::time::Micros;

/// What a read that answers contacts loads: the stored JSON and the version
/// it was written for, and beside it what a page's cursor and an `ETag`
/// need. (Each column a row reads costs about as much as a short JSON
/// value; the 27 the API shows made up most of a page's time.)
#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = contacts)]
pub struct ContactJson {
    pub id: String,
    pub version: i32,
    pub name_key: String,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub last_interaction_at: Option<Micros>,
    pub next_due_at: Option<Micros>,
    api_json: Option<String>,
    api_json_version: Option<i32>,
}

impl ContactJson {
    /// The contact as the API writes it, unless the stored JSON is missing
    /// or was written for another version of the row.
    pub fn json(&self) -> Option<&str> {
        self.api_json
            .as_deref()
            .filter(|_| self.api_json_version == Some(self.version))
    }

    /// Takes the JSON written from the full row instead.
    pub fn set_json(&mut self, row: &ContactRow) {
        self.api_json = Some(row.render_json());
        self.api_json_version = Some(row.version);
    }

    pub fn into_json(self) -> Option<String> {
        let fresh = self.json().is_some();
        self.api_json.filter(|_| fresh)
    }
}

/// What a page's cursor is made of: the row's sort keys and id.
pub struct Keys<'a> {
    pub id: &'a str,
    pub name_key: &'a str,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub last_interaction_at: Option<Micros>,
    pub next_due_at: Option<Micros>,
}

/// `keys()` for each row type that carries them.
macro_rules! keys_of {
    ($($row:ty),*) => {$(
        impl $row {
            pub fn keys(&self) -> Keys<'_> {
                Keys {
                    id: &self.id,
                    name_key: &self.name_key,
                    created_at: self.created_at,
                    updated_at: self.updated_at,
                    last_interaction_at: self.last_interaction_at,
                    next_due_at: self.next_due_at,
                }
            }
        }
    )*};
}
keys_of!(ContactJson, ContactBrief, ContactName);

/// A row of a contact's short fields, read from their own columns: a page
/// that asks only for fields one of these carries (`?fields=id,display_name`,
/// a phone's list) reads neither the stored JSON nor any other column
/// (docs/BENCHMARKS.md, "PostgreSQL profile"). The fewer columns, the
/// cheaper on SQLite, which pays per column read.
pub trait Short {
    /// The fields it carries, in the contact's own order.
    const FIELDS: &'static [&'static str];
    fn keys(&self) -> Keys<'_>;
    /// The contact with only the fields `wanted` names (each one of
    /// `FIELDS`), written as the full contact writes them.
    fn write_json(&self, wanted: &dyn Fn(&str) -> bool, out: &mut Vec<u8>);
}

/// Implements `Short` for a row: its `FIELDS` (`id`, then the fields
/// listed, which must follow the contact's own order) and a `write_json`
/// that writes each with its writer below.
macro_rules! short {
    ($row:ty; $($field:ident: $writer:ident),* $(,)?) => {
        impl Short for $row {
            const FIELDS: &'static [&'static str] = &["id", $(stringify!($field)),*];

            fn keys(&self) -> Keys<'_> {
                <$row>::keys(self)
            }

            fn write_json(&self, wanted: &dyn Fn(&str) -> bool, out: &mut Vec<u8>) {
                out.extend_from_slice(b"{\"id\":");
                crate::json::str(out, &self.id);
                $(
                    if wanted(stringify!($field)) {
                        out.extend_from_slice(concat!(",\"", stringify!($field), "\":").as_bytes());
                        writers::$writer(out, &self.$field);
                    }
                )*
                out.push(b'}');
            }
        }
    };
}

/// How `short!` writes a column, as the full contact writes the field.
mod writers {
    use crate::time::{Micros, Timestamp};

    pub fn text(out: &mut Vec<u8>, v: &str) {
        crate::json::str(out, v);
    }
    pub fn opt_text(out: &mut Vec<u8>, v: &Option<String>) {
        crate::json::opt_str(out, v.as_deref());
    }
    pub fn int(out: &mut Vec<u8>, v: &i32) {
        crate::json::int(out, *v);
    }
    pub fn at(out: &mut Vec<u8>, v: &Micros) {
        crate::json::time(out, Timestamp(*v));
    }
    pub fn opt_at(out: &mut Vec<u8>, v: &Option<Micros>) {
        crate::json::opt_time(out, v.map(Timestamp));
    }
}

/// The contact's names, company, title, times and version.
#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = contacts)]
pub struct ContactBrief {
    pub id: String,
    pub name_key: String,
    display_name: String,
    given_name: Option<String>,
    family_name: Option<String>,
    company: Option<String>,
    title: Option<String>,
    pub created_at: Micros,
    pub updated_at: Micros,
    version: i32,
    pub last_interaction_at: Option<Micros>,
    pub next_due_at: Option<Micros>,
}

short!(ContactBrief;
    display_name: text, given_name: opt_text, family_name: opt_text, company: opt_text,
    title: opt_text, created_at: at, updated_at: at, version: int,
    last_interaction_at: opt_at, next_due_at: opt_at,
);

/// The contact's display name and times: what a list on a phone shows.
#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = contacts)]
pub struct ContactName {
    pub id: String,
    pub name_key: String,
    display_name: String,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub last_interaction_at: Option<Micros>,
    pub next_due_at: Option<Micros>,
}

short!(ContactName;
    display_name: text, created_at: at, updated_at: at, last_interaction_at: opt_at,
    next_due_at: opt_at,
);

/// One of the user's contacts, loaded as the view (on the concrete
/// connection: no `LIMIT` to bind, the id is the primary key).
fn find_view(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<ContactJson>> {
    crate::per_backend!(conn, |c| crate::owned_by_id!(
        contacts,
        ContactJson,
        user_id,
        id
    )
    .get_result::<ContactJson>(c)
    .optional())
}

/// The contact as the API writes it, and its version, if it is the user's:
/// for reads that answer it unchanged.
pub fn find_json(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<Option<(i32, String)>> {
    let Some(mut found) = find_view(conn, user_id, id)? else {
        return Ok(None);
    };
    if found.json().is_none() {
        let full = crate::owned_by_id!(contacts, ContactRow, user_id, id)
            .get_result::<ContactRow>(conn)
            .optional()?;
        let Some(full) = full else {
            return Ok(None);
        };
        found.set_json(&full);
    }
    Ok(Some((found.version, found.into_json().unwrap_or_default())))
}

/// Reads contacts by id for many requests at once (see `Db::lookup_as`).
pub static BY_ID: crate::db::LookupKind = crate::db::LookupKind {
    read: find_json_many,
};

/// `find_json` for every `(user id, id)` key, in order. Many keys
/// (PostgreSQL's batches) are answered from one query, a single one (and
/// every SQLite lookup, which comes alone) from `find_json`'s statement.
fn find_json_many(
    conn: &mut DbConn,
    keys: &[(&str, &str)],
) -> QueryResult<Vec<Option<(i32, String)>>> {
    let rows: Vec<(String, ContactJson)> = match conn {
        DbConn::Postgresql(c) if keys.len() > 1 => {
            let mut ids: Vec<String> = keys.iter().map(|k| k.1.to_string()).collect();
            ids.sort_unstable();
            ids.dedup();
            contacts::table
                .filter(crate::db::prepared::one_of(contacts::id, ids))
                .select((contacts::user_id, ContactJson::as_select()))
                .load(c)?
        }
        _ => {
            return keys
                .iter()
                .map(|&(user_id, id)| find_json(conn, user_id, id))
                .collect()
        }
    };
    keys.iter()
        .map(|&(user_id, id)| {
            match rows
                .iter()
                .find(|(owner, r)| r.id == id && owner == user_id)
            {
                Some((_, row)) => match row.json() {
                    Some(json) => Ok(Some((row.version, json.to_owned()))),
                    // Rare: written from the full row (see `ContactJson`).
                    None => find_json(conn, user_id, id),
                },
                None => Ok(None),
            }
        })
        .collect()
}

/// Writes the JSON of rows whose stored JSON is missing or stale from their
/// full rows (see `ContactJson`). A row gone meanwhile keeps no JSON and is
/// left out of the answer.
pub fn fill_json(conn: &mut DbConn, user_id: &str, rows: &mut [ContactJson]) -> QueryResult<()> {
    let stale: Vec<&str> = rows
        .iter()
        .filter(|r| r.json().is_none())
        .map(|r| r.id.as_str())
        .collect();
    if stale.is_empty() {
        return Ok(());
    }
    let full: std::collections::HashMap<String, ContactRow> = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::id.eq_any(stale))
        .select(ContactRow::as_select())
        .load::<ContactRow>(conn)?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect();
    for row in rows.iter_mut().filter(|r| r.json().is_none()) {
        if let Some(f) = full.get(&row.id) {
            row.set_json(f);
        }
    }
    Ok(())
}

/// A `ContactPage` as serde would write it, from contacts already written.
pub fn page_json(rows: &[ContactJson], next_cursor: Option<&str>) -> Vec<u8> {
    let items = rows.iter().filter_map(ContactJson::json);
    let mut out = Vec::with_capacity(items.clone().map(|j| j.len() + 1).sum::<usize>() + 64);
    out.extend_from_slice(b"{\"items\":[");
    for (i, json) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(json.as_bytes());
    }
    out.extend_from_slice(b"],\"next_cursor\":");
    crate::json::opt_str(&mut out, next_cursor);
    out.push(b'}');
    out
}
