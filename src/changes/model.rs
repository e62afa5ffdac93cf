//! The change feed as the API writes it.

use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

/// One change.
#[derive(Serialize, ToSchema)]
pub struct Change {
    /// Position in the user's sequence; strictly increasing.
    pub seq: i64,
    /// The resource type: `contact`, …
    #[serde(rename = "type")]
    pub type_: String,
    /// The resource id.
    pub id: String,
    /// `upsert` (created, changed or restored) or `delete` (deleted or trashed).
    #[schema(example = "upsert")]
    pub op: String,
    /// The resource as `GET` returned it after this change; `null` for a delete.
    pub data: Option<serde_json::Value>,
}

/// A page of the change feed.
#[derive(Serialize, ToSchema)]
pub struct ChangePage {
    pub changes: Vec<Change>,
    /// Pass as `since` to read on.
    pub next_since: i64,
    /// Whether more changes follow right away.
    pub has_more: bool,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct ChangeParams {
    /// The last `seq` the client has seen; `0` reads from the beginning.
    #[param(minimum = 0)]
    pub since: Option<i64>,
    /// How many changes at most (1–1000, default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}
