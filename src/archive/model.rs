//! The archive as the API writes it, and what an import loaded.

use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::dto::User;
use crate::auth::tokens::AccessToken;
use crate::contacts::model::Contact;
use crate::interactions::model::Interaction;
use crate::introductions::model::Introduction;
use crate::ledger::model::LedgerEntry;
use crate::relationships::model::Relationship;
use crate::tags::model::Tag;

pub const FORMAT_VERSION: i64 = 1;
/// The largest archive `POST /v1/import/archive` accepts.
pub const MAX_ARCHIVE_BYTES: usize = 20 << 20;

/// Every record of the account. (An import refuses fields it does not know,
/// so the schema says `additionalProperties: false`.)
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Export<'a> {
    /// `1`.
    #[schema(minimum = 1, maximum = 1)]
    pub format_version: i64,
    #[schema(format = DateTime)]
    pub exported_at: String,
    pub user: User,
    pub contacts: Vec<Contact<'a>>,
    pub interactions: Vec<Interaction>,
    pub ledger: Vec<LedgerEntry>,
    pub relationships: Vec<Relationship>,
    pub introductions: Vec<Introduction>,
    pub tags: Vec<Tag>,
    /// Metadata only: secrets are never exported.
    pub tokens: Vec<AccessToken>,
    /// The contacts' photos as they were put (their thumbnails are made
    /// again on import). An archive without it has none.
    #[schema(required = false)]
    pub photos: Vec<ArchivePhoto>,
    /// Asks and offers. An archive without it has none.
    #[schema(required = false)]
    pub needs: Vec<crate::needs::model::Need>,
}

/// A contact's photo in an archive.
#[derive(Serialize, ToSchema)]
pub struct ArchivePhoto {
    /// The contact's id in the archive.
    pub contact_id: String,
    #[schema(example = "image/jpeg")]
    pub content_type: String,
    /// The image, in base64.
    #[schema(format = Byte, example = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC")]
    pub data: String,
}

/// How many records each section brought in.
#[derive(Serialize, ToSchema, Debug, Default, PartialEq)]
pub struct ImportCounts {
    pub contacts: i64,
    pub interactions: i64,
    pub ledger: i64,
    pub relationships: i64,
    pub introductions: i64,
    pub tags: i64,
    pub photos: i64,
    pub needs: i64,
}
