//! The agenda as the API writes it.

use serde::Serialize;
use utoipa::ToSchema;

/// Why an item is on the agenda.
#[derive(Serialize, ToSchema, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ItemType {
    /// The next touch is past due.
    Overdue,
    /// The next touch falls within the window.
    Due,
    /// An interaction asked for a follow-up, and none has happened since.
    FollowUp,
    /// A birthday falls within the window.
    Birthday,
    /// A favor you promised is due within the window, or overdue.
    PromiseDue,
    /// You owe them, and have given them nothing for 90 days.
    FavorToReturn,
    /// A favor you asked for is past its due date: a polite nudge.
    AskPending,
    /// An introduction made 30 or more days ago has no outcome yet.
    IntroductionFollowUp,
    /// A meeting with them is ahead within the window (from a captured
    /// calendar).
    MeetingUpcoming,
    /// They ask for something one of your offers meets (the five best
    /// matches).
    CanHelp,
    /// Two contacts you know well who should meet (`other_contact_id`): at
    /// most three a week, each dismissal or introduction you propose using
    /// one.
    IntroSuggestion,
    /// Their ask stands until a day within the window.
    NeedExpiring,
}

/// One thing that needs attention.
#[derive(Serialize, ToSchema, Debug, Clone)]
pub struct AgendaItem {
    #[serde(rename = "type")]
    pub type_: ItemType,
    pub contact_id: String,
    pub display_name: String,
    /// The day it concerns: the due date, the follow-up date, the birthday's
    /// next occurrence.
    #[schema(format = Date)]
    pub date: String,
    /// Whole days past `date` (for past items).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_overdue: Option<i64>,
    /// Whole days until `date` (for items today or later).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_until: Option<i64>,
    /// The reason, in plain language.
    #[schema(example = "last talked 45 days ago; you aim for every 30")]
    pub reason: String,
    /// The interaction it stems from, where one applies.
    pub interaction_id: Option<String>,
    /// The ledger entry it stems from, where one applies.
    pub ledger_entry_id: Option<String>,
    /// The introduction it stems from, where one applies.
    pub introduction_id: Option<String>,
    /// The need it stems from (`can_help`: their ask; `need_expiring`).
    pub need_id: Option<String>,
    /// The other contact of an `intro_suggestion`.
    pub other_contact_id: Option<String>,
}

/// The agenda.
#[derive(Serialize, ToSchema)]
pub struct Agenda {
    #[schema(format = DateTime)]
    pub generated_at: String,
    /// Overdue items first, most overdue (relative to cadence) first; then
    /// every other item by date.
    pub items: Vec<AgendaItem>,
    /// More items are due in the window than `limit` let through: ask with a
    /// higher `limit` (up to 500) or a shorter window.
    pub truncated: bool,
}
