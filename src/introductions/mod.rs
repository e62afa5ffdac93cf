//! Introductions: who you introduced to whom, or who introduced you; once
//! made, the two know each other, the favor is in the ledger, and whoever
//! introduced you is who you met them via.

pub mod handlers;
pub mod model;
pub mod service;
pub mod store;

use crate::http::operations::Operations;

/// The introductions' operations.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_list, handlers::list)
        .add(handlers::__path_create, handlers::create)
        .add(handlers::__path_get, handlers::get)
        .add(handlers::__path_update, handlers::update)
        .add(handlers::__path_delete, handlers::delete);
}
