//! The reciprocity ledger: favors given and received, open promises and
//! asks, and the balance of each relationship.

pub mod agenda;
pub mod balances;
pub mod handlers;
pub mod model;
pub mod service;
pub mod store;

use crate::http::operations::Operations;

/// The ledger's operations (balances before `{id}`, which would match it).
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_list, handlers::list)
        .add(handlers::__path_create, handlers::create)
        .add(handlers::__path_list_balances, handlers::list_balances)
        .add(handlers::__path_get, handlers::get)
        .add(handlers::__path_update, handlers::update)
        .add(handlers::__path_delete, handlers::delete)
        .add(
            handlers::__path_list_for_contact,
            handlers::list_for_contact,
        )
        .add(handlers::__path_contact_balance, handlers::contact_balance);
}
