//! A search's pages of contacts, kept in this process while the user's
//! change-feed position stays where it was read (`changes::kept`): a page
//! asked for again (a client's second look, a refresh, another device, a
//! page back) is answered from memory after one read of that position.
//!
//! A page depends only on the user's rows and on the request's query
//! string (which names the query, filters, sort, fields and cursor); a
//! list that depends on the time (`due=true`) is not kept. Every write of
//! the user's rows moves the position in its transaction, on whichever
//! server made it, so a kept page never answers after a write: the next
//! request reads the new position and searches again. The stored JSON of a
//! contact is written with its row, so nothing in a page ages.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use actix_web::web::Bytes;
use diesel::QueryResult;

use super::store;
use crate::changes::kept::Kept;
use crate::db::DbConn;

/// The users whose pages are kept (the least recently searching goes).
/// Each user's pages at one position take at most the budget the caller
/// gives (`search_pages_kib`, 1 MiB by default: a page of 50 contacts is
/// about 40 KB); once they fill it, further pages are not kept until the
/// next write.
const USERS: usize = 8;

/// What `kith_kept_total` counts these under: a read answered by a page.
const NAME: &str = "search_pages";

static PAGES: LazyLock<Kept<Pages>> = LazyLock::new(|| Kept::new(NAME, USERS));

/// Moved by `forget_all`: pages of an older epoch are not kept.
static EPOCH: AtomicU64 = AtomicU64::new(0);

/// One user's pages at one position, by query string.
#[derive(Default)]
pub struct Pages {
    /// The `EPOCH` it was made in.
    epoch: u64,
    kept: Mutex<(usize, HashMap<Box<str>, Page>)>,
}

/// Forgets every page kept, and keeps none of those being read: after a
/// write that moves no feed position (`service::fill_missing_json`, which
/// writes search text after a migration), once it has committed.
pub fn forget_all() {
    EPOCH.fetch_add(1, Ordering::SeqCst);
    PAGES.clear();
}

/// A page's JSON, and whether it holds any contact.
pub type Page = (Bytes, bool);

impl Pages {
    /// The user's pages at the feed position the database holds now; none
    /// for an account that is gone, nor while a backfill writes search text
    /// (`store::tails_written`), which moves no position.
    pub fn now(conn: &mut DbConn, user_id: &str) -> QueryResult<Option<Arc<Pages>>> {
        if !store::tails_written(conn)? {
            return Ok(None);
        }
        let at = crate::changes::store::position(conn, user_id)?;
        Ok(at.map(|at| Pages::at(user_id, at)))
    }

    /// The user's pages at feed position `at`.
    fn at(user_id: &str, at: i64) -> Arc<Pages> {
        let epoch = EPOCH.load(Ordering::SeqCst);
        let empty = || {
            Ok::<_, std::convert::Infallible>(Pages {
                epoch,
                ..Pages::default()
            })
        };
        let (pages, _) = PAGES
            .value_at(user_id, at, empty)
            .unwrap_or_else(|never| match never {});
        pages
    }

    /// The page kept for `query` (counted as a hit or a miss).
    pub fn find(&self, query: &str) -> Option<Page> {
        let kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        let page = kept.1.get(query).cloned();
        crate::changes::kept::count(NAME, page.is_some());
        page
    }

    /// Keeps `page` for `query`, unless this position's pages would then
    /// take more than `budget` bytes.
    pub fn keep(&self, query: &str, page: &Page, budget: usize) {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if self.epoch != EPOCH.load(Ordering::SeqCst) {
            return;
        }
        let (bytes, pages) = &mut *kept;
        let size = page.0.len() + query.len();
        if *bytes + size > budget || pages.contains_key(query) {
            return;
        }
        *bytes += size;
        // A copy of its own size: a page is written into a buffer with room
        // for a long one, which `Bytes` would otherwise keep whole.
        let copy = Bytes::copy_from_slice(&page.0);
        pages.insert(query.into(), (copy, page.1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page {
        (Bytes::copy_from_slice(text.as_bytes()), true)
    }

    #[test]
    fn a_page_answers_its_query_at_its_position_only() {
        let pages = Pages::at("kept-test-user", 5);
        pages.keep("q=ana", &page("ana"), 1 << 20);
        assert_eq!(
            Pages::at("kept-test-user", 5).find("q=ana"),
            Some(page("ana"))
        );
        assert_eq!(Pages::at("kept-test-user", 5).find("q=an"), None);
        assert_eq!(Pages::at("kept-test-user", 6).find("q=ana"), None);
        assert_eq!(Pages::at("kept-test-other", 5).find("q=ana"), None);
    }

    #[test]
    fn a_full_position_keeps_no_more() {
        let pages = Pages::default();
        let big = "x".repeat(1000);
        pages.keep("q=a", &page(&big), 2000);
        pages.keep("q=b", &page(&big), 2000);
        assert!(pages.find("q=a").is_some());
        assert_eq!(pages.find("q=b"), None);
    }
}
