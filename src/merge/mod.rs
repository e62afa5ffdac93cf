//! Merging duplicate contacts into one: the kept contact gains what the
//! others had, everything that named them names it, and they go to the
//! trash for good.

pub mod handlers;
pub mod model;
pub mod service;

use crate::http::operations::Operations;

/// The merge of contacts.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_merge, handlers::merge);
}
