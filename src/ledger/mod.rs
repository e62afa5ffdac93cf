//! The reciprocity ledger: favors given and received, open promises and
//! asks, and the balance of each relationship.

pub mod agenda;
pub mod balances;
pub mod domain;
pub mod dto;
pub mod handlers;
pub mod queries;
