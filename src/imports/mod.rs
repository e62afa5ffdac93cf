//! Imports: contacts brought in from the files phones, LinkedIn, Google
//! and Outlook export (`formats`), kept with their report so that they can
//! be read again and undone.

pub mod formats;
pub mod handlers;
pub mod model;
pub mod service;
pub mod store;

use crate::http::operations::Operations;

/// The imports' operations.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_create, handlers::create)
        .add(handlers::__path_list, handlers::list)
        .add(handlers::__path_get, handlers::get)
        .add(handlers::__path_undo, handlers::undo);
}
