//! Introductions: who introduced whom, and what it set in motion.

pub mod handlers;
pub mod queries;

use crate::http::operations::Operations;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub const STATUSES: &[&str] = &["proposed", "made", "declined"];

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IntroductionStatus {
    Proposed,
    Made,
    Declined,
}

/// An introduction: the introducer (you, when `null`) puts person A (you,
/// when `null`) in touch with person B.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct Introduction {
    pub id: String,
    /// The contact who made the introduction; `null`: you did.
    pub introducer_id: Option<String>,
    /// `null`: you were introduced.
    pub person_a_id: Option<String>,
    pub person_b_id: String,
    pub note: Option<String>,
    #[schema(value_type = IntroductionStatus)]
    pub status: String,
    /// The day it was made.
    #[schema(format = Date)]
    pub made_on: Option<String>,
    /// How it went.
    pub outcome: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
    pub version: i32,
}

/// A new introduction.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct IntroductionCreate {
    /// `null` or absent: you introduce.
    introducer_id: Option<String>,
    /// `null` or absent: you are introduced (then `introducer_id` is required).
    person_a_id: Option<String>,
    person_b_id: String,
    #[schema(max_length = 2000)]
    note: Option<String>,
    /// Default `proposed`.
    #[schema(value_type = IntroductionStatus)]
    status: Option<IntroductionStatus>,
    /// Default: today (UTC) when made.
    #[schema(format = Date)]
    made_on: Option<String>,
    #[schema(max_length = 2000)]
    outcome: Option<String>,
}

/// A JSON merge patch of an introduction.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct IntroductionPatch {
    introducer_id: Option<String>,
    person_a_id: Option<String>,
    #[schema(value_type = String)]
    person_b_id: Option<String>,
    #[schema(max_length = 2000)]
    note: Option<String>,
    #[schema(value_type = IntroductionStatus)]
    status: Option<IntroductionStatus>,
    #[schema(format = Date)]
    made_on: Option<String>,
    #[schema(max_length = 2000)]
    outcome: Option<String>,
}

/// A page of introductions, newest first.
#[derive(Serialize, ToSchema)]
pub struct IntroductionPage {
    pub items: Vec<Introduction>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct IntroductionListParams {
    #[param(inline)]
    status: Option<IntroductionStatus>,
    /// Only introductions this contact takes part in (in any role).
    contact_id: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}

/// The introductions' operations.
pub fn operations(ops: &mut Operations) {
    ops.add(handlers::__path_list, handlers::list)
        .add(handlers::__path_create, handlers::create)
        .add(handlers::__path_get, handlers::get)
        .add(handlers::__path_update, handlers::update)
        .add(handlers::__path_delete, handlers::delete);
}
