//! The agenda: what needs attention within a window, each item with the
//! reason why — and the same as an iCalendar feed.

pub mod feed;
pub mod handlers;
pub mod model;
pub mod store;

use crate::http::operations::Operations;

/// The agenda and its calendar feed.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_get, handlers::get)
        .add(handlers::__path_create_feed, handlers::create_feed)
        .add(handlers::__path_delete_feed, handlers::delete_feed)
        .add(handlers::__path_get_feed, handlers::get_feed);
}
