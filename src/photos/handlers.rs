//! HTTP handlers for contacts' photos.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::image::{self, Refused, MAX_PHOTO_BYTES};
use super::service;
use crate::auth::AuthUser;
use crate::error::{ApiError, Problem};
use crate::http::{read_body, versioned, IfMatch};
use crate::input;
use crate::state::AppState;

/// A photo's bytes (schema only).
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct PhotoFile(Vec<u8>);

/// Set a contact's photo.
///
/// The body is the image itself, as `image/jpeg`, `image/png` or
/// `image/webp`, at most 2 MiB. It is decoded whole: bytes that are not a
/// complete image of the type named are refused. Square thumbnails of 64,
/// 128 and 256 pixels are made once, here. The contact's `photo_url` (and
/// so its version) changes.
#[utoipa::path(
    put, path = "/v1/contacts/{id}/photo", tag = "contacts", operation_id = "put_contact_photo",
    params(
        ("id" = String, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold of the contact."),
    ),
    request_body(content(
        (PhotoFile = "image/jpeg"),
        (PhotoFile = "image/png"),
        (PhotoFile = "image/webp"),
    )),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The contact with its new `photo_url`", body = crate::contacts::model::Contact,
            headers(("ETag" = String, description = "The contact's new version"))),
        (status = 409, description = "The contact is in the trash (`contact_trashed`)", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::WriteVersioned,
    )
)]
pub async fn put(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
    mut payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let content_type = crate::http::media_type(&req);
    if image::format_of(&content_type).is_none() {
        return Err(unsupported());
    }
    let bytes = read_body(&mut payload, MAX_PHOTO_BYTES, "a photo").await?;
    // Decoding and resizing take a while: not on this worker.
    let photo = web::block(move || image::process(&content_type, bytes.to_vec()))
        .await
        .map_err(ApiError::internal)?
        .map_err(|why| match why {
            Refused::MediaType => unsupported(),
            Refused::NotAnImage(why) => ApiError::field("body", "invalid_image", why),
        })?;
    let expected = IfMatch::from_request(&req).expected();
    let id = id.into_inner();
    let row = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::put(conn, &user.id, &id, &expected, &photo)?)
        })
        .await?;
    Ok(versioned(&req, StatusCode::OK, row.version, &row.to_api()))
}

fn unsupported() -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        "a photo is image/jpeg, image/png or image/webp",
    )
}

/// The sizes a photo is read at.
#[derive(Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    #[serde(rename = "64")]
    S64,
    #[serde(rename = "128")]
    S128,
    #[serde(rename = "256")]
    S256,
}

#[derive(IntoParams, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct PhotoParams {
    /// A square thumbnail of this many pixels a side; the photo as it was
    /// put without it.
    #[param(inline)]
    pub size: Option<Size>,
    /// The photo's version, as `photo_url` carries it: an answer to a URL
    /// with the current one may be kept for good.
    #[param(max_length = 64, pattern = "^[0-9a-f]+$")]
    pub v: Option<String>,
}

/// A contact's photo.
///
/// Its `ETag` names the photo and size; `If-None-Match` with it answers
/// `304`. Read at the `photo_url` the contact shows (its `v` is the
/// photo's version), the answer may be cached for good; otherwise it is to
/// be checked again each time.
#[utoipa::path(
    get, path = "/v1/contacts/{id}/photo", tag = "contacts", operation_id = "get_contact_photo",
    params(("id" = String, Path, description = "Contact id"), PhotoParams),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The photo", content(
            (PhotoFile = "image/jpeg"),
            (PhotoFile = "image/png"),
            (PhotoFile = "image/webp"),
        ), headers(
            ("ETag" = String, description = "The photo and size"),
            ("Cache-Control" = String, description = "How long it may be kept"),
        )),
        (status = 304, description = "Not modified since the ETag you hold"),
        (status = 404, description = "No such contact, or it has no photo", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown `size`", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::Read,
    )
)]
pub async fn get(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let p: PhotoParams = input::params(&req)?;
    let size = match p.size {
        None => 0,
        Some(Size::S64) => 64,
        Some(Size::S128) => 128,
        Some(Size::S256) => 256,
    };
    let id = id.into_inner();
    let (hash, content_type, data) = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(service::get(conn, &user.id, &id, size)?)
        })
        .await?;
    let etag = format!("\"{hash}-{size}\"");
    let cache = match p.v.as_deref() == Some(hash.as_str()) {
        true => "private, max-age=31536000, immutable",
        false => "private, no-cache",
    };
    let held = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut res = match held {
        true => HttpResponse::NotModified(),
        false => HttpResponse::Ok(),
    };
    res.insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache));
    Ok(match held {
        true => res.finish(),
        false => res.content_type(content_type).body(data),
    })
}

/// Remove a contact's photo.
#[utoipa::path(
    delete, path = "/v1/contacts/{id}/photo", tag = "contacts", operation_id = "delete_contact_photo",
    params(
        ("id" = String, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you hold of the contact."),
    ),
    security(("bearer" = ["write"])),
    responses(
        (status = 204, description = "The contact has no photo"),
        (status = 409, description = "The contact is in the trash (`contact_trashed`)", body = Problem, content_type = "application/problem+json"),
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
