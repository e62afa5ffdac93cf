//! Many writes, each as if in a savepoint of its own, for the price of few
//! savepoints.
//!
//! An import or a batch writes its rows one by one, and a row that fails
//! must leave nothing behind while the others go in: a savepoint per row.
//! On SQLite that savepoint costs more than the row: the first change to
//! each page inside a savepoint copies the page to the statement journal,
//! which spills to a temporary file past 64 KiB (a 10,000-row import wrote
//! 1.6 GB there; docs/BENCHMARKS.md, "Imports"). So rows are written in
//! groups, one savepoint per group; when a row of a group fails, the group
//! is rolled back and written again row by row, each in a savepoint of its
//! own. What is kept is the same as with a savepoint apiece.

use diesel::Connection;

use super::DbConn;

/// How many rows are tried together in one savepoint.
const GROUP: usize = 64;

/// The result of `write` for each of `items`, in order, each written as if
/// in a savepoint of its own: an item whose `write` fails leaves nothing
/// written, and the others are kept.
///
/// `write` may run more than once for an item (again, after another item
/// of its group failed), with the first run's writes rolled back: it must
/// tell what it did only by what it returns.
pub fn each_alone<I, T, E>(
    conn: &mut DbConn,
    items: &[I],
    mut write: impl FnMut(&mut DbConn, &I) -> Result<T, E>,
) -> Vec<Result<T, E>>
where
    E: From<diesel::result::Error>,
{
    let mut done = Vec::with_capacity(items.len());
    for group in items.chunks(GROUP) {
        let together = conn.transaction(|c| {
            group
                .iter()
                .map(|item| write(c, item))
                .collect::<Result<Vec<T>, E>>()
        });
        match together {
            Ok(all) => done.extend(all.into_iter().map(Ok)),
            Err(_) => done.extend(
                group
                    .iter()
                    .map(|item| conn.transaction(|c| write(c, item))),
            ),
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::DbTarget;
    use diesel::connection::SimpleConnection;
    use diesel::sql_types::BigInt;
    use diesel::RunQueryDsl;

    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }

    /// 200 items in four groups (the last short); items 3, 40 and 150
    /// write their row and then fail. Exactly the others' rows are kept,
    /// each once, the results are in order, and only the groups holding a
    /// failure are written again.
    #[test]
    fn a_failed_item_leaves_nothing_and_the_others_are_kept_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = DbTarget::Sqlite(dir.path().join("t.db")).connect().unwrap();
        conn.batch_execute("CREATE TABLE scratch (n BIGINT NOT NULL UNIQUE)")
            .unwrap();
        let failing = [3, 40, 150];
        let items: Vec<i64> = (0..200).collect();
        let mut runs = vec![0; items.len()];
        let results = conn
            .transaction(|c| {
                Ok::<_, diesel::result::Error>(each_alone(c, &items, |c, &n| {
                    runs[n as usize] += 1;
                    c.batch_execute(&format!("INSERT INTO scratch VALUES ({n})"))?;
                    match failing.contains(&n) {
                        true => Err(diesel::result::Error::RollbackTransaction),
                        false => Ok(n * 10),
                    }
                }))
            })
            .unwrap();
        let got: Vec<Option<i64>> = results.into_iter().map(Result::ok).collect();
        let expected: Vec<Option<i64>> = items
            .iter()
            .map(|n| (!failing.contains(n)).then_some(n * 10))
            .collect();
        assert_eq!(got, expected);
        let DbConn::Sqlite(c) = &mut conn else {
            unreachable!()
        };
        let rows: Vec<i64> = diesel::sql_query("SELECT n FROM scratch ORDER BY n")
            .load::<Row>(c)
            .unwrap()
            .into_iter()
            .map(|r| r.n)
            .collect();
        let wanted: Vec<i64> = items
            .iter()
            .copied()
            .filter(|n| !failing.contains(n))
            .collect();
        assert_eq!(rows, wanted, "every row but the failed ones, once each");
        // The first group ran up to item 3, then every item alone.
        assert_eq!(&runs[..5], &[2, 2, 2, 2, 1]);
        assert_eq!(runs[40], 1, "not reached before item 3 failed");
        assert!(
            runs[64..128].iter().all(|&r| r == 1),
            "a group without failure runs once"
        );
        assert_eq!(&runs[149..152], &[2, 2, 1]);
        assert!(runs[192..].iter().all(|&r| r == 1));
    }
}
