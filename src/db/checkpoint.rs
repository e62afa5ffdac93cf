//! SQLite's WAL checkpoints, off the writer's thread.
//!
//! A commit in WAL mode appends the pages it changed to the WAL; a
//! checkpoint copies them back into the database file and syncs it. By
//! default the connection that commits runs the checkpoint once the WAL
//! holds 1,000 pages — inside that commit, on the one writer thread, while
//! every other write waits (a capture of 1,000 messages spent a fifth of its
//! time there; docs/BENCHMARKS.md, "Captures"). Here a thread of its own,
//! with its own connection, checkpoints every `EVERY` (`PASSIVE`: it copies
//! what no reader still needs and waits for no one; with nothing new it
//! does no I/O). The writer checkpoints by itself only past `BACKSTOP`
//! pages, should this thread fall behind, so the WAL stays bounded.
//!
//! Durability is unchanged: a commit is in the WAL either way, and a crash
//! at any moment leaves a WAL that SQLite replays or checkpoints on open.

use std::time::Duration;

use diesel::connection::SimpleConnection;

use super::DbTarget;

/// How often the thread checkpoints.
const EVERY: Duration = Duration::from_millis(100);

/// The WAL pages past which the writer checkpoints by itself (about 40 MiB
/// of 4 KiB pages), set on its connection.
pub(super) const BACKSTOP: &str = "PRAGMA wal_autocheckpoint = 10000;";

/// The checkpointing thread of one SQLite database. It stops when the last
/// clone of this handle is dropped (with the `Db` that holds it).
#[derive(Clone)]
pub(super) struct Checkpoints {
    _running: crossbeam_channel::Sender<()>,
}

impl Checkpoints {
    /// Starts the thread on a connection of its own to `target`.
    pub(super) fn start(target: &DbTarget) -> Result<Checkpoints, String> {
        let mut conn = target.connect()?;
        let (running, stopped) = crossbeam_channel::bounded::<()>(0);
        std::thread::Builder::new()
            .name("kith-db-checkpoint".into())
            .spawn(move || {
                let mut failing = false;
                // Nothing is ever sent: the wait ends when every sender is gone.
                while let Err(crossbeam_channel::RecvTimeoutError::Timeout) =
                    stopped.recv_timeout(EVERY)
                {
                    let done = conn.batch_execute("PRAGMA wal_checkpoint(PASSIVE);");
                    match turn(&mut failing, done.err()) {
                        Some(Turn::Failing(e)) => tracing::warn!(
                            error = %e,
                            "WAL checkpoints fail (the writer checkpoints past its backstop; \
                             logged again when they work)"
                        ),
                        Some(Turn::Working) => tracing::info!("WAL checkpoints work again"),
                        None => {}
                    }
                }
            })
            .map_err(|e| format!("cannot start the checkpoint thread: {e}"))?;
        Ok(Checkpoints { _running: running })
    }
}

/// A change between checkpoints that work and checkpoints that fail.
#[derive(Debug, PartialEq)]
enum Turn<E> {
    Failing(E),
    Working,
}

/// What to log after a checkpoint that failed with `error` (or worked):
/// only the turns, so that a lasting failure is one line, not ten a second.
fn turn<E>(failing: &mut bool, error: Option<E>) -> Option<Turn<E>> {
    match (error, *failing) {
        (Some(e), false) => {
            *failing = true;
            Some(Turn::Failing(e))
        }
        (None, true) => {
            *failing = false;
            Some(Turn::Working)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lasting_failure_is_logged_once_and_its_end_once() {
        let mut failing = false;
        let seen: Vec<Option<Turn<&str>>> =
            [None, Some("busy"), Some("busy"), Some("io"), None, None]
                .into_iter()
                .map(|e| turn(&mut failing, e))
                .collect();
        assert_eq!(
            seen,
            [
                None,
                Some(Turn::Failing("busy")),
                None,
                None,
                Some(Turn::Working),
                None
            ]
        );
    }
}
