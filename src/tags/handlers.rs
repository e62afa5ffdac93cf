//! HTTP handlers for tags.

use actix_web::{web, HttpResponse};
use serde_json::Value;

use super::{queries, Tag, TagList};
use crate::auth::AuthUser;
use crate::contacts::domain::tag_name;
use crate::error::{ApiError, Problem};
use crate::input::{self, Body, JsonBody};
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
            Ok(queries::list(conn, &user.id)?)
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
    params(("name" = String, Path, description = "Tag name (matched in lower case)")),
    request_body(content = super::TagPut, content_type = "application/json"),
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
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let name = path_name(&name)?;
    let mut b = Body::new(
        body.into_inner(),
        &["default_cadence_days"],
        &["name", "contact_count"],
    )?;
    let present = b.patch("default_cadence_days", input::integer(1, 3650));
    if !b.has("default_cadence_days") {
        b.error(
            "default_cadence_days",
            "required",
            "this field is required (null for none)",
        );
    }
    b.finish()?;
    let cadence = present.into_option().map(|n| n as i32);
    let tag = state
        .db
        .write_as(user.id.clone(), move |conn| {
            queries::put(conn, &user.id, &name, cadence)
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
    params(("name" = String, Path, description = "Tag name")),
    request_body(content = super::TagRename, content_type = "application/merge-patch+json"),
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
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let old = path_name(&name)?;
    let mut b = Body::new(
        body.into_inner(),
        &["name"],
        &["contact_count", "default_cadence_days"],
    )?;
    let new = b.required("name", |v| match v {
        Value::String(s) => tag_name(s),
        _ => Err(("invalid_type", "must be a string".into())),
    });
    b.finish()?;
    let new = new.ok_or_else(|| ApiError::internal("validated field missing"))?;
    let tag = state
        .db
        .write_as(user.id.clone(), move |conn| {
            queries::rename(conn, &user.id, &old, &new)
        })
        .await?;
    Ok(HttpResponse::Ok().json(tag))
}

/// Delete a tag.
///
/// Removes it from every contact and forgets its cadence.
#[utoipa::path(
    delete, path = "/v1/tags/{name}", tag = "tags", operation_id = "delete_tag",
    params(("name" = String, Path, description = "Tag name")),
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
            queries::delete(conn, &user.id, &name)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
