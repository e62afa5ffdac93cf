//! Ledger entries and balances as the API reads and writes them, the entry
//! row as stored, and what a create or a patch changes.

use crate::search::text;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::ledger_entries as le;
use crate::time::{self, Micros};
use crate::{ids, input};

pub const DIRECTIONS: &[&str] = &["given", "received"];
pub const KINDS: &[&str] = &[
    "advice",
    "introduction",
    "referral",
    "recommendation",
    "help",
    "time",
    "gift",
    "money",
    "other",
];
pub const STATUSES: &[&str] = &["open", "done", "declined", "cancelled"];

/// What a new entry may not say at once, in JSON Schema: a due date
/// without `status: open` (only open entries are due; a new entry is
/// `done` unless it says otherwise).
pub fn create_due_only_when_open() -> serde_json::Value {
    serde_json::json!({
        "required": ["due_on"],
        "properties": {
            "due_on": {"type": "string"},
            "status": {"not": {"const": "open"}},
        }
    })
}

/// What a patch may not say at once: a due date with a status other than
/// `open`.
pub fn patch_due_only_when_open() -> serde_json::Value {
    serde_json::json!({
        "required": ["due_on", "status"],
        "properties": {
            "due_on": {"type": "string"},
            "status": {"enum": STATUSES[1..]},
        }
    })
}

/// `given`: you did it for them; `received`: they did it for you.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FavorDirection {
    Given,
    Received,
}

/// What kind of favor.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FavorKind {
    Advice,
    Introduction,
    Referral,
    Recommendation,
    Help,
    Time,
    Gift,
    Money,
    Other,
}

/// `open`: asked or promised, not yet delivered; `done`: delivered;
/// `declined`; `cancelled`. Moves: open → done, declined or cancelled;
/// done → cancelled.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum FavorStatus {
    Open,
    #[default]
    Done,
    Declined,
    Cancelled,
}

impl FavorDirection {
    /// As stored, and as the API writes it (one of `DIRECTIONS`).
    pub fn as_str(self) -> &'static str {
        DIRECTIONS[self as usize]
    }
}

impl FavorKind {
    /// As stored, and as the API writes it (one of `KINDS`).
    pub fn as_str(self) -> &'static str {
        KINDS[self as usize]
    }
}

impl FavorStatus {
    /// As stored, and as the API writes it (one of `STATUSES`).
    pub fn as_str(self) -> &'static str {
        STATUSES[self as usize]
    }
}

/// A favor, given or received, asked, promised or delivered.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct LedgerEntry {
    pub id: String,
    pub contact_id: String,
    #[schema(value_type = FavorDirection)]
    pub direction: String,
    #[schema(value_type = FavorKind)]
    pub kind: String,
    #[schema(example = "Reviewed her conference talk")]
    pub description: String,
    /// How big the favor was, 1–5.
    pub weight: i32,
    #[schema(value_type = FavorStatus)]
    pub status: String,
    /// When it was asked, promised or done.
    #[schema(format = Date)]
    pub occurred_on: Option<String>,
    /// For open entries: when it is due.
    #[schema(format = Date)]
    pub due_on: Option<String>,
    /// Read-only: the day it was done.
    #[schema(format = Date)]
    pub completed_on: Option<String>,
    /// The interaction it happened in.
    pub interaction_id: Option<String>,
    /// The earlier entry of the other direction that this one repays.
    pub repays_id: Option<String>,
    /// Read-only: the introduction that recorded this entry.
    pub introduction_id: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
    /// Increases with every change; also sent as the `ETag`.
    pub version: i32,
}

/// A new ledger entry.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LedgerEntryCreate {
    #[schema(max_length = 64)]
    pub contact_id: String,
    pub direction: FavorDirection,
    pub kind: FavorKind,
    #[serde(deserialize_with = "input::trimmed")]
    #[schema(
        min_length = 1,
        max_length = 500,
        example = "Reviewed her conference talk"
    )]
    pub description: String,
    #[serde(default = "one")]
    #[schema(minimum = 1, maximum = 5, default = 1)]
    pub weight: i32,
    #[serde(default)]
    #[schema(default = "done")]
    pub status: FavorStatus,
    /// Default: today (UTC) when done.
    #[serde(default)]
    #[schema(format = Date)]
    pub occurred_on: Option<String>,
    /// Only for open entries.
    #[serde(default)]
    #[schema(format = Date)]
    pub due_on: Option<String>,
    #[serde(default)]
    #[schema(max_length = 64)]
    pub interaction_id: Option<String>,
    #[serde(default)]
    #[schema(max_length = 64)]
    pub repays_id: Option<String>,
}

fn one() -> i32 {
    1
}

/// A JSON merge patch of a ledger entry: an absent field is kept; the dates
/// and links are cleared by `null`, the others cannot be.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LedgerEntryPatch {
    #[serde(default)]
    #[schema(nullable = false, max_length = 64)]
    pub contact_id: Option<String>,
    #[serde(default)]
    #[schema(nullable = false)]
    pub direction: Option<FavorDirection>,
    #[serde(default)]
    #[schema(nullable = false)]
    pub kind: Option<FavorKind>,
    #[serde(default, deserialize_with = "input::some_trimmed")]
    #[schema(
        nullable = false,
        min_length = 1,
        max_length = 500,
        example = "Reviewed her conference talk and slides"
    )]
    pub description: Option<String>,
    #[serde(default)]
    #[schema(nullable = false, minimum = 1, maximum = 5)]
    pub weight: Option<i32>,
    #[serde(default)]
    #[schema(nullable = false)]
    pub status: Option<FavorStatus>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, format = Date)]
    pub occurred_on: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, format = Date)]
    pub due_on: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, max_length = 64)]
    pub interaction_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, max_length = 64)]
    pub repays_id: Option<Option<String>>,
}

impl input::Rules for LedgerEntryCreate {}
impl input::Rules for LedgerEntryPatch {}

impl From<LedgerEntryCreate> for EntryChanges {
    fn from(new: LedgerEntryCreate) -> EntryChanges {
        EntryChanges {
            contact_id: Some(new.contact_id),
            direction: Some(new.direction.as_str().to_string()),
            kind: Some(new.kind.as_str().to_string()),
            description: Some(new.description),
            weight: Some(new.weight),
            status: Some(new.status.as_str().to_string()),
            occurred_on: Some(new.occurred_on),
            due_on: Some(new.due_on),
            interaction_id: Some(new.interaction_id),
            repays_id: Some(new.repays_id),
        }
    }
}

impl From<LedgerEntryPatch> for EntryChanges {
    fn from(patch: LedgerEntryPatch) -> EntryChanges {
        EntryChanges {
            contact_id: patch.contact_id,
            direction: patch.direction.map(|d| d.as_str().to_string()),
            kind: patch.kind.map(|k| k.as_str().to_string()),
            description: patch.description,
            weight: patch.weight,
            status: patch.status.map(|s| s.as_str().to_string()),
            occurred_on: patch.occurred_on,
            due_on: patch.due_on,
            interaction_id: patch.interaction_id,
            repays_id: patch.repays_id,
        }
    }
}

/// A page of ledger entries, newest first.
#[derive(Serialize, ToSchema)]
pub struct LedgerPage {
    pub items: Vec<LedgerEntry>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct LedgerListParams {
    /// Only entries with this contact.
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub contact_id: Option<String>,
    #[param(inline)]
    pub direction: Option<FavorDirection>,
    #[param(inline)]
    pub status: Option<FavorStatus>,
    #[param(inline)]
    pub kind: Option<FavorKind>,
    /// `true`: only open entries past their due date.
    pub overdue: Option<bool>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The balance of one relationship.
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq)]
pub struct Balance {
    pub contact_id: String,
    pub display_name: String,
    /// Weights of done favors you gave.
    pub given: i64,
    /// Weights of done favors you received.
    pub received: i64,
    /// `given − received`: positive, they owe you; negative, you owe them.
    pub balance: i64,
    /// Open favors you promised or were asked for.
    pub open_promises: i64,
    /// Open favors you asked for.
    pub open_asks: i64,
    #[schema(format = Date)]
    pub last_given_on: Option<String>,
    #[schema(format = Date)]
    pub last_received_on: Option<String>,
}

/// One contact's balance, with the "all take" signal.
#[derive(Serialize, ToSchema)]
pub struct ContactBalance {
    #[serde(flatten)]
    pub balance: Balance,
    /// Over the last 365 days you received favors weighing 3 or more from
    /// them and gave them nothing.
    pub takes_without_giving: bool,
}

/// A page of balances.
#[derive(Serialize, ToSchema)]
pub struct BalancePage {
    pub items: Vec<Balance>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// Whose debt a balance list shows.
#[derive(Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Owing {
    /// Who owes you.
    Me,
    /// Whom you owe.
    Them,
}

impl Owing {
    pub fn as_str(self) -> &'static str {
        match self {
            Owing::Me => "me",
            Owing::Them => "them",
        }
    }
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct BalanceParams {
    /// `them`: only negative balances, most negative first; `me`: only
    /// positive ones, most positive first. Without: everyone with an entry,
    /// lowest balance first.
    #[param(inline)]
    pub owing: Option<Owing>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Queryable, Selectable, Insertable, AsChangeset, Debug, Clone, PartialEq)]
#[diesel(table_name = le, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct EntryRow {
    pub id: String,
    pub user_id: String,
    pub contact_id: String,
    pub direction: String,
    pub kind: String,
    pub description: String,
    pub weight: i32,
    pub status: String,
    pub occurred_on: Option<String>,
    pub due_on: Option<String>,
    pub completed_on: Option<String>,
    pub interaction_id: Option<String>,
    pub repays_id: Option<String>,
    pub introduction_id: Option<String>,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub version: i32,
    /// What search looks in (`search::text::compose`), written with the row.
    pub search_text: String,
    /// Its title as search hits sort it (`search::text::key_of`).
    pub search_key: String,
}

impl EntryRow {
    /// The fields a search hit may name, with their values.
    pub fn search_fields(&self) -> Vec<(&'static str, String)> {
        vec![("description", self.description.clone())]
    }

    /// Writes what search looks in: its description (its title).
    pub fn stamp_search(&mut self) {
        self.search_text = text::compose_fields(&self.search_fields(), &["description"]);
        self.search_key = text::key_of(&self.description);
    }

    pub fn to_api(&self) -> LedgerEntry {
        LedgerEntry {
            id: self.id.clone(),
            contact_id: self.contact_id.clone(),
            direction: self.direction.clone(),
            kind: self.kind.clone(),
            description: self.description.clone(),
            weight: self.weight,
            status: self.status.clone(),
            occurred_on: self.occurred_on.clone(),
            due_on: self.due_on.clone(),
            completed_on: self.completed_on.clone(),
            interaction_id: self.interaction_id.clone(),
            repays_id: self.repays_id.clone(),
            introduction_id: self.introduction_id.clone(),
            created_at: time::rfc3339(self.created_at),
            updated_at: time::rfc3339(self.updated_at),
            version: self.version,
        }
    }

    /// A fresh entry of the user with nothing set yet.
    pub fn blank(user_id: &str) -> EntryRow {
        let now = time::now();
        EntryRow {
            id: ids::new_id(),
            user_id: user_id.to_string(),
            contact_id: String::new(),
            direction: String::new(),
            kind: String::new(),
            description: String::new(),
            weight: 1,
            status: "done".into(),
            occurred_on: None,
            due_on: None,
            completed_on: None,
            interaction_id: None,
            repays_id: None,
            introduction_id: None,
            created_at: now,
            updated_at: now,
            version: 1,
            search_text: String::new(),
            search_key: String::new(),
        }
    }
}

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
    use serde_json::json;

    #[test]
    fn a_new_entry_is_a_done_favor_of_weight_one_by_default() {
        let new = input::from_value::<LedgerEntryCreate>(
            json!({"contact_id": "c1", "direction": "given", "kind": "advice", "description": "x"}),
        )
        .expect("read");
        let c = EntryChanges::from(new);
        assert_eq!(c.status.as_deref(), Some("done"));
        assert_eq!(c.weight, Some(1));
    }

    #[test]
    fn the_enums_are_stored_as_the_api_names_them() {
        for d in DIRECTIONS {
            assert_eq!(
                serde_json::from_value::<FavorDirection>(json!(d))
                    .unwrap()
                    .as_str(),
                *d
            );
        }
        for k in KINDS {
            assert_eq!(
                serde_json::from_value::<FavorKind>(json!(k))
                    .unwrap()
                    .as_str(),
                *k
            );
        }
        for s in STATUSES {
            assert_eq!(
                serde_json::from_value::<FavorStatus>(json!(s))
                    .unwrap()
                    .as_str(),
                *s
            );
        }
    }

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
}
