//! The rules of photos: a photo belongs to a live contact of the user;
//! putting or removing one moves the contact's version (its `photo_url`
//! changes) and is recorded in the change feed, in one transaction.

use super::image::Photo;
use super::store;
use crate::contacts::model::ContactRow;
use crate::contacts::{service as contacts, store as contact_store};
use crate::db::DbConn;
use crate::domain::{Error, Expected, Result};

/// The contact's photo URL for a photo of this hash.
pub fn url_of(contact_id: &str, hash: &str) -> String {
    format!("/v1/contacts/{contact_id}/photo?v={hash}")
}

/// The hash a photo URL carries.
pub fn hash_of(url: &str) -> Option<&str> {
    url.split_once("?v=").map(|(_, hash)| hash)
}

/// The contact, locked for a change of its photo.
fn live_contact(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
    expected: &Expected,
) -> Result<ContactRow> {
    let row = contact_store::find_for_update(conn, user_id, contact_id)?.ok_or(Error::NotFound)?;
    expected.check(row.version)?;
    if row.trashed_at.is_some() {
        return Err(Error::Conflict(
            "contact_trashed",
            "this contact is in the trash; restore it first",
        ));
    }
    Ok(row)
}

/// Sets the contact's photo (replacing any it had).
pub fn put(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
    expected: &Expected,
    photo: &Photo,
) -> Result<ContactRow> {
    let mut row = live_contact(conn, user_id, contact_id, expected)?;
    store::replace(conn, user_id, contact_id, photo)?;
    let url = url_of(contact_id, &photo.hash);
    if row.photo_url.as_deref() != Some(url.as_str()) {
        row.photo_url = Some(url);
        contacts::save(conn, &mut row)?;
    }
    Ok(row)
}

/// Removes the contact's photo (nothing to remove is no error).
pub fn delete(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
    expected: &Expected,
) -> Result<()> {
    let mut row = live_contact(conn, user_id, contact_id, expected)?;
    if row.photo_url.is_some() {
        store::delete(conn, contact_id)?;
        row.photo_url = None;
        contacts::save(conn, &mut row)?;
    }
    Ok(())
}

/// The photo at `size` (0: as it was put): its hash, media type and bytes.
pub fn get(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
    size: i32,
) -> Result<(String, String, Vec<u8>)> {
    let row = contact_store::find(conn, user_id, contact_id)?.ok_or(Error::NotFound)?;
    let hash = row
        .photo_url
        .as_deref()
        .and_then(hash_of)
        .ok_or(Error::NotFound)?
        .to_string();
    let (content_type, data) =
        store::find(conn, user_id, contact_id, size)?.ok_or(Error::NotFound)?;
    Ok((hash, content_type, data))
}
