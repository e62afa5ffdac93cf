//! Interactions that log themselves: the headers of messages and the
//! events of calendars a script or app hands kith, matched to contacts by
//! email (a capture), kept so that they can be undone; the addresses seen
//! that match no contact yet (suggestions); and the addresses that are the
//! user's own.

pub mod agenda;
pub mod calendar;
pub mod handlers;
pub mod mail;
pub mod model;
pub mod service;
pub mod store;

use crate::http::operations::Operations;

/// The captures' operations.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_get_addresses, handlers::get_addresses)
        .add(handlers::__path_set_addresses, handlers::set_addresses)
        .add(
            handlers::__path_capture_messages,
            handlers::capture_messages,
        )
        .add(
            handlers::__path_capture_calendar,
            handlers::capture_calendar,
        )
        .add(handlers::__path_list, handlers::list)
        // Before `/v1/captures/{id}`, which would take the path.
        .add(handlers::__path_suggestions, handlers::suggestions)
        .add(handlers::__path_dismiss, handlers::dismiss)
        .add(handlers::__path_accept, handlers::accept)
        .add(handlers::__path_get, handlers::get)
        .add(handlers::__path_undo, handlers::undo);
}
