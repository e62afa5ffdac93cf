//! Database functions for photos: `&mut DbConn` in, `QueryResult` out.

use diesel::prelude::*;

use super::image::Photo;
use crate::db::schema::contact_photos as p;
use crate::db::DbConn;

/// Replaces a contact's photo and thumbnails with `photo`'s.
pub fn replace(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
    photo: &Photo,
) -> QueryResult<()> {
    delete(conn, contact_id)?;
    let original = (0, photo.content_type, &photo.original);
    let thumbs = photo.thumbnails.iter().map(|(s, t, d)| (*s, *t, d));
    for (size, content_type, data) in std::iter::once(original).chain(thumbs) {
        diesel::insert_into(p::table)
            .values((
                p::contact_id.eq(contact_id),
                p::size.eq(size),
                p::user_id.eq(user_id),
                p::content_type.eq(content_type),
                p::data.eq(data),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn delete(conn: &mut DbConn, contact_id: &str) -> QueryResult<()> {
    diesel::delete(p::table.filter(p::contact_id.eq(contact_id))).execute(conn)?;
    Ok(())
}

/// Every photo of the user as it was put: (contact id, media type, bytes),
/// in contact id order.
pub fn originals(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<(String, String, Vec<u8>)>> {
    p::table
        .filter(p::user_id.eq(user_id))
        .filter(p::size.eq(0))
        .select((p::contact_id, p::content_type, p::data))
        .order(p::contact_id)
        .load(conn)
}

/// The user's photo of a contact at `size` (0: the original): its media
/// type and bytes.
pub fn find(
    conn: &mut DbConn,
    user_id: &str,
    contact_id: &str,
    size: i32,
) -> QueryResult<Option<(String, Vec<u8>)>> {
    p::table
        .filter(p::user_id.eq(user_id))
        .filter(p::contact_id.eq(contact_id))
        .filter(p::size.eq(size))
        .select((p::content_type, p::data))
        .first(conn)
        .optional()
}
