//! Search: the text kith writes beside each searchable row (`text`), the
//! SQL that finds and ranks rows by it (`sql`), and one search across
//! contacts, interactions, ledger entries and introductions
//! (`GET /v1/search`).

pub mod service;
pub mod sql;
pub mod text;
