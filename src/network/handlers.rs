//! HTTP handlers for reach, stats and the graph.

use actix_web::{web, HttpRequest, HttpResponse};
use utoipa::IntoParams;

use super::model::{Graph, Reach, Stats};
use super::store;
use crate::auth::AuthUser;
use crate::contacts::model::tag_name;
use crate::contacts::store::ListFilter;
use crate::error::ApiError;
use crate::input;
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
