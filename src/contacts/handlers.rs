//! HTTP handlers for contacts.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use std::ops::ControlFlow;
use std::sync::Arc;

use serde_json::Value;
use utoipa::IntoParams;

use super::kept;
use super::model::{
    tag_name, BatchReport, Contact, ContactBatch, ContactBatchItem, ContactChanges, ContactCreate,
    ContactListParams, ContactPage, ContactPatch, DuplicatePage, DuplicateReason,
};
use super::read_model::{self, ContactBrief, ContactJson, ContactName, Keys, Short};
use super::service;
use super::store::ShortRow;
use super::store::{After, Archived, ListFilter, Ranked, Sort, SortKey, RELEVANCE};
use crate::auth::AuthUser;
use crate::error::{ApiError, Problem};
use crate::http::fields;
use crate::http::DEFAULT_LIMIT;
use crate::http::{created, cursor_after, decode_cursor, encode_cursor, versioned, IfMatch};
use crate::input::{self, Json};
use crate::search::text::Query;
use crate::state::AppState;

/// Create a contact.
#[utoipa::path(
    post, path = "/v1/contacts", tag = "contacts", operation_id = "create_contact",
    request_body(content = ContactCreate, content_type = "application/json"),
    params(crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 201, description = "Created", body = Contact,
            headers(("Location" = String, description = "The new contact's URL"), ("ETag" = String, description = "Its version")),
            links(
                ("get" = (operation_id = "get_contact", parameters(("id" = "$response.body#/id")))),
                ("update" = (operation_id = "update_contact", parameters(("id" = "$response.body#/id")))),
                ("delete" = (operation_id = "delete_contact", parameters(("id" = "$response.body#/id")))),
            )),
        (status = 409, description = "A request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    Json(new): Json<ContactCreate>,
) -> Result<HttpResponse, ApiError> {
    let changes = ContactChanges::from(new);
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
        &format!("/v1/contacts/{}", row.id),
    ))
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct BatchParams {
    /// `true`: all or nothing; one failed item fails the batch and nothing
    /// is written: a `422` naming each failed item
    /// (`items[3].contact.display_name`), or a `409` when every failed item
    /// conflicts with a contact you have (an external id it holds).
    pub atomic: Option<bool>,
}

/// Create or update up to 500 contacts.
///
/// Each item is a contact as a create takes it, with an optional `match`:
/// `email` or `phone` updates the contact (not in the trash) that has one of
/// the item's emails or phone numbers, an external id `source:value` the
/// contact that holds it; without a match, or when none is found, the item
/// is created (holding the external id it was matched by). An update sets
/// the fields the item gives and keeps the others, and merges external ids.
/// A body that breaks the schema is a `422` naming each field
/// (`items[3].contact.emails[0].address`) and writes nothing. Otherwise
/// items are applied in order, each on its own: an item that breaks a rule
/// the schema cannot state (a birthday in the future, a `met_via` that is
/// not yours, an external id another contact holds) fails with its problem
/// and the others go in, unless `atomic=true`.
#[utoipa::path(
    post, path = "/v1/contacts/batch", tag = "contacts", operation_id = "batch_contacts",
    request_body(content = ContactBatch, content_type = "application/json",
        example = json!({"items": [
            {"match": "crm:42", "contact": {"display_name": "Ana Lima", "company": "Initech"}},
            {"match": "email", "contact": {"display_name": "Ben Ode", "emails": [{"address": "ben@example.com"}]}}
        ]})),
    params(BatchParams, crate::http::idempotency::IdempotencyKey),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "What became of each item", body = BatchReport,
            example = json!({"created": 1, "updated": 0, "unchanged": 1, "failed": 0, "items": [
                {"index": 0, "status": "created", "id": "01a2b3c4-0000-7000-8000-000000000001", "error": null},
                {"index": 1, "status": "unchanged", "id": "01a2b3c4-0000-7000-8000-000000000002", "error": null}
            ]})),
        (status = 409, description = "With `atomic`, an item conflicts with a contact you have (`batch_conflict`); or a request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Write,
    )
)]
pub async fn batch(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    body: input::JsonBody,
) -> Result<HttpResponse, ApiError> {
    let p: BatchParams = input::params(&req)?;
    let body = body.into_inner();
    // What the schema says is checked for the whole batch (a client's
    // mistake: nothing is written); the rules it cannot say fail an item
    // alone (`batch_item`).
    let errors = input::schema::Schema::of::<ContactBatch>().check(&body);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let items = batch_items(body)?.into_iter().map(batch_item).collect();
    let atomic = p.atomic.unwrap_or(false);
    let report = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::batch(conn, &user.id, items, atomic)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(report))
}

/// The items of a batch body the schema has checked (an object whose
/// `items` are 1–`MAX_BATCH` objects), but for a field the schema does not
/// name.
fn batch_items(body: Value) -> Result<Vec<Value>, ApiError> {
    let Value::Object(mut fields) = body else {
        return Ok(Vec::new());
    };
    if let Some(other) = fields.keys().find(|k| *k != "items") {
        return Err(ApiError::field(other, "unknown_field", "no such field"));
    }
    match fields.remove("items") {
        Some(Value::Array(items)) => Ok(items),
        _ => Ok(Vec::new()),
    }
}

/// One batch item: its `match` and its contact's create and update
/// (`ContactChanges::upsert_of`), read with the item's rules.
fn batch_item(value: Value) -> Result<service::BatchItem, ApiError> {
    let contact = value.get("contact").cloned().unwrap_or(Value::Null);
    let item: ContactBatchItem = input::from_value(value)?;
    let (create, update) = ContactChanges::upsert_of(contact).map_err(|mut e| {
        for f in &mut e.errors {
            f.field = format!("contact.{}", f.field);
        }
        e
    })?;
    Ok(service::BatchItem {
        match_: item.match_.as_deref().map(service::Match::parse),
        create,
        update,
    })
}

/// List likely duplicates.
///
/// Groups of two or more of your contacts (not in the trash) that share an
/// email (ignoring case), a phone number (by its digits), a name and a
/// company (ignoring case), or a web address among their links (such as a
/// LinkedIn profile, without scheme, `www.`, query or trailing `/`), by
/// reason, then what they share. `POST /v1/contacts/{id}/merge` makes a
/// group one contact.
#[utoipa::path(
    get, path = "/v1/contacts/duplicates", tag = "contacts", operation_id = "list_duplicates",
    params(crate::http::PageParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of duplicate groups", body = DuplicatePage,
            example = json!({"items": [{"reason": "email", "key": "ana@example.com", "contacts": [
                {"id": "01a2b3c4-0000-7000-8000-000000000001", "display_name": "Ana Lima"},
                {"id": "01a2b3c4-0000-7000-8000-000000000002", "display_name": "Ana M. Lima"}]}],
                "next_cursor": null})),
        crate::http::problems::List,
    )
)]
pub async fn duplicates(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    const SORT: &str = "duplicates";
    let crate::http::PageParams { limit, cursor } = input::params(&req)?;
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    let after = match cursor {
        Some(c) => {
            let (reason, key) = decode_cursor::<DuplicateReason>(&c, SORT)?;
            Some((reason, key))
        }
        None => None,
    };
    let (items, more) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::duplicates(conn, &user.id, after, limit)?)
        })
        .await?;
    let next_cursor = cursor_after(&items, more, |last| {
        encode_cursor(SORT, last.reason, &last.key)
    });
    Ok(HttpResponse::Ok().json(DuplicatePage { items, next_cursor }))
}

/// Get a contact.
///
/// Trashed contacts stay readable, with `trashed_at` set.
#[utoipa::path(
    get, path = "/v1/contacts/{id}", tag = "contacts", operation_id = "get_contact",
    params(
        ("id" = String, Path, description = "Contact id"),
        crate::http::fields::FieldsParam,
        ("If-None-Match" = Option<String>, Header, description = "An ETag you hold: `304` when it is current."),
    ),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The contact", body = Contact, headers(("ETag" = String, description = "Its version"))),
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
    let (fields, _) = fields::split::<Contact>(&req)?;
    let id = id.into_inner();
    let (version, json) = state.db.lookup_as(&read_model::BY_ID, user.id, id).await?;
    fields::versioned_json(&req, fields.as_ref(), version, json.into_bytes())
}

/// Update a contact (JSON merge patch).
///
/// An absent field is kept, `null` clears it. Accepts `application/json` and
/// `application/merge-patch+json`. With `If-Match`, a stale version is a `412`.
#[utoipa::path(
    patch, path = "/v1/contacts/{id}", tag = "contacts", operation_id = "update_contact",
    params(
        ("id" = String, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold: the update only applies to that version."),
    ),
    request_body(content = ContactPatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The updated contact", body = Contact, headers(("ETag" = String, description = "Its new version"))),
        (status = 409, description = "The contact is in the trash (`contact_trashed`)", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::WriteVersioned,
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
    Json(patch): Json<ContactPatch>,
) -> Result<HttpResponse, ApiError> {
    let changes = ContactChanges::from(patch);
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

/// Move a contact to the trash.
///
/// It stays readable by id and can be restored. Its change-feed entry is a `delete`.
#[utoipa::path(
    delete, path = "/v1/contacts/{id}", tag = "contacts", operation_id = "delete_contact",
    params(
        ("id" = String, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold."),
    ),
    security(("bearer" = ["write"])),
    responses(
        (status = 204, description = "In the trash"),
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
            Ok(service::trash(conn, &user.id, &id, &expected)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Restore a contact from the trash.
#[utoipa::path(
    post, path = "/v1/contacts/{id}/restore", tag = "contacts", operation_id = "restore_contact",
    params(
        ("id" = String, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold."),
        crate::http::idempotency::IdempotencyKey,
    ),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The restored contact", body = Contact, headers(("ETag" = String, description = "Its version"))),
        (status = 409, description = "The contact was merged into another (`contact_merged`), or a request with this Idempotency-Key is in progress", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused with another request", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::ActVersioned,
    )
)]
pub async fn restore(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let expected = IfMatch::from_request(&req).expected();
    let id = id.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::restore(conn, &user.id, &id, &expected)?)
        })
        .await?;
    Ok(versioned(&req, StatusCode::OK, row.version, &row.to_api()))
}

/// List contacts.
///
/// Leaves archived and trashed contacts out unless asked. Keyset-paginated:
/// paging while others insert never repeats or skips a contact.
#[utoipa::path(
    get, path = "/v1/contacts", tag = "contacts", operation_id = "list_contacts",
    params(ContactListParams, crate::http::fields::FieldsParam),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "A page of contacts", body = ContactPage),
        crate::http::problems::List,
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (fields, query) = fields::split::<Contact>(&req)?;
    let p: ContactListParams = input::params_of(&query)?;
    let (limit, cursor) = (p.limit.unwrap_or(DEFAULT_LIMIT), p.cursor);
    let q = p.q.as_deref().and_then(Query::parse);
    // A search without `sort` is ranked.
    let sort = match (p.sort, &q) {
        (Some(s), _) => Sort::parse(s.as_str()),
        (None, Some(_)) => Sort::parse(RELEVANCE),
        (None, None) => Sort::parse("name"),
    };
    let filter = ListFilter {
        q,
        tag: p.tag.and_then(|t| tag_name(&t).ok()),
        company: p.company,
        email: p.email,
        phone: p.phone,
        external_id: p.external_id,
        archived: match p.archived {
            Some(true) => Archived::Only,
            _ => Archived::Excluded,
        },
        trashed: p.trashed.unwrap_or(false),
        due_by: p.due.filter(|d| *d).map(|_| crate::time::now()),
        due_before: p
            .due_before
            .and_then(|d| input::parse_date(&d).ok())
            .map(crate::time::start_of),
    };
    let after = position(&sort, cursor)?;
    // A search's pages are kept (`kept`); a list as of now is not.
    let budget = state.settings.search_pages_kib << 10;
    let kept = (filter.q.is_some() && filter.due_by.is_none() && budget > 0).then(|| KeptAs {
        query: req.query_string().to_owned(),
        budget,
        pages: None,
    });
    let list = List {
        user_id: user.id.clone(),
        filter,
        sort,
        limit,
        after,
        fields,
        kept,
    };
    // A page by a sort key, and a search's name ranks, are planned once; a
    // search's last rank (the query inside a word) for what is searched for.
    let first = move |conn: &mut crate::db::DbConn| list.first(conn);
    let then = |conn: &mut crate::db::DbConn, (list, named): (List, Ranked)| list.rest(conn, named);
    let body = state.db.read_in_two(user.id, first, then).await?;
    Ok(crate::http::json_response(body))
}

/// A page as JSON, and whether it holds any contact.
type Written = kept::Page;

/// A page of contacts to read (`list`).
struct List {
    user_id: String,
    filter: ListFilter,
    sort: Sort,
    limit: i64,
    after: Option<After>,
    fields: Option<fields::Fields>,
    kept: Option<KeptAs>,
}

/// Where a search's page is kept: under its query string, among the pages
/// of the user's feed position read before the search.
struct KeptAs {
    query: String,
    /// The bytes of pages a position keeps.
    budget: usize,
    pages: Option<Arc<kept::Pages>>,
}

impl List {
    /// The page as JSON and whether it holds any contact; or, for a search
    /// whose name ranks left it short, their rows, for `list_rest`.
    fn first(
        mut self,
        conn: &mut crate::db::DbConn,
    ) -> Result<ControlFlow<Written, (List, Ranked)>, ApiError> {
        if let Some(kept) = &mut self.kept {
            kept.pages = kept::Pages::now(conn, &self.user_id)?;
            if let Some(page) = kept.pages.as_ref().and_then(|p| p.find(&kept.query)) {
                return Ok(ControlFlow::Break(page));
            }
        }
        let List {
            user_id,
            filter,
            sort,
            limit,
            after,
            fields,
            kept: _,
        } = &self;
        let after = after.as_ref();
        // Only short fields, by a sort key: read from their columns.
        if let Some(f) = fields.as_ref().filter(|_| filter.q.is_none()) {
            if f.within(ContactName::FIELDS) {
                let page =
                    short_page::<ContactName>(conn, user_id, filter, sort, *limit, after, f)?;
                return Ok(ControlFlow::Break(page));
            }
            if f.within(ContactBrief::FIELDS) {
                let page =
                    short_page::<ContactBrief>(conn, user_id, filter, sort, *limit, after, f)?;
                return Ok(ControlFlow::Break(page));
            }
        }
        Ok(
            match service::list(conn, user_id, filter, sort, *limit, after)? {
                ControlFlow::Break(rows) => ControlFlow::Break(self.json(rows)?),
                ControlFlow::Continue(named) => ControlFlow::Continue((self, named)),
            },
        )
    }

    /// The page of a search after its name ranks' rows (`named`).
    fn rest(&self, conn: &mut crate::db::DbConn, named: Ranked) -> Result<Written, ApiError> {
        let (user_id, after) = (&self.user_id, self.after.as_ref());
        let rows = service::list_rest(conn, user_id, &self.filter, self.limit, after, named)?;
        self.json(rows)
    }

    /// A page's rows as JSON, written where they were read (only the bytes
    /// cross to the worker thread), and whether it holds any contact.
    fn json(&self, (rows, more, last_rank): service::PageRows) -> Result<Written, ApiError> {
        let sort = &self.sort;
        let next_cursor = cursor_after(&rows, more, |last| next(sort, last.keys(), last_rank));
        let page = match &self.fields {
            None => read_model::page_json(&rows, next_cursor.as_deref()),
            Some(f) => sparse_page(f, &rows, next_cursor.as_deref())?,
        };
        let page = (page.into(), !rows.is_empty());
        if let Some(KeptAs {
            query,
            budget,
            pages: Some(pages),
        }) = &self.kept
        {
            pages.keep(query, &page, *budget);
        }
        Ok(page)
    }
}

/// A page of contacts with only the fields asked for, each contact's stored
/// JSON read once (on the database thread, like the full page).
fn sparse_page(
    fields: &fields::Fields,
    rows: &[ContactJson],
    next_cursor: Option<&str>,
) -> Result<Vec<u8>, ApiError> {
    let mut out = Vec::with_capacity(rows.len() * 128 + 64);
    out.extend_from_slice(b"{\"items\":[");
    for (i, json) in rows.iter().filter_map(ContactJson::json).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        fields.write_object(json.as_bytes(), &mut out)?;
    }
    out.extend_from_slice(b"],\"next_cursor\":");
    crate::json::opt_str(&mut out, next_cursor);
    out.push(b'}');
    Ok(out)
}

/// A page of contacts read as rows of short fields (see `Short`), with
/// only the fields asked for; and whether it found any.
fn short_page<R: ShortRow>(
    conn: &mut crate::db::DbConn,
    user_id: &str,
    filter: &ListFilter,
    sort: &Sort,
    limit: i64,
    after: Option<&After>,
    fields: &fields::Fields,
) -> Result<Written, ApiError> {
    let (rows, more) = service::list_short::<R>(conn, user_id, filter, sort, limit, after)?;
    let next_cursor = cursor_after(&rows, more, |last| next(sort, last.keys(), 0));
    let mut out = Vec::with_capacity(rows.len() * 96 + 64);
    out.extend_from_slice(b"{\"items\":[");
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        row.write_json(&|name| fields.has(name), &mut out);
    }
    out.extend_from_slice(b"],\"next_cursor\":");
    crate::json::opt_str(&mut out, next_cursor.as_deref());
    out.push(b'}');
    Ok((out.into(), !rows.is_empty()))
}

/// Where a page starts: after the row its cursor names, in `sort`.
fn position(sort: &Sort, cursor: Option<String>) -> Result<Option<After>, ApiError> {
    let Some(c) = cursor else {
        return Ok(None);
    };
    Ok(Some(match sort.key {
        SortKey::Name => {
            let (k, id) = decode_cursor(&c, &sort.name)?;
            After::Name(k, id)
        }
        SortKey::CreatedAt | SortKey::UpdatedAt => {
            let (k, id) = decode_cursor(&c, &sort.name)?;
            After::Instant(k, id)
        }
        SortKey::LastInteractionAt | SortKey::NextDueAt => {
            let (k, id) = decode_cursor(&c, &sort.name)?;
            After::Nullable(k, id)
        }
        SortKey::Relevance => {
            let ((rank, k), id) = decode_cursor(&c, &sort.name)?;
            After::Ranked(rank, k, id)
        }
    }))
}

/// The cursor of the page that follows `last` (of rank `rank`).
fn next(sort: &Sort, last: Keys, rank: i32) -> String {
    match sort.key {
        SortKey::Name => encode_cursor(&sort.name, last.name_key, last.id),
        SortKey::CreatedAt => encode_cursor(&sort.name, last.created_at, last.id),
        SortKey::UpdatedAt => encode_cursor(&sort.name, last.updated_at, last.id),
        SortKey::LastInteractionAt => encode_cursor(&sort.name, last.last_interaction_at, last.id),
        SortKey::NextDueAt => encode_cursor(&sort.name, last.next_due_at, last.id),
        SortKey::Relevance => encode_cursor(&sort.name, (rank, last.name_key), last.id),
    }
}
