//! Tags: the names contacts carry, and the default cadence a tag gives the
//! contacts that have none of their own.

pub mod handlers;
pub mod model;
pub mod service;
pub mod store;

use crate::http::operations::Operations;

/// The tags' operations.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_list, handlers::list)
        .add(handlers::__path_put, handlers::put)
        .add(handlers::__path_rename, handlers::rename)
        .add(handlers::__path_delete, handlers::delete);
}
