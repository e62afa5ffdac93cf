//! Ledger fields parsed from request bodies, and the rules of status moves.

use serde_json::Value;

use super::dto::{DIRECTIONS, KINDS, STATUSES};
use crate::error::ApiError;
use crate::input::{self, Body};

pub const FIELDS: &[&str] = &[
    "contact_id",
    "direction",
    "kind",
    "description",
    "weight",
    "status",
    "occurred_on",
    "due_on",
    "interaction_id",
    "repays_id",
];
pub const READ_ONLY: &[&str] = &[
    "id",
    "completed_on",
    "introduction_id",
    "created_at",
    "updated_at",
    "version",
];

#[derive(Debug, Default, Clone)]
pub struct EntryChanges {
    pub contact_id: Option<String>,
    pub direction: Option<String>,
    pub kind: Option<String>,
    pub description: Option<String>,
    pub weight: Option<i32>,
    pub status: Option<String>,
    pub occurred_on: Option<Option<String>>,
    pub due_on: Option<Option<String>>,
    pub interaction_id: Option<Option<String>>,
    pub repays_id: Option<Option<String>>,
}

fn date_text(v: &Value) -> input::Parsed<String> {
    input::date(v).map(|d| d.to_string())
}

pub fn parse(body: Value, creating: bool) -> Result<EntryChanges, ApiError> {
    let mut b = Body::new(body, FIELDS, READ_ONLY)?;
    let c = if creating {
        EntryChanges {
            contact_id: b.required("contact_id", input::id),
            direction: b.required("direction", input::one_of(DIRECTIONS)),
            kind: b.required("kind", input::one_of(KINDS)),
            description: b.required("description", input::text(1, 500)),
            weight: Some(
                b.patch("weight", input::integer(1, 5))
                    .into_option()
                    .map_or(1, |w| w as i32),
            ),
            status: Some(
                b.patch("status", input::one_of(STATUSES))
                    .into_option()
                    .unwrap_or_else(|| "done".into()),
            ),
            occurred_on: Some(b.patch("occurred_on", date_text).into_option()),
            due_on: Some(b.patch("due_on", date_text).into_option()),
            interaction_id: Some(b.patch("interaction_id", input::id).into_option()),
            repays_id: Some(b.patch("repays_id", input::id).into_option()),
        }
    } else {
        EntryChanges {
            contact_id: b.not_null("contact_id", input::id),
            direction: b.not_null("direction", input::one_of(DIRECTIONS)),
            kind: b.not_null("kind", input::one_of(KINDS)),
            description: b.not_null("description", input::text(1, 500)),
            weight: b.not_null("weight", input::integer(1, 5)).map(|w| w as i32),
            status: b.not_null("status", input::one_of(STATUSES)),
            occurred_on: b.patch("occurred_on", date_text).into_update(),
            due_on: b.patch("due_on", date_text).into_update(),
            interaction_id: b.patch("interaction_id", input::id).into_update(),
            repays_id: b.patch("repays_id", input::id).into_update(),
        }
    };
    b.finish()?;
    Ok(c)
}

/// Whether an entry may move from `from` to `to`.
pub fn can_move(from: &str, to: &str) -> bool {
    from == to
        || matches!(
            (from, to),
            ("open", "done" | "declined" | "cancelled") | ("done", "cancelled")
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_entries_may_close_and_done_ones_may_only_be_cancelled() {
        assert!(can_move("open", "done"));
        assert!(can_move("open", "declined"));
        assert!(can_move("open", "cancelled"));
        assert!(can_move("done", "cancelled"));
        assert!(!can_move("done", "open"));
        assert!(!can_move("declined", "done"));
        assert!(!can_move("cancelled", "open"));
        assert!(can_move("declined", "declined"));
    }

    #[test]
    fn a_new_entry_is_a_done_favor_of_weight_one_by_default() {
        let c = parse(
            serde_json::json!({"contact_id": "c1", "direction": "given", "kind": "advice", "description": "x"}),
            true,
        )
        .unwrap();
        assert_eq!(c.status.as_deref(), Some("done"));
        assert_eq!(c.weight, Some(1));
    }
}
