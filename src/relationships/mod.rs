//! Relationships between two contacts: stored once, seen from both sides.

pub mod handlers;
pub mod model;
pub mod service;
pub mod store;

use crate::http::operations::Operations;

/// The relationships' operations.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_create, handlers::create)
        .add(handlers::__path_get, handlers::get)
        .add(handlers::__path_update, handlers::update)
        .add(handlers::__path_delete, handlers::delete)
        .add(
            handlers::__path_list_for_contact,
            handlers::list_for_contact,
        );
}
