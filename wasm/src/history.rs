//! Undo and redo as patches, not snapshots: each step remembers what one
//! change did record by record ([`crate::sync::Patch`]), and undo applies
//! its inverse to the data as it is *now*. So undo takes back this tab's
//! own last change and nothing else, even when another tab has added,
//! edited or deleted other figures since (a snapshot would bring back the
//! state before the change, erasing theirs). Bounded so a long session
//! stays light.

use std::vec::Vec;

/// Where an action came from, for its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// One figure added.
    Added,
    /// One figure edited.
    Edited,
    /// One figure deleted.
    Deleted,
    /// A file imported.
    Imported,
    /// The example figures loaded.
    Examples,
    /// Back to the vision's defaults.
    Reset,
}

/// How many steps back undo goes.
pub const DEPTH: usize = 100;

/// Steps to undo and steps undone.
#[derive(Debug)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

impl<T> History<T> {
    /// Remember a new change; what was undone can no longer be redone.
    pub fn record(&mut self, step: T) {
        self.push_undo(step);
        self.redo.clear();
    }

    fn push_undo(&mut self, step: T) {
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(step);
    }

    /// The last change, to undo.
    pub fn take_undo(&mut self) -> Option<T> {
        self.undo.pop()
    }

    /// The last change undone, to redo.
    pub fn take_redo(&mut self) -> Option<T> {
        self.redo.pop()
    }

    /// A change was undone: it can be redone.
    pub fn undone(&mut self, step: T) {
        self.redo.push(step);
    }

    /// A change was redone: it can be undone again.
    pub fn redone(&mut self, step: T) {
        self.push_undo(step);
    }

    /// Whether undo has anything.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether redo has anything.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_redo() {
        let mut h = History::default();
        h.record(1);
        h.record(2);
        assert_eq!(h.take_undo(), Some(2));
        h.undone(2);
        assert_eq!(h.take_undo(), Some(1));
        h.undone(1);
        assert_eq!(h.take_undo(), None);
        assert_eq!(h.take_redo(), Some(1));
        h.redone(1);
        assert!(h.can_redo());
        h.record(3);
        assert!(!h.can_redo());
        for i in 0..200 {
            h.record(i);
        }
        assert_eq!(h.undo.len(), DEPTH);
    }
}
