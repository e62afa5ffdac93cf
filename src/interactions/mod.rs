//! Interactions: every email, call or coffee, and the clock it resets for
//! everyone who took part.

pub mod handlers;
pub mod model;
pub mod service;
pub mod store;

use crate::http::operations::Operations;

/// The interactions' operations.
pub fn operations(ops: &mut Operations) {
    ops.add(
        handlers::__path_list_for_contact,
        handlers::list_for_contact,
    )
    .add(handlers::__path_list, handlers::list)
    .add(handlers::__path_create, handlers::create)
    .add(handlers::__path_get, handlers::get)
    .add(handlers::__path_update, handlers::update)
    .add(handlers::__path_delete, handlers::delete);
}
