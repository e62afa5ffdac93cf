//! Contacts' photos: put as JPEG, PNG or WebP, checked by decoding them
//! (`image.rs`), kept in the database with square thumbnails made once.

pub mod handlers;
pub mod image;
pub mod service;
pub mod store;

use crate::http::operations::Operations;

/// The photo of a contact.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_put, handlers::put)
        .add(handlers::__path_get, handlers::get)
        .add(handlers::__path_delete, handlers::delete);
}
