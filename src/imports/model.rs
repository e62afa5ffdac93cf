//! Imports as the API shows them, and the row they are kept as.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::formats::Format;
use crate::db::schema::imports;
use crate::time::{Micros, Timestamp};

/// The largest file an import takes.
pub const MAX_IMPORT_BYTES: usize = 20 << 20;

/// An exported file, as the body of an import (schema only): for example
/// `First Name,Last Name,URL,Email Address,Company,Position,Connected On`,
/// then a row per connection.
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct ImportFile(Vec<u8>);

/// What an import does with a row that matches a contact you have.
#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum OnDuplicate {
    /// Leave the contact as it is (the default): importing a file twice
    /// creates nothing the second time.
    #[default]
    Skip,
    /// Set the fields the row has, keep the others.
    Update,
    /// Create another contact anyway (without the external ids the match
    /// holds).
    Create,
}

impl OnDuplicate {
    pub fn as_str(self) -> &'static str {
        match self {
            OnDuplicate::Skip => "skip",
            OnDuplicate::Update => "update",
            OnDuplicate::Create => "create",
        }
    }
}

#[derive(IntoParams, Deserialize)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// The file's format; read from its content when absent.
    #[param(inline)]
    pub format: Option<Format>,
    /// What to do with a row that matches a contact (by any email, then any
    /// phone number's digits, then its LinkedIn profile or another external
    /// id): `skip` (default), `update` or `create`.
    #[param(inline)]
    pub on_duplicate: Option<OnDuplicate>,
    /// `true`: the same report, nothing written (no import is kept).
    pub dry_run: Option<bool>,
}

/// What became of one row.
#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Created,
    Updated,
    Unchanged,
    Skipped,
    Failed,
}

/// One row of the file and what became of it.
#[derive(Deserialize, Serialize, ToSchema, Clone, Debug, PartialEq)]
pub struct ImportItem {
    /// The line of the file the row begins on, from 1.
    pub line: u64,
    pub status: ItemStatus,
    /// The contact created, updated, left unchanged or matched (skipped).
    pub contact_id: Option<String>,
    /// The fields the row set (created) or changed (updated).
    pub changed_fields: Vec<String>,
    /// Why the row failed.
    pub error: Option<String>,
}

/// An import and its report.
#[derive(Serialize, ToSchema, Debug)]
pub struct Import {
    /// `null` for a dry run (nothing is kept).
    pub id: Option<String>,
    pub format: Format,
    pub on_duplicate: OnDuplicate,
    pub dry_run: bool,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// When it was undone (`DELETE`); `null` while it stands.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub undone_at: Option<Timestamp>,
    pub created: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub skipped: i32,
    pub failed: i32,
    pub items: Vec<ImportItem>,
}

/// An import without its items, as lists show it.
#[derive(Serialize, ToSchema, Debug)]
pub struct ImportSummary {
    pub id: String,
    pub format: Format,
    pub on_duplicate: OnDuplicate,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub undone_at: Option<Timestamp>,
    pub created: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub skipped: i32,
    pub failed: i32,
}

/// A page of imports, newest first.
#[derive(Serialize, ToSchema)]
pub struct ImportPage {
    pub items: Vec<ImportSummary>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// What undoing an import did.
#[derive(Serialize, ToSchema, Debug, Default)]
pub struct ImportUndo {
    /// The contacts it created, now in the trash.
    pub trashed: Vec<String>,
    /// The contacts whose fields it changed, changed back.
    pub reverted: Vec<String>,
    /// The contacts it could not undo, and why.
    pub not_undone: Vec<NotUndone>,
}

#[derive(Serialize, ToSchema, Debug)]
pub struct NotUndone {
    pub contact_id: String,
    /// `changed_since` (it was written after the import), `gone` (deleted)
    /// or `in_trash` (an update that cannot be reverted there).
    pub reason: String,
}

/// What `DELETE` needs to undo an import (stored as JSON).
#[derive(Serialize, Deserialize, Debug, Default)]
pub struct UndoData {
    pub created: Vec<String>,
    pub updated: Vec<Updated>,
}

/// A contact an import updated: the version it left and the values (as the
/// API shows them) it replaced.
#[derive(Serialize, Deserialize, Debug)]
pub struct Updated {
    pub contact_id: String,
    pub version: i32,
    pub before: serde_json::Map<String, Value>,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone)]
#[diesel(table_name = imports, treat_none_as_default_value = false)]
pub struct ImportRow {
    pub id: String,
    pub user_id: String,
    pub format: String,
    pub on_duplicate: String,
    pub created_at: Micros,
    pub undone_at: Option<Micros>,
    pub created: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub skipped: i32,
    pub failed: i32,
    /// JSON array of `ImportItem`.
    pub items: String,
    /// JSON `UndoData`.
    pub undo: String,
}

impl ImportRow {
    fn format(&self) -> Format {
        Format::parse(&self.format).unwrap_or(Format::Linkedin)
    }

    fn on_duplicate(&self) -> OnDuplicate {
        match self.on_duplicate.as_str() {
            "update" => OnDuplicate::Update,
            "create" => OnDuplicate::Create,
            _ => OnDuplicate::Skip,
        }
    }

    pub fn to_api(&self) -> Import {
        Import {
            id: Some(self.id.clone()),
            format: self.format(),
            on_duplicate: self.on_duplicate(),
            dry_run: false,
            created_at: Timestamp(self.created_at),
            undone_at: self.undone_at.map(Timestamp),
            created: self.created,
            updated: self.updated,
            unchanged: self.unchanged,
            skipped: self.skipped,
            failed: self.failed,
            items: serde_json::from_str(&self.items).unwrap_or_default(),
        }
    }

    pub fn summary(&self) -> ImportSummary {
        ImportSummary {
            id: self.id.clone(),
            format: self.format(),
            on_duplicate: self.on_duplicate(),
            created_at: Timestamp(self.created_at),
            undone_at: self.undone_at.map(Timestamp),
            created: self.created,
            updated: self.updated,
            unchanged: self.unchanged,
            skipped: self.skipped,
            failed: self.failed,
        }
    }
}
