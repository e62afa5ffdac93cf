//! What a create or a patch of a ledger entry changes, and the rules of
//! status moves.

#[derive(Debug, Default, Clone)]
pub struct EntryChanges {
    pub contact_id: Option<String>,
    pub direction: Option<String>,
    pub kind: Option<String>,
    pub description: Option<String>,
    pub weight: Option<i32>,
    pub status: Option<String>,
    pub occurred_on: Option<Option<String>>,
    pub due_on: Option<Option<String>>,
    pub interaction_id: Option<Option<String>>,
    pub repays_id: Option<Option<String>>,
}

/// Whether an entry may move from `from` to `to`.
pub fn can_move(from: &str, to: &str) -> bool {
    from == to
        || matches!(
            (from, to),
            ("open", "done" | "declined" | "cancelled") | ("done", "cancelled")
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_entries_may_close_and_done_ones_may_only_be_cancelled() {
        assert!(can_move("open", "done"));
        assert!(can_move("open", "declined"));
        assert!(can_move("open", "cancelled"));
        assert!(can_move("done", "cancelled"));
        assert!(!can_move("done", "open"));
        assert!(!can_move("declined", "done"));
        assert!(!can_move("cancelled", "open"));
        assert!(can_move("declined", "declined"));
    }
}
