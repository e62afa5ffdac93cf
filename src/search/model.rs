//! What `GET /v1/search` takes and answers.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// What a hit is.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum HitType {
    Contact,
    Interaction,
    LedgerEntry,
    Introduction,
}

impl HitType {
    pub const ALL: [HitType; 4] = [
        HitType::Contact,
        HitType::Interaction,
        HitType::LedgerEntry,
        HitType::Introduction,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HitType::Contact => "contact",
            HitType::Interaction => "interaction",
            HitType::LedgerEntry => "ledger_entry",
            HitType::Introduction => "introduction",
        }
    }

    pub fn parse(s: &str) -> Option<HitType> {
        HitType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One thing a search found.
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq)]
#[schema(example = json!({
    "type": "contact", "id": "0193a4c5-7d2e-7c1a-9f00-3b6d2c1e8a47",
    "title": "José Álvarez", "snippet": "José Álvarez", "field": "display_name"
}))]
pub struct SearchHit {
    #[serde(rename = "type")]
    pub kind: HitType,
    /// Its id: `GET` it at `/v1/contacts/{id}`, `/v1/interactions/{id}`,
    /// `/v1/ledger/{id}` or `/v1/introductions/{id}`.
    #[schema(format = "uuid")]
    pub id: String,
    /// What to show for it: a contact's display name, an interaction's
    /// summary, a ledger entry's description, the names an introduction
    /// brings together.
    #[schema(example = "José Álvarez")]
    pub title: String,
    /// The passage of `field` that matched (at most about 100 characters,
    /// on one line, `…` where it was cut).
    #[schema(example = "…met at the Lisbon meetup, works on robotics…")]
    pub snippet: String,
    /// The field the query was found in (`display_name`, `emails`,
    /// `notes`, `summary`, `description`, `note`, …).
    #[schema(example = "display_name")]
    pub field: String,
}

/// A page of search hits, best first.
#[derive(Serialize, ToSchema, Debug)]
pub struct SearchPage {
    pub items: Vec<SearchHit>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(IntoParams, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// What to find: as `q` of the contact list (ignoring case and accents,
    /// phone numbers by their digits, shorter than three characters the
    /// start of a name's word; `%`, `_` and `\` are literal).
    #[param(min_length = 1, max_length = 200, example = "lisbon")]
    pub q: String,
    /// Which kinds of things to search, comma-separated (default all):
    /// `contact`, `interaction`, `ledger_entry`, `introduction`.
    #[param(
        pattern = r"^(contact|interaction|ledger_entry|introduction)(,(contact|interaction|ledger_entry|introduction))*$",
        example = "contact,interaction"
    )]
    pub types: Option<String>,
    /// Page size, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}
