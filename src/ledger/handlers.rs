//! HTTP handlers for the ledger and balances.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::balances;
use super::model::{
    BalancePage, BalanceParams, ContactBalance, EntryRow, LedgerEntry, LedgerEntryCreate,
    LedgerEntryPatch, LedgerListParams, LedgerPage,
};
use super::service;
use super::store::ListFilter;
use crate::auth::AuthUser;
use crate::contacts::service as contact_service;
use crate::error::{ApiError, Problem};
use crate::http::fields;
use crate::http::PageParams;
use crate::http::DEFAULT_LIMIT;
use crate::http::{created, cursor_after, encode_cursor, position, versioned, IfMatch};
use crate::input::{self, Json};
use crate::state::AppState;
use crate::time;

/// Record a favor.
///
/// `open` + `given`: you promised (or were asked); `open` + `received`: you
/// asked and are waiting; `done`: delivered (the default).
#[utoipa::path(
    post, path = "/v1/ledger", tag = "ledger", operation_id = "create_ledger_entry",
    request_body(content = super::model::LedgerEntryCreate, content_type = "application/json"),
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "Recorded", body = LedgerEntry,
            headers(("Location" = String, description = "Its URL"), ("ETag" = String, description = "Its version")),
            links(
                ("get" = (operation_id = "get_ledger_entry", parameters(("id" = "$response.body#/id")))),
                ("update" = (operation_id = "update_ledger_entry", parameters(("id" = "$response.body#/id")))),
                ("delete" = (operation_id = "delete_ledger_entry", parameters(("id" = "$response.body#/id")))),
            )),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    Json(new): Json<LedgerEntryCreate>,
) -> Result<HttpResponse, ApiError> {
    let changes = new.into();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::create(conn, &user.id, changes)?)
        })
        .await?;
    Ok(created(
        &req,
        row.version,
        &row.to_api(),
        &format!("/v1/ledger/{}", row.id),
    ))
}

/// Get a ledger entry.
#[utoipa::path(
    get, path = "/v1/ledger/{id}", tag = "ledger", operation_id = "get_ledger_entry",
    params(
        ("id" = String, Path, description = "Entry id"),
        crate::http::fields::FieldsParam,
        ("If-None-Match" = Option<String>, Header, description = "An ETag you hold: `304` when it is current."),
    ),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The entry", body = LedgerEntry, headers(("ETag" = String, description = "Its version"))),
        (status = 304, description = "Not modified since the ETag you hold"),
        crate::http::problems::ReadOneWith,
    )
)]
pub async fn get(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (fields, _) = fields::split::<LedgerEntry>(&req)?;
    let id = id.into_inner();
    let row = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::get(conn, &user.id, &id)?)
        })
        .await?;
    fields::versioned(&req, fields.as_ref(), row.version, &row.to_api())
}

/// Update a ledger entry (JSON merge patch).
///
/// Status moves: open → done, declined or cancelled; done → cancelled.
/// Moving to done sets `completed_on` to today (UTC).
#[utoipa::path(
    patch, path = "/v1/ledger/{id}", tag = "ledger", operation_id = "update_ledger_entry",
    params(
        ("id" = String, Path, description = "Entry id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold: the update only applies to that version."),
    ),
    request_body(content = super::model::LedgerEntryPatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The updated entry", body = LedgerEntry, headers(("ETag" = String, description = "Its new version"))),
        crate::http::problems::WriteVersioned,
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
    Json(patch): Json<LedgerEntryPatch>,
) -> Result<HttpResponse, ApiError> {
    let changes = patch.into();
    let expected = IfMatch::from_request(&req).expected();
    let id = id.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::update(conn, &user.id, &id, &expected, changes)?)
        })
        .await?;
    Ok(versioned(&req, StatusCode::OK, row.version, &row.to_api()))
}

/// Delete a ledger entry.
///
/// Entries that repaid it repay nothing; a need it met is open again.
#[utoipa::path(
    delete, path = "/v1/ledger/{id}", tag = "ledger", operation_id = "delete_ledger_entry",
    params(
        ("id" = String, Path, description = "Entry id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold."),
    ),
    security(("bearer" = ["write"])),
    responses(
        (status = 204, description = "Deleted"),
        crate::http::problems::ActVersioned,
    )
)]
pub async fn delete(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let expected = IfMatch::from_request(&req).expected();
    let id = id.into_inner();
    state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::delete(conn, &user.id, &id, &expected)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The entries' one order: newest first.
const SORT: &str = "-created_at";

fn page(
    rows: Vec<EntryRow>,
    more: bool,
    fields: Option<fields::Fields>,
) -> Result<HttpResponse, ApiError> {
    let next_cursor = cursor_after(&rows, more, |last| {
        encode_cursor(SORT, last.created_at, &last.id)
    });
    let page = LedgerPage {
        items: rows.iter().map(|r| r.to_api()).collect(),
        next_cursor,
    };
    fields::page(fields.as_ref(), &page)
}

/// List ledger entries, newest first.
#[utoipa::path(
    get, path = "/v1/ledger", tag = "ledger", operation_id = "list_ledger_entries",
    params(LedgerListParams, crate::http::fields::FieldsParam),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of entries", body = LedgerPage),
        crate::http::problems::List,
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (fields, query) = fields::split::<LedgerEntry>(&req)?;
    let p: LedgerListParams = input::params_of(&query)?;
    let (limit, cursor) = (p.limit.unwrap_or(DEFAULT_LIMIT), p.cursor);
    let filter = ListFilter {
        contact_id: p.contact_id,
        direction: p.direction.map(|d| d.as_str().to_string()),
        status: p.status.map(|s| s.as_str().to_string()),
        kind: p.kind.map(|k| k.as_str().to_string()),
        overdue_before: p.overdue.filter(|o| *o).map(|_| time::today().to_string()),
    };
    let after = position(cursor.as_deref(), SORT)?;
    let (rows, more) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::list(conn, &user.id, &filter, limit, after)?)
        })
        .await?;
    page(rows, more, fields)
}

/// List a contact's ledger entries, newest first.
#[utoipa::path(
    get, path = "/v1/contacts/{id}/ledger", tag = "ledger", operation_id = "list_contact_ledger_entries",
    params(("id" = String, Path, description = "Contact id"), PageParams, crate::http::fields::FieldsParam),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of entries", body = LedgerPage),
        crate::http::problems::ListOf,
    )
)]
pub async fn list_for_contact(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (fields, query) = fields::split::<LedgerEntry>(&req)?;
    let PageParams { limit, cursor } = input::params_of(&query)?;
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    let after = position(cursor.as_deref(), SORT)?;
    let contact_id = id.into_inner();
    let (rows, more) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            contact_service::get(conn, &user.id, &contact_id)?;
            let filter = ListFilter {
                contact_id: Some(contact_id),
                ..ListFilter::default()
            };
            Ok(service::list(conn, &user.id, &filter, limit, after)?)
        })
        .await?;
    page(rows, more, fields)
}

/// Balances per contact.
///
/// `owing=them`: whom you owe, most first; `owing=me`: who owes you, most
/// first; without: everyone with an entry, lowest balance first.
#[utoipa::path(
    get, path = "/v1/ledger/balances", tag = "ledger", operation_id = "list_balances",
    params(BalanceParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of balances", body = BalancePage),
        crate::http::problems::List,
    )
)]
pub async fn list_balances(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: BalanceParams = input::params(&req)?;
    let (limit, cursor) = (p.limit.unwrap_or(DEFAULT_LIMIT), p.cursor);
    let owing = p.owing.map(|o| o.as_str().to_string());
    let sort = owing.clone().unwrap_or_else(|| "all".into());
    let after = position(cursor.as_deref(), &sort)?;
    let (items, more) = state
        .db
        .read_owned(user.id.clone(), move |conn| {
            let page = balances::page(conn, &user.id, owing.as_deref(), limit, after)?;
            let found = !page.0.is_empty();
            Ok((page, found))
        })
        .await?;
    let next_cursor = cursor_after(&items, more, |last| {
        encode_cursor(&sort, last.balance as i32, &last.contact_id)
    });
    Ok(HttpResponse::Ok().json(BalancePage { items, next_cursor }))
}

/// One contact's balance.
///
/// With `takes_without_giving`: over the last 365 days they did favors for
/// you weighing 3 or more, and you did nothing for them.
#[utoipa::path(
    get, path = "/v1/contacts/{id}/balance", tag = "ledger", operation_id = "get_contact_balance",
    params(("id" = String, Path, description = "Contact id")),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The balance", body = ContactBalance),
        crate::http::problems::ReadOne,
    )
)]
pub async fn contact_balance(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let today = time::today();
    let b = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(balances::for_contact(conn, &user.id, &id, today)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(b))
}
