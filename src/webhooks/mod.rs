//! Webhooks: a user's changes (and reminders) sent to endpoints of theirs as
//! they happen, signed by the Standard Webhooks specification, retried, and
//! logged. The change feed is the outbox; `worker` sends.

pub mod docs;
pub mod guard;
pub mod handlers;
pub mod model;
pub mod reminders;
pub mod service;
pub mod signature;
pub mod store;
pub mod worker;

use crate::http::operations::Operations;

/// The webhooks' operations.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_create, handlers::create)
        .add(handlers::__path_list, handlers::list)
        .add(handlers::__path_get, handlers::get)
        .add(handlers::__path_update, handlers::update)
        .add(handlers::__path_delete, handlers::delete)
        .add(handlers::__path_rotate, handlers::rotate)
        .add(handlers::__path_test, handlers::test)
        .add(handlers::__path_deliveries, handlers::deliveries)
        .add(handlers::__path_retry, handlers::retry);
}
