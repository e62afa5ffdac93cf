//! The per-user change feed that lets an offline client keep an exact copy:
//! every write appends, in its own transaction, one entry per resource it
//! creates, changes or deletes, numbered by the user's own sequence.

pub mod handlers;
pub mod kept;
pub mod model;
pub mod store;
pub mod waiters;

pub use store::{name_last, record, record_json, record_upserts};

use crate::http::operations::Operations;

/// The change feed.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_list, handlers::list)
        .add(handlers::__path_stream, handlers::stream);
}
