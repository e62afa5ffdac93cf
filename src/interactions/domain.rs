//! Interaction fields parsed from request bodies.

use std::collections::HashSet;

use serde_json::Value;

use super::dto::{DIRECTIONS, KINDS};
use crate::error::ApiError;
use crate::input::{self, Body};
use crate::time::{self, Micros, DAY};

pub const FIELDS: &[&str] = &[
    "kind",
    "direction",
    "occurred_at",
    "summary",
    "notes",
    "contact_ids",
    "follow_up_on",
    "counts_as_touch",
];
pub const READ_ONLY: &[&str] = &["id", "created_at", "updated_at", "version"];
pub const MAX_PARTICIPANTS: usize = 50;

#[derive(Debug, Default)]
pub struct InteractionChanges {
    pub kind: Option<String>,
    pub direction: Option<String>,
    pub occurred_at: Option<Micros>,
    pub summary: Option<String>,
    pub notes: Option<Option<String>>,
    pub contact_ids: Option<Vec<String>>,
    pub follow_up_on: Option<Option<String>>,
    pub counts_as_touch: Option<bool>,
}

fn occurred_at(v: &Value) -> input::Parsed<Micros> {
    let t = input::datetime(v)?.timestamp_micros();
    if t > time::now() + DAY {
        return Err((
            "out_of_range",
            "must not be more than 24 hours in the future".into(),
        ));
    }
    Ok(t)
}

fn contact_ids(v: &Value) -> input::Parsed<Vec<String>> {
    let Value::Array(items) = v else {
        return Err(("invalid_type", "must be an array of contact ids".into()));
    };
    if items.is_empty() {
        return Err(("too_few", "must name at least one contact".into()));
    }
    if items.len() > MAX_PARTICIPANTS {
        return Err((
            "too_many",
            format!("must have at most {MAX_PARTICIPANTS} items"),
        ));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let id = input::id(item)?;
        if !seen.insert(id.clone()) {
            return Err(("duplicate", format!("{id} is named twice")));
        }
        out.push(id);
    }
    Ok(out)
}

/// Reads a create (`creating`: kind, direction, summary, contact_ids
/// required) or a merge-patch.
pub fn parse(body: Value, creating: bool) -> Result<InteractionChanges, ApiError> {
    let mut b = Body::new(body, FIELDS, READ_ONLY)?;
    let c = if creating {
        InteractionChanges {
            kind: b.required("kind", input::one_of(KINDS)),
            direction: b.required("direction", input::one_of(DIRECTIONS)),
            occurred_at: Some(
                b.patch("occurred_at", occurred_at)
                    .into_option()
                    .unwrap_or_else(time::now),
            ),
            summary: b.required("summary", input::text(1, 200)),
            notes: Some(
                b.patch("notes", input::opt_text(10_000))
                    .into_option()
                    .flatten(),
            ),
            contact_ids: b.required("contact_ids", contact_ids),
            follow_up_on: Some(
                b.patch("follow_up_on", input::date)
                    .into_option()
                    .map(|d| d.to_string()),
            ),
            counts_as_touch: Some(
                b.patch("counts_as_touch", input::boolean)
                    .into_option()
                    .unwrap_or(true),
            ),
        }
    } else {
        InteractionChanges {
            kind: b.not_null("kind", input::one_of(KINDS)),
            direction: b.not_null("direction", input::one_of(DIRECTIONS)),
            occurred_at: b.not_null("occurred_at", occurred_at),
            summary: b.not_null("summary", input::text(1, 200)),
            notes: b
                .patch("notes", input::opt_text(10_000))
                .into_update()
                .map(Option::flatten),
            contact_ids: b.not_null("contact_ids", contact_ids),
            follow_up_on: b
                .patch("follow_up_on", input::date)
                .into_update()
                .map(|o| o.map(|d| d.to_string())),
            counts_as_touch: b.not_null("counts_as_touch", input::boolean),
        }
    };
    b.finish()?;
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_participant_named_twice_is_refused() {
        let err = parse(
            json!({"kind": "call", "direction": "outbound", "summary": "x", "contact_ids": ["a", "a"]}),
            true,
        )
        .unwrap_err();
        assert_eq!(err.errors[0].field, "contact_ids");
        assert_eq!(err.errors[0].code, "duplicate");
    }

    #[test]
    fn the_far_future_is_refused() {
        let later = (chrono::Utc::now() + chrono::Duration::hours(25)).to_rfc3339();
        let err = parse(json!({"occurred_at": later}), false).unwrap_err();
        assert_eq!(err.errors[0].code, "out_of_range");
    }

    #[test]
    fn a_new_interaction_counts_as_a_touch_unless_told() {
        let c = parse(
            json!({"kind": "coffee", "direction": "mutual", "summary": "x", "contact_ids": ["a"]}),
            true,
        )
        .unwrap();
        assert_eq!(c.counts_as_touch, Some(true));
        assert!(c.occurred_at.is_some());
    }
}
