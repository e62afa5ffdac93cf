//! HTTP handlers for tags.

use actix_web::{web, HttpResponse};

use super::model::{Tag, TagList, TagPut, TagRename};
use super::{service, store};
use crate::auth::AuthUser;
use crate::contacts::model::tag_name;
use crate::error::{ApiError, Problem};
use crate::input::Json;
use crate::state::AppState;

fn path_name(name: &str) -> Result<String, ApiError> {
    tag_name(name).map_err(|(code, message)| ApiError::field("name", code, message))
}

/// List tags.
///
/// Every tag a contact carries, and every tag with a default cadence, by name.
#[utoipa::path(
    get, path = "/v1/tags", tag = "tags", operation_id = "list_tags",
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "All tags", body = TagList),
        crate::http::problems::Read,
    )
)]
pub async fn list(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    let items = state
        .db
        .read_as(user.id.clone(), move |conn| {
            Ok(store::list(conn, &user.id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(TagList { items }))
}

/// Set a tag's default cadence.
///
/// Contacts with this tag and no cadence of their own take the shortest
/// default cadence among their tags. Creates the tag when it does not exist.
#[utoipa::path(
    put, path = "/v1/tags/{name}", tag = "tags", operation_id = "put_tag",
    params(("name" = String, Path, min_length = 1, max_length = 50, pattern = r"^[^/\x00-\x1f\x7f-\x9f]*[^/\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x00-\x1f\x7f-\x9f][^/\x00-\x1f\x7f-\x9f]*$", description = "Tag name (matched in lower case)")),
    request_body(content = TagPut, content_type = "application/json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The tag", body = Tag,
            links(
                ("rename" = (operation_id = "rename_tag", parameters(("name" = "$response.body#/name")))),
                ("delete" = (operation_id = "delete_tag", parameters(("name" = "$response.body#/name")))),
            )),
        crate::http::problems::Write,
    )
)]
pub async fn put(
    state: web::Data<AppState>,
    user: AuthUser,
    name: web::Path<String>,
    Json(body): Json<TagPut>,
) -> Result<HttpResponse, ApiError> {
    let name = path_name(&name)?;
    let cadence = body.default_cadence_days;
    let tag = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::put(conn, &user.id, &name, cadence)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(tag))
}

/// Rename a tag.
///
/// Every contact carrying it carries the new name instead; renaming onto an
/// existing tag merges the two.
#[utoipa::path(
    patch, path = "/v1/tags/{name}", tag = "tags", operation_id = "rename_tag",
    params(("name" = String, Path, min_length = 1, max_length = 50, pattern = r"^[^/\x00-\x1f\x7f-\x9f]*[^/\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x00-\x1f\x7f-\x9f][^/\x00-\x1f\x7f-\x9f]*$", description = "Tag name")),
    request_body(content = TagRename, content_type = "application/merge-patch+json"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, description = "The tag under its new name", body = Tag),
        crate::http::problems::WriteOne,
    )
)]
pub async fn rename(
    state: web::Data<AppState>,
    user: AuthUser,
    name: web::Path<String>,
    Json(TagRename { name: new }): Json<TagRename>,
) -> Result<HttpResponse, ApiError> {
    let old = path_name(&name)?;
    let tag = state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::rename(conn, &user.id, &old, &new)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(tag))
}

/// Delete a tag.
///
/// Removes it from every contact and forgets its cadence.
#[utoipa::path(
    delete, path = "/v1/tags/{name}", tag = "tags", operation_id = "delete_tag",
    params(("name" = String, Path, min_length = 1, max_length = 50, pattern = r"^[^/\x00-\x1f\x7f-\x9f]*[^/\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x00-\x1f\x7f-\x9f][^/\x00-\x1f\x7f-\x9f]*$", description = "Tag name")),
    security(("bearer" = ["write"])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 422, description = "Invalid name", body = Problem, content_type = "application/problem+json"),
        crate::http::problems::ActOne,
    )
)]
pub async fn delete(
    state: web::Data<AppState>,
    user: AuthUser,
    name: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let name = path_name(&name)?;
    state
        .db
        .write_as(user.id.clone(), move |conn| {
            Ok(service::delete(conn, &user.id, &name)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
