//! HTTP handlers for search across everything.

use actix_web::{web, HttpRequest, HttpResponse};

use super::model::{HitType, SearchPage, SearchParams};
use super::service::{self, After};
use super::text::Query;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::http::{decode_cursor, encode_cursor};
use crate::input;
use crate::state::AppState;

/// Search everything.
///
/// Contacts (every field the contact list's `q` looks in; not those in the
/// trash), interaction summaries and notes, ledger entries' descriptions
/// and introductions' notes. Best matches first: a name or title equal to
/// `q`, then one that begins with it, then a word of any field that begins
/// with it, then `q` anywhere; ties by title. Each hit names the field it
/// was found in, with the passage. Paged with a cursor.
#[utoipa::path(
    get, path = "/v1/search", tag = "search", operation_id = "search",
    params(SearchParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of hits, best first", body = SearchPage),
        crate::http::problems::List,
    )
)]
pub async fn search(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: SearchParams = input::params(&req)?;
    // A `q` of only accents or control characters looks for nothing.
    let Some(q) = Query::parse(&p.q) else {
        let nothing = SearchPage {
            items: Vec::new(),
            next_cursor: None,
        };
        return Ok(HttpResponse::Ok().json(nothing));
    };
    let mut types: Vec<HitType> = match &p.types {
        Some(t) => t.split(',').filter_map(HitType::parse).collect(),
        None => HitType::ALL.to_vec(),
    };
    types.sort();
    types.dedup();
    let limit = p.limit.unwrap_or(20);
    // A cursor belongs to one query over the same types.
    let list = format!(
        "search {}",
        &crate::ids::sha256_hex(format!("{q:?} {types:?}").as_bytes())[..16]
    );
    let after: Option<After> = match &p.cursor {
        Some(c) => {
            let ((rank, key, kind), id) = decode_cursor(c, &list)?;
            Some((rank, key, kind, id))
        }
        None => None,
    };
    let page = state
        .db
        .read_found(user.id.clone(), move |conn| {
            let (items, next) = service::search(conn, &user.id, &q, &types, limit, after.as_ref())?;
            let next_cursor =
                next.map(|(rank, key, kind, id)| encode_cursor(&list, (rank, key, kind), &id));
            let found = !items.is_empty();
            Ok((SearchPage { items, next_cursor }, found))
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}
