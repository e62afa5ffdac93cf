//! Needs and offers as rows, as the API shows them, and as clients send
//! them.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::needs;
use crate::input;
use crate::time::{self, Micros};

/// `ask`: someone needs something; `offer`: someone can give it.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum NeedKind {
    Ask,
    Offer,
}

impl NeedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NeedKind::Ask => "ask",
            NeedKind::Offer => "offer",
        }
    }
}

/// `open` until `met` (it was answered) or `dropped`.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum NeedStatus {
    Open,
    Met,
    Dropped,
}

impl NeedStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            NeedStatus::Open => "open",
            NeedStatus::Met => "met",
            NeedStatus::Dropped => "dropped",
        }
    }
}

/// What met a need.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MetByType {
    Introduction,
    Interaction,
    LedgerEntry,
}

impl MetByType {
    pub fn as_str(self) -> &'static str {
        match self {
            MetByType::Introduction => "introduction",
            MetByType::Interaction => "interaction",
            MetByType::LedgerEntry => "ledger_entry",
        }
    }
}

/// The introduction, interaction or favor that met a need.
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"type": "introduction", "id": "01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f"}))]
pub struct MetBy {
    #[serde(rename = "type")]
    pub type_: MetByType,
    #[schema(max_length = 64, example = "01936f4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f")]
    pub id: String,
}

/// Something a person in your network (or you) needs or can give.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct Need {
    pub id: String,
    /// Whose it is; `null`: yours.
    pub contact_id: Option<String>,
    pub kind: NeedKind,
    #[schema(example = "a mentor in product management")]
    pub topic: String,
    /// Lower-case tags, each once.
    #[schema(example = json!(["product", "mentoring"]))]
    pub tags: Vec<String>,
    pub description: Option<String>,
    /// The last day it stands (an ask that expires).
    #[schema(format = Date, example = "2027-03-31")]
    pub until: Option<String>,
    pub status: NeedStatus,
    pub met_by: Option<MetBy>,
    /// When it was met; `null` unless `met`.
    #[schema(format = DateTime)]
    pub met_at: Option<String>,
    /// Read-only: the introduction proposed to meet it
    /// (`POST /v1/network/matches/introduce`); making that introduction
    /// marks the need met.
    pub introduction_id: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
    pub version: i32,
}

#[derive(Serialize, ToSchema)]
pub struct NeedPage {
    pub items: Vec<Need>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// The most tags a need carries.
pub const MAX_TAGS: usize = 20;

/// A new need or offer.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NeedCreate {
    /// A contact of yours; `null` or absent: your own.
    #[serde(default)]
    #[schema(max_length = 64)]
    pub contact_id: Option<String>,
    pub kind: NeedKind,
    #[serde(deserialize_with = "input::trimmed")]
    #[schema(
        min_length = 1,
        max_length = 200,
        example = "a mentor in product management"
    )]
    pub topic: String,
    /// Tags of 1–50 characters (no `/`), at most 20; stored in lower case,
    /// each once.
    #[serde(default)]
    #[schema(value_type = Option<Vec<crate::tags::model::TagName>>, max_items = 20)]
    pub tags: Option<Vec<String>>,
    #[serde(default, deserialize_with = "input::opt_trimmed")]
    #[schema(
        max_length = 2000,
        example = "Moving from engineering; an hour a month would do"
    )]
    pub description: Option<String>,
    /// The last day it stands; today or later.
    #[serde(default)]
    #[schema(format = Date, example = "2027-03-31")]
    pub until: Option<String>,
}

/// A JSON merge patch of a need: an absent field is kept; `null` clears
/// `description`, `until` and `met_by`. `met_by` goes with `status: met`.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct NeedPatch {
    #[serde(default, deserialize_with = "input::some_trimmed")]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub topic: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<Vec<crate::tags::model::TagName>>, max_items = 20, nullable = false)]
    pub tags: Option<Vec<String>>,
    #[serde(default, deserialize_with = "input::patch_text")]
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<String>, format = Date)]
    pub until: Option<Option<String>>,
    #[serde(default)]
    #[schema(nullable = false)]
    pub status: Option<NeedStatus>,
    #[serde(default, deserialize_with = "input::patch")]
    #[schema(value_type = Option<MetBy>)]
    pub met_by: Option<Option<MetBy>>,
}

/// `until`, when given, is a day from today on.
fn check_until(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
    let until = body["until"]
        .as_str()
        .and_then(|d| input::parse_date(d).ok());
    if until.is_some_and(|d| d < time::today()) {
        errors.push(crate::error::FieldError::new(
            "until",
            "out_of_range",
            "must be today or later",
        ));
    }
}

impl input::Rules for NeedCreate {
    fn check(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
        check_until(body, errors);
    }
}

impl input::Rules for NeedPatch {
    fn check(body: &serde_json::Value, errors: &mut Vec<crate::error::FieldError>) {
        check_until(body, errors);
    }
}

/// The list's filters.
#[derive(IntoParams, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct NeedParams {
    /// Only this contact's.
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub contact_id: Option<String>,
    /// `true`: only your own; `false`: only your contacts'.
    pub mine: Option<bool>,
    #[param(inline)]
    pub kind: Option<NeedKind>,
    #[param(inline)]
    pub status: Option<NeedStatus>,
    /// Only those with this tag.
    #[param(max_length = 50)]
    pub tag: Option<String>,
    /// Words in the topic, description or tags, ignoring case and accents.
    #[param(min_length = 1, max_length = 200)]
    pub q: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone, PartialEq)]
#[diesel(table_name = needs, treat_none_as_default_value = false)]
pub struct NeedRow {
    pub id: String,
    pub user_id: String,
    pub contact_id: Option<String>,
    pub kind: String,
    pub topic: String,
    /// JSON list.
    pub tags: String,
    pub description: Option<String>,
    pub until_on: Option<String>,
    pub status: String,
    pub met_by_type: Option<String>,
    pub met_by_id: Option<String>,
    pub search_text: String,
    pub created_at: Micros,
    pub updated_at: Micros,
    pub version: i32,
    /// What it matches by (`keys::of`), space-separated.
    pub match_keys: String,
    /// The introduction proposed to meet it.
    pub introduction_id: Option<String>,
    pub met_at: Option<Micros>,
}

impl NeedRow {
    pub fn tags(&self) -> Vec<String> {
        serde_json::from_str(&self.tags).unwrap_or_default()
    }

    pub fn is_offer(&self) -> bool {
        self.kind == NeedKind::Offer.as_str()
    }

    pub fn to_api(&self) -> Need {
        Need {
            id: self.id.clone(),
            contact_id: self.contact_id.clone(),
            kind: if self.kind == "offer" {
                NeedKind::Offer
            } else {
                NeedKind::Ask
            },
            topic: self.topic.clone(),
            tags: self.tags(),
            description: self.description.clone(),
            until: self.until_on.clone(),
            status: match self.status.as_str() {
                "met" => NeedStatus::Met,
                "dropped" => NeedStatus::Dropped,
                _ => NeedStatus::Open,
            },
            met_by: match (&self.met_by_type, &self.met_by_id) {
                (Some(t), Some(id)) => Some(MetBy {
                    type_: match t.as_str() {
                        "introduction" => MetByType::Introduction,
                        "interaction" => MetByType::Interaction,
                        _ => MetByType::LedgerEntry,
                    },
                    id: id.clone(),
                }),
                _ => None,
            },
            met_at: self.met_at.map(time::rfc3339),
            introduction_id: self.introduction_id.clone(),
            created_at: time::rfc3339(self.created_at),
            updated_at: time::rfc3339(self.updated_at),
            version: self.version,
        }
    }
}
