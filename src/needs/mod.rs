//! Needs and offers: what people in the network (and the user) are looking
//! for and can give — the ground for paying it forward.

pub mod handlers;
pub mod keys;
pub mod model;
pub mod service;
pub mod store;

use crate::http::operations::Operations;

/// The needs' operations.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_create, handlers::create)
        .add(handlers::__path_list, handlers::list)
        .add(handlers::__path_get, handlers::get)
        .add(handlers::__path_update, handlers::update)
        .add(handlers::__path_delete, handlers::delete);
}
