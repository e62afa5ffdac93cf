//! HTTP handlers for vCard exports.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

use super::vcard::{self, Version};
use crate::auth::AuthUser;
use crate::contacts::model::tag_name;
use crate::contacts::{service as contacts, store as contact_store};
use crate::error::{ApiError, Problem};
use crate::http::versioned_bytes;
use crate::input;
use crate::state::AppState;

/// The media type of a vCard file.
const VCARD: &str = "text/vcard; charset=utf-8";

#[derive(IntoParams, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct VcardParams {
    /// `4.0` (default) or `3.0` for older address books.
    #[param(inline)]
    pub version: Option<Version>,
}

/// A contact as a vCard.
///
/// Every field kith has: the standard properties phones read, kith's own
/// `X-KITH-` properties for the others, and the `X-` properties an import
/// kept. Importing it gives the contact back. A trashed contact reads too.
#[utoipa::path(
    get, path = "/v1/contacts/{id}/vcard", tag = "contacts", operation_id = "get_contact_vcard",
    params(("id" = String, Path, description = "Contact id"), VcardParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The vCard", body = String, content_type = "text/vcard",
            headers(("ETag" = String, description = "The contact's version"))),
        (status = 304, description = "Not modified since the ETag you hold"),
        (status = 422, description = "An unknown `version`", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::ReadOne,
    )
)]
pub async fn get_vcard(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let p: VcardParams = input::params(&req)?;
    let id = id.into_inner();
    let (row, photo) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            let row = contacts::get(conn, &user.id, &id)?;
            let photo = photo_of(conn, &row)?;
            Ok((row, photo))
        })
        .await?;
    let card = vcard::card(&row, photo.as_ref(), p.version.unwrap_or_default());
    Ok(versioned_bytes(&req, row.version, VCARD, card.into_bytes()))
}

/// The photo a contact's vCard carries: its 256-pixel square.
fn photo_of(
    conn: &mut crate::db::DbConn,
    row: &crate::contacts::model::ContactRow,
) -> diesel::QueryResult<Option<vcard::CardPhoto>> {
    match row.photo_url {
        Some(_) => crate::photos::store::find(conn, &row.user_id, &row.id, 256),
        None => Ok(None),
    }
}

#[derive(IntoParams, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// Only contacts with this tag (ignoring case).
    #[param(
        max_length = 50,
        pattern = r"^[^/\x00-\x1f\x7f-\x9f]*[^/\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x00-\x1f\x7f-\x9f][^/\x00-\x1f\x7f-\x9f]*$"
    )]
    pub tag: Option<String>,
    /// Only these contacts: up to 100 ids, comma-separated.
    #[param(
        max_length = 4000,
        pattern = r"^[0-9A-Za-z_-]+(?:,[0-9A-Za-z_-]+)*$",
        example = "01J9Z7Y1Q4R8X2V6T3M5N0B7CD,01J9Z7Y1Q4R8X2V6T3M5N0B7CE"
    )]
    pub ids: Option<String>,
    /// `4.0` (default) or `3.0` for older address books.
    #[param(inline)]
    pub version: Option<Version>,
}

/// The most ids an export names.
const MAX_IDS: usize = 100;

/// Contacts as one vCard file.
///
/// Your contacts outside the trash, by name (with `tag`, only those with
/// it; with `ids`, only those of them; an id that names none of yours is
/// left out), each as `GET /v1/contacts/{id}/vcard` writes it.
#[utoipa::path(
    get, path = "/v1/export/vcard", tag = "account", operation_id = "export_vcards",
    params(ExportParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The vCard file", body = String, content_type = "text/vcard"),
        (status = 422, description = "More than 100 ids", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Read,
    )
)]
pub async fn export_vcards(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let p: ExportParams = input::params(&req)?;
    let ids: Option<Vec<String>> = p
        .ids
        .as_deref()
        .map(|ids| ids.split(',').map(str::to_string).collect());
    if ids.as_ref().is_some_and(|ids| ids.len() > MAX_IDS) {
        return Err(ApiError::field(
            "ids",
            "too_many",
            format!("at most {MAX_IDS} ids"),
        ));
    }
    let tag = p.tag.and_then(|t| tag_name(&t).ok());
    let version = p.version.unwrap_or_default();
    let file = state
        .db
        .read_as(user.id.clone(), move |conn| {
            const PAGE: i64 = 500;
            let mut out = String::new();
            let mut after = None;
            loop {
                let rows = contact_store::page_for_export(
                    conn,
                    &user.id,
                    tag.as_deref(),
                    ids.as_deref(),
                    after.as_ref(),
                    PAGE,
                )?;
                for row in &rows {
                    let photo = photo_of(conn, row)?;
                    out.push_str(&vcard::card(row, photo.as_ref(), version));
                }
                match rows.last() {
                    Some(last) if rows.len() as i64 == PAGE => {
                        after = Some((last.name_key.clone(), last.id.clone()));
                    }
                    _ => break,
                }
            }
            Ok(out)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type(VCARD)
        .insert_header((
            "content-disposition",
            "attachment; filename=\"contacts.vcf\"",
        ))
        .body(file))
}
