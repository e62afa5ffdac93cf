//! Seeing and using the network: who can introduce me, how the network is
//! doing, and the graph for frontends to draw.

pub mod handlers;
pub mod model;
pub mod store;

use crate::http::operations::Operations;

/// Reach, stats and the graph of the network.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_reach, handlers::reach)
        .add(handlers::__path_stats, handlers::stats)
        .add(handlers::__path_graph, handlers::graph);
}
