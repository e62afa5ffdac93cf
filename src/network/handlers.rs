//! HTTP handlers for reach, stats, the graph, matches and suggestions.

use actix_web::{web, HttpRequest, HttpResponse};
use utoipa::IntoParams;

use super::model::{
    Graph, IntroductionSuggestionDismiss, IntroductionSuggestions, MatchIntroduce, Matches, Reach,
    Stats,
};
use super::{service, store};
use crate::auth::AuthUser;
use crate::contacts::model::tag_name;
use crate::contacts::store::ListFilter;
use crate::error::{ApiError, Problem};
use crate::http::created;
use crate::input::{self, Json};
use crate::introductions::model::Introduction;
use crate::search::text::Query;
use crate::state::AppState;
use crate::time;

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct ReachParams {
    /// Targets at this company (ignoring case).
    #[param(min_length = 1, max_length = 200)]
    pub company: Option<String>,
    /// Targets with this tag.
    #[param(
        max_length = 50,
        pattern = r"^[^/\x00-\x1f\x7f-\x9f]*[^/\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x00-\x1f\x7f-\x9f][^/\x00-\x1f\x7f-\x9f]*$"
    )]
    pub tag: Option<String>,
    /// Targets matching this text, as in the contact list.
    #[param(min_length = 1, max_length = 200)]
    pub q: Option<String>,
    /// At most this many targets, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct GraphParams {
    /// Only contacts with this tag.
    #[param(
        max_length = 50,
        pattern = r"^[^/\x00-\x1f\x7f-\x9f]*[^/\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x00-\x1f\x7f-\x9f][^/\x00-\x1f\x7f-\x9f]*$"
    )]
    pub tag: Option<String>,
    /// Only contacts at this company (ignoring case).
    #[param(max_length = 200)]
    pub company: Option<String>,
    /// At most this many nodes, 1–2000 (default 2000).
    #[param(minimum = 1, maximum = 2000)]
    pub limit: Option<i64>,
}

fn filters(q: Option<String>, tag: Option<String>, company: Option<String>) -> ListFilter {
    ListFilter {
        q: q.as_deref().and_then(Query::parse),
        tag: tag.and_then(|t| tag_name(&t).ok()),
        company,
        ..ListFilter::default()
    }
}

/// Who can introduce me?
///
/// Targets are your contacts matching every filter given (at least one of
/// `company`, `tag`, `q`). Each comes with its best path — `direct` when your
/// closeness is 3 or more, else `via` the contact related to them that
/// maximises closeness × strength / 5 — best score first, ties by name.
/// Targets with no path are left out.
#[utoipa::path(
    get, path = "/v1/network/reach", tag = "network", operation_id = "get_reach",
    params(ReachParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "Paths to the targets", body = Reach),
        crate::http::problems::List,
    )
)]
pub async fn reach(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: ReachParams = input::params(&req)?;
    // Asked by any of them, even a `q` with nothing left to look for.
    let asked = p.q.is_some() || p.tag.is_some() || p.company.is_some();
    let f = filters(p.q, p.tag, p.company);
    let limit = p.limit.unwrap_or(50);
    if !asked {
        return Err(ApiError::field(
            "company",
            "required",
            "give at least one of company, tag or q",
        ));
    }
    let (items, truncated) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(store::reach(conn, &user.id, &f, limit)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Reach { items, truncated }))
}

/// Network statistics.
#[utoipa::path(
    get, path = "/v1/network/stats", tag = "network", operation_id = "get_network_stats",
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The numbers", body = Stats),
        crate::http::problems::Read,
    )
)]
pub async fn stats(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    let now = time::now();
    let s = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(store::stats(conn, &user.id, now)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(s))
}

/// The network as a graph.
///
/// Contacts (outside the trash, by name) as nodes and the relationships
/// among them as edges, for frontends to draw.
#[utoipa::path(
    get, path = "/v1/network/graph", tag = "network", operation_id = "get_network_graph",
    params(GraphParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "Nodes and edges", body = Graph),
        crate::http::problems::List,
    )
)]
pub async fn graph(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: GraphParams = input::params(&req)?;
    let f = filters(None, p.tag, p.company);
    let limit = p.limit.unwrap_or(2000);
    let g = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(store::graph(conn, &user.id, &f, limit)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(g))
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct MatchParams {
    /// Only the matches of this need (an ask or an offer).
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub need_id: Option<String>,
    /// `true`: only matches of your own offers (whom you can help);
    /// `false`: only of your contacts' offers.
    pub offers_mine: Option<bool>,
    /// `true`: only matches of your own asks; `false`: only of your
    /// contacts' asks.
    pub asks_mine: Option<bool>,
    /// At most this many, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

/// Asks that offers can meet.
///
/// Pairs an open ask (a contact's or yours) with an open offer of someone
/// else by the tags and topic words they share (ignoring case and accents;
/// `mentors` and `mentoring` are one word), scored by how much they share,
/// how close both people are to you and how long the ask has waited, best
/// first. Needs past their `until` and of contacts in the trash are left
/// out, and so are pairs of contacts who already know each other (related,
/// or people of one introduction). Act on one with
/// `POST /v1/network/matches/introduce`.
#[utoipa::path(
    get, path = "/v1/network/matches", tag = "network", operation_id = "list_matches",
    params(MatchParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The best matches", body = Matches),
        crate::http::problems::List,
    )
)]
pub async fn matches(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: MatchParams = input::params(&req)?;
    let limit = p.limit.unwrap_or(20) as usize;
    let filter = service::MatchFilter {
        need: p.need_id.map(|id| id.to_lowercase()),
        asks_mine: p.asks_mine,
        offers_mine: p.offers_mine,
    };
    let now = time::now();
    let (items, truncated) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::matches(conn, &user.id, now, &filter, limit)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Matches { items, truncated }))
}

/// Introduce an asker to an offerer.
///
/// Proposes the introduction (you introduce the ask's contact to the
/// offer's) and links both needs to it; when the introduction is made
/// (`PATCH /v1/introductions/{id}` with `status: made`), both needs are
/// `met` by it. Both needs must be open, of two different contacts outside
/// the trash, and not yet linked to an introduction (`409`
/// `already_introduced`).
#[utoipa::path(
    post, path = "/v1/network/matches/introduce", tag = "network", operation_id = "introduce_match",
    request_body(content = MatchIntroduce, content_type = "application/json"),
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "The proposed introduction", body = Introduction,
            headers(("Location" = String, description = "Its URL"), ("ETag" = String, description = "Its version"))),
        (status = 409, description = "An introduction was already proposed for one of the needs (`already_introduced`), or a request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn introduce(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    Json(body): Json<MatchIntroduce>,
) -> Result<HttpResponse, ApiError> {
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::introduce(conn, &user.id, body)?)
        })
        .await?;
    Ok(created(
        &req,
        row.version,
        &row.to_api(),
        &format!("/v1/introductions/{}", row.id),
    ))
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct SuggestionParams {
    /// Only pairs with this contact.
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub contact_id: Option<String>,
    /// At most this many, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

/// Who should meet whom.
///
/// Pairs of contacts you know well (closeness 3 or more; the 2,000 closest)
/// who are not related and were never in one introduction, with what they
/// have in common: tags, company, location, and contacts both are close to
/// (relationship strength 3 or more). A tag, company or place more than 200
/// of them share is not counted. Scored and explained, best first; pairs
/// you dismissed never come back.
#[utoipa::path(
    get, path = "/v1/network/suggestions", tag = "network", operation_id = "list_introduction_suggestions",
    params(SuggestionParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The best pairs", body = IntroductionSuggestions),
        crate::http::problems::List,
    )
)]
pub async fn suggestions(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: SuggestionParams = input::params(&req)?;
    let limit = p.limit.unwrap_or(20) as usize;
    let contact = p.contact_id.map(|id| id.to_lowercase());
    let (items, truncated) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::suggestions(
                conn,
                &user.id,
                contact.as_deref(),
                limit,
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(IntroductionSuggestions { items, truncated }))
}

/// Never suggest this pair again.
#[utoipa::path(
    post, path = "/v1/network/suggestions/dismiss", tag = "network", operation_id = "dismiss_introduction_suggestion",
    request_body(content = IntroductionSuggestionDismiss, content_type = "application/json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 204, description = "Dismissed (dismissing a pair again changes nothing)"),
        crate::http::problems::Write,
    )
)]
pub async fn dismiss(
    state: web::Data<AppState>,
    user: AuthUser,
    Json(body): Json<IntroductionSuggestionDismiss>,
) -> Result<HttpResponse, ApiError> {
    state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::dismiss(
                conn,
                &user.id,
                &body.contact_id,
                &body.other_id,
            )?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
