//! What reads find that only a write changes, kept in this process for a
//! few users, each under the position of the user's change feed
//! (`users.change_seq`) it was read at: the open needs and the close
//! contacts that matches and suggestions read (`network::service`), and a
//! search's pages of contacts (`contacts::kept`).
//!
//! Every write of a user's data records a change and so moves that
//! position in its own transaction, on whichever replica made it; a kept
//! value is used only while the position read now is the one it was kept
//! under, so a request never sees less than the database holds. The
//! position is read before the value: a value read together with a newer
//! write is at worst kept under the older position, and read again at the
//! next. (docs/BENCHMARKS.md, "Paying it forward" and "Search".)

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// Values per user, each under the feed position it was read at.
pub struct Kept<T> {
    /// What is kept, for the `kith_kept_total` counter.
    name: &'static str,
    /// How many users' values it holds; the least recently used goes.
    users: usize,
    entries: Mutex<Entries<T>>,
}

struct Entries<T> {
    /// user id → (position, last use, value)
    by_user: HashMap<String, (i64, u64, Arc<T>)>,
    uses: u64,
}

impl<T> Kept<T> {
    /// Values of `name` for at most `users` users.
    pub fn new(name: &'static str, users: usize) -> Self {
        Kept {
            name,
            users,
            entries: Mutex::new(Entries {
                by_user: HashMap::new(),
                uses: 0,
            }),
        }
    }

    /// The user's value at feed position `at`: the one kept under it, or
    /// what `load` reads (then kept); counted as a hit or a miss.
    pub fn get<E>(
        &self,
        user_id: &str,
        at: i64,
        load: impl FnOnce() -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        let (value, hit) = self.value_at(user_id, at, load)?;
        count(self.name, hit);
        Ok(value)
    }

    /// `get` uncounted, and whether the value was kept: for a value that
    /// counts its own hits (a user's search pages, each found or not).
    pub fn value_at<E>(
        &self,
        user_id: &str,
        at: i64,
        load: impl FnOnce() -> Result<T, E>,
    ) -> Result<(Arc<T>, bool), E> {
        if let Some(value) = self.find(user_id, at) {
            return Ok((value, true));
        }
        let value = Arc::new(load()?);
        self.keep(user_id, at, value.clone());
        Ok((value, false))
    }

    /// Forgets every user's value.
    pub fn clear(&self) {
        let mut e = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        e.by_user.clear();
    }

    fn find(&self, user_id: &str, at: i64) -> Option<Arc<T>> {
        let mut e = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        e.uses += 1;
        let uses = e.uses;
        let (position, used, value) = e.by_user.get_mut(user_id)?;
        if *position != at {
            return None;
        }
        *used = uses;
        Some(value.clone())
    }

    fn keep(&self, user_id: &str, at: i64, value: Arc<T>) {
        let mut e = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        e.uses += 1;
        let uses = e.uses;
        // A slower request's older read never replaces a newer one.
        if e.by_user.get(user_id).is_some_and(|(p, _, _)| *p > at) {
            return;
        }
        if !e.by_user.contains_key(user_id) && e.by_user.len() >= self.users {
            let oldest = e
                .by_user
                .iter()
                .min_by_key(|(_, (_, used, _))| *used)
                .map(|(user, _)| user.clone());
            if let Some(user) = oldest {
                e.by_user.remove(&user);
            }
        }
        e.by_user.insert(user_id.to_string(), (at, uses, value));
    }
}

/// One read of what `name` keeps: answered from it (`hit`) or not.
pub fn count(name: &'static str, hit: bool) {
    let outcome = if hit { "hit" } else { "miss" };
    metrics::counter!("kith_kept_total", "of" => name, "outcome" => outcome).increment(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(n: i32) -> impl FnOnce() -> Result<i32, ()> {
        move || Ok(n)
    }

    #[test]
    fn a_value_serves_only_its_position() {
        let kept = Kept::new("test", 16);
        assert_eq!(*kept.get("u", 1, load(10)).unwrap(), 10);
        assert_eq!(*kept.get("u", 1, load(11)).unwrap(), 10);
        assert_eq!(*kept.get("u", 2, load(12)).unwrap(), 12);
        // An older read does not replace the newer value.
        assert_eq!(*kept.get("u", 1, load(13)).unwrap(), 13);
        assert_eq!(*kept.get("u", 2, load(14)).unwrap(), 12);
        assert_eq!(*kept.get("v", 2, load(20)).unwrap(), 20);
    }

    #[test]
    fn the_least_recently_used_user_goes_first() {
        let kept = Kept::new("test", 3);
        for u in 0..3 {
            kept.get(&u.to_string(), 1, load(u)).unwrap();
        }
        kept.get("0", 1, load(-1)).unwrap();
        kept.get("new", 1, load(-2)).unwrap();
        assert_eq!(*kept.get("0", 1, load(-3)).unwrap(), 0);
        assert_eq!(*kept.get("1", 1, load(-4)).unwrap(), -4);
    }
}
