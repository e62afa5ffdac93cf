//! Contacts: the people of the network.

pub mod derived;
pub mod handlers;
pub mod kept;
pub mod model;
pub mod read_model;
pub mod search;
pub mod service;
pub mod store;

use crate::http::operations::Operations;

/// The contacts' operations.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_list, handlers::list)
        .add(handlers::__path_create, handlers::create)
        // Before `/v1/contacts/{id}`, which would take the path.
        .add(handlers::__path_batch, handlers::batch)
        .json_limit(model::MAX_BATCH_BYTES)
        .add(handlers::__path_duplicates, handlers::duplicates)
        .add(handlers::__path_get, handlers::get)
        .add(handlers::__path_update, handlers::update)
        .add(handlers::__path_delete, handlers::delete)
        .add(handlers::__path_restore, handlers::restore);
}
