//! Search: the text kith writes beside each searchable row (`text`), the
//! SQL that finds and ranks rows by it (`sql`), and one search across
//! contacts, interactions, ledger entries and introductions
//! (`GET /v1/search`).

pub mod handlers;
pub mod model;
pub mod service;
pub mod sql;
pub mod text;
pub mod words;

use crate::http::operations::Operations;

/// Search across everything.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_search, handlers::search);
}
