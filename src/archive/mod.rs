//! My data is mine: the whole account as one JSON document, and that
//! document loaded into an empty account.

pub mod handlers;
pub mod model;
pub mod service;

use crate::http::operations::Operations;

/// Export, and import of a whole account.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_get_export, handlers::get_export)
        .add(handlers::__path_post_import, handlers::post_import)
        .json_limit(model::MAX_ARCHIVE_BYTES);
}
