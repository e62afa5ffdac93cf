//! The change feed as the API writes it.

use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

/// The type of the resource a change is about.
#[derive(Serialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ChangeType {
    Contact,
    Interaction,
    LedgerEntry,
    Relationship,
    Introduction,
    /// Its `id` is the tag's name.
    Tag,
    Need,
}

impl ChangeType {
    pub const ALL: [ChangeType; 7] = [
        ChangeType::Contact,
        ChangeType::Interaction,
        ChangeType::LedgerEntry,
        ChangeType::Relationship,
        ChangeType::Introduction,
        ChangeType::Tag,
        ChangeType::Need,
    ];

    /// The schema of a change's `data` for this type: the resource as `GET`
    /// returns it.
    pub fn data_schema(self) -> &'static str {
        match self {
            ChangeType::Contact => "Contact",
            ChangeType::Interaction => "Interaction",
            ChangeType::LedgerEntry => "LedgerEntry",
            ChangeType::Relationship => "Relationship",
            ChangeType::Introduction => "Introduction",
            ChangeType::Tag => "Tag",
            ChangeType::Need => "Need",
        }
    }

    /// The type as stored (each resource's `service::RESOURCE`).
    pub fn parse(stored: &str) -> Option<ChangeType> {
        Some(match stored {
            "contact" => ChangeType::Contact,
            "interaction" => ChangeType::Interaction,
            "ledger_entry" => ChangeType::LedgerEntry,
            "relationship" => ChangeType::Relationship,
            "introduction" => ChangeType::Introduction,
            "tag" => ChangeType::Tag,
            "need" => ChangeType::Need,
            _ => return None,
        })
    }
}

/// `upsert` (created, changed or restored) or `delete` (deleted or trashed).
#[derive(Serialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOp {
    Upsert,
    Delete,
}

/// One change.
#[derive(Serialize, ToSchema)]
pub struct Change {
    /// Position in the user's sequence; strictly increasing.
    pub seq: i64,
    /// The resource type.
    #[serde(rename = "type")]
    pub type_: ChangeType,
    /// The resource id (a tag's name for a tag).
    pub id: String,
    #[schema(example = "upsert")]
    pub op: ChangeOp,
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
    /// With no change after `since`, wait up to this many seconds (0–60,
    /// default 0) for one, and answer as soon as it lands (empty when the
    /// wait ends): a long poll.
    #[param(minimum = 0, maximum = 60)]
    pub wait: Option<u64>,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct StreamParams {
    /// The last `seq` the client has seen (`0`: from the beginning); a
    /// `Last-Event-ID` header, sent by a reconnecting `EventSource`, wins.
    #[param(minimum = 0)]
    pub since: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::ChangeType;

    #[test]
    fn every_resource_records_a_type_the_feed_can_name() {
        for stored in [
            crate::contacts::service::RESOURCE,
            crate::interactions::service::RESOURCE,
            crate::ledger::service::RESOURCE,
            crate::relationships::service::RESOURCE,
            crate::introductions::service::RESOURCE,
            crate::tags::service::RESOURCE,
            crate::needs::service::RESOURCE,
        ] {
            let named = ChangeType::parse(stored).unwrap_or_else(|| panic!("{stored}"));
            assert_eq!(serde_json::to_value(named).unwrap(), stored);
        }
    }
}
