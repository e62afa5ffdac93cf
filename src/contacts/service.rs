//! The rules of contacts: a write names the version it changes; a contact
//! in the trash is read-only until restored; `met_via` names another of the
//! user's contacts; every write keeps the derived fields (cadence, next due,
//! balance, follow-up) and the search text right and records the change, in
//! the same transaction.

use diesel::QueryResult;

use super::derived;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::ControlFlow;

use super::model::{
    BatchItemResult, BatchReport, BatchStatus, ContactChanges, ContactRow, DuplicateGroup,
    DuplicateMember, DuplicateReason, ExternalIdsChange, MAX_EXTERNAL_IDS,
};
use super::read_model::{self, ContactJson};
use super::store::{self, After, ListFilter, Ranked, ShortRow, Sort};
use crate::changes;
use crate::db::{each_alone, search_index, DbConn};
use crate::domain::{cut_page, Error, Expected, Result};
use crate::error::{ApiError, FieldError, Problem};
use crate::ids;
use crate::time::{self, Micros};

pub const RESOURCE: &str = "contact";

pub fn get(conn: &mut DbConn, user_id: &str, id: &str) -> Result<ContactRow> {
    store::find(conn, user_id, id)?.ok_or(Error::NotFound)
}

fn get_for_update(conn: &mut DbConn, user_id: &str, id: &str) -> Result<ContactRow> {
    store::find_for_update(conn, user_id, id)?.ok_or(Error::NotFound)
}

/// Checks that `id` is one of the user's contacts, for a reference in
/// `field`. The answer is the same whether the id is unknown or another
/// user's, so it reveals nothing.
pub fn check_reference(conn: &mut DbConn, user_id: &str, id: &str, field: &str) -> Result<()> {
    if !store::exists(conn, user_id, id)? {
        return Err(Error::field(
            field,
            "unknown_contact",
            "no contact of yours has this id",
        ));
    }
    Ok(())
}

/// Checks that the row's external ids are at most `MAX_EXTERNAL_IDS` and
/// that no other contact of the user holds one of them.
fn check_external_ids(conn: &mut DbConn, row: &ContactRow) -> Result<()> {
    let ids = row.external_ids();
    if ids.len() > MAX_EXTERNAL_IDS {
        return Err(Error::field(
            "external_ids",
            "too_many",
            format!("at most {MAX_EXTERNAL_IDS} external ids"),
        ));
    }
    for (source, value) in &ids {
        let key = super::search::external_id_key(source, value);
        if let Some(holder) = store::holding(conn, &row.user_id, "external_id", &key)? {
            if holder != row.id {
                return Err(Error::Conflict(EXTERNAL_ID_TAKEN.0, EXTERNAL_ID_TAKEN.1));
            }
        }
    }
    Ok(())
}

/// The one unique rule of the lookup rows a concurrent write can break
/// after `check_external_ids` passed (on PostgreSQL; SQLite has one
/// writer): an external id that another contact took meanwhile.
fn taken_as_conflict(written: QueryResult<()>) -> Result<()> {
    use diesel::result::{DatabaseErrorKind, Error as DbError};
    match written {
        Err(DbError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            Err(Error::Conflict(EXTERNAL_ID_TAKEN.0, EXTERNAL_ID_TAKEN.1))
        }
        other => Ok(other?),
    }
}

const EXTERNAL_ID_TAKEN: (&str, &str) = (
    "external_id_taken",
    "another of your contacts has this external id",
);

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Applies a create or patch to a row, keeping the derived keys in step.
fn apply(row: &mut ContactRow, c: ContactChanges) {
    if let Some(v) = c.display_name {
        row.name_key = v.to_lowercase();
        row.display_name = v;
    }
    crate::set_present!(
        row,
        c;
        given_name,
        family_name,
        title,
        location,
        notes,
        birthday,
        how_we_met,
        met_on,
        met_via,
        cadence_days,
        snoozed_until,
        archived,
        closeness
    );
    if let Some(v) = c.company {
        row.company_key = v.as_deref().map(str::to_lowercase);
        row.company = v;
    }
    if let Some(v) = c.emails {
        row.emails = to_json(&v);
    }
    if let Some(v) = c.phones {
        row.phones = to_json(&v);
    }
    if let Some(v) = c.links {
        row.links = to_json(&v);
    }
    if let Some(v) = c.vcard_extras {
        row.vcard_extras = to_json(&v);
    }
    if let Some(v) = c.external_ids {
        row.external_ids = to_json(&v.applied_to(row.external_ids()));
    }
    if let Some(v) = c.tags {
        row.tags = to_json(&v);
    }
    row.search_text = super::search::text_of(row);
}

fn check_met_via(conn: &mut DbConn, row: &ContactRow) -> Result<()> {
    if let Some(m) = &row.met_via {
        if *m == row.id {
            return Err(Error::field(
                "met_via",
                "self_reference",
                "a contact cannot have met you via itself",
            ));
        }
        check_reference(conn, &row.user_id, m, "met_via")?;
    }
    Ok(())
}

/// Records the contact in the change feed as it now is.
pub fn record_upsert(conn: &mut DbConn, row: &ContactRow) -> QueryResult<()> {
    changes::record_json(
        conn,
        &row.user_id,
        RESOURCE,
        &row.id,
        Some(&feed_json(row)?),
    )?;
    Ok(())
}

/// The contact as the feed carries it: the JSON stored with the row when it
/// is the row's version (every write stamps it), written once.
fn feed_json(row: &ContactRow) -> QueryResult<Cow<'_, str>> {
    match (&row.api_json, row.api_json_version == Some(row.version)) {
        (Some(json), true) => Ok(Cow::Borrowed(json)),
        _ => serde_json::to_string(&row.to_api())
            .map(Cow::Owned)
            .map_err(|e| diesel::result::Error::SerializationError(Box::new(e))),
    }
}

/// Moves the row to its next version, updated now (never before it was).
fn next_version(row: &mut ContactRow) {
    row.version += 1;
    row.updated_at = time::now().max(row.updated_at + 1);
}

/// A new row of the user's built from a create (nothing stored yet).
pub fn new_row(user_id: &str, c: ContactChanges) -> ContactRow {
    let now = time::now();
    let mut row = ContactRow {
        id: ids::new_id(),
        user_id: user_id.to_string(),
        display_name: String::new(),
        name_key: String::new(),
        given_name: None,
        family_name: None,
        emails: "[]".into(),
        phones: "[]".into(),
        company: None,
        company_key: None,
        title: None,
        location: None,
        notes: None,
        tags: "[]".into(),
        birthday: None,
        how_we_met: None,
        met_via: None,
        cadence_days: None,
        snoozed_until: None,
        archived: false,
        trashed_at: None,
        search_text: String::new(),
        created_at: now,
        updated_at: now,
        version: 1,
        cadence_effective: None,
        last_interaction_at: None,
        next_due_at: None,
        birthday_md: None,
        balance: 0,
        closeness: None,
        follow_up: None,
        api_json: None,
        api_json_version: None,
        external_ids: "{}".into(),
        met_on: None,
        merged_into: None,
        links: "[]".into(),
        vcard_extras: "[]".into(),
        photo_url: None,
        open_needs: 0,
    };
    apply(&mut row, c);
    row
}

pub fn create(conn: &mut DbConn, user_id: &str, c: ContactChanges) -> Result<ContactRow> {
    let mut row = new_row(user_id, c);
    check_met_via(conn, &row)?;
    check_external_ids(conn, &row)?;
    derived::refresh_new(conn, &mut row)?;
    store::insert(conn, &mut row)?;
    store::insert_tags(conn, &row)?;
    taken_as_conflict(store::insert_lookups(conn, &row))?;
    record_upsert(conn, &row)?;
    Ok(row)
}

/// Writes a changed row back with a new version, and records it.
pub fn save(conn: &mut DbConn, row: &mut ContactRow) -> QueryResult<()> {
    next_version(row);
    store::update_row(conn, row)?;
    record_upsert(conn, row)
}

/// Saves `row` after an edit of what search looks in made outside `update`
/// (a tag renamed or deleted) from `before`: its search text and name rows
/// follow, as `update` has them.
pub fn save_edited(
    conn: &mut DbConn,
    before: &ContactRow,
    row: &mut ContactRow,
) -> QueryResult<()> {
    row.search_text = super::search::text_of(row);
    save_edit(conn, before, row)
}

/// Saves `row`, whose search text is its own (`apply`), edited from
/// `before`: the rows `contact_names` keeps of it follow its search text.
fn save_edit(conn: &mut DbConn, before: &ContactRow, row: &mut ContactRow) -> QueryResult<()> {
    save(conn, row)?;
    if row.search_text != before.search_text {
        store::sync_names(conn, before, row)?;
    }
    Ok(())
}

pub fn update(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    expected: &Expected,
    c: ContactChanges,
) -> Result<ContactRow> {
    let mut row = get_for_update(conn, user_id, id)?;
    expected.check(row.version)?;
    if row.trashed_at.is_some() {
        return Err(Error::Conflict(
            "contact_trashed",
            "this contact is in the trash; restore it first",
        ));
    }
    let tags_changed = c.tags.is_some();
    let handles_changed =
        c.emails.is_some() || c.phones.is_some() || c.links.is_some() || c.external_ids.is_some();
    let unchanged = row.clone();
    apply(&mut row, c);
    // A patch that changes nothing leaves the version (and the feed) as is.
    if row == unchanged {
        return Ok(row);
    }
    check_met_via(conn, &row)?;
    check_external_ids(conn, &row)?;
    derived::refresh(conn, &mut row)?;
    save_edit(conn, &unchanged, &mut row)?;
    if tags_changed {
        store::sync_tags(conn, &row)?;
    }
    if handles_changed {
        taken_as_conflict(store::sync_lookups(conn, &row, (true, false)))?;
    }
    Ok(row)
}

/// Moves a contact to the trash (a `delete` in the change feed).
pub fn trash(conn: &mut DbConn, user_id: &str, id: &str, expected: &Expected) -> Result<()> {
    let mut row = get_for_update(conn, user_id, id)?;
    expected.check(row.version)?;
    if row.trashed_at.is_some() {
        return Ok(());
    }
    let now = time::now();
    row.trashed_at = Some(now);
    row.version += 1;
    row.updated_at = now.max(row.updated_at + 1);
    store::update_row(conn, &mut row)?;
    changes::record::<()>(conn, user_id, RESOURCE, id, None)?;
    Ok(())
}

/// Moves a contact merged into `into` to the trash for good: it names
/// `into`, and its external ids (which the kept contact takes) are freed.
pub fn trash_merged(conn: &mut DbConn, user_id: &str, id: &str, into: &str) -> Result<()> {
    let mut row = get_for_update(conn, user_id, id)?;
    let now = time::now();
    row.trashed_at = Some(now);
    row.merged_into = Some(into.to_string());
    row.external_ids = "{}".into();
    row.version += 1;
    row.updated_at = now.max(row.updated_at + 1);
    store::update_row(conn, &mut row)?;
    store::sync_lookups(conn, &row, (true, false))?;
    changes::record::<()>(conn, user_id, RESOURCE, id, None)?;
    changes::name_last(conn, user_id, "merged")?;
    Ok(())
}

/// Contacts met via one of `from` are met via `to` instead (a merge);
/// `to` itself then names no one. Returns how many changed.
pub fn replace_met_via(
    conn: &mut DbConn,
    user_id: &str,
    from: &[String],
    to: &str,
) -> QueryResult<usize> {
    let ids = store::met_via_any(conn, user_id, from)?;
    for id in &ids {
        if let Some(mut row) = store::find_for_update(conn, user_id, id)? {
            row.met_via = (row.id != to).then(|| to.to_string());
            save(conn, &mut row)?;
        }
    }
    Ok(ids.len())
}

pub fn restore(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    expected: &Expected,
) -> Result<ContactRow> {
    let mut row = get_for_update(conn, user_id, id)?;
    expected.check(row.version)?;
    if row.trashed_at.is_none() {
        return Ok(row);
    }
    if row.merged_into.is_some() {
        return Err(Error::Conflict(
            "contact_merged",
            "this contact was merged into the contact its merged_into names; it cannot be restored",
        ));
    }
    row.trashed_at = None;
    save(conn, &mut row)?;
    changes::name_last(conn, user_id, "restored")?;
    Ok(row)
}

/// One page of the user's contacts (as the API writes them) after `after`,
/// whether more follow, and the rank of the last (see `store::list`); or,
/// for a search whose name ranks left the page short, their rows, for
/// `list_rest` to go on from.
pub fn list(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    sort: &Sort,
    limit: i64,
    after: Option<&After>,
) -> Result<ControlFlow<PageRows, Ranked>> {
    Ok(
        match store::list(conn, user_id, filter, sort, limit, after)? {
            ControlFlow::Break(ranked) => ControlFlow::Break(page(conn, user_id, ranked, limit)?),
            ControlFlow::Continue(named) => ControlFlow::Continue(named),
        },
    )
}

/// `list`'s page of a search after the rows of its name ranks (`named`).
pub fn list_rest(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    limit: i64,
    after: Option<&After>,
    named: Ranked,
) -> Result<PageRows> {
    let ranked = store::list_rest(conn, user_id, filter, limit, after, named)?;
    page(conn, user_id, ranked, limit)
}

/// A page of contacts: their rows, whether more follow, the rank of the last.
pub type PageRows = (Vec<ContactJson>, bool, i32);

fn page(conn: &mut DbConn, user_id: &str, mut ranked: Ranked, limit: i64) -> Result<PageRows> {
    let more = cut_page(&mut ranked, limit);
    let last_rank = ranked.last().map_or(0, |(_, rank)| *rank);
    let mut rows: Vec<ContactJson> = ranked.into_iter().map(|(row, _)| row).collect();
    read_model::fill_json(conn, user_id, &mut rows)?;
    Ok((rows, more, last_rank))
}

/// `list` as rows of short fields (see `Short`), by a sort key: the page
/// and whether more follow.
pub fn list_short<R: ShortRow>(
    conn: &mut DbConn,
    user_id: &str,
    filter: &ListFilter,
    sort: &Sort,
    limit: i64,
    after: Option<&After>,
) -> Result<(Vec<R>, bool)> {
    let mut rows = R::page(conn, user_id, filter, sort, limit, after)?;
    let more = cut_page(&mut rows, limit);
    Ok((rows, more))
}

/// Refreshes the given contacts of a user, saving (new version, change feed)
/// those whose derived fields moved: 500 at a time, each read, recomputed
/// and recorded in the feed with a few statements for all of them.
pub fn refresh_contacts(conn: &mut DbConn, user_id: &str, ids: &[String]) -> QueryResult<()> {
    // In one order, whatever the request's: two writes locking the same
    // contacts (on PostgreSQL) then cannot wait on each other.
    let ids: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let ids: Vec<&str> = ids.into_iter().collect();
    for chunk in ids.chunks(500) {
        let mut rows = store::find_many_for_update(conn, user_id, chunk)?;
        let moved = derived::refresh_many(conn, user_id, &mut rows)?;
        let mut saved = Vec::new();
        for (row, moved) in rows.iter_mut().zip(moved) {
            if moved {
                next_version(row);
                store::write_refreshed(conn, row)?;
                saved.push((row.id.as_str(), feed_json(row)?));
            }
        }
        let saved: Vec<(&str, &str)> = saved.iter().map(|(id, j)| (*id, j.as_ref())).collect();
        changes::record_upserts(conn, user_id, RESOURCE, &saved)?;
    }
    Ok(())
}

/// `refresh_contacts` after new touches that set no follow-up (captured
/// messages and events): `touched` holds each contact's newest of them. A
/// contact whose stored last touch is as late or later is left as it is:
/// its last touch, and so its due date and open follow-up, cannot move.
/// (A user's writes take turns, so the stored last touch is current.)
pub fn refresh_touched(
    conn: &mut DbConn,
    user_id: &str,
    touched: &BTreeMap<String, Micros>,
) -> QueryResult<()> {
    let ids: Vec<&str> = touched.keys().map(String::as_str).collect();
    let mut moved = Vec::new();
    for chunk in ids.chunks(500) {
        for (id, last) in store::last_touches(conn, user_id, chunk)? {
            if last.is_none_or(|l| touched.get(&id).is_some_and(|t| *t > l)) {
                moved.push(id);
            }
        }
    }
    refresh_contacts(conn, user_id, &moved)
}

/// Stores the JSON, search text and lookup rows of every contact that has
/// no JSON (after a migration that adds or resets it), a batch per write so
/// that no request waits long behind it; then marks every contact's rows
/// as written (`store::all_tails_written`: searches read the tails).
pub async fn fill_missing_json(db: crate::db::Db) {
    const BATCH: i64 = 500;
    let mut total = 0;
    loop {
        let batch = db.write(|conn| {
            let rows = store::without_json(conn, BATCH)?;
            let n = rows.len();
            for mut row in rows {
                row.stamp_json();
                row.search_text = super::search::text_of(&row);
                // Only what is derived: a row written meanwhile keeps its
                // own, and its lookup rows are written from it as it is.
                if store::write_derived(conn, &row)? {
                    store::sync_lookups(conn, &row, (true, true))?;
                } else if let Some(now) = store::find(conn, &row.user_id, &row.id)? {
                    store::sync_lookups(conn, &now, (true, true))?;
                }
            }
            if n == 0 {
                store::all_tails_written(conn)?;
            }
            Ok(n)
        });
        match batch.await {
            Ok(0) => break,
            Ok(n) => {
                // What searches found before it is not what they find now.
                super::kept::forget_all();
                total += n;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot store the JSON of contacts that have none");
                return;
            }
        }
    }
    if total > 0 {
        tracing::info!(
            contacts = total,
            "stored the JSON of contacts that had none"
        );
    }
}

/// How a batch item finds the contact it updates.
#[derive(Debug, Clone, PartialEq)]
pub enum Match {
    /// Any of the item's emails.
    Email,
    /// Any of the item's phone numbers.
    Phone,
    /// This external id (`source`, `value`).
    External(String, String),
}

impl Match {
    /// As `ContactBatchItem::match_` names it (its pattern checked).
    pub fn parse(s: &str) -> Match {
        match s {
            "email" => Match::Email,
            "phone" => Match::Phone,
            _ => {
                let (source, value) = s.split_once(':').unwrap_or((s, ""));
                Match::External(source.to_string(), value.trim().to_string())
            }
        }
    }
}

/// The contact of the user that `how` finds for a contact with these
/// fields (a create's): one not in the trash with any of its emails or
/// phone numbers, or the one holding the external id.
pub fn matching(
    conn: &mut DbConn,
    user_id: &str,
    how: &Match,
    fields: &ContactChanges,
) -> Result<Option<String>> {
    Ok(match how {
        Match::Email => {
            let emails = fields.emails.iter().flatten();
            let keys: Vec<String> = emails
                .map(|e| super::search::email_key(&e.address))
                .collect();
            store::live_holder(conn, user_id, "email", &keys)?
        }
        Match::Phone => {
            let phones = fields.phones.iter().flatten();
            let keys: Vec<String> = phones
                .map(|p| super::search::phone_key(&p.number))
                .collect();
            store::live_holder(conn, user_id, "phone", &keys)?
        }
        Match::External(source, value) => {
            let key = super::search::external_id_key(source, value);
            store::holding(conn, user_id, "external_id", &key)?
        }
    })
}

/// Whether a contact of the user holds the external id.
pub fn external_id_held(
    conn: &mut DbConn,
    user_id: &str,
    (source, value): (&str, &str),
) -> Result<bool> {
    let key = super::search::external_id_key(source, value);
    Ok(store::holding(conn, user_id, "external_id", &key)?.is_some())
}

/// One batch item, read: what it creates, what it changes when it matches.
#[derive(Clone)]
pub struct BatchItem {
    pub match_: Option<Match>,
    pub create: ContactChanges,
    pub update: ContactChanges,
}

/// Applies a batch's items in order, each alone (`db::each_alone`): a bad
/// one fails with its reason and the others go in. With `atomic`, one
/// failure fails them all, each failed item named by its index.
pub fn batch(
    conn: &mut DbConn,
    user_id: &str,
    items: Vec<std::result::Result<BatchItem, ApiError>>,
    atomic: bool,
) -> Result<BatchReport> {
    // Each item as if in a savepoint of its own: their index entries all at
    // once.
    search_index::deferred(conn, |conn| batch_items(conn, user_id, items, atomic))
}

fn batch_items(
    conn: &mut DbConn,
    user_id: &str,
    items: Vec<std::result::Result<BatchItem, ApiError>>,
    atomic: bool,
) -> Result<BatchReport> {
    let mut report = BatchReport::default();
    let mut invalid = Vec::new();
    let written = each_alone(conn, &items, |c, item| match item {
        Ok(item) => upsert(c, user_id, item.clone()).map(Ok),
        Err(e) => Ok(Err(e.clone())),
    });
    for (index, done) in written.into_iter().enumerate() {
        let done = done.unwrap_or_else(|e| Err(ApiError::from(e)));
        let (status, id, error) = match done {
            Ok((status, id)) => (status, Some(id), None),
            Err(e) => {
                let problem = e.problem();
                invalid.extend(batch_errors(index, &problem));
                (BatchStatus::Failed, None, Some(problem))
            }
        };
        *match status {
            BatchStatus::Created => &mut report.created,
            BatchStatus::Updated => &mut report.updated,
            BatchStatus::Unchanged => &mut report.unchanged,
            BatchStatus::Failed => &mut report.failed,
        } += 1;
        report.items.push(BatchItemResult {
            index,
            status,
            id,
            error,
        });
    }
    if atomic && report.failed > 0 {
        // Items that conflict with what exists (409) are not invalid input.
        let conflicts = report
            .items
            .iter()
            .filter_map(|i| i.error.as_ref())
            .all(|p| p.status == 409);
        if conflicts {
            return Err(Error::Conflict(
                "batch_conflict",
                "an item conflicts with a contact you have (the same batch without \
                 `atomic` reports which); nothing was written",
            ));
        }
        return Err(Error::Invalid(invalid));
    }
    Ok(report)
}

/// A failed item's problem as fields of the batch (`items[3].contact.…`).
fn batch_errors(index: usize, problem: &Problem) -> Vec<FieldError> {
    let at = format!("items[{index}]");
    if problem.errors.is_empty() {
        return vec![FieldError::new(at, "item_failed", problem.detail.clone())];
    }
    problem
        .errors
        .iter()
        .map(|e| FieldError::new(format!("{at}.{}", e.field), e.code, e.message.clone()))
        .collect()
}

/// Creates the item's contact, or updates the one it matches.
fn upsert(conn: &mut DbConn, user_id: &str, item: BatchItem) -> Result<(BatchStatus, String)> {
    let BatchItem {
        match_,
        mut create,
        mut update,
    } = item;
    let found = match &match_ {
        None => None,
        Some(how) => matching(conn, user_id, how, &create)?,
    };
    // The external id matched by is one the contact holds.
    if let Some(Match::External(source, value)) = match_ {
        let id = BTreeMap::from([(source, Some(value))]);
        for changes in [&mut create, &mut update] {
            changes.external_ids = Some(match changes.external_ids.take() {
                Some(ExternalIdsChange::Replace(mut all)) => {
                    all.extend(
                        id.clone()
                            .into_iter()
                            .map(|(k, v)| (k, v.unwrap_or_default())),
                    );
                    ExternalIdsChange::Replace(all)
                }
                Some(ExternalIdsChange::Merge(mut some)) => {
                    some.extend(id.clone());
                    ExternalIdsChange::Merge(some)
                }
                None => ExternalIdsChange::Merge(id.clone()),
            });
        }
    }
    match found {
        None => Ok((
            BatchStatus::Created,
            self::create(conn, user_id, create)?.id,
        )),
        Some(id) => {
            let before = get(conn, user_id, &id)?.version;
            let row = self::update(conn, user_id, &id, &Expected::Any, update)?;
            let status = if row.version == before {
                BatchStatus::Unchanged
            } else {
                BatchStatus::Updated
            };
            Ok((status, row.id))
        }
    }
}

/// Groups of the user's contacts (not in the trash) that look like one
/// person, by reason, then key, after `after`: `limit` of them at most, and
/// whether more follow.
pub fn duplicates(
    conn: &mut DbConn,
    user_id: &str,
    after: Option<(DuplicateReason, String)>,
    limit: i64,
) -> Result<(Vec<DuplicateGroup>, bool)> {
    let mut groups = Vec::new();
    for reason in [
        DuplicateReason::Email,
        DuplicateReason::NameAndCompany,
        DuplicateReason::Phone,
        DuplicateReason::ProfileUrl,
    ] {
        let from = match &after {
            Some((r, _)) if reason < *r => continue,
            Some((r, key)) if reason == *r => Some(key.as_str()),
            _ => None,
        };
        let need = limit + 1 - groups.len() as i64;
        if need <= 0 {
            break;
        }
        for key in store::duplicate_keys(conn, user_id, reason, from, need)? {
            let contacts: Vec<DuplicateMember> =
                store::duplicate_members(conn, user_id, reason, &key)?
                    .into_iter()
                    .map(|(id, display_name)| DuplicateMember { id, display_name })
                    .collect();
            if contacts.len() > 1 {
                groups.push(DuplicateGroup {
                    reason,
                    key,
                    contacts,
                });
            }
        }
    }
    let more = cut_page(&mut groups, limit);
    Ok((groups, more))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{migrate, DbTarget};
    use diesel::connection::SimpleConnection;
    use diesel::dsl::sql;
    use diesel::sql_types::BigInt;
    use diesel::Connection;
    use diesel::{QueryDsl, RunQueryDsl};

    fn named(name: &str) -> ContactChanges {
        ContactChanges {
            display_name: Some(name.into()),
            ..Default::default()
        }
    }

    /// The contacts whose search text has `needle` (FTS5, trigram; the
    /// text is folded to lower case).
    fn found(conn: &mut DbConn, needle: &str) -> i64 {
        diesel::select(sql::<BigInt>(&format!(
            "(SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH '\"{needle}\"')"
        )))
        .get_result(conn)
        .unwrap()
    }

    /// Rows written while the index waits (as an import's or a group
    /// commit's, each in a savepoint) enter it once each: a row rolled back
    /// leaves no entry (though its rowid is given again), a row whose
    /// search text changes before the end enters with its last text, and
    /// a row deleted before the end not at all (the update and delete
    /// triggers leave a waiting row alone). FTS5's own check compares the
    /// index with the table.
    #[test]
    fn rows_left_waiting_for_the_index_enter_it_once_each() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = DbTarget::Sqlite(dir.path().join("t.db")).connect().unwrap();
        migrate(&mut conn).unwrap();
        conn.batch_execute(
            "INSERT INTO users (id, email, email_key, name, password_hash, change_seq, \
             created_at, updated_at, time_zone) \
             VALUES ('u1', 'u@example.com', 'u@example.com', 'U', 'x', 0, 0, 0, 'UTC')",
        )
        .unwrap();
        let ana = conn
            .transaction(|c| {
                search_index::deferred(c, |c| {
                    // Rolled back after its insert: nothing of it stays.
                    let gone = c.transaction(|c| {
                        create(c, "u1", named("Gone Vanished"))?;
                        Err::<(), _>(Error::NotFound)
                    });
                    assert!(gone.is_err());
                    let ana = create(c, "u1", named("Ana Lima"))?;
                    c.transaction(|c| {
                        update(c, "u1", &ana.id, &Expected::Any, named("Ana Okafor"))
                    })?;
                    create(c, "u1", named("Ben Stone"))?;
                    // Deleted while waiting: the delete trigger leaves it
                    // alone, and there is nothing of it to put in.
                    let cleo = create(c, "u1", named("Cleo Deleted"))?;
                    diesel::delete(crate::db::schema::contacts::table.find(&cleo.id)).execute(c)?;
                    Ok::<_, Error>(ana)
                })
            })
            .unwrap();
        let DbConn::Sqlite(c) = &mut conn else {
            unreachable!()
        };
        c.batch_execute(
            "INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('integrity-check', 1)",
        )
        .expect("the index matches its table");
        assert_eq!(
            (
                found(&mut conn, "okafor"),
                found(&mut conn, "lima"),
                found(&mut conn, "ben stone"),
                found(&mut conn, "vanished"),
                found(&mut conn, "cleo")
            ),
            (1, 0, 1, 0, 0),
            "{}",
            ana.id
        );
    }
}
