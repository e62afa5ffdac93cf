//! The resources of the API, mounted in the order their routes are tried:
//! one line each. `startup` serves these operations and `openapi` documents
//! them, from this one list.

use crate::http::operations::Operations;
use crate::{
    agenda, archive, auth, captures, changes, contacts, exports, imports, interactions,
    introductions, ledger, merge, needs, network, ops, photos, relationships, search, tags,
    webhooks,
};

pub fn operations() -> Operations {
    let mut all = Operations::default();
    ops::operations(&mut all);
    auth::operations(&mut all);
    contacts::operations(&mut all);
    merge::operations(&mut all);
    exports::operations(&mut all);
    photos::operations(&mut all);
    imports::operations(&mut all);
    captures::operations(&mut all);
    interactions::operations(&mut all);
    tags::operations(&mut all);
    agenda::operations(&mut all);
    ledger::operations(&mut all);
    relationships::operations(&mut all);
    introductions::operations(&mut all);
    needs::operations(&mut all);
    network::operations(&mut all);
    search::operations(&mut all);
    archive::operations(&mut all);
    changes::operations(&mut all);
    webhooks::operations(&mut all);
    all
}
