//! Contacts taken to phones and other tools: vCard exports of one contact
//! or of many.

pub mod handlers;
pub mod vcard;

use crate::http::operations::Operations;

/// The vCard exports.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_get_vcard, handlers::get_vcard)
        .add(handlers::__path_export_vcards, handlers::export_vcards);
}
