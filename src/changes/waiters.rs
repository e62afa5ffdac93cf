//! Requests waiting for a user's next change — long polls
//! (`GET /v1/changes?wait=`) and streams (`GET /v1/changes/stream`) — and
//! the one task per process that wakes them: every 50 ms, while anyone
//! waits, it reads the waiting users' feed positions (`users.change_seq`,
//! one indexed read for all of them) and wakes those whose feed moved. A
//! write through any process on the same database wakes them, with nothing
//! added to the write itself.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::watch;

use super::store;
use crate::db::Db;

/// How often waiting users' feeds are looked at.
pub const POLL: Duration = Duration::from_millis(50);

/// The most streams one user may hold open at once.
pub const MAX_STREAMS: usize = 5;

#[derive(Default)]
pub struct Waiters {
    users: Mutex<HashMap<String, watch::Sender<i64>>>,
    streams: Mutex<HashMap<String, usize>>,
}

/// An open stream, counted against its user's limit while it lives.
pub struct StreamSlot {
    waiters: Arc<Waiters>,
    user_id: String,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut streams = self
            .waiters
            .streams
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(n) = streams.get_mut(&self.user_id) {
            *n -= 1;
            if *n == 0 {
                streams.remove(&self.user_id);
            }
        }
    }
}

impl Waiters {
    /// A receiver that changes when the user's feed moves (and, once, when
    /// it is first looked at).
    pub fn watch(&self, user_id: &str) -> watch::Receiver<i64> {
        let mut users = self.users.lock().unwrap_or_else(|e| e.into_inner());
        users
            .entry(user_id.to_string())
            .or_insert_with(|| watch::channel(i64::MIN).0)
            .subscribe()
    }

    /// A stream's place, unless the user holds `MAX_STREAMS` already.
    pub fn open_stream(self: &Arc<Self>, user_id: &str) -> Option<StreamSlot> {
        let mut streams = self.streams.lock().unwrap_or_else(|e| e.into_inner());
        let n = streams.entry(user_id.to_string()).or_insert(0);
        if *n >= MAX_STREAMS {
            return None;
        }
        *n += 1;
        Some(StreamSlot {
            waiters: Arc::clone(self),
            user_id: user_id.to_string(),
        })
    }

    /// The users someone waits for (forgetting those no one waits for).
    fn waited_for(&self) -> Vec<String> {
        let mut users = self.users.lock().unwrap_or_else(|e| e.into_inner());
        users.retain(|_, tx| tx.receiver_count() > 0);
        users.keys().cloned().collect()
    }

    /// The user's feed is at `seq`: wakes whoever waits when it moved.
    fn at(&self, user_id: &str, seq: i64) {
        let users = self.users.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tx) = users.get(user_id) {
            tx.send_if_modified(|known| {
                let moved = seq > *known;
                *known = (*known).max(seq);
                moved
            });
        }
    }
}

/// Wakes waiting requests until the process stops.
pub async fn run(db: Db, waiters: Arc<Waiters>) {
    loop {
        tokio::time::sleep(POLL).await;
        let users = waiters.waited_for();
        if users.is_empty() {
            continue;
        }
        match db
            .read(move |conn| Ok(store::positions(conn, &users)?))
            .await
        {
            Ok(positions) => {
                for (user_id, seq) in positions {
                    waiters.at(&user_id, seq);
                }
            }
            Err(e) => tracing::warn!(error = %e, "change waiters: the feeds could not be read"),
        }
    }
}
