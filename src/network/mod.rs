//! Seeing and using the network: who can introduce me, how the network is
//! doing, the graph for frontends to draw, whose asks others' offers meet,
//! and who should meet whom.

pub mod agenda;
pub mod handlers;
pub mod model;
pub mod service;
pub mod store;

use crate::http::operations::Operations;

/// Reach, stats, the graph, matches and suggestions.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_reach, handlers::reach)
        .add(handlers::__path_stats, handlers::stats)
        .add(handlers::__path_graph, handlers::graph)
        .add(handlers::__path_matches, handlers::matches)
        .add(handlers::__path_introduce, handlers::introduce)
        .add(handlers::__path_suggestions, handlers::suggestions)
        .add(handlers::__path_dismiss, handlers::dismiss);
}
